/* SPDX-License-Identifier: Apache-2.0 */
/* The measurements of the screening bench: recall, false alerts and latency, name-pair F1. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench_screen.h"
#include "screen_test.h"

void bench_recall(const tg_screener *s)
{
	size_t nt, nu, i, in_list = 0, top10 = 0, at_review = 0;
	char **tr = bench_column("bench/persons/positives_un_treated.csv", 0, &nt);
	char **un = bench_column("bench/persons/positives_un_untreated.csv", 0, &nu);
	tg_screen_hit h[10];

	for (i = 0; i < nt && i < nu; i++) {
		uint32_t want[16];
		size_t nw = tg__sc_exact_entries(want, 16, s, un[i]), n;
		if (nw == 0)
			continue;
		in_list++;
		tg__screen_name_min(h, 10, &n, s, tr[i], NULL, 0.0, NULL);
		top10 += bench_in_hits(h, n, s, want, nw);
		tg_screen_name(h, 10, &n, s, tr[i], NULL, NULL);
		at_review += bench_in_hits(h, n, s, want, nw);
	}
	printf("positives: %zu of %zu UN names in the lists; recall@10 %.3f (top 10, no floor), %.3f (at review "
	       "threshold)\n",
	       in_list, nt, in_list ? (double)top10 / (double)in_list : 0,
	       in_list ? (double)at_review / (double)in_list : 0);
	bench_free_column(tr, nt);
	bench_free_column(un, nu);
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static int is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* Latency percentiles of one class of queries (seconds, sorted in place): by the wall clock and by
 * the thread's CPU time, which other load on a shared machine skews less. */
static void print_lat(const char *what, double *wall, double *cpu, size_t n, double cpu_total)
{
	if (n == 0)
		return;
	qsort(wall, n, sizeof(double), cmp_d);
	qsort(cpu, n, sizeof(double), cmp_d);
	printf("  %-10s %6zu queries: %.0f queries/s (thread CPU time)\n", what, n, (double)n / cpu_total);
	printf("    thread CPU: p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us\n", cpu[n / 2] * 1e6,
	       cpu[n * 99 / 100] * 1e6, cpu[n * 999 / 1000] * 1e6, cpu[n - 1] * 1e6);
	printf("    wall clock: p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us\n", wall[n / 2] * 1e6,
	       wall[n * 99 / 100] * 1e6, wall[n * 999 / 1000] * 1e6, wall[n - 1] * 1e6);
}

void bench_negatives(const tg_screener *s, size_t limit)
{
	size_t n, i, alerts = 0, nh, na = 0, nu = 0;
	char **v = bench_column("bench/persons/negatives_global.csv", 0, &n);
	double *la, *lu, *wa, *wu, t0, total, cpu_a = 0, cpu_u = 0;
	tg_screen_hit h[10];

	if (limit && limit < n)
		n = limit;
	if (n == 0)
		return;
	la = malloc(n * sizeof(double)), lu = malloc(n * sizeof(double));
	wa = malloc(n * sizeof(double)), wu = malloc(n * sizeof(double));
	t0 = bench_now();
	for (i = 0; i < n; i++) {
		double q0 = bench_cpu(), w0 = bench_now(), dt, dw;
		tg_screen_name(h, 10, &nh, s, v[i], NULL, NULL);
		dt = bench_cpu() - q0, dw = bench_now() - w0;
		if (is_ascii(v[i]))
			wa[na] = dw, la[na++] = dt, cpu_a += dt;
		else
			wu[nu] = dw, lu[nu++] = dt, cpu_u += dt;
		alerts += nh > 0;
		if (nh && getenv("BENCH_DUMP_NEG"))
			printf("  ALERT %.3f %s  ->  %s [%s]\n", h[0].score, v[i], h[0].matched_name, h[0].explanation);
		if (getenv("BENCH_SLOW") && dt > atof(getenv("BENCH_SLOW")) * 1e-6)
			printf("  SLOW %.1f us  %s\n", dt * 1e6, v[i]);
	}
	total = bench_now() - t0;
	printf("negatives_global: %zu queries, %.0f queries/s single thread (wall clock); false alerts at review "
	       "threshold %zu (%.2f%%)\n",
	       n, (double)n / total, alerts, 100.0 * (double)alerts / (double)n);
	print_lat("ASCII", wa, la, na, cpu_a);
	print_lat("non-ASCII", wu, lu, nu, cpu_u);
	free(la), free(lu), free(wa), free(wu);
	bench_free_column(v, n);
}

