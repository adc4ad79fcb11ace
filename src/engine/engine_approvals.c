/* SPDX-License-Identifier: Apache-2.0 */
/* tg_engine_proposal, _proposals, _propose and _approve (tg/engine.h) over the approvals module. */
#include "tg/engine.h"

#include "approvals.h"
#include "engine_int.h"

int tg_engine_proposal(tg_buf *out, tg_engine *e, const char *kind, const char *id, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__approvals_proposal(out, &cx, kind, id, err);
}

int tg_engine_proposals(tg_buf *out, tg_engine *e, const char *kind, int pending_only, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__approvals_proposals(out, &cx, kind, pending_only, err);
}

int tg_engine_propose(tg_buf *out, tg_engine *e, const char *kind, const char *subject, const char *json, size_t len,
		      tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__approvals_propose(out, &cx, kind, subject, json, len, err);
}

int tg_engine_approve(tg_engine *e, const char *kind, const char *id, tg_engine_apply_fn apply, void *arg, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__approvals_approve(&cx, kind, id, apply, arg, err);
}
