/* SPDX-License-Identifier: Apache-2.0 */
/* server_dispatch without sockets: status mapping, problem+json, checks, screening, lists, tokens,
 * limits, metrics, static files, concurrency through the group committer. */
#include <pthread.h>
#include <unistd.h>
#include "fixture.h"

#define CO TG_API_ROLE_COMPLIANCE_OFFICER
#define ADM TG_API_ROLE_ADMIN
#define EXP TG_API_ROLE_EXPORTER

static const char ORDER[] =
	"{\"id\":\"T-1\",\"date\":\"2026-02-16\",\"exporter\":{\"name\":\"Acme\",\"country\":\"US\"},"
	"\"ship_from\":\"US\",\"destination\":\"CN\",\"parties\":[{\"role\":\"end_user\",\"name\":\"Yunfan Lab\","
	"\"country\":\"CN\",\"sector\":\"private\"}],\"end_use\":\"datacenter\",\"lines\":[{\"item\":"
	"\"nvidia-h200-sxm\",\"quantity\":100,\"unit_value\":\"31000.00\",\"currency\":\"USD\"}]}";

static void health_and_unknown(void **state)
{
	fx *f = fx_new(0, NULL);
	server_resp r;
	(void)state;
	assert_int_equal(fx_req(f, &r, "GET", "/healthz", -1, NULL), 200);
	assert_string_equal(r.body.ptr, "{\"status\":\"ok\"}\n");
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "GET", "/v1/nothing", CO, NULL), 404);
	assert_string_equal(r.content_type, "application/problem+json");
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "DELETE", "/v1/screen", CO, NULL), 405);
	assert_string_equal(r.allow, "POST");
	server_resp_dispose(&r);
	server_set_draining(f->s);
	assert_int_equal(fx_req(f, &r, "GET", "/readyz", -1, NULL), 503);
	server_resp_dispose(&r);
	fx_free(f);
}

static void check_order(void **state)
{
	fx *f = fx_new(0, NULL);
	server_resp r;
	char other[sizeof(ORDER)];
	(void)state;
	assert_int_equal(fx_req(f, &r, "POST", "/v1/orders/check", EXP, ORDER), 200);
	assert_non_null(strstr(r.body.ptr, "\"order_id\":\"T-1\""));
	assert_non_null(strstr(r.body.ptr, "\"verdict\":\"license_required\""));
	assert_int_equal(r.body.ptr[r.body.size - 1], '\n');
	server_resp_dispose(&r);
	/* recorded: the same order again is a replay, other content under the id a conflict */
	assert_int_equal(fx_req(f, &r, "POST", "/v1/orders/check", EXP, ORDER), 200);
	assert_int_equal(r.nheaders, 2);
	assert_string_equal(r.headers[0].name, "Tollgate-Replayed");
	assert_string_equal(r.headers[1].name, "X-Content-Type-Options");
	server_resp_dispose(&r);
	memcpy(other, ORDER, sizeof(ORDER));
	*strstr(other, "100") = '2';
	assert_int_equal(fx_req(f, &r, "POST", "/v1/orders/check", EXP, other), 409);
	assert_non_null(strstr(r.body.ptr, "\"field\":\"id\""));
	server_resp_dispose(&r);
	fx_free(f);
}

static void check_bad_input(void **state)
{
	fx *f = fx_new(0, NULL);
	server_resp r;
	char bad[sizeof(ORDER)];
	(void)state;
	memcpy(bad, ORDER, sizeof(ORDER));
	memcpy(strstr(bad, "100"), "0  ", 3);
	assert_int_equal(fx_req(f, &r, "POST", "/v1/orders/check?record=false", EXP, bad), 422);
	assert_non_null(strstr(r.body.ptr, "\"field\":\"lines[0].quantity\""));
	assert_non_null(strstr(r.body.ptr, "\"status\":422"));
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "POST", "/v1/orders/check", EXP, "{\"id\":"), 400);
	assert_non_null(strstr(r.body.ptr, "\"line\":1"));
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "POST", "/v1/orders/check?as_of=2026-13-01", EXP, ORDER), 422);
	assert_non_null(strstr(r.body.ptr, "\"field\":\"as_of\""));
	server_resp_dispose(&r);
	fx_free(f);
}

