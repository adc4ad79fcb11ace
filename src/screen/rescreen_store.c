/* SPDX-License-Identifier: Apache-2.0 */
/* The rescreen module's data: its schema steps (and, as it grows, all of its SQL). */
#include "rescreen.h"

/* ---- schema steps: applied once each, in the order of engine/engine_schema.c; never edit a step
 * that has shipped, add a new version ---- */

/*
 * rescreen_reports: one per list snapshot (its load re-screens the recorded parties against what changed
 * since the previous snapshot of the same name; previous_id 0 = the first load of that name).
 * rescreen_hits: its lines in report order (seq); kind "new" or "cleared", change_kind "added",
 * "changed" or "removed"; score_ppm = the score in millionths (an integer, exact across backends).
 */
const char tg__rescreen_schema_lists_3[] =
	"CREATE TABLE rescreen_reports ("
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

/* ---- statements (prepared once per store, cached by address) ---- */

const char tg__rescreen_sql_prev[] =
	"SELECT COALESCE(MAX(id), 0) FROM list_snapshots WHERE name = ? AND id < ?";
const char tg__rescreen_sql_diff[] =
	"SELECT n.source_id, n.list, n.type, n.names, n.countries, n.key_hash,"
	" CASE WHEN EXISTS (SELECT 1 FROM list_entries o WHERE o.snapshot_id = ? AND o.list = n.list"
	"  AND o.source_id = n.source_id) THEN 1 ELSE 0 END"
	" FROM list_entries n WHERE n.snapshot_id = ? AND NOT EXISTS (SELECT 1 FROM list_entries o"
	"  WHERE o.snapshot_id = ? AND o.list = n.list AND o.source_id = n.source_id AND o.key_hash = n.key_hash)"
	" ORDER BY n.seq";
const char tg__rescreen_sql_parties[] =
	"SELECT order_json FROM decisions ORDER BY order_id";
const char tg__rescreen_sql_ins_report[] =
	"INSERT INTO rescreen_reports (snapshot_id, previous_id, list_name, created_at, added, changed, removed,"
	" parties, new_hits, cleared_hits) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const char tg__rescreen_sql_ins_hit[] =
	"INSERT INTO rescreen_hits (snapshot_id, seq, kind, party, party_country, change_kind, list, entity_id,"
	" name, matched_name, score_ppm, level, approved, override_state, explanation)"
	" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
const char tg__rescreen_report_sql_report[] =
	"SELECT snapshot_id, previous_id, list_name, created_at, added, changed, removed, parties, new_hits,"
	" cleared_hits FROM rescreen_reports WHERE snapshot_id = ?";
const char tg__rescreen_report_sql_latest[] =
	"SELECT snapshot_id, previous_id, list_name, created_at, added, changed, removed, parties, new_hits,"
	" cleared_hits FROM rescreen_reports ORDER BY snapshot_id DESC LIMIT 1";
const char tg__rescreen_report_sql_hits[] =
	"SELECT kind, party, party_country, change_kind, list, entity_id, name, matched_name, score_ppm, level,"
	" approved, override_state, explanation FROM rescreen_hits WHERE snapshot_id = ? ORDER BY seq";
