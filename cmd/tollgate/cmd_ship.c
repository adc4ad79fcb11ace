/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate ship FILE | ship show ID | ship return ID --reason TEXT [--status returned|revoked]
 * tollgate us-volume record --exporter NAME ITEM QTY --period YYYY-MM */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include "cli_state.h"

#define USAGE                                                                                                \
	"tollgate ship FILE|- [--json] (one shipment, or JSON Lines: one transaction per 1000) | show ID | " \
	"return ID --reason TEXT [--status returned|revoked]\n"                                              \
	"  common: [--db PATH] [--actor NAME] [--data-dir DIR]"
#define VOL_USAGE "tollgate us-volume record --exporter NAME ITEM QTY --period YYYY-MM [--db PATH] [--actor NAME]"

static void print_receipt(const tg_buf *b)
{
	json_t *d = json_loads(b->ptr, 0, NULL), *v;
	size_t i;
	if (d == NULL)
		return;
	printf("shipment %s %s%s (order %s, licence %s, %s)\n", json_string_value(json_object_get(d, "shipment_id")),
	       json_string_value(json_object_get(d, "status")),
	       json_is_true(json_object_get(d, "replayed")) ? " (already recorded)" : "",
	       json_string_value(json_object_get(d, "order_id")),
	       json_is_string(json_object_get(d, "license_id")) ? json_string_value(json_object_get(d, "license_id"))
								: "-",
	       json_string_value(json_object_get(d, "date")));
	json_array_foreach (json_object_get(d, "lines"), i, v)
		printf("  %-22s x %" JSON_INTEGER_FORMAT "  %s %s\n", json_string_value(json_object_get(v, "item")),
		       json_integer_value(json_object_get(v, "quantity")),
		       json_string_value(json_object_get(v, "value")),
		       json_string_value(json_object_get(v, "currency")));
	json_array_foreach (json_object_get(d, "charges"), i, v)
		printf("  charge %-18s %s %s\n", json_string_value(json_object_get(v, "kind")),
		       json_string_value(json_object_get(v, "amount")),
		       json_string_value(json_object_get(v, "currency")));
	json_decref(d);
}

/* JSON Lines input: several lines, the first a complete JSON value on its own. */
static int is_jsonl(const char *text)
{
	const char *nl = strchr(text, '\n');
	json_t *v;
	size_t n = nl ? (size_t)(nl - text) : 0;
	int ok;
	if (nl == NULL || strspn(nl, " \t\r\n") == strlen(nl))
		return 0;
	v = json_loadb(text, n, 0, NULL);
	ok = v != NULL;
	json_decref(v);
	return ok;
}

/* Ship JSON Lines in batches of BATCH, one transaction per batch; print one result per line. */
static int run_batch(tg_engine *e, const cli_args *a, char *text, tg_err *err)
{
	enum { BATCH = 1000 };
	const char *texts[BATCH];
	size_t lens[BATCH], n = 0, i;
	tg_ship_result res[BATCH];
	char *p = text, *nl;
	int worst = 0, done = 0;
	while (!done) {
		if ((nl = strchr(p, '\n')) == NULL) {
			nl = p + strlen(p);
			done = 1;
		}
		if (strspn(p, " \t\r") < (size_t)(nl - p)) {
			texts[n] = p;
			lens[n++] = (size_t)(nl - p);
		}
		p = nl + !done;
		if (n < BATCH && !(done && n))
			continue;
		if (tg_ship_many(res, n, e, texts, lens, err) < 0)
			return cli_fail(err); /* nothing of this batch recorded */
		for (i = 0; i < n; i++) {
			if (res[i].code < 0 && res[i].code != TG_EREFUSED)
				cli_fail(&res[i].err);
			else if (res[i].code == TG_EREFUSED)
				cli_refused(a, &res[i].out, "shipment refused");
			else if (a->json)
				cli_print_buf(&res[i].out);
			if (res[i].code < 0 && cli_exit_code(res[i].code) > worst)
				worst = cli_exit_code(res[i].code);
			tg_buf_dispose(&res[i].out);
		}
		n = 0;
	}
	if (!a->json)
		printf("shipments processed; exit %d\n", worst);
	return worst ? 2 : 0;
}

static int run(tg_engine *e, const cli_args *a, tg_buf *b, tg_err *err)
{
	if (a->npos == 1) {
		char *text = NULL;
		size_t len;
		int rc = cli_read_file(&text, &len, a->pos[0], err);
		if (rc == 0 && is_jsonl(text))
			rc = 10 + run_batch(e, a, text, err);
		else if (rc == 0)
			rc = tg_ship(b, e, text, len, err);
		tg_free(text);
		return rc;
	}
	if (a->npos == 2 && strcmp(a->pos[0], "show") == 0)
		return tg_ship_show(b, e, a->pos[1], err);
	if (a->npos == 2 && strcmp(a->pos[0], "return") == 0) {
		const char *st = cli_opt(a, "--status");
		return tg_ship_return(b, e, a->pos[1], st ? st : "returned", cli_opt(a, "--reason"), err);
	}
	return 1;
}

int cmd_ship(int argc, char **argv)
{
	static const char *const valued[] = {"--reason", "--status", NULL};
	cli_args a;
	tg_engine *e = NULL;
	tg_err err = TG_ERR_INIT;
	tg_buf b = TG_BUF_INIT;
	int rc, ex;
	if (cli_args_parse(&a, argc, argv, 1, valued) < 0 || a.npos < 1)
		return cli_usage(USAGE);
	if ((ex = cli_open(&e, &a)) != 0)
		return ex;
	rc = run(e, &a, &b, &err);
	if (rc >= 10)
		ex = rc - 10;
	else if (rc == 1)
		ex = cli_usage(USAGE);
	else if (rc == TG_EREFUSED)
		ex = cli_refused(&a, &b, "shipment refused");
	else if (rc < 0)
		ex = cli_fail(&err);
	else if (a.json)
		cli_print_buf(&b);
	else
		print_receipt(&b);
	tg_buf_dispose(&b);
	tg_engine_free(e);
	return ex;
}

int cmd_us_volume(int argc, char **argv)
{
	static const char *const valued[] = {"--exporter", "--period", NULL};
	cli_args a;
	tg_engine *e = NULL;
	tg_err err = TG_ERR_INIT;
	char *end;
	long long q;
	int ex;
	if (cli_args_parse(&a, argc, argv, 1, valued) < 0 || a.npos != 3 || strcmp(a.pos[0], "record") != 0)
		return cli_usage(VOL_USAGE);
	errno = 0;
	q = strtoll(a.pos[2], &end, 10);
	if (errno || *end || end == a.pos[2]) {
		fprintf(stderr, "tollgate: quantity: expected an integer, got '%s'\n", a.pos[2]);
		return TG_EXIT_INPUT;
	}
	if ((ex = cli_open(&e, &a)) != 0)
		return ex;
	if (tg_us_volume_record(e, cli_opt(&a, "--exporter"), a.pos[1], q, cli_opt(&a, "--period"), &err) < 0)
		ex = cli_fail(&err);
	else
		printf("US end-use volume recorded: %s %s %lld in %s\n", cli_opt(&a, "--exporter"), a.pos[1], q,
		       cli_opt(&a, "--period"));
	tg_engine_free(e);
	return ex;
}
