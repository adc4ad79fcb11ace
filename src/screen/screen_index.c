/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fuzzy candidate index of the screener. Built once from the normalised names:
 *  - a token vocabulary with document frequencies, inverse-document-frequency weights and postings
 *    (token -> names), in compressed-row arrays;
 *  - a trigram index over the vocabulary (trigram -> tokens) to find the list tokens close to a
 *    query token that is misspelt or transliterated differently.
 * A query collects, per query token, its exact and close vocabulary tokens, accumulates the weight
 * of the names they occur in (rarest tokens first), and fully scores only the best candidates.
 */
#include "screen_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "alloc.h"
#include "err.h"

static unsigned tri_code(unsigned char c)
{
	if (c >= 'a' && c <= 'z')
		return 1u + (unsigned)(c - 'a');
	if (c >= '0' && c <= '9')
		return 27u + (unsigned)(c - '0');
	return c >= 0x80 ? 37u : 0u;
}

/* The trigrams of " tok " (padded), as keys in [0, NTRI); returns the count (<= len + 2). */
size_t tg__sc_trigrams(uint32_t *out, const char *t, size_t n)
{
	unsigned c[70];
	size_t i, k = 0;
	if (n > 64)
		n = 64;
	c[0] = 0;
	for (i = 0; i < n; i++)
		c[i + 1] = tri_code((unsigned char)t[i]);
	c[n + 1] = 0;
	for (i = 0; i + 2 < n + 2; i++)
		out[k++] = (c[i] * 38u + c[i + 1]) * 38u + c[i + 2];
	return k;
}

static int vocab_id(sc_index *x, const char *t, size_t n, uint32_t *id)
{
	void *v = tg__map_get(&x->vocab, t, n);
	if (v) {
		*id = (uint32_t)(uintptr_t)v - 1;
		return TG_OK;
	}
	if (x->n_tok == x->cap_tok) {
		uint32_t cap = x->cap_tok ? x->cap_tok * 2 : 4096;
		const char **nt = tg__realloc(x->tok, cap * sizeof(*nt));
		uint8_t *nl;
		if (nt == NULL)
			return TG_ENOMEM;
		x->tok = nt;
		if ((nl = tg__realloc(x->tok_len, cap)) == NULL)
			return TG_ENOMEM;
		x->tok_len = nl, x->cap_tok = cap;
	}
	x->tok[x->n_tok] = t, x->tok_len[x->n_tok] = (uint8_t)n;
	*id = x->n_tok++;
	return tg__map_put(&x->vocab, t, n, (void *)(uintptr_t)(x->n_tok), NULL);
}

/* Token ids of every name (name_tok) and the vocabulary. */
static int tokenise_names(tg_screener *s, sc_index *x)
{
	size_t i, j;
	for (i = 0; i < s->n_names; i++) {
		tg__sc_toks t;
		sc_name *nm = &s->names[i];
		tg__sc_tokens(&t, nm->norm);
		if (x->n_name_tok + t.n > x->cap_name_tok) {
			size_t cap = x->cap_name_tok ? x->cap_name_tok * 2 : 65536;
			uint32_t *nv = tg__realloc(x->name_tok, cap * sizeof(*nv));
			if (nv == NULL)
				return TG_ENOMEM;
			x->name_tok = nv, x->cap_name_tok = cap;
		}
		nm->tok_off = (uint32_t)x->n_name_tok;
		nm->ntok = (uint16_t)t.n;
		for (j = 0; j < t.n; j++)
			if (vocab_id(x, t.tok[j], t.len[j], &x->name_tok[x->n_name_tok++]) < 0)
				return TG_ENOMEM;
	}
	return TG_OK;
}

uint64_t tg__sc_sketch(const char *norm)
{
	uint64_t sk = 0;
	for (; *norm; norm++) {
		unsigned sh = 2 * TG_SC_LCLASS((unsigned char)*norm);
		if (*norm != ' ' && ((sk >> sh) & 3u) != 3u)
			sk += (uint64_t)1 << sh;
	}
	return sk;
}

/* Each letter one side has more of than the other (capped counts: never more than the real
 * difference) needs an edit: the larger of the two sides' surpluses. */
