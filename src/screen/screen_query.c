/* SPDX-License-Identifier: Apache-2.0 */
/* tg_screen_name(): normalise the query, find candidates (exact key, then the fuzzy index), keep the
 * best hit per list entry (screen_offer.c), sort. Uses only the stack and the caller's hit array: no
 * allocation. */
#include "screen_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "err.h"

static int cmp_hit(const void *a, const void *b)
{
	const tg_screen_hit *x = a, *y = b;
	int c;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if ((c = strcmp(x->list, y->list)) != 0)
		return c;
	return strcmp(x->entity_id, y->entity_id);
}

/* Every name whose sorted-token key equals the query's: score 1. */
static void exact(sc_query *q, const char *norm)
{
	const tg_screener *s = q->s;
	char key[TG_SCREEN_NORM_MAX], expl[512];
	size_t klen = tg__sc_sorted_key(key, sizeof(key), norm);
	tg__sc_toks qt, nt;
	uint32_t i = (uint32_t)(uintptr_t)tg__map_get(&s->exact, key, klen);

	tg__sc_tokens(&qt, norm);
	for (; i; i = s->names[i - 1].next_same) {
		const sc_name *nm = &s->names[i - 1];
		tg__sc_tokens(&nt, nm->norm);
		if (tg__sc_bin_swapped(&qt, &nt))
			continue; /* same words, another person: left to the fuzzy score */
		snprintf(expl, sizeof(expl), "exact after normalisation: query \"%.200s\" = list name \"%.200s\"", norm,
			 nm->norm);
		tg__sc_offer(q, nm, 1.0, expl);
	}
}

int tg_screen_name(tg_screen_hit *hits, size_t max, size_t *n, const tg_screener *s, const char *name,
		   const char *country, tg_err *err)
{
	return tg__screen_name_min(hits, max, n, s, name, country, -1.0, err);
}

int tg__screen_name_min(tg_screen_hit *hits, size_t max, size_t *n, const tg_screener *s, const char *name,
			const char *country, double min, tg_err *err)
{
	char norm[TG_SCREEN_NORM_MAX], key[TG_SCREEN_NORM_MAX];
	size_t len;
	sc_query q;

	TG_ASSERT_ARG(n && s && name && (hits || max == 0), err);
	*n = 0;
	if (strlen(name) > 4096)
		return tg__fail_field(err, TG_ELIMIT, "name", "name longer than 4096 bytes");
	if ((len = tg__screen_norm(norm, sizeof(norm), name)) == 0)
		return TG_OK;
	q.hits = hits, q.max = max, q.n = n, q.s = s, q.min = min, q.party_key = NULL;
	if (s->overrides.len) {
		tg__sc_sorted_key(key, sizeof(key), norm);
		q.party_key = key;
	}
	exact(&q, norm);
	tg__sc_fuzzy(&q, norm, country);
	qsort(hits, *n, sizeof(*hits), cmp_hit);
	return TG_OK;
}

size_t tg__sc_exact_entries(uint32_t *out, size_t max, const tg_screener *s, const char *name)
{
	char norm[TG_SCREEN_NORM_MAX], key[TG_SCREEN_NORM_MAX];
	size_t k = 0, klen, j;
	uint32_t i;

	tg__screen_norm(norm, sizeof(norm), name);
	klen = tg__sc_sorted_key(key, sizeof(key), norm);
	for (i = (uint32_t)(uintptr_t)tg__map_get(&s->exact, key, klen); i && k < max; i = s->names[i - 1].next_same) {
		for (j = 0; j < k && out[j] != s->names[i - 1].entry; j++)
			;
		if (j == k)
			out[k++] = s->names[i - 1].entry;
	}
	return k;
}
