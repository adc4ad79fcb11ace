/* SPDX-License-Identifier: Apache-2.0 */
/* The decision engine: classify each line, evaluate the compiled rules of every applicable
 * jurisdiction in force on the date, drop overridden rules, fall back where nothing matched, screen the
 * parties, and combine verdicts (deny > review > license_required > allow). No allocation beyond the
 * line and charge arrays. */
#include "tg/decision.h"

#include <stdio.h>
#include <stddef.h>
#include <string.h>
#include "decide_cache.h"
#include "policy.h"
#include "alloc.h"
#include "fmt.h"
#include "err.h"

#define MAX_MATCH 32
#define CHARGES_PER_LINE 4

typedef struct facts {
	const tg_classification *c;
	const char *item;
	unsigned eccn_bit; /* tg__eccn_bit of the classification, computed once per line */
	int ai_chip;       /* datacenter-marketed or 3A090/4A090 */
	int h200_class;    /* foreign-designed datacenter 3A090/4A090 item that passes the 2026-01-15 gate */
} facts;

static int in_list(char *const *list, size_t n, const char *s)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

static int tri_ok(int want, int have)
{
	return want < 0 || want == (have != 0);
}

static int party_ok(const tg__party_pred *pp, const tg_party *p)
{
	if (pp->roles && !(pp->roles & (1u << p->role)))
		return 0;
	if (pp->sectors && !(pp->sectors & (1u << p->sector)))
		return 0;
	if (!tri_ok(pp->state_funded, p->state_funded))
		return 0;
	return tg__cpred_ok(&pp->country, p->country) && tg__cpred_ok(&pp->hq, p->hq_country);
}

static int rule_matches(const tg__rule *r, const facts *f, const tg_order *o)
{
	size_t i;
	if (r->eccn_mask && !(r->eccn_mask & f->eccn_bit))
		return 0;
	if ((r->nitems && !in_list(r->items, r->nitems, f->item)) ||
	    (r->nitems_not && in_list(r->items_not, r->nitems_not, f->item)))
		return 0;
	if (!tri_ok(r->datacenter, f->c->datacenter) || !tri_ok(r->cbc_gate, f->c->cbc_gate) ||
	    !tri_ok(r->h200_class, f->h200_class) || !tri_ok(r->ai_chip, f->ai_chip) ||
	    !tri_ok(r->tariff_band, f->c->tariff_band_232))
		return 0;
	if (!tg__cpred_ok(&r->designer, f->c->designer_hq) || !tg__cpred_ok(&r->destination, o->destination) ||
	    !tg__cpred_ok(&r->ship_from, o->ship_from))
		return 0;
	if ((r->end_use && !(r->end_use & (1u << o->end_use))) || (r->end_use_not & (1u << o->end_use)))
		return 0;
	if (!r->party.present)
		return 1;
	for (i = 0; i < o->nparties; i++)
		if (party_ok(&r->party, &o->parties[i]))
			return 1;
	return 0;
}

/* The rules of jurisdiction j that decide line f: matched, in force, not overridden; the fallback
 * rules when nothing else matched. Returns how many indices were written to out. */
static size_t match_line(size_t out[MAX_MATCH], const tg_policy *p, const char *jname, const facts *f,
			 const tg_order *o, tg_date as_of)
{
	size_t n = 0, i, k, m, kept = 0;
	int fallback;
	for (fallback = 0; fallback <= 1 && n == 0; fallback++) {
		for (i = 0; i < p->nrules && n < MAX_MATCH; i++) {
			const tg__rule *r = &p->rules[i];
			if (r->fallback != fallback || r->jurisdiction[0] != jname[0] ||
			    strcmp(r->jurisdiction, jname) != 0 || !tg_policy_in_force(p, i, as_of) ||
			    !rule_matches(r, f, o))
				continue;
			out[n++] = i;
		}
	}
	for (i = 0; i < n; i++) { /* drop rules overridden by another match */
		int dropped = 0;
		for (k = 0; k < n && !dropped; k++) {
			const tg__rule *r = &p->rules[out[k]];
			for (m = 0; k != i && m < r->noverrides; m++)
				dropped |= r->overrides[m] == out[i];
		}
		if (!dropped)
			out[kept++] = out[i];
	}
	return kept;
}

