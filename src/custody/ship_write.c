/* SPDX-License-Identifier: Apache-2.0 */
/* Writing a released shipment: shipment row, lines, serials, licence depletion, China volume, charge
 * accruals and the audit entry, all in the caller's transaction; and the receipt. */
#include "custody.h"
#include "ctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "audit_chain.h"
#include "ledger.h"
#include "clock.h"
#include "buf.h"
#include "err.h"

#define MAX_CHARGES 16

typedef struct accrual {
	char kind[32], currency[4];
	int64_t amount; /* minor units */
} accrual;

static json_t *money(int64_t micros)
{
	tg_buf b = TG_BUF_INIT;
	tg_dec d;
	json_t *v;
	d.micros = micros;
	if (tg_dec_format(&b, d, 2) < 0)
		return NULL;
	v = json_string(b.ptr);
	tg_buf_dispose(&b);
	return v;
}

static json_t *minor_str(int64_t amount, const char *cur)
{
	int digits = tg_currency_minor_digits(cur), k;
	int64_t scale = 1;
	for (k = 0; k < 6 - digits; k++)
		scale *= 10;
	return money(amount * scale);
}

/* The charges of the order's decision that fall on the shipped lines, pro rata, per kind and currency. */
static int compute_charges(accrual *acc, size_t *n, const ship_ctx *c, tg_err *err)
{
	const json_t *ch;
	size_t i, k, j;
	*n = 0;
	json_array_foreach (json_object_get(c->decision, "charges"), k, ch) {
		int64_t line = (int64_t)json_integer_value(json_object_get(ch, "line")), amt;
		const char *kind = json_string_value(json_object_get(ch, "kind"));
		const char *cur = json_string_value(json_object_get(ch, "currency"));
		tg_dec rate, base;
		for (i = 0; i < c->nlines && c->lines[i].order_line != line; i++)
			;
		if (i == c->nlines || kind == NULL || cur == NULL)
			continue;
		if (tg_dec_parse(&rate, json_string_value(json_object_get(ch, "rate")), err) < 0 ||
		    tg_dec_parse(&base, json_string_value(json_object_get(ch, "base")), err) < 0 ||
		    tg__ledger_prorate(&amt, rate.micros, base.micros, c->lines[i].qty, c->order->lines[line].quantity,
				       tg_currency_minor_digits(cur)) < 0)
			return tg__fail(err, TG_EINTERNAL, "shipment %.64s: cannot compute charge %s", c->id, kind);
		for (j = 0; j < *n && (strcmp(acc[j].kind, kind) != 0 || strcmp(acc[j].currency, cur) != 0); j++)
			;
		if (j == *n) {
			if (*n == MAX_CHARGES)
				return tg__fail(err, TG_ELIMIT, "shipment %.64s: too many charge kinds", c->id);
			snprintf(acc[j].kind, sizeof(acc[j].kind), "%s", kind);
			snprintf(acc[j].currency, sizeof(acc[j].currency), "%s", cur);
			acc[j].amount = 0;
			(*n)++;
		}
		acc[j].amount += amt;
	}
	return TG_OK;
}

static int receipt(tg_buf *out, const ship_ctx *c, const accrual *acc, size_t n, tg_err *err)
{
	json_t *r = json_pack("{s:s,s:s,s:s?,s:s,s:s,s:[],s:[],s:b}", "shipment_id", c->id, "order_id", c->order_id,
			      "license_id", c->license_id, "date", c->datestr, "status", "released", "lines", "charges",
			      "replayed", 0);
	size_t i;
	char *t;
	int rc = TG_OK;
	if (r == NULL)
		return tg__oom(err);
	for (i = 0; i < c->nlines; i++)
		if (json_array_append_new(json_object_get(r, "lines"),
					  json_pack("{s:s,s:I,s:o,s:s}", "item", c->lines[i].item, "quantity",
						    (json_int_t)c->lines[i].qty, "value", money(c->lines[i].value),
						    "currency", c->lines[i].currency)) < 0)
			rc = tg__oom(err);
	for (i = 0; i < n; i++)
		if (json_array_append_new(json_object_get(r, "charges"),
					  json_pack("{s:s,s:s,s:o}", "kind", acc[i].kind, "currency", acc[i].currency,
						    "amount", minor_str(acc[i].amount, acc[i].currency))) < 0)
			rc = tg__oom(err);
	if (rc == TG_OK) {
		t = json_dumps(r, JSON_COMPACT | JSON_PRESERVE_ORDER);
		if (t == NULL || tg__buf_puts(out, t) < 0)
			rc = tg__oom(err);
		free(t);
	}
	json_decref(r);
	return rc;
}

static int exec_bound(tg__stmt *s, tg_err *err)
{
	int rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}

