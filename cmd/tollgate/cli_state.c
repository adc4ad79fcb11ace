/* SPDX-License-Identifier: Apache-2.0 */
#include "cli_state.h"

#include <stdio.h>
#include <string.h>
#include <jansson.h>

static int is_valued(const char *arg, const char *const *valued)
{
	size_t i;
	for (i = 0; valued && valued[i]; i++)
		if (strcmp(arg, valued[i]) == 0)
			return 1;
	return 0;
}

int cli_args_parse(cli_args *a, int argc, char **argv, int first, const char *const *valued)
{
	int i;
	memset(a, 0, sizeof(*a));
	for (i = first; i < argc; i++) {
		const char *s = argv[i];
		int has = i + 1 < argc;
		if (strcmp(s, "--json") == 0)
			a->json = 1;
		else if (strcmp(s, "--csv") == 0)
			a->csv = 1;
		else if (strcmp(s, "--db") == 0 && has)
			a->db = argv[++i];
		else if (strcmp(s, "--data-dir") == 0 && has)
			a->data_dir = argv[++i];
		else if (strcmp(s, "--actor") == 0 && has)
			a->actor = argv[++i];
		else if (is_valued(s, valued) && has && a->nopt < CLI_MAX_OPT) {
			a->opt_name[a->nopt] = s;
			a->opt_val[a->nopt++] = argv[++i];
		} else if (s[0] == '-' && s[1] != '\0') {
			fprintf(stderr, "tollgate: unknown option or missing value: %s\n", s);
			return -1;
		} else if (a->npos < CLI_MAX_POS)
			a->pos[a->npos++] = s;
		else {
			fprintf(stderr, "tollgate: too many arguments\n");
			return -1;
		}
	}
	return 0;
}

const char *cli_opt(const cli_args *a, const char *name)
{
	int i;
	for (i = a->nopt - 1; i >= 0; i--)
		if (strcmp(a->opt_name[i], name) == 0)
			return a->opt_val[i];
	return NULL;
}

int cli_open(tg_engine **e, const cli_args *a)
{
	tg_engine_opts eo = TG_ENGINE_OPTS_INIT;
	tg_err err = TG_ERR_INIT;
	eo.db_path = a->db;
	eo.data_dir = a->data_dir;
	if (tg_engine_open(e, &eo, &err) < 0)
		return cli_fail(&err);
	tg_engine_set_actor(*e, a->actor);
	return 0;
}

void cli_print_buf(const tg_buf *b)
{
	printf("%s\n", b->ptr ? b->ptr : "");
}

int cli_refused(const cli_args *a, const tg_buf *doc, const char *what)
{
	json_t *d = doc->ptr ? json_loads(doc->ptr, 0, NULL) : NULL, *v;
	size_t i;
	if (a->json)
		cli_print_buf(doc);
	json_array_foreach (json_object_get(d, "reasons"), i, v)
		fprintf(stderr, "tollgate: %s: %s: %s\n", what, json_string_value(json_object_get(v, "code")),
			json_string_value(json_object_get(v, "message")));
	json_decref(d);
	return TG_EXIT_INPUT;
}
