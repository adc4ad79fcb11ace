/* SPDX-License-Identifier: Apache-2.0 */
/* Parser of the trade.gov Consolidated Screening List JSON ({"results": [...]}, the API's and the
 * download's shape): id (or _id), source, type, programs[], name, alt_names[], addresses[] of
 * {address, city, state, postal_code, country}, federal_register_notice, start_date, citizenships[],
 * nationalities[]. Per-entry problems name the entry's index. */
#include "lists.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "buf.h"
#include "json.h"

typedef struct cj {
	tg_buf names, addrs, ctry, progs, one;
	char type[16], code[16];
} cj;

/* Addresses as one line each ("address, city, state, postal_code, country") and their countries. */
static int add_addresses(cj *x, const json_t *v)
{
	static const char *const parts[] = {"address", "city", "state", "postal_code", "country"};
	size_t i, j;
	int rc;
	for (i = 0; json_is_array(v) && i < json_array_size(v); i++) {
		const json_t *a = json_array_get(v, i);
		const char *cc = tg__lists_jstr(a, "country");
		if (!json_is_object(a))
			continue;
		tg__buf_clear(&x->one);
		for (j = 0; j < 5; j++)
			if (*tg__lists_jstr(a, parts[j]) && ((x->one.size && tg__buf_puts(&x->one, ", ") < 0) ||
							     tg__buf_puts(&x->one, tg__lists_jstr(a, parts[j])) < 0))
				return TG_ENOMEM;
		if (x->one.size && (rc = tg__lists_add_value(&x->addrs, x->one.ptr, x->one.size)) < 0)
			return rc;
		if (strlen(cc) == 2 && isupper((unsigned char)cc[0]) && isupper((unsigned char)cc[1]) &&
		    (rc = tg__lists_add_value(&x->ctry, cc, 2)) < 0)
			return rc;
	}
	return TG_OK;
}

static int build(cj *x, const json_t *o, tg__list_entry *e)
{
	const char *name = tg__lists_jstr(o, "name"), *aff = strstr(name, "Affiliated Entity:");
	const char *t = tg__lists_jstr(o, "type");
	size_t i;
	int rc;

	tg__buf_clear(&x->names), tg__buf_clear(&x->addrs), tg__buf_clear(&x->ctry), tg__buf_clear(&x->progs);
	if (aff)
		name = aff + strlen("Affiliated Entity:");
	if ((rc = tg__lists_add_name(&x->names, name, strlen(name))) < 0 ||
	    (rc = tg__lists_add_strings(&x->names, json_object_get(o, "alt_names"), tg__lists_add_name)) < 0 ||
	    (rc = add_addresses(x, json_object_get(o, "addresses"))) < 0 ||
	    (rc = tg__lists_add_strings(&x->ctry, json_object_get(o, "citizenships"), tg__lists_add_value)) < 0 ||
	    (rc = tg__lists_add_strings(&x->ctry, json_object_get(o, "nationalities"), tg__lists_add_value)) < 0 ||
	    (rc = tg__lists_add_strings(&x->progs, json_object_get(o, "programs"), tg__lists_add_value)) < 0)
		return rc;
	for (i = 0; t[i] && i < sizeof(x->type) - 1; i++)
		x->type[i] = (char)tolower((unsigned char)t[i]);
	x->type[i] = '\0';
	tg__lists_code(x->code, tg__lists_jstr(o, "source"));
	e->source_id = *tg__lists_jstr(o, "id") ? tg__lists_jstr(o, "id") : tg__lists_jstr(o, "_id");
	e->list = x->code, e->type = x->type;
	e->names = x->names.ptr ? x->names.ptr : "";
	e->addresses = x->addrs.ptr ? x->addrs.ptr : "", e->countries = x->ctry.ptr ? x->ctry.ptr : "";
	e->programs = x->progs.ptr ? x->progs.ptr : "";
	e->fr_cite = tg__lists_jstr(o, "federal_register_notice"), e->start_date = tg__lists_jstr(o, "start_date");
	e->scripts = NULL;
	return TG_OK;
}

static int record(cj *x, tg__list_sink *k, const json_t *o, size_t idx, tg_err *err)
{
	tg__list_entry e;
	char why[128];
	int rc;

	k->rows++;
	if (!json_is_object(o) || !*tg__lists_jstr(o, "name") || !*tg__lists_jstr(o, "source") ||
	    (!*tg__lists_jstr(o, "id") && !*tg__lists_jstr(o, "_id"))) {
		snprintf(why, sizeof(why), "results[%zu]: needs \"id\", \"source\" and \"name\" strings", idx);
		return tg__lists_problem(k, 0, why, err);
	}
	if ((rc = build(x, o, &e)) < 0)
		return rc == TG_ENOMEM ? tg__oom(err) : tg__fail(err, rc, "results[%zu]: record too large", idx);
	if (!*e.names) {
		snprintf(why, sizeof(why), "results[%zu]: no usable name", idx);
		return tg__lists_problem(k, 0, why, err);
	}
	return k->entry(k, &e, err);
}

int tg__lists_parse_csl_json(tg__list_sink *k, const char *data, size_t n, tg_err *err)
{
	json_t *root = NULL, *res;
	cj x;
	size_t i;
	int rc;

	if ((rc = tg__json_parse(&root, data, n, err)) < 0)
		return rc;
	res = json_object_get(root, "results");
	if (!json_is_array(res)) {
		json_decref(root);
		return tg__fail_field(err, TG_EINVALID, "format", "%s: not a CSL JSON file (no \"results\" array)",
				      k->file);
	}
	memset(&x, 0, sizeof(x));
	for (i = 0, rc = TG_OK; i < json_array_size(res) && rc >= 0; i++)
		rc = record(&x, k, json_array_get(res, i), i, err);
	tg_buf_dispose(&x.names), tg_buf_dispose(&x.addrs), tg_buf_dispose(&x.ctry), tg_buf_dispose(&x.progs);
	tg_buf_dispose(&x.one);
	json_decref(root);
	return rc;
}
