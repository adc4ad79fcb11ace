/* SPDX-License-Identifier: Apache-2.0 */
/* Chinese name tables (screen_zh_table.c): project data, each brand mapping with its source. */
#ifndef TG_SCREEN_ZH_H
#define TG_SCREEN_ZH_H

#include <stddef.h>

typedef enum tg__zh_kind {
	TG_ZH_LEGAL = 1,      /* legal form: dropped (有限公司) */
	TG_ZH_DESCRIPTOR = 2, /* generic word: its English equivalent (科技 technology) */
	TG_ZH_PLACE = 3,      /* place name, word-level pinyin (长沙 changsha); weak evidence */
	TG_ZH_BRAND = 4,      /* a name that is not pinyin (大疆 DJI) */
	TG_ZH_WORD = 5        /* other word-level reading (polyphones in names) */
} tg__zh_kind;

typedef struct tg__zh_term {
	const char *zh;     /* Simplified, UTF-8 */
	const char *out;    /* ASCII replacement ("" = drop) */
	tg__zh_kind kind;
	const char *source; /* where the mapping comes from (brands: the company's own site) */
} tg__zh_term;

/* The longest table term that starts at s (UTF-8, n bytes left), or NULL. */
const tg__zh_term *tg__zh_match(const char *s, size_t n);

/* Is the ASCII token a place name from the table (weak evidence)? */
int tg__zh_is_place(const char *tok, size_t n);

#endif
