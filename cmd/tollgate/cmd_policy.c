/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate policy list: the rules in force on a date. */
#include <stdio.h>
#include <string.h>
#include "cli.h"

#define USAGE "tollgate policy list [--as-of YYYY-MM-DD] [--json] [--data-dir DIR]"

static void print_rules(const tg_policy *p, tg_date as_of)
{
	size_t i, n = tg_policy_rule_count(p), shown = 0;
	char d[11];
	tg_date_format(d, as_of);
	printf("rules in force on %s:\n", d);
	for (i = 0; i < n; i++) {
		tg_rule_info r;
		char from[11], to[11] = "open";
		if (!tg_policy_in_force(p, i, as_of))
			continue;
		tg_policy_rule_info(&r, p, i);
		tg_date_format(from, r.effective_from);
		if (r.effective_to != TG_DATE_NONE)
			tg_date_format(to, r.effective_to);
		printf("  %-10s %-36s %-16s %s..%s  [%s]%s\n    %s\n    cite: %s\n", r.jurisdiction, r.id,
		       tg_verdict_name(r.verdict), from, to, r.confidence, r.fallback ? " (fallback)" : "", r.message,
		       r.citation);
		shown++;
	}
	printf("%zu of %zu rules in force\n", shown, n);
}

int cmd_policy(int argc, char **argv)
{
	tg_engine_opts eo = TG_ENGINE_OPTS_INIT;
	tg_engine *e = NULL;
	tg_err err = TG_ERR_INIT;
	tg_date as_of = tg_date_today();
	int i, json = 0;

	if (argc < 2 || strcmp(argv[1], "list") != 0)
		return cli_usage(USAGE);
	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (strcmp(argv[i], "--as-of") == 0 && i + 1 < argc) {
			if (tg_date_parse(&as_of, argv[++i], &err) < 0) {
				fprintf(stderr, "tollgate: --as-of: %s\n", err.msg);
				return TG_EXIT_INPUT;
			}
		} else if (strcmp(argv[i], "--data-dir") == 0 && i + 1 < argc)
			eo.data_dir = argv[++i];
		else
			return cli_usage(USAGE);
	}
	eo.no_store = 1;
	if (tg_engine_open(&e, &eo, &err) < 0)
		return cli_fail(&err);
	if (json) {
		tg_buf b = TG_BUF_INIT;
		if (tg_policy_list_json(&b, tg_engine_policy(e), as_of) < 0) {
			tg_engine_free(e);
			fprintf(stderr, "tollgate: out of memory\n");
			return TG_EXIT_INTERNAL;
		}
		printf("%s\n", b.ptr);
		tg_buf_dispose(&b);
	} else {
		print_rules(tg_engine_policy(e), as_of);
	}
	tg_engine_free(e);
	return TG_EXIT_OK;
}
