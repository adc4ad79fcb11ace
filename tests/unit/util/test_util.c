/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the leaf util modules: dec, date, buf, map, json getters, allocation failure. */
#include "tg_test.h"

#include <string.h>
#include "tg/dec.h"
#include "tg/date.h"
#include "alloc.h"
#include "buf.h"
#include "fmt.h"
#include "json.h"
#include "map.h"

static void fmt(tg_dec v, int min_frac, const char *want)
{
	tg_buf b = TG_BUF_INIT;
	assert_int_equal(tg_dec_format(&b, v, min_frac), TG_OK);
	assert_string_equal(b.ptr, want);
	tg_buf_dispose(&b);
}

static void util__dec_parse_format(void **state)
{
	tg_dec d;
	tg_err err = TG_ERR_INIT;
	(void)state;
	assert_int_equal(tg_dec_parse(&d, "31000.50", &err), TG_OK);
	assert_int_equal(d.micros, INT64_C(31000500000));
	fmt(d, 2, "31000.50");
	fmt(d, 0, "31000.5");
	assert_int_equal(tg_dec_parse(&d, "-0.000001", &err), TG_OK);
	fmt(d, 2, "-0.000001");
	assert_int_equal(tg_dec_parse(&d, "12", &err), TG_OK);
	fmt(d, 2, "12.00");
	assert_int_equal(tg_dec_parse(&d, "1.2345678", &err), TG_EINVALID);
	assert_non_null(strstr(err.msg, "more than 6 decimals"));
	assert_int_equal(tg_dec_parse(&d, "1e5", &err), TG_EINVALID);
	assert_int_equal(tg_dec_parse(&d, "", &err), TG_EINVALID);
	assert_int_equal(tg_dec_parse(&d, ".5", &err), TG_EINVALID);
	assert_int_equal(tg_dec_parse(&d, "5.", &err), TG_EINVALID);
	assert_int_equal(tg_dec_parse(&d, "99999999999999999999", &err), TG_EINVALID);
}

static void util__dec_mul_exact_and_rounding(void **state)
{
	tg_dec a, r, out;
	(void)state;
	tg_dec_parse(&a, "30000.01", NULL);
	tg_dec_parse(&r, "0.25", NULL);
	assert_int_equal(tg_dec_mul(&out, a, r), TG_OK);
	fmt(out, 2, "7500.0025");
	/* 0.000001 * 0.5 = 0.0000005 -> half-even to 0.000000 (rounded) */
	tg_dec_parse(&a, "0.000001", NULL);
	tg_dec_parse(&r, "0.5", NULL);
	assert_int_equal(tg_dec_mul(&out, a, r), 1);
	assert_int_equal(out.micros, 0);
	tg_dec_parse(&a, "0.000003", NULL);
	assert_int_equal(tg_dec_mul(&out, a, r), 1);
	assert_int_equal(out.micros, 2);
	tg_dec_parse(&a, "-100", NULL);
	tg_dec_parse(&r, "0.15", NULL);
	assert_int_equal(tg_dec_mul(&out, a, r), TG_OK);
	fmt(out, 2, "-15.00");
	tg_dec_parse(&a, "9000000000000", NULL);
	tg_dec_parse(&r, "2", NULL);
	assert_int_equal(tg_dec_mul(&out, a, r), TG_ELIMIT);
	assert_int_equal(tg_dec_mul_int(&out, a, 2), TG_ELIMIT);
	assert_int_equal(tg_dec_add(&out, a, a), TG_ELIMIT);
}

static void util__date_parse_strict(void **state)
{
	tg_date d;
	char s[11];
	(void)state;
	assert_int_equal(tg_date_parse(&d, "1970-01-01", NULL), TG_OK);
	assert_int_equal(d, 0);
	assert_int_equal(tg_date_parse(&d, "2026-01-15", NULL), TG_OK);
	tg_date_format(s, d);
	assert_string_equal(s, "2026-01-15");
	assert_int_equal(tg_date_parse(&d, "2024-02-29", NULL), TG_OK);
	assert_int_equal(tg_date_parse(&d, "2025-02-29", NULL), TG_EINVALID);
	assert_int_equal(tg_date_parse(&d, "2025-13-01", NULL), TG_EINVALID);
	assert_int_equal(tg_date_parse(&d, "2025-1-01", NULL), TG_EINVALID);
	assert_int_equal(tg_date_parse(&d, "2025-01-01T00", NULL), TG_EINVALID);
}

static void util__buf_limit_and_json_escape(void **state)
{
	tg_buf b = TG_BUF_INIT;
	(void)state;
	b.max = 8;
	assert_int_equal(tg__buf_puts(&b, "12345678"), TG_OK);
	assert_int_equal(tg__buf_puts(&b, "9"), TG_ELIMIT);
	tg__buf_clear(&b);
	b.max = 0;
	assert_int_equal(tg__buf_put_json_str(&b, "a\"b\\c\n\x01"), TG_OK);
	assert_string_equal(b.ptr, "\"a\\\"b\\\\c\\n\\u0001\"");
	tg_buf_dispose(&b);
}

static void util__map_put_get_grow(void **state)
{
	tg_map m = TG_MAP_INIT;
	static char keys[200][8];
	int i;
	(void)state;
	for (i = 0; i < 200; i++) {
		snprintf(keys[i], 8, "k%d", i);
		assert_int_equal(tg__map_put(&m, keys[i], strlen(keys[i]), &keys[i], NULL), TG_OK);
	}
	for (i = 0; i < 200; i++)
		assert_ptr_equal(tg__map_get(&m, keys[i], strlen(keys[i])), &keys[i]);
	assert_null(tg__map_get(&m, "nope", 4));
	assert_int_equal(m.len, 200);
	tg__map_dispose(&m);
}

