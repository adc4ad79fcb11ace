/* SPDX-License-Identifier: Apache-2.0 */
/* The decision engine over the shipped catalogue and policy: every rule, both sides of each
 * effective date, verdict combination, conditions and exact charges. */
#include "tg_test.h"

#include <stdio.h>
#include <string.h>
#include "tg/tg.h"

static tg_catalog *cat;
static tg_policy *pol;
static tg_gates gates;

static int setup(void **state)
{
	tg_err err = TG_ERR_INIT;
	(void)state;
	if (tg_catalog_load(&cat, tg_test_path("catalog/accelerators.json"), &err) < 0 ||
	    tg_gates_load(&gates, tg_test_path("policy/gates.json"), &err) < 0 ||
	    tg_policy_load(&pol, tg_test_path("policy"), &err) < 0) {
		fprintf(stderr, "setup: %s\n", err.msg);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	tg_policy_free(pol);
	tg_catalog_free(cat);
	return 0;
}

/* An order built from a template: item, destination, ship_from, date, end use, purchaser sector/hq. */
typedef struct spec {
	const char *item, *dest, *from, *date, *use, *sector, *country, *hq;
	int state_funded;
	const char *extra_line; /* appended inside the line object, e.g. ",\"customs_value\":\"10\"" */
} spec;

static int decide(tg_decision *d, const spec *s, tg_err *err)
{
	char json[2048];
	tg_order *o = NULL;
	tg_decide_ctx ctx = {cat, &gates, pol, NULL, NULL};
	int rc;
	snprintf(
		json, sizeof(json),
		"{\"id\":\"T-1\",\"date\":\"%s\",\"exporter\":{\"name\":\"Acme\",\"country\":\"US\"},"
		"\"ship_from\":\"%s\",\"destination\":\"%s\",\"end_use\":\"%s\",\"parties\":[{\"role\":\"end_user\","
		"\"name\":\"Buyer Co\",\"country\":\"%s\",\"hq_country\":\"%s\",\"sector\":\"%s\",\"state_funded\":%s}],"
		"\"lines\":[{\"item\":\"%s\",\"quantity\":100,\"unit_value\":\"31000.00\",\"currency\":\"USD\"%s}]}",
		s->date, s->from ? s->from : "US", s->dest, s->use ? s->use : "datacenter",
		s->country ? s->country : s->dest, s->hq ? s->hq : (s->country ? s->country : s->dest),
		s->sector ? s->sector : "private", s->state_funded ? "true" : "false", s->item,
		s->extra_line ? s->extra_line : "");
	memset(d, 0, sizeof(*d));
	if ((rc = tg_order_parse(&o, json, strlen(json), err)) < 0)
		return rc;
	rc = tg_decide(d, &ctx, o, o->date, err);
	tg_order_free(o);
	return rc;
}

static tg_verdict juris(const tg_decision *d, const char *name)
{
	size_t i;
	for (i = 0; i < d->njurisdictions; i++)
		if (strcmp(d->jurisdictions[i].name, name) == 0)
			return d->jurisdictions[i].verdict;
	return (tg_verdict)-1;
}

static int has_reason(const tg_decision *d, const char *rule)
{
	size_t i;
	for (i = 0; i < d->nreasons; i++)
		if (strcmp(d->reasons[i].rule, rule) == 0)
			return 1;
	return 0;
}

static int has_condition(const tg_decision *d, const char *c)
{
	size_t i;
	for (i = 0; i < d->nconditions; i++)
		if (strcmp(d->conditions[i], c) == 0)
			return 1;
	return 0;
}

#define DECIDE(d, ...)                                  \
	do {                                            \
		spec s_ = {__VA_ARGS__};                \
		tg_err e_ = TG_ERR_INIT;                \
		int rc_ = decide((d), &s_, &e_);        \
		if (rc_ != 0)                           \
			fail_msg("decide: %s", e_.msg); \
	} while (0)

static void decide__h200_china_case_by_case_with_tariff(void **state)
{
	tg_decision d;
	tg_buf b = TG_BUF_INIT;
	(void)state;
	DECIDE(&d, .item = "nvidia-h200-sxm", .dest = "CN", .date = "2026-02-16");
	assert_int_equal(d.verdict, TG_VERDICT_LICENSE_REQUIRED);
	assert_int_equal(juris(&d, "US-EAR"), TG_VERDICT_LICENSE_REQUIRED);
	assert_int_equal(juris(&d, "CN-IMPORT"), TG_VERDICT_LICENSE_REQUIRED);
	assert_true(has_reason(&d, "us-ear-cbc-2026"));
	assert_false(has_reason(&d, "us-ear-china-presumption-of-denial")); /* overridden */
	assert_true(has_reason(&d, "cn-h200-import-approval"));
	assert_true(has_condition(&d, "us_third_party_test"));
	assert_true(has_condition(&d, "us_kyc_remote_access"));
	assert_true(has_condition(&d, "us_china_volume_cap"));
	assert_true(has_condition(&d, "cn_import_approval"));
	assert_int_equal(d.ncharges, 1);
	assert_string_equal(d.charges[0].kind, "us_232_tariff");
	assert_int_equal(d.charges[0].base.micros, INT64_C(3100000) * 1000000);
	assert_int_equal(d.charges[0].amount.micros, INT64_C(775000) * 1000000);
	assert_int_equal(tg_decision_json(&b, &d), TG_OK);
	assert_non_null(strstr(b.ptr,
			       "\"charges\":[{\"kind\":\"us_232_tariff\",\"rate\":\"0.25\",\"base\":\"3100000.00\","
			       "\"amount\":\"775000.00\",\"currency\":\"USD\""));
	assert_non_null(strstr(b.ptr, "\"eccn\":\"3A090.a\",\"tpp\":15831"));
	tg_buf_dispose(&b);
	tg_decision_dispose(&d);
}

static void decide__cbc_effective_date_boundary(void **state)
{
	tg_decision d;
	(void)state;
	DECIDE(&d, .item = "nvidia-h200-sxm", .dest = "CN", .date = "2026-01-14");
	assert_int_equal(juris(&d, "US-EAR"), TG_VERDICT_DENY);
	assert_true(has_reason(&d, "us-ear-china-presumption-of-denial"));
	assert_int_equal(d.ncharges, 0);
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "nvidia-h200-sxm", .dest = "CN", .date = "2026-01-15");
	assert_int_equal(juris(&d, "US-EAR"), TG_VERDICT_LICENSE_REQUIRED);
	tg_decision_dispose(&d);
	/* Macau and Hong Kong are inside the programme like China */
	DECIDE(&d, .item = "nvidia-h200-sxm", .dest = "MO", .date = "2026-01-15");
	assert_int_equal(juris(&d, "US-EAR"), TG_VERDICT_LICENSE_REQUIRED);
	assert_int_equal(juris(&d, "CN-IMPORT"), (tg_verdict)-1); /* China's import rules: mainland + HK only */
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "nvidia-h200-sxm", .dest = "HK", .date = "2026-01-15");
	assert_int_equal(juris(&d, "CN-IMPORT"), TG_VERDICT_LICENSE_REQUIRED);
	tg_decision_dispose(&d);
}

