/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzzing of the order path's JSON parsing (util/json.c over jansson: JSON_REJECT_DUPLICATES, NUL bytes
 * refused, depth limited) and of tg_order_parse: the canonical dump must parse back to itself, and an order
 * that parses must carry exactly that canonical text. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tg/order.h"
#include "alloc.h"
#include "json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void mismatch(const char *what, const char *a, const char *b)
{
	fprintf(stderr, "json: %s\n  first:  %s\n  second: %s\n", what, a, b);
	abort();
}

static char *canonical(const json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENSURE_ASCII);
	if (s == NULL)
		abort(); /* cannot happen on fuzz-sized inputs with the system allocator */
	return s;
}

/* The canonical text is itself accepted and is a fixed point. */
static void check_fixed_point(const char *canon)
{
	json_t *again = NULL;
	char *twice;
	if (tg__json_parse(&again, canon, strlen(canon), NULL) != TG_OK)
		mismatch("canonical text rejected", canon, "");
	twice = canonical(again);
	if (strcmp(canon, twice) != 0)
		mismatch("canonical text not stable", canon, twice);
	tg__free(twice);
	json_decref(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *root = NULL;
	tg_order *o = NULL;
	const char *text = (const char *)data;
	char *canon = NULL;
	int ref = tg__json_parse(&root, text, size, NULL), rc;

	if (ref == TG_ENOMEM)
		abort();
	if (ref == TG_OK) {
		canon = canonical(root);
		check_fixed_point(canon);
	}
	rc = tg_order_parse(&o, text, size, NULL);
	if (rc == TG_OK && (canon == NULL || strcmp(o->canonical, canon) != 0))
		mismatch("order canonical differs from the JSON dump", o->canonical, canon ? canon : "(rejected)");
	tg_order_free(o);
	tg__free(canon);
	json_decref(root);
	return 0;
}
