/* SPDX-License-Identifier: Apache-2.0 */
/* Certificates, shipments (one, or JSON Lines in group-committed batches), returns, serial trace and
 * diversion reports, US volume. Bodies are the CLI's --json; refusals are 422 problem+json with every
 * reason. Exporters ship and read only the orders recorded under their own exporter name. */
#include "server_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define SHIP_BATCH 1000

int h_certificate_record(hctx *c, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	json_t *d;
	int rc, replayed = 0;
	state_lock(c);
	rc = tg_inspect_record(&b, c->srv->engine, c->req->body ? c->req->body : "", c->req->body_len, err);
	state_unlock(c);
	if (rc == TG_EREFUSED)
		rc = reply_refused(c, &b, "certificate rejected", err);
	else if (rc == TG_OK) {
		d = json_loads(b.ptr ? b.ptr : "", 0, NULL);
		replayed = json_is_true(json_object_get(d, "replayed"));
		json_decref(d);
		if (replayed)
			resp_header(c->resp, "Tollgate-Replayed", "true");
		rc = reply_buf(c, replayed ? 200 : 201, &b, NULL, 1, err);
	}
	tg_buf_dispose(&b);
	return rc;
}

int h_certificate_show(hctx *c, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	json_t *d, *one;
	char *text = NULL;
	int rc;
	state_lock(c);
	rc = tg_engine_report(&b, c->srv->engine, "certificate", c->param, err);
	state_unlock(c);
	if (rc == TG_OK) {
		d = json_loads(b.ptr ? b.ptr : "", 0, NULL);
		one = json_array_get(json_object_get(d, "certificates"), 0);
		if (one == NULL)
			rc = srv_fail(err, TG_ENOTFOUND, NULL, "no certificate %s", c->param);
		else if ((text = json_dumps(one, JSON_COMPACT | JSON_PRESERVE_ORDER)) == NULL ||
			 tg_buf_puts(&c->resp->body, text) < 0 || tg_buf_puts(&c->resp->body, "\n") < 0)
			rc = srv_fail(err, TG_ENOMEM, NULL, "out of memory");
		free(text);
		json_decref(d);
	}
	tg_buf_dispose(&b);
	return rc;
}

/* May the caller ship / read the order? 1 yes, 0 no; unknown orders are left to the library. Store locked.
 * A store failure (database restarting) is returned as its code with err set, never taken for a "no":
 * the client must see a 5xx it may retry, not a 403 it may not. */
static int order_is_own(hctx *c, const char *order_id, tg_err *err)
{
	char exporter[512];
	tg_err e2 = TG_ERR_INIT;
	int rc;
	if (!is_exporter(c))
		return 1;
	rc = tg_engine_order_exporter(exporter, sizeof(exporter), c->srv->engine, order_id, &e2);
	if (rc == TG_ENOTFOUND)
		return 1;
	if (rc < 0) {
		*err = e2;
		return rc;
	}
	return owns(c, exporter);
}

static int shipment_is_own(hctx *c, const char *text, size_t len, tg_err *err)
{
	json_t *j = json_loadb(text, len, 0, NULL), *o = json_object_get(j, "order_id");
	int ok = !json_is_string(o) ? 1 : order_is_own(c, json_string_value(o), err);
	json_decref(j);
	return ok;
}

/* The ledger accruals of a fresh release: one per charge of its receipt (a replay accrues nothing). */
static unsigned long receipt_accruals(json_t *d)
{
	if (d == NULL || json_is_true(json_object_get(d, "replayed")) ||
	    !json_is_string(json_object_get(d, "status")) ||
	    strcmp(json_string_value(json_object_get(d, "status")), "released"))
		return 0;
	return (unsigned long)json_array_size(json_object_get(d, "charges"));
}

int h_ship(hctx *c, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	const char *text = c->req->body ? c->req->body : "";
	json_t *d;
	int rc, replayed;
	state_lock(c);
	if ((rc = shipment_is_own(c, text, c->req->body_len, err)) <= 0) {
		state_unlock(c);
		return rc < 0 ? rc : forbid_not_own(c, "ship orders");
	}
	rc = tg_ship(&b, c->srv->engine, text, c->req->body_len, err);
	state_unlock(c);
	if (rc == TG_EREFUSED)
		rc = reply_refused(c, &b, "shipment refused", err);
	else if (rc == TG_OK) {
		d = json_loads(b.ptr ? b.ptr : "", 0, NULL);
		replayed = json_is_true(json_object_get(d, "replayed"));
		metrics_accruals(&c->srv->m, receipt_accruals(d));
		json_decref(d);
		if (replayed)
			resp_header(c->resp, "Tollgate-Replayed", "true");
		rc = reply_buf(c, replayed ? 200 : 201, &b, NULL, 1, err);
	}
	tg_buf_dispose(&b);
	return rc;
}

