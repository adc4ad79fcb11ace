/* SPDX-License-Identifier: Apache-2.0 */
#include "cli.h"
int cmd_trace(int argc, char **argv) { (void)argc; (void)argv; return 1; }
