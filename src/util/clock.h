/* SPDX-License-Identifier: Apache-2.0 */
/* The wall clock as the modules stamp rows and audit entries with it. */
#ifndef TG_UTIL_CLOCK_H
#define TG_UTIL_CLOCK_H

/* Current UTC time as "YYYY-MM-DDTHH:MM:SSZ". */
void tg__utc_now(char out[21]);

#endif
