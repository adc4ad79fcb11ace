/* SPDX-License-Identifier: Apache-2.0 */
/* bench_scale: durable decisions/s (check, recorded, one order per transaction) and shipments/s (one
 * shipment of 10 serials per transaction) with 1 and 2 instances (processes) on one database, for
 * each database given: SQLite file paths and/or postgresql:// URLs, printed side by side.
 * Usage: bench_scale [N=400] DB...   (bench/scale/run.sh starts a throwaway PostgreSQL for it) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "tg/tg.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what, const tg_err *err)
{
	fprintf(stderr, "bench_scale: %s: %s\n", what, err->msg);
	exit(1);
}

static tg_engine *open_engine(const char *db)
{
	tg_engine_opts o = TG_ENGINE_OPTS_INIT;
	tg_engine *e;
	tg_err err = TG_ERR_INIT;
	o.db_path = db;
	o.data_dir = TG_SOURCE_DIR;
	if (tg_engine_open(&e, &o, &err) < 0)
		die("open", &err);
	tg_engine_set_actor(e, "bench");
	return e;
}

static void order_json(char *buf, size_t cap, const char *id, long qty)
{
	snprintf(buf, cap,
		 "{\"id\":\"%s\",\"date\":\"2026-02-16\",\"exporter\":{\"name\":\"Bench Exporter Inc.\","
		 "\"country\":\"US\"},\"ship_from\":\"US\",\"destination\":\"CN\",\"parties\":[{\"role\":"
		 "\"ultimate_consignee\",\"name\":\"Bench Consignee Ltd\",\"country\":\"CN\"},{\"role\":\"end_user\","
		 "\"name\":\"Bench Lab\",\"country\":\"CN\"}],\"end_use\":\"datacenter\",\"lines\":[{\"item\":"
		 "\"nvidia-h200-sxm\",\"quantity\":%ld,\"unit_value\":\"31000.00\",\"currency\":\"USD\"}]}",
		 id, qty);
}

static void check_one(tg_engine *e, const char *json)
{
	tg_check_result r;
	tg_err err = TG_ERR_INIT;
	size_t l = strlen(json);
	if (tg_engine_check_many(&r, 1, e, &json, &l, NULL, &err) < 0 || r.code < 0)
		die("check", r.code < 0 ? &r.err : &err);
	tg_check_result_dispose(&r);
}

/* Licence, certificate, US volume and the allowed order of run r, for n shipments of 10 serials. */
static void setup(const char *db, int r, long n)
{
	tg_engine *e = open_engine(db);
	tg_buf b = TG_BUF_INIT, out = TG_BUF_INIT;
	tg_err err = TG_ERR_INIT;
	char *o = malloc(2048), id[64];
	long i;
	tg_buf_printf(
		&b,
		"{\"id\":\"LB%d\",\"holder\":\"Bench Exporter Inc.\",\"destination\":\"CN\",\"consignees\":"
		"[\"Bench Consignee Ltd\"],\"end_users\":[\"Bench Lab\"],\"items\":[{\"item\":\"nvidia-h200-sxm\","
		"\"quantity\":%ld,\"value\":\"%ld.00\",\"currency\":\"USD\"}],\"valid_from\":\"2026-01-20\","
		"\"valid_to\":\"2030-01-19\",\"covers\":[\"US-EAR\",\"CN-IMPORT\"]}",
		r, n * 10, n * 10 * 31000);
	if (tg_license_add(&out, e, b.ptr, b.size, &err) < 0)
		die("licence", &err);
	tg_buf_clear(&b);
	tg_buf_printf(
		&b,
		"{\"certificate_id\":\"CB%d\",\"lab\":\"Lab\",\"date\":\"2026-02-10\",\"item\":\"nvidia-h200-sxm\","
		"\"result\":\"pass\",\"measured\":{\"dense_tops\":{\"fp8\":1975},\"dram_bandwidth_gbps\":4790},"
		"\"serials\":[",
		r);
	for (i = 0; i < n * 10; i++)
		tg_buf_printf(&b, "%s\"B%d-%07ld\"", i ? "," : "", r, i);
	tg_buf_puts(&b, "]}");
	if (tg_inspect_record(&out, e, b.ptr, b.size, &err) < 0)
		die("certificate", &err);
	if (tg_us_volume_record(e, "Bench Exporter Inc.", "nvidia-h200-sxm", n * 100, "2026-01", &err) < 0)
		die("volume", &err);
	snprintf(id, sizeof(id), "OB%d", r);
	order_json(o, 2048, id, n * 10);
	check_one(e, o);
	free(o);
	tg_buf_dispose(&b);
	tg_buf_dispose(&out);
	tg_engine_free(e);
}

