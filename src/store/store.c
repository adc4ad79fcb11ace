/* SPDX-License-Identifier: Apache-2.0 */
/* The store front: picks the backend from the path (postgresql:// or a SQLite file), forwards the
 * tg__store_* / tg__stmt_* calls through the backend's vtable, counts nested transactions and runs
 * the versioned schema migrations (the same steps on every backend). */
#include "store.h"

#include <stdlib.h>
#include <string.h>
#include "store_int.h"
#include "err.h"

int tg__store_is_pg(const char *path)
{
	return path && (strncmp(path, "postgresql://", 13) == 0 || strncmp(path, "postgres://", 11) == 0);
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

#ifndef TG_WITH_PG
int tg__store_open_pg(tg_store **out, const char *conninfo, tg_err *err)
{
	(void)conninfo;
	*out = NULL;
	return tg__fail(err, TG_EINVALID, "this build has no PostgreSQL support (TG_WITH_PG=OFF or libpq missing)");
}
#endif

int tg__store_open(tg_store **out, const char *path, const tg__migration *steps, tg_err *err)
{
	int rc;
	*out = NULL;
	if (tg__store_is_pg(path))
		rc = tg__store_open_pg(out, path, err);
	else
		rc = tg__store_open_sqlite(out, path, err);
	if (rc < 0)
		return rc;
	if ((rc = tg__store_migrate(*out, steps, err)) < 0) {
		tg_store_free(*out);
		*out = NULL;
	}
	return rc;
}

void tg_store_free(tg_store *st)
{
	if (st != NULL)
		st->vt->close(st);
}

const char *tg_store_backend(const tg_store *st)
{
	return st ? st->vt->name : "";
}

size_t tg__store_applied(const tg_store *st)
{
	return st->applied;
}

/* 1 if (module, version) is recorded in tg_schema, 0 if not, < 0 on error. */
static int migration_done(tg_store *st, const tg__migration *m, tg_err *err)
{
	static const char sql[] = "SELECT 1 FROM tg_schema WHERE module = ? AND version = ?";
	tg__stmt *q;
	int rc;
	if ((rc = tg__store_prepare(&q, st, sql, err)) < 0)
		return rc;
	tg__stmt_bind_text(q, 1, m->module, -1);
	tg__stmt_bind_int64(q, 2, m->version);
	rc = tg__stmt_step(q, err);
	tg__stmt_reset(q);
	return rc;
}

/* Apply one step in its own write transaction; the check is repeated inside the transaction so
 * that two processes migrating one PostgreSQL database at once apply each step exactly once. */
static int migrate_step(tg_store *st, const tg__migration *m, tg_err *err)
{
	static const char ins[] = "INSERT INTO tg_schema (module, version) VALUES (?, ?)";
	tg__stmt *s;
	int rc;
	if ((rc = tg__store_begin(st, err)) < 0)
		return rc;
	if ((rc = migration_done(st, m, err)) != 0)
		goto done;
	if ((rc = st->vt->exec_schema(st, m->sql, err)) < 0 || (rc = tg__store_prepare(&s, st, ins, err)) < 0)
		goto done;
	tg__stmt_bind_text(s, 1, m->module, -1);
	tg__stmt_bind_int64(s, 2, m->version);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	if (rc == 0)
		st->applied++;
done:
	if (rc < 0) {
		tg__store_rollback(st);
		return rc;
	}
	return tg__store_commit(st, err);
}

int tg__store_migrate(tg_store *st, const tg__migration *steps, tg_err *err)
{
	static const char ddl[] =
		"CREATE TABLE IF NOT EXISTS tg_schema (module TEXT NOT NULL, version INTEGER NOT NULL,"
		" applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (module, version))";
	const tg__migration *m;
	int rc;
	if ((rc = tg__store_begin(st, err)) < 0)
		return rc;
	if ((rc = st->vt->exec_schema(st, ddl, err)) < 0) {
		tg__store_rollback(st);
		return rc;
	}
	if ((rc = tg__store_commit(st, err)) < 0)
		return rc;
	for (m = steps; m->module; m++) {
		if ((rc = migration_done(st, m, err)) < 0)
			return rc;
		if (rc == 0 && (rc = migrate_step(st, m, err)) < 0)
			return rc;
	}
	return TG_OK;
}

/* ---- forwarding to the backend ---- */

int tg__store_exec(tg_store *st, const char *sql, tg_err *err)
{
	return st->vt->exec(st, sql, err);
}

int tg__store_prepare(tg__stmt **out, tg_store *st, const char *sql, tg_err *err)
{
	return st->vt->prepare(out, st, sql, err);
}

int tg__stmt_bind_text(tg__stmt *s, int idx, const char *text, long len)
{
	return s->vt->bind_text(s, idx, text, len);
}

int tg__stmt_bind_int64(tg__stmt *s, int idx, int64_t v)
{
	return s->vt->bind_int64(s, idx, v);
}

int tg__stmt_bind_blob(tg__stmt *s, int idx, const void *data, size_t len)
{
	return s->vt->bind_blob(s, idx, data, len);
}

int tg__stmt_bind_null(tg__stmt *s, int idx)
{
	return s->vt->bind_null(s, idx);
}

int tg__stmt_step(tg__stmt *s, tg_err *err)
{
	return s->vt->step(s, err);
}

const char *tg__stmt_text(tg__stmt *s, int col)
{
	return s->vt->text(s, col);
}

size_t tg__stmt_bytes(tg__stmt *s, int col)
{
	return s->vt->bytes(s, col);
}

int64_t tg__stmt_int64(tg__stmt *s, int col)
{
	return s->vt->int64(s, col);
}

int tg__stmt_is_null(tg__stmt *s, int col)
{
	return s->vt->is_null(s, col);
}

void tg__stmt_reset(tg__stmt *s)
{
	s->vt->reset(s);
}

static int begin(tg_store *st, int deferred, tg_err *err)
{
	int rc;
	if (st->depth++ > 0)
		return TG_OK;
	if ((rc = (deferred && st->vt->tx_begin_deferred ? st->vt->tx_begin_deferred : st->vt->tx_begin)(st, err)) < 0)
		st->depth = 0;
	return rc;
}

int tg__store_begin(tg_store *st, tg_err *err)
{
	return begin(st, 0, err);
}

int tg__store_begin_deferred(tg_store *st, tg_err *err)
{
	return begin(st, 1, err);
}

int tg__store_commit(tg_store *st, tg_err *err)
{
	if (st->depth == 0)
		return tg__fail(err, TG_EINTERNAL, "store: commit without a transaction");
	if (st->depth == 1 && st->txn_precommit) {
		int rc = st->txn_precommit(st->txn_state, err);
		if (rc < 0) {
			tg__store_rollback(st);
			return rc;
		}
	}
	if (--st->depth > 0)
		return TG_OK;
	memset(st->txn_state, 0, sizeof(st->txn_state));
	return st->vt->tx_commit(st, err);
}

int tg__store_sync(tg_store *st, tg_err *err)
{
	return st->vt->sync ? st->vt->sync(st, err) : TG_OK;
}

void tg__store_rollback(tg_store *st)
{
	memset(st->txn_state, 0, sizeof(st->txn_state));
	if (st->depth > 0) {
		st->depth = 0;
		st->vt->tx_rollback(st);
	}
}

void *tg__store_txn_state(tg_store *st, int (*precommit)(const void *state, tg_err *err))
{
	st->txn_precommit = precommit;
	return st->txn_state;
}

int tg__store_read_begin(tg_store *st, tg_err *err)
{
	int rc;
	if (st->depth > 0)
		return 0;
	if ((rc = st->vt->exec(st, "BEGIN", err)) < 0)
		return rc;
	st->depth = 1;
	return 1;
}

void tg__store_read_end(tg_store *st)
{
	if (st->depth > 0) {
		st->depth = 0;
		st->vt->exec(st, "COMMIT", NULL);
	}
}

int64_t tg__store_changes(tg_store *st)
{
	return st->vt->changes(st);
}

int tg__in_txn(tg_store *st, int (*fn)(void *arg, tg_err *err), void *arg, tg_err *err)
{
	int rc, c;
	if ((rc = tg__store_begin(st, err)) < 0)
		return rc;
	rc = fn(arg, err);
	if (rc < 0) {
		tg__store_rollback(st);
		return rc;
	}
	if ((c = tg__store_commit(st, err)) < 0)
		return c;
	return rc;
}

int tg__status_change(tg_store *st, const char *sel, const char *upd, const char *what, const char *id,
		      const char *want, const char *value, tg_err *err)
{
	tg__stmt *s;
	int rc;
	if ((rc = tg__store_prepare(&s, st, sel, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, id, -1);
	rc = tg__stmt_step(s, err);
	if (rc == 0)
		rc = tg__fail(err, TG_ENOTFOUND, "%s '%.64s' not found", what, id);
	else if (rc == 1 && strcmp(tg__stmt_text(s, 0), want) != 0)
		rc = tg__fail(err, TG_EINVALID, "%s '%.64s' is already %s", what, id, tg__stmt_text(s, 0));
	tg__stmt_reset(s);
	if (rc < 0 || (rc = tg__store_prepare(&s, st, upd, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, value, -1);
	tg__stmt_bind_text(s, 2, id, -1);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}
