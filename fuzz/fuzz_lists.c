/* SPDX-License-Identifier: Apache-2.0 */
/* List-file fuzzing: tg_lists_load on a scratch file into an in-memory store, then the screener. */
#include "fuzz_lists.h"

#include <stdlib.h>
#include <string.h>
#include "fuzz_support.h"
#include "tg/screen.h"
#include "tg/store.h"

static void screen(tg_store *st, const uint8_t *data, size_t size)
{
	tg_screener *s = NULL;
	tg_screen_hit hits[8];
	size_t n = 0;
	char *name;
	if (tg_screener_open(&s, st, NULL) != TG_OK)
		abort(); /* the snapshot just written must be readable */
	if (tg_screen_name(hits, 8, &n, s, "Huawei Technologies Co., Ltd.", "CN", NULL) == TG_OK && n > 8)
		abort();
	name = tg_fuzz_cstr(data, size < 64 ? size : 64);
	if (tg_screen_name(hits, 8, &n, s, name, NULL, NULL) == TG_OK && n > 8)
		abort();
	free(name);
	tg_screener_free(s);
}

/* One load; returns its code. */
static int load(tg_list_format fmt, const char *path, int strict, const uint8_t *data, size_t size)
{
	tg_list_load_opts o = TG_LIST_LOAD_OPTS_INIT;
	tg_list_snapshot snap;
	tg_store *st = NULL;
	tg_err err = TG_ERR_INIT;
	int rc;
	if (tg_store_open(&st, ":memory:", NULL) != TG_OK)
		abort();
	o.format = fmt;
	o.strict = strict;
	memset(&snap, 0, sizeof(snap));
	rc = tg_lists_load(&snap, st, path, &o, &err);
	if (rc == TG_OK) {
		if (snap.entries < 0 || snap.rows < 0 || snap.errors < 0 || (strict && snap.errors != 0))
			abort();
		screen(st, data, size);
	}
	if (memchr(err.msg, '\0', sizeof(err.msg)) == NULL)
		abort();
	tg_store_free(st);
	return rc;
}

void tg_fuzz_lists_run(tg_list_format fmt, const char *path, const uint8_t *data, size_t size)
{
	/* Strict may only reject what the lenient load accepts, never the reverse. */
	if (load(fmt, path, 0, data, size) != TG_OK)
		return;
	(void)load(fmt, path, 1, data, size);
}
