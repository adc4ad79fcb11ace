/* SPDX-License-Identifier: Apache-2.0 */
/* Shared helpers of the tollgate command: exit codes, error printing, reading inputs, common flags.
 * Commands use only the public API (include/tg/) plus these helpers. */
#ifndef TOLLGATE_CLI_H
#define TOLLGATE_CLI_H

#include <stddef.h>
#include "tg/tg.h"

/* Exit codes (documented in the README): */
#define TG_EXIT_OK 0       /* done (for check: every order decided, whatever the verdict) */
#define TG_EXIT_INTERNAL 1 /* internal fault: store, memory, bug */
#define TG_EXIT_INPUT 2    /* invalid input, usage error, conflict, or refusal */

/* Map a tg_code to an exit code: EINVALID/ENOTFOUND/ECONFLICT/EEXISTS/ELIMIT/EREFUSED -> 2, else 1. */
int cli_exit_code(int code);
/* Print "tollgate: <msg>" (and the field if the message does not name it) to stderr; return the exit code. */
int cli_fail(const tg_err *err);
/* Print a usage error to stderr; return TG_EXIT_INPUT. */
int cli_usage(const char *usage);
/* Read a whole file ("-" = stdin) into *out (NUL-terminated, free with free()); max 1 GiB. */
int cli_read_file(char **out, size_t *len, const char *path, tg_err *err);

/* One command: int cmd_<verb>(int argc, char **argv), argv[0] is the verb. */
typedef int (*cli_cmd_fn)(int argc, char **argv);

int cmd_classify(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_policy(int argc, char **argv);
int cmd_lists(int argc, char **argv);
int cmd_screen(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_token(int argc, char **argv);
int cmd_license(int argc, char **argv);
int cmd_inspect(int argc, char **argv);
int cmd_ship(int argc, char **argv);
int cmd_trace(int argc, char **argv);
int cmd_us_volume(int argc, char **argv);
int cmd_ledger(int argc, char **argv);
int cmd_audit(int argc, char **argv);
int cmd_db(int argc, char **argv);

#endif
