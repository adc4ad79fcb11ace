/* SPDX-License-Identifier: Apache-2.0 */
/* The lists module's data: all of its SQL (snapshot rows, entry rows with their key-field hash, listing,
 * and the reads screening makes of them) and its schema steps. */
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
/* The latest snapshot of each list name, as a join source "s". */
#define LATEST " JOIN (SELECT name, MAX(id) AS id FROM list_snapshots GROUP BY name) s ON e.snapshot_id = s.id"
static const char SQL_LATEST[] =
	"SELECT e.source_id, e.list, e.type, e.names, e.countries, e.key_hash, 0 FROM list_entries e" LATEST
	" ORDER BY e.snapshot_id, e.seq";
/* Entries of snapshot ?2 without an equal (list, source id, key hash) in snapshot ?3; the last
 * column says whether (list, source id) is in snapshot ?1 (= ?3) at all: changed rather than added/removed. */
static const char SQL_DIFF[] =
	"SELECT n.source_id, n.list, n.type, n.names, n.countries, n.key_hash,"
	" CASE WHEN EXISTS (SELECT 1 FROM list_entries o WHERE o.snapshot_id = ? AND o.list = n.list"
	"  AND o.source_id = n.source_id) THEN 1 ELSE 0 END"
	" FROM list_entries n WHERE n.snapshot_id = ? AND NOT EXISTS (SELECT 1 FROM list_entries o"
	"  WHERE o.snapshot_id = ? AND o.list = n.list AND o.source_id = n.source_id AND o.key_hash = n.key_hash)"
	" ORDER BY n.seq";
static const char SQL_PREV[] = "SELECT COALESCE(MAX(id), 0) FROM list_snapshots WHERE name = ? AND id < ?";
static const char SQL_KEY_HASH[] = "SELECT e.key_hash FROM list_entries e" LATEST
				   " WHERE e.list = ? AND e.source_id = ? ORDER BY e.snapshot_id DESC";
static const char SQL_HAS_ENTRY[] =
	"SELECT COUNT(*) FROM list_entries e" LATEST " WHERE e.list = ? AND e.source_id = ? AND e.key_hash = ?";

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

/* Hand every row of q (columns as tg__list_row, changed last) to fn; reset q. */
static int each_row(tg__stmt *q, tg__list_row_fn fn, void *payload, tg_err *err)
{
	tg__list_row r;
	int rc;
	while ((rc = tg__stmt_step(q, err)) == 1) {
		r.source_id = tg__stmt_text(q, 0), r.list = tg__stmt_text(q, 1), r.type = tg__stmt_text(q, 2);
		r.names = tg__stmt_text(q, 3), r.countries = tg__stmt_text(q, 4), r.key_hash = tg__stmt_text(q, 5);
		r.changed = tg__stmt_int64(q, 6) != 0;
		if ((rc = fn(&r, payload)) < 0)
			break;
	}
	tg__stmt_reset(q);
	return rc == TG_ENOMEM ? tg__oom(err) : rc;
}

int tg__lists_latest(tg_store *st, tg__list_row_fn fn, void *payload, tg_err *err)
{
	tg__stmt *q;
	int rc;
	if ((rc = tg__store_prepare(&q, st, SQL_LATEST, err)) < 0)
		return rc;
	return each_row(q, fn, payload, err);
}

int tg__lists_diff(tg_store *st, int64_t a, int64_t b, tg__list_row_fn fn, void *payload, tg_err *err)
{
	tg__stmt *q;
	int rc;
	if ((rc = tg__store_prepare(&q, st, SQL_DIFF, err)) < 0)
		return rc;
	tg__stmt_bind_int64(q, 1, b);
	tg__stmt_bind_int64(q, 2, a);
	tg__stmt_bind_int64(q, 3, b);
	return each_row(q, fn, payload, err);
}

int tg__lists_previous(int64_t *out, tg_store *st, const char *name, int64_t snap, tg_err *err)
{
	tg__stmt *q;
	int rc;
	if ((rc = tg__store_prepare(&q, st, SQL_PREV, err)) < 0)
		return rc;
	tg__stmt_bind_text(q, 1, name, -1);
	tg__stmt_bind_int64(q, 2, snap);
	rc = tg__stmt_step(q, err);
	*out = rc == 1 ? tg__stmt_int64(q, 0) : 0;
	tg__stmt_reset(q);
	return rc < 0 ? rc : TG_OK;
}

/* Prepare sql (a look-up of one entry in the latest snapshots) with (list, id) bound as ?1, ?2. */
static int entry_lookup(tg__stmt **q, tg_store *st, const char *sql, const char *list, const char *id, tg_err *err)
{
	int rc;
	if ((rc = tg__store_prepare(q, st, sql, err)) < 0)
		return rc;
	tg__stmt_bind_text(*q, 1, list, -1);
	tg__stmt_bind_text(*q, 2, id, -1);
	return TG_OK;
}

int tg__lists_key_hash(char out[65], tg_store *st, const char *list, const char *id, tg_err *err)
{
	tg__stmt *q;
	int rc;
	if ((rc = entry_lookup(&q, st, SQL_KEY_HASH, list, id, err)) < 0)
		return rc;
	if ((rc = tg__stmt_step(q, err)) == 1)
		snprintf(out, 65, "%s", tg__stmt_text(q, 0));
	tg__stmt_reset(q);
	return rc;
}

int tg__lists_has_entry(tg_store *st, const char *list, const char *id, const char *key_hash, tg_err *err)
{
	tg__stmt *q;
	int rc;
	if ((rc = entry_lookup(&q, st, SQL_HAS_ENTRY, list, id, err)) < 0)
		return rc;
	tg__stmt_bind_text(q, 3, key_hash, -1);
	if ((rc = tg__stmt_step(q, err)) == 1)
		rc = tg__stmt_int64(q, 0) > 0;
	tg__stmt_reset(q);
	return rc;
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
const char tg__lists_schema_1[] = "CREATE TABLE list_snapshots ("
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
const char tg__lists_schema_4[] = "ALTER TABLE list_entries ADD COLUMN scripts TEXT NOT NULL DEFAULT '';";
