/* SPDX-License-Identifier: Apache-2.0 */
/* tg_license_add: the licence JSON (parse, validate, party screening, record) against the seeded scratch
 * engine (fuzz_state.h). Beyond no crash, leak or UB: never a store or internal error from input,
 * one-line messages, a JSON document on success or refusal, and a second call with the same input answers
 * the same way or as a replay (idempotent by id). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "fuzz_state.h"
#include "tg/license.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tg_engine *e = tg_fuzz_engine();
	tg_buf out = TG_BUF_INIT, again = TG_BUF_INIT;
	tg_err err = TG_ERR_INIT, err2 = TG_ERR_INIT;
	int rc, rc2;
	rc = tg_license_add(&out, e, (const char *)data, size, &err);
	tg_fuzz_check_outcome(rc, &err, &out);
	rc2 = tg_license_add(&again, e, (const char *)data, size, &err2);
	tg_fuzz_check_outcome(rc2, &err2, &again);
	/* what was accepted once is replayed (TG_OK) the second time; what failed on input fails the same way */
	if ((rc == TG_OK && rc2 != TG_OK) || (rc == TG_EINVALID && rc2 != TG_EINVALID) ||
	    (rc == TG_ELIMIT && rc2 != TG_ELIMIT)) {
		fprintf(stderr, "license_fuzzer: first %d (%s), second %d (%s)\n", rc, err.msg, rc2, err2.msg);
		abort();
	}
	tg_buf_dispose(&out);
	tg_buf_dispose(&again);
	return 0;
}
