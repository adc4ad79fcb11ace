/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Re-screening on list change. When a snapshot is loaded, the entries that differ from the previous
 * snapshot of the same list name are found in SQL (by list code + source id, then key-field hash),
 * two small screeners are built over them only (the new side: added and changed entries as now; the
 * old side: removed entries and changed ones as they were), and every distinct recorded party is
 * screened against both: a hit on the new side that the old side does not have is new, a hit on the
 * old side that the new side does not have is cleared. The report is stored and audited in the load's
 * transaction. Cost: one index over the changes, two small queries per recorded party.
 */
#include "rescreen.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "audit_chain.h"
#include "clock.h"
#include "lists.h"
#include "screen_norm.h"
#include "alloc.h"
#include "buf.h"
#include "err.h"
#include "json.h"
#include "map.h"

#define MAX_SIDE_HITS 32 /* hits per party and side: more than any one name has on a list change */
#define MAX_NAME 4096    /* tg_screen_name()'s limit on a name */

/* One side of the change: a screener over its entries, and each entry's change by "list\x1fsource_id". */
typedef struct side {
	tg_screener *s; /* NULL when the side has no entry or nobody is to be screened */
	size_t n;       /* entries added to s */
	tg_map change;  /* -> (uintptr_t)'a' added, 'c' changed, 'r' removed */
	sc_pool keys;
} side;

typedef struct party {
	const char *name, *country; /* in the run's pool */
} party;

typedef struct rhit {
	char kind;   /* 'n' new, 'c' cleared */
	char change; /* 'a' 'c' 'r' */
	const party *p;
	tg_screen_hit h;
} rhit;

typedef struct run {
	tg_store *st;
	tg_err *err;
	tg_rescreen_summary sum;
	sc_pool pool; /* party names and dedup keys */
	party *parties;
	size_t nparties, cap_parties;
	tg_map seen; /* "name\x1fcountry" -> 1; then "kind\x1fparty\x1flist\x1fentity" -> hit index + 1 */
	rhit *hits;
	size_t nhits, cap_hits;
	side now, was;
} run;

/* Add one distinct (name, country) party. */
static int add_party(run *r, const char *name, const char *country)
{
	char key[MAX_NAME + 8];
	int kl = snprintf(key, sizeof(key), "%s\x1f%s", name, country);
	char *k, *nm;
	party *p;
	if (strlen(name) > MAX_NAME || kl <= 0 || (size_t)kl >= sizeof(key) || tg__map_get(&r->seen, key, (size_t)kl))
		return TG_OK; /* a longer name fails check's screening (TG_ELIMIT): it cannot have been recorded */
	if (tg__sc_grow((void **)&r->parties, &r->cap_parties, r->nparties, sizeof(*r->parties)) < 0 ||
	    (k = tg__sc_pool_dup(&r->pool, key, (size_t)kl)) == NULL ||
	    (nm = tg__sc_pool_dup(&r->pool, key, (size_t)kl)) == NULL ||
	    tg__map_put(&r->seen, k, (size_t)kl, (void *)(uintptr_t)1, NULL) < 0)
		return TG_ENOMEM;
	p = &r->parties[r->nparties++];
	nm[strlen(name)] = '\0'; /* "name\0country" */
	p->name = nm;
	p->country = nm + strlen(name) + 1;
	return TG_OK;
}

/* The parties of one recorded order (its canonical JSON): parties[].name and .country. */
static int order_parties(const char *json, size_t len, void *payload)
{
	run *r = payload;
	tg_err e = TG_ERR_INIT;
	json_t *o, *ps, *p;
	size_t i;
	int rc;
	if ((rc = tg__json_parse(&o, json, len, &e)) == TG_ENOMEM)
		return tg__oom(r->err);
	if (rc < 0) /* recorded orders are canonical JSON: a corrupt row is a store fault */
		return tg__fail(r->err, TG_EDB, "decisions: a recorded order is not valid JSON: %s", e.msg);
	ps = json_object_get(o, "parties");
	json_array_foreach (ps, i, p) {
		const char *name = json_string_value(json_object_get(p, "name"));
		const char *cc = json_string_value(json_object_get(p, "country"));
		if (name && *name && (rc = add_party(r, name, cc ? cc : "")) < 0)
			break;
	}
	json_decref(o);
	return rc == TG_ENOMEM ? tg__oom(r->err) : rc;
}

/* "list\x1fsource id" cut as a tg_screen_hit cuts them (15 and 63 bytes), so hits find their entry. */
static int entry_key(char out[128], const char *list, const char *id)
{
	return snprintf(out, 128, "%.15s\x1f%.63s", list, id);
}

/* One side being read: its entries differ from the other snapshot's. */
typedef struct side_read {
	run *r;
	side *sd;
	int is_new, build;
} side_read;

