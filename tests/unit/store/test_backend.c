/* SPDX-License-Identifier: Apache-2.0 */
/* The store contract on every backend: SQLite always; PostgreSQL with `--pg` when TG_TEST_PG_DSN names a
 * scratch database (its tollgate tables are emptied first; ctest label "pg"). Nested transactions,
 * conflicts, changes, NULLs, 64-bit integers, booleans, implicit ids, ORDER BY rowid, placeholders
 * beside quoted '?', multi-row results, idempotent migrations, and deferred-durability transactions
 * (visible to another connection at commit, nested and rolled back like any other, then synced). */
#include "tg_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store.h"

static char where[1024]; /* SQLite path or PostgreSQL DSN */

static tg_store *open_store(void)
{
	tg_store *st = NULL;
	tg_err err = TG_ERR_INIT;
	if (tg_store_open(&st, where, &err) != TG_OK)
		fail_msg("open %s: %s", where, err.msg);
	return st;
}

/* Run a statement with up to two text parameters; return its first column of the first row as
 * int64 (or -1 when no row), the step's error code when it fails. */
static int64_t run(tg_store *st, const char *sql, const char *a, const char *b)
{
	tg__stmt *s;
	tg_err err = TG_ERR_INIT;
	int64_t v = -1;
	int rc;
	if ((rc = tg__store_prepare(&s, st, sql, &err)) < 0)
		fail_msg("prepare %s: %s", sql, err.msg);
	if (a)
		tg__stmt_bind_text(s, 1, a, -1);
	if (b)
		tg__stmt_bind_text(s, 2, b, -1);
	rc = tg__stmt_step(s, &err);
	if (rc == 1)
		v = tg__stmt_int64(s, 0);
	tg__stmt_reset(s);
	return rc < 0 ? rc : v;
}

static const char INS_DEC[] = "INSERT INTO decisions (order_id, content_hash, as_of, verdict, exporter, order_json,"
			      " decision_json, recorded_at) VALUES (?, 'h?', '2026-01-01', ?, 'e', '{}', '{}', 'now')";
static const char COUNT_DEC[] = "SELECT count(*) FROM decisions";

static int setup(void **state)
{
	static const char *const tables[] = {"decisions", "license_items", "screen_overrides", NULL};
	tg_store *st;
	char sql[128];
	size_t i;
	(void)state;
	st = open_store();
	for (i = 0; tables[i]; i++) {
		snprintf(sql, sizeof(sql), "DELETE FROM %s", tables[i]);
		assert_int_equal(tg__store_exec(st, sql, NULL), TG_OK);
	}
	tg_store_free(st);
	return 0;
}

static void store__transactions_nest_and_roll_back(void **state)
{
	tg_store *st = open_store();
	tg_err err = TG_ERR_INIT;
	(void)state;
	assert_int_equal(tg__store_begin(st, &err), TG_OK);
	assert_int_equal(tg__store_begin(st, &err), TG_OK);
	assert_int_equal(run(st, INS_DEC, "a", "allow"), -1);
	assert_int_equal(tg__store_commit(st, &err), TG_OK);
	assert_int_equal(run(st, INS_DEC, "b", "deny"), -1);
	assert_int_equal(tg__store_commit(st, &err), TG_OK);
	assert_int_equal(run(st, COUNT_DEC, NULL, NULL), 2);
	assert_int_equal(tg__store_begin(st, &err), TG_OK);
	assert_int_equal(run(st, INS_DEC, "c", "allow"), -1);
	tg__store_rollback(st);
	assert_int_equal(run(st, COUNT_DEC, NULL, NULL), 2);
	/* a duplicate key is a conflict, outside and inside a transaction (which then rolls back) */
	assert_int_equal(run(st, INS_DEC, "a", "allow"), TG_ECONFLICT);
	assert_int_equal(tg__store_begin(st, &err), TG_OK);
	assert_int_equal(run(st, INS_DEC, "d", "allow"), -1);
	assert_int_equal(run(st, INS_DEC, "a", "allow"), TG_ECONFLICT);
	tg__store_rollback(st);
	assert_int_equal(run(st, COUNT_DEC, NULL, NULL), 2);
	assert_int_equal(tg__store_commit(st, &err), TG_EINTERNAL);
	tg_store_free(st);
}

