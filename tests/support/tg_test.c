/* SPDX-License-Identifier: Apache-2.0 */
#include "tg_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "store.h"

const char *tg_test_path(const char *rel)
{
	static char buf[4096];
	snprintf(buf, sizeof(buf), "%s/%s", TG_SOURCE_DIR, rel);
	return buf;
}

const char *tg_test_shared_data(const char *rel)
{
	static char buf[4096];
	snprintf(buf, sizeof(buf), "%s/../shared/data/%s", TG_SOURCE_DIR, rel);
	if (access(buf, R_OK) != 0) {
		fprintf(stderr, "skipped: %s not present (../shared/data absent)\n", buf);
		return NULL;
	}
	return buf;
}

const char *tg_test_tmpdir(void)
{
	static char buf[256];
	const char *t = getenv("TMPDIR");
	snprintf(buf, sizeof(buf), "%s/tgtest.XXXXXX", t ? t : "/tmp");
	if (mkdtemp(buf) == NULL)
		return NULL;
	return buf;
}

const char *tg_test_db(char *out, size_t size, const char *name)
{
	static unsigned serial;
	const char *dsn = getenv("TG_TEST_PG_DSN");
	char sql[64];
	tg_store *st = NULL;
	tg_err err = TG_ERR_INIT;
	const char *dir;
	if (dsn == NULL || *dsn == '\0') {
		if ((dir = tg_test_tmpdir()) == NULL)
			fail_msg("cannot make a temporary directory");
		snprintf(out, size, "%s/%s", dir, name);
		return out;
	}
	/* One schema per call, named after the process and a counter: several test binaries share the
	 * database only if they share the DSN, and then their pids differ. */
	snprintf(sql, sizeof(sql), "t%ld_%u", (long)getpid(), ++serial);
	if ((size_t)snprintf(out, size, "%s%soptions=-c%%20search_path%%3D%s", dsn, strchr(dsn, '?') ? "&" : "?",
			     sql) >= size)
		fail_msg("tg_test_db: buffer too small for %s", dsn);
	static const tg__migration no_steps[] = {{NULL, 0, NULL}};
	if (tg__store_open(&st, dsn, no_steps, &err) != TG_OK)
		fail_msg("tg_test_db: %s", err.msg);
	snprintf(sql, sizeof(sql), "CREATE SCHEMA t%ld_%u", (long)getpid(), serial);
	if (tg__store_exec(st, sql, &err) != TG_OK)
		fail_msg("tg_test_db: %s", err.msg);
	tg_store_free(st);
	return out;
}

const char *tg_test_db_arg(char *out, size_t size, int argc, char **argv)
{
	const char *dsn = getenv("TG_TEST_PG_DSN");
	if (argc > 1 && strcmp(argv[1], "--pg") == 0) {
		if (dsn == NULL || *dsn == '\0') {
			printf("skipped: TG_TEST_PG_DSN is not set\n");
			return NULL;
		}
		snprintf(out, size, "%s", dsn);
	} else {
		snprintf(out, size, "%s/t.db", tg_test_tmpdir());
	}
	return out;
}

int64_t tg_test_scalar(tg_store *st, const char *sql)
{
	tg__stmt *q;
	int64_t v;
	assert_int_equal(tg__store_prepare(&q, st, sql, NULL), TG_OK);
	assert_int_equal(tg__stmt_step(q, NULL), 1);
	v = tg__stmt_int64(q, 0);
	tg__stmt_reset(q);
	return v;
}
