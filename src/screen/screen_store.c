/* SPDX-License-Identifier: Apache-2.0 */
/* The screen module's data: its schema steps (and, as it grows, all of its SQL). */
#include "screen_int.h"

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
