/* SPDX-License-Identifier: Apache-2.0 */
/* tg_file_read (tg/file.h): the one whole-file reader (catalogue, gates, policy, lists, CLI inputs). */
#include "tg/file.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "alloc.h"
#include "err.h"

/* Grow *p so that it holds at least need bytes (doubling from 64 KiB). */
static int grow(char **p, size_t *cap, size_t need, tg_err *err)
{
	size_t c = *cap ? *cap : 65536;
	char *q;
	while (c < need)
		c *= 2;
	if (c == *cap)
		return TG_OK;
	if ((q = tg__realloc(*p, c)) == NULL)
		return tg__oom(err);
	*p = q;
	*cap = c;
	return TG_OK;
}

int tg_file_read(char **out, size_t *len, const char *path, size_t max, tg_err *err)
{
	int is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	char *p = NULL;
	size_t n = 0, cap = 0;
	int rc = TG_OK;

	*out = NULL;
	*len = 0;
	if (f == NULL)
		return tg__fail(err, TG_EIO, "cannot open %s: %s", path, strerror(errno));
	for (;;) {
		size_t r;
		if ((rc = grow(&p, &cap, n + 4096 + 1, err)) < 0)
			goto done;
		r = fread(p + n, 1, cap - n - 1, f);
		n += r;
		if (n > max) {
			rc = tg__fail(err, TG_ELIMIT, "%s: larger than %zu bytes", path, max);
			goto done;
		}
		if (r == 0)
			break;
	}
	if (ferror(f)) {
		rc = tg__fail(err, TG_EIO, "cannot read %s", path);
		goto done;
	}
	p[n] = '\0';
	*out = p;
	*len = n;
	p = NULL;
done:
	tg__free(p);
	if (!is_stdin)
		fclose(f);
	return rc;
}
