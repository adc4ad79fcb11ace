/* SPDX-License-Identifier: Apache-2.0 */
/* tollgate: command-line front end. Dispatches to cmd_<verb>(). */
#include <stdio.h>
#include <string.h>
#include "tg/version.h"

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		printf("tollgate %s\n", TG_VERSION);
		return 0;
	}
	fprintf(stderr, "usage: tollgate <command> [options]\n");
	return 2;
}
