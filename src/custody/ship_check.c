/* SPDX-License-Identifier: Apache-2.0 */
/* Every check a shipment must pass; each failure adds a reason (code + message) and the checks go on,
 * so that a refusal lists every reason. Read-only. */
#include "custody.h"
#include <stdarg.h>

#include <stdio.h>
#include <string.h>
#include "screen_norm.h"
#include "err.h"
#include "map.h"

int tg__ship_reason(ship_ctx *c, const char *code, const char *fmt, ...)
{
	char msg[320];
	va_list ap;
	if (json_array_size(c->reasons) >= TG_SHIP_MAX_REASONS)
		return 0;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (json_array_size(c->reasons) == TG_SHIP_MAX_REASONS - 1) {
		code = "more";
		snprintf(msg, sizeof(msg), "further reasons omitted (limit %d)", TG_SHIP_MAX_REASONS);
	}
	return json_array_append_new(c->reasons, json_pack("{s:s,s:s}", "code", code, "message", msg)) < 0 ? TG_ENOMEM
													   : 0;
}

int tg__ship_is_china(const char *cc)
{
	return strcmp(cc, "CN") == 0 || strcmp(cc, "MO") == 0 || strcmp(cc, "HK") == 0;
}

#define R(code, ...)                                           \
	do {                                                   \
		if (tg__ship_reason(c, code, __VA_ARGS__) < 0) \
			return tg__oom(err);                   \
	} while (0)

/* Hand the loaded order to the batch cache (which frees the previous one). */
static void cache_put(ship_ctx *c)
{
	ship_cache *k = c->cache;
	if (k == NULL || c->order == NULL || strlen(c->order_id) >= sizeof(k->order_id))
		return;
	tg_order_free(k->order);
	json_decref(k->decision);
	snprintf(k->order_id, sizeof(k->order_id), "%s", c->order_id);
	k->order = c->order;
	k->decision = c->decision;
	c->borrowed = 1;
}

