/* SPDX-License-Identifier: Apache-2.0 */
/* Setting tg_err records: set and return in one step. */
#ifndef TG_UTIL_ERR_H
#define TG_UTIL_ERR_H

#include "tg/errors.h"

#if defined(__GNUC__)
#define TG__PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define TG__PRINTF(a, b)
#endif

/* Fill err (if non-NULL) with code and a formatted one-line message; return code. */
int tg__fail(tg_err *err, int code, const char *fmt, ...) TG__PRINTF(3, 4);
/* Same, naming the input field (path such as "lines[0].quantity"). */
int tg__fail_field(tg_err *err, int code, const char *field, const char *fmt, ...) TG__PRINTF(4, 5);
/* Shorthand for allocation failures. */
int tg__oom(tg_err *err);

/* Misuse of the API: an assert in debug builds, TG_EINVALID in release. */
#ifdef NDEBUG
#define TG_ASSERT_ARG(cond, err)                                                            \
	do {                                                                                \
		if (!(cond))                                                                \
			return tg__fail((err), TG_EINVALID, "invalid argument: %s", #cond); \
	} while (0)
#else
#include <assert.h>
#define TG_ASSERT_ARG(cond, err) assert(cond)
#endif

#endif
