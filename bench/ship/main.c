/* SPDX-License-Identifier: Apache-2.0 */
/* bench_ship: durable shipments per second (10 serials each, group commit of B shipments per
 * transaction, synchronous=FULL) and the cost of `audit verify` per million entries.
 * Usage: bench_ship [SHIPMENTS=20000] [BATCH=500] [AUDIT_ENTRIES=1000000] [DIR=/tmp] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "audit_chain.h"
#include "store.h"
#include "tg/tg.h"

#define CERT_SERIALS 50000

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_spent; /* CPU seconds of the timed part of ship_all */

static void die(const char *what, const tg_err *err)
{
	fprintf(stderr, "bench_ship: %s: %s\n", what, err->msg);
	exit(1);
}

static void setup(tg_engine *e, long n)
{
	tg_buf b = TG_BUF_INIT, out = TG_BUF_INIT;
	tg_err err = TG_ERR_INIT;
	long i, c;
	tg_buf_printf(
		&b,
		"{\"id\":\"LB\",\"holder\":\"Bench Exporter Inc.\",\"destination\":\"CN\",\"consignees\":"
		"[\"Bench Consignee Ltd\"],\"end_users\":[\"Bench Lab\"],\"items\":[{\"item\":\"nvidia-h200-sxm\","
		"\"quantity\":%ld,\"value\":\"%ld.00\",\"currency\":\"USD\"}],\"valid_from\":\"2026-01-20\","
		"\"valid_to\":\"2030-01-19\",\"covers\":[\"US-EAR\",\"CN-IMPORT\"]}",
		n * 10, n * 10 * 31000);
	if (tg_license_add(&out, e, b.ptr, b.size, &err) < 0)
		die("licence", &err);
	for (c = 0; c * CERT_SERIALS < n * 10; c++) {
		tg_buf_clear(&b);
		tg_buf_printf(&b,
			      "{\"certificate_id\":\"CB%ld\",\"lab\":\"Lab\",\"date\":\"2026-02-10\",\"item\":"
			      "\"nvidia-h200-sxm\",\"result\":\"pass\",\"measured\":{\"dense_tops\":{\"fp8\":1975},"
			      "\"dram_bandwidth_gbps\":4790},\"serials\":[",
			      c);
		for (i = c * CERT_SERIALS; i < (c + 1) * CERT_SERIALS && i < n * 10; i++)
			tg_buf_printf(&b, "%s\"B%08ld\"", i == c * CERT_SERIALS ? "" : ",", i);
		tg_buf_puts(&b, "]}");
		if (tg_inspect_record(&out, e, b.ptr, b.size, &err) < 0)
			die("certificate", &err);
	}
	if (tg_us_volume_record(e, "Bench Exporter Inc.", "nvidia-h200-sxm", n * 100, "2026-01", &err) < 0)
		die("volume", &err);
	tg_buf_clear(&b);
	tg_buf_printf(
		&b,
		"{\"id\":\"OB\",\"date\":\"2026-02-16\",\"exporter\":{\"name\":\"Bench Exporter Inc.\","
		"\"country\":\"US\"},\"ship_from\":\"US\",\"destination\":\"CN\",\"parties\":[{\"role\":"
		"\"ultimate_consignee\",\"name\":\"Bench Consignee Ltd\",\"country\":\"CN\"},{\"role\":\"end_user\","
		"\"name\":\"Bench Lab\",\"country\":\"CN\"}],\"end_use\":\"datacenter\",\"lines\":[{\"item\":"
		"\"nvidia-h200-sxm\",\"quantity\":%ld,\"unit_value\":\"31000.00\",\"currency\":\"USD\"}]}",
		n * 10);
	{
		tg_check_result r;
		const char *t = b.ptr;
		size_t l = b.size;
		if (tg_engine_check_many(&r, 1, e, &t, &l, NULL, &err) < 0 || r.code < 0 ||
		    r.verdict != TG_VERDICT_ALLOW)
			die("check (order not allowed?)", r.code < 0 ? &r.err : &err);
		tg_check_result_dispose(&r);
	}
	tg_buf_dispose(&b);
	tg_buf_dispose(&out);
}