size_t tg__sc_sketch_edits(uint64_t a, uint64_t b)
{
	size_t da = 0, db = 0;
	unsigned c;
	for (c = 0; c < 27; c++) {
		unsigned x = (unsigned)(a >> (2 * c)) & 3u, y = (unsigned)(b >> (2 * c)) & 3u;
		if (x > y)
			da += x - y;
		else
			db += y - x;
	}
	return da > db ? da : db;
}

uint32_t tg__sc_sketch_lset(uint64_t sketch)
{
	uint32_t lset = 0;
	unsigned c;
	for (c = 0; c < 27; c++)
		lset |= ((sketch >> (2 * c)) & 3u) ? 1u << c : 0u;
	return lset;
}

static void name_sig(sc_index *x, sc_name *nm, uint64_t *bloom, uint64_t *fl)
{
	size_t j, len = 0;
	*bloom = 0, *fl = 0;
	for (j = 0; j < nm->ntok; j++) {
		uint32_t t = x->name_tok[nm->tok_off + j];
		unsigned char c = (unsigned char)x->tok[t][0];
		*bloom |= TG_SC_BLOOM(t);
		*fl |= TG_SC_FL_ANY(c) | (x->tok_len[t] <= 5 ? TG_SC_FL_SHORT(c) : 0);
		len += x->tok_len[t];
	}
	nm->sketch = tg__sc_sketch(nm->norm);
	*fl |= (uint64_t)(len > 255 ? 255 : len) << 54;
}

/* Postings token -> names (each name once per token) and idf weights. */
static int build_postings(tg_screener *s, sc_index *x)
{
	uint32_t *fill, t;
	size_t i, j;

	if ((x->post_off = tg__calloc(x->n_tok + 1, sizeof(uint32_t))) == NULL ||
	    (x->idf = tg__malloc((x->n_tok + 1) * sizeof(float))) == NULL)
		return TG_ENOMEM;
	for (i = 0; i < s->n_names; i++)
		for (j = 0; j < s->names[i].ntok; j++)
			x->post_off[x->name_tok[s->names[i].tok_off + j] + 1]++;
	for (t = 0; t < x->n_tok; t++) {
		double df = x->post_off[t + 1];
		x->idf[t] = (float)log(((double)s->n_names + 1.0) / (df + 0.5));
		if (x->idf[t] > x->max_idf)
			x->max_idf = x->idf[t];
		if (t == 0 || x->idf[t] < x->min_idf)
			x->min_idf = x->idf[t];
		x->post_off[t + 1] += x->post_off[t];
	}
	if ((x->post = tg__malloc((x->post_off[x->n_tok] + 1) * sizeof(uint32_t))) == NULL ||
	    (fill = tg__calloc(x->n_tok + 1, sizeof(uint32_t))) == NULL)
		return TG_ENOMEM;
	if ((x->post_bloom = tg__malloc((x->post_off[x->n_tok] + 1) * sizeof(uint64_t))) == NULL ||
	    (x->post_fl = tg__malloc((x->post_off[x->n_tok] + 1) * sizeof(uint64_t))) == NULL ||
	    (x->post_lset = tg__malloc((x->post_off[x->n_tok] + 1) * sizeof(uint32_t))) == NULL) {
		tg__free(fill);
		return TG_ENOMEM;
	}
	for (i = 0; i < s->n_names; i++) {
		uint64_t bloom, fl;
		uint32_t lset;
		name_sig(x, &s->names[i], &bloom, &fl);
		lset = tg__sc_sketch_lset(s->names[i].sketch);
		for (j = 0; j < s->names[i].ntok; j++) {
			t = x->name_tok[s->names[i].tok_off + j];
			x->post_bloom[x->post_off[t] + fill[t]] = bloom;
			x->post_fl[x->post_off[t] + fill[t]] = fl;
			x->post_lset[x->post_off[t] + fill[t]] = lset;
			x->post[x->post_off[t] + fill[t]++] = (uint32_t)i;
		}
	}
	tg__free(fill);
	return TG_OK;
}

