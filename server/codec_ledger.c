/* SPDX-License-Identifier: Apache-2.0 */
/* Ledger statements (JSON or CSV), the balance check, remittances, the audit chain (verify, export)
 * and screening overrides. Bodies are the CLI's --json (`ledger --json|--csv`, `ledger check --json`,
 * `audit verify --json`, `audit export`, `screen overrides --json`). Exporters read their own ledger. */
#include "server_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

int h_ledger(hctx *c, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	char ex[256], qu[16], fm[16];
	const char *exporter, *quarter, *format;
	int rc, csv;
	if ((rc = query_str(c, "exporter", ex, sizeof(ex), &exporter, err)) < 0 ||
	    (rc = query_str(c, "quarter", qu, sizeof(qu), &quarter, err)) < 0 ||
	    (rc = query_str(c, "format", fm, sizeof(fm), &format, err)) < 0)
		return rc;
	if (exporter == NULL && is_exporter(c))
		exporter = c->who.name;
	if (exporter == NULL || quarter == NULL)
		return srv_fail(err, TG_EINVALID, exporter ? "quarter" : "exporter",
				"%s: required (?exporter=NAME&quarter=2026Q1)", exporter ? "quarter" : "exporter");
	if (format && strcmp(format, "csv") != 0 && strcmp(format, "json") != 0)
		return srv_fail(err, TG_EINVALID, "format", "format: expected json or csv");
	if (!owns(c, exporter))
		return forbid_not_own(c, "read the ledger");
	csv = format && strcmp(format, "csv") == 0;
	state_lock(c);
	rc = tg_ledger_statement(&b, c->srv->engine, exporter, quarter, csv, err);
	state_unlock(c);
	if (rc == TG_OK)
		rc = reply_buf(c, 200, &b, csv ? "text/csv; charset=utf-8" : NULL, !csv, err);
	tg_buf_dispose(&b);
	return rc;
}

int h_ledger_check(hctx *c, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	int rc;
	state_lock(c);
	rc = tg_ledger_check(&b, c->srv->engine, err);
	state_unlock(c);
	if (rc == TG_OK || rc == TG_ECONFLICT) /* the body says whether the books balance */
		rc = reply_buf(c, 200, &b, NULL, 1, err);
	tg_buf_dispose(&b);
	return rc;
}

int h_remittances(hctx *c, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	char v[256];
	const char *exporter;
	int rc;
	if ((rc = query_str(c, "exporter", v, sizeof(v), &exporter, err)) < 0)
		return rc;
	state_lock(c);
	rc = tg_engine_report(&b, c->srv->engine, "remittances", exporter, err);
	state_unlock(c);
	if (rc == TG_OK)
		rc = reply_buf(c, 200, &b, NULL, 1, err);
	tg_buf_dispose(&b);
	return rc;
}

/* {"exporter","kind","amount","currency","date","ref"}: 201 with the remittance as recorded. */
int h_remit(hctx *c, tg_err *err)
{
	static const char *const keys[] = {"exporter", "kind", "amount", "currency", "date", "ref"};
	const char *v[6];
	void *jv = NULL;
	size_t i;
	int rc;
	if ((rc = body_object(&jv, c, err)) < 0)
		return rc;
	for (i = 0; i < 6 && rc == TG_OK; i++)
		rc = body_str(jv, keys[i], 1, &v[i], err);
	if (rc == TG_OK) {
		state_lock(c);
		rc = tg_ledger_remit(c->srv->engine, v[0], v[1], v[2], v[3], v[4], v[5], err);
		state_unlock(c);
	}
	if (rc == TG_OK) {
		c->resp->status = 201;
		for (i = 0; i < 6; i++) {
			tg_buf_printf(&c->resp->body, "%s\"%s\":", i ? "," : "{", keys[i]);
			tg_buf_put_json_str(&c->resp->body, v[i]);
		}
		tg_buf_puts(&c->resp->body, "}\n");
	}
	json_decref(jv);
	return rc;
}

/* Same bytes as `audit verify --json`: both use tg_audit_report_json. */
int h_audit_verify(hctx *c, tg_err *err)
{
	tg_audit_report r;
	int rc;
	memset(&r, 0, sizeof(r));
	state_lock(c);
	rc = tg_audit_verify(&r, c->srv->engine, err);
	state_unlock(c);
	if (rc < 0 && rc != TG_ECONFLICT)
		return rc;
	{
		tg_buf b = TG_BUF_INIT;
		rc = tg_audit_report_json(&b, &r) < 0 || tg_buf_put(&c->resp->body, b.ptr, b.size) < 0 ? TG_ENOMEM
												       : TG_OK;
		tg_buf_dispose(&b);
	}
	if (rc < 0) {
		err->code = rc;
		snprintf(err->msg, sizeof(err->msg), "out of memory");
	}
	return rc;
}

int h_audit_export(hctx *c, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	char f[16], t[16];
	const char *from, *to;
	int rc;
	if ((rc = query_str(c, "from", f, sizeof(f), &from, err)) < 0 ||
	    (rc = query_str(c, "to", t, sizeof(t), &to, err)) < 0)
		return rc;
	state_lock(c);
	rc = tg_audit_export(&b, c->srv->engine, from, to, err);
	state_unlock(c);
	if (rc == TG_OK)
		rc = reply_buf(c, 200, &b, "application/x-ndjson", 0, err);
	tg_buf_dispose(&b);
	return rc;
}
