/* SPDX-License-Identifier: Apache-2.0 */
/* bench_check: decisions per second over a generated JSON Lines stream of orders, screened against the
 * full CSL, without and with recording (group commit per batch of 1,000), and the peak RSS.
 * Usage: bench_check [N orders, default 1000000] [path to consolidated.csv]
 * Targets (issue 2): >= 200,000 decisions/s per core without recording, >= 50,000/s with, RSS < 200 MB. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include "tg/tg.h"
#include "tg/lists.h"

#define BATCH 1000
#define CUSTOMERS 20000 /* distinct end users in the stream: a vendor's customer base, not one per order */

static const char *items[] = {"nvidia-h200-sxm", "nvidia-h100-sxm", "nvidia-b200",  "nvidia-h20",
			      "amd-mi325x",      "nvidia-rtx-4090", "intel-gaudi3", "nvidia-hgx-h200"};
static const char *dests[] = {"CN", "DE", "SA", "MY", "HK", "IL", "JP", "AE"};
static const char *dates[] = {"2025-06-02", "2025-09-20", "2026-01-14", "2026-02-16", "2026-06-15"};
static const char *names[] = {"140 Repair Plant JSC",   "Hangzhou Yunfan Compute Co., Ltd.",
			      "Frankfurt Compute GmbH", "Riyadh Data Centre Co.",
			      "Johor Cloud Sdn. Bhd.",  "Orion Falcon Trading FZE"};

static double clock_s(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void)
{
	return clock_s(CLOCK_MONOTONIC);
}

/* CPU time of the whole process (the checking thread plus the store's background WAL checkpointer):
 * on a shared machine, decisions per CPU-second is the per-core figure. */
static double cpu_now(void)
{
	return clock_s(CLOCK_PROCESS_CPUTIME_ID);
}

static int gen(char *buf, size_t cap, long i, const char *tag)
{
	unsigned r = (unsigned)i * 2654435761u;
	return snprintf(
		buf, cap,
		"{\"id\":\"%s-%ld\",\"date\":\"%s\",\"exporter\":{\"name\":\"Acme Accelerators Inc.\",\"country\":\"US\"},"
		"\"ship_from\":\"US\",\"destination\":\"%s\",\"parties\":[{\"role\":\"purchaser\",\"name\":\"%s\","
		"\"country\":\"%s\",\"sector\":\"private\"},{\"role\":\"end_user\",\"name\":\"Customer %ld Ltd.\","
		"\"country\":\"%s\"}],\"end_use\":\"datacenter\",\"lines\":[{\"item\":\"%s\",\"quantity\":%u,"
		"\"unit_value\":\"31000.00\",\"currency\":\"USD\"}]}",
		tag, i, dates[r % 5], dests[(r >> 3) % 8], names[(r >> 6) % 6], dests[(r >> 3) % 8], i % CUSTOMERS,
		dests[(r >> 3) % 8], items[(r >> 9) % 8], 1 + (r >> 12) % 500);
}

static int run(tg_engine *e, long n, int record, const char *tag, double *secs, double *cpu, long *verdicts)
{
	static char texts[BATCH][1024];
	static const char *ptrs[BATCH];
	static size_t lens[BATCH];
	static tg_check_result res[BATCH];
	tg_check_opts opts = TG_CHECK_OPTS_INIT;
	long i = 0;
	*secs = *cpu = 0;
	opts.record = record;
	while (i < n) {
		size_t k, m = 0;
		double t0, c0;
		tg_err err = TG_ERR_INIT;
		for (; m < BATCH && i < n; m++, i++) {
			lens[m] = (size_t)gen(texts[m], sizeof(texts[m]), i, tag);
			ptrs[m] = texts[m];
		}
		t0 = now();
		c0 = cpu_now();
		if (tg_engine_check_many(res, m, e, ptrs, lens, &opts, &err) < 0) {
			fprintf(stderr, "bench_check: %s\n", err.msg);
			return -1;
		}
		*secs += now() - t0;
		*cpu += cpu_now() - c0;
		for (k = 0; k < m; k++) {
			if (res[k].code != TG_OK) {
				fprintf(stderr, "bench_check: order failed: %s\n", res[k].err.msg);
				return -1;
			}
			verdicts[res[k].verdict]++;
			tg_check_result_dispose(&res[k]);
		}
	}
	return 0;
}

/* The temporary store holds a row per recorded order (gigabytes for a million): remove it. */
static void remove_db(const char *dir, const char *db)
{
	char p[300];
	snprintf(p, sizeof(p), "%s-wal", db);
	remove(p);
	snprintf(p, sizeof(p), "%s-shm", db);
	remove(p);
	remove(db);
	rmdir(dir);
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? strtol(argv[1], NULL, 10) : 1000000;
	const char *csl = argc > 2 ? argv[2] : TG_SOURCE_DIR "/../shared/data/lists/csl-2022-04/consolidated.csv";
	char dir[] = "/tmp/tgbench.XXXXXX", db[256];
	tg_engine_opts eo = TG_ENGINE_OPTS_INIT;
	tg_list_load_opts lo = TG_LIST_LOAD_OPTS_INIT;
	tg_list_snapshot snap;
	tg_engine *e = NULL;
	tg_err err = TG_ERR_INIT;
	struct rusage ru;
	double s0, s1, c0 = 0, c1 = 0;
	long v0[4] = {0}, v1[4] = {0};

	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(db, sizeof(db), "%s/bench.db", dir);
	eo.data_dir = TG_SOURCE_DIR;
	eo.db_path = db;
	if (tg_engine_open(&e, &eo, &err) < 0 || tg_lists_load(&snap, tg_engine_store(e), csl, &lo, &err) < 0 ||
	    tg_engine_reload_screener(e, &err) < 0) {
		fprintf(stderr, "bench_check: %s (%s)\n", err.msg, csl);
		return 1;
	}
	printf("bench_check: %ld orders, list %s (%lld entries), 1 thread, batches of %d, %d distinct end users + 6 "
	       "purchasers (screening results memoised per distinct name)\n",
	       n, snap.name, (long long)snap.entries, BATCH, CUSTOMERS);
	s0 = s1 = 0;
	if ((getenv("BENCH_ONLY") == NULL || strcmp(getenv("BENCH_ONLY"), "norecord") == 0) &&
	    run(e, n, 0, "nr", &s0, &c0, v0) < 0)
		return 1;
	if ((getenv("BENCH_ONLY") == NULL || strcmp(getenv("BENCH_ONLY"), "record") == 0) &&
	    run(e, n, 1, "rec", &s1, &c1, v1) < 0)
		return 1;
	getrusage(RUSAGE_SELF, &ru);
	printf("  without recording: %10.0f decisions/s  (%.2f s, %.0f per CPU-second; allow %ld, license_required %ld, "
	       "review %ld, deny %ld)\n",
	       (double)n / s0, s0, (double)n / c0, v0[0], v0[1], v0[2], v0[3]);
	printf("  with recording:    %10.0f decisions/s  (%.2f s, %.0f per CPU-second; durable, one fsync'd commit per %d)\n",
	       (double)n / s1, s1, (double)n / c1, BATCH);
	printf("  peak RSS:          %10.1f MB\n", (double)ru.ru_maxrss / 1024.0);
	printf("  targets: >= 200000/s without recording, >= 50000/s with, RSS < 200 MB\n");
	tg_engine_free(e);
	remove_db(dir, db);
	return 0;
}
