/* SPDX-License-Identifier: Apache-2.0 */
/* The libmicrohttpd listener: glue between sockets and server_dispatch(). */
#ifndef TG_SERVER_MHD_H
#define TG_SERVER_MHD_H

#include <stdio.h>
#include "server.h"

typedef struct server_http server_http;

typedef struct server_http_opts {
	const char *listen; /* "127.0.0.1:8080" (IPv4 host:port; port 0 = any free port) */
	unsigned timeout_s; /* idle connection timeout; 0 = 30 s */
	unsigned max_conns; /* connection limit; 0 = 512 */
	FILE *access_log;   /* one JSON line per request, or NULL for none */
	unsigned threads;   /* listener threads (epoll), each serving many connections; 0 = 4 */
} server_http_opts;

/* clang-format off */
#define SERVER_HTTP_OPTS_INIT {"127.0.0.1:8080", 0, 0, NULL, 0}
/* clang-format on */

/* Start listening. *port receives the bound port. Caller owns *out (server_http_stop). */
int server_http_start(server_http **out, unsigned *port, server *s, const server_http_opts *o, tg_err *err);
/* Stop accepting, wait up to drain_ms for in-flight requests to finish, then close everything. */
void server_http_stop(server_http *h, unsigned drain_ms);

#endif
