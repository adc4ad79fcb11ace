/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/audit.h
 * @brief The tamper-evident audit log: every state change (decision, licence, certificate, shipment,
 *        volume, remittance, diversion report) appends one entry in the same transaction as the change.
 *
 * Entry i is the canonical JSON {"actor","at","data","kind","seq","subject"} (sorted keys, compact) and
 * hash_i = SHA-256(hex(hash_{i-1}) || entry_i), hash_0's predecessor being 64 zeros. tollgate never
 * updates or deletes an entry (EAR Part 762: retention of five years or more is the default).
 */
#ifndef TG_AUDIT_H
#define TG_AUDIT_H

#include "tg/buf.h"
#include "tg/common.h"
#include "tg/errors.h"

struct tg_engine;

/** The outcome of tg_audit_verify(). */
typedef struct tg_audit_report {
	int64_t entries;      /**< entries examined */
	int64_t first_broken; /**< seq of the first broken entry, or 0 when the chain is intact */
	char reason[256];     /**< why it is broken ("" when intact) */
	char head[65];        /**< hash of the last entry ("" when empty) */
} tg_audit_report;

/**
 * Recompute the chain over the whole log. @return TG_OK when intact, TG_ECONFLICT when broken
 * (@p out names the first broken entry), TG_EDB/TG_ENOMEM on failure. @since 0.2
 */
TG_EXTERN int tg_audit_verify(tg_audit_report *out, struct tg_engine *e, tg_err *err);

/**
 * Append the entries recorded on days @p from .. @p to (inclusive, "YYYY-MM-DD"; NULL = unbounded) to
 * @p out as JSON Lines {"seq","prev_hash","hash","entry":{...}}. @since 0.2
 */
/** Append @p r as {"ok","entries","first_broken","reason","head"} and a newline: the one encoding of
 * `audit verify --json` and GET /v1/audit/verify. @since 0.1 */
TG_EXTERN int tg_audit_report_json(tg_buf *out, const tg_audit_report *r);

TG_EXTERN int tg_audit_export(tg_buf *out, struct tg_engine *e, const char *from, const char *to, tg_err *err);

#endif
