/* SPDX-License-Identifier: Apache-2.0 */
/* Reviewers' decisions on (party, list entry) pairs: recorded in the store with the entry's key-field
 * hash, loaded into the screener, applied to hits (a false positive is sticky until the entry's key
 * fields change, as ONESOURCE does; a true match is always reported at block level). */
#include "screen_int.h"

#include <stdio.h>
#include <string.h>
#include "audit_chain.h"
#include "clock.h"
#include "lists.h"
#include "store.h"
#include "buf.h"
#include "alloc.h"
#include "err.h"

/* The override's audit entry (same transaction as the override): actor is the reviewer. */
static int audit_override(tg_store *st, const char *party, const char *list, const char *entity_id,
			  tg_screen_decision decision, const char *reason, const char *reviewer, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	char subject[300];
	int rc;
	snprintf(subject, sizeof(subject), "%.60s:%.200s", list, entity_id);
	if ((rc = tg__buf_puts(&b, "{\"decision\":\"")) < 0 ||
	    (rc = tg__buf_puts(&b, decision == TG_SCREEN_FALSE_POSITIVE ? "false_positive" : "true_match")) < 0 ||
	    (rc = tg__buf_puts(&b, "\",\"entity_id\":")) < 0 || (rc = tg__buf_put_json_str(&b, entity_id)) < 0 ||
	    (rc = tg__buf_puts(&b, ",\"list\":")) < 0 || (rc = tg__buf_put_json_str(&b, list)) < 0 ||
	    (rc = tg__buf_puts(&b, ",\"party\":")) < 0 || (rc = tg__buf_put_json_str(&b, party)) < 0 ||
	    (rc = tg__buf_puts(&b, ",\"reason\":")) < 0 || (rc = tg__buf_put_json_str(&b, reason)) < 0 ||
	    (rc = tg__buf_putc(&b, '}')) < 0)
		rc = tg__fail(err, rc, "audit: cannot encode the override entry");
	else
		rc = tg__audit_append(st, reviewer, "override", subject, b.ptr, err);
	tg_buf_dispose(&b);
	return rc;
}

/* Party key: the sorted-token normal form, so word order, case and punctuation do not matter. */
static void party_key(char out[TG_SCREEN_NORM_MAX], const char *name)
{
	char norm[TG_SCREEN_NORM_MAX];
	tg__screen_norm(norm, sizeof(norm), name);
	tg__sc_sorted_key(out, TG_SCREEN_NORM_MAX, norm);
}

/* The entry's key hash as the loaded lists hold it now; TG_ENOTFOUND names the entry. */
static int entry_hash(char out[65], tg_store *st, const char *list, const char *id, tg_err *err)
{
	int rc = tg__lists_key_hash(out, st, list, id, err);
	if (rc == 0)
		return tg__fail_field(err, TG_ENOTFOUND, "entity_id", "no entry %s on list %s in the loaded lists", id,
				      list);
	return rc < 0 ? rc : TG_OK;
}

int tg_screen_override(tg_store *st, const char *party_name, const char *list, const char *entity_id,
		       tg_screen_decision decision, const char *reason, const char *reviewer, tg_err *err)
{
	char key[TG_SCREEN_NORM_MAX], hash[65], now[21];
	sc_override_row r;
	int rc;

	TG_ASSERT_ARG(st && party_name && list && entity_id && reason && reviewer, err);
	party_key(key, party_name);
	if (!key[0])
		return tg__fail_field(err, TG_EINVALID, "party", "party name is empty after normalisation");
	if (!*reason || !*reviewer)
		return tg__fail_field(err, TG_EINVALID, *reason ? "reviewer" : "reason",
				      "a decision needs a reason and a reviewer");
	if (decision != TG_SCREEN_FALSE_POSITIVE && decision != TG_SCREEN_TRUE_MATCH)
		return tg__fail_field(err, TG_EINVALID, "decision", "decision must be false_positive or true_match");
	if ((rc = entry_hash(hash, st, list, entity_id, err)) < 0)
		return rc;
	tg__utc_now(now);
	r.party_key = key, r.party_name = party_name, r.list = list, r.source_id = entity_id, r.key_hash = hash;
	r.decision = decision == TG_SCREEN_FALSE_POSITIVE ? "false_positive" : "true_match";
	r.reason = reason, r.reviewer = reviewer, r.decided_at = now;
	if ((rc = tg__store_begin(st, err)) < 0)
		return rc;
	if ((rc = tg__sc_override_insert(st, &r, err)) < 0 ||
	    (rc = audit_override(st, party_name, list, entity_id, decision, reason, reviewer, err)) < 0) {
		tg__store_rollback(st);
		return rc;
	}
	return tg__store_commit(st, err);
}

