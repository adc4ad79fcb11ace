/* SPDX-License-Identifier: Apache-2.0 */
/* The screening module's data: all of its SQL (the reviewers' overrides) and its schema steps. */
#include "screen_int.h"
#include "screen_norm.h"
#include "store.h"

#include "store.h"

static const char SQL_INSERT[] =
	"INSERT INTO screen_overrides (party_key, party_name, list, source_id, key_hash, decision, reason, reviewer,"
	" decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char SQL_ALL[] = "SELECT id, party_key, party_name, list, source_id, key_hash, decision, reason, reviewer,"
			      " decided_at FROM screen_overrides ORDER BY id";

int tg__sc_override_insert(tg_store *st, const sc_override_row *r, tg_err *err)
{
	const char *v[9];
	tg__stmt *q;
	int rc, i;

	v[0] = r->party_key, v[1] = r->party_name, v[2] = r->list, v[3] = r->source_id, v[4] = r->key_hash;
	v[5] = r->decision, v[6] = r->reason, v[7] = r->reviewer, v[8] = r->decided_at;
	if ((rc = tg__store_prepare(&q, st, SQL_INSERT, err)) < 0)
		return rc;
	for (i = 0; i < 9; i++)
		tg__stmt_bind_text(q, i + 1, v[i], -1);
	rc = tg__stmt_step(q, err);
	tg__stmt_reset(q);
	return rc < 0 ? rc : TG_OK;
}

int tg__sc_overrides_each(tg_store *st, int (*fn)(const sc_override_row *r, void *payload), void *payload, tg_err *err)
{
	sc_override_row r;
	tg__stmt *q;
	int rc;

	if ((rc = tg__store_prepare(&q, st, SQL_ALL, err)) < 0)
		return rc;
	while ((rc = tg__stmt_step(q, err)) == 1) {
		r.id = tg__stmt_int64(q, 0);
		r.party_key = tg__stmt_text(q, 1), r.party_name = tg__stmt_text(q, 2), r.list = tg__stmt_text(q, 3);
		r.source_id = tg__stmt_text(q, 4), r.key_hash = tg__stmt_text(q, 5), r.decision = tg__stmt_text(q, 6);
		r.reason = tg__stmt_text(q, 7), r.reviewer = tg__stmt_text(q, 8), r.decided_at = tg__stmt_text(q, 9);
		if ((rc = fn(&r, payload)) < 0)
			break;
	}
	tg__stmt_reset(q);
	return rc < 0 ? rc : TG_OK;
}

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
