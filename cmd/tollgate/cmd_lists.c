/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate lists: load a list file into a new snapshot (and re-screen the recorded parties against
 * what changed), show the loaded snapshots, a re-screen report, or the screening thresholds. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli_out.h"
#include "tg/lists.h"
#include "tg/rescreen.h"

static const char USAGE[] =
	"tollgate lists [--db PATH] [--json]\n"
	"       tollgate lists load FILE|URL [--format F] [--name NAME] [--strict] [--db PATH] [--json]\n"
	"       tollgate lists rescreen-report [--snapshot ID] [--db PATH] [--json]\n"
	"       tollgate lists thresholds [--json]\n"
	"  formats: csl-csv csl-json ofac-csv ofac-xml tg-json kaist-json (default: detected)\n"
	"  exit 2 when the file is invalid, or when records were skipped (each reported on stderr)";

enum { SUB_SHOW, SUB_LOAD, SUB_REPORT, SUB_THRESHOLDS };

typedef struct lists_args {
	const char *db, *file, *format, *name, *snapshot;
	int json, strict, sub;
} lists_args;

/* The subcommand word, if s is one and none was given yet. */
static int sub_of(const lists_args *a, const char *s)
{
	if (a->sub != SUB_SHOW)
		return -1;
	if (strcmp(s, "load") == 0)
		return SUB_LOAD;
	if (strcmp(s, "rescreen-report") == 0)
		return SUB_REPORT;
	if (strcmp(s, "thresholds") == 0)
		return SUB_THRESHOLDS;
	return -1;
}

static int parse_args(lists_args *a, int argc, char **argv)
{
	int i, sub;
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
		else if (strcmp(s, "--snapshot") == 0 && more)
			a->snapshot = argv[++i];
		else if (strcmp(s, "--json") == 0)
			a->json = 1;
		else if (strcmp(s, "--strict") == 0)
			a->strict = 1;
		else if ((sub = sub_of(a, s)) >= 0)
			a->sub = sub;
		else if (a->sub == SUB_LOAD && !a->file && (s[0] != '-' || strcmp(s, "-") == 0))
			a->file = s;
		else
			return -1;
	}
	if (a->sub != SUB_LOAD && (a->format || a->name || a->strict))
		return -1; /* load's options elsewhere */
	if (a->sub != SUB_REPORT && a->snapshot)
		return -1;
	return a->sub == SUB_LOAD && !a->file ? -1 : 0;
}

static void print_json_snap_fields(const tg_list_snapshot *s)
{
	printf("{\"id\":%lld,\"name\":", (long long)s->id);
	cli_json_str(stdout, s->name);
	printf(",\"source\":");
	cli_json_str(stdout, s->source);
	printf(",\"format\":\"%s\",\"sha256\":\"%s\",\"loaded_at\":\"%s\",\"rows\":%lld,\"entries\":%lld,"
	       "\"errors\":%lld",
	       s->format, s->hash, s->loaded_at, (long long)s->rows, (long long)s->entries, (long long)s->errors);
}

static void print_json_snap(const tg_list_snapshot *s)
{
	print_json_snap_fields(s);
	putchar('}');
}

static void print_text_snap(const tg_list_snapshot *s)
{
	printf("%lld\t%s\t%s\t%s\t%lld entries\t%lld rows\t%lld errors\tsha256:%.16s\t%s\n", (long long)s->id, s->name,
	       s->format, s->loaded_at, (long long)s->entries, (long long)s->rows, (long long)s->errors, s->hash,
	       s->source);
}

static void on_problem(const char *file, long line, const char *msg, void *payload)
{
	(void)payload;
	if (line > 0)
		fprintf(stderr, "tollgate: %s:%ld: %s\n", file, line, msg);
	else
		fprintf(stderr, "tollgate: %s: %s\n", file, msg);
}

static void print_summary_line(const tg_rescreen_summary *r)
{
	char prev[32] = "none";
	if (r->previous)
		snprintf(prev, sizeof(prev), "snapshot %lld", (long long)r->previous);
	printf("re-screened %lld recorded parties: %lld new hits, %lld cleared (entries vs %s: %lld added, %lld changed,"
	       " %lld removed)\n",
	       (long long)r->parties, (long long)r->new_hits, (long long)r->cleared_hits, prev, (long long)r->added,
	       (long long)r->changed, (long long)r->removed);
}

