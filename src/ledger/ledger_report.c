/* SPDX-License-Identifier: Apache-2.0 */
/* The ledger's read side and remittances: quarterly statements (JSON, CSV), the balance proof, and
 * recording a remittance. Amounts owed are the credit balance of charges_payable. */
#include "ledger.h"
#include "ctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "screen_norm.h"
#include "money.h"
#include "store.h"
#include "buf.h"
#include "err.h"

#define MAX_ROWS 64

typedef struct stmt_line {
	char kind[32], currency[4];
	int64_t opening, accrued, remitted;
} stmt_line;

static int quarter_range(char from[16], char to[16], const char *q)
{
	static const char *const ends[] = {"03-31", "06-30", "09-30", "12-31"};
	char *end;
	long y;
	if (q == NULL || strlen(q) != 6 || q[4] != 'Q' || q[5] < '1' || q[5] > '4')
		return -1;
	y = strtol(q, &end, 10);
	if (end != q + 4 || y < 1900 || y > 2199)
		return -1;
	snprintf(from, 16, "%04d-%02d-01", (int)y, (q[5] - '1') * 3 + 1);
	snprintf(to, 16, "%04d-%s", (int)y, ends[q[5] - '1']);
	return 0;
}

static stmt_line *row_for(stmt_line *rows, size_t *n, const char *kind, const char *cur)
{
	size_t i;
	for (i = 0; i < *n; i++)
		if (strcmp(rows[i].kind, kind) == 0 && strcmp(rows[i].currency, cur) == 0)
			return &rows[i];
	if (*n == MAX_ROWS)
		return NULL;
	memset(&rows[*n], 0, sizeof(rows[0]));
	snprintf(rows[*n].kind, sizeof(rows[0].kind), "%s", kind);
	snprintf(rows[*n].currency, sizeof(rows[0].currency), "%s", cur);
	return &rows[(*n)++];
}

