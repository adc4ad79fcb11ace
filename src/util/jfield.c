/* SPDX-License-Identifier: Apache-2.0 */
/* Path-aware field getters over jparse tokens. Messages match util/json.c word for word. */
#include "jfield.h"

#include <stdio.h>
#include <string.h>
#include "json.h"

/* Value token v of key (0 = absent): 0 = absent or null (error if required), 1 = present, <0 = error. */
static int lookup(uint32_t v, const tg_jdoc *d, const char *prefix, const char *key, int required, tg_err *err)
{
	if (v == 0 || d->tok[v].type == TG_JNULL)
		return required ? tg__json_field_missing(prefix, key, err) : 0;
	return 1;
}

#define type_error tg__json_field_type

int tg__jf_get_str(const char **out, const tg_jdoc *d, uint32_t v, const char *prefix, const char *key, int required,
		   tg_err *err)
{
	int rc = lookup(v, d, prefix, key, required, err);
	if (rc <= 0)
		return rc;
	if (d->tok[v].type != TG_JSTR)
		return type_error(prefix, key, "a string", err);
	*out = d->tok[v].v.s; /* the parser rejects NUL in strings */
	return 1;
}

int tg__jf_get_bool(int *out, const tg_jdoc *d, uint32_t v, const char *prefix, const char *key, int required,
		    tg_err *err)
{
	int rc = lookup(v, d, prefix, key, required, err);
	if (rc <= 0)
		return rc;
	if (d->tok[v].type != TG_JTRUE && d->tok[v].type != TG_JFALSE)
		return type_error(prefix, key, "true or false", err);
	*out = d->tok[v].type == TG_JTRUE;
	return 1;
}

int tg__jf_get_int(int64_t *out, const tg_jdoc *d, uint32_t v, const char *prefix, const char *key, int required,
		   int64_t min, int64_t max, tg_err *err)
{
	int rc = lookup(v, d, prefix, key, required, err);
	if (rc <= 0)
		return rc;
	return tg__json_field_int(out, d->tok[v].type == TG_JINT, d->tok[v].v.i, prefix, key, min, max, err);
}

int tg__jf_get_dec(tg_dec *out, const tg_jdoc *d, uint32_t v, const char *prefix, const char *key, int required,
		   tg_err *err)
{
	int rc = lookup(v, d, prefix, key, required, err);
	if (rc <= 0)
		return rc;
	return tg__json_field_dec(out, d->tok[v].type == TG_JINT, d->tok[v].type == TG_JINT ? d->tok[v].v.i : 0,
				  d->tok[v].type == TG_JSTR ? d->tok[v].v.s : NULL, prefix, key, err);
}

int tg__jf_get_date(tg_date *out, const tg_jdoc *d, uint32_t v, const char *prefix, const char *key, int required,
		    tg_err *err)
{
	int rc = lookup(v, d, prefix, key, required, err);
	if (rc <= 0)
		return rc;
	return tg__json_field_date(out, d->tok[v].type == TG_JSTR ? d->tok[v].v.s : NULL, prefix, key, err);
}

int tg__jf_get_country(char out[3], const tg_jdoc *d, uint32_t v, const char *prefix, const char *key, int required,
		       tg_err *err)
{
	const char *s = NULL;
	int rc = tg__jf_get_str(&s, d, v, prefix, key, required, err);
	if (rc <= 0)
		return rc;
	return tg__json_field_country(out, s, prefix, key, err);
}

int tg__jf_fields(uint32_t *slots, const tg_jdoc *d, uint32_t obj, const char *prefix, const char *const *allowed,
		  tg_err *err)
{
	uint32_t n = d->tok[obj].nkids, m, k = obj + 1;
	size_t na = 0, a, cur = 0;
	while (allowed[na])
		slots[na++] = 0;
	for (m = 0; m < n; m++, k = d->tok[k + 1].next) {
		char path[64];
		/* Search from the slot after the last match: keys usually come in the documented order. */
		for (a = 0; a < na; a++, cur = cur + 1 == na ? 0 : cur + 1)
			if (allowed[cur][0] == d->tok[k].v.s[0] && strcmp(allowed[cur], d->tok[k].v.s) == 0)
				break;
		if (a == na) {
			tg__json_path(path, prefix, d->tok[k].v.s);
			return tg__fail_field(err, TG_EINVALID, path, "%s: unknown field", path);
		}
		slots[cur] = k + 1;
		cur = cur + 1 == na ? 0 : cur + 1;
	}
	return TG_OK;
}
