/* SPDX-License-Identifier: Apache-2.0 */
/* A strict JSON parser into a flat token array, for the order hot path. It accepts exactly what jansson
 * accepts with JSON_REJECT_DUPLICATES (an object or array at the top, UTF-8 validated, escapes decoded
 * with surrogate pairs, no NUL in strings, integers exact in int64, no duplicate keys) and in addition
 * limits nesting to TG_JP_MAX_DEPTH. Strings are unescaped into one arena owned by the document.
 *
 * Layout: a value's subtree occupies tokens [i, tok[i].next). An object's members are (key, value)
 * token pairs: the first key is at i + 1, its value at i + 2, the next key at tok[i + 2].next. */
#ifndef TG_UTIL_JPARSE_H
#define TG_UTIL_JPARSE_H

#include <stddef.h>
#include <stdint.h>
#include "tg/buf.h"

#define TG_JP_MAX_DEPTH 32

typedef enum tg_jtype { TG_JOBJ, TG_JARR, TG_JSTR, TG_JINT, TG_JREAL, TG_JTRUE, TG_JFALSE, TG_JNULL } tg_jtype;

typedef struct tg_jtok {
	unsigned char type;  /* tg_jtype */
	unsigned char plain; /* strings: printable ASCII without escapes (canonical form = the text) */
	uint32_t nkids;      /* objects: members; arrays: elements */
	uint32_t next;       /* index just past this value's subtree */
	uint32_t start, end; /* the value's span in the text, [start, end) */
	uint32_t len;        /* strings: unescaped length in bytes */
	union {
		const char *s; /* strings: unescaped, NUL-terminated, in the arena */
		int64_t i;     /* integers */
		double d;      /* reals */
	} v;
} tg_jtok;

typedef struct tg_jdoc {
	tg_jtok *tok;
	uint32_t ntok, cap;
	char *arena; /* unescaped strings; capacity len + 1 is always enough */
	size_t arena_used, arena_cap;
	size_t err_pos;      /* on a syntax error: byte offset of the failure */
	const char *err_msg; /* on a syntax error: what was wrong (static text) */
} tg_jdoc;

/* clang-format off */
#define TG_JDOC_INIT {NULL, 0, 0, NULL, 0, 0, 0, NULL}
/* clang-format on */

/* Parse text (need not be NUL-terminated). TG_OK; TG_EINVALID with err_pos/err_msg set; TG_ENOMEM;
 * TG_ELIMIT for texts of 4 GiB or more. Buffers of an earlier parse are reused. */
int tg__jp_parse(tg_jdoc *d, const char *text, size_t len);
void tg__jp_dispose(tg_jdoc *d);

/* Index of the value of key in object token obj, or 0 when absent. */
uint32_t tg__jp_find(const tg_jdoc *d, uint32_t obj, const char *key);

/* 1-based line and column (in bytes) of position pos in text. */
void tg__jp_linecol(const char *text, size_t pos, int *line, int *column);

/* Append the canonical form of value i: compact, keys sorted by their UTF-8 bytes, strings escaped to
 * ASCII, byte-identical to jansson's JSON_COMPACT | JSON_SORT_KEYS | JSON_ENSURE_ASCII. */
int tg__jp_canonical(tg_buf *out, const tg_jdoc *d, uint32_t i);

#endif
