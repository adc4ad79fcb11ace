/* SPDX-License-Identifier: Apache-2.0 */
/* Integer formatting without printf. */
#include "fmt.h"

#include <string.h>

size_t tg__fmt_u64(char *out, uint64_t v)
{
	char tmp[20];
	size_t n = 0;
	do {
		tmp[sizeof(tmp) - 1 - n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	memcpy(out, tmp + sizeof(tmp) - n, n);
	return n;
}

size_t tg__fmt_i64(char *out, int64_t v)
{
	if (v >= 0)
		return tg__fmt_u64(out, (uint64_t)v);
	out[0] = '-';
	return 1 + tg__fmt_u64(out + 1, 0 - (uint64_t)v);
}
