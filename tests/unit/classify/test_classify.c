/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the catalogue and classification: TPP, PD, every 3A090 branch and boundary, Note 2,
 * system roll-up, gate and band boundaries, the shipped catalogue, malformed inputs, OOM sweeps. */
#include "tg_test.h"

#include <math.h>
#include <string.h>
#include "catalog.h"
#include "alloc.h"
#include "buf.h"

/* An IC with TPP = tpp (as an INT8 rate), area (<= 0 unknown), bandwidth, datacenter flag. */
static tg_item mk(double tpp, double area, double bw, int dc)
{
	tg_item it;
	int i;
	memset(&it, 0, sizeof(it));
	memcpy(it.id, "t", 2);
	for (i = 0; i < TG_PREC_COUNT; i++)
		it.dense_tops[i] = -1;
	if (tpp >= 0)
		it.dense_tops[TG_PREC_INT8] = tpp / 8;
	it.applicable_die_area_mm2 = area;
	it.dram_bandwidth_gbps = bw;
	it.memory_gb = -1;
	it.datacenter = dc;
	tg_date_parse(&it.us_available_from, "2024-01-01", NULL);
	return it;
}

static tg_classification cls(tg_item it)
{
	tg_classification c;
	assert_int_equal(tg_classify(&c, &it, NULL, NULL, NULL), TG_OK);
	return c;
}

static void expect_eccn(double tpp, double area, int dc, const char *want)
{
	tg_classification c = cls(mk(tpp, area, 1000, dc));
	if (want == NULL) {
		if (c.eccn != NULL)
			fail_msg("TPP %g area %g dc %d: got %s, want none", tpp, area, dc, c.eccn);
	} else {
		if (c.eccn == NULL || strcmp(c.eccn, want) != 0)
			fail_msg("TPP %g area %g dc %d: got %s, want %s", tpp, area, dc, c.eccn ? c.eccn : "none",
				 want);
	}
}

static void classify__tpp_max_over_precisions(void **state)
{
	tg_item it = mk(-1, 1600, 8000, 1);
	tg_classification c;
	(void)state;
	it.dense_tops[TG_PREC_FP16] = 2250;
	it.dense_tops[TG_PREC_FP8] = 4500;
	it.dense_tops[TG_PREC_FP4] = 13125; /* B300: FP4 dominates */
	c = cls(it);
	assert_true(c.tpp == 52500);
	assert_int_equal(c.tpp_precision, TG_PREC_FP4);
	assert_true(fabs(c.pd - 32.8125) < 1e-9);
	it.dense_tops[TG_PREC_FP64] = 1000; /* x64 */
	c = cls(it);
	assert_true(c.tpp == 64000);
	assert_string_equal(tg_precision_name(c.tpp_precision), "fp64");
	it.dense_tops[TG_PREC_FP32] = 2001; /* x32 */
	c = cls(it);
	assert_true(c.tpp == 64032);
	assert_string_equal(tg_precision_name(TG_PREC_INT4), "int4");
	assert_string_equal(tg_precision_name(99), "?");
}

static void classify__eccn_branches_and_boundaries(void **state)
{
	(void)state;
	expect_eccn(4800, 10000, 1, "3A090.a");  /* a.1 at the boundary, PD 0.48 */
	expect_eccn(4792, 10000, 1, NULL);       /* just below, PD too low */
	expect_eccn(2960, 500, 1, "3A090.a");    /* a.2: PD exactly 5.92 */
	expect_eccn(2960, 500.01, 1, "3A090.b"); /* PD just below 5.92 -> b.2 */
	expect_eccn(1600, 100, 1, "3A090.a");    /* a.2: TPP exactly 1600 */
	expect_eccn(1592, 100, 1, NULL);         /* TPP < 1600: nothing */
	expect_eccn(1600, 500, 1, "3A090.b");    /* b.2: PD exactly 3.2 */
	expect_eccn(1600, 501, 1, NULL);         /* PD < 3.2 and TPP < 2400 */
	expect_eccn(2400, 1500, 1, "3A090.b");   /* b.1: TPP 2400, PD exactly 1.6 */
	expect_eccn(2392, 1000, 1, NULL);        /* TPP < 2400, PD 2.39 < 3.2 */
	expect_eccn(2400, 1501, 1, NULL);        /* PD just below 1.6 */
	expect_eccn(4792, 1000, 1, "3A090.b");   /* b.1 upper end */
	/* Note 2: not datacenter and TPP < 4800 is never 3A090, whatever the PD */
	expect_eccn(4792, 100, 0, NULL);
	expect_eccn(2400, 1500, 0, NULL);
	expect_eccn(4800, 10000, 0, "3A090.a");
	{
		tg_classification c = cls(mk(4792, 100, 1000, 0));
		assert_non_null(strstr(c.eccn_reason, "Note 2"));
		assert_int_equal(c.complete, 1);
	}
}

