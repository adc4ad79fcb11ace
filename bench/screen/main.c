/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Screening benchmark (prints figures; not a test). Loads the real lists from ../shared/data into a
 * scratch database, then measures: index build time and memory; single-thread queries/s and p50/p99
 * latency over negatives_global; recall@10 on the UN positives (treated names; the expected entry
 * is the one whose name or alias equals the untreated name after normalisation); the share of
 * negatives with any hit at the review threshold; precision/recall/F1 on the name-pair set.
 * Also: PostgreSQL pg_trgm on the same names and queries (bench_pg.c), a generated 1,000,000-name
 * list (large.c).
 * Usage: bench_screen [--quick] [--negatives-only] [--pairs-only] [--large-only] [--no-pg] [--no-large]
 *                     [--lists csl,el,ofac]
 * BENCH_DUMP=1 prints the name pairs scored on the wrong side of the review threshold, BENCH_DUMP_NEG=1
 * the false alerts, BENCH_SLOW=US the queries slower than US microseconds of thread CPU time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "bench_screen.h"
#include "screen_test.h"
#include "tg/lists.h"

static int load(tg_store *st, const char *rel, const char *name)
{
	char path[1024];
	tg_list_load_opts o = TG_LIST_LOAD_OPTS_INIT;
	tg_list_snapshot s;
	tg_err err = TG_ERR_INIT;
	double t0 = bench_now();

	snprintf(path, sizeof(path), "%s/../shared/data/%s", TG_SOURCE_DIR, rel);
	o.name = name;
	if (tg_lists_load(&s, st, path, &o, &err) < 0) {
		fprintf(stderr, "bench: load %s: %s (skipped)\n", rel, err.msg);
		return -1;
	}
	printf("load %-48s %6lld entries %5lld errors  %.2f s\n", rel, (long long)s.entries, (long long)s.errors,
	       bench_now() - t0);
	return 0;
}

static tg_screener *build(tg_store *st)
{
	tg_screener *s = NULL;
	double best = 1e9, best_cpu = 1e9;
	int i;
	for (i = 0; i < 3; i++) {
		double t0 = bench_now(), c0 = bench_cpu(), dt, dc;
		if (s)
			tg_screener_free(s);
		if (tg_screener_open(&s, st, NULL) < 0) {
			fprintf(stderr, "bench: screener open failed\n");
			exit(1);
		}
		dt = bench_now() - t0, dc = bench_cpu() - c0;
		best = dt < best ? dt : best;
		best_cpu = dc < best_cpu ? dc : best_cpu;
	}
	printf("index: %zu entries, %zu names; build %.3f s wall clock, %.3f s thread CPU (best of 3, includes "
	       "reading the store); memory %.1f MiB\n",
	       tg__sc_entries(s), tg__sc_names(s), best, best_cpu, (double)tg__sc_index_bytes(s) / (1024.0 * 1024.0));
	return s;
}

int main(int argc, char **argv)
{
	char dir[] = "/tmp/tgbench.XXXXXX", db[256];
	const char *lists = "csl,el,ofac";
	tg_store *st = NULL;
	tg_screener *s;
	int i, quick = 0, neg_only = 0, pairs_only = 0, large = 1, pg = 1;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--quick") == 0)
			quick = 1;
		else if (strcmp(argv[i], "--negatives-only") == 0)
			neg_only = 1, large = 0, pg = 0;
		else if (strcmp(argv[i], "--pairs-only") == 0)
			pairs_only = 1, large = 0, pg = 0;
		else if (strcmp(argv[i], "--large-only") == 0) {
			bench_large(quick ? 100000 : 1000000);
			return 0;
		} else if (strcmp(argv[i], "--no-large") == 0)
			large = 0;
		else if (strcmp(argv[i], "--no-pg") == 0)
			pg = 0;
		else if (strcmp(argv[i], "--lists") == 0 && i + 1 < argc)
			lists = argv[++i];
	}
	if (mkdtemp(dir) == NULL)
		return 1;
	snprintf(db, sizeof(db), "%s/bench.db", dir);
	if (tg_store_open(&st, db, NULL) < 0)
		return 1;
	if (strstr(lists, "csl"))
		load(st, "lists/csl-2022-04/consolidated.csv", "csl");
	if (strstr(lists, "el"))
		load(st, "lists/entity-list-2026-08/restricted_parties.json", "entity-list");
	if (strstr(lists, "ofac"))
		load(st, "lists/ofac-sdn-2021-07/sdn.csv", "ofac-sdn");
	s = build(st);
	if (pairs_only)
		bench_pairs(s);
	else {
		if (!neg_only)
			bench_recall(s);
		bench_negatives(s, quick ? 5000 : 0);
		if (neg_only) /* again, with the variant cache warm (profiling) */
			bench_negatives(s, quick ? 5000 : 0);
		else
			bench_pairs(s);
	}
	if (pg)
		bench_pg(s);
	tg_screener_free(s);
	tg_store_free(st);
	remove(db);
	rmdir(dir);
	if (large)
		bench_large(quick ? 100000 : 1000000);
	return 0;
}
