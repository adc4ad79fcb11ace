/* SPDX-License-Identifier: Apache-2.0 */
/* SQLite backend of the store: WAL journal, synchronous=FULL (a commit is on disk before it
 * returns), BEGIN IMMEDIATE write transactions and a statement cache keyed by SQL text address.
 * A deferred transaction (tg__store_begin_deferred) runs under synchronous=NORMAL, which writes the WAL
 * without fsync but still syncs the WAL header when the WAL restarts and syncs around checkpoints, so
 * the database cannot be corrupted; lite_sync then makes it durable with one fdatasync of the WAL,
 * possibly in another thread while this connection commits the next batch (a pipeline). */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "sqlite_ckpt.h"
#include "store_int.h"
#include "alloc.h"
#include "err.h"
#include "map.h"

typedef struct lite_stmt {
	tg__stmt base;
	sqlite3_stmt *st;
	struct lite_store *owner;
} lite_stmt;

typedef struct lite_store {
	tg_store base;
	sqlite3 *db;
	tg__ckpt *ckpt;        /* background WAL checkpoints (file databases); NULL = SQLite's own */
	tg_map cache;          /* key: address of SQL text (as bytes) -> lite_stmt* */
	int normal;            /* synchronous=NORMAL is on (a deferred commit could not switch FULL back) */
	char *wal, *dir;       /* the WAL's path and its directory's (file databases; set at open, then read-only) */
	atomic_int dir_synced; /* lite_sync has fsync'd the directory (the WAL's entry) once */
} lite_store;

#define LS(st) ((lite_store *)(void *)(st))
#define LT(s) (((lite_stmt *)(void *)(s))->st)

static int db_fail(lite_store *st, tg_err *err, const char *what)
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

static void lite_close(tg_store *base)
{
	lite_store *st = LS(base);
	size_t i;
	for (i = 0; i < st->cache.cap; i++) {
		lite_stmt *s = st->cache.slots[i].val;
		if (st->cache.slots[i].key && s) {
			sqlite3_finalize(s->st);
			tg__free(s);
			tg__free((void *)st->cache.slots[i].key);
		}
	}
	tg__map_dispose(&st->cache);
	tg__ckpt_detach(st->ckpt);
	sqlite3_close(st->db);
	tg__free(st->wal);
	tg__free(st->dir);
	tg__free(st);
}

static int lite_exec(tg_store *base, const char *sql, tg_err *err)
{
	lite_store *st = LS(base);
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		int rc = db_fail(st, err, msg ? msg : "exec");
		sqlite3_free(msg);
		return rc;
	}
	return TG_OK;
}

static int lite_prepare(tg__stmt **out, tg_store *base, const char *sql, tg_err *err)
{
	lite_store *st = LS(base);
	lite_stmt *s = tg__map_get(&st->cache, (const char *)&sql, sizeof(sql));
	const char **keyp;
	if (s) {
		*out = &s->base;
		return TG_OK;
	}
	if ((s = tg__calloc(1, sizeof(*s))) == NULL)
		return tg__oom(err);
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->st, NULL) != SQLITE_OK) {
		tg__free(s);
		return db_fail(st, err, "prepare");
	}
	s->base.vt = base->vt;
	s->owner = st;
	/* The key bytes are the pointer value itself; store a copy of it so it lives on. */
	keyp = tg__malloc(sizeof(sql));
	if (keyp != NULL)
		*keyp = sql; /* before the put: the map hashes the key bytes */
	if (keyp == NULL || tg__map_put(&st->cache, (const char *)keyp, sizeof(sql), s, NULL) < 0) {
		tg__free(keyp);
		sqlite3_finalize(s->st);
		tg__free(s);
		return tg__oom(err);
	}
	*out = &s->base;
	return TG_OK;
}

