/* SPDX-License-Identifier: Apache-2.0 */
/* HTTP throughput: tollgate's server in this process on 127.0.0.1 (ephemeral port), wrk against
 * POST /v1/orders/check (recording, distinct order ids, 64 connections) and POST /v1/screen, and,
 * in the same run, the naive rate of one transaction (one fsync) per order, and raw fdatasync/s.
 * Beside wrk's wall-clock figures it prints the CPU-seconds per 1,000 requests of the server (this
 * process) and of wrk, which stay meaningful on a shared machine, and the group commits.
 * Usage: bench_http [SECONDS] [DIR]   (default 10 s per wrk run; DIR for the databases, default
 * $TMPDIR or /tmp; they are removed at the end). $BENCH_THREADS sets the listener threads,
 * $BENCH_GATHER_US the group committer's gather wait (server_opts.gather_us).
 * Load goes to 127.0.0.1 only. */
#include <fcntl.h>
#include <sys/resource.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "mhd.h"
#include "server.h"
#include "tg/lists.h"
#include "tg/token.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static const char ORDER_FMT[] =
	"{\"id\":\"%s\",\"date\":\"2026-02-16\",\"exporter\":{\"name\":\"Acme Accelerators Inc.\",\"country\":\"US\"},"
	"\"ship_from\":\"US\",\"destination\":\"CN\",\"parties\":[{\"role\":\"end_user\",\"name\":"
	"\"Hangzhou Yunfan Compute Co., Ltd.\",\"country\":\"CN\",\"sector\":\"private\"}],\"end_use\":\"datacenter\","
	"\"lines\":[{\"item\":\"nvidia-h200-sxm\",\"quantity\":100,\"unit_value\":\"31000.00\",\"currency\":\"USD\"}]}";

static void remove_db(const char *db)
{
	char p[600];
	unlink(db);
	snprintf(p, sizeof(p), "%s-wal", db);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", db);
	unlink(p);
}

static int open_engine(tg_engine **e, const char *db)
{
	tg_engine_opts o = TG_ENGINE_OPTS_INIT;
	tg_err err = TG_ERR_INIT;
	remove_db(db);
	o.db_path = db;
	o.data_dir = TG_SOURCE_DIR;
	if (tg_engine_open(e, &o, &err) < 0) {
		fprintf(stderr, "bench_http: %s\n", err.msg);
		return -1;
	}
	return 0;
}

/* One transaction (one fsync) per order, as a server without group commit would do. */
static double naive_rate(const char *dir, double secs)
{
	char db[512], id[32], text[2048];
	tg_engine *e;
	tg_check_opts o = TG_CHECK_OPTS_INIT;
	double t0, t;
	long n = 0;
	snprintf(db, sizeof(db), "%s/bench-http-naive.db", dir);
	if (open_engine(&e, db) < 0)
		return -1;
	t0 = now();
	do {
		tg_check_result r;
		const char *p = text;
		size_t len;
		snprintf(id, sizeof(id), "N-%ld", n);
		len = (size_t)snprintf(text, sizeof(text), ORDER_FMT, id);
		if (tg_engine_check_many(&r, 1, e, &p, &len, &o, NULL) < 0 || r.code < 0)
			break;
		tg_check_result_dispose(&r);
		n++;
	} while ((t = now()) - t0 < secs);
	tg_engine_free(e);
	remove_db(db);
	return (double)n / (now() - t0);
}

static double fsync_rate(const char *dir, double secs)
{
	char path[512];
	int fd;
	long n = 0;
	double t0;
	snprintf(path, sizeof(path), "%s/bench-http-fsync.tmp", dir);
	if ((fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0600)) < 0)
		return -1;
	t0 = now();
	while (now() - t0 < secs) {
		if (pwrite(fd, "0123456789abcdef", 16, (off_t)((n % 256) * 4096)) != 16 || fdatasync(fd) != 0)
			break;
		n++;
	}
	close(fd);
	unlink(path);
	return (double)n / (now() - t0);
}

