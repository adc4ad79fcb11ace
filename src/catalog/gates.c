/* SPDX-License-Identifier: Apache-2.0 */
/* Gate parameters (policy/gates.json): the 2026-01-15 case-by-case gate and the Section 232 tariff
 * bands, each figure sourced. Only enabled bands are loaded. */
#include "catalog.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include "alloc.h"
#include "err.h"
#include "json.h"

#define MAX_BAND_ENTRIES 32

static const char *const top_keys[] = {"format", "description", "cbc", "tariff_bands_232", NULL};
static const char *const cbc_keys[] = {"tpp_below", "dram_bandwidth_gbps_below", "available_by", NULL};
static const char *const band_keys[] = {"id",       "enabled", "verified",   "tpp_above", "tpp_below", "bw_above",
					"bw_below", "source",  "confidence", "note",      NULL};

void tg_gates_default(tg_gates *out)
{
	tg_tariff_band *b = &out->bands[0];
	memset(out, 0, sizeof(*out));
	out->cbc_tpp_below = 21000;
	out->cbc_bw_below = 6500;
	tg_date_parse(&out->cbc_available_by, "2026-01-15", NULL);
	memcpy(b->id, "prong1", sizeof("prong1"));
	b->tpp_above = 14000;
	b->tpp_below = 17500;
	b->bw_above = 4500;
	b->bw_below = 5000;
	b->verified = 1;
	out->nbands = 1;
}

/* A sourced positive number under cbc. */
static int cbc_num(double *out, const json_t *cbc, const char *key, tg_err *err)
{
	json_t *v;
	char path[64];
	int rc;
	tg__json_path(path, "cbc", key);
	if (json_object_get(cbc, key) == NULL)
		return tg__fail_field(err, TG_EINVALID, path, "%s: required field is missing", path);
	if ((rc = tg__fact_unwrap(&v, json_object_get(cbc, key), path, 1, err)) < 0)
		return rc;
	if (!json_is_number(v) || json_number_value(v) <= 0)
		return tg__fail_field(err, TG_EINVALID, path, "%s: expected a positive number", path);
	*out = json_number_value(v);
	return TG_OK;
}

static int load_cbc(tg_gates *out, const json_t *root, tg_err *err)
{
	json_t *cbc = json_object_get(root, "cbc"), *v;
	int rc;
	if (!json_is_object(cbc))
		return tg__fail_field(err, TG_EINVALID, "cbc", "cbc: expected an object");
	if ((rc = tg__json_only_keys(cbc, "cbc", cbc_keys, err)) < 0 ||
	    (rc = cbc_num(&out->cbc_tpp_below, cbc, "tpp_below", err)) < 0 ||
	    (rc = cbc_num(&out->cbc_bw_below, cbc, "dram_bandwidth_gbps_below", err)) < 0)
		return rc;
	if (json_object_get(cbc, "available_by") == NULL)
		return tg__fail_field(err, TG_EINVALID, "cbc.available_by",
				      "cbc.available_by: required field is missing");
	if ((rc = tg__fact_unwrap(&v, json_object_get(cbc, "available_by"), "cbc.available_by", 1, err)) < 0)
		return rc;
	if (!json_is_string(v) || tg_date_parse(&out->cbc_available_by, json_string_value(v), NULL) < 0)
		return tg__fail_field(err, TG_EINVALID, "cbc.available_by",
				      "cbc.available_by: expected a date YYYY-MM-DD");
	return TG_OK;
}

/* A bound: a number >= 0, or null (no bound: lo -> -inf is not used, hi -> +inf). */
static int band_bound(double *out, const json_t *b, const char *prefix, const char *key, double none, tg_err *err)
{
	json_t *v = json_object_get(b, key);
	char path[64];
	tg__json_path(path, prefix, key);
	if (v == NULL)
		return tg__fail_field(err, TG_EINVALID, path, "%s: required field is missing (null for no bound)",
				      path);
	if (json_is_null(v)) {
		*out = none;
		return TG_OK;
	}
	if (!json_is_number(v) || json_number_value(v) < 0)
		return tg__fail_field(err, TG_EINVALID, path, "%s: expected a number >= 0 or null", path);
	*out = json_number_value(v);
	return TG_OK;
}

