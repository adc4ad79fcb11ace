/* SPDX-License-Identifier: Apache-2.0 */
/* Throughput of tg_classify over the shipped catalogue (the per-order-line path). */
#include <stdio.h>
#include <time.h>
#include "tg/catalog.h"

int main(void)
{
	tg_catalog *cat = NULL;
	tg_gates g;
	tg_err err = TG_ERR_INIT;
	struct timespec t0, t1;
	size_t i, n, rounds = 2000000, hits = 0;
	double secs;
	if (tg_catalog_load(&cat, TG_SOURCE_DIR "/catalog/accelerators.json", &err) < 0 ||
	    tg_gates_load(&g, TG_SOURCE_DIR "/policy/gates.json", &err) < 0) {
		fprintf(stderr, "bench_classify: %s\n", err.msg);
		return 1;
	}
	n = tg_catalog_count(cat);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < rounds; i++) {
		tg_classification c;
		const tg_item *it = tg_catalog_find(cat, tg_catalog_at(cat, i % n)->id);
		if (tg_classify(&c, it, cat, &g, NULL) == TG_OK && c.cbc_gate)
			hits++;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("classify: %zu lookups+classifications in %.3f s = %.0f /s (%zu passed the gate)\n", rounds, secs,
	       (double)rounds / secs, hits);
	tg_catalog_free(cat);
	return 0;
}
