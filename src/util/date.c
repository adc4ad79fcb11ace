/* SPDX-License-Identifier: Apache-2.0 */
/* Civil-date conversion (Howard Hinnant's days_from_civil algorithm) and strict ISO parsing. */
#include "tg/date.h"

#include <stdio.h>
#include <time.h>
#include "err.h"

static int32_t days_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int32_t z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp;
	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int tg_date_parse(tg_date *out, const char *s, tg_err *err)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d, i, leap;

	for (i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				goto bad;
		} else if (!is_digit(s[i])) {
			goto bad;
		}
	}
	if (s[10] != '\0')
		goto bad;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1)
		goto bad;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (d > mdays[m - 1] + (m == 2 && leap))
		goto bad;
	*out = days_from_civil(y, m, d);
	return TG_OK;
bad:
	return tg__fail(err, TG_EINVALID, "'%.32s' is not a valid date (YYYY-MM-DD)", s);
}

void tg_date_format(char out[11], tg_date d)
{
	int y, m, dd;
	unsigned uy, um, ud;
	civil_from_days(d, &y, &m, &dd);
	uy = (unsigned)y % 10000u;
	um = (unsigned)m % 100u;
	ud = (unsigned)dd % 100u;
	out[0] = (char)('0' + uy / 1000);
	out[1] = (char)('0' + uy / 100 % 10);
	out[2] = (char)('0' + uy / 10 % 10);
	out[3] = (char)('0' + uy % 10);
	out[4] = '-';
	out[5] = (char)('0' + um / 10);
	out[6] = (char)('0' + um % 10);
	out[7] = '-';
	out[8] = (char)('0' + ud / 10);
	out[9] = (char)('0' + ud % 10);
	out[10] = '\0';
}

tg_date tg_date_today(void)
{
	return (tg_date)(time(NULL) / 86400);
}
