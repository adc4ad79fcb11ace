/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate ledger --exporter NAME --quarter 2026Q1 [--json|--csv]
 * tollgate ledger remit --exporter NAME --kind KIND --amount DEC --currency CUR --date DATE --ref REF
 * tollgate ledger check (also: ledger --check) */
#include <stdio.h>
#include <string.h>
#include <jansson.h>
#include "cli_state.h"

#define USAGE                                                                                                                \
	"tollgate ledger --exporter NAME --quarter YYYYQn [--json|--csv]\n"                                                  \
	"       tollgate ledger remit --exporter NAME --kind KIND --amount DEC --currency CUR --date YYYY-MM-DD --ref REF\n" \
	"       tollgate ledger check [--json]   (or ledger --check)\n  common: [--db PATH] [--actor NAME]"

static void print_statement(const tg_buf *b)
{
	json_t *d = json_loads(b->ptr, 0, NULL), *v;
	size_t i;
	if (d == NULL)
		return;
	printf("statement of %s for %s\n", json_string_value(json_object_get(d, "exporter")),
	       json_string_value(json_object_get(d, "quarter")));
	printf("  %-20s %-4s %16s %16s %16s %16s\n", "kind", "cur", "opening", "accrued", "remitted", "closing");
	json_array_foreach (json_object_get(d, "lines"), i, v)
		printf("  %-20s %-4s %16s %16s %16s %16s\n", json_string_value(json_object_get(v, "kind")),
		       json_string_value(json_object_get(v, "currency")),
		       json_string_value(json_object_get(v, "opening")),
		       json_string_value(json_object_get(v, "accrued")),
		       json_string_value(json_object_get(v, "remitted")),
		       json_string_value(json_object_get(v, "closing")));
	json_decref(d);
}

static int run(tg_engine *e, const cli_args *a, tg_buf *b, tg_err *err, int *check)
{
	*check = a->npos == 1 && strcmp(a->pos[0], "check") == 0;
	if (*check)
		return tg_ledger_check(b, e, err);
	if (a->npos == 1 && strcmp(a->pos[0], "remit") == 0)
		return tg_ledger_remit(e, cli_opt(a, "--exporter"), cli_opt(a, "--kind"), cli_opt(a, "--amount"),
				       cli_opt(a, "--currency"), cli_opt(a, "--date"), cli_opt(a, "--ref"), err);
	if (a->npos == 0)
		return tg_ledger_statement(b, e, cli_opt(a, "--exporter"), cli_opt(a, "--quarter"), a->csv, err);
	return 1;
}

int cmd_ledger(int argc, char **argv)
{
	static const char *const valued[] = {"--exporter", "--quarter", "--kind", "--amount",
					     "--currency", "--date",    "--ref",  NULL};
	cli_args a;
	tg_engine *e = NULL;
	tg_err err = TG_ERR_INIT;
	tg_buf b = TG_BUF_INIT;
	int rc, ex, check, i;
	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--check") == 0)
			argv[i] = "check";
	if (cli_args_parse(&a, argc, argv, 1, valued) < 0)
		return cli_usage(USAGE);
	if ((ex = cli_open(&e, &a)) != 0)
		return ex;
	rc = run(e, &a, &b, &err, &check);
	if (rc == 1)
		ex = cli_usage(USAGE);
	else if (check && (rc == TG_OK || rc == TG_ECONFLICT)) {
		if (a.json)
			cli_print_buf(&b);
		else
			printf("%s\n", rc == TG_OK ? "ledger balanced" : "ledger UNBALANCED");
		if (rc < 0 && !a.json)
			cli_print_buf(&b);
		ex = rc == TG_OK ? TG_EXIT_OK : TG_EXIT_INPUT;
	} else if (rc < 0)
		ex = cli_fail(&err);
	else if (a.npos == 1)
		printf("remittance recorded\n");
	else if (a.csv)
		fwrite(b.ptr ? b.ptr : "", 1, b.size, stdout);
	else if (a.json)
		cli_print_buf(&b);
	else
		print_statement(&b);
	tg_buf_dispose(&b);
	tg_engine_free(e);
	return ex;
}
