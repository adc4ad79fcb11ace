/* SPDX-License-Identifier: Apache-2.0 */
/* Scratch files for fuzz targets whose parser reads from a path (catalogue, policy directory, lists). */
#include "fuzz_support.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char g_dir[256];

/* Remove the scratch directory and the files in it (it holds no subdirectories but one level). */
static void remove_tree(const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[512];
	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (unlink(path) != 0 && depth < 2)
			remove_tree(path, depth + 1);
	}
	closedir(d);
	rmdir(dir);
}

static void cleanup(void)
{
	if (g_dir[0] != '\0')
		remove_tree(g_dir, 0);
}

const char *tg_fuzz_dir(void)
{
	const char *t;
	if (g_dir[0] != '\0')
		return g_dir;
	t = getenv("TMPDIR");
	snprintf(g_dir, sizeof(g_dir), "%s/tgfuzz.XXXXXX", t && *t ? t : "/tmp");
	if (mkdtemp(g_dir) == NULL) {
		g_dir[0] = '\0';
		return NULL;
	}
	atexit(cleanup);
	return g_dir;
}

int tg_fuzz_path(char *out, size_t n, const char *name)
{
	const char *dir = tg_fuzz_dir();
	int w;
	if (dir == NULL)
		return -1;
	w = snprintf(out, n, "%s/%s", dir, name);
	return w < 0 || (size_t)w >= n ? -1 : 0;
}

int tg_fuzz_write(char *out, size_t n, const char *name, const uint8_t *data, size_t size)
{
	FILE *f;
	int ok;
	if (tg_fuzz_path(out, n, name) != 0 || (f = fopen(out, "wb")) == NULL)
		return -1;
	ok = fwrite(data, 1, size, f) == size;
	return fclose(f) == 0 && ok ? 0 : -1;
}

char *tg_fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (s == NULL)
		abort();
	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}
