/* SPDX-License-Identifier: Apache-2.0 */
/* Order checks: one order (JSON object) or JSON Lines of orders. Recording goes through the group
 * committer, so the 2xx is sent only after the decision is committed; when the listener can defer
 * (server_dispatch_async) the request is queued and finished after its commit instead of holding a
 * thread. Bodies are byte-identical to `tollgate check --json` (decision JSON per order, error
 * objects {"line","error"} for bad lines). */
#include "server_int.h"

#include <stdio.h>
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

/* Decide n orders directly or through the committer (blocking): the synchronous path. */
static int decide(hctx *c, tg_check_result *res, size_t n, const char *const *texts, const size_t *lens,
		  const tg_check_opts *o, tg_err *err)
{
	int rc;
	if (o->record)
		return committer_check(c->srv->commit, res, n, texts, lens, o, c->resp->principal, err);
	/* Unrecorded checks still read the store (licence matching in one read snapshot): the store's
	 * lock first, the screener's second, as everywhere. */
	pthread_mutex_lock(&c->srv->store_mu);
	pthread_rwlock_rdlock(&c->srv->scr_lock);
	rc = tg_engine_check_many(res, n, c->srv->engine, texts, lens, o, err);
	pthread_rwlock_unlock(&c->srv->scr_lock);
	pthread_mutex_unlock(&c->srv->store_mu);
	return rc;
}

static void dispose_all(tg_check_result *res, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		tg_check_result_dispose(&res[i]);
}

/* The response to one order from its result (consumed). */
static int reply_one(hctx *c, tg_check_result *r, tg_err *err)
{
	int rc;
	if (r->code < 0) {
		*err = r->err;
		err->code = r->code;
		tg_check_result_dispose(r);
		return err->code;
	}
	metrics_verdict(&c->srv->m, (int)r->verdict);
	if (r->replayed)
		resp_header(c->resp, "Tollgate-Replayed", "true");
	rc = resp_json(c->resp, 200, r->json.ptr, r->json.size);
	if (rc == TG_OK)
		rc = tg_buf_put(&c->resp->body, "\n", 1);
	tg_check_result_dispose(r);
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
			if ((rc = tg_buf_put(&c->resp->body, res[i].json.ptr, res[i].json.size)) == TG_OK)
				rc = tg_buf_put(&c->resp->body, "\n", 1);
		} else if (rc == TG_OK) {
			tg_buf b = TG_BUF_INIT;
			if ((rc = tg_err_json(&b, &res[i].err, l->nos[i])) == TG_OK &&
			    (rc = tg_buf_put(&c->resp->body, b.ptr, b.size)) == TG_OK)
				rc = tg_buf_put(&c->resp->body, "\n", 1);
			tg_buf_dispose(&b);
		}
		tg_check_result_dispose(&res[i]);
	}
	return rc;
}

/* The response to a batch from its results (consumed). */
static int reply_many(hctx *c, tg_check_result *res, const lines *l, tg_err *err)
{
	int rc;
	c->resp->content_type = "application/x-ndjson";
	if ((rc = emit(c, res, l)) < 0)
		srv_fail(err, rc, NULL, "cannot encode the decisions");
	return rc;
}

/* A recorded check waiting for its group commit. */
typedef struct deferred {
	server_pending base;
	commit_job job;
	tg_check_result one;  /* the result of a single order */
	tg_check_result *res; /* &one, or the batch's results */
	lines l;              /* a batch's lines (l.n == 0 for a single order) */
	const char *text;     /* a single order's text and length */
	size_t len;
	char actor[80];
	int consumed; /* 1 = finish took the results */
} deferred;

static void deferred_release(server_pending *p)
{
	deferred *d = (deferred *)p;
	if (!d->consumed && d->res) /* never finished: the client went away */
		dispose_all(d->res, d->l.n ? d->l.n : 1);
	if (d->res != &d->one)
		free(d->res);
	lines_free(&d->l);
	free(d);
}

static int deferred_finish(hctx *c, server_pending *p, tg_err *err)
{
	deferred *d = (deferred *)p;
	size_t n = d->l.n ? d->l.n : 1;
	d->consumed = 1;
	if (d->job.rc < 0) {
		*err = d->job.err;
		dispose_all(d->res, n);
		return d->job.rc;
	}
	return d->l.n ? reply_many(c, d->res, &d->l, err) : reply_one(c, d->res, err);
}

/* Queue d's orders (its lines, or its text) for the group commit and mark the response as deferred;
 * d then belongs to c->resp. On failure d is released. */
static int defer(hctx *c, deferred *d, const tg_check_opts *o, tg_err *err)
{
	size_t n = d->l.n ? d->l.n : 1;
	if (d->l.n == 0) {
		d->res = &d->one;
	} else if ((d->res = calloc(n, sizeof(*d->res))) == NULL) {
		deferred_release(&d->base);
		return srv_fail(err, TG_ENOMEM, NULL, "out of memory");
	}
	d->base.req = *c->req;
	d->base.req.query = NULL; /* the listener frees it after dispatch; the options are parsed */
	d->base.rt = c->rt;
	d->base.finish = deferred_finish;
	d->base.release = deferred_release;
	snprintf(d->actor, sizeof(d->actor), "%s", c->resp->principal);
	d->job.res = d->res, d->job.n = n, d->job.opts = *o, d->job.actor = d->actor;
	d->job.texts = d->l.n ? d->l.texts : &d->text;
	d->job.lens = d->l.n ? d->l.lens : &d->len;
	d->job.wake = c->wake, d->job.payload = c->wake_payload;
	c->resp->pending = &d->base;
	committer_submit(c->srv->commit, &d->job);
	return TG_OK;
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
	if (o.record && c->wake) {
		deferred *d = calloc(1, sizeof(*d));
		if (d == NULL)
			return srv_fail(err, TG_ENOMEM, NULL, "out of memory");
		d->text = text, d->len = len;
		return defer(c, d, &o, err);
	}
	memset(&r, 0, sizeof(r));
	if ((rc = decide(c, &r, 1, &text, &len, &o, err)) < 0) {
		tg_check_result_dispose(&r);
		return rc;
	}
	return reply_one(c, &r, err);
}

int h_check_batch(hctx *c, tg_err *err)
{
	tg_check_opts o;
	tg_check_result *res = NULL;
	lines l = {NULL, NULL, NULL, 0};
	int rc;

	if ((rc = check_opts(c, &o, err)) < 0 ||
	    (rc = split_lines(&l, c->req->body ? c->req->body : "", c->req->body_len, err)) < 0)
		goto done;
	if (o.record && c->wake) {
		deferred *d = calloc(1, sizeof(*d));
		if (d == NULL) {
			rc = srv_fail(err, TG_ENOMEM, NULL, "out of memory");
			goto done;
		}
		d->l = l; /* d owns the lines from here */
		return defer(c, d, &o, err);
	}
	if ((res = calloc(l.n, sizeof(*res))) == NULL) {
		rc = srv_fail(err, TG_ENOMEM, NULL, "out of memory");
		goto done;
	}
	if ((rc = decide(c, res, l.n, l.texts, l.lens, &o, err)) < 0) {
		dispose_all(res, l.n);
		goto done;
	}
	rc = reply_many(c, res, &l, err);
done:
	free(res);
	lines_free(&l);
	return rc;
}