static void classify__unknowns_are_incomplete(void **state)
{
	tg_classification c;
	(void)state;
	c = cls(mk(-1, 500, 1000, 1));
	assert_null(c.eccn);
	assert_int_equal(c.complete, 0);
	assert_true(c.tpp < 0 && c.pd < 0);
	assert_int_equal(c.cbc_gate, 0);
	assert_true(c.gate_fail & TG_GATE_FAIL_TPP_UNKNOWN);
	c = cls(mk(3000, -1, 1000, 1)); /* PD needed but unknown */
	assert_null(c.eccn);
	assert_int_equal(c.complete, 0);
	c = cls(mk(6000, -1, 1000, 1)); /* a.1 needs no PD */
	assert_string_equal(c.eccn, "3A090.a");
	assert_int_equal(c.complete, 1);
	c = cls(mk(6000, 1000, -1, 1)); /* bandwidth unknown: gate and band fail */
	assert_int_equal(c.complete, 0);
	assert_int_equal(c.cbc_gate, 0);
	assert_true(c.gate_fail & TG_GATE_FAIL_BW_UNKNOWN);
}

static void classify__gate_boundaries_strict(void **state)
{
	tg_gates g;
	tg_item it;
	tg_classification c;
	(void)state;
	tg_gates_default(&g);
	it = mk(20999.92, 2400, 6499.9, 1);
	assert_int_equal(tg_classify(&c, &it, NULL, &g, NULL), TG_OK);
	assert_int_equal(c.cbc_gate, 1);
	assert_int_equal(c.gate_fail, 0);
	it = mk(21000, 2400, 6499.9, 1);
	tg_classify(&c, &it, NULL, &g, NULL);
	assert_int_equal(c.cbc_gate, 0);
	assert_int_equal(c.gate_fail, TG_GATE_FAIL_TPP);
	it = mk(20000, 2400, 6500, 1);
	tg_classify(&c, &it, NULL, &g, NULL);
	assert_int_equal(c.gate_fail, TG_GATE_FAIL_BW);
	/* availability: on the date passes, the day after fails, never fails */
	it = mk(20000, 2400, 6000, 1);
	it.us_available_from = g.cbc_available_by;
	tg_classify(&c, &it, NULL, &g, NULL);
	assert_int_equal(c.cbc_gate, 1);
	it.us_available_from = g.cbc_available_by + 1;
	tg_classify(&c, &it, NULL, &g, NULL);
	assert_int_equal(c.gate_fail, TG_GATE_FAIL_AVAIL);
	it.us_available_from = TG_DATE_NONE;
	tg_classify(&c, &it, NULL, &g, NULL);
	assert_int_equal(c.gate_fail, TG_GATE_FAIL_AVAIL);
}

static void band(double tpp, double bw, const tg_gates *g, int want)
{
	tg_item it = mk(tpp, 1000, bw, 1);
	tg_classification c;
	assert_int_equal(tg_classify(&c, &it, NULL, g, NULL), TG_OK);
	if (c.tariff_band_232 != want)
		fail_msg("TPP %g BW %g: band %d, want %d", tpp, bw, c.tariff_band_232, want);
}

