/* SPDX-License-Identifier: Apache-2.0 */
/* The ledger's write side: minor units per currency, half-even pro-rata rounding, balanced postings,
 * reversals and remittances. */
#include "ledger.h"
#include "ctx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "audit_chain.h"
#include "json.h"
#include "screen_norm.h"
#include "money.h"
#include "clock.h"
#include "store.h"
#include "err.h"

__extension__ typedef __int128 i128;

int tg__ledger_prorate(int64_t *out, int64_t rate, int64_t base, int64_t q, int64_t line_q, int minor)
{
	i128 num, den = (i128)line_q * 1000000 * 1000000, quo, rem;
	int k;
	if (line_q <= 0 || q < 0)
		return TG_EINVALID;
	/* Bounds that keep rate x base x q x 10^minor < 2^127: |rate| <= 10, |base| <= TG_DEC_MAX_MICROS,
	 * q <= line_q <= 10^9 (the order's own limit), minor <= 3. */
	if (rate > 10000000 || rate < -10000000 || base > TG_DEC_MAX_MICROS || base < -TG_DEC_MAX_MICROS ||
	    q > line_q || line_q > 1000000000 || minor < 0 || minor > 3)
		return TG_ELIMIT;
	num = (i128)rate * base;
	num *= q;
	for (k = 0; k < minor; k++)
		num *= 10;
	quo = num / den;
	rem = num % den;
	if (rem < 0) { /* floor division for negative amounts */
		quo -= 1;
		rem += den;
	}
	if (2 * rem > den || (2 * rem == den && (quo & 1)))
		quo += 1;
	if (quo > INT64_MAX / 4 || quo < -(INT64_MAX / 4))
		return TG_ELIMIT;
	*out = (int64_t)quo;
	return TG_OK;
}