/* The records being listed (tg_screen_overrides). */
typedef struct rec_list {
	tg_screen_override_rec *v;
	size_t len, cap;
	tg_store *st;
	tg_err *err;
} rec_list;

static int add_rec(const sc_override_row *row, void *payload)
{
	rec_list *l = payload;
	tg_screen_override_rec *r;
	int rc;

	if (tg__sc_grow((void **)&l->v, &l->cap, l->len, sizeof(*l->v)) < 0)
		return tg__oom(l->err);
	r = &l->v[l->len];
	memset(r, 0, sizeof(*r));
	r->id = row->id;
	snprintf(r->party_name, sizeof(r->party_name), "%s", row->party_name);
	snprintf(r->list, sizeof(r->list), "%s", row->list);
	snprintf(r->entity_id, sizeof(r->entity_id), "%s", row->source_id);
	snprintf(r->key_hash, sizeof(r->key_hash), "%s", row->key_hash);
	snprintf(r->decision, sizeof(r->decision), "%s", row->decision);
	snprintf(r->reason, sizeof(r->reason), "%s", row->reason);
	snprintf(r->reviewer, sizeof(r->reviewer), "%s", row->reviewer);
	snprintf(r->decided_at, sizeof(r->decided_at), "%s", row->decided_at);
	if ((rc = tg__lists_has_entry(l->st, row->list, row->source_id, row->key_hash, l->err)) < 0)
		return rc;
	r->current = rc;
	l->len++;
	return TG_OK;
}

int tg_screen_overrides(tg_screen_override_rec **out, size_t *n, tg_store *st, tg_err *err)
{
	rec_list l = {NULL, 0, 0, NULL, NULL};
	int rc;

	TG_ASSERT_ARG(out && n && st, err);
	l.st = st, l.err = err;
	if ((rc = tg__sc_overrides_each(st, add_rec, &l, err)) < 0) {
		tg__free(l.v);
		return rc;
	}
	*out = l.v, *n = l.len;
	return TG_OK;
}

void tg_screen_overrides_free(tg_screen_override_rec *v)
{
	tg__free(v);
}

typedef struct load_ctx {
	tg_screener *s;
	tg_err *err;
} load_ctx;

/* The latest decision per (party key, list, source id): later rows replace earlier ones. A key too
 * long for tg__sc_override_check() to build is never looked up, so it is not kept. */
static int load_row(const sc_override_row *r, void *payload)
{
	load_ctx *c = payload;
	char key[TG_SCREEN_NORM_MAX + 128], val[80], *k, *v;
	int kl = snprintf(key, sizeof(key), "%s\x1f%s\x1f%s", r->party_key, r->list, r->source_id);
	int vl = snprintf(val, sizeof(val), "%c%s", r->decision[0], r->key_hash);
	if (kl <= 0 || (size_t)kl >= sizeof(key) || vl <= 0 || (size_t)vl >= sizeof(val))
		return TG_OK;
	k = tg__sc_pool_dup(&c->s->pool, key, (size_t)kl), v = tg__sc_pool_dup(&c->s->pool, val, (size_t)vl);
	if (k == NULL || v == NULL || tg__map_put(&c->s->overrides, k, (size_t)kl, v, NULL) < 0)
		return tg__oom(c->err);
	return TG_OK;
}

int tg__sc_overrides_load(tg_screener *s, tg_store *st, tg_err *err)
{
	load_ctx c;
	c.s = s, c.err = err;
	return tg__sc_overrides_each(st, load_row, &c, err);
}

int tg__sc_override_check(char out[16], const tg_screener *s, const char *party_key, const sc_entry *e)
{
	char key[TG_SCREEN_NORM_MAX + 128];
	const char *v;
	int kl;

	out[0] = '\0';
	if (s->overrides.len == 0 || party_key == NULL)
		return 0;
	kl = snprintf(key, sizeof(key), "%s\x1f%s\x1f%s", party_key, e->list, e->source_id);
	if (kl <= 0 || (size_t)kl >= sizeof(key) || (v = tg__map_get(&s->overrides, key, (size_t)kl)) == NULL)
		return 0;
	if (v[0] == 't') {
		snprintf(out, 16, "true_match");
		return 0;
	}
	if (strcmp(v + 1, e->key_hash) == 0)
		return 1; /* false positive, entry unchanged: suppressed */
	snprintf(out, 16, "lapsed");
	return 0;
}
