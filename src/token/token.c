/* SPDX-License-Identifier: Apache-2.0 */
/* API tokens: random secrets shown once, stored as SHA-256 hashes, checked in constant time. */
#include "tg/token.h"
#include "token.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include "clock.h"
#include "store.h"
#include "alloc.h"
#include "err.h"
#include "sha256.h"

static const char *const role_names[TG_API_ROLE_COUNT] = {
	"exporter", "compliance_officer", "inspector", "licensing_officer", "auditor", "admin",
};

const char *tg_api_role_name(int role)
{
	return role >= 0 && role < TG_API_ROLE_COUNT ? role_names[role] : "?";
}

int tg_api_role_parse(tg_api_role *out, const char *name, tg_err *err)
{
	int i;
	for (i = 0; name && i < TG_API_ROLE_COUNT; i++)
		if (strcmp(name, role_names[i]) == 0) {
			*out = (tg_api_role)i;
			return TG_OK;
		}
	return tg__fail_field(err, TG_EINVALID, "role",
			      "role: expected one of exporter, compliance_officer, inspector, licensing_officer, "
			      "auditor, admin");
}

static int next_id(int64_t *id, tg_store *st, tg_err *err)
{
	tg__stmt *q;
	int rc;
	if ((rc = tg__store_prepare(&q, st, tg__token_sql_next, err)) < 0)
		return rc;
	rc = tg__stmt_step(q, err);
	*id = rc == 1 ? tg__stmt_int64(q, 0) : 1;
	tg__stmt_reset(q);
	return rc < 0 ? rc : TG_OK;
}

static int insert(tg_store *st, const tg_token_info *t, tg_err *err)
{
	tg__stmt *q;
	int rc;
	if ((rc = tg__store_prepare(&q, st, tg__token_sql_ins, err)) < 0)
		return rc;
	tg__stmt_bind_int64(q, 1, t->id);
	tg__stmt_bind_text(q, 2, t->name, -1);
	tg__stmt_bind_text(q, 3, tg_api_role_name(t->role), -1);
	tg__stmt_bind_text(q, 4, t->hash, -1);
	tg__stmt_bind_text(q, 5, t->created_at, -1);
	rc = tg__stmt_step(q, err);
	tg__stmt_reset(q);
	if (rc == TG_ECONFLICT)
		return tg__fail_field(err, TG_EEXISTS, "name", "name: a token named '%.64s' already exists", t->name);
	return rc < 0 ? rc : TG_OK;
}

/* Fill token with "tg_<id>_<64 hex>" from 32 random bytes. */
static int make_secret(char token[TG_TOKEN_MAX], int64_t id, tg_err *err)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char rnd[32];
	char sec[65];
	size_t i;
	if (RAND_bytes(rnd, (int)sizeof(rnd)) != 1)
		return tg__fail(err, TG_EINTERNAL, "no randomness for a token");
	for (i = 0; i < sizeof(rnd); i++) {
		sec[2 * i] = hex[rnd[i] >> 4];
		sec[2 * i + 1] = hex[rnd[i] & 15];
	}
	sec[64] = '\0';
	snprintf(token, TG_TOKEN_MAX, "tg_%lld_%s", (long long)id, sec);
	OPENSSL_cleanse(rnd, sizeof(rnd));
	return TG_OK;
}

int tg_token_add(char token[TG_TOKEN_MAX], tg_token_info *info, tg_store *st, tg_api_role role, const char *name,
		 tg_err *err)
{
	tg_token_info t;
	int rc;

	memset(&t, 0, sizeof(t));
	if (name == NULL || name[0] == '\0' || strlen(name) >= sizeof(t.name))
		return tg__fail_field(err, TG_EINVALID, "name", "name: expected 1 to 63 bytes");
	if ((int)role < 0 || role >= TG_API_ROLE_COUNT)
		return tg__fail_field(err, TG_EINVALID, "role", "role: out of range");
	if ((rc = tg__store_begin(st, err)) < 0)
		return rc;
	if ((rc = next_id(&t.id, st, err)) < 0 || (rc = make_secret(token, t.id, err)) < 0)
		goto done;
	snprintf(t.name, sizeof(t.name), "%s", name);
	t.role = role;
	tg__utc_now(t.created_at);
	if (tg__sha256_hex(t.hash, token, strlen(token)) < 0) {
		rc = tg__fail(err, TG_EINTERNAL, "cannot hash a token");
		goto done;
	}
	if ((rc = insert(st, &t, err)) == TG_OK)
		rc = tg__store_commit(st, err);
done:
	if (rc < 0) {
		tg__store_rollback(st);
		OPENSSL_cleanse(token, TG_TOKEN_MAX);
		token[0] = '\0';
	} else if (info) {
		*info = t;
	}
	return rc;
}

