/* SPDX-License-Identifier: Apache-2.0 */
/*
 * PostgreSQL backend of the store (libpq). Statements are rewritten to $n placeholders, prepared
 * once per connection (PQprepare) and run with PQexecPrepared; results come back in text format and
 * are buffered per execution, one row per step. Constraint violations (SQLSTATE 23xxx) are
 * TG_ECONFLICT.
 *
 * Write transactions are serialised with one transaction-scoped advisory lock taken right after
 * BEGIN (READ COMMITTED): every write transaction appends to the audit chain, so they serialise on
 * its head anyway, and the lock makes that explicit, keeps the chain a single total order across
 * instances and makes every read inside a write transaction see all earlier commits (the same
 * semantics as SQLite's BEGIN IMMEDIATE). No serialisation failures (40001/40P01) can arise from
 * tollgate's own transactions; should one arise, it is reported as TG_EDB with "retry" in the
 * message, the transaction is rolled back and the command can be re-run (every write is idempotent).
 * synchronous_commit is forced on: a commit is durable before it returns.
 */
#include "store.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store_int.h"
#include "alloc.h"
#include "err.h"
#include "map.h"

/* Key of the advisory lock that serialises write transactions (arbitrary, "tg" in ASCII). */
#define WRITER_LOCK "SELECT pg_advisory_xact_lock(29799)"

typedef struct pg_store {
	tg_store base;
	PGconn *conn;
	tg_map cache;    /* key: address of SQL text (as bytes) -> pg_stmt* */
	unsigned next;   /* statement names tg1, tg2, ... */
	unsigned gen;    /* connection generation: a reset drops every prepared statement */
	int64_t changes; /* rows changed by the last INSERT/UPDATE/DELETE */
} pg_store;

typedef struct pg_stmt {
	tg__stmt base;
	pg_store *owner;
	char name[16];
	char *sql;    /* rewritten with $n placeholders (owned) */
	unsigned gen; /* generation it was prepared in; != owner->gen = prepare again */
	int nparams;
	char **vals; /* bound values (owned), NULL = SQL NULL */
	int *lens;
	int *fmts;      /* 0 text, 1 binary (blobs) */
	PGresult *res;  /* result of the current execution, or NULL */
	int nrows, cur; /* rows in res; index of the current row */
	int bind_rc;    /* first failed bind since the last reset (TG_ENOMEM...): the next step returns it */
} pg_stmt;

#define PS(st) ((pg_store *)(void *)(st))
#define PT(s) ((pg_stmt *)(void *)(s))

/* Fill err from a failed result (or the connection) and return the tg code. */
static int pg_fail(pg_store *st, const PGresult *res, tg_err *err, const char *what)
{
	const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res ? PQresultErrorMessage(res) : PQerrorMessage(st->conn);
	int len = (int)strcspn(msg ? msg : "", "\n");
	if (state && strncmp(state, "23", 2) == 0)
		return tg__fail(err, TG_ECONFLICT, "store: %s: %.*s", what, len, msg);
	if (state && (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0))
		return tg__fail(err, TG_EDB, "store: %s: serialization failure, retry (SQLSTATE %s): %.*s", what, state,
				len, msg);
	return tg__fail(err, TG_EDB, "store: %s: %.*s%s%s", what, len, msg ? msg : "", state ? " SQLSTATE " : "",
			state ? state : "");
}

/* Run sql (no parameters, may hold several statements) and check the result. */
static int run_simple(pg_store *st, const char *sql, tg_err *err, const char *what)
{
	PGresult *r = PQexec(st->conn, sql);
	ExecStatusType x = PQresultStatus(r);
	int rc = TG_OK;
	if (x != PGRES_COMMAND_OK && x != PGRES_TUPLES_OK)
		rc = pg_fail(st, r, err, what);
	PQclear(r);
	return rc;
}

/* Server notices (e.g. "terminating connection due to administrator command") are not printed: the
 * library does not write to stderr; failures reach the caller as codes and messages. */
static void quiet_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static int session_setup(pg_store *st, tg_err *err)
{
	PQsetNoticeProcessor(st->conn, quiet_notice, NULL);
	return run_simple(st,
			  "SET synchronous_commit = on; SET client_min_messages = warning;"
			  " SET default_transaction_isolation = 'read committed'",
			  err, "session");
}

