/* SPDX-License-Identifier: Apache-2.0 */
/* Pluggable allocator with a fail-after-N hook for out-of-memory sweeps. */
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

static tg_allocator g_alloc = {malloc, calloc, realloc, free};
static size_t g_count;                  /* allocations since the last tg__alloc_fail_after() */
static size_t g_fail_at;                /* 0 = never fail */
static _Thread_local size_t g_failures; /* failed allocations of this thread */

void tg_set_allocator(const tg_allocator *a)
{
	if (a == NULL) {
		g_alloc.malloc_fn = malloc;
		g_alloc.calloc_fn = calloc;
		g_alloc.realloc_fn = realloc;
		g_alloc.free_fn = free;
	} else {
		g_alloc = *a;
	}
}

size_t tg__alloc_fail_after(size_t k)
{
	size_t n = g_count;
	g_count = 0;
	g_fail_at = k;
	return n;
}

static int should_fail(void)
{
	g_count++;
	return g_fail_at != 0 && g_count >= g_fail_at;
}

size_t tg__alloc_failures(void)
{
	return g_failures;
}

/* Count a failed allocation (p == NULL) and pass p on. */
static void *counted(void *p)
{
	if (p == NULL)
		g_failures++;
	return p;
}

void *tg__malloc(size_t n)
{
	return counted(should_fail() ? NULL : g_alloc.malloc_fn(n ? n : 1));
}

void *tg__calloc(size_t count, size_t n)
{
	return counted(should_fail() ? NULL : g_alloc.calloc_fn(count ? count : 1, n ? n : 1));
}

void *tg__realloc(void *p, size_t n)
{
	return counted(should_fail() ? NULL : g_alloc.realloc_fn(p, n ? n : 1));
}

void tg__free(void *p)
{
	if (p != NULL)
		g_alloc.free_fn(p);
}

void tg_free(void *p)
{
	tg__free(p);
}

char *tg__strndup(const char *s, size_t n)
{
	char *d = tg__malloc(n + 1);
	if (d == NULL)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *tg__strdup(const char *s)
{
	return tg__strndup(s, strlen(s));
}
