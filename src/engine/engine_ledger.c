/* SPDX-License-Identifier: Apache-2.0 */
/* The public ledger functions over the engine: each hands the module its context (store, actor, data). */
#include "tg/ledger.h"

#include "ledger.h"
#include "engine_int.h"

int tg_ledger_check(tg_buf *out, tg_engine *e, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__ledger_check(out, &cx, err);
}

int tg_ledger_remit(tg_engine *e, const char *exporter, const char *kind, const char *amount, const char *currency,
		    const char *date, const char *ref, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__ledger_remit(&cx, exporter, kind, amount, currency, date, ref, err);
}

int tg_ledger_statement(tg_buf *out, tg_engine *e, const char *exporter, const char *quarter, int csv, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__ledger_statement(out, &cx, exporter, quarter, csv, err);
}

int tg_engine_report(tg_buf *out, tg_engine *e, const char *name, const char *exporter, tg_err *err)
{
	return tg__ledger_report(out, tg_engine_store(e), name, exporter, err);
}
