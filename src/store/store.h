/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Internal store interface used by the domain modules. Modules write portable SQL (SQLite and
 * PostgreSQL): `?` placeholders, TEXT/INTEGER/BLOB types, no engine-specific functions. Only
 * src/store/ includes sqlite3.h (and later libpq-fe.h).
 *
 * Statements are prepared once per store and cached, keyed by the address of the SQL text, so pass
 * string literals (or other storage that outlives the store).
 *
 * Transactions: tg__store_begin() opens a write transaction (BEGIN IMMEDIATE); nested begin/commit
 * pairs are counted and only the outermost commit commits. tg__store_rollback() aborts the whole
 * outermost transaction.
 */
#ifndef TG_STORE_STORE_H
#define TG_STORE_STORE_H

#include <stddef.h>
#include <stdint.h>
#include "tg/store.h"

typedef struct tg__stmt tg__stmt;

/* A schema step of one module: applied once, in order of (module, version), recorded in
 * tg_schema(module, version). `sql` may hold several statements. */
typedef struct tg__migration {
	const char *module;
	int version;
	const char *sql;
} tg__migration;

int tg__store_exec(tg_store *st, const char *sql, tg_err *err);
int tg__store_prepare(tg__stmt **out, tg_store *st, const char *sql, tg_err *err);

/* Bind parameter idx (1-based). Text is copied by the store (SQLITE_TRANSIENT). len < 0 = strlen. */
int tg__stmt_bind_text(tg__stmt *s, int idx, const char *text, long len);
int tg__stmt_bind_int64(tg__stmt *s, int idx, int64_t v);
int tg__stmt_bind_blob(tg__stmt *s, int idx, const void *data, size_t len);
int tg__stmt_bind_null(tg__stmt *s, int idx);
/* 1 = a row is available, 0 = done, < 0 = error (TG_EDB, or TG_ECONFLICT on a constraint). */
int tg__stmt_step(tg__stmt *s, tg_err *err);
/* Column accessors for the current row; text is borrowed until the next step/reset. */
const char *tg__stmt_text(tg__stmt *s, int col);
size_t tg__stmt_bytes(tg__stmt *s, int col);
int64_t tg__stmt_int64(tg__stmt *s, int col);
int tg__stmt_is_null(tg__stmt *s, int col);
/* Reset for reuse and clear bindings. Always call after use (step to done or abandon). */
void tg__stmt_reset(tg__stmt *s);

int tg__store_begin(tg_store *st, tg_err *err);
int tg__store_commit(tg_store *st, tg_err *err);
/* Begin a write transaction whose commit does not wait for the disk (SQLite: WAL written, not fsync'd;
 * PostgreSQL: an ordinary transaction). Its changes are visible at commit and durable once the next
 * tg__store_sync or ordinary commit returns; nothing may be acknowledged before that. Nested in an
 * open transaction it is an ordinary nested begin. */
int tg__store_begin_deferred(tg_store *st, tg_err *err);
/* Make every commit so far durable (one fdatasync of the WAL). Touches no connection state, so it may
 * run in another thread while the store is in use (the one exception to "not thread-safe"). */
int tg__store_sync(tg_store *st, tg_err *err);
void tg__store_rollback(tg_store *st);
/* A read snapshot over a run of reads (a batch of checks that records nothing): a plain deferred BEGIN,
 * so no writer lock is taken, and the run pays the backend's lock/snapshot cost once instead of per
 * statement. Nothing may write inside it. Returns 1 when it opened one (end it with
 * tg__store_read_end), 0 when a transaction was already open (then there is nothing to end). */
int tg__store_read_begin(tg_store *st, tg_err *err);
void tg__store_read_end(tg_store *st);
/* Per-transaction state a module keeps on the store handle (the audit chain's head during a batch): up to
 * TG__STORE_TXN_STATE bytes, zeroed when the outermost transaction commits or rolls back. `precommit`
 * (may be NULL) runs before the outermost commit; a negative result rolls the transaction back and is
 * returned. The store knows nothing of what the bytes mean. */
#define TG__STORE_TXN_STATE 128
void *tg__store_txn_state(tg_store *st, int (*precommit)(const void *state, tg_err *err));

/* Rows changed by the last statement. */
int64_t tg__store_changes(tg_store *st);

/* Open the store at path (tg_store_open's rules) and apply the pending steps of `steps`, an array
 * terminated by {NULL, 0, NULL}: the engine passes every module's steps (engine/engine_schema.c). */
int tg__store_open(tg_store **out, const char *path, const tg__migration *steps, tg_err *err);
/* Apply the steps of `steps` not yet recorded in tg_schema, each in its own transaction. */
int tg__store_migrate(tg_store *st, const tg__migration *steps, tg_err *err);
/* Migration steps applied through this handle (at open and since). */
size_t tg__store_applied(const tg_store *st);

/* Run fn inside one write transaction; commit on TG_OK (or a positive result), roll back otherwise. */
int tg__in_txn(tg_store *st, int (*fn)(void *arg, tg_err *err), void *arg, tg_err *err);

/* A guarded status change inside the caller's transaction: `sel` reads the status of row `id`
 * (one `?`), which must equal `want`; then `upd` runs with (`value`, `id`) bound. TG_ENOTFOUND names
 * "<what> '<id>' not found", TG_EINVALID "<what> '<id>' is already <status>". */
int tg__status_change(tg_store *st, const char *sel, const char *upd, const char *what, const char *id,
		      const char *want, const char *value, tg_err *err);

#endif
