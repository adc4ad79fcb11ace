/* SPDX-License-Identifier: Apache-2.0 */
/* Matching an order that needs a licence against the exporter's live licences (used by `check`). */
#include "license.h"
#include "custody.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "screen_norm.h"
#include "store.h"
#include "buf.h"
#include "err.h"

typedef struct cand {
	const char *id, *status, *dest;
	int review;
	tg_date from, to;
	json_t *lic;
	tg_buf why; /* what is missing, "; "-separated */
	int missing;
} cand;

static void copy(char *dst, size_t cap, const char *src)
{
	snprintf(dst, cap, "%s", src ? src : "");
}

static void miss(cand *c, const char *fmt, const char *a, const char *b)
{
	c->missing++;
	if (c->why.size)
		tg__buf_puts(&c->why, "; ");
	tg__buf_printf(&c->why, fmt, a, b);
}

static int party_ok(tg_store *st, const char *lic, const char *role, const char *name, tg_err *err)
{
	char norm[512];
	tg__stmt *s;
	int rc;
	tg__name_norm(norm, name);
	if ((rc = tg__store_prepare(&s, st, tg__license_match_sql_q, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, lic, -1);
	tg__stmt_bind_text(s, 2, role, -1);
	tg__stmt_bind_text(s, 3, norm, -1);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	return rc;
}

/* Quantity and value of o's lines for the item of line i, over all lines with that item. */
static int item_totals(int64_t *q, int64_t *v, const tg_order *o, size_t i)
{
	size_t k;
	*q = *v = 0;
	for (k = 0; k < o->nlines; k++) {
		tg_dec lv;
		if (strcmp(o->lines[k].item, o->lines[i].item) != 0)
			continue;
		if (k < i)
			return 0; /* counted at its first line */
		if (tg_dec_mul_int(&lv, o->lines[k].unit_value, o->lines[k].quantity) < 0)
			return -1;
		*q += o->lines[k].quantity;
		*v += lv.micros;
	}
	return 1;
}

static int items_ok(cand *c, tg_store *st, const tg_order *o, tg_err *err)
{
	size_t i;
	int rc = TG_OK;
	for (i = 0; i < o->nlines && rc >= 0; i++) {
		int64_t q, v;
		char a[64], b[96];
		tg__stmt *s;
		if ((rc = item_totals(&q, &v, o, i)) <= 0)
			continue;
		if ((rc = tg__store_prepare(&s, st, tg__license_match_sql_q2, err)) < 0)
			return rc;
		tg__stmt_bind_text(s, 1, c->id, -1);
		tg__stmt_bind_text(s, 2, o->lines[i].item, -1);
		if ((rc = tg__stmt_step(s, err)) == 0)
			miss(c, "item %s not on the licence%s", o->lines[i].item, "");
		else if (rc == 1 && strcmp(tg__stmt_text(s, 2), o->lines[i].currency) != 0)
			miss(c, "item %s is licensed in %s", o->lines[i].item, tg__stmt_text(s, 2));
		else if (rc == 1 && tg__stmt_int64(s, 0) < q) {
			snprintf(b, sizeof(b), "%lld requested, %lld remaining", (long long)q,
				 (long long)tg__stmt_int64(s, 0));
			miss(c, "quantity of %s: %s", o->lines[i].item, b);
		} else if (rc == 1 && tg__stmt_int64(s, 1) < v) {
			tg_dec rem;
			tg_buf t = TG_BUF_INIT;
			rem.micros = tg__stmt_int64(s, 1);
			tg_dec_format(&t, rem, 2);
			copy(a, sizeof(a), t.ptr);
			tg_buf_dispose(&t);
			miss(c, "value of %s exceeds the remaining value (with tolerance) %s", o->lines[i].item, a);
		}
		tg__stmt_reset(s);
	}
	return rc < 0 ? rc : TG_OK;
}

static int covers(const cand *c, const char *juris)
{
	const json_t *cv = json_object_get(c->lic, "covers"), *v;
	size_t i;
	if (cv == NULL)
		return strcmp(juris, "US-EAR") == 0;
	json_array_foreach (cv, i, v) {
		if (strcmp(json_string_value(v), juris) == 0)
			return 1;
	}
	return 0;
}

/* Fill c->why with every part of the order the licence does not cover. */
static int evaluate(cand *c, tg_store *st, const tg_decision *d, const tg_order *o, tg_err *err)
{
	char date[11];
	size_t i;
	int rc;
	tg_date_format(date, o->date);
	if (strcmp(c->status, "live") != 0)
		miss(c, "licence is %s%s", c->status, "");
	if (c->review)
		miss(c, "licence is under review after a diversion report%s%s", "", "");
	if (o->date < c->from || o->date > c->to)
		miss(c, "order date %s is outside the licence's validity%s", date, "");
	if (strcmp(c->dest, o->destination) != 0)
		miss(c, "destination %s is not the licensed destination %s", o->destination, c->dest);
	for (i = 0; i < o->nparties; i++) {
		const tg_party *p = &o->parties[i];
		const char *role = p->role == TG_ROLE_ULTIMATE_CONSIGNEE ? "consignee"
				   : p->role == TG_ROLE_END_USER         ? "end_user"
									 : NULL;
		if (role == NULL)
			continue;
		if ((rc = party_ok(st, c->id, role, p->name, err)) < 0)
			return rc;
		if (rc == 0)
			miss(c, "%s '%.100s' is not approved on the licence", role, p->name);
	}
	for (i = 0; i < d->njurisdictions; i++)
		if (d->jurisdictions[i].verdict == TG_VERDICT_LICENSE_REQUIRED && !covers(c, d->jurisdictions[i].name))
			miss(c, "the licence does not cover %s (add it to \"covers\" with the approval)%s",
			     d->jurisdictions[i].name, "");
	return items_ok(c, st, o, err);
}

static tg_reason *add_reason(tg_decision *d, const char *rule)
{
	tg_reason *r;
	if (d->nreasons >= TG_DECISION_MAX_REASONS)
		return NULL;
	r = &d->reasons[d->nreasons++];
	memset(r, 0, sizeof(*r));
	copy(r->rule, sizeof(r->rule), rule);
	copy(r->jurisdiction, sizeof(r->jurisdiction), "US-EAR");
	copy(r->citation, sizeof(r->citation),
	     "15 CFR 750.7 (licence scope and conditions), 750.11 (shipping tolerances)");
	copy(r->confidence, sizeof(r->confidence), "P");
	return r;
}

static int line_listed(const char *lines, size_t i)
{
	const char *p = lines;
	while (*p) {
		char *end;
		unsigned long v = strtoul(p, &end, 10);
		if (end == p)
			return 0;
		if (v == i)
			return 1;
		p = *end == ',' ? end + 1 : end;
	}
	return 0;
}

/* Covered: covered jurisdictions' licence requirements become allow; line verdicts are recomputed from
 * the reasons that still count. */
static void apply_cover(tg_decision *d, const cand *c)
{
	const json_t *cond = json_object_get(c->lic, "conditions"), *v;
	size_t i, k;
	tg_reason *r;
	for (i = 0; i < d->njurisdictions; i++)
		if (d->jurisdictions[i].verdict == TG_VERDICT_LICENSE_REQUIRED)
			d->jurisdictions[i].verdict = TG_VERDICT_ALLOW;
	for (k = 0; k < d->nlines; k++) {
		d->lines[k].verdict = TG_VERDICT_ALLOW;
		for (i = 0; i < d->nreasons; i++) {
			const tg_reason *q = &d->reasons[i];
			if (!q->informational && q->verdict > TG_VERDICT_LICENSE_REQUIRED && line_listed(q->lines, k) &&
			    q->verdict > d->lines[k].verdict)
				d->lines[k].verdict = q->verdict;
		}
	}
	d->verdict = TG_VERDICT_ALLOW;
	for (i = 0; i < d->njurisdictions; i++)
		if (d->jurisdictions[i].verdict > d->verdict)
			d->verdict = d->jurisdictions[i].verdict;
	copy(d->license_id, sizeof(d->license_id), c->id);
	copy(d->license_holder, sizeof(d->license_holder), json_string_value(json_object_get(c->lic, "holder")));
	d->license_valid_to = c->to;
	json_array_foreach (cond, i, v) {
		if (d->nlicense_conditions < TG_DECISION_MAX_CONDITIONS)
			copy(d->license_conditions[d->nlicense_conditions++], 40, json_string_value(v));
		for (k = 0; k < d->nconditions && strcmp(d->conditions[k], json_string_value(v)) != 0; k++)
			;
		if (k == d->nconditions && k < TG_DECISION_MAX_CONDITIONS)
			copy(d->conditions[d->nconditions++], 40, json_string_value(v));
	}
	if ((r = add_reason(d, "license-covers")) != NULL) {
		r->informational = 1;
		r->verdict = TG_VERDICT_ALLOW;
		snprintf(r->message, sizeof(r->message),
			 "covered by licence %.63s of '%.100s' (valid to the end of its term)", c->id,
			 d->license_holder);
	}
}

static int load_cand(cand *c, tg__stmt *s, tg_err *err)
{
	tg_err ignore = TG_ERR_INIT;
	c->id = tg__stmt_text(s, 0);
	c->status = tg__stmt_text(s, 1);
	c->review = (int)tg__stmt_int64(s, 2);
	c->dest = tg__stmt_text(s, 5);
	c->missing = 0;
	tg__buf_clear(&c->why);
	if (tg_date_parse(&c->from, tg__stmt_text(s, 3), &ignore) < 0 ||
	    tg_date_parse(&c->to, tg__stmt_text(s, 4), &ignore) < 0 ||
	    (c->lic = json_loads(tg__stmt_text(s, 6), 0, NULL)) == NULL)
		return tg__fail(err, TG_EINTERNAL, "licence '%.64s': corrupt row", c->id);
	return TG_OK;
}

static void note_missing(tg_decision *d, const tg_order *o, const char *best)
{
	tg_reason *r = add_reason(d, "license-missing");
	if (r == NULL)
		return;
	r->verdict = TG_VERDICT_LICENSE_REQUIRED;
	if (best && strlen(best) > 330)
		snprintf(r->message, sizeof(r->message), "no live licence covers the order: %.320s ...", best);
	else if (best)
		snprintf(r->message, sizeof(r->message), "no live licence covers the order: %s", best);
	else
		snprintf(r->message, sizeof(r->message), "no licence of exporter '%.200s' is on record",
			 o->exporter_name);
}

int tg__license_apply(tg_decision *d, tg_store *st, const tg_order *o, tg__license_memo *memo, tg_err *err)
{
	char norm[512];
	cand c;
	tg_buf best = TG_BUF_INIT;
	int rc, covered = 0, rows = 0;
	tg__stmt *s;

	if (d->verdict != TG_VERDICT_LICENSE_REQUIRED || st == NULL)
		return TG_OK;
	memset(&c, 0, sizeof(c));
	tg__name_norm(norm, o->exporter_name);
	if (memo && memo->none_valid && strcmp(memo->none_norm, norm) == 0) {
		note_missing(d, o, NULL);
		return TG_OK;
	}
	if ((rc = tg__store_prepare(&s, st, tg__license_match_sql_q3, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, norm, -1);
	while (!covered && (rc = tg__stmt_step(s, err)) == 1) {
		rows++;
		if ((rc = load_cand(&c, s, err)) < 0 || (rc = evaluate(&c, st, d, o, err)) < 0)
			break;
		if (c.missing == 0) {
			apply_cover(d, &c);
			covered = 1;
		} else if (best.size < 400) { /* every candidate, live ones first */
			tg__buf_printf(&best, "%slicence %s: %s", best.size ? " | " : "", c.id, c.why.ptr);
		}
		json_decref(c.lic);
		c.lic = NULL;
	}
	tg__stmt_reset(s);
	json_decref(c.lic);
	if (rc >= 0 && !covered)
		note_missing(d, o, best.size ? best.ptr : NULL);
	if (rc >= 0 && rows == 0 && memo) {
		memcpy(memo->none_norm, norm, sizeof(norm));
		memo->none_valid = 1;
	}
	tg_buf_dispose(&best);
	tg_buf_dispose(&c.why);
	return rc < 0 ? rc : TG_OK;
}
