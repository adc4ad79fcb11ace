/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/rescreen.h
 * @brief Re-screening on list change: what a new list snapshot changes for the parties already recorded.
 *
 * Every tg_lists_load() compares the new snapshot with the previous snapshot of the same list name
 * (entries matched by list code + source id; an entry whose key-field hash differs is "changed"),
 * re-screens every party name of the recorded decisions against the added and changed entries (new
 * hits) and against the removed and the old versions of the changed entries (hits that no longer
 * arise: cleared hits), and stores the result as the snapshot's re-screen report, in the load's
 * transaction and audit-logged with it. Reviewers' overrides apply as in screening: a false positive
 * on an unchanged entry is never reported again; on a changed entry it has lapsed and the hit is new.
 */
#ifndef TG_RESCREEN_H
#define TG_RESCREEN_H

#include "tg/buf.h"
#include "tg/common.h"
#include "tg/errors.h"
#include "tg/screen.h"
#include "tg/store.h"

/** Counts of one re-screen report. */
typedef struct tg_rescreen_summary {
	int64_t snapshot;     /**< the snapshot whose load made the report */
	int64_t previous;     /**< the previous snapshot of the same list name; 0 = first load of that name */
	int64_t added;        /**< entries in @c snapshot only (by list code + source id) */
	int64_t changed;      /**< entries in both whose key-field hash differs */
	int64_t removed;      /**< entries in @c previous only */
	int64_t parties;      /**< distinct recorded parties (name, country) re-screened; 0 when nothing changed */
	int64_t new_hits;     /**< (party, entry) hits that arise with @c snapshot */
	int64_t cleared_hits; /**< (party, entry) hits of @c previous that no longer arise */
} tg_rescreen_summary;

/** One line of a report: a hit that is new or cleared for one recorded party. */
typedef struct tg_rescreen_hit {
	char kind[8];          /**< "new" or "cleared" */
	char party[256];       /**< the party name as recorded in a decision */
	char party_country[3]; /**< its ISO country as recorded ("" if none) */
	char change[8];        /**< what happened to the entry: "added", "changed" or "removed" */
	tg_screen_hit hit;     /**< the hit: for "cleared", as it was against the previous snapshot */
} tg_rescreen_hit;

/** A stored report (tg_rescreen_report_get()); release with tg_rescreen_report_free(). */
typedef struct tg_rescreen_report {
	tg_rescreen_summary summary;
	char list_name[64];    /**< the list name of both snapshots */
	char created_at[32];   /**< UTC, ISO 8601 */
	tg_rescreen_hit *hits; /**< new hits first, then cleared; each by party name, then score (best first) */
	size_t nhits;
} tg_rescreen_report;

/**
 * The counts of the report of @p snapshot (0 = the latest report).
 * @return TG_OK; TG_ENOTFOUND (no such report; err->field "snapshot"); TG_EDB. @since 0.3
 */
TG_EXTERN int tg_rescreen_summary_get(tg_rescreen_summary *out, tg_store *st, int64_t snapshot, tg_err *err);

/**
 * The whole report of @p snapshot (0 = the latest), owned by the caller (*out, tg_rescreen_report_free()).
 * @return TG_OK; TG_ENOTFOUND; TG_EDB; TG_ENOMEM. @since 0.3
 */
TG_EXTERN int tg_rescreen_report_get(tg_rescreen_report **out, tg_store *st, int64_t snapshot, tg_err *err);
/** Release a report; NULL is a no-op. @since 0.3 */
TG_EXTERN void tg_rescreen_report_free(tg_rescreen_report *r);

/**
 * Append the report of @p snapshot (0 = the latest) to @p out as one line of JSON (the body of
 * `GET /v1/lists/rescreen-report` and the output of `tollgate lists rescreen-report --json`):
 * {"snapshot","previous_snapshot","list_name","created_at","entries":{"added","changed","removed"},
 *  "parties","new_hits":[hit...],"cleared_hits":[hit...]}, a hit being {"party","party_country",
 * "change","entity_id","list","name","matched_name","score","level","approved","override","explanation"}.
 * @return TG_OK; TG_ENOTFOUND; TG_EDB; TG_ENOMEM; TG_ELIMIT (out's maximum). @since 0.3
 */
TG_EXTERN int tg_rescreen_report_json(tg_buf *out, tg_store *st, int64_t snapshot, tg_err *err);

/**
 * Append the counts as JSON: {"snapshot","previous_snapshot","added","changed","removed","parties",
 * "new_hits","cleared_hits"} (the "rescreen" member of `tollgate lists load --json`).
 * @return TG_OK; TG_ENOMEM; TG_ELIMIT. @since 0.3
 */
TG_EXTERN int tg_rescreen_summary_json(tg_buf *out, const tg_rescreen_summary *s, tg_err *err);

#endif
