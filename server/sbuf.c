/* SPDX-License-Identifier: Apache-2.0 */
/* Growable response buffers of the server (malloc'd, always NUL-terminated after an append). */
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

/* The same escaping as the CLI's cli_json_str, so bodies match `--json` output byte for byte. */
int sb_json_str(sbuf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int rc = sb_put(b, "\"", 1);
	for (; rc == TG_OK && *p; p++) {
		switch (*p) {
		case '"': rc = sb_put(b, "\\\"", 2); break;
		case '\\': rc = sb_put(b, "\\\\", 2); break;
		case '\n': rc = sb_put(b, "\\n", 2); break;
		case '\r': rc = sb_put(b, "\\r", 2); break;
		case '\t': rc = sb_put(b, "\\t", 2); break;
		default:
			rc = *p < 0x20 ? sb_printf(b, "\\u%04x", *p) : sb_put(b, p, 1);
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
