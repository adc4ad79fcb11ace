/* SPDX-License-Identifier: Apache-2.0 */
/* The license module's data: its schema steps (and, as it grows, all of its SQL). */
#include "license.h"
#include "custody.h"

/* ---- schema steps: applied once each, in the order of engine/engine_schema.c; never edit a step
 * that has shipped, add a new version ---- */

const char tg__license_schema_1[] =
	"CREATE TABLE licenses (id TEXT PRIMARY KEY, holder TEXT NOT NULL, holder_norm TEXT NOT NULL,"
	" destination TEXT NOT NULL, valid_from TEXT NOT NULL, valid_to TEXT NOT NULL,"
	" status TEXT NOT NULL, revoke_reason TEXT, review INTEGER NOT NULL DEFAULT 0,"
	" content_hash TEXT NOT NULL, license_json TEXT NOT NULL, created_at TEXT NOT NULL);"
	"CREATE INDEX licenses_holder ON licenses (holder_norm, destination);"
	"CREATE TABLE license_parties (license_id TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL,"
	" name_norm TEXT NOT NULL, PRIMARY KEY (license_id, role, name_norm));"
	"CREATE INDEX license_parties_norm ON license_parties (name_norm);"
	"CREATE TABLE license_items (license_id TEXT NOT NULL, item TEXT NOT NULL,"
	" qty_cap INTEGER NOT NULL, value_cap INTEGER NOT NULL, value_limit INTEGER NOT NULL,"
	" currency TEXT NOT NULL, qty_used INTEGER NOT NULL DEFAULT 0,"
	" value_used INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (license_id, item));";

/* ---- statements (prepared once per store, cached by address) ---- */

const char tg__license_sql_q[] = "SELECT content_hash FROM licenses WHERE id = ?";
const char tg__license_sql_q2[] = "INSERT INTO license_parties (license_id, role, name, name_norm)"
				  " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
const char tg__license_sql_q3[] = "INSERT INTO license_items (license_id, item, qty_cap, value_cap, value_limit,"
				  " currency) VALUES (?, ?, ?, ?, ?, ?)";
const char tg__license_sql_q4[] = "INSERT INTO licenses (id, holder, holder_norm, destination, valid_from, valid_to,"
				  " status, content_hash, license_json, created_at) VALUES (?,?,?,?,?,?,'live',?,?,?)";
const char tg__license_match_sql_q[] =
	"SELECT 1 FROM license_parties WHERE license_id = ? AND role = ? AND name_norm = ?";
const char tg__license_match_sql_q2[] =
	"SELECT qty_cap - qty_used, value_limit - value_used, currency FROM license_items"
	" WHERE license_id = ? AND item = ?";
const char tg__license_match_sql_q3[] = "SELECT id, status, review, valid_from, valid_to, destination, license_json"
					" FROM licenses WHERE holder_norm = ? ORDER BY status = 'live' DESC, id";
const char tg__license_show_sql_q[] = "SELECT item, qty_cap, value_cap, value_limit, currency, qty_used, value_used"
				      " FROM license_items WHERE license_id = ? ORDER BY rowid";
const char tg__license_show_sql_q2[] = "SELECT license_json, status, review, revoke_reason FROM licenses WHERE id = ?";
const char tg__license_show_sql_q3[] = "SELECT id FROM licenses ORDER BY id";
const char tg__license_show_sql_sel[] = "SELECT status FROM licenses WHERE id = ?";
const char tg__license_show_sql_upd[] = "UPDATE licenses SET status = 'revoked', revoke_reason = ? WHERE id = ?";
const char tg__license_show_sql_q4[] =
	"SELECT p.name, p.role, l.id, l.destination FROM license_parties p"
	" JOIN licenses l ON l.id = p.license_id WHERE l.status = 'live' AND l.review = 0"
	" ORDER BY p.name_norm, p.role, l.id";