static int do_load(tg_store *st, const lists_args *a, tg_err *err)
{
	tg_list_load_opts o = TG_LIST_LOAD_OPTS_INIT;
	tg_rescreen_summary r;
	tg_list_snapshot s;
	int rc;

	if (a->format && (rc = tg_list_format_parse(&o.format, a->format, err)) < 0)
		return rc;
	o.strict = a->strict, o.name = a->name, o.problem = on_problem;
	if ((rc = tg_lists_load(&s, st, a->file, &o, err)) < 0 || (rc = tg_rescreen_summary_get(&r, st, s.id, err)) < 0)
		return rc;
	if (a->json) {
		tg_buf b = TG_BUF_INIT;
		if ((rc = tg_rescreen_summary_json(&b, &r, err)) < 0)
			return rc;
		print_json_snap_fields(&s);
		printf(",\"rescreen\":%s}\n", b.ptr);
		tg_buf_dispose(&b);
	} else {
		printf("loaded snapshot %lld of %s (%s): %lld entries from %lld rows, %lld rejected\nsha256 %s\n",
		       (long long)s.id, s.name, s.format, (long long)s.entries, (long long)s.rows, (long long)s.errors,
		       s.hash);
		print_summary_line(&r);
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

/* --snapshot: a positive integer. */
static int parse_snapshot(int64_t *out, const char *s, tg_err *err)
{
	char *end;
	long long v;
	*out = 0;
	if (s == NULL)
		return TG_OK;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || end == s || *end || v <= 0) {
		err->code = TG_EINVALID;
		snprintf(err->field, sizeof(err->field), "snapshot");
		snprintf(err->msg, sizeof(err->msg), "--snapshot: expected a positive snapshot id, got '%.60s'", s);
		return TG_EINVALID;
	}
	*out = v;
	return TG_OK;
}

static void print_hit(const tg_rescreen_hit *h)
{
	printf("  %s%s%s%s: %.3f %-6s %-6s %s  %s (%s)", h->party, h->party_country[0] ? " [" : "", h->party_country,
	       h->party_country[0] ? "]" : "", h->hit.score, h->hit.level == TG_HIT_BLOCK ? "block" : "review",
	       h->hit.list, h->hit.entity_id, h->hit.name, h->change);
	if (h->hit.approved)
		printf("  [approved customer]");
	if (h->hit.override[0])
		printf("  [override %s]", h->hit.override);
	putchar('\n');
	if (strcmp(h->hit.matched_name, h->hit.name) != 0)
		printf("         matched: %s\n", h->hit.matched_name);
	printf("         %s\n", h->hit.explanation);
}

static int do_report(tg_store *st, const lists_args *a, int64_t snap, tg_err *err)
{
	tg_rescreen_report *r;
	tg_buf b = TG_BUF_INIT;
	char prev[48] = "no previous snapshot";
	size_t i, k;
	int rc;

	if (a->json) {
		if ((rc = tg_rescreen_report_json(&b, st, snap, err)) == TG_OK)
			fputs(b.ptr, stdout);
		tg_buf_dispose(&b);
		return rc;
	}
	if ((rc = tg_rescreen_report_get(&r, st, snap, err)) < 0)
		return rc;
	if (r->summary.previous)
		snprintf(prev, sizeof(prev), "snapshot %lld", (long long)r->summary.previous);
	printf("re-screen report of snapshot %lld (%s) against %s, at %s\n", (long long)r->summary.snapshot,
	       r->list_name, prev, r->created_at);
	print_summary_line(&r->summary);
	for (k = 0; k < 2; k++) {
		const char *kind = k == 0 ? "new" : "cleared";
		printf("%s hits: %lld\n", kind, (long long)(k == 0 ? r->summary.new_hits : r->summary.cleared_hits));
		for (i = 0; i < r->nhits; i++)
			if (strcmp(r->hits[i].kind, kind) == 0)
				print_hit(&r->hits[i]);
	}
	tg_rescreen_report_free(r);
	return TG_OK;
}

/* Thresholds print with up to 4 decimals, as written in the file (0.85, 0.9). */
static int do_thresholds(const lists_args *a, tg_err *err)
{
	tg_screen_threshold *v;
	char source[1024];
	size_t n, i;
	int rc;

	if ((rc = tg_screen_thresholds(&v, &n, source, err)) < 0)
		return rc;
	if (a->json) {
		printf("{\"source\":");
		cli_json_str(stdout, source);
		printf(",\"default\":{\"review\":%.4g,\"block\":%.4g},\"lists\":{", v[0].review, v[0].block);
		for (i = 1; i < n; i++) {
			printf("%s", i > 1 ? "," : "");
			cli_json_str(stdout, v[i].list);
			printf(":{\"review\":%.4g,\"block\":%.4g}", v[i].review, v[i].block);
		}
		printf("}}\n");
	} else {
		printf("thresholds from %s\n", source[0] ? source : "built-in defaults (no thresholds file)");
		printf("%-10s %-7s %s\n", "list", "review", "block");
		for (i = 0; i < n; i++)
			printf("%-10s %-7.4g %.4g\n", i == 0 ? "(default)" : v[i].list, v[i].review, v[i].block);
	}
	tg_screen_thresholds_free(v);
	return TG_OK;
}

int cmd_lists(int argc, char **argv)
{
	tg_err err = TG_ERR_INIT;
	tg_store *st = NULL;
	lists_args a;
	int64_t snap = 0;
	int rc;

	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf("usage: %s\n", USAGE);
		return TG_EXIT_OK;
	}
	if (parse_args(&a, argc, argv) < 0)
		return cli_usage(USAGE);
	if (a.sub == SUB_THRESHOLDS)
		return do_thresholds(&a, &err) < 0 ? cli_fail(&err) : TG_EXIT_OK;
	if (a.sub == SUB_REPORT && (rc = parse_snapshot(&snap, a.snapshot, &err)) < 0)
		return cli_fail(&err);
	if ((rc = tg_store_open(&st, tg_store_default_path(a.db), &err)) < 0)
		return cli_fail(&err);
	if (a.sub == SUB_REPORT)
		rc = do_report(st, &a, snap, &err);
	else
		rc = a.sub == SUB_LOAD ? do_load(st, &a, &err) : do_show(st, &a, &err);
	tg_store_free(st);
	if (rc == 1)
		return TG_EXIT_INPUT;
	return rc < 0 ? cli_fail(&err) : TG_EXIT_OK;
}
