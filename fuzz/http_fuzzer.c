/* SPDX-License-Identifier: Apache-2.0 */
/* HTTP request handling: server_dispatch (routing, authentication, authorisation, query parsing, every
 * handler and codec) on a server over the seeded scratch engine (fuzz_state.h) with one token per role
 * (the exporter's is named after the seeded order's exporter, so shipping goes deep).
 * Input: "METHOD\nTARGET\nAUTH\nBODY": TARGET is path[?query]; AUTH is a digit 0-5 (a valid bearer
 * token of that tg_api_role), "-" (no header) or the raw Authorization header; the rest is the body.
 * Beyond no crash, leak or UB: a status in 200..599, never a 5xx except the documented one (503 of
 * /readyz while draining), a JSON body for JSON and problem+json answers.
 * POST /v1/lists/load is skipped: it reads any server path by design (an admin operation), and a fuzzer
 * naming /dev/zero would only hang the harness. POST /v1/lists/upload is run MAX_UPLOADS times per
 * process, then skipped: every upload adds a snapshot and the screener is rebuilt over all of them, so
 * after thousands the state, not the input, makes a run time out (the list parsers have their own
 * targets). */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_state.h"
#include "fuzz_support.h"
#include "server.h"
#include "tg/token.h"

#define MAX_UPLOADS 16

static server *g_srv;
static int g_uploads;
static char g_auth[TG_API_ROLE_COUNT][TG_TOKEN_MAX + 16];

static void cleanup(void)
{
	server_free(g_srv);
	g_srv = NULL;
}

static server *srv(void)
{
	server_opts so = SERVER_OPTS_INIT;
	tg_engine *e;
	tg_err err = TG_ERR_INIT;
	char tok[TG_TOKEN_MAX];
	int r;
	if (g_srv != NULL)
		return g_srv;
	e = tg_fuzz_engine();
	for (r = 0; r < TG_API_ROLE_COUNT; r++) {
		const char *name =
			r == TG_API_ROLE_EXPORTER ? "Acme Accelerators Inc." : tg_api_role_name((tg_api_role)r);
		if (tg_token_add(tok, NULL, tg_engine_store(e), (tg_api_role)r, name, &err) != TG_OK) {
			fprintf(stderr, "http_fuzzer: token: %s\n", err.msg);
			abort();
		}
		snprintf(g_auth[r], sizeof(g_auth[r]), "Bearer %s", tok);
	}
	so.engine = e;
	so.gather_us = 0; /* no waiting for company in the group committer: one request at a time here */
	if (server_new(&g_srv, &so, &err) != TG_OK) {
		fprintf(stderr, "http_fuzzer: server: %s\n", err.msg);
		abort();
	}
	atexit(cleanup); /* registered after the engine's: runs first */
	return g_srv;
}

/* Next '\n'-terminated field of [*p, end) as a malloc'd C string (NULs cut it short, as in a header). */
static char *field(const uint8_t **p, const uint8_t *end)
{
	const uint8_t *nl = memchr(*p, '\n', (size_t)(end - *p));
	size_t n = nl ? (size_t)(nl - *p) : (size_t)(end - *p);
	char *s = tg_fuzz_cstr(*p, n);
	*p = nl ? nl + 1 : end;
	return s;
}

static int documented_5xx(const server_req *rq, int status)
{
	return status == 503 && strcmp(rq->path, "/readyz") == 0;
}

static void check(const server_req *rq, const server_resp *r)
{
	json_t *j;
	int json = strcmp(r->content_type, "application/json") == 0 ||
		   strcmp(r->content_type, "application/problem+json") == 0;
	if (r->status < 200 || r->status > 599 || (r->status >= 500 && !documented_5xx(rq, r->status)) ||
	    (r->status >= 400 && strcmp(r->content_type, "application/problem+json") != 0)) {
		fprintf(stderr, "http_fuzzer: %s %s: %d %s: %.300s\n", rq->method, rq->path, r->status, r->content_type,
			r->body.ptr ? r->body.ptr : "");
		abort();
	}
	if (!json)
		return;
	j = json_loadb(r->body.ptr ? r->body.ptr : "", r->body.size, 0, NULL);
	if (j == NULL) {
		fprintf(stderr, "http_fuzzer: %s %s: %d body is not JSON: %.300s\n", rq->method, rq->path, r->status,
			r->body.ptr ? r->body.ptr : "");
		abort();
	}
	json_decref(j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *p = data, *end = data + size;
	char *method, *target, *auth, *q;
	server_req rq;
	server_resp r;
	server *s = srv();

	method = field(&p, end);
	target = field(&p, end);
	auth = field(&p, end);
	memset(&rq, 0, sizeof(rq));
	if ((q = strchr(target, '?')) != NULL)
		*q++ = '\0';
	rq.method = method, rq.path = target, rq.query = q;
	if (auth[0] >= '0' && auth[0] < '0' + TG_API_ROLE_COUNT && auth[1] == '\0')
		rq.authorization = g_auth[auth[0] - '0'];
	else if (strcmp(auth, "-") != 0)
		rq.authorization = auth;
	rq.body = (const char *)p, rq.body_len = (size_t)(end - p);
	if (strcmp(method, "POST") == 0 && strcmp(target, "/v1/lists/upload") == 0 && auth[0] == '5' &&
	    auth[1] == '\0' && g_uploads++ >= MAX_UPLOADS)
		method[0] = '\0'; /* skipped below */
	if (method[0] != '\0' && !(strcmp(method, "POST") == 0 && strcmp(target, "/v1/lists/load") == 0)) {
		server_dispatch(s, &rq, &r);
		if (getenv("TG_FUZZ_VERBOSE"))
			fprintf(stderr, "http: %s %s -> %d %.160s\n", method, target, r.status,
				r.body.ptr ? r.body.ptr : "");
		check(&rq, &r);
		server_resp_dispose(&r);
	}
	free(method);
	free(target);
	free(auth);
	return 0;
}
