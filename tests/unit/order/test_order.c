/* SPDX-License-Identifier: Apache-2.0 */
/* Order parsing: a valid order round-trips, and the bad-input matrix — every malformed input is
 * TG_EINVALID (or TG_ELIMIT) naming the offending field. */
#include "tg_test.h"

#include <stdio.h>
#include <string.h>
#include "tg/order.h"
#include "alloc.h"

#define PARTY "{\"role\":\"end_user\",\"name\":\"Buyer Co\",\"country\":\"CN\",\"sector\":\"private\"}"
#define LINE "{\"item\":\"nvidia-h200-sxm\",\"quantity\":10,\"unit_value\":\"31000.00\",\"currency\":\"USD\"}"
#define EXP "{\"name\":\"Acme\",\"country\":\"US\"}"
/* An order with one field replaced: pass the whole text. */
#define ORDER(id, date, exp, from, dest, parties, use, lines)                                                \
	"{\"id\":" id ",\"date\":" date ",\"exporter\":" exp ",\"ship_from\":" from ",\"destination\":" dest \
	",\"parties\":" parties ",\"end_use\":" use ",\"lines\":" lines "}"
#define OK_ORDER \
	ORDER("\"O-1\"", "\"2026-02-16\"", EXP, "\"US\"", "\"CN\"", "[" PARTY "]", "\"datacenter\"", "[" LINE "]")
/* An order "O" of 2026-01-01 from EXP, US to CN, end use other: with these lines and no party, or with
 * these parties and one LINE. */
#define O_LINES(lines) ORDER("\"O\"", "\"2026-01-01\"", EXP, "\"US\"", "\"CN\"", "[]", "\"other\"", lines)
#define O_PARTIES(parties) ORDER("\"O\"", "\"2026-01-01\"", EXP, "\"US\"", "\"CN\"", parties, "\"other\"", "[" LINE "]")

static void order__valid_order_parses(void **state)
{
	tg_order *o = NULL;
	tg_err err = TG_ERR_INIT;
	const char *t = OK_ORDER;
	(void)state;
	assert_int_equal(tg_order_parse(&o, t, strlen(t), &err), TG_OK);
	assert_string_equal(o->id, "O-1");
	assert_string_equal(o->destination, "CN");
	assert_int_equal(o->nparties, 1);
	assert_string_equal(o->parties[0].hq_country, "CN"); /* defaults to country */
	assert_int_equal(o->lines[0].quantity, 10);
	assert_int_equal(o->lines[0].unit_value.micros, INT64_C(31000000000));
	assert_int_equal(strlen(o->content_hash), 64);
	tg_order_free(o);
}

static void order__hash_ignores_key_order_and_spacing(void **state)
{
	tg_order *a = NULL, *b = NULL;
	const char *t1 = OK_ORDER;
	const char *t2 = "{\"lines\":[" LINE "], \"end_use\":\"datacenter\",\"parties\":[" PARTY "],\n"
			 "\"destination\":\"CN\",\"ship_from\":\"US\",\"exporter\":" EXP
			 ",\"date\":\"2026-02-16\",\"id\":\"O-1\"}";
	(void)state;
	assert_int_equal(tg_order_parse(&a, t1, strlen(t1), NULL), TG_OK);
	assert_int_equal(tg_order_parse(&b, t2, strlen(t2), NULL), TG_OK);
	assert_string_equal(a->content_hash, b->content_hash);
	tg_order_free(a);
	tg_order_free(b);
}

typedef struct bad_case {
	const char *name;
	const char *json;
	const char *field; /* expected err.field ("" = none) */
	const char *msg;   /* expected substring of err.msg */
} bad_case;

