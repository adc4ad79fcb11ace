/* SPDX-License-Identifier: Apache-2.0 */
/* tg__utc_now: the one place the library reads the wall clock for time stamps. */
#include "clock.h"

#include <time.h>

void tg__utc_now(char out[21])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
