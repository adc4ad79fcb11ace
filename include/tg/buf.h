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

/* clang-format off */
#define TG_BUF_INIT {NULL, 0, 0, 0}
/* clang-format on */

/** Release the contents and reset to TG_BUF_INIT (keeps `max`). @since 0.1 */
TG_EXTERN void tg_buf_dispose(tg_buf *b);

/**
 * Appends. Each keeps `ptr` NUL-terminated and fails without changing the contents: TG_ENOMEM, or
 * TG_ELIMIT when the result would pass `max`. The library, the server and the CLI share these (one
 * growable buffer). @return TG_OK or a negative code. @since 0.3
 */
TG_EXTERN int tg_buf_put(tg_buf *b, const void *data, size_t n);
/** Append the NUL-terminated @p s. @since 0.3 */
TG_EXTERN int tg_buf_puts(tg_buf *b, const char *s);
/** Append one byte. @since 0.3 */
TG_EXTERN int tg_buf_putc(tg_buf *b, char c);
/** Append printf-style formatted text. @since 0.3 */
TG_EXTERN int tg_buf_printf(tg_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 2, 3)))
#endif
	;
/**
 * Append @p s as a JSON string literal, quotes included: '"', '\\', and the controls escaped (\n \r \t,
 * others as \u00XX), well-formed UTF-8 passed through, any byte that does not start a well-formed UTF-8
 * sequence written as \ufffd (the output is always valid JSON). @since 0.3
 */
TG_EXTERN int tg_buf_put_json_str(tg_buf *b, const char *s);
/** Empty the buffer, keeping its memory. @since 0.3 */
TG_EXTERN void tg_buf_clear(tg_buf *b);

/** 1 when the NUL-terminated @p s is well-formed UTF-8 (no overlong forms, surrogates or values above
 * U+10FFFF), else 0. @since 0.3 */
TG_EXTERN int tg_utf8_valid(const char *s);

#endif
