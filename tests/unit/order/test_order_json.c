/* SPDX-License-Identifier: Apache-2.0 */
/* Orders through jansson (util/json.c): the canonical text that content hashes are made from is jansson's
 * compact, key-sorted, ASCII dump of every example order; the text is rejected with jansson's line and
 * column (raw NUL bytes, duplicate keys and nesting past TG_JSON_MAX_DEPTH included). */
#include "tg_test.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tg/order.h"
#include "alloc.h"
#include "json.h"

/* Parse an order; its canonical text must be jansson's dump of the same text. Returns the order's rc. */
static int parse_canonical(const char *text, size_t len, tg_err *err)
{
	tg_order *o = NULL;
	json_t *root = NULL;
	int rc = tg_order_parse(&o, text, len, err);
	if (rc == TG_OK) {
		char *want;
		assert_int_equal(tg__json_parse(&root, text, len, NULL), TG_OK);
		want = json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENSURE_ASCII);
		assert_string_equal(o->canonical, want);
		tg__free(want);
		json_decref(root);
	}
	tg_order_free(o);
	return rc;
}

static void order_json__examples_canonical(void **state)
{
	char dir[512], path[1024], buf[65536];
	struct dirent *e;
	DIR *dp;
	int n = 0;
	(void)state;
	snprintf(dir, sizeof(dir), "%s/examples/orders", getenv("TG_SOURCE_DIR") ? getenv("TG_SOURCE_DIR") : TG_SOURCE_DIR);
	assert_non_null(dp = opendir(dir));
	while ((e = readdir(dp)) != NULL) {
		FILE *f;
		size_t len;
		tg_err err = TG_ERR_INIT;
		if (strstr(e->d_name, ".json") == NULL)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		assert_non_null(f = fopen(path, "rb"));
		len = fread(buf, 1, sizeof(buf), f);
		fclose(f);
		parse_canonical(buf, len, &err); /* some examples are bad on purpose: only accepted ones compare */
		n++;
	}
	closedir(dp);
	assert_true(n >= 28);
}

#define ORDER_HEAD "{\"id\":\"O-1\",\"date\":\"2026-02-16\",\"exporter\":{\"name\":\"Acme\",\"country\":\"US\"},"
#define ORDER_TAIL "\"ship_from\":\"US\",\"destination\":\"CN\",\"end_use\":\"datacenter\",\"lines\":[{\"item\":\"x\"," \
		   "\"quantity\":1,\"unit_value\":\"1.00\"}]}"

static void order_json__canonical_ascii_sorted(void **state)
{
	const char *t = ORDER_HEAD "\"parties\":[{\"role\":\"end_user\",\"name\":\"Zo\xc3\xab \\u20ac\",\"country\":\"CN\"}],"
			ORDER_TAIL;
	tg_order *o = NULL;
	(void)state;
	assert_int_equal(parse_canonical(t, strlen(t), NULL), TG_OK);
	assert_int_equal(tg_order_parse(&o, t, strlen(t), NULL), TG_OK);
	assert_string_equal(o->parties[0].name, "Zo\xc3\xab \xe2\x82\xac");
	assert_non_null(strstr(o->canonical, "\"name\":\"Zo\\u00EB \\u20AC\""));
	assert_true(strstr(o->canonical, "\"date\"") < strstr(o->canonical, "\"id\""));
	tg_order_free(o);
}

static void expect_syntax(const char *text, size_t len, int line, int column)
{
	tg_err err = TG_ERR_INIT;
	assert_int_equal(parse_canonical(text, len, &err), TG_EINVALID);
	if (strncmp(err.msg, "invalid JSON at line ", 21) != 0)
		fail_msg("'%.*s': %s", (int)len, text, err.msg);
	assert_int_equal(err.line, line);
	assert_int_equal(err.column, column);
}

static void order_json__syntax_errors_name_line_and_column(void **state)
{
	tg_err err = TG_ERR_INIT;
	(void)state;
	expect_syntax("{\"id\":1 \"b\":2}", 14, 1, 11);
	expect_syntax("{\n\"a\":[1,]}", 11, 2, 8);
	expect_syntax("[\"a\0b\"]", 7, 1, 4);
	expect_syntax("[10\0]", 5, 1, 4); /* jansson 2.14 alone would skip this NUL */
	assert_int_equal(parse_canonical("{\"id\":\"a\",\"id\":\"b\"}", 19, &err), TG_EINVALID);
	assert_non_null(strstr(err.msg, "duplicate object key"));
}

static void order_json__depth_limit(void **state)
{
	char text[200];
	tg_err err = TG_ERR_INIT;
	int n = TG_JSON_MAX_DEPTH + 2;
	(void)state;
	memset(text, '[', (size_t)n);
	memset(text + n, ']', (size_t)n);
	assert_int_equal(parse_canonical(text, 2 * (size_t)n, &err), TG_EINVALID);
	assert_string_equal(err.msg, "JSON nested deeper than 32 levels");
	n = TG_JSON_MAX_DEPTH;
	memset(text, '[', (size_t)n);
	memset(text + n, ']', (size_t)n);
	assert_int_equal(parse_canonical(text, 2 * (size_t)n, &err), TG_EINVALID);
	assert_string_equal(err.msg, "an order must be a JSON object");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(order_json__examples_canonical),
		cmocka_unit_test(order_json__canonical_ascii_sorted),
		cmocka_unit_test(order_json__syntax_errors_name_line_and_column),
		cmocka_unit_test(order_json__depth_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
