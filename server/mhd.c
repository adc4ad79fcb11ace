/* SPDX-License-Identifier: Apache-2.0 */
/* libmicrohttpd glue, the only user of microhttpd.h: collect the body (up to the route's limit, else
 * 413), hand the request to server_dispatch_async(), send the response, write the access log, and
 * drain in-flight requests on stop. A small pool of epoll threads serves all connections; a request
 * that waits for its group commit (a recorded check) is suspended rather than holding a thread, and
 * resumed by the committer, so the waiting requests of all connections share one commit. */
#define _DEFAULT_SOURCE 1 /* microhttpd.h needs the BSD socket types */
#include "mhd.h"

#include "tg/alloc.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <microhttpd.h>
#include "server_int.h"

struct server_http {
	struct MHD_Daemon *d;
	server *s;
	FILE *log;
	long inflight; /* requests between their first callback and their completion */
	long deferred; /* requests suspended until their group commit */
};

typedef struct conn {
	tg_buf body;
	size_t limit;
	int too_big;
	struct timespec t0;
	struct MHD_Connection *c;
	server_req req; /* kept while deferred: the server borrows it */
	server_resp r;  /* the response, filled after the commit when deferred */
	int deferred;   /* 1 = waiting for the commit, or resumed after it */
	int arrivals;   /* suspension done + commit done: the second of the two resumes */
} conn;

static int parse_listen(struct sockaddr_in *sa, const char *listen, tg_err *err)
{
	char host[64];
	const char *colon = strrchr(listen, ':');
	char *end;
	long port;
	memset(sa, 0, sizeof(*sa));
	if (colon == NULL || (size_t)(colon - listen) >= sizeof(host))
		return srv_fail(err, TG_EINVALID, "listen", "--listen: expected HOST:PORT (IPv4), e.g. 127.0.0.1:8080");
	memcpy(host, listen, (size_t)(colon - listen));
	host[colon - listen] = '\0';
	port = strtol(colon + 1, &end, 10);
	if (*end || end == colon + 1 || port < 0 || port > 65535 || inet_pton(AF_INET, host, &sa->sin_addr) != 1)
		return srv_fail(err, TG_EINVALID, "listen", "--listen: expected HOST:PORT (IPv4), e.g. 127.0.0.1:8080");
	sa->sin_family = AF_INET;
	sa->sin_port = htons((uint16_t)port);
	return TG_OK;
}

/* Re-encode the parsed query arguments as a raw query string for server_req. */
static enum MHD_Result add_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	tg_buf *q = cls;
	const unsigned char *p;
	(void)kind;
	if (q->size)
		tg_buf_puts(q, "&");
	tg_buf_puts(q, key);
	if (value == NULL)
		return MHD_YES;
	tg_buf_puts(q, "=");
	for (p = (const unsigned char *)value; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		    *p == '_' || *p == '.' || *p == '~')
			tg_buf_put(q, p, 1);
		else
			tg_buf_printf(q, "%%%02X", *p);
	}
	return MHD_YES;
}

