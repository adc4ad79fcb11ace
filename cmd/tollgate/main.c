/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate: command-line front end. Dispatches to cmd_<verb>() (one file per verb). */
#include <stdio.h>
#include <string.h>
#include "cli.h"

static const struct {
	const char *name;
	cli_cmd_fn fn;
	const char *help;
} commands[] = {
	{"classify", cmd_classify, "classify an accelerator: TPP, PD, ECCN, gates"},
	{"check", cmd_check, "decide orders under the policy in force on their date"},
	{"policy", cmd_policy, "list the rules in force"},
	{"lists", cmd_lists, "load and show restricted-party list snapshots"},
	{"screen", cmd_screen, "screen names against the loaded lists"},
	{"serve", cmd_serve, "serve the HTTP JSON API and the console"},
	{"token", cmd_token, "add, list and revoke API tokens"},
	{"license", cmd_license, "add, show, list, revoke licences; approved customers"},
	{"inspect", cmd_inspect, "record inspection certificates from US test labs"},
	{"ship", cmd_ship, "release serial-level shipments under a licence"},
	{"trace", cmd_trace, "trace a serial; report a diversion"},
	{"us-volume", cmd_us_volume, "record US end-use volume (50% China cap)"},
	{"ledger", cmd_ledger, "charge ledger: statements, remittances, balance check"},
	{"audit", cmd_audit, "verify and export the audit chain"},
	{"db", cmd_db, "create or upgrade the database schema (SQLite or PostgreSQL)"},
};

static void usage(FILE *f)
{
	size_t i;
	fprintf(f, "usage: tollgate <command> [options]   (tollgate <command> --help for its options)\n\ncommands:\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].help);
	fprintf(f, "\nexit status: 0 done, 1 internal fault, 2 invalid input, conflict or refusal\n");
}

int main(int argc, char **argv)
{
	size_t i;
	if (argc < 2) {
		usage(stderr);
		return TG_EXIT_INPUT;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("tollgate %s\n", TG_VERSION);
		return TG_EXIT_OK;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return TG_EXIT_OK;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "tollgate: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return TG_EXIT_INPUT;
}
