/* SPDX-License-Identifier: Apache-2.0 */
/* Private header of the approvals module. */
#ifndef TG_APPROVALS_APPROVALS_H
#define TG_APPROVALS_APPROVALS_H

#include "tg/buf.h"
#include "ctx.h"

/* Applies an approved proposal's body inside the approval's transaction (tg_engine_apply_fn). */
typedef int (*tg__approvals_apply_fn)(void *arg, const char *body, const char *proposer, tg_err *err);

/* The module side of tg_engine_proposal, _proposals, _propose and _approve (tg/engine.h). */
int tg__approvals_proposal(tg_buf *out, const tg__ctx *cx, const char *kind, const char *id, tg_err *err);
int tg__approvals_proposals(tg_buf *out, const tg__ctx *cx, const char *kind, int pending_only, tg_err *err);
int tg__approvals_propose(tg_buf *out, const tg__ctx *cx, const char *kind, const char *subject, const char *json,
			  size_t len, tg_err *err);
int tg__approvals_approve(const tg__ctx *cx, const char *kind, const char *id, tg__approvals_apply_fn apply, void *arg,
			  tg_err *err);

/* Schema steps (approvals_store.c), listed in order by engine/engine_schema.c. */
extern const char tg__approvals_schema_1[];

/* SQL statements (approvals_store.c). */
extern const char tg__approvals_sql_q[];
extern const char tg__approvals_sql_ins[];
extern const char tg__approvals_sql_q2[];
extern const char tg__approvals_sql_next[];
extern const char tg__approvals_sql_q3[];
extern const char tg__approvals_sql_upd[];

extern const char tg__approvals_sql_one[];
extern const char tg__approvals_sql_list[];

#endif
