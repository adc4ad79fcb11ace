/* SPDX-License-Identifier: Apache-2.0 */
/* API tokens: shape, hashing (no secret stored), matching, uniqueness, revocation, roles. */
#include <stdio.h>
#include <string.h>
#include "tg/token.h"
#include "tg_test.h"
#include "alloc.h"

static tg_store *open_store(void)
{
	char db[300];
	tg_store *st = NULL;
	tg_err err = TG_ERR_INIT;
	tg_test_db(db, sizeof(db), "t.db");
	assert_int_equal(tg_store_open(&st, db, &err), TG_OK);
	return st;
}

static void token__add_and_match(void **state)
{
	tg_store *st = open_store();
	tg_err err = TG_ERR_INIT;
	char tok[TG_TOKEN_MAX], bad[TG_TOKEN_MAX];
	tg_token_info t, *v;
	size_t n;
	(void)state;
	assert_int_equal(tg_token_add(tok, &t, st, TG_API_ROLE_AUDITOR, "aud", &err), TG_OK);
	assert_int_equal(strncmp(tok, "tg_1_", 5), 0);
	assert_int_equal(strlen(tok), 5 + 64);
	assert_int_equal(tg_token_id(tok), 1);
	assert_null(strstr(t.hash, tok + 5)); /* the secret is not what is stored */
	assert_int_equal(tg_token_list(&v, &n, st, &err), TG_OK);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].name, "aud");
	assert_int_equal(v[0].role, TG_API_ROLE_AUDITOR);
	assert_true(tg_token_matches(&v[0], tok));
	memcpy(bad, tok, sizeof(bad));
	bad[10] = bad[10] == 'a' ? 'b' : 'a';
	assert_false(tg_token_matches(&v[0], bad));
	assert_false(tg_token_matches(&v[0], "tg_1_short"));
	tg_token_list_free(v);
	assert_int_equal(tg_token_get(&t, st, 1, &err), TG_OK);
	assert_true(tg_token_matches(&t, tok));
	assert_int_equal(tg_token_get(&t, st, 2, &err), TG_ENOTFOUND);
	assert_int_equal(tg_token_add(tok, NULL, st, TG_API_ROLE_ADMIN, "aud", &err), TG_EEXISTS);
	assert_string_equal(err.field, "name");
	assert_int_equal(tg_token_add(tok, NULL, st, TG_API_ROLE_ADMIN, "", &err), TG_EINVALID);
	tg_store_free(st);
}

static void token__revoke(void **state)
{
	tg_store *st = open_store();
	tg_err err = TG_ERR_INIT;
	char tok[TG_TOKEN_MAX];
	tg_token_info *v;
	size_t n;
	(void)state;
	assert_int_equal(tg_token_add(tok, NULL, st, TG_API_ROLE_EXPORTER, "exp", &err), TG_OK);
	assert_int_equal(tg_token_revoke(st, 1, &err), TG_OK);
	assert_int_equal(tg_token_revoke(st, 42, &err), TG_ENOTFOUND);
	assert_int_equal(tg_token_list(&v, &n, st, &err), TG_OK);
	assert_true(v[0].revoked);
	assert_false(tg_token_matches(&v[0], tok));
	tg_token_list_free(v);
	tg_store_free(st);
}

static void token__roles_and_shapes(void **state)
{
	tg_api_role r;
	int i;
	(void)state;
	for (i = 0; i < TG_API_ROLE_COUNT; i++) {
		assert_int_equal(tg_api_role_parse(&r, tg_api_role_name(i), NULL), TG_OK);
		assert_int_equal((int)r, i);
	}
	assert_int_equal(tg_api_role_parse(&r, "root", NULL), TG_EINVALID);
	assert_int_equal(tg_token_id("Bearer x"), -1);
	assert_int_equal(tg_token_id("tg__0000000000000000000000000000000000000000000000000000000000000000"), -1);
	assert_int_equal(tg_token_id("tg_x_0000000000000000000000000000000000000000000000000000000000000000"), -1);
	assert_int_equal(tg_token_id("tg_7_0000000000000000000000000000000000000000000000000000000000000000"), 7);
}

/* OOM sweep: listing fails cleanly with TG_ENOMEM at each allocation, never leaks. */
static void token__oom_sweep(void **state)
{
	tg_store *st = open_store();
	tg_err err = TG_ERR_INIT;
	char tok[TG_TOKEN_MAX], name[16];
	tg_token_info *v;
	size_t n, k;
	int i, rc, ok = 0;
	(void)state;
	for (i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "t%d", i);
		assert_int_equal(tg_token_add(tok, NULL, st, TG_API_ROLE_EXPORTER, name, &err), TG_OK);
	}
	for (k = 1; k < 10 && !ok; k++) {
		tg__alloc_fail_after(k);
		rc = tg_token_list(&v, &n, st, &err);
		tg__alloc_fail_after(0);
		if (rc == TG_OK) {
			assert_int_equal(n, 40);
			tg_token_list_free(v);
			ok = 1;
		} else {
			assert_int_equal(rc, TG_ENOMEM);
			assert_null(v);
		}
	}
	assert_true(ok);
	tg_store_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(token__add_and_match),
		cmocka_unit_test(token__revoke),
		cmocka_unit_test(token__roles_and_shapes),
		cmocka_unit_test(token__oom_sweep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
