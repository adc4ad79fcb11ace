/* SPDX-License-Identifier: Apache-2.0 */
/* Money as the ledger keeps it: integer minor units of an ISO 4217 currency, written as exact decimals. */
#ifndef TG_UTIL_MONEY_H
#define TG_UTIL_MONEY_H

#include <stdint.h>
#include "tg/buf.h"
#include "tg/ledger.h"

/* Is c three upper-case ASCII letters (the shape of an ISO 4217 code)? */
int tg__currency_ok(const char *c);

/* Append v minor units of currency as an exact decimal with the currency's digits (tg_currency_minor_digits):
 * 12345 EUR -> "123.45", -5 JPY -> "-5", 1 KWD -> "0.001". TG_OK or TG_ENOMEM / TG_ELIMIT. */
int tg__money_put(tg_buf *b, int64_t v, const char *currency);

#endif
