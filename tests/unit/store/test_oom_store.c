/* SPDX-License-Identifier: Apache-2.0 */
/* OOM sweeps of the store: the PostgreSQL dialect functions over every migration, and open + prepare +
 * step + close on SQLite (and on PostgreSQL when TG_TEST_PG_DSN is set): every failing run returns
 * TG_ENOMEM and leaks nothing (ASan). Only libtg's own allocations fail (not SQLite's or libpq's). */
#include "../oom/oom.h"

#include <stdlib.h>
#include <string.h>
#include "store_int.h"
#include "engine_schema.h"
#include "err.h"

static int dialect(void *ctx, tg_err *err)
{
	const tg__migration *m;
	(void)ctx;
	for (m = tg__schema_steps; m->module; m++) {
		int n;
		char *a = tg__pg_schema(m->sql), *b = a ? tg__pg_placeholders(a, &n) : NULL;
		tg__free(a);
		if (b == NULL)
			return tg__oom(err);
		tg__free(b);
	}
	return TG_OK;
}

static int open_query(void *ctx, tg_err *err)
{
	static const char sql[] = "SELECT count(*) FROM tg_schema WHERE module <> ?";
	tg_store *st = NULL;
	tg__stmt *s;
	int rc;
	if ((rc = tg_store_open(&st, ctx, err)) < 0)
		return rc;
	if ((rc = tg__store_prepare(&s, st, sql, err)) == TG_OK) {
		if ((rc = tg__stmt_bind_text(s, 1, "x", -1)) == TG_OK && (rc = tg__stmt_step(s, err)) == 1)
			rc = tg__stmt_int64(s, 0) >= 10 ? TG_OK : TG_EINTERNAL;
		tg__stmt_reset(s);
	}
	tg_store_free(st);
	return rc;
}

static void store__oom_dialect(void **state)
{
	(void)state;
	assert_true(oom_sweep(dialect, NULL, 10000) > 1);
}

static void store__oom_sqlite(void **state)
{
	(void)state;
	assert_true(oom_sweep(open_query, ":memory:", 10000) > 1);
}

static void store__oom_pg(void **state)
{
	const char *dsn = getenv("TG_TEST_PG_DSN");
	(void)state;
	if (dsn == NULL || *dsn == '\0')
		skip();
	assert_true(oom_sweep(open_query, (void *)dsn, 10000) > 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(store__oom_dialect),
		cmocka_unit_test(store__oom_sqlite),
		cmocka_unit_test(store__oom_pg),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
