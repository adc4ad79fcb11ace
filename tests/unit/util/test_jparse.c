/* SPDX-License-Identifier: Apache-2.0 */
/* The order token parser against jansson: the canonical form is byte-identical to
 * json_dumps(JSON_COMPACT | JSON_SORT_KEYS | JSON_ENSURE_ASCII) (recorded content hashes depend on it),
 * and the parser accepts and rejects exactly what jansson does (with its depth limit). */
#include "tg_test.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "alloc.h"
#include "buf.h"
#include "jparse.h"
#include "json.h"

/* Parse text with both; when jansson accepts it, the canonical forms must match. Returns 1 if accepted. */
static int same_as_jansson(const char *text, size_t len)
{
	tg_jdoc d = TG_JDOC_INIT;
	json_t *root = NULL;
	int ours = tg__jp_parse(&d, text, len), theirs = tg__json_parse(&root, text, len, NULL);
	if ((ours == TG_OK) != (theirs == TG_OK))
		fail_msg("'%.*s': token parser %d, jansson %d (%s)", (int)len, text, ours, theirs,
			 d.err_msg ? d.err_msg : "");
	if (ours == TG_OK) {
		tg_buf b = TG_BUF_INIT;
		char *want = json_dumps(root, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENSURE_ASCII);
		assert_int_equal(tg__jp_canonical(&b, &d, 0), TG_OK);
		if (strcmp(b.ptr, want) != 0)
			fail_msg("'%.*s':\n ours   %s\n jansson %s", (int)len, text, b.ptr, want);
		free(want);
		tg_buf_dispose(&b);
	}
	json_decref(root);
	tg__jp_dispose(&d);
	return ours == TG_OK;
}

static int same(const char *text)
{
	return same_as_jansson(text, strlen(text));
}

static void jparse__examples_canonical_like_jansson(void **state)
{
	char dir[512], path[1024], buf[65536];
	struct dirent *e;
	DIR *dp;
	int n = 0;
	(void)state;
	snprintf(dir, sizeof(dir), "%s/examples/orders",
		 getenv("TG_SOURCE_DIR") ? getenv("TG_SOURCE_DIR") : TG_SOURCE_DIR);
	assert_non_null(dp = opendir(dir));
	while ((e = readdir(dp)) != NULL) {
		FILE *f;
		size_t len;
		if (strstr(e->d_name, ".json") == NULL)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		assert_non_null(f = fopen(path, "rb"));
		len = fread(buf, 1, sizeof(buf), f);
		fclose(f);
		assert_true(same_as_jansson(buf, len));
		n++;
	}
	closedir(dp);
	assert_true(n >= 28);
}