static double ship_all(tg_engine *e, long n, long batch)
{
	char **texts = calloc((size_t)batch, sizeof(char *));
	size_t *lens = calloc((size_t)batch, sizeof(size_t));
	tg_ship_result *res = calloc((size_t)batch, sizeof(*res));
	tg_err err = TG_ERR_INIT;
	double t0, c0, t = 0;
	long s, k, i;
	for (k = 0; k < batch; k++)
		texts[k] = malloc(512);
	for (s = 0; s < n; s += batch) {
		long m = n - s < batch ? n - s : batch;
		for (k = 0; k < m; k++) {
			int off = snprintf(
				texts[k], 512,
				"{\"shipment_id\":\"SB%ld\",\"order_id\":\"OB\",\"license_id\":\"LB\","
				"\"date\":\"2026-02-20\",\"lines\":[{\"item\":\"nvidia-h200-sxm\",\"serials\":[",
				s + k);
			for (i = 0; i < 10; i++)
				off += snprintf(texts[k] + off, 512 - (size_t)off, "%s\"B%08ld\"", i ? "," : "",
						(s + k) * 10 + i);
			off += snprintf(texts[k] + off, 512 - (size_t)off, "]}]}");
			lens[k] = (size_t)off;
		}
		t0 = now();
		c0 = cpu();
		if (tg_ship_many(res, (size_t)m, e, (const char *const *)texts, lens, &err) < 0)
			die("ship", &err);
		t += now() - t0;
		cpu_spent += cpu() - c0;
		for (k = 0; k < m; k++) {
			if (res[k].code != TG_OK)
				die("shipment refused", &res[k].err);
			tg_buf_dispose(&res[k].out);
		}
	}
	for (k = 0; k < batch; k++)
		free(texts[k]);
	free(texts);
	free(lens);
	free(res);
	return t;
}

static void fill_audit(tg_engine *e, long n)
{
	tg_store *st = tg_engine_store(e);
	tg_err err = TG_ERR_INIT;
	char data[160];
	long i;
	tg__store_begin(st, &err);
	for (i = 0; i < n; i++) {
		snprintf(data, sizeof(data),
			 "{\"n\":%ld,\"order_hash\":\"0f7bfab9efe97ea9659c2519cb4450dcf1b6638d3120e1\","
			 "\"verdict\":\"allow\"}",
			 i);
		if (tg__audit_append(st, "bench", "decision", "OB", data, &err) < 0)
			die("audit append", &err);
		if (i % 100000 == 99999 && (tg__store_commit(st, &err) < 0 || tg__store_begin(st, &err) < 0))
			die("commit", &err);
	}
	if (tg__store_commit(st, &err) < 0)
		die("commit", &err);
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : 20000, batch = argc > 2 ? strtol(argv[2], NULL, 10) : 500;
	long na = argc > 3 ? strtol(argv[3], NULL, 10) : 1000000;
	const char *dir = argc > 4 ? argv[4] : "/tmp";
	char path[512];
	tg_engine_opts o = TG_ENGINE_OPTS_INIT;
	tg_engine *e;
	tg_err err = TG_ERR_INIT;
	tg_audit_report r;
	double t;
	snprintf(path, sizeof(path), "%s/bench_ship_%ld.db", dir, (long)getpid());
	o.db_path = path;
	o.data_dir = TG_SOURCE_DIR;
	if (tg_engine_open(&e, &o, &err) < 0)
		die("open", &err);
	tg_engine_set_actor(e, "bench");
	setup(e, n);
	t = ship_all(e, n, batch);
	printf("ship: %ld durable shipments (10 serials each, %ld per transaction, synchronous=FULL) in %.3f s: "
	       "%.0f shipments/s, %.0f serials/s; CPU %.3f s = %.0f shipments per CPU-second\n",
	       n, batch, t, (double)n / t, (double)n * 10 / t, cpu_spent, (double)n / cpu_spent);
	fill_audit(e, na);
	t = now();
	cpu_spent = cpu();
	if (tg_audit_verify(&r, e, &err) < 0)
		die("verify", &err);
	t = now() - t;
	cpu_spent = cpu() - cpu_spent;
	printf("audit verify: %lld entries in %.3f s: %.0f entries/s (%.3f s per million; CPU %.3f s = %.0f entries per "
	       "CPU-second)\n",
	       (long long)r.entries, t, (double)r.entries / t, t * 1e6 / (double)r.entries, cpu_spent,
	       (double)r.entries / cpu_spent);
	tg_engine_free(e);
	unlink(path);
	snprintf(path + strlen(path), sizeof(path) - strlen(path), "-wal");
	unlink(path);
	path[strlen(path) - 4] = '\0';
	snprintf(path + strlen(path), sizeof(path) - strlen(path), "-shm");
	unlink(path);
	return 0;
}
