/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate audit verify | export [--from DATE] [--to DATE] */
#include <stdio.h>
#include <string.h>
#include "cli_state.h"

#define USAGE "tollgate audit verify [--json] | export [--from YYYY-MM-DD] [--to YYYY-MM-DD]  [--db PATH]"

static int verify(tg_engine *e, const cli_args *a)
{
	tg_audit_report r;
	tg_err err = TG_ERR_INIT;
	int rc = tg_audit_verify(&r, e, &err);
	if (rc < 0 && rc != TG_ECONFLICT)
		return cli_fail(&err);
	if (a->json) {
		tg_buf b = TG_BUF_INIT;
		if (tg_audit_report_json(&b, &r) < 0) {
			tg_buf_dispose(&b);
			fprintf(stderr, "tollgate: out of memory\n");
			return TG_EXIT_INTERNAL;
		}
		fputs(b.ptr, stdout);
		tg_buf_dispose(&b);
	} else if (rc == 0)
		printf("audit chain intact: %lld entries, head %s\n", (long long)r.entries, r.head[0] ? r.head : "-");
	else
		printf("audit chain BROKEN at entry %lld: %s\n", (long long)r.first_broken, r.reason);
	return rc == 0 ? TG_EXIT_OK : TG_EXIT_INPUT;
}

int cmd_audit(int argc, char **argv)
{
	static const char *const valued[] = {"--from", "--to", NULL};
	cli_args a;
	tg_engine *e = NULL;
	tg_err err = TG_ERR_INIT;
	tg_buf b = TG_BUF_INIT;
	int ex;
	if (cli_args_parse(&a, argc, argv, 1, valued) < 0 || a.npos != 1)
		return cli_usage(USAGE);
	if (strcmp(a.pos[0], "verify") != 0 && strcmp(a.pos[0], "export") != 0)
		return cli_usage(USAGE);
	if ((ex = cli_open(&e, &a)) != 0)
		return ex;
	if (strcmp(a.pos[0], "verify") == 0)
		ex = verify(e, &a);
	else if (tg_audit_export(&b, e, cli_opt(&a, "--from"), cli_opt(&a, "--to"), &err) < 0)
		ex = cli_fail(&err);
	else
		fwrite(b.ptr ? b.ptr : "", 1, b.size, stdout);
	tg_buf_dispose(&b);
	tg_engine_free(e);
	return ex;
}
