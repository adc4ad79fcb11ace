/* SPDX-License-Identifier: Apache-2.0 */
/* The audit module's data: its schema steps (and, as it grows, all of its SQL). */
#include "audit_chain.h"

/* ---- schema steps: applied once each, in the order of engine/engine_schema.c; never edit a step
 * that has shipped, add a new version ---- */

/* Append-only audit log: entry is the canonical JSON that is hashed; hash = SHA-256(prev_hash || entry).
 * audit_head mirrors the last (seq, hash) so that deleting the tail is detected too. */
const char tg__audit_schema_1[] =
	"CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,"
	" kind TEXT NOT NULL, subject TEXT NOT NULL, entry TEXT NOT NULL, prev_hash TEXT NOT NULL,"
	" hash TEXT NOT NULL);"
	"CREATE TABLE audit_head (id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL);";

/* ---- statements (prepared once per store, cached by address) ---- */

const char tg__audit_sql_q[] = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
const char tg__audit_sql_head[] = "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)"
				  " ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash";
const char tg__audit_sql_ins[] = "INSERT INTO audit_log (seq, at, actor, kind, subject, entry, prev_hash, hash)"
				 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
const char tg__audit_sql_q2[] = "SELECT seq, hash FROM audit_head WHERE id = 1";
const char tg__audit_sql_q3[] = "SELECT seq, actor, at, kind, subject, entry, prev_hash, hash FROM audit_log"
				" ORDER BY seq";
const char tg__audit_sql_q4[] = "SELECT seq, prev_hash, hash, entry FROM audit_log"
				" WHERE substr(at, 1, 10) >= ? AND substr(at, 1, 10) <= ? ORDER BY seq";
