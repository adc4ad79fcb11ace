/* SPDX-License-Identifier: Apache-2.0 */
/* Name normalisation, ASCII stage: punctuation, case, legal forms (the word tables are in
 * screen_norm_table.c). The Unicode stage (ICU, pinyin, brands) is in screen_translit.c and feeds this one. */
#include "screen_norm.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int in_set(const tg__sc_word *set, const char *tok, size_t n)
{
	for (; set->s; set++)
		if (set->n == n && set->s[0] == tok[0] && memcmp(set->s, tok, n) == 0)
			return 1;
	return 0;
}

int tg__screen_legal_form(const char *tok, size_t n)
{
	if (in_set(tg__sc_strong_forms, tok, n))
		return 2;
	return in_set(tg__sc_weak_forms, tok, n) ? 1 : 0;
}

/* Should the '.' at in[i] join its neighbours (an initialism such as S.A. or U.S.A.)? */
static int joins_initial(const char *in, size_t n, size_t i)
{
	int prev_letter = i > 0 && isalpha((unsigned char)in[i - 1]);
	int prev_single = i < 2 || !isalnum((unsigned char)in[i - 2]) || in[i - 2] == '.';
	int next_letter = i + 1 < n && isalpha((unsigned char)in[i + 1]);
	return prev_letter && prev_single && next_letter;
}

/* Lower-case, map punctuation to single spaces. Returns the length written into out. */
static size_t tokenise(char *out, size_t cap, const char *in, size_t n)
{
	size_t i, m = 0;
	int space = 1;
	for (i = 0; i < n && m + 1 < cap; i++) {
		unsigned char c = (unsigned char)in[i];
		if (isalnum(c) || c >= 0x80) {
			out[m++] = (char)tolower(c);
			space = 0;
		} else if (c == '\'' || c == '`' || (c == '.' && joins_initial(in, n, i))) {
			continue; /* O'Brien -> obrien, S.A. -> sa */
		} else if (!space) {
			out[m++] = ' ';
			space = 1;
		}
	}
	while (m && out[m - 1] == ' ')
		m--;
	out[m] = '\0';
	return m;
}

typedef struct span {
	size_t off, len;
} span;

/* Split s into token spans; returns the count (at most max). */
static size_t spans(span *v, size_t max, const char *s, size_t n)
{
	size_t k = 0, i = 0;
	while (i < n && k < max) {
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		v[k].off = i, v[k].len = j - i, k++;
		i = j + 1;
	}
	return k;
}

/* Letters written as digits inside a word ("Ig0r Sech1n"): back to letters. */
static void unleet(char *t, size_t n)
{
	static const char from[] = "013457", to[] = "oieast";
	size_t i, letters = 0, digits = 0;
	for (i = 0; i < n; i++)
		letters += isalpha((unsigned char)t[i]) != 0, digits += isdigit((unsigned char)t[i]) != 0;
	if (letters < 2 || digits == 0 || digits > 2 || !isalpha((unsigned char)t[0]))
		return;
	for (i = 0; i < n; i++) {
		const char *f = t[i] ? strchr(from, t[i]) : NULL;
		if (t[i] == '9')
			t[i] = 'g';
		else if (f)
			t[i] = to[f - from];
	}
}

/* Does the phrase (space-separated words) match the tokens from i? Returns its word count or 0. The
 * name's last token may be the phrase's last word cut short (3 letters or more: "JOINT STOCK COMPAN"),
 * as names are cut at a field's length on some lists. */
static size_t phrase_at(const char *tmp, const span *v, size_t k, size_t i, const char *phrase)
{
	size_t w = 0;
	while (*phrase) {
		size_t l = strcspn(phrase, " ");
		int cut;
		if (i + w >= k)
			return 0;
		cut = i + w + 1 == k && phrase[l] == '\0' && w > 0 && v[i + w].len >= 3 && v[i + w].len < l;
		if ((v[i + w].len != l && !cut) || memcmp(tmp + v[i + w].off, phrase, cut ? v[i + w].len : l) != 0)
			return 0;
		w++;
		phrase += l;
		while (*phrase == ' ')
			phrase++;
	}
	return w;
}

