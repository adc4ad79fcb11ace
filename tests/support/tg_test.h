/* SPDX-License-Identifier: Apache-2.0 */
/* Shared helpers for cmocka unit tests. */
#ifndef TG_TEST_H
#define TG_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

/* Path under the source tree (static buffer). */
const char *tg_test_path(const char *rel);
/* Path under ../shared/data relative to the source tree, or NULL (with a message) if absent. */
const char *tg_test_shared_data(const char *rel);
/* A fresh temporary directory (static buffer), removed by nothing: under $TMPDIR. */
const char *tg_test_tmpdir(void);

#endif
