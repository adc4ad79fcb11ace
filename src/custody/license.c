/* SPDX-License-Identifier: Apache-2.0 */
/* Licences: parse and validate the licence JSON, screen its parties, and record it (with its audit
 * entry) in one transaction; idempotent by id and content hash. */
#include "license.h"
#include "ctx.h"
#include "custody.h"
#include "money.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "audit_chain.h"
#include "screen_norm.h"
#include "clock.h"
#include "store.h"
#include "buf.h"
#include "err.h"
#include "json.h"

#define MAX_NAMES 256
#define MAX_ITEMS 256

typedef struct lic_add {
	const tg__ctx *cx;
	json_t *root;
	char *canon;
	char hash[65];
	const char *id, *holder;
	char dest[3];
	tg_date from, to;
	int replayed;
} lic_add;

static int get_names(const json_t *root, const char *key, int required, tg_err *err)
{
	const json_t *a = json_object_get(root, key), *v;
	size_t i;
	char path[64];
	if (a == NULL && !required)
		return TG_OK;
	if (!json_is_array(a) || (required && json_array_size(a) == 0))
		return tg__fail_field(err, TG_EINVALID, key, "%s: expected a non-empty array of names", key);
	if (json_array_size(a) > MAX_NAMES)
		return tg__fail_field(err, TG_ELIMIT, key, "%s: more than %d names", key, MAX_NAMES);
	json_array_foreach (a, i, v) {
		char norm[512];
		tg__json_path_idx(path, NULL, key, i);
		if (!json_is_string(v) || json_string_length(v) == 0 || json_string_length(v) > 255)
			return tg__fail_field(err, TG_EINVALID, path, "%s: expected a name (1-255 bytes)", path);
		tg__name_norm(norm, json_string_value(v));
		if (norm[0] == '\0')
			return tg__fail_field(err, TG_EINVALID, path, "%s: name has nothing left after normalisation",
					      path);
	}
	return TG_OK;
}

static int check_item(lic_add *a, const json_t *it, size_t i, tg_err *err)
{
	static const char *const keys[] = {"item", "quantity", "value", "currency", "unit", NULL};
	char p[64];
	const char *item, *cur, *unit = "number";
	int64_t q;
	tg_dec v;
	int rc;
	tg__json_path_idx(p, NULL, "items", i);
	if (!json_is_object(it))
		return tg__fail_field(err, TG_EINVALID, p, "%s: expected an object", p);
	if ((rc = tg__json_only_keys(it, p, keys, err)) < 0 ||
	    (rc = tg__json_get_str(&item, it, p, "item", 1, err)) < 0 ||
	    (rc = tg__json_get_int(&q, it, p, "quantity", 1, 1, INT64_C(1000000000), err)) < 0 ||
	    (rc = tg__json_get_dec(&v, it, p, "value", 1, err)) < 0 ||
	    (rc = tg__json_get_str(&cur, it, p, "currency", 1, err)) < 0 ||
	    (rc = tg__json_get_str(&unit, it, p, "unit", 0, err)) < 0)
		return rc;
	if (tg_catalog_find(a->cx->catalog, item) == NULL)
		return tg__fail_field(err, TG_EINVALID, p, "%s.item: unknown item '%.64s'", p, item);
	if (v.micros <= 0)
		return tg__fail_field(err, TG_EINVALID, p, "%s.value: must be positive", p);
	if (!tg__currency_ok(cur))
		return tg__fail_field(err, TG_EINVALID, p, "%s.currency: expected an ISO 4217 code", p);
	if (strcmp(unit, "number") != 0 && strcmp(unit, "value") != 0)
		return tg__fail_field(err, TG_EINVALID, p, "%s.unit: expected \"number\" or \"value\"", p);
	return TG_OK;
}

