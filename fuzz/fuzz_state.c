/* SPDX-License-Identifier: Apache-2.0 */
/* The seeded scratch engine of the state fuzz targets, and the outcome checks they share. */
#include "fuzz_state.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "fuzz_support.h"
#include "tg/inspect.h"
#include "tg/license.h"
#include "tg/lists.h"
#include "tg/ship.h"

static tg_engine *g_engine;
static char g_dir[256];

static _Noreturn void die(const char *what, const tg_err *err)
{
	fprintf(stderr, "fuzz_state: %s: %s\n", what, err ? err->msg : "");
	abort();
}

/* The whole of a source-tree file (malloc'd, NUL-terminated); aborts when it cannot be read. */
static char *slurp(const char *rel, size_t *len)
{
	char path[512];
	FILE *f;
	char *s;
	long n;
	snprintf(path, sizeof(path), "%s/%s", TG_SOURCE_DIR, rel);
	if ((f = fopen(path, "rb")) == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 || (s = malloc((size_t)n + 1)) == NULL || fread(s, 1, (size_t)n, f) != (size_t)n)
		die(path, NULL);
	fclose(f);
	s[n] = '\0';
	*len = (size_t)n;
	return s;
}

static void cleanup(void)
{
	static const char *const files[] = {"state.db", "state.db-wal", "state.db-shm", "state.db-journal"};
	char path[320];
	size_t i;
	tg_engine_free(g_engine);
	g_engine = NULL;
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", g_dir, files[i]);
		unlink(path);
	}
	rmdir(g_dir);
}

/* A fresh directory for the database: /dev/shm when writable (fsync is free there), else the scratch dir. */
static const char *db_dir(void)
{
	const char *base;
	struct stat sb;
	snprintf(g_dir, sizeof(g_dir), "/dev/shm/tgfuzz-state.XXXXXX");
	if (stat("/dev/shm", &sb) == 0 && S_ISDIR(sb.st_mode) && access("/dev/shm", W_OK) == 0 && mkdtemp(g_dir))
		return g_dir;
	if ((base = tg_fuzz_dir()) == NULL)
		die("no scratch directory", NULL);
	snprintf(g_dir, sizeof(g_dir), "%s/state", base);
	if (mkdir(g_dir, 0700) != 0)
		die(g_dir, NULL);
	return g_dir;
}

static void seed_doc(int (*fn)(tg_buf *, struct tg_engine *, const char *, size_t, tg_err *), const char *rel)
{
	tg_buf out = TG_BUF_INIT;
	tg_err err = TG_ERR_INIT;
	size_t len;
	char *s = slurp(rel, &len);
	if (fn(&out, g_engine, s, len, &err) != TG_OK)
		die(rel, &err);
	tg_buf_dispose(&out);
	free(s);
}

static void seed(void)
{
	tg_list_load_opts lo = TG_LIST_LOAD_OPTS_INIT;
	tg_list_snapshot snap;
	tg_check_opts co = TG_CHECK_OPTS_INIT;
	tg_check_result res;
	tg_err err = TG_ERR_INIT;
	char path[512];
	const char *texts[1];
	size_t lens[1];
	char *order;

	snprintf(path, sizeof(path), "%s/fixtures/lists/sample-csl.csv", TG_SOURCE_DIR);
	memset(&snap, 0, sizeof(snap));
	if (tg_lists_load(&snap, tg_engine_store(g_engine), path, &lo, &err) != TG_OK ||
	    tg_engine_reload_screener(g_engine, &err) != TG_OK)
		die("sample list", &err);
	seed_doc(tg_license_add, "examples/state/license-acme-cn.json");
	seed_doc(tg_inspect_record, "examples/state/cert-h200-pass.json");
	if (tg_us_volume_record(g_engine, "Acme Accelerators Inc.", "nvidia-h200-sxm", 100000, "2026-01", &err) !=
	    TG_OK)
		die("us volume", &err);
	order = slurp("examples/orders/01-h200-china-cbc.json", &lens[0]);
	texts[0] = order;
	memset(&res, 0, sizeof(res));
	if (tg_engine_check_many(&res, 1, g_engine, texts, lens, &co, &err) != TG_OK || res.code != TG_OK)
		die("order EX-001", res.code != TG_OK ? &res.err : &err);
	tg_check_result_dispose(&res);
	free(order);
}

tg_engine *tg_fuzz_engine(void)
{
	tg_engine_opts o = TG_ENGINE_OPTS_INIT;
	tg_err err = TG_ERR_INIT;
	char db[320];
	if (g_engine != NULL)
		return g_engine;
	snprintf(db, sizeof(db), "%s/state.db", db_dir());
	o.db_path = db;
	o.data_dir = TG_SOURCE_DIR;
	if (tg_engine_open(&g_engine, &o, &err) != TG_OK)
		die("engine", &err);
	atexit(cleanup);
	tg_engine_set_actor(g_engine, "fuzz");
	seed();
	return g_engine;
}

void tg_fuzz_check_outcome(int rc, const tg_err *err, const tg_buf *out)
{
	json_t *j;
	if (getenv("TG_FUZZ_VERBOSE"))
		fprintf(stderr, "fuzz: code %d %s | %.160s\n", rc, err->msg, out->ptr ? out->ptr : "");
	if (rc > 0 || rc < TG_EREFUSED || rc == TG_EDB || rc == TG_EINTERNAL || rc == TG_EIO || rc == TG_ENOMEM) {
		fprintf(stderr, "fuzz_state: code %d: %s\n", rc, err->msg);
		abort();
	}
	if (memchr(err->msg, '\0', sizeof(err->msg)) == NULL || strchr(err->msg, '\n') != NULL ||
	    memchr(err->field, '\0', sizeof(err->field)) == NULL)
		abort();
	if (rc != TG_OK && rc != TG_EREFUSED)
		return;
	j = json_loadb(out->ptr ? out->ptr : "", out->size, 0, NULL);
	if (!json_is_object(j)) {
		fprintf(stderr, "fuzz_state: code %d and no JSON object: %.200s\n", rc, out->ptr ? out->ptr : "");
		abort();
	}
	json_decref(j);
}

void tg_fuzz_twice(const char *name, tg_fuzz_op op, const uint8_t *data, size_t size)
{
	tg_engine *e = tg_fuzz_engine();
	tg_buf out = TG_BUF_INIT, again = TG_BUF_INIT;
	tg_err err = TG_ERR_INIT, err2 = TG_ERR_INIT;
	int rc, rc2;
	rc = op(&out, e, (const char *)data, size, &err);
	tg_fuzz_check_outcome(rc, &err, &out);
	rc2 = op(&again, e, (const char *)data, size, &err2);
	tg_fuzz_check_outcome(rc2, &err2, &again);
	/* what was accepted once is replayed (TG_OK) the second time; what failed on input fails the same way */
	if ((rc == TG_OK && rc2 != TG_OK) || (rc == TG_EINVALID && rc2 != TG_EINVALID) ||
	    (rc == TG_ELIMIT && rc2 != TG_ELIMIT)) {
		fprintf(stderr, "%s: first %d (%s), second %d (%s)\n", name, rc, err.msg, rc2, err2.msg);
		abort();
	}
	tg_buf_dispose(&out);
	tg_buf_dispose(&again);
}
