/* SPDX-License-Identifier: Apache-2.0 */
/* The decide module's data: its schema steps (and, as it grows, all of its SQL). */
#include "record.h"
#include "err.h"
#include "store.h"
#include <stdio.h>

/* ---- schema steps: applied once each, in the order of engine/engine_schema.c; never edit a step
 * that has shipped, add a new version ---- */

/* Recorded decisions: one row per order id; content_hash is SHA-256 of the order's canonical JSON. */
const char tg__decide_schema_1[] = "CREATE TABLE decisions ("
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

/* ---- statements (prepared once per store, cached by address) ---- */

const char tg__record_sql_q[] = "SELECT content_hash, decision_json, verdict FROM decisions WHERE order_id = ?";
const char tg__record_sql_q2[] = "INSERT INTO decisions (order_id, content_hash, as_of, verdict, exporter,"
				 " order_json, decision_json, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

int tg__record_exporter(char *out, size_t n, tg_store *st, const char *order_id, tg_err *err)
{
	static const char q[] = "SELECT exporter FROM decisions WHERE order_id = ?";
	tg__stmt *s;
	int rc;
	if (st == NULL)
		return tg__fail(err, TG_EINVALID, "needs a store");
	if ((rc = tg__store_prepare(&s, st, q, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, order_id ? order_id : "", -1);
	if ((rc = tg__stmt_step(s, err)) == 1)
		snprintf(out, n, "%s", tg__stmt_text(s, 0));
	else if (rc == 0)
		rc = tg__fail_field(err, TG_ENOTFOUND, "order_id", "no recorded decision for order %s",
				    order_id ? order_id : "");
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}
