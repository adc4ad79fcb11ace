/* SPDX-License-Identifier: Apache-2.0 */
/* Currency codes, their minor-unit digits and the one formatter of minor units (ledger, reports). */
#include "money.h"

#include <string.h>
#include "buf.h"

int tg_currency_minor_digits(const char *c)
{
	static const char *const zero[] = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
					   "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF", NULL};
	static const char *const three[] = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND", NULL};
	size_t i;
	for (i = 0; zero[i]; i++)
		if (strcmp(c, zero[i]) == 0)
			return 0;
	for (i = 0; three[i]; i++)
		if (strcmp(c, three[i]) == 0)
			return 3;
	return 2;
}

int tg__currency_ok(const char *c)
{
	return c && strlen(c) == 3 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' && c[2] >= 'A' &&
	       c[2] <= 'Z';
}

int tg__money_put(tg_buf *b, int64_t v, const char *currency)
{
	int digits = tg_currency_minor_digits(currency), k;
	uint64_t scale = 1, m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	for (k = 0; k < digits; k++)
		scale *= 10;
	if (digits == 0)
		return tg__buf_printf(b, "%s%llu", v < 0 ? "-" : "", (unsigned long long)m);
	return tg__buf_printf(b, "%s%llu.%0*llu", v < 0 ? "-" : "", (unsigned long long)(m / scale), digits,
			      (unsigned long long)(m % scale));
}
