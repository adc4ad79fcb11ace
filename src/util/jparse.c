/* SPDX-License-Identifier: Apache-2.0 */
/* Strict recursive-descent JSON parser into a flat token array (see jparse.h). Recursion is bounded by
 * TG_JP_MAX_DEPTH. The error messages are short; callers that need jansson's exact wording re-parse
 * the (rare) failing text with jansson. */
#include "jparse.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "alloc.h"
#include "buf.h"
#include "err.h"
#include "fmt.h"

typedef struct pstate {
	tg_jdoc *d;
	const unsigned char *s;
	size_t len, pos;
} pstate;

static int parse_value(pstate *p, int depth);

static int fail(pstate *p, size_t pos, const char *msg)
{
	p->d->err_pos = pos;
	p->d->err_msg = msg;
	return TG_EINVALID;
}

static void skip_ws(pstate *p)
{
	while (p->pos < p->len &&
	       (p->s[p->pos] == ' ' || p->s[p->pos] == '\n' || p->s[p->pos] == '\r' || p->s[p->pos] == '\t'))
		p->pos++;
}

/* Append a token of type at the current position; its index in *idx. */
static int new_tok(pstate *p, uint32_t *idx, tg_jtype type)
{
	tg_jdoc *d = p->d;
	tg_jtok *t;
	if (d->ntok == d->cap) {
		uint32_t n = d->cap ? d->cap * 2 : 64;
		tg_jtok *nt = d->cap >= UINT32_MAX / 4 ? NULL : tg__realloc(d->tok, (size_t)n * sizeof(*nt));
		if (nt == NULL)
			return TG_ENOMEM;
		d->tok = nt;
		d->cap = n;
	}
	t = &d->tok[d->ntok];
	t->type = (unsigned char)type;
	t->plain = 0;
	t->nkids = 0;
	t->start = t->end = (uint32_t)p->pos;
	t->len = 0;
	t->v.i = 0;
	*idx = d->ntok++;
	t->next = d->ntok;
	return TG_OK;
}