/* One JSON line per request; every client-influenced string (method, path, token name) escaped. */
static void access_log(server_http *h, const char *method, const char *url, const server_resp *r, const conn *k)
{
	struct timespec t1, now;
	char ts[32];
	struct tm tm;
	tg_buf line = TG_BUF_INIT;
	double ms;
	if (h->log == NULL)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	clock_gettime(CLOCK_REALTIME, &now);
	gmtime_r(&now.tv_sec, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%S", &tm);
	ms = (double)(t1.tv_sec - k->t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - k->t0.tv_nsec) / 1e6;
	tg_buf_printf(&line, "{\"ts\":\"%s.%03ldZ\",\"method\":", ts, now.tv_nsec / 1000000);
	tg_buf_put_json_str(&line, method);
	tg_buf_puts(&line, ",\"path\":");
	tg_buf_put_json_str(&line, url);
	tg_buf_printf(&line, ",\"route\":\"%s\",\"status\":%d,\"bytes\":%zu,\"ms\":%.3f,\"principal\":",
		      r->route ? r->route : "", r->status, r->body.size, ms);
	tg_buf_put_json_str(&line, r->principal);
	if (tg_buf_puts(&line, "}\n") == TG_OK) {
		fputs(line.ptr, h->log); /* one line per call: stdio locks the stream */
		fflush(h->log);
	}
	tg_buf_dispose(&line);
}

static enum MHD_Result send_resp(struct MHD_Connection *c, server_resp *r)
{
	struct MHD_Response *mr;
	enum MHD_Result ok;
	size_t i, len = r->body.size;
	char *body = r->body.ptr;
	r->body.ptr = NULL; /* handed to MHD, which releases it with the library's allocator */
	r->body.size = r->body.asize = 0;
	if (len)
		mr = MHD_create_response_from_buffer_with_free_callback(len, body, tg_free);
	else
		mr = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	if (mr == NULL || len == 0)
		tg_free(body);
	if (mr == NULL)
		return MHD_NO;
	MHD_add_response_header(mr, MHD_HTTP_HEADER_CONTENT_TYPE, r->content_type);
	for (i = 0; i < r->nheaders; i++)
		MHD_add_response_header(mr, r->headers[i].name, r->headers[i].value);
	if (r->allow[0])
		MHD_add_response_header(mr, MHD_HTTP_HEADER_ALLOW, r->allow);
	ok = MHD_queue_response(c, (unsigned)r->status, mr);
	MHD_destroy_response(mr);
	return ok;
}

/* First callback of a request: set up its state; refuse at once a declared body over the limit. */
static enum MHD_Result begin(server_http *h, struct MHD_Connection *c, const char *url, const char *method,
			     void **con_cls)
{
	conn *k = calloc(1, sizeof(*k));
	const char *cl;
	if (k == NULL)
		return MHD_NO;
	clock_gettime(CLOCK_MONOTONIC, &k->t0);
	k->limit = server_body_limit(h->s, method, url);
	cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl && strtoull(cl, NULL, 10) > k->limit)
		k->too_big = 1;
	*con_cls = k;
	__atomic_add_fetch(&h->inflight, 1, __ATOMIC_SEQ_CST);
	return MHD_YES;
}

/* From the committer's thread: the commit of a deferred request is done. The handler suspends the
 * connection after queueing the job, so whichever of the two comes second resumes it. */
static void wake(void *payload)
{
	conn *k = payload;
	if (__atomic_add_fetch(&k->arrivals, 1, __ATOMIC_ACQ_REL) == 2)
		MHD_resume_connection(k->c);
}

