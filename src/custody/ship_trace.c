/* SPDX-License-Identifier: Apache-2.0 */
/* The serial trace (certificate, shipment, licence, consignee, end user) and diversion reports, which
 * flag the licence and the consignee for review when a serial is seen outside its destination. */
#include "custody.h"
#include "ctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "audit_chain.h"
#include "store.h"
#include "clock.h"
#include "buf.h"
#include "err.h"
#include "json.h"

typedef struct trace {
	json_t *doc;
	char shipment[64], license[64], dest[3], consignee[256], end_user[256];
} trace;

static json_t *str_or_null(tg__stmt *s, int col)
{
	return tg__stmt_is_null(s, col) ? json_null() : json_string(tg__stmt_text(s, col));
}

/* Find the party names of a recorded order. */
static void parties(trace *t, const char *order_json)
{
	json_t *o = json_loads(order_json, 0, NULL), *p;
	size_t i;
	json_array_foreach (json_object_get(o, "parties"), i, p) {
		const char *role = json_string_value(json_object_get(p, "role"));
		const char *name = json_string_value(json_object_get(p, "name"));
		if (role && name && strcmp(role, "ultimate_consignee") == 0 && !t->consignee[0])
			snprintf(t->consignee, sizeof(t->consignee), "%s", name);
		if (role && name && strcmp(role, "end_user") == 0 && !t->end_user[0])
			snprintf(t->end_user, sizeof(t->end_user), "%s", name);
	}
	json_decref(o);
}