/* Mark the tokens to drop: multi-word legal forms, honorifics, legal-form words (see above). */
static void mark(int *keep, char *tmp, const span *v, size_t k)
{
	size_t i, j, w, lo = 0, hi = k;
	for (i = 0; i < k; i++) {
		unleet(tmp + v[i].off, v[i].len);
		keep[i] = tg__screen_legal_form(tmp + v[i].off, v[i].len) != 2 &&
			  !in_set(tg__sc_honorifics, tmp + v[i].off, v[i].len);
	}
	for (i = 0; i < k; i++)
		for (j = 0; tg__sc_legal_phrases[j]; j++) {
			const char *ph = tg__sc_legal_phrases[j];
			for (w = ph[0] != tmp[v[i].off] ? 0 : phrase_at(tmp, v, k, i, ph); w; w--)
				keep[i + w - 1] = 0;
		}
	for (i = 0; i < k; i++) /* "Co." next to "Ltd." is a legal form wherever it stands */
		if (keep[i] && tg__screen_legal_form(tmp + v[i].off, v[i].len) == 1 &&
		    ((i > 0 && tg__screen_legal_form(tmp + v[i - 1].off, v[i - 1].len) == 2) ||
		     (i + 1 < k && tg__screen_legal_form(tmp + v[i + 1].off, v[i + 1].len) == 2)))
			keep[i] = 0;
	while (lo < hi && (!keep[lo] || in_set(tg__sc_prefix_forms, tmp + v[lo].off, v[lo].len)))
		keep[lo++] = 0;
	while (hi > lo && (!keep[hi - 1] || tg__screen_legal_form(tmp + v[hi - 1].off, v[hi - 1].len)))
		keep[--hi] = 0;
	if (lo == hi) /* nothing but legal forms or titles: keep them rather than nothing */
		for (i = 0; i < k; i++)
			keep[i] = 1;
}

/* The canonical spelling of a token (synonyms), or the token itself. */
static const char *canonical(const char *t, size_t *n)
{
	size_t i;
	for (i = 0; tg__sc_synonyms[i][0].s; i++) {
		const tg__sc_word *from = &tg__sc_synonyms[i][0], *to = &tg__sc_synonyms[i][1];
		if (from->n == *n && from->s[0] == t[0] && memcmp(from->s, t, *n) == 0) {
			*n = to->n;
			return to->s;
		}
	}
	return t;
}

/* A word for tens ("forty", now "40"), not the digits themselves? */
static int tens_word(const char *w, const char *t, size_t l)
{
	return l == 2 && t[1] == '0' && t[0] >= '2' && t[0] <= '9' && isalpha((unsigned char)w[0]);
}

size_t tg__screen_norm_ascii(char *out, size_t cap, const char *in, size_t n)
{
	char tmp[TG_SCREEN_NORM_MAX];
	span v[64];
	size_t k, i, m = 0, len = tokenise(tmp, sizeof(tmp), in, n);
	int keep[64], tens = 0;

	k = spans(v, 64, tmp, len);
	mark(keep, tmp, v, k);
	for (i = 0; i < k; i++) {
		size_t l = v[i].len;
		const char *t = canonical(tmp + v[i].off, &l);
		if (!keep[i] || m + l + 2 > cap)
			continue;
		if (tens && l == 1 && t[0] >= '1' && t[0] <= '9') { /* "forty four", "forty-4": 44 */
			out[m - 1] = t[0];
			tens = 0;
			continue;
		}
		tens = tens_word(tmp + v[i].off, t, l);
		if (m)
			out[m++] = ' ';
		memcpy(out + m, t, l);
		m += l;
	}
	if (cap)
		out[m] = '\0';
	return m;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t tg__sc_sorted_key(char *out, size_t cap, const char *norm)
{
	char tmp[TG_SCREEN_NORM_MAX];
	const char *tok[64];
	size_t k = 0, m = 0, i, n = strlen(norm);
	char *p;

	if (n >= sizeof(tmp))
		n = sizeof(tmp) - 1;
	memcpy(tmp, norm, n);
	tmp[n] = '\0';
	for (p = tmp; *p && k < 64;) {
		tok[k++] = p;
		while (*p && *p != ' ')
			p++;
		if (*p)
			*p++ = '\0';
	}
	qsort(tok, k, sizeof(tok[0]), cmp_str);
	for (i = 0; i < k; i++) {
		size_t l = strlen(tok[i]);
		if (m + l + 2 > cap)
			break;
		if (m)
			out[m++] = ' ';
		memcpy(out + m, tok[i], l);
		m += l;
	}
	out[m] = '\0';
	return m;
}
