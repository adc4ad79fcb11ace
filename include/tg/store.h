/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/store.h
 * @brief The durable store (SQLite embedded default; PostgreSQL later behind the same interface).
 *
 * Every state change goes through a transaction that is committed (fsync'd, synchronous=FULL in WAL
 * mode) before the call that made it returns success.
 */
#ifndef TG_STORE_H
#define TG_STORE_H

#include "tg/common.h"
#include "tg/errors.h"

typedef struct tg_store tg_store;

/**
 * Open (creating and migrating if needed) the store at @p path: a file path for SQLite.
 * Parent directories are created. @p out is owned by the caller: release with tg_store_free().
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

#endif
