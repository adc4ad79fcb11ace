/* SPDX-License-Identifier: Apache-2.0 */
/* The token module's data: its schema steps (and, as it grows, all of its SQL). */
#include "token.h"

/* ---- schema steps: applied once each, in the order of engine/engine_schema.c; never edit a step
 * that has shipped, add a new version ---- */

/* api_tokens: role is a tg_role_name(); token_hash = SHA-256 hex of the token text; revoked_at is
 * NULL while the token is live. */
const char tg__token_schema_1[] = "CREATE TABLE api_tokens ("
				  " id INTEGER PRIMARY KEY,"
				  " name TEXT NOT NULL UNIQUE,"
				  " role TEXT NOT NULL,"
				  " token_hash TEXT NOT NULL,"
				  " created_at TEXT NOT NULL,"
				  " revoked_at TEXT);";

/* ---- statements (prepared once per store, cached by address) ---- */

const char tg__token_sql_ins[] = "INSERT INTO api_tokens (id, name, role, token_hash, created_at, revoked_at)"
				 " VALUES (?, ?, ?, ?, ?, NULL)";
const char tg__token_sql_next[] = "SELECT COALESCE(MAX(id), 0) + 1 FROM api_tokens";
const char tg__token_sql_list[] = "SELECT id, name, role, token_hash, created_at, revoked_at FROM api_tokens"
				  " ORDER BY id";
const char tg__token_sql_revoke[] = "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL";
const char tg__token_sql_get[] = "SELECT id, name, role, token_hash, created_at, revoked_at FROM api_tokens"
				 " WHERE id = ?";
const char tg__token_sql_exists[] = "SELECT 1 FROM api_tokens WHERE id = ?";
