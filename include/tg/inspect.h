/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/inspect.h
 * @brief Pre-export inspection certificates from independent US test labs (91 FR 1684 condition (h)).
 *
 * Certificate JSON: {"certificate_id","lab","date","item","serials":[...],"measured":{"dense_tops":
 * {"fp8":..,...},"dram_bandwidth_gbps":..},"result":"pass"|"fail"}. Measurements are per IC (for a
 * system, of the IC it contains). A passing certificate is accepted only if the TPP and DRAM bandwidth
 * recomputed from its measurements are within TG_INSPECT_TOLERANCE_PCT of the declared item's and the
 * measured part passes the 2026-01-15 case-by-case gate. A failing certificate is recorded as such
 * (its serials can then not ship).
 */
#ifndef TG_INSPECT_H
#define TG_INSPECT_H

#include "tg/buf.h"
#include "tg/common.h"
#include "tg/errors.h"

/** Largest accepted deviation of measured TPP / DRAM bandwidth from the catalogue, in percent. */
#define TG_INSPECT_TOLERANCE_PCT 5

struct tg_engine;

/**
 * Check and record a certificate (with its audit entry) in one transaction; idempotent by id and content.
 * Appends to @p out {"certificate_id","item","result","serials","measured_tpp","declared_tpp",
 * "measured_bw","declared_bw","cbc_gate","replayed"} when recorded, or {"certificate_id","status":
 * "rejected","reasons":[{"code","message"}]} when rejected (nothing recorded).
 * @return TG_OK, TG_EREFUSED (rejected: every reason in @p out), TG_EINVALID (malformed: names the field),
 * TG_ECONFLICT (same id, other content; or a serial already certified by another lab for another item),
 * TG_EDB, TG_ENOMEM. @since 0.2
 */
TG_EXTERN int tg_inspect_record(tg_buf *out, struct tg_engine *e, const char *json, size_t len, tg_err *err);

#endif
