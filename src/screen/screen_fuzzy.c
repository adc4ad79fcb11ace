/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fuzzy query over the index (screen_index.c). Per query token: its vocabulary token and the close
 * ones (shared trigrams, read rarest trigram first, then confirmed by token similarity). Candidates
 * come from the postings of those tokens, rarest query token first, each name read once: its tokens
 * are looked up in a small table of the query's variants, which gives every query token's best
 * pairing at once. A name is kept only if an upper bound of its score can reach the floor (the
 * lowest review threshold): the bound pairs the tokens the index saw at their similarity and lets
 * every other query token either go unpaired or pair at the best similarity the scorer can give
 * without the index seeing it (an initial, a one-letter change in a short word). Once no name that
 * lacks the tokens read so far can reach the floor, reading stops. Stack only, no allocation.
 */
#include "screen_int.h"

#include <string.h>

unsigned tg__sc_hist_code(unsigned char c)
{
	if (c >= 'a' && c <= 'z')
		return 1u + (unsigned)(c - 'a');
	if (c >= '0' && c <= '9')
		return 27u + (unsigned)(c - '0');
	return c >= 0x80 ? 37u : 0u;
}

static void keep_variant(sc_qtok *q, uint32_t tok, float sim)
{
	size_t i, worst = 0;
	for (i = 0; i < q->nv; i++) {
		if (q->v[i].tok == tok)
			return;
		if (q->v[i].sim < q->v[worst].sim)
			worst = i;
	}
	if (q->nv < MAX_VARIANTS)
		q->v[q->nv++] = (sc_variant){tok, sim};
	else if (q->v[worst].sim < sim)
		q->v[worst] = (sc_variant){tok, sim};
}

/* Trigrams the query token shares with vocabulary token id, counted as the index would. */
static size_t shared_trigrams(const uint32_t *g, size_t k, const sc_index *x, uint32_t id)
{
	uint32_t h[80];
	size_t m = tg__sc_trigrams(h, x->tok[id], x->tok_len[id]), i, j, c = 0;
	for (i = 0; i < k; i++)
		for (j = 0; j < m; j++)
			c += g[i] == h[j];
	return c;
}

/* Bits set in v. Without a popcount instruction in the target (-mpopcnt), __builtin_popcountll is a
 * libgcc call; this SWAR count is inline and as fast. */
static int popcount64(uint64_t v)
{
#if defined(__GNUC__) && defined(__POPCNT__)
	return __builtin_popcountll(v);
#else
	v = v - ((v >> 1) & 0x5555555555555555ull);
	v = (v & 0x3333333333333333ull) + ((v >> 2) & 0x3333333333333333ull);
	v = (v + (v >> 4)) & 0x0F0F0F0F0F0F0F0Full;
	return (int)((v * 0x0101010101010101ull) >> 56);
#endif
}

/* Trigram positions ordered by posting length, shortest first. */
static void order_trigrams(size_t *ord, const uint32_t *g, size_t k, const sc_index *x)
{
	size_t i, j;
	for (i = 0; i < k; i++) {
		uint32_t len = x->tri_off[g[i] + 1] - x->tri_off[g[i]];
		for (j = i; j > 0 && x->tri_off[g[ord[j - 1]] + 1] - x->tri_off[g[ord[j - 1]]] > len; j--)
			ord[j] = ord[j - 1];
		ord[j] = i;
	}
}

/* Close vocabulary tokens: at least 40% of the query token's trigrams shared, then token similarity.
 * A token sharing that many must share one of the k - need + 1 rarest, so only those are read. */
static void close_tokens(sc_qtok *q, const sc_index *x, const char *t, size_t n, uint32_t self)
{
	uint32_t g[80];
	uint64_t sig = 0;
	size_t ord[80], k = tg__sc_trigrams(g, t, n), need = (k * 2 + 4) / 5, a, j;

	for (a = 0; a < k; a++)
		sig |= TG_SC_SIG_BIT(g[a]);
	order_trigrams(ord, g, k, x);
	for (a = 0; a + need <= k; a++)
		for (j = x->tri_off[g[ord[a]]]; j < x->tri_off[g[ord[a]] + 1]; j++) {
			uint32_t id;
			double sim;
			/* the signature bounds the shared trigrams from above; a token met twice is kept once */
			if ((size_t)popcount64(sig & x->tri_sig[j]) < need)
				continue;
			id = x->tri[j];
			if (id == self || shared_trigrams(g, k, x, id) < need)
				continue;
			sim = tg__sc_token_sim(t, n, x->tok[id], x->tok_len[id]);
			if (sim > 0 && sim < 1.0)
				keep_variant(q, id, (float)sim);
		}
}