/* Ship up to SHIP_BATCH lines in one transaction; lines of another exporter's orders get an error. */
static int ship_chunk(hctx *c, const char **texts, size_t *lens, long *nos, size_t n, tg_err *err)
{
	tg_ship_result *res = calloc(n, sizeof(*res));
	char own[SHIP_BATCH];
	const char *t2[SHIP_BATCH];
	size_t l2[SHIP_BATCH], m = 0, i, k = 0;
	int rc = TG_OK;
	if (res == NULL)
		return srv_fail(err, TG_ENOMEM, NULL, "out of memory");
	state_lock(c);
	for (i = 0; i < n && rc >= 0; i++)
		if ((rc = shipment_is_own(c, texts[i], lens[i], err)) >= 0 && (own[i] = (char)rc))
			t2[m] = texts[i], l2[m++] = lens[i];
	if (rc >= 0)
		rc = m ? tg_ship_many(res, m, c->srv->engine, t2, l2, err) : TG_OK;
	state_unlock(c);
	for (i = 0; i < n && rc == TG_OK; i++) {
		tg_buf eb = TG_BUF_INIT;
		tg_err e2 = TG_ERR_INIT;
		const tg_buf *out = &eb;
		if (!own[i])
			srv_fail(&e2, TG_EINVALID, "order_id",
				 "order_id: not an order of this exporter (token name '%s')", c->who.name);
		else if (res[k].code < 0 && res[k].code != TG_EREFUSED)
			e2 = res[k].err, e2.code = res[k].code;
		else
			out = &res[k].out;
		if (out != &eb && res[k].code == TG_OK) {
			json_t *d = json_loads(out->ptr ? out->ptr : "", 0, NULL);
			metrics_accruals(&c->srv->m, receipt_accruals(d));
			json_decref(d);
		}
		if (out == &eb)
			tg_err_json(&eb, &e2, nos[i]);
		tg_buf_put(&c->resp->body, out->ptr ? out->ptr : "", out->size);
		tg_buf_put(&c->resp->body, "\n", 1);
		tg_buf_dispose(&eb);
		if (own[i])
			tg_buf_dispose(&res[k++].out);
	}
	free(res);
	return rc;
}

int h_ship_batch(hctx *c, tg_err *err)
{
	const char *p = c->req->body ? c->req->body : "", *end = p + c->req->body_len;
	const char *texts[SHIP_BATCH];
	size_t lens[SHIP_BATCH], n = 0;
	long nos[SHIP_BATCH], no = 0;
	int rc = TG_OK;
	c->resp->content_type = "application/x-ndjson";
	while (p < end && rc == TG_OK) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p), adv = nl ? len + 1 : len;
		no++;
		if (len && p[len - 1] == '\r')
			len--;
		if (strspn(p, " \t") < len)
			texts[n] = p, lens[n] = len, nos[n++] = no;
		p += adv;
		if (n == SHIP_BATCH || (p >= end && n))
			rc = ship_chunk(c, texts, lens, nos, n, err), n = 0;
	}
	if (rc == TG_OK && no == 0)
		return srv_fail(err, TG_EINVALID, "body", "body: no shipment in the input");
	return rc;
}

int h_shipment_show(hctx *c, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	json_t *d;
	int rc;
	state_lock(c);
	rc = tg_ship_show(&b, c->srv->engine, c->param, err);
	if (rc == TG_OK && is_exporter(c)) {
		d = json_loads(b.ptr ? b.ptr : "", 0, NULL);
		if ((rc = order_is_own(c, json_string_value(json_object_get(d, "order_id")), err)) == 0)
			rc = srv_fail(err, TG_ENOTFOUND, NULL, "no shipment %s of yours", c->param);
		else if (rc > 0)
			rc = TG_OK;
		json_decref(d);
	}
	state_unlock(c);
	if (rc == TG_OK)
		rc = reply_buf(c, 200, &b, NULL, 1, err);
	tg_buf_dispose(&b);
	return rc;
}