static const bad_case bad[] = {
	{"not json", "{\"id\":", "", "invalid JSON at line 1"},
	{"syntax error line 2", "{\n  \"id\": \"x\",,\n}", "", "line 2"},
	{"array at top", "[1,2]", "", "must be a JSON object"},
	{"duplicate key", "{\"id\":\"a\",\"id\":\"b\"}", "", "duplicate"},
	{"unknown top field", O_LINES("[" LINE "]"), "",
	 ""}, /* placeholder replaced below: valid order without parties is fine */
	{"missing id", "{\"date\":\"2026-01-01\"}", "id", "required"},
	{"id not string", ORDER("7", "\"2026-01-01\"", EXP, "\"US\"", "\"CN\"", "[]", "\"other\"", "[" LINE "]"), "id",
	 "string"},
	{"empty id", ORDER("\"\"", "\"2026-01-01\"", EXP, "\"US\"", "\"CN\"", "[]", "\"other\"", "[" LINE "]"), "id",
	 "1 to 512"},
	{"bad date", ORDER("\"O\"", "\"2026-02-30\"", EXP, "\"US\"", "\"CN\"", "[]", "\"other\"", "[" LINE "]"), "date",
	 "YYYY-MM-DD"},
	{"date wrong type", ORDER("\"O\"", "20260101", EXP, "\"US\"", "\"CN\"", "[]", "\"other\"", "[" LINE "]"),
	 "date", "YYYY-MM-DD"},
	{"exporter missing name",
	 ORDER("\"O\"", "\"2026-01-01\"", "{\"country\":\"US\"}", "\"US\"", "\"CN\"", "[]", "\"other\"", "[" LINE "]"),
	 "exporter.name", "required"},
	{"exporter not object",
	 ORDER("\"O\"", "\"2026-01-01\"", "\"Acme\"", "\"US\"", "\"CN\"", "[]", "\"other\"", "[" LINE "]"), "exporter",
	 "object"},
	{"exporter bad country",
	 ORDER("\"O\"", "\"2026-01-01\"", "{\"name\":\"A\",\"country\":\"USA\"}", "\"US\"", "\"CN\"", "[]", "\"other\"",
	       "[" LINE "]"),
	 "exporter.country", "unknown country"},
	{"ship_from unknown",
	 ORDER("\"O\"", "\"2026-01-01\"", EXP, "\"XX\"", "\"CN\"", "[]", "\"other\"", "[" LINE "]"), "ship_from",
	 "unknown country"},
	{"destination lower case",
	 ORDER("\"O\"", "\"2026-01-01\"", EXP, "\"US\"", "\"cn\"", "[]", "\"other\"", "[" LINE "]"), "destination",
	 "unknown country"},
	{"end_use unknown", ORDER("\"O\"", "\"2026-01-01\"", EXP, "\"US\"", "\"CN\"", "[]", "\"gaming\"", "[" LINE "]"),
	 "end_use", "not one of"},
	{"parties not array", O_PARTIES("{}"), "parties", "array"},
	{"party bad role", O_PARTIES("[{\"role\":\"boss\",\"name\":\"X\",\"country\":\"CN\"}]"), "parties[0].role",
	 "not one of"},
	{"party missing name", O_PARTIES("[{\"role\":\"end_user\",\"country\":\"CN\"}]"), "parties[0].name",
	 "required"},
	{"party bad hq", O_PARTIES("[{\"role\":\"end_user\",\"name\":\"X\",\"country\":\"CN\",\"hq_country\":\"ZZ\"}]"),
	 "parties[0].hq_country", "unknown country"},
	{"party bad sector",
	 O_PARTIES("[{\"role\":\"end_user\",\"name\":\"X\",\"country\":\"CN\",\"sector\":\"govt\"}]"),
	 "parties[0].sector", "not one of"},
	{"party state_funded string",
	 O_PARTIES("[{\"role\":\"end_user\",\"name\":\"X\",\"country\":\"CN\",\"state_funded\":\"yes\"}]"),
	 "parties[0].state_funded", "true or false"},
	{"party unknown field", O_PARTIES("[{\"role\":\"end_user\",\"name\":\"X\",\"country\":\"CN\",\"ssn\":1}]"),
	 "parties[0].ssn", "unknown field"},
	{"no lines", O_LINES("[]"), "lines", "at least one line"},
	{"lines missing",
	 "{\"id\":\"O\",\"date\":\"2026-01-01\",\"exporter\":" EXP
	 ",\"ship_from\":\"US\",\"destination\":\"CN\",\"parties\":[],\"end_use\":\"other\"}",
	 "lines", "required"},
	{"zero quantity", O_LINES("[{\"item\":\"nvidia-h20\",\"quantity\":0,\"unit_value\":\"1\"}]"),
	 "lines[0].quantity", "integer from 1"},
	{"negative quantity", O_LINES("[" LINE ",{\"item\":\"nvidia-h20\",\"quantity\":-5,\"unit_value\":\"1\"}]"),
	 "lines[1].quantity", "integer from 1"},
	{"fractional quantity", O_LINES("[{\"item\":\"nvidia-h20\",\"quantity\":1.5,\"unit_value\":\"1\"}]"),
	 "lines[0].quantity", "integer"},
	{"float money", O_LINES("[{\"item\":\"nvidia-h20\",\"quantity\":1,\"unit_value\":12.5}]"),
	 "lines[0].unit_value", "decimal string"},
	{"money too precise", O_LINES("[{\"item\":\"nvidia-h20\",\"quantity\":1,\"unit_value\":\"1.1234567\"}]"),
	 "lines[0].unit_value", "more than 6 decimals"},
	{"negative money", O_LINES("[{\"item\":\"nvidia-h20\",\"quantity\":1,\"unit_value\":\"-1\"}]"),
	 "lines[0].unit_value", "negative"},
	{"bad currency",
	 O_LINES("[{\"item\":\"nvidia-h20\",\"quantity\":1,\"unit_value\":\"1\",\"currency\":\"usd\"}]"),
	 "lines[0].currency", "ISO 4217"},
	{"item and spec", O_LINES("[{\"item\":\"nvidia-h20\",\"spec\":{},\"quantity\":1,\"unit_value\":\"1\"}]"),
	 "lines[0].spec", ""},
	{"no item nor spec", O_LINES("[{\"quantity\":1,\"unit_value\":\"1\"}]"), "lines[0].item", "required"},
	{"spec bad field",
	 O_LINES("[{\"spec\":{\"id\":\"x\",\"dense_tops\":{\"fp6\":1}},\"quantity\":1,\"unit_value\":\"1\"}]"),
	 "lines[0].spec.dense_tops.fp6", ""},
	{"customs_value negative",
	 O_LINES("[{\"item\":\"nvidia-h20\",\"quantity\":1,\"unit_value\":\"1\",\"customs_value\":\"-2\"}]"),
	 "lines[0].customs_value", "negative"},
	{"line unknown field", O_LINES("[{\"item\":\"nvidia-h20\",\"qty\":1,\"unit_value\":\"1\"}]"), "lines[0].qty",
	 "unknown field"},
	{"huge quantity", O_LINES("[{\"item\":\"nvidia-h20\",\"quantity\":99999999999999999999,\"unit_value\":\"1\"}]"),
	 "", "invalid JSON"},
	{"value out of range", O_LINES("[{\"item\":\"nvidia-h20\",\"quantity\":1,\"unit_value\":\"99999999999999\"}]"),
	 "lines[0].unit_value", "out of range"},
	{"deep nesting", "{\"id\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
	 "", "nested deeper"},
	{"NUL in name",
	 ORDER("\"O\\u0000x\"", "\"2026-01-01\"", EXP, "\"US\"", "\"CN\"", "[]", "\"other\"", "[" LINE "]"), "",
	 "is not allowed"},
};

