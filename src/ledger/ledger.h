/* SPDX-License-Identifier: Apache-2.0 */
/* Internal interface of the ledger: posting balanced pairs of journal lines, pro-rata charge amounts in
 * minor units, reversals. All inside the caller's transaction. */
#ifndef TG_LEDGER_INT_H
#define TG_LEDGER_INT_H

#include <stdint.h>
#include "tg/ledger.h"
#include "ctx.h"
#include "tg/store.h"

/* Where a posting goes: txn groups the lines of one business event ("ship:S1", "return:S1", "remit:R1"). */
typedef struct tg__posting {
	const char *txn, *exporter, *exporter_norm, *kind, *currency, *date, *source, *ref;
} tg__posting;

/* Post amount (minor units, may be negative) as debit +amount / credit -amount. */
int tg__ledger_post(tg_store *st, const tg__posting *p, const char *debit, const char *credit, int64_t amount,
		    tg_err *err);

/* rate x base x q / line_q in minor units of a currency with `minor` digits, rounded once, half to even.
 * rate and base are millionths. Returns TG_OK or TG_ELIMIT. */
int tg__ledger_prorate(int64_t *out, int64_t rate, int64_t base, int64_t q, int64_t line_q, int minor);

/* Post the exact opposite of every line of txn `from` under txn `to` (a reversal). */
int tg__ledger_reverse(tg_store *st, const char *from, const char *to, const char *date, const char *source,
		       tg_err *err);

/* Schema steps (ledger_store.c), listed in order by engine/engine_schema.c. */
extern const char tg__ledger_schema_1[];

/* The module side of the public ledger functions of include/tg/ (the engine wraps them, src/engine/). */
int tg__ledger_check(tg_buf *out, const tg__ctx *cx, tg_err *err);
int tg__ledger_remit(const tg__ctx *cx, const char *exporter, const char *kind, const char *amount,
		     const char *currency, const char *date, const char *ref, tg_err *err);
int tg__ledger_statement(tg_buf *out, const tg__ctx *cx, const char *exporter, const char *quarter, int csv,
			 tg_err *err);

/* SQL statements (ledger_store.c). */
extern const char tg__ledger_sql_q[];
extern const char tg__ledger_sql_q2[];
extern const char tg__ledger_sql_q3[];
extern const char tg__ledger_report_sql_q[];
extern const char tg__ledger_report_sql_bad[];
extern const char tg__ledger_report_sql_tot[];

/* One report: its query (key filter as parameters 1 and 2; the first is CAST, else PostgreSQL cannot type
 * it; norm: the key is an exporter name, compared normalised), array key, and column names (a leading
 * '#' = integer, '!' = boolean, '$' = minor units formatted in the currency of column 3, '@' = stored JSON
 * text). The table is in ledger_store.c. */
typedef struct tg__ledger_report_def {
	const char *name, *sql, *key, *cols[9];
	int norm;
} tg__ledger_report_def;
extern const tg__ledger_report_def tg__ledger_reports[];
extern const size_t tg__ledger_nreports;
/* tg_engine_report (tg/engine.h) over the store. */
int tg__ledger_report(tg_buf *out, tg_store *st, const char *name, const char *exporter, tg_err *err);

#endif
