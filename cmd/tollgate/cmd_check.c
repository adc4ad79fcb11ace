/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate check: decide one order, or a JSON Lines stream of orders, and record the decisions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>
#include <sys/types.h>
#include "cli.h"
#include "tg/engine.h"

#define USAGE                                                                                                             \
	"tollgate check [--db PATH] [--as-of YYYY-MM-DD] [--json] [--no-record] [--data-dir DIR] [--actor NAME] FILE|-\n" \
	"  FILE holds one order (JSON object) or JSON Lines of orders; - reads standard input."
#define BATCH 1000

typedef struct check_args {
	const char *db, *data_dir, *file, *actor;
	int json, record;
	tg_check_opts opts;
} check_args;

static int parse_args(check_args *a, int argc, char **argv)
{
	int i;
	tg_err err = TG_ERR_INIT;
	tg_check_opts init = TG_CHECK_OPTS_INIT;
	memset(a, 0, sizeof(*a));
	a->opts = init;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			a->json = 1;
		else if (strcmp(argv[i], "--no-record") == 0)
			a->opts.record = 0;
		else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			a->db = argv[++i];
		else if (strcmp(argv[i], "--data-dir") == 0 && i + 1 < argc)
			a->data_dir = argv[++i];
		else if (strcmp(argv[i], "--actor") == 0 && i + 1 < argc)
			a->actor = argv[++i];
		else if (strcmp(argv[i], "--as-of") == 0 && i + 1 < argc) {
			if (tg_date_parse(&a->opts.as_of, argv[++i], &err) < 0) {
				fprintf(stderr, "tollgate: --as-of: %s\n", err.msg);
				return -1;
			}
			a->opts.has_as_of = 1;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			printf("usage: %s\n", USAGE);
			exit(0);
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, "tollgate: check: unknown option %s\n", argv[i]);
			return -1;
		} else if (a->file == NULL)
			a->file = argv[i];
		else
			return -1;
	}
	return a->file ? 0 : -1;
}

static void print_error_json(long line, const tg_err *e)
{
	tg_buf b = TG_BUF_INIT;
	if (tg_err_json(&b, e, line) == TG_OK)
		printf("%s\n", b.ptr);
	tg_buf_dispose(&b);
}

static void print_human(const char *json)
{
	json_error_t je;
	json_t *d = json_loads(json, 0, &je), *v;
	size_t i;
	if (d == NULL) {
		printf("%s\n", json);
		return;
	}
	printf("%s  %s  (as of %s)\n", json_string_value(json_object_get(d, "order_id")),
	       json_string_value(json_object_get(d, "verdict")), json_string_value(json_object_get(d, "as_of")));
	json_array_foreach (json_object_get(d, "jurisdictions"), i, v)
		printf("%s%s: %s", i ? "   " : "  ", json_string_value(json_object_get(v, "name")),
		       json_string_value(json_object_get(v, "verdict")));
	printf("\n");
	json_array_foreach (json_object_get(d, "lines"), i, v) {
		json_t *e = json_object_get(v, "eccn"), *t = json_object_get(v, "tpp");
		printf("  line %zu  %-22s %-8s TPP %-6" JSON_INTEGER_FORMAT " %s\n", i,
		       json_string_value(json_object_get(v, "item")),
		       e && json_is_string(e) ? json_string_value(e) : "-",
		       json_is_integer(t) ? json_integer_value(t) : (json_int_t)-1,
		       json_string_value(json_object_get(v, "verdict")));
	}
	json_array_foreach (json_object_get(d, "reasons"), i, v) {
		json_t *rv = json_object_get(v, "verdict");
		json_t *ln, *lines = json_object_get(v, "lines");
		size_t k;
		printf("  - [%s] %s (%s", json_string_value(json_object_get(v, "jurisdiction")),
		       json_string_value(json_object_get(v, "rule")),
		       json_is_string(rv) ? json_string_value(rv) : "info");
		json_array_foreach (lines, k, ln)
			printf("%s%" JSON_INTEGER_FORMAT, k ? "," : "; line ", json_integer_value(ln));
		printf("): %s\n    cite: %s [%s]\n", json_string_value(json_object_get(v, "message")),
		       json_string_value(json_object_get(v, "citation")),
		       json_string_value(json_object_get(v, "confidence")));
	}
	if (json_array_size(json_object_get(d, "conditions"))) {
		printf("  conditions:");
		json_array_foreach (json_object_get(d, "conditions"), i, v)
			printf("%s %s", i ? "," : "", json_string_value(v));
		printf("\n");
	}
	json_array_foreach (json_object_get(d, "charges"), i, v)
		printf("  charge: %s %s x %s = %s %s (line %" JSON_INTEGER_FORMAT ")\n",
		       json_string_value(json_object_get(v, "kind")), json_string_value(json_object_get(v, "rate")),
		       json_string_value(json_object_get(v, "base")), json_string_value(json_object_get(v, "amount")),
		       json_string_value(json_object_get(v, "currency")),
		       json_integer_value(json_object_get(v, "line")));
	json_decref(d);
}

