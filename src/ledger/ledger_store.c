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

/* ---- statements (prepared once per store, cached by address) ---- */

const char tg__ledger_sql_q[] = "INSERT INTO ledger_lines (txn, exporter_norm, exporter, kind, currency, account,"
				" amount, date, source, ref, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)";
const char tg__ledger_sql_q2[] =
	"INSERT INTO ledger_lines (txn, exporter_norm, exporter, kind, currency, account,"
	" amount, date, source, ref, recorded_at) SELECT ?, exporter_norm, exporter, kind,"
	" currency, account, -amount, ?, ?, ref, ? FROM ledger_lines WHERE txn = ? ORDER BY id";
const char tg__ledger_sql_q3[] = "SELECT exporter_norm, kind, currency, amount, date FROM ledger_lines"
				 " WHERE txn = ? AND account = 'charges_payable'";
const char tg__ledger_report_sql_q[] =
	"SELECT kind, currency, source, prior, SUM(amount) FROM"
	" (SELECT kind, currency, source, CASE WHEN date < ? THEN 1 ELSE 0 END AS prior, amount"
	" FROM ledger_lines WHERE exporter_norm = ? AND account = 'charges_payable' AND date <= ?) AS l"
	" GROUP BY kind, currency, source, prior ORDER BY kind, currency";
const char tg__ledger_report_sql_bad[] = "SELECT txn, currency, SUM(amount) FROM ledger_lines GROUP BY txn, currency"
					 " HAVING SUM(amount) <> 0 ORDER BY txn";
const char tg__ledger_report_sql_tot[] = "SELECT COUNT(*), COUNT(DISTINCT txn) FROM ledger_lines";

/* One report: its query (key filter as parameters 1 and 2; the first is CAST, else PostgreSQL cannot type
 * it; norm: the key is an exporter name, compared normalised), array key, and column names (a leading
 * '#' = integer, '!' = boolean, '$' = minor units formatted in the currency of column 3, '@' = stored JSON text). */
const tg__ledger_report_def tg__ledger_reports[] = {
	{"diversion",
	 "SELECT d.id, d.serial, d.seen_at, d.note, d.shipment_id, d.license_id, d.consignee, d.flagged,"
	 " d.recorded_at FROM diversion_reports d LEFT JOIN shipments s ON s.shipment_id = d.shipment_id"
	 " WHERE CAST(? AS TEXT) IS NULL OR s.exporter_norm = ? ORDER BY d.id",
	 "reports",
	 {"#id", "serial", "seen_at", "note", "shipment_id", "license_id", "consignee", "!flagged", "recorded_at"},
	 1},
	{"us-volume",
	 "SELECT exporter, item, period, quantity FROM us_volume"
	 " WHERE CAST(? AS TEXT) IS NULL OR exporter_norm = ? ORDER BY exporter_norm, item, period",
	 "us_volume",
	 {"exporter", "item", "period", "#quantity"},
	 1},
	{"china-volume",
	 "SELECT exporter_norm, item, quantity FROM cn_volume"
	 " WHERE CAST(? AS TEXT) IS NULL OR exporter_norm = ? ORDER BY exporter_norm, item",
	 "china_volume",
	 {"exporter_norm", "item", "#quantity"},
	 1},
	{"remittances",
	 "SELECT substr(txn, 7), exporter, kind, currency, amount, date FROM ledger_lines"
	 " WHERE txn LIKE 'remit:%' AND account = 'charges_payable'"
	 " AND (CAST(? AS TEXT) IS NULL OR exporter_norm = ?)"
	 " ORDER BY date, id",
	 "remittances",
	 {"ref", "exporter", "kind", "currency", "$amount", "date"},
	 1},
	{"certificate",
	 "SELECT certificate_id, lab, date, item, result, recorded_at, cert_json FROM certificates"
	 " WHERE CAST(? AS TEXT) IS NULL OR certificate_id = ?",
	 "certificates",
	 {"certificate_id", "lab", "date", "item", "result", "recorded_at", "@certificate"},
	 0},
	{"review",
	 "SELECT order_id, exporter, as_of, recorded_at, decision_json FROM decisions WHERE verdict = 'review'"
	 " AND (CAST(? AS TEXT) IS NULL OR exporter = ?) ORDER BY recorded_at, order_id",
	 "decisions",
	 {"order_id", "exporter", "as_of", "recorded_at", "@decision"},
	 0},
};
const size_t tg__ledger_nreports = sizeof(tg__ledger_reports) / sizeof(tg__ledger_reports[0]);
