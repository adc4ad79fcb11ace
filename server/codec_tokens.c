/* SPDX-License-Identifier: Apache-2.0 */
/* Token administration: create (the secret is in this one response only), list (never secrets),
 * revoke. The in-memory token cache is refreshed after each change. */
#include "server_int.h"

#include <errno.h>
#include <jansson.h>
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>

static void encode_info(tg_buf *b, const tg_token_info *t)
{
	tg_buf_printf(b, "{\"id\":%lld,\"name\":", (long long)t->id);
	tg_buf_put_json_str(b, t->name);
	tg_buf_printf(b, ",\"role\":\"%s\",\"created_at\":\"%s\",\"revoked\":%s", tg_api_role_name(t->role),
		      t->created_at, t->revoked ? "true" : "false");
}

int h_tokens_list(hctx *c, tg_err *err)
{
	tg_token_info *v = NULL;
	size_t n = 0, i;
	int rc;
	pthread_mutex_lock(&c->srv->store_mu);
	rc = tg_token_list(&v, &n, tg_engine_store(c->srv->engine), err);
	pthread_mutex_unlock(&c->srv->store_mu);
	if (rc < 0)
		return rc;
	tg_buf_puts(&c->resp->body, "{\"tokens\":[");
	for (i = 0; i < n; i++) {
		if (i)
			tg_buf_puts(&c->resp->body, ",");
		encode_info(&c->resp->body, &v[i]);
		tg_buf_puts(&c->resp->body, "}");
	}
	rc = tg_buf_puts(&c->resp->body, "]}\n");
	tg_token_list_free(v);
	return rc < 0 ? srv_fail(err, rc, NULL, "cannot encode the tokens") : TG_OK;
}

int h_tokens_add(hctx *c, tg_err *err)
{
	void *jv = NULL;
	json_t *jr, *jn;
	tg_api_role role;
	tg_token_info t;
	char tok[TG_TOKEN_MAX];
	int rc;
	if ((rc = body_object(&jv, c, err)) < 0)
		return rc;
	jr = json_object_get(jv, "role"), jn = json_object_get(jv, "name");
	if (!json_is_string(jn))
		rc = srv_fail(err, TG_EINVALID, "name", "name: expected a string");
	else if ((rc = tg_api_role_parse(&role, json_string_value(jr), err)) == TG_OK) {
		pthread_mutex_lock(&c->srv->store_mu);
		rc = tg_token_add(tok, &t, tg_engine_store(c->srv->engine), role, json_string_value(jn), err);
		pthread_mutex_unlock(&c->srv->store_mu);
	}
	json_decref(jv);
	if (rc < 0)
		return rc;
	auth_invalidate(c->srv);
	c->resp->status = 201;
	encode_info(&c->resp->body, &t);
	tg_buf_printf(&c->resp->body, ",\"token\":\"%s\"}\n", tok);
	OPENSSL_cleanse(tok, sizeof(tok));
	resp_header(c->resp, "Cache-Control", "no-store");
	return TG_OK;
}

int h_tokens_revoke(hctx *c, tg_err *err)
{
	char *end;
	long long id;
	int rc;
	errno = 0;
	id = strtoll(c->param, &end, 10);
	if (errno || *end || id <= 0)
		return srv_fail(err, TG_EINVALID, "id", "id: expected a token id");
	pthread_mutex_lock(&c->srv->store_mu);
	rc = tg_token_revoke(tg_engine_store(c->srv->engine), (int64_t)id, err);
	pthread_mutex_unlock(&c->srv->store_mu);
	if (rc < 0)
		return rc;
	auth_invalidate(c->srv);
	return tg_buf_printf(&c->resp->body, "{\"id\":%lld,\"revoked\":true}\n", id) < 0
		       ? srv_fail(err, TG_ENOMEM, NULL, "out of memory")
		       : TG_OK;
}