/* After a lost connection (server restart) and outside a transaction: reconnect once. */
static int reconnect(pg_store *st)
{
	if (PQstatus(st->conn) != CONNECTION_BAD || st->base.depth > 0)
		return -1;
	PQreset(st->conn);
	if (PQstatus(st->conn) != CONNECTION_OK)
		return -1;
	st->gen++;
	return session_setup(st, NULL) < 0 ? -1 : 0;
}

static void clear_binds(pg_stmt *s)
{
	int i;
	if (s->vals == NULL || s->lens == NULL || s->fmts == NULL)
		return; /* a statement whose allocation failed part way: nothing bound */
	for (i = 0; i < s->nparams; i++) {
		tg__free(s->vals[i]);
		s->vals[i] = NULL;
		s->lens[i] = 0;
		s->fmts[i] = 0;
	}
}

static void stmt_free(pg_stmt *s)
{
	if (s == NULL)
		return;
	PQclear(s->res);
	clear_binds(s);
	tg__free(s->vals);
	tg__free(s->lens);
	tg__free(s->fmts);
	tg__free(s->sql);
	tg__free(s);
}

static void pg_close(tg_store *base)
{
	pg_store *st = PS(base);
	size_t i;
	for (i = 0; i < st->cache.cap; i++) {
		if (st->cache.slots[i].key) {
			stmt_free(st->cache.slots[i].val);
			tg__free((void *)st->cache.slots[i].key);
		}
	}
	tg__map_dispose(&st->cache);
	PQfinish(st->conn);
	tg__free(st);
}

static int pg_exec(tg_store *base, const char *sql, tg_err *err)
{
	return run_simple(PS(base), sql, err, "exec");
}

static int pg_exec_schema(tg_store *base, const char *sql, tg_err *err)
{
	char *ddl = tg__pg_schema(sql);
	int rc;
	if (ddl == NULL)
		return tg__oom(err);
	rc = run_simple(PS(base), ddl, err, "schema");
	tg__free(ddl);
	return rc;
}

/* PQprepare the statement if this connection has not seen it yet. */
static int ensure_prepared(pg_stmt *s, tg_err *err)
{
	PGresult *r;
	int rc = TG_OK;
	if (s->gen == s->owner->gen)
		return TG_OK;
	r = PQprepare(s->owner->conn, s->name, s->sql, s->nparams, NULL);
	if (PQresultStatus(r) == PGRES_COMMAND_OK)
		s->gen = s->owner->gen;
	else
		rc = pg_fail(s->owner, r, err, "prepare");
	PQclear(r);
	return rc;
}

static pg_stmt *stmt_new(pg_store *st, const char *sql)
{
	pg_stmt *s = tg__calloc(1, sizeof(*s));
	if (s == NULL)
		return NULL;
	s->base.vt = st->base.vt;
	s->owner = st;
	s->cur = -1;
	if ((s->sql = tg__pg_placeholders(sql, &s->nparams)) == NULL)
		goto fail;
	if (s->nparams > 0 && ((s->vals = tg__calloc((size_t)s->nparams, sizeof(*s->vals))) == NULL ||
			       (s->lens = tg__calloc((size_t)s->nparams, sizeof(int))) == NULL ||
			       (s->fmts = tg__calloc((size_t)s->nparams, sizeof(int))) == NULL))
		goto fail;
	snprintf(s->name, sizeof(s->name), "tg%u", ++st->next);
	return s;
fail:
	stmt_free(s);
	return NULL;
}

