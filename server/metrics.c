/* SPDX-License-Identifier: Apache-2.0 */
/* Prometheus metrics: requests by route and status, latency histograms by route, decisions by
 * verdict, screening hits by level, group commits. One mutex: increments are a few ns each. */
#include "server_int.h"

#include <stdlib.h>
#include <string.h>

static const int statuses[STATUS_SLOTS] = {200, 201, 204, 400, 401, 403, 404, 405, 409, 413, 422, 500, 501, 503, 0, 0};
static const double bounds[LAT_BUCKETS] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};

static size_t nslots(void)
{
	return server_nroutes + 2; /* routes, static, unmatched */
}

static const char *slot_name(size_t i)
{
	if (i < server_nroutes)
		return server_routes[i].pattern;
	return i == server_nroutes ? "static" : "unmatched";
}

static const char *slot_method(size_t i)
{
	return i < server_nroutes ? server_routes[i].method : "any";
}

int metrics_init(metrics *m)
{
	memset(m, 0, sizeof(*m));
	pthread_mutex_init(&m->mu, NULL);
	m->req = calloc(nslots() * STATUS_SLOTS, sizeof(*m->req));
	m->lat = calloc(nslots() * (LAT_BUCKETS + 1), sizeof(*m->lat));
	m->lat_sum = calloc(nslots(), sizeof(*m->lat_sum));
	return m->req && m->lat && m->lat_sum ? TG_OK : TG_ENOMEM;
}

void metrics_dispose(metrics *m)
{
	free(m->req);
	free(m->lat);
	free(m->lat_sum);
	pthread_mutex_destroy(&m->mu);
}

void metrics_request(metrics *m, size_t slot, int status, double seconds)
{
	size_t si, b;
	for (si = 0; si < STATUS_SLOTS - 2 && statuses[si] != status; si++)
		;
	for (b = 0; b < LAT_BUCKETS && seconds > bounds[b]; b++)
		;
	pthread_mutex_lock(&m->mu);
	m->req[slot * STATUS_SLOTS + si]++; /* unknown statuses land in slot 14 as "other" */
	m->lat[slot * (LAT_BUCKETS + 1) + b]++;
	m->lat_sum[slot] += seconds;
	pthread_mutex_unlock(&m->mu);
}

void metrics_verdict(metrics *m, int verdict)
{
	if (verdict < 0 || verdict > 3)
		return;
	pthread_mutex_lock(&m->mu);
	m->verdicts[verdict]++;
	pthread_mutex_unlock(&m->mu);
}

void metrics_hits(metrics *m, int level, unsigned long n)
{
	if (level < 1 || level > 2)
		return;
	pthread_mutex_lock(&m->mu);
	m->hits[level] += n;
	pthread_mutex_unlock(&m->mu);
}

void metrics_batch(metrics *m, size_t orders, double seconds)
{
	pthread_mutex_lock(&m->mu);
	m->batches++;
	m->batch_orders += orders;
	m->batch_seconds += seconds;
	pthread_mutex_unlock(&m->mu);
}

void metrics_sync(metrics *m, double seconds)
{
	pthread_mutex_lock(&m->mu);
	m->syncs++;
	m->sync_seconds += seconds;
	pthread_mutex_unlock(&m->mu);
}

/* Timing belongs with the figures it feeds: the committer and dispatch both take it from here, so
 * commit.c no longer reaches back into dispatch.c (which starts the committer). */
double srv_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

void metrics_accruals(metrics *m, unsigned long n)
{
	pthread_mutex_lock(&m->mu);
	m->accruals += n;
	pthread_mutex_unlock(&m->mu);
}

static void render_requests(tg_buf *o, const metrics *m)
{
	size_t i, j;
	tg_buf_puts(o, "# HELP tollgate_http_requests_total HTTP requests by route, method and status.\n"
		       "# TYPE tollgate_http_requests_total counter\n");
	for (i = 0; i < nslots(); i++)
		for (j = 0; j < STATUS_SLOTS; j++)
			if (m->req[i * STATUS_SLOTS + j]) {
				tg_buf_printf(o, "tollgate_http_requests_total{route=\"%s\",method=\"%s\",status=\"",
					      slot_name(i), slot_method(i));
				if (statuses[j])
					tg_buf_printf(o, "%d", statuses[j]);
				else
					tg_buf_puts(o, "other");
				tg_buf_printf(o, "\"} %lu\n", m->req[i * STATUS_SLOTS + j]);
			}
}