static void row_to_info(tg_token_info *t, tg__stmt *q)
{
	tg_api_role r = TG_API_ROLE_AUDITOR;
	memset(t, 0, sizeof(*t));
	t->id = tg__stmt_int64(q, 0);
	snprintf(t->name, sizeof(t->name), "%s", tg__stmt_text(q, 1));
	if (tg_api_role_parse(&r, tg__stmt_text(q, 2), NULL) < 0)
		t->revoked = 1; /* fail closed on an unknown role */
	t->role = r;
	snprintf(t->hash, sizeof(t->hash), "%s", tg__stmt_text(q, 3));
	snprintf(t->created_at, sizeof(t->created_at), "%s", tg__stmt_text(q, 4));
	if (!tg__stmt_is_null(q, 5))
		t->revoked = 1;
}

int tg_token_list(tg_token_info **out, size_t *n, tg_store *st, tg_err *err)
{
	tg_token_info *v = NULL, *nv;
	size_t cap = 0;
	tg__stmt *q;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = tg__store_prepare(&q, st, tg__token_sql_list, err)) < 0)
		return rc;
	while ((rc = tg__stmt_step(q, err)) == 1) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((nv = tg__realloc(v, cap * sizeof(*v))) == NULL) {
				rc = tg__oom(err);
				break;
			}
			v = nv;
		}
		row_to_info(&v[(*n)++], q);
	}
	tg__stmt_reset(q);
	if (rc < 0) {
		tg__free(v);
		*n = 0;
		return rc;
	}
	*out = v;
	return TG_OK;
}

int tg_token_get(tg_token_info *out, tg_store *st, int64_t id, tg_err *err)
{
	tg__stmt *q;
	int rc;
	if ((rc = tg__store_prepare(&q, st, tg__token_sql_get, err)) < 0)
		return rc;
	tg__stmt_bind_int64(q, 1, id);
	if ((rc = tg__stmt_step(q, err)) == 1)
		row_to_info(out, q);
	tg__stmt_reset(q);
	if (rc == 0)
		return tg__fail_field(err, TG_ENOTFOUND, "id", "id: no token %lld", (long long)id);
	return rc < 0 ? rc : TG_OK;
}

void tg_token_list_free(tg_token_info *v)
{
	tg__free(v);
}

int tg_token_revoke(tg_store *st, int64_t id, tg_err *err)
{
	char now[21];
	tg__stmt *q;
	int rc;

	tg__utc_now(now);
	if ((rc = tg__store_prepare(&q, st, tg__token_sql_exists, err)) < 0)
		return rc;
	tg__stmt_bind_int64(q, 1, id);
	rc = tg__stmt_step(q, err);
	tg__stmt_reset(q);
	if (rc == 0)
		return tg__fail_field(err, TG_ENOTFOUND, "id", "id: no token %lld", (long long)id);
	if (rc < 0 || (rc = tg__store_prepare(&q, st, tg__token_sql_revoke, err)) < 0)
		return rc;
	tg__stmt_bind_text(q, 1, now, -1);
	tg__stmt_bind_int64(q, 2, id);
	rc = tg__stmt_step(q, err);
	tg__stmt_reset(q);
	return rc < 0 ? rc : TG_OK;
}

int64_t tg_token_id(const char *token)
{
	const char *p, *us;
	long long id;
	char *end;
	if (token == NULL || strncmp(token, "tg_", 3) != 0)
		return -1;
	p = token + 3;
	if ((us = strchr(p, '_')) == NULL || us == p || us - p > 18 || strlen(us + 1) != 64)
		return -1;
	errno = 0;
	id = strtoll(p, &end, 10);
	if (errno || end != us || id <= 0)
		return -1;
	return (int64_t)id;
}

int tg_token_matches(const tg_token_info *info, const char *token)
{
	char h[65];
	if (info == NULL || token == NULL || info->revoked || tg_token_id(token) != info->id)
		return 0;
	if (tg__sha256_hex(h, token, strlen(token)) < 0 || strlen(info->hash) != 64)
		return 0;
	return CRYPTO_memcmp(h, info->hash, 64) == 0;
}
