/* SPDX-License-Identifier: Apache-2.0 */
/* tg_license_add: the licence JSON (parse, validate, party screening, record) against the seeded scratch
 * engine (fuzz_state.h). Beyond no crash, leak or UB: never a store or internal error from input,
 * one-line messages, a JSON document on success or refusal, and a second call with the same input answers
 * the same way or as a replay (idempotent by id). */
#include <stdint.h>
#include "fuzz_state.h"
#include "tg/license.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tg_fuzz_twice("license_fuzzer", tg_license_add, data, size);
	return 0;
}