/* Log and send k->r, then release it. */
static enum MHD_Result respond(server_http *h, struct MHD_Connection *c, conn *k, const char *method, const char *url)
{
	enum MHD_Result ok;
	access_log(h, method, url, &k->r, k);
	ok = send_resp(c, &k->r);
	server_resp_dispose(&k->r);
	return ok;
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *c, const char *url, const char *method,
			       const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	server_http *h = cls;
	conn *k = *con_cls;
	tg_buf q = TG_BUF_INIT;
	(void)version;
	if (k == NULL)
		return begin(h, c, url, method, con_cls);
	if (k->deferred) { /* resumed: the commit is done */
		server_dispatch_finish(h->s, &k->r);
		k->deferred = 0;
		__atomic_sub_fetch(&h->deferred, 1, __ATOMIC_SEQ_CST);
		return respond(h, c, k, method, url);
	}
	if (*upload_size) {
		if (!k->too_big &&
		    (k->body.size + *upload_size > k->limit || tg_buf_put(&k->body, upload, *upload_size) < 0))
			k->too_big = 1, tg_buf_dispose(&k->body);
		*upload_size = 0;
		return MHD_YES;
	}
	if (k->too_big) {
		memset(&k->r, 0, sizeof(k->r));
		k->r.route = "unmatched";
		problem(&k->r, 413, "request body too large", "body", url);
		return respond(h, c, k, method, url);
	}
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, add_arg, &q);
	memset(&k->req, 0, sizeof(k->req));
	k->req.method = method, k->req.path = url, k->req.query = q.ptr;
	k->req.body = k->body.ptr, k->req.body_len = k->body.size;
	k->req.authorization = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
	k->c = c;
	k->arrivals = 0;
	__atomic_add_fetch(&h->deferred, 1, __ATOMIC_SEQ_CST); /* before the committer can see the job */
	k->deferred = 1;
	if (server_dispatch_async(h->s, &k->req, &k->r, wake, k) == 1) {
		tg_buf_dispose(&q);
		MHD_suspend_connection(c);
		if (__atomic_add_fetch(&k->arrivals, 1, __ATOMIC_ACQ_REL) == 2)
			MHD_resume_connection(c);
		return MHD_YES;
	}
	k->deferred = 0;
	__atomic_sub_fetch(&h->deferred, 1, __ATOMIC_SEQ_CST);
	tg_buf_dispose(&q);
	return respond(h, c, k, method, url);
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode t)
{
	server_http *h = cls;
	conn *k = *con_cls;
	(void)c, (void)t;
	if (k == NULL)
		return;
	if (k->deferred) { /* resumed after its commit, but the client had gone: no second handler call */
		k->deferred = 0;
		__atomic_sub_fetch(&h->deferred, 1, __ATOMIC_SEQ_CST);
	}
	tg_buf_dispose(&k->body);
	server_resp_dispose(&k->r);
	free(k);
	*con_cls = NULL;
	__atomic_sub_fetch(&h->inflight, 1, __ATOMIC_SEQ_CST);
}

int server_http_start(server_http **out, unsigned *port, server *s, const server_http_opts *o, tg_err *err)
{
	struct sockaddr_in sa;
	server_http *h;
	const union MHD_DaemonInfo *info;
	int rc;
	*out = NULL;
	if ((rc = parse_listen(&sa, o->listen ? o->listen : "127.0.0.1:8080", err)) < 0)
		return rc;
	if ((h = calloc(1, sizeof(*h))) == NULL)
		return srv_fail(err, TG_ENOMEM, NULL, "out of memory");
	h->s = s, h->log = o->access_log;
	h->d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ITC,
				0, NULL, NULL, handler, h, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
				MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(o->threads ? o->threads : 4),
				MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)(o->timeout_s ? o->timeout_s : 30),
				MHD_OPTION_CONNECTION_LIMIT, (unsigned)(o->max_conns ? o->max_conns : 512),
				MHD_OPTION_LISTENING_ADDRESS_REUSE, (unsigned)1, MHD_OPTION_NOTIFY_COMPLETED, completed,
				h, MHD_OPTION_END);
	if (h->d == NULL) {
		free(h);
		return srv_fail(err, TG_EIO, "listen", "cannot listen on %s (in use, or not a local address?)",
				o->listen);
	}
	info = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
	*port = info ? info->port : ntohs(sa.sin_port);
	*out = h;
	return TG_OK;
}

void server_http_stop(server_http *h, unsigned drain_ms)
{
	MHD_socket fd;
	unsigned waited = 0;
	if (h == NULL)
		return;
	server_set_draining(h->s);
	fd = MHD_quiesce_daemon(h->d); /* no new connections from here */
	if (fd != MHD_INVALID_SOCKET)
		close(fd);
	while (__atomic_load_n(&h->inflight, __ATOMIC_SEQ_CST) > 0 && waited < drain_ms) {
		struct timespec ts = {0, 10 * 1000000L};
		nanosleep(&ts, NULL);
		waited += 10;
	}
	/* Stopping the daemon with a suspended connection is undefined: wait for their commits (which
	 * finish or fail on their own) and for the resumed requests to be answered. */
	while (__atomic_load_n(&h->deferred, __ATOMIC_SEQ_CST) > 0) {
		struct timespec ts = {0, 1000000L};
		nanosleep(&ts, NULL);
	}
	MHD_stop_daemon(h->d);
	free(h);
}
