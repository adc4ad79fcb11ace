/* SPDX-License-Identifier: Apache-2.0 */
/** @file tg/alloc.h @brief Pluggable allocator for everything libtg allocates (git_allocator, uv_replace_allocator). */
#ifndef TG_ALLOC_H
#define TG_ALLOC_H

#include "tg/common.h"

/** An allocator: all four functions must be provided and behave like their libc namesakes. */
typedef struct tg_allocator {
	void *(*malloc_fn)(size_t n);
	void *(*calloc_fn)(size_t count, size_t n);
	void *(*realloc_fn)(void *p, size_t n);
	void (*free_fn)(void *p);
} tg_allocator;

/**
 * Replace the allocator. Call before any other libtg call; NULL restores libc's.
 * Memory must never be freed by another allocator than the one that gave it.
 * @since 0.1
 */
TG_EXTERN void tg_set_allocator(const tg_allocator *a);

/** Release memory that libtg returned to the caller as a plain pointer (e.g. tg_buf contents). @since 0.1 */
TG_EXTERN void tg_free(void *p);

#endif
