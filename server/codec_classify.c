/* SPDX-License-Identifier: Apache-2.0 */
/* Classification, catalogue and policy routes: the same JSON as `tollgate classify --json` and
 * `tollgate policy list --json` (tg_classification_json, tg_policy_list_json), newline-terminated. */
#include "server_int.h"

#include <stdio.h>
#include <string.h>

/* Copy a library tg_buf (+ "\n") into the response and release it. */
static int put_tgbuf(hctx *c, tg_buf *b, int rc, tg_err *err)
{
	if (rc == TG_OK && (rc = tg_buf_put(&c->resp->body, b->ptr, b->size)) == TG_OK)
		rc = tg_buf_put(&c->resp->body, "\n", 1);
	tg_buf_dispose(b);
	return rc < 0 ? srv_fail(err, rc, NULL, "cannot encode the response") : TG_OK;
}

static int classify(hctx *c, const tg_item *it, tg_err *err)
{
	tg_classification cl;
	tg_buf b = TG_BUF_INIT;
	int rc = tg_classify(&cl, it, tg_engine_catalog(c->srv->engine), tg_engine_gates(c->srv->engine), err);
	if (rc < 0)
		return rc;
	return put_tgbuf(c, &b, tg_classification_json(&b, &cl), err);
}

int h_classify_item(hctx *c, tg_err *err)
{
	const tg_item *it = tg_catalog_find(tg_engine_catalog(c->srv->engine), c->param);
	if (it == NULL)
		return srv_fail(err, TG_ENOTFOUND, "item", "item: unknown item '%.64s' (see GET /v1/catalog)",
				c->param);
	return classify(c, it, err);
}

int h_classify_spec(hctx *c, tg_err *err)
{
	tg_item spec;
	int rc;
	if (c->req->body_len == 0)
		return srv_fail(err, TG_EINVALID, "spec", "spec: expected a JSON object");
	if ((rc = tg_item_parse_spec(&spec, c->req->body, c->req->body_len, "spec", err)) < 0)
		return rc;
	return classify(c, &spec, err);
}

int h_catalog(hctx *c, tg_err *err)
{
	const tg_catalog *cat = tg_engine_catalog(c->srv->engine);
	tg_buf *b = &c->resp->body;
	size_t i;
	int rc = tg_buf_puts(b, "{\"items\":[");
	for (i = 0; rc == TG_OK && i < tg_catalog_count(cat); i++) {
		const tg_item *it = tg_catalog_at(cat, i);
		tg_buf_puts(b, i ? ",{\"id\":" : "{\"id\":");
		tg_buf_put_json_str(b, it->id);
		tg_buf_puts(b, ",\"vendor\":");
		tg_buf_put_json_str(b, it->vendor);
		tg_buf_puts(b, ",\"name\":");
		tg_buf_put_json_str(b, it->name);
		rc = tg_buf_printf(b, ",\"datacenter\":%s,\"system\":%s}", it->datacenter ? "true" : "false",
				   it->contains[0] ? "true" : "false");
	}
	if (rc == TG_OK)
		rc = tg_buf_puts(b, "]}\n");
	return rc < 0 ? srv_fail(err, rc, NULL, "cannot encode the catalogue") : TG_OK;
}

/* ?as_of=YYYY-MM-DD into *out (unchanged when absent). */
int query_date(hctx *c, const char *key, tg_date *out, int *given, tg_err *err)
{
	char v[32];
	int q = query_get(c->req->query, key, v, sizeof(v));
	if (given)
		*given = 0;
	if (q == 0)
		return TG_OK;
	if (q < 0 || tg_date_parse(out, v, err) < 0)
		return srv_fail(err, TG_EINVALID, key, "%s: expected a date YYYY-MM-DD", key);
	if (given)
		*given = 1;
	return TG_OK;
}

int h_policy(hctx *c, tg_err *err)
{
	tg_date as_of = tg_date_today();
	tg_buf b = TG_BUF_INIT;
	int rc;
	if ((rc = query_date(c, "as_of", &as_of, NULL, err)) < 0)
		return rc;
	return put_tgbuf(c, &b, tg_policy_list_json(&b, tg_engine_policy(c->srv->engine), as_of), err);
}
