/* SPDX-License-Identifier: Apache-2.0 */
/* Collecting a query's hits: each scored name is offered, kept if it reaches its list's review
 * threshold and is among the best, one hit per list entry, with the reviewers' overrides applied. */
#include "screen_int.h"

#include <string.h>

/* Copy s into a fixed field, cutting at a UTF-8 character boundary. */
static void set_field(char *dst, size_t cap, const char *s)
{
	size_t n = strlen(s);
	if (n >= cap) {
		n = cap - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

void tg__sc_offer(sc_query *q, const sc_name *nm, double score, const char *expl)
{
	const sc_entry *e = &q->s->entries[nm->entry];
	tg_screen_hit *h = NULL, *hits = q->hits;
	size_t i, worst = 0, max = q->max, *n = q->n;
	char ov[16];

	if (score < (q->min >= 0 ? q->min : e->review) || max == 0)
		return;
	if (tg__sc_override_check(ov, q->s, q->party_key, e))
		return;
	for (i = 0; i < *n; i++) {
		if (strcmp(hits[i].entity_id, e->source_id) == 0 && strcmp(hits[i].list, e->list) == 0) {
			if (hits[i].score >= score)
				return;
			h = &hits[i];
			break;
		}
		if (hits[i].score < hits[worst].score)
			worst = i;
	}
	if (h == NULL && *n < max)
		h = &hits[(*n)++];
	else if (h == NULL && hits[worst].score < score)
		h = &hits[worst];
	if (h == NULL)
		return;
	set_field(h->entity_id, sizeof(h->entity_id), e->source_id);
	set_field(h->list, sizeof(h->list), e->list);
	set_field(h->name, sizeof(h->name), e->name);
	set_field(h->matched_name, sizeof(h->matched_name), nm->display);
	set_field(h->explanation, sizeof(h->explanation), expl);
	h->score = score;
	h->level = score >= e->block || strcmp(ov, "true_match") == 0 ? TG_HIT_BLOCK : TG_HIT_REVIEW;
	memcpy(h->override, ov, sizeof(h->override));
	h->approved = e->approved;
}