/* Count one differing entry, and (with build) add it to the side. */
static int diff_row(const tg__list_row *row, void *payload)
{
	side_read *c = payload;
	char ch = row->changed ? 'c' : c->is_new ? 'a' : 'r', key[128];
	sc_entry_in in;
	int kl;
	char *k;
	if (c->is_new)
		*(row->changed ? &c->r->sum.changed : &c->r->sum.added) += 1;
	else if (!row->changed)
		c->r->sum.removed++;
	if (!c->build)
		return TG_OK;
	in.source_id = row->source_id, in.list = row->list, in.type = row->type;
	in.names = row->names, in.countries = row->countries, in.key_hash = row->key_hash;
	kl = entry_key(key, in.list, in.source_id);
	if (tg__sc_add_entry(c->sd->s, &in) < 0 || (k = tg__sc_pool_dup(&c->sd->keys, key, (size_t)kl)) == NULL ||
	    tg__map_put(&c->sd->change, k, (size_t)kl, (void *)(uintptr_t)ch, NULL) < 0)
		return TG_ENOMEM;
	c->sd->n++;
	return TG_OK;
}

/* Count the entries of snapshot a that differ from snapshot b, and (with build) add them to sd. */
static int diff_side(run *r, side *sd, int64_t a, int64_t b, int is_new, int build, tg_err *err)
{
	side_read c;
	int rc;
	if (a == 0)
		return TG_OK;
	if (build && sd->s == NULL && (rc = tg__sc_new(&sd->s, err)) < 0)
		return rc;
	c.r = r, c.sd = sd, c.is_new = is_new, c.build = build;
	return tg__lists_diff(r->st, a, b, diff_row, &c, err);
}

/* Thresholds, index and overrides of a side's screener (as tg_screener_open does for the full lists). */
static int finish_side(side *sd, tg_store *st, tg_err *err)
{
	if (sd->s == NULL)
		return TG_OK;
	if (sd->n == 0) {
		tg_screener_free(sd->s);
		sd->s = NULL;
		return TG_OK;
	}
	return tg__sc_seal(sd->s, st, err);
}

static char change_of(const side *sd, const tg_screen_hit *h)
{
	char key[128];
	int kl = entry_key(key, h->list, h->entity_id);
	return (char)(uintptr_t)tg__map_get(&sd->change, key, (size_t)kl);
}

static int has_hit(const tg_screen_hit *v, size_t n, const tg_screen_hit *h)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strcmp(v[i].list, h->list) == 0 && strcmp(v[i].entity_id, h->entity_id) == 0)
			return 1;
	return 0;
}

/* Keep one hit per (kind, party name, list entry): the best score. */
static int note(run *r, char kind, char change, const party *p, const tg_screen_hit *h)
{
	char key[MAX_NAME + 128];
	int kl = snprintf(key, sizeof(key), "%c\x1f%s\x1f%s\x1f%s", kind, p->name, h->list, h->entity_id);
	uintptr_t at;
	char *k;
	if (kl <= 0 || (size_t)kl >= sizeof(key))
		return TG_OK;
	if ((at = (uintptr_t)tg__map_get(&r->seen, key, (size_t)kl)) != 0) {
		if (r->hits[at - 1].h.score < h->score)
			r->hits[at - 1].h = *h, r->hits[at - 1].p = p;
		return TG_OK;
	}
	if (tg__sc_grow((void **)&r->hits, &r->cap_hits, r->nhits, sizeof(*r->hits)) < 0 ||
	    (k = tg__sc_pool_dup(&r->pool, key, (size_t)kl)) == NULL ||
	    tg__map_put(&r->seen, k, (size_t)kl, (void *)(uintptr_t)(r->nhits + 1), NULL) < 0)
		return TG_ENOMEM;
	r->hits[r->nhits].kind = kind, r->hits[r->nhits].change = change;
	r->hits[r->nhits].p = p, r->hits[r->nhits].h = *h;
	r->nhits++;
	return TG_OK;
}

/* Screen one party against both sides; note what is new and what is cleared. */
static int screen_party(run *r, const party *p, tg_screen_hit *now, tg_screen_hit *was, tg_err *err)
{
	const char *cc = p->country[0] ? p->country : NULL;
	size_t nn = 0, nw = 0, i;
	int rc;
	if (r->now.s && (rc = tg_screen_name(now, MAX_SIDE_HITS, &nn, r->now.s, p->name, cc, err)) < 0)
		return rc;
	if (r->was.s && (rc = tg_screen_name(was, MAX_SIDE_HITS, &nw, r->was.s, p->name, cc, err)) < 0)
		return rc;
	for (i = 0; i < nn; i++)
		if (!has_hit(was, nw, &now[i]) && (rc = note(r, 'n', change_of(&r->now, &now[i]), p, &now[i])) < 0)
			return tg__oom(err);
	for (i = 0; i < nw; i++)
		if (!has_hit(now, nn, &was[i]) && (rc = note(r, 'c', change_of(&r->was, &was[i]), p, &was[i])) < 0)
			return tg__oom(err);
	return TG_OK;
}

