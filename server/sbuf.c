/* SPDX-License-Identifier: Apache-2.0 */
/* Growable response buffers of the server (malloc'd, always NUL-terminated after an append). The
 * library's appenders for tg_buf (util/buf.h) are internal: the server is built on the public API
 * only (tg_server links tg, not tg_internal), so it keeps this small builder of its own. */
#include "server_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SB_MAX ((size_t)256 << 20) /* a response never grows past 256 MiB */

static int grow(sbuf *b, size_t extra)
{
	size_t want = b->len + extra + 1, cap = b->cap ? b->cap : 256;
	char *p;
	if (extra > SB_MAX || want > SB_MAX)
		return TG_ELIMIT;
	if (want <= b->cap)
		return TG_OK;
	while (cap < want)
		cap *= 2;
	if ((p = realloc(b->ptr, cap)) == NULL)
		return TG_ENOMEM;
	b->ptr = p;
	b->cap = cap;
	return TG_OK;
}

int sb_put(sbuf *b, const void *p, size_t n)
{
	int rc = grow(b, n);
	if (rc < 0)
		return rc;
	if (n)
		memcpy(b->ptr + b->len, p, n);
	b->len += n;
	b->ptr[b->len] = '\0';
	return TG_OK;
}

int sb_puts(sbuf *b, const char *s)
{
	return sb_put(b, s, strlen(s));
}

int sb_printf(sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n, rc;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return TG_EINTERNAL;
	if ((rc = grow(b, (size_t)n)) < 0)
		return rc;
	va_start(ap, fmt);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return TG_OK;
}

/* Length of the well-formed UTF-8 sequence at p (1-4), or 0 when it is not one (stray continuation
 * byte, truncated sequence, overlong form, surrogate, above U+10FFFF). */
static size_t utf8_len(const unsigned char *p)
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

int sb_utf8_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;
	for (; *p; p += n)
		if ((n = utf8_len(p)) == 0)
			return 0;
	return 1;
}

/* The same escaping as the CLI's cli_json_str, so bodies match `--json` output byte for byte. A byte
 * that does not start a well-formed UTF-8 sequence (a request path or a message echoing raw input) is
 * written as \ufffd: the body stays JSON (found by fuzz/http_fuzzer.c). */
int sb_json_str(sbuf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int rc = sb_put(b, "\"", 1);
	size_t n;
	for (; rc == TG_OK && *p; p += n) {
		n = 1;
		switch (*p) {
		case '"': rc = sb_put(b, "\\\"", 2); break;
		case '\\': rc = sb_put(b, "\\\\", 2); break;
		case '\n': rc = sb_put(b, "\\n", 2); break;
		case '\r': rc = sb_put(b, "\\r", 2); break;
		case '\t': rc = sb_put(b, "\\t", 2); break;
		default:
			if (*p < 0x20)
				rc = sb_printf(b, "\\u%04x", *p);
			else if ((n = utf8_len(p)) == 0)
				rc = sb_put(b, "\\ufffd", 6), n = 1;
			else
				rc = sb_put(b, p, n);
		}
	}
	return rc == TG_OK ? sb_put(b, "\"", 1) : rc;
}

void sb_free(sbuf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = b->cap = 0;
}