static void order__bad_input_matrix(void **state)
{
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		tg_order *o = NULL;
		tg_err err = TG_ERR_INIT;
		int rc;
		if (strcmp(bad[i].name, "unknown top field") == 0)
			continue; /* see order__unknown_top_field */
		rc = tg_order_parse(&o, bad[i].json, strlen(bad[i].json), &err);
		if (rc != TG_EINVALID && rc != TG_ELIMIT)
			fail_msg("case '%s': rc %d, expected an input error", bad[i].name, rc);
		if (strcmp(err.field, bad[i].field) != 0)
			fail_msg("case '%s': field '%s', expected '%s' (%s)", bad[i].name, err.field, bad[i].field,
				 err.msg);
		if (strstr(err.msg, bad[i].msg) == NULL)
			fail_msg("case '%s': message '%s' lacks '%s'", bad[i].name, err.msg, bad[i].msg);
		assert_null(o);
	}
	assert_true(sizeof(bad) / sizeof(bad[0]) >= 31);
}

static void order__unknown_top_field(void **state)
{
	tg_order *o = NULL;
	tg_err err = TG_ERR_INIT;
	const char *t = "{\"id\":\"O\",\"colour\":\"red\"}";
	(void)state;
	assert_int_equal(tg_order_parse(&o, t, strlen(t), &err), TG_EINVALID);
	assert_string_equal(err.field, "colour");
}

/* Error messages are one line even when they quote the input (found by fuzz/order_fuzzer.c). */
static void order__error_message_is_one_line(void **state)
{
	static const char *const texts[] = {
		"{\n  \"id\": \"EX-011\\u\n  \"date\": \"2026-02-16\"\n}", /* jansson quotes the text near a texts escape */
		ORDER("\"O-1\"", "\"2026-02-16\"", EXP, "\"US\"", "\"CN\"", "[" PARTY "]", "\"data\\ncenter\"",
		      "[" LINE "]"),
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		tg_order *o = NULL;
		tg_err err = TG_ERR_INIT;
		assert_int_equal(tg_order_parse(&o, texts[i], strlen(texts[i]), &err), TG_EINVALID);
		if (strpbrk(err.msg, "\r\n") != NULL)
			fail_msg("case %zu: message spans lines: %s", i, err.msg);
	}
}

static void order__oom_sweep(void **state)
{
	const char *t = OK_ORDER;
	size_t k;
	(void)state;
	for (k = 1; k < 64; k++) {
		tg_order *o = NULL;
		int rc;
		tg__alloc_fail_after(k);
		rc = tg_order_parse(&o, t, strlen(t), NULL);
		tg__alloc_fail_after(0);
		assert_true(rc == TG_OK || rc == TG_ENOMEM);
		tg_order_free(o);
		if (rc == TG_OK)
			break;
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(order__valid_order_parses),
		cmocka_unit_test(order__hash_ignores_key_order_and_spacing),
		cmocka_unit_test(order__bad_input_matrix),
		cmocka_unit_test(order__unknown_top_field),
		cmocka_unit_test(order__error_message_is_one_line),
		cmocka_unit_test(order__oom_sweep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
