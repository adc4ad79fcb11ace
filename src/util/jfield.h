/* SPDX-License-Identifier: Apache-2.0 */
/* Typed, path-aware field access over jparse tokens: the same contract and messages as util/json.h
 * (null counts as absent; a present value of the wrong type fails naming the field). v is the value's
 * token (from tg__jf_fields), 0 when the key is absent; key and prefix name the field in messages. */
#ifndef TG_UTIL_JFIELD_H
#define TG_UTIL_JFIELD_H

#include "tg/date.h"
#include "tg/dec.h"
#include "err.h"
#include "jparse.h"

int tg__jf_get_str(const char **out, const tg_jdoc *d, uint32_t v, const char *prefix, const char *key, int required,
		   tg_err *err);
int tg__jf_get_bool(int *out, const tg_jdoc *d, uint32_t v, const char *prefix, const char *key, int required,
		    tg_err *err);
int tg__jf_get_int(int64_t *out, const tg_jdoc *d, uint32_t v, const char *prefix, const char *key, int required,
		   int64_t min, int64_t max, tg_err *err);
int tg__jf_get_dec(tg_dec *out, const tg_jdoc *d, uint32_t v, const char *prefix, const char *key, int required,
		   tg_err *err);
int tg__jf_get_date(tg_date *out, const tg_jdoc *d, uint32_t v, const char *prefix, const char *key, int required,
		    tg_err *err);
int tg__jf_get_country(char out[3], const tg_jdoc *d, uint32_t v, const char *prefix, const char *key, int required,
		       tg_err *err);
/* Map the members of object obj to the NULL-terminated allowed keys: slots[i] = value token of
 * allowed[i], 0 when absent. Fails naming the first key (in document order) that is not allowed. */
int tg__jf_fields(uint32_t *slots, const tg_jdoc *d, uint32_t obj, const char *prefix, const char *const *allowed,
		  tg_err *err);

#endif
