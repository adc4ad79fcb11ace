/* SPDX-License-Identifier: Apache-2.0 */
/* The ledger's write side: minor units per currency, half-even pro-rata rounding, balanced postings,
 * reversals and remittances. */
#include "ledger.h"

#include <stdio.h>
#include <string.h>
#include "audit.h"
#include "license.h"
#include "record.h"
#include "store/store.h"
#include "tg/engine.h"
#include "util/err.h"

__extension__ typedef __int128 i128;

int tg_currency_minor_digits(const char *c)
{
	static const char *const zero[] = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF",
					   "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF", NULL};
	static const char *const three[] = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND", NULL};
	size_t i;
	for (i = 0; zero[i]; i++)
		if (strcmp(c, zero[i]) == 0)
			return 0;
	for (i = 0; three[i]; i++)
		if (strcmp(c, three[i]) == 0)
			return 3;
	return 2;
}

int tg__ledger_prorate(int64_t *out, int64_t rate, int64_t base, int64_t q, int64_t line_q, int minor)
{
	i128 num = (i128)rate * base, den = (i128)line_q * 1000000 * 1000000, quo, rem;
	int k;
	if (line_q <= 0 || q < 0)
		return TG_EINVALID;
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
	static const char sql[] = "INSERT INTO ledger_lines (txn, exporter_norm, exporter, kind, currency, account,"
				  " amount, date, source, ref, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)";
	char now[21];
	tg__stmt *s;
	int rc;
	tg__utc_now(now);
	if ((rc = tg__store_prepare(&s, st, sql, err)) < 0)
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
	static const char sql[] = "INSERT INTO ledger_lines (txn, exporter_norm, exporter, kind, currency, account,"
				  " amount, date, source, ref, recorded_at) SELECT ?, exporter_norm, exporter, kind,"
				  " currency, account, -amount, ?, ?, ref, ? FROM ledger_lines WHERE txn = ? ORDER BY id";
	char now[21];
	tg__stmt *s;
	int rc;
	tg__utc_now(now);
	if ((rc = tg__store_prepare(&s, st, sql, err)) < 0)
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