static int write_line(ship_ctx *c, const ship_line *l, tg_err *err)
{
	const json_t *v;
	tg__stmt *s;
	size_t k;
	int rc;
	if ((rc = tg__store_prepare(&s, c->st, tg__ship_write_sql_ins_line, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, c->id, -1);
	tg__stmt_bind_text(s, 2, l->item, -1);
	tg__stmt_bind_int64(s, 3, l->qty);
	tg__stmt_bind_int64(s, 4, l->value);
	tg__stmt_bind_text(s, 5, l->currency, -1);
	if ((rc = exec_bound(s, err)) < 0)
		return rc;
	json_array_foreach (l->serials, k, v) {
		if ((rc = tg__store_prepare(&s, c->st, tg__ship_write_sql_ins_serial, err)) < 0)
			return rc;
		tg__stmt_bind_text(s, 1, json_string_value(v), -1);
		tg__stmt_bind_text(s, 2, c->id, -1);
		tg__stmt_bind_text(s, 3, l->item, -1);
		if ((rc = exec_bound(s, err)) < 0)
			return rc;
	}
	if (c->license_id) {
		if ((rc = tg__store_prepare(&s, c->st, tg__ship_write_sql_upd_lic, err)) < 0)
			return rc;
		tg__stmt_bind_int64(s, 1, l->qty);
		tg__stmt_bind_int64(s, 2, l->value);
		tg__stmt_bind_text(s, 3, c->license_id, -1);
		tg__stmt_bind_text(s, 4, l->item, -1);
		if ((rc = exec_bound(s, err)) < 0)
			return rc;
	}
	if ((rc = tg__store_prepare(&s, c->st, tg__ship_write_sql_upd_ord, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, c->order_id, -1);
	tg__stmt_bind_text(s, 2, l->item, -1);
	tg__stmt_bind_int64(s, 3, l->qty);
	tg__stmt_bind_int64(s, 4, l->qty);
	if ((rc = exec_bound(s, err)) < 0 || !tg__ship_is_china(c->order->destination))
		return rc;
	if ((rc = tg__store_prepare(&s, c->st, tg__ship_write_sql_upd_cn, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, c->exporter_norm, -1);
	tg__stmt_bind_text(s, 2, l->item, -1);
	tg__stmt_bind_int64(s, 3, l->qty);
	tg__stmt_bind_int64(s, 4, l->qty);
	return exec_bound(s, err);
}

static int write_head(ship_ctx *c, const char *receipt_json, tg_err *err)
{
	char now[21];
	tg__stmt *s;
	int rc;
	tg__utc_now(now);
	if ((rc = tg__store_prepare(&s, c->st, tg__ship_write_sql_q, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, c->id, -1);
	tg__stmt_bind_text(s, 2, c->hash, -1);
	tg__stmt_bind_text(s, 3, c->order_id, -1);
	if (c->license_id)
		tg__stmt_bind_text(s, 4, c->license_id, -1);
	else
		tg__stmt_bind_null(s, 4);
	tg__stmt_bind_text(s, 5, c->datestr, -1);
	tg__stmt_bind_text(s, 6, c->order->exporter_name, -1);
	tg__stmt_bind_text(s, 7, c->exporter_norm, -1);
	tg__stmt_bind_text(s, 8, c->order->destination, -1);
	tg__stmt_bind_text(s, 9, c->canon, -1);
	tg__stmt_bind_text(s, 10, receipt_json, -1);
	tg__stmt_bind_text(s, 11, now, -1);
	return exec_bound(s, err);
}

static int accrue(ship_ctx *c, const accrual *acc, size_t n, tg_err *err)
{
	char txn[80];
	size_t i;
	int rc;
	snprintf(txn, sizeof(txn), "ship:%s", c->id);
	for (i = 0; i < n; i++) {
		tg__posting p = {txn,
				 c->order->exporter_name,
				 c->exporter_norm,
				 acc[i].kind,
				 acc[i].currency,
				 c->datestr,
				 "accrual",
				 c->id};
		if (acc[i].amount != 0 &&
		    (rc = tg__ledger_post(c->st, &p, "charges_expense", "charges_payable", acc[i].amount, err)) < 0)
			return rc;
	}
	return TG_OK;
}

int tg__ship_write(tg_buf *out, ship_ctx *c, tg_err *err)
{
	accrual acc[MAX_CHARGES];
	size_t n, i, mark = out->size;
	int rc;
	if ((rc = compute_charges(acc, &n, c, err)) < 0 || (rc = receipt(out, c, acc, n, err)) < 0)
		return rc;
	c->wrote = 1;
	if ((rc = write_head(c, out->ptr + mark, err)) < 0)
		return rc;
	for (i = 0; i < c->nlines; i++)
		if ((rc = write_line(c, &c->lines[i], err)) < 0)
			return rc;
	if ((rc = accrue(c, acc, n, err)) < 0)
		return rc;
	return tg__audit_append(c->st, c->cx->actor, "shipment", c->id, c->canon, err);
}