/* Length of the valid UTF-8 sequence at s (n bytes available), 0 if invalid (overlong forms,
 * surrogates and code points past U+10FFFF are invalid). */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	size_t k, i;
	uint32_t cp;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		k = 2, cp = s[0] & 0x1Fu;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		k = 3, cp = s[0] & 0x0Fu;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		k = 4, cp = s[0] & 0x07u;
	else
		return 0;
	if (n < k)
		return 0;
	for (i = 1; i < k; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3Fu);
	}
	if ((k == 3 && cp < 0x800) || (k == 4 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return k;
}

static int hex4(const unsigned char *s, uint32_t *out)
{
	uint32_t v = 0;
	int i;
	for (i = 0; i < 4; i++) {
		unsigned c = s[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			v |= (c | 0x20) - 'a' + 10;
		else
			return -1;
	}
	*out = v;
	return 0;
}

static char *put_utf8(char *o, uint32_t cp)
{
	if (cp < 0x80) {
		*o++ = (char)cp;
	} else if (cp < 0x800) {
		*o++ = (char)(0xC0 | (cp >> 6));
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*o++ = (char)(0xE0 | (cp >> 12));
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else {
		*o++ = (char)(0xF0 | (cp >> 18));
		*o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	}
	return o;
}

/* \uXXXX at s + *i (the backslash), with a following low surrogate for a high one. */
static int unescape_u(pstate *p, size_t *i, char **o)
{
	const unsigned char *s = p->s;
	uint32_t cp, lo;
	if (*i + 6 > p->len || hex4(s + *i + 2, &cp) < 0)
		return fail(p, *i, "invalid \\u escape");
	if (cp >= 0xDC00 && cp <= 0xDFFF)
		return fail(p, *i, "lone low surrogate");
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		if (*i + 12 > p->len || s[*i + 6] != '\\' || s[*i + 7] != 'u' || hex4(s + *i + 8, &lo) < 0 ||
		    lo < 0xDC00 || lo > 0xDFFF)
			return fail(p, *i, "unpaired high surrogate");
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		*i += 6;
	}
	if (cp == 0)
		return fail(p, *i, "\\u0000 is not allowed");
	*o = put_utf8(*o, cp);
	*i += 6;
	return TG_OK;
}

static int unescape(pstate *p, size_t *i, char **o)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *c;
	if (*i + 1 >= p->len)
		return fail(p, *i, "unterminated string");
	if (p->s[*i + 1] == 'u')
		return unescape_u(p, i, o);
	c = p->s[*i + 1] ? strchr(from, p->s[*i + 1]) : NULL;
	if (c == NULL)
		return fail(p, *i, "invalid escape");
	*(*o)++ = to[c - from];
	*i += 2;
	return TG_OK;
}

#define ONES16 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
/* 1 for the bytes that end a run of plain string text: controls, '"', '\\' and every non-ASCII byte. */
static const unsigned char str_stop[256] = {ONES16, ONES16, ['"'] = 1, ['\\'] = 1, [0x80] = ONES16, ONES16,
					    ONES16, ONES16, ONES16,    ONES16,     ONES16,          ONES16};
#undef ONES16

static int parse_string(pstate *p)
{
	tg_jdoc *d = p->d;
	char *out = d->arena + d->arena_used, *o = out;
	size_t i = p->pos + 1;
	uint32_t me;
	int rc, plain = 1;
	if ((rc = new_tok(p, &me, TG_JSTR)) < 0)
		return rc;
	for (;;) {
		unsigned c;
		size_t k, run = i;
		while (i < p->len && !str_stop[p->s[i]]) /* a run of plain text, copied at once */
			i++;
		memcpy(o, p->s + run, i - run);
		o += i - run;
		if (i >= p->len)
			return fail(p, i, "unterminated string");
		c = p->s[i];
		if (c == '"')
			break;
		if (c < 0x20)
			return fail(p, i, "control character in string");
		if (c == '\\') {
			plain = 0;
			if ((rc = unescape(p, &i, &o)) < 0)
				return rc;
		} else if (c >= 0x80) {
			plain = 0;
			if ((k = utf8_seq(p->s + i, p->len - i)) == 0)
				return fail(p, i, "invalid UTF-8");
			memcpy(o, p->s + i, k);
			o += k;
			i += k;
		} else {
			*o++ = (char)c;
			i++;
		}
	}
	*o = '\0';
	d->arena_used += (size_t)(o - out) + 1;
	d->tok[me].plain = (unsigned char)plain;
	d->tok[me].len = (uint32_t)(o - out);
	d->tok[me].v.s = out;
	d->tok[me].end = (uint32_t)(i + 1);
	p->pos = i + 1;
	return TG_OK;
}

static size_t digits(const pstate *p, size_t i)
{
	while (i < p->len && p->s[i] >= '0' && p->s[i] <= '9')
		i++;
	return i;
}

/* An integer's exact value: magnitude within int64 (one more for negatives). */
static int int_value(pstate *p, tg_jtok *t)
{
	const unsigned char *s = p->s + t->start;
	size_t n = t->end - t->start, i = 0;
	int neg = s[0] == '-';
	uint64_t v = 0, lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (i = (size_t)neg; i < n; i++) {
		unsigned dg = s[i] - '0';
		if (v > (lim - dg) / 10)
			return fail(p, t->start, "integer out of range");
		v = v * 10 + dg;
	}
	t->v.i = neg ? (int64_t)(0 - v) : (int64_t)v;
	return TG_OK;
}

static int real_value(pstate *p, tg_jtok *t)
{
	char small[64], *buf = small;
	size_t n = t->end - t->start;
	if (n >= sizeof(small) && (buf = tg__malloc(n + 1)) == NULL)
		return TG_ENOMEM;
	memcpy(buf, p->s + t->start, n);
	buf[n] = '\0';
	t->v.d = strtod(buf, NULL);
	if (buf != small)
		tg__free(buf);
	return isinf(t->v.d) ? fail(p, t->start, "real number overflow") : TG_OK;
}

static int parse_number(pstate *p)
{
	size_t i = p->pos + (p->s[p->pos] == '-');
	uint32_t me;
	int rc, real = 0;
	if (i >= p->len || p->s[i] < '0' || p->s[i] > '9')
		return fail(p, p->pos, "invalid number");
	i = p->s[i] == '0' ? i + 1 : digits(p, i);
	if (i < p->len && p->s[i] == '.') {
		real = 1;
		if (digits(p, i + 1) == i + 1)
			return fail(p, i, "invalid number");
		i = digits(p, i + 1);
	}
	if (i < p->len && (p->s[i] == 'e' || p->s[i] == 'E')) {
		real = 1;
		i += (i + 1 < p->len && (p->s[i + 1] == '+' || p->s[i + 1] == '-')) ? 2 : 1;
		if (digits(p, i) == i)
			return fail(p, i, "invalid number");
		i = digits(p, i);
	}
	if ((rc = new_tok(p, &me, real ? TG_JREAL : TG_JINT)) < 0)
		return rc;
	p->d->tok[me].end = (uint32_t)i;
	p->pos = i;
	return real ? real_value(p, &p->d->tok[me]) : int_value(p, &p->d->tok[me]);
}

static int parse_literal(pstate *p, const char *word, tg_jtype type)
{
	size_t n = strlen(word);
	uint32_t me;
	int rc;
	if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n) != 0)
		return fail(p, p->pos, "invalid literal");
	if ((rc = new_tok(p, &me, type)) < 0)
		return rc;
	p->pos += n;
	p->d->tok[me].end = (uint32_t)p->pos;
	return TG_OK;
}