/* Per token: its trigram signature; room for its variants (filled on first use by queries). */
static int build_sigs(sc_index *x)
{
	uint32_t g[80], t;
	size_t k, i;
	if ((x->tok_sig = tg__calloc(x->n_tok + 1, sizeof(uint64_t))) == NULL ||
	    (x->vstate = tg__calloc(x->n_tok + 1, 1)) == NULL || (x->vcount = tg__calloc(x->n_tok + 1, 1)) == NULL ||
	    (x->vcache = tg__malloc((x->n_tok + 1) * MAX_VARIANTS * sizeof(*x->vcache))) == NULL)
		return TG_ENOMEM;
	for (t = 0; t < x->n_tok; t++)
		for (k = tg__sc_trigrams(g, x->tok[t], x->tok_len[t]), i = 0; i < k; i++)
			x->tok_sig[t] |= TG_SC_SIG_BIT(g[i]);
	if ((x->tri_sig = tg__malloc((x->tri_off[NTRI] + 1) * sizeof(uint64_t))) == NULL ||
	    (x->oov = tg__calloc(OOV_SLOTS, sizeof(*x->oov))) == NULL)
		return TG_ENOMEM;
	for (i = 0; i < x->tri_off[NTRI]; i++)
		x->tri_sig[i] = x->tok_sig[x->tri[i]];
	return TG_OK;
}

/* Trigram -> vocabulary tokens (tokens of 3+ bytes). */
static int build_trigrams(sc_index *x)
{
	uint32_t g[80], t, *fill;
	size_t k, i;

	if ((x->tri_off = tg__calloc(NTRI + 1, sizeof(uint32_t))) == NULL)
		return TG_ENOMEM;
	for (t = 0; t < x->n_tok; t++)
		if (x->tok_len[t] >= 3)
			for (k = tg__sc_trigrams(g, x->tok[t], x->tok_len[t]), i = 0; i < k; i++)
				x->tri_off[g[i] + 1]++;
	for (i = 0; i < NTRI; i++)
		x->tri_off[i + 1] += x->tri_off[i];
	if ((x->tri = tg__malloc((x->tri_off[NTRI] + 1) * sizeof(uint32_t))) == NULL ||
	    (fill = tg__calloc(NTRI, sizeof(uint32_t))) == NULL)
		return TG_ENOMEM;
	for (t = 0; t < x->n_tok; t++)
		if (x->tok_len[t] >= 3)
			for (k = tg__sc_trigrams(g, x->tok[t], x->tok_len[t]), i = 0; i < k; i++)
				x->tri[x->tri_off[g[i]] + fill[g[i]]++] = t;
	tg__free(fill);
	return TG_OK;
}

int tg__sc_index_build(tg_screener *s, tg_err *err)
{
	sc_index *x = tg__calloc(1, sizeof(*x));
	if (x == NULL)
		return tg__oom(err);
	s->index = x;
	if (tokenise_names(s, x) < 0 || build_postings(s, x) < 0 || build_trigrams(x) < 0 || build_sigs(x) < 0)
		return tg__oom(err);
	x->bytes = x->vocab.cap * sizeof(tg_map_slot) + x->cap_tok * (sizeof(char *) + 1 + 4 * 3) +
		   x->cap_name_tok * 4 + (x->post_off[x->n_tok] + (size_t)x->tri_off[NTRI] + NTRI * 2) * 4 +
		   x->n_tok * (sizeof(uint64_t) + 2 + MAX_VARIANTS * sizeof(*x->vcache)) +
		   (size_t)x->tri_off[NTRI] * sizeof(uint64_t) + OOV_SLOTS * sizeof(*x->oov) +
		   (size_t)x->post_off[x->n_tok] * (2 * sizeof(uint64_t) + sizeof(uint32_t));
	return TG_OK;
}

void tg__sc_index_free(tg_screener *s)
{
	sc_index *x = s->index;
	if (x == NULL)
		return;
	tg__map_dispose(&x->vocab);
	tg__free(x->tok), tg__free(x->tok_len), tg__free(x->idf), tg__free(x->post_off), tg__free(x->post);
	tg__free(x->post_bloom), tg__free(x->post_fl), tg__free(x->post_lset);
	tg__free(x->name_tok), tg__free(x->tri_off), tg__free(x->tri);
	tg__free(x->tok_sig), tg__free((void *)x->vstate), tg__free(x->vcount), tg__free(x->vcache);
	tg__free(x->tri_sig), tg__free(x->oov);
	tg__free(x);
	s->index = NULL;
}

size_t tg__sc_index_bytes(const tg_screener *s)
{
	const sc_index *x = s->index;
	return (x ? x->bytes : 0) + s->pool.bytes + s->cap_names * sizeof(sc_name) + s->cap_entries * sizeof(sc_entry) +
	       s->exact.cap * sizeof(tg_map_slot);
}
