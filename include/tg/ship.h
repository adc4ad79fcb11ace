/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/ship.h
 * @brief Serial-level shipments under a licence, the US end-use volume behind the 50 % China cap, and
 *        the serial trace with diversion reports (docs/state.md).
 *
 * Shipment JSON: {"shipment_id","order_id","license_id","date","lines":[{"item","serials":[...]}]}.
 */
#ifndef TG_SHIP_H
#define TG_SHIP_H

#include "tg/buf.h"
#include "tg/common.h"
#include "tg/errors.h"

struct tg_engine;

/**
 * Release a shipment, all in one transaction committed before return: the order's recorded decision
 * allows it under that licence; every serial has a passing certificate for its item and never shipped;
 * the licence is live, valid on the shipment date and its remaining quantity and value (with the §750.11
 * tolerance) cover it; the order's quantity is not exceeded; and for China, Macau or Hong Kong the
 * exporter's cumulative quantity of the item stays within 50 % of its recorded US end-use quantity.
 * Charges accrue to the ledger and an audit entry is appended in the same transaction.
 * Re-sending the same shipment id with the same content returns the recorded receipt ("replayed":true).
 * @param out receives the receipt {"shipment_id","status":"released",...} or, when refused,
 *        {"shipment_id","status":"refused","reasons":[{"code","message"}]} (every reason).
 * @return TG_OK, TG_EREFUSED (nothing changed), TG_EINVALID (names the field), TG_ECONFLICT (same id,
 * other content), TG_EDB, TG_ENOMEM. @since 0.2
 */
TG_EXTERN int tg_ship(tg_buf *out, struct tg_engine *e, const char *json, size_t len, tg_err *err);

/** The outcome of one shipment of a batch (tg_ship_many). */
typedef struct tg_ship_result {
	int code;   /**< TG_OK (released or replayed), TG_EREFUSED, TG_EINVALID, TG_ECONFLICT, ... */
	tg_err err; /**< detail when code < 0 */
	tg_buf out; /**< receipt or refusal JSON, as tg_ship (release with tg_buf_dispose) */
} tg_ship_result;

/**
 * Ship @p n shipments (JSON texts) in ONE transaction committed before return (group commit). A refused
 * or invalid shipment writes nothing (every check runs before the first write) and the others go on;
 * later shipments see the earlier ones. A failure after writing began fails the whole batch. @p res must have @p n entries (zeroed by this call).
 * @return TG_OK, or < 0 when the batch as a whole failed (store error: nothing was recorded). @since 0.2
 */
TG_EXTERN int tg_ship_many(tg_ship_result *res, size_t n, struct tg_engine *e, const char *const *texts,
			   const size_t *lens, tg_err *err);

/**
 * Mark a released shipment returned (or revoked): its charges are reversed by new journal lines
 * (nothing is edited), licence depletion stands (§750.11: shipped is shipped). Appends the new receipt.
 * @return TG_OK, TG_ENOTFOUND, TG_EINVALID (not released, or no reason). @since 0.2
 */
TG_EXTERN int tg_ship_return(tg_buf *out, struct tg_engine *e, const char *shipment_id, const char *status,
			     const char *reason, tg_err *err);

/** Append a shipment's receipt. @return TG_OK, TG_ENOTFOUND. @since 0.2 */
TG_EXTERN int tg_ship_show(tg_buf *out, struct tg_engine *e, const char *shipment_id, tg_err *err);

/**
 * Record the exporter's quantity of @p item shipped to customers for end use in the US in @p period
 * ("YYYY-MM"), replacing an earlier figure for that period (audited with the old and new value).
 * @return TG_OK, TG_EINVALID. @since 0.2
 */
TG_EXTERN int tg_us_volume_record(struct tg_engine *e, const char *exporter, const char *item, int64_t quantity,
				  const char *period, tg_err *err);

/** Append the serial's certificate, shipment, licence, consignee and end user as JSON.
 * @return TG_OK, TG_ENOTFOUND (never certified nor shipped). @since 0.2 */
TG_EXTERN int tg_trace(tg_buf *out, struct tg_engine *e, const char *serial, tg_err *err);

/**
 * Report a serial seen in country @p seen_at. When that is not its shipment's destination, the licence
 * and the consignee are flagged for review (the licence then covers no new order or shipment).
 * Appends {"serial","seen_at","flagged",...}. @return TG_OK, TG_ENOTFOUND (serial never shipped),
 * TG_EINVALID. @since 0.2
 */
TG_EXTERN int tg_trace_report(tg_buf *out, struct tg_engine *e, const char *serial, const char *seen_at,
			      const char *note, tg_err *err);

#endif
