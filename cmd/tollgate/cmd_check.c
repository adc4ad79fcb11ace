/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate check: placeholder until its module lands (prints an error, exit 1). */
#include <stdio.h>
#include "cli.h"

int cmd_check(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fprintf(stderr, "tollgate: 'check' is not built yet\n");
	return TG_EXIT_INTERNAL;
}
