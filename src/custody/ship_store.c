/* SPDX-License-Identifier: Apache-2.0 */
/* The ship module's data: its schema steps (and, as it grows, all of its SQL). */
#include "custody.h"

/* ---- schema steps: applied once each, in the order of engine/engine_schema.c; never edit a step
 * that has shipped, add a new version ---- */

const char tg__ship_schema_1[] =
	"CREATE TABLE shipments (shipment_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL,"
	" order_id TEXT NOT NULL, license_id TEXT, date TEXT NOT NULL, exporter TEXT NOT NULL,"
	" exporter_norm TEXT NOT NULL, destination TEXT NOT NULL, status TEXT NOT NULL,"
	" shipment_json TEXT NOT NULL, receipt_json TEXT NOT NULL, recorded_at TEXT NOT NULL);"
	"CREATE INDEX shipments_order ON shipments (order_id);"
	"CREATE TABLE shipment_lines (shipment_id TEXT NOT NULL, item TEXT NOT NULL,"
	" quantity INTEGER NOT NULL, value INTEGER NOT NULL, currency TEXT NOT NULL,"
	" PRIMARY KEY (shipment_id, item));"
	"CREATE TABLE shipped_serials (serial TEXT PRIMARY KEY, shipment_id TEXT NOT NULL,"
	" item TEXT NOT NULL);"
	"CREATE TABLE order_shipped (order_id TEXT NOT NULL, item TEXT NOT NULL, quantity INTEGER NOT NULL,"
	" PRIMARY KEY (order_id, item));"
	"CREATE TABLE us_volume (exporter_norm TEXT NOT NULL, exporter TEXT NOT NULL, item TEXT NOT NULL,"
	" period TEXT NOT NULL, quantity INTEGER NOT NULL, PRIMARY KEY (exporter_norm, item, period));"
	"CREATE TABLE cn_volume (exporter_norm TEXT NOT NULL, item TEXT NOT NULL,"
	" quantity INTEGER NOT NULL, PRIMARY KEY (exporter_norm, item));"
	"CREATE TABLE diversion_reports (id INTEGER PRIMARY KEY, serial TEXT NOT NULL,"
	" seen_at TEXT NOT NULL, note TEXT NOT NULL, shipment_id TEXT, license_id TEXT,"
	" consignee TEXT, flagged INTEGER NOT NULL, recorded_at TEXT NOT NULL);"
	"CREATE TABLE review_flags (subject_kind TEXT NOT NULL, subject TEXT NOT NULL,"
	" reason TEXT NOT NULL, recorded_at TEXT NOT NULL);";

/* ---- statements (prepared once per store, cached by address) ---- */

const char tg__ship_sql_q[] = "SELECT content_hash, receipt_json FROM shipments WHERE shipment_id = ?";
const char tg__ship_check_sql_q[] = "SELECT order_json, decision_json FROM decisions WHERE order_id = ?";
const char tg__ship_check_sql_q2[] = "SELECT quantity FROM order_shipped WHERE order_id = ? AND item = ?";
const char tg__ship_check_sql_q3[] = "SELECT result, certificate_id FROM cert_serials WHERE serial = ? AND item = ?"
				     " ORDER BY date DESC, rowid DESC LIMIT 1";
const char tg__ship_check_sql_q4[] = "SELECT shipment_id FROM shipped_serials WHERE serial = ?";
const char tg__ship_check_sql_q5[] = "SELECT qty_cap - qty_used, value_limit - value_used, currency FROM license_items"
				     " WHERE license_id = ? AND item = ?";
const char tg__ship_check_sql_q6[] =
	"SELECT status, review, valid_from, valid_to, holder_norm, destination FROM licenses"
	" WHERE id = ?";