static int trace_shipment(trace *t, tg_store *st, const char *serial, tg_err *err)
{
	tg__stmt *s;
	int rc;
	if ((rc = tg__store_prepare(&s, st, tg__trace_sql_q, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, serial, -1);
	if ((rc = tg__stmt_step(s, err)) == 1) {
		snprintf(t->shipment, sizeof(t->shipment), "%s", tg__stmt_text(s, 0));
		snprintf(t->license, sizeof(t->license), "%s", tg__stmt_is_null(s, 2) ? "" : tg__stmt_text(s, 2));
		snprintf(t->dest, sizeof(t->dest), "%s", tg__stmt_text(s, 4));
		if (!tg__stmt_is_null(s, 8))
			parties(t, tg__stmt_text(s, 8));
		json_object_set_new(t->doc, "item", json_string(tg__stmt_text(s, 7)));
		json_object_set_new(t->doc, "shipment",
				    json_pack("{s:s,s:s,s:o,s:s,s:s,s:s,s:s}", "shipment_id", tg__stmt_text(s, 0),
					      "order_id", tg__stmt_text(s, 1), "license_id", str_or_null(s, 2), "date",
					      tg__stmt_text(s, 3), "destination", tg__stmt_text(s, 4), "status",
					      tg__stmt_text(s, 5), "exporter", tg__stmt_text(s, 6)));
	}
	tg__stmt_reset(s);
	return rc;
}

static int trace_cert(trace *t, tg_store *st, const char *serial, tg_err *err)
{
	tg__stmt *s;
	int rc;
	if ((rc = tg__store_prepare(&s, st, tg__trace_sql_q2, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, serial, -1);
	if ((rc = tg__stmt_step(s, err)) == 1) {
		if (json_object_get(t->doc, "item") == NULL)
			json_object_set_new(t->doc, "item", json_string(tg__stmt_text(s, 3)));
		json_object_set_new(t->doc, "certificate",
				    json_pack("{s:s,s:s,s:s,s:s,s:s}", "certificate_id", tg__stmt_text(s, 0), "lab",
					      tg__stmt_text(s, 1), "date", tg__stmt_text(s, 2), "item",
					      tg__stmt_text(s, 3), "result", tg__stmt_text(s, 4)));
	}
	tg__stmt_reset(s);
	return rc;
}

static int trace_license(trace *t, tg_store *st, tg_err *err)
{
	tg__stmt *s;
	int rc;
	if (!t->license[0])
		return 0;
	if ((rc = tg__store_prepare(&s, st, tg__trace_sql_q3, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, t->license, -1);
	if ((rc = tg__stmt_step(s, err)) == 1)
		json_object_set_new(t->doc, "license",
				    json_pack("{s:s,s:s,s:s,s:s,s:b,s:s}", "id", tg__stmt_text(s, 0), "holder",
					      tg__stmt_text(s, 1), "destination", tg__stmt_text(s, 2), "status",
					      tg__stmt_text(s, 3), "under_review", (int)tg__stmt_int64(s, 4),
					      "valid_to", tg__stmt_text(s, 5)));
	tg__stmt_reset(s);
	return rc;
}

static int trace_reports(trace *t, tg_store *st, const char *serial, tg_err *err)
{
	json_t *arr = json_array();
	tg__stmt *s;
	int rc;
	if (arr == NULL || json_object_set_new(t->doc, "diversion_reports", arr) < 0)
		return tg__oom(err);
	if ((rc = tg__store_prepare(&s, st, tg__trace_sql_q4, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, serial, -1);
	while ((rc = tg__stmt_step(s, err)) == 1)
		json_array_append_new(arr, json_pack("{s:s,s:s,s:b,s:s}", "seen_at", tg__stmt_text(s, 0), "note",
						     tg__stmt_text(s, 1), "flagged", (int)tg__stmt_int64(s, 2),
						     "recorded_at", tg__stmt_text(s, 3)));
	tg__stmt_reset(s);
	return rc;
}

static int dump(tg_buf *out, const json_t *doc, tg_err *err)
{
	char *t = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);
	int rc = (t == NULL || tg__buf_puts(out, t) < 0) ? tg__oom(err) : TG_OK;
	free(t);
	return rc;
}

/* Fill t for serial; TG_ENOTFOUND when it was never certified nor shipped. */
static int build(trace *t, tg_store *st, const char *serial, tg_err *err)
{
	int shipped, certified, rc;
	memset(t, 0, sizeof(*t));
	if ((t->doc = json_pack("{s:s}", "serial", serial)) == NULL)
		return tg__oom(err);
	if ((shipped = trace_shipment(t, st, serial, err)) < 0 || (certified = trace_cert(t, st, serial, err)) < 0)
		return shipped < 0 ? shipped : certified;
	if (!shipped && !certified)
		return tg__fail(err, TG_ENOTFOUND, "serial '%.63s' was never certified nor shipped", serial);
	if ((rc = trace_license(t, st, err)) < 0 || (rc = trace_reports(t, st, serial, err)) < 0)
		return rc;
	json_object_set_new(t->doc, "consignee", t->consignee[0] ? json_string(t->consignee) : json_null());
	json_object_set_new(t->doc, "end_user", t->end_user[0] ? json_string(t->end_user) : json_null());
	return TG_OK;
}

int tg__trace(tg_buf *out, const tg__ctx *cx, const char *serial, tg_err *err)
{
	trace t;
	int rc;
	if (cx->store == NULL)
		return tg__fail(err, TG_EINVALID, "trace needs a store");
	if ((rc = build(&t, cx->store, serial, err)) == TG_OK)
		rc = dump(out, t.doc, err);
	json_decref(t.doc);
	return rc;
}

typedef struct report_arg {
	const tg__ctx *cx;
	trace t;
	const char *serial, *seen_at, *note;
	int flagged;
} report_arg;

static int flag(tg_store *st, const char *kind, const char *subject, const char *why, tg_err *err)
{
	char now[21];
	tg__stmt *s;
	int rc;
	tg__utc_now(now);
	if ((rc = tg__store_prepare(&s, st, tg__trace_sql_ins, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, kind, -1);
	tg__stmt_bind_text(s, 2, subject, -1);
	tg__stmt_bind_text(s, 3, why, -1);
	tg__stmt_bind_text(s, 4, now, -1);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	if (rc < 0 || strcmp(kind, "license") != 0 || (rc = tg__store_prepare(&s, st, tg__trace_sql_upd, err)) < 0)
		return rc < 0 ? rc : TG_OK;
	tg__stmt_bind_text(s, 1, subject, -1);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}

static int report_txn(void *arg, tg_err *err)
{
	report_arg *a = arg;
	tg_store *st = a->cx->store;
	char now[21], why[300];
	json_t *data;
	char *canon = NULL;
	tg__stmt *s;
	int rc;
	tg__utc_now(now);
	snprintf(why, sizeof(why), "serial %.63s shipped to %s seen in %s: %.150s", a->serial, a->t.dest, a->seen_at,
		 a->note);
	if ((rc = tg__store_prepare(&s, st, tg__trace_sql_ins2, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, a->serial, -1);
	tg__stmt_bind_text(s, 2, a->seen_at, -1);
	tg__stmt_bind_text(s, 3, a->note, -1);
	tg__stmt_bind_text(s, 4, a->t.shipment, -1);
	tg__stmt_bind_text(s, 5, a->t.license, -1);
	tg__stmt_bind_text(s, 6, a->t.consignee, -1);
	tg__stmt_bind_int64(s, 7, a->flagged);
	tg__stmt_bind_text(s, 8, now, -1);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	if (rc < 0 || (a->flagged && a->t.license[0] && (rc = flag(st, "license", a->t.license, why, err)) < 0) ||
	    (a->flagged && a->t.consignee[0] && (rc = flag(st, "consignee", a->t.consignee, why, err)) < 0))
		return rc;
	data = json_pack("{s:s,s:s,s:s,s:s,s:b,s:s,s:s}", "serial", a->serial, "seen_at", a->seen_at, "note", a->note,
			 "destination", a->t.dest, "flagged", a->flagged, "license_id", a->t.license, "consignee",
			 a->t.consignee);
	if (data == NULL)
		return tg__oom(err);
	if ((rc = tg__canon(&canon, NULL, data, err)) == TG_OK)
		rc = tg__audit_append(st, a->cx->actor, "diversion_report", a->serial, canon, err);
	free(canon);
	json_decref(data);
	return rc;
}

int tg__trace_report(tg_buf *out, const tg__ctx *cx, const char *serial, const char *seen_at, const char *note,
		     tg_err *err)
{
	report_arg a;
	int rc;
	memset(&a, 0, sizeof(a));
	if (cx->store == NULL)
		return tg__fail(err, TG_EINVALID, "trace needs a store");
	if (seen_at == NULL || !tg__country_valid(seen_at))
		return tg__fail_field(err, TG_EINVALID, "seen_at", "--seen-at: expected an ISO country code");
	if ((rc = build(&a.t, cx->store, serial, err)) < 0)
		goto done;
	if (!a.t.shipment[0]) {
		rc = tg__fail(err, TG_ENOTFOUND, "serial '%.63s' never shipped", serial);
		goto done;
	}
	a.cx = cx;
	a.serial = serial;
	a.seen_at = seen_at;
	a.note = note ? note : "";
	a.flagged = strcmp(seen_at, a.t.dest) != 0;
	if ((rc = tg__in_txn(cx->store, report_txn, &a, err)) < 0)
		goto done;
	json_decref(a.t.doc);
	if ((rc = build(&a.t, cx->store, serial, err)) == TG_OK &&
	    json_object_set_new(a.t.doc, "flagged", json_boolean(a.flagged)) == 0)
		rc = dump(out, a.t.doc, err);
done:
	json_decref(a.t.doc);
	return rc;
}
