/* SPDX-License-Identifier: Apache-2.0 */
/* The ledger module's data: its schema steps (and, as it grows, all of its SQL). */
#include "ledger.h"

/* ---- schema steps: applied once each, in the order of engine/engine_schema.c; never edit a step
 * that has shipped, add a new version ---- */

/* Double-entry journal in integer minor units: every txn's amounts sum to zero per currency. */
const char tg__ledger_schema_1[] =
	"CREATE TABLE ledger_lines (id INTEGER PRIMARY KEY, txn TEXT NOT NULL, exporter_norm TEXT NOT NULL,"
	" exporter TEXT NOT NULL, kind TEXT NOT NULL, currency TEXT NOT NULL, account TEXT NOT NULL,"
	" amount INTEGER NOT NULL, date TEXT NOT NULL, source TEXT NOT NULL, ref TEXT NOT NULL,"
	" recorded_at TEXT NOT NULL);"
	"CREATE INDEX ledger_lines_exp ON ledger_lines (exporter_norm, date);"
	"CREATE UNIQUE INDEX ledger_txn_unique ON ledger_lines (txn, account, kind, currency);";
