/* SPDX-License-Identifier: Apache-2.0 */
/* Order parsing and validation over jansson (util/json.h getters, which name the field on failure).
 * Strings are borrowed from the jansson document the order keeps; the canonical text is jansson's. */
#include "tg/order.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "catalog.h"
#include "alloc.h"
#include "json.h"
#include "sha256.h"

static const char *const role_names[] = {"purchaser", "ultimate_consignee", "end_user", "intermediate_consignee",
					 "freight_forwarder"};
static const char *const sector_names[] = {"unspecified", "private", "public", "state_owned", "military",
					   "research"};
static const char *const use_names[] = {"datacenter", "ai_training", "research", "consumer",
					"evaluation", "military",   "other"};

const char *tg_role_name(tg_role r)
{
	return (unsigned)r < TG_ROLE_COUNT ? role_names[r] : "?";
}

const char *tg_sector_name(tg_sector s)
{
	return (unsigned)s < TG_SECTOR_COUNT ? sector_names[s] : "?";
}

const char *tg_end_use_name(tg_end_use u)
{
	return (unsigned)u < TG_USE_COUNT ? use_names[u] : "?";
}

/* Match a string field against names[first..n); store the index. */
static int get_enum(int *out, const json_t *obj, const char *prefix, const char *key, int required,
		    const char *const *names, int first, int n, tg_err *err)
{
	const char *s = NULL;
	char path[64], allowed[160] = "";
	int rc = tg__json_get_str(&s, obj, prefix, key, required, err), i;
	size_t used = 0;
	if (rc <= 0)
		return rc;
	for (i = first; i < n; i++)
		if (strcmp(s, names[i]) == 0) {
			*out = i;
			return 1;
		}
	for (i = first; i < n; i++) {
		used += (size_t)snprintf(allowed + used, sizeof(allowed) - used, "%s%s", i > first ? "|" : "",
					 names[i]);
		if (used >= sizeof(allowed))
			used = sizeof(allowed) - 1;
	}
	tg__json_path(path, prefix, key);
	return tg__fail_field(err, TG_EINVALID, path, "%s: '%.40s' is not one of %s", path, s, allowed);
}

static int nonempty(const char *s, const char *path, tg_err *err)
{
	if (s[0] == '\0' || strlen(s) > 512)
		return tg__fail_field(err, TG_EINVALID, path, "%s: must be 1 to 512 characters", path);
	return TG_OK;
}

static int parse_party(tg_party *p, const json_t *o, const char *prefix, tg_err *err)
{
	static const char *const keys[] = {"role", "name", "country", "hq_country", "sector", "state_funded", NULL};
	int v = 0, rc;
	char path[64];

	if (!json_is_object(o))
		return tg__fail_field(err, TG_EINVALID, prefix, "%s: expected an object", prefix);
	if ((rc = tg__json_only_keys(o, prefix, keys, err)) < 0 ||
	    (rc = get_enum(&v, o, prefix, "role", 1, role_names, 0, TG_ROLE_COUNT, err)) < 0)
		return rc;
	p->role = (tg_role)v;
	if ((rc = tg__json_get_str(&p->name, o, prefix, "name", 1, err)) < 0)
		return rc;
	tg__json_path(path, prefix, "name");
	if ((rc = nonempty(p->name, path, err)) < 0 ||
	    (rc = tg__json_get_country(p->country, o, prefix, "country", 1, err)) < 0)
		return rc;
	memcpy(p->hq_country, p->country, 3);
	if ((rc = tg__json_get_country(p->hq_country, o, prefix, "hq_country", 0, err)) < 0)
		return rc;
	v = TG_SECTOR_UNSPECIFIED;
	if ((rc = get_enum(&v, o, prefix, "sector", 0, sector_names, 1, TG_SECTOR_COUNT, err)) < 0)
		return rc;
	p->sector = (tg_sector)v;
	p->state_funded = 0;
	rc = tg__json_get_bool(&p->state_funded, o, prefix, "state_funded", 0, err);
	return rc < 0 ? rc : TG_OK;
}

