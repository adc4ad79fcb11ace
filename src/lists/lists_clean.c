/* SPDX-License-Identifier: Apache-2.0 */
/* Cleaning of list values shared by the parsers: trimming, de-duplication, the real lists' quirks
 * (aliases that start with "and", "a.k.a.", names with a parenthesised short form). */
#include "lists.h"

#include <ctype.h>
#include <jansson.h>
#include <string.h>
#include "buf.h"

/* Trim white space (and stray separators) at both ends of [*s, *s+*n). */
static void trim(const char **s, size_t *n)
{
	while (*n && (isspace((unsigned char)**s) || **s == ';' || **s == ','))
		(*s)++, (*n)--;
	while (*n && (isspace((unsigned char)(*s)[*n - 1]) || (*s)[*n - 1] == ';' || (*s)[*n - 1] == ','))
		(*n)--;
}

/* Is [v, v+n) already a line of b (ASCII case-insensitive)? */
static int has_line(const tg_buf *b, const char *v, size_t n)
{
	const char *p = b->ptr, *end = b->ptr ? b->ptr + b->size : NULL;
	while (p && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		size_t i;
		if (len == n) {
			for (i = 0; i < n && tolower((unsigned char)p[i]) == tolower((unsigned char)v[i]); i++)
				;
			if (i == n)
				return 1;
		}
		p = nl ? nl + 1 : end;
	}
	return 0;
}

int tg__lists_add_value(tg_buf *b, const char *v, size_t n)
{
	char tmp[1024];
	size_t i, m = 0;
	int rc, sp = 0;

	trim(&v, &n);
	for (i = 0; i < n && m < sizeof(tmp) - 1; i++) {
		unsigned char c = (unsigned char)v[i];
		if (isspace(c) || c == '\n') {
			sp = 1;
			continue;
		}
		if (sp && m)
			tmp[m++] = ' ';
		sp = 0;
		if (m < sizeof(tmp) - 1)
			tmp[m++] = (char)c;
	}
	if (m == 0 || has_line(b, tmp, m))
		return TG_OK;
	if (b->size && (rc = tg__buf_putc(b, '\n')) < 0)
		return rc;
	return tg__buf_put(b, tmp, m);
}

static int starts_ci(const char *s, size_t n, const char *pre)
{
	size_t k = strlen(pre), i;
	if (n < k)
		return 0;
	for (i = 0; i < k; i++)
		if (tolower((unsigned char)s[i]) != pre[i])
			return 0;
	return 1;
}

int tg__lists_add_name(tg_buf *b, const char *v, size_t n)
{
	const char *open, *close;
	int rc;

	trim(&v, &n);
	if (starts_ci(v, n, "and ")) /* CSL aliases split from "X and Y" lists */
		v += 4, n -= 4;
	if (starts_ci(v, n, "a.k.a. "))
		v += 7, n -= 7;
	else if (starts_ci(v, n, "a.k.a., "))
		v += 8, n -= 8;
	trim(&v, &n);
	if ((rc = tg__lists_add_value(b, v, n)) < 0)
		return rc;
	/* "Long Name (Short)" at the end: the long form alone and the short form are names too. */
	close = n ? v + n - 1 : v;
	if (n < 4 || *close != ')')
		return TG_OK;
	for (open = close - 1; open > v && *open != '(' && *open != ')'; open--)
		;
	if (*open != '(' || open == v)
		return TG_OK;
	if ((rc = tg__lists_add_value(b, v, (size_t)(open - v))) < 0)
		return rc;
	return tg__lists_add_value(b, open + 1, (size_t)(close - open - 1));
}

void tg__lists_code(char out[16], const char *source)
{
	const char *open = strchr(source, '('), *close;
	size_t n;

	out[0] = '\0';
	if (open == NULL || (close = strchr(open, ')')) == NULL) {
		n = strcspn(source, " ");
		open = source - 1;
	} else {
		n = (size_t)(close - open - 1);
	}
	if (n > 5 && memcmp(open + 1 + n - 5, " List", 5) == 0)
		n -= 5; /* "NS-MBS List" */
	if (n >= 16)
		n = 15;
	memcpy(out, open + 1, n);
	out[n] = '\0';
}

const char *tg__lists_jstr(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : "";
}

int tg__lists_add_strings(tg_buf *b, const json_t *v, int (*fn)(tg_buf *, const char *, size_t))
{
	size_t i;
	int rc;
	if (json_is_string(v))
		return fn(b, json_string_value(v), strlen(json_string_value(v)));
	for (i = 0; json_is_array(v) && i < json_array_size(v); i++) {
		const json_t *s = json_array_get(v, i);
		if (json_is_string(s) && (rc = fn(b, json_string_value(s), strlen(json_string_value(s)))) < 0)
			return rc;
	}
	return TG_OK;
}