static void classify__tariff_bands(void **state)
{
	tg_gates g, g2;
	tg_err err = TG_ERR_INIT;
	(void)state;
	assert_int_equal(tg_gates_load(&g, tg_test_path("policy/gates.json"), &err), TG_OK);
	assert_int_equal(g.nbands, 1); /* prong 2 is disabled by default */
	assert_string_equal(g.bands[0].id, "prong1");
	assert_int_equal(g.bands[0].verified, 1);
	band(15831.2, 4800, &g, 1);
	band(14000, 4800, &g, 0);
	band(14000.8, 4800, &g, 1);
	band(17500, 4800, &g, 0);
	band(15000, 4500, &g, 0);
	band(15000, 5000, &g, 0);
	band(15000, 4999, &g, 1);
	band(20919.2, 6000, &g, 0);
	assert_int_equal(tg_gates_load(&g2, tg_test_path("tests/resources/catalog/gates-prong2.json"), &err), TG_OK);
	assert_int_equal(g2.nbands, 2);
	assert_int_equal(g2.bands[1].verified, 0);
	band(20919.2, 6000, &g2, 1); /* MI325X falls in the unverified band once enabled */
	band(21100, 6000, &g2, 0);
	band(20000, 4500, &g2, 0);
	{
		tg_gates d;
		tg_gates_default(&d);
		assert_true(d.cbc_tpp_below == g.cbc_tpp_below && d.cbc_bw_below == g.cbc_bw_below);
		assert_int_equal(d.cbc_available_by, g.cbc_available_by);
	}
	assert_int_equal(tg_gates_load(&g2, tg_test_path("tests/resources/catalog/gates-bad-confidence.json"), &err),
			 TG_EINVALID);
	assert_string_equal(err.field, "cbc.tpp_below");
	assert_int_equal(tg_gates_load(&g2, tg_test_path("tests/resources/catalog/nope.json"), &err), TG_EIO);
}

static void classify__system_rollup(void **state)
{
	tg_catalog *cat = NULL;
	tg_err err = TG_ERR_INIT;
	tg_classification c;
	tg_item orphan;
	(void)state;
	assert_int_equal(tg_catalog_load(&cat, tg_test_path("tests/resources/catalog/small.json"), &err), TG_OK);
	assert_int_equal(tg_classify(&c, tg_catalog_find(cat, "test-b"), cat, NULL, &err), TG_OK);
	assert_string_equal(c.eccn, "3A090.b");
	assert_int_equal(tg_classify(&c, tg_catalog_find(cat, "test-sys-b"), cat, NULL, &err), TG_OK);
	assert_string_equal(c.eccn, "4A090.b");
	assert_int_equal(c.is_system, 1);
	assert_true(c.tpp == 2000 && c.pd == 4.0);
	assert_int_equal(c.gate_fail, TG_GATE_FAIL_AVAIL); /* the system's own availability: null */
	assert_int_equal(tg_classify(&c, tg_catalog_find(cat, "test-none"), cat, NULL, &err), TG_OK);
	assert_string_equal(c.eccn, "3A090.b"); /* TPP 1600, PD 3.2 */
	assert_int_equal(tg_classify(&c, tg_catalog_find(cat, "test-sys-low"), cat, NULL, &err), TG_OK);
	assert_null(c.eccn);
	orphan = *tg_catalog_find(cat, "test-sys-b");
	memcpy(orphan.contains, "nope", 5);
	assert_int_equal(tg_classify(&c, &orphan, cat, NULL, &err), TG_ENOTFOUND);
	assert_int_equal(tg_classify(&c, &orphan, NULL, NULL, &err), TG_ENOTFOUND);
	tg_catalog_free(cat);
}

typedef struct want {
	const char *id;
	const char *eccn;
	long tpp; /* rounded; -1 unknown */
	int gate, band;
} want;

static const want shipped[] = {
	{"nvidia-h20", NULL, 2368, 0, 0},
	{"nvidia-h100-sxm", "3A090.a", 15831, 1, 0},
	{"nvidia-h800-sxm", "3A090.a", 15831, 0, 0},
	{"nvidia-h200-sxm", "3A090.a", 15831, 1, 1},
	{"nvidia-b200", "3A090.a", 36000, 0, 0},
	{"nvidia-b300", "3A090.a", 52500, 0, 0},
	{"nvidia-gb200", "3A090.a", 40000, 0, 0},
	{"nvidia-rtx-4090", "3A090.a", 5285, 1, 0},
	{"nvidia-rtx-4090d", NULL, 4707, 0, 0},
	{"nvidia-rtx-pro-6000", "3A090.a", 8000, 1, 0},
	{"nvidia-rtx-pro-6000d", NULL, -1, 0, 0},
	{"amd-mi300x", "3A090.a", 20919, 1, 0},
	{"amd-mi308x", NULL, -1, 0, 0},
	{"amd-mi325x", "3A090.a", 20919, 1, 0},
	{"amd-mi355x", "3A090.a", 40272, 0, 0},
	{"intel-gaudi2", "3A090.a", 6920, 1, 0},
	{"intel-gaudi3", "3A090.a", 29360, 0, 0},
	{"huawei-ascend-910b", "3A090.a", 5376, 0, 0},
	{"huawei-ascend-910c", "3A090.a", 12800, 0, 0},
	{"cambricon-mlu590", NULL, -1, 0, 0},
	{"nvidia-hgx-h200", "4A090.a", 15831, 1, 1},
	{"nvidia-hgx-b200", "4A090.a", 36000, 0, 0},
	{"nvidia-gb200-superchip", "4A090.a", 40000, 0, 0},
};

