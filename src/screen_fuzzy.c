/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzzy query over the index (screen_index.h): variants per query token, candidate accumulation by
 * token weight, full scoring of the best candidates, country as supporting evidence. Stack only. */
#include "screen_index.h"

#include <stdio.h>
#include <string.h>
#include "screen_norm.h"
#include "screen_score.h"

#define MAX_VARIANTS 8
#define TRI_SLOTS 2048  /* per-token trigram overlap counter (power of two) */
#define ACC_SLOTS 4096  /* candidate accumulator (power of two) */
#define ACC_MAX 3000
#define TOP_K 48
#define DF_CAP 20000    /* tokens in more names than this do not generate candidates */
#define COUNTRY_BONUS 0.02

typedef struct variant {
	uint32_t tok;
	float sim;
} variant;

typedef struct qtok {
	variant v[MAX_VARIANTS];
	size_t nv;
	float w;
} qtok;

typedef struct slot {
	uint32_t key1; /* id + 1; 0 = empty */
	float val;
} slot;

/* Add (or raise) into an open-addressing table; returns the slot or NULL when full. */
static slot *acc_add(slot *tab, size_t cap, size_t *len, size_t max, uint32_t id, float v)
{
	size_t i = (id * 2654435761u) & (cap - 1);
	while (tab[i].key1 && tab[i].key1 != id + 1)
		i = (i + 1) & (cap - 1);
	if (!tab[i].key1) {
		if (*len >= max)
			return NULL;
		tab[i].key1 = id + 1, tab[i].val = 0, (*len)++;
	}
	tab[i].val += v;
	return &tab[i];
}

static void keep_variant(qtok *q, uint32_t tok, float sim)
{
	size_t i, worst = 0;
	for (i = 0; i < q->nv; i++) {
		if (q->v[i].tok == tok)
			return;
		if (q->v[i].sim < q->v[worst].sim)
			worst = i;
	}
	if (q->nv < MAX_VARIANTS)
		q->v[q->nv++] = (variant){tok, sim};
	else if (q->v[worst].sim < sim)
		q->v[worst] = (variant){tok, sim};
}

/* Close vocabulary tokens through shared trigrams, confirmed by token similarity. */
static void close_tokens(qtok *q, const sc_index *x, const char *t, size_t n)
{
	slot tab[TRI_SLOTS];
	uint32_t g[80];
	size_t k = tg__sc_trigrams(g, t, n), i, j, len = 0, need = (k * 2 + 4) / 5;

	memset(tab, 0, sizeof(tab));
	for (i = 0; i < k; i++)
		for (j = x->tri_off[g[i]]; j < x->tri_off[g[i] + 1]; j++)
			acc_add(tab, TRI_SLOTS, &len, TRI_SLOTS * 3 / 4, x->tri[j], 1.0f);
	for (i = 0; i < TRI_SLOTS; i++) {
		uint32_t id;
		double sim;
		if (!tab[i].key1 || tab[i].val < (float)need)
			continue;
		id = tab[i].key1 - 1;
		sim = tg__sc_token_sim(t, n, x->tok[id], x->tok_len[id]);
		if (sim > 0 && sim < 1.0)
			keep_variant(q, id, (float)sim);
	}
}

static void find_variants(qtok *q, const sc_index *x, const char *t, size_t n)
{
	void *v = tg__map_get(&x->vocab, t, n);
	size_t i;
	q->nv = 0;
	q->w = x->max_idf;
	if (v)
		keep_variant(q, (uint32_t)(uintptr_t)v - 1, 1.0f);
	if (n >= 4)
		close_tokens(q, x, t, n);
	if (v)
		q->w = x->idf[(uint32_t)(uintptr_t)v - 1];
	else
		for (i = 0, q->w = q->nv ? 0 : x->max_idf; i < q->nv; i++)
			if (x->idf[q->v[i].tok] > q->w)
				q->w = x->idf[q->v[i].tok];
}

/* Sum, per name, the weight of the query tokens it contains (rarest query tokens first). */
static size_t accumulate(slot *acc, const sc_index *x, const qtok *q, size_t nq)
{
	unsigned char done[TG_SC_MAX_TOKENS] = {0};
	size_t len = 0, r, i, j, p;
	for (r = 0; r < nq; r++) {
		size_t b = nq;
		for (i = 0; i < nq; i++)
			if (!done[i] && (b == nq || q[i].w > q[b].w))
				b = i;
		done[b] = 1;
		for (j = 0; j < q[b].nv; j++) {
			const variant *v = &q[b].v[j];
			uint32_t lo = x->post_off[v->tok], hi = x->post_off[v->tok + 1];
			if (hi - lo > DF_CAP && nq > 1)
				continue;
			for (p = lo; p < hi; p++)
				acc_add(acc, ACC_SLOTS, &len, ACC_MAX, x->post[p], v->sim * q[b].w);
		}
	}
	return len;
}

