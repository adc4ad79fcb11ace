/* SPDX-License-Identifier: Apache-2.0 */
/* Path-aware jansson field getters, strict parsing, and the ISO 3166-1 country list. */
#include "json.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include "alloc.h"
#include "err.h"
#include "sha256.h"

/* ISO 3166-1 alpha-2, sorted, two letters each (from Debian iso-codes, 249 codes), plus XK (Kosovo,
 * user-assigned but used by OFAC and the CSL). */
static const char countries[] =
	"ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCR"
	"CUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHU"
	"IDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQ"
	"MRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSI"
	"SJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";

int tg__country_valid(const char *cc)
{
	size_t lo = 0, hi = (sizeof(countries) - 1) / 2;
	if (cc == NULL || strlen(cc) != 2)
		return 0;
	if (cc[0] == 'X' && cc[1] == 'K')
		return 1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strncmp(countries + mid * 2, cc, 2);
		if (c == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

static int depth_ok(const json_t *v, int depth)
{
	size_t i;
	const char *k;
	json_t *c;
	if (depth > TG_JSON_MAX_DEPTH)
		return 0;
	if (json_is_array(v)) {
		json_array_foreach (v, i, c)
			if (!depth_ok(c, depth + 1))
				return 0;
	} else if (json_is_object(v)) {
		json_object_foreach ((json_t *)v, k, c)
			if (!depth_ok(c, depth + 1))
				return 0;
	}
	return 1;
}

static void route_jansson(void)
{
	json_set_alloc_funcs(tg__malloc, tg__free);
}

void tg__json_init(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, route_jansson);
}

/* jansson (2.14) silently skips a NUL byte that follows a number or a literal ("[10\0]" loads as [10]).
 * A raw NUL is never valid JSON text (inside a string it must be escaped), so refuse it up front. */
static int reject_nul(const char *text, size_t len, tg_err *err)
{
	const char *nul = memchr(text, '\0', len);
	int line = 1, column = 1, rc;
	const char *p;
	if (nul == NULL)
		return TG_OK;
	for (p = text; p < nul; p++, column++)
		if (*p == '\n') {
			line++;
			column = 0;
		}
	rc = tg__fail(err, TG_EINVALID, "invalid JSON at line %d, column %d: NUL byte in the text", line, column);
	if (err) {
		err->line = line;
		err->column = column;
	}
	return rc;
}

int tg__json_parse(json_t **out, const char *text, size_t len, tg_err *err)
{
	json_error_t je;
	json_t *v;
	size_t failed = tg__alloc_failures();
	int rc = reject_nul(text, len, err);
	if (rc < 0)
		return rc;
	tg__json_init();
	v = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (v == NULL) {
		if (tg__alloc_failures() != failed) /* jansson may report it as a syntax error */
			return tg__oom(err);
		rc = tg__fail(err, TG_EINVALID, "invalid JSON at line %d, column %d: %s", je.line, je.column, je.text);
		if (err) {
			err->line = je.line;
			err->column = je.column;
		}
		return rc;
	}
	if (!depth_ok(v, 0)) {
		json_decref(v);
		return tg__fail(err, TG_EINVALID, "JSON nested deeper than %d levels", TG_JSON_MAX_DEPTH);
	}
	*out = v;
	return TG_OK;
}

void tg__json_path(char out[64], const char *prefix, const char *key)
{
	if (prefix && *prefix)
		snprintf(out, 64, "%s.%s", prefix, key);
	else
		snprintf(out, 64, "%s", key);
}

void tg__json_path_idx(char out[64], const char *prefix, const char *key, size_t idx)
{
	if (prefix && *prefix)
		snprintf(out, 64, "%s.%s[%zu]", prefix, key, idx);
	else
		snprintf(out, 64, "%s[%zu]", key, idx);
}

int tg__json_field_missing(const char *prefix, const char *key, tg_err *err)
{
	char path[64];
	tg__json_path(path, prefix, key);
	return tg__fail_field(err, TG_EINVALID, path, "%s: required field is missing", path);
}

int tg__json_field_type(const char *prefix, const char *key, const char *what, tg_err *err)
{
	char path[64];
	tg__json_path(path, prefix, key);
	return tg__fail_field(err, TG_EINVALID, path, "%s: expected %s", path, what);
}

int tg__json_field_int(int64_t *out, int is_int, int64_t v, const char *prefix, const char *key, int64_t min,
		       int64_t max, tg_err *err)
{
	char what[96];
	if (!is_int || v < min || v > max) {
		snprintf(what, sizeof(what), "an integer from %lld to %lld", (long long)min, (long long)max);
		return tg__json_field_type(prefix, key, what, err);
	}
	*out = v;
	return 1;
}

int tg__json_field_dec(tg_dec *out, int is_int, int64_t i, const char *s, const char *prefix, const char *key,
		       tg_err *err)
{
	char path[64];
	int rc;
	tg__json_path(path, prefix, key);
	if (is_int) {
		out->micros = 0;
		if (i > TG_DEC_MAX_MICROS / TG_DEC_SCALE || i < -(TG_DEC_MAX_MICROS / TG_DEC_SCALE))
			return tg__fail_field(err, TG_EINVALID, path, "%s: number out of range", path);
		out->micros = i * TG_DEC_SCALE;
		return 1;
	}
	if (s == NULL)
		return tg__fail_field(err, TG_EINVALID, path,
				      "%s: expected a decimal string such as \"31000.50\" (not a binary float)", path);
	if ((rc = tg_dec_parse(out, s, err)) < 0) {
		char msg[256];
		snprintf(msg, sizeof(msg), "%s", err ? err->msg : "");
		return tg__fail_field(err, rc, path, "%s: %s", path, msg);
	}
	return 1;
}

int tg__json_field_date(tg_date *out, const char *s, const char *prefix, const char *key, tg_err *err)
{
	char path[64];
	if (s == NULL || tg_date_parse(out, s, NULL) < 0) {
		tg__json_path(path, prefix, key);
		return tg__fail_field(err, TG_EINVALID, path, "%s: expected a date YYYY-MM-DD", path);
	}
	return 1;
}

int tg__json_field_country(char out[3], const char *s, const char *prefix, const char *key, tg_err *err)
{
	char path[64];
	if (!tg__country_valid(s)) {
		tg__json_path(path, prefix, key);
		return tg__fail_field(err, TG_EINVALID, path, "%s: unknown country code '%.8s' (ISO 3166-1 alpha-2)",
				      path, s);
	}
	memcpy(out, s, 3);
	return 1;
}

/* Look up key; 0 = absent (error if required), 1 = present, <0 = error. */
static int lookup(json_t **v, const json_t *obj, const char *prefix, const char *key, int required, tg_err *err)
{
	*v = json_object_get(obj, key);
	if (*v == NULL || json_is_null(*v))
		return required ? tg__json_field_missing(prefix, key, err) : 0;
	return 1;
}

#define type_error tg__json_field_type

int tg__json_get_str(const char **out, const json_t *obj, const char *prefix, const char *key, int required,
		     tg_err *err)
{
	json_t *v;
	int rc = lookup(&v, obj, prefix, key, required, err);
	if (rc <= 0)
		return rc;
	if (!json_is_string(v))
		return type_error(prefix, key, "a string", err);
	if (strlen(json_string_value(v)) != json_string_length(v))
		return type_error(prefix, key, "a string without NUL characters", err);
	*out = json_string_value(v);
	return 1;
}

int tg__json_get_bool(int *out, const json_t *obj, const char *prefix, const char *key, int required, tg_err *err)
{
	json_t *v;
	int rc = lookup(&v, obj, prefix, key, required, err);
	if (rc <= 0)
		return rc;
	if (!json_is_boolean(v))
		return type_error(prefix, key, "true or false", err);
	*out = json_is_true(v);
	return 1;
}

int tg__json_get_int(int64_t *out, const json_t *obj, const char *prefix, const char *key, int required, int64_t min,
		     int64_t max, tg_err *err)
{
	json_t *v;
	int rc = lookup(&v, obj, prefix, key, required, err);
	if (rc <= 0)
		return rc;
	return tg__json_field_int(out, json_is_integer(v), json_integer_value(v), prefix, key, min, max, err);
}

int tg__json_get_dec(tg_dec *out, const json_t *obj, const char *prefix, const char *key, int required, tg_err *err)
{
	json_t *v;
	int rc = lookup(&v, obj, prefix, key, required, err);
	if (rc <= 0)
		return rc;
	return tg__json_field_dec(out, json_is_integer(v), json_integer_value(v), json_string_value(v), prefix, key,
				  err);
}

int tg__json_get_num(double *out, const json_t *obj, const char *prefix, const char *key, int required, tg_err *err)
{
	json_t *v;
	int rc = lookup(&v, obj, prefix, key, required, err);
	if (rc <= 0)
		return rc;
	if (!json_is_number(v))
		return type_error(prefix, key, "a number", err);
	*out = json_number_value(v);
	return 1;
}

int tg__json_get_date(tg_date *out, const json_t *obj, const char *prefix, const char *key, int required, tg_err *err)
{
	json_t *v;
	int rc = lookup(&v, obj, prefix, key, required, err);
	if (rc <= 0)
		return rc;
	return tg__json_field_date(out, json_string_value(v), prefix, key, err);
}

int tg__json_get_country(char out[3], const json_t *obj, const char *prefix, const char *key, int required, tg_err *err)
{
	const char *s = NULL;
	int rc = tg__json_get_str(&s, obj, prefix, key, required, err);
	if (rc <= 0)
		return rc;
	return tg__json_field_country(out, s, prefix, key, err);
}

int tg__json_only_keys(const json_t *obj, const char *prefix, const char *const *allowed, tg_err *err)
{
	const char *k;
	json_t *v;
	json_object_foreach ((json_t *)obj, k, v) {
		const char *const *a;
		char path[64];
		for (a = allowed; *a; a++)
			if (strcmp(*a, k) == 0)
				break;
		if (*a == NULL) {
			tg__json_path(path, prefix, k);
			return tg__fail_field(err, TG_EINVALID, path, "%s: unknown field", path);
		}
	}
	return TG_OK;
}

int tg__canon(char **out, char hash[65], const json_t *v, tg_err *err)
{
	*out = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENSURE_ASCII | JSON_ENCODE_ANY);
	if (*out == NULL)
		return tg__oom(err);
	if (hash && tg__sha256_hex(hash, *out, strlen(*out)) < 0) {
		free(*out);
		*out = NULL;
		return tg__fail(err, TG_EINTERNAL, "sha256 failed");
	}
	return TG_OK;
}
