/* SPDX-License-Identifier: Apache-2.0 */
/* Integer formatting without printf, for hot paths. */
#ifndef TG_UTIL_FMT_H
#define TG_UTIL_FMT_H

#include <stddef.h>
#include <stdint.h>

/* Write v in decimal into out (no NUL); return the length. out needs room for 20 characters. */
size_t tg__fmt_u64(char *out, uint64_t v);
/* Same for a signed value (room for 20 characters, sign included). */
size_t tg__fmt_i64(char *out, int64_t v);

#endif
