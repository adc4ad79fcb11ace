/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate inspect record FILE: record a pre-export inspection certificate. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "cli_state.h"

#define USAGE "tollgate inspect record FILE|- [--json] [--db PATH] [--actor NAME]"

static void print_human(const tg_buf *b)
{
	json_t *d = json_loads(b->ptr, 0, NULL);
	if (d == NULL)
		return;
	printf("certificate %s recorded%s: %s, %" JSON_INTEGER_FORMAT " serials, result %s; TPP %" JSON_INTEGER_FORMAT
	       " (declared %" JSON_INTEGER_FORMAT "), DRAM %" JSON_INTEGER_FORMAT
	       " GB/s (declared %" JSON_INTEGER_FORMAT "), gate %s\n",
	       json_string_value(json_object_get(d, "certificate_id")),
	       json_is_true(json_object_get(d, "replayed")) ? " (already)" : "",
	       json_string_value(json_object_get(d, "item")), json_integer_value(json_object_get(d, "serials")),
	       json_string_value(json_object_get(d, "result")), json_integer_value(json_object_get(d, "measured_tpp")),
	       json_integer_value(json_object_get(d, "declared_tpp")),
	       json_integer_value(json_object_get(d, "measured_bw")),
	       json_integer_value(json_object_get(d, "declared_bw")),
	       json_is_true(json_object_get(d, "cbc_gate")) ? "pass" : "fail");
	json_decref(d);
}

int cmd_inspect(int argc, char **argv)
{
	cli_args a;
	tg_engine *e = NULL;
	tg_err err = TG_ERR_INIT;
	tg_buf b = TG_BUF_INIT;
	char *text = NULL;
	size_t len;
	int rc, ex;
	if (cli_args_parse(&a, argc, argv, 1, NULL) < 0 || a.npos != 2 || strcmp(a.pos[0], "record") != 0)
		return cli_usage(USAGE);
	if (cli_read_file(&text, &len, a.pos[1], &err) < 0)
		return cli_fail(&err);
	if ((ex = cli_open(&e, &a)) != 0) {
		tg_free(text);
		return ex;
	}
	rc = tg_inspect_record(&b, e, text, len, &err);
	if (rc == TG_EREFUSED)
		ex = cli_refused(&a, &b, "certificate rejected");
	else if (rc < 0)
		ex = cli_fail(&err);
	else if (a.json)
		cli_print_buf(&b);
	else
		print_human(&b);
	tg_free(text);
	tg_buf_dispose(&b);
	tg_engine_free(e);
	return ex;
}
