/* SPDX-License-Identifier: Apache-2.0 */
/* Shipment returns (reversing the charges), receipts, and the US end-use volume record. */
#include "custody.h"
#include "ctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "audit_chain.h"
#include "json.h"
#include "screen_norm.h"
#include "store.h"
#include "ledger.h"
#include "buf.h"
#include "err.h"

int tg__ship_show(tg_buf *out, const tg__ctx *cx, const char *id, tg_err *err)
{
	tg_store *st = cx->store;
	tg__stmt *s;
	json_t *r;
	char *t = NULL;
	int rc;
	if (st == NULL)
		return tg__fail(err, TG_EINVALID, "shipments need a store");
	if ((rc = tg__store_prepare(&s, st, tg__ship_more_sql_q, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, id, -1);
	rc = tg__stmt_step(s, err);
	if (rc == 0)
		rc = tg__fail(err, TG_ENOTFOUND, "shipment '%.64s' not found", id);
	if (rc == 1) {
		r = json_loads(tg__stmt_text(s, 0), 0, NULL);
		if (r == NULL || json_object_set_new(r, "status", json_string(tg__stmt_text(s, 1))) < 0 ||
		    (t = json_dumps(r, JSON_COMPACT | JSON_PRESERVE_ORDER)) == NULL || tg__buf_puts(out, t) < 0)
			rc = tg__oom(err);
		free(t);
		json_decref(r);
	}
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}

typedef struct ret_arg {
	const tg__ctx *cx;
	const char *id, *status, *reason;
} ret_arg;

static int return_txn(void *arg, tg_err *err)
{
	ret_arg *a = arg;
	tg_store *st = a->cx->store;
	char from[80], to[80], today[11];
	json_t *data;
	char *canon = NULL;
	int rc;
	rc = tg__status_change(st, tg__ship_more_sql_sel, tg__ship_more_sql_upd, "shipment", a->id, "released",
			       a->status, err);
	snprintf(from, sizeof(from), "ship:%s", a->id);
	snprintf(to, sizeof(to), "%s:%s", a->status, a->id);
	tg_date_format(today, tg_date_today());
	if (rc < 0 || (rc = tg__ledger_reverse(st, from, to, today, "reversal", err)) < 0)
		return rc;
	if ((data = json_pack("{s:s,s:s,s:s}", "shipment_id", a->id, "status", a->status, "reason", a->reason)) == NULL)
		return tg__oom(err);
	if ((rc = tg__canon(&canon, NULL, data, err)) == TG_OK)
		rc = tg__audit_append(st, a->cx->actor, "shipment.return", a->id, canon, err);
	free(canon);
	json_decref(data);
	return rc;
}

int tg__ship_return(tg_buf *out, const tg__ctx *cx, const char *id, const char *status, const char *reason, tg_err *err)
{
	ret_arg a;
	int rc;
	if (cx->store == NULL)
		return tg__fail(err, TG_EINVALID, "shipments need a store");
	if (reason == NULL || *reason == '\0')
		return tg__fail_field(err, TG_EINVALID, "reason", "reason: a return needs a reason");
	if (status == NULL || (strcmp(status, "returned") != 0 && strcmp(status, "revoked") != 0))
		return tg__fail(err, TG_EINVALID, "status: expected returned or revoked");
	a.cx = cx;
	a.id = id;
	a.status = status;
	a.reason = reason;
	if ((rc = tg__in_txn(cx->store, return_txn, &a, err)) < 0)
		return rc;
	return tg__ship_show(out, cx, id, err);
}

typedef struct vol_arg {
	const tg__ctx *cx;
	const char *exporter, *item, *period;
	int64_t qty;
} vol_arg;

static int volume_txn(void *arg, tg_err *err)
{
	vol_arg *a = arg;
	tg_store *st = a->cx->store;
	char norm[512], subject[200];
	json_int_t old = -1;
	json_t *data;
	char *canon = NULL;
	tg__stmt *s;
	int rc;
	tg__name_norm(norm, a->exporter);
	if ((rc = tg__store_prepare(&s, st, tg__ship_more_sql_sel2, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, norm, -1);
	tg__stmt_bind_text(s, 2, a->item, -1);
	tg__stmt_bind_text(s, 3, a->period, -1);
	if ((rc = tg__stmt_step(s, err)) == 1)
		old = (json_int_t)tg__stmt_int64(s, 0);
	tg__stmt_reset(s);
	if (rc < 0 || (rc = tg__store_prepare(&s, st, tg__ship_more_sql_ups, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, norm, -1);
	tg__stmt_bind_text(s, 2, a->exporter, -1);
	tg__stmt_bind_text(s, 3, a->item, -1);
	tg__stmt_bind_text(s, 4, a->period, -1);
	tg__stmt_bind_int64(s, 5, a->qty);
	tg__stmt_bind_int64(s, 6, a->qty);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	if (rc < 0)
		return rc;
	data = json_pack("{s:s,s:s,s:s,s:I,s:o}", "exporter", a->exporter, "item", a->item, "period", a->period,
			 "quantity", (json_int_t)a->qty, "previous", old < 0 ? json_null() : json_integer(old));
	if (data == NULL)
		return tg__oom(err);
	snprintf(subject, sizeof(subject), "%.100s/%.64s/%s", a->exporter, a->item, a->period);
	if ((rc = tg__canon(&canon, NULL, data, err)) == TG_OK)
		rc = tg__audit_append(st, a->cx->actor, "us_volume", subject, canon, err);
	free(canon);
	json_decref(data);
	return rc;
}

static int period_ok(const char *p)
{
	tg_date d;
	char buf[16];
	if (p == NULL || strlen(p) != 7)
		return 0;
	snprintf(buf, sizeof(buf), "%s-01", p);
	return tg_date_parse(&d, buf, NULL) == TG_OK;
}

int tg__us_volume_record(const tg__ctx *cx, const char *exporter, const char *item, int64_t quantity,
			 const char *period, tg_err *err)
{
	vol_arg a;
	if (cx->store == NULL)
		return tg__fail(err, TG_EINVALID, "volumes need a store");
	if (exporter == NULL || *exporter == '\0')
		return tg__fail_field(err, TG_EINVALID, "exporter", "--exporter: required");
	if (item == NULL || tg_catalog_find(cx->catalog, item) == NULL)
		return tg__fail_field(err, TG_EINVALID, "item", "item: unknown item '%.64s'", item ? item : "");
	if (quantity < 0 || quantity > INT64_C(1000000000000))
		return tg__fail_field(err, TG_EINVALID, "quantity", "quantity: expected a non-negative integer");
	if (!period_ok(period))
		return tg__fail_field(err, TG_EINVALID, "period", "--period: expected YYYY-MM");
	a.cx = cx;
	a.exporter = exporter;
	a.item = item;
	a.period = period;
	a.qty = quantity;
	return tg__in_txn(cx->store, volume_txn, &a, err);
}
