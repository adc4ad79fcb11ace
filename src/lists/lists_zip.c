/* SPDX-License-Identifier: Apache-2.0 */
/* Reading one member of a zip archive held in memory (libzip), sequentially and with a cap on the
 * uncompressed bytes, so that a zipped list is parsed as it is inflated (OFAC's *_ENHANCED.ZIP). */
#include "lists.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>
#include "alloc.h"

struct tg__zip_member {
	zip_t *za;
	zip_file_t *zf;
	uint64_t read, max; /* uncompressed bytes read so far / allowed */
	int failed;         /* 1 = libzip error, 2 = over max */
	char msg[160];      /* libzip's reason when failed == 1 */
};

int tg__lists_is_zip(const char *data, size_t n)
{
	return n >= 4 && memcmp(data, "PK\x03\x04", 4) == 0;
}

static int ends_ci(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix), i;
	if (n < k)
		return 0;
	for (i = 0; i < k; i++)
		if (tolower((unsigned char)s[n - k + i]) != tolower((unsigned char)suffix[i]))
			return 0;
	return 1;
}

static int has_ci(const char *s, const char *word)
{
	size_t k = strlen(word), i;
	for (; *s; s++) {
		for (i = 0; i < k && s[i] && toupper((unsigned char)s[i]) == word[i]; i++)
			;
		if (i == k)
			return 1;
	}
	return 0;
}

/* Open the archive over data (not copied: data must outlive it). NULL if it is not a readable zip. */
static zip_t *open_mem(const char *data, size_t n, char *why, size_t why_n)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *za;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(data, n, 0, &ze)) == NULL) {
		snprintf(why, why_n, "%s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return NULL;
	}
	if ((za = zip_open_from_source(src, ZIP_RDONLY, &ze)) == NULL) {
		snprintf(why, why_n, "%s", zip_error_strerror(&ze));
		zip_source_free(src);
	}
	zip_error_fini(&ze);
	return za;
}

/* Index of the member to read: the first *ENHANCED*.XML, else the first *.XML; -1 if none. */
static zip_int64_t pick(zip_t *za, int enhanced_only)
{
	zip_int64_t i, n = zip_get_num_entries(za, 0), any = -1;
	for (i = 0; i < n; i++) {
		const char *name = zip_get_name(za, (zip_uint64_t)i, 0);
		if (name == NULL || !ends_ci(name, ".xml"))
			continue;
		if (has_ci(name, "ENHANCED"))
			return i;
		if (any < 0)
			any = i;
	}
	return enhanced_only ? -1 : any;
}

int tg__lists_zip_has_enhanced_xml(const char *data, size_t n)
{
	char why[160];
	zip_t *za;
	int found;
	if (!tg__lists_is_zip(data, n) || (za = open_mem(data, n, why, sizeof(why))) == NULL)
		return 0;
	found = pick(za, 1) >= 0;
	zip_discard(za);
	return found;
}

int tg__lists_zip_open(tg__zip_member **out, char *name, size_t name_n, const char *data, size_t n, uint64_t max,
		       tg_err *err)
{
	tg__zip_member *z;
	zip_int64_t i;
	char why[160];

	*out = NULL;
	if ((z = tg__calloc(1, sizeof(*z))) == NULL)
		return tg__oom(err);
	z->max = max;
	if ((z->za = open_mem(data, n, why, sizeof(why))) == NULL) {
		tg__free(z);
		return tg__fail(err, TG_EINVALID, "not a readable zip archive: %s", why);
	}
	if ((i = pick(z->za, 0)) < 0) {
		tg__lists_zip_close(z);
		return tg__fail(err, TG_EINVALID, "zip archive without an .XML member (expected *_ENHANCED.XML)");
	}
	snprintf(name, name_n, "%s", zip_get_name(z->za, (zip_uint64_t)i, 0));
	if ((z->zf = zip_fopen_index(z->za, (zip_uint64_t)i, 0)) == NULL) {
		int rc = tg__fail(err, TG_EINVALID, "zip member %s: %s", name, zip_strerror(z->za));
		tg__lists_zip_close(z);
		return rc;
	}
	*out = z;
	return TG_OK;
}

long tg__lists_zip_read(tg__zip_member *z, char *buf, size_t n)
{
	zip_int64_t got;
	if (z->failed)
		return -1;
	if ((got = zip_fread(z->zf, buf, n)) < 0) {
		snprintf(z->msg, sizeof(z->msg), "%s", zip_file_strerror(z->zf));
		z->failed = 1;
		return -1;
	}
	z->read += (uint64_t)got;
	if (z->read > z->max) {
		z->failed = 2;
		return -1;
	}
	return (long)got;
}

int tg__lists_zip_error(const tg__zip_member *z, tg_err *err)
{
	if (z->failed == 2)
		return tg__fail(err, TG_ELIMIT, "zip member larger than %llu bytes uncompressed",
				(unsigned long long)z->max);
	return tg__fail(err, TG_EINVALID, "zip member unreadable: %s", z->msg);
}

int tg__lists_zip_failed(const tg__zip_member *z)
{
	return z->failed;
}

void tg__lists_zip_close(tg__zip_member *z)
{
	if (z == NULL)
		return;
	if (z->zf)
		zip_fclose(z->zf);
	if (z->za)
		zip_discard(z->za);
	tg__free(z);
}
