/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate license add FILE | show ID | list | revoke ID --reason TEXT | customers */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "cli_state.h"

#define USAGE                                                                                  \
	"tollgate license add FILE|- | show ID | list | revoke ID --reason TEXT | customers\n" \
	"  common: [--db PATH] [--json] [--actor NAME] [--data-dir DIR]"

static void print_license(const json_t *l)
{
	const json_t *it;
	size_t i;
	printf("%s  %s  holder '%s'  to %s  valid %s..%s%s\n", json_string_value(json_object_get(l, "id")),
	       json_string_value(json_object_get(l, "status")), json_string_value(json_object_get(l, "holder")),
	       json_string_value(json_object_get(l, "destination")),
	       json_string_value(json_object_get(l, "valid_from")), json_string_value(json_object_get(l, "valid_to")),
	       json_is_true(json_object_get(l, "under_review")) ? "  UNDER REVIEW" : "");
	json_array_foreach (json_object_get(l, "items"), i, it)
		printf("  %-22s qty %" JSON_INTEGER_FORMAT "/%" JSON_INTEGER_FORMAT
		       " shipped, value %s/%s %s shipped\n",
		       json_string_value(json_object_get(it, "item")),
		       json_integer_value(json_object_get(it, "shipped_quantity")),
		       json_integer_value(json_object_get(it, "quantity")),
		       json_string_value(json_object_get(it, "shipped_value")),
		       json_string_value(json_object_get(it, "value")),
		       json_string_value(json_object_get(it, "currency")));
}

static void emit(const cli_args *a, const tg_buf *b, const char *list_key)
{
	json_t *d, *v;
	size_t i;
	if (a->json || (d = json_loads(b->ptr, 0, NULL)) == NULL) {
		cli_print_buf(b);
		return;
	}
	if (list_key == NULL)
		print_license(d);
	else if (strcmp(list_key, "licenses") == 0)
		json_array_foreach (json_object_get(d, list_key), i, v)
			print_license(v);
	else
		json_array_foreach (json_object_get(d, list_key), i, v)
			printf("%-40s %-10s %s (%s)\n", json_string_value(json_object_get(v, "name")),
			       json_string_value(json_object_get(v, "role")),
			       json_string_value(json_object_get(v, "license_id")),
			       json_string_value(json_object_get(v, "destination")));
	json_decref(d);
}

static int run(tg_engine *e, const cli_args *a, tg_buf *b, tg_err *err, const char **list_key)
{
	const char *verb = a->pos[0];
	*list_key = NULL;
	if (strcmp(verb, "add") == 0 && a->npos == 2) {
		char *text = NULL;
		size_t len;
		int rc = cli_read_file(&text, &len, a->pos[1], err);
		if (rc == 0)
			rc = tg_license_add(b, e, text, len, err);
		tg_free(text);
		return rc;
	}
	if (strcmp(verb, "show") == 0 && a->npos == 2)
		return tg_license_show(b, e, a->pos[1], err);
	if (strcmp(verb, "revoke") == 0 && a->npos == 2) {
		int rc = tg_license_revoke(e, a->pos[1], cli_opt(a, "--reason"), err);
		return rc < 0 ? rc : tg_license_show(b, e, a->pos[1], err);
	}
	*list_key = strcmp(verb, "list") == 0 ? "licenses" : "customers";
	if (strcmp(verb, "list") == 0 && a->npos == 1)
		return tg_license_list(b, e, err);
	if (strcmp(verb, "customers") == 0 && a->npos == 1)
		return tg_license_customers(b, e, err);
	return 1;
}

int cmd_license(int argc, char **argv)
{
	static const char *const valued[] = {"--reason", NULL};
	cli_args a;
	tg_engine *e = NULL;
	tg_err err = TG_ERR_INIT;
	tg_buf b = TG_BUF_INIT;
	const char *list_key;
	int rc, ex;
	if (cli_args_parse(&a, argc, argv, 1, valued) < 0 || a.npos < 1)
		return cli_usage(USAGE);
	if ((ex = cli_open(&e, &a)) != 0)
		return ex;
	rc = run(e, &a, &b, &err, &list_key);
	if (rc == 1)
		ex = cli_usage(USAGE);
	else if (rc < 0)
		ex = cli_fail(&err);
	else
		emit(&a, &b, list_key);
	tg_buf_dispose(&b);
	tg_engine_free(e);
	return ex;
}