static int write_lua(const char *path, const char *method_path, const char *token, int orders)
{
	FILE *f = fopen(path, "w");
	char body[2048];
	if (f == NULL)
		return -1;
	fprintf(f,
		"local n = 0\nlocal tid = 0\nlocal nt = 0\n"
		"function setup(thread) nt = nt + 1; thread:set('tid', nt) end\n"
		"wrk.headers['Authorization'] = 'Bearer %s'\nwrk.headers['Content-Type'] = 'application/json'\n",
		token);
	if (orders) {
		snprintf(body, sizeof(body), ORDER_FMT, "%s");
		fprintf(f,
			"local tmpl = [==[%s]==]\nrequest = function()\n  n = n + 1\n"
			"  return wrk.format('POST', '%s', nil, string.format(tmpl, 'B-' .. tid .. '-' .. n))\nend\n",
			body, method_path);
	} else {
		fprintf(f,
			"local names = {'Orion Falcon Trading FZE', 'Hangzhou Yunfan Compute Co., Ltd.',"
			" 'Shenzhen Blackriver Microsystems Co., Ltd.', 'Acme Accelerators Inc.'}\n"
			"request = function()\n  n = n + 1\n"
			"  return wrk.format('POST', '%s', nil, '{\"name\":\"' .. names[n %% 4 + 1] .. '\"}')\nend\n",
			method_path);
	}
	return fclose(f);
}

static double cpu_s(int who)
{
	struct rusage u;
	getrusage(who, &u);
	return (double)u.ru_utime.tv_sec + (double)u.ru_utime.tv_usec / 1e6 + (double)u.ru_stime.tv_sec +
	       (double)u.ru_stime.tv_usec / 1e6;
}

/* Run wrk and print its figures (requests/s, p50, p99, non-2xx) and the CPU-seconds per 1,000
 * requests of this process (the server; nothing else runs in it meanwhile) and of wrk. */
static int run_wrk(const char *label, unsigned port, const char *lua, int secs, const char *dir)
{
	char cmd[1024], out[512], line[512];
	double srv0 = cpu_s(RUSAGE_SELF), wrk0 = cpu_s(RUSAGE_CHILDREN), srv, wrk;
	long requests = 0;
	FILE *f;
	snprintf(out, sizeof(out), "%s/bench-http-wrk.txt", dir);
	snprintf(cmd, sizeof(cmd), "wrk -t2 -c64 -d%ds --latency -s %s http://127.0.0.1:%u/ > %s 2>&1", secs, lua, port,
		 out);
	if (system(cmd) != 0 || (f = fopen(out, "r")) == NULL) {
		fprintf(stderr, "bench_http: wrk failed (is it installed? scripts/deps.sh)\n");
		return -1;
	}
	srv = cpu_s(RUSAGE_SELF) - srv0;
	wrk = cpu_s(RUSAGE_CHILDREN) - wrk0;
	printf("%s (wrk -t2 -c64 -d%ds):", label, secs);
	while (fgets(line, sizeof(line), f)) {
		char *p = line + strspn(line, " ");
		line[strcspn(line, "\n")] = '\0';
		if (strstr(p, " requests in "))
			requests = strtol(p, NULL, 10);
		if (strncmp(p, "Requests/sec:", 13) == 0 || strncmp(p, "50%", 3) == 0 || strncmp(p, "99%", 3) == 0 ||
		    strncmp(p, "Non-2xx", 7) == 0 || strstr(p, "Socket errors"))
			printf("  %s;", p);
	}
	printf("\n");
	if (requests > 0)
		printf("  CPU per 1,000 requests: server %.3f s, wrk %.3f s (%ld requests; server %.2f CPU-s, wrk "
		       "%.2f CPU-s)\n",
		       srv * 1000 / (double)requests, wrk * 1000 / (double)requests, requests, srv, wrk);
	fclose(f);
	unlink(out);
	return 0;
}

static double metric(const char *body, const char *name)
{
	char key[96];
	const char *p;
	snprintf(key, sizeof(key), "\n%s ", name);
	p = body ? strstr(body, key) : NULL;
	return p ? atof(p + strlen(key)) : 0;
}

