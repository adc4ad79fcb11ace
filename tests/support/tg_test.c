/* SPDX-License-Identifier: Apache-2.0 */
#include "tg_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

const char *tg_test_path(const char *rel)
{
	static char buf[4096];
	snprintf(buf, sizeof(buf), "%s/%s", TG_SOURCE_DIR, rel);
	return buf;
}

const char *tg_test_shared_data(const char *rel)
{
	static char buf[4096];
	snprintf(buf, sizeof(buf), "%s/../shared/data/%s", TG_SOURCE_DIR, rel);
	if (access(buf, R_OK) != 0) {
		fprintf(stderr, "skipped: %s not present (../shared/data absent)\n", buf);
		return NULL;
	}
	return buf;
}

const char *tg_test_tmpdir(void)
{
	static char buf[256];
	const char *t = getenv("TMPDIR");
	snprintf(buf, sizeof(buf), "%s/tgtest.XXXXXX", t ? t : "/tmp");
	if (mkdtemp(buf) == NULL)
		return NULL;
	return buf;
}
