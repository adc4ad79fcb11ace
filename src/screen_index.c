/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzzy candidate index of the screener (placeholder: exact matching only). */
#include "screen_int.h"

int tg__sc_index_build(tg_screener *s, tg_err *err)
{
	(void)s;
	(void)err;
	return TG_OK;
}

void tg__sc_index_free(tg_screener *s)
{
	(void)s;
}

void tg__sc_fuzzy(tg_screen_hit *hits, size_t max, size_t *n, const tg_screener *s, const char *norm,
		  const char *country)
{
	(void)hits, (void)max, (void)n, (void)s, (void)norm, (void)country;
}
