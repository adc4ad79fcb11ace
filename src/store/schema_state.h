/* SPDX-License-Identifier: Apache-2.0 */
/* Schema of the stateful regime (docs/state.md): audit log, licences, inspection certificates,
 * shipments and serials, US volume, the charge ledger and diversion reports. Portable SQL. */
#ifndef TG_STORE_SCHEMA_STATE_H
#define TG_STORE_SCHEMA_STATE_H

/* Append-only audit log: entry is the canonical JSON that is hashed; hash = SHA-256(prev_hash || entry).
 * audit_head mirrors the last (seq, hash) so that deleting the tail is detected too. */
#define TG__SCHEMA_AUDIT_1                                                                              \
	"CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,"       \
	" kind TEXT NOT NULL, subject TEXT NOT NULL, entry TEXT NOT NULL, prev_hash TEXT NOT NULL,"     \
	" hash TEXT NOT NULL);"                                                                         \
	"CREATE TABLE audit_head (id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL);"

#define TG__SCHEMA_LICENSES_1                                                                           \
	"CREATE TABLE licenses (id TEXT PRIMARY KEY, holder TEXT NOT NULL, holder_norm TEXT NOT NULL,"   \
	" destination TEXT NOT NULL, valid_from TEXT NOT NULL, valid_to TEXT NOT NULL,"                 \
	" status TEXT NOT NULL, revoke_reason TEXT, review INTEGER NOT NULL DEFAULT 0,"                 \
	" content_hash TEXT NOT NULL, license_json TEXT NOT NULL, created_at TEXT NOT NULL);"           \
	"CREATE INDEX licenses_holder ON licenses (holder_norm, destination);"                          \
	"CREATE TABLE license_parties (license_id TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL,"\
	" name_norm TEXT NOT NULL, PRIMARY KEY (license_id, role, name_norm));"                         \
	"CREATE INDEX license_parties_norm ON license_parties (name_norm);"                             \
	"CREATE TABLE license_items (license_id TEXT NOT NULL, item TEXT NOT NULL,"                     \
	" qty_cap INTEGER NOT NULL, value_cap INTEGER NOT NULL, value_limit INTEGER NOT NULL,"          \
	" currency TEXT NOT NULL, qty_used INTEGER NOT NULL DEFAULT 0,"                                 \
	" value_used INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (license_id, item));"

#define TG__SCHEMA_INSPECT_1                                                                            \
	"CREATE TABLE certificates (certificate_id TEXT PRIMARY KEY, lab TEXT NOT NULL,"                \
	" date TEXT NOT NULL, item TEXT NOT NULL, result TEXT NOT NULL, content_hash TEXT NOT NULL,"    \
	" cert_json TEXT NOT NULL, recorded_at TEXT NOT NULL);"                                          \
	"CREATE TABLE cert_serials (serial TEXT NOT NULL, certificate_id TEXT NOT NULL,"                \
	" item TEXT NOT NULL, date TEXT NOT NULL, result TEXT NOT NULL,"                                \
	" PRIMARY KEY (serial, certificate_id));"

#define TG__SCHEMA_SHIP_1                                                                               \
	"CREATE TABLE shipments (shipment_id TEXT PRIMARY KEY, content_hash TEXT NOT NULL,"             \
	" order_id TEXT NOT NULL, license_id TEXT, date TEXT NOT NULL, exporter TEXT NOT NULL,"         \
	" exporter_norm TEXT NOT NULL, destination TEXT NOT NULL, status TEXT NOT NULL,"                \
	" shipment_json TEXT NOT NULL, receipt_json TEXT NOT NULL, recorded_at TEXT NOT NULL);"         \
	"CREATE INDEX shipments_order ON shipments (order_id);"                                         \
	"CREATE TABLE shipment_lines (shipment_id TEXT NOT NULL, item TEXT NOT NULL,"                   \
	" quantity INTEGER NOT NULL, value INTEGER NOT NULL, currency TEXT NOT NULL,"                   \
	" PRIMARY KEY (shipment_id, item));"                                                            \
	"CREATE TABLE shipped_serials (serial TEXT PRIMARY KEY, shipment_id TEXT NOT NULL,"             \
	" item TEXT NOT NULL);"                                                                         \
	"CREATE TABLE order_shipped (order_id TEXT NOT NULL, item TEXT NOT NULL, quantity INTEGER NOT NULL,"\
	" PRIMARY KEY (order_id, item));"                                                               \
	"CREATE TABLE us_volume (exporter_norm TEXT NOT NULL, exporter TEXT NOT NULL, item TEXT NOT NULL,"\
	" period TEXT NOT NULL, quantity INTEGER NOT NULL, PRIMARY KEY (exporter_norm, item, period));"  \
	"CREATE TABLE cn_volume (exporter_norm TEXT NOT NULL, item TEXT NOT NULL,"                      \
	" quantity INTEGER NOT NULL, PRIMARY KEY (exporter_norm, item));"                               \
	"CREATE TABLE diversion_reports (id INTEGER PRIMARY KEY, serial TEXT NOT NULL,"                 \
	" seen_at TEXT NOT NULL, note TEXT NOT NULL, shipment_id TEXT, license_id TEXT,"                \
	" consignee TEXT, flagged INTEGER NOT NULL, recorded_at TEXT NOT NULL);"                        \
	"CREATE TABLE review_flags (subject_kind TEXT NOT NULL, subject TEXT NOT NULL,"                 \
	" reason TEXT NOT NULL, recorded_at TEXT NOT NULL);"

/* Double-entry journal in integer minor units: every txn's amounts sum to zero per currency. */
#define TG__SCHEMA_LEDGER_1                                                                             \
	"CREATE TABLE ledger_lines (id INTEGER PRIMARY KEY, txn TEXT NOT NULL, exporter_norm TEXT NOT NULL,"\
	" exporter TEXT NOT NULL, kind TEXT NOT NULL, currency TEXT NOT NULL, account TEXT NOT NULL,"    \
	" amount INTEGER NOT NULL, date TEXT NOT NULL, source TEXT NOT NULL, ref TEXT NOT NULL,"        \
	" recorded_at TEXT NOT NULL);"                                                                  \
	"CREATE INDEX ledger_lines_exp ON ledger_lines (exporter_norm, date);"                          \
	"CREATE UNIQUE INDEX ledger_txn_unique ON ledger_lines (txn, account, kind, currency);"

#endif