static void render_latency(tg_buf *o, const metrics *m)
{
	size_t i, b;
	tg_buf_puts(o, "# HELP tollgate_http_request_duration_seconds Time to handle a request, by route.\n"
		       "# TYPE tollgate_http_request_duration_seconds histogram\n");
	for (i = 0; i < nslots(); i++) {
		const unsigned long *h = &m->lat[i * (LAT_BUCKETS + 1)];
		unsigned long cum = 0;
		for (b = 0; b <= LAT_BUCKETS; b++)
			cum += h[b];
		if (cum == 0)
			continue;
		cum = 0;
		for (b = 0; b <= LAT_BUCKETS; b++) {
			cum += h[b];
			if (b < LAT_BUCKETS)
				tg_buf_printf(
					o,
					"tollgate_http_request_duration_seconds_bucket{route=\"%s\",le=\"%g\"} %lu\n",
					slot_name(i), bounds[b], cum);
			else
				tg_buf_printf(
					o,
					"tollgate_http_request_duration_seconds_bucket{route=\"%s\",le=\"+Inf\"} %lu\n",
					slot_name(i), cum);
		}
		tg_buf_printf(o, "tollgate_http_request_duration_seconds_sum{route=\"%s\"} %.6f\n", slot_name(i),
			      m->lat_sum[i]);
		tg_buf_printf(o, "tollgate_http_request_duration_seconds_count{route=\"%s\"} %lu\n", slot_name(i), cum);
	}
}

static void render_domain(tg_buf *o, const metrics *m)
{
	int v;
	tg_buf_puts(o, "# HELP tollgate_decisions_total Decisions returned, by verdict.\n"
		       "# TYPE tollgate_decisions_total counter\n");
	for (v = 0; v < 4; v++)
		tg_buf_printf(o, "tollgate_decisions_total{verdict=\"%s\"} %lu\n", tg_verdict_name((tg_verdict)v),
			      m->verdicts[v]);
	tg_buf_printf(o,
		      "# HELP tollgate_screening_hits_total Screening hits returned, by level.\n"
		      "# TYPE tollgate_screening_hits_total counter\n"
		      "tollgate_screening_hits_total{level=\"review\"} %lu\n"
		      "tollgate_screening_hits_total{level=\"block\"} %lu\n",
		      m->hits[1], m->hits[2]);
	tg_buf_printf(
		o,
		"# HELP tollgate_ledger_accruals_total Ledger accruals recorded by shipments released through this service.\n"
		"# TYPE tollgate_ledger_accruals_total counter\n"
		"tollgate_ledger_accruals_total %lu\n",
		m->accruals);
	tg_buf_printf(
		o,
		"# HELP tollgate_group_commits_total Transactions committed by the group committer.\n"
		"# TYPE tollgate_group_commits_total counter\ntollgate_group_commits_total %lu\n"
		"# HELP tollgate_group_commit_orders_total Orders recorded through group commits.\n"
		"# TYPE tollgate_group_commit_orders_total counter\ntollgate_group_commit_orders_total %lu\n"
		"# HELP tollgate_group_commit_seconds_total Time the group committer spent deciding, recording"
		" and committing.\n"
		"# TYPE tollgate_group_commit_seconds_total counter\ntollgate_group_commit_seconds_total %.6f\n"
		"# HELP tollgate_group_commit_syncs_total Fsyncs that made group commits durable (one may cover"
		" several).\n"
		"# TYPE tollgate_group_commit_syncs_total counter\ntollgate_group_commit_syncs_total %lu\n"
		"# HELP tollgate_group_commit_sync_seconds_total Time spent in those fsyncs.\n"
		"# TYPE tollgate_group_commit_sync_seconds_total counter\ntollgate_group_commit_sync_seconds_total %.6f\n",
		m->batches, m->batch_orders, m->batch_seconds, m->syncs, m->sync_seconds);
}

int metrics_render(tg_buf *out, metrics *m)
{
	metrics snap;
	size_t nreq = nslots() * STATUS_SLOTS, nlat = nslots() * (LAT_BUCKETS + 1);
	int rc = TG_OK;
	memset(&snap, 0, sizeof(snap));
	snap.req = malloc(nreq * sizeof(*snap.req));
	snap.lat = malloc(nlat * sizeof(*snap.lat));
	snap.lat_sum = malloc(nslots() * sizeof(*snap.lat_sum));
	if (snap.req && snap.lat && snap.lat_sum) {
		pthread_mutex_lock(&m->mu);
		memcpy(snap.req, m->req, nreq * sizeof(*snap.req));
		memcpy(snap.lat, m->lat, nlat * sizeof(*snap.lat));
		memcpy(snap.lat_sum, m->lat_sum, nslots() * sizeof(*snap.lat_sum));
		memcpy(snap.verdicts, m->verdicts, sizeof(snap.verdicts));
		memcpy(snap.hits, m->hits, sizeof(snap.hits));
		snap.batches = m->batches, snap.batch_orders = m->batch_orders, snap.batch_seconds = m->batch_seconds;
		snap.syncs = m->syncs, snap.sync_seconds = m->sync_seconds, snap.accruals = m->accruals;
		pthread_mutex_unlock(&m->mu);
		render_requests(out, &snap);
		render_latency(out, &snap);
		render_domain(out, &snap);
	} else {
		rc = TG_ENOMEM;
	}
	free(snap.req);
	free(snap.lat);
	free(snap.lat_sum);
	return rc;
}