static void classify__shipped_catalogue(void **state)
{
	tg_catalog *cat = NULL;
	tg_gates g;
	tg_err err = TG_ERR_INIT;
	size_t i;
	(void)state;
	assert_int_equal(tg_catalog_load(&cat, tg_test_path("catalog/accelerators.json"), &err), TG_OK);
	assert_int_equal(tg_gates_load(&g, tg_test_path("policy/gates.json"), &err), TG_OK);
	assert_int_equal(tg_catalog_count(cat), sizeof(shipped) / sizeof(shipped[0]));
	for (i = 0; i < sizeof(shipped) / sizeof(shipped[0]); i++) {
		const tg_item *it = tg_catalog_find(cat, shipped[i].id);
		tg_classification c;
		long tpp;
		if (it == NULL)
			fail_msg("%s missing from the catalogue", shipped[i].id);
		assert_int_equal(tg_classify(&c, it, cat, &g, &err), TG_OK);
		tpp = c.tpp < 0 ? -1 : (long)floor(c.tpp + 0.5);
		if ((c.eccn == NULL) != (shipped[i].eccn == NULL) || (c.eccn && strcmp(c.eccn, shipped[i].eccn)) ||
		    tpp != shipped[i].tpp || c.cbc_gate != shipped[i].gate || c.tariff_band_232 != shipped[i].band)
			fail_msg("%s: eccn %s tpp %ld gate %d band %d", shipped[i].id, c.eccn ? c.eccn : "null", tpp,
				 c.cbc_gate, c.tariff_band_232);
		assert_int_equal(c.complete, tpp >= 0); /* every known TPP here has a bandwidth */
	}
	assert_ptr_equal(tg_catalog_at(cat, 0), tg_catalog_find(cat, "nvidia-h20"));
	assert_null(tg_catalog_at(cat, 1000));
	assert_null(tg_catalog_find(cat, "nvidia-h300"));
	assert_string_equal(tg_catalog_find(cat, "huawei-ascend-910b")->designer_hq, "CN");
	assert_int_equal(tg_catalog_find(cat, "nvidia-hgx-b200")->contains_count, 8);
	assert_true(tg_catalog_find(cat, "nvidia-h20")->us_available_from == TG_DATE_NONE);
	tg_catalog_free(cat);
}

static void classify__json_output(void **state)
{
	tg_catalog *cat = NULL;
	tg_classification c;
	tg_buf b = TG_BUF_INIT;
	(void)state;
	assert_int_equal(tg_catalog_load(&cat, tg_test_path("catalog/accelerators.json"), NULL), TG_OK);
	assert_int_equal(tg_classify(&c, tg_catalog_find(cat, "nvidia-h200-sxm"), cat, NULL, NULL), TG_OK);
	assert_int_equal(tg_classification_json(&b, &c), TG_OK);
	assert_string_equal(b.ptr, "{\"id\":\"nvidia-h200-sxm\",\"tpp\":15831,\"pd\":19.45,\"eccn\":\"3A090.a\","
				   "\"cbc_gate\":true,\"tariff_band_232\":true}");
	tg__buf_clear(&b);
	assert_int_equal(tg_classify(&c, tg_catalog_find(cat, "amd-mi308x"), cat, NULL, NULL), TG_OK);
	assert_int_equal(tg_classification_json(&b, &c), TG_OK);
	assert_string_equal(b.ptr, "{\"id\":\"amd-mi308x\",\"tpp\":null,\"pd\":null,\"eccn\":null,"
				   "\"cbc_gate\":false,\"tariff_band_232\":false}");
	tg_buf_dispose(&b);
	tg_catalog_free(cat);
}

