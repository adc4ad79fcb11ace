/* SPDX-License-Identifier: Apache-2.0 */
/* Policy loading: the shipped policy loads, effective dates select rules, malformed files fail
 * naming the file, rule and field, and allocation failures never crash or leak. */
#include "tg_test.h"

#include <stdio.h>
#include <string.h>
#include "tg/policy.h"
#include "alloc.h"

static tg_date d(const char *s)
{
	tg_date x = 0;
	tg_date_parse(&x, s, NULL);
	return x;
}

static size_t in_force(const tg_policy *p, const char *date)
{
	size_t i, n = 0;
	for (i = 0; i < tg_policy_rule_count(p); i++)
		n += (size_t)tg_policy_in_force(p, i, d(date));
	return n;
}

static void policy__shipped_policy_loads(void **state)
{
	tg_policy *p = NULL;
	tg_err err = TG_ERR_INIT;
	tg_rule_info r;
	size_t i, found = 0;
	(void)state;
	assert_int_equal(tg_policy_load(&p, tg_test_path("policy"), &err), TG_OK);
	assert_true(tg_policy_rule_count(p) >= 18);
	for (i = 0; i < tg_policy_rule_count(p); i++) {
		tg_policy_rule_info(&r, p, i);
		assert_true(strlen(r.citation) > 0);
		assert_true(strlen(r.confidence) > 0);
		if (strcmp(r.id, "us-ear-cbc-2026") == 0) {
			char s[11];
			tg_date_format(s, r.effective_from);
			assert_string_equal(s, "2026-01-15");
			assert_int_equal(r.verdict, TG_VERDICT_LICENSE_REQUIRED);
			assert_string_equal(r.review, "case_by_case");
			found++;
		}
	}
	assert_int_equal(found, 1);
	assert_int_equal(in_force(p, "2026-01-15"), in_force(p, "2026-01-14") + 1);
	tg_policy_free(p);
}

static void policy__effective_dates_inclusive(void **state)
{
	tg_policy *p = NULL;
	tg_buf b = TG_BUF_INIT;
	(void)state;
	assert_int_equal(tg_policy_load(&p, tg_test_path("tests/resources/policy/good"), NULL), TG_OK);
	assert_int_equal(tg_policy_rule_count(p), 3);
	assert_int_equal(in_force(p, "2025-12-31"), 1);
	assert_int_equal(in_force(p, "2026-01-01"), 2);
	assert_int_equal(in_force(p, "2026-03-01"), 3);
	assert_int_equal(in_force(p, "2026-06-30"), 3);
	assert_int_equal(in_force(p, "2026-07-01"), 2);
	assert_int_equal(tg_policy_list_json(&b, p, d("2026-07-01")), TG_OK);
	assert_non_null(strstr(b.ptr, "\"as_of\":\"2026-07-01\""));
	assert_null(strstr(b.ptr, "t-deny-cn"));
	assert_non_null(strstr(b.ptr, "\"id\":\"t-allow-cn-late\""));
	tg_buf_dispose(&b);
	tg_policy_free(p);
}

static void check_bad(const char *dir, const char *want)
{
	tg_policy *p = NULL;
	tg_err err = TG_ERR_INIT;
	char path[256];
	snprintf(path, sizeof(path), "tests/resources/policy/%s", dir);
	assert_int_equal(tg_policy_load(&p, tg_test_path(path), &err), TG_EINVALID);
	assert_null(p);
	if (strstr(err.msg, want) == NULL)
		fail_msg("%s: message '%s' lacks '%s'", dir, err.msg, want);
}

static void policy__malformed_files_name_the_field(void **state)
{
	(void)state;
	check_bad("bad-date", "10-test.json: rules[0].effective_from");
	check_bad("bad-override", "overrides unknown rule 'nope'");
	check_bad("bad-group", "rules[0].when.destination: 'ASIA' is neither");
	check_bad("dup-id", "rule id 't-deny-cn' is defined twice");
	check_bad("bad-verdict", "rules[2].then.verdict");
	check_bad("unknown-key", "rules[0].when.colour: unknown field");
}

static void policy__missing_directory(void **state)
{
	tg_policy *p = NULL;
	tg_err err = TG_ERR_INIT;
	(void)state;
	assert_true(tg_policy_load(&p, "/nonexistent/policy", &err) < 0);
	assert_null(p);
}

static void policy__oom_sweep(void **state)
{
	size_t k;
	(void)state;
	for (k = 1; k < 5000; k++) {
		tg_policy *p = NULL;
		int rc;
		tg__alloc_fail_after(k);
		rc = tg_policy_load(&p, tg_test_path("tests/resources/policy/good"), NULL);
		tg__alloc_fail_after(0);
		assert_true(rc == TG_OK || rc == TG_ENOMEM);
		tg_policy_free(p);
		if (rc == TG_OK)
			return;
	}
	fail_msg("policy load never succeeded");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(policy__shipped_policy_loads),
		cmocka_unit_test(policy__effective_dates_inclusive),
		cmocka_unit_test(policy__malformed_files_name_the_field),
		cmocka_unit_test(policy__missing_directory),
		cmocka_unit_test(policy__oom_sweep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
