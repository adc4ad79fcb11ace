/* SPDX-License-Identifier: Apache-2.0 */
/* Helpers shared by the fuzz targets: a per-process scratch directory (removed at exit) and writing
 * the fuzz input to a file in it, for the parsers that read from a path. */
#ifndef TG_FUZZ_SUPPORT_H
#define TG_FUZZ_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

/* The scratch directory of this process (created on first use), or NULL. */
const char *tg_fuzz_dir(void);
/* "<scratch dir>/<name>" into out (size n); 0, or -1 when it does not fit or there is no directory. */
int tg_fuzz_path(char *out, size_t n, const char *name);
/* Write data[0..size) to "<scratch dir>/<name>" and put its path in out (size n); 0 or -1. */
int tg_fuzz_write(char *out, size_t n, const char *name, const uint8_t *data, size_t size);
/* A NUL-terminated copy of data (malloc'd; abort on failure, the harness cannot go on). */
char *tg_fuzz_cstr(const uint8_t *data, size_t size);

#endif
