/* SPDX-License-Identifier: Apache-2.0 */
/* Output helpers of the list and screening commands (JSON string literals on a stream). */
#ifndef TOLLGATE_CLI_OUT_H
#define TOLLGATE_CLI_OUT_H

#include <stdio.h>

/* Write s as a JSON string literal (quotes included; UTF-8 passed through, controls escaped). */
void cli_json_str(FILE *f, const char *s);

/* tollgate screen override|overrides (argv[0] is "override" or "overrides"). */
int cmd_screen_override(int argc, char **argv);

#endif
