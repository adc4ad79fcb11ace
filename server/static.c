/* SPDX-License-Identifier: Apache-2.0 */
/* The console's static files, read from the web directory per request (they are small). Only
 * plain relative paths of [A-Za-z0-9._-/] without ".." are served; "/" is index.html. */
#include "server_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define STATIC_MAX ((size_t)4 << 20)

static const char *type_of(const char *path)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{".html", "text/html; charset=utf-8"},
		{".js", "text/javascript; charset=utf-8"},
		{".mjs", "text/javascript; charset=utf-8"},
		{".css", "text/css; charset=utf-8"},
		{".json", "application/json"},
		{".svg", "image/svg+xml"},
		{".png", "image/png"},
		{".ico", "image/x-icon"},
		{".txt", "text/plain; charset=utf-8"},
	};
	const char *dot = strrchr(path, '.');
	size_t i;
	for (i = 0; dot && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return NULL;
}

static int safe(const char *p)
{
	if (strstr(p, "..") || strstr(p, "//"))
		return 0;
	for (; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '.' ||
		      *p == '_' || *p == '-' || *p == '/'))
			return 0;
	return 1;
}

int static_serve(server *s, const char *path, server_resp *r)
{
	char full[1024];
	const char *rel = strcmp(path, "/") == 0 ? "/index.html" : path, *type;
	struct stat st;
	FILE *f;
	size_t n;
	if (s->opts.web_dir == NULL || !safe(rel) || (type = type_of(rel)) == NULL)
		return -1;
	if ((size_t)snprintf(full, sizeof(full), "%s%s", s->opts.web_dir, rel) >= sizeof(full))
		return -1;
	if (stat(full, &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size > STATIC_MAX)
		return -1;
	if ((f = fopen(full, "rb")) == NULL)
		return -1;
	tg_buf_dispose(&r->body);
	{
		char *buf = malloc((size_t)st.st_size + 1);
		n = buf ? fread(buf, 1, (size_t)st.st_size, f) : 0;
		if (buf == NULL || tg_buf_put(&r->body, buf, n) < 0) {
			free(buf);
			fclose(f);
			return -1;
		}
		free(buf);
	}
	fclose(f);
	r->status = 200;
	r->content_type = type;
	resp_header(
		r, "Content-Security-Policy",
		"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'");
	resp_header(r, "X-Content-Type-Options", "nosniff");
	resp_header(r, "Cache-Control", "no-cache");
	return 0;
}