static void util__json_getters_name_the_field(void **state)
{
	json_t *v = NULL;
	tg_err err = TG_ERR_INIT;
	int64_t n;
	tg_dec d;
	char cc[3];
	const char *text = "{\"q\": 0, \"v\": 12.5, \"c\": \"ZZ\", \"ok\": \"CN\"}";
	(void)state;
	assert_int_equal(tg__json_parse(&v, text, strlen(text), &err), TG_OK);
	assert_int_equal(tg__json_get_int(&n, v, "lines[0]", "q", 1, 1, 1000, &err), TG_EINVALID);
	assert_string_equal(err.field, "lines[0].q");
	assert_int_equal(tg__json_get_dec(&d, v, "lines[0]", "v", 1, &err), TG_EINVALID);
	assert_string_equal(err.field, "lines[0].v");
	assert_int_equal(tg__json_get_country(cc, v, "", "c", 1, &err), TG_EINVALID);
	assert_string_equal(err.field, "c");
	assert_int_equal(tg__json_get_country(cc, v, "", "ok", 1, &err), 1);
	assert_string_equal(cc, "CN");
	assert_int_equal(tg__json_get_str(&text, v, "", "missing", 1, &err), TG_EINVALID);
	assert_non_null(strstr(err.msg, "missing"));
	json_decref(v);
	assert_int_equal(tg__json_parse(&v, "{\"a\":1,\"a\":2}", 13, &err), TG_EINVALID);
	assert_int_equal(tg__json_parse(&v, "{\n \"a\": }", 10, &err), TG_EINVALID);
	assert_int_equal(err.line, 2);
}

static void util__country_codes(void **state)
{
	(void)state;
	assert_true(tg__country_valid("AD")); /* first */
	assert_true(tg__country_valid("ZW")); /* last */
	assert_true(tg__country_valid("CN"));
	assert_true(tg__country_valid("HK"));
	assert_true(tg__country_valid("MO"));
	assert_true(tg__country_valid("XK")); /* user-assigned, used by OFAC */
	assert_false(tg__country_valid("ZZ"));
	assert_false(tg__country_valid("cn"));
	assert_false(tg__country_valid("CHN"));
	assert_false(tg__country_valid(""));
}

static void util__alloc_fail_after(void **state)
{
	tg_buf b = TG_BUF_INIT;
	(void)state;
	tg__alloc_fail_after(1);
	assert_int_equal(tg__buf_puts(&b, "x"), TG_ENOMEM);
	tg__alloc_fail_after(0);
	assert_int_equal(tg__buf_puts(&b, "x"), TG_OK);
	tg_buf_dispose(&b);
}

static void util__fmt_integers_and_decimals(void **state)
{
	char out[24];
	tg_dec v;
	(void)state;
	assert_int_equal(tg__fmt_u64(out, 0), 1);
	assert_memory_equal(out, "0", 1);
	assert_int_equal(tg__fmt_u64(out, UINT64_MAX), 20);
	assert_memory_equal(out, "18446744073709551615", 20);
	assert_int_equal(tg__fmt_i64(out, INT64_MIN), 20);
	assert_memory_equal(out, "-9223372036854775808", 20);
	assert_int_equal(tg__fmt_i64(out, -7), 2);
	assert_memory_equal(out, "-7", 2);
	v.micros = 0;
	fmt(v, 0, "0");
	fmt(v, 2, "0.00");
	v.micros = -1500000;
	fmt(v, 0, "-1.5");
	fmt(v, 9, "-1.500000");
	v.micros = TG_DEC_MAX_MICROS;
	fmt(v, 2, "9000000000000.00");
	v.micros = -TG_DEC_MAX_MICROS + 1;
	fmt(v, 0, "-8999999999999.999999");
}

static void util__buf_json_escape_runs(void **state)
{
	tg_buf b = TG_BUF_INIT;
	(void)state;
	assert_int_equal(tg__buf_put_json_str(&b, ""), TG_OK);
	assert_int_equal(tg__buf_put_json_str(&b, "a\"b\\c\n\r\t\x01\x1f\xc3\xa9/"), TG_OK);
	assert_string_equal(b.ptr, "\"\"\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u001f\xc3\xa9/\"");
	tg_buf_dispose(&b);
	b.max = 8; /* appends within the allocated capacity still respect the maximum */
	assert_int_equal(tg__buf_puts(&b, "12345678"), TG_OK);
	assert_int_equal(tg__buf_putc(&b, '9'), TG_ELIMIT);
	assert_true(b.asize <= 9);
	tg_buf_dispose(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(util__dec_parse_format),
		cmocka_unit_test(util__dec_mul_exact_and_rounding),
		cmocka_unit_test(util__date_parse_strict),
		cmocka_unit_test(util__buf_limit_and_json_escape),
		cmocka_unit_test(util__map_put_get_grow),
		cmocka_unit_test(util__json_getters_name_the_field),
		cmocka_unit_test(util__country_codes),
		cmocka_unit_test(util__alloc_fail_after),
		cmocka_unit_test(util__fmt_integers_and_decimals),
		cmocka_unit_test(util__buf_json_escape_runs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
