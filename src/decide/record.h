/* SPDX-License-Identifier: Apache-2.0 */
/* Recording decisions in the store, idempotent by order id and content hash. */
#ifndef TG_RECORD_H
#define TG_RECORD_H

#include "tg/buf.h"
#include "tg/decision.h"
#include "tg/order.h"
#include "tg/store.h"

/* Look up the recorded decision of o->id. Returns 0 (none), 1 (recorded with the same content: its
 * JSON appended to out, verdict set), TG_ECONFLICT (same id, other content), or a store error. */
int tg__record_lookup(tg_buf *out, tg_verdict *verdict, tg_store *st, const tg_order *o, tg_err *err);
/* Insert the decision (inside the caller's transaction). */
int tg__record_insert(tg_store *st, const tg_order *o, const tg_decision *d, const char *json, tg_err *err);

/* Schema steps (decide_store.c), listed in order by engine/engine_schema.c. */
extern const char tg__decide_schema_1[];
extern const char tg__decide_schema_2[];

/* SQL statements (decide_store.c). */
extern const char tg__record_sql_q[];
extern const char tg__record_sql_q2[];

/* The exporter of the recorded order order_id into out (TG_ENOTFOUND field "order_id" when none). */
int tg__record_exporter(char *out, size_t n, tg_store *st, const char *order_id, tg_err *err);

#endif
