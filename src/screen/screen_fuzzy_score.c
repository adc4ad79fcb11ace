/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzzy query entry point: prepare the query (tokens, weights, variants), take the candidates
 * (screen_fuzzy.c), score each fully with the token weights, country as supporting evidence, and
 * offer the hits with their explanation. Stack only. */
#include "screen_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void tg__sc_score_candidate(sc_query *q, const sc_fz *f, const char *qnorm, uint32_t name, const char *cc)
{
	const tg_screener *s = q->s;
	const sc_index *x = f->x;
	const sc_name *nm = &s->names[name];
	const sc_entry *e = &s->entries[nm->entry];
	tg__sc_toks nt;
	tg__sc_score sc;
	char expl[512], ctry[48] = "";
	size_t i;
	double score;

	tg__sc_tokens(&nt, nm->norm);
	nt.person = e->type[0] == 'i' && strcmp(e->type, "individual") == 0;
	for (i = 0; i < nt.n && i < nm->ntok; i++)
		nt.w[i] = x->idf[x->name_tok[nm->tok_off + i]];
	tg__sc_score_names(&sc, &f->qt, &nt);
	score = sc.score;
	if (cc && cc[0] && e->countries[0] && score < 1.0) {
		int same = has_country(e->countries, cc);
		score += same ? COUNTRY_BONUS : -COUNTRY_BONUS;
		snprintf(ctry, sizeof(ctry), ", country %s %s %.2f", cc,
			 same ? "listed:" : "not listed:", same ? COUNTRY_BONUS : -COUNTRY_BONUS);
	}
	score = score > 1.0 ? 1.0 : score < 0 ? 0 : score;
	if (score < (q->min >= 0 ? q->min : e->review))
		return;
	snprintf(expl, sizeof(expl),
		 "query \"%.150s\" ~ list name \"%.150s\": tokens %.3f (%d of %zu query words matched, rare words weigh"
		 " more), joined %.3f%s",
		 qnorm, nm->norm, sc.tokens, sc.matched, f->qt.n, sc.joined, ctry);
	tg__sc_offer(q, nm, score, expl);
}

/* Tokens, weights and variants of the query; the floor and the joined-form filter's figures. */
static void prepare(sc_fz *f, const sc_query *query, const char *norm, int with_cc)
{
	float total = 0;
	size_t i;
	const char *p;

	tg__sc_tokens(&f->qt, norm);
	for (i = 0; i < f->qt.n; i++) {
		tg__sc_find_variants(&f->q[i], f->x, f->qt.tok[i], f->qt.len[i]);
		f->qt.w[i] = f->q[i].w;
		total += f->q[i].w;
	}
	f->lambda = (float)(query->min >= 0 ? query->min : query->s->min_review);
	if (with_cc)
		f->lambda -= (float)COUNTRY_BONUS;
	if (f->lambda < 0)
		f->lambda = 0;
	f->acc_floor = total * 0.3f;
	f->min_idf = f->x->min_idf;
	memset(f->qhist, 0, sizeof(f->qhist));
	f->qsketch = tg__sc_sketch(norm);
	f->qlset = tg__sc_sketch_lset(f->qsketch);
	for (p = norm, f->qjoin = 0; *p; p++)
		if (*p != ' ') {
			unsigned c = tg__sc_hist_code((unsigned char)*p);
			f->qjoin++;
			if (f->qhist[c] < 255)
				f->qhist[c]++;
		}
}

static int cmp_cand(const void *a, const void *b)
{
	const sc_cand *x = a, *y = b;
	if (x->acc != y->acc)
		return x->acc > y->acc ? -1 : 1;
	return x->name < y->name ? -1 : x->name > y->name;
}

void tg__sc_fuzzy(sc_query *query, const char *norm, const char *country)
{
	sc_fz f;
	char cc[3] = "";
	size_t i;

	if (query->s->index == NULL || ((const sc_index *)query->s->index)->n_tok == 0)
		return;
	if (country && strlen(country) == 2)
		cc[0] = (char)(country[0] & ~0x20), cc[1] = (char)(country[1] & ~0x20), cc[2] = '\0';
	memset(f.vmap, 0, sizeof(f.vmap));
	memset(f.readv, 0, sizeof(f.readv));
	f.s = query->s, f.x = query->s->index, f.done = 0, f.ncand = 0, f.worst = 0;
	prepare(&f, query, norm, cc[0] != '\0');
	tg__sc_candidates(&f);
	qsort(f.cand, f.ncand, sizeof(f.cand[0]), cmp_cand);
	for (i = 0; i < f.ncand; i++)
		tg__sc_score_candidate(query, &f, norm, f.cand[i].name, cc);
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

double tg__sc_pair_score_kind(const tg_screener *s, const char *a, const char *b, int person)
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
	tb.person = person;
	tg__sc_score_names(&sc, &ta, &tb);
	return sc.score;
}
