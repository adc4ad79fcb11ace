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