static void decide__reexport_from_abroad_stays_denied(void **state)
{
	tg_decision d;
	(void)state;
	DECIDE(&d, .item = "nvidia-h200-sxm", .dest = "CN", .from = "TW", .date = "2026-03-02");
	assert_int_equal(d.verdict, TG_VERDICT_DENY);
	assert_true(has_reason(&d, "us-ear-china-presumption-of-denial"));
	assert_false(has_reason(&d, "us-ear-cbc-2026"));
	tg_decision_dispose(&d);
}

static void decide__blackwell_and_gaudi3_fail_the_gate(void **state)
{
	tg_decision d;
	(void)state;
	DECIDE(&d, .item = "nvidia-b200", .dest = "CN", .date = "2026-03-02");
	assert_int_equal(d.verdict, TG_VERDICT_DENY);
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "intel-gaudi3", .dest = "CN", .date = "2026-03-02");
	assert_int_equal(d.verdict, TG_VERDICT_DENY);
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "amd-mi325x", .dest = "CN", .date = "2026-03-02");
	assert_int_equal(juris(&d, "US-EAR"), TG_VERDICT_LICENSE_REQUIRED);
	tg_decision_dispose(&d);
	/* H800: China-only SKU, not commercially available in the US -> outside the programme */
	DECIDE(&d, .item = "nvidia-h800-sxm", .dest = "CN", .date = "2026-03-02");
	assert_int_equal(juris(&d, "US-EAR"), TG_VERDICT_DENY);
	tg_decision_dispose(&d);
}

