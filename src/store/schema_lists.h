/* SPDX-License-Identifier: Apache-2.0 */
/* Schema steps of the "lists" module: restricted-party list snapshots and their entries. */
#ifndef TG_STORE_SCHEMA_LISTS_H
#define TG_STORE_SCHEMA_LISTS_H

/*
 * list_snapshots: one row per load of one list file (all or nothing). content_hash = SHA-256 (hex)
 * of the file bytes; row_count = data records read, entry_count = entries stored, error_count = records rejected.
 * list_entries: multi-valued fields (names = primary name then aliases, addresses, countries,
 * programs) hold one value per line ('\n'-separated). key_hash = SHA-256 of the fields whose change
 * re-opens a false-positive override (names, type, countries, addresses, programs).
 */
#define TG__SCHEMA_LISTS_1                                                                              \
	"CREATE TABLE list_snapshots ("                                                                 \
	" id INTEGER PRIMARY KEY,"                                                                      \
	" name TEXT NOT NULL,"                                                                          \
	" source TEXT NOT NULL,"                                                                        \
	" format TEXT NOT NULL,"                                                                        \
	" content_hash TEXT NOT NULL,"                                                                  \
	" loaded_at TEXT NOT NULL,"                                                                     \
	" row_count INTEGER NOT NULL,"                                                                     \
	" entry_count INTEGER NOT NULL,"                                                                  \
	" error_count INTEGER NOT NULL);"                                                                  \
	"CREATE INDEX list_snapshots_name ON list_snapshots (name, id);"                                \
	"CREATE TABLE list_entries ("                                                                   \
	" snapshot_id INTEGER NOT NULL REFERENCES list_snapshots (id),"                                 \
	" seq INTEGER NOT NULL,"                                                                        \
	" source_id TEXT NOT NULL,"                                                                     \
	" list TEXT NOT NULL,"                                                                          \
	" type TEXT NOT NULL,"                                                                          \
	" name TEXT NOT NULL,"                                                                          \
	" names TEXT NOT NULL,"                                                                         \
	" addresses TEXT NOT NULL,"                                                                     \
	" countries TEXT NOT NULL,"                                                                     \
	" programs TEXT NOT NULL,"                                                                      \
	" fr_cite TEXT NOT NULL,"                                                                       \
	" start_date TEXT NOT NULL,"                                                                    \
	" key_hash TEXT NOT NULL,"                                                                      \
	" PRIMARY KEY (snapshot_id, seq));"                                                             \
	"CREATE INDEX list_entries_source ON list_entries (list, source_id);"

/*
 * screen_overrides: reviewers' decisions on (party, list entry) pairs, all kept (audit); the latest per
 * (party_key, list, source_id) applies. key_hash = the entry's key_hash when decided: a false positive
 * stops suppressing the hit once the entry's key fields change.
 */
#define TG__SCHEMA_LISTS_2                                                                              \
	"CREATE TABLE screen_overrides ("                                                               \
	" id INTEGER PRIMARY KEY,"                                                                      \
	" party_key TEXT NOT NULL,"                                                                     \
	" party_name TEXT NOT NULL,"                                                                    \
	" list TEXT NOT NULL,"                                                                          \
	" source_id TEXT NOT NULL,"                                                                     \
	" key_hash TEXT NOT NULL,"                                                                      \
	" decision TEXT NOT NULL,"                                                                      \
	" reason TEXT NOT NULL,"                                                                        \
	" reviewer TEXT NOT NULL,"                                                                      \
	" decided_at TEXT NOT NULL);"                                                                   \
	"CREATE INDEX screen_overrides_pair ON screen_overrides (party_key, list, source_id, id);"

/*
 * rescreen_reports: one per list snapshot (its load re-screens the recorded parties against what changed
 * since the previous snapshot of the same name; previous_id 0 = the first load of that name).
 * rescreen_hits: its lines in report order (seq); kind "new" or "cleared", change_kind "added",
 * "changed" or "removed"; score_ppm = the score in millionths (an integer, exact across backends).
 */
#define TG__SCHEMA_LISTS_3                                                                              \
	"CREATE TABLE rescreen_reports ("                                                               \
	" snapshot_id INTEGER PRIMARY KEY REFERENCES list_snapshots (id),"                              \
	" previous_id INTEGER NOT NULL,"                                                                \
	" list_name TEXT NOT NULL,"                                                                     \
	" created_at TEXT NOT NULL,"                                                                    \
	" added INTEGER NOT NULL,"                                                                      \
	" changed INTEGER NOT NULL,"                                                                    \
	" removed INTEGER NOT NULL,"                                                                    \
	" parties INTEGER NOT NULL,"                                                                    \
	" new_hits INTEGER NOT NULL,"                                                                   \
	" cleared_hits INTEGER NOT NULL);"                                                              \
	"CREATE TABLE rescreen_hits ("                                                                  \
	" snapshot_id INTEGER NOT NULL REFERENCES rescreen_reports (snapshot_id),"                      \
	" seq INTEGER NOT NULL,"                                                                        \
	" kind TEXT NOT NULL,"                                                                          \
	" party TEXT NOT NULL,"                                                                         \
	" party_country TEXT NOT NULL,"                                                                 \
	" change_kind TEXT NOT NULL,"                                                                   \
	" list TEXT NOT NULL,"                                                                          \
	" entity_id TEXT NOT NULL,"                                                                     \
	" name TEXT NOT NULL,"                                                                          \
	" matched_name TEXT NOT NULL,"                                                                  \
	" score_ppm INTEGER NOT NULL,"                                                                  \
	" level TEXT NOT NULL,"                                                                         \
	" approved INTEGER NOT NULL,"                                                                   \
	" override_state TEXT NOT NULL,"                                                                \
	" explanation TEXT NOT NULL,"                                                                   \
	" PRIMARY KEY (snapshot_id, seq));"

/* Names in a non-Latin script with their script tag, one per line "<script>\t<name>" (OFAC enhanced
 * XML's name translations: "Hans\t旷视科技有限公司"); empty for formats that carry no script. */
#define TG__SCHEMA_LISTS_4 "ALTER TABLE list_entries ADD COLUMN scripts TEXT NOT NULL DEFAULT '';"

#endif