static void sort_variants(sc_qtok *q)
{
	size_t i, j;
	for (i = 1; i < q->nv; i++) {
		sc_variant v = q->v[i];
		for (j = i; j > 0 && q->v[j - 1].sim < v.sim; j--)
			q->v[j] = q->v[j - 1];
		q->v[j] = v;
	}
}

/* Variants of a vocabulary token: from the cache, or computed and published for later queries. */
static void vocab_variants(sc_qtok *q, const sc_index *x, const char *t, size_t n, uint32_t self)
{
	unsigned char expect = 0;
	q->nv = 0;
	if (atomic_load_explicit(&x->vstate[self], memory_order_acquire) == 2) {
		q->nv = x->vcount[self];
		memcpy(q->v, x->vcache + (size_t)self * MAX_VARIANTS, q->nv * sizeof(q->v[0]));
		return;
	}
	keep_variant(q, self, 1.0f);
	if (n >= 4)
		close_tokens(q, x, t, n, self);
	sort_variants(q);
	if (atomic_compare_exchange_strong(&x->vstate[self], &expect, 1)) {
		memcpy(x->vcache + (size_t)self * MAX_VARIANTS, q->v, q->nv * sizeof(q->v[0]));
		x->vcount[self] = (unsigned char)q->nv;
		atomic_store_explicit(&x->vstate[self], 2, memory_order_release);
	}
}

/* Variants of a token outside the vocabulary, through the OOV cache. */
static void oov_variants(sc_qtok *q, const sc_index *x, const char *t, size_t n)
{
	uint64_t hash = tg__hash(t, n) ^ (uint64_t)n;
	size_t i, h = (size_t)hash & (OOV_SLOTS - 1), claim = OOV_SLOTS;

	for (i = 0; i < OOV_PROBE; i++, h = (h + 1) & (OOV_SLOTS - 1)) {
		struct sc_oov *o = &x->oov[h];
		unsigned char st = atomic_load_explicit(&o->state, memory_order_acquire), expect = 0;
		if (st == 2 && o->hash == hash) {
			q->nv = o->nv, q->w = o->w;
			memcpy(q->v, o->v, q->nv * sizeof(q->v[0]));
			return;
		}
		if (st == 0 && atomic_compare_exchange_strong(&o->state, &expect, 1)) {
			claim = h;
			break;
		}
	}
	q->nv = 0;
	if (n >= 4)
		close_tokens(q, x, t, n, UINT32_MAX);
	sort_variants(q);
	for (i = 0, q->w = q->nv ? 0 : x->max_idf; i < q->nv; i++)
		if (x->idf[q->v[i].tok] > q->w)
			q->w = x->idf[q->v[i].tok];
	if (claim < OOV_SLOTS) {
		struct sc_oov *o = &x->oov[claim];
		o->nv = (unsigned char)q->nv, o->w = q->w, o->hash = hash;
		memcpy(o->v, q->v, q->nv * sizeof(q->v[0]));
		atomic_store_explicit(&o->state, 2, memory_order_release);
	}
}

void tg__sc_find_variants(sc_qtok *q, const sc_index *x, const char *t, size_t n)
{
	void *v = tg__map_get(&x->vocab, t, n);
	if (v) {
		uint32_t self = (uint32_t)(uintptr_t)v - 1;
		vocab_variants(q, x, t, n, self);
		q->w = x->idf[self];
		return;
	}
	oov_variants(q, x, t, n);
}

static void vmap_put(sc_fz *f, uint32_t tok, size_t qi, size_t vi, float sim)
{
	uint32_t h = (tok * 2654435761u) & (VMAP_SLOTS - 1);
	while (f->vmap[h].key1)
		h = (h + 1) & (VMAP_SLOTS - 1);
	f->vmap[h] = (sc_vslot){tok + 1, (uint8_t)qi, (uint8_t)vi, sim};
}