static int pg_prepare(tg__stmt **out, tg_store *base, const char *sql, tg_err *err)
{
	pg_store *st = PS(base);
	pg_stmt *s = tg__map_get(&st->cache, (const char *)&sql, sizeof(sql));
	const char **keyp;
	int rc;
	if (s == NULL) {
		if ((s = stmt_new(st, sql)) == NULL)
			return tg__oom(err);
		if ((keyp = tg__malloc(sizeof(sql))) != NULL)
			*keyp = sql; /* before the put: the map hashes the key bytes */
		if (keyp == NULL || tg__map_put(&st->cache, (const char *)keyp, sizeof(sql), s, NULL) < 0) {
			tg__free(keyp);
			stmt_free(s);
			return tg__oom(err);
		}
	}
	/* Cached even when the prepare fails (e.g. inside an aborted transaction): prepared again
	 * at its next step. */
	if ((rc = ensure_prepared(s, err)) < 0)
		return rc;
	*out = &s->base;
	return TG_OK;
}

/* Remember a failed bind (callers may not check binds: SQLite's copy cannot fail on our allocator,
 * ours can) so that the next step fails with it instead of running with the parameter left NULL. */
static int bind_failed(pg_stmt *s, int rc)
{
	if (s->bind_rc == 0)
		s->bind_rc = rc;
	return rc;
}

/* Bind a copy of data[0..len) (text: NUL-terminated) as parameter idx. */
static int bind_copy(pg_stmt *s, int idx, const void *data, size_t len, int binary)
{
	char *v;
	if (idx < 1 || idx > s->nparams || len > (size_t)0x7fffffff)
		return bind_failed(s, TG_EINVALID);
	if ((v = tg__malloc(len + 1)) == NULL)
		return bind_failed(s, TG_ENOMEM);
	memcpy(v, data, len);
	v[len] = '\0';
	tg__free(s->vals[idx - 1]);
	s->vals[idx - 1] = v;
	s->lens[idx - 1] = (int)len;
	s->fmts[idx - 1] = binary;
	return TG_OK;
}

static int pg_bind_null(tg__stmt *base, int idx)
{
	pg_stmt *s = PT(base);
	if (idx < 1 || idx > s->nparams)
		return bind_failed(s, TG_EINVALID);
	tg__free(s->vals[idx - 1]);
	s->vals[idx - 1] = NULL;
	return TG_OK;
}

static int pg_bind_text(tg__stmt *base, int idx, const char *text, long len)
{
	if (text == NULL)
		return pg_bind_null(base, idx);
	return bind_copy(PT(base), idx, text, len < 0 ? strlen(text) : (size_t)len, 0);
}

static int pg_bind_int64(tg__stmt *base, int idx, int64_t v)
{
	char num[24];
	int n = snprintf(num, sizeof(num), "%lld", (long long)v);
	return bind_copy(PT(base), idx, num, (size_t)n, 0);
}

static int pg_bind_blob(tg__stmt *base, int idx, const void *data, size_t len)
{
	return bind_copy(PT(base), idx, data ? data : "", len, 1);
}

static int is_dml(const char *status)
{
	return strncmp(status, "INSERT", 6) == 0 || strncmp(status, "UPDATE", 6) == 0 ||
	       strncmp(status, "DELETE", 6) == 0 || strncmp(status, "MERGE", 5) == 0;
}

/* Execute once: prepared if needed, rows buffered in s->res. */
static int run_prepared(pg_stmt *s, tg_err *err)
{
	pg_store *st = s->owner;
	PGresult *r;
	ExecStatusType x;
	int rc;
	if ((rc = ensure_prepared(s, err)) < 0)
		return rc;
	r = PQexecPrepared(st->conn, s->name, s->nparams, (const char *const *)s->vals, s->lens, s->fmts, 0);
	x = PQresultStatus(r);
	if (x != PGRES_TUPLES_OK && x != PGRES_COMMAND_OK) {
		rc = pg_fail(st, r, err, "step");
		PQclear(r);
		return rc;
	}
	if (is_dml(PQcmdStatus(r)))
		st->changes = strtoll(PQcmdTuples(r), NULL, 10);
	s->res = r;
	s->nrows = PQntuples(r);
	s->cur = -1;
	return TG_OK;
}

static int pg_step(tg__stmt *base, tg_err *err)
{
	pg_stmt *s = PT(base);
	int rc;
	if (s->bind_rc == TG_ENOMEM)
		return tg__oom(err);
	if (s->bind_rc < 0)
		return tg__fail(err, s->bind_rc, "store: bind: parameter index out of range");
	if (s->res == NULL) {
		rc = run_prepared(s, err);
		if (rc == TG_EDB && reconnect(s->owner) == 0)
			rc = run_prepared(s, err);
		if (rc < 0)
			return rc;
	}
	if (s->cur + 1 < s->nrows) {
		s->cur++;
		return 1;
	}
	s->cur = s->nrows;
	return 0;
}