static int load_band(tg_tariff_band *out, int *enabled, const json_t *b, const char *path, tg_err *err)
{
	const char *id = NULL, *src = NULL, *conf = NULL;
	char p[64];
	int rc;
	memset(out, 0, sizeof(*out));
	if (!json_is_object(b))
		return tg__fail_field(err, TG_EINVALID, path, "%s: expected an object", path);
	if ((rc = tg__json_only_keys(b, path, band_keys, err)) < 0 ||
	    (rc = tg__json_get_str(&id, b, path, "id", 1, err)) < 0 ||
	    (rc = tg__json_get_bool(enabled, b, path, "enabled", 1, err)) < 0 ||
	    (rc = tg__json_get_bool(&out->verified, b, path, "verified", 1, err)) < 0 ||
	    (rc = tg__json_get_str(&src, b, path, "source", 1, err)) < 0 ||
	    (rc = tg__json_get_str(&conf, b, path, "confidence", 1, err)) < 0 ||
	    (rc = band_bound(&out->tpp_above, b, path, "tpp_above", 0, err)) < 0 ||
	    (rc = band_bound(&out->tpp_below, b, path, "tpp_below", HUGE_VAL, err)) < 0 ||
	    (rc = band_bound(&out->bw_above, b, path, "bw_above", 0, err)) < 0 ||
	    (rc = band_bound(&out->bw_below, b, path, "bw_below", HUGE_VAL, err)) < 0)
		return rc;
	tg__json_path(p, path, strlen(id) == 0 || strlen(id) >= sizeof(out->id) ? "id" : "confidence");
	if (strlen(id) == 0 || strlen(id) >= sizeof(out->id))
		return tg__fail_field(err, TG_EINVALID, p, "%s: expected 1 to %zu characters", p, sizeof(out->id) - 1);
	if (!tg__confidence_valid(conf))
		return tg__fail_field(err, TG_EINVALID, p, "%s: unknown confidence tag '%.16s'", p, conf);
	memcpy(out->id, id, strlen(id) + 1);
	return TG_OK;
}

static int load_bands(tg_gates *out, const json_t *root, tg_err *err)
{
	json_t *bands = json_object_get(root, "tariff_bands_232");
	size_t i;
	int rc;
	if (!json_is_array(bands))
		return tg__fail_field(err, TG_EINVALID, "tariff_bands_232", "tariff_bands_232: expected an array");
	if (json_array_size(bands) > MAX_BAND_ENTRIES)
		return tg__fail_field(err, TG_ELIMIT, "tariff_bands_232", "tariff_bands_232: more than %d entries",
				      MAX_BAND_ENTRIES);
	for (i = 0; i < json_array_size(bands); i++) {
		tg_tariff_band band;
		char path[64];
		int enabled = 0;
		tg__json_path_idx(path, "", "tariff_bands_232", i);
		if ((rc = load_band(&band, &enabled, json_array_get(bands, i), path, err)) < 0)
			return rc;
		if (!enabled)
			continue;
		if (out->nbands == sizeof(out->bands) / sizeof(out->bands[0]))
			return tg__fail_field(err, TG_ELIMIT, path, "%s: more than %zu enabled bands", path,
					      sizeof(out->bands) / sizeof(out->bands[0]));
		out->bands[out->nbands++] = band;
	}
	return TG_OK;
}

int tg_gates_load(tg_gates *out, const char *path, tg_err *err)
{
	char *text = NULL;
	size_t len = 0;
	json_t *root = NULL;
	const char *format = NULL;
	tg_gates g;
	int rc;
	TG_ASSERT_ARG(out != NULL && path != NULL, err);
	memset(&g, 0, sizeof(g));
	if ((rc = tg_file_read(&text, &len, path, TG__CATALOG_MAX_BYTES, err)) < 0 ||
	    (rc = tg__json_parse(&root, text, len, err)) < 0)
		goto done;
	if (!json_is_object(root)) {
		rc = tg__fail(err, TG_EINVALID, "gates: expected a JSON object");
		goto done;
	}
	if ((rc = tg__json_only_keys(root, "", top_keys, err)) < 0 ||
	    (rc = tg__json_get_str(&format, root, "", "format", 1, err)) < 0)
		goto done;
	if (strcmp(format, "tollgate-gates/1") != 0) {
		rc = tg__fail_field(err, TG_EINVALID, "format", "format: expected \"tollgate-gates/1\"");
		goto done;
	}
	if ((rc = load_cbc(&g, root, err)) < 0 || (rc = load_bands(&g, root, err)) < 0)
		goto done;
	*out = g;
	rc = TG_OK;
done:
	json_decref(root);
	tg__free(text);
	return rc;
}
