/* SPDX-License-Identifier: Apache-2.0 */
/* Screening memo for the decision path (see decide_cache.h). */
#include "decide_cache.h"

#include <pthread.h>
#include <string.h>
#include "alloc.h"
#include "map.h"

/* One allocation per name: the key right after the header (a lookup's compare touches the block's
 * first lines), then the hits at an aligned offset. */
typedef struct entry {
	size_t n;
	tg_screen_hit *hits; /* n of them (in this block), or NULL */
	char key[];          /* "CC|name" */
} entry;

static size_t hits_offset(size_t klen)
{
	size_t a = _Alignof(tg_screen_hit), off = sizeof(entry) + klen + 1;
	return (off + a - 1) / a * a;
}

struct tg__pcache {
	pthread_mutex_t mu;
	tg_map map;
	size_t max, hits, misses;
};

int tg__pcache_new(tg__pcache **out, size_t max_entries)
{
	tg__pcache *c = tg__calloc(1, sizeof(*c));
	*out = NULL;
	if (c == NULL)
		return TG_ENOMEM;
	if (pthread_mutex_init(&c->mu, NULL) != 0) {
		tg__free(c);
		return TG_EINTERNAL;
	}
	c->max = max_entries;
	*out = c;
	return TG_OK;
}

static void clear(tg__pcache *c)
{
	size_t i;
	for (i = 0; i < c->map.cap; i++) {
		entry *e = c->map.slots[i].val;
		if (c->map.slots[i].key && e)
			tg__free(e);
	}
	tg__map_dispose(&c->map);
}

void tg__pcache_free(tg__pcache *c)
{
	if (c == NULL)
		return;
	clear(c);
	pthread_mutex_destroy(&c->mu);
	tg__free(c);
}

/* "CC|name" into buf; 0 when it does not fit (then the name is simply not memoised). */
static size_t make_key(char *buf, size_t cap, const char *name, const char *country)
{
	size_t c = country ? strlen(country) : 0, n = strlen(name);
	if (c + 1 + n + 1 > cap)
		return 0;
	memcpy(buf, country, c);
	buf[c] = '|';
	memcpy(buf + c + 1, name, n + 1);
	return c + 1 + n;
}

int tg__pcache_get(tg__pcache *c, const char *name, const char *country, tg_screen_hit *hits, size_t max, size_t *n)
{
	char key[600];
	size_t klen = make_key(key, sizeof(key), name, country);
	entry *e;
	int found = 0;
	if (klen == 0)
		return 0;
	pthread_mutex_lock(&c->mu);
	e = tg__map_get(&c->map, key, klen);
	if (e != NULL) {
		*n = e->n < max ? e->n : max;
		if (*n)
			memcpy(hits, e->hits, *n * sizeof(*hits));
		found = 1;
		c->hits++;
	} else {
		c->misses++;
	}
	pthread_mutex_unlock(&c->mu);
	return found;
}

void tg__pcache_put(tg__pcache *c, const char *name, const char *country, const tg_screen_hit *hits, size_t n)
{
	char key[600];
	size_t klen = make_key(key, sizeof(key), name, country);
	entry *e, *old = NULL;
	if (klen == 0 || (e = tg__malloc(hits_offset(klen) + n * sizeof(*hits))) == NULL)
		return;
	memcpy(e->key, key, klen + 1);
	e->n = n;
	e->hits = n ? (tg_screen_hit *)(void *)((char *)e + hits_offset(klen)) : NULL;
	if (n)
		memcpy(e->hits, hits, n * sizeof(*hits));
	pthread_mutex_lock(&c->mu);
	if (c->map.len >= c->max)
		clear(c);
	if (tg__map_put(&c->map, e->key, klen, e, (void **)&old) < 0)
		tg__free(e);
	else if (old)
		tg__free(old);
	pthread_mutex_unlock(&c->mu);
}

void tg__pcache_stats(tg__pcache *c, size_t *hits, size_t *misses)
{
	pthread_mutex_lock(&c->mu);
	*hits = c->hits;
	*misses = c->misses;
	pthread_mutex_unlock(&c->mu);
}
