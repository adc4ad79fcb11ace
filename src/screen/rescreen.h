/* SPDX-License-Identifier: Apache-2.0 */
/* Re-screening on list change (rescreen.c computes and stores a report; rescreen_report.c reads it back). */
#ifndef TG_RESCREEN_INT_H
#define TG_RESCREEN_INT_H

#include "tg/rescreen.h"

/*
 * Compute and store the re-screen report of snapshot @p snap (its entries written, its name final)
 * against the previous snapshot of the same name, and append its audit entry as @p actor. Runs inside
 * the caller's write transaction (the list load's), so the report commits or rolls back with the
 * snapshot. Fills @p out with the counts. TG_OK, TG_EDB, TG_ENOMEM, or the screener's TG_EINVALID
 * (a malformed thresholds file).
 */
int tg__rescreen_snapshot(tg_rescreen_summary *out, tg_store *st, int64_t snap, const char *list_name,
			  const char *actor, tg_err *err);

/* Schema steps (rescreen_store.c), listed in order by engine/engine_schema.c. */
extern const char tg__rescreen_schema_lists_3[];

/* SQL statements (rescreen_store.c). */
extern const char tg__rescreen_sql_prev[];
extern const char tg__rescreen_sql_diff[];
extern const char tg__rescreen_sql_parties[];
extern const char tg__rescreen_sql_ins_report[];
extern const char tg__rescreen_sql_ins_hit[];
extern const char tg__rescreen_report_sql_report[];
extern const char tg__rescreen_report_sql_latest[];
extern const char tg__rescreen_report_sql_hits[];

#endif
