/* SPDX-License-Identifier: Apache-2.0 */
/* Name scoring (see screen_score.h). Token-aware: each query token is paired with at most one list
 * token (greedy by similarity), pairs count with the weights of both tokens (rare tokens weigh
 * more), unpaired tokens count against the score on either side. */
#include "screen_score.h"

#include <string.h>

#define TOKEN_JW_MIN 0.88

double tg__sc_jaro_winkler(const char *a, size_t na, const char *b, size_t nb)
{
	unsigned char ma[64] = {0}, mb[64] = {0};
	size_t i, j, m = 0, t = 0, k = 0, win, pre = 0;
	double jaro;

	if (na == 0 || nb == 0)
		return na == nb ? 1.0 : 0.0;
	if (na > 64)
		na = 64;
	if (nb > 64)
		nb = 64;
	win = (na > nb ? na : nb) / 2;
	win = win ? win - 1 : 0;
	for (i = 0; i < na; i++) {
		size_t lo = i > win ? i - win : 0, hi = i + win + 1 < nb ? i + win + 1 : nb;
		for (j = lo; j < hi; j++) {
			if (mb[j] || a[i] != b[j])
				continue;
			ma[i] = mb[j] = 1;
			m++;
			break;
		}
	}
	if (m == 0)
		return 0.0;
	for (i = 0; i < na; i++) {
		if (!ma[i])
			continue;
		while (!mb[k])
			k++;
		if (a[i] != b[k])
			t++;
		k++;
	}
	jaro = ((double)m / (double)na + (double)m / (double)nb + ((double)m - (double)t / 2.0) / (double)m) / 3.0;
	while (pre < 4 && pre < na && pre < nb && a[pre] == b[pre])
		pre++;
	return jaro + (double)pre * 0.1 * (1.0 - jaro);
}

/* At most one edit (substitution, insertion, deletion) apart? */
static int one_edit(const char *a, size_t na, const char *b, size_t nb)
{
	size_t i = 0, j = 0, edits = 0;
	if (na > nb + 1 || nb > na + 1)
		return 0;
	while (i < na && j < nb) {
		if (a[i] == b[j]) {
			i++, j++;
			continue;
		}
		if (++edits > 1)
			return 0;
		if (na > nb)
			i++;
		else if (nb > na)
			j++;
		else
			i++, j++;
	}
	return edits + (na - i) + (nb - j) <= 1;
}

/* Consonant skeleton of a word, for spellings of one sound: vowels (and h, w after a letter, y)
 * dropped after the first letter, a leading vowel as 'a'; v/w, s/z/x, k/c/q/g, f/ph, j/y alike;
 * repeated letters once. Returns its length (out holds at most 32). */
static size_t skeleton(char *out, const char *a, size_t n)
{
	size_t i, m = 0;
	for (i = 0; i < n && m < 32; i++) {
		char c = a[i];
		if (c == 'p' && i + 1 < n && a[i + 1] == 'h')
			c = 'f', i++;
		else if (strchr("aeiouy", c))
			c = i == 0 ? 'a' : 0;
		else if (c == 'h' && i > 0)
			c = 0;
		else if (c == 'w')
			c = 'v';
		else if (c == 'z' || c == 'x')
			c = 's';
		else if (c == 'c' || c == 'q' || c == 'g')
			c = 'k';
		else if (c == 'j')
			c = i == 0 ? 'j' : 0;
		if (c && (m == 0 || out[m - 1] != c))
			out[m++] = c;
	}
	return m;
}

/* Same skeleton, both words of 4 letters or more and at most 2 letters apart in length. */
static int same_sound(const char *a, size_t na, const char *b, size_t nb)
{
	char sa[32], sb[32];
	size_t la, lb;
	if (na < 4 || nb < 4 || na > nb + 2 || nb > na + 2)
		return 0;
	la = skeleton(sa, a, na), lb = skeleton(sb, b, nb);
	return la >= 2 && la == lb && memcmp(sa, sb, la) == 0;
}

double tg__sc_token_sim(const char *a, size_t na, const char *b, size_t nb)
{
	double jw, sim;
	if (na == nb && memcmp(a, b, na) == 0)
		return 1.0;
	if ((na == 1 && nb > 1 && a[0] == b[0]) || (nb == 1 && na > 1 && a[0] == b[0]))
		return TG_SC_INITIAL_SIM;
	if (na < 3 || nb < 3)
		return 0.0;
	if (na <= 4 || nb <= 4) /* short words, pinyin syllables: one letter is another word */
		sim = a[0] == b[0] && one_edit(a, na, b, nb) ? 0.6 : 0.0;
	else {
		jw = tg__sc_jaro_winkler(a, na, b, nb);
		sim = jw >= TOKEN_JW_MIN ? 1.0 - 2.0 * (1.0 - jw) : 0.0;
	}
	return sim < TG_SC_SOUND_SIM && same_sound(a, na, b, nb) ? TG_SC_SOUND_SIM : sim;
}

