/* SPDX-License-Identifier: Apache-2.0 */
/* List files from a URL (http, https, file) through libcurl, into memory. Redirects followed, HTTP
 * errors fail, 1 GiB at most, 10 minutes at most. Without libcurl at build time URLs are refused. */
#include "lists.h"

#include <string.h>
#include "alloc.h"
#include "buf.h"

int tg__lists_is_url(const char *path)
{
	return strncmp(path, "http://", 7) == 0 || strncmp(path, "https://", 8) == 0 ||
	       strncmp(path, "file://", 7) == 0;
}

#ifndef TG_HAVE_CURL
int tg__lists_fetch_url(char **out, size_t *n, const char *url, tg_err *err)
{
	(void)out, (void)n;
	return tg__fail(err, TG_EINVALID, "%s: this build has no libcurl: download the file and load its path", url);
}
#else
#include <curl/curl.h>

static size_t on_data(char *p, size_t size, size_t nmemb, void *ud)
{
	tg_buf *b = ud;
	return tg__buf_put(b, p, size * nmemb) < 0 ? 0 : size * nmemb;
}

int tg__lists_fetch_url(char **out, size_t *n, const char *url, tg_err *err)
{
	tg_buf b = {NULL, 0, 0, (size_t)1 << 30};
	CURL *c = curl_easy_init();
	CURLcode cc;
	if (c == NULL)
		return tg__oom(err);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(c, CURLOPT_FAILONERROR, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 600L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https,file");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#endif
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
	cc = curl_easy_perform(c);
	curl_easy_cleanup(c);
	if (cc != CURLE_OK || b.ptr == NULL) {
		tg_buf_dispose(&b);
		if (cc == CURLE_WRITE_ERROR)
			return tg__fail(err, TG_ENOMEM, "%s: out of memory or larger than 1 GiB", url);
		return tg__fail(err, TG_EIO, "cannot fetch %s: %s", url,
				cc == CURLE_OK ? "empty" : curl_easy_strerror(cc));
	}
	*out = b.ptr, *n = b.size;
	return TG_OK;
}
#endif
