/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz tg_gates_load (policy/gates.json format) on a scratch file. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_support.h"
#include "tg/catalog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[512];
	tg_gates g;
	tg_err err = TG_ERR_INIT;
	memset(&g, 0, sizeof(g));
	if (tg_fuzz_write(path, sizeof(path), "gates.json", data, size) != 0)
		abort();
	if (tg_gates_load(&g, path, &err) == TG_OK) {
		size_t i;
		if (g.nbands > sizeof(g.bands) / sizeof(g.bands[0]))
			abort();
		for (i = 0; i < g.nbands; i++)
			if (memchr(g.bands[i].id, '\0', sizeof(g.bands[i].id)) == NULL)
				abort();
	}
	return 0;
}
