/* SPDX-License-Identifier: Apache-2.0 */
/* The inspect module's data: its schema steps (and, as it grows, all of its SQL). */
#include "custody.h"

/* ---- schema steps: applied once each, in the order of engine/engine_schema.c; never edit a step
 * that has shipped, add a new version ---- */

const char tg__inspect_schema_1[] =
	"CREATE TABLE certificates (certificate_id TEXT PRIMARY KEY, lab TEXT NOT NULL,"
	" date TEXT NOT NULL, item TEXT NOT NULL, result TEXT NOT NULL, content_hash TEXT NOT NULL,"
	" cert_json TEXT NOT NULL, recorded_at TEXT NOT NULL);"
	"CREATE TABLE cert_serials (serial TEXT NOT NULL, certificate_id TEXT NOT NULL,"
	" item TEXT NOT NULL, date TEXT NOT NULL, result TEXT NOT NULL,"
	" PRIMARY KEY (serial, certificate_id));";

/* ---- statements (prepared once per store, cached by address) ---- */

const char tg__inspect_sql_q[] = "INSERT INTO cert_serials (serial, certificate_id, item, date, result)"
				 " VALUES (?, ?, ?, ?, ?)";
const char tg__inspect_sql_sel[] = "SELECT content_hash FROM certificates WHERE certificate_id = ?";
const char tg__inspect_sql_ins[] = "INSERT INTO certificates (certificate_id, lab, date, item, result, content_hash,"
				   " cert_json, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
