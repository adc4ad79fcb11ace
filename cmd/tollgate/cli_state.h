/* SPDX-License-Identifier: Apache-2.0 */
/* Argument parsing and engine opening shared by the stateful commands (license, inspect, ship, trace,
 * us-volume, ledger, audit). */
#ifndef TOLLGATE_CLI_STATE_H
#define TOLLGATE_CLI_STATE_H

#include "cli.h"

#define CLI_MAX_POS 8
#define CLI_MAX_OPT 12

typedef struct cli_args {
	const char *db, *data_dir, *actor;
	int json, csv;
	const char *pos[CLI_MAX_POS];
	int npos;
	const char *opt_name[CLI_MAX_OPT], *opt_val[CLI_MAX_OPT];
	int nopt;
} cli_args;

/* Parse argv[first..]: --db, --data-dir, --actor, --json, --csv, the options named in valued (each
 * takes a value; NULL-terminated list) and positionals. Prints the problem and returns -1 on error. */
int cli_args_parse(cli_args *a, int argc, char **argv, int first, const char *const *valued);
/* The value of option name ("--reason"), or NULL. */
const char *cli_opt(const cli_args *a, const char *name);
/* Open the engine with the store (and actor); on failure print and return the exit code (> 0). */
int cli_open(tg_engine **e, const cli_args *a);
/* Print a tg_buf with a newline. */
void cli_print_buf(const tg_buf *b);

/* For a refusal: print every {"code","message"} of doc's "reasons" to stderr as
 * "tollgate: <what>: <code>: <message>" (and doc to stdout with --json); return TG_EXIT_INPUT. */
int cli_refused(const cli_args *a, const tg_buf *doc, const char *what);
#endif
