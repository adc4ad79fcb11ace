/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz tg_lists_load with format TG_LIST_FORMAT_OFAC_XML (see fuzz_lists.c). An input starting with
 * "ZIP\n" is zipped first (the rest as member CONS_ENHANCED.XML, made with libzip) so that the zip path
 * is driven with text seeds; any other input is the file itself (raw zips included). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>
#include "fuzz_lists.h"
#include "fuzz_support.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Write data as the only member of a zip at path; 0 or -1. */
static int write_zip(const char *path, const uint8_t *data, size_t size)
{
	int zerr = 0;
	zip_t *za;
	zip_source_t *src;
	unlink(path);
	if ((za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr)) == NULL)
		return -1;
	if ((src = zip_source_buffer(za, data, size, 0)) == NULL) {
		zip_discard(za);
		return -1;
	}
	if (zip_file_add(za, "CONS_ENHANCED.XML", src, ZIP_FL_OVERWRITE) < 0) {
		zip_source_free(src);
		zip_discard(za);
		return -1;
	}
	return zip_close(za) == 0 ? 0 : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[512];
	if (size >= 4 && memcmp(data, "ZIP\n", 4) == 0) {
		if (tg_fuzz_path(path, sizeof(path), "CONS_ENHANCED.ZIP") != 0 ||
		    write_zip(path, data + 4, size - 4) != 0)
			abort();
	} else if (tg_fuzz_write(path, sizeof(path), "list.xml", data, size) != 0) {
		abort();
	}
	tg_fuzz_lists_run(TG_LIST_FORMAT_OFAC_XML, path, data, size);
	return 0;
}
