/* SPDX-License-Identifier: Apache-2.0 */
/* Name scoring (declared in screen_int.h). Token-aware: each query token is paired with at most one list
 * token (greedy by similarity), pairs count with the weights of both tokens (rare tokens weigh
 * more), unpaired tokens count against the score on either side. */
#include "screen_int.h"

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

/* Edit-distance similarity 1 - d/maxlen of two words (at most 64 bytes each), d counting a
 * substitution, insertion, deletion or swap of two neighbours as one edit (optimal string alignment). */
static double osa_ratio(const char *a, size_t na, const char *b, size_t nb)
{
	unsigned char d[65][65];
	size_t i, j;
	if (na > 64)
		na = 64;
	if (nb > 64)
		nb = 64;
	for (i = 0; i <= na; i++)
		d[i][0] = (unsigned char)i;
	for (j = 0; j <= nb; j++)
		d[0][j] = (unsigned char)j;
	for (i = 1; i <= na; i++)
		for (j = 1; j <= nb; j++) {
			unsigned v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1u < v)
				v = d[i - 1][j] + 1u;
			if (d[i][j - 1] + 1u < v)
				v = d[i][j - 1] + 1u;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1u < v)
				v = d[i - 2][j - 2] + 1u;
			d[i][j] = (unsigned char)v;
		}
	return 1.0 - (double)d[na][nb] / (double)(na > nb ? na : nb);
}

/* Similarity of two spellings of a word (typos, transliteration variants), without the same-sound
 * rule. Jaro-Winkler rewards a long shared beginning (Ronaldinho / Ronaldo, Montenegro / Monteiro,
 * Castillo / Castro are other names), so for longer words the similarity is also capped by the share
 * of letters that survive the edits between them, plus TG_SC_EDIT_SLACK. */
static double spelling_sim(const char *a, size_t na, const char *b, size_t nb)
{
	double jw, sim, kept;
	if (na == nb && memcmp(a, b, na) == 0)
		return 1.0;
	if ((na == 1 && nb > 1 && a[0] == b[0]) || (nb == 1 && na > 1 && a[0] == b[0]))
		return TG_SC_INITIAL_SIM;
	if (na < 3 || nb < 3)
		return 0.0;
	if (na <= 4 || nb <= 4) /* short words, pinyin syllables: one letter is another word */
		return a[0] == b[0] && one_edit(a, na, b, nb) ? 0.6 : 0.0;
	jw = tg__sc_jaro_winkler(a, na, b, nb);
	if (jw < TOKEN_JW_MIN)
		return 0.0;
	sim = 1.0 - 2.0 * (1.0 - jw);
	kept = osa_ratio(a, na, b, nb) + TG_SC_EDIT_SLACK;
	return sim < kept ? sim : kept;
}

