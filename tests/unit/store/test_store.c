/* SPDX-License-Identifier: Apache-2.0 */
/* The SQLite store: creation with parent directories, idempotent migrations on reopen, nested
 * transactions, rollback, constraint violations as TG_ECONFLICT, the statement cache, the background
 * checkpointer copying the WAL back into the database file while the store is open, and deferred
 * transactions running under synchronous=NORMAL with FULL back for every other one. */
#include "tg_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "store.h"

static char path[512];

static int setup(void **state)
{
	(void)state;
	snprintf(path, sizeof(path), "%s/sub/dir/t.db", tg_test_tmpdir());
	return 0;
}

static int64_t count(tg_store *st)
{
	return tg_test_scalar(st, "SELECT count(*) FROM decisions");
}

/* Insert decision row id with decision_json as given ("{}" where it does not matter). */
static int insert(tg_store *st, const char *id, const char *decision_json, tg_err *err)
{
	static const char sql[] =
		"INSERT INTO decisions (order_id, content_hash, as_of, verdict, exporter, order_json,"
		" decision_json, recorded_at) VALUES (?, 'h', '2026-01-01', 'allow', 'e', '{}', ?, 'now')";
	tg__stmt *s, *again;
	int rc;
	if ((rc = tg__store_prepare(&s, st, sql, err)) < 0)
		return rc;
	assert_int_equal(tg__store_prepare(&again, st, sql, err), TG_OK);
	assert_ptr_equal(s, again); /* cached by SQL text address */
	tg__stmt_bind_text(s, 1, id, -1);
	tg__stmt_bind_text(s, 2, decision_json, -1);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	return rc;
}

static void store__create_reopen_and_transactions(void **state)
{
	tg_store *st = NULL;
	tg_err err = TG_ERR_INIT;
	(void)state;
	assert_int_equal(tg_store_open(&st, path, &err), TG_OK);
	assert_int_equal(count(st), 0);
	/* nested: only the outer commit commits */
	assert_int_equal(tg__store_begin(st, &err), TG_OK);
	assert_int_equal(tg__store_begin(st, &err), TG_OK);
	assert_int_equal(insert(st, "a", "{}", &err), 0);
	assert_int_equal(tg__store_commit(st, &err), TG_OK);
	assert_int_equal(insert(st, "b", "{}", &err), 0);
	assert_int_equal(tg__store_commit(st, &err), TG_OK);
	assert_int_equal(count(st), 2);
	/* rollback drops everything since begin */
	assert_int_equal(tg__store_begin(st, &err), TG_OK);
	assert_int_equal(insert(st, "c", "{}", &err), 0);
	tg__store_rollback(st);
	assert_int_equal(count(st), 2);
	/* a duplicate key is a conflict */
	assert_int_equal(insert(st, "a", "{}", &err), TG_ECONFLICT);
	assert_non_null(strstr(err.msg, "UNIQUE"));
	assert_int_equal(tg__store_commit(st, &err), TG_EINTERNAL);
	tg_store_free(st);
	/* reopening migrates nothing twice and keeps the data */
	assert_int_equal(tg_store_open(&st, path, &err), TG_OK);
	assert_int_equal(count(st), 2);
	tg_store_free(st);
}

static void store__default_path(void **state)
{
	(void)state;
	assert_string_equal(tg_store_default_path("x.db"), "x.db");
	setenv("TOLLGATE_DB", "/tmp/env.db", 1);
	assert_string_equal(tg_store_default_path(NULL), "/tmp/env.db");
	unsetenv("TOLLGATE_DB");
	assert_string_equal(tg_store_default_path(NULL), "./var/tollgate.db");
}

static void store__unwritable_path_fails_cleanly(void **state)
{
	tg_store *st = NULL;
	tg_err err = TG_ERR_INIT;
	(void)state;
	assert_true(tg_store_open(&st, "/proc/nope/t.db", &err) < 0);
	assert_null(st);
	assert_true(strlen(err.msg) > 0);
}

/* 100 commits of 100 rows of 2 KB (about 1,250 pages of WAL): the background checkpointer must copy
 * them into the database file while the store stays open, long before the WAL reaches the size at
 * which the committing connection would checkpoint itself. (It once ran on a connection that had not
 * yet read the database, where a checkpoint succeeds and copies nothing.) */
