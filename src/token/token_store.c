/* SPDX-License-Identifier: Apache-2.0 */
/* The token module's data: its schema steps (and, as it grows, all of its SQL). */
#include "token.h"

/* ---- schema steps: applied once each, in the order of engine/engine_schema.c; never edit a step
 * that has shipped, add a new version ---- */

/* api_tokens: role is a tg_role_name(); token_hash = SHA-256 hex of the token text; revoked_at is
 * NULL while the token is live. */
const char tg__token_schema_1[] =
	"CREATE TABLE api_tokens ("
	" id INTEGER PRIMARY KEY,"
	" name TEXT NOT NULL UNIQUE,"
	" role TEXT NOT NULL,"
	" token_hash TEXT NOT NULL,"
	" created_at TEXT NOT NULL,"
	" revoked_at TEXT);";
