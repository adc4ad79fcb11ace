/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz the RFC 4180 CSV reader (util/csv.c). The first byte picks the delimiter; the rest is the text.
 * Properties: reading ends; every record has at most TG_CSV_MAX_FIELDS fields, each NUL-terminated with
 * its stated length; lines only move forward. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_record(const tg_csv *c)
{
	size_t i;
	if (c->nfields > TG_CSV_MAX_FIELDS)
		abort();
	for (i = 0; i < c->nfields; i++)
		if (strlen(tg__csv_field(c, i)) > c->len[i] || tg__csv_field(c, i)[c->len[i]] != '\0')
			abort();
	if (tg__csv_field(c, c->nfields)[0] != '\0')
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char delims[] = {',', '\t', '|', ';'};
	tg_csv c;
	tg_err err = TG_ERR_INIT;
	size_t steps = 0;
	long last = 0;
	int rc;
	if (size == 0)
		return 0;
	tg__csv_init(&c, (const char *)data + 1, size - 1, delims[data[0] & 3]);
	while ((rc = tg__csv_next(&c, &err)) != 0) {
		if (++steps > size + 2 || c.rec_line < last)
			abort(); /* no progress or lines going backwards */
		last = c.rec_line;
		if (rc == 1)
			check_record(&c);
		else if (rc != TG_EINVALID && rc != TG_ELIMIT)
			abort();
	}
	tg__csv_dispose(&c);
	return 0;
}
