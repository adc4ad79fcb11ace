/* SPDX-License-Identifier: Apache-2.0 */
/* SQLite implementation of the store: WAL journal, synchronous=FULL (a commit is on disk before it
 * returns), a statement cache keyed by SQL text address, and schema migrations per module. */
#include "store/store.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "util/alloc.h"
#include "util/err.h"
#include "util/map.h"

struct tg__stmt {
	sqlite3_stmt *st;
	tg_store *owner;
};

struct tg_store {
	sqlite3 *db;
	tg_map cache; /* key: address of SQL text (as bytes) -> tg__stmt* */
	int depth;    /* nesting of tg__store_begin */
	char path[1024];
};

static int db_fail(tg_store *st, tg_err *err, const char *what)
{
	int ext = sqlite3_extended_errcode(st->db);
	int code = (ext & 0xff) == SQLITE_CONSTRAINT ? TG_ECONFLICT : TG_EDB;
	return tg__fail(err, code, "store: %s: %s", what, sqlite3_errmsg(st->db));
}

static int mkdirs(const char *path)
{
	char tmp[1024];
	size_t i, n = strlen(path);
	if (n >= sizeof(tmp))
		return -1;
	memcpy(tmp, path, n + 1);
	for (i = 1; i < n; i++) {
		if (tmp[i] != '/')
			continue;
		tmp[i] = '\0';
		if (mkdir(tmp, 0775) != 0 && errno != EEXIST)
			return -1;
		tmp[i] = '/';
	}
	return 0;
}

const char *tg_store_default_path(const char *flag)
{
	const char *env;
	if (flag && *flag)
		return flag;
	env = getenv("TOLLGATE_DB");
	if (env && *env)
		return env;
	return "./var/tollgate.db";
}

static int migrate(tg_store *st, tg_err *err)
{
	const tg__migration *m;
	tg__stmt *q, *ins;
	int rc;

	if ((rc = tg__store_exec(st,
				 "CREATE TABLE IF NOT EXISTS tg_schema (module TEXT NOT NULL, version INTEGER NOT NULL,"
				 " applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (module, version))",
				 err)) < 0)
		return rc;
	if ((rc = tg__store_prepare(&q, st, "SELECT 1 FROM tg_schema WHERE module = ? AND version = ?", err)) < 0 ||
	    (rc = tg__store_prepare(&ins, st, "INSERT INTO tg_schema (module, version) VALUES (?, ?)", err)) < 0)
		return rc;
	for (m = tg__migrations; m->module; m++) {
		tg__stmt_bind_text(q, 1, m->module, -1);
		tg__stmt_bind_int64(q, 2, m->version);
		rc = tg__stmt_step(q, err);
		tg__stmt_reset(q);
		if (rc < 0)
			return rc;
		if (rc == 1)
			continue;
		if ((rc = tg__store_begin(st, err)) < 0)
			return rc;
		if ((rc = tg__store_exec(st, m->sql, err)) < 0)
			goto fail;
		tg__stmt_bind_text(ins, 1, m->module, -1);
		tg__stmt_bind_int64(ins, 2, m->version);
		rc = tg__stmt_step(ins, err);
		tg__stmt_reset(ins);
		if (rc < 0)
			goto fail;
		if ((rc = tg__store_commit(st, err)) < 0)
			return rc;
	}
	return TG_OK;
fail:
	tg__store_rollback(st);
	return rc;
}

int tg_store_open(tg_store **out, const char *path, tg_err *err)
{
	tg_store *st;
	int rc;

	*out = NULL;
	if (strlen(path) >= sizeof(st->path))
		return tg__fail(err, TG_EINVALID, "database path too long");
	if (strcmp(path, ":memory:") != 0 && mkdirs(path) != 0)
		return tg__fail(err, TG_EIO, "cannot create the directory of %s: %s", path, strerror(errno));
	if ((st = tg__calloc(1, sizeof(*st))) == NULL)
		return tg__oom(err);
	memcpy(st->path, path, strlen(path) + 1); /* length checked above */
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
			    NULL) != SQLITE_OK) {
		rc = tg__fail(err, TG_EIO, "cannot open database %s: %s", path,
			      st->db ? sqlite3_errmsg(st->db) : "out of memory");
		tg_store_free(st);
		return rc;
	}
	sqlite3_busy_timeout(st->db, 10000);
	sqlite3_extended_result_codes(st->db, 1);
	/* 16 KiB pages: decision rows are 2-3 KiB and would spill to overflow pages at 4 KiB (about 20%
	 * faster recording in bench_check). synchronous=FULL: a commit is on disk before it returns. */
	if ((rc = tg__store_exec(st,
				 "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
				 " PRAGMA cache_size=-65536; PRAGMA foreign_keys=ON;",
				 err)) < 0 ||
	    (rc = migrate(st, err)) < 0) {
		tg_store_free(st);
		return rc;
	}
	*out = st;
	return TG_OK;
}

