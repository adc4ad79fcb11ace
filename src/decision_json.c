/* SPDX-License-Identifier: Apache-2.0 */
/* Encoding of decisions as the `check --json` document (also the HTTP body). */
#include "tg/decision.h"

#include <math.h>
#include <string.h>
#include "util/buf.h"

#define TRY(x)                                                                                            \
	do {                                                                                              \
		if ((rc = (x)) < 0)                                                                       \
			return rc;                                                                        \
	} while (0)

static int put_kv_str(tg_buf *b, const char *sep_key, const char *v)
{
	int rc;
	TRY(tg__buf_puts(b, sep_key));
	return v ? tg__buf_put_json_str(b, v) : tg__buf_puts(b, "null");
}

static int put_lines(tg_buf *b, const tg_decision *d)
{
	size_t i;
	int rc;
	TRY(tg__buf_puts(b, ",\"lines\":["));
	for (i = 0; i < d->nlines; i++) {
		const tg_decision_line *l = &d->lines[i];
		TRY(put_kv_str(b, i ? ",{\"item\":" : "{\"item\":", l->item));
		TRY(put_kv_str(b, ",\"eccn\":", l->cls.eccn));
		if (l->cls.tpp < 0)
			TRY(tg__buf_puts(b, ",\"tpp\":null"));
		else
			TRY(tg__buf_printf(b, ",\"tpp\":%.0f", floor(l->cls.tpp + 0.5)));
		TRY(tg__buf_printf(b, ",\"verdict\":\"%s\",\"cbc_gate\":%s,\"tariff_band_232\":%s}",
				   tg_verdict_name(l->verdict), l->cls.cbc_gate ? "true" : "false",
				   l->cls.tariff_band_232 ? "true" : "false"));
	}
	return tg__buf_putc(b, ']');
}

static int put_reasons(tg_buf *b, const tg_decision *d)
{
	size_t i;
	int rc;
	TRY(tg__buf_puts(b, ",\"reasons\":["));
	for (i = 0; i < d->nreasons; i++) {
		const tg_reason *r = &d->reasons[i];
		TRY(put_kv_str(b, i ? ",{\"rule\":" : "{\"rule\":", r->rule));
		TRY(put_kv_str(b, ",\"jurisdiction\":", r->jurisdiction));
		TRY(put_kv_str(b, ",\"citation\":", r->citation));
		TRY(put_kv_str(b, ",\"message\":", r->message));
		TRY(put_kv_str(b, ",\"confidence\":", r->confidence));
		TRY(tg__buf_printf(b, ",\"verdict\":%s%s%s,\"lines\":[%s]}", r->informational ? "" : "\"",
				   r->informational ? "null" : tg_verdict_name(r->verdict), r->informational ? "" : "\"",
				   r->lines));
	}
	return tg__buf_putc(b, ']');
}

static int put_charges(tg_buf *b, const tg_decision *d)
{
	size_t i;
	int rc;
	TRY(tg__buf_puts(b, ",\"charges\":["));
	for (i = 0; i < d->ncharges; i++) {
		const tg_charge *c = &d->charges[i];
		TRY(put_kv_str(b, i ? ",{\"kind\":" : "{\"kind\":", c->kind));
		TRY(tg__buf_puts(b, ",\"rate\":\""));
		TRY(tg_dec_format(b, c->rate, 2));
		TRY(tg__buf_puts(b, "\",\"base\":\""));
		TRY(tg_dec_format(b, c->base, 2));
		TRY(tg__buf_puts(b, "\",\"amount\":\""));
		TRY(tg_dec_format(b, c->amount, 2));
		TRY(tg__buf_printf(b, "\",\"currency\":\"%s\",\"line\":%zu", c->currency, c->line));
		TRY(put_kv_str(b, ",\"rule\":", c->rule));
		TRY(tg__buf_putc(b, '}'));
	}
	return tg__buf_putc(b, ']');
}

static int put_hits(tg_buf *b, const tg_decision *d)
{
	size_t i;
	int rc;
	TRY(tg__buf_puts(b, ",\"screening\":["));
	for (i = 0; i < d->nhits; i++) {
		const tg_screen_hit *h = &d->hits[i].hit;
		TRY(tg__buf_printf(b, "%s{\"party\":%zu", i ? "," : "", d->hits[i].party));
		TRY(put_kv_str(b, ",\"list\":", h->list));
		TRY(put_kv_str(b, ",\"entity_id\":", h->entity_id));
		TRY(put_kv_str(b, ",\"name\":", h->name));
		TRY(put_kv_str(b, ",\"matched_name\":", h->matched_name));
		TRY(tg__buf_printf(b, ",\"score\":%.4f,\"level\":\"%s\",\"approved\":%s}", h->score,
				   h->level == TG_HIT_BLOCK ? "block" : "review", h->approved ? "true" : "false"));
	}
	return tg__buf_putc(b, ']');
}

/* "license":{"id","holder","valid_to","conditions"}: only when a licence covers the order. */
static int put_license(tg_buf *b, const tg_decision *d)
{
	char date[11];
	size_t i;
	int rc;
	tg_date_format(date, d->license_valid_to);
	TRY(put_kv_str(b, ",\"license\":{\"id\":", d->license_id));
	TRY(put_kv_str(b, ",\"holder\":", d->license_holder));
	TRY(tg__buf_printf(b, ",\"valid_to\":\"%s\",\"conditions\":[", date));
	for (i = 0; i < d->nlicense_conditions; i++)
		TRY(put_kv_str(b, i ? "," : "", d->license_conditions[i]));
	return tg__buf_puts(b, "]}");
}

int tg_decision_json(tg_buf *b, const tg_decision *d)
{
	char date[11];
	size_t i;
	int rc;
	tg_date_format(date, d->as_of);
	TRY(put_kv_str(b, "{\"order_id\":", d->order_id));
	TRY(tg__buf_printf(b, ",\"as_of\":\"%s\",\"verdict\":\"%s\",\"jurisdictions\":[", date,
			   tg_verdict_name(d->verdict)));
	for (i = 0; i < d->njurisdictions; i++)
		TRY(tg__buf_printf(b, "%s{\"name\":\"%s\",\"verdict\":\"%s\"}", i ? "," : "", d->jurisdictions[i].name,
				   tg_verdict_name(d->jurisdictions[i].verdict)));
	TRY(tg__buf_putc(b, ']'));
	TRY(put_lines(b, d));
	TRY(put_reasons(b, d));
	TRY(tg__buf_puts(b, ",\"conditions\":["));
	for (i = 0; i < d->nconditions; i++)
		TRY(put_kv_str(b, i ? "," : "", d->conditions[i]));
	TRY(tg__buf_putc(b, ']'));
	TRY(put_charges(b, d));
	TRY(put_hits(b, d));
	if (d->license_id[0])
		TRY(put_license(b, d));
	TRY(tg__buf_printf(b, ",\"order_hash\":\"%s\"}", d->order_hash));
	return TG_OK;
}
