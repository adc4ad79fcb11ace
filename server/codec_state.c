/* SPDX-License-Identifier: Apache-2.0 */
/* Shared by the handlers of the stateful operations (licences, certificates, shipments, ledger, audit,
 * overrides): the store lock with the caller as the audit actor (and, on release, the wait for the
 * group commits it saw to be durable), replies that are the CLI's --json
 * output (newline-terminated), refusals as 422 problem+json carrying every reason, body fields, and
 * the exporter binding (an exporter's token name is its exporter name). */
#include "server_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

void state_lock(hctx *c)
{
	pthread_mutex_lock(&c->srv->store_mu);
	tg_engine_set_actor(c->srv->engine, c->resp->principal[0] ? c->resp->principal : "http");
}

/* Group commits are fsync'd after the store lock is released (commit.c), so what this request read
 * may not be on disk yet: it answers only once it is. Rarely a wait: only while recorded checks are
 * being written, and then at most one fsync. */
void state_unlock(hctx *c)
{
	unsigned long seen = committer_seen(c->srv->commit);
	pthread_mutex_unlock(&c->srv->store_mu);
	committer_barrier(c->srv->commit, seen);
}

int reply_buf(hctx *c, int status, const tg_buf *b, const char *type, int newline, tg_err *err)
{
	int rc;
	c->resp->status = status;
	c->resp->content_type = type ? type : "application/json";
	rc = tg_buf_put(&c->resp->body, b->ptr ? b->ptr : "", b->size);
	if (rc == TG_OK && newline)
		rc = tg_buf_put(&c->resp->body, "\n", 1);
	return rc < 0 ? srv_fail(err, rc, NULL, "out of memory") : TG_OK;
}

/* 422 problem+json for a refusal: the library's refusal document's members (reasons, ids) as extension
 * members, and the reasons joined in the detail. */
int reply_refused(hctx *c, const tg_buf *doc, const char *what, tg_err *err)
{
	json_t *d = doc->ptr ? json_loads(doc->ptr, 0, NULL) : NULL, *v;
	tg_buf detail = TG_BUF_INIT;
	const char *k;
	size_t i;
	char *text;
	tg_buf_printf(&detail, "%s:", what);
	json_array_foreach (json_object_get(d, "reasons"), i, v)
		tg_buf_printf(&detail, "%s %s: %s", i ? ";" : "", json_string_value(json_object_get(v, "code")),
			      json_string_value(json_object_get(v, "message")));
	problem_refused(c->resp, detail.ptr, c->req->path);
	tg_buf_dispose(&detail);
	c->resp->body.size -= c->resp->body.size >= 2 ? 2 : 0; /* reopen the object: drop "}\n" */
	json_object_foreach (d, k, v) {
		if (strcmp(k, "status") == 0 || (text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY)) == NULL)
			continue;
		tg_buf_puts(&c->resp->body, ",");
		tg_buf_put_json_str(&c->resp->body, k);
		tg_buf_puts(&c->resp->body, ":");
		tg_buf_puts(&c->resp->body, text);
		free(text);
	}
	json_decref(d);
	(void)err;
	return tg_buf_puts(&c->resp->body, "}\n") < 0 ? srv_fail(err, TG_ENOMEM, NULL, "out of memory") : TG_OK;
}

int body_str(const void *obj, const char *key, int required, const char **out, tg_err *err)
{
	json_t *v = json_object_get((const json_t *)obj, key);
	*out = NULL;
	if (v == NULL || json_is_null(v)) {
		if (required)
			return srv_fail(err, TG_EINVALID, key, "%s: required", key);
		return TG_OK;
	}
	if (!json_is_string(v) || json_string_length(v) == 0)
		return srv_fail(err, TG_EINVALID, key, "%s: expected a non-empty string", key);
	*out = json_string_value(v);
	return TG_OK;
}

int is_exporter(const hctx *c)
{
	return c->who.role == TG_API_ROLE_EXPORTER;
}

int owns(const hctx *c, const char *exporter)
{
	return !is_exporter(c) || tg_engine_same_name(exporter, c->who.name);
}

int forbid_not_own(hctx *c, const char *what)
{
	char d[256];
	snprintf(d, sizeof(d), "an exporter token may only %s of its own exporter (token name '%s')", what,
		 c->who.name);
	problem(c->resp, 403, d, NULL, c->req->path);
	return TG_OK;
}

/* ?key= into out (NULL when absent); -1 with err when too long. */
int query_str(hctx *c, const char *key, char *out, size_t n, const char **val, tg_err *err)
{
	int q = query_get(c->req->query, key, out, n);
	*val = q > 0 ? out : NULL;
	if (q < 0)
		return srv_fail(err, TG_EINVALID, key, "%s: too long", key);
	return TG_OK;
}
