/* SPDX-License-Identifier: Apache-2.0 */
/* Screening routes: one name ({"name","country"?,"limit"?}) or a batch (JSON Lines of {"name",
 * "country"} or plain lines of names). Each result is byte-identical to `tollgate screen --json`. */
#include "server_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LIMIT 100

/* The CLI's print_json, into a buffer. */
static int encode(tg_buf *b, const char *query, const tg_screen_hit *h, size_t n)
{
	size_t i;
	int rc;
	tg_buf_puts(b, "{\"query\":");
	tg_buf_put_json_str(b, query);
	rc = tg_buf_puts(b, ",\"hits\":[");
	for (i = 0; rc == TG_OK && i < n; i++) {
		tg_buf_puts(b, i ? ",{\"entity_id\":" : "{\"entity_id\":");
		tg_buf_put_json_str(b, h[i].entity_id);
		tg_buf_puts(b, ",\"list\":");
		tg_buf_put_json_str(b, h[i].list);
		tg_buf_puts(b, ",\"name\":");
		tg_buf_put_json_str(b, h[i].name);
		tg_buf_puts(b, ",\"matched_name\":");
		tg_buf_put_json_str(b, h[i].matched_name);
		tg_buf_printf(b, ",\"score\":%.3f,\"level\":\"%s\",\"approved\":%s,\"explanation\":", h[i].score,
			      h[i].level == TG_HIT_BLOCK ? "block" : "review", h[i].approved ? "true" : "false");
		tg_buf_put_json_str(b, h[i].explanation);
		rc = tg_buf_puts(b, "}");
	}
	return rc == TG_OK ? tg_buf_puts(b, "]}\n") : rc;
}

static int screen_one(hctx *c, const char *name, const char *cc, size_t limit, tg_err *err)
{
	tg_screen_hit hits[MAX_LIMIT];
	size_t n = 0, i;
	int rc;
	pthread_rwlock_rdlock(&c->srv->scr_lock);
	rc = tg_screen_name(hits, limit, &n, tg_engine_screener(c->srv->engine), name, cc, err);
	pthread_rwlock_unlock(&c->srv->scr_lock);
	if (rc < 0)
		return rc;
	for (i = 0; i < n; i++)
		metrics_hits(&c->srv->m, (int)hits[i].level, 1);
	if ((rc = encode(&c->resp->body, name, hits, n)) < 0)
		return srv_fail(err, rc, NULL, "cannot encode the hits");
	return TG_OK;
}

/* {"name": string, "country": string|null?, "limit": 1..100?}; prefix names fields in errors. */
static int decode(json_t *j, const char **name, const char **cc, size_t *limit, tg_err *err)
{
	json_t *jn = json_object_get(j, "name"), *jc = json_object_get(j, "country"), *jl = json_object_get(j, "limit");
	if (!json_is_string(jn) || json_string_length(jn) == 0)
		return srv_fail(err, TG_EINVALID, "name", "name: expected a non-empty string");
	if (jc && !json_is_null(jc) && !json_is_string(jc))
		return srv_fail(err, TG_EINVALID, "country", "country: expected a string or null");
	if (jl && (!json_is_integer(jl) || json_integer_value(jl) < 1 || json_integer_value(jl) > MAX_LIMIT))
		return srv_fail(err, TG_EINVALID, "limit", "limit: expected an integer from 1 to 100");
	*name = json_string_value(jn);
	*cc = json_is_string(jc) ? json_string_value(jc) : NULL;
	*limit = jl ? (size_t)json_integer_value(jl) : 10;
	return TG_OK;
}

int h_screen(hctx *c, tg_err *err)
{
	void *jv = NULL;
	const char *name, *cc;
	size_t limit;
	int rc;
	if ((rc = body_object(&jv, c, err)) == TG_OK && (rc = decode(jv, &name, &cc, &limit, err)) == TG_OK)
		rc = screen_one(c, name, cc, limit, err);
	json_decref(jv);
	return rc;
}

/* One batch line: a result line, or an error object {"line","error"} for a bad line. */
static int batch_line(hctx *c, const char *p, size_t n, long no)
{
	tg_err err = TG_ERR_INIT;
	json_t *j = NULL;
	json_error_t je;
	const char *name, *cc;
	char *plain = NULL;
	size_t limit = 10;
	int rc;
	if (p[0] == '{') {
		if ((j = json_loadb(p, n, JSON_REJECT_DUPLICATES, &je)) == NULL)
			rc = srv_fail(&err, TG_EINVALID, "name", "invalid JSON at column %d: %s", je.column, je.text);
		else if (!json_is_object(j))
			rc = srv_fail(&err, TG_EINVALID, "name", "expected an object {\"name\",\"country\"} or a name");
		else
			rc = decode(j, &name, &cc, &limit, &err);
	} else {
		rc = (plain = strndup(p, n)) ? TG_OK : srv_fail(&err, TG_ENOMEM, NULL, "out of memory");
		name = plain, cc = NULL;
	}
	if (rc == TG_OK)
		rc = screen_one(c, name, cc, limit, &err);
	if (rc < 0 && rc != TG_ENOMEM) {
		tg_buf b = TG_BUF_INIT;
		if ((rc = tg_err_json(&b, &err, no)) == TG_OK &&
		    (rc = tg_buf_put(&c->resp->body, b.ptr, b.size)) == TG_OK)
			rc = tg_buf_put(&c->resp->body, "\n", 1);
		tg_buf_dispose(&b);
	}
	json_decref(j);
	free(plain);
	return rc;
}

int h_screen_batch(hctx *c, tg_err *err)
{
	const char *p = c->req->body ? c->req->body : "", *end = p + c->req->body_len;
	long no = 0;
	int rc = TG_OK;
	c->resp->content_type = "application/x-ndjson";
	while (p < end && rc == TG_OK) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p), adv = nl ? n + 1 : n;
		no++;
		if (n && p[n - 1] == '\r')
			n--;
		if (n)
			rc = batch_line(c, p, n, no);
		p += adv;
	}
	return rc < 0 ? srv_fail(err, rc, NULL, "cannot screen the batch") : TG_OK;
}