static void check_batch_lines(void **state)
{
	fx *f = fx_new(0, NULL);
	server_resp r;
	char body[4096];
	(void)state;
	snprintf(body, sizeof(body), "%s\n\nnot json\n", ORDER);
	assert_int_equal(fx_req(f, &r, "POST", "/v1/orders/check/batch", CO, body), 200);
	assert_string_equal(r.content_type, "application/x-ndjson");
	assert_non_null(strstr(r.body.ptr, "\"order_id\":\"T-1\""));
	assert_non_null(strstr(r.body.ptr, "{\"line\":3,\"error\":"));
	server_resp_dispose(&r);
	fx_free(f);
}

static void lists_and_screen(void **state)
{
	fx *f = fx_new(0, NULL);
	server_resp r;
	char body[1024];
	(void)state;
	snprintf(body, sizeof(body), "{\"path\":\"%s\"}", tg_test_path("fixtures/lists/sample-csl.csv"));
	assert_int_equal(fx_req(f, &r, "POST", "/v1/lists/load", ADM, body), 201);
	assert_non_null(strstr(r.body.ptr, "\"format\":\"csl-csv\""));
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "GET", "/v1/lists/snapshots", CO, NULL), 200);
	assert_non_null(strstr(r.body.ptr, "{\"snapshots\":[{\"id\":1,"));
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "POST", "/v1/screen", CO, "{\"name\":\"Orion Falcon Trading FZE\"}"), 200);
	assert_non_null(strstr(r.body.ptr, "\"entity_id\":\"tg-sample-0001\""));
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "POST", "/v1/screen", CO, "{\"name\":3}"), 422);
	assert_non_null(strstr(r.body.ptr, "\"field\":\"name\""));
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "POST", "/v1/screen/batch", CO, "Orion Falcon Trading FZE\n{\"name\":1}\n"),
			 200);
	assert_non_null(strstr(r.body.ptr, "tg-sample-0001"));
	assert_non_null(strstr(r.body.ptr, "{\"line\":2,"));
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "POST", "/v1/lists/load", ADM, "{\"path\":\"/nonexistent\"}"), 422);
	assert_non_null(strstr(r.body.ptr, "\"field\":\"path\""));
	server_resp_dispose(&r);
	fx_free(f);
}

/* A list load re-screens the recorded parties: the load's response carries the counts, the report
 * route the hits (the same JSON as tollgate lists rescreen-report --json). */
