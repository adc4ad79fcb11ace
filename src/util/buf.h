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

int tg__buf_puts(tg_buf *b, const char *s);
int tg__buf_printf(tg_buf *b, const char *fmt, ...) TG__PRINTF(2, 3);
/* Append s as a JSON string literal, quotes included (UTF-8 passed through, controls escaped). */
int tg__buf_put_json_str(tg_buf *b, const char *s);
void tg__buf_clear(tg_buf *b);
/* Hand the contents to the caller (NUL-terminated, free with tg__free) and reset b. */
char *tg__buf_detach(tg_buf *b);

#endif
