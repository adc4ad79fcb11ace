/* SPDX-License-Identifier: Apache-2.0 */
/* Screening overrides with separation of duties: one compliance officer proposes a decision on a
 * (party, list entry) pair (POST /v1/overrides: a pending proposal), another approves it (POST
 * /v1/overrides/{id}/approve): tg_screen_override runs inside the approval's transaction with the
 * proposer as reviewer and the approver named in the reason, then the screener is rebuilt. GET
 * /v1/overrides is `screen overrides --json`. */
#include "server_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static void rec_json(tg_buf *b, const tg_screen_override_rec *r, int first)
{
	tg_buf_printf(b, "%s{\"id\":%lld,\"party\":", first ? "" : ",", (long long)r->id);
	tg_buf_put_json_str(b, r->party_name);
	tg_buf_puts(b, ",\"list\":");
	tg_buf_put_json_str(b, r->list);
	tg_buf_puts(b, ",\"entity_id\":");
	tg_buf_put_json_str(b, r->entity_id);
	tg_buf_printf(b, ",\"decision\":\"%s\",\"reason\":", r->decision);
	tg_buf_put_json_str(b, r->reason);
	tg_buf_puts(b, ",\"reviewer\":");
	tg_buf_put_json_str(b, r->reviewer);
	tg_buf_printf(b, ",\"decided_at\":\"%s\",\"key_hash\":\"%s\",\"current\":%s}", r->decided_at, r->key_hash,
		      r->current ? "true" : "false");
}

int h_overrides_list(hctx *c, tg_err *err)
{
	tg_screen_override_rec *v = NULL;
	size_t n = 0, i;
	int rc;
	state_lock(c);
	rc = tg_screen_overrides(&v, &n, tg_engine_store(c->srv->engine), err);
	state_unlock(c);
	if (rc < 0)
		return rc;
	tg_buf_puts(&c->resp->body, "{\"overrides\":[");
	for (i = 0; i < n; i++)
		rec_json(&c->resp->body, &v[i], i == 0);
	tg_screen_overrides_free(v);
	return tg_buf_puts(&c->resp->body, "]}\n") < 0 ? srv_fail(err, TG_ENOMEM, NULL, "out of memory") : TG_OK;
}

int h_override_proposals(hctx *c, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	char v[16];
	int rc, all = query_get(c->req->query, "all", v, sizeof(v)) > 0 && strcmp(v, "true") == 0;
	state_lock(c);
	rc = tg_engine_proposals(&b, c->srv->engine, "override", !all, err);
	state_unlock(c);
	if (rc == TG_OK)
		rc = reply_buf(c, 200, &b, NULL, 1, err);
	tg_buf_dispose(&b);
	return rc;
}

/* Validate {"party","list","entity_id","decision":"false_positive"|"true_match","reason"}. */
static int decode(const void *j, const char *v[5], tg_screen_decision *d, tg_err *err)
{
	static const char *const keys[] = {"party", "list", "entity_id", "decision", "reason"};
	size_t i;
	int rc = TG_OK;
	for (i = 0; i < 5 && rc == TG_OK; i++)
		rc = body_str(j, keys[i], 1, &v[i], err);
	if (rc < 0)
		return rc;
	if (strcmp(v[3], "false_positive") == 0)
		*d = TG_SCREEN_FALSE_POSITIVE;
	else if (strcmp(v[3], "true_match") == 0)
		*d = TG_SCREEN_TRUE_MATCH;
	else
		return srv_fail(err, TG_EINVALID, "decision", "decision: expected false_positive or true_match");
	return TG_OK;
}

int h_override_propose(hctx *c, tg_err *err)
{
	void *jv = NULL;
	const char *v[5];
	tg_screen_decision d;
	tg_buf b = TG_BUF_INIT;
	int rc;
	if ((rc = body_object(&jv, c, err)) == TG_OK && (rc = decode(jv, v, &d, err)) == TG_OK) {
		state_lock(c);
		rc = tg_engine_propose(&b, c->srv->engine, "override", NULL, c->req->body, c->req->body_len, err);
		state_unlock(c);
	}
	if (rc == TG_OK)
		rc = reply_buf(c, 201, &b, NULL, 1, err);
	json_decref(jv);
	tg_buf_dispose(&b);
	return rc;
}

typedef struct ov_arg {
	hctx *c;
	int failed; /* the override itself failed (unknown entry...), not the approval */
} ov_arg;

static int apply_override(void *arg, const char *body, const char *proposer, tg_err *err)
{
	ov_arg *a = arg;
	json_t *j = json_loads(body, 0, NULL);
	const char *v[5];
	tg_screen_decision d;
	char reason[256], reviewer[64];
	int rc = decode(j, v, &d, err);
	if (rc == TG_OK) {
		snprintf(reason, sizeof(reason), "%.180s (approved by %.60s)", v[4], a->c->resp->principal);
		snprintf(reviewer, sizeof(reviewer), "%s", proposer);
		rc = tg_screen_override(tg_engine_store(a->c->srv->engine), v[0], v[1], v[2], d, reason, reviewer, err);
	}
	a->failed = rc < 0;
	json_decref(j);
	return rc;
}

int h_override_approve(hctx *c, tg_err *err)
{
	ov_arg a = {c, 0};
	tg_buf b = TG_BUF_INIT;
	int rc;
	state_lock(c);
	rc = tg_engine_approve(c->srv->engine, "override", c->param, apply_override, &a, err);
	if (rc == TG_OK) {
		pthread_rwlock_wrlock(&c->srv->scr_lock); /* the screener applies overrides when it is built */
		rc = tg_engine_reload_screener(c->srv->engine, err);
		pthread_rwlock_unlock(&c->srv->scr_lock);
	}
	if (rc == TG_OK)
		rc = tg_engine_proposal(&b, c->srv->engine, "override", c->param, err);
	state_unlock(c);
	if (rc == TG_EREFUSED && !a.failed) {
		problem(c->resp, 403, err->msg, err->field, c->req->path);
		rc = TG_OK;
	} else if (rc == TG_OK)
		rc = reply_buf(c, 200, &b, NULL, 1, err);
	tg_buf_dispose(&b);
	return rc;
}
