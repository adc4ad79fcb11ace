/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz tg_lists_load with format TG_LIST_FORMAT_KAIST_JSON on a scratch file (see fuzz_lists.c). */
#include <stdint.h>
#include <stdlib.h>
#include "fuzz_lists.h"
#include "fuzz_support.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[512];
	if (tg_fuzz_write(path, sizeof(path), "restricted_parties.json", data, size) != 0)
		abort();
	tg_fuzz_lists_run(TG_LIST_FORMAT_KAIST_JSON, path, data, size);
	return 0;
}
