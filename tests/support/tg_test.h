/* SPDX-License-Identifier: Apache-2.0 */
/* Shared helpers for cmocka unit tests. */
#ifndef TG_TEST_H
#define TG_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "tg/store.h"

/* Path under the source tree (static buffer). */
const char *tg_test_path(const char *rel);
/* Path under ../shared/data relative to the source tree, or NULL (with a message) if absent. */
const char *tg_test_shared_data(const char *rel);
/* A fresh temporary directory (static buffer), removed by nothing: under $TMPDIR. */
const char *tg_test_tmpdir(void);
/* A fresh, empty database for one test, written to out (size bytes) and returned: the SQLite file
 * <fresh tmpdir>/<name>, or, when TG_TEST_PG_DSN names a PostgreSQL database (pg_run.sh, the "_pg"
 * ctest variants), a postgresql:// URL selecting a new schema of it through search_path. Every
 * tg_store_open of the returned string opens the same database. Fails the test when it cannot. */
const char *tg_test_db(char *out, size_t size, const char *name);
/* The database of a test binary that takes `--pg` (ctest runs it twice): with --pg, TG_TEST_PG_DSN, or
 * NULL after printing "skipped: ..." when that is unset (the caller exits 0); else <fresh tmpdir>/t.db.
 * Written to out (size bytes). */
const char *tg_test_db_arg(char *out, size_t size, int argc, char **argv);
/* The first column of the first row of sql on st as an integer (a count, a pragma); fails the test when
 * sql cannot be prepared or yields no row. sql must outlive the store: statements are cached by its
 * address, so pass a string literal. */
int64_t tg_test_scalar(tg_store *st, const char *sql);

#endif