static void lists_rescreen_report(void **state)
{
	fx *f = fx_new(0, NULL);
	server_resp r;
	char body[1024], order[sizeof(ORDER) + 32], *at;
	(void)state;
	assert_int_equal(fx_req(f, &r, "GET", "/v1/lists/rescreen-report", CO, NULL), 404);
	assert_non_null(strstr(r.body.ptr, "\"field\":\"snapshot\""));
	server_resp_dispose(&r);
	at = strstr(ORDER, "Yunfan Lab"); /* a party the sample list will name */
	snprintf(order, sizeof(order), "%.*sOrion Falcon%s", (int)(at - ORDER), ORDER, at + strlen("Yunfan Lab"));
	assert_int_equal(fx_req(f, &r, "POST", "/v1/orders/check", EXP, order), 200);
	server_resp_dispose(&r);
	snprintf(body, sizeof(body), "{\"path\":\"%s\"}", tg_test_path("fixtures/lists/sample-csl.csv"));
	assert_int_equal(fx_req(f, &r, "POST", "/v1/lists/load", ADM, body), 201);
	assert_non_null(strstr(r.body.ptr, ",\"rescreen\":{\"snapshot\":1,\"previous_snapshot\":0,"));
	assert_non_null(strstr(r.body.ptr, "\"parties\":1,\"new_hits\":1,\"cleared_hits\":0}}\n"));
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "GET", "/v1/lists/rescreen-report", CO, NULL), 200);
	assert_non_null(strstr(r.body.ptr, "{\"snapshot\":1,\"previous_snapshot\":0,\"list_name\":\"csl\""));
	assert_non_null(strstr(r.body.ptr, "\"new_hits\":[{\"party\":\"Orion Falcon\",\"party_country\":\"CN\","
					   "\"change\":\"added\",\"entity_id\":\"tg-sample-0001\""));
	assert_non_null(strstr(r.body.ptr, "\"cleared_hits\":[]}\n"));
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "GET", "/v1/lists/rescreen-report?snapshot=1", TG_API_ROLE_AUDITOR, NULL), 200);
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "GET", "/v1/lists/rescreen-report?snapshot=7", CO, NULL), 404);
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "GET", "/v1/lists/rescreen-report?snapshot=-1", CO, NULL), 422);
	assert_non_null(strstr(r.body.ptr, "\"field\":\"snapshot\""));
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "GET", "/v1/lists/rescreen-report", EXP, NULL), 403);
	server_resp_dispose(&r);
	fx_free(f);
}

static void tokens_lifecycle(void **state)
{
	fx *f = fx_new(0, NULL);
	server_resp r;
	server_req rq;
	char auth[200], *tok, *end;
	(void)state;
	assert_int_equal(fx_req(f, &r, "POST", "/v1/tokens", ADM, "{\"role\":\"inspector\",\"name\":\"ins2\"}"), 201);
	tok = strstr(r.body.ptr, "\"token\":\"") + 9;
	end = strchr(tok, '"');
	snprintf(auth, sizeof(auth), "Bearer %.*s", (int)(end - tok), tok);
	server_resp_dispose(&r);
	memset(&rq, 0, sizeof(rq));
	rq.method = "GET", rq.path = "/v1/whoami", rq.authorization = auth;
	server_dispatch(f->s, &rq, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(r.body.ptr, "{\"id\":7,\"name\":\"ins2\",\"role\":\"inspector\"}\n");
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "POST", "/v1/tokens", ADM, "{\"role\":\"inspector\",\"name\":\"ins2\"}"), 409);
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "POST", "/v1/tokens", ADM, "{\"role\":\"king\",\"name\":\"k\"}"), 422);
	assert_non_null(strstr(r.body.ptr, "\"field\":\"role\""));
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "DELETE", "/v1/tokens/7", ADM, NULL), 200);
	server_resp_dispose(&r);
	server_dispatch(f->s, &rq, &r);
	assert_int_equal(r.status, 401);
	server_resp_dispose(&r);
	auth[strlen(auth) - 1] ^= 1; /* a tampered token */
	rq.authorization = auth;
	server_dispatch(f->s, &rq, &r);
	assert_int_equal(r.status, 401);
	server_resp_dispose(&r);
	fx_free(f);
}

/* A token added behind the server's back (another process: tollgate token add) works at once. */
static void token_from_elsewhere(void **state)
{
	fx *f = fx_new(0, NULL);
	tg_err err = TG_ERR_INIT;
	char tok[TG_TOKEN_MAX], auth[128];
	server_req rq;
	server_resp r;
	(void)state;
	assert_int_equal(tg_token_add(tok, NULL, tg_engine_store(f->e), TG_API_ROLE_AUDITOR, "late", &err), TG_OK);
	snprintf(auth, sizeof(auth), "Bearer %s", tok);
	memset(&rq, 0, sizeof(rq));
	rq.method = "GET", rq.path = "/v1/whoami", rq.authorization = auth;
	server_dispatch(f->s, &rq, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.body.ptr, "\"name\":\"late\""));
	server_resp_dispose(&r);
	rq.authorization = "Bearer tg_99_0000000000000000000000000000000000000000000000000000000000000000";
	server_dispatch(f->s, &rq, &r);
	assert_int_equal(r.status, 401);
	server_resp_dispose(&r);
	fx_free(f);
}

