/* SPDX-License-Identifier: Apache-2.0 */
/* JSON list formats: tollgate's in-house list format (docs/lists.md) and the KAIST compilation of
 * restricted-party lists (restricted_parties.json). Per-entry problems name the entry's index. */
#include "lists.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "buf.h"
#include "json.h"

typedef struct jbufs {
	tg_buf names, addrs, ctry, progs;
	char type[16];
} jbufs;

static void jb_clear(jbufs *b)
{
	tg__buf_clear(&b->names), tg__buf_clear(&b->addrs), tg__buf_clear(&b->ctry), tg__buf_clear(&b->progs);
}

static void jb_dispose(jbufs *b)
{
	tg_buf_dispose(&b->names), tg_buf_dispose(&b->addrs), tg_buf_dispose(&b->ctry), tg_buf_dispose(&b->progs);
}

static void lower_type(char out[16], const char *t)
{
	size_t i;
	for (i = 0; t[i] && i < 15; i++)
		out[i] = (char)tolower((unsigned char)t[i]);
	out[i] = '\0';
	if (strcmp(out, "unknown") == 0)
		out[0] = '\0';
}

static int entry_problem(tg__list_sink *k, size_t idx, const char *what, tg_err *err)
{
	char why[128];
	snprintf(why, sizeof(why), "entries[%zu]: %s", idx, what);
	return tg__lists_problem(k, 0, why, err);
}

/* One in-house entry. */
static int tg_entry(tg__list_sink *k, jbufs *b, const json_t *o, const char *list, size_t idx, tg_err *err)
{
	tg__list_entry e;
	int rc;

	k->rows++;
	if (!json_is_object(o) || !*tg__lists_jstr(o, "id") || !*tg__lists_jstr(o, "name"))
		return entry_problem(k, idx, "needs \"id\" and \"name\" strings", err);
	jb_clear(b);
	lower_type(b->type, tg__lists_jstr(o, "type"));
	if ((rc = tg__lists_add_name(&b->names, tg__lists_jstr(o, "name"), strlen(tg__lists_jstr(o, "name")))) < 0 ||
	    (rc = tg__lists_add_strings(&b->names, json_object_get(o, "aliases"), tg__lists_add_name)) < 0 ||
	    (rc = tg__lists_add_strings(&b->addrs, json_object_get(o, "addresses"), tg__lists_add_value)) < 0 ||
	    (rc = tg__lists_add_strings(&b->ctry, json_object_get(o, "countries"), tg__lists_add_value)) < 0 ||
	    (rc = tg__lists_add_strings(&b->progs, json_object_get(o, "programs"), tg__lists_add_value)) < 0)
		return rc;
	e.source_id = tg__lists_jstr(o, "id"), e.type = b->type;
	e.list = *tg__lists_jstr(o, "list") ? tg__lists_jstr(o, "list") : list;
	e.names = b->names.ptr, e.addresses = b->addrs.ptr ? b->addrs.ptr : "";
	e.countries = b->ctry.ptr ? b->ctry.ptr : "", e.programs = b->progs.ptr ? b->progs.ptr : "";
	e.fr_cite = tg__lists_jstr(o, "fr_cite"), e.start_date = tg__lists_jstr(o, "start_date"), e.scripts = NULL;
	return k->entry(k, &e, err);
}

int tg__lists_parse_tg_json(tg__list_sink *k, const char *data, size_t n, tg_err *err)
{
	json_t *root = NULL, *ents;
	const char *list;
	jbufs b;
	size_t i;
	int rc;

	if ((rc = tg__json_parse(&root, data, n, err)) < 0)
		return rc;
	ents = json_object_get(root, "entries");
	list = tg__lists_jstr(root, "list");
	if (!json_is_object(root) || strcmp(tg__lists_jstr(root, "format"), "tollgate-list") != 0 ||
	    !json_is_array(ents) || !*list || strlen(list) > 15) {
		json_decref(root);
		return tg__fail_field(
			err, TG_EINVALID, "format",
			"%s: not a tollgate list (needs \"format\":\"tollgate-list\", \"list\" and \"entries\")",
			k->file);
	}
	snprintf(k->name, sizeof(k->name), "%s", tg__lists_jstr(root, "name"));
	memset(&b, 0, sizeof(b));
	for (i = 0, rc = TG_OK; i < json_array_size(ents) && rc >= 0; i++)
		rc = tg_entry(k, &b, json_array_get(ents, i), list, i, err);
	jb_dispose(&b);
	json_decref(root);
	return rc;
}

