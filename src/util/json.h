/* SPDX-License-Identifier: Apache-2.0 */
/* Typed, path-aware field access over jansson values. Every getter names the field on failure
 * ("lines[0].quantity: expected a positive integer") so input errors point at what to fix. */
#ifndef TG_UTIL_JSON_H
#define TG_UTIL_JSON_H

#include <jansson.h>
#include "tg/date.h"
#include "tg/dec.h"
#include "err.h"

#define TG_JSON_MAX_DEPTH 32

/* Route jansson's allocations through tg__malloc/tg__free (so the pluggable allocator and the OOM
 * sweeps cover them). Idempotent and thread-safe; called by every libtg entry point that uses jansson,
 * before its first jansson call. */
void tg__json_init(void);

/* Parse text strictly (duplicate keys rejected, depth limited): line/column into err on failure. */
int tg__json_parse(json_t **out, const char *text, size_t len, tg_err *err);

/* Build "prefix.key" or "key" into out (size 64). */
void tg__json_path(char out[64], const char *prefix, const char *key);
void tg__json_path_idx(char out[64], const char *prefix, const char *key, size_t idx);

/* Getters: required=1 fails with TG_EINVALID when absent; when absent and optional, *out untouched
 * and 0 returned. A present value of the wrong type fails. A present and valid value returns 1. */
int tg__json_get_str(const char **out, const json_t *obj, const char *prefix, const char *key, int required,
		     tg_err *err);
int tg__json_get_bool(int *out, const json_t *obj, const char *prefix, const char *key, int required, tg_err *err);
int tg__json_get_int(int64_t *out, const json_t *obj, const char *prefix, const char *key, int required, int64_t min,
		     int64_t max, tg_err *err);
/* A number (JSON number or decimal string) stored exactly: integers and decimal strings only, so
 * values like 989.4 arrive as strings or are re-read from their textual form. */
int tg__json_get_dec(tg_dec *out, const json_t *obj, const char *prefix, const char *key, int required, tg_err *err);
/* A JSON number (integer or real) as double: for physical quantities (TOPS, GB/s, mm2), never money. */
int tg__json_get_num(double *out, const json_t *obj, const char *prefix, const char *key, int required, tg_err *err);
int tg__json_get_date(tg_date *out, const json_t *obj, const char *prefix, const char *key, int required, tg_err *err);
/* ISO 3166-1 alpha-2 code, upper case, validated against the known list. */
int tg__json_get_country(char out[3], const json_t *obj, const char *prefix, const char *key, int required,
			 tg_err *err);
/* Fail naming the first key of obj that is not in the NULL-terminated allowed list. */
int tg__json_only_keys(const json_t *obj, const char *prefix, const char *const *allowed, tg_err *err);

/* Is cc a known ISO 3166-1 alpha-2 code? */
int tg__country_valid(const char *cc);

/* Canonical text (sorted keys, compact, ASCII) of v and its SHA-256 hex (hash may be NULL); *out is
 * malloc'd by jansson (free with free()). The audit chain and content hashes use it. */
int tg__canon(char **out, char hash[65], const json_t *v, tg_err *err);

/* The checks behind the getters, shared with the order parser's token getters (jfield.c) so that both
 * say the same words: each fails with the field's path and returns 1 on success. */
int tg__json_field_missing(const char *prefix, const char *key, tg_err *err);
int tg__json_field_type(const char *prefix, const char *key, const char *what, tg_err *err);
int tg__json_field_int(int64_t *out, int is_int, int64_t v, const char *prefix, const char *key, int64_t min,
		       int64_t max, tg_err *err);
/* A decimal from an integer (is_int, i) or a decimal string s (NULL when the value is neither). */
int tg__json_field_dec(tg_dec *out, int is_int, int64_t i, const char *s, const char *prefix, const char *key,
		       tg_err *err);
/* s NULL when the value is not a string. */
int tg__json_field_date(tg_date *out, const char *s, const char *prefix, const char *key, tg_err *err);
int tg__json_field_country(char out[3], const char *s, const char *prefix, const char *key, tg_err *err);

#endif