static void store__deferred_transactions_commit_and_sync(void **state)
{
	tg_store *st = open_store(), *other = open_store();
	tg_err err = TG_ERR_INIT;
	(void)state;
	assert_int_equal(tg__store_begin_deferred(st, &err), TG_OK);
	assert_int_equal(tg__store_begin(st, &err), TG_OK); /* nested: an ordinary nested begin */
	assert_int_equal(run(st, INS_DEC, "d1", "allow"), -1);
	assert_int_equal(tg__store_commit(st, &err), TG_OK);
	assert_int_equal(run(other, COUNT_DEC, NULL, NULL), 0); /* not committed yet */
	assert_int_equal(tg__store_commit(st, &err), TG_OK);
	assert_int_equal(run(other, COUNT_DEC, NULL, NULL), 1); /* committed: visible at once */
	assert_int_equal(tg__store_sync(st, &err), TG_OK);
	assert_int_equal(tg__store_begin_deferred(st, &err), TG_OK);
	assert_int_equal(run(st, INS_DEC, "d2", "allow"), -1);
	tg__store_rollback(st);
	assert_int_equal(run(other, COUNT_DEC, NULL, NULL), 1);
	/* an ordinary transaction after a deferred one */
	assert_int_equal(tg__store_begin(st, &err), TG_OK);
	assert_int_equal(run(st, INS_DEC, "d3", "allow"), -1);
	assert_int_equal(tg__store_commit(st, &err), TG_OK);
	assert_int_equal(run(other, COUNT_DEC, NULL, NULL), 2);
	assert_int_equal(tg__store_sync(other, &err), TG_OK);
	tg_store_free(other);
	tg_store_free(st);
}

static void store__changes_nulls_booleans_and_rows(void **state)
{
	static const char upd[] = "UPDATE decisions SET verdict = ? WHERE verdict <> ?";
	static const char sel[] = "SELECT order_id, NULL, count(*) > 0, content_hash FROM decisions WHERE order_id <> ?"
				  " GROUP BY order_id, content_hash ORDER BY order_id";
	tg_store *st = open_store();
	tg__stmt *s;
	int i;
	(void)state;
	assert_int_equal(run(st, INS_DEC, "x1", "allow"), -1);
	assert_int_equal(run(st, INS_DEC, "x2", "deny"), -1);
	assert_int_equal(run(st, INS_DEC, "x3", "deny"), -1);
	assert_int_equal(run(st, upd, "allow", "allow"), -1);
	assert_int_equal(tg__store_changes(st), 2);
	assert_int_equal(run(st, COUNT_DEC, NULL, NULL), 3);
	assert_int_equal(tg__store_changes(st), 2); /* a SELECT leaves it alone */
	assert_int_equal(tg__store_prepare(&s, st, sel, NULL), TG_OK);
	tg__stmt_bind_text(s, 1, "x2", -1);
	for (i = 0; i < 2; i++) {
		assert_int_equal(tg__stmt_step(s, NULL), 1);
		assert_string_equal(tg__stmt_text(s, 0), i == 0 ? "x1" : "x3");
		assert_int_equal(tg__stmt_bytes(s, 0), 2);
		assert_null(tg__stmt_text(s, 1));
		assert_true(tg__stmt_is_null(s, 1));
		assert_false(tg__stmt_is_null(s, 0));
		assert_int_equal(tg__stmt_int64(s, 2), 1);
		assert_string_equal(tg__stmt_text(s, 3), "h?"); /* the '?' in the literal is no placeholder */
	}
	assert_int_equal(tg__stmt_step(s, NULL), 0);
	tg__stmt_reset(s);
	tg_store_free(st);
}

