/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate screen override / overrides: record a reviewer's decision on a (party, list entry) pair;
 * list the recorded decisions. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "cli_out.h"

static const char USAGE[] =
	"tollgate screen override --party NAME --list CODE --entity ID --decision false_positive|true_match\n"
	"                         --reason TEXT --reviewer WHO [--db PATH]\n"
	"       tollgate screen overrides [--db PATH] [--json]";

typedef struct ov_args {
	const char *db, *party, *list, *entity, *decision, *reason, *reviewer;
	int json;
} ov_args;

static int parse(ov_args *a, int argc, char **argv)
{
	static const char *const flags[] = {"--db",       "--party",  "--list",    "--entity",
					    "--decision", "--reason", "--reviewer"};
	const char **dst[7];
	int i;
	size_t f;

	memset(a, 0, sizeof(*a));
	dst[0] = &a->db, dst[1] = &a->party, dst[2] = &a->list, dst[3] = &a->entity, dst[4] = &a->decision;
	dst[5] = &a->reason, dst[6] = &a->reviewer;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0) {
			a->json = 1;
			continue;
		}
		for (f = 0; f < 7 && strcmp(argv[i], flags[f]) != 0; f++)
			;
		if (f == 7 || i + 1 >= argc)
			return -1;
		*dst[f] = argv[++i];
	}
	return 0;
}

static int record(tg_store *st, const ov_args *a, tg_err *err)
{
	tg_screen_decision d;
	int rc;
	if (!a->party || !a->list || !a->entity || !a->decision || !a->reason || !a->reviewer)
		return cli_usage(USAGE) ? 1 : 1;
	if (strcmp(a->decision, "false_positive") == 0)
		d = TG_SCREEN_FALSE_POSITIVE;
	else if (strcmp(a->decision, "true_match") == 0)
		d = TG_SCREEN_TRUE_MATCH;
	else
		return cli_usage(USAGE) ? 1 : 1;
	if ((rc = tg_screen_override(st, a->party, a->list, a->entity, d, a->reason, a->reviewer, err)) < 0)
		return rc;
	printf("recorded %s: \"%s\" vs %s %s\n", a->decision, a->party, a->list, a->entity);
	return TG_OK;
}

static void print_rec(const tg_screen_override_rec *r, int json, int first)
{
	if (!json) {
		printf("%lld\t%s\t%s\t%s %s\t%s\t%s\t%s%s\n", (long long)r->id, r->decided_at, r->decision, r->list,
		       r->entity_id, r->party_name, r->reviewer, r->reason,
		       r->current ? "" : "\t(entry changed since: no longer applies)");
		return;
	}
	printf("%s{\"id\":%lld,\"party\":", first ? "" : ",", (long long)r->id);
	cli_json_str(stdout, r->party_name);
	printf(",\"list\":");
	cli_json_str(stdout, r->list);
	printf(",\"entity_id\":");
	cli_json_str(stdout, r->entity_id);
	printf(",\"decision\":\"%s\",\"reason\":", r->decision);
	cli_json_str(stdout, r->reason);
	printf(",\"reviewer\":");
	cli_json_str(stdout, r->reviewer);
	printf(",\"decided_at\":\"%s\",\"key_hash\":\"%s\",\"current\":%s}", r->decided_at, r->key_hash,
	       r->current ? "true" : "false");
}

static int show(tg_store *st, const ov_args *a, tg_err *err)
{
	tg_screen_override_rec *v;
	size_t n, i;
	int rc;
	if ((rc = tg_screen_overrides(&v, &n, st, err)) < 0)
		return rc;
	if (a->json)
		printf("{\"overrides\":[");
	for (i = 0; i < n; i++)
		print_rec(&v[i], a->json, i == 0);
	if (a->json)
		printf("]}\n");
	tg_screen_overrides_free(v);
	return TG_OK;
}

int cmd_screen_override(int argc, char **argv)
{
	tg_err err = TG_ERR_INIT;
	tg_store *st = NULL;
	ov_args a;
	int rc, listing = strcmp(argv[0], "overrides") == 0;

	if (parse(&a, argc, argv) < 0)
		return cli_usage(USAGE);
	if ((rc = tg_store_open(&st, tg_store_default_path(a.db), &err)) < 0)
		return cli_fail(&err);
	rc = listing ? show(st, &a, &err) : record(st, &a, &err);
	tg_store_free(st);
	if (rc == 1)
		return TG_EXIT_INPUT;
	return rc < 0 ? cli_fail(&err) : TG_EXIT_OK;
}
