/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate trace SERIAL [--json] | trace report SERIAL --seen-at CC [--note TEXT] */
#include <stdio.h>
#include <string.h>
#include <jansson.h>
#include "cli_state.h"

#define USAGE \
	"tollgate trace SERIAL [--json] | trace report SERIAL --seen-at CC [--note TEXT]  [--db PATH] [--actor NAME]"

static const char *s_or(const json_t *o, const char *k)
{
	const json_t *v = json_object_get(o, k);
	return json_is_string(v) ? json_string_value(v) : "-";
}

static void print_human(const tg_buf *b)
{
	json_t *d = json_loads(b->ptr, 0, NULL), *c, *s, *l;
	if (d == NULL)
		return;
	c = json_object_get(d, "certificate");
	s = json_object_get(d, "shipment");
	l = json_object_get(d, "license");
	printf("serial %s  item %s\n", s_or(d, "serial"), s_or(d, "item"));
	printf("  certificate %s (%s, %s): %s\n", s_or(c, "certificate_id"), s_or(c, "lab"), s_or(c, "date"),
	       s_or(c, "result"));
	printf("  shipment    %s (%s, order %s, to %s, %s)\n", s_or(s, "shipment_id"), s_or(s, "date"),
	       s_or(s, "order_id"), s_or(s, "destination"), s_or(s, "status"));
	printf("  licence     %s (%s, holder %s)%s\n", s_or(l, "id"), s_or(l, "status"), s_or(l, "holder"),
	       json_is_true(json_object_get(l, "under_review")) ? " UNDER REVIEW" : "");
	printf("  consignee   %s\n  end user    %s\n", s_or(d, "consignee"), s_or(d, "end_user"));
	if (json_object_get(d, "flagged"))
		printf("  diversion report recorded; %s\n",
		       json_is_true(json_object_get(d, "flagged"))
			       ? "seen outside its destination: licence and consignee flagged for review"
			       : "seen at its licensed destination: nothing flagged");
	json_decref(d);
}

int cmd_trace(int argc, char **argv)
{
	static const char *const valued[] = {"--seen-at", "--note", NULL};
	cli_args a;
	tg_engine *e = NULL;
	tg_err err = TG_ERR_INIT;
	tg_buf b = TG_BUF_INIT;
	int rc, ex;
	if (cli_args_parse(&a, argc, argv, 1, valued) < 0 || a.npos < 1 || a.npos > 2 ||
	    (a.npos == 2 && strcmp(a.pos[0], "report") != 0))
		return cli_usage(USAGE);
	if ((ex = cli_open(&e, &a)) != 0)
		return ex;
	if (a.npos == 2)
		rc = tg_trace_report(&b, e, a.pos[1], cli_opt(&a, "--seen-at"), cli_opt(&a, "--note"), &err);
	else
		rc = tg_trace(&b, e, a.pos[0], &err);
	if (rc < 0)
		ex = cli_fail(&err);
	else if (a.json)
		cli_print_buf(&b);
	else
		print_human(&b);
	tg_buf_dispose(&b);
	tg_engine_free(e);
	return ex;
}
