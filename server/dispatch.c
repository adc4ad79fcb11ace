/* SPDX-License-Identifier: Apache-2.0 */
/* server_new/free and server_dispatch: route, authenticate, authorise, call the handler, map the
 * outcome to a status through status.c, and count it in the metrics. No sockets here. */
#include "server_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <jansson.h>

int server_new(server **out, const server_opts *opts, tg_err *err)
{
	server *s;
	int rc;

	*out = NULL;
	if (opts == NULL || opts->engine == NULL || tg_engine_store(opts->engine) == NULL)
		return srv_fail(err, TG_EINVALID, NULL, "server: an engine with a store is required");
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return srv_fail(err, TG_ENOMEM, NULL, "out of memory");
	s->engine = opts->engine;
	s->opts = *opts;
	if (s->opts.max_body == 0)
		s->opts.max_body = (size_t)1 << 20;
	if (s->opts.max_upload == 0)
		s->opts.max_upload = (size_t)64 << 20;
	if (s->opts.commit_max == 0)
		s->opts.commit_max = 4096;
	pthread_mutex_init(&s->store_mu, NULL);
	pthread_rwlock_init(&s->scr_lock, NULL);
	pthread_rwlock_init(&s->tok_lock, NULL);
	if ((rc = metrics_init(&s->m)) < 0 || (rc = auth_load(s, err)) < 0 ||
	    (rc = committer_start(&s->commit, s, err)) < 0) {
		if (rc == TG_ENOMEM)
			srv_fail(err, rc, NULL, "out of memory");
		server_free(s);
		return rc;
	}
	*out = s;
	return TG_OK;
}

void server_free(server *s)
{
	if (s == NULL)
		return;
	committer_stop(s->commit);
	metrics_dispose(&s->m);
	tg_token_list_free(s->tokens);
	pthread_rwlock_destroy(&s->tok_lock);
	pthread_rwlock_destroy(&s->scr_lock);
	pthread_mutex_destroy(&s->store_mu);
	free(s);
}

void server_set_draining(server *s)
{
	__atomic_store_n(&s->draining, 1, __ATOMIC_SEQ_CST);
}

size_t server_body_limit(const server *s, const char *method, const char *path)
{
	if (strcmp(method, "POST") == 0 && strcmp(path, "/v1/lists/upload") == 0)
		return s->opts.max_upload;
	return s->opts.max_body;
}

void server_resp_dispose(server_resp *resp)
{
	tg_buf_dispose(&resp->body);
	if (resp->pending) {
		resp->pending->release(resp->pending);
		resp->pending = NULL;
	}
}

/* Authenticate and authorise: 0 to go on, else a problem is in c->resp. */
static int gate(hctx *c)
{
	const route *rt = c->rt;
	if (rt->roles & ROLES_PUBLIC)
		return 0;
	if (auth_check(c) != 0) {
		problem(c->resp, 401, "a valid bearer token is required (Authorization: Bearer tg_...)", NULL,
			c->req->path);
		resp_header(c->resp, "WWW-Authenticate", "Bearer realm=\"tollgate\"");
		return -1;
	}
	snprintf(c->resp->principal, sizeof(c->resp->principal), "%s(%s)", c->who.name, tg_api_role_name(c->who.role));
	if (!(rt->roles & ROLE_BIT(c->who.role))) {
		char d[128];
		snprintf(d, sizeof(d), "role %s may not %s %s", tg_api_role_name(c->who.role), rt->method, rt->pattern);
		problem(c->resp, 403, d, NULL, c->req->path);
		return -1;
	}
	return 0;
}

/* Query parameters and the {param} path segment are text: bytes that are not UTF-8 are a 422 naming
 * the parameter (they would otherwise reach stored names and JSON bodies; found by fuzz/http_fuzzer.c).
 * 0 to go on, else the problem is in c->resp. */
static int text_ok(hctx *c)
{
	char key[64], d[128];
	if (query_utf8_ok(c->req->query, key, sizeof(key)) != 0) {
		snprintf(d, sizeof(d), "%s: not valid UTF-8", key);
		problem(c->resp, 422, d, key, c->req->path);
		return -1;
	}
	if (!tg_utf8_valid(c->param)) {
		problem(c->resp, 422, "path: not valid UTF-8", "path", c->req->path);
		return -1;
	}
	return 0;
}

static void run_handler(hctx *c)
{
	tg_err err = TG_ERR_INIT;
	int rc;
	if (c->rt->fn == NULL) {
		char d[160];
		snprintf(d, sizeof(d), "%s %s is not implemented yet: it arrives with %s", c->rt->method,
			 c->rt->pattern, c->rt->pending);
		problem(c->resp, 501, d, NULL, c->req->path);
		return;
	}
	if (c->req->body_len > server_body_limit(c->srv, c->req->method, c->req->path)) {
		problem(c->resp, 413, "request body too large", "body", c->req->path);
		return;
	}
	if ((rc = c->rt->fn(c, &err)) < 0) {
		if (status_of(&err) >= 500)
			fprintf(stderr, "tollgate serve: %s %s: %s (%s)\n", c->req->method, c->req->path, err.msg,
				tg_strerror(rc));
		problem_from_err(c->resp, &err, c->req->path);
	}
}

