/* SPDX-License-Identifier: Apache-2.0 */
/* Schema steps of the "http" module: API bearer tokens (stored as SHA-256 hashes, never in clear). */
#ifndef TG_STORE_SCHEMA_HTTP_H
#define TG_STORE_SCHEMA_HTTP_H

/* api_tokens: role is a tg_role_name(); token_hash = SHA-256 hex of the token text; revoked_at is
 * NULL while the token is live. */
#define TG__SCHEMA_HTTP_1                                                                               \
	"CREATE TABLE api_tokens ("                                                                     \
	" id INTEGER PRIMARY KEY,"                                                                      \
	" name TEXT NOT NULL UNIQUE,"                                                                   \
	" role TEXT NOT NULL,"                                                                          \
	" token_hash TEXT NOT NULL,"                                                                    \
	" created_at TEXT NOT NULL,"                                                                    \
	" revoked_at TEXT);"

#endif