static int parse_currency(char out[4], const json_t *o, const char *prefix, tg_err *err)
{
	const char *c = "USD";
	char path[64];
	int rc = tg__json_get_str(&c, o, prefix, "currency", 0, err);
	if (rc < 0)
		return rc;
	if (strlen(c) != 3 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' || c[2] < 'A' || c[2] > 'Z') {
		tg__json_path(path, prefix, "currency");
		return tg__fail_field(err, TG_EINVALID, path, "%s: expected an ISO 4217 code such as \"USD\"", path);
	}
	memcpy(out, c, 4);
	return TG_OK;
}

static int check_money(const tg_dec *v, const char *prefix, const char *key, tg_err *err)
{
	char path[64];
	if (v->micros >= 0)
		return TG_OK;
	tg__json_path(path, prefix, key);
	return tg__fail_field(err, TG_EINVALID, path, "%s: must not be negative", path);
}

/* A line's item id, or its own spec through the catalogue's item parser (never both). */
static int parse_item(tg_order_line *l, const json_t *o, const char *prefix, tg_err *err)
{
	json_t *spec = json_object_get(o, "spec");
	char path[64];
	int rc;
	l->item = NULL;
	if ((rc = tg__json_get_str(&l->item, o, prefix, "item", spec == NULL, err)) < 0)
		return rc;
	if (spec == NULL)
		return TG_OK;
	tg__json_path(path, prefix, "spec");
	if (l->item != NULL)
		return tg__fail_field(err, TG_EINVALID, path, "%s: give either item or spec, not both", path);
	if ((rc = tg__item_from_json(&l->spec, spec, path, err)) < 0)
		return rc;
	l->has_spec = 1;
	l->item = l->spec.id;
	return TG_OK;
}

static int parse_line(tg_order_line *l, const json_t *o, const char *prefix, tg_err *err)
{
	static const char *const keys[] = {"item", "spec", "quantity", "unit_value", "currency", "customs_value",
					   NULL};
	int rc;

	if (!json_is_object(o))
		return tg__fail_field(err, TG_EINVALID, prefix, "%s: expected an object", prefix);
	if ((rc = tg__json_only_keys(o, prefix, keys, err)) < 0 || (rc = parse_item(l, o, prefix, err)) < 0)
		return rc;
	if ((rc = tg__json_get_int(&l->quantity, o, prefix, "quantity", 1, 1, INT64_C(1000000000), err)) < 0 ||
	    (rc = tg__json_get_dec(&l->unit_value, o, prefix, "unit_value", 1, err)) < 0 ||
	    (rc = check_money(&l->unit_value, prefix, "unit_value", err)) < 0 ||
	    (rc = parse_currency(l->currency, o, prefix, err)) < 0 ||
	    (rc = tg__json_get_dec(&l->customs_value, o, prefix, "customs_value", 0, err)) < 0)
		return rc;
	l->has_customs_value = rc == 1;
	return l->has_customs_value ? check_money(&l->customs_value, prefix, "customs_value", err) : TG_OK;
}

static int parse_exporter(tg_order *o, const json_t *root, tg_err *err)
{
	static const char *const keys[] = {"name", "country", NULL};
	json_t *e = json_object_get(root, "exporter");
	int rc;
	if (e == NULL)
		return tg__fail_field(err, TG_EINVALID, "exporter", "exporter: required field is missing");
	if (!json_is_object(e))
		return tg__fail_field(err, TG_EINVALID, "exporter", "exporter: expected an object");
	if ((rc = tg__json_only_keys(e, "exporter", keys, err)) < 0 ||
	    (rc = tg__json_get_str(&o->exporter_name, e, "exporter", "name", 1, err)) < 0 ||
	    (rc = nonempty(o->exporter_name, "exporter.name", err)) < 0 ||
	    (rc = tg__json_get_country(o->exporter_country, e, "exporter", "country", 1, err)) < 0)
		return rc;
	return TG_OK;
}

static int parse_array(const json_t *root, const char *key, size_t max, size_t *n, json_t **arr, tg_err *err)
{
	*arr = json_object_get(root, key);
	if (*arr == NULL)
		return tg__fail_field(err, TG_EINVALID, key, "%s: required field is missing", key);
	if (!json_is_array(*arr))
		return tg__fail_field(err, TG_EINVALID, key, "%s: expected an array", key);
	*n = json_array_size(*arr);
	if (*n > max)
		return tg__fail_field(err, TG_ELIMIT, key, "%s: more than %zu entries", key, max);
	return TG_OK;
}

