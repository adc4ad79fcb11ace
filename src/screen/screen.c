/* SPDX-License-Identifier: Apache-2.0 */
/* The screener: loads the latest snapshot of every list (through the lists module) into memory
 * (entries, their names normalised once) and answers tg_screen_name() from that immutable structure. */
#include "screen_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lists.h"
#include "alloc.h"
#include "err.h"

#define DEFAULT_REVIEW TG_SC_DEFAULT_REVIEW
#define DEFAULT_BLOCK TG_SC_DEFAULT_BLOCK

/* Add one name of entry e: normalise, keep, and chain it under its exact key. */
static int add_name(tg_screener *s, uint32_t e, const char *display, size_t dlen)
{
	char norm[TG_SCREEN_NORM_MAX], key[TG_SCREEN_NORM_MAX], raw[TG_SCREEN_NORM_MAX];
	size_t nlen, klen;
	sc_name *nm;
	char *kp;
	void *old = NULL;

	if (dlen >= sizeof(raw))
		dlen = sizeof(raw) - 1;
	memcpy(raw, display, dlen);
	raw[dlen] = '\0';
	if ((nlen = tg__screen_norm(norm, sizeof(norm), raw)) == 0)
		return TG_OK;
	if (tg__sc_grow((void **)&s->names, &s->cap_names, s->n_names, sizeof(*s->names)) < 0)
		return TG_ENOMEM;
	nm = &s->names[s->n_names];
	memset(nm, 0, sizeof(*nm));
	nm->entry = e;
	nm->nlen = (uint16_t)nlen;
	klen = tg__sc_sorted_key(key, sizeof(key), norm);
	if ((nm->display = tg__sc_pool_dup(&s->pool, raw, dlen)) == NULL ||
	    (nm->norm = tg__sc_pool_dup(&s->pool, norm, nlen)) == NULL ||
	    (kp = tg__sc_pool_dup(&s->pool, key, klen)) == NULL)
		return TG_ENOMEM;
	if (tg__map_put(&s->exact, kp, klen, (void *)(uintptr_t)(s->n_names + 1), &old) < 0)
		return TG_ENOMEM;
	nm->next_same = (uint32_t)(uintptr_t)old;
	s->n_names++;
	return TG_OK;
}

/* One list entry: the entry and each of its names ('\n'-separated, primary first). */
int tg__sc_add_entry(tg_screener *s, const sc_entry_in *in)
{
	sc_entry *e;
	const char *p;
	uint32_t idx = (uint32_t)s->n_entries;
	int rc;

	if (tg__sc_grow((void **)&s->entries, &s->cap_entries, s->n_entries, sizeof(*s->entries)) < 0)
		return TG_ENOMEM;
	e = &s->entries[idx];
	memset(e, 0, sizeof(*e));
	e->source_id = tg__sc_pool_dup(&s->pool, in->source_id, strlen(in->source_id));
	e->list = tg__sc_pool_dup(&s->pool, in->list, strlen(in->list));
	e->type = tg__sc_pool_dup(&s->pool, in->type, strlen(in->type));
	e->countries = tg__sc_pool_dup(&s->pool, in->countries, strlen(in->countries));
	e->key_hash = tg__sc_pool_dup(&s->pool, in->key_hash, strlen(in->key_hash));
	p = strchr(in->names, '\n');
	e->name = tg__sc_pool_dup(&s->pool, in->names, p ? (size_t)(p - in->names) : strlen(in->names));
	if (!e->source_id || !e->list || !e->type || !e->countries || !e->key_hash || !e->name)
		return TG_ENOMEM;
	e->approved = strcmp(e->list, "APPROVED") == 0;
	e->review = DEFAULT_REVIEW, e->block = DEFAULT_BLOCK;
	s->n_entries++;
	for (p = in->names; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if ((rc = add_name(s, idx, p, n)) < 0)
			return rc;
		p += n + (nl != NULL);
	}
	return TG_OK;
}

static int add_row(const tg__list_row *r, void *payload)
{
	sc_entry_in in;
	in.source_id = r->source_id, in.list = r->list, in.type = r->type;
	in.names = r->names, in.countries = r->countries, in.key_hash = r->key_hash;
	return tg__sc_add_entry(payload, &in);
}

int tg__sc_new(tg_screener **out, tg_err *err)
{
	if ((*out = tg__calloc(1, sizeof(**out))) == NULL)
		return tg__oom(err);
	return TG_OK;
}

int tg__sc_finish(tg_screener *s, tg_err *err)
{
	size_t i;
	s->min_review = s->n_entries ? s->entries[0].review : DEFAULT_REVIEW;
	for (i = 0; i < s->n_entries; i++)
		if (s->entries[i].review < s->min_review)
			s->min_review = s->entries[i].review;
	return tg__sc_index_build(s, err);
}

int tg__sc_seal(tg_screener *s, tg_store *st, tg_err *err)
{
	int rc;
	if ((rc = tg__sc_thresholds_load(s, err)) < 0 || (rc = tg__sc_finish(s, err)) < 0)
		return rc;
	return tg__sc_overrides_load(s, st, err);
}

int tg_screener_open(tg_screener **out, tg_store *st, tg_err *err)
{
	tg_screener *s;
	int rc;

	TG_ASSERT_ARG(out && st, err);
	if ((rc = tg__sc_new(&s, err)) < 0)
		return rc;
	if ((rc = tg__lists_latest(st, add_row, s, err)) < 0 || (rc = tg__sc_seal(s, st, err)) < 0) {
		tg_screener_free(s);
		return rc;
	}
	*out = s;
	return TG_OK;
}

void tg_screener_free(tg_screener *s)
{
	if (s == NULL)
		return;
	tg__sc_index_free(s);
	tg__map_dispose(&s->exact);
	tg__map_dispose(&s->overrides);
	tg__free(s->entries);
	tg__free(s->names);
	tg__sc_pool_free(&s->pool);
	tg__free(s);
}

size_t tg__sc_entries(const tg_screener *s)
{
	return s->n_entries;
}

size_t tg__sc_names(const tg_screener *s)
{
	return s->n_names;
}

void tg__sc_entry_at(const tg_screener *s, size_t i, const char **list, const char **source_id)
{
	*list = s->entries[i].list;
	*source_id = s->entries[i].source_id;
}

const char *tg__sc_name_at(const tg_screener *s, size_t i, uint32_t *entry)
{
	*entry = s->names[i].entry;
	return s->names[i].display;
}
