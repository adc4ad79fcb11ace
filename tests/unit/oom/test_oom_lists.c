/* SPDX-License-Identifier: Apache-2.0 */
/* OOM sweeps of tg_lists_load, one per format (CSL CSV, OFAC CSV set, KAIST JSON, tollgate JSON). A load
 * that fails for lack of memory must leave the store unchanged (no snapshot). */
#include "oom.h"

#include <string.h>
#include "tg/lists.h"
#include "tg/store.h"

typedef struct load_ctx {
	tg_store *st;
	const char *path;
	tg_list_format fmt;
	size_t snapshots; /* in the store before the run */
} load_ctx;

static size_t snapshot_count(tg_store *st)
{
	tg_list_snapshot *v = NULL;
	size_t n = 0;
	assert_int_equal(tg_lists_snapshots(&v, &n, st, NULL), TG_OK);
	tg_lists_free(v);
	return n;
}

static int load(void *ctx, tg_err *err)
{
	load_ctx *c = ctx;
	tg_list_load_opts o = TG_LIST_LOAD_OPTS_INIT;
	tg_list_snapshot snap;
	o.format = c->fmt;
	return tg_lists_load(&snap, c->st, c->path, &o, err);
}

/* All or nothing: one more snapshot after a success, none after a failure. */
static void check_store(void *ctx, int rc)
{
	load_ctx *c = ctx;
	size_t after = snapshot_count(c->st);
	if (after != c->snapshots + (rc == TG_OK))
		fail_msg("load returned %d but the store went from %zu to %zu snapshots", rc, c->snapshots, after);
	c->snapshots = after;
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	fclose(f);
}

/* Sweep a load of path (format fmt) into a fresh store. */
static void sweep(const char *path, tg_list_format fmt)
{
	char db[512];
	load_ctx c = {NULL, path, fmt, 0};
	tg_test_db(db, sizeof(db), "lists.db");
	tg_err err = TG_ERR_INIT;
	if (tg_store_open(&c.st, db, &err) != TG_OK)
		fail_msg("%s", err.msg);
	assert_true(oom_sweep_checked(load, check_store, &c, 20000) > 1);
	tg_store_free(c.st);
}

static void oom__lists_csl_csv(void **state)
{
	char path[4096];
	(void)state;
	snprintf(path, sizeof(path), "%s", tg_test_path("tests/resources/lists/csl_small.csv"));
	sweep(path, TG_LIST_FORMAT_CSL_CSV);
}

static void oom__lists_tg_json(void **state)
{
	char path[4096];
	(void)state;
	snprintf(path, sizeof(path), "%s", tg_test_path("tests/resources/lists/blocks.json"));
	sweep(path, TG_LIST_FORMAT_TG_JSON);
}

static void oom__lists_kaist_json(void **state)
{
	char dir[256], path[512];
	(void)state;
	snprintf(dir, sizeof(dir), "%s", tg_test_tmpdir());
	write_file(dir, "restricted_parties.json",
		   "[{\"id\":\"k1\",\"name\":{\"english\":\"Example Photonics Co., Ltd. (ExPho)\",\"native\":\"x\"},"
		   "\"aliases\":[\"ExPho\"],\"entity_type\":\"Entity\",\"countries\":[\"\xec\xa4\x91\xea\xb5\xad\"],"
		   "\"source\":{\"list_id\":\"us-bis-entity-list\"}}]");
	snprintf(path, sizeof(path), "%s/restricted_parties.json", dir);
	sweep(path, TG_LIST_FORMAT_KAIST_JSON);
}

static void oom__lists_ofac_csv(void **state)
{
	char dir[256], path[512];
	(void)state;
	snprintf(dir, sizeof(dir), "%s", tg_test_tmpdir());
	write_file(dir, "sdn.csv",
		   "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
		   "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'BNC'.\"\r\n\x1a");
	write_file(dir, "alt.csv", "306,220,\"aka\",\"NATIONAL BANK OF CUBA\",-0- \r\n");
	write_file(dir, "add.csv", "36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n");
	snprintf(path, sizeof(path), "%s/sdn.csv", dir);
	sweep(path, TG_LIST_FORMAT_OFAC_CSV);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(oom__lists_csl_csv),
		cmocka_unit_test(oom__lists_tg_json),
		cmocka_unit_test(oom__lists_kaist_json),
		cmocka_unit_test(oom__lists_ofac_csv),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