typedef struct jkey {
	const char *s;
	uint32_t k;
} jkey;

static int key_cmp(const void *a, const void *b)
{
	return strcmp(((const jkey *)a)->s, ((const jkey *)b)->s);
}

/* a sorts after b (by bytes); the first byte usually decides, without a call. */
static int key_after(const char *a, const char *b)
{
	if (a[0] != b[0])
		return (unsigned char)a[0] > (unsigned char)b[0];
	return strcmp(a, b) > 0;
}

/* Keys of object obj, sorted by their bytes, into keys (room for nkids). */
static void sorted_keys(const tg_jdoc *d, uint32_t obj, jkey *keys)
{
	uint32_t n = d->tok[obj].nkids, m, k = obj + 1;
	for (m = 0; m < n; m++) {
		uint32_t j = m;
		jkey cur = {d->tok[k].v.s, k};
		k = d->tok[k + 1].next;
		if (n > 16) {
			keys[m] = cur;
			continue;
		}
		for (; j > 0 && key_after(keys[j - 1].s, cur.s); j--)
			keys[j] = keys[j - 1];
		keys[j] = cur;
	}
	if (n > 16)
		qsort(keys, n, sizeof(*keys), key_cmp);
}

/* Sorted keys in small or in an allocated array (*keys; free with free_keys). */
static int get_keys(const tg_jdoc *d, uint32_t obj, jkey *small, size_t nsmall, jkey **keys)
{
	*keys = small;
	if (d->tok[obj].nkids > nsmall && (*keys = tg__malloc(d->tok[obj].nkids * sizeof(jkey))) == NULL)
		return TG_ENOMEM;
	sorted_keys(d, obj, *keys);
	return TG_OK;
}

static void free_keys(jkey *keys, const jkey *small)
{
	if (keys != small)
		tg__free(keys);
}

/* Small objects (the usual case) are checked pair by pair, comparing lengths first: cheaper than
 * sorting, which the canonical form does anyway. */
static int check_duplicates_small(pstate *p, uint32_t obj)
{
	const tg_jdoc *d = p->d;
	uint32_t k[16], n = d->tok[obj].nkids, a, b, i = obj + 1;
	for (a = 0; a < n; a++, i = d->tok[i + 1].next)
		k[a] = i;
	for (a = 1; a < n; a++)
		for (b = 0; b < a; b++)
			if (d->tok[k[a]].len == d->tok[k[b]].len &&
			    memcmp(d->tok[k[a]].v.s, d->tok[k[b]].v.s, d->tok[k[a]].len) == 0)
				return fail(p, d->tok[k[a]].start, "duplicate object key");
	return TG_OK;
}

static int check_duplicates(pstate *p, uint32_t obj)
{
	jkey small[16], *keys;
	uint32_t n = p->d->tok[obj].nkids, m;
	int rc;
	if (n <= 16)
		return check_duplicates_small(p, obj);
	if ((rc = get_keys(p->d, obj, small, 16, &keys)) < 0)
		return rc;
	for (m = 1; m < n && rc == TG_OK; m++)
		if (strcmp(keys[m - 1].s, keys[m].s) == 0)
			rc = fail(p, p->d->tok[keys[m].k].start, "duplicate object key");
	free_keys(keys, small);
	return rc;
}