static void store__integers_are_64_bit_and_rowid_keeps_insertion_order(void **state)
{
	static const char ins[] =
		"INSERT INTO license_items (license_id, item, qty_cap, value_cap, value_limit, currency)"
		" VALUES ('L', ?, 1, ?, 0, 'USD')";
	static const char bump[] = "UPDATE license_items SET qty_used = qty_used + 1 WHERE item = ?";
	static const char sel[] = "SELECT item, value_cap FROM license_items WHERE license_id = 'L' ORDER BY rowid";
	static const char *const items[] = {"zeta", "alpha", "mid"};
	tg_store *st = open_store();
	tg__stmt *s;
	int i;
	(void)state;
	for (i = 0; i < 3; i++) {
		assert_int_equal(tg__store_prepare(&s, st, ins, NULL), TG_OK);
		tg__stmt_bind_text(s, 1, items[i], -1);
		tg__stmt_bind_int64(s, 2, INT64_C(5000000000000) + i);
		assert_int_equal(tg__stmt_step(s, NULL), 0);
		tg__stmt_reset(s);
	}
	assert_int_equal(run(st, bump, "zeta", NULL), -1); /* an update does not move the row */
	assert_int_equal(tg__store_prepare(&s, st, sel, NULL), TG_OK);
	for (i = 0; i < 3; i++) {
		assert_int_equal(tg__stmt_step(s, NULL), 1);
		assert_string_equal(tg__stmt_text(s, 0), items[i]);
		assert_true(tg__stmt_int64(s, 1) == INT64_C(5000000000000) + i);
	}
	tg__stmt_reset(s);
	tg_store_free(st);
}

static void store__omitted_integer_primary_key_is_assigned(void **state)
{
	static const char ins[] =
		"INSERT INTO screen_overrides (party_key, party_name, list, source_id, key_hash, decision,"
		" reason, reviewer, decided_at) VALUES (?, 'n', 'l', 's', 'k', 'd', 'r', 'v', 't')";
	static const char sel[] = "SELECT id FROM screen_overrides WHERE party_key = ?";
	tg_store *st = open_store();
	int64_t a, b;
	(void)state;
	assert_int_equal(run(st, ins, "p1", NULL), -1);
	assert_int_equal(run(st, ins, "p2", NULL), -1);
	a = run(st, sel, "p1", NULL);
	b = run(st, sel, "p2", NULL);
	assert_true(a > 0);
	assert_true(b > a);
	tg_store_free(st);
}

static void store__migrations_are_idempotent(void **state)
{
	tg_store *st = open_store();
	tg_err err = TG_ERR_INIT;
	size_t applied = 99;
	(void)state;
	assert_int_equal(tg_store_migrate(st, &applied, &err), TG_OK);
	assert_int_equal(applied, 0);
	assert_true(run(st, "SELECT count(*) FROM tg_schema", NULL, NULL) >= 10);
	assert_string_equal(tg_store_backend(st), strncmp(where, "postgres", 8) == 0 ? "postgresql" : "sqlite");
	tg_store_free(st);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(store__transactions_nest_and_roll_back, setup),
		cmocka_unit_test_setup(store__deferred_transactions_commit_and_sync, setup),
		cmocka_unit_test_setup(store__changes_nulls_booleans_and_rows, setup),
		cmocka_unit_test_setup(store__integers_are_64_bit_and_rowid_keeps_insertion_order, setup),
		cmocka_unit_test_setup(store__omitted_integer_primary_key_is_assigned, setup),
		cmocka_unit_test_setup(store__migrations_are_idempotent, setup),
	};
	if (tg_test_db_arg(where, sizeof(where), argc, argv) == NULL)
		return 0;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