static int has_row(pg_stmt *s, int col)
{
	return s->res && s->cur >= 0 && s->cur < s->nrows && col >= 0 && col < PQnfields(s->res);
}

static int pg_is_null(tg__stmt *base, int col)
{
	pg_stmt *s = PT(base);
	return !has_row(s, col) || PQgetisnull(s->res, s->cur, col);
}

static const char *pg_text(tg__stmt *base, int col)
{
	pg_stmt *s = PT(base);
	return pg_is_null(base, col) ? NULL : PQgetvalue(s->res, s->cur, col);
}

static size_t pg_bytes(tg__stmt *base, int col)
{
	pg_stmt *s = PT(base);
	return pg_is_null(base, col) ? 0 : (size_t)PQgetlength(s->res, s->cur, col);
}

/* Integers in text form; booleans ('t'/'f', e.g. from a comparison) as 1/0 like SQLite. */
static int64_t pg_col_int64(tg__stmt *base, int col)
{
	const char *v = pg_text(base, col);
	if (v == NULL)
		return 0;
	if ((v[0] == 't' || v[0] == 'f') && v[1] == '\0')
		return v[0] == 't';
	return strtoll(v, NULL, 10);
}

static void pg_reset(tg__stmt *base)
{
	pg_stmt *s = PT(base);
	PQclear(s->res);
	s->res = NULL;
	s->nrows = 0;
	s->cur = -1;
	s->bind_rc = 0;
	clear_binds(s);
}

static int pg_begin(tg_store *base, tg_err *err)
{
	pg_store *st = PS(base);
	if (PQstatus(st->conn) == CONNECTION_BAD) {
		PQreset(st->conn);
		st->gen++;
		if (PQstatus(st->conn) != CONNECTION_OK || session_setup(st, NULL) < 0)
			return pg_fail(st, NULL, err, "reconnect");
	}
	return run_simple(st, "BEGIN; " WRITER_LOCK, err, "begin");
}

static int pg_commit(tg_store *base, tg_err *err)
{
	pg_store *st = PS(base);
	int rc = run_simple(st, "COMMIT", err, "commit");
	if (rc < 0)
		run_simple(st, "ROLLBACK", NULL, "rollback");
	return rc;
}

static void pg_rollback(tg_store *base)
{
	run_simple(PS(base), "ROLLBACK", NULL, "rollback");
}

static int64_t pg_changes(tg_store *base)
{
	return PS(base)->changes;
}

static const tg__store_vt pg_vt = {
	"postgresql", pg_close,    pg_exec,    pg_exec_schema, pg_prepare,   pg_bind_text, pg_bind_int64, pg_bind_blob,
	pg_bind_null, pg_step,     pg_text,    pg_bytes,       pg_col_int64, pg_is_null,   pg_reset,      pg_begin,
	pg_commit,    pg_rollback, pg_changes, NULL,           NULL, /* commits are durable; nothing to defer or sync */
};

int tg__store_open_pg(tg_store **out, const char *conninfo, tg_err *err)
{
	pg_store *st;
	int rc;
	*out = NULL;
	if ((st = tg__calloc(1, sizeof(*st))) == NULL)
		return tg__oom(err);
	st->base.vt = &pg_vt;
	st->gen = 1;
	st->conn = PQconnectdb(conninfo);
	if (st->conn == NULL || PQstatus(st->conn) != CONNECTION_OK) {
		const char *m = st->conn ? PQerrorMessage(st->conn) : "out of memory";
		rc = tg__fail(err, TG_EIO, "cannot connect to PostgreSQL: %.*s", (int)strcspn(m, "\n"), m);
		pg_close(&st->base);
		return rc;
	}
	if ((rc = session_setup(st, err)) < 0) {
		pg_close(&st->base);
		return rc;
	}
	*out = &st->base;
	return TG_OK;
}
