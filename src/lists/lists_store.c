/* SPDX-License-Identifier: Apache-2.0 */
/* The store side of lists: snapshot rows, entry rows (with their key-field hash), listing. */
#include "lists.h"

#include <stdio.h>
#include <string.h>
#include "store.h"
#include "alloc.h"
#include "buf.h"
#include "sha256.h"

static const char SQL_NEXT_ID[] = "SELECT COALESCE(MAX(id), 0) + 1 FROM list_snapshots";
static const char SQL_INS_SNAP[] =
	"INSERT INTO list_snapshots (id, name, source, format, content_hash, loaded_at, row_count, entry_count,"
	" error_count) VALUES (?, ?, ?, ?, '', ?, 0, 0, 0)";
static const char SQL_FIN_SNAP[] = "UPDATE list_snapshots SET name = ?, content_hash = ?, row_count = ?,"
				   " entry_count = ?, error_count = ? WHERE id = ?";
static const char SQL_INS_ENTRY[] =
	"INSERT INTO list_entries (snapshot_id, seq, source_id, list, type, name, names, addresses, countries,"
	" programs, fr_cite, start_date, key_hash, scripts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_SNAPS[] = "SELECT id, name, source, format, content_hash, loaded_at, row_count,"
				" entry_count, error_count FROM list_snapshots ORDER BY id";

int tg__lists_snapshot_insert(tg_list_snapshot *s, tg_store *st, tg_err *err)
{
	tg__stmt *q;
	int rc;

	if ((rc = tg__store_prepare(&q, st, SQL_NEXT_ID, err)) < 0)
		return rc;
	rc = tg__stmt_step(q, err);
	s->id = rc == 1 ? tg__stmt_int64(q, 0) : 0;
	tg__stmt_reset(q);
	if (rc < 0)
		return rc;
	if ((rc = tg__store_prepare(&q, st, SQL_INS_SNAP, err)) < 0)
		return rc;
	tg__stmt_bind_int64(q, 1, s->id);
	tg__stmt_bind_text(q, 2, s->name, -1);
	tg__stmt_bind_text(q, 3, s->source, -1);
	tg__stmt_bind_text(q, 4, s->format, -1);
	tg__stmt_bind_text(q, 5, s->loaded_at, -1);
	rc = tg__stmt_step(q, err);
	tg__stmt_reset(q);
	return rc < 0 ? rc : TG_OK;
}

int tg__lists_snapshot_finish(const tg_list_snapshot *s, tg_store *st, tg_err *err)
{
	tg__stmt *q;
	int rc;

	if ((rc = tg__store_prepare(&q, st, SQL_FIN_SNAP, err)) < 0)
		return rc;
	tg__stmt_bind_text(q, 1, s->name, -1);
	tg__stmt_bind_text(q, 2, s->hash, -1);
	tg__stmt_bind_int64(q, 3, s->rows);
	tg__stmt_bind_int64(q, 4, s->entries);
	tg__stmt_bind_int64(q, 5, s->errors);
	tg__stmt_bind_int64(q, 6, s->id);
	rc = tg__stmt_step(q, err);
	tg__stmt_reset(q);
	return rc < 0 ? rc : TG_OK;
}

/* SHA-256 over the key fields, each followed by a 0x1e separator. */
static int key_hash(char out[65], const tg__list_entry *e)
{
	tg_buf b = TG_BUF_INIT;
	const char *parts[5];
	size_t i;
	int rc = TG_OK;

	parts[0] = e->type, parts[1] = e->names, parts[2] = e->countries, parts[3] = e->addresses;
	parts[4] = e->programs;
	for (i = 0; i < 5 && rc == TG_OK; i++)
		if ((rc = tg__buf_puts(&b, parts[i])) == TG_OK)
			rc = tg__buf_putc(&b, '\x1e');
	if (rc == TG_OK)
		tg__sha256_hex(out, b.ptr, b.size);
	tg_buf_dispose(&b);
	return rc;
}

int tg__lists_entry_insert(tg__list_sink *k, const tg__list_entry *e, tg_err *err)
{
	tg_store *st = k->payload;
	const char *nl = strchr(e->names, '\n');
	char hash[65];
	tg__stmt *q;
	int rc;

	if ((rc = key_hash(hash, e)) < 0)
		return tg__oom(err);
	if ((rc = tg__store_prepare(&q, st, SQL_INS_ENTRY, err)) < 0)
		return rc;
	tg__stmt_bind_int64(q, 1, k->snapshot_id);
	tg__stmt_bind_int64(q, 2, k->entries + 1);
	tg__stmt_bind_text(q, 3, e->source_id, -1);
	tg__stmt_bind_text(q, 4, e->list, -1);
	tg__stmt_bind_text(q, 5, e->type, -1);
	tg__stmt_bind_text(q, 6, e->names, nl ? (long)(nl - e->names) : -1);
	tg__stmt_bind_text(q, 7, e->names, -1);
	tg__stmt_bind_text(q, 8, e->addresses, -1);
	tg__stmt_bind_text(q, 9, e->countries, -1);
	tg__stmt_bind_text(q, 10, e->programs, -1);
	tg__stmt_bind_text(q, 11, e->fr_cite, -1);
	tg__stmt_bind_text(q, 12, e->start_date, -1);
	tg__stmt_bind_text(q, 13, hash, -1);
	tg__stmt_bind_text(q, 14, e->scripts ? e->scripts : "", -1);
	rc = tg__stmt_step(q, err);
	tg__stmt_reset(q);
	if (rc < 0)
		return rc;
	k->entries++;
	return TG_OK;
}

