/* SPDX-License-Identifier: Apache-2.0 */
/* String-keyed hash map (open addressing, linear probing). Keys are borrowed: the caller keeps them
 * alive as long as the map (typically they live in the value or an arena). */
#ifndef TG_UTIL_MAP_H
#define TG_UTIL_MAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct tg_map_slot {
	const char *key; /* NULL = empty */
	size_t klen;
	uint64_t hash;
	void *val;
} tg_map_slot;

typedef struct tg_map {
	tg_map_slot *slots;
	size_t cap; /* power of two */
	size_t len;
} tg_map;

/* clang-format off */
#define TG_MAP_INIT {NULL, 0, 0}
/* clang-format on */

uint64_t tg__hash(const void *data, size_t n);
/* Insert or replace; TG_OK or TG_ENOMEM. *old (if non-NULL) receives a replaced value or NULL. */
int tg__map_put(tg_map *m, const char *key, size_t klen, void *val, void **old);
void *tg__map_get(const tg_map *m, const char *key, size_t klen);
void tg__map_dispose(tg_map *m);

#endif
