/* SPDX-License-Identifier: Apache-2.0 */
/* Shared set-up of the state fuzz targets (licence, certificate, shipment, HTTP): one engine per
 * process on a scratch SQLite file (in /dev/shm when there is one: no fsync cost), seeded once with
 * the sample list and examples/state (licence L-2026-0001, certificate CERT-0001, order EX-001, US
 * volume) so shipments reach the deep checks. State carries over between inputs, as in a real store. */
#ifndef TG_FUZZ_STATE_H
#define TG_FUZZ_STATE_H

#include <stddef.h>
#include <stdint.h>
#include "tg/buf.h"
#include "tg/engine.h"
#include "tg/errors.h"

/* The seeded engine of this process (opened on first use, freed at exit); aborts when it cannot be set up. */
tg_engine *tg_fuzz_engine(void);
/* Check the outcome of one state operation, abort on a violation: the code is in the catalogue and is
 * not a store or internal failure (bad input must never cause one), err->msg is one NUL-terminated
 * line, and on TG_OK / TG_EREFUSED @p out holds a JSON object. TG_FUZZ_VERBOSE=1 prints each outcome. */
void tg_fuzz_check_outcome(int rc, const tg_err *err, const tg_buf *out);

/* A state operation of the public API: tg_license_add, tg_inspect_record, tg_ship. */
typedef int (*tg_fuzz_op)(tg_buf *out, tg_engine *e, const char *json, size_t len, tg_err *err);
/* Run op on the input twice against the seeded engine, checking each outcome (tg_fuzz_check_outcome);
 * abort unless what was accepted once is replayed (TG_OK) the second time and what failed on input
 * (TG_EINVALID, TG_ELIMIT) fails the same way. name labels the abort message. */
void tg_fuzz_twice(const char *name, tg_fuzz_op op, const uint8_t *data, size_t size);

#endif
