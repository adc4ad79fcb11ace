/* SPDX-License-Identifier: Apache-2.0 */
/* The rescreen module's data: all of its SQL (reports, their lines, and the recorded orders it reads)
 * and its schema steps. */
#include "rescreen.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include "screen_norm.h"
#include "store.h"
#include "err.h"

/* The decisions table belongs to the decide module; re-screening only reads the recorded orders. */
static const char SQL_ORDERS[] = "SELECT order_json FROM decisions ORDER BY order_id";
static const char SQL_INS_REPORT[] =
	"INSERT INTO rescreen_reports (snapshot_id, previous_id, list_name, created_at, added, changed, removed,"
	" parties, new_hits, cleared_hits) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_INS_HIT[] =
	"INSERT INTO rescreen_hits (snapshot_id, seq, kind, party, party_country, change_kind, list, entity_id,"
	" name, matched_name, score_ppm, level, approved, override_state, explanation)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
#define REPORT_COLS                                                                                           \
	"SELECT snapshot_id, previous_id, list_name, created_at, added, changed, removed, parties, new_hits," \
	" cleared_hits FROM rescreen_reports"
static const char SQL_REPORT[] = REPORT_COLS " WHERE snapshot_id = ?";
static const char SQL_LATEST[] = REPORT_COLS " ORDER BY snapshot_id DESC LIMIT 1";
static const char SQL_HITS[] =
	"SELECT kind, party, party_country, change_kind, list, entity_id, name, matched_name, score_ppm, level,"
	" approved, override_state, explanation FROM rescreen_hits WHERE snapshot_id = ? ORDER BY seq";

int tg__rescreen_orders_each(tg_store *st, int (*fn)(const char *json, size_t len, void *payload), void *payload,
			     tg_err *err)
{
	tg__stmt *q;
	int rc;
	if ((rc = tg__store_prepare(&q, st, SQL_ORDERS, err)) < 0)
		return rc;
	while ((rc = tg__stmt_step(q, err)) == 1)
		if ((rc = fn(tg__stmt_text(q, 0), tg__stmt_bytes(q, 0), payload)) < 0)
			break;
	tg__stmt_reset(q);
	return rc < 0 ? rc : TG_OK;
}

int tg__rescreen_report_insert(tg_store *st, const tg_rescreen_summary *s, const char *list_name,
			       const char *created_at, tg_err *err)
{
	tg__stmt *q;
	int rc;
	if ((rc = tg__store_prepare(&q, st, SQL_INS_REPORT, err)) < 0)
		return rc;
	tg__stmt_bind_int64(q, 1, s->snapshot), tg__stmt_bind_int64(q, 2, s->previous);
	tg__stmt_bind_text(q, 3, list_name, -1), tg__stmt_bind_text(q, 4, created_at, -1);
	tg__stmt_bind_int64(q, 5, s->added), tg__stmt_bind_int64(q, 6, s->changed);
	tg__stmt_bind_int64(q, 7, s->removed), tg__stmt_bind_int64(q, 8, s->parties);
	tg__stmt_bind_int64(q, 9, s->new_hits), tg__stmt_bind_int64(q, 10, s->cleared_hits);
	rc = tg__stmt_step(q, err);
	tg__stmt_reset(q);
	return rc < 0 ? rc : TG_OK;
}

int tg__rescreen_hit_insert(tg_store *st, int64_t snapshot, int64_t seq, const tg__rescreen_line *l, tg_err *err)
{
	const tg_screen_hit *h = l->hit;
	tg__stmt *q;
	int rc;
	if ((rc = tg__store_prepare(&q, st, SQL_INS_HIT, err)) < 0)
		return rc;
	tg__stmt_bind_int64(q, 1, snapshot);
	tg__stmt_bind_int64(q, 2, seq);
	tg__stmt_bind_text(q, 3, l->kind, -1);
	tg__stmt_bind_text(q, 4, l->party, -1);
	tg__stmt_bind_text(q, 5, l->party_country, -1);
	tg__stmt_bind_text(q, 6, l->change, -1);
	tg__stmt_bind_text(q, 7, h->list, -1);
	tg__stmt_bind_text(q, 8, h->entity_id, -1);
	tg__stmt_bind_text(q, 9, h->name, -1);
	tg__stmt_bind_text(q, 10, h->matched_name, -1);
	tg__stmt_bind_int64(q, 11, (int64_t)llround(h->score * 1e6));
	tg__stmt_bind_text(q, 12, h->level == TG_HIT_BLOCK ? "block" : "review", -1);
	tg__stmt_bind_int64(q, 13, h->approved ? 1 : 0);
	tg__stmt_bind_text(q, 14, h->override, -1);
	tg__stmt_bind_text(q, 15, h->explanation, -1);
	rc = tg__stmt_step(q, err);
	tg__stmt_reset(q);
	return rc < 0 ? rc : TG_OK;
}

static void field(char *dst, size_t cap, const char *s)
{
	snprintf(dst, cap, "%s", s ? s : "");
}