static void limits_and_metrics(void **state)
{
	fx *f = fx_new(64, NULL);
	server_resp r;
	(void)state;
	assert_int_equal(fx_req(f, &r, "POST", "/v1/orders/check", EXP, ORDER), 413);
	assert_non_null(strstr(r.body.ptr, "\"field\":\"body\""));
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "GET", "/v1/classify/nvidia-h200-sxm", TG_API_ROLE_AUDITOR, NULL), 200);
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "GET", "/v1/classify/nope", TG_API_ROLE_AUDITOR, NULL), 404);
	assert_non_null(strstr(r.body.ptr, "\"field\":\"item\""));
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "GET", "/metrics", -1, NULL), 200);
	assert_non_null(strstr(r.body.ptr, "tollgate_http_requests_total{route=\"/v1/orders/check\",method=\"POST\","
					   "status=\"413\"} 1\n"));
	assert_non_null(
		strstr(r.body.ptr, "tollgate_http_request_duration_seconds_count{route=\"/v1/classify/{item}\"} 2"));
	assert_non_null(strstr(r.body.ptr, "tollgate_decisions_total{verdict=\"deny\"} 0"));
	server_resp_dispose(&r);
	fx_free(f);
}

static void status_table(void **state)
{
	static const int codes[] = {TG_ENOTFOUND, TG_EEXISTS, TG_EINVALID, TG_ECONFLICT, TG_ELIMIT,
				    TG_ENOMEM,    TG_EIO,     TG_EDB,      TG_EINTERNAL};
	static const int want[] = {404, 409, 422, 409, 413, 500, 500, 500, 500};
	server_resp r;
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		tg_err e = TG_ERR_INIT;
		e.code = codes[i];
		snprintf(e.msg, sizeof(e.msg), "secret sqlite detail");
		assert_int_equal(status_of(&e), want[i]);
		memset(&r, 0, sizeof(r));
		problem_from_err(&r, &e, "/x");
		assert_int_equal(r.status, want[i]);
		if (want[i] == 500)
			assert_null(strstr(r.body.ptr, "secret"));
		else
			assert_non_null(strstr(r.body.ptr, "secret"));
		server_resp_dispose(&r);
	}
}

static void static_files(void **state)
{
	char dir[256], path[300];
	FILE *fp;
	fx *f;
	server_resp r;
	(void)state;
	snprintf(dir, sizeof(dir), "%s", tg_test_tmpdir());
	snprintf(path, sizeof(path), "%s/index.html", dir);
	fp = fopen(path, "w");
	assert_non_null(fp);
	fputs("<!doctype html><title>t</title>", fp);
	fclose(fp);
	f = fx_new(0, dir);
	assert_int_equal(fx_req(f, &r, "GET", "/", -1, NULL), 200);
	assert_string_equal(r.content_type, "text/html; charset=utf-8");
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "GET", "/../index.html", -1, NULL), 404);
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "GET", "/missing.js", -1, NULL), 404);
	server_resp_dispose(&r);
	fx_free(f);
}

#define NTHREADS 16
#define PER_THREAD 20

typedef struct worker {
	fx *f;
	int id, ok;
} worker;

static void *work(void *arg)
{
	worker *w = arg;
	int i;
	for (i = 0; i < PER_THREAD; i++) {
		char body[sizeof(ORDER) + 32];
		server_resp r;
		snprintf(body, sizeof(body), "%.*s%d-%d%s", 9, ORDER, w->id, i, ORDER + 10);
		if (fx_req(w->f, &r, "POST", "/v1/orders/check", EXP, body) == 200)
			w->ok++;
		server_resp_dispose(&r);
	}
	return NULL;
}