/* Bounded string copy (truncates; always terminates). Not snprintf: this is on the hot path. */
static void copy(char *dst, size_t cap, const char *src)
{
	size_t n = src ? strnlen(src, cap - 1) : 0;
	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

static tg_reason *add_reason(tg_decision *d, const char *rule, const char *juris, tg_err *err)
{
	tg_reason *r;
	if (d->nreasons == TG_DECISION_MAX_REASONS) {
		tg__fail(err, TG_ELIMIT, "more than %d reasons", TG_DECISION_MAX_REASONS);
		return NULL;
	}
	r = &d->reasons[d->nreasons++];
	copy(r->rule, sizeof(r->rule), rule);
	copy(r->jurisdiction, sizeof(r->jurisdiction), juris);
	r->citation[0] = r->confidence[0] = r->message[0] = r->lines[0] = '\0';
	r->informational = 0;
	r->verdict = TG_VERDICT_ALLOW;
	return r;
}

static void append_line(tg_reason *r, size_t line)
{
	char num[24];
	size_t len = strlen(r->lines), n = tg__fmt_u64(num, (uint64_t)line);
	if (len + 8 < sizeof(r->lines) && len + 1 + n < sizeof(r->lines)) {
		if (len)
			r->lines[len++] = ',';
		memcpy(r->lines + len, num, n);
		r->lines[len + n] = '\0';
	}
}

static int note_rule(tg_decision *d, const tg__rule *rule, size_t line, tg_err *err)
{
	size_t i;
	tg_reason *r;
	for (i = 0; i < d->nreasons; i++)
		if (strcmp(d->reasons[i].rule, rule->id) == 0) {
			append_line(&d->reasons[i], line);
			return TG_OK;
		}
	if ((r = add_reason(d, rule->id, rule->jurisdiction, err)) == NULL)
		return TG_ELIMIT;
	copy(r->citation, sizeof(r->citation), rule->citation);
	copy(r->confidence, sizeof(r->confidence), rule->confidence);
	copy(r->message, sizeof(r->message), rule->message);
	r->verdict = rule->verdict;
	append_line(r, line);
	return TG_OK;
}

static void add_condition(tg_decision *d, const char *c)
{
	size_t i;
	for (i = 0; i < d->nconditions; i++)
		if (strcmp(d->conditions[i], c) == 0)
			return;
	if (d->nconditions < TG_DECISION_MAX_CONDITIONS)
		copy(d->conditions[d->nconditions++], sizeof(d->conditions[0]), c);
}

static int classify_lines(tg_decision *d, facts *f, const tg_decide_ctx *ctx, const tg_order *o, tg_err *err)
{
	size_t i;
	int rc;
	for (i = 0; i < o->nlines; i++) {
		const tg_order_line *l = &o->lines[i];
		const tg_item *item = l->has_spec ? &l->spec : tg_catalog_find(ctx->catalog, l->item);
		tg_decision_line *dl = &d->lines[i];
		if (item == NULL) {
			char path[64];
			snprintf(path, sizeof(path), "lines[%zu].item", i);
			return tg__fail_field(err, TG_EINVALID, path,
					      "%s: unknown item '%.64s' (see tollgate classify --all)", path, l->item);
		}
		if ((rc = tg_classify(&dl->cls, item, ctx->catalog, ctx->gates, err)) < 0)
			return rc;
		copy(dl->item, sizeof(dl->item), l->item);
		dl->verdict = TG_VERDICT_ALLOW;
		f[i].c = &dl->cls;
		f[i].item = l->item;
		f[i].eccn_bit = tg__eccn_bit(dl->cls.eccn);
		f[i].ai_chip = dl->cls.datacenter || dl->cls.eccn != NULL;
		f[i].h200_class = dl->cls.datacenter && dl->cls.eccn != NULL && dl->cls.cbc_gate &&
				  strcmp(dl->cls.designer_hq, "CN") != 0 && strcmp(dl->cls.designer_hq, "HK") != 0 &&
				  strcmp(dl->cls.designer_hq, "MO") != 0;
	}
	return TG_OK;
}

/* Evaluate one jurisdiction over every line: line verdicts, reasons, conditions. */
static int eval_jurisdiction(tg_decision *d, const tg__jurisdiction *j, const facts *f, const tg_decide_ctx *ctx,
			     const tg_order *o, tg_err *err)
{
	tg_jurisdiction_verdict *jv = &d->jurisdictions[d->njurisdictions++];
	size_t i, k, idx[MAX_MATCH], n, matched_any = 0;
	int rc;
	copy(jv->name, sizeof(jv->name), j->name);
	jv->verdict = TG_VERDICT_ALLOW;
	for (i = 0; i < o->nlines; i++) {
		n = match_line(idx, ctx->policy, j->name, &f[i], o, d->as_of);
		matched_any += n;
		for (k = 0; k < n; k++) {
			const tg__rule *r = &ctx->policy->rules[idx[k]];
			if ((rc = note_rule(d, r, i, err)) < 0)
				return rc;
			if (r->verdict > d->lines[i].verdict)
				d->lines[i].verdict = r->verdict;
			if (r->verdict > jv->verdict)
				jv->verdict = r->verdict;
		}
	}
	if (matched_any == 0) {
		char date[11];
		tg_reason *r = add_reason(d, "no-rule-in-force", j->name, err);
		if (r == NULL)
			return TG_ELIMIT;
		tg_date_format(date, d->as_of);
		snprintf(r->message, sizeof(r->message), "no %s rule known to tollgate was in force on %s", j->name,
			 date);
		copy(r->citation, sizeof(r->citation), "tollgate policy data");
		copy(r->confidence, sizeof(r->confidence), "I");
		r->informational = 1;
	}
	return TG_OK;
}

static int line_base(tg_dec *base, const tg_order_line *l, size_t i, tg_err *err)
{
	char path[64];
	if (l->has_customs_value) {
		*base = l->customs_value;
		return TG_OK;
	}
	if (tg_dec_mul_int(base, l->unit_value, l->quantity) < 0) {
		snprintf(path, sizeof(path), "lines[%zu]", i);
		return tg__fail_field(err, TG_EINVALID, path, "%s: quantity x unit_value is too large", path);
	}
	return TG_OK;
}

/* Conditions and charges of the surviving rules, for lines that are not denied. */
static int add_terms(tg_decision *d, const facts *f, const tg_decide_ctx *ctx, const tg_order *o, tg_err *err)
{
	size_t i, k, jn, idx[MAX_MATCH], n;
	int rc;
	for (i = 0; i < o->nlines; i++) {
		if (d->lines[i].verdict == TG_VERDICT_DENY)
			continue;
		for (jn = 0; jn < d->njurisdictions; jn++) {
			n = match_line(idx, ctx->policy, d->jurisdictions[jn].name, &f[i], o, d->as_of);
			for (k = 0; k < n; k++) {
				const tg__rule *r = &ctx->policy->rules[idx[k]];
				size_t c;
				tg_charge *ch;
				for (c = 0; c < r->nconditions; c++)
					add_condition(d, r->conditions[c]);
				if (!r->has_charge)
					continue;
				if (d->ncharges == o->nlines * CHARGES_PER_LINE)
					return tg__fail(err, TG_ELIMIT, "lines[%zu]: too many charges", i);
				ch = &d->charges[d->ncharges++];
				copy(ch->kind, sizeof(ch->kind), r->charge_kind);
				copy(ch->rule, sizeof(ch->rule), r->id);
				memcpy(ch->currency, o->lines[i].currency, 4);
				ch->rate = r->charge_rate;
				ch->line = i;
				if ((rc = line_base(&ch->base, &o->lines[i], i, err)) < 0)
					return rc;
				if (tg_dec_mul(&ch->amount, ch->base, ch->rate) < 0)
					return tg__fail(err, TG_EINVALID, "lines[%zu]: charge overflows", i);
			}
		}
	}
	return TG_OK;
}

/* Lists whose block-level hits deny (issue 2: EL, MEU, SDN, DPL, DTC, ISN), with their citation. */
static const struct {
	const char *list;
	const char *citation;
} deny_lists[] = {
	{"EL", "15 CFR 744.11 and Supplement No. 4 to Part 744 (Entity List)"},
	{"MEU", "15 CFR 744.21 and Supplement No. 7 to Part 744 (Military End-User List)"},
	{"SDN", "31 CFR Chapter V (OFAC Specially Designated Nationals)"},
	{"DPL", "15 CFR 764.3 (Denied Persons List)"},
	{"DTC", "22 CFR 127.7 (ITAR debarred parties)"},
	{"ISN", "Nonproliferation sanctions, US Department of State (ISN)"},
};

static const char *deny_citation(const char *list)
{
	size_t i;
	for (i = 0; i < sizeof(deny_lists) / sizeof(deny_lists[0]); i++)
		if (strcmp(deny_lists[i].list, list) == 0)
			return deny_lists[i].citation;
	return NULL;
}

static int note_hit(tg_decision *d, const tg_order *o, size_t p, const tg_screen_hit *h, tg_err *err)
{
	const char *cite = deny_citation(h->list);
	tg_reason *r;
	size_t j;
	tg_verdict v = h->approved                          ? TG_VERDICT_ALLOW
		       : (cite && h->level == TG_HIT_BLOCK) ? TG_VERDICT_DENY
							    : TG_VERDICT_REVIEW;
	char rule[64];
	if (d->nhits < TG_DECISION_MAX_HITS) {
		d->hits[d->nhits].party = p;
		d->hits[d->nhits++].hit = *h;
	}
	copy(rule, sizeof(rule),
	     h->approved            ? "screen-approved-customer"
	     : v == TG_VERDICT_DENY ? "screen-restricted-party"
				    : "screen-possible-match");
	if ((r = add_reason(d, rule, "US-EAR", err)) == NULL)
		return TG_ELIMIT;
	r->verdict = v;
	r->informational = h->approved;
	copy(r->confidence, sizeof(r->confidence), "P");
	copy(r->citation, sizeof(r->citation),
	     cite          ? cite
	     : h->approved ? "approved-customer list"
			   : "Consolidated Screening List");
	snprintf(r->message, sizeof(r->message), "%.24s '%.100s' %s %.15s entry %.63s '%.100s' (score %.2f)",
		 tg_role_name(o->parties[p].role), o->parties[p].name,
		 h->approved ? "is on the approved-customer list as" : "matches", h->list, h->entity_id,
		 h->matched_name, h->score);
	for (j = 0; j < d->njurisdictions; j++) /* screening results count under US-EAR */
		if (strcmp(d->jurisdictions[j].name, "US-EAR") == 0 && v > d->jurisdictions[j].verdict)
			d->jurisdictions[j].verdict = v;
	return TG_OK;
}

static int screen_parties(tg_decision *d, const tg_decide_ctx *ctx, const tg_order *o, tg_err *err)
{
	tg_screen_hit hits[4];
	size_t p, n, k;
	int rc;
	if (ctx->screener == NULL)
		return TG_OK;
	for (p = 0; p < o->nparties; p++) {
		const char *name = o->parties[p].name, *cc = o->parties[p].country;
		if (ctx->memo == NULL || !tg__pcache_get(ctx->memo, name, cc, hits, 4, &n)) {
			if ((rc = tg_screen_name(hits, 4, &n, ctx->screener, name, cc, err)) < 0)
				return rc;
			if (ctx->memo)
				tg__pcache_put(ctx->memo, name, cc, hits, n);
		}
		for (k = 0; k < n; k++)
			if ((rc = note_hit(d, o, p, &hits[k], err)) < 0)
				return rc;
	}
	return TG_OK;
}

/* n rounded up to the strictest alignment, so the parts of one block stay aligned. */
static size_t round_up(size_t n)
{
	size_t a = _Alignof(max_align_t);
	return (n + a - 1) / a * a;
}

int tg_decide(tg_decision *d, const tg_decide_ctx *ctx, const tg_order *o, tg_date as_of, tg_err *err)
{
	facts *f = NULL;
	unsigned char *block;
	size_t j, i, lsz, csz;
	int rc;

	d->lines = NULL;
	d->charges = NULL;
	d->nlines = d->nreasons = d->nconditions = d->ncharges = d->nhits = d->njurisdictions = 0;
	d->as_of = as_of;
	d->verdict = TG_VERDICT_ALLOW;
	d->license_id[0] = d->license_holder[0] = '\0'; /* set later by licence matching, if any */
	d->license_valid_to = 0;
	d->nlicense_conditions = 0;
	copy(d->order_id, sizeof(d->order_id), o->id);
	memcpy(d->order_hash, o->content_hash, sizeof(d->order_hash));
	/* Lines, charges and the per-line facts in one allocation (freed through d->lines). */
	lsz = round_up(o->nlines * sizeof(tg_decision_line));
	csz = round_up(o->nlines * CHARGES_PER_LINE * sizeof(tg_charge));
	if ((block = tg__calloc(1, lsz + csz + o->nlines * sizeof(facts))) == NULL) {
		rc = tg__oom(err);
		goto done;
	}
	d->lines = (tg_decision_line *)(void *)block;
	d->charges = (tg_charge *)(void *)(block + lsz);
	f = (facts *)(void *)(block + lsz + csz);
	d->nlines = o->nlines;
	if ((rc = classify_lines(d, f, ctx, o, err)) < 0)
		goto done;
	/* Jurisdictions in policy-file order (10-us-ear.json first). */
	for (j = 0; j < ctx->policy->njuris; j++) {
		const tg__jurisdiction *jd = &ctx->policy->juris[j];
		if (!tg__cpred_ok(&jd->applies, o->destination) || d->njurisdictions == 8)
			continue;
		if ((rc = eval_jurisdiction(d, jd, f, ctx, o, err)) < 0)
			goto done;
	}
	if (d->njurisdictions == 0) {
		rc = tg__fail(err, TG_EINTERNAL, "the policy defines no jurisdiction for this destination");
		goto done;
	}
	if ((rc = screen_parties(d, ctx, o, err)) < 0 || (rc = add_terms(d, f, ctx, o, err)) < 0)
		goto done;
	for (i = 0; i < d->njurisdictions; i++)
		if (d->jurisdictions[i].verdict > d->verdict)
			d->verdict = d->jurisdictions[i].verdict;
done:
	return rc;
}

void tg_decision_dispose(tg_decision *d)
{
	tg__free(d->lines); /* the charges live in the same block */
	d->lines = NULL;
	d->charges = NULL;
	d->nlines = d->ncharges = 0;
}