/* What the query's unpaired token i can still add to sum(gain - lambda * weight), at best. */
static float unseen_opt(const sc_fz *f, size_t i)
{
	float l = f->lambda, w = f->qt.w[i], miss = -(float)TG_SC_SUBSET_MIN * l * w;
	float pair = ((float)UNSEEN_SIM - l) * (w + (l > (float)UNSEEN_SIM ? f->min_idf : f->x->max_idf));
	return pair > miss ? pair : miss;
}

/* Best a query token can add when the index sees it (its best variant, the name's weight for it). */
static float seen_best(const sc_fz *f, size_t i)
{
	float best = unseen_opt(f, i);
	size_t j;
	for (j = 0; j < f->q[i].nv; j++) {
		const sc_variant *v = &f->q[i].v[j];
		float g = (v->sim - f->lambda) * (f->qt.w[i] + f->x->idf[v->tok]);
		if (g > best)
			best = g;
	}
	return best;
}

/* Can a name that contains none of the tokens in f->done reach the floor? */
static int new_names_possible(const sc_fz *f)
{
	float sum = 0;
	size_t i;
	if (f->lambda <= 0)
		return 1;
	for (i = 0; i < f->qt.n; i++)
		sum += (f->done >> i) & 1u ? unseen_opt(f, i) : seen_best(f, i);
	return sum >= 0;
}

/* The first candidate of lowest acc (as the list is scanned). */
static size_t worst_cand(const sc_fz *f)
{
	size_t i, w = 0;
	for (i = 1; i < TOP_K; i++)
		if (f->cand[i].acc < f->cand[w].acc)
			w = i;
	return w;
}

/* Keep the TOP_K names of highest acc; the lowest is known, so most offers cost one comparison. */
static void offer_cand(sc_fz *f, uint32_t name, float acc)
{
	if (f->ncand < TOP_K) {
		f->cand[f->ncand++] = (sc_cand){name, acc};
		if (f->ncand == TOP_K)
			f->worst = worst_cand(f);
		return;
	}
	if (!(f->cand[f->worst].acc < acc))
		return;
	f->cand[f->worst] = (sc_cand){name, acc};
	f->worst = worst_cand(f);
}

/* Could the names' joined forms be within the scorer's "joined" similarity? (length, then letters) */
static int joined_possible(const sc_fz *f, const sc_name *nm)
{
	unsigned char h[38];
	size_t len = 0, mx, diff_a = 0, diff_b = 0, i;
	double need = f->lambda > 0.9f ? f->lambda : 0.9;
	const char *p;

	len = nm->nlen >= nm->ntok ? (size_t)nm->nlen - (nm->ntok ? nm->ntok - 1u : 0u) : nm->nlen;
	mx = len > f->qjoin ? len : f->qjoin;
	if (mx == 0 || 1.0 - (double)(len > f->qjoin ? len - f->qjoin : f->qjoin - len) / (double)mx < need)
		return 0;
	if (1.0 - (double)tg__sc_sketch_edits(f->qsketch, nm->sketch) / (double)mx < need)
		return 0; /* letters one side has more of: at least that many edits (the name's record only) */
	memset(h, 0, sizeof(h));
	for (p = nm->norm; *p; p++)
		if (*p != ' ' && h[tg__sc_hist_code((unsigned char)*p)] < 255)
			h[tg__sc_hist_code((unsigned char)*p)]++;
	for (i = 0; i < 38; i++)
		h[i] > f->qhist[i] ? (diff_a += h[i] - f->qhist[i]) : (diff_b += f->qhist[i] - h[i]);
	return 1.0 - (double)(diff_a > diff_b ? diff_a : diff_b) / (double)mx >= need;
}

/* Read name p once: every query token's best pairing through the variant table, the bound, the
 * candidate. Skipped when it holds a variant whose postings were read before. */