static const struct {
	const char *file;
	int code;
	const char *field;
} malformed[] = {
	{"bad-duplicate-id.json", TG_EINVALID, "items[5].id"},
	{"bad-precision.json", TG_EINVALID, "items[1].dense_tops.fp9"},
	{"bad-negative-bw.json", TG_EINVALID, "items[2].dram_bandwidth_gbps"},
	{"bad-date.json", TG_EINVALID, "items[0].us_available_from"},
	{"bad-country.json", TG_EINVALID, "items[1].designer_hq"},
	{"bad-contains.json", TG_EINVALID, "items[3].contains"},
	{"bad-null-confidence.json", TG_EINVALID, "items[0].memory_gb"},
	{"bad-unsourced.json", TG_EINVALID, "items[2].memory_gb"},
	{"bad-confidence-tag.json", TG_EINVALID, "items[0].memory_gb"},
	{"bad-missing-field.json", TG_EINVALID, "items[1].applicable_die_area_mm2"},
	{"bad-format.json", TG_EINVALID, "format"},
	{"bad-system-rates.json", TG_EINVALID, "items[4].dense_tops"},
	{"bad-syntax.json", TG_EINVALID, ""},
	{"does-not-exist.json", TG_EIO, ""},
};

static void classify__malformed_catalogue_names_field(void **state)
{
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(malformed) / sizeof(malformed[0]); i++) {
		tg_catalog *cat = NULL;
		tg_err err = TG_ERR_INIT;
		char rel[256];
		int rc;
		snprintf(rel, sizeof(rel), "tests/resources/catalog/%s", malformed[i].file);
		rc = tg_catalog_load(&cat, tg_test_path(rel), &err);
		if (rc != malformed[i].code || strcmp(err.field, malformed[i].field) != 0)
			fail_msg("%s: rc %d field '%s' msg '%s'", malformed[i].file, rc, err.field, err.msg);
		assert_null(cat);
		assert_true(err.msg[0] != '\0');
	}
}

static void classify__spec(void **state)
{
	tg_item it;
	tg_err err = TG_ERR_INIT;
	tg_classification c;
	const char *ok = "{\"id\":\"acme-x1\",\"dense_tops\":{\"fp8\":1000,\"bf16\":400},"
			 "\"dram_bandwidth_gbps\":4600,\"applicable_die_area_mm2\":700,\"datacenter\":true,"
			 "\"designer_hq\":\"US\",\"us_available_from\":\"2025-06-01\"}";
	(void)state;
	assert_int_equal(tg_item_parse_spec(&it, ok, strlen(ok), "spec", &err), TG_OK);
	assert_string_equal(it.name, "acme-x1");
	assert_int_equal(tg_classify(&c, &it, NULL, NULL, &err), TG_OK);
	assert_true(c.tpp == 8000);
	assert_string_equal(c.eccn, "3A090.a");
	assert_int_equal(c.cbc_gate, 1);
	/* sourced facts are accepted in a spec too; absent datacenter counts as datacenter */
	ok = "{\"id\":\"x\",\"dense_tops\":{\"fp16\":{\"value\":290,\"source\":\"sheet\",\"confidence\":\"DS\"}}}";
	assert_int_equal(tg_item_parse_spec(&it, ok, strlen(ok), "lines[0].spec", &err), TG_OK);
	assert_int_equal(it.datacenter, 1);
	assert_true(it.dense_tops[TG_PREC_FP16] == 290 && it.dram_bandwidth_gbps < 0);
	assert_true(it.us_available_from == TG_DATE_NONE);
}

static void spec_fails(const char *json, const char *field)
{
	tg_item it;
	tg_err err = TG_ERR_INIT;
	int rc = tg_item_parse_spec(&it, json, strlen(json), "lines[2].spec", &err);
	if (rc != TG_EINVALID || strcmp(err.field, field) != 0)
		fail_msg("%s: rc %d field '%s' (%s), want %s", json, rc, err.field, err.msg, field);
}

