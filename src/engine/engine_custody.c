/* SPDX-License-Identifier: Apache-2.0 */
/* The public custody functions over the engine: each hands the module its context (store, actor, data). */
#include "tg/inspect.h"

#include "tg/license.h"
#include "tg/ship.h"
#include "custody.h"
#include "engine_int.h"

int tg_inspect_record(tg_buf *out, tg_engine *e, const char *json, size_t len, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__inspect_record(out, &cx, json, len, err);
}

int tg_license_add(tg_buf *out, tg_engine *e, const char *json, size_t len, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__license_add(out, &cx, json, len, err);
}

int tg_license_customers(tg_buf *out, tg_engine *e, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__license_customers(out, &cx, err);
}

int tg_license_list(tg_buf *out, tg_engine *e, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__license_list(out, &cx, err);
}

int tg_license_revoke(tg_engine *e, const char *id, const char *reason, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__license_revoke(&cx, id, reason, err);
}

int tg_license_show(tg_buf *out, tg_engine *e, const char *id, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__license_show(out, &cx, id, err);
}

int tg_ship(tg_buf *out, tg_engine *e, const char *json, size_t len, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__ship(out, &cx, json, len, err);
}

int tg_ship_many(tg_ship_result *res, size_t n, tg_engine *e, const char *const *texts, const size_t *lens, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__ship_many(res, n, &cx, texts, lens, err);
}

int tg_ship_return(tg_buf *out, tg_engine *e, const char *id, const char *status, const char *reason, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__ship_return(out, &cx, id, status, reason, err);
}

int tg_ship_show(tg_buf *out, tg_engine *e, const char *id, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__ship_show(out, &cx, id, err);
}

int tg_trace(tg_buf *out, tg_engine *e, const char *serial, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__trace(out, &cx, serial, err);
}

int tg_trace_report(tg_buf *out, tg_engine *e, const char *serial, const char *seen_at, const char *note, tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__trace_report(out, &cx, serial, seen_at, note, err);
}

int tg_us_volume_record(tg_engine *e, const char *exporter, const char *item, int64_t quantity, const char *period,
			tg_err *err)
{
	tg__ctx cx;
	tg__engine_ctx(&cx, e);
	return tg__us_volume_record(&cx, exporter, item, quantity, period, err);
}