static int gather(stmt_line *rows, size_t *n, tg_store *st, const char *norm, const char *from, const char *to,
		  tg_err *err)
{
	/* The "before the quarter" flag is computed once in a derived table: PostgreSQL does not take
	 * the same CASE with another placeholder in GROUP BY as the selected one. */
	tg__stmt *s;
	int rc;
	if ((rc = tg__store_prepare(&s, st, tg__ledger_report_sql_q, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, from, -1);
	tg__stmt_bind_text(s, 2, norm, -1);
	tg__stmt_bind_text(s, 3, to, -1);
	while ((rc = tg__stmt_step(s, err)) == 1) {
		stmt_line *r = row_for(rows, n, tg__stmt_text(s, 0), tg__stmt_text(s, 1));
		int64_t owed = -tg__stmt_int64(s, 4); /* credit balance of the payable */
		if (r == NULL) {
			rc = tg__fail(err, TG_ELIMIT, "statement: more than %d charge kinds", MAX_ROWS);
			break;
		}
		if (tg__stmt_int64(s, 3))
			r->opening += owed;
		else if (strcmp(tg__stmt_text(s, 2), "remit") == 0)
			r->remitted -= owed;
		else
			r->accrued += owed;
	}
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}

static int put_row(tg_buf *b, const stmt_line *r, int csv, const char *lead)
{
	int rc;
	const char *sep = csv ? "," : "\",\"";
	int64_t close = r->opening + r->accrued - r->remitted;
	if (csv)
		rc = tg__buf_printf(b, "%s%s,%s,", lead, r->kind, r->currency);
	else
		rc = tg__buf_printf(b, "%s{\"kind\":\"%s\",\"currency\":\"%s\",\"opening\":\"", lead, r->kind,
				    r->currency);
	if (rc < 0 || (rc = tg__money_put(b, r->opening, r->currency)) < 0 ||
	    (rc = tg__buf_printf(b, csv ? "%s" : "%saccrued\":\"", sep)) < 0 ||
	    (rc = tg__money_put(b, r->accrued, r->currency)) < 0 ||
	    (rc = tg__buf_printf(b, csv ? "%s" : "%sremitted\":\"", sep)) < 0 ||
	    (rc = tg__money_put(b, r->remitted, r->currency)) < 0 ||
	    (rc = tg__buf_printf(b, csv ? "%s" : "%sclosing\":\"", sep)) < 0 ||
	    (rc = tg__money_put(b, close, r->currency)) < 0)
		return rc;
	return tg__buf_puts(b, csv ? "\n" : "\"}");
}

static int csv_field(tg_buf *b, const char *s)
{
	int rc = tg__buf_putc(b, '"');
	for (; rc == TG_OK && *s; s++)
		rc = *s == '"' ? tg__buf_puts(b, "\"\"") : tg__buf_putc(b, *s);
	return rc < 0 ? rc : tg__buf_putc(b, '"');
}

int tg__ledger_statement(tg_buf *out, const tg__ctx *cx, const char *exporter, const char *quarter, int csv,
			 tg_err *err)
{
	stmt_line rows[MAX_ROWS];
	char from[16], to[16], norm[512];
	tg_buf lead = TG_BUF_INIT;
	size_t n = 0, i;
	int rc;
	if (cx->store == NULL)
		return tg__fail(err, TG_EINVALID, "the ledger needs a store");
	if (exporter == NULL || *exporter == '\0')
		return tg__fail_field(err, TG_EINVALID, "exporter", "--exporter: required");
	if (quarter_range(from, to, quarter) < 0)
		return tg__fail_field(err, TG_EINVALID, "quarter", "--quarter: expected YYYYQn, cx.g. 2026Q1");
	tg__name_norm(norm, exporter);
	if ((rc = gather(rows, &n, cx->store, norm, from, to, err)) < 0)
		return rc;
	if (csv) {
		rc = tg__buf_puts(out, "exporter,quarter,kind,currency,opening,accrued,remitted,closing\n");
		if (rc == TG_OK && (rc = csv_field(&lead, exporter)) == TG_OK)
			rc = tg__buf_printf(&lead, ",%s,", quarter);
	} else if ((rc = tg__buf_puts(out, "{\"exporter\":")) == TG_OK &&
		   (rc = tg__buf_put_json_str(out, exporter)) == TG_OK)
		rc = tg__buf_printf(out, ",\"quarter\":\"%s\",\"lines\":[", quarter);
	for (i = 0; i < n && rc == TG_OK; i++)
		rc = put_row(out, &rows[i], csv, csv ? lead.ptr : (i ? "," : ""));
	if (rc == TG_OK && !csv)
		rc = tg__buf_puts(out, "]}");
	tg_buf_dispose(&lead);
	return rc < 0 ? tg__fail(err, rc, "statement: out of memory") : TG_OK;
}

int tg__ledger_check(tg_buf *out, const tg__ctx *cx, tg_err *err)
{
	tg_store *st = cx->store;
	tg__stmt *s;
	int64_t nbad = 0, lines = 0, txns = 0;
	int rc;
	if (st == NULL)
		return tg__fail(err, TG_EINVALID, "the ledger needs a store");
	if ((rc = tg__store_prepare(&s, st, tg__ledger_report_sql_tot, err)) < 0)
		return rc;
	if ((rc = tg__stmt_step(s, err)) == 1) {
		lines = tg__stmt_int64(s, 0);
		txns = tg__stmt_int64(s, 1);
	}
	tg__stmt_reset(s);
	if (rc < 0 || (rc = tg__store_prepare(&s, st, tg__ledger_report_sql_bad, err)) < 0)
		return rc;
	tg__buf_puts(out, "{\"unbalanced\":[");
	while ((rc = tg__stmt_step(s, err)) == 1) {
		tg__buf_puts(out, nbad++ ? "," : "");
		tg__buf_printf(out, "{\"txn\":");
		tg__buf_put_json_str(out, tg__stmt_text(s, 0));
		tg__buf_printf(out, ",\"currency\":\"%s\",\"sum\":%lld}", tg__stmt_text(s, 1),
			       (long long)tg__stmt_int64(s, 2));
	}
	tg__stmt_reset(s);
	if (rc < 0)
		return rc;
	if (tg__buf_printf(out, "],\"balanced\":%s,\"transactions\":%lld,\"lines\":%lld}", nbad ? "false" : "true",
			   (long long)txns, (long long)lines) < 0)
		return tg__oom(err);
	return nbad ? tg__fail(err, TG_ECONFLICT, "ledger unbalanced: %lld transaction(s)", (long long)nbad) : TG_OK;
}

/* ---- read-only reports (tg_engine_report): diversion, volumes, remittances, certificates, review ---- */

static int report_row(tg_buf *b, tg__stmt *s, const tg__ledger_report_def *r)
{
	int i, rc = tg__buf_putc(b, '{');
	for (i = 0; rc == TG_OK && i < 9 && r->cols[i]; i++) {
		const char *c = r->cols[i], *name = strchr("#!$@", *c) ? c + 1 : c;
		if ((rc = tg__buf_printf(b, "%s\"%s\":", i ? "," : "", name)) < 0)
			break;
		if (tg__stmt_is_null(s, i))
			rc = tg__buf_puts(b, "null");
		else if (*c == '#')
			rc = tg__buf_printf(b, "%lld", (long long)tg__stmt_int64(s, i));
		else if (*c == '!')
			rc = tg__buf_puts(b, tg__stmt_int64(s, i) ? "true" : "false");
		else if (*c == '$') {
			if ((rc = tg__buf_putc(b, '"')) == TG_OK &&
			    (rc = tg__money_put(b, tg__stmt_int64(s, i), tg__stmt_text(s, 3))) == TG_OK)
				rc = tg__buf_putc(b, '"');
		} else if (*c == '@')
			rc = tg__buf_puts(b, tg__stmt_text(s, i));
		else
			rc = tg__buf_put_json_str(b, tg__stmt_text(s, i));
	}
	return rc == TG_OK ? tg__buf_putc(b, '}') : rc;
}

static int report_one(tg_buf *out, tg_store *st, const tg__ledger_report_def *r, const char *exporter, tg_err *err)
{
	char norm[512];
	const char *key = exporter;
	tg__stmt *s;
	int rc, n = 0;
	if (exporter && r->norm) {
		tg__name_norm(norm, exporter);
		key = norm;
	}
	if ((rc = tg__store_prepare(&s, st, r->sql, err)) < 0)
		return rc;
	if (key) {
		tg__stmt_bind_text(s, 1, key, -1);
		tg__stmt_bind_text(s, 2, key, -1);
	}
	rc = tg__buf_printf(out, "\"%s\":[", r->key);
	while (rc == TG_OK && (rc = tg__stmt_step(s, err)) == 1)
		if ((rc = tg__buf_puts(out, n++ ? "," : "")) == TG_OK)
			rc = report_row(out, s, r);
	tg__stmt_reset(s);
	if (rc == 0)
		rc = tg__buf_putc(out, ']');
	return rc == TG_ENOMEM ? tg__oom(err) : rc;
}

int tg__ledger_report(tg_buf *out, tg_store *st, const char *name, const char *exporter, tg_err *err)
{
	int us = name && strcmp(name, "us-volume") == 0, rc;
	size_t i;
	if (st == NULL)
		return tg__fail(err, TG_EINVALID, "reports need a store");
	for (i = 0; i < tg__ledger_nreports; i++)
		if (name && strcmp(tg__ledger_reports[i].name, name) == 0)
			break;
	if (i == tg__ledger_nreports || strcmp(name, "china-volume") == 0)
		return tg__fail_field(err, TG_EINVALID, "report", "unknown report %s", name ? name : "");
	if ((rc = tg__buf_putc(out, '{')) < 0 || (rc = report_one(out, st, &tg__ledger_reports[i], exporter, err)) < 0)
		return rc;
	if (us && ((rc = tg__buf_putc(out, ',')) < 0 ||
		   (rc = report_one(out, st, &tg__ledger_reports[i + 1], exporter, err)) < 0))
		return rc;
	return tg__buf_putc(out, '}');
}
