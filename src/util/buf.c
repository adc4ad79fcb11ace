/* SPDX-License-Identifier: Apache-2.0 */
/* Growable buffer with a hard maximum (curl dynbuf "toobig"). */
#include "buf.h"

#include <stdio.h>
#include <string.h>
#include "alloc.h"

#define TG_BUF_DEFAULT_MAX ((size_t)64 << 20)

void tg_buf_dispose(tg_buf *b)
{
	size_t max = b->max;
	tg__free(b->ptr);
	b->ptr = NULL;
	b->size = b->asize = 0;
	b->max = max;
}

void tg_buf_clear(tg_buf *b)
{
	b->size = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

char *tg__buf_detach(tg_buf *b)
{
	char *p = b->ptr;
	if (p == NULL)
		p = tg__strdup("");
	b->ptr = NULL;
	b->size = b->asize = 0;
	return p;
}

int tg__buf_grow(tg_buf *b, size_t extra)
{
	size_t max = b->max ? b->max : TG_BUF_DEFAULT_MAX;
	size_t need, n;
	char *p;

	if (extra > max || b->size > max - extra)
		return TG_ELIMIT;
	need = b->size + extra + 1;
	if (need <= b->asize)
		return TG_OK;
	n = b->asize ? b->asize : 64;
	while (n < need)
		n = n > SIZE_MAX / 2 ? need : n * 2;
	if (n > max + 1)
		n = max + 1; /* so that appends within the capacity never pass the maximum */
	p = tg__realloc(b->ptr, n);
	if (p == NULL)
		return TG_ENOMEM;
	b->ptr = p;
	b->asize = n;
	return TG_OK;
}

int tg__buf_put_grow(tg_buf *b, const void *data, size_t n)
{
	int rc;
	if (b->size + n >= b->asize && (rc = tg__buf_grow(b, n)) < 0)
		return rc;
	if (n)
		memcpy(b->ptr + b->size, data, n);
	b->size += n;
	b->ptr[b->size] = '\0';
	return TG_OK;
}

int tg_buf_puts(tg_buf *b, const char *s)
{
	return tg__buf_put(b, s, strlen(s));
}

int tg_buf_printf(tg_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n, rc;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return TG_EINTERNAL;
	if ((rc = tg__buf_grow(b, (size_t)n)) < 0)
		return rc;
	va_start(ap, fmt);
	vsnprintf(b->ptr + b->size, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->size += (size_t)n;
	return TG_OK;
}

/* 1 for the bytes that end a run of a JSON string: NUL (the end), the controls, '"' and '\\', and the
 * non-ASCII bytes (checked as UTF-8). */
static const unsigned char run_end[256] = {
	1, 1, 1, 1, 1, 1,         1,          1,          1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, ['"'] = 1, ['\\'] = 1, [0x80] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1,         1,          1,          1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1,         1,          1,          1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1,         1,          1,          1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1,         1,          1,          1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

static int put_escape(tg_buf *b, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";
	char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
	switch (c) {
	case '"': esc[1] = '"'; break;
	case '\\': esc[1] = '\\'; break;
	case '\n': esc[1] = 'n'; break;
	case '\r': esc[1] = 'r'; break;
	case '\t': esc[1] = 't'; break;
	default: return tg__buf_put(b, esc, 6);
	}
	return tg__buf_put(b, esc, 2);
}

int tg_buf_put_json_str(tg_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	int rc;

	if ((rc = tg__buf_grow(b, n + 2)) < 0) /* the common case: nothing to escape */
		return rc;
	b->ptr[b->size++] = '"';
	for (;;) {
		const unsigned char *run = p;
		while (!run_end[*p])
			p++;
		if ((rc = tg__buf_put(b, run, (size_t)(p - run))) < 0)
			return rc;
		if (*p == '\0')
			break;
		if (*p >= 0x80) {
			size_t k = tg__utf8_len(p);
			rc = k ? tg__buf_put(b, p, k) : tg__buf_put(b, "\\ufffd", 6);
			p += k ? k : 1;
		} else {
			rc = put_escape(b, *p++);
		}
		if (rc < 0)
			return rc;
	}
	return tg__buf_putc(b, '"');
}

int tg_buf_put(tg_buf *b, const void *data, size_t n)
{
	return tg__buf_put(b, data, n);
}

int tg_buf_putc(tg_buf *b, char c)
{
	return tg__buf_putc(b, c);
}

size_t tg__utf8_len(const unsigned char *p)
{
	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		return (p[1] & 0xc0) == 0x80 ? 2 : 0;
	if (p[0] >= 0xe0 && p[0] <= 0xef) {
		if ((p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80 || (p[0] == 0xe0 && p[1] < 0xa0) ||
		    (p[0] == 0xed && p[1] > 0x9f))
			return 0;
		return 3;
	}
	if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		if ((p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80 || (p[3] & 0xc0) != 0x80 ||
		    (p[0] == 0xf0 && p[1] < 0x90) || (p[0] == 0xf4 && p[1] > 0x8f))
			return 0;
		return 4;
	}
	return 0;
}

int tg_utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;
	for (; *p; p += n)
		if ((n = tg__utf8_len(p)) == 0)
			return 0;
	return 1;
}
