/* SPDX-License-Identifier: Apache-2.0 */
/** @file tg/buf.h @brief Growable byte buffer in which libtg returns strings (always NUL-terminated). */
#ifndef TG_BUF_H
#define TG_BUF_H

#include "tg/common.h"

/** A caller-embedded buffer. `ptr` is NUL-terminated whenever `size` > 0 or after any append. */
typedef struct tg_buf {
	char *ptr;    /**< contents (owned; release with tg_buf_dispose) */
	size_t size;  /**< bytes used, excluding the terminating NUL */
	size_t asize; /**< bytes allocated */
	size_t max;   /**< hard maximum of size (0 = 64 MiB default); appends beyond fail with TG_ELIMIT */
} tg_buf;

#define TG_BUF_INIT {NULL, 0, 0, 0}

/** Release the contents and reset to TG_BUF_INIT (keeps `max`). @since 0.1 */
TG_EXTERN void tg_buf_dispose(tg_buf *b);

#endif
