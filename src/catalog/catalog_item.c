/* SPDX-License-Identifier: Apache-2.0 */
/* Parsing of one accelerator item (catalogue entry or spec) from JSON, with sourced facts. */
#include "catalog.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include "err.h"
#include "json.h"

static const char *const precision_keys[TG_PREC_COUNT + 1] = {"fp4",  "int4", "fp8",  "int8", "fp16",
							      "bf16", "fp32", "fp64", NULL};

static const char *const item_keys[] = {"id",
					"vendor",
					"name",
					"kind",
					"dense_tops",
					"memory_gb",
					"dram_bandwidth_gbps",
					"applicable_die_area_mm2",
					"datacenter",
					"designer_hq",
					"us_available_from",
					"contains",
					"contains_count",
					"notes",
					NULL};

static const char *const fact_keys[] = {"value", "source", "confidence", "note", NULL};

const char *tg_precision_name(int prec)
{
	return prec >= 0 && prec < TG_PREC_COUNT ? precision_keys[prec] : "?";
}

int tg__confidence_valid(const char *s)
{
	static const char *const tags[] = {"P", "L", "N", "S", "C", "I", "E", "R", "DS", "U", "UNVERIFIED", NULL};
	const char *const *t;
	for (t = tags; *t; t++)
		if (strcmp(*t, s) == 0)
			return 1;
	return 0;
}

int tg__fact_unwrap(json_t **val, json_t *fact, const char *path, int null_needs_u, tg_err *err)
{
	const char *conf = NULL, *src = NULL, *note = NULL;
	int rc;
	if (!json_is_object(fact))
		return tg__fail_field(err, TG_EINVALID, path, "%s: expected {\"value\", \"source\", \"confidence\"}",
				      path);
	if ((rc = tg__json_only_keys(fact, path, fact_keys, err)) < 0)
		return rc;
	if ((rc = tg__json_get_str(&src, fact, path, "source", 1, err)) < 0 ||
	    (rc = tg__json_get_str(&conf, fact, path, "confidence", 1, err)) < 0 ||
	    (rc = tg__json_get_str(&note, fact, path, "note", 0, err)) < 0)
		return rc;
	if (!tg__confidence_valid(conf))
		return tg__fail_field(err, TG_EINVALID, path, "%s: unknown confidence tag '%.16s'", path, conf);
	*val = json_object_get(fact, "value");
	if (*val == NULL)
		return tg__fail_field(err, TG_EINVALID, path, "%s: required field 'value' is missing", path);
	if (null_needs_u && json_is_null(*val) && strcmp(conf, "U") != 0)
		return tg__fail_field(err, TG_EINVALID, path, "%s: an unknown (null) value needs confidence \"U\"",
				      path);
	return TG_OK;
}

/* Fetch the value of fact `key` of obj into *val (borrowed; JSON null = unknown). Strict: the fact
 * must be present and sourced. Lenient: absent is fine (*val NULL), a bare value or a sourced object
 * is accepted. path receives the field's path. Returns 1 present, 0 absent, or TG_EINVALID. */
static int get_fact(json_t **val, char path[64], const json_t *obj, const char *prefix, const char *key, int strict,
		    int null_needs_u, tg_err *err)
{
	json_t *v = json_object_get(obj, key);
	int rc;
	tg__json_path(path, prefix, key);
	*val = NULL;
	if (v == NULL) {
		if (strict)
			return tg__fail_field(err, TG_EINVALID, path, "%s: required field is missing", path);
		return 0;
	}
	if (json_is_object(v) && (strict || json_object_get(v, "value") != NULL)) {
		if ((rc = tg__fact_unwrap(val, v, path, null_needs_u, err)) < 0)
			return rc;
		return 1;
	}
	if (strict)
		return tg__fail_field(err, TG_EINVALID, path, "%s: expected {\"value\", \"source\", \"confidence\"}",
				      path);
	*val = v;
	return 1;
}

/* get_fact for a nullable value: 1 = present and not null (in *val), 0 = absent or null, < 0 = error. */
static int get_value(json_t **val, char path[64], const json_t *obj, const char *prefix, const char *key, int strict,
		     int null_needs_u, tg_err *err)
{
	int rc = get_fact(val, path, obj, prefix, key, strict, null_needs_u, err);
	return rc > 0 && json_is_null(*val) ? 0 : rc;
}