/* {"reason", "status"?: "returned"|"revoked"}: same JSON as `ship return ID --json`. */
int h_shipment_return(hctx *c, tg_err *err)
{
	void *jv = NULL;
	const char *reason, *status;
	tg_buf b = TG_BUF_INIT;
	int rc;
	if ((rc = body_object(&jv, c, err)) == TG_OK && (rc = body_str(jv, "reason", 1, &reason, err)) == TG_OK &&
	    (rc = body_str(jv, "status", 0, &status, err)) == TG_OK) {
		state_lock(c);
		rc = tg_ship_return(&b, c->srv->engine, c->param, status ? status : "returned", reason, err);
		state_unlock(c);
	}
	if (rc == TG_OK)
		rc = reply_buf(c, 200, &b, NULL, 1, err);
	json_decref(jv);
	tg_buf_dispose(&b);
	return rc;
}

int h_trace(hctx *c, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	int rc;
	state_lock(c);
	rc = tg_trace(&b, c->srv->engine, c->param, err);
	state_unlock(c);
	if (rc == TG_OK)
		rc = reply_buf(c, 200, &b, NULL, 1, err);
	tg_buf_dispose(&b);
	return rc;
}

/* {"seen_at": "CC", "note"?}: same JSON as `trace report SERIAL --seen-at CC --note N --json`. */
int h_trace_report(hctx *c, tg_err *err)
{
	void *jv = NULL;
	const char *seen, *note;
	tg_buf b = TG_BUF_INIT;
	int rc;
	if ((rc = body_object(&jv, c, err)) == TG_OK && (rc = body_str(jv, "seen_at", 1, &seen, err)) == TG_OK &&
	    (rc = body_str(jv, "note", 0, &note, err)) == TG_OK) {
		state_lock(c);
		rc = tg_trace_report(&b, c->srv->engine, c->param, seen, note, err);
		state_unlock(c);
	}
	if (rc == TG_OK)
		rc = reply_buf(c, 201, &b, NULL, 1, err);
	json_decref(jv);
	tg_buf_dispose(&b);
	return rc;
}

static int report(hctx *c, const char *name, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	char v[256];
	const char *exporter;
	int rc;
	if ((rc = query_str(c, "exporter", v, sizeof(v), &exporter, err)) < 0)
		return rc;
	state_lock(c);
	rc = tg_engine_report(&b, c->srv->engine, name, exporter, err);
	state_unlock(c);
	if (rc == TG_OK)
		rc = reply_buf(c, 200, &b, NULL, 1, err);
	tg_buf_dispose(&b);
	return rc;
}

int h_report_diversion(hctx *c, tg_err *err)
{
	return report(c, "diversion", err);
}
int h_report_us_volume(hctx *c, tg_err *err)
{
	return report(c, "us-volume", err);
}
int h_report_review(hctx *c, tg_err *err)
{
	return report(c, "review", err);
}

/* {"exporter","item","quantity","period"}: an exporter records its own volume. */
int h_us_volume_record(hctx *c, tg_err *err)
{
	void *jv = NULL;
	const char *exp, *item, *period;
	json_t *q;
	int rc;
	if ((rc = body_object(&jv, c, err)) < 0 || (rc = body_str(jv, "exporter", 1, &exp, err)) < 0 ||
	    (rc = body_str(jv, "item", 1, &item, err)) < 0 || (rc = body_str(jv, "period", 1, &period, err)) < 0)
		goto done;
	q = json_object_get(jv, "quantity");
	if (!json_is_integer(q)) {
		rc = srv_fail(err, TG_EINVALID, "quantity", "quantity: expected an integer");
		goto done;
	}
	if (!owns(c, exp)) {
		rc = forbid_not_own(c, "record the US volume");
		goto done;
	}
	state_lock(c);
	rc = tg_us_volume_record(c->srv->engine, exp, item, (int64_t)json_integer_value(q), period, err);
	state_unlock(c);
	if (rc == TG_OK) {
		c->resp->status = 201;
		tg_buf_puts(&c->resp->body, "{\"exporter\":");
		tg_buf_put_json_str(&c->resp->body, exp);
		tg_buf_puts(&c->resp->body, ",\"item\":");
		tg_buf_put_json_str(&c->resp->body, item);
		tg_buf_printf(&c->resp->body, ",\"quantity\":%lld,\"period\":", (long long)json_integer_value(q));
		tg_buf_put_json_str(&c->resp->body, period);
		tg_buf_puts(&c->resp->body, "}\n");
	}
done:
	json_decref(jv);
	return rc;
}