static void print_commit_stats(server *s, int secs)
{
	server_req rq;
	server_resp r;
	double nb, no, sec, ns, ssec, lsum, lcount;
	memset(&rq, 0, sizeof(rq));
	rq.method = "GET", rq.path = "/metrics";
	server_dispatch(s, &rq, &r);
	nb = metric(r.body.ptr, "tollgate_group_commits_total");
	no = metric(r.body.ptr, "tollgate_group_commit_orders_total");
	sec = metric(r.body.ptr, "tollgate_group_commit_seconds_total");
	ns = metric(r.body.ptr, "tollgate_group_commit_syncs_total");
	ssec = metric(r.body.ptr, "tollgate_group_commit_sync_seconds_total");
	lsum = metric(r.body.ptr, "tollgate_http_request_duration_seconds_sum{route=\"/v1/orders/check\"}");
	lcount = metric(r.body.ptr, "tollgate_http_request_duration_seconds_count{route=\"/v1/orders/check\"}");
	if (nb > 0)
		printf("group commit: %.0f orders in %.0f transactions (%.1f per transaction, %.0f/s, %.2f ms each to "
		       "decide, record and write: committer busy %.0f%%)\n",
		       no, nb, no / nb, nb / secs, sec * 1000 / nb, 100 * sec / secs);
	if (ns > 0)
		printf("  made durable by %.0f fsyncs = %.1f orders per fsync, %.2f ms each (syncer busy %.0f%%)\n", ns,
		       no / ns, ssec * 1000 / ns, 100 * ssec / secs);
	if (lcount > 0)
		printf("  in the server (request read to response queued): %.2f ms mean; the rest of each round trip "
		       "is the network path and wrk\n",
		       lsum * 1000 / lcount);
	server_resp_dispose(&r);
}

static int setup(tg_engine *e, char tok[TG_TOKEN_MAX])
{
	tg_list_snapshot snap;
	tg_list_load_opts lo = TG_LIST_LOAD_OPTS_INIT;
	tg_err err = TG_ERR_INIT;
	if (tg_lists_load(&snap, tg_engine_store(e), TG_SOURCE_DIR "/fixtures/lists/sample-csl.csv", &lo, &err) < 0 ||
	    tg_engine_reload_screener(e, &err) < 0 ||
	    tg_token_add(tok, NULL, tg_engine_store(e), TG_API_ROLE_COMPLIANCE_OFFICER, "bench", &err) < 0) {
		fprintf(stderr, "bench_http: %s\n", err.msg);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int secs = argc > 1 ? (int)strtol(argv[1], NULL, 10) : 10;
	const char *tmp = getenv("TMPDIR"), *dir = argc > 2 ? argv[2] : (tmp && *tmp ? tmp : "/tmp");
	char db[512], lua[512], tok[TG_TOKEN_MAX];
	tg_engine *e;
	server *s = NULL;
	server_http *h = NULL;
	server_opts so = SERVER_OPTS_INIT;
	server_http_opts ho = SERVER_HTTP_OPTS_INIT;
	tg_err err = TG_ERR_INIT;
	unsigned port;
	if (secs < 1 || secs > 60)
		secs = 10;
	printf("raw fdatasync: %.0f /s\n", fsync_rate(dir, 2.0));
	printf("naive (one transaction = one fsync per order): %.0f durable decisions/s\n", naive_rate(dir, 3.0));
	snprintf(db, sizeof(db), "%s/bench-http.db", dir);
	if (open_engine(&e, db) < 0 || setup(e, tok) < 0)
		return 1;
	so.engine = e;
	if (getenv("BENCH_GATHER_US"))
		so.gather_us = (unsigned)strtoul(getenv("BENCH_GATHER_US"), NULL, 10);
	ho.listen = "127.0.0.1:0";
	ho.threads = getenv("BENCH_THREADS") ? (unsigned)strtoul(getenv("BENCH_THREADS"), NULL, 10) : 0;
	if (server_new(&s, &so, &err) < 0 || server_http_start(&h, &port, s, &ho, &err) < 0) {
		fprintf(stderr, "bench_http: %s\n", err.msg);
		return 1;
	}
	snprintf(lua, sizeof(lua), "%s/bench-http-check.lua", dir);
	if (write_lua(lua, "/v1/orders/check", tok, 1) == 0)
		run_wrk("POST /v1/orders/check, recorded (durable)", port, lua, secs, dir);
	print_commit_stats(s, secs);
	snprintf(lua, sizeof(lua), "%s/bench-http-screen.lua", dir);
	if (write_lua(lua, "/v1/screen", tok, 0) == 0)
		run_wrk("POST /v1/screen", port, lua, secs, dir);
	unlink(lua);
	snprintf(lua, sizeof(lua), "%s/bench-http-check.lua", dir);
	unlink(lua);
	server_http_stop(h, 5000);
	server_free(s);
	tg_engine_free(e);
	remove_db(db);
	return 0;
}
