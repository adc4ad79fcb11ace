/* SPDX-License-Identifier: Apache-2.0 */
/* A generated list of 1,000,000 names (persons from the given and family names of the negatives
 * files, companies from name words, descriptors and legal forms; a fixed seed), built in memory
 * without the store: build time, memory, then the ASCII negatives screened against it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench_screen.h"
#include "screen_test.h"

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static uint64_t next_rand(void)
{
	rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
	return rng;
}

static const char *pick(char **v, size_t n)
{
	return v[next_rand() % n];
}

static int ascii_word(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80 || *s == ',')
			return 0;
	return 1;
}

/* Keep the ASCII values only (in place); returns how many are left. */
static size_t keep_ascii(char **v, size_t n)
{
	size_t i, k = 0;
	for (i = 0; i < n; i++) {
		if (ascii_word(v[i]))
			v[k++] = v[i];
		else
			free(v[i]);
	}
	return k;
}

static const char *const descriptors[] = {"Trading",       "Technology", "Industrial",        "Logistics",
					  "Electronics",   "Shipping",   "Holdings",          "Engineering",
					  "Import Export", "Aviation",   "Semiconductor",     "Machinery",
					  "Chemical",      "Energy",     "Research Institute"};
static const char *const legal[] = {"Co., Ltd.", "LLC", "GmbH", "Limited", "Inc.", "JSC", "S.A.", "FZE", ""};

static void gen_name(char *out, size_t cap, char **first, size_t nf, char **last, size_t nl)
{
	uint64_t r = next_rand() % 10;
	if (r < 7) {
		if (r < 2)
			snprintf(out, cap, "%s %s %s", pick(first, nf), pick(first, nf), pick(last, nl));
		else
			snprintf(out, cap, "%s %s", pick(first, nf), pick(last, nl));
		return;
	}
	snprintf(out, cap, "%s %s %s", pick(last, nl), descriptors[next_rand() % 15], legal[next_rand() % 9]);
}

static tg_screener *generate(size_t want, char **first, size_t nf, char **last, size_t nl, double *secs, double *cpu)
{
	tg_screener *s;
	char names[512], id[32];
	size_t made = 0, k = 0;
	double t0 = bench_now(), c0 = bench_cpu();

	if (tg__sc_new(&s, NULL) < 0)
		return NULL;
	while (made < want) {
		sc_entry_in in = {id, "GEN", "entity", names, "", "0"};
		size_t m;
		gen_name(names, sizeof(names), first, nf, last, nl);
		m = strlen(names);
		if (next_rand() % 5 == 0 && made + 1 < want) { /* one in five has an alias */
			names[m++] = '\n';
			gen_name(names + m, sizeof(names) - m, first, nf, last, nl);
			made++;
		}
		snprintf(id, sizeof(id), "G%zu", k++);
		if (tg__sc_add_entry(s, &in) < 0)
			return NULL;
		made++;
	}
	if (tg__sc_finish(s, NULL) < 0)
		return NULL;
	*secs = bench_now() - t0;
	*cpu = bench_cpu() - c0;
	return s;
}

static long peak_rss_kib(void)
{
	char line[256];
	long v = -1;
	FILE *f = fopen("/proc/self/status", "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strncmp(line, "VmHWM:", 6) == 0)
			v = strtol(line + 6, NULL, 10);
	fclose(f);
	return v;
}

void bench_large(size_t want)
{
	size_t nf, nl, nf2, nl2;
	char **first = bench_column("bench/persons/negatives_us.csv", 1, &nf);
	char **last = bench_column("bench/persons/negatives_us.csv", 3, &nl);
	char **first2 = bench_column("bench/persons/negatives_global.csv", 1, &nf2);
	char **last2 = bench_column("bench/persons/negatives_global.csv", 3, &nl2);
	tg_screener *s;
	double secs = 0, cpu = 0;

	nf = keep_ascii(first, nf), nl = keep_ascii(last, nl);
	nf2 = keep_ascii(first2, nf2), nl2 = keep_ascii(last2, nl2);
	if (nf == 0 || nl == 0) {
		printf("generated list: name parts absent, skipped\n");
		return;
	}
	s = generate(want, first, nf, last, nl, &secs, &cpu);
	if (s == NULL) {
		printf("generated list: build failed\n");
		return;
	}
	printf("generated list: %zu entries, %zu names (parts: %zu given, %zu family names); build %.2f s wall clock, "
	       "%.2f s thread CPU; index memory %.0f MiB; peak RSS %.0f MiB\n",
	       tg__sc_entries(s), tg__sc_names(s), nf, nl, secs, cpu, (double)tg__sc_index_bytes(s) / 1048576.0,
	       (double)peak_rss_kib() / 1024.0);
	bench_negatives(s, 0);
	tg_screener_free(s);
	bench_free_column(first, nf), bench_free_column(last, nl);
	bench_free_column(first2, nf2), bench_free_column(last2, nl2);
}