/* Route the request; return the metrics slot (route index, or nroutes for static, +1 unmatched). */
static size_t route_request(server *s, const server_req *req, server_resp *resp, server_wake_fn wake, void *payload)
{
	hctx c;
	int known;
	memset(&c, 0, sizeof(c));
	c.srv = s, c.req = req, c.resp = resp, c.wake = wake, c.wake_payload = payload;
	c.rt = route_match(req->method, req->path, c.param, sizeof(c.param), &known, resp->allow, sizeof(resp->allow));
	if (c.rt == NULL) {
		resp->route = "unmatched";
		if (known) {
			problem(resp, 405, "method not allowed", NULL, req->path);
			return server_nroutes + 1;
		}
		resp->allow[0] = '\0';
		if (strcmp(req->method, "GET") == 0 && strncmp(req->path, "/v1/", 4) != 0 &&
		    static_serve(s, req->path, resp) == 0) {
			resp->route = "static";
			return server_nroutes;
		}
		problem(resp, 404, "no such resource", NULL, req->path);
		return server_nroutes + 1;
	}
	resp->route = c.rt->pattern;
	resp->allow[0] = '\0';
	if (gate(&c) == 0 && text_ok(&c) == 0)
		run_handler(&c);
	return route_index(c.rt);
}

/* Several instances share one database: a list snapshot or an override recorded by another instance
 * (or the CLI) must reach this instance's screener. At most once a second, and only when the store is
 * free (trylock: a busy store means a commit is running; a later request checks again), compare the
 * store's screening version and rebuild the screener when it changed. Store lock first, screener
 * second, as everywhere. */
static void refresh_screener(server *s, const struct timespec *now)
{
	long sec = (long)now->tv_sec, last = __atomic_load_n(&s->scr_checked_at, __ATOMIC_RELAXED);
	tg_err err = TG_ERR_INIT;
	int stale = 0;
	if (sec == last || pthread_mutex_trylock(&s->store_mu) != 0)
		return;
	if (__atomic_compare_exchange_n(&s->scr_checked_at, &last, sec, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED) &&
	    tg_engine_screener_stale(s->engine, &stale, &err) == TG_OK && stale) {
		pthread_rwlock_wrlock(&s->scr_lock);
		if (tg_engine_reload_screener(s->engine, &err) < 0)
			fprintf(stderr, "tollgate serve: cannot rebuild the screener: %s\n", err.msg);
		pthread_rwlock_unlock(&s->scr_lock);
	}
	pthread_mutex_unlock(&s->store_mu);
}

int server_dispatch_async(server *s, const server_req *req, server_resp *resp, server_wake_fn wake, void *payload)
{
	struct timespec t0;
	size_t slot;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	refresh_screener(s, &t0);
	memset(resp, 0, sizeof(*resp));
	resp->body.max = SRV_BODY_MAX;
	resp->status = 200;
	resp->content_type = "application/json";
	slot = route_request(s, req, resp, wake, payload);
	if (slot != server_nroutes) /* static files set their own security headers */
		resp_header(resp, "X-Content-Type-Options", "nosniff");
	if (resp->pending) {
		resp->pending->slot = slot;
		resp->pending->t0 = t0;
		return 1;
	}
	metrics_request(&s->m, slot, resp->status, srv_since(&t0));
	return 0;
}

void server_dispatch(server *s, const server_req *req, server_resp *resp)
{
	server_dispatch_async(s, req, resp, NULL, NULL);
}

void server_dispatch_finish(server *s, server_resp *resp)
{
	server_pending *p = resp->pending;
	tg_err err = TG_ERR_INIT;
	hctx c;
	int rc;
	if (p == NULL)
		return;
	memset(&c, 0, sizeof(c));
	c.srv = s, c.req = &p->req, c.resp = resp, c.rt = p->rt;
	if ((rc = p->finish(&c, p, &err)) < 0) {
		if (status_of(&err) >= 500)
			fprintf(stderr, "tollgate serve: %s %s: %s (%s)\n", p->req.method, p->req.path, err.msg,
				tg_strerror(rc));
		problem_from_err(resp, &err, p->req.path);
	}
	metrics_request(&s->m, p->slot, resp->status, srv_since(&p->t0));
	resp->pending = NULL;
	p->release(p);
}

int body_object(void **out, const hctx *c, tg_err *err)
{
	json_error_t je;
	json_t *j;
	*out = NULL;
	if (c->req->body_len == 0)
		return srv_fail(err, TG_EINVALID, "body", "body: expected a JSON object");
	j = json_loadb(c->req->body, c->req->body_len, JSON_REJECT_DUPLICATES, &je);
	if (j == NULL) {
		srv_fail(err, TG_EINVALID, "body", "body: invalid JSON at line %d, column %d: %s", je.line, je.column,
			 je.text);
		err->line = je.line > 0 ? je.line : 1;
		err->column = je.column;
		return TG_EINVALID;
	}
	if (!json_is_object(j)) {
		json_decref(j);
		return srv_fail(err, TG_EINVALID, "body", "body: expected a JSON object");
	}
	*out = j;
	return TG_OK;
}
