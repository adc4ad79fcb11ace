/* SPDX-License-Identifier: Apache-2.0 */
/** @file tg/date.h @brief Calendar dates as days since 1970-01-01 (proleptic Gregorian), ISO 8601 text. */
#ifndef TG_DATE_H
#define TG_DATE_H

#include "tg/common.h"
#include "tg/errors.h"

typedef int32_t tg_date; /**< days since 1970-01-01 */

/** Parse exactly "YYYY-MM-DD" (years 1900-2199), checking month and day. @return TG_OK or TG_EINVALID. @since 0.1 */
TG_EXTERN int tg_date_parse(tg_date *out, const char *s, tg_err *err);
/** Write "YYYY-MM-DD" into @p out (at least 11 bytes). @since 0.1 */
TG_EXTERN void tg_date_format(char out[11], tg_date d);
/** Today's date in UTC. @since 0.1 */
TG_EXTERN tg_date tg_date_today(void);

#endif