static void decide__h20_is_informed_dates_and_revenue_share(void **state)
{
	tg_decision d;
	(void)state;
	DECIDE(&d, .item = "nvidia-h20", .dest = "CN", .date = "2025-04-08");
	assert_int_equal(juris(&d, "US-EAR"), TG_VERDICT_ALLOW); /* not 3A090, before the letters */
	assert_true(has_reason(&d, "us-ear-nlr-advanced-computing"));
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "nvidia-h20", .dest = "CN", .date = "2025-08-10");
	assert_int_equal(juris(&d, "US-EAR"), TG_VERDICT_DENY);
	assert_true(has_reason(&d, "us-ear-is-informed-h20-mi308-pod"));
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "nvidia-h20", .dest = "CN", .date = "2025-08-11");
	assert_int_equal(d.verdict, TG_VERDICT_LICENSE_REQUIRED);
	assert_int_equal(d.ncharges, 1);
	assert_string_equal(d.charges[0].kind, "us_revenue_share");
	assert_int_equal(d.charges[0].amount.micros, INT64_C(465000) * 1000000);
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "nvidia-h20", .dest = "CN", .date = "2025-09-16");
	assert_int_equal(juris(&d, "CN-IMPORT"), TG_VERDICT_ALLOW);
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "nvidia-h20", .dest = "CN", .date = "2025-09-17");
	assert_int_equal(juris(&d, "CN-IMPORT"), TG_VERDICT_DENY);
	assert_int_equal(d.verdict, TG_VERDICT_DENY);
	assert_int_equal(d.ncharges, 0); /* a denied line accrues nothing */
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "amd-mi308x", .dest = "MO", .date = "2025-10-01");
	assert_int_equal(d.verdict, TG_VERDICT_LICENSE_REQUIRED);
	assert_int_equal(d.ncharges, 1);
	tg_decision_dispose(&d);
}

static void decide__china_buyer_rules_by_date(void **state)
{
	tg_decision d;
	(void)state;
	DECIDE(&d, .item = "nvidia-h200-sxm", .dest = "CN", .date = "2025-12-09", .sector = "public");
	assert_int_equal(juris(&d, "CN-IMPORT"), TG_VERDICT_ALLOW);
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "nvidia-h200-sxm", .dest = "CN", .date = "2025-12-10", .sector = "state_owned");
	assert_int_equal(juris(&d, "CN-IMPORT"), TG_VERDICT_DENY);
	assert_true(has_reason(&d, "cn-h200-public-sector-ban"));
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "amd-mi325x", .dest = "CN", .date = "2025-11-04", .state_funded = 1);
	assert_int_equal(juris(&d, "CN-IMPORT"), TG_VERDICT_ALLOW);
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "amd-mi325x", .dest = "CN", .date = "2025-11-05", .state_funded = 1);
	assert_int_equal(juris(&d, "CN-IMPORT"), TG_VERDICT_DENY);
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "huawei-ascend-910c", .dest = "CN", .from = "CN", .date = "2026-02-16", .sector = "public",
	       .use = "evaluation");
	assert_int_equal(juris(&d, "CN-IMPORT"), TG_VERDICT_ALLOW);
	assert_true(has_reason(&d, "cn-xinchuang-domestic"));
	tg_decision_dispose(&d);
}

static void decide__nac_note2_and_destinations(void **state)
{
	tg_decision d;
	(void)state;
	DECIDE(&d, .item = "nvidia-rtx-4090", .dest = "CN", .date = "2026-02-16", .use = "consumer");
	assert_int_equal(juris(&d, "US-EAR"), TG_VERDICT_ALLOW);
	assert_true(has_reason(&d, "us-ear-nac-consumer-3a090a"));
	assert_true(has_condition(&d, "nac_notification"));
	assert_int_equal(d.ncharges, 0);
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "nvidia-rtx-4090d", .dest = "CN", .date = "2026-02-16", .use = "consumer");
	assert_int_equal(d.verdict, TG_VERDICT_ALLOW);
	assert_null(d.lines[0].cls.eccn);
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "nvidia-h100-sxm", .dest = "SA", .date = "2026-06-15");
	assert_int_equal(d.verdict, TG_VERDICT_LICENSE_REQUIRED);
	assert_true(has_reason(&d, "us-ear-3a090-license"));
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "nvidia-h100-sxm", .dest = "DE", .date = "2026-06-15");
	assert_int_equal(d.verdict, TG_VERDICT_ALLOW);
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "nvidia-h100-sxm", .dest = "IL", .date = "2026-06-15");
	assert_int_equal(d.verdict, TG_VERDICT_ALLOW); /* D:4 but also A:6 */
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "nvidia-h100-sxm", .dest = "MY", .date = "2026-06-15", .hq = "CN");
	assert_int_equal(d.verdict, TG_VERDICT_DENY);
	assert_true(has_reason(&d, "us-ear-hq-d5"));
	tg_decision_dispose(&d);
}

