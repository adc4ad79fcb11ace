/* SPDX-License-Identifier: Apache-2.0 */
/* server_dispatch_async: a recorded check is queued, not decided in the caller's thread; its wake
 * callback runs once after the commit, and server_dispatch_finish gives the same response as the
 * synchronous path. A request whose client went away is released without a leak. */
#include <pthread.h>
#include "fixture.h"

#define CO TG_API_ROLE_COMPLIANCE_OFFICER
#define EXP TG_API_ROLE_EXPORTER

static const char ORDER[] =
	"{\"id\":\"A-1\",\"date\":\"2026-02-16\",\"exporter\":{\"name\":\"Acme\",\"country\":\"US\"},"
	"\"ship_from\":\"US\",\"destination\":\"CN\",\"parties\":[{\"role\":\"end_user\",\"name\":\"Yunfan Lab\","
	"\"country\":\"CN\",\"sector\":\"private\"}],\"end_use\":\"datacenter\",\"lines\":[{\"item\":"
	"\"nvidia-h200-sxm\",\"quantity\":100,\"unit_value\":\"31000.00\",\"currency\":\"USD\"}]}";

/* What the listener does on a wake: count it and let the waiting test go on. */
typedef struct waiter {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int wakes;
} waiter;

static void on_wake(void *payload)
{
	waiter *w = payload;
	pthread_mutex_lock(&w->mu);
	w->wakes++;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
}

static void wait_wake(waiter *w)
{
	pthread_mutex_lock(&w->mu);
	while (w->wakes == 0)
		pthread_cond_wait(&w->cv, &w->mu);
	pthread_mutex_unlock(&w->mu);
}

static const char *header(const server_resp *r, const char *name)
{
	size_t i;
	for (i = 0; i < r->nheaders; i++)
		if (strcmp(r->headers[i].name, name) == 0)
			return r->headers[i].value;
	return NULL;
}

/* Dispatch asynchronously; return what server_dispatch_async returned. */
static int async_req(fx *f, waiter *w, server_req *rq, server_resp *r, const char *path, const char *query, int role,
		     const char *body)
{
	memset(rq, 0, sizeof(*rq));
	rq->method = "POST", rq->path = path, rq->query = query;
	rq->authorization = f->auth[role];
	rq->body = body, rq->body_len = strlen(body);
	return server_dispatch_async(f->s, rq, r, on_wake, w);
}

static void deferred_check_matches_sync(void **state)
{
	fx *f = fx_new(0, NULL);
	waiter w = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0};
	server_req rq;
	server_resp r, again;
	(void)state;
	assert_int_equal(async_req(f, &w, &rq, &r, "/v1/orders/check", NULL, EXP, ORDER), 1);
	assert_non_null(r.pending);
	wait_wake(&w);
	server_dispatch_finish(f->s, &r);
	assert_null(r.pending);
	assert_int_equal(w.wakes, 1);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.body.ptr, "\"order_id\":\"A-1\""));
	/* committed: the synchronous path now replays the same decision */
	assert_int_equal(fx_req(f, &again, "POST", "/v1/orders/check", EXP, ORDER), 200);
	assert_string_equal(again.body.ptr, r.body.ptr);
	assert_null(header(&r, "Tollgate-Replayed"));
	assert_string_equal(header(&again, "Tollgate-Replayed"), "true");
	assert_string_equal(header(&r, "X-Content-Type-Options"), "nosniff");
	server_resp_dispose(&again);
	server_resp_dispose(&r);
	fx_free(f);
}

static void deferred_errors_and_batches(void **state)
{
	fx *f = fx_new(0, NULL);
	waiter w = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0};
	server_req rq;
	server_resp r;
	char body[4096];
	(void)state;
	/* an invalid order is a 422 naming the field, after the (empty) commit */
	assert_int_equal(async_req(f, &w, &rq, &r, "/v1/orders/check", NULL, EXP, "{\"id\":\"A-2\"}"), 1);
	wait_wake(&w);
	server_dispatch_finish(f->s, &r);
	assert_int_equal(r.status, 422);
	assert_string_equal(r.content_type, "application/problem+json");
	assert_non_null(strstr(r.body.ptr, "\"field\":"));
	server_resp_dispose(&r);
	/* a batch: one decision per line, an error object for the bad line */
	w.wakes = 0;
	snprintf(body, sizeof(body), "%s\n\nnot json\n", ORDER);
	assert_int_equal(async_req(f, &w, &rq, &r, "/v1/orders/check/batch", NULL, CO, body), 1);
	wait_wake(&w);
	server_dispatch_finish(f->s, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(r.content_type, "application/x-ndjson");
	assert_non_null(strstr(r.body.ptr, "\"order_id\":\"A-1\""));
	assert_non_null(strstr(r.body.ptr, "{\"line\":3,\"error\":"));
	server_resp_dispose(&r);
	/* nothing to commit: answered at once, no wake */
	w.wakes = 0;
	assert_int_equal(async_req(f, &w, &rq, &r, "/v1/orders/check", "record=false", EXP, ORDER), 0);
	assert_int_equal(r.status, 200);
	assert_null(r.pending);
	server_resp_dispose(&r);
	assert_int_equal(async_req(f, &w, &rq, &r, "/v1/screen", NULL, CO, "{\"name\":\"Acme\"}"), 0);
	server_resp_dispose(&r);
	assert_int_equal(w.wakes, 0);
	fx_free(f);
}

/* The client went away while its request waited: the listener disposes without finishing. The
 * decision is still committed (a later check replays it); the sanitizer build checks for leaks. */
static void deferred_released_unfinished(void **state)
{
	fx *f = fx_new(0, NULL);
	waiter w = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0};
	server_req rq;
	server_resp r;
	(void)state;
	assert_int_equal(async_req(f, &w, &rq, &r, "/v1/orders/check", NULL, EXP, ORDER), 1);
	wait_wake(&w);
	server_resp_dispose(&r);
	assert_int_equal(fx_req(f, &r, "POST", "/v1/orders/check", EXP, ORDER), 200);
	assert_string_equal(header(&r, "Tollgate-Replayed"), "true");
	server_resp_dispose(&r);
	fx_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(deferred_check_matches_sync),
		cmocka_unit_test(deferred_errors_and_batches),
		cmocka_unit_test(deferred_released_unfinished),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
