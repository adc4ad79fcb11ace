/* SPDX-License-Identifier: Apache-2.0 */
/* The public audit functions over the engine: each hands the module its context (store, actor, data). */
#include "tg/audit.h"

#include "audit_chain.h"
#include "engine_int.h"

int tg_audit_export(tg_buf *out, tg_engine *e, const char *from, const char *to, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__audit_export(out, &cx, from, to, err);
}

int tg_audit_verify(tg_audit_report *out, tg_engine *e, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__audit_verify(out, &cx, err);
}
