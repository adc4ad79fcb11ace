/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/license.h
 * @brief Licences and approved customers (docs/state.md). A licence names its holder (the exporter),
 *        destination, approved consignees and end users, items with quantity and value caps, validity
 *        dates, conditions and provisos. Live licences are what `check` matches orders against.
 *
 * Licence JSON: {"id","holder","destination","consignees":[names],"end_users":[names],
 * "items":[{"item","quantity","value","currency","unit"?}],"valid_from","valid_to","conditions":[...],
 * "provisos":"text","covers"?:["US-EAR",...]}. `unit` is "number" (default: §750.11 lets the shipped
 * value exceed the licensed value by up to 25 %, never the count) or "value" (no tolerance). `covers`
 * names the jurisdictions whose licence requirement the record satisfies (default ["US-EAR"]).
 */
#ifndef TG_LICENSE_H
#define TG_LICENSE_H

#include "tg/buf.h"
#include "tg/common.h"
#include "tg/errors.h"

struct tg_engine;

/**
 * Validate, screen and record a licence, with its audit entry, in one transaction. Re-adding the same
 * id with the same content is idempotent. Appends the licence as shown by tg_license_show() to @p out.
 * @return TG_OK, TG_EINVALID (names the field), TG_ECONFLICT (same id, other content), TG_EREFUSED (a
 * consignee or end user is a restricted party), TG_EDB, TG_ENOMEM. @since 0.2
 */
TG_EXTERN int tg_license_add(tg_buf *out, struct tg_engine *e, const char *json, size_t len, tg_err *err);

/** Append the licence with its status and balances (shipped and remaining per item) as JSON.
 * @return TG_OK, TG_ENOTFOUND. @since 0.2 */
TG_EXTERN int tg_license_show(tg_buf *out, struct tg_engine *e, const char *id, tg_err *err);

/** Append {"licenses":[...]} (every licence, as tg_license_show, by id). @since 0.2 */
TG_EXTERN int tg_license_list(tg_buf *out, struct tg_engine *e, tg_err *err);

/** Revoke a live licence (audited). @return TG_OK, TG_ENOTFOUND, TG_EINVALID (no reason, or already
 * revoked). @since 0.2 */
TG_EXTERN int tg_license_revoke(struct tg_engine *e, const char *id, const char *reason, tg_err *err);

/** Append the approved-customer list derived from live licences:
 * {"customers":[{"name","role","license_id","destination"}]}. @since 0.2 */
TG_EXTERN int tg_license_customers(tg_buf *out, struct tg_engine *e, tg_err *err);

#endif
