/* SPDX-License-Identifier: Apache-2.0 */
/* The screener: loads the latest snapshot of every list from the store into memory (entries, their
 * names normalised once) and answers tg_screen_name() from that immutable structure. */
#include "screen_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "screen.h"
#include "store.h"
#include "alloc.h"
#include "err.h"


#define DEFAULT_REVIEW TG_SC_DEFAULT_REVIEW
#define DEFAULT_BLOCK TG_SC_DEFAULT_BLOCK

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

size_t tg__sc_sorted_key(char *out, size_t cap, const char *norm)
{
	char tmp[TG_SCREEN_NORM_MAX];
	const char *tok[64];
	size_t k = 0, m = 0, i, n = strlen(norm);
	char *p;

	if (n >= sizeof(tmp))
		n = sizeof(tmp) - 1;
	memcpy(tmp, norm, n);
	tmp[n] = '\0';
	for (p = tmp; *p && k < 64;) {
		tok[k++] = p;
		while (*p && *p != ' ')
			p++;
		if (*p)
			*p++ = '\0';
	}
	qsort(tok, k, sizeof(tok[0]), cmp_str);
	for (i = 0; i < k; i++) {
		size_t l = strlen(tok[i]);
		if (m + l + 2 > cap)
			break;
		if (m)
			out[m++] = ' ';
		memcpy(out + m, tok[i], l);
		m += l;
	}
	out[m] = '\0';
	return m;
}

static int grow(void **v, size_t *cap, size_t len, size_t size)
{
	void *nv;
	size_t ncap;
	if (len < *cap)
		return TG_OK;
	ncap = *cap ? *cap * 2 : 1024;
	if ((nv = tg__realloc(*v, ncap * size)) == NULL)
		return TG_ENOMEM;
	*v = nv;
	*cap = ncap;
	return TG_OK;
}

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
	if (grow((void **)&s->names, &s->cap_names, s->n_names, sizeof(*s->names)) < 0)
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

	if (grow((void **)&s->entries, &s->cap_entries, s->n_entries, sizeof(*s->entries)) < 0)
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

static int add_row(tg_screener *s, tg__stmt *q)
{
	sc_entry_in in;
	in.source_id = tg__stmt_text(q, 0), in.list = tg__stmt_text(q, 1), in.type = tg__stmt_text(q, 2);
	in.names = tg__stmt_text(q, 3), in.countries = tg__stmt_text(q, 4), in.key_hash = tg__stmt_text(q, 5);
	return tg__sc_add_entry(s, &in);
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

int tg_screener_open(tg_screener **out, tg_store *st, tg_err *err)
{
	tg_screener *s;
	tg__stmt *q;
	int rc;

	TG_ASSERT_ARG(out && st, err);
	if ((rc = tg__sc_new(&s, err)) < 0)
		return rc;
	if ((rc = tg__store_prepare(&q, st, tg__screen_sql_latest, err)) < 0)
		goto fail;
	while ((rc = tg__stmt_step(q, err)) == 1)
		if ((rc = add_row(s, q)) < 0)
			break;
	tg__stmt_reset(q);
	if (rc == TG_ENOMEM)
		rc = tg__oom(err);
	if (rc == TG_OK && (rc = tg__sc_thresholds_load(s, err)) < 0)
		goto fail;
	if (rc == TG_OK && (rc = tg__sc_finish(s, err)) < 0)
		goto fail;
	if (rc == TG_OK && (rc = tg__sc_overrides_load(s, st, err)) < 0)
		goto fail;
	if (rc < 0)
		goto fail;
	*out = s;
	return TG_OK;
fail:
	tg_screener_free(s);
	return rc;
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
