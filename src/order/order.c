/* SPDX-License-Identifier: Apache-2.0 */
/* Order parsing and validation on the strict token parser (util/jparse.h). Strings are borrowed from the
 * token document the order keeps; only a line's "spec" object goes through jansson (tg__item_from_json). */
#include "tg/order.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "catalog.h"
#include "alloc.h"
#include "buf.h"
#include "fmt.h"
#include "jfield.h"
#include "json.h"
#include "sha256.h"

static const char *const role_names[] = {"purchaser", "ultimate_consignee", "end_user", "intermediate_consignee",
					 "freight_forwarder"};
static const char *const sector_names[] = {"unspecified", "private", "public", "state_owned", "military", "research"};
static const char *const use_names[] = {"datacenter", "ai_training", "research", "consumer",
					"evaluation", "military",    "other"};

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

/* An order and its token document in one allocation. */
typedef struct order_box {
	tg_order o;
	tg_jdoc doc;
} order_box;

/* Match a string field against names[first..n); store the index. */
static int get_enum(int *out, const tg_jdoc *d, uint32_t v, const char *prefix, const char *key, int required,
		    const char *const *names, int first, int n, tg_err *err)
{
	const char *s = NULL;
	char path[64], allowed[160] = "";
	int rc = tg__jf_get_str(&s, d, v, prefix, key, required, err), i;
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

static int parse_party(tg_party *p, const tg_jdoc *d, uint32_t o, const char *prefix, tg_err *err)
{
	static const char *const keys[] = {"role", "name", "country", "hq_country", "sector", "state_funded", NULL};
	enum { ROLE, NAME, COUNTRY, HQ, SECTOR, FUNDED, NKEYS };
	uint32_t f[NKEYS];
	int v = 0, rc;
	char path[64];

	if (d->tok[o].type != TG_JOBJ)
		return tg__fail_field(err, TG_EINVALID, prefix, "%s: expected an object", prefix);
	if ((rc = tg__jf_fields(f, d, o, prefix, keys, err)) < 0 ||
	    (rc = get_enum(&v, d, f[ROLE], prefix, "role", 1, role_names, 0, TG_ROLE_COUNT, err)) < 0)
		return rc;
	p->role = (tg_role)v;
	if ((rc = tg__jf_get_str(&p->name, d, f[NAME], prefix, "name", 1, err)) < 0)
		return rc;
	if (p->name[0] == '\0' || strlen(p->name) > 512) {
		tg__json_path(path, prefix, "name");
		return nonempty(p->name, path, err);
	}
	if ((rc = tg__jf_get_country(p->country, d, f[COUNTRY], prefix, "country", 1, err)) < 0)
		return rc;
	memcpy(p->hq_country, p->country, 3);
	if ((rc = tg__jf_get_country(p->hq_country, d, f[HQ], prefix, "hq_country", 0, err)) < 0)
		return rc;
	v = TG_SECTOR_UNSPECIFIED;
	if ((rc = get_enum(&v, d, f[SECTOR], prefix, "sector", 0, sector_names, 1, TG_SECTOR_COUNT, err)) < 0)
		return rc;
	p->sector = (tg_sector)v;
	p->state_funded = 0;
	rc = tg__jf_get_bool(&p->state_funded, d, f[FUNDED], prefix, "state_funded", 0, err);
	return rc < 0 ? rc : TG_OK;
}

static int parse_currency(char out[4], const tg_jdoc *d, uint32_t v, const char *prefix, tg_err *err)
{
	const char *c = "USD";
	char path[64];
	int rc = tg__jf_get_str(&c, d, v, prefix, "currency", 0, err);
	if (rc < 0)
		return rc;
	if (strlen(c) != 3 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' || c[2] < 'A' || c[2] > 'Z') {
		tg__json_path(path, prefix, "currency");
		return tg__fail_field(err, TG_EINVALID, path, "%s: expected an ISO 4217 code such as \"USD\"", path);
	}
	memcpy(out, c, 4);
	return TG_OK;
}

/* A line's own spec: its text span goes through jansson and the catalogue's item parser. */
static int parse_spec(tg_order_line *l, const char *text, const tg_jtok *t, const char *prefix, tg_err *err)
{
	char path[64];
	json_error_t je;
	json_t *spec;
	int rc;
	tg__json_init();
	spec = json_loadb(text + t->start, t->end - t->start, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &je);
	if (spec == NULL)
		return tg__oom(err); /* the text was already validated */
	tg__json_path(path, prefix, "spec");
	rc = tg__item_from_json(&l->spec, spec, path, err);
	json_decref(spec);
	if (rc < 0)
		return rc;
	l->has_spec = 1;
	l->item = l->spec.id;
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

static int parse_line(tg_order_line *l, const tg_jdoc *d, const char *text, uint32_t o, const char *prefix, tg_err *err)
{
	static const char *const keys[] = {"item", "spec", "quantity", "unit_value", "currency", "customs_value", NULL};
	enum { ITEM, SPEC, QUANTITY, UNIT_VALUE, CURRENCY, CUSTOMS_VALUE, NKEYS };
	uint32_t f[NKEYS], spec;
	char path[64];
	int rc;

	if (d->tok[o].type != TG_JOBJ)
		return tg__fail_field(err, TG_EINVALID, prefix, "%s: expected an object", prefix);
	if ((rc = tg__jf_fields(f, d, o, prefix, keys, err)) < 0)
		return rc;
	spec = f[SPEC];
	l->item = NULL;
	if ((rc = tg__jf_get_str(&l->item, d, f[ITEM], prefix, "item", spec == 0, err)) < 0)
		return rc;
	if (spec != 0) {
		if (l->item != NULL) {
			tg__json_path(path, prefix, "spec");
			return tg__fail_field(err, TG_EINVALID, path, "%s: give either item or spec, not both", path);
		}
		if ((rc = parse_spec(l, text, &d->tok[spec], prefix, err)) < 0)
			return rc;
	}
	if ((rc = tg__jf_get_int(&l->quantity, d, f[QUANTITY], prefix, "quantity", 1, 1, INT64_C(1000000000), err)) <
		    0 ||
	    (rc = tg__jf_get_dec(&l->unit_value, d, f[UNIT_VALUE], prefix, "unit_value", 1, err)) < 0 ||
	    (rc = check_money(&l->unit_value, prefix, "unit_value", err)) < 0 ||
	    (rc = parse_currency(l->currency, d, f[CURRENCY], prefix, err)) < 0 ||
	    (rc = tg__jf_get_dec(&l->customs_value, d, f[CUSTOMS_VALUE], prefix, "customs_value", 0, err)) < 0)
		return rc;
	l->has_customs_value = rc == 1;
	return l->has_customs_value ? check_money(&l->customs_value, prefix, "customs_value", err) : TG_OK;
}

static int parse_exporter(tg_order *o, const tg_jdoc *d, uint32_t e, tg_err *err)
{
	static const char *const keys[] = {"name", "country", NULL};
	uint32_t f[2];
	int rc;
	if (e == 0)
		return tg__fail_field(err, TG_EINVALID, "exporter", "exporter: required field is missing");
	if (d->tok[e].type != TG_JOBJ)
		return tg__fail_field(err, TG_EINVALID, "exporter", "exporter: expected an object");
	if ((rc = tg__jf_fields(f, d, e, "exporter", keys, err)) < 0 ||
	    (rc = tg__jf_get_str(&o->exporter_name, d, f[0], "exporter", "name", 1, err)) < 0 ||
	    (rc = nonempty(o->exporter_name, "exporter.name", err)) < 0 ||
	    (rc = tg__jf_get_country(o->exporter_country, d, f[1], "exporter", "country", 1, err)) < 0)
		return rc;
	return TG_OK;
}

static int parse_array(const tg_jdoc *d, uint32_t v, const char *key, size_t max, size_t *n, uint32_t *arr, tg_err *err)
{
	*arr = v;
	if (*arr == 0)
		return tg__fail_field(err, TG_EINVALID, key, "%s: required field is missing", key);
	if (d->tok[*arr].type != TG_JARR)
		return tg__fail_field(err, TG_EINVALID, key, "%s: expected an array", key);
	*n = d->tok[*arr].nkids;
	if (*n > max)
		return tg__fail_field(err, TG_ELIMIT, key, "%s: more than %zu entries", key, max);
	return TG_OK;
}

/* "key[i]" into out (size 64) without printf. */
static void index_path(char out[64], const char *key, size_t i)
{
	size_t n = strlen(key), k;
	char num[24];
	memcpy(out, key, n);
	out[n++] = '[';
	k = tg__fmt_u64(num, i);
	memcpy(out + n, num, k);
	out[n + k] = ']';
	out[n + k + 1] = '\0';
}

static int parse_lists(tg_order *o, const tg_jdoc *d, uint32_t parties, uint32_t lines, const char *text, tg_err *err)
{
	uint32_t arr, k;
	size_t i;
	char path[64];
	int rc;

	if ((rc = parse_array(d, parties, "parties", TG_ORDER_MAX_PARTIES, &o->nparties, &arr, err)) < 0)
		return rc;
	if (o->nparties && (o->parties = tg__calloc(o->nparties, sizeof(tg_party))) == NULL)
		return tg__oom(err);
	for (i = 0, k = arr + 1; i < o->nparties; i++, k = d->tok[k].next) {
		index_path(path, "parties", i);
		if ((rc = parse_party(&o->parties[i], d, k, path, err)) < 0)
			return rc;
	}
	if ((rc = parse_array(d, lines, "lines", TG_ORDER_MAX_LINES, &o->nlines, &arr, err)) < 0)
		return rc;
	if (o->nlines == 0)
		return tg__fail_field(err, TG_EINVALID, "lines", "lines: an order needs at least one line");
	if ((o->lines = tg__calloc(o->nlines, sizeof(tg_order_line))) == NULL)
		return tg__oom(err);
	for (i = 0, k = arr + 1; i < o->nlines; i++, k = d->tok[k].next) {
		index_path(path, "lines", i);
		if ((rc = parse_line(&o->lines[i], d, text, k, path, err)) < 0)
			return rc;
	}
	return TG_OK;
}

static int parse_root(tg_order *o, const tg_jdoc *d, const char *text, tg_err *err)
{
	static const char *const keys[] = {"id",      "date",    "exporter", "ship_from", "destination",
					   "parties", "end_use", "lines",    NULL};
	enum { ID, DATE, EXPORTER, SHIP_FROM, DESTINATION, PARTIES, END_USE, LINES, NKEYS };
	uint32_t f[NKEYS];
	int v = 0, rc;

	if (d->tok[0].type != TG_JOBJ)
		return tg__fail(err, TG_EINVALID, "an order must be a JSON object");
	if ((rc = tg__jf_fields(f, d, 0, "", keys, err)) < 0 ||
	    (rc = tg__jf_get_str(&o->id, d, f[ID], "", "id", 1, err)) < 0 || (rc = nonempty(o->id, "id", err)) < 0 ||
	    (rc = tg__jf_get_date(&o->date, d, f[DATE], "", "date", 1, err)) < 0 ||
	    (rc = parse_exporter(o, d, f[EXPORTER], err)) < 0 ||
	    (rc = tg__jf_get_country(o->ship_from, d, f[SHIP_FROM], "", "ship_from", 1, err)) < 0 ||
	    (rc = tg__jf_get_country(o->destination, d, f[DESTINATION], "", "destination", 1, err)) < 0 ||
	    (rc = get_enum(&v, d, f[END_USE], "", "end_use", 1, use_names, 0, TG_USE_COUNT, err)) < 0)
		return rc;
	o->end_use = (tg_end_use)v;
	return parse_lists(o, d, f[PARTIES], f[LINES], text, err);
}

/* The token parser rejected the text: report it as jansson does (the message users and golden tests
 * know), and with the parser's own reason in the unlikely case jansson accepts the text. */
static int syntax_error(const tg_jdoc *d, const char *json, size_t len, int rc, tg_err *err)
{
	json_t *root = NULL;
	int line, col;
	if (rc == TG_ENOMEM)
		return tg__oom(err);
	if (rc == TG_ELIMIT)
		return tg__fail(err, TG_ELIMIT, "an order must be smaller than 4 GiB");
	if ((rc = tg__json_parse(&root, json, len, err)) < 0)
		return rc;
	json_decref(root);
	tg__jp_linecol(json, d->err_pos, &line, &col);
	rc = tg__fail(err, TG_EINVALID, "invalid JSON at line %d, column %d: %s", line, col, d->err_msg);
	if (err) {
		err->line = line;
		err->column = col;
	}
	return rc;
}

/* The canonical text and its SHA-256. */
static int content_hash(tg_order *o, const tg_jdoc *d, size_t len, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	int rc = tg__buf_grow(&b, len + 64);
	if (rc == TG_OK)
		rc = tg__jp_canonical(&b, d, 0);
	if (rc < 0) {
		tg_buf_dispose(&b);
		return rc == TG_ENOMEM ? tg__oom(err) : tg__fail(err, rc, "cannot build the canonical order");
	}
	o->canonical = tg__buf_detach(&b);
	if (tg__sha256_hex(o->content_hash, o->canonical, strlen(o->canonical)) < 0)
		return tg__fail(err, TG_EINTERNAL, "SHA-256 failed");
	return TG_OK;
}

int tg_order_parse(tg_order **out, const char *json, size_t len, tg_err *err)
{
	order_box *box;
	int rc;

	*out = NULL;
	if ((box = tg__calloc(1, sizeof(*box))) == NULL)
		return tg__oom(err);
	box->o.json_ = &box->doc;
	if ((rc = tg__jp_parse(&box->doc, json, len)) < 0) {
		rc = syntax_error(&box->doc, json, len, rc, err);
		goto fail;
	}
	if ((rc = parse_root(&box->o, &box->doc, json, err)) < 0 ||
	    (rc = content_hash(&box->o, &box->doc, len, err)) < 0)
		goto fail;
	*out = &box->o;
	return TG_OK;
fail:
	tg_order_free(&box->o);
	return rc;
}

void tg_order_free(tg_order *o)
{
	if (o == NULL)
		return;
	tg__free(o->canonical);
	tg__free(o->parties);
	tg__free(o->lines);
	tg__jp_dispose((tg_jdoc *)o->json_);
	tg__free(o); /* the order_box */
}