static int parse(lic_add *a, const char *json, size_t len, tg_err *err)
{
	static const char *const keys[] = {"id",         "holder",   "destination", "consignees", "end_users", "items",
					   "valid_from", "valid_to", "conditions",  "provisos",   "covers",    NULL};
	const json_t *items, *it;
	const char *prov;
	size_t i;
	int rc;
	if ((rc = tg__json_parse(&a->root, json, len, err)) < 0)
		return rc;
	if (!json_is_object(a->root))
		return tg__fail(err, TG_EINVALID, "a licence is a JSON object");
	if ((rc = tg__json_only_keys(a->root, NULL, keys, err)) < 0 ||
	    (rc = tg__json_get_str(&a->id, a->root, NULL, "id", 1, err)) < 0 ||
	    (rc = tg__json_get_str(&a->holder, a->root, NULL, "holder", 1, err)) < 0 ||
	    (rc = tg__json_get_country(a->dest, a->root, NULL, "destination", 1, err)) < 0 ||
	    (rc = tg__json_get_date(&a->from, a->root, NULL, "valid_from", 1, err)) < 0 ||
	    (rc = tg__json_get_date(&a->to, a->root, NULL, "valid_to", 1, err)) < 0 ||
	    (rc = tg__json_get_str(&prov, a->root, NULL, "provisos", 0, err)) < 0 ||
	    (rc = get_names(a->root, "consignees", 1, err)) < 0 || (rc = get_names(a->root, "end_users", 0, err)) < 0 ||
	    (rc = get_names(a->root, "conditions", 0, err)) < 0 || (rc = get_names(a->root, "covers", 0, err)) < 0)
		return rc;
	if (strlen(a->id) == 0 || strlen(a->id) > 63)
		return tg__fail_field(err, TG_EINVALID, "id", "id: expected 1-63 characters");
	if (a->to < a->from)
		return tg__fail_field(err, TG_EINVALID, "valid_to", "valid_to: before valid_from");
	items = json_object_get(a->root, "items");
	if (!json_is_array(items) || json_array_size(items) == 0 || json_array_size(items) > MAX_ITEMS)
		return tg__fail_field(err, TG_EINVALID, "items", "items: expected 1-%d items", MAX_ITEMS);
	json_array_foreach (items, i, it) {
		if ((rc = check_item(a, it, i, err)) < 0)
			return rc;
	}
	return tg__canon(&a->canon, a->hash, a->root, err);
}

/* Refuse a licence naming a party that screening blocks. */
static int screen(lic_add *a, const char *key, tg_err *err)
{
	const tg_screener *s = a->cx->screener;
	const json_t *v;
	tg_screen_hit hit;
	size_t i, n;
	int rc;
	if (s == NULL)
		return TG_OK;
	json_array_foreach (json_object_get(a->root, key), i, v) {
		if ((rc = tg_screen_name(&hit, 1, &n, s, json_string_value(v), a->dest, err)) < 0)
			return rc;
		if (n && !hit.approved && hit.level == TG_HIT_BLOCK)
			return tg__fail(err, TG_EREFUSED,
					"%s[%zu]: '%.100s' matches %s entry %s '%.100s': not licensable", key, i,
					json_string_value(v), hit.list, hit.entity_id, hit.matched_name);
	}
	return TG_OK;
}