static void row_to_snap(tg_list_snapshot *s, tg__stmt *q)
{
	memset(s, 0, sizeof(*s));
	s->id = tg__stmt_int64(q, 0);
	snprintf(s->name, sizeof(s->name), "%s", tg__stmt_text(q, 1));
	snprintf(s->source, sizeof(s->source), "%s", tg__stmt_text(q, 2));
	snprintf(s->format, sizeof(s->format), "%s", tg__stmt_text(q, 3));
	snprintf(s->hash, sizeof(s->hash), "%s", tg__stmt_text(q, 4));
	snprintf(s->loaded_at, sizeof(s->loaded_at), "%s", tg__stmt_text(q, 5));
	s->rows = tg__stmt_int64(q, 6);
	s->entries = tg__stmt_int64(q, 7);
	s->errors = tg__stmt_int64(q, 8);
}

int tg_lists_snapshots(tg_list_snapshot **out, size_t *n, tg_store *st, tg_err *err)
{
	tg_list_snapshot *v = NULL, *nv;
	size_t len = 0, cap = 0;
	tg__stmt *q;
	int rc;

	TG_ASSERT_ARG(out && n && st, err);
	if ((rc = tg__store_prepare(&q, st, SQL_SNAPS, err)) < 0)
		return rc;
	while ((rc = tg__stmt_step(q, err)) == 1) {
		if (len == cap) {
			cap = cap ? cap * 2 : 8;
			if ((nv = tg__realloc(v, cap * sizeof(*v))) == NULL) {
				rc = tg__oom(err);
				break;
			}
			v = nv;
		}
		row_to_snap(&v[len++], q);
	}
	tg__stmt_reset(q);
	if (rc < 0) {
		tg__free(v);
		return rc;
	}
	*out = v;
	*n = len;
	return TG_OK;
}

void tg_lists_free(tg_list_snapshot *snaps)
{
	tg__free(snaps);
}

/* ---- schema steps: applied once each, in the order of engine/engine_schema.c; never edit a step
 * that has shipped, add a new version ---- */

/*
 * list_snapshots: one row per load of one list file (all or nothing). content_hash = SHA-256 (hex)
 * of the file bytes; row_count = data records read, entry_count = entries stored, error_count = records rejected.
 * list_entries: multi-valued fields (names = primary name then aliases, addresses, countries,
 * programs) hold one value per line ('\n'-separated). key_hash = SHA-256 of the fields whose change
 * re-opens a false-positive override (names, type, countries, addresses, programs).
 */
const char tg__lists_schema_1[] =
	"CREATE TABLE list_snapshots ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL,"
	" source TEXT NOT NULL,"
	" format TEXT NOT NULL,"
	" content_hash TEXT NOT NULL,"
	" loaded_at TEXT NOT NULL,"
	" row_count INTEGER NOT NULL,"
	" entry_count INTEGER NOT NULL,"
	" error_count INTEGER NOT NULL);"
	"CREATE INDEX list_snapshots_name ON list_snapshots (name, id);"
	"CREATE TABLE list_entries ("
	" snapshot_id INTEGER NOT NULL REFERENCES list_snapshots (id),"
	" seq INTEGER NOT NULL,"
	" source_id TEXT NOT NULL,"
	" list TEXT NOT NULL,"
	" type TEXT NOT NULL,"
	" name TEXT NOT NULL,"
	" names TEXT NOT NULL,"
	" addresses TEXT NOT NULL,"
	" countries TEXT NOT NULL,"
	" programs TEXT NOT NULL,"
	" fr_cite TEXT NOT NULL,"
	" start_date TEXT NOT NULL,"
	" key_hash TEXT NOT NULL,"
	" PRIMARY KEY (snapshot_id, seq));"
	"CREATE INDEX list_entries_source ON list_entries (list, source_id);";

/* Names in a non-Latin script with their script tag, one per line "<script>\t<name>" (OFAC enhanced
 * XML's name translations: "Hans\t旷视科技有限公司"); empty for formats that carry no script. */
const char tg__lists_schema_4[] =
	"ALTER TABLE list_entries ADD COLUMN scripts TEXT NOT NULL DEFAULT '';";
