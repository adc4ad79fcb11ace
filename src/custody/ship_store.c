/* SPDX-License-Identifier: Apache-2.0 */
/* The ship module's data: its schema steps (and, as it grows, all of its SQL). */
#include "ship.h"

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