static int exists(lic_add *a, tg_store *st, tg_err *err)
{
	tg__stmt *s;
	int rc;
	if ((rc = tg__store_prepare(&s, st, tg__license_sql_q, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, a->id, -1);
	if ((rc = tg__stmt_step(s, err)) == 1 && strcmp(tg__stmt_text(s, 0), a->hash) != 0)
		rc = tg__fail_field(err, TG_ECONFLICT, "id",
				    "id: licence '%.64s' is already recorded with different content", a->id);
	tg__stmt_reset(s);
	return rc;
}

static int insert_parties(lic_add *a, tg_store *st, const char *key, const char *role, tg_err *err)
{
	const json_t *v;
	size_t i;
	int rc = TG_OK;
	json_array_foreach (json_object_get(a->root, key), i, v) {
		char norm[512];
		tg__stmt *s;
		tg__name_norm(norm, json_string_value(v));
		if ((rc = tg__store_prepare(&s, st, tg__license_sql_q2, err)) < 0)
			return rc;
		tg__stmt_bind_text(s, 1, a->id, -1);
		tg__stmt_bind_text(s, 2, role, -1);
		tg__stmt_bind_text(s, 3, json_string_value(v), -1);
		tg__stmt_bind_text(s, 4, norm, -1);
		rc = tg__stmt_step(s, err);
		tg__stmt_reset(s);
		if (rc < 0)
			return rc;
	}
	return TG_OK;
}

/* value_limit: the cap plus the §750.11 tolerance (25 % for items licensed by number). */
static int insert_items(lic_add *a, tg_store *st, tg_err *err)
{
	const json_t *it;
	size_t i;
	int rc;
	json_array_foreach (json_object_get(a->root, "items"), i, it) {
		const char *unit = json_string_value(json_object_get(it, "unit"));
		tg__stmt *s;
		tg_dec v;
		int64_t limit;
		tg__json_get_dec(&v, it, NULL, "value", 1, err);
		limit = (unit && strcmp(unit, "value") == 0) ? v.micros : v.micros + v.micros / 4;
		if ((rc = tg__store_prepare(&s, st, tg__license_sql_q3, err)) < 0)
			return rc;
		tg__stmt_bind_text(s, 1, a->id, -1);
		tg__stmt_bind_text(s, 2, json_string_value(json_object_get(it, "item")), -1);
		tg__stmt_bind_int64(s, 3, (int64_t)json_integer_value(json_object_get(it, "quantity")));
		tg__stmt_bind_int64(s, 4, v.micros);
		tg__stmt_bind_int64(s, 5, limit);
		tg__stmt_bind_text(s, 6, json_string_value(json_object_get(it, "currency")), -1);
		rc = tg__stmt_step(s, err);
		tg__stmt_reset(s);
		if (rc == TG_ECONFLICT)
			return tg__fail_field(err, TG_EINVALID, "items", "items[%zu].item: listed twice", i);
		if (rc < 0)
			return rc;
	}
	return TG_OK;
}

static int add_txn(void *arg, tg_err *err)
{
	lic_add *a = arg;
	tg_store *st = a->cx->store;
	char norm[512], from[11], to[11], now[21];
	tg__stmt *s;
	int rc;
	if ((rc = exists(a, st, err)) != 0) {
		a->replayed = rc == 1;
		return rc < 0 ? rc : TG_OK;
	}
	tg__name_norm(norm, a->holder);
	tg_date_format(from, a->from);
	tg_date_format(to, a->to);
	tg__utc_now(now);
	if ((rc = tg__store_prepare(&s, st, tg__license_sql_q4, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, a->id, -1);
	tg__stmt_bind_text(s, 2, a->holder, -1);
	tg__stmt_bind_text(s, 3, norm, -1);
	tg__stmt_bind_text(s, 4, a->dest, -1);
	tg__stmt_bind_text(s, 5, from, -1);
	tg__stmt_bind_text(s, 6, to, -1);
	tg__stmt_bind_text(s, 7, a->hash, -1);
	tg__stmt_bind_text(s, 8, a->canon, -1);
	tg__stmt_bind_text(s, 9, now, -1);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	if (rc < 0 || (rc = insert_parties(a, st, "consignees", "consignee", err)) < 0 ||
	    (rc = insert_parties(a, st, "end_users", "end_user", err)) < 0 || (rc = insert_items(a, st, err)) < 0)
		return rc;
	return tg__audit_append(st, a->cx->actor, "license.add", a->id, a->canon, err);
}

int tg__license_add(tg_buf *out, const tg__ctx *cx, const char *json, size_t len, tg_err *err)
{
	lic_add a;
	int rc;
	memset(&a, 0, sizeof(a));
	a.cx = cx;
	if (cx->store == NULL)
		return tg__fail(err, TG_EINVALID, "licences need a store");
	if ((rc = parse(&a, json, len, err)) < 0 || (rc = screen(&a, "consignees", err)) < 0 ||
	    (rc = screen(&a, "end_users", err)) < 0)
		goto done;
	if ((rc = tg__in_txn(cx->store, add_txn, &a, err)) < 0)
		goto done;
	rc = tg__license_show(out, cx, a.id, err);
done:
	free(a.canon);
	json_decref(a.root);
	return rc;
}