double tg__sc_token_sim(const char *a, size_t na, const char *b, size_t nb)
{
	double sim = spelling_sim(a, na, b, nb);
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

/* A pairing: query tokens [qi, qi + qn) with list tokens [nj, nj + nn) at similarity sim. */
typedef struct pairing {
	unsigned char qi, qn, nj, nn;
	double sim;
} pairing;

/* Tokens t[i] and t[i + 1] written as one word into out; returns its length, 0 when it does not fit. */
static size_t concat2(char *out, size_t cap, const tg__sc_toks *t, size_t i)
{
	size_t n = (size_t)t->len[i] + t->len[i + 1];
	if (n >= cap)
		return 0;
	memcpy(out, t->tok[i], t->len[i]);
	memcpy(out + t->len[i], t->tok[i + 1], t->len[i + 1]);
	return n;
}

/* Small words an acronym leaves out ("Bank of China" / "BOC"). */
static int acronym_skip(const char *w, size_t n)
{
	return (n == 2 && memcmp(w, "of", 2) == 0) ||
	       (n == 3 && (memcmp(w, "and", 3) == 0 || memcmp(w, "for", 3) == 0 || memcmp(w, "the", 3) == 0));
}

/* Is word a (2 to 6 letters) the acronym of the words of t from j, small words inside left out when
 * skip is set? Returns how many words it covers (small words inside included), 0 if not. Every word
 * covered has two letters or more. */
static size_t acronym_pass(const char *a, size_t na, const tg__sc_toks *t, size_t j, int skip)
{
	size_t k = 0, m = j;
	for (k = 0; k < na && m < t->n; m++) {
		if (t->len[m] < 2)
			return 0;
		if (skip && k > 0 && acronym_skip(t->tok[m], t->len[m]))
			continue;
		if (t->tok[m][0] != a[k++])
			return 0;
	}
	return k == na ? m - j : 0;
}

/* Is word a the acronym of the words of t from j, with its small words ("BOC", Bank of China) or
 * without them ("ICBC", Industrial and Commercial Bank of China)? Returns the words covered or 0. */
static size_t acronym_of(const char *a, size_t na, const tg__sc_toks *t, size_t j)
{
	size_t k, w;
	if (na < 2 || na > 6)
		return 0;
	for (k = 0; k < na; k++)
		if (a[k] < 'a' || a[k] > 'z')
			return 0;
	return (w = acronym_pass(a, na, t, j, 0)) != 0 ? w : acronym_pass(a, na, t, j, 1);
}

/* One side's token or word pair against the other side's words: a word split or joined ("good will" /
 * "goodwill", at its spelling similarity when TG_SC_SOUND_SIM or more) and an acronym against the words it
 * abbreviates ("us" / "united states": TG_SC_ACRONYM_SIM, less for two letters). a is the side whose
 * single token is paired; swap says that side is the list name. */
static size_t multi_one_way(pairing *out, size_t k, size_t max, const tg__sc_toks *a, const tg__sc_toks *b, int swap)
{
	char c[128];
	size_t i, j, cn, w;
	for (i = 0; i < a->n; i++)
		for (j = 0; j < b->n && k < max; j++) {
			pairing p = {0, 0, 0, 0, 0};
			if (a->tok[i][0] != b->tok[j][0]) /* both kinds start with the same letter */
				continue;
			if (j + 1 < b->n && (cn = concat2(c, sizeof(c), b, j)) > 0 &&
			    (cn > a->len[i] ? cn - a->len[i] : a->len[i] - cn) <= 2) {
				double sim = spelling_sim(a->tok[i], a->len[i], c, cn);
				if (sim >= TG_SC_SOUND_SIM)
					p = (pairing){(unsigned char)i, 1, (unsigned char)j, 2, sim};
			}
			if ((w = acronym_of(a->tok[i], a->len[i], b, j)) >= 2) {
				double sim = a->len[i] == 2 ? TG_SC_ACRONYM_SIM - 0.1 : TG_SC_ACRONYM_SIM;
				if (sim > p.sim)
					p = (pairing){(unsigned char)i, 1, (unsigned char)j, (unsigned char)w, sim};
			}
			if (p.sim <= 0)
				continue;
			if (swap)
				p = (pairing){p.nj, p.nn, p.qi, p.qn, p.sim};
			out[k++] = p;
		}
	return k;
}

/* Weight of the tokens of t not used; in a conflict between two persons' names (a word on each side
 * left over), a left-over word weighs at least the mean word of its name: a different given name or
 * patronymic is a different person however common the name. */
static double missing(const tg__sc_toks *t, const unsigned char *used, int floor_mean)
{
	double sum = 0, mean = 0, m = 0;
	size_t i;
	for (i = 0; i < t->n; i++)
		sum += t->w[i];
	mean = t->n ? sum / (double)t->n : 0;
	for (i = 0; i < t->n; i++)
		if (!used[i])
			m += floor_mean && t->w[i] < mean ? mean : t->w[i];
	return m;
}

/* Are the tokens of p all unused? */
static int free_pairing(const pairing *p, const unsigned char *uq, const unsigned char *un)
{
	size_t i;
	for (i = 0; i < p->qn; i++)
		if (uq[p->qi + i])
			return 0;
	for (i = 0; i < p->nn; i++)
		if (un[p->nj + i])
			return 0;
	return 1;
}

/* Greedy pairing, best similarity first (single tokens before multi-token pairings at equal
 * similarity); fills the weights gained and paired. */
static void pair_tokens(tg__sc_score *out, double *got, double *got_w, unsigned char *uq, unsigned char *un,
			const tg__sc_toks *q, const tg__sc_toks *n)
{
	double sim[TG_SC_MAX_TOKENS][TG_SC_MAX_TOKENS];
	pairing multi[64], best;
	size_t i, j, nm;

	for (i = 0; i < q->n; i++)
		for (j = 0; j < n->n; j++)
			sim[i][j] = tg__sc_token_sim(q->tok[i], q->len[i], n->tok[j], n->len[j]);
	nm = multi_one_way(multi, 0, 64, q, n, 0);
	nm = multi_one_way(multi, nm, 64, n, q, 1);
	for (;;) {
		best = (pairing){0, 0, 0, 0, 0};
		for (i = 0; i < q->n; i++)
			for (j = 0; j < n->n; j++)
				if (!uq[i] && !un[j] && sim[i][j] > best.sim)
					best = (pairing){(unsigned char)i, 1, (unsigned char)j, 1, sim[i][j]};
		for (i = 0; i < nm; i++)
			if (multi[i].sim > best.sim && free_pairing(&multi[i], uq, un))
				best = multi[i];
		if (best.sim <= 0)
			break;
		for (i = 0; i < best.qn; i++)
			uq[best.qi + i] = 1, *got += best.sim * q->w[best.qi + i], *got_w += q->w[best.qi + i];
		for (j = 0; j < best.nn; j++)
			un[best.nj + j] = 1, *got += best.sim * n->w[best.nj + j], *got_w += n->w[best.nj + j];
		out->matched += best.qn;
	}
}

void tg__sc_score_names(tg__sc_score *out, const tg__sc_toks *q, const tg__sc_toks *n)
{
	double total = 0, got = 0, got_w = 0, missq, missn;
	unsigned char uq[TG_SC_MAX_TOKENS] = {0}, un[TG_SC_MAX_TOKENS] = {0};
	int person = q->person || n->person;

	memset(out, 0, sizeof(*out));
	pair_tokens(out, &got, &got_w, uq, un, q, n);
	missq = missing(q, uq, 0), missn = missing(n, un, 0);
	/* Words on one side only (a middle name, a patronymic, "Technologies") cost less than words
	 * that conflict with different words on the other side (AL-MOSULI against AL-TIKRITI). */
	if (missq > 0 && missn > 0)
		total = got_w + (person ? missing(q, uq, 1) + missing(n, un, 1) : missq + missn);
	else
		total = got_w +
			(person && out->matched >= 2 ? TG_SC_SUBSET_COST_PERSON : TG_SC_SUBSET_COST) * (missq + missn);
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
