/* SPDX-License-Identifier: Apache-2.0 */
/* The rule compiler of the policy loader: a rule's when (country sets, vocabularies, ECCNs, party) and then
 * (verdict, charge, message, overrides) from JSON into the bitsets decide.c evaluates without allocating. */
#include "policy_int.h"

#include <stdio.h>
#include <string.h>
#include "alloc.h"
#include "json.h"

static const char *const verdict_names[] = {"allow", "license_required", "review", "deny"};
static const char *const eccn_names[] = {"none", "3A090.a", "3A090.b", "4A090.a", "4A090.b"};

const char *tg_verdict_name(tg_verdict v)
{
	return (unsigned)v <= TG_VERDICT_DENY ? verdict_names[v] : "?";
}

unsigned tg__eccn_bit(const char *eccn)
{
	unsigned i;
	if (eccn == NULL)
		return 1u;
	for (i = 1; i < 5; i++)
		if (strcmp(eccn, eccn_names[i]) == 0)
			return 1u << i;
	return 1u;
}

static int cc_index(const char cc[3])
{
	if (cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z')
		return -1;
	return (cc[0] - 'A') * 26 + (cc[1] - 'A');
}

int tg__cset_has(const tg__cset *s, const char cc[3])
{
	int i = cc_index(cc);
	return i >= 0 && (s->w[i / 64] >> (i % 64) & 1u);
}

static void cset_add(tg__cset *s, const char *cc)
{
	int i = cc_index(cc);
	if (i >= 0)
		s->w[i / 64] |= UINT64_C(1) << (i % 64);
}

int tg__cpred_ok(const tg__cpred *p, const char cc[3])
{
	if (p->in_present && !tg__cset_has(&p->in, cc))
		return 0;
	if (p->not_present && tg__cset_has(&p->not_in, cc))
		return 0;
	return 1;
}

static int fail_at(tg__policy_loader *l, tg_err *err, const char *key, const char *what)
{
	char path[64];
	tg__json_path(path, l->prefix, key);
	return tg__fail_field(err, TG_EINVALID, path, "%s: %s: %s", l->file, path, what);
}

/* A list of country codes and group names into a set. */
int tg__policy_parse_cset(tg__policy_loader *l, tg__cset *out, const json_t *arr, const char *key, tg_err *err)
{
	size_t i, k;
	json_t *v;
	memset(out, 0, sizeof(*out));
	if (!json_is_array(arr))
		return fail_at(l, err, key, "expected an array of country codes or group names");
	json_array_foreach (arr, i, v) {
		const char *s = json_string_value(v);
		if (s == NULL)
			return fail_at(l, err, key, "expected strings");
		for (k = 0; k < l->g.n; k++)
			if (strcmp(l->g.name[k], s) == 0)
				break;
		if (k < l->g.n) {
			for (size_t w = 0; w < 11; w++)
				out->w[w] |= l->g.set[k].w[w];
		} else if (tg__country_valid(s)) {
			cset_add(out, s);
		} else {
			char msg[96];
			snprintf(msg, sizeof(msg), "'%.32s' is neither a country code nor a country group", s);
			return fail_at(l, err, key, msg);
		}
	}
	return TG_OK;
}

int tg__policy_parse_cpred(tg__policy_loader *l, tg__cpred *p, const json_t *when, const char *key, const char *key_not,
			   tg_err *err)
{
	json_t *a = json_object_get(when, key), *b = json_object_get(when, key_not);
	int rc;
	memset(p, 0, sizeof(*p));
	if (a && (rc = tg__policy_parse_cset(l, &p->in, a, key, err)) < 0)
		return rc;
	if (b && (rc = tg__policy_parse_cset(l, &p->not_in, b, key_not, err)) < 0)
		return rc;
	p->in_present = a != NULL;
	p->not_present = b != NULL;
	return TG_OK;
}

/* Names from a fixed vocabulary into a bitmask. */
static int parse_mask(tg__policy_loader *l, unsigned *out, const json_t *when, const char *key,
		      const char *(*name)(int), int n, tg_err *err)
{
	json_t *arr = json_object_get(when, key), *v;
	size_t i;
	*out = 0;
	if (arr == NULL)
		return TG_OK;
	if (!json_is_array(arr))
		return fail_at(l, err, key, "expected an array");
	json_array_foreach (arr, i, v) {
		const char *s = json_string_value(v);
		int k;
		for (k = 0; s && k < n; k++)
			if (strcmp(name(k), s) == 0)
				break;
		if (s == NULL || k == n)
			return fail_at(l, err, key, "unknown value");
		*out |= 1u << k;
	}
	return TG_OK;
}

static const char *role_n(int i)
{
	return tg_role_name((tg_role)i);
}
static const char *sector_n(int i)
{
	return tg_sector_name((tg_sector)i);
}
static const char *use_n(int i)
{
	return tg_end_use_name((tg_end_use)i);
}

static int parse_strings(tg__policy_loader *l, char ***out, size_t *n, const json_t *arr, const char *key, tg_err *err)
{
	size_t i;
	json_t *v;
	*out = NULL;
	*n = 0;
	if (arr == NULL)
		return TG_OK;
	if (!json_is_array(arr))
		return fail_at(l, err, key, "expected an array of strings");
	if ((*out = tg__calloc(json_array_size(arr) + 1, sizeof(char *))) == NULL)
		return tg__oom(err);
	json_array_foreach (arr, i, v) {
		if (!json_is_string(v))
			return fail_at(l, err, key, "expected an array of strings");
		if (((*out)[i] = tg__strdup(json_string_value(v))) == NULL)
			return tg__oom(err);
		(*n)++;
	}
	return TG_OK;
}

static int get_tristate(tg__policy_loader *l, int *out, const json_t *when, const char *key, tg_err *err)
{
	json_t *v = json_object_get(when, key);
	*out = -1;
	if (v == NULL)
		return TG_OK;
	if (!json_is_boolean(v))
		return fail_at(l, err, key, "expected true or false");
	*out = json_is_true(v);
	return TG_OK;
}

static int parse_party_pred(tg__policy_loader *l, tg__party_pred *pp, const json_t *party, tg_err *err)
{
	static const char *const keys[] = {"role",        "sector", "state_funded", "country",
					   "country_not", "hq",     "hq_not",       NULL};
	char saved[64];
	int rc;
	memset(pp, 0, sizeof(*pp));
	pp->state_funded = -1;
	if (party == NULL)
		return TG_OK;
	if (!json_is_object(party))
		return fail_at(l, err, "party", "expected an object");
	memcpy(saved, l->prefix, sizeof(saved));
	tg__json_path(l->prefix, saved, "party");
	pp->present = 1;
	if ((rc = tg__json_only_keys(party, l->prefix, keys, err)) < 0 ||
	    (rc = parse_mask(l, &pp->roles, party, "role", role_n, TG_ROLE_COUNT, err)) < 0 ||
	    (rc = parse_mask(l, &pp->sectors, party, "sector", sector_n, TG_SECTOR_COUNT, err)) < 0 ||
	    (rc = get_tristate(l, &pp->state_funded, party, "state_funded", err)) < 0 ||
	    (rc = tg__policy_parse_cpred(l, &pp->country, party, "country", "country_not", err)) < 0 ||
	    (rc = tg__policy_parse_cpred(l, &pp->hq, party, "hq", "hq_not", err)) < 0)
		return rc;
	memcpy(l->prefix, saved, sizeof(saved));
	return TG_OK;
}

static int parse_eccn(tg__policy_loader *l, tg__rule *r, const json_t *when, tg_err *err)
{
	json_t *arr = json_object_get(when, "eccn"), *v;
	size_t i;
	r->eccn_mask = 0;
	if (arr == NULL)
		return TG_OK;
	if (!json_is_array(arr))
		return fail_at(l, err, "eccn", "expected an array of ECCNs or null");
	json_array_foreach (arr, i, v) {
		unsigned k;
		if (json_is_null(v)) {
			r->eccn_mask |= 1u;
			continue;
		}
		for (k = 1; k < 5 && json_is_string(v); k++)
			if (strcmp(eccn_names[k], json_string_value(v)) == 0)
				break;
		if (!json_is_string(v) || k == 5)
			return fail_at(l, err, "eccn", "expected 3A090.a, 3A090.b, 4A090.a, 4A090.b or null");
		r->eccn_mask |= 1u << k;
	}
	return TG_OK;
}

static int parse_when(tg__policy_loader *l, tg__rule *r, const json_t *when, tg_err *err)
{
	static const char *const keys[] = {"eccn",        "item",
					   "item_not",    "datacenter",
					   "cbc_gate",    "h200_class",
					   "ai_chip",     "tariff_band_232",
					   "designer_hq", "designer_hq_not",
					   "destination", "destination_not",
					   "ship_from",   "ship_from_not",
					   "end_use",     "end_use_not",
					   "party",       NULL};
	char saved[64];
	int rc;
	if (when == NULL) { /* no predicates: matches everything in force */
		r->datacenter = r->cbc_gate = r->h200_class = r->ai_chip = r->tariff_band = -1;
		r->party.state_funded = -1;
		return TG_OK;
	}
	memcpy(saved, l->prefix, sizeof(saved));
	tg__json_path(l->prefix, saved, "when");
	if (!json_is_object(when))
		return fail_at(l, err, "", "expected an object");
	if ((rc = tg__json_only_keys(when, l->prefix, keys, err)) < 0 || (rc = parse_eccn(l, r, when, err)) < 0 ||
	    (rc = parse_strings(l, &r->items, &r->nitems, json_object_get(when, "item"), "item", err)) < 0 ||
	    (rc = parse_strings(l, &r->items_not, &r->nitems_not, json_object_get(when, "item_not"), "item_not", err)) <
		    0 ||
	    (rc = get_tristate(l, &r->datacenter, when, "datacenter", err)) < 0 ||
	    (rc = get_tristate(l, &r->cbc_gate, when, "cbc_gate", err)) < 0 ||
	    (rc = get_tristate(l, &r->h200_class, when, "h200_class", err)) < 0 ||
	    (rc = get_tristate(l, &r->ai_chip, when, "ai_chip", err)) < 0 ||
	    (rc = get_tristate(l, &r->tariff_band, when, "tariff_band_232", err)) < 0 ||
	    (rc = tg__policy_parse_cpred(l, &r->designer, when, "designer_hq", "designer_hq_not", err)) < 0 ||
	    (rc = tg__policy_parse_cpred(l, &r->destination, when, "destination", "destination_not", err)) < 0 ||
	    (rc = tg__policy_parse_cpred(l, &r->ship_from, when, "ship_from", "ship_from_not", err)) < 0 ||
	    (rc = parse_mask(l, &r->end_use, when, "end_use", use_n, TG_USE_COUNT, err)) < 0 ||
	    (rc = parse_mask(l, &r->end_use_not, when, "end_use_not", use_n, TG_USE_COUNT, err)) < 0 ||
	    (rc = parse_party_pred(l, &r->party, json_object_get(when, "party"), err)) < 0)
		return rc;
	memcpy(l->prefix, saved, sizeof(saved));
	return TG_OK;
}

static int dup_field(char **out, const json_t *o, tg__policy_loader *l, const char *key, int required, tg_err *err)
{
	const char *s = NULL;
	int rc = tg__json_get_str(&s, o, l->prefix, key, required, err);
	if (rc < 0)
		return rc;
	*out = NULL;
	if (s && (*out = tg__strdup(s)) == NULL)
		return tg__oom(err);
	return TG_OK;
}

static int parse_then(tg__policy_loader *l, tg__rule *r, const json_t *then, tg_err *err)
{
	static const char *const keys[] = {"verdict", "review", "message", "conditions", "charge", NULL};
	static const char *const reviews[] = {"presumption_of_denial", "case_by_case", "approval"};
	const char *v = NULL;
	json_t *charge;
	char saved[64];
	int rc, k;
	memcpy(saved, l->prefix, sizeof(saved));
	tg__json_path(l->prefix, saved, "then");
	if (!json_is_object(then))
		return fail_at(l, err, "", "required object is missing");
	if ((rc = tg__json_only_keys(then, l->prefix, keys, err)) < 0 ||
	    (rc = dup_field(&r->message, then, l, "message", 1, err)) < 0 ||
	    (rc = dup_field(&r->review, then, l, "review", 0, err)) < 0 ||
	    (rc = tg__json_get_str(&v, then, l->prefix, "verdict", r->review == NULL, err)) < 0 ||
	    (rc = parse_strings(l, &r->conditions, &r->nconditions, json_object_get(then, "conditions"), "conditions",
				err)) < 0)
		return rc;
	if (r->review) {
		for (k = 0; k < 3 && strcmp(reviews[k], r->review) != 0; k++)
			;
		if (k == 3)
			return fail_at(l, err, "review", "expected presumption_of_denial, case_by_case or approval");
		r->verdict = k == 0 ? TG_VERDICT_DENY : TG_VERDICT_LICENSE_REQUIRED;
	}
	if (v) {
		for (k = 0; k < 4 && strcmp(verdict_names[k], v) != 0; k++)
			;
		if (k == 4)
			return fail_at(l, err, "verdict", "expected allow, license_required, review or deny");
		r->verdict = (tg_verdict)k;
	}
	if ((charge = json_object_get(then, "charge")) != NULL) {
		static const char *const ckeys[] = {"kind", "rate", NULL};
		char cp[64];
		tg__json_path(cp, l->prefix, "charge");
		if (!json_is_object(charge))
			return fail_at(l, err, "charge", "expected an object");
		if ((rc = tg__json_only_keys(charge, cp, ckeys, err)) < 0 ||
		    (rc = tg__json_get_dec(&r->charge_rate, charge, cp, "rate", 1, err)) < 0)
			return rc;
		{
			char keep[64];
			memcpy(keep, l->prefix, 64);
			memcpy(l->prefix, cp, 64);
			rc = dup_field(&r->charge_kind, charge, l, "kind", 1, err);
			memcpy(l->prefix, keep, 64);
			if (rc < 0)
				return rc;
		}
		if (r->charge_rate.micros < 0 || r->charge_rate.micros > TG_DEC_SCALE)
			return fail_at(l, err, "charge.rate", "expected a rate from 0 to 1");
		r->has_charge = 1;
	}
	memcpy(l->prefix, saved, sizeof(saved));
	return TG_OK;
}

int tg__policy_parse_rule(tg__policy_loader *l, tg__rule *r, const json_t *o, size_t idx, tg_err *err)
{
	static const char *const keys[] = {"id",   "effective_from", "effective_to", "citation", "confidence", "when",
					   "then", "overrides",      "fallback",     "notes",    NULL};
	char **ov = NULL;
	size_t nov = 0;
	int rc, fb = 0;

	snprintf(l->prefix, sizeof(l->prefix), "rules[%zu]", idx);
	r->to = TG_DATE_NONE;
	if (!json_is_object(o))
		return fail_at(l, err, "", "expected an object");
	if ((rc = tg__json_only_keys(o, l->prefix, keys, err)) < 0 ||
	    (rc = dup_field(&r->id, o, l, "id", 1, err)) < 0 ||
	    (rc = tg__json_get_date(&r->from, o, l->prefix, "effective_from", 1, err)) < 0 ||
	    (rc = tg__json_get_date(&r->to, o, l->prefix, "effective_to", 0, err)) < 0 ||
	    (rc = dup_field(&r->citation, o, l, "citation", 1, err)) < 0 ||
	    (rc = dup_field(&r->confidence, o, l, "confidence", 1, err)) < 0 ||
	    (rc = tg__json_get_bool(&fb, o, l->prefix, "fallback", 0, err)) < 0 ||
	    (rc = parse_when(l, r, json_object_get(o, "when"), err)) < 0 ||
	    (rc = parse_then(l, r, json_object_get(o, "then"), err)) < 0 ||
	    (rc = parse_strings(l, &ov, &nov, json_object_get(o, "overrides"), "overrides", err)) < 0)
		goto done;
	r->fallback = fb;
	if (r->to != TG_DATE_NONE && r->to < r->from) {
		rc = fail_at(l, err, "effective_to", "ends before effective_from");
		goto done;
	}
	/* Overrides are resolved once every file is loaded: keep the ids for now. */
	r->override_ids = ov;
	r->noverrides = nov;
	ov = NULL;
done:
	if (ov) {
		for (size_t i = 0; i < nov; i++)
			tg__free(ov[i]);
		tg__free(ov);
	}
	return rc;
}