const char tg__ship_check_sql_cn_sql[] = "SELECT quantity FROM cn_volume WHERE exporter_norm = ? AND item = ?";
const char tg__ship_check_sql_us_sql[] = "SELECT COALESCE(SUM(quantity), 0) FROM us_volume WHERE exporter_norm = ?"
					 " AND item = ? AND period <= ?";
const char tg__ship_more_sql_q[] = "SELECT receipt_json, status FROM shipments WHERE shipment_id = ?";
const char tg__ship_more_sql_sel[] = "SELECT status FROM shipments WHERE shipment_id = ?";
const char tg__ship_more_sql_upd[] = "UPDATE shipments SET status = ? WHERE shipment_id = ?";
const char tg__ship_more_sql_sel2[] =
	"SELECT quantity FROM us_volume WHERE exporter_norm = ? AND item = ? AND period = ?";
const char tg__ship_more_sql_ups[] = "INSERT INTO us_volume (exporter_norm, exporter, item, period, quantity)"
				     " VALUES (?, ?, ?, ?, ?) ON CONFLICT (exporter_norm, item, period)"
				     " DO UPDATE SET quantity = ?";
const char tg__trace_sql_q[] = "SELECT s.shipment_id, s.order_id, s.license_id, s.date, s.destination, s.status,"
			       " s.exporter, x.item, d.order_json FROM shipped_serials x JOIN shipments s ON"
			       " s.shipment_id = x.shipment_id LEFT JOIN decisions d ON d.order_id = s.order_id"
			       " WHERE x.serial = ?";
const char tg__trace_sql_q2[] = "SELECT c.certificate_id, c.lab, c.date, c.item, c.result FROM cert_serials x"
				" JOIN certificates c ON c.certificate_id = x.certificate_id WHERE x.serial = ?"
				" ORDER BY x.date DESC, x.rowid DESC LIMIT 1";
const char tg__trace_sql_q3[] = "SELECT id, holder, destination, status, review, valid_to FROM licenses WHERE id = ?";
const char tg__trace_sql_q4[] = "SELECT seen_at, note, flagged, recorded_at FROM diversion_reports WHERE serial = ?"
				" ORDER BY id";
const char tg__trace_sql_ins[] =
	"INSERT INTO review_flags (subject_kind, subject, reason, recorded_at) VALUES (?,?,?,?)";
const char tg__trace_sql_upd[] = "UPDATE licenses SET review = 1 WHERE id = ?";
const char tg__trace_sql_ins2[] = "INSERT INTO diversion_reports (serial, seen_at, note, shipment_id, license_id,"
				  " consignee, flagged, recorded_at) VALUES (?,?,?,?,?,?,?,?)";
const char tg__ship_write_sql_ins_line[] = "INSERT INTO shipment_lines (shipment_id, item, quantity, value, currency)"
					   " VALUES (?, ?, ?, ?, ?)";
const char tg__ship_write_sql_ins_serial[] = "INSERT INTO shipped_serials (serial, shipment_id, item) VALUES (?, ?, ?)";
const char tg__ship_write_sql_upd_lic[] =
	"UPDATE license_items SET qty_used = qty_used + ?, value_used = value_used + ?"
	" WHERE license_id = ? AND item = ?";
const char tg__ship_write_sql_upd_cn[] =
	"INSERT INTO cn_volume (exporter_norm, item, quantity) VALUES (?, ?, ?)"
	" ON CONFLICT (exporter_norm, item) DO UPDATE SET quantity = cn_volume.quantity + ?";
const char tg__ship_write_sql_upd_ord[] =
	"INSERT INTO order_shipped (order_id, item, quantity) VALUES (?, ?, ?)"
	" ON CONFLICT (order_id, item) DO UPDATE SET quantity = order_shipped.quantity + ?";
const char tg__ship_write_sql_q[] = "INSERT INTO shipments (shipment_id, content_hash, order_id, license_id, date,"
				    " exporter, exporter_norm, destination, status, shipment_json, receipt_json,"
				    " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'released', ?, ?, ?)";