static void jparse__tricky_values_canonical_like_jansson(void **state)
{
	static const char *const ok[] = {
		"{}",
		"[]",
		"[[],{},[{}]]",
		" \t\r\n{ \"a\" : [ 1 , 2 ] }\n",
		"{\"a\":\"\\u007f\\u0001\\b\\f\\/\\u00e9\\ud83d\\ude00\\\"\\\\\\r\\n\\t\\u001f\"}",
		"[\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\x7f\"]",
		"[\"\\uFFFF\\uFEFF\\u0800\\u07FF\\u0080\"]",
		"{\"z\":1,\"\xc3\xa9\":2,\"a\":3,\"ab\":4,\"\":5,\"A\":6,\"\\u00e9x\":7}",
		"{\"b\":{\"d\":1,\"c\":[true,false,null]},\"a\":null}",
		"[0,-0,1,-1,9223372036854775807,-9223372036854775808,1000000000]",
		"[0.1,1E2,1e5,1.0,-2.5e-3,1e-400,123456789012345678901234567890.0,3.141592653589793,5e+20]",
		"{\"k01\":1,\"k17\":2,\"k03\":3,\"k16\":4,\"k05\":5,\"k15\":6,\"k07\":7,\"k14\":8,\"k09\":9,"
		"\"k13\":10,\"k11\":11,\"k12\":12,\"k10\":13,\"k08\":14,\"k06\":15,\"k04\":16,\"k02\":17,\"k18\":18}",
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (!same(ok[i]))
			fail_msg("'%s' rejected", ok[i]);
}

static void jparse__rejects_what_jansson_rejects(void **state)
{
	static const char *const bad[] = {
		"",
		" ",
		"\"abc\"",
		"1",
		"null",
		"[1 2]",
		"{\"a\":1,}",
		"[1,]",
		"{\"a\" 1}",
		"{\"a\":1 \"b\":2}",
		"{1:2}",
		"[01]",
		"[-]",
		"[1.]",
		"[.5]",
		"[1e]",
		"[1e+]",
		"[+1]",
		"[tru]",
		"[nul]",
		"[True]",
		"[\"\x01\"]",
		"[\"a\nb\"]",
		"[\"\\ud800\"]",
		"[\"\\udc00\"]",
		"[\"\\ud800\\u0041\"]",
		"[\"\\u0000\"]",
		"[\"\\u12\"]",
		"[\"\\q\"]",
		"[\"\xc0\x80\"]",
		"[\"\xed\xa0\x80\"]",
		"[\"\xf4\x90\x80\x80\"]",
		"[\"\xe2\x82\"]",
		"[\"\x80\"]",
		"[\"\xff\"]",
		"[\"abc",
		"[1",
		"{\"a\":",
		"{} x",
		"{}{}",
		"[1e400]",
		"[-1e400]",
		"[99999999999999999999]",
		"[-9223372036854775809]",
		"{\"a\":1,\"a\":2}",
		"{\"a\":{\"x\":1,\"y\":2,\"x\":3}}",
		"[\xc3\xa9]",
		"{\"k01\":1,\"k17\":2,\"k03\":3,\"k16\":4,\"k05\":5,\"k15\":6,\"k07\":7,\"k14\":8,\"k09\":9,"
		"\"k13\":10,\"k11\":11,\"k12\":12,\"k10\":13,\"k08\":14,\"k06\":15,\"k04\":16,\"k17\":17}",
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (same(bad[i]))
			fail_msg("'%s' accepted", bad[i]);
	assert_false(same_as_jansson("[\"a\0b\"]", 7)); /* a raw NUL byte */
	/* jansson 2.14 skips a NUL byte that follows a number or a literal (fuzz/corpora/json/nul-after-number) */
	assert_false(same_as_jansson("[10\0]", 5));
	assert_false(same_as_jansson("[true\0,1]", 9));
	assert_false(same_as_jansson("{\"a\":1\0}", 8));
}

static void jparse__depth_limit(void **state)
{
	char text[200];
	int n;
	(void)state;
	for (n = 30; n <= 35; n++) {
		/* n nested arrays: the innermost at depth n - 1 */
		memset(text, '[', (size_t)n);
		memset(text + n, ']', (size_t)n);
		assert_int_equal(same_as_jansson(text, 2 * (size_t)n), n - 1 <= TG_JP_MAX_DEPTH);
		/* with a scalar inside, at depth n */
		text[n] = '1';
		memset(text + n + 1, ']', (size_t)n);
		assert_int_equal(same_as_jansson(text, 2 * (size_t)n + 1), n <= TG_JP_MAX_DEPTH);
	}
}

static void jparse__find_and_strings(void **state)
{
	const char *t = "{\"id\":\"a\\u00e9\\n\",\"n\":-42,\"x\":[1,{\"y\":2}],\"z\":true}";
	tg_jdoc d = TG_JDOC_INIT;
	uint32_t v;
	(void)state;
	assert_int_equal(tg__jp_parse(&d, t, strlen(t)), TG_OK);
	assert_int_equal(d.tok[0].nkids, 4);
	v = tg__jp_find(&d, 0, "id");
	assert_string_equal(d.tok[v].v.s, "a\xc3\xa9\n");
	assert_int_equal(d.tok[v].len, 4);
	assert_int_equal(d.tok[tg__jp_find(&d, 0, "n")].v.i, -42);
	assert_int_equal(d.tok[tg__jp_find(&d, 0, "z")].type, TG_JTRUE);
	assert_int_equal(tg__jp_find(&d, 0, "missing"), 0);
	/* reuse of the document's buffers for a second parse */
	assert_int_equal(tg__jp_parse(&d, "[]", 2), TG_OK);
	assert_int_equal(d.ntok, 1);
	tg__jp_dispose(&d);
}

static void jparse__oom(void **state)
{
	const char *t = "{\"a\":[1,2,3],\"b\":\"x\"}";
	size_t k;
	(void)state;
	for (k = 1; k < 16; k++) {
		tg_jdoc d = TG_JDOC_INIT;
		tg_buf b = TG_BUF_INIT;
		int rc;
		tg__alloc_fail_after(k);
		rc = tg__jp_parse(&d, t, strlen(t));
		if (rc == TG_OK)
			rc = tg__jp_canonical(&b, &d, 0);
		tg__alloc_fail_after(0);
		assert_true(rc == TG_OK || rc == TG_ENOMEM);
		tg_buf_dispose(&b);
		tg__jp_dispose(&d);
		if (rc == TG_OK)
			break;
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(jparse__examples_canonical_like_jansson),
		cmocka_unit_test(jparse__tricky_values_canonical_like_jansson),
		cmocka_unit_test(jparse__rejects_what_jansson_rejects),
		cmocka_unit_test(jparse__depth_limit),
		cmocka_unit_test(jparse__find_and_strings),
		cmocka_unit_test(jparse__oom),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
