/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate serve: the HTTP JSON API and the console over one engine, until SIGTERM/SIGINT, which
 * drains in-flight requests (readyz turns 503 first) and exits 0. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"
#include "mhd.h"
#include "server.h"

#ifndef TG_WEB_DIR
#define TG_WEB_DIR ""
#endif

static const char USAGE[] =
	"tollgate serve [--db PATH] [--listen HOST:PORT] [--data-dir DIR] [--web DIR] [--access-log FILE|-|off]\n"
	"               [--max-body BYTES] [--timeout SECONDS] [--drain SECONDS]\n"
	"  --listen defaults to 127.0.0.1:8080 (loopback); port 0 picks a free port.\n"
	"  prints \"listening on http://HOST:PORT\" once ready; SIGTERM drains and exits 0.";

typedef struct serve_args {
	const char *db, *data_dir, *web, *log;
	server_http_opts http;
	size_t max_body;
	unsigned drain_s;
} serve_args;

static int num(unsigned long *out, const char *s, unsigned long max)
{
	char *end;
	errno = 0;
	*out = strtoul(s, &end, 10);
	return errno || *end || end == s || *out > max ? -1 : 0;
}

static int parse_args(serve_args *a, int argc, char **argv)
{
	server_http_opts init = SERVER_HTTP_OPTS_INIT;
	unsigned long v;
	int i;
	memset(a, 0, sizeof(*a));
	a->http = init;
	a->web = TG_WEB_DIR;
	a->drain_s = 10;
	for (i = 1; i < argc; i++) {
		const char *s = argv[i];
		int more = i + 1 < argc;
		if (strcmp(s, "--db") == 0 && more)
			a->db = argv[++i];
		else if (strcmp(s, "--listen") == 0 && more)
			a->http.listen = argv[++i];
		else if (strcmp(s, "--data-dir") == 0 && more)
			a->data_dir = argv[++i];
		else if (strcmp(s, "--web") == 0 && more)
			a->web = argv[++i];
		else if (strcmp(s, "--access-log") == 0 && more)
			a->log = argv[++i];
		else if (strcmp(s, "--max-body") == 0 && more && num(&v, argv[++i], 1ul << 30) == 0)
			a->max_body = v;
		else if (strcmp(s, "--timeout") == 0 && more && num(&v, argv[++i], 3600) == 0)
			a->http.timeout_s = (unsigned)v;
		else if (strcmp(s, "--drain") == 0 && more && num(&v, argv[++i], 3600) == 0)
			a->drain_s = (unsigned)v;
		else
			return -1;
	}
	return 0;
}

static FILE *open_log(const char *spec)
{
	if (spec == NULL || strcmp(spec, "-") == 0)
		return stderr;
	if (strcmp(spec, "off") == 0)
		return NULL;
	return fopen(spec, "a");
}

/* Serve until a signal; the listener and server are already up. */
static int wait_for_signal(const sigset_t *set, unsigned port, const serve_args *a)
{
	int sig = 0;
	if (strncmp(a->http.listen, "127.", 4) != 0)
		fprintf(stderr, "tollgate: warning: listening beyond loopback without TLS; bearer tokens travel in "
				"clear (put a TLS proxy in front)\n");
	printf("tollgate: listening on http://%.*s:%u\n", (int)strcspn(a->http.listen, ":"), a->http.listen, port);
	fflush(stdout);
	while (sigwait(set, &sig) != 0)
		;
	fprintf(stderr, "tollgate: %s: draining\n", sig == SIGTERM ? "SIGTERM" : "SIGINT");
	return sig;
}

static int run(serve_args *a, const sigset_t *set)
{
	tg_engine_opts eo = TG_ENGINE_OPTS_INIT;
	server_opts so = SERVER_OPTS_INIT;
	tg_engine *e = NULL;
	server *s = NULL;
	server_http *h = NULL;
	tg_err err = TG_ERR_INIT;
	struct stat st;
	unsigned port = 0;
	int rc;
	eo.db_path = a->db, eo.data_dir = a->data_dir;
	if ((rc = tg_engine_open(&e, &eo, &err)) < 0)
		return cli_fail(&err);
	so.engine = e, so.max_body = a->max_body;
	so.web_dir = a->web && *a->web && stat(a->web, &st) == 0 && S_ISDIR(st.st_mode) ? a->web : NULL;
	if (so.web_dir == NULL)
		fprintf(stderr, "tollgate: no console files (build the 'web' target or pass --web DIR)\n");
	if ((rc = server_new(&s, &so, &err)) < 0 || (rc = server_http_start(&h, &port, s, &a->http, &err)) < 0) {
		server_free(s);
		tg_engine_free(e);
		return cli_fail(&err);
	}
	wait_for_signal(set, port, a);
	server_http_stop(h, a->drain_s * 1000);
	server_free(s);
	tg_engine_free(e);
	fprintf(stderr, "tollgate: stopped\n");
	return TG_EXIT_OK;
}

int cmd_serve(int argc, char **argv)
{
	serve_args a;
	sigset_t set;
	int rc;
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf("usage: %s\n", USAGE);
		return TG_EXIT_OK;
	}
	if (parse_args(&a, argc, argv) < 0)
		return cli_usage(USAGE);
	a.http.access_log = open_log(a.log);
	if (a.log && strcmp(a.log, "off") != 0 && a.http.access_log == NULL) {
		fprintf(stderr, "tollgate: cannot open the access log %s\n", a.log);
		return TG_EXIT_INPUT;
	}
	/* Block the signals in every thread (they inherit the mask); only sigwait() takes them. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	rc = run(&a, &set);
	if (a.http.access_log && a.http.access_log != stderr)
		fclose(a.http.access_log);
	return rc;
}