static int cmp_rhit(const void *a, const void *b)
{
	const rhit *x = a, *y = b;
	int c;
	if (x->kind != y->kind)
		return x->kind == 'n' ? -1 : 1;
	if ((c = strcmp(x->p->name, y->p->name)) != 0)
		return c;
	if (x->h.score != y->h.score)
		return x->h.score > y->h.score ? -1 : 1;
	if ((c = strcmp(x->h.list, y->h.list)) != 0)
		return c;
	return strcmp(x->h.entity_id, y->h.entity_id);
}

static const char *change_name(char c)
{
	return c == 'a' ? "added" : c == 'c' ? "changed" : "removed";
}

static int insert_hit(run *r, const rhit *x, int64_t seq, tg_err *err)
{
	tg__rescreen_line l;
	l.kind = x->kind == 'n' ? "new" : "cleared", l.change = change_name(x->change);
	l.party = x->p->name, l.party_country = x->p->country, l.hit = &x->h;
	return tg__rescreen_hit_insert(r->st, r->sum.snapshot, seq, &l, err);
}

/* The report row, its hits, and the audit entry (canonical JSON: sorted keys). */
static int store_report(run *r, const char *list_name, const char *actor, tg_err *err)
{
	const tg_rescreen_summary *s = &r->sum;
	tg_buf b = TG_BUF_INIT;
	char now[21];
	size_t i;
	int rc;

	tg__utc_now(now);
	rc = tg__rescreen_report_insert(r->st, s, list_name, now, err);
	for (i = 0; rc >= 0 && i < r->nhits; i++)
		rc = insert_hit(r, &r->hits[i], (int64_t)i + 1, err);
	if (rc < 0)
		return rc;
	if (tg__buf_printf(&b,
			   "{\"added\":%lld,\"changed\":%lld,\"cleared_hits\":%lld,\"new_hits\":%lld,\"parties\":%lld,"
			   "\"previous_snapshot\":%lld,\"removed\":%lld,\"snapshot\":%lld}",
			   (long long)s->added, (long long)s->changed, (long long)s->cleared_hits,
			   (long long)s->new_hits, (long long)s->parties, (long long)s->previous, (long long)s->removed,
			   (long long)s->snapshot) < 0)
		rc = tg__oom(err);
	else
		rc = tg__audit_append(r->st, actor, "rescreen", list_name, b.ptr, err);
	tg_buf_dispose(&b);
	return rc;
}

static void side_dispose(side *sd)
{
	tg_screener_free(sd->s);
	tg__map_dispose(&sd->change);
	tg__sc_pool_free(&sd->keys);
}

static int compute(run *r, tg_err *err)
{
	tg_screen_hit *now = NULL, *was = NULL;
	size_t i;
	int rc, build;

	if ((rc = tg__rescreen_orders_each(r->st, order_parties, r, err)) < 0)
		return rc;
	build = r->nparties > 0;
	if ((rc = diff_side(r, &r->now, r->sum.snapshot, r->sum.previous, 1, build, err)) < 0 ||
	    (rc = diff_side(r, &r->was, r->sum.previous, r->sum.snapshot, 0, build, err)) < 0 ||
	    (rc = finish_side(&r->now, r->st, err)) < 0 || (rc = finish_side(&r->was, r->st, err)) < 0)
		return rc;
	if (r->now.s == NULL && r->was.s == NULL)
		return TG_OK; /* nothing changed, or nobody recorded */
	r->sum.parties = (int64_t)r->nparties;
	if ((now = tg__malloc(2 * MAX_SIDE_HITS * sizeof(*now))) == NULL)
		return tg__oom(err);
	was = now + MAX_SIDE_HITS;
	for (i = 0; i < r->nparties && rc == TG_OK; i++)
		rc = screen_party(r, &r->parties[i], now, was, err);
	tg__free(now);
	if (rc < 0)
		return rc;
	if (r->nhits > 1)
		qsort(r->hits, r->nhits, sizeof(*r->hits), cmp_rhit);
	for (i = 0; i < r->nhits; i++)
		*(r->hits[i].kind == 'n' ? &r->sum.new_hits : &r->sum.cleared_hits) += 1;
	return TG_OK;
}

int tg__rescreen_snapshot(tg_rescreen_summary *out, tg_store *st, int64_t snap, const char *list_name,
			  const char *actor, tg_err *err)
{
	run r;
	int rc;

	memset(&r, 0, sizeof(r));
	r.st = st, r.err = err;
	r.sum.snapshot = snap;
	if ((rc = tg__lists_previous(&r.sum.previous, st, list_name, snap, err)) < 0)
		goto done;
	if ((rc = compute(&r, err)) < 0 || (rc = store_report(&r, list_name, actor, err)) < 0)
		goto done;
	if (out)
		*out = r.sum;
done:
	side_dispose(&r.now);
	side_dispose(&r.was);
	tg__map_dispose(&r.seen);
	tg__sc_pool_free(&r.pool);
	tg__free(r.parties);
	tg__free(r.hits);
	return rc;
}