static void eval_name(sc_fz *f, uint32_t p)
{
	const sc_name *nm = &f->s->names[p];
	const sc_index *x = f->x;
	float gain[TG_SC_MAX_TOKENS], sim[TG_SC_MAX_TOKENS], sum = 0, acc = 0;
	uint32_t mask = 0;
	size_t j, i;

	memset(gain, 0, sizeof(gain)), memset(sim, 0, sizeof(sim));
	for (j = 0; j < nm->ntok; j++) {
		uint32_t t = x->name_tok[nm->tok_off + j], h = (t * 2654435761u) & (VMAP_SLOTS - 1);
		for (; f->vmap[h].key1; h = (h + 1) & (VMAP_SLOTS - 1)) {
			const sc_vslot *v = &f->vmap[h];
			float g;
			if (v->key1 != t + 1)
				continue;
			if ((f->readv[v->qi] >> v->vi) & 1u)
				return; /* read already through that token */
			g = (v->sim - f->lambda) * (f->qt.w[v->qi] + x->idf[t]);
			if (!((mask >> v->qi) & 1u) || g > gain[v->qi])
				gain[v->qi] = g, sim[v->qi] = v->sim;
			mask |= 1u << v->qi;
		}
	}
	for (i = 0; i < f->qt.n; i++) {
		float u = unseen_opt(f, i);
		sum += (mask >> i) & 1u && gain[i] > u ? gain[i] : u;
		acc += (mask >> i) & 1u ? sim[i] * f->qt.w[i] : 0;
	}
	if (acc < f->acc_floor || (f->lambda > 0 && sum < 0 && !joined_possible(f, nm)))
		return;
	offer_cand(f, p, acc);
}

/* The query token to read next: the unread one of highest weight; qt.n when none is left. */
static size_t next_token(const sc_fz *f, uint32_t tried)
{
	size_t i, b = f->qt.n;
	for (i = 0; i < f->qt.n; i++)
		if (!((tried >> i) & 1u) && (b == f->qt.n || f->q[i].w > f->q[b].w))
			b = i;
	return b;
}

/* Per query token, the signature bits by which a name may hold it: Bloom bits of its variants; the
 * first letter for the pairs the index does not see (an initial pairs with any word of its letter,
 * other words with short words of their first letter). And what it adds at best in each case. */
typedef struct sc_tokfilter {
	uint64_t vbloom[MAX_VARIANTS], fl;
	float vgain[MAX_VARIANTS], unseen, miss; /* variants by gain, best first */
	size_t nv;
} sc_tokfilter;

static void token_filters(sc_tokfilter *tf, const sc_fz *f)
{
	size_t i, j, k;
	for (i = 0; i < f->qt.n; i++) {
		unsigned char c = (unsigned char)f->qt.tok[i][0];
		tf[i].fl = f->qt.len[i] == 1 ? TG_SC_FL_ANY(c) : TG_SC_FL_SHORT(c);
		tf[i].unseen = unseen_opt(f, i);
		tf[i].miss = -(float)TG_SC_SUBSET_MIN * f->lambda * f->qt.w[i];
		for (j = 0, tf[i].nv = 0; j < f->q[i].nv; j++) {
			const sc_variant *v = &f->q[i].v[j];
			float g = (v->sim - f->lambda) * (f->qt.w[i] + f->x->idf[v->tok]);
			if (g <= tf[i].unseen)
				continue; /* no better than not seeing it */
			for (k = tf[i].nv++; k > 0 && tf[i].vgain[k - 1] < g; k--)
				tf[i].vgain[k] = tf[i].vgain[k - 1], tf[i].vbloom[k] = tf[i].vbloom[k - 1];
			tf[i].vgain[k] = g, tf[i].vbloom[k] = TG_SC_BLOOM(v->tok);
		}
	}
}

/* What token i adds at best to a name with these signatures (never read before: absent). */
static float token_best(const sc_fz *f, const sc_tokfilter *t, size_t i, uint64_t bloom, uint64_t fl)
{
	float u = (fl & t->fl) && t->unseen > t->miss ? t->unseen : t->miss;
	size_t j;
	if (!((f->done >> i) & 1u))
		for (j = 0; j < t->nv; j++)
			if ((bloom & t->vbloom[j]) == t->vbloom[j])
				return t->vgain[j] > u ? t->vgain[j] : u;
	return u;
}

