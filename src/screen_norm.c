/* SPDX-License-Identifier: Apache-2.0 */
/* Name normalisation, ASCII stage: punctuation, case, legal forms. The Unicode stage (ICU, pinyin,
 * brands) is in screen_translit.c and feeds this one. */
#include "screen_norm.h"

#include <ctype.h>
#include <string.h>

/* Strong: never a given name or a word of a company's own name. Weak: short or ambiguous forms. */
static const char *const strong_forms[] = {
	"ltd", "limited", "llc", "llp", "inc", "incorporated", "corp", "corporation", "gmbh", "plc", "bhd",
	"sdn", "jsc", "ojsc", "cjsc", "pjsc", "ooo", "oao", "zao", "pao", "sarl", "srl", "spa", "sas", "pte",
	"pty", "mbh", "kgaa", "ltda", "tov", "fze", "fzco", "fzc", "fzllc", "wll", "pvt", "cokg", "aktiengesellschaft",
	"akg", "zoo", NULL};
static const char *const weak_forms[] = {"co", "company", "sa", "ag", "ab", "as", "nv", "bv", "kg", "oy", "lp",
					 "ao", "kk", "se", "the", "de", "cv", "sl", NULL};

/* Multi-word legal forms (after punctuation is gone), removed wherever they stand. */
static const char *const legal_phrases[] = {"public joint stock company", "open joint stock company",
					    "closed joint stock company", "joint stock company",
					    "limited liability company", "limited liability partnership",
					    "societe anonyme", "sociedad anonima", "sp z o o", "sp z oo", "s a", NULL};

/* Titles and honorifics: not part of a name. */
static const char *const honorifics[] = {"mr", "mrs", "ms", "miss", "dr", "prof", "president", "prasident",
					 "monsieur", "madame", "mme", "sir", "herr", "frau", "shaikh", "sheikh", "hon",
					 NULL};

/* Spelling variants folded to one form (Arabic articles and the most frequent given names). */
static const char *const synonyms[][2] = {
	{"el", "al"}, {"ben", "bin"}, {"ibn", "bin"}, {"abdel", "abdul"}, {"abdal", "abdul"}, {"abd", "abdul"},
	{"muhammad", "mohammed"}, {"mohammad", "mohammed"}, {"mohamed", "mohammed"}, {"muhammed", "mohammed"},
	{"mohamad", "mohammed"}, {"ahmad", "ahmed"}, {"yousef", "yusuf"}, {"yousuf", "yusuf"}, {"youssef", "yusuf"},
	{"husain", "hussein"}, {"hussain", "hussein"}, {"husayn", "hussein"}, {"abdallah", "abdullah"},
	{"1st", "first"}, {"2nd", "second"}, {"3rd", "third"}, {"one", "1"}, {"two", "2"}, {"three", "3"},
	{"four", "4"}, {"five", "5"}, {"six", "6"}, {"seven", "7"}, {"eight", "8"}, {"nine", "9"}, {"ten", "10"},
	{NULL, NULL}};

/* Weak forms that stand before the name ("AO Kronshtadt", "PT Bank", "The X"). */
static const char *const prefix_forms[] = {"the", "ao", "pt", "cv", NULL};

static int in_set(const char *const *set, const char *tok, size_t n)
{
	for (; *set; set++)
		if (strlen(*set) == n && memcmp(*set, tok, n) == 0)
			return 1;
	return 0;
}

int tg__screen_legal_form(const char *tok, size_t n)
{
	if (in_set(strong_forms, tok, n))
		return 2;
	return in_set(weak_forms, tok, n) ? 1 : 0;
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

/* Does the phrase (space-separated words) match the tokens from i? Returns its word count or 0. */
static size_t phrase_at(const char *tmp, const span *v, size_t k, size_t i, const char *phrase)
{
	size_t w = 0;
	while (*phrase) {
		size_t l = strcspn(phrase, " ");
		if (i + w >= k || v[i + w].len != l || memcmp(tmp + v[i + w].off, phrase, l) != 0)
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
			  !in_set(honorifics, tmp + v[i].off, v[i].len);
	}
	for (i = 0; i < k; i++)
		for (j = 0; legal_phrases[j]; j++)
			for (w = phrase_at(tmp, v, k, i, legal_phrases[j]); w; w--)
				keep[i + w - 1] = 0;
	for (i = 0; i < k; i++) /* "Co." next to "Ltd." is a legal form wherever it stands */
		if (keep[i] && tg__screen_legal_form(tmp + v[i].off, v[i].len) == 1 &&
		    ((i > 0 && tg__screen_legal_form(tmp + v[i - 1].off, v[i - 1].len) == 2) ||
		     (i + 1 < k && tg__screen_legal_form(tmp + v[i + 1].off, v[i + 1].len) == 2)))
			keep[i] = 0;
	while (lo < hi && (!keep[lo] || in_set(prefix_forms, tmp + v[lo].off, v[lo].len)))
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
	for (i = 0; synonyms[i][0]; i++)
		if (strlen(synonyms[i][0]) == *n && memcmp(synonyms[i][0], t, *n) == 0) {
			*n = strlen(synonyms[i][1]);
			return synonyms[i][1];
		}
	return t;
}

size_t tg__screen_norm_ascii(char *out, size_t cap, const char *in, size_t n)
{
	char tmp[TG_SCREEN_NORM_MAX];
	span v[64];
	size_t k, i, m = 0, len = tokenise(tmp, sizeof(tmp), in, n);
	int keep[64];

	k = spans(v, 64, tmp, len);
	mark(keep, tmp, v, k);
	for (i = 0; i < k; i++) {
		size_t l = v[i].len;
		const char *t = canonical(tmp + v[i].off, &l);
		if (!keep[i] || m + l + 2 > cap)
			continue;
		if (m)
			out[m++] = ' ';
		memcpy(out + m, t, l);
		m += l;
	}
	if (cap)
		out[m] = '\0';
	return m;
}