void tg__sc_tokens(tg__sc_toks *t, const char *norm)
{
	const char *p = norm;
	t->n = 0;
	t->person = 0;
	while (*p && t->n < TG_SC_MAX_TOKENS) {
		const char *e = strchr(p, ' ');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		t->tok[t->n] = p;
		t->len[t->n] = (unsigned char)(n > 255 ? 255 : n);
		t->w[t->n] = 1.0f;
		t->n++;
		p += n;
		while (*p == ' ')
			p++;
	}
}

/* Edit-distance similarity 1 - lev/maxlen of two byte strings (at most 128 bytes each). */
static double lev_ratio(const char *a, size_t na, const char *b, size_t nb)
{
	unsigned short row[129];
	size_t i, j;
	if (na > 128)
		na = 128;
	if (nb > 128)
		nb = 128;
	for (j = 0; j <= nb; j++)
		row[j] = (unsigned short)j;
	for (i = 1; i <= na; i++) {
		unsigned short diag = row[0], up;
		row[0] = (unsigned short)i;
		for (j = 1; j <= nb; j++) {
			unsigned short best = (unsigned short)(diag + (a[i - 1] != b[j - 1]));
			up = row[j];
			if (up + 1 < best)
				best = (unsigned short)(up + 1);
			if (row[j - 1] + 1 < best)
				best = (unsigned short)(row[j - 1] + 1);
			diag = up;
			row[j] = best;
		}
	}
	return 1.0 - (double)row[nb] / (double)(na > nb ? na : nb);
}

/* Both names without spaces, in their order, compared whole ("hua wei" / "huawei"). */
static double joined(const tg__sc_toks *q, const tg__sc_toks *n)
{
	char a[128], b[128];
	size_t i, na = 0, nb = 0;
	for (i = 0; i < q->n && na + q->len[i] < sizeof(a); i++)
		memcpy(a + na, q->tok[i], q->len[i]), na += q->len[i];
	for (i = 0; i < n->n && nb + n->len[i] < sizeof(b); i++)
		memcpy(b + nb, n->tok[i], n->len[i]), nb += n->len[i];
	if (na == 0 || nb == 0)
		return 0.0;
	return lev_ratio(a, na, b, nb);
}

static size_t find_bin(const tg__sc_toks *t)
{
	size_t i;
	for (i = 1; i + 1 < t->n; i++)
		if (t->len[i] == 3 && memcmp(t->tok[i], "bin", 3) == 0)
			return i;
	return 0;
}

static int tok_eq(const tg__sc_toks *a, size_t i, const tg__sc_toks *b, size_t j)
{
	return a->len[i] == b->len[j] && memcmp(a->tok[i], b->tok[j], a->len[i]) == 0;
}

int tg__sc_bin_swapped(const tg__sc_toks *q, const tg__sc_toks *n)
{
	size_t bq = find_bin(q), bn = find_bin(n);
	if (bq == 0 || bn == 0 || tok_eq(q, bq - 1, q, bq + 1))
		return 0;
	return tok_eq(q, bq - 1, n, bn + 1) && tok_eq(q, bq + 1, n, bn - 1);
}

void tg__sc_score_names(tg__sc_score *out, const tg__sc_toks *q, const tg__sc_toks *n)
{
	double sim[TG_SC_MAX_TOKENS][TG_SC_MAX_TOKENS], total = 0, got = 0, got_w = 0, missq = 0, missn = 0;
	unsigned char uq[TG_SC_MAX_TOKENS] = {0}, un[TG_SC_MAX_TOKENS] = {0};
	size_t i, j;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < q->n; i++)
		for (j = 0; j < n->n; j++)
			sim[i][j] = tg__sc_token_sim(q->tok[i], q->len[i], n->tok[j], n->len[j]);
	for (;;) { /* greedy pairing, best pair first */
		size_t bi = 0, bj = 0;
		double best = 0;
		for (i = 0; i < q->n; i++)
			for (j = 0; j < n->n; j++)
				if (!uq[i] && !un[j] && sim[i][j] > best)
					best = sim[i][j], bi = i, bj = j;
		if (best <= 0)
			break;
		uq[bi] = un[bj] = 1;
		got += best * (q->w[bi] + n->w[bj]);
		got_w += q->w[bi] + n->w[bj];
		out->matched++;
	}
	for (i = 0; i < q->n; i++)
		missq += uq[i] ? 0 : q->w[i];
	for (j = 0; j < n->n; j++)
		missn += un[j] ? 0 : n->w[j];
	/* Words on one side only (a middle name, a patronymic, "Technologies") cost less than words
	 * that conflict with different words on the other side (AL-MOSULI against AL-TIKRITI). */
	total = got_w + (missq > 0 && missn > 0 ? missq + missn
						: ((q->person || n->person) && out->matched >= 2 ? TG_SC_SUBSET_COST_PERSON : TG_SC_SUBSET_COST) *
							  (missq + missn));
	out->tokens = total > 0 ? got / total : 0;
	out->joined = joined(q, n);
	if (tg__sc_bin_swapped(q, n)) /* "Salman bin Muhammad" is not "Muhammad bin Salman" */
		out->tokens *= TG_SC_BIN_SWAPPED;
	out->score = out->tokens;
	if (out->joined >= 0.9 && out->joined > out->score)
		out->score = out->joined;
	if (out->score > 1.0)
		out->score = 1.0;
}