/* A positive finite number, or unknown (-1) when absent or null. */
static int get_pos_num(double *out, const json_t *obj, const char *prefix, const char *key, int strict, tg_err *err)
{
	json_t *v;
	char path[64];
	int rc = get_value(&v, path, obj, prefix, key, strict, 1, err);
	*out = -1.0;
	if (rc <= 0)
		return rc;
	if (!json_is_number(v) || !isfinite(json_number_value(v)) || json_number_value(v) <= 0)
		return tg__fail_field(err, TG_EINVALID, path, "%s: expected a positive number or null", path);
	*out = json_number_value(v);
	return TG_OK;
}

static int get_dense_tops(double out[TG_PREC_COUNT], const json_t *obj, const char *prefix, int strict, tg_err *err)
{
	json_t *tops = json_object_get(obj, "dense_tops");
	char path[64];
	int i, rc;
	for (i = 0; i < TG_PREC_COUNT; i++)
		out[i] = -1.0;
	tg__json_path(path, prefix, "dense_tops");
	if (tops == NULL || json_is_null(tops)) {
		if (strict)
			return tg__fail_field(err, TG_EINVALID, path, "%s: required field is missing", path);
		return TG_OK;
	}
	if (!json_is_object(tops))
		return tg__fail_field(err, TG_EINVALID, path, "%s: expected an object of precision: TOPS", path);
	if ((rc = tg__json_only_keys(tops, path, precision_keys, err)) < 0)
		return rc;
	for (i = 0; i < TG_PREC_COUNT; i++)
		if ((rc = get_pos_num(&out[i], tops, path, precision_keys[i], 0, err)) < 0)
			return rc;
	if (strict) /* a present precision must be sourced even though precisions may be omitted */
		for (i = 0; i < TG_PREC_COUNT; i++) {
			json_t *v = json_object_get(tops, precision_keys[i]), *inner;
			char p[64];
			tg__json_path(p, path, precision_keys[i]);
			if (v && (rc = tg__fact_unwrap(&inner, v, p, 1, err)) < 0)
				return rc;
		}
	return TG_OK;
}

/* Copy a string field into a fixed buffer; too long or empty fails. required: must be present. */
static int get_text(char *out, size_t cap, const json_t *obj, const char *prefix, const char *key, int required,
		    int is_id, tg_err *err)
{
	const char *s = NULL;
	char path[64];
	size_t n, i;
	int rc = tg__json_get_str(&s, obj, prefix, key, required, err);
	if (rc <= 0)
		return rc;
	tg__json_path(path, prefix, key);
	n = strlen(s);
	if (n == 0 || n >= cap)
		return tg__fail_field(err, TG_EINVALID, path, "%s: expected 1 to %zu characters", path, cap - 1);
	for (i = 0; is_id && i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
		      c == '_' || c == '.'))
			return tg__fail_field(err, TG_EINVALID, path, "%s: only letters, digits, '-', '_' and '.'",
					      path);
	}
	memcpy(out, s, n + 1);
	return 1;
}

/* datacenter (unknown = 1: never grant Note 2 by omission), designer_hq and us_available_from, each
 * nullable; absent or null leaves the unknown value. */
static int get_origin(tg_item *out, const json_t *obj, const char *prefix, int strict, tg_err *err)
{
	json_t *v;
	char path[64];
	int rc;
	out->datacenter = 1;
	out->designer_hq[0] = '\0';
	out->us_available_from = TG_DATE_NONE;
	if ((rc = get_value(&v, path, obj, prefix, "datacenter", strict, 1, err)) < 0)
		return rc;
	if (rc > 0 && !json_is_boolean(v))
		return tg__fail_field(err, TG_EINVALID, path, "%s: expected true or false", path);
	if (rc > 0)
		out->datacenter = json_is_true(v);
	if ((rc = get_value(&v, path, obj, prefix, "designer_hq", strict, 1, err)) < 0)
		return rc;
	if (rc > 0 && (!json_is_string(v) || !tg__country_valid(json_string_value(v))))
		return tg__fail_field(err, TG_EINVALID, path, "%s: expected an ISO 3166-1 alpha-2 country code", path);
	if (rc > 0)
		memcpy(out->designer_hq, json_string_value(v), 3);
	if ((rc = get_value(&v, path, obj, prefix, "us_available_from", strict, 0, err)) < 0)
		return rc;
	if (rc > 0 && (!json_is_string(v) || tg_date_parse(&out->us_available_from, json_string_value(v), NULL) < 0))
		return tg__fail_field(err, TG_EINVALID, path, "%s: expected a date YYYY-MM-DD or null", path);
	return TG_OK;
}