/* Members or elements of the container at p->pos until close; objects have "key": before each. */
static int parse_container(pstate *p, int depth, tg_jtype type, char close)
{
	uint32_t me;
	int rc;
	if ((rc = new_tok(p, &me, type)) < 0)
		return rc;
	p->pos++;
	skip_ws(p);
	if (p->pos < p->len && p->s[p->pos] == close)
		goto done;
	for (;;) {
		if (type == TG_JOBJ) {
			if (p->pos >= p->len || p->s[p->pos] != '"')
				return fail(p, p->pos, "expected a string key");
			if ((rc = parse_string(p)) < 0)
				return rc;
			skip_ws(p);
			if (p->pos >= p->len || p->s[p->pos] != ':')
				return fail(p, p->pos, "expected ':'");
			p->pos++;
			skip_ws(p);
		}
		if ((rc = parse_value(p, depth + 1)) < 0)
			return rc;
		p->d->tok[me].nkids++;
		skip_ws(p);
		if (p->pos < p->len && p->s[p->pos] == ',') {
			p->pos++;
			skip_ws(p);
			continue;
		}
		if (p->pos < p->len && p->s[p->pos] == close)
			break;
		return fail(p, p->pos, type == TG_JOBJ ? "expected ',' or '}'" : "expected ',' or ']'");
	}
done:
	p->pos++;
	p->d->tok[me].end = (uint32_t)p->pos;
	p->d->tok[me].next = p->d->ntok;
	return type == TG_JOBJ && p->d->tok[me].nkids > 1 ? check_duplicates(p, me) : TG_OK;
}

static int parse_value(pstate *p, int depth)
{
	if (depth > TG_JP_MAX_DEPTH)
		return fail(p, p->pos, "nested too deeply");
	if (p->pos >= p->len)
		return fail(p, p->pos, "unexpected end of input");
	switch (p->s[p->pos]) {
	case '{': return parse_container(p, depth, TG_JOBJ, '}');
	case '[': return parse_container(p, depth, TG_JARR, ']');
	case '"': return parse_string(p);
	case 't': return parse_literal(p, "true", TG_JTRUE);
	case 'f': return parse_literal(p, "false", TG_JFALSE);
	case 'n': return parse_literal(p, "null", TG_JNULL);
	default:
		if (p->s[p->pos] == '-' || (p->s[p->pos] >= '0' && p->s[p->pos] <= '9'))
			return parse_number(p);
		return fail(p, p->pos, "unexpected character");
	}
}

int tg__jp_parse(tg_jdoc *d, const char *text, size_t len)
{
	pstate p = {d, (const unsigned char *)text, len, 0};
	int rc;
	d->ntok = 0;
	d->arena_used = 0;
	d->err_msg = NULL;
	d->err_pos = 0;
	if (len >= UINT32_MAX)
		return TG_ELIMIT;
	if (d->arena_cap < len + 1) {
		char *a = tg__realloc(d->arena, len + 1);
		if (a == NULL)
			return TG_ENOMEM;
		d->arena = a;
		d->arena_cap = len + 1;
	}
	skip_ws(&p);
	if (p.pos >= len || (p.s[p.pos] != '{' && p.s[p.pos] != '['))
		return fail(&p, p.pos, "expected '{' or '['");
	if ((rc = parse_value(&p, 0)) < 0)
		return rc;
	skip_ws(&p);
	return p.pos == len ? TG_OK : fail(&p, p.pos, "end of input expected");
}

void tg__jp_dispose(tg_jdoc *d)
{
	tg__free(d->tok);
	tg__free(d->arena);
	d->tok = NULL;
	d->arena = NULL;
	d->ntok = d->cap = 0;
	d->arena_used = d->arena_cap = 0;
}

uint32_t tg__jp_find(const tg_jdoc *d, uint32_t obj, const char *key)
{
	uint32_t n = d->tok[obj].nkids, m, k = obj + 1;
	for (m = 0; m < n; m++, k = d->tok[k + 1].next)
		if (strcmp(d->tok[k].v.s, key) == 0)
			return k + 1;
	return 0;
}

void tg__jp_linecol(const char *text, size_t pos, int *line, int *column)
{
	size_t i, bol = 0;
	int l = 1;
	for (i = 0; i < pos; i++)
		if (text[i] == '\n') {
			l++;
			bol = i + 1;
		}
	*line = l;
	*column = (int)(pos - bol) + 1;
}

/* ---- canonical form ---- */

static int put_u16(tg_buf *b, uint32_t u)
{
	static const char hex[] = "0123456789ABCDEF";
	char e[6] = {'\\', 'u', hex[(u >> 12) & 15], hex[(u >> 8) & 15], hex[(u >> 4) & 15], hex[u & 15]};
	return tg__buf_put(b, e, 6);
}

