/* SPDX-License-Identifier: Apache-2.0 */
/* A bounded, thread-safe memo of screening results per (country, party name) for the decision path.
 * Order streams name the same customers again and again; screening a name is a fuzzy search, so the
 * engine remembers the hits of each distinct name until the screener is rebuilt (a list load or an
 * override), when the memo is dropped with it. When full it is cleared, not evicted piecemeal. */
#ifndef TG_DECIDE_CACHE_H
#define TG_DECIDE_CACHE_H

#include <stddef.h>
#include "tg/screen.h"

typedef struct tg__pcache tg__pcache;

int tg__pcache_new(tg__pcache **out, size_t max_entries);
void tg__pcache_free(tg__pcache *c);
/* 1 and the hits (at most max) when the name is memoised, 0 when not. */
int tg__pcache_get(tg__pcache *c, const char *name, const char *country, tg_screen_hit *hits, size_t max, size_t *n);
/* Remember the hits of a name (best effort: silently skipped on allocation failure). */
void tg__pcache_put(tg__pcache *c, const char *name, const char *country, const tg_screen_hit *hits, size_t n);
/* How many lookups hit and missed since creation. */
void tg__pcache_stats(tg__pcache *c, size_t *hits, size_t *misses);

#endif
