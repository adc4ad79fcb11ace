/* SPDX-License-Identifier: Apache-2.0 */
/* Licences. Separation of duties: a compliance officer applies (POST /v1/licences: a pending proposal,
 * nothing is live yet), a licensing officer other than the applicant issues it (POST
 * /v1/licences/{id}/issue: tg_license_add inside the approval's transaction, body = `license add
 * --json`). Bodies of show/list/revoke/customers are the CLI's --json; exporters see their own licences. */
#include "server_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* Keep the licences whose holder is the calling exporter (re-encoded compactly, in order). */
static int filter_own(hctx *c, tg_buf *b, tg_err *err)
{
	json_t *d = json_loads(b->ptr ? b->ptr : "", 0, NULL), *arr = json_object_get(d, "licenses"),
	       *keep = json_array();
	json_t *v;
	size_t i;
	char *text;
	json_array_foreach (arr, i, v)
		if (owns(c, json_string_value(json_object_get(v, "holder"))))
			json_array_append(keep, v);
	json_object_set_new(d, "licenses", keep);
	text = json_dumps(d, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(d);
	if (text == NULL)
		return srv_fail(err, TG_ENOMEM, NULL, "out of memory");
	tg_buf_puts(&c->resp->body, text);
	free(text);
	return tg_buf_puts(&c->resp->body, "\n") < 0 ? srv_fail(err, TG_ENOMEM, NULL, "out of memory") : TG_OK;
}

int h_licences_list(hctx *c, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	int rc;
	state_lock(c);
	rc = tg_license_list(&b, c->srv->engine, err);
	state_unlock(c);
	if (rc == TG_OK)
		rc = is_exporter(c) ? filter_own(c, &b, err) : reply_buf(c, 200, &b, NULL, 1, err);
	tg_buf_dispose(&b);
	return rc;
}

int h_licence_show(hctx *c, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	json_t *d;
	int rc;
	state_lock(c);
	rc = tg_license_show(&b, c->srv->engine, c->param, err);
	state_unlock(c);
	if (rc == TG_OK && is_exporter(c)) {
		d = json_loads(b.ptr ? b.ptr : "", 0, NULL);
		if (!owns(c, json_string_value(json_object_get(d, "holder"))))
			rc = srv_fail(err, TG_ENOTFOUND, NULL, "no licence %s of yours", c->param);
		json_decref(d);
	}
	if (rc == TG_OK)
		rc = reply_buf(c, 200, &b, NULL, 1, err);
	tg_buf_dispose(&b);
	return rc;
}

int h_customers(hctx *c, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	int rc;
	state_lock(c);
	rc = tg_license_customers(&b, c->srv->engine, err);
	state_unlock(c);
	if (rc == TG_OK)
		rc = reply_buf(c, 200, &b, NULL, 1, err);
	tg_buf_dispose(&b);
	return rc;
}

/* Apply: a pending proposal keyed by the licence id (validated fully when issued). */
int h_licence_apply(hctx *c, tg_err *err)
{
	void *jv = NULL;
	const char *id;
	tg_buf b = TG_BUF_INIT;
	int rc;
	if ((rc = body_object(&jv, c, err)) < 0 || (rc = body_str(jv, "id", 1, &id, err)) < 0)
		goto done;
	state_lock(c);
	if (tg_license_show(&b, c->srv->engine, id, err) == TG_OK)
		rc = srv_fail(err, TG_ECONFLICT, "id", "id: licence %s is already recorded", id);
	tg_buf_dispose(&b);
	if (rc == TG_OK)
		rc = tg_engine_propose(&b, c->srv->engine, "license", id, c->req->body, c->req->body_len, err);
	state_unlock(c);
	if (rc == TG_OK)
		rc = reply_buf(c, 201, &b, NULL, 1, err);
done:
	json_decref(jv);
	tg_buf_dispose(&b);
	return rc;
}

int h_licence_applications(hctx *c, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	char v[16];
	int rc, all = query_get(c->req->query, "all", v, sizeof(v)) > 0 && strcmp(v, "true") == 0;
	state_lock(c);
	rc = tg_engine_proposals(&b, c->srv->engine, "license", !all, err);
	state_unlock(c);
	if (rc == TG_OK)
		rc = reply_buf(c, 200, &b, NULL, 1, err);
	tg_buf_dispose(&b);
	return rc;
}

typedef struct issue_arg {
	tg_engine *e;
	tg_buf *out;
	int refused; /* the licence itself was refused (a restricted party), not the approval */
} issue_arg;

static int apply_issue(void *arg, const char *body, const char *proposer, tg_err *err)
{
	issue_arg *a = arg;
	int rc = tg_license_add(a->out, a->e, body, strlen(body), err);
	(void)proposer;
	if (rc == TG_EREFUSED)
		a->refused = 1;
	return rc;
}

int h_licence_issue(hctx *c, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	issue_arg a;
	int rc;
	memset(&a, 0, sizeof(a));
	a.e = c->srv->engine, a.out = &b;
	state_lock(c);
	rc = tg_engine_approve(c->srv->engine, "license", c->param, apply_issue, &a, err);
	state_unlock(c);
	if (rc == TG_EREFUSED && !a.refused) { /* separation of duties */
		problem(c->resp, 403, err->msg, err->field, c->req->path);
		rc = TG_OK;
	} else if (rc == TG_OK)
		rc = reply_buf(c, 201, &b, NULL, 1, err);
	tg_buf_dispose(&b);
	return rc;
}

int h_licence_revoke(hctx *c, tg_err *err)
{
	void *jv = NULL;
	const char *reason;
	tg_buf b = TG_BUF_INIT;
	int rc;
	if ((rc = body_object(&jv, c, err)) == TG_OK && (rc = body_str(jv, "reason", 1, &reason, err)) == TG_OK) {
		state_lock(c);
		if ((rc = tg_license_revoke(c->srv->engine, c->param, reason, err)) == TG_OK)
			rc = tg_license_show(&b, c->srv->engine, c->param, err);
		state_unlock(c);
	}
	if (rc == TG_OK)
		rc = reply_buf(c, 200, &b, NULL, 1, err);
	json_decref(jv);
	tg_buf_dispose(&b);
	return rc;
}