/* One escaped code point starting at *s (valid UTF-8, advanced past it). */
static int put_escaped(tg_buf *b, const unsigned char **s)
{
	static const char shortesc[] = "\"\"\\\\\bb\ff\nn\rr\tt";
	const unsigned char *c = *s;
	uint32_t cp;
	size_t k, i;
	const char *e;
	if (*c < 0x80) {
		*s = c + 1;
		for (e = shortesc; *e; e += 2)
			if ((unsigned char)*e == *c)
				return tg__buf_put(b, (char[2]){'\\', e[1]}, 2);
		return *c < 0x20 ? put_u16(b, *c) : tg__buf_put(b, c, 1);
	}
	k = *c >= 0xF0 ? 4 : *c >= 0xE0 ? 3 : 2;
	cp = *c & (0x7Fu >> k);
	for (i = 1; i < k; i++)
		cp = (cp << 6) | (c[i] & 0x3Fu);
	*s = c + k;
	if (cp < 0x10000)
		return put_u16(b, cp);
	cp -= 0x10000;
	return put_u16(b, 0xD800 | (cp >> 10)) < 0 ? TG_ENOMEM : put_u16(b, 0xDC00 | (cp & 0x3FF));
}

static int put_string(tg_buf *b, const tg_jtok *t)
{
	const unsigned char *s = (const unsigned char *)t->v.s, *end = s + t->len;
	int rc = tg__buf_putc(b, '"');
	if (rc == TG_OK && t->plain)
		rc = tg__buf_put(b, s, t->len);
	while (rc == TG_OK && !t->plain && s < end) {
		const unsigned char *run = s;
		while (s < end && *s >= 0x20 && *s < 0x80 && *s != '"' && *s != '\\')
			s++;
		if ((rc = tg__buf_put(b, run, (size_t)(s - run))) == TG_OK && s < end)
			rc = put_escaped(b, &s);
	}
	return rc < 0 ? rc : tg__buf_putc(b, '"');
}

/* A real as jansson prints it (precision 17, always with '.' or 'e'). */
static int put_real(tg_buf *b, double v)
{
	char tmp[64];
	json_t *r = json_real(v);
	size_t n = r ? json_dumpb(r, tmp, sizeof(tmp), JSON_ENCODE_ANY | JSON_COMPACT) : 0;
	json_decref(r);
	if (n == 0 || n > sizeof(tmp))
		return TG_ENOMEM;
	return tg__buf_put(b, tmp, n);
}

static int put_object(tg_buf *b, const tg_jdoc *d, uint32_t i)
{
	jkey small[16], *keys;
	uint32_t m;
	int rc = get_keys(d, i, small, 16, &keys);
	if (rc == TG_OK)
		rc = tg__buf_putc(b, '{');
	for (m = 0; m < d->tok[i].nkids && rc == TG_OK; m++) {
		if (m > 0 && (rc = tg__buf_putc(b, ',')) < 0)
			break;
		if ((rc = put_string(b, &d->tok[keys[m].k])) == TG_OK && (rc = tg__buf_putc(b, ':')) == TG_OK)
			rc = tg__jp_canonical(b, d, keys[m].k + 1);
	}
	if (rc == TG_OK)
		rc = tg__buf_putc(b, '}');
	if (keys)
		free_keys(keys, small);
	return rc;
}

int tg__jp_canonical(tg_buf *b, const tg_jdoc *d, uint32_t i)
{
	const tg_jtok *t = &d->tok[i];
	char num[24];
	uint32_t m, k;
	int rc = TG_OK;
	switch ((tg_jtype)t->type) {
	case TG_JOBJ: return put_object(b, d, i);
	case TG_JARR:
		if ((rc = tg__buf_putc(b, '[')) < 0)
			return rc;
		for (m = 0, k = i + 1; m < t->nkids && rc == TG_OK; m++, k = d->tok[k].next)
			if ((m == 0 || (rc = tg__buf_putc(b, ',')) == TG_OK))
				rc = tg__jp_canonical(b, d, k);
		return rc < 0 ? rc : tg__buf_putc(b, ']');
	case TG_JSTR: return put_string(b, t);
	case TG_JINT: return tg__buf_put(b, num, tg__fmt_i64(num, t->v.i));
	case TG_JREAL: return put_real(b, t->v.d);
	case TG_JTRUE: return tg__buf_put(b, "true", 4);
	case TG_JFALSE: return tg__buf_put(b, "false", 5);
	case TG_JNULL: return tg__buf_put(b, "null", 4);
	}
	return TG_EINTERNAL;
}
