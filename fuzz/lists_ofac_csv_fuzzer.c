/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz tg_lists_load with format TG_LIST_FORMAT_OFAC_CSV. The input is "<sdn.csv>[\n====\n<alt.csv>
 * [\n====\n<add.csv>]]": the parts are written beside each other in a scratch directory (a missing
 * part is a missing file) and sdn.csv is loaded (see fuzz_lists.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fuzz_lists.h"
#include "fuzz_support.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define SEP "\n====\n"

/* Length of the part starting at data (up to the separator or the end); *rest past the separator or NULL. */
static size_t part(const uint8_t *data, size_t size, const uint8_t **rest)
{
	size_t i, k = strlen(SEP);
	for (i = 0; i + k <= size; i++)
		if (memcmp(data + i, SEP, k) == 0) {
			*rest = data + i + k;
			return i;
		}
	*rest = NULL;
	return size;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"sdn.csv", "alt.csv", "add.csv"};
	char path[512], sdn[512];
	const uint8_t *p = data, *rest;
	size_t left = size, i;
	for (i = 0; i < 3; i++) {
		if (p == NULL) {
			if (tg_fuzz_path(path, sizeof(path), names[i]) == 0)
				unlink(path);
			continue;
		}
		size_t n = part(p, left, &rest);
		if (tg_fuzz_write(i == 0 ? sdn : path, sizeof(path), names[i], p, n) != 0)
			abort();
		left = rest ? left - (size_t)(rest - p) : 0;
		p = rest;
	}
	tg_fuzz_lists_run(TG_LIST_FORMAT_OFAC_CSV, sdn, data, size);
	return 0;
}