static int post_line(tg_store *st, const tg__posting *p, const char *account, int64_t amount, tg_err *err)
{
	char now[21];
	tg__stmt *s;
	int rc;
	tg__utc_now(now);
	if ((rc = tg__store_prepare(&s, st, tg__ledger_sql_q, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, p->txn, -1);
	tg__stmt_bind_text(s, 2, p->exporter_norm, -1);
	tg__stmt_bind_text(s, 3, p->exporter, -1);
	tg__stmt_bind_text(s, 4, p->kind, -1);
	tg__stmt_bind_text(s, 5, p->currency, -1);
	tg__stmt_bind_text(s, 6, account, -1);
	tg__stmt_bind_int64(s, 7, amount);
	tg__stmt_bind_text(s, 8, p->date, -1);
	tg__stmt_bind_text(s, 9, p->source, -1);
	tg__stmt_bind_text(s, 10, p->ref, -1);
	tg__stmt_bind_text(s, 11, now, -1);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}

int tg__ledger_post(tg_store *st, const tg__posting *p, const char *debit, const char *credit, int64_t amount,
		    tg_err *err)
{
	int rc;
	if ((rc = post_line(st, p, debit, amount, err)) < 0)
		return rc;
	return post_line(st, p, credit, -amount, err);
}

int tg__ledger_reverse(tg_store *st, const char *from, const char *to, const char *date, const char *source,
		       tg_err *err)
{
	char now[21];
	tg__stmt *s;
	int rc;
	tg__utc_now(now);
	if ((rc = tg__store_prepare(&s, st, tg__ledger_sql_q2, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, to, -1);
	tg__stmt_bind_text(s, 2, date, -1);
	tg__stmt_bind_text(s, 3, source, -1);
	tg__stmt_bind_text(s, 4, now, -1);
	tg__stmt_bind_text(s, 5, from, -1);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}

typedef struct remit_arg {
	const tg__ctx *cx;
	tg__posting p;
	int64_t amount;
	char norm[512], txn[96], date[11];
} remit_arg;

/* 1 = the same remittance is already recorded, 0 = new, TG_ECONFLICT = ref used for another. */
static int remit_exists(remit_arg *a, tg_store *st, tg_err *err)
{
	tg__stmt *s;
	int rc;
	if ((rc = tg__store_prepare(&s, st, tg__ledger_sql_q3, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, a->txn, -1);
	if ((rc = tg__stmt_step(s, err)) == 1 &&
	    (strcmp(tg__stmt_text(s, 0), a->norm) != 0 || strcmp(tg__stmt_text(s, 1), a->p.kind) != 0 ||
	     strcmp(tg__stmt_text(s, 2), a->p.currency) != 0 || tg__stmt_int64(s, 3) != a->amount ||
	     strcmp(tg__stmt_text(s, 4), a->date) != 0))
		rc = tg__fail_field(err, TG_ECONFLICT, "ref", "--ref: remittance '%.64s' is recorded with other terms",
				    a->p.ref);
	tg__stmt_reset(s);
	return rc;
}

static int remit_txn(void *arg, tg_err *err)
{
	remit_arg *a = arg;
	tg_store *st = a->cx->store;
	json_t *data;
	char *canon = NULL;
	int rc;
	if ((rc = remit_exists(a, st, err)) != 0)
		return rc < 0 ? rc : TG_OK;
	if ((rc = tg__ledger_post(st, &a->p, "charges_payable", "cash", a->amount, err)) < 0)
		return rc;
	data = json_pack("{s:s,s:s,s:s,s:I,s:s,s:s}", "exporter", a->p.exporter, "kind", a->p.kind, "currency",
			 a->p.currency, "amount_minor", (json_int_t)a->amount, "date", a->date, "ref", a->p.ref);
	if (data == NULL)
		return tg__oom(err);
	if ((rc = tg__canon(&canon, NULL, data, err)) == TG_OK)
		rc = tg__audit_append(st, a->cx->actor, "remittance", a->p.ref, canon, err);
	free(canon);
	json_decref(data);
	return rc;
}

int tg__ledger_remit(const tg__ctx *cx, const char *exporter, const char *kind, const char *amount,
		     const char *currency, const char *date, const char *ref, tg_err *err)
{
	remit_arg a;
	tg_dec v;
	tg_date d;
	int64_t unit = 1;
	int k, rc;
	memset(&a, 0, sizeof(a));
	if (cx->store == NULL)
		return tg__fail(err, TG_EINVALID, "the ledger needs a store");
	if (!exporter || !*exporter || !kind || !*kind || !ref || !*ref || !date)
		return tg__fail(err, TG_EINVALID,
				"remit needs --exporter, --kind, --amount, --currency, --date and --ref");
	if (!tg__currency_ok(currency))
		return tg__fail_field(err, TG_EINVALID, "currency", "--currency: expected an ISO 4217 code");
	if ((rc = tg_dec_parse(&v, amount ? amount : "", err)) < 0 || (rc = tg_date_parse(&d, date, err)) < 0)
		return rc;
	for (k = 0; k < 6 - tg_currency_minor_digits(currency); k++)
		unit *= 10;
	if (v.micros <= 0 || v.micros % unit != 0)
		return tg__fail_field(err, TG_EINVALID, "amount",
				      "--amount: expected a positive amount with at most %d "
				      "decimals for %s",
				      tg_currency_minor_digits(currency), currency);
	a.cx = cx;
	a.amount = v.micros / unit;
	tg__name_norm(a.norm, exporter);
	tg_date_format(a.date, d);
	snprintf(a.txn, sizeof(a.txn), "remit:%.80s", ref);
	a.p.txn = a.txn;
	a.p.exporter = exporter;
	a.p.exporter_norm = a.norm;
	a.p.kind = kind;
	a.p.currency = currency;
	a.p.date = a.date;
	a.p.source = "remit";
	a.p.ref = ref;
	return tg__in_txn(cx->store, remit_txn, &a, err);
}
