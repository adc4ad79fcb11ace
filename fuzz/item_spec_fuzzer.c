/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz tg_item_parse_spec (a part's spec given inline in an order) and classify what it accepts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "tg/catalog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tg_item item;
	tg_err err = TG_ERR_INIT;
	memset(&item, 0, sizeof(item));
	if (tg_item_parse_spec(&item, (const char *)data, size, "spec", &err) == TG_OK) {
		tg_classification c;
		tg_buf b = TG_BUF_INIT;
		if (memchr(item.id, '\0', sizeof(item.id)) == NULL ||
		    memchr(item.name, '\0', sizeof(item.name)) == NULL)
			abort();
		/* A system names a catalogue IC: without a catalogue that is TG_ENOTFOUND, never a crash. */
		if (tg_classify(&c, &item, NULL, NULL, &err) == TG_OK && tg_classification_json(&b, &c) < 0)
			abort();
		tg_buf_dispose(&b);
	}
	if (memchr(err.msg, '\0', sizeof(err.msg)) == NULL)
		abort();
	return 0;
}
