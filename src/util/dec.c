/* SPDX-License-Identifier: Apache-2.0 */
/* Fixed-point decimal arithmetic in millionths with overflow checks. */
#include "tg/dec.h"

#include <stdio.h>
#include <string.h>
#include "buf.h"
#include "err.h"
#include "fmt.h"

int tg_dec_parse(tg_dec *out, const char *s, tg_err *err)
{
	const char *p = s;
	int neg = 0, frac = 0, digits = 0;
	int64_t v = 0;

	if (*p == '-' || *p == '+')
		neg = (*p++ == '-');
	for (; *p >= '0' && *p <= '9'; p++, digits++) {
		v = v * 10 + (*p - '0');
		if (v > TG_DEC_MAX_MICROS / TG_DEC_SCALE)
			return tg__fail(err, TG_EINVALID, "decimal '%.40s' out of range", s);
	}
	if (digits == 0)
		return tg__fail(err, TG_EINVALID, "'%.40s' is not a decimal number", s);
	v *= TG_DEC_SCALE;
	if (*p == '.') {
		int64_t unit = TG_DEC_SCALE;
		p++;
		for (; *p >= '0' && *p <= '9'; p++, frac++) {
			if (frac == 6)
				return tg__fail(err, TG_EINVALID, "decimal '%.40s' has more than 6 decimals", s);
			unit /= 10;
			v += (*p - '0') * unit;
		}
		if (frac == 0)
			return tg__fail(err, TG_EINVALID, "'%.40s' is not a decimal number", s);
	}
	if (*p != '\0')
		return tg__fail(err, TG_EINVALID, "'%.40s' is not a decimal number", s);
	if (v > TG_DEC_MAX_MICROS)
		return tg__fail(err, TG_EINVALID, "decimal '%.40s' out of range", s);
	out->micros = neg ? -v : v;
	return TG_OK;
}

int tg_dec_format(tg_buf *b, tg_dec v, int min_frac)
{
	char tmp[48];
	uint64_t mag = v.micros < 0 ? (uint64_t)(-(v.micros + 1)) + 1 : (uint64_t)v.micros;
	uint64_t fp = mag % (uint64_t)TG_DEC_SCALE;
	size_t n = 0;
	int nf = 6, i;

	if (v.micros < 0)
		tmp[n++] = '-';
	n += tg__fmt_u64(tmp + n, mag / (uint64_t)TG_DEC_SCALE);
	tmp[n] = '.';
	for (i = 6; i >= 1; i--) {
		tmp[n + (size_t)i] = (char)('0' + fp % 10);
		fp /= 10;
	}
	while (nf > min_frac && tmp[n + (size_t)nf] == '0')
		nf--;
	return tg__buf_put(b, tmp, nf > 0 ? n + 1 + (size_t)nf : n);
}

int tg_dec_add(tg_dec *out, tg_dec a, tg_dec b)
{
	int64_t r;
	if (__builtin_add_overflow(a.micros, b.micros, &r) || r > TG_DEC_MAX_MICROS || r < -TG_DEC_MAX_MICROS)
		return TG_ELIMIT;
	out->micros = r;
	return TG_OK;
}

int tg_dec_mul_int(tg_dec *out, tg_dec a, int64_t n)
{
	int64_t r;
	if (__builtin_mul_overflow(a.micros, n, &r) || r > TG_DEC_MAX_MICROS || r < -TG_DEC_MAX_MICROS)
		return TG_ELIMIT;
	out->micros = r;
	return TG_OK;
}

int tg_dec_mul(tg_dec *out, tg_dec a, tg_dec b)
{
	/* Split into integer and millionth parts so the product of micros fits in 64-bit pieces:
	 * a*b/1e6 computed exactly as a quotient and remainder without a 128-bit type. */
	int neg = (a.micros < 0) != (b.micros < 0);
	uint64_t x = a.micros < 0 ? (uint64_t)(-a.micros) : (uint64_t)a.micros;
	uint64_t y = b.micros < 0 ? (uint64_t)(-b.micros) : (uint64_t)b.micros;
	uint64_t S = (uint64_t)TG_DEC_SCALE;
	uint64_t xh = x / S, xl = x % S, yh = y / S, yl = y % S;
	uint64_t q, r, t;
	int rounded = 0;

	/* x*y/S = xh*yh*S + xh*yl + xl*yh + xl*yl/S */
	if (__builtin_mul_overflow(xh, yh, &t) || __builtin_mul_overflow(t, S, &q))
		return TG_ELIMIT;
	if (__builtin_mul_overflow(xh, yl, &t) || __builtin_add_overflow(q, t, &q))
		return TG_ELIMIT;
	if (__builtin_mul_overflow(xl, yh, &t) || __builtin_add_overflow(q, t, &q))
		return TG_ELIMIT;
	t = xl * yl; /* < 1e12, no overflow */
	r = t % S;
	if (__builtin_add_overflow(q, t / S, &q))
		return TG_ELIMIT;
	if (r != 0) {
		rounded = 1;
		if (r > S / 2 || (r == S / 2 && (q & 1)))
			q++;
	}
	if (q > (uint64_t)TG_DEC_MAX_MICROS)
		return TG_ELIMIT;
	out->micros = neg ? -(int64_t)q : (int64_t)q;
	return rounded;
}