/* Can a name with these signatures reach the floor through variant j of token r? Optimistic: a
 * Bloom hit counts as the variant being there. */
static int posting_possible(const sc_fz *f, const sc_tokfilter *tf, size_t r, float gain_r, uint64_t bloom, uint64_t fl)
{
	float sum = gain_r;
	size_t i;
	for (i = 0; i < f->qt.n; i++)
		if (i != r)
			sum += token_best(f, &tf[i], i, bloom, fl);
	return sum >= 0;
}

/* Can a name of len letters (without spaces) using the letter classes lset reach the floor by the
 * joined form? Its length difference, and the letters on one side only, are edits at least. */
static int joined_sig_possible(const sc_fz *f, size_t len, uint32_t lset)
{
	size_t mx = len > f->qjoin ? len : f->qjoin, allow;
	double need = f->lambda > 0.9f ? f->lambda : 0.9;
	if (mx == 0)
		return 0;
	allow = (size_t)((1.0 - need) * (double)mx + 1e-9); /* 1 - edits / mx >= need */
	return (len > f->qjoin ? len - f->qjoin : f->qjoin - len) <= allow &&
	       (size_t)popcount64(f->qlset & ~lset) <= allow && (size_t)popcount64(lset & ~f->qlset) <= allow;
}

#if defined(__GNUC__)
#define PREFETCH(p) __builtin_prefetch(p)
#else
#define PREFETCH(p) ((void)(p))
#endif
#define BATCH 32

/* Evaluate a batch of names; their records and token lists are fetched from memory together
 * (prefetched in two rounds) rather than one cache miss after the other. */
static void eval_batch(sc_fz *f, const uint32_t *ids, size_t n)
{
	const tg_screener *s = f->s;
	size_t i;
	for (i = 0; i < n; i++)
		PREFETCH(&s->names[ids[i]]);
	for (i = 0; i < n; i++)
		PREFETCH(&f->x->name_tok[s->names[ids[i]].tok_off]);
	for (i = 0; i < n; i++)
		eval_name(f, ids[i]);
}

/* Read the postings of variant j of token r; most names are judged by their signatures alone. */
static void read_postings(sc_fz *f, const sc_tokfilter *tf, size_t r, size_t j)
{
	const sc_index *x = f->x;
	const sc_variant *v = &f->q[r].v[j];
	uint32_t lo = x->post_off[v->tok], hi = x->post_off[v->tok + 1], p, batch[BATCH];
	float gain = (v->sim - f->lambda) * (f->qt.w[r] + x->idf[v->tok]);
	size_t nb = 0;
	for (p = lo; p < hi; p++) {
		if (f->lambda > 0 && !posting_possible(f, tf, r, gain, x->post_bloom[p], x->post_fl[p]) &&
		    !joined_sig_possible(f, TG_SC_FL_LEN(x->post_fl[p]), x->post_lset[p]))
			continue;
		batch[nb++] = x->post[p];
		if (nb == BATCH)
			eval_batch(f, batch, nb), nb = 0;
	}
	eval_batch(f, batch, nb);
}

void tg__sc_candidates(sc_fz *f)
{
	const sc_index *x = f->x;
	uint32_t tried = 0;
	size_t r, j, k;
	sc_tokfilter tf[TG_SC_MAX_TOKENS];

	for (r = 0; r < f->qt.n; r++)
		for (j = 0; j < f->q[r].nv; j++)
			vmap_put(f, f->q[r].v[j].tok, r, j, f->q[r].v[j].sim);
	token_filters(tf, f);
	for (k = 0; k < f->qt.n && new_names_possible(f); k++) {
		int all = 1;
		r = next_token(f, tried);
		tried |= 1u << r;
		for (j = 0; j < f->q[r].nv; j++) {
			if (x->post_off[f->q[r].v[j].tok + 1] - x->post_off[f->q[r].v[j].tok] > DF_CAP && f->qt.n > 1) {
				all = 0;
				continue;
			}
			read_postings(f, tf, r, j);
			f->readv[r] |= (uint8_t)(1u << j);
		}
		if (all)
			f->done |= 1u << r;
	}
}
