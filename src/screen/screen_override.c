/* SPDX-License-Identifier: Apache-2.0 */
/* Reviewers' decisions on (party, list entry) pairs: recorded in the store with the entry's key-field
 * hash, loaded into the screener, applied to hits (a false positive is sticky until the entry's key
 * fields change, as ONESOURCE does; a true match is always reported at block level). */
#include "screen_int.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include "screen.h"
#include "audit_chain.h"
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

static int entry_hash(char out[65], tg_store *st, const char *list, const char *id, tg_err *err)
{
	tg__stmt *q;
	int rc;
	if ((rc = tg__store_prepare(&q, st, tg__screen_override_sql_entry_hash, err)) < 0)
		return rc;
	tg__stmt_bind_text(q, 1, list, -1);
	tg__stmt_bind_text(q, 2, id, -1);
	rc = tg__stmt_step(q, err);
	if (rc == 1)
		snprintf(out, 65, "%s", tg__stmt_text(q, 0));
	tg__stmt_reset(q);
	if (rc == 0)
		return tg__fail_field(err, TG_ENOTFOUND, "entity_id", "no entry %s on list %s in the loaded lists", id,
				      list);
	return rc < 0 ? rc : TG_OK;
}

int tg_screen_override(tg_store *st, const char *party_name, const char *list, const char *entity_id,
		       tg_screen_decision decision, const char *reason, const char *reviewer, tg_err *err)
{
	char key[TG_SCREEN_NORM_MAX], hash[65], now[32];
	time_t t = time(NULL);
	struct tm tm;
	tg__stmt *q;
	int rc;

	TG_ASSERT_ARG(st && party_name && list && entity_id && reason && reviewer, err);
	party_key(key, party_name);
	if (!key[0])
		return tg__fail_field(err, TG_EINVALID, "party", "party name is empty after normalisation");
	if (!*reason || !*reviewer)
		return tg__fail_field(err, TG_EINVALID, *reason ? "reviewer" : "reason", "a decision needs a reason and a reviewer");
	if (decision != TG_SCREEN_FALSE_POSITIVE && decision != TG_SCREEN_TRUE_MATCH)
		return tg__fail_field(err, TG_EINVALID, "decision", "decision must be false_positive or true_match");
	if ((rc = entry_hash(hash, st, list, entity_id, err)) < 0)
		return rc;
	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", &tm);
	if ((rc = tg__store_prepare(&q, st, tg__screen_override_sql_insert, err)) < 0)
		return rc;
	tg__stmt_bind_text(q, 1, key, -1), tg__stmt_bind_text(q, 2, party_name, -1);
	tg__stmt_bind_text(q, 3, list, -1), tg__stmt_bind_text(q, 4, entity_id, -1), tg__stmt_bind_text(q, 5, hash, -1);
	tg__stmt_bind_text(q, 6, decision == TG_SCREEN_FALSE_POSITIVE ? "false_positive" : "true_match", -1);
	tg__stmt_bind_text(q, 7, reason, -1), tg__stmt_bind_text(q, 8, reviewer, -1), tg__stmt_bind_text(q, 9, now, -1);
	if ((rc = tg__store_begin(st, err)) < 0)
		return rc;
	rc = tg__stmt_step(q, err);
	tg__stmt_reset(q);
	if (rc >= 0)
		rc = audit_override(st, party_name, list, entity_id, decision, reason, reviewer, err);
	if (rc < 0) {
		tg__store_rollback(st);
		return rc;
	}
	return tg__store_commit(st, err);
}

static void row_to_rec(tg_screen_override_rec *r, tg__stmt *q)
{
	memset(r, 0, sizeof(*r));
	r->id = tg__stmt_int64(q, 0);
	snprintf(r->party_name, sizeof(r->party_name), "%s", tg__stmt_text(q, 1));
	snprintf(r->list, sizeof(r->list), "%s", tg__stmt_text(q, 2));
	snprintf(r->entity_id, sizeof(r->entity_id), "%s", tg__stmt_text(q, 3));
	snprintf(r->key_hash, sizeof(r->key_hash), "%s", tg__stmt_text(q, 4));
	snprintf(r->decision, sizeof(r->decision), "%s", tg__stmt_text(q, 5));
	snprintf(r->reason, sizeof(r->reason), "%s", tg__stmt_text(q, 6));
	snprintf(r->reviewer, sizeof(r->reviewer), "%s", tg__stmt_text(q, 7));
	snprintf(r->decided_at, sizeof(r->decided_at), "%s", tg__stmt_text(q, 8));
	r->current = tg__stmt_int64(q, 9) > 0;
}

int tg_screen_overrides(tg_screen_override_rec **out, size_t *n, tg_store *st, tg_err *err)
{
	tg_screen_override_rec *v = NULL, *nv;
	size_t len = 0, cap = 0;
	tg__stmt *q;
	int rc;

	TG_ASSERT_ARG(out && n && st, err);
	if ((rc = tg__store_prepare(&q, st, tg__screen_override_sql_all, err)) < 0)
		return rc;
	while ((rc = tg__stmt_step(q, err)) == 1) {
		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			if ((nv = tg__realloc(v, cap * sizeof(*v))) == NULL) {
				rc = tg__oom(err);
				break;
			}
			v = nv;
		}
		row_to_rec(&v[len++], q);
	}
	tg__stmt_reset(q);
	if (rc < 0) {
		tg__free(v);
		return rc;
	}
	*out = v, *n = len;
	return TG_OK;
}

void tg_screen_overrides_free(tg_screen_override_rec *v)
{
	tg__free(v);
}

int tg__sc_overrides_load(tg_screener *s, tg_store *st, tg_err *err)
{
	char key[TG_SCREEN_NORM_MAX + 128], val[80];
	tg__stmt *q;
	int rc;

	if ((rc = tg__store_prepare(&q, st, tg__screen_override_sql_all, err)) < 0)
		return rc;
	while ((rc = tg__stmt_step(q, err)) == 1) {
		int kl = snprintf(key, sizeof(key), "%s\x1f%s\x1f%s", tg__stmt_text(q, 10), tg__stmt_text(q, 2),
				  tg__stmt_text(q, 3));
		int vl = snprintf(val, sizeof(val), "%c%s", tg__stmt_text(q, 5)[0], tg__stmt_text(q, 4));
		char *k = tg__sc_pool_dup(&s->pool, key, (size_t)kl), *v = tg__sc_pool_dup(&s->pool, val, (size_t)vl);
		if (k == NULL || v == NULL || tg__map_put(&s->overrides, k, (size_t)kl, v, NULL) < 0) {
			rc = tg__oom(err);
			break;
		}
	}
	tg__stmt_reset(q);
	return rc < 0 ? rc : TG_OK;
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
