/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the audit chain: append, verify, and tampering through the store's C API (edit,
 * delete, reorder, truncate): verify names the first broken entry. */
#include "tg_test.h"

#include <stdio.h>
#include <string.h>
#include "audit_chain.h"
#include "store.h"
#include "alloc.h"
#include "tg/tg.h"

static tg_engine *open_engine(const char *name)
{
	tg_engine_opts o = TG_ENGINE_OPTS_INIT;
	tg_engine *e = NULL;
	tg_err err = TG_ERR_INIT;
	static char path[512];
	char file[128];
	snprintf(file, sizeof(file), "%s.db", name);
	tg_test_db(path, sizeof(path), file);
	o.db_path = path;
	o.data_dir = TG_SOURCE_DIR;
	assert_int_equal(tg_engine_open(&e, &o, &err), TG_OK);
	tg_engine_set_actor(e, "unit \"tester\"");
	return e;
}

static void fill(tg_engine *e, int n)
{
	tg_err err = TG_ERR_INIT;
	char data[64];
	int i;
	assert_int_equal(tg__store_begin(tg_engine_store(e), &err), TG_OK);
	for (i = 0; i < n; i++) {
		snprintf(data, sizeof(data), "{\"i\":%d}", i);
		assert_int_equal(tg__audit_append(tg_engine_store(e), tg_engine_actor(e), "test", "s\n1", data, &err),
				 TG_OK);
	}
	assert_int_equal(tg__store_commit(tg_engine_store(e), &err), TG_OK);
}

static int64_t broken_after(const char *name, const char *sql)
{
	tg_engine *e = open_engine(name);
	tg_audit_report r;
	tg_err err = TG_ERR_INIT;
	int rc;
	fill(e, 10);
	assert_int_equal(tg_audit_verify(&r, e, &err), TG_OK);
	assert_int_equal(r.entries, 11); /* seq 1 is the policy version the engine recorded when it opened */
	if (sql)
		assert_int_equal(tg__store_exec(tg_engine_store(e), sql, &err), TG_OK);
	rc = tg_audit_verify(&r, e, &err);
	assert_int_equal(rc, r.first_broken ? TG_ECONFLICT : TG_OK);
	tg_engine_free(e);
	return r.first_broken;
}

static void audit__intact(void **state)
{
	(void)state;
	assert_int_equal(broken_after("intact", NULL), 0);
}

static void audit__edit_delete_reorder(void **state)
{
	(void)state;
	assert_int_equal(
		broken_after("edit", "UPDATE audit_log SET entry = replace(entry, '\"i\":3', '\"i\":5') WHERE seq = 5"),
		5);
	assert_int_equal(broken_after("kind", "UPDATE audit_log SET kind = 'other' WHERE seq = 7"), 7);
	assert_int_equal(broken_after("delete", "DELETE FROM audit_log WHERE seq = 3"), 3);
	assert_int_equal(broken_after("reorder",
				      "UPDATE audit_log SET seq = -1 WHERE seq = 6; UPDATE audit_log SET seq = 6"
				      " WHERE seq = 7; UPDATE audit_log SET seq = 7 WHERE seq = -1"),
			 6);
	assert_int_equal(broken_after("truncate", "DELETE FROM audit_log WHERE seq >= 9"), 9);
	assert_int_equal(broken_after("first", "DELETE FROM audit_log WHERE seq = 1"), 1);
}

static void audit__export(void **state)
{
	tg_engine *e = open_engine("export");
	tg_buf b = TG_BUF_INIT;
	tg_err err = TG_ERR_INIT;
	(void)state;
	fill(e, 3);
	assert_int_equal(tg_audit_export(&b, e, "2000-01-01", "2999-12-31", &err), TG_OK);
	assert_non_null(strstr(b.ptr, "\"actor\":\"unit \\\"tester\\\"\""));
	assert_non_null(strstr(b.ptr, "\"seq\":3,"));
	tg_buf_dispose(&b);
	assert_int_equal(tg_audit_export(&b, e, "1990-01-01", "1990-12-31", &err), TG_OK);
	assert_true(b.size == 0);
	tg_buf_dispose(&b);
	tg_engine_free(e);
}

/* Fail allocation k = 1, 2, ... of an append: TG_ENOMEM (rolled back) or TG_OK, never a broken chain. */
static void audit__oom_sweep(void **state)
{
	tg_engine *e = open_engine("oom");
	tg_store *st = tg_engine_store(e);
	tg_audit_report r;
	tg_err err = TG_ERR_INIT;
	size_t k;
	int rc, ok = 0;
	(void)state;
	for (k = 1; k < 40 && !ok; k++) {
		assert_int_equal(tg__store_begin(st, &err), TG_OK);
		tg__alloc_fail_after(k);
		rc = tg__audit_append(st, "oom", "test", "subject", "{\"k\":1}", &err);
		tg__alloc_fail_after(0);
		assert_true(rc == TG_OK || rc == TG_ENOMEM);
		if (rc == TG_OK) {
			assert_int_equal(tg__store_commit(st, &err), TG_OK);
			ok = 1;
		} else {
			tg__store_rollback(st);
		}
	}
	assert_true(ok);
	assert_int_equal(tg_audit_verify(&r, e, &err), TG_OK);
	assert_int_equal(r.entries, 2); /* the policy version entry and the one append */
	tg_engine_free(e);
}

/* A batch keeps the head in memory: entries chain exactly as one by one, the head row is written once
 * at the end, and a commit that skipped batch_end is refused with nothing written. */
static void audit__batch_head(void **state)
{
	tg_engine *e = open_engine("batch");
	tg_store *st = tg_engine_store(e);
	tg_audit_report r;
	tg_err err = TG_ERR_INIT;
	int i;
	(void)state;
	assert_int_equal(tg__store_begin(st, &err), TG_OK);
	tg__audit_batch_begin(st);
	for (i = 0; i < 3; i++)
		assert_int_equal(tg__audit_append(st, "a", "test", "s", "{}", &err), TG_OK);
	assert_int_equal(tg__store_commit(st, &err), TG_EINTERNAL); /* head not written: rolled back */
	assert_int_equal(tg_audit_verify(&r, e, &err), TG_OK);
	assert_int_equal(r.entries, 1); /* only the policy entry of the engine's open */
	assert_int_equal(tg__store_begin(st, &err), TG_OK);
	tg__audit_batch_begin(st);
	for (i = 0; i < 3; i++)
		assert_int_equal(tg__audit_append(st, "a", "test", "s", "{}", &err), TG_OK);
	assert_int_equal(tg__audit_batch_end(st, &err), TG_OK);
	assert_int_equal(tg__store_commit(st, &err), TG_OK);
	fill(e, 2); /* then one by one, continuing the chain */
	assert_int_equal(tg_audit_verify(&r, e, &err), TG_OK);
	assert_int_equal(r.entries, 6);
	assert_int_equal(r.first_broken, 0);
	tg_engine_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(audit__intact),
		cmocka_unit_test(audit__batch_head),
		cmocka_unit_test(audit__edit_delete_reorder),
		cmocka_unit_test(audit__export),
		cmocka_unit_test(audit__oom_sweep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