static void store__checkpointer_copies_the_wal_back(void **state)
{
	char db[600], id[32], big[2048];
	tg_store *st = NULL;
	tg_err err = TG_ERR_INIT;
	struct stat sb;
	int i, k, waited;
	(void)state;
	snprintf(db, sizeof(db), "%s/ckpt.db", tg_test_tmpdir());
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(tg_store_open(&st, db, &err), TG_OK);
	for (i = 0; i < 100; i++) {
		assert_int_equal(tg__store_begin(st, &err), TG_OK);
		for (k = 0; k < 100; k++) {
			snprintf(id, sizeof(id), "c-%d-%d", i, k);
			assert_int_equal(insert(st, id, big, &err), 0);
		}
		assert_int_equal(tg__store_commit(st, &err), TG_OK);
	}
	for (waited = 0; waited < 200; waited++) { /* up to 20 s */
		const struct timespec tick = {0, 100000000L};
		assert_int_equal(stat(db, &sb), 0);
		if (sb.st_size >= 8 * 1024 * 1024)
			break;
		nanosleep(&tick, NULL);
	}
	if (sb.st_size < 8 * 1024 * 1024)
		fail_msg("the database file is %lld bytes after 20 s: the WAL was not checkpointed",
			 (long long)sb.st_size);
	tg_store_free(st);
}

static int64_t synchronous(tg_store *st)
{
	return tg_test_scalar(st, "PRAGMA synchronous");
}

/* A precommit hook: refuses the commit when the first byte of the transaction's state is set. */
static int refuse_when_set(const void *state, tg_err *err)
{
	(void)err;
	return ((const unsigned char *)state)[0] ? TG_EINTERNAL : TG_OK;
}

static void store__deferred_transactions_run_under_normal_only(void **state)
{
	char db[600];
	tg_store *st = NULL;
	tg_err err = TG_ERR_INIT;
	(void)state;
	snprintf(db, sizeof(db), "%s/deferred.db", tg_test_tmpdir());
	assert_int_equal(tg_store_open(&st, db, &err), TG_OK);
	assert_int_equal(synchronous(st), 2); /* FULL */
	assert_int_equal(tg__store_begin_deferred(st, &err), TG_OK);
	assert_int_equal(synchronous(st), 1); /* NORMAL: the commit writes the WAL without fsync */
	assert_int_equal(insert(st, "n1", "{}", &err), 0);
	assert_int_equal(tg__store_commit(st, &err), TG_OK);
	assert_int_equal(synchronous(st), 2);
	assert_int_equal(tg__store_sync(st, &err), TG_OK);
	assert_int_equal(tg__store_begin_deferred(st, &err), TG_OK);
	tg__store_rollback(st);
	assert_int_equal(synchronous(st), 2);
	/* a failed deferred commit (a module's precommit hook refusing, as the audit chain does with its head
	 * left unwritten) also restores FULL, and the per-transaction state is zeroed for the next one */
	assert_int_equal(tg__store_begin_deferred(st, &err), TG_OK);
	((unsigned char *)tg__store_txn_state(st, refuse_when_set))[0] = 1;
	assert_int_equal(tg__store_commit(st, &err), TG_EINTERNAL);
	assert_int_equal(synchronous(st), 2);
	assert_int_equal(count(st), 1);
	assert_int_equal(tg__store_begin(st, &err), TG_OK);
	assert_int_equal(((unsigned char *)tg__store_txn_state(st, refuse_when_set))[0], 0);
	assert_int_equal(tg__store_commit(st, &err), TG_OK);
	tg_store_free(st);
	/* a database in memory has nothing to sync */
	assert_int_equal(tg_store_open(&st, ":memory:", &err), TG_OK);
	assert_int_equal(tg__store_sync(st, &err), TG_OK);
	tg_store_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(store__create_reopen_and_transactions),
		cmocka_unit_test(store__default_path),
		cmocka_unit_test(store__unwritable_path_fails_cleanly),
		cmocka_unit_test(store__checkpointer_copies_the_wal_back),
		cmocka_unit_test(store__deferred_transactions_run_under_normal_only),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
