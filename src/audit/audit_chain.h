/* SPDX-License-Identifier: Apache-2.0 */
/* The audit module's private header: appending to the hash chain inside the caller's transaction. */
#ifndef TG_AUDIT_AUDIT_CHAIN_H
#define TG_AUDIT_AUDIT_CHAIN_H

#include "tg/audit.h"
#include "ctx.h"
#include "tg/store.h"

/* Append one entry (inside the caller's transaction). data_json is a canonical JSON value (sorted
 * keys, compact) or NULL for null. Returns TG_OK or a store/memory error. */
int tg__audit_append(tg_store *st, const char *actor, const char *kind, const char *subject, const char *data_json,
		     tg_err *err);

/* A batch of appends in one write transaction (group commit): between begin and end the chain's head
 * is kept in memory instead of being read and rewritten per entry; end writes the head row and must
 * run before the commit (a commit with the head unwritten fails). A rollback discards the batch. */
void tg__audit_batch_begin(tg_store *st);
int tg__audit_batch_end(tg_store *st, tg_err *err);

/* Schema steps (audit_store.c), listed in order by engine/engine_schema.c. */
extern const char tg__audit_schema_1[];

/* The module side of the public audit functions of include/tg/ (the engine wraps them, src/engine/). */
int tg__audit_export(tg_buf *out, const tg__ctx *cx, const char *from, const char *to, tg_err *err);
int tg__audit_verify(tg_audit_report *out, const tg__ctx *cx, tg_err *err);

/* SQL statements (audit_store.c). */
extern const char tg__audit_sql_q[];
extern const char tg__audit_sql_head[];
extern const char tg__audit_sql_ins[];
extern const char tg__audit_sql_q2[];
extern const char tg__audit_sql_q3[];
extern const char tg__audit_sql_q4[];

#endif