/* KAIST list ids -> short list codes. */
static const char *kaist_code(const char *id)
{
	static const char *const map[][2] = {
		{"us-bis-entity-list", "EL"},        {"us-bis-military-end-user-list", "MEU"},
		{"us-ofac-ns-cmic", "CMIC"},         {"us-dod-section-1260h", "1260H"},
		{"us-dod-section-1286", "1286"},     {"us-dhs-uflpa", "UFLPA"},
		{"jp-meti-end-user-list", "JP-EUL"}, {"ca-ised-named-research-organizations", "CA-NRO"}};
	size_t i;
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(id, map[i][0]) == 0)
			return map[i][1];
	return NULL;
}

/* Korean country names, several joined by '/', to ISO codes. */
static int kaist_countries(tg_buf *b, const json_t *v)
{
	size_t i;
	int rc;
	for (i = 0; json_is_array(v) && i < json_array_size(v); i++) {
		const char *s = json_string_value(json_array_get(v, i));
		while (s && *s) {
			size_t l = strcspn(s, "/");
			const char *iso = tg__lists_country_iso(s, l);
			if (iso && (rc = tg__lists_add_value(b, iso, 2)) < 0)
				return rc;
			s += l + (s[l] == '/');
		}
	}
	return TG_OK;
}

/* Does s contain a Han character? (The compilation's Chinese "native" names are group labels.) */
static int has_han(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0xE3 && (unsigned char)*s <= 0xE9)
			return 1;
	return 0;
}

static int kaist_entry(tg__list_sink *k, jbufs *b, const json_t *o, size_t idx, tg_err *err)
{
	const json_t *nm = json_object_get(o, "name");
	const char *code = kaist_code(tg__lists_jstr(json_object_get(o, "source"), "list_id"));
	const char *en = tg__lists_jstr(nm, "english"), *native = tg__lists_jstr(nm, "native");
	tg__list_entry e;
	int rc;

	k->rows++;
	if (!*tg__lists_jstr(o, "id") || !*en || code == NULL)
		return entry_problem(k, idx, "needs \"id\", \"name.english\" and a known \"source.list_id\"", err);
	jb_clear(b);
	lower_type(b->type, tg__lists_jstr(o, "entity_type"));
	if ((rc = tg__lists_add_name(&b->names, en, strlen(en))) < 0 ||
	    (!has_han(native) && (rc = tg__lists_add_name(&b->names, native, strlen(native))) < 0) ||
	    (rc = tg__lists_add_strings(&b->names, json_object_get(o, "aliases"), tg__lists_add_name)) < 0 ||
	    (rc = kaist_countries(&b->ctry, json_object_get(o, "countries"))) < 0)
		return rc;
	e.source_id = tg__lists_jstr(o, "id"), e.list = code, e.type = b->type, e.names = b->names.ptr,
	e.addresses = "";
	e.countries = b->ctry.ptr ? b->ctry.ptr : "", e.programs = "", e.fr_cite = "", e.start_date = "";
	e.scripts = NULL;
	return k->entry(k, &e, err);
}

int tg__lists_parse_kaist_json(tg__list_sink *k, const char *data, size_t n, tg_err *err)
{
	json_t *root = NULL;
	jbufs b;
	size_t i;
	int rc;

	if ((rc = tg__json_parse(&root, data, n, err)) < 0)
		return rc;
	if (!json_is_array(root)) {
		json_decref(root);
		return tg__fail_field(err, TG_EINVALID, "format", "%s: not the KAIST compilation (a JSON array)",
				      k->file);
	}
	memset(&b, 0, sizeof(b));
	for (i = 0, rc = TG_OK; i < json_array_size(root) && rc >= 0; i++)
		rc = kaist_entry(k, &b, json_array_get(root, i), i, err);
	jb_dispose(&b);
	json_decref(root);
	return rc;
}
