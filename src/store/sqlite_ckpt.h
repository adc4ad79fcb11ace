/* SPDX-License-Identifier: Apache-2.0 */
/* WAL checkpoints off the commit path for the SQLite backend.
 *
 * By default SQLite checkpoints inside the commit that grows the WAL past 1,000 pages, so every
 * thousandth commit also copies the WAL back into the database file: about a third of the cost of
 * recording decisions (docs/performance.md). With a checkpointer the store's WAL hook only signals a
 * background thread, which runs PASSIVE checkpoints on its own connection while commits go on.
 * Durability is unchanged: a commit is fsync'd in the WAL before it returns (synchronous=FULL).
 * If the WAL outgrows TG__CKPT_HARD_PAGES (the thread cannot keep up, or could not be started),
 * the committing connection checkpoints itself, as SQLite would. The thread starts on first need,
 * so short-lived CLI processes never start one. */
#ifndef TG_STORE_SQLITE_CKPT_H
#define TG_STORE_SQLITE_CKPT_H

#include <sqlite3.h>

#define TG__CKPT_PAGES 1000       /* signal the checkpointer at this WAL size (SQLite's default) */
#define TG__CKPT_HARD_PAGES 16000 /* checkpoint inline beyond this */

typedef struct tg__ckpt tg__ckpt;

/* Install the checkpointer on db (a WAL-mode connection to the file at path). NULL on failure: then
 * db keeps SQLite's automatic checkpoints. */
tg__ckpt *tg__ckpt_attach(sqlite3 *db, const char *path);

/* Stop and join the thread (if it ran) and release c. Call before closing db. NULL is a no-op. */
void tg__ckpt_detach(tg__ckpt *c);

#endif
