/* SPDX-License-Identifier: Apache-2.0 */
/* The decide module's data: its schema steps (and, as it grows, all of its SQL). */
#include "record.h"

/* ---- schema steps: applied once each, in the order of engine/engine_schema.c; never edit a step
 * that has shipped, add a new version ---- */

/* Recorded decisions: one row per order id; content_hash is SHA-256 of the order's canonical JSON. */
const char tg__decide_schema_1[] =
	"CREATE TABLE decisions ("
	" order_id TEXT PRIMARY KEY,"
	" content_hash TEXT NOT NULL,"
	" as_of TEXT NOT NULL,"
	" verdict TEXT NOT NULL,"
	" exporter TEXT NOT NULL,"
	" order_json TEXT NOT NULL,"
	" decision_json TEXT NOT NULL,"
	" recorded_at TEXT NOT NULL);"
	"CREATE INDEX decisions_verdict ON decisions (verdict);";

/* Only the review queue looks decisions up by verdict: a partial index over the review decisions
 * replaces the index over every verdict, whose four hot leaf pages every recorded batch rewrote
 * (a quarter of the pages a small group commit writes to the WAL). */
const char tg__decide_schema_2[] =
	"DROP INDEX decisions_verdict;"
	"CREATE INDEX decisions_review ON decisions (recorded_at, order_id) WHERE verdict = 'review';";
