/* SPDX-License-Identifier: Apache-2.0 */
/* Typed, path-aware field access over jparse tokens: the same contract and messages as util/json.h
 * (null counts as absent; a present value of the wrong type fails naming the field). obj is the index
 * of an object token. */
#ifndef TG_UTIL_JFIELD_H
#define TG_UTIL_JFIELD_H

#include "tg/date.h"
#include "tg/dec.h"
#include "util/err.h"
#include "util/jparse.h"

int tg__jf_get_str(const char **out, const tg_jdoc *d, uint32_t obj, const char *prefix, const char *key,
		   int required, tg_err *err);
int tg__jf_get_bool(int *out, const tg_jdoc *d, uint32_t obj, const char *prefix, const char *key, int required,
		    tg_err *err);
int tg__jf_get_int(int64_t *out, const tg_jdoc *d, uint32_t obj, const char *prefix, const char *key,
		   int required, int64_t min, int64_t max, tg_err *err);
int tg__jf_get_dec(tg_dec *out, const tg_jdoc *d, uint32_t obj, const char *prefix, const char *key,
		   int required, tg_err *err);
int tg__jf_get_date(tg_date *out, const tg_jdoc *d, uint32_t obj, const char *prefix, const char *key,
		    int required, tg_err *err);
int tg__jf_get_country(char out[3], const tg_jdoc *d, uint32_t obj, const char *prefix, const char *key,
		       int required, tg_err *err);
/* Fail naming the first key of obj (in document order) not in the NULL-terminated allowed list. */
int tg__jf_only_keys(const tg_jdoc *d, uint32_t obj, const char *prefix, const char *const *allowed,
		     tg_err *err);

#endif