/* kind, contains, contains_count: a system names its IC and how many; an IC has neither. */
static int get_kind(tg_item *out, const json_t *obj, const char *prefix, int strict, tg_err *err)
{
	const char *kind = NULL;
	int64_t count = 0;
	char path[64];
	int rc, is_system;
	if ((rc = tg__json_get_str(&kind, obj, prefix, "kind", strict, err)) < 0)
		return rc;
	tg__json_path(path, prefix, "kind");
	if (kind && strcmp(kind, "ic") != 0 && strcmp(kind, "system") != 0)
		return tg__fail_field(err, TG_EINVALID, path, "%s: expected \"ic\" or \"system\"", path);
	is_system = kind ? strcmp(kind, "system") == 0 : json_object_get(obj, "contains") != NULL;
	if (!is_system) {
		tg__json_path(path, prefix, json_object_get(obj, "contains") ? "contains" : "contains_count");
		if (json_object_get(obj, "contains") || json_object_get(obj, "contains_count"))
			return tg__fail_field(err, TG_EINVALID, path, "%s: only a system contains ICs", path);
		return TG_OK;
	}
	if ((rc = get_text(out->contains, sizeof(out->contains), obj, prefix, "contains", 1, 1, err)) < 0 ||
	    (rc = tg__json_get_int(&count, obj, prefix, "contains_count", 1, 1, 1000000, err)) < 0)
		return rc;
	out->contains_count = (int)count;
	tg__json_path(path, prefix, "dense_tops");
	if (json_object_get(obj, "dense_tops"))
		return tg__fail_field(err, TG_EINVALID, path, "%s: a system takes its rates from the IC it contains",
				      path);
	return TG_OK;
}

static int item_parse(tg_item *out, const json_t *obj, const char *prefix, int strict, tg_err *err)
{
	int rc;
	memset(out, 0, sizeof(*out));
	if (!json_is_object(obj))
		return tg__fail_field(err, TG_EINVALID, prefix, "%s: expected an object", *prefix ? prefix : "item");
	if ((rc = tg__json_only_keys(obj, prefix, item_keys, err)) < 0 ||
	    (rc = get_text(out->id, sizeof(out->id), obj, prefix, "id", 1, 1, err)) < 0 ||
	    (rc = get_text(out->vendor, sizeof(out->vendor), obj, prefix, "vendor", strict, 1, err)) < 0 ||
	    (rc = get_text(out->name, sizeof(out->name), obj, prefix, "name", strict, 0, err)) < 0 ||
	    (rc = get_kind(out, obj, prefix, strict, err)) < 0)
		return rc;
	if (out->name[0] == '\0')
		memcpy(out->name, out->id, sizeof(out->id));
	if ((rc = get_dense_tops(out->dense_tops, obj, prefix, strict && !out->contains[0], err)) < 0 ||
	    (rc = get_pos_num(&out->memory_gb, obj, prefix, "memory_gb", strict, err)) < 0 ||
	    (rc = get_pos_num(&out->dram_bandwidth_gbps, obj, prefix, "dram_bandwidth_gbps",
			      strict && !out->contains[0], err)) < 0 ||
	    (rc = get_pos_num(&out->applicable_die_area_mm2, obj, prefix, "applicable_die_area_mm2",
			      strict && !out->contains[0], err)) < 0 ||
	    (rc = get_origin(out, obj, prefix, strict, err)) < 0)
		return rc;
	return TG_OK;
}

int tg__item_from_json(tg_item *out, const json_t *obj, const char *prefix, tg_err *err)
{
	return item_parse(out, obj, prefix ? prefix : "", 0, err);
}

int tg__item_from_json_strict(tg_item *out, const json_t *obj, const char *prefix, tg_err *err)
{
	return item_parse(out, obj, prefix ? prefix : "", 1, err);
}

int tg_item_parse_spec(tg_item *out, const char *json, size_t len, const char *prefix, tg_err *err)
{
	json_t *root = NULL;
	int rc;
	TG_ASSERT_ARG(out != NULL && json != NULL, err);
	if ((rc = tg__json_parse(&root, json, len, err)) < 0)
		return rc;
	rc = tg__item_from_json(out, root, prefix ? prefix : "", err);
	json_decref(root);
	return rc;
}
