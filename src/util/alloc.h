/* SPDX-License-Identifier: Apache-2.0 */
/* Internal allocation entry points. Every allocation in libtg goes through these so tests can route
 * them to a failing allocator (OOM sweeps) and embedders to their own. */
#ifndef TG_UTIL_ALLOC_H
#define TG_UTIL_ALLOC_H

#include <stddef.h>
#include "tg/alloc.h"

void *tg__malloc(size_t n);
void *tg__calloc(size_t count, size_t n);
void *tg__realloc(void *p, size_t n);
void tg__free(void *p);
/* Duplicate a NUL-terminated string / a ptr+len span (result NUL-terminated). NULL on OOM. */
char *tg__strdup(const char *s);
char *tg__strndup(const char *s, size_t n);

/* How many allocations have failed in this thread so far (any cause). jansson reports an allocation
 * failure inconsistently (often as a syntax error), so callers compare this count around a call. */
size_t tg__alloc_failures(void);

/* Test hook: fail the allocation number k (1-based) counted from now and every later one
 * (0 disables). Returns how many allocations happened since the last call. */
size_t tg__alloc_fail_after(size_t k);

#endif
