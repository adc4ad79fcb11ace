/* SPDX-License-Identifier: Apache-2.0 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cli_exit_code(int code)
{
	switch (code) {
	case TG_OK: return TG_EXIT_OK;
	case TG_EINVALID:
	case TG_ENOTFOUND:
	case TG_ECONFLICT:
	case TG_EEXISTS:
	case TG_ELIMIT:
	case TG_EREFUSED: return TG_EXIT_INPUT;
	default: return TG_EXIT_INTERNAL;
	}
}

int cli_fail(const tg_err *err)
{
	if (err->field[0] && strstr(err->msg, err->field) == NULL)
		fprintf(stderr, "tollgate: %s: %s\n", err->field, err->msg);
	else
		fprintf(stderr, "tollgate: %s\n", err->msg[0] ? err->msg : tg_strerror(err->code));
	return cli_exit_code(err->code);
}

int cli_usage(const char *usage)
{
	fprintf(stderr, "usage: %s\n", usage);
	return TG_EXIT_INPUT;
}

/* The CLI's reader is the library's one (tg_file_read); only its codes and one message keep the CLI's
 * historical form: an unopenable file is a usage error (TG_EINVALID) and the limit reads "1 GiB". */
int cli_read_file(char **out, size_t *len, const char *path, tg_err *err)
{
	int rc = tg_file_read(out, len, path, ((size_t)1 << 30) - 2, err);
	if (rc == TG_EIO && strncmp(err->msg, "cannot open ", 12) == 0)
		err->code = rc = TG_EINVALID;
	else if (rc == TG_ELIMIT)
		snprintf(err->msg, sizeof(err->msg), "%s: larger than 1 GiB", path);
	return rc;
}
