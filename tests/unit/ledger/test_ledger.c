/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the ledger's money arithmetic: minor units per currency and half-even pro rata. */
#include "tg_test.h"

#include "ledger.h"

static void ledger__minor_digits(void **state)
{
	(void)state;
	assert_int_equal(tg_currency_minor_digits("USD"), 2);
	assert_int_equal(tg_currency_minor_digits("EUR"), 2);
	assert_int_equal(tg_currency_minor_digits("JPY"), 0);
	assert_int_equal(tg_currency_minor_digits("KRW"), 0);
	assert_int_equal(tg_currency_minor_digits("KWD"), 3);
	assert_int_equal(tg_currency_minor_digits("XYZ"), 2);
}

static int64_t pr(int64_t rate, int64_t base, int64_t q, int64_t lq, int minor)
{
	int64_t out = -1;
	assert_int_equal(tg__ledger_prorate(&out, rate, base, q, lq, minor), TG_OK);
	return out;
}

static void ledger__prorate_half_even(void **state)
{
	(void)state;
	/* 25% of 3,100,000.00 for 4 of 100 units = 31,000.00 */
	assert_int_equal(pr(250000, INT64_C(3100000000000), 4, 100, 2), 3100000);
	/* 25% of 100.01 / 3 = 8.334166.. -> 8.33 */
	assert_int_equal(pr(250000, 100010000, 1, 3, 2), 833);
	/* exact halves go to even: 0.25 x 0.10 = 0.025 -> 0.02; 0.25 x 0.14 = 0.035 -> 0.04 */
	assert_int_equal(pr(250000, 100000, 1, 1, 2), 2);
	assert_int_equal(pr(250000, 140000, 1, 1, 2), 4);
	/* JPY: no minor digits; 15% of 1,001 = 150.15 -> 150 */
	assert_int_equal(pr(150000, 1001000000, 1, 1, 0), 150);
	/* negative (reversal-style) amounts round symmetrically to even */
	assert_int_equal(pr(250000, -100000, 1, 1, 2), -2);
	assert_int_equal(pr(250000, -140000, 1, 1, 2), -4);
	/* whole shipment of the line equals the decision's amount */
	assert_int_equal(pr(150000, INT64_C(5000000000), 7, 7, 2), 75000);
}

static void ledger__prorate_rejects(void **state)
{
	int64_t out;
	(void)state;
	assert_int_equal(tg__ledger_prorate(&out, 250000, 100, 1, 0, 2), TG_EINVALID);
	assert_int_equal(tg__ledger_prorate(&out, INT64_MAX, INT64_MAX, 1, 1, 2), TG_ELIMIT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ledger__minor_digits),
		cmocka_unit_test(ledger__prorate_half_even),
		cmocka_unit_test(ledger__prorate_rejects),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
