/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate screen: screen one name, or a batch (one name per line, or JSON Lines {"name","country"}),
 * against the lists loaded in the database. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "tg/alloc.h"
#include "cli_out.h"

static const char USAGE[] = "tollgate screen [--db PATH] [--country CC] [--limit N] [--json] NAME\n"
			    "       tollgate screen [--db PATH] [--limit N] [--json] --batch FILE|-\n"
			    "       tollgate screen override ... | overrides (see tollgate screen override --help)\n"
			    "  shows the hits at or above each list's review threshold, best first";

#define MAX_LIMIT 100

typedef struct screen_args {
	const char *db, *name, *country, *batch;
	long limit;
	int json;
} screen_args;

static int parse_limit(long *out, const char *s)
{
	char *end;
	errno = 0;
	*out = strtol(s, &end, 10);
	return errno || *end || end == s || *out < 1 || *out > MAX_LIMIT ? -1 : 0;
}

static int parse_args(screen_args *a, int argc, char **argv)
{
	int i;
	memset(a, 0, sizeof(*a));
	a->limit = 10;
	for (i = 1; i < argc; i++) {
		const char *s = argv[i];
		int more = i + 1 < argc;
		if (strcmp(s, "--db") == 0 && more)
			a->db = argv[++i];
		else if (strcmp(s, "--country") == 0 && more)
			a->country = argv[++i];
		else if (strcmp(s, "--batch") == 0 && more)
			a->batch = argv[++i];
		else if (strcmp(s, "--limit") == 0 && more) {
			if (parse_limit(&a->limit, argv[++i]) < 0)
				return -1;
		} else if (strcmp(s, "--json") == 0)
			a->json = 1;
		else if (!a->name && (s[0] != '-' || s[1] == '\0'))
			a->name = s;
		else
			return -1;
	}
	return (a->name != NULL) == (a->batch != NULL) ? -1 : 0;
}

static void print_json(const char *query, const tg_screen_hit *h, size_t n)
{
	size_t i;
	printf("{\"query\":");
	cli_json_str(stdout, query);
	printf(",\"hits\":[");
	for (i = 0; i < n; i++) {
		printf("%s{\"entity_id\":", i ? "," : "");
		cli_json_str(stdout, h[i].entity_id);
		printf(",\"list\":");
		cli_json_str(stdout, h[i].list);
		printf(",\"name\":");
		cli_json_str(stdout, h[i].name);
		printf(",\"matched_name\":");
		cli_json_str(stdout, h[i].matched_name);
		printf(",\"score\":%.3f,\"level\":\"%s\",\"approved\":%s,", h[i].score,
		       h[i].level == TG_HIT_BLOCK ? "block" : "review", h[i].approved ? "true" : "false");
		if (h[i].override[0])
			printf("\"override\":\"%s\",", h[i].override);
		printf("\"explanation\":");
		cli_json_str(stdout, h[i].explanation);
		putchar('}');
	}
	printf("]}\n");
}

static void print_text(const char *query, const tg_screen_hit *h, size_t n)
{
	size_t i;
	printf("%s: %zu hit%s\n", query, n, n == 1 ? "" : "s");
	for (i = 0; i < n; i++) {
		printf("  %.3f %-6s %-6s %s  %s%s\n", h[i].score, h[i].level == TG_HIT_BLOCK ? "block" : "review",
		       h[i].list, h[i].entity_id, h[i].name, h[i].approved ? "  [approved customer]" : "");
		if (strcmp(h[i].matched_name, h[i].name) != 0)
			printf("         matched: %s\n", h[i].matched_name);
		printf("         %s\n", h[i].explanation);
		if (h[i].override[0])
			printf("         override: %s\n",
			       strcmp(h[i].override, "lapsed") == 0
				       ? "false positive recorded, but the entry has changed since: review again"
				       : "confirmed true match");
	}
}

static int screen_one(const tg_screener *s, const screen_args *a, const char *name, const char *cc, tg_err *err)
{
	tg_screen_hit hits[MAX_LIMIT];
	size_t n = 0;
	int rc;

	if ((rc = tg_screen_name(hits, (size_t)a->limit, &n, s, name, cc, err)) < 0)
		return rc;
	if (a->json)
		print_json(name, hits, n);
	else
		print_text(name, hits, n);
	return TG_OK;
}

/* One batch line: a JSON object {"name","country"} or the name itself. 1 = bad line. */
static int batch_line(const tg_screener *s, const screen_args *a, char *line, long lineno, tg_err *err)
{
	json_t *j, *jn, *jc;
	json_error_t je;
	int rc;

	if (line[0] != '{')
		return screen_one(s, a, line, NULL, err);
	if ((j = json_loads(line, 0, &je)) == NULL) {
		fprintf(stderr, "tollgate: line %ld: invalid JSON at column %d: %s\n", lineno, je.column, je.text);
		return 1;
	}
	jn = json_object_get(j, "name"), jc = json_object_get(j, "country");
	if (!json_is_string(jn) || (jc && !json_is_string(jc) && !json_is_null(jc))) {
		fprintf(stderr, "tollgate: line %ld: name: expected a string (and country a string)\n", lineno);
		json_decref(j);
		return 1;
	}
	rc = screen_one(s, a, json_string_value(jn), json_is_string(jc) ? json_string_value(jc) : NULL, err);
	json_decref(j);
	return rc;
}

static int run_batch(const tg_screener *s, const screen_args *a, tg_err *err)
{
	char *data, *p, *nl;
	size_t len;
	long lineno = 0;
	int rc = TG_OK, bad = 0;

	if ((rc = cli_read_file(&data, &len, a->batch, err)) < 0)
		return rc;
	for (p = data; *p && rc >= 0; p = nl ? nl + 1 : p + strlen(p)) {
		size_t n;
		nl = strchr(p, '\n');
		n = nl ? (size_t)(nl - p) : strlen(p);
		lineno++;
		if (n && p[n - 1] == '\r')
			n--;
		p[n] = '\0';
		if (n == 0)
			continue;
		rc = batch_line(s, a, p, lineno, err);
		if (rc == 1)
			bad = 1, rc = TG_OK;
	}
	tg_free(data);
	return rc < 0 ? rc : bad;
}

int cmd_screen(int argc, char **argv)
{
	tg_err err = TG_ERR_INIT;
	tg_store *st = NULL;
	tg_screener *s = NULL;
	screen_args a;
	int rc;

	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf("usage: %s\n", USAGE);
		return TG_EXIT_OK;
	}
	if (argc > 1 && (strcmp(argv[1], "override") == 0 || strcmp(argv[1], "overrides") == 0))
		return cmd_screen_override(argc - 1, argv + 1);
	if (parse_args(&a, argc, argv) < 0)
		return cli_usage(USAGE);
	if ((rc = tg_store_open(&st, tg_store_default_path(a.db), &err)) < 0)
		return cli_fail(&err);
	rc = tg_screener_open(&s, st, &err);
	tg_store_free(st);
	if (rc < 0)
		return cli_fail(&err);
	rc = a.batch ? run_batch(s, &a, &err) : screen_one(s, &a, a.name, a.country, &err);
	tg_screener_free(s);
	if (rc == 1)
		return TG_EXIT_INPUT;
	return rc < 0 ? cli_fail(&err) : TG_EXIT_OK;
}
