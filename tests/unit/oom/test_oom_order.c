/* SPDX-License-Identifier: Apache-2.0 */
/* OOM sweep of tg_order_parse over every example order (several lines and parties, an inline spec that
 * goes through jansson, a syntax error reported through jansson). tests/unit/order sweeps a small one. */
#include "oom.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include "tg/order.h"

typedef struct text {
	const char *s;
	size_t n;
	int want; /* TG_OK, or the code a run with enough memory gives */
} text;

static int parse(void *ctx, tg_err *err)
{
	const text *t = ctx;
	tg_order *o = NULL;
	int rc = tg_order_parse(&o, t->s, t->n, err);
	if (rc != TG_OK && o != NULL)
		rc = TG_EINTERNAL;
	tg_order_free(o);
	/* An invalid text succeeds the sweep when it fails for its own reason. */
	return rc == t->want && rc != TG_OK ? TG_OK : rc;
}

static void sweep_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = calloc(1, 65536);
	text t;
	assert_non_null(f);
	assert_non_null(buf);
	t.s = buf;
	t.n = fread(buf, 1, 65535, f);
	t.want = TG_OK;
	fclose(f);
	assert_true(oom_sweep(parse, &t, 100000) > 1);
	free(buf);
}

static void oom__order_parse_examples(void **state)
{
	char dir[4096], path[8192];
	DIR *d;
	struct dirent *e;
	size_t n = 0;
	(void)state;
	snprintf(dir, sizeof(dir), "%s", tg_test_path("examples/orders"));
	assert_non_null(d = opendir(dir));
	while ((e = readdir(d)) != NULL) {
		if (strstr(e->d_name, ".json") == NULL)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		sweep_file(path);
		n++;
	}
	closedir(d);
	assert_true(n > 0);
}

static void oom__order_parse_syntax_error(void **state)
{
	static const char bad[] = "{\"id\": \"x\", \"lines\": [1,]}";
	text t = {bad, sizeof(bad) - 1, TG_EINVALID};
	(void)state;
	assert_true(oom_sweep(parse, &t, 100000) >= 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(oom__order_parse_examples),
		cmocka_unit_test(oom__order_parse_syntax_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
