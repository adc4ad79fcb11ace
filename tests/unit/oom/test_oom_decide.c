/* SPDX-License-Identifier: Apache-2.0 */
/* OOM sweeps of the decision: tg_decide on shipped data (catalogue, gates, policy) and the decision JSON
 * encoding (tg_decision_json), over example orders with several lines, a spec line and screening. */
#include "oom.h"

#include <stdlib.h>
#include <string.h>
#include "tg/catalog.h"
#include "tg/decision.h"
#include "tg/lists.h"
#include "tg/order.h"
#include "tg/policy.h"
#include "tg/screen.h"
#include "tg/store.h"

typedef struct fixture {
	tg_catalog *cat;
	tg_gates gates;
	tg_policy *pol;
	tg_store *st;
	tg_screener *scr;
	tg_order *order;
	tg_decision decision; /* decided once, for the JSON sweep */
} fixture;

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s = calloc(1, 65536);
	assert_non_null(f);
	assert_non_null(s);
	assert_true(fread(s, 1, 65535, f) > 0);
	fclose(f);
	return s;
}

static void setup_order(fixture *fx, const char *rel)
{
	tg_decide_ctx ctx;
	char *text = slurp(tg_test_path(rel));
	assert_int_equal(tg_order_parse(&fx->order, text, strlen(text), NULL), TG_OK);
	free(text);
	ctx = (tg_decide_ctx){fx->cat, &fx->gates, fx->pol, fx->scr, NULL};
	memset(&fx->decision, 0, sizeof(fx->decision));
	assert_int_equal(tg_decide(&fx->decision, &ctx, fx->order, fx->order->date, NULL), TG_OK);
}

static int setup(void **state)
{
	fixture *fx = calloc(1, sizeof(*fx));
	char db[512];
	tg_list_snapshot snap;
	assert_non_null(fx);
	assert_int_equal(tg_catalog_load(&fx->cat, tg_test_path("catalog/accelerators.json"), NULL), TG_OK);
	assert_int_equal(tg_gates_load(&fx->gates, tg_test_path("policy/gates.json"), NULL), TG_OK);
	assert_int_equal(tg_policy_load(&fx->pol, tg_test_path("policy"), NULL), TG_OK);
	tg_test_db(db, sizeof(db), "decide.db");
	assert_int_equal(tg_store_open(&fx->st, db, NULL), TG_OK);
	assert_int_equal(tg_lists_load(&snap, fx->st, tg_test_path("tests/resources/lists/csl_small.csv"), NULL, NULL),
			 TG_OK);
	assert_int_equal(tg_screener_open(&fx->scr, fx->st, NULL), TG_OK);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	tg_decision_dispose(&fx->decision);
	tg_order_free(fx->order);
	tg_screener_free(fx->scr);
	tg_store_free(fx->st);
	tg_policy_free(fx->pol);
	tg_catalog_free(fx->cat);
	free(fx);
	return 0;
}

static int decide(void *ctx, tg_err *err)
{
	fixture *fx = ctx;
	tg_decide_ctx dctx = {fx->cat, &fx->gates, fx->pol, fx->scr, NULL};
	tg_decision d;
	int rc;
	memset(&d, 0, sizeof(d));
	rc = tg_decide(&d, &dctx, fx->order, fx->order->date, err);
	tg_decision_dispose(&d);
	return rc;
}

static int encode(void *ctx, tg_err *err)
{
	fixture *fx = ctx;
	tg_buf b = TG_BUF_INIT;
	int rc = tg_decision_json(&b, &fx->decision);
	(void)err;
	if (rc == TG_OK && (b.ptr == NULL || b.ptr[0] != '{'))
		rc = TG_EINTERNAL;
	tg_buf_dispose(&b);
	return rc;
}

/* One sweep of tg_decide and one of tg_decision_json per example order. */
static void sweep_example(void **state, const char *rel)
{
	fixture *fx = *state;
	setup_order(fx, rel);
	assert_true(oom_sweep(decide, fx, 100000) >= 1);
	assert_true(oom_sweep(encode, fx, 100000) > 1);
	tg_decision_dispose(&fx->decision);
	tg_order_free(fx->order);
	fx->order = NULL;
}

static void oom__decide_and_json(void **state)
{
	static const char *const examples[] = {
		"examples/orders/01-h200-china-cbc.json",   "examples/orders/21-hgx-h200-system-customs-value.json",
		"examples/orders/23-custom-spec.json",      "examples/orders/24-mixed-lines.json",
		"examples/orders/25-restricted-party.json", "examples/orders/06-h20-china-revenue-share.json",
	};
	size_t i;
	for (i = 0; i < sizeof(examples) / sizeof(examples[0]); i++)
		sweep_example(state, examples[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(oom__decide_and_json, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
