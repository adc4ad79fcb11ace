/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz tg_catalog_load on a scratch file, then classify every item it accepts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_support.h"
#include "tg/catalog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void classify_all(const tg_catalog *cat)
{
	size_t i, n = tg_catalog_count(cat);
	for (i = 0; i < n; i++) {
		const tg_item *it = tg_catalog_at(cat, i);
		tg_classification c;
		tg_buf b = TG_BUF_INIT;
		if (it == NULL || tg_catalog_find(cat, it->id) == NULL)
			abort();
		if (tg_classify(&c, it, cat, NULL, NULL) == TG_OK && tg_classification_json(&b, &c) < 0)
			abort();
		tg_buf_dispose(&b);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[512];
	tg_catalog *cat = NULL;
	tg_err err = TG_ERR_INIT;
	if (tg_fuzz_write(path, sizeof(path), "accelerators.json", data, size) != 0)
		abort();
	if (tg_catalog_load(&cat, path, &err) == TG_OK)
		classify_all(cat);
	else if (cat != NULL)
		abort();
	tg_catalog_free(cat);
	return 0;
}
