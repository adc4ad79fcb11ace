/* SPDX-License-Identifier: Apache-2.0 */
/* The license module's data: its schema steps (and, as it grows, all of its SQL). */
#include "license.h"

/* ---- schema steps: applied once each, in the order of engine/engine_schema.c; never edit a step
 * that has shipped, add a new version ---- */

const char tg__license_schema_1[] =
	"CREATE TABLE licenses (id TEXT PRIMARY KEY, holder TEXT NOT NULL, holder_norm TEXT NOT NULL,"
	" destination TEXT NOT NULL, valid_from TEXT NOT NULL, valid_to TEXT NOT NULL,"
	" status TEXT NOT NULL, revoke_reason TEXT, review INTEGER NOT NULL DEFAULT 0,"
	" content_hash TEXT NOT NULL, license_json TEXT NOT NULL, created_at TEXT NOT NULL);"
	"CREATE INDEX licenses_holder ON licenses (holder_norm, destination);"
	"CREATE TABLE license_parties (license_id TEXT NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL,"
	" name_norm TEXT NOT NULL, PRIMARY KEY (license_id, role, name_norm));"
	"CREATE INDEX license_parties_norm ON license_parties (name_norm);"
	"CREATE TABLE license_items (license_id TEXT NOT NULL, item TEXT NOT NULL,"
	" qty_cap INTEGER NOT NULL, value_cap INTEGER NOT NULL, value_limit INTEGER NOT NULL,"
	" currency TEXT NOT NULL, qty_used INTEGER NOT NULL DEFAULT 0,"
	" value_used INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (license_id, item));";
