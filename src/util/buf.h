/* SPDX-License-Identifier: Apache-2.0 */
/* tg_buf operations for the library. Appends return TG_OK, TG_ENOMEM or TG_ELIMIT. */
#ifndef TG_UTIL_BUF_H
#define TG_UTIL_BUF_H

#include <stdarg.h>
#include <string.h>
#include "tg/buf.h"
#include "err.h"

int tg__buf_grow(tg_buf *b, size_t extra);
/* The out-of-line half of tg__buf_put / tg__buf_putc: grows, then appends. */
int tg__buf_put_grow(tg_buf *b, const void *data, size_t n);

/* Appends are inline when the bytes fit (the usual case when a caller sized the buffer up front):
 * the decision and canonical-order encoders make dozens per order. */
static inline int tg__buf_put(tg_buf *b, const void *data, size_t n)
{
	if (b->size + n >= b->asize)
		return tg__buf_put_grow(b, data, n);
	if (n)
		memcpy(b->ptr + b->size, data, n);
	b->size += n;
	b->ptr[b->size] = '\0';
	return TG_OK;
}

static inline int tg__buf_putc(tg_buf *b, char c)
{
	if (b->size + 1 >= b->asize)
		return tg__buf_put_grow(b, &c, 1);
	b->ptr[b->size++] = c;
	b->ptr[b->size] = '\0';
	return TG_OK;
}

/* The out-of-line appends are the public ones (tg/buf.h); these names are the library's spelling. */
#define tg__buf_puts tg_buf_puts
#define tg__buf_printf tg_buf_printf
#define tg__buf_put_json_str tg_buf_put_json_str
#define tg__buf_clear tg_buf_clear
/* Length of the well-formed UTF-8 sequence at p (1-4), or 0 when it is not one. */
size_t tg__utf8_len(const unsigned char *p);
/* Hand the contents to the caller (NUL-terminated, free with tg__free) and reset b. */
char *tg__buf_detach(tg_buf *b);

#endif