static int lite_bind_text(tg__stmt *s, int idx, const char *text, long len)
{
	if (text == NULL)
		return sqlite3_bind_null(LT(s), idx) == SQLITE_OK ? TG_OK : TG_EDB;
	return sqlite3_bind_text(LT(s), idx, text, (int)(len < 0 ? (long)strlen(text) : len), SQLITE_TRANSIENT) ==
			       SQLITE_OK
		       ? TG_OK
		       : TG_EDB;
}

static int lite_bind_int64(tg__stmt *s, int idx, int64_t v)
{
	return sqlite3_bind_int64(LT(s), idx, v) == SQLITE_OK ? TG_OK : TG_EDB;
}

static int lite_bind_blob(tg__stmt *s, int idx, const void *data, size_t len)
{
	return sqlite3_bind_blob(LT(s), idx, data, (int)len, SQLITE_TRANSIENT) == SQLITE_OK ? TG_OK : TG_EDB;
}

static int lite_bind_null(tg__stmt *s, int idx)
{
	return sqlite3_bind_null(LT(s), idx) == SQLITE_OK ? TG_OK : TG_EDB;
}

static int lite_step(tg__stmt *s, tg_err *err)
{
	int rc = sqlite3_step(LT(s));
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return db_fail(((lite_stmt *)(void *)s)->owner, err, "step");
}

static const char *lite_text(tg__stmt *s, int col)
{
	return (const char *)sqlite3_column_text(LT(s), col);
}

static size_t lite_bytes(tg__stmt *s, int col)
{
	return (size_t)sqlite3_column_bytes(LT(s), col);
}

static int64_t lite_int64(tg__stmt *s, int col)
{
	return sqlite3_column_int64(LT(s), col);
}

static int lite_is_null(tg__stmt *s, int col)
{
	return sqlite3_column_type(LT(s), col) == SQLITE_NULL;
}

static void lite_reset(tg__stmt *s)
{
	sqlite3_reset(LT(s));
	sqlite3_clear_bindings(LT(s));
}

/* Every transaction but a deferred one runs under synchronous=FULL. The level cannot change inside a
 * transaction, so a deferred one sets NORMAL before its BEGIN and FULL comes back after its end. */
static int set_full(lite_store *st, tg_err *err)
{
	int rc = TG_OK;
	if (st->normal && (rc = lite_exec(&st->base, "PRAGMA synchronous=FULL", err)) == TG_OK)
		st->normal = 0;
	return rc;
}

static int lite_begin(tg_store *base, tg_err *err)
{
	int rc;
	if ((rc = set_full(LS(base), err)) < 0)
		return rc;
	return lite_exec(base, "BEGIN IMMEDIATE", err);
}

static int lite_begin_deferred(tg_store *base, tg_err *err)
{
	lite_store *st = LS(base);
	int rc;
	if (!st->normal) {
		if ((rc = lite_exec(base, "PRAGMA synchronous=NORMAL", err)) < 0)
			return rc;
		st->normal = 1;
	}
	if ((rc = lite_exec(base, "BEGIN IMMEDIATE", err)) < 0)
		set_full(st, NULL);
	return rc;
}

static int lite_commit(tg_store *base, tg_err *err)
{
	int rc;
	if ((rc = lite_exec(base, "COMMIT", err)) < 0)
		lite_exec(base, "ROLLBACK", NULL);
	set_full(LS(base), NULL); /* if this fails, the next lite_begin tries again, or fails */
	return rc;
}

/* fdatasync of the WAL through a descriptor of its own: fsync is per file, so this covers what the
 * connection wrote, and it touches nothing of the connection (safe from another thread). The WAL's
 * directory entry is synced once as well, in case the WAL was created by a deferred commit. */
