/* SPDX-License-Identifier: Apache-2.0 */
/* Parts of the screening bench. */
#ifndef TG_BENCH_SCREEN_H
#define TG_BENCH_SCREEN_H

#include <stddef.h>
#include "tg/screen.h"

double bench_now(void);
double bench_cpu(void); /* this thread's CPU time: latency figures that other load on the machine does not skew */
char **bench_column(const char *rel, size_t col, size_t *count);
void bench_free_column(char **v, size_t n);
void bench_recall(const tg_screener *s);
void bench_negatives(const tg_screener *s, size_t limit);
void bench_pairs(const tg_screener *s);
void bench_large(size_t names);
void bench_pg(const tg_screener *s);

#endif