/* Outcomes at the review threshold per case group (the file's first column), and with BENCH_DUMP
 * every false positive and negative with its group and category. */
static void pairs_by_group(char **group, char **cat, char **a, char **b, char **m, const double *sc, size_t n)
{
	size_t i, k, ng = 0, c[16][4] = {{0}};
	const char *names[16];

	for (i = 0; i < n; i++) {
		int truth = strcmp(m[i], "true") == 0, pred = sc[i] >= 0.85;
		for (k = 0; k < ng && strcmp(names[k], group[i]) != 0; k++)
			;
		if (k == ng && ng < 16)
			names[ng++] = group[i];
		if (k < ng)
			c[k][truth * 2 + pred]++; /* TN FP FN TP */
		if (getenv("BENCH_DUMP") && pred != truth)
			printf("  %s %.3f  %-15s %-24.24s %s  |  %s\n", pred ? "FP" : "FN", sc[i], group[i], cat[i],
			       a[i], b[i]);
	}
	for (k = 0; k < ng; k++)
		printf("  %-22s TP %3zu FP %3zu FN %3zu TN %3zu\n", names[k], c[k][3], c[k][1], c[k][2], c[k][0]);
}

void bench_pairs(const tg_screener *s)
{
	size_t n1, n2, n3, n4, n5, n6, i, k;
	char **a = bench_column("bench/name-pairs/cases.csv", 2, &n1);
	char **b = bench_column("bench/name-pairs/cases.csv", 3, &n2);
	char **m = bench_column("bench/name-pairs/cases.csv", 4, &n3);
	char **kind = bench_column("bench/name-pairs/cases.csv", 1, &n4);
	char **group = bench_column("bench/name-pairs/cases.csv", 0, &n5);
	char **cat = bench_column("bench/name-pairs/cases.csv", 6, &n6);
	static const double th[] = {0.80, 0.85, 0.88, 0.90, 0.92, 0.95};
	double *sc;

	if (n1 == 0 || n1 != n2 || n1 != n3 || n1 != n4 || n1 != n5 || n1 != n6)
		return;
	sc = malloc(n1 * sizeof(double));
	for (i = 0; i < n1; i++)
		sc[i] = tg__sc_pair_score_kind(s, a[i], b[i], strcmp(kind[i], "Person") == 0);
	for (k = 0; k < sizeof(th) / sizeof(th[0]); k++) {
		size_t tp = 0, fp = 0, fn = 0;
		double p, r;
		for (i = 0; i < n1; i++) {
			int truth = strcmp(m[i], "true") == 0, pred = sc[i] >= th[k];
			tp += truth && pred, fp += !truth && pred, fn += truth && !pred;
		}
		p = tp + fp ? (double)tp / (double)(tp + fp) : 0;
		r = tp + fn ? (double)tp / (double)(tp + fn) : 0;
		printf("name-pairs (%zu) at %.2f: precision %.3f recall %.3f F1 %.3f%s\n", n1, th[k], p, r,
		       p + r > 0 ? 2 * p * r / (p + r) : 0,
		       th[k] == 0.85 ? "   <- review threshold (reference F1 0.79)" : "");
	}
	pairs_by_group(group, cat, a, b, m, sc, n1);
	free(sc);
	bench_free_column(a, n1), bench_free_column(b, n2), bench_free_column(m, n3), bench_free_column(kind, n4);
	bench_free_column(group, n5), bench_free_column(cat, n6);
}
