/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/store.h
 * @brief The durable store: SQLite (embedded default) or PostgreSQL, behind the same interface.
 *
 * Every state change goes through a transaction that is committed (SQLite: fsync'd, synchronous=FULL
 * in WAL mode; PostgreSQL: synchronous_commit=on) before the call that made it returns success.
 * See docs/store.md.
 */
#ifndef TG_STORE_H
#define TG_STORE_H

#include "tg/common.h"
#include "tg/errors.h"

typedef struct tg_store tg_store;

/**
 * Open (creating and migrating if needed) the store at @p path: a libpq connection URI
 * (`postgresql://...` or `postgres://...`) for PostgreSQL, else a file path for SQLite whose parent
 * directories are created. @p out is owned by the caller: release with tg_store_free().
 * @return TG_OK, TG_EIO (cannot create), TG_EDB (corrupt or newer schema), TG_ENOMEM. @since 0.1
 */
TG_EXTERN int tg_store_open(tg_store **out, const char *path, tg_err *err);

/** Close the store; NULL is a no-op. @since 0.1 */
TG_EXTERN void tg_store_free(tg_store *st);

/**
 * The database path a command should use: @p flag if non-NULL, else $TOLLGATE_DB, else ./var/tollgate.db.
 * Borrowed (static or from the environment). @since 0.1
 */
TG_EXTERN const char *tg_store_default_path(const char *flag);

/** The backend of @p st: "sqlite" or "postgresql" (static). @since 0.2 */
TG_EXTERN const char *tg_store_backend(const tg_store *st);

/**
 * Apply the schema migrations not yet recorded (tg_store_open already does; this is for
 * `tollgate db migrate`). Idempotent and safe with several processes on one database.
 * @param applied if non-NULL, receives the number of steps applied through @p st (at open and now).
 * @return TG_OK, TG_EDB, TG_ENOMEM. @since 0.2
 */
TG_EXTERN int tg_store_migrate(tg_store *st, size_t *applied, tg_err *err);

#endif
