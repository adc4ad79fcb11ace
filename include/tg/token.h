/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/token.h
 * @brief API bearer tokens and the roles they carry.
 *
 * A token is `tg_<id>_<64 hex digits>`: 256 random bits after a public id. Only the SHA-256 of the
 * whole token is stored; a presented token is checked by hashing it and comparing with the stored
 * hash in constant time (OpenSSL CRYPTO_memcmp). A plain SHA-256 suffices because the secret is 256
 * random bits (no dictionary to guard against).
 */
#ifndef TG_TOKEN_H
#define TG_TOKEN_H

#include "tg/common.h"
#include "tg/errors.h"
#include "tg/store.h"

/** The roles of the service. Values are stable (bit positions of role masks). */
typedef enum tg_api_role {
	TG_API_ROLE_EXPORTER = 0,           /**< check orders, ship its own orders, read its own ledger */
	TG_API_ROLE_COMPLIANCE_OFFICER = 1, /**< screen, overrides, licence applications */
	TG_API_ROLE_INSPECTOR = 2,          /**< certificates */
	TG_API_ROLE_LICENSING_OFFICER = 3,  /**< issue/revoke licences, remittances */
	TG_API_ROLE_AUDITOR = 4,            /**< read everything, audit export, nothing else */
	TG_API_ROLE_ADMIN = 5,              /**< tokens, lists, policy */
	TG_API_ROLE_COUNT = 6
} tg_api_role;

/** "exporter", "compliance_officer", ...; "?" out of range. Never NULL. @since 0.1 */
TG_EXTERN const char *tg_api_role_name(int role);
/** Parse a role name. @return TG_OK or TG_EINVALID (field "role"). @since 0.1 */
TG_EXTERN int tg_api_role_parse(tg_api_role *out, const char *name, tg_err *err);

/** Longest token text, NUL included. */
#define TG_TOKEN_MAX 96

/** A token as recorded (never the secret). */
typedef struct tg_token_info {
	int64_t id;    /**< public id, the number in the token text */
	char name[64]; /**< who or what holds it (unique among tokens) */
	tg_api_role role;
	char created_at[32]; /**< UTC ISO 8601 */
	int revoked;         /**< 1 once revoked: never accepted again */
	char hash[65];       /**< SHA-256 of the token text, lower-case hex */
} tg_token_info;

/**
 * Create a token for @p name with @p role and write its text into @p token (shown once: it cannot be
 * recovered from the store). @p info (may be NULL) receives the record.
 * @return TG_OK; TG_EINVALID (empty or over-long name, field "name"); TG_EEXISTS (a token of that
 *         name exists); TG_EDB; TG_EINTERNAL (no randomness). @since 0.1
 */
TG_EXTERN int tg_token_add(char token[TG_TOKEN_MAX], tg_token_info *info, tg_store *st, tg_api_role role,
			   const char *name, tg_err *err);

/**
 * Every token (revoked ones included), by id, in a caller-owned array (tg_token_list_free()).
 * @return TG_OK, TG_EDB, TG_ENOMEM. @since 0.1
 */
TG_EXTERN int tg_token_list(tg_token_info **out, size_t *n, tg_store *st, tg_err *err);
/** Release an array of tg_token_list(); NULL is a no-op. @since 0.1 */
TG_EXTERN void tg_token_list_free(tg_token_info *v);

/** The record of token @p id. @return TG_OK, TG_ENOTFOUND, TG_EDB. @since 0.1 */
TG_EXTERN int tg_token_get(tg_token_info *out, tg_store *st, int64_t id, tg_err *err);

/** Revoke token @p id. @return TG_OK, TG_ENOTFOUND, TG_EDB. @since 0.1 */
TG_EXTERN int tg_token_revoke(tg_store *st, int64_t id, tg_err *err);

/**
 * The id in a token's text, or -1 if @p token is not shaped like a token. Does not authenticate.
 * @since 0.1
 */
TG_EXTERN int64_t tg_token_id(const char *token);

/**
 * Does @p token match the record @p info (hash compared in constant time) and is the record live?
 * @return 1 yes, 0 no. @since 0.1
 */
TG_EXTERN int tg_token_matches(const tg_token_info *info, const char *token);

#endif
