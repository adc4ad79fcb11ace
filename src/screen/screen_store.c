/* SPDX-License-Identifier: Apache-2.0 */
/* The screen module's data: its schema steps (and, as it grows, all of its SQL). */
#include "screen_int.h"
#include "screen.h"
#include "store.h"

/* ---- schema steps: applied once each, in the order of engine/engine_schema.c; never edit a step
 * that has shipped, add a new version ---- */

/*
 * screen_overrides: reviewers' decisions on (party, list entry) pairs, all kept (audit); the latest per
 * (party_key, list, source_id) applies. key_hash = the entry's key_hash when decided: a false positive
 * stops suppressing the hit once the entry's key fields change.
 */
const char tg__screen_schema_lists_2[] =
	"CREATE TABLE screen_overrides ("
	" id INTEGER PRIMARY KEY,"
	" party_key TEXT NOT NULL,"
	" party_name TEXT NOT NULL,"
	" list TEXT NOT NULL,"
	" source_id TEXT NOT NULL,"
	" key_hash TEXT NOT NULL,"
	" decision TEXT NOT NULL,"
	" reason TEXT NOT NULL,"
	" reviewer TEXT NOT NULL,"
	" decided_at TEXT NOT NULL);"
	"CREATE INDEX screen_overrides_pair ON screen_overrides (party_key, list, source_id, id);";

/* ---- statements (prepared once per store, cached by address) ---- */

const char tg__screen_sql_latest[] =
	"SELECT e.source_id, e.list, e.type, e.names, e.countries, e.key_hash FROM list_entries e"
	" JOIN (SELECT name, MAX(id) AS id FROM list_snapshots GROUP BY name) s ON e.snapshot_id = s.id"
	" ORDER BY e.snapshot_id, e.seq";
const char tg__screen_override_sql_entry_hash[] =
	"SELECT e.key_hash FROM list_entries e"
	" JOIN (SELECT name, MAX(id) AS id FROM list_snapshots GROUP BY name) s ON e.snapshot_id = s.id"
	" WHERE e.list = ? AND e.source_id = ? ORDER BY e.snapshot_id DESC";
const char tg__screen_override_sql_insert[] =
	"INSERT INTO screen_overrides (party_key, party_name, list, source_id, key_hash, decision, reason, reviewer,"
	" decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
const char tg__screen_override_sql_all[] =
	"SELECT o.id, o.party_name, o.list, o.source_id, o.key_hash, o.decision, o.reason, o.reviewer, o.decided_at,"
	" (SELECT COUNT(*) FROM list_entries e JOIN (SELECT name, MAX(id) AS id FROM list_snapshots GROUP BY name) s"
	"  ON e.snapshot_id = s.id WHERE e.list = o.list AND e.source_id = o.source_id AND e.key_hash = o.key_hash),"
	" o.party_key FROM screen_overrides o ORDER BY o.id";

/* What the screener is built from: the newest list snapshot and the newest override decision. */
int tg__screen_version(tg_store *st, int64_t v[2], tg_err *err)
{
	static const char sql[] = "SELECT (SELECT COALESCE(MAX(id), 0) FROM list_snapshots),"
				  " (SELECT COALESCE(MAX(id), 0) FROM screen_overrides)";
	tg__stmt *s;
	int rc;
	if ((rc = tg__store_prepare(&s, st, sql, err)) < 0)
		return rc;
	if ((rc = tg__stmt_step(s, err)) == 1) {
		v[0] = tg__stmt_int64(s, 0);
		v[1] = tg__stmt_int64(s, 1);
	}
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}
