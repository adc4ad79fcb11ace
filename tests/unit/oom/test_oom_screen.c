/* SPDX-License-Identifier: Apache-2.0 */
/* OOM sweeps of screening: tg_screener_open over loaded list snapshots, then tg_screen_name. */
#include "oom.h"

#include <string.h>
#include "tg/lists.h"
#include "tg/screen.h"
#include "tg/store.h"

static tg_store *open_loaded_store(void)
{
	static const char *const files[] = {"tests/resources/lists/csl_small.csv", "tests/resources/lists/blocks.json",
					    "tests/resources/lists/approved.json"};
	char db[512];
	tg_store *st = NULL;
	size_t i;
	tg_test_db(db, sizeof(db), "screen.db");
	assert_int_equal(tg_store_open(&st, db, NULL), TG_OK);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		tg_list_snapshot snap;
		assert_int_equal(tg_lists_load(&snap, st, tg_test_path(files[i]), NULL, NULL), TG_OK);
	}
	return st;
}

static int open_screener(void *ctx, tg_err *err)
{
	tg_screener *s = NULL;
	int rc = tg_screener_open(&s, (tg_store *)ctx, err);
	tg_screener_free(s);
	return rc;
}

/* Open a screener and screen names; every hit list must come back whole or not at all. */
static int open_and_screen(void *ctx, tg_err *err)
{
	static const char *const names[] = {"Example Photonics Co., Ltd.", "ZAFAR, Imran", "Johnny Doe",
					    "\xe5\x8d\x8e\xe4\xb8\xba\xe6\x8a\x80\xe6\x9c\xaf"};
	tg_screener *s = NULL;
	tg_screen_hit hits[16];
	size_t i, n;
	int rc = tg_screener_open(&s, (tg_store *)ctx, err);
	for (i = 0; rc == TG_OK && i < sizeof(names) / sizeof(names[0]); i++)
		rc = tg_screen_name(hits, 16, &n, s, names[i], i == 0 ? "CN" : NULL, err);
	tg_screener_free(s);
	return rc;
}

static void oom__screener_open(void **state)
{
	tg_store *st = open_loaded_store();
	(void)state;
	assert_true(oom_sweep(open_screener, st, 100000) > 1);
	tg_store_free(st);
}

static void oom__screen_name(void **state)
{
	tg_store *st = open_loaded_store();
	(void)state;
	assert_true(oom_sweep(open_and_screen, st, 100000) > 1);
	tg_store_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(oom__screener_open),
		cmocka_unit_test(oom__screen_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