static void decide__military_and_gp10(void **state)
{
	tg_decision d;
	(void)state;
	DECIDE(&d, .item = "nvidia-h100-sxm", .dest = "DE", .date = "2026-06-15", .use = "military");
	assert_int_equal(d.verdict, TG_VERDICT_DENY);
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "nvidia-rtx-4090d", .dest = "DE", .date = "2026-06-15", .sector = "military");
	assert_int_equal(d.verdict, TG_VERDICT_DENY);
	assert_true(has_reason(&d, "us-ear-military-end-user"));
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "huawei-ascend-910b", .dest = "MY", .from = "MY", .date = "2025-05-12");
	assert_int_equal(d.verdict, TG_VERDICT_ALLOW);
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "huawei-ascend-910b", .dest = "MY", .from = "MY", .date = "2025-05-13");
	assert_int_equal(d.verdict, TG_VERDICT_DENY);
	assert_true(has_reason(&d, "us-ear-gp10-prc-3a090"));
	tg_decision_dispose(&d);
	DECIDE(&d, .item = "huawei-ascend-910b", .dest = "MY", .from = "MY", .date = "2025-05-13", .use = "evaluation");
	assert_int_equal(d.verdict, TG_VERDICT_ALLOW);
	tg_decision_dispose(&d);
}

static void decide__system_rolls_up_and_customs_value_is_the_base(void **state)
{
	tg_decision d;
	(void)state;
	DECIDE(&d, .item = "nvidia-hgx-h200", .dest = "CN", .date = "2026-02-16",
	       .extra_line = ",\"customs_value\":\"1000000.50\"");
	assert_string_equal(d.lines[0].cls.eccn, "4A090.a");
	assert_int_equal(juris(&d, "US-EAR"), TG_VERDICT_LICENSE_REQUIRED);
	assert_int_equal(d.ncharges, 1);
	assert_int_equal(d.charges[0].base.micros, INT64_C(1000000500000));
	assert_int_equal(d.charges[0].amount.micros, INT64_C(250000125000));
	tg_decision_dispose(&d);
}

static void decide__unknown_item_names_the_field(void **state)
{
	tg_decision d;
	spec s = {.item = "nvidia-h999", .dest = "CN", .date = "2026-02-16"};
	tg_err err = TG_ERR_INIT;
	(void)state;
	assert_int_equal(decide(&d, &s, &err), TG_EINVALID);
	assert_string_equal(err.field, "lines[0].item");
	tg_decision_dispose(&d);
}

static void decide__no_rule_in_force_is_said(void **state)
{
	tg_decision d;
	(void)state;
	DECIDE(&d, .item = "nvidia-h100-sxm", .dest = "CN", .date = "2022-01-03");
	assert_int_equal(d.verdict, TG_VERDICT_ALLOW);
	assert_true(has_reason(&d, "no-rule-in-force"));
	tg_decision_dispose(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decide__h200_china_case_by_case_with_tariff),
		cmocka_unit_test(decide__cbc_effective_date_boundary),
		cmocka_unit_test(decide__reexport_from_abroad_stays_denied),
		cmocka_unit_test(decide__blackwell_and_gaudi3_fail_the_gate),
		cmocka_unit_test(decide__h20_is_informed_dates_and_revenue_share),
		cmocka_unit_test(decide__china_buyer_rules_by_date),
		cmocka_unit_test(decide__nac_note2_and_destinations),
		cmocka_unit_test(decide__military_and_gp10),
		cmocka_unit_test(decide__system_rolls_up_and_customs_value_is_the_base),
		cmocka_unit_test(decide__unknown_item_names_the_field),
		cmocka_unit_test(decide__no_rule_in_force_is_said),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
