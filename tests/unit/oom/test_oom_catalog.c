/* SPDX-License-Identifier: Apache-2.0 */
/* OOM sweeps of the catalogue: tg_catalog_load, tg_gates_load and tg_item_parse_spec (jansson inside). */
#include "oom.h"

#include <string.h>
#include "tg/catalog.h"

static int load_catalog(void *ctx, tg_err *err)
{
	tg_catalog *cat = NULL;
	int rc = tg_catalog_load(&cat, (const char *)ctx, err);
	if (rc == TG_OK && tg_catalog_count(cat) == 0)
		rc = TG_EINTERNAL;
	if (rc != TG_OK && cat != NULL)
		rc = TG_EINTERNAL; /* a failure leaves *out NULL */
	tg_catalog_free(cat);
	return rc;
}

static int load_gates(void *ctx, tg_err *err)
{
	tg_gates g;
	(void)ctx;
	return tg_gates_load(&g, tg_test_path("policy/gates.json"), err);
}

static int parse_spec(void *ctx, tg_err *err)
{
	const char *spec = ctx;
	tg_item item;
	return tg_item_parse_spec(&item, spec, strlen(spec), "spec", err);
}

static void oom__catalog_load_small(void **state)
{
	char path[4096];
	(void)state;
	snprintf(path, sizeof(path), "%s", tg_test_path("tests/resources/catalog/small.json"));
	assert_true(oom_sweep(load_catalog, path, 10000) > 1);
}

static void oom__catalog_load_shipped(void **state)
{
	char path[4096];
	(void)state;
	snprintf(path, sizeof(path), "%s", tg_test_path("catalog/accelerators.json"));
	assert_true(oom_sweep(load_catalog, path, 20000) > 1);
}

static void oom__gates_load(void **state)
{
	(void)state;
	assert_true(oom_sweep(load_gates, NULL, 10000) > 1);
}

static void oom__item_parse_spec(void **state)
{
	static const char spec[] =
		"{\"id\":\"acme-x1\",\"vendor\":\"acme\",\"dense_tops\":{\"fp8\":1979,\"fp16\":989.5},"
		"\"dram_bandwidth_gbps\":4800,\"applicable_die_area_mm2\":814,\"datacenter\":true,"
		"\"designer_hq\":\"US\",\"us_available_from\":\"2024-01-01\"}";
	(void)state;
	assert_true(oom_sweep(parse_spec, (void *)spec, 10000) > 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(oom__catalog_load_small),
		cmocka_unit_test(oom__catalog_load_shipped),
		cmocka_unit_test(oom__gates_load),
		cmocka_unit_test(oom__item_parse_spec),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
