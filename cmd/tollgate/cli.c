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

int cli_read_file(char **out, size_t *len, const char *path, tg_err *err)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	size_t cap = 65536, n = 0;
	char *p;

	if (f == NULL) {
		snprintf(err->msg, sizeof(err->msg), "cannot open %s: %s", path, strerror(errno));
		err->code = TG_EINVALID;
		return TG_EINVALID;
	}
	if ((p = malloc(cap)) == NULL)
		goto oom;
	for (;;) {
		size_t r;
		if (n + 1 >= cap) {
			char *q;
			if (cap >= ((size_t)1 << 30)) {
				free(p);
				if (f != stdin)
					fclose(f);
				snprintf(err->msg, sizeof(err->msg), "%s: larger than 1 GiB", path);
				err->code = TG_ELIMIT;
				return TG_ELIMIT;
			}
			if ((q = realloc(p, cap * 2)) == NULL) {
				free(p);
				goto oom;
			}
			p = q;
			cap *= 2;
		}
		r = fread(p + n, 1, cap - n - 1, f);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(f)) {
		free(p);
		if (f != stdin)
			fclose(f);
		snprintf(err->msg, sizeof(err->msg), "cannot read %s", path);
		err->code = TG_EIO;
		return TG_EIO;
	}
	if (f != stdin)
		fclose(f);
	p[n] = '\0';
	*out = p;
	*len = n;
	return TG_OK;
oom:
	if (f != stdin)
		fclose(f);
	err->code = TG_ENOMEM;
	snprintf(err->msg, sizeof(err->msg), "out of memory");
	return TG_ENOMEM;
}
