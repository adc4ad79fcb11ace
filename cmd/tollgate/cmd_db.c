/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate db migrate [--db PATH|URL] [--json]: create or upgrade the schema (SQLite or PostgreSQL). */
#include <stdio.h>
#include <string.h>
#include "cli_state.h"

#define USAGE "tollgate db migrate [--db PATH|postgresql://...] [--json]"

int cmd_db(int argc, char **argv)
{
	cli_args a;
	tg_store *st = NULL;
	tg_err err = TG_ERR_INIT;
	size_t applied = 0;
	int rc;
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf("usage: %s\n", USAGE);
		return TG_EXIT_OK;
	}
	if (cli_args_parse(&a, argc, argv, 1, NULL) < 0 || a.npos != 1 || strcmp(a.pos[0], "migrate") != 0)
		return cli_usage(USAGE);
	/* Opening applies what is pending; tg_store_migrate then confirms nothing is left. */
	if ((rc = tg_store_open(&st, tg_store_default_path(a.db), &err)) < 0 ||
	    (rc = tg_store_migrate(st, &applied, &err)) < 0) {
		tg_store_free(st);
		return cli_fail(&err);
	}
	if (a.json)
		printf("{\"backend\":\"%s\",\"applied\":%zu}\n", tg_store_backend(st), applied);
	else
		printf("schema up to date (%s): %zu step%s applied\n", tg_store_backend(st), applied,
		       applied == 1 ? "" : "s");
	tg_store_free(st);
	return TG_EXIT_OK;
}
