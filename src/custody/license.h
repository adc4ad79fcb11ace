/* SPDX-License-Identifier: Apache-2.0 */
/* Internal interface of the licence module: matching an order against live licences for `check`. */
#ifndef TG_LICENSE_INT_H
#define TG_LICENSE_INT_H

#include "tg/decision.h"
#include "tg/license.h"
#include "tg/order.h"
#include "tg/store.h"

/* What one run of checks (a batch in one transaction or read snapshot) learnt about the licence table:
 * the last exporter found to hold no licence at all. Valid only while that snapshot lasts, since
 * checking never writes licences; zero it when a run starts. */
typedef struct tg__license_memo {
	char none_norm[512];
	int none_valid;
} tg__license_memo;

/* If d's verdict is license_required, look for a live licence of the order's exporter that covers its
 * date, destination, consignees, end users, items, remaining quantity and value, and every jurisdiction
 * that requires a licence. Covered: the licence id and conditions go into d and the covered
 * jurisdictions become allow. Not covered: a reason says which part is missing. Read-only. memo (may
 * be NULL): an exporter it knows to hold no licence skips the query. */
int tg__license_apply(tg_decision *d, tg_store *st, const tg_order *o, tg__license_memo *memo, tg_err *err);

/* Is cur a valid ISO 4217-shaped code (three upper-case letters)? */

/* Schema steps (license_store.c), listed in order by engine/engine_schema.c. */
extern const char tg__license_schema_1[];

#endif
