/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/dec.h
 * @brief Exact decimal money and rates: a signed count of millionths (never floating point).
 *
 * Inputs accept at most 6 fractional digits; anything that needs more is rejected rather than rounded.
 * Products (base x rate) are exact when the factors' fractional digits add up to 6 or fewer, and are
 * otherwise rounded half-to-even to a millionth (reported by tg_dec_mul's return).
 */
#ifndef TG_DEC_H
#define TG_DEC_H

#include "tg/common.h"
#include "tg/buf.h"
#include "tg/errors.h"

typedef struct tg_dec {
	int64_t micros; /**< value x 1,000,000 */
} tg_dec;

#define TG_DEC_SCALE INT64_C(1000000)
/** Largest magnitude accepted: 9,000,000,000,000 (nine trillion) units. */
#define TG_DEC_MAX_MICROS (INT64_C(9000000000000) * TG_DEC_SCALE)

/**
 * Parse a plain decimal ("12", "-0.25", "31000.50"): optional sign, digits, optional '.' and 1-6 digits.
 * No exponent, no thousands separator, no surrounding space.
 * @return TG_OK or TG_EINVALID (too many decimals, out of range, malformed). @since 0.1
 */
TG_EXTERN int tg_dec_parse(tg_dec *out, const char *s, tg_err *err);

/** Format as a canonical decimal string with at least @p min_frac fractional digits (trailing zeros trimmed
 * beyond that) into @p b (appended). @return TG_OK or TG_ENOMEM/TG_ELIMIT. @since 0.1 */
TG_EXTERN int tg_dec_format(tg_buf *b, tg_dec v, int min_frac);

/** out = a + b; TG_ELIMIT on overflow past TG_DEC_MAX_MICROS. @since 0.1 */
TG_EXTERN int tg_dec_add(tg_dec *out, tg_dec a, tg_dec b);

/** out = a x b (both decimals), rounded half-to-even to a millionth. @return TG_OK when exact, 1 when it
 * had to round, TG_ELIMIT on overflow. @since 0.1 */
TG_EXTERN int tg_dec_mul(tg_dec *out, tg_dec a, tg_dec b);

/** out = a x n (an integer count); TG_ELIMIT on overflow. @since 0.1 */
TG_EXTERN int tg_dec_mul_int(tg_dec *out, tg_dec a, int64_t n);

#endif
