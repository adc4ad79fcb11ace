/* SPDX-License-Identifier: Apache-2.0 */
/* Policy loader: reads country groups and jurisdiction rule files, validates them strictly and
 * compiles predicates to bitsets so evaluation is allocation-free (see decide.c). */
#include "policy.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "alloc.h"
#include "buf.h"
#include "json.h"
#include "map.h"
#include "sha256.h"

#define MAX_GROUPS 32

typedef struct groups {
	char name[MAX_GROUPS][16];
	tg__cset set[MAX_GROUPS];
	size_t n;
} groups;

typedef struct loader {
	tg_policy *p;
	groups g;
	const char *file;
	char prefix[64];
	char **pending_overrides; /* per rule: json_dumps-free copy of ids, resolved at the end */
} loader;

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

static int fail_at(loader *l, tg_err *err, const char *key, const char *what)
{
	char path[64];
	tg__json_path(path, l->prefix, key);
	return tg__fail_field(err, TG_EINVALID, path, "%s: %s: %s", l->file, path, what);
}

/* A list of country codes and group names into a set. */
static int parse_cset(loader *l, tg__cset *out, const json_t *arr, const char *key, tg_err *err)
{
	size_t i, k;
	json_t *v;
	memset(out, 0, sizeof(*out));
	if (!json_is_array(arr))
		return fail_at(l, err, key, "expected an array of country codes or group names");
	json_array_foreach(arr, i, v) {
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

static int parse_cpred(loader *l, tg__cpred *p, const json_t *when, const char *key, const char *key_not,
		       tg_err *err)
{
	json_t *a = json_object_get(when, key), *b = json_object_get(when, key_not);
	int rc;
	memset(p, 0, sizeof(*p));
	if (a && (rc = parse_cset(l, &p->in, a, key, err)) < 0)
		return rc;
	if (b && (rc = parse_cset(l, &p->not_in, b, key_not, err)) < 0)
		return rc;
	p->in_present = a != NULL;
	p->not_present = b != NULL;
	return TG_OK;
}

/* Names from a fixed vocabulary into a bitmask. */
static int parse_mask(loader *l, unsigned *out, const json_t *when, const char *key, const char *(*name)(int),
		      int n, tg_err *err)
{
	json_t *arr = json_object_get(when, key), *v;
	size_t i;
	*out = 0;
	if (arr == NULL)
		return TG_OK;
	if (!json_is_array(arr))
		return fail_at(l, err, key, "expected an array");
	json_array_foreach(arr, i, v) {
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

static const char *role_n(int i) { return tg_role_name((tg_role)i); }
static const char *sector_n(int i) { return tg_sector_name((tg_sector)i); }
static const char *use_n(int i) { return tg_end_use_name((tg_end_use)i); }

static int parse_strings(loader *l, char ***out, size_t *n, const json_t *arr, const char *key, tg_err *err)
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
	json_array_foreach(arr, i, v) {
		if (!json_is_string(v))
			return fail_at(l, err, key, "expected an array of strings");
		if (((*out)[i] = tg__strdup(json_string_value(v))) == NULL)
			return tg__oom(err);
		(*n)++;
	}
	return TG_OK;
}

static int get_tristate(loader *l, int *out, const json_t *when, const char *key, tg_err *err)
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

static int parse_party_pred(loader *l, tg__party_pred *pp, const json_t *party, tg_err *err)
{
	static const char *const keys[] = {"role", "sector", "state_funded", "country", "country_not", "hq",
					   "hq_not", NULL};
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
	    (rc = parse_cpred(l, &pp->country, party, "country", "country_not", err)) < 0 ||
	    (rc = parse_cpred(l, &pp->hq, party, "hq", "hq_not", err)) < 0)
		return rc;
	memcpy(l->prefix, saved, sizeof(saved));
	return TG_OK;
}

static int parse_eccn(loader *l, tg__rule *r, const json_t *when, tg_err *err)
{
	json_t *arr = json_object_get(when, "eccn"), *v;
	size_t i;
	r->eccn_mask = 0;
	if (arr == NULL)
		return TG_OK;
	if (!json_is_array(arr))
		return fail_at(l, err, "eccn", "expected an array of ECCNs or null");
	json_array_foreach(arr, i, v) {
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

static int parse_when(loader *l, tg__rule *r, const json_t *when, tg_err *err)
{
	static const char *const keys[] = {"eccn",        "item",        "item_not",     "datacenter", "cbc_gate",
					   "h200_class",  "ai_chip",     "tariff_band_232", "designer_hq",
					   "designer_hq_not", "destination", "destination_not", "ship_from",
					   "ship_from_not", "end_use",   "end_use_not",  "party",      NULL};
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
	    (rc = parse_strings(l, &r->items_not, &r->nitems_not, json_object_get(when, "item_not"), "item_not",
				err)) < 0 ||
	    (rc = get_tristate(l, &r->datacenter, when, "datacenter", err)) < 0 ||
	    (rc = get_tristate(l, &r->cbc_gate, when, "cbc_gate", err)) < 0 ||
	    (rc = get_tristate(l, &r->h200_class, when, "h200_class", err)) < 0 ||
	    (rc = get_tristate(l, &r->ai_chip, when, "ai_chip", err)) < 0 ||
	    (rc = get_tristate(l, &r->tariff_band, when, "tariff_band_232", err)) < 0 ||
	    (rc = parse_cpred(l, &r->designer, when, "designer_hq", "designer_hq_not", err)) < 0 ||
	    (rc = parse_cpred(l, &r->destination, when, "destination", "destination_not", err)) < 0 ||
	    (rc = parse_cpred(l, &r->ship_from, when, "ship_from", "ship_from_not", err)) < 0 ||
	    (rc = parse_mask(l, &r->end_use, when, "end_use", use_n, TG_USE_COUNT, err)) < 0 ||
	    (rc = parse_mask(l, &r->end_use_not, when, "end_use_not", use_n, TG_USE_COUNT, err)) < 0 ||
	    (rc = parse_party_pred(l, &r->party, json_object_get(when, "party"), err)) < 0)
		return rc;
	memcpy(l->prefix, saved, sizeof(saved));
	return TG_OK;
}

static int dup_field(char **out, const json_t *o, loader *l, const char *key, int required, tg_err *err)
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

static int parse_then(loader *l, tg__rule *r, const json_t *then, tg_err *err)
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
	    (rc = parse_strings(l, &r->conditions, &r->nconditions, json_object_get(then, "conditions"),
				"conditions", err)) < 0)
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

static int parse_rule(loader *l, tg__rule *r, const json_t *o, size_t idx, tg_err *err)
{
	static const char *const keys[] = {"id",   "effective_from", "effective_to", "citation", "confidence",
					   "when", "then",           "overrides",    "fallback", "notes",      NULL};
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

/* Load a policy file with jansson (whose allocations go through tg__malloc); label names it in errors. */
static int load_json_file(json_t **out, const char *path, const char *label, tg_err *err)
{
	json_error_t je;
	size_t failed = tg__alloc_failures();
	tg__json_init();
	if ((*out = json_load_file(path, JSON_REJECT_DUPLICATES, &je)) != NULL)
		return TG_OK;
	if (tg__alloc_failures() != failed) /* jansson may report it as a syntax error */
		return tg__oom(err);
	return tg__fail(err, TG_EINVALID, "%s: line %d, column %d: %s", label, je.line, je.column, je.text);
}

static int load_groups(loader *l, const char *path, tg_err *err)
{
	json_t *root, *groups_o, *v;
	const char *name;
	int rc = TG_OK;

	l->file = "country-groups.json";
	if ((rc = load_json_file(&root, path, path, err)) < 0)
		return rc;
	groups_o = json_object_get(root, "groups");
	if (!json_is_object(groups_o)) {
		rc = tg__fail(err, TG_EINVALID, "%s: groups: expected an object", path);
		goto done;
	}
	l->prefix[0] = '\0';
	json_object_foreach(groups_o, name, v) {
		json_t *countries = json_is_object(v) ? json_object_get(v, "countries") : v;
		if (l->g.n == MAX_GROUPS || strlen(name) >= sizeof(l->g.name[0])) {
			rc = tg__fail(err, TG_ELIMIT, "%s: too many groups or name too long: %s", path, name);
			goto done;
		}
		snprintf(l->prefix, sizeof(l->prefix), "groups.%s", name);
		if ((rc = parse_cset(l, &l->g.set[l->g.n], countries, "countries", err)) < 0)
			goto done;
		snprintf(l->g.name[l->g.n], sizeof(l->g.name[0]), "%s", name);
		l->g.n++;
	}
done:
	json_decref(root);
	return rc;
}

/* Make sure a failure message names the policy file it came from. */
static int name_file(tg_err *err, int rc, const char *fname)
{
	char msg[sizeof(err->msg)];
	size_t n;
	if (err == NULL || rc >= 0 || strstr(err->msg, fname) == err->msg)
		return rc;
	n = (size_t)snprintf(msg, sizeof(msg), "%.60s: ", fname);
	memcpy(msg + n, err->msg, sizeof(msg) - n - 1);
	msg[sizeof(msg) - 1] = '\0';
	memcpy(err->msg, msg, sizeof(msg));
	return rc;
}

static int load_jurisdiction(loader *l, const char *path, const char *fname, tg_err *err)
{
	static const char *const keys[] = {"jurisdiction", "applies_when", "citation", "notes", "version", "rules",
					   NULL};
	json_t *root, *rules, *aw, *v;
	tg_policy *p = l->p;
	tg__jurisdiction *j;
	const char *name = NULL;
	size_t i, n;
	tg__rule *grown;
	int rc;

	l->file = fname;
	l->prefix[0] = '\0';
	if ((rc = load_json_file(&root, path, fname, err)) < 0)
		return rc;
	if ((rc = tg__json_only_keys(root, "", keys, err)) < 0 ||
	    (rc = tg__json_get_str(&name, root, "", "jurisdiction", 1, err)) < 0)
		goto done;
	if (p->njuris == sizeof(p->juris) / sizeof(p->juris[0])) {
		rc = tg__fail(err, TG_ELIMIT, "%s: too many jurisdictions", fname);
		goto done;
	}
	j = &p->juris[p->njuris];
	memset(j, 0, sizeof(*j));
	if ((j->name = tg__strdup(name)) == NULL) {
		rc = tg__oom(err);
		goto done;
	}
	p->njuris++;
	if ((aw = json_object_get(root, "applies_when")) != NULL &&
	    (rc = parse_cpred(l, &j->applies, aw, "destination", "destination_not", err)) < 0)
		goto done;
	rules = json_object_get(root, "rules");
	if (!json_is_array(rules)) {
		rc = tg__fail_field(err, TG_EINVALID, "rules", "%s: rules: expected an array", fname);
		goto done;
	}
	n = json_array_size(rules);
	if ((grown = tg__realloc(p->rules, (p->nrules + n) * sizeof(tg__rule))) == NULL) {
		rc = tg__oom(err);
		goto done;
	}
	p->rules = grown;
	json_array_foreach(rules, i, v) {
		tg__rule *r = &p->rules[p->nrules];
		memset(r, 0, sizeof(*r));
		p->nrules++;
		if ((r->jurisdiction = tg__strdup(name)) == NULL || (r->file = tg__strdup(fname)) == NULL) {
			rc = tg__oom(err);
			goto done;
		}
		if ((rc = parse_rule(l, r, v, i, err)) < 0)
			goto done;
	}
done:
	json_decref(root);
	return rc;
}

static int resolve_overrides(tg_policy *p, tg_err *err)
{
	size_t i, k, m;
	for (i = 0; i < p->nrules; i++) {
		tg__rule *r = &p->rules[i];
		for (k = 0; k < i; k++)
			if (strcmp(p->rules[k].id, r->id) == 0)
				return tg__fail(err, TG_EINVALID, "%s: rule id '%s' is defined twice", r->file, r->id);
		if (r->noverrides == 0)
			continue;
		if ((r->overrides = tg__calloc(r->noverrides, sizeof(size_t))) == NULL)
			return tg__oom(err);
		for (k = 0; k < r->noverrides; k++) {
			for (m = 0; m < p->nrules && strcmp(p->rules[m].id, r->override_ids[k]) != 0; m++)
				;
			if (m == p->nrules)
				return tg__fail(err, TG_EINVALID, "%s: rule '%s' overrides unknown rule '%s'", r->file,
						r->id, r->override_ids[k]);
			r->overrides[k] = m;
		}
	}
	return TG_OK;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The jurisdiction files of dir, sorted (so rule order is stable): every *.json except the groups
 * and gates files. */
static int list_files(char ***out, size_t *n, const char *dir, tg_err *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t cap = 0;
	*n = 0;
	if (d == NULL)
		return tg__fail(err, TG_EIO, "cannot open policy directory %s", dir);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		if (len < 6 || strcmp(e->d_name + len - 5, ".json") != 0 || strcmp(e->d_name, "gates.json") == 0 ||
		    strcmp(e->d_name, "country-groups.json") == 0)
			continue;
		if (*n == cap) {
			char **g = tg__realloc(names, (cap = cap ? cap * 2 : 8) * sizeof(char *));
			if (g == NULL)
				goto oom;
			names = g;
		}
		if ((names[*n] = tg__strdup(e->d_name)) == NULL)
			goto oom;
		(*n)++;
	}
	closedir(d);
	if (*n)
		qsort(names, *n, sizeof(char *), name_cmp);
	*out = names;
	return TG_OK;
oom:
	closedir(d);
	while (*n)
		tg__free(names[--*n]);
	tg__free(names);
	return tg__oom(err);
}

/* Append a file's name, a NUL, its length and its bytes to the hash input. */
static int hash_file(tg_buf *b, const char *name, const char *path, tg_err *err)
{
	FILE *f = fopen(path, "rb");
	char chunk[8192];
	size_t n;
	int rc = tg__buf_put(b, name, strlen(name) + 1);
	if (f == NULL)
		return tg__fail(err, TG_EIO, "cannot read %s", path);
	while (rc == TG_OK && (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		rc = tg__buf_put(b, chunk, n);
	fclose(f);
	return rc < 0 ? tg__fail(err, rc, "cannot hash %s", path) : TG_OK;
}

const char *tg_policy_hash(const tg_policy *p)
{
	return p->hash;
}

int tg_policy_load(tg_policy **out, const char *dir, tg_err *err)
{
	loader l;
	char **files = NULL, path[1024];
	size_t nfiles = 0, i;
	tg_buf hb = TG_BUF_INIT;
	int rc;

	*out = NULL;
	memset(&l, 0, sizeof(l));
	if ((l.p = tg__calloc(1, sizeof(tg_policy))) == NULL)
		return tg__oom(err);
	snprintf(path, sizeof(path), "%s/country-groups.json", dir);
	if ((rc = name_file(err, load_groups(&l, path, err), "country-groups.json")) < 0 ||
	    (rc = hash_file(&hb, "country-groups.json", path, err)) < 0 ||
	    (rc = list_files(&files, &nfiles, dir, err)) < 0)
		goto done;
	for (i = 0; i < nfiles; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		if ((rc = name_file(err, load_jurisdiction(&l, path, files[i], err), files[i])) < 0 ||
		    (rc = hash_file(&hb, files[i], path, err)) < 0)
			goto done;
	}
	if (tg__sha256_hex(l.p->hash, hb.ptr, hb.size) < 0) {
		rc = tg__fail(err, TG_EINTERNAL, "policy: SHA-256 failed");
		goto done;
	}
	if ((rc = resolve_overrides(l.p, err)) < 0)
		goto done;
	*out = l.p;
	l.p = NULL;
done:
	for (i = 0; i < nfiles; i++)
		tg__free(files[i]);
	tg__free(files);
	tg_buf_dispose(&hb);
	tg_policy_free(l.p);
	return rc;
}

static void free_strings(char **s, size_t n)
{
	size_t i;
	if (s == NULL)
		return;
	for (i = 0; i < n; i++)
		tg__free(s[i]);
	tg__free(s);
}

void tg_policy_free(tg_policy *p)
{
	size_t i;
	if (p == NULL)
		return;
	for (i = 0; i < p->nrules; i++) {
		tg__rule *r = &p->rules[i];
		tg__free(r->id);
		tg__free(r->jurisdiction);
		tg__free(r->citation);
		tg__free(r->confidence);
		tg__free(r->message);
		tg__free(r->review);
		tg__free(r->file);
		tg__free(r->charge_kind);
		free_strings(r->conditions, r->nconditions);
		free_strings(r->items, r->nitems);
		free_strings(r->items_not, r->nitems_not);
		free_strings(r->override_ids, r->noverrides);
		tg__free(r->overrides);
	}
	for (i = 0; i < p->njuris; i++)
		tg__free(p->juris[i].name);
	tg__free(p->rules);
	tg__free(p);
}

size_t tg_policy_rule_count(const tg_policy *p)
{
	return p->nrules;
}

void tg_policy_rule_info(tg_rule_info *out, const tg_policy *p, size_t i)
{
	const tg__rule *r = &p->rules[i];
	out->id = r->id;
	out->jurisdiction = r->jurisdiction;
	out->citation = r->citation;
	out->confidence = r->confidence;
	out->message = r->message;
	out->review = r->review;
	out->file = r->file;
	out->effective_from = r->from;
	out->effective_to = r->to;
	out->verdict = r->verdict;
	out->fallback = r->fallback;
}

int tg_policy_in_force(const tg_policy *p, size_t i, tg_date as_of)
{
	const tg__rule *r = &p->rules[i];
	return as_of >= r->from && (r->to == TG_DATE_NONE || as_of <= r->to);
}

int tg_policy_list_json(tg_buf *out, const tg_policy *p, tg_date as_of)
{
	char d[11];
	size_t i, n = 0;
	int rc;
	tg_date_format(d, as_of);
	if ((rc = tg__buf_printf(out, "{\"as_of\":\"%s\",\"rules\":[", d)) < 0)
		return rc;
	for (i = 0; i < p->nrules; i++) {
		const tg__rule *r = &p->rules[i];
		char from[11], to[11];
		if (!tg_policy_in_force(p, i, as_of))
			continue;
		tg_date_format(from, r->from);
		tg_date_format(to, r->to == TG_DATE_NONE ? 0 : r->to);
		if ((rc = tg__buf_puts(out, n++ ? ",{\"id\":" : "{\"id\":")) < 0 ||
		    (rc = tg__buf_put_json_str(out, r->id)) < 0 ||
		    (rc = tg__buf_printf(out, ",\"jurisdiction\":")) < 0 ||
		    (rc = tg__buf_put_json_str(out, r->jurisdiction)) < 0 ||
		    (rc = tg__buf_printf(out, ",\"effective_from\":\"%s\",\"effective_to\":%s%s%s,\"verdict\":\"%s\"",
					 from, r->to == TG_DATE_NONE ? "" : "\"", r->to == TG_DATE_NONE ? "null" : to,
					 r->to == TG_DATE_NONE ? "" : "\"", tg_verdict_name(r->verdict))) < 0 ||
		    (rc = tg__buf_puts(out, ",\"review\":")) < 0 ||
		    (rc = r->review ? tg__buf_put_json_str(out, r->review) : tg__buf_puts(out, "null")) < 0 ||
		    (rc = tg__buf_puts(out, ",\"citation\":")) < 0 || (rc = tg__buf_put_json_str(out, r->citation)) < 0 ||
		    (rc = tg__buf_puts(out, ",\"confidence\":")) < 0 ||
		    (rc = tg__buf_put_json_str(out, r->confidence)) < 0 ||
		    (rc = tg__buf_puts(out, ",\"message\":")) < 0 || (rc = tg__buf_put_json_str(out, r->message)) < 0 ||
		    (rc = tg__buf_printf(out, ",\"fallback\":%s}", r->fallback ? "true" : "false")) < 0)
			return rc;
	}
	return tg__buf_puts(out, "]}");
}
