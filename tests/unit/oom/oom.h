/* SPDX-License-Identifier: Apache-2.0 */
/* Out-of-memory sweep shared by the tests of this directory (curl torture, sqlite *fault.test): run an
 * operation with allocation k failing (and every later one) for k = 1, 2, ... until it succeeds. Each
 * failing run must return TG_ENOMEM and release what it allocated (ASan's leak check in make test-asan
 * catches what it does not). Only libtg's allocator and jansson (routed through it) are failed:
 * SQLite and ICU allocate on their own. */
#ifndef TG_TEST_OOM_H
#define TG_TEST_OOM_H

#include "tg_test.h"

#include <stdio.h>
#include "tg/errors.h"
#include "alloc.h"

/* The operation: runs once, frees whatever it produced, returns its code. */
typedef int (*oom_op)(void *ctx, tg_err *err);

/* Optional: called after each run with allocation failures off again, to check the state it left. */
typedef void (*oom_check)(void *ctx, int rc);

/* Sweep op; fails the test on any code other than TG_ENOMEM before the first success, or when it never
 * succeeds within max allocations. Returns the k that succeeded (allocations + 1). */
static inline size_t oom_sweep_checked(oom_op op, oom_check check, void *ctx, size_t max)
{
	size_t k;
	for (k = 1; k <= max; k++) {
		tg_err err = TG_ERR_INIT;
		int rc;
		tg__alloc_fail_after(k);
		rc = op(ctx, &err);
		tg__alloc_fail_after(0);
		if (check != NULL)
			check(ctx, rc);
		if (rc == TG_OK) {
			printf("oom sweep: %zu allocations failed in turn, then success\n", k - 1);
			return k;
		}
		if (rc != TG_ENOMEM)
			fail_msg("allocation %zu failing: code %d (%s), expected TG_ENOMEM", k, rc, err.msg);
	}
	fail_msg("never succeeded within %zu allocations", max);
	return 0;
}

static inline size_t oom_sweep(oom_op op, void *ctx, size_t max)
{
	return oom_sweep_checked(op, NULL, ctx, max);
}

#endif
