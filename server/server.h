/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tg_server: the HTTP JSON API as a pure request -> response function over the engine facade.
 * server_dispatch() needs no sockets (unit tests call it directly); mhd.c wires it to libmicrohttpd.
 * Thread-safe: many threads may dispatch at once; writes share commits through the group committer.
 */
#ifndef TG_SERVER_H
#define TG_SERVER_H

#include <stddef.h>
#include "tg/buf.h"
#include "tg/engine.h"

typedef struct server server;

typedef struct server_opts {
	tg_engine *engine;   /* borrowed; must outlive the server */
	const char *web_dir; /* directory of the console's static files, or NULL for none */
	size_t max_body;     /* request body limit (bytes) of JSON routes; 0 = 1 MiB */
	size_t max_upload;   /* body limit of list uploads; 0 = 64 MiB */
	unsigned commit_max; /* most orders per group commit; 0 = 4096 */
	unsigned gather_us;  /* longest wait for more requests before a commit; 0 = none (default: requests that
				 arrive during a commit share the next one; a wait only adds latency for a
				 closed loop of clients: 10,777 vs 16,000-20,868 req/s in bench_http) */
} server_opts;

/* clang-format off */
#define SERVER_OPTS_INIT {NULL, NULL, 0, 0, 0, 0}
/* clang-format on */

/* One request. Strings are borrowed for the duration of server_dispatch(). */
typedef struct server_req {
	const char *method;        /* "GET", "POST", ... */
	const char *path;          /* "/v1/screen" (no query string) */
	const char *query;         /* raw query string without '?', or NULL */
	const char *authorization; /* the Authorization header, or NULL */
	const char *body;          /* may be NULL when body_len is 0 */
	size_t body_len;
} server_req;

#define SERVER_MAX_HEADERS 4

/* One response. Header names and values are static strings, except where noted. */
typedef struct server_resp {
	int status;               /* HTTP status */
	const char *content_type; /* static */
	tg_buf body;              /* owned */
	const char *route;        /* route pattern for logs and metrics (static), "static" or "unmatched" */
	char principal[80];       /* "name(role)" of the caller, or "" */
	struct {
		const char *name, *value;
	} headers[SERVER_MAX_HEADERS]; /* extra headers (static strings) */
	size_t nheaders;
	char allow[64];                 /* Allow header value on 405, else "" */
	struct server_pending *pending; /* internal: set while the request waits for its group commit */
} server_resp;

/* Called once, from the group committer's thread, when a deferred request can be finished. */
typedef void (*server_wake_fn)(void *payload);

/* Create a server over opts->engine and start its group committer. Caller owns *out. */
int server_new(server **out, const server_opts *opts, tg_err *err);
/* Flush the committer, stop it and free the server. NULL is a no-op. */
void server_free(server *s);
/* Handle one request; always fills @p resp (problem+json on failure). Release with server_resp_dispose. */
void server_dispatch(server *s, const server_req *req, server_resp *resp);
/* As server_dispatch, but a recorded order check does not block the calling thread: it is queued for
 * the group commit and 1 is returned (0 = resp is complete, as with server_dispatch). Once its
 * transaction is committed (or has failed), wake(payload) is called from the committer's thread;
 * the caller then calls server_dispatch_finish() to fill resp. Until then req and the strings it
 * points to (the query string excepted) must stay valid, and resp must be neither read nor disposed. */
int server_dispatch_async(server *s, const server_req *req, server_resp *resp, server_wake_fn wake, void *payload);
/* Fill the response of a request deferred by server_dispatch_async, after its wake call. */
void server_dispatch_finish(server *s, server_resp *resp);
void server_resp_dispose(server_resp *resp);
/* Largest body accepted for @p method + @p path (uploads are allowed more than JSON routes). */
size_t server_body_limit(const server *s, const char *method, const char *path);
/* Mark the server as draining: /readyz answers 503 from now on. */
void server_set_draining(server *s);

#endif