/* The value of a counter in a /metrics body, or -1. */
static long metric(const char *body, const char *name)
{
	char key[96];
	const char *p;
	snprintf(key, sizeof(key), "\n%s ", name);
	p = strstr(body, key);
	return p ? strtol(p + strlen(key), NULL, 10) : -1;
}

static void concurrent_group_commit(void **state)
{
	fx *f = fx_new(0, NULL);
	pthread_t th[NTHREADS];
	worker w[NTHREADS];
	server_resp r;
	long syncs, commits;
	int i, total = 0;
	(void)state;
	for (i = 0; i < NTHREADS; i++) {
		w[i].f = f, w[i].id = i, w[i].ok = 0;
		pthread_create(&th[i], NULL, work, &w[i]);
	}
	for (i = 0; i < NTHREADS; i++) {
		pthread_join(th[i], NULL);
		total += w[i].ok;
	}
	assert_int_equal(total, NTHREADS * PER_THREAD);
	assert_int_equal(fx_req(f, &r, "GET", "/metrics", -1, NULL), 200);
	assert_non_null(strstr(r.body.ptr, "tollgate_group_commit_orders_total 320\n"));
	/* every transaction was made durable by the syncer before its requests were answered: at least
	 * one fsync, and never more than one per transaction */
	syncs = metric(r.body.ptr, "tollgate_group_commit_syncs_total");
	commits = metric(r.body.ptr, "tollgate_group_commits_total");
	assert_true(syncs >= 1 && commits >= 1 && syncs <= commits);
	server_resp_dispose(&r);
	fx_free(f);
}

/* An fsync that fails is never acknowledged: the WAL is unlinked under the server (SQLite keeps writing
 * to its open descriptor; the syncer's open of the WAL by name fails), so that check gets a 500, and so
 * does every later recorded check, while the other routes still answer. SQLite only: on PostgreSQL the
 * commit itself is durable and there is no WAL to take away. */
static void failed_fsync_is_not_acknowledged(void **state)
{
	fx *f = fx_new(0, NULL);
	server_resp r;
	char wal[320], order[sizeof(ORDER)];
	(void)state;
	if (strncmp(f->db, "postgres", 8) == 0) {
		fx_free(f);
		skip();
	}
	assert_int_equal(fx_req(f, &r, "POST", "/v1/orders/check", EXP, ORDER), 200);
	server_resp_dispose(&r);
	snprintf(wal, sizeof(wal), "%s-wal", f->db);
	assert_int_equal(unlink(wal), 0);
	memcpy(order, ORDER, sizeof(ORDER));
	order[9] = '2'; /* T-2: a new order, so a new commit */
	assert_int_equal(fx_req(f, &r, "POST", "/v1/orders/check", EXP, order), 500);
	assert_null(strstr(r.body.ptr, wal)); /* no internals in a 500 */
	server_resp_dispose(&r);
	order[9] = '3';
	assert_int_equal(fx_req(f, &r, "POST", "/v1/orders/check", EXP, order), 500);
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "GET", "/healthz", -1, NULL), 200);
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "GET", "/v1/ledger/check", TG_API_ROLE_AUDITOR, NULL), 200);
	server_resp_dispose(&r);
	fx_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(health_and_unknown),
		cmocka_unit_test(check_order),
		cmocka_unit_test(check_bad_input),
		cmocka_unit_test(check_batch_lines),
		cmocka_unit_test(lists_and_screen),
		cmocka_unit_test(tokens_lifecycle),
		cmocka_unit_test(lists_rescreen_report),
		cmocka_unit_test(limits_and_metrics),
		cmocka_unit_test(status_table),
		cmocka_unit_test(static_files),
		cmocka_unit_test(concurrent_group_commit),
		cmocka_unit_test(token_from_elsewhere),
		cmocka_unit_test(failed_fsync_is_not_acknowledged),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