static void classify__bad_spec_names_field(void **state)
{
	(void)state;
	spec_fails("{\"id\":\"x\",\"dense_tops\":{\"fp6\":1}}", "lines[2].spec.dense_tops.fp6");
	spec_fails("{\"id\":\"x\",\"dense_tops\":{\"fp8\":-1}}", "lines[2].spec.dense_tops.fp8");
	spec_fails("{\"id\":\"x\",\"dense_tops\":{\"fp8\":\"9\"}}", "lines[2].spec.dense_tops.fp8");
	spec_fails("{\"id\":\"x\",\"dram_bandwidth_gbps\":-5}", "lines[2].spec.dram_bandwidth_gbps");
	spec_fails("{\"id\":\"x\",\"applicable_die_area_mm2\":0}", "lines[2].spec.applicable_die_area_mm2");
	spec_fails("{\"id\":\"x\",\"us_available_from\":\"2025-13-01\"}", "lines[2].spec.us_available_from");
	spec_fails("{\"id\":\"x\",\"designer_hq\":\"usa\"}", "lines[2].spec.designer_hq");
	spec_fails("{\"id\":\"x\",\"datacenter\":1}", "lines[2].spec.datacenter");
	spec_fails("{\"id\":\"x\",\"colour\":1}", "lines[2].spec.colour");
	spec_fails("{\"vendor\":\"x\"}", "lines[2].spec.id");
	spec_fails("{\"id\":\"bad id\"}", "lines[2].spec.id");
	spec_fails("{\"id\":\"x\",\"kind\":\"board\"}", "lines[2].spec.kind");
	spec_fails("{\"id\":\"x\",\"contains_count\":2}", "lines[2].spec.contains_count");
	spec_fails("{\"id\":\"x\",\"memory_gb\":{\"value\":null,\"source\":\"?\",\"confidence\":\"E\"}}",
		   "lines[2].spec.memory_gb");
	spec_fails("[1]", "lines[2].spec");
}

static void classify__no_allocation(void **state)
{
	tg_item it = mk(15831.2, 814, 4800, 1);
	tg_classification c;
	(void)state;
	tg__alloc_fail_after(1); /* any allocation would fail the call */
	assert_int_equal(tg_classify(&c, &it, NULL, NULL, NULL), TG_OK);
	assert_int_equal(tg__alloc_fail_after(0), 0);
}

static void classify__oom_sweep(void **state)
{
	const char *path = tg_test_path("catalog/accelerators.json");
	char p[4096];
	tg_catalog *cat = NULL;
	tg_gates g;
	size_t n, k;
	int rc;
	(void)state;
	snprintf(p, sizeof(p), "%s", path);
	tg__alloc_fail_after(0);
	assert_int_equal(tg_catalog_load(&cat, p, NULL), TG_OK);
	n = tg__alloc_fail_after(0);
	tg_catalog_free(cat);
	assert_true(n > 0);
	for (k = 1; k <= n + 1; k++) {
		cat = NULL;
		tg__alloc_fail_after(k);
		rc = tg_catalog_load(&cat, p, NULL);
		tg__alloc_fail_after(0);
		if (rc != TG_ENOMEM && rc != TG_OK)
			fail_msg("k=%zu: rc %d", k, rc);
		assert_true((rc == TG_OK) == (cat != NULL));
		tg_catalog_free(cat);
	}
	snprintf(p, sizeof(p), "%s", tg_test_path("policy/gates.json"));
	for (k = 1; k <= 3; k++) {
		tg__alloc_fail_after(k);
		rc = tg_gates_load(&g, p, NULL);
		tg__alloc_fail_after(0);
		assert_true(rc == TG_ENOMEM || rc == TG_OK);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(classify__tpp_max_over_precisions),
		cmocka_unit_test(classify__eccn_branches_and_boundaries),
		cmocka_unit_test(classify__unknowns_are_incomplete),
		cmocka_unit_test(classify__gate_boundaries_strict),
		cmocka_unit_test(classify__tariff_bands),
		cmocka_unit_test(classify__system_rollup),
		cmocka_unit_test(classify__shipped_catalogue),
		cmocka_unit_test(classify__json_output),
		cmocka_unit_test(classify__malformed_catalogue_names_field),
		cmocka_unit_test(classify__spec),
		cmocka_unit_test(classify__bad_spec_names_field),
		cmocka_unit_test(classify__no_allocation),
		cmocka_unit_test(classify__oom_sweep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
