/* SPDX-License-Identifier: Apache-2.0 */
/* OOM sweeps of the engine: tg_engine_open on the shipped data with a temporary store, and
 * tg_engine_check_many recording a batch of orders (group commit). Lack of memory while deciding one
 * order is that order's own failure (the others go on and are recorded); an order that failed must
 * have left no record: it is recorded fresh by a later run, never found as a replay. */
#include "oom.h"

#include <stdlib.h>
#include <string.h>
#include "tg/engine.h"

#define NORDERS 3

typedef struct fixture {
	char db[512];
	tg_engine *e;
	char *texts[NORDERS];
	size_t lens[NORDERS];
	int recorded[NORDERS]; /* recorded by an earlier successful run */
} fixture;

static char *slurp(const char *rel, size_t *len)
{
	FILE *f = fopen(tg_test_path(rel), "rb");
	char *s = calloc(1, 65536);
	assert_non_null(f);
	assert_non_null(s);
	*len = fread(s, 1, 65535, f);
	fclose(f);
	return s;
}

static int open_engine(void *ctx, tg_err *err)
{
	fixture *fx = ctx;
	tg_engine_opts o = TG_ENGINE_OPTS_INIT;
	tg_engine *e = NULL;
	int rc;
	o.data_dir = TG_SOURCE_DIR;
	o.db_path = fx->db;
	rc = tg_engine_open(&e, &o, err);
	tg_engine_free(e);
	return rc;
}

/* The batch's code, or the first order's own failure. */
static int check_batch(void *ctx, tg_err *err)
{
	fixture *fx = ctx;
	tg_check_opts o = TG_CHECK_OPTS_INIT;
	tg_check_result res[NORDERS];
	size_t i;
	int rc, first = TG_OK;
	memset(res, 0, sizeof(res));
	rc = tg_engine_check_many(res, NORDERS, fx->e, (const char *const *)fx->texts, fx->lens, &o, err);
	for (i = 0; i < NORDERS; i++) {
		if (rc == TG_OK && res[i].code == TG_OK && res[i].replayed && !fx->recorded[i])
			fail_msg("order %zu: a failed run left its record behind", i);
		if (rc == TG_OK && res[i].code == TG_OK)
			fx->recorded[i] = 1;
		if (rc == TG_OK && res[i].code != TG_OK && first == TG_OK) {
			first = res[i].code;
			*err = res[i].err;
		}
		tg_check_result_dispose(&res[i]);
	}
	return rc < 0 ? rc : first;
}

static void oom__engine_open(void **state)
{
	fixture fx;
	(void)state;
	memset(&fx, 0, sizeof(fx));
	tg_test_db(fx.db, sizeof(fx.db), "open.db");
	assert_true(oom_sweep(open_engine, &fx, 100000) > 1);
}

static void oom__engine_check_many(void **state)
{
	static const char *const examples[NORDERS] = {"examples/orders/24-mixed-lines.json",
						      "examples/orders/23-custom-spec.json",
						      "examples/orders/25-restricted-party.json"};
	fixture fx;
	tg_engine_opts o = TG_ENGINE_OPTS_INIT;
	size_t i;
	(void)state;
	memset(&fx, 0, sizeof(fx));
	tg_test_db(fx.db, sizeof(fx.db), "check.db");
	o.data_dir = TG_SOURCE_DIR;
	o.db_path = fx.db;
	assert_int_equal(tg_engine_open(&fx.e, &o, NULL), TG_OK);
	for (i = 0; i < NORDERS; i++)
		fx.texts[i] = slurp(examples[i], &fx.lens[i]);
	assert_true(oom_sweep(check_batch, &fx, 100000) > 1);
	for (i = 0; i < NORDERS; i++)
		free(fx.texts[i]);
	tg_engine_free(fx.e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(oom__engine_open),
		cmocka_unit_test(oom__engine_check_many),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
