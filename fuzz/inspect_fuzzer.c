/* SPDX-License-Identifier: Apache-2.0 */
/* tg_inspect_record: the inspection certificate JSON (parse, validate, judge against the catalogue,
 * record) against the seeded scratch engine (fuzz_state.h). Beyond no crash, leak or UB: never a store or
 * internal error from input, one-line messages, a JSON document on success or refusal, and a second call
 * with the same input answers the same way or as a replay (idempotent by id). */
#include <stdint.h>
#include "fuzz_state.h"
#include "tg/inspect.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tg_fuzz_twice("inspect_fuzzer", tg_inspect_record, data, size);
	return 0;
}
