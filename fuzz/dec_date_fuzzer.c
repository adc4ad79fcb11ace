/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz the scalar parsers: tg_dec_parse (exact decimals) and tg_date_parse (YYYY-MM-DD). Properties: an
 * accepted decimal is within TG_DEC_MAX_MICROS and formats to text that parses to the same value;
 * arithmetic on it reports overflow instead of wrapping; an accepted date formats back to the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "fuzz_support.h"
#include "tg/date.h"
#include "tg/dec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_dec(const char *s)
{
	tg_dec v, w, r;
	tg_buf b = TG_BUF_INIT;
	if (tg_dec_parse(&v, s, NULL) != TG_OK)
		return;
	if (v.micros > TG_DEC_MAX_MICROS || v.micros < -TG_DEC_MAX_MICROS)
		abort();
	if (tg_dec_format(&b, v, 0) < 0 || tg_dec_parse(&w, b.ptr, NULL) != TG_OK || w.micros != v.micros)
		abort();
	if (tg_dec_add(&r, v, v) == TG_OK && (r.micros > TG_DEC_MAX_MICROS || r.micros < -TG_DEC_MAX_MICROS))
		abort();
	if (tg_dec_mul(&r, v, v) >= 0 && (r.micros > TG_DEC_MAX_MICROS || r.micros < -TG_DEC_MAX_MICROS))
		abort();
	if (tg_dec_mul_int(&r, v, 1000000007) == TG_OK &&
	    (r.micros > TG_DEC_MAX_MICROS || r.micros < -TG_DEC_MAX_MICROS))
		abort();
	tg_buf_dispose(&b);
}

static void check_date(const char *s)
{
	tg_date d;
	char out[11];
	if (tg_date_parse(&d, s, NULL) != TG_OK)
		return;
	tg_date_format(out, d);
	if (strcmp(out, s) != 0)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = tg_fuzz_cstr(data, size);
	check_dec(s);
	check_date(s);
	free(s);
	return 0;
}