/* Move the best k slots by value to the front of acc (compacted); returns how many. */
static size_t top_k(slot *acc, size_t k, float floor)
{
	size_t i, n = 0, a, b;
	for (i = 0; i < ACC_SLOTS; i++)
		if (acc[i].key1 && acc[i].val >= floor)
			acc[n++] = acc[i];
	for (a = 0; a < n && a < k; a++) { /* partial selection sort: k is small */
		size_t m = a;
		for (b = a + 1; b < n; b++)
			if (acc[b].val > acc[m].val)
				m = b;
		slot t = acc[a];
		acc[a] = acc[m], acc[m] = t;
	}
	return n < k ? n : k;
}

static int has_country(const char *list, const char *cc)
{
	const char *p = list;
	while ((p = strstr(p, cc)) != NULL) {
		if ((p == list || p[-1] == '\n') && (p[2] == '\0' || p[2] == '\n'))
			return 1;
		p++;
	}
	return 0;
}

static void score_one(sc_query *q, const tg__sc_toks *qt, const char *qnorm, uint32_t name, const char *cc)
{
	const tg_screener *s = q->s;
	const sc_index *x = s->index;
	const sc_name *nm = &s->names[name];
	const sc_entry *e = &s->entries[nm->entry];
	tg__sc_toks nt;
	tg__sc_score sc;
	char expl[512], ctry[48] = "";
	size_t i;
	double score;

	tg__sc_tokens(&nt, nm->norm);
	for (i = 0; i < nt.n && i < nm->ntok; i++)
		nt.w[i] = x->idf[x->name_tok[nm->tok_off + i]];
	tg__sc_score_names(&sc, qt, &nt);
	score = sc.score;
	if (cc && cc[0] && e->countries[0] && score < 1.0) {
		int same = has_country(e->countries, cc);
		score += same ? COUNTRY_BONUS : -COUNTRY_BONUS;
		snprintf(ctry, sizeof(ctry), ", country %s %s %.2f", cc, same ? "listed:" : "not listed:",
			 same ? COUNTRY_BONUS : -COUNTRY_BONUS);
	}
	score = score > 1.0 ? 1.0 : score < 0 ? 0 : score;
	if (score < (q->min >= 0 ? q->min : e->review))
		return;
	snprintf(expl, sizeof(expl),
		 "query \"%.150s\" ~ list name \"%.150s\": tokens %.3f (%d of %zu query words matched, rare words weigh"
		 " more), joined %.3f%s",
		 qnorm, nm->norm, sc.tokens, sc.matched, qt->n, sc.joined, ctry);
	tg__sc_offer(q, nm, score, expl);
}

void tg__sc_fuzzy(sc_query *query, const char *norm, const char *country)
{
	const sc_index *x = query->s->index;
	slot acc[ACC_SLOTS];
	qtok q[TG_SC_MAX_TOKENS];
	tg__sc_toks qt;
	float total = 0;
	char cc[3] = "";
	size_t i, k;

	if (x == NULL || x->n_tok == 0)
		return;
	if (country && strlen(country) == 2)
		cc[0] = (char)(country[0] & ~0x20), cc[1] = (char)(country[1] & ~0x20), cc[2] = '\0';
	tg__sc_tokens(&qt, norm);
	for (i = 0; i < qt.n; i++) {
		find_variants(&q[i], x, qt.tok[i], qt.len[i]);
		qt.w[i] = q[i].w;
		total += q[i].w;
	}
	memset(acc, 0, sizeof(acc));
	accumulate(acc, x, q, qt.n);
	k = top_k(acc, TOP_K, total * 0.3f);
	for (i = 0; i < k; i++)
		score_one(query, &qt, norm, acc[i].key1 - 1, cc);
}

/* Weights of a tokenised name from the vocabulary (unknown tokens: the highest weight). */
static void weigh(tg__sc_toks *t, const sc_index *x)
{
	size_t i;
	for (i = 0; i < t->n; i++) {
		void *v = x ? tg__map_get(&x->vocab, t->tok[i], t->len[i]) : NULL;
		t->w[i] = v ? x->idf[(uint32_t)(uintptr_t)v - 1] : x ? x->max_idf : 1.0f;
	}
}

double tg__sc_pair_score(const tg_screener *s, const char *a, const char *b)
{
	char na[TG_SCREEN_NORM_MAX], nb[TG_SCREEN_NORM_MAX];
	tg__sc_toks ta, tb;
	tg__sc_score sc;

	tg__screen_norm(na, sizeof(na), a);
	tg__screen_norm(nb, sizeof(nb), b);
	if (!na[0] || !nb[0])
		return 0.0;
	tg__sc_tokens(&ta, na), tg__sc_tokens(&tb, nb);
	weigh(&ta, s->index), weigh(&tb, s->index);
	tg__sc_score_names(&sc, &ta, &tb);
	return sc.score;
}