static int parse_lists(tg_order *o, const json_t *root, tg_err *err)
{
	json_t *arr;
	size_t i;
	char path[64];
	int rc;

	if ((rc = parse_array(root, "parties", TG_ORDER_MAX_PARTIES, &o->nparties, &arr, err)) < 0)
		return rc;
	if (o->nparties && (o->parties = tg__calloc(o->nparties, sizeof(tg_party))) == NULL)
		return tg__oom(err);
	for (i = 0; i < o->nparties; i++) {
		snprintf(path, sizeof(path), "parties[%zu]", i);
		if ((rc = parse_party(&o->parties[i], json_array_get(arr, i), path, err)) < 0)
			return rc;
	}
	if ((rc = parse_array(root, "lines", TG_ORDER_MAX_LINES, &o->nlines, &arr, err)) < 0)
		return rc;
	if (o->nlines == 0)
		return tg__fail_field(err, TG_EINVALID, "lines", "lines: an order needs at least one line");
	if ((o->lines = tg__calloc(o->nlines, sizeof(tg_order_line))) == NULL)
		return tg__oom(err);
	for (i = 0; i < o->nlines; i++) {
		snprintf(path, sizeof(path), "lines[%zu]", i);
		if ((rc = parse_line(&o->lines[i], json_array_get(arr, i), path, err)) < 0)
			return rc;
	}
	return TG_OK;
}

static int parse_root(tg_order *o, const json_t *root, tg_err *err)
{
	static const char *const keys[] = {"id",       "date",    "exporter", "ship_from", "destination",
					   "parties",  "end_use", "lines",    NULL};
	int v = 0, rc;

	if (!json_is_object(root))
		return tg__fail(err, TG_EINVALID, "an order must be a JSON object");
	if ((rc = tg__json_only_keys(root, "", keys, err)) < 0 ||
	    (rc = tg__json_get_str(&o->id, root, "", "id", 1, err)) < 0 || (rc = nonempty(o->id, "id", err)) < 0 ||
	    (rc = tg__json_get_date(&o->date, root, "", "date", 1, err)) < 0 ||
	    (rc = parse_exporter(o, root, err)) < 0 ||
	    (rc = tg__json_get_country(o->ship_from, root, "", "ship_from", 1, err)) < 0 ||
	    (rc = tg__json_get_country(o->destination, root, "", "destination", 1, err)) < 0 ||
	    (rc = get_enum(&v, root, "", "end_use", 1, use_names, 0, TG_USE_COUNT, err)) < 0)
		return rc;
	o->end_use = (tg_end_use)v;
	return parse_lists(o, root, err);
}

/* The canonical text (compact, sorted keys, ASCII: what recorded content hashes were made from) and its SHA-256. */
static int content_hash(tg_order *o, const json_t *root, tg_err *err)
{
	o->canonical = json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENSURE_ASCII);
	if (o->canonical == NULL)
		return tg__oom(err);
	if (tg__sha256_hex(o->content_hash, o->canonical, strlen(o->canonical)) < 0)
		return tg__fail(err, TG_EINTERNAL, "SHA-256 failed");
	return TG_OK;
}

int tg_order_parse(tg_order **out, const char *json, size_t len, tg_err *err)
{
	tg_order *o;
	json_t *root = NULL;
	int rc;

	*out = NULL;
	if (len > UINT32_MAX)
		return tg__fail(err, TG_ELIMIT, "an order must be smaller than 4 GiB");
	if ((rc = tg__json_parse(&root, json, len, err)) < 0)
		return rc;
	if ((o = tg__calloc(1, sizeof(*o))) == NULL) {
		json_decref(root);
		return tg__oom(err);
	}
	o->json_ = root;
	if ((rc = parse_root(o, root, err)) < 0 || (rc = content_hash(o, root, err)) < 0) {
		tg_order_free(o);
		return rc;
	}
	*out = o;
	return TG_OK;
}

void tg_order_free(tg_order *o)
{
	if (o == NULL)
		return;
	tg__free(o->canonical); /* jansson allocates through tg__malloc (tg__json_init) */
	tg__free(o->parties);
	tg__free(o->lines);
	json_decref((json_t *)o->json_);
	tg__free(o);
}