void tg_store_free(tg_store *st)
{
	size_t i;
	if (st == NULL)
		return;
	for (i = 0; i < st->cache.cap; i++) {
		tg__stmt *s = st->cache.slots[i].val;
		if (st->cache.slots[i].key && s) {
			sqlite3_finalize(s->st);
			tg__free(s);
			tg__free((void *)st->cache.slots[i].key);
		}
	}
	tg__map_dispose(&st->cache);
	sqlite3_close(st->db);
	tg__free(st);
}

int tg__store_exec(tg_store *st, const char *sql, tg_err *err)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int rc = db_fail(st, err, msg ? msg : "exec");
		sqlite3_free(msg);
		return rc;
	}
	return TG_OK;
}

int tg__store_prepare(tg__stmt **out, tg_store *st, const char *sql, tg_err *err)
{
	tg__stmt *s = tg__map_get(&st->cache, (const char *)&sql, sizeof(sql));
	if (s) {
		*out = s;
		return TG_OK;
	}
	if ((s = tg__calloc(1, sizeof(*s))) == NULL)
		return tg__oom(err);
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->st, NULL) != SQLITE_OK) {
		tg__free(s);
		return db_fail(st, err, "prepare");
	}
	s->owner = st;
	/* The key bytes are the pointer value itself; store a copy of it inside s so it lives on. */
	{
		const char **keyp = tg__malloc(sizeof(sql));
		if (keyp != NULL)
			*keyp = sql; /* before the put: the map hashes the key bytes */
		if (keyp == NULL || tg__map_put(&st->cache, (const char *)keyp, sizeof(sql), s, NULL) < 0) {
			tg__free(keyp);
			sqlite3_finalize(s->st);
			tg__free(s);
			return tg__oom(err);
		}
	}
	*out = s;
	return TG_OK;
}

int tg__stmt_bind_text(tg__stmt *s, int idx, const char *text, long len)
{
	if (text == NULL)
		return sqlite3_bind_null(s->st, idx) == SQLITE_OK ? TG_OK : TG_EDB;
	return sqlite3_bind_text(s->st, idx, text, (int)(len < 0 ? (long)strlen(text) : len), SQLITE_TRANSIENT) ==
			       SQLITE_OK
		       ? TG_OK
		       : TG_EDB;
}

int tg__stmt_bind_int64(tg__stmt *s, int idx, int64_t v)
{
	return sqlite3_bind_int64(s->st, idx, v) == SQLITE_OK ? TG_OK : TG_EDB;
}

int tg__stmt_bind_blob(tg__stmt *s, int idx, const void *data, size_t len)
{
	return sqlite3_bind_blob(s->st, idx, data, (int)len, SQLITE_TRANSIENT) == SQLITE_OK ? TG_OK : TG_EDB;
}

int tg__stmt_bind_null(tg__stmt *s, int idx)
{
	return sqlite3_bind_null(s->st, idx) == SQLITE_OK ? TG_OK : TG_EDB;
}

int tg__stmt_step(tg__stmt *s, tg_err *err)
{
	int rc = sqlite3_step(s->st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return db_fail(s->owner, err, "step");
}

const char *tg__stmt_text(tg__stmt *s, int col)
{
	return (const char *)sqlite3_column_text(s->st, col);
}

size_t tg__stmt_bytes(tg__stmt *s, int col)
{
	return (size_t)sqlite3_column_bytes(s->st, col);
}

int64_t tg__stmt_int64(tg__stmt *s, int col)
{
	return sqlite3_column_int64(s->st, col);
}

int tg__stmt_is_null(tg__stmt *s, int col)
{
	return sqlite3_column_type(s->st, col) == SQLITE_NULL;
}

void tg__stmt_reset(tg__stmt *s)
{
	sqlite3_reset(s->st);
	sqlite3_clear_bindings(s->st);
}

int tg__store_begin(tg_store *st, tg_err *err)
{
	int rc;
	if (st->depth++ > 0)
		return TG_OK;
	if ((rc = tg__store_exec(st, "BEGIN IMMEDIATE", err)) < 0)
		st->depth = 0;
	return rc;
}

int tg__store_commit(tg_store *st, tg_err *err)
{
	int rc;
	if (st->depth == 0)
		return tg__fail(err, TG_EINTERNAL, "store: commit without a transaction");
	if (--st->depth > 0)
		return TG_OK;
	if ((rc = tg__store_exec(st, "COMMIT", err)) < 0) {
		tg__store_exec(st, "ROLLBACK", NULL);
	}
	return rc;
}

void tg__store_rollback(tg_store *st)
{
	if (st->depth > 0) {
		st->depth = 0;
		tg__store_exec(st, "ROLLBACK", NULL);
	}
}

int64_t tg__store_changes(tg_store *st)
{
	return sqlite3_changes64(st->db);
}
