/* SPDX-License-Identifier: Apache-2.0 */
/* Storage of the screener and of its users: the string pool (large chunks, freed together) and array growth. */
#include "screen_int.h"

#include <string.h>
#include "alloc.h"

#define CHUNK_SIZE ((size_t)256 << 10)

struct sc_chunk {
	sc_chunk *next;
	size_t used, cap;
	char data[];
};

char *tg__sc_pool_dup(sc_pool *p, const char *s, size_t n)
{
	sc_chunk *c = p->head;
	char *r;
	if (c == NULL || c->cap - c->used < n + 1) {
		size_t cap = n + 1 > CHUNK_SIZE ? n + 1 : CHUNK_SIZE;
		if ((c = tg__malloc(sizeof(*c) + cap)) == NULL)
			return NULL;
		c->next = p->head, c->used = 0, c->cap = cap;
		p->head = c;
		p->bytes += sizeof(*c) + cap;
	}
	r = c->data + c->used;
	memcpy(r, s, n);
	r[n] = '\0';
	c->used += n + 1;
	return r;
}

void tg__sc_pool_free(sc_pool *p)
{
	sc_chunk *c = p->head;
	while (c) {
		sc_chunk *n = c->next;
		tg__free(c);
		c = n;
	}
	p->head = NULL;
	p->bytes = 0;
}

int tg__sc_grow(void **v, size_t *cap, size_t len, size_t size)
{
	void *nv;
	size_t ncap;
	if (len < *cap)
		return TG_OK;
	ncap = *cap ? *cap * 2 : 64;
	if ((nv = tg__realloc(*v, ncap * size)) == NULL)
		return TG_ENOMEM;
	*v = nv, *cap = ncap;
	return TG_OK;
}
