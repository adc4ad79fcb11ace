/* SPDX-License-Identifier: Apache-2.0 */
/* Order checks: one order (JSON object) or JSON Lines of orders. Recording goes through the group
 * committer, so the 2xx is sent only after the decision is committed. Bodies are byte-identical to
 * `tollgate check --json` (decision JSON per order, error objects {"line","error"} for bad lines). */
#include "server_int.h"

#include <stdlib.h>
#include <string.h>

static int check_opts(hctx *c, tg_check_opts *o, tg_err *err)
{
	tg_check_opts init = TG_CHECK_OPTS_INIT;
	char v[16];
	int q, rc;
	*o = init;
	if ((rc = query_date(c, "as_of", &o->as_of, &o->has_as_of, err)) < 0)
		return rc;
	q = query_get(c->req->query, "record", v, sizeof(v));
	if (q != 0) {
		if (q < 0 || (strcmp(v, "true") != 0 && strcmp(v, "false") != 0))
			return srv_fail(err, TG_EINVALID, "record", "record: expected true or false");
		o->record = strcmp(v, "true") == 0;
	}
	return TG_OK;
}

/* Decide n orders: through the committer when recording, else directly (no store involved). */
static int decide(hctx *c, tg_check_result *res, size_t n, const char *const *texts, const size_t *lens,
		  const tg_check_opts *o, tg_err *err)
{
	int rc;
	if (o->record)
		return committer_check(c->srv->commit, res, n, texts, lens, o, c->resp->principal, err);
	pthread_rwlock_rdlock(&c->srv->scr_lock);
	rc = tg_engine_check_many(res, n, c->srv->engine, texts, lens, o, err);
	pthread_rwlock_unlock(&c->srv->scr_lock);
	return rc;
}

int h_check(hctx *c, tg_err *err)
{
	tg_check_opts o;
	tg_check_result r;
	const char *text = c->req->body ? c->req->body : "";
	size_t len = c->req->body_len;
	int rc;

	if ((rc = check_opts(c, &o, err)) < 0)
		return rc;
	memset(&r, 0, sizeof(r));
	if ((rc = decide(c, &r, 1, &text, &len, &o, err)) < 0) {
		tg_check_result_dispose(&r);
		return rc;
	}
	if (r.code < 0) {
		*err = r.err;
		err->code = r.code;
		tg_check_result_dispose(&r);
		return r.code;
	}
	metrics_verdict(&c->srv->m, (int)r.verdict);
	if (r.replayed)
		resp_header(c->resp, "Tollgate-Replayed", "true");
	rc = resp_json(c->resp, 200, r.json.ptr, r.json.size);
	if (rc == TG_OK)
		rc = sb_put(&c->resp->body, "\n", 1);
	tg_check_result_dispose(&r);
	return rc < 0 ? srv_fail(err, rc, NULL, "cannot encode the decision") : TG_OK;
}

typedef struct lines {
	const char **texts;
	size_t *lens;
	long *nos;
	size_t n;
} lines;

static int is_blank(const char *p, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
			return 0;
	return 1;
}

/* Split the body into its non-blank lines (pointers into the body; lens exclude the newline). */
static int split_lines(lines *l, const char *body, size_t len, tg_err *err)
{
	size_t cap = 1, i, start = 0;
	long no = 0;
	for (i = 0; i < len; i++)
		cap += body[i] == '\n';
	l->texts = malloc(cap * sizeof(*l->texts));
	l->lens = malloc(cap * sizeof(*l->lens));
	l->nos = malloc(cap * sizeof(*l->nos));
	l->n = 0;
	if (!l->texts || !l->lens || !l->nos)
		return srv_fail(err, TG_ENOMEM, NULL, "out of memory");
	for (i = 0; i <= len; i++) {
		if (i < len && body[i] != '\n')
			continue;
		no++;
		if (!is_blank(body + start, i - start)) {
			l->texts[l->n] = body + start;
			l->lens[l->n] = i - start;
			l->nos[l->n++] = no;
		}
		start = i + 1;
	}
	if (l->n == 0)
		return srv_fail(err, TG_EINVALID, "body", "body: no order in the input");
	return TG_OK;
}

static void lines_free(lines *l)
{
	free(l->texts);
	free(l->lens);
	free(l->nos);
}

/* Append each result as the CLI prints it with --json. */
static int emit(hctx *c, tg_check_result *res, const lines *l)
{
	size_t i;
	int rc = TG_OK;
	for (i = 0; i < l->n; i++) {
		if (rc == TG_OK && res[i].code == TG_OK) {
			metrics_verdict(&c->srv->m, (int)res[i].verdict);
			if ((rc = sb_put(&c->resp->body, res[i].json.ptr, res[i].json.size)) == TG_OK)
				rc = sb_put(&c->resp->body, "\n", 1);
		} else if (rc == TG_OK) {
			tg_buf b = TG_BUF_INIT;
			if ((rc = tg_err_json(&b, &res[i].err, l->nos[i])) == TG_OK &&
			    (rc = sb_put(&c->resp->body, b.ptr, b.size)) == TG_OK)
				rc = sb_put(&c->resp->body, "\n", 1);
			tg_buf_dispose(&b);
		}
		tg_check_result_dispose(&res[i]);
	}
	return rc;
}

int h_check_batch(hctx *c, tg_err *err)
{
	tg_check_opts o;
	tg_check_result *res = NULL;
	lines l = {NULL, NULL, NULL, 0};
	int rc;

	if ((rc = check_opts(c, &o, err)) < 0 || (rc = split_lines(&l, c->req->body ? c->req->body : "", c->req->body_len, err)) < 0)
		goto done;
	if ((res = calloc(l.n, sizeof(*res))) == NULL) {
		rc = srv_fail(err, TG_ENOMEM, NULL, "out of memory");
		goto done;
	}
	if ((rc = decide(c, res, l.n, l.texts, l.lens, &o, err)) < 0) {
		size_t i;
		for (i = 0; i < l.n; i++)
			tg_check_result_dispose(&res[i]);
		goto done;
	}
	c->resp->content_type = "application/x-ndjson";
	if ((rc = emit(c, res, &l)) < 0)
		srv_fail(err, rc, NULL, "cannot encode the decisions");
done:
	free(res);
	lines_free(&l);
	return rc;
}
