/* SPDX-License-Identifier: Apache-2.0 */
/* Shared body of the list-file fuzz targets (lists_<format>_fuzzer.c). */
#ifndef TG_FUZZ_LISTS_H
#define TG_FUZZ_LISTS_H

#include <stddef.h>
#include <stdint.h>
#include "tg/lists.h"

/* Load the list file at path as format fmt into a fresh in-memory store (non-strict, then strict); when
 * the load succeeds, open a screener over it and screen a fixed name and a name taken from the input
 * (may be invalid UTF-8). Aborts when a documented invariant fails. */
void tg_fuzz_lists_run(tg_list_format fmt, const char *path, const uint8_t *data, size_t size);

#endif
