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
#include "policy_int.h"
#include "sha256.h"

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

static int load_groups(tg__policy_loader *l, const char *path, tg_err *err)
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
	json_object_foreach (groups_o, name, v) {
		json_t *countries = json_is_object(v) ? json_object_get(v, "countries") : v;
		if (l->g.n == TG__POLICY_MAX_GROUPS || strlen(name) >= sizeof(l->g.name[0])) {
			rc = tg__fail(err, TG_ELIMIT, "%s: too many groups or name too long: %s", path, name);
			goto done;
		}
		snprintf(l->prefix, sizeof(l->prefix), "groups.%s", name);
		if ((rc = tg__policy_parse_cset(l, &l->g.set[l->g.n], countries, "countries", err)) < 0)
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

static int load_jurisdiction(tg__policy_loader *l, const char *path, const char *fname, tg_err *err)
{
	static const char *const keys[] = {"jurisdiction", "applies_when", "citation", "notes",
					   "version",      "rules",        NULL};
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
	    (rc = tg__policy_parse_cpred(l, &j->applies, aw, "destination", "destination_not", err)) < 0)
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
	json_array_foreach (rules, i, v) {
		tg__rule *r = &p->rules[p->nrules];
		memset(r, 0, sizeof(*r));
		p->nrules++;
		if ((r->jurisdiction = tg__strdup(name)) == NULL || (r->file = tg__strdup(fname)) == NULL) {
			rc = tg__oom(err);
			goto done;
		}
		if ((rc = tg__policy_parse_rule(l, r, v, i, err)) < 0)
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
	tg__policy_loader l;
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
		    (rc = tg__buf_puts(out, ",\"citation\":")) < 0 ||
		    (rc = tg__buf_put_json_str(out, r->citation)) < 0 ||
		    (rc = tg__buf_puts(out, ",\"confidence\":")) < 0 ||
		    (rc = tg__buf_put_json_str(out, r->confidence)) < 0 ||
		    (rc = tg__buf_puts(out, ",\"message\":")) < 0 || (rc = tg__buf_put_json_str(out, r->message)) < 0 ||
		    (rc = tg__buf_printf(out, ",\"fallback\":%s}", r->fallback ? "true" : "false")) < 0)
			return rc;
	}
	return tg__buf_puts(out, "]}");
}
