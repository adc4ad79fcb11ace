/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The rescreen module's header (its one header): re-screening on list change. rescreen.c computes and
 * stores a report when the engine has written a snapshot; rescreen_report.c reads reports back;
 * rescreen_store.c holds all of the module's SQL. The module stands on screening (screen_norm.h: a
 * screener over chosen entries) and on lists (lists.h: the entries that changed); neither calls it.
 */
#ifndef TG_RESCREEN_INT_H
#define TG_RESCREEN_INT_H

#include "tg/rescreen.h"

/*
 * Compute and store the re-screen report of snapshot @p snap (its entries written, its name final)
 * against the previous snapshot of the same name, and append its audit entry as @p actor. Runs inside
 * the caller's write transaction (the engine's tg_lists_load), so the report commits or rolls back with
 * the snapshot. Fills @p out (may be NULL) with the counts. TG_OK, TG_EDB, TG_ENOMEM, or the
 * screener's TG_EINVALID (a malformed thresholds file).
 */
int tg__rescreen_snapshot(tg_rescreen_summary *out, tg_store *st, int64_t snap, const char *list_name,
			  const char *actor, tg_err *err);

/* ---- the module's data (rescreen_store.c) ---- */

/* The canonical JSON of every recorded order (the decide module's decisions table), by order id; a
 * negative return of fn stops the walk and is returned. */
int tg__rescreen_orders_each(tg_store *st, int (*fn)(const char *json, size_t len, void *payload), void *payload,
			     tg_err *err);
/* Store a report's row (s, with its list name and creation time). */
int tg__rescreen_report_insert(tg_store *st, const tg_rescreen_summary *s, const char *list_name,
			       const char *created_at, tg_err *err);
/* One line of a report as it is stored; fields borrowed. */
typedef struct tg__rescreen_line {
	const char *kind; /* "new" or "cleared" */
	const char *party, *party_country;
	const char *change; /* "added", "changed" or "removed" */
	const tg_screen_hit *hit;
} tg__rescreen_line;
/* Store line seq (1-based, report order) of snapshot's report. */
int tg__rescreen_hit_insert(tg_store *st, int64_t snapshot, int64_t seq, const tg__rescreen_line *l, tg_err *err);
/* Read the report row of snapshot (0 = the latest) into r's summary, list name and time: 1 read,
 * 0 none, < 0 TG_EDB. */
int tg__rescreen_head_read(tg_rescreen_report *r, tg_store *st, int64_t snapshot, tg_err *err);
/* Append the stored lines of r's snapshot to r->hits (r->nhits). TG_OK, TG_EDB, TG_ENOMEM. */
int tg__rescreen_hits_read(tg_rescreen_report *r, tg_store *st, tg_err *err);

/* Schema steps (rescreen_store.c), listed in order by engine/engine_schema.c. */
extern const char tg__rescreen_schema_lists_3[];

#endif
