/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate lists: load a list file into a new snapshot, or show the loaded snapshots. */
#include <stdio.h>
#include <string.h>
#include "cli.h"
#include "cli_out.h"
#include "tg/lists.h"

static const char USAGE[] = "tollgate lists [--db PATH] [--json]\n"
			    "       tollgate lists load FILE|URL [--format F] [--name NAME] [--strict] [--db PATH] [--json]\n"
			    "  formats: csl-csv csl-json ofac-csv ofac-xml tg-json kaist-json (default: detected)\n"
			    "  exit 2 when the file is invalid, or when records were skipped (each reported on stderr)";

typedef struct lists_args {
	const char *db, *file, *format, *name;
	int json, strict, load;
} lists_args;

static int parse_args(lists_args *a, int argc, char **argv)
{
	int i;
	memset(a, 0, sizeof(*a));
	for (i = 1; i < argc; i++) {
		const char *s = argv[i];
		int more = i + 1 < argc;
		if (strcmp(s, "--db") == 0 && more)
			a->db = argv[++i];
		else if (strcmp(s, "--format") == 0 && more)
			a->format = argv[++i];
		else if (strcmp(s, "--name") == 0 && more)
			a->name = argv[++i];
		else if (strcmp(s, "--json") == 0)
			a->json = 1;
		else if (strcmp(s, "--strict") == 0)
			a->strict = 1;
		else if (strcmp(s, "load") == 0 && !a->load)
			a->load = 1;
		else if (a->load && !a->file && (s[0] != '-' || strcmp(s, "-") == 0))
			a->file = s;
		else
			return -1;
	}
	return a->load && !a->file ? -1 : 0;
}

static void print_json_snap(const tg_list_snapshot *s)
{
	printf("{\"id\":%lld,\"name\":", (long long)s->id);
	cli_json_str(stdout, s->name);
	printf(",\"source\":");
	cli_json_str(stdout, s->source);
	printf(",\"format\":\"%s\",\"sha256\":\"%s\",\"loaded_at\":\"%s\",\"rows\":%lld,\"entries\":%lld,"
	       "\"errors\":%lld}",
	       s->format, s->hash, s->loaded_at, (long long)s->rows, (long long)s->entries, (long long)s->errors);
}

static void print_text_snap(const tg_list_snapshot *s)
{
	printf("%lld\t%s\t%s\t%s\t%lld entries\t%lld rows\t%lld errors\tsha256:%.16s\t%s\n", (long long)s->id,
	       s->name, s->format, s->loaded_at, (long long)s->entries, (long long)s->rows, (long long)s->errors,
	       s->hash, s->source);
}

static void on_problem(const char *file, long line, const char *msg, void *payload)
{
	(void)payload;
	if (line > 0)
		fprintf(stderr, "tollgate: %s:%ld: %s\n", file, line, msg);
	else
		fprintf(stderr, "tollgate: %s: %s\n", file, msg);
}

static int do_load(tg_store *st, const lists_args *a, tg_err *err)
{
	tg_list_load_opts o = TG_LIST_LOAD_OPTS_INIT;
	tg_list_snapshot s;
	int rc;

	if (a->format && (rc = tg_list_format_parse(&o.format, a->format, err)) < 0)
		return rc;
	o.strict = a->strict, o.name = a->name, o.problem = on_problem;
	if ((rc = tg_lists_load(&s, st, a->file, &o, err)) < 0)
		return rc;
	if (a->json) {
		print_json_snap(&s);
		putchar('\n');
	} else {
		printf("loaded snapshot %lld of %s (%s): %lld entries from %lld rows, %lld rejected\nsha256 %s\n",
		       (long long)s.id, s.name, s.format, (long long)s.entries, (long long)s.rows,
		       (long long)s.errors, s.hash);
	}
	return s.errors ? 1 : TG_OK;
}

static int do_show(tg_store *st, const lists_args *a, tg_err *err)
{
	tg_list_snapshot *v;
	size_t n, i;
	int rc;

	if ((rc = tg_lists_snapshots(&v, &n, st, err)) < 0)
		return rc;
	if (a->json)
		printf("{\"snapshots\":[");
	for (i = 0; i < n; i++) {
		if (a->json) {
			if (i)
				putchar(',');
			print_json_snap(&v[i]);
		} else {
			print_text_snap(&v[i]);
		}
	}
	if (a->json)
		printf("]}\n");
	tg_lists_free(v);
	return TG_OK;
}

int cmd_lists(int argc, char **argv)
{
	tg_err err = TG_ERR_INIT;
	tg_store *st = NULL;
	lists_args a;
	int rc;

	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf("usage: %s\n", USAGE);
		return TG_EXIT_OK;
	}
	if (parse_args(&a, argc, argv) < 0)
		return cli_usage(USAGE);
	if ((rc = tg_store_open(&st, tg_store_default_path(a.db), &err)) < 0)
		return cli_fail(&err);
	rc = a.load ? do_load(st, &a, &err) : do_show(st, &a, &err);
	tg_store_free(st);
	if (rc == 1)
		return TG_EXIT_INPUT;
	return rc < 0 ? cli_fail(&err) : TG_EXIT_OK;
}
