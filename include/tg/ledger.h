/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/ledger.h
 * @brief The charge ledger: balanced double-entry journal lines in integer minor units per currency.
 *
 * A released shipment accrues each charge of its order's decision (us_232_tariff 25 %, us_revenue_share
 * 15 %, ...) pro rata to the shipped quantity: Dr charges_expense / Cr charges_payable, rounded once,
 * half-to-even, to the currency's minor unit (USD 2, JPY 0, KWD 3: see docs/state.md). Returns post
 * reversing lines; remittances Dr charges_payable / Cr cash. Nothing is ever edited.
 */
#ifndef TG_LEDGER_H
#define TG_LEDGER_H

#include "tg/buf.h"
#include "tg/common.h"
#include "tg/errors.h"

struct tg_engine;

/** Decimal digits of the minor unit of an ISO 4217 currency (2 when unknown). @since 0.2 */
TG_EXTERN int tg_currency_minor_digits(const char *currency);

/**
 * Quarterly statement of @p exporter for @p quarter ("2026Q1"): per charge kind and currency the
 * opening balance owed, accrued (net of reversals), remitted and closing balance, as exact decimal
 * strings. JSON {"exporter","quarter","lines":[{"kind","currency","opening","accrued","remitted",
 * "closing"}]}, or CSV with a header when @p csv. @return TG_OK, TG_EINVALID. @since 0.2
 */
TG_EXTERN int tg_ledger_statement(tg_buf *out, struct tg_engine *e, const char *exporter, const char *quarter, int csv,
				  tg_err *err);

/**
 * Record a remittance of @p amount (decimal, at most the currency's minor digits) of charge @p kind by
 * @p exporter on @p date, idempotent by @p ref. @return TG_OK, TG_EINVALID, TG_ECONFLICT (ref reused with
 * other content). @since 0.2
 */
TG_EXTERN int tg_ledger_remit(struct tg_engine *e, const char *exporter, const char *kind, const char *amount,
			      const char *currency, const char *date, const char *ref, tg_err *err);

/**
 * Prove the books balance: every transaction's lines sum to zero per currency, and so do all lines.
 * Appends {"balanced","transactions","lines","unbalanced":[txn...]}. @return TG_OK when balanced,
 * TG_ECONFLICT when not. @since 0.2
 */
TG_EXTERN int tg_ledger_check(tg_buf *out, struct tg_engine *e, tg_err *err);

#endif
