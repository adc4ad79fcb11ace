/* SPDX-License-Identifier: Apache-2.0 */
/* The screening bench's helpers: clocks, and a column of a CSV data file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "bench_screen.h"
#include "tg/alloc.h"
#include "tg/file.h"
#include "csv.h"
#include "screen_test.h"

double bench_cpu(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Read column col of every data row of a CSV file (header skipped) into a NULL-terminated array. */
char **bench_column(const char *rel, size_t col, size_t *count)
{
	char path[1024], *data, **v = NULL;
	size_t n, len = 0, cap = 0;
	tg_csv c;
	int rc;

	snprintf(path, sizeof(path), "%s/../shared/data/%s", TG_SOURCE_DIR, rel);
	if (tg_file_read(&data, &n, path, (size_t)1 << 30, NULL) < 0) {
		fprintf(stderr, "bench: %s absent, skipped\n", path);
		*count = 0;
		return NULL;
	}
	tg__csv_init(&c, data, n, ',');
	tg__csv_next(&c, NULL);
	while ((rc = tg__csv_next(&c, NULL)) != 0) {
		if (rc < 0)
			continue;
		if (len + 1 >= cap) {
			cap = cap ? cap * 2 : 1024;
			v = realloc(v, cap * sizeof(*v));
		}
		v[len++] = strdup(tg__csv_field(&c, col));
	}
	if (v)
		v[len] = NULL;
	tg__csv_dispose(&c);
	tg_free(data);
	*count = len;
	return v;
}

void bench_free_column(char **v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static const char *list_of(const tg_screener *s, uint32_t e)
{
	const char *list, *id;
	tg__sc_entry_at(s, e, &list, &id);
	return list;
}

static const char *source_id_of(const tg_screener *s, uint32_t e)
{
	const char *list, *id;
	tg__sc_entry_at(s, e, &list, &id);
	return id;
}

/* Is one of the entries want[0..nw) among the hits? */
int bench_in_hits(const tg_screen_hit *h, size_t n, const tg_screener *s, const uint32_t *want, size_t nw)
{
	size_t i, j;
	for (i = 0; i < n; i++)
		for (j = 0; j < nw; j++)
			if (strcmp(h[i].entity_id, source_id_of(s, want[j])) == 0 &&
			    strcmp(h[i].list, list_of(s, want[j])) == 0)
				return 1;
	return 0;
}