static int load_order(ship_ctx *c, tg_err *err)
{
	tg__stmt *s;
	tg_err ignore = TG_ERR_INIT;
	const char *oj;
	int rc;
	if (c->cache && c->cache->order && strcmp(c->cache->order_id, c->order_id) == 0) {
		c->order = c->cache->order;
		c->decision = c->cache->decision;
		c->borrowed = 1;
		return TG_OK;
	}
	if ((rc = tg__store_prepare(&s, c->st, tg__ship_check_sql_q, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, c->order_id, -1);
	if ((rc = tg__stmt_step(s, err)) == 1) {
		oj = tg__stmt_text(s, 0);
		if (tg_order_parse(&c->order, oj, strlen(oj), &ignore) < 0 ||
		    (c->decision = json_loads(tg__stmt_text(s, 1), 0, NULL)) == NULL)
			rc = tg__fail(err, TG_EINTERNAL, "order '%.64s': corrupt recorded decision", c->order_id);
	}
	tg__stmt_reset(s);
	if (rc == 1)
		cache_put(c);
	if (rc == 0)
		R("order_not_recorded", "order '%.64s' has no recorded decision (run tollgate check on it first)",
		  c->order_id);
	return rc < 0 ? rc : TG_OK;
}

static int check_decision(ship_ctx *c, tg_err *err)
{
	const char *verdict = json_string_value(json_object_get(c->decision, "verdict"));
	const json_t *lic = json_object_get(c->decision, "license");
	const char *lid = json_string_value(json_object_get(lic, "id"));
	if (verdict == NULL || strcmp(verdict, "allow") != 0)
		R("order_not_allowed", "order '%.64s' was decided %s, not allow", c->order_id, verdict ? verdict : "?");
	if (c->license_id && (lid == NULL || strcmp(lid, c->license_id) != 0))
		R("license_mismatch", "order '%.64s' was allowed under %s%.64s, not licence %.64s", c->order_id,
		  lid ? "licence " : "no licence", lid ? lid : "", c->license_id);
	if (c->license_id == NULL && lid != NULL)
		R("license_missing", "order '%.64s' was allowed under licence %.64s: the shipment must name it",
		  c->order_id, lid);
	tg__name_norm(c->exporter_norm, c->order->exporter_name);
	return TG_OK;
}

static int64_t shipped_for_order(ship_ctx *c, const char *item, tg_err *err)
{
	tg__stmt *s;
	int64_t n = -1;
	int rc;
	if (tg__store_prepare(&s, c->st, tg__ship_check_sql_q2, err) < 0)
		return -1;
	tg__stmt_bind_text(s, 1, c->order_id, -1);
	tg__stmt_bind_text(s, 2, item, -1);
	if ((rc = tg__stmt_step(s, err)) >= 0)
		n = rc == 1 ? tg__stmt_int64(s, 0) : 0;
	tg__stmt_reset(s);
	return n;
}

/* Match shipment lines to order lines: item present, value, cumulative quantity within the order. */
static int check_lines(ship_ctx *c, tg_err *err)
{
	size_t i, k;
	for (i = 0; i < c->nlines; i++) {
		ship_line *l = &c->lines[i];
		int64_t ordered = 0, done;
		for (k = 0; k < c->order->nlines; k++) {
			if (strcmp(c->order->lines[k].item, l->item) != 0)
				continue;
			if (l->order_line < 0) {
				tg_dec v;
				l->order_line = (int)k;
				snprintf(l->currency, sizeof(l->currency), "%s", c->order->lines[k].currency);
				if (tg_dec_mul_int(&v, c->order->lines[k].unit_value, l->qty) < 0)
					return tg__fail(err, TG_EINVALID, "lines[%zu]: value overflows", i);
				l->value = v.micros;
			}
			ordered += c->order->lines[k].quantity;
		}
		if (l->order_line < 0) {
			R("item_not_in_order", "lines[%zu]: item %.64s is not in order '%.64s'", i, l->item,
			  c->order_id);
			continue;
		}
		if ((done = shipped_for_order(c, l->item, err)) < 0)
			return TG_EDB;
		if (done + l->qty > ordered)
			R("over_order_quantity",
			  "lines[%zu]: %lld of %.64s would exceed the %lld ordered (%lld already shipped)", i,
			  (long long)l->qty, l->item, (long long)ordered, (long long)done);
	}
	return TG_OK;
}

/* Latest certificate result of serial for item: 1 pass, 0 fail, -1 none; < -1 on error. */
static int cert_result(ship_ctx *c, const char *serial, const char *item, char id[64], tg_err *err)
{
	tg__stmt *s;
	int rc;
	if ((rc = tg__store_prepare(&s, c->st, tg__ship_check_sql_q3, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, serial, -1);
	tg__stmt_bind_text(s, 2, item, -1);
	rc = tg__stmt_step(s, err);
	if (rc == 1) {
		snprintf(id, 64, "%s", tg__stmt_text(s, 1));
		rc = strcmp(tg__stmt_text(s, 0), "pass") == 0 ? 1 : 0;
	} else if (rc == 0)
		rc = -1;
	tg__stmt_reset(s);
	return rc;
}

static int shipped_in(ship_ctx *c, const char *serial, char id[64], tg_err *err)
{
	tg__stmt *s;
	int rc;
	if ((rc = tg__store_prepare(&s, c->st, tg__ship_check_sql_q4, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, serial, -1);
	if ((rc = tg__stmt_step(s, err)) == 1)
		snprintf(id, 64, "%s", tg__stmt_text(s, 0));
	tg__stmt_reset(s);
	return rc;
}

static int check_serial(ship_ctx *c, tg_map *seen, const ship_line *l, const char *sn, tg_err *err)
{
	char id[64];
	int rc;
	if (tg__map_get(seen, sn, strlen(sn)) != NULL) {
		R("serial_duplicate", "serial %.63s appears twice in the shipment", sn);
		return TG_OK;
	}
	if (tg__map_put(seen, sn, strlen(sn), (void *)l, NULL) < 0)
		return tg__oom(err);
	if ((rc = shipped_in(c, sn, id, err)) < 0)
		return rc;
	if (rc == 1)
		R("serial_shipped", "serial %.63s already shipped in shipment %.63s", sn, id);
	if ((rc = cert_result(c, sn, l->item, id, err)) < -1)
		return rc;
	if (rc == -1)
		R("certificate_missing", "serial %.63s has no inspection certificate for %.64s", sn, l->item);
	else if (rc == 0)
		R("certificate_failed", "serial %.63s failed inspection (certificate %.63s)", sn, id);
	return TG_OK;
}

static int check_serials(ship_ctx *c, tg_err *err)
{
	tg_map seen = TG_MAP_INIT;
	const json_t *v;
	size_t i, k;
	int rc = TG_OK;
	for (i = 0; i < c->nlines && rc == TG_OK; i++)
		json_array_foreach (c->lines[i].serials, k, v) {
			if ((rc = check_serial(c, &seen, &c->lines[i], json_string_value(v), err)) < 0)
				break;
		}
	tg__map_dispose(&seen);
	return rc;
}

static int check_license_items(ship_ctx *c, tg_err *err)
{
	size_t i;
	int rc;
	for (i = 0; i < c->nlines; i++) {
		const ship_line *l = &c->lines[i];
		tg__stmt *s;
		if ((rc = tg__store_prepare(&s, c->st, tg__ship_check_sql_q5, err)) < 0)
			return rc;
		tg__stmt_bind_text(s, 1, c->license_id, -1);
		tg__stmt_bind_text(s, 2, l->item, -1);
		rc = tg__stmt_step(s, err);
		if (rc == 0 && tg__ship_reason(c, "item_not_licensed", "item %.64s is not on licence %.64s", l->item,
					       c->license_id) < 0)
			rc = TG_ENOMEM;
		if (rc == 1 && tg__stmt_int64(s, 0) < l->qty &&
		    tg__ship_reason(c, "over_quantity", "licence %.64s has %lld of %.64s left, the shipment needs %lld",
				    c->license_id, (long long)tg__stmt_int64(s, 0), l->item, (long long)l->qty) < 0)
			rc = TG_ENOMEM;
		if (rc == 1 && l->order_line >= 0 && tg__stmt_int64(s, 1) < l->value &&
		    tg__ship_reason(
			    c, "over_value",
			    "licence %.64s has %lld.%06lld %s of value left for %.64s (with tolerance), the shipment "
			    "is worth %lld.%06lld",
			    c->license_id, (long long)(tg__stmt_int64(s, 1) / 1000000),
			    (long long)(tg__stmt_int64(s, 1) % 1000000), tg__stmt_text(s, 2), l->item,
			    (long long)(l->value / 1000000), (long long)(l->value % 1000000)) < 0)
			rc = TG_ENOMEM;
		tg__stmt_reset(s);
		if (rc < 0)
			return rc == TG_ENOMEM ? tg__oom(err) : rc;
	}
	return TG_OK;
}

static int check_license(ship_ctx *c, tg_err *err)
{
	tg__stmt *s;
	int rc;
	if (c->license_id == NULL)
		return TG_OK;
	if ((rc = tg__store_prepare(&s, c->st, tg__ship_check_sql_q6, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, c->license_id, -1);
	rc = tg__stmt_step(s, err);
	if (rc == 0 && tg__ship_reason(c, "license_unknown", "licence %.64s is not on record", c->license_id) < 0)
		rc = TG_ENOMEM;
	if (rc == 1) {
		if (strcmp(tg__stmt_text(s, 0), "live") != 0)
			R("license_revoked", "licence %.64s is %s", c->license_id, tg__stmt_text(s, 0));
		if (tg__stmt_int64(s, 1))
			R("license_under_review", "licence %.64s is under review after a diversion report",
			  c->license_id);
		if (strcmp(c->datestr, tg__stmt_text(s, 2)) < 0)
			R("license_not_yet_valid", "licence %.64s is valid from %s; the shipment is dated %s",
			  c->license_id, tg__stmt_text(s, 2), c->datestr);
		if (strcmp(c->datestr, tg__stmt_text(s, 3)) > 0)
			R("license_expired", "licence %.64s expired on %s; the shipment is dated %s", c->license_id,
			  tg__stmt_text(s, 3), c->datestr);
		if (c->order && strcmp(tg__stmt_text(s, 4), c->exporter_norm) != 0)
			R("license_holder", "licence %.64s is not held by the order's exporter", c->license_id);
		if (c->order && strcmp(tg__stmt_text(s, 5), c->order->destination) != 0)
			R("license_destination", "licence %.64s is for %s, the order goes to %s", c->license_id,
			  tg__stmt_text(s, 5), c->order->destination);
	}
	tg__stmt_reset(s);
	if (rc < 0)
		return rc == TG_ENOMEM ? tg__oom(err) : rc;
	return rc == 1 ? check_license_items(c, err) : TG_OK;
}

/* China + Macau (+ Hong Kong) quantity after this shipment <= 50 % of the recorded US end-use quantity. */
static int check_volume(ship_ctx *c, tg_err *err)
{
	char period[8];
	size_t i;
	int rc;
	if (c->order == NULL || !tg__ship_is_china(c->order->destination))
		return TG_OK;
	snprintf(period, sizeof(period), "%.7s", c->datestr);
	for (i = 0; i < c->nlines; i++) {
		int64_t cn = 0, us = 0;
		tg__stmt *s;
		if ((rc = tg__store_prepare(&s, c->st, tg__ship_check_sql_cn_sql, err)) < 0)
			return rc;
		tg__stmt_bind_text(s, 1, c->exporter_norm, -1);
		tg__stmt_bind_text(s, 2, c->lines[i].item, -1);
		if ((rc = tg__stmt_step(s, err)) == 1)
			cn = tg__stmt_int64(s, 0);
		tg__stmt_reset(s);
		if (rc < 0 || (rc = tg__store_prepare(&s, c->st, tg__ship_check_sql_us_sql, err)) < 0)
			return rc;
		tg__stmt_bind_text(s, 1, c->exporter_norm, -1);
		tg__stmt_bind_text(s, 2, c->lines[i].item, -1);
		tg__stmt_bind_text(s, 3, period, -1);
		if ((rc = tg__stmt_step(s, err)) == 1)
			us = tg__stmt_int64(s, 0);
		tg__stmt_reset(s);
		if (rc < 0)
			return rc;
		if (2 * (cn + c->lines[i].qty) > us)
			R("volume_cap",
			  "China+Macau quantity of %.64s would reach %lld, over 50%% of the %lld recorded for US "
			  "end use through %s (cap %lld)",
			  c->lines[i].item, (long long)(cn + c->lines[i].qty), (long long)us, period,
			  (long long)(us / 2));
	}
	return TG_OK;
}

int tg__ship_check(ship_ctx *c, tg_err *err)
{
	int rc;
	if ((rc = load_order(c, err)) < 0)
		return rc;
	if (c->order && ((rc = check_decision(c, err)) < 0 || (rc = check_lines(c, err)) < 0))
		return rc;
	if ((rc = check_serials(c, err)) < 0 || (rc = check_license(c, err)) < 0)
		return rc;
	return check_volume(c, err);
}