/* Print the results of a batch; return the worst exit code among them. */
static int emit(const check_args *a, tg_check_result *res, size_t n, const long *lines)
{
	size_t i;
	int worst = TG_EXIT_OK;
	for (i = 0; i < n; i++) {
		if (res[i].code == TG_OK) {
			if (a->json)
				printf("%s\n", res[i].json.ptr);
			else
				print_human(res[i].json.ptr);
		} else {
			int x = cli_exit_code(res[i].code);
			if (a->json)
				print_error_json(lines ? lines[i] : 0, &res[i].err);
			if (lines)
				fprintf(stderr, "tollgate: line %ld: %s\n", lines[i], res[i].err.msg);
			else
				cli_fail(&res[i].err);
			if (x == TG_EXIT_INTERNAL || worst == TG_EXIT_OK)
				worst = x;
		}
		tg_check_result_dispose(&res[i]);
	}
	return worst;
}

static int is_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
			return 0;
	return 1;
}

/* Does this single line hold a complete JSON object? Then the input is JSON Lines. */
static int is_json_line(const char *line)
{
	json_error_t je;
	json_t *v = json_loads(line, 0, &je);
	int ok = v != NULL && json_is_object(v);
	json_decref(v);
	return ok;
}

typedef struct batch {
	char *texts[BATCH];
	size_t lens[BATCH];
	long lines[BATCH];
	size_t n;
} batch;

static int flush(const check_args *a, tg_engine *e, batch *b, int lines_mode)
{
	static tg_check_result res[BATCH];
	tg_err err = TG_ERR_INIT;
	size_t i;
	int rc, x;
	if (b->n == 0)
		return TG_EXIT_OK;
	rc = tg_engine_check_many(res, b->n, e, (const char *const *)b->texts, b->lens, &a->opts, &err);
	x = emit(a, res, b->n, lines_mode ? b->lines : NULL);
	for (i = 0; i < b->n; i++)
		free(b->texts[i]);
	b->n = 0;
	fflush(stdout);
	if (rc < 0) {
		cli_fail(&err);
		return TG_EXIT_INTERNAL;
	}
	return x;
}

static int worse(int a, int b)
{
	if (a == TG_EXIT_INTERNAL || b == TG_EXIT_INTERNAL)
		return TG_EXIT_INTERNAL;
	return a > b ? a : b;
}

/* JSON Lines: decide in batches of BATCH orders, each committed as one transaction. */
static int run_lines(const check_args *a, tg_engine *e, FILE *f, char *first, long first_no)
{
	static batch b;
	char *line = first;
	size_t cap = 0;
	ssize_t len = (ssize_t)strlen(first);
	long no = first_no;
	int worst = TG_EXIT_OK;
	do {
		if (!is_blank(line)) {
			while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
				line[--len] = '\0';
			b.texts[b.n] = line;
			b.lens[b.n] = (size_t)len;
			b.lines[b.n++] = no;
			line = NULL;
			cap = 0;
			if (b.n == BATCH && (worst = worse(worst, flush(a, e, &b, 1))) == TG_EXIT_INTERNAL)
				break;
		}
		no++;
	} while ((len = getline(&line, &cap, f)) >= 0);
	free(line);
	if (worst != TG_EXIT_INTERNAL)
		worst = worse(worst, flush(a, e, &b, 1));
	return worst;
}

/* One order spread over the whole input. */
static int run_single(const check_args *a, tg_engine *e, FILE *f, char *first)
{
	static batch b;
	size_t cap = strlen(first) + 4096, n = strlen(first), r;
	char *text = realloc(first, cap);
	if (text == NULL) {
		free(first);
		fprintf(stderr, "tollgate: out of memory\n");
		return TG_EXIT_INTERNAL;
	}
	while ((r = fread(text + n, 1, cap - n - 1, f)) > 0) {
		n += r;
		if (n + 1 == cap) {
			char *t = cap > ((size_t)256 << 20) ? NULL : realloc(text, cap * 2);
			if (t == NULL) {
				free(text);
				fprintf(stderr, "tollgate: order larger than 256 MiB or out of memory\n");
				return TG_EXIT_INPUT;
			}
			text = t;
			cap *= 2;
		}
	}
	text[n] = '\0';
	b.texts[0] = text;
	b.lens[0] = n;
	b.n = 1;
	return flush(a, e, &b, 0);
}

int cmd_check(int argc, char **argv)
{
	check_args a;
	tg_engine_opts eo = TG_ENGINE_OPTS_INIT;
	tg_engine *e = NULL;
	tg_err err = TG_ERR_INIT;
	FILE *f;
	char *line = NULL;
	size_t cap = 0;
	long no = 1;
	int rc;

	if (parse_args(&a, argc, argv) < 0)
		return cli_usage(USAGE);
	f = strcmp(a.file, "-") == 0 ? stdin : fopen(a.file, "r");
	if (f == NULL) {
		fprintf(stderr, "tollgate: cannot open %s\n", a.file);
		return TG_EXIT_INPUT;
	}
	eo.db_path = a.db;
	eo.data_dir = a.data_dir;
	if (tg_engine_open(&e, &eo, &err) < 0) {
		if (f != stdin)
			fclose(f);
		return cli_fail(&err);
	}
	tg_engine_set_actor(e, a.actor);
	while (getline(&line, &cap, f) >= 0 && is_blank(line))
		no++;
	if (line == NULL || is_blank(line)) {
		fprintf(stderr, "tollgate: %s: no order in the input\n", a.file);
		rc = TG_EXIT_INPUT;
		free(line);
	} else if (is_json_line(line)) {
		rc = run_lines(&a, e, f, line, no);
	} else {
		rc = run_single(&a, e, f, line);
	}
	if (f != stdin)
		fclose(f);
	tg_engine_free(e);
	return rc;
}