/* Instance k of m: its share of n decisions (what = 0) or shipments (what = 1); returns seconds. */
static double work(tg_engine *e, int what, int r, int k, int m, long n)
{
	char *j = malloc(2048), id[64];
	tg_ship_result res;
	tg_err err = TG_ERR_INIT;
	double t0 = now();
	long s, i;
	int off;
	for (s = k; s < n; s += m) {
		if (what == 0) {
			snprintf(id, sizeof(id), "D%d-%ld", r, s);
			order_json(j, 2048, id, 1);
			check_one(e, j);
			continue;
		}
		off = snprintf(j, 2048,
			       "{\"shipment_id\":\"SB%d-%ld\",\"order_id\":\"OB%d\",\"license_id\":\"LB%d\","
			       "\"date\":\"2026-02-20\",\"lines\":[{\"item\":\"nvidia-h200-sxm\",\"serials\":[",
			       r, s, r, r);
		for (i = 0; i < 10; i++)
			off += snprintf(j + off, 2048 - (size_t)off, "%s\"B%d-%07ld\"", i ? "," : "", r, s * 10 + i);
		off += snprintf(j + off, 2048 - (size_t)off, "]}]}");
		{
			const char *t = j;
			size_t l = (size_t)off;
			if (tg_ship_many(&res, 1, e, &t, &l, &err) < 0 || res.code != TG_OK)
				die("ship", res.code != TG_OK ? &res.err : &err);
			tg_buf_dispose(&res.out);
		}
	}
	free(j);
	return now() - t0;
}

/* Run m instances (processes) at once; return items per second over the slowest instance. */
static double run(const char *db, int what, int r, int m, long n)
{
	int fds[2], k, st;
	double worst = 0, t;
	if (pipe(fds) != 0)
		return 0;
	for (k = 0; k < m; k++) {
		if (fork() == 0) {
			tg_engine *e = open_engine(db);
			t = work(e, what, r, k, m, n);
			tg_engine_free(e);
			if (write(fds[1], &t, sizeof(t)) != (ssize_t)sizeof(t))
				_exit(1);
			_exit(0);
		}
	}
	close(fds[1]);
	while (read(fds[0], &t, sizeof(t)) == (ssize_t)sizeof(t))
		worst = t > worst ? t : worst;
	close(fds[0]);
	for (k = 0; k < m; k++)
		if (wait(&st) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
			return 0;
	return worst > 0 ? (double)n / worst : 0;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : 400;
	int a, m, r = 0;
	if (argc < 3) {
		fprintf(stderr, "usage: bench_scale N DB...   (SQLite paths, postgresql:// URLs)\n");
		return 2;
	}
	printf("%-12s %-9s %14s %14s   (%ld items, one per durable transaction)\n", "backend", "instances",
	       "decisions/s", "shipments/s", n);
	for (a = 2; a < argc; a++)
		for (m = 1; m <= 2; m++) {
			double d, s;
			r++;
			setup(argv[a], r, n);
			d = run(argv[a], 0, r, m, n);
			s = run(argv[a], 1, r, m, n);
			printf("%-12s %-9d %14.0f %14.0f\n",
			       strncmp(argv[a], "postgres", 8) == 0 ? "postgresql" : "sqlite", m, d, s);
			fflush(stdout);
		}
	return 0;
}