static int lite_sync(tg_store *base, tg_err *err)
{
	lite_store *st = LS(base);
	int fd, rc = TG_OK;
	if (st->wal == NULL)
		return TG_OK; /* in memory: nothing to make durable */
	if ((fd = open(st->wal, O_RDONLY | O_CLOEXEC)) < 0)
		return tg__fail(err, TG_EIO, "store: cannot open %s: %s", st->wal, strerror(errno));
	if (fdatasync(fd) != 0)
		rc = tg__fail(err, TG_EIO, "store: fdatasync %s: %s", st->wal, strerror(errno));
	close(fd);
	if (rc == TG_OK && !atomic_load(&st->dir_synced)) {
		if ((fd = open(st->dir, O_RDONLY | O_CLOEXEC)) < 0 || fsync(fd) != 0)
			rc = tg__fail(err, TG_EIO, "store: fsync %s: %s", st->dir, strerror(errno));
		else
			atomic_store(&st->dir_synced, 1);
		if (fd >= 0)
			close(fd);
	}
	return rc;
}

/* The WAL's path and its directory's, for lite_sync. */
static int wal_paths(lite_store *st)
{
	const char *main_path = sqlite3_db_filename(st->db, "main"), *slash;
	if (main_path == NULL || *main_path == '\0')
		return TG_OK;
	if ((st->wal = tg__strdup(sqlite3_filename_wal(main_path))) == NULL)
		return TG_ENOMEM;
	slash = strrchr(st->wal, '/');
	if (slash == NULL)
		st->dir = tg__strdup(".");
	else if ((st->dir = tg__malloc((size_t)(slash - st->wal) + 2)) != NULL) {
		size_t n = slash == st->wal ? 1 : (size_t)(slash - st->wal);
		memcpy(st->dir, st->wal, n);
		st->dir[n] = '\0';
	}
	return st->dir ? TG_OK : TG_ENOMEM;
}

static void lite_rollback(tg_store *st)
{
	lite_exec(st, "ROLLBACK", NULL);
	set_full(LS(st), NULL);
}

static int64_t lite_changes(tg_store *st)
{
	return sqlite3_changes64(LS(st)->db);
}

static const tg__store_vt lite_vt = {
	"sqlite",       lite_close,     lite_exec,   lite_exec,     lite_prepare, lite_bind_text,      lite_bind_int64,
	lite_bind_blob, lite_bind_null, lite_step,   lite_text,     lite_bytes,   lite_int64,          lite_is_null,
	lite_reset,     lite_begin,     lite_commit, lite_rollback, lite_changes, lite_begin_deferred, lite_sync,
};

int tg__store_open_sqlite(tg_store **out, const char *path, tg_err *err)
{
	lite_store *st;
	int rc;

	*out = NULL;
	if (strlen(path) >= 1024)
		return tg__fail(err, TG_EINVALID, "database path too long");
	if (strcmp(path, ":memory:") != 0 && mkdirs(path) != 0)
		return tg__fail(err, TG_EIO, "cannot create the directory of %s: %s", path, strerror(errno));
	if ((st = tg__calloc(1, sizeof(*st))) == NULL)
		return tg__oom(err);
	st->base.vt = &lite_vt;
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, NULL) !=
	    SQLITE_OK) {
		rc = tg__fail(err, TG_EIO, "cannot open database %s: %s", path,
			      st->db ? sqlite3_errmsg(st->db) : "out of memory");
		lite_close(&st->base);
		return rc;
	}
	sqlite3_busy_timeout(st->db, 10000);
	sqlite3_extended_result_codes(st->db, 1);
	/* 16 KiB pages: decision rows are 2-3 KiB and would spill to overflow pages at 4 KiB (about 20%
	 * faster recording in bench_check). synchronous=FULL: a commit is on disk before it returns. */
	if ((rc = lite_exec(&st->base,
			    "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
			    " PRAGMA cache_size=-65536; PRAGMA foreign_keys=ON;",
			    err)) < 0) {
		lite_close(&st->base);
		return rc;
	}
	if (wal_paths(st) < 0) {
		lite_close(&st->base);
		return tg__oom(err);
	}
	if (st->wal != NULL) /* a file database (not ":memory:" or a temporary one): it has a WAL to checkpoint */
		st->ckpt = tg__ckpt_attach(st->db, path);
	*out = &st->base;
	return TG_OK;
}
