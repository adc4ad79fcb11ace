/* SPDX-License-Identifier: Apache-2.0 */
/* The approvals module's data: its schema steps (and, as it grows, all of its SQL). */
#include "approvals.h"

/* ---- schema steps: applied once each, in the order of engine/engine_schema.c; never edit a step
 * that has shipped, add a new version ---- */

/* Proposals awaiting a second person's approval (licences, overrides): separation of duties. */
const char tg__approvals_schema_1[] =
	"CREATE TABLE approvals (kind TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,"
	" body_hash TEXT NOT NULL, proposer TEXT NOT NULL, proposed_at TEXT NOT NULL, status TEXT NOT NULL,"
	" decided_by TEXT, decided_at TEXT, seq INTEGER NOT NULL, PRIMARY KEY (kind, subject));";

/* ---- statements (prepared once per store, cached by address) ---- */

const char tg__approvals_sql_q[] = "SELECT body_hash FROM approvals WHERE kind = ? AND subject = ?";
const char tg__approvals_sql_ins[] =
	"INSERT INTO approvals (kind, subject, body, body_hash, proposer, proposed_at, status,"
	" seq) VALUES (?, ?, ?, ?, ?, ?, 'pending', (SELECT COALESCE(MAX(seq), 0) + 1 FROM approvals))";
const char tg__approvals_sql_q2[] = "SELECT subject FROM approvals WHERE kind = ? AND body_hash = ? AND proposer = ?"
				    " AND status = 'pending'";
const char tg__approvals_sql_next[] = "SELECT COALESCE(MAX(seq), 0) + 1 FROM approvals";
const char tg__approvals_sql_q3[] = "SELECT status, proposer, body FROM approvals WHERE kind = ? AND subject = ?";
const char tg__approvals_sql_upd[] = "UPDATE approvals SET status = 'approved', decided_by = ?, decided_at = ?"
				     " WHERE kind = ? AND subject = ?";

/* The columns a proposal is shown with (proposal_row in approvals.c reads them in this order). */
#define PROP_COLS "kind, subject, status, proposer, proposed_at, decided_by, decided_at, body"
const char tg__approvals_sql_one[] = "SELECT " PROP_COLS " FROM approvals WHERE kind = ? AND subject = ?";
const char tg__approvals_sql_list[] =
	"SELECT " PROP_COLS " FROM approvals WHERE kind = ? AND (? = 0 OR status = 'pending')"
	" ORDER BY seq";
