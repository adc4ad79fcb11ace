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

#endif
