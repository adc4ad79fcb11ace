/* SPDX-License-Identifier: Apache-2.0 */
/* Open-addressing string map with FNV-1a hashing. */
#include "map.h"

#include <string.h>
#include "tg/errors.h"
#include "alloc.h"

uint64_t tg__hash(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t h = UINT64_C(1469598103934665603);
	size_t i;
	for (i = 0; i < n; i++) {
		h ^= p[i];
		h *= UINT64_C(1099511628211);
	}
	return h ^ (h >> 29);
}

static tg_map_slot *find(const tg_map *m, const char *key, size_t klen, uint64_t h)
{
	size_t i = (size_t)h & (m->cap - 1);
	for (;;) {
		tg_map_slot *s = &m->slots[i];
		if (s->key == NULL || (s->hash == h && s->klen == klen && memcmp(s->key, key, klen) == 0))
			return s;
		i = (i + 1) & (m->cap - 1);
	}
}

static int grow(tg_map *m)
{
	size_t ncap = m->cap ? m->cap * 2 : 16, i;
	tg_map old = *m;
	m->slots = tg__calloc(ncap, sizeof(tg_map_slot));
	if (m->slots == NULL) {
		*m = old;
		return TG_ENOMEM;
	}
	m->cap = ncap;
	for (i = 0; i < old.cap; i++)
		if (old.slots[i].key)
			*find(m, old.slots[i].key, old.slots[i].klen, old.slots[i].hash) = old.slots[i];
	tg__free(old.slots);
	return TG_OK;
}

int tg__map_put(tg_map *m, const char *key, size_t klen, void *val, void **old)
{
	uint64_t h = tg__hash(key, klen);
	tg_map_slot *s;
	if (old)
		*old = NULL;
	if ((m->len + 1) * 4 > m->cap * 3 && grow(m) < 0)
		return TG_ENOMEM;
	s = find(m, key, klen, h);
	if (s->key) {
		if (old)
			*old = s->val;
		s->val = val;
		return TG_OK;
	}
	s->key = key;
	s->klen = klen;
	s->hash = h;
	s->val = val;
	m->len++;
	return TG_OK;
}

void *tg__map_get(const tg_map *m, const char *key, size_t klen)
{
	tg_map_slot *s;
	if (m->cap == 0)
		return NULL;
	s = find(m, key, klen, tg__hash(key, klen));
	return s->key ? s->val : NULL;
}

void tg__map_dispose(tg_map *m)
{
	tg__free(m->slots);
	m->slots = NULL;
	m->cap = m->len = 0;
}
