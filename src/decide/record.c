/* SPDX-License-Identifier: Apache-2.0 */
/* Recorded decisions: one row per order id, content-addressed so re-checks are idempotent. */
#include "record.h"
#include "clock.h"

#include <string.h>
#include <time.h>
#include "store.h"
#include "buf.h"
#include "err.h"

static tg_verdict verdict_from(const char *s)
{
	int v;
	for (v = TG_VERDICT_ALLOW; v <= TG_VERDICT_DENY; v++)
		if (s && strcmp(s, tg_verdict_name((tg_verdict)v)) == 0)
			return (tg_verdict)v;
	return TG_VERDICT_DENY; /* fail closed on a corrupt row */
}

int tg__record_lookup(tg_buf *out, tg_verdict *verdict, tg_store *st, const tg_order *o, tg_err *err)
{
	tg__stmt *s;
	int rc;
	if ((rc = tg__store_prepare(&s, st, tg__record_sql_q, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, o->id, -1);
	rc = tg__stmt_step(s, err);
	if (rc == 1) {
		if (strcmp(tg__stmt_text(s, 0), o->content_hash) != 0) {
			rc = tg__fail_field(err, TG_ECONFLICT, "id",
					    "id: order '%.100s' is already recorded with different content; give the "
					    "changed order a new id",
					    o->id);
		} else {
			*verdict = verdict_from(tg__stmt_text(s, 2));
			if (tg__buf_put(out, tg__stmt_text(s, 1), tg__stmt_bytes(s, 1)) < 0)
				rc = tg__oom(err);
		}
	}
	tg__stmt_reset(s);
	return rc;
}

int tg__record_insert(tg_store *st, const tg_order *o, const tg_decision *d, const char *json, tg_err *err)
{
	tg__stmt *s;
	char date[11], now[21];
	int rc;
	if ((rc = tg__store_prepare(&s, st, tg__record_sql_q2, err)) < 0)
		return rc;
	tg_date_format(date, d->as_of);
	tg__utc_now(now);
	tg__stmt_bind_text(s, 1, o->id, -1);
	tg__stmt_bind_text(s, 2, o->content_hash, -1);
	tg__stmt_bind_text(s, 3, date, -1);
	tg__stmt_bind_text(s, 4, tg_verdict_name(d->verdict), -1);
	tg__stmt_bind_text(s, 5, o->exporter_name, -1);
	tg__stmt_bind_text(s, 6, o->canonical, -1);
	tg__stmt_bind_text(s, 7, json, -1);
	tg__stmt_bind_text(s, 8, now, -1);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}
