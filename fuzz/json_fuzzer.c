/* SPDX-License-Identifier: Apache-2.0 */
/* Differential fuzzing of the order fast-path JSON parser (util/jparse.c) against jansson, its
 * reference (util/json.c: JSON_REJECT_DUPLICATES, depth limited): both must make the same
 * accept/reject decision, and on an accepted text the fast path's canonical form must be
 * byte-identical to jansson's JSON_COMPACT | JSON_SORT_KEYS | JSON_ENSURE_ASCII dump. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tg/buf.h"
#include "jparse.h"
#include "json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void mismatch(const char *what, const char *fast, const char *ref)
{
	fprintf(stderr, "json differential: %s\n  jparse:  %s\n  jansson: %s\n", what, fast, ref);
	abort();
}

/* Both accepted the text: compare the canonical forms. */
static void compare_canonical(const tg_jdoc *d, const json_t *root)
{
	tg_buf b = TG_BUF_INIT;
	char *ref = json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENSURE_ASCII);
	int rc = tg__jp_canonical(&b, d, 0);
	if (ref == NULL || rc < 0)
		mismatch("canonical form failed", rc < 0 ? "error" : "ok", ref ? "ok" : "error");
	if (b.size != strlen(ref) || memcmp(b.ptr, ref, b.size) != 0)
		mismatch("canonical forms differ", b.ptr, ref);
	free(ref);
	tg_buf_dispose(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tg_jdoc d = TG_JDOC_INIT;
	json_t *root = NULL;
	const char *text = (const char *)data;
	int fast = tg__jp_parse(&d, text, size);
	int ref = tg__json_parse(&root, text, size, NULL);

	if (fast == TG_ENOMEM || fast == TG_ELIMIT)
		abort(); /* neither can happen on fuzz-sized inputs with the system allocator */
	if ((fast == TG_OK) != (ref == TG_OK))
		mismatch("accept/reject decisions differ", fast == TG_OK ? "accepted" : d.err_msg,
			 ref == TG_OK ? "accepted" : "rejected");
	if (fast == TG_OK)
		compare_canonical(&d, root);
	json_decref(root);
	tg__jp_dispose(&d);
	return 0;
}
