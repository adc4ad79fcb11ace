/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate token: create (the secret is printed once, alone on the last line), list and revoke API
 * bearer tokens. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "cli_out.h"

static const char USAGE[] = "tollgate token add --role ROLE --name NAME [--db PATH]\n"
			    "       tollgate token list [--db PATH] [--json]\n"
			    "       tollgate token revoke ID [--db PATH]\n"
			    "  roles: exporter compliance_officer inspector licensing_officer auditor admin";

typedef struct token_args {
	const char *verb, *role, *name, *db, *id;
	int json;
} token_args;

static int parse_args(token_args *a, int argc, char **argv)
{
	int i;
	memset(a, 0, sizeof(*a));
	if (argc < 2)
		return -1;
	a->verb = argv[1];
	for (i = 2; i < argc; i++) {
		const char *s = argv[i];
		int more = i + 1 < argc;
		if (strcmp(s, "--role") == 0 && more)
			a->role = argv[++i];
		else if (strcmp(s, "--name") == 0 && more)
			a->name = argv[++i];
		else if (strcmp(s, "--db") == 0 && more)
			a->db = argv[++i];
		else if (strcmp(s, "--json") == 0)
			a->json = 1;
		else if (strcmp(a->verb, "revoke") == 0 && a->id == NULL && s[0] != '-')
			a->id = s;
		else
			return -1;
	}
	if (strcmp(a->verb, "add") == 0)
		return a->role && a->name ? 0 : -1;
	if (strcmp(a->verb, "revoke") == 0)
		return a->id ? 0 : -1;
	return strcmp(a->verb, "list") == 0 ? 0 : -1;
}

static int do_add(tg_store *st, const token_args *a, tg_err *err)
{
	char tok[TG_TOKEN_MAX];
	tg_token_info t;
	tg_api_role role;
	int rc;
	if ((rc = tg_api_role_parse(&role, a->role, err)) < 0 ||
	    (rc = tg_token_add(tok, &t, st, role, a->name, err)) < 0)
		return rc;
	printf("token %lld for %s (role %s); shown once, keep it secret:\n%s\n", (long long)t.id, t.name,
	       tg_api_role_name(t.role), tok);
	return TG_OK;
}

static int do_list(tg_store *st, const token_args *a, tg_err *err)
{
	tg_token_info *v;
	size_t n, i;
	int rc;
	if ((rc = tg_token_list(&v, &n, st, err)) < 0)
		return rc;
	if (a->json)
		printf("{\"tokens\":[");
	for (i = 0; i < n; i++) {
		if (a->json) {
			printf("%s{\"id\":%lld,\"name\":", i ? "," : "", (long long)v[i].id);
			cli_json_str(stdout, v[i].name);
			printf(",\"role\":\"%s\",\"created_at\":\"%s\",\"revoked\":%s}", tg_api_role_name(v[i].role),
			       v[i].created_at, v[i].revoked ? "true" : "false");
		} else {
			printf("%lld\t%s\t%s\t%s%s\n", (long long)v[i].id, v[i].name, tg_api_role_name(v[i].role),
			       v[i].created_at, v[i].revoked ? "\trevoked" : "");
		}
	}
	if (a->json)
		printf("]}\n");
	tg_token_list_free(v);
	return TG_OK;
}

static int do_revoke(tg_store *st, const token_args *a, tg_err *err)
{
	char *end;
	long long id;
	int rc;
	errno = 0;
	id = strtoll(a->id, &end, 10);
	if (errno || *end || id <= 0) {
		snprintf(err->msg, sizeof(err->msg), "id: expected a token id");
		err->code = TG_EINVALID;
		return TG_EINVALID;
	}
	if ((rc = tg_token_revoke(st, (int64_t)id, err)) == TG_OK)
		printf("token %lld revoked\n", id);
	return rc;
}

int cmd_token(int argc, char **argv)
{
	tg_err err = TG_ERR_INIT;
	tg_store *st = NULL;
	token_args a;
	int rc;
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		printf("usage: %s\n", USAGE);
		return TG_EXIT_OK;
	}
	if (parse_args(&a, argc, argv) < 0)
		return cli_usage(USAGE);
	if ((rc = tg_store_open(&st, tg_store_default_path(a.db), &err)) < 0)
		return cli_fail(&err);
	if (strcmp(a.verb, "add") == 0)
		rc = do_add(st, &a, &err);
	else if (strcmp(a.verb, "list") == 0)
		rc = do_list(st, &a, &err);
	else
		rc = do_revoke(st, &a, &err);
	tg_store_free(st);
	return rc < 0 ? cli_fail(&err) : TG_EXIT_OK;
}
