/* SPDX-License-Identifier: Apache-2.0 */
/* Parts of the screening bench: main.c drives measure.c (recall, false alerts, name pairs), large.c
 * (a generated list) and bench_pg.c (pg_trgm); all of them use bench_util.c (clocks, data columns). The
 * screener's figures come through the screening module's test header (src/screen/screen_test.h). */
#ifndef TG_BENCH_SCREEN_H
#define TG_BENCH_SCREEN_H

#include <stddef.h>
#include <stdint.h>
#include "tg/screen.h"

double bench_now(void);
double bench_cpu(void); /* this thread's CPU time: latency figures that other load on the machine does not skew */
char **bench_column(const char *rel, size_t col, size_t *count);
void bench_free_column(char **v, size_t n);
/* Is one of the entries want[0..nw) among the hits h[0..n)? */
int bench_in_hits(const tg_screen_hit *h, size_t n, const tg_screener *s, const uint32_t *want, size_t nw);
void bench_recall(const tg_screener *s);
void bench_negatives(const tg_screener *s, size_t limit);
void bench_pairs(const tg_screener *s);
void bench_large(size_t names);
void bench_pg(const tg_screener *s);

#endif