int tg__rescreen_head_read(tg_rescreen_report *r, tg_store *st, int64_t snapshot, tg_err *err)
{
	tg__stmt *q;
	int rc;
	if ((rc = tg__store_prepare(&q, st, snapshot ? SQL_REPORT : SQL_LATEST, err)) < 0)
		return rc;
	if (snapshot)
		tg__stmt_bind_int64(q, 1, snapshot);
	if ((rc = tg__stmt_step(q, err)) == 1) {
		tg_rescreen_summary *s = &r->summary;
		s->snapshot = tg__stmt_int64(q, 0), s->previous = tg__stmt_int64(q, 1);
		field(r->list_name, sizeof(r->list_name), tg__stmt_text(q, 2));
		field(r->created_at, sizeof(r->created_at), tg__stmt_text(q, 3));
		s->added = tg__stmt_int64(q, 4), s->changed = tg__stmt_int64(q, 5), s->removed = tg__stmt_int64(q, 6);
		s->parties = tg__stmt_int64(q, 7), s->new_hits = tg__stmt_int64(q, 8);
		s->cleared_hits = tg__stmt_int64(q, 9);
	}
	tg__stmt_reset(q);
	return rc;
}

static void row_to_hit(tg_rescreen_hit *h, tg__stmt *q)
{
	const char *level = tg__stmt_text(q, 9);
	memset(h, 0, sizeof(*h));
	field(h->kind, sizeof(h->kind), tg__stmt_text(q, 0));
	field(h->party, sizeof(h->party), tg__stmt_text(q, 1));
	field(h->party_country, sizeof(h->party_country), tg__stmt_text(q, 2));
	field(h->change, sizeof(h->change), tg__stmt_text(q, 3));
	field(h->hit.list, sizeof(h->hit.list), tg__stmt_text(q, 4));
	field(h->hit.entity_id, sizeof(h->hit.entity_id), tg__stmt_text(q, 5));
	field(h->hit.name, sizeof(h->hit.name), tg__stmt_text(q, 6));
	field(h->hit.matched_name, sizeof(h->hit.matched_name), tg__stmt_text(q, 7));
	h->hit.score = (double)tg__stmt_int64(q, 8) / 1e6;
	h->hit.level = level && strcmp(level, "block") == 0 ? TG_HIT_BLOCK : TG_HIT_REVIEW;
	h->hit.approved = tg__stmt_int64(q, 10) != 0;
	field(h->hit.override, sizeof(h->hit.override), tg__stmt_text(q, 11));
	field(h->hit.explanation, sizeof(h->hit.explanation), tg__stmt_text(q, 12));
}

int tg__rescreen_hits_read(tg_rescreen_report *r, tg_store *st, tg_err *err)
{
	size_t cap = 0;
	tg__stmt *q;
	int rc;
	if ((rc = tg__store_prepare(&q, st, SQL_HITS, err)) < 0)
		return rc;
	tg__stmt_bind_int64(q, 1, r->summary.snapshot);
	while ((rc = tg__stmt_step(q, err)) == 1) {
		if (tg__sc_grow((void **)&r->hits, &cap, r->nhits, sizeof(*r->hits)) < 0) {
			rc = tg__oom(err);
			break;
		}
		row_to_hit(&r->hits[r->nhits++], q);
	}
	tg__stmt_reset(q);
	return rc < 0 ? rc : TG_OK;
}

/* ---- schema steps: applied once each, in the order of engine/engine_schema.c; never edit a step
 * that has shipped, add a new version ---- */

/*
 * rescreen_reports: one per list snapshot (its load re-screens the recorded parties against what changed
 * since the previous snapshot of the same name; previous_id 0 = the first load of that name).
 * rescreen_hits: its lines in report order (seq); kind "new" or "cleared", change_kind "added",
 * "changed" or "removed"; score_ppm = the score in millionths (an integer, exact across backends).
 */
const char tg__rescreen_schema_lists_3[] = "CREATE TABLE rescreen_reports ("
					   " snapshot_id INTEGER PRIMARY KEY REFERENCES list_snapshots (id),"
					   " previous_id INTEGER NOT NULL,"
					   " list_name TEXT NOT NULL,"
					   " created_at TEXT NOT NULL,"
					   " added INTEGER NOT NULL,"
					   " changed INTEGER NOT NULL,"
					   " removed INTEGER NOT NULL,"
					   " parties INTEGER NOT NULL,"
					   " new_hits INTEGER NOT NULL,"
					   " cleared_hits INTEGER NOT NULL);"
					   "CREATE TABLE rescreen_hits ("
					   " snapshot_id INTEGER NOT NULL REFERENCES rescreen_reports (snapshot_id),"
					   " seq INTEGER NOT NULL,"
					   " kind TEXT NOT NULL,"
					   " party TEXT NOT NULL,"
					   " party_country TEXT NOT NULL,"
					   " change_kind TEXT NOT NULL,"
					   " list TEXT NOT NULL,"
					   " entity_id TEXT NOT NULL,"
					   " name TEXT NOT NULL,"
					   " matched_name TEXT NOT NULL,"
					   " score_ppm INTEGER NOT NULL,"
					   " level TEXT NOT NULL,"
					   " approved INTEGER NOT NULL,"
					   " override_state TEXT NOT NULL,"
					   " explanation TEXT NOT NULL,"
					   " PRIMARY KEY (snapshot_id, seq));";
