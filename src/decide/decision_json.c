/* SPDX-License-Identifier: Apache-2.0 */
/* Encoding of decisions as the `check --json` document (also the HTTP body). On the hot path of every
 * check: direct appends, integers formatted by hand, one up-front reservation, printf only for scores. */
#include "tg/decision.h"

#include <math.h>
#include <string.h>
#include "buf.h"
#include "fmt.h"

#define TRY(x)                      \
	do {                        \
		if ((rc = (x)) < 0) \
			return rc;  \
	} while (0)

/* Append a string literal. */
#define PUTL(b, lit) tg__buf_put((b), (lit), sizeof(lit) - 1)

static int put_kv_str(tg_buf *b, const char *sep_key, size_t n, const char *v)
{
	int rc;
	TRY(tg__buf_put(b, sep_key, n));
	return v ? tg__buf_put_json_str(b, v) : PUTL(b, "null");
}

/* A key (with its separator) and a string value: ",\"kind\":" "..." */
#define KV(b, lit, v) put_kv_str((b), (lit), sizeof(lit) - 1, (v))

static int put_u64(tg_buf *b, uint64_t v)
{
	char num[24];
	return tg__buf_put(b, num, tg__fmt_u64(num, v));
}

static int put_bool(tg_buf *b, int v)
{
	return v ? PUTL(b, "true") : PUTL(b, "false");
}

/* A quoted verdict name. */
static int put_verdict(tg_buf *b, tg_verdict v)
{
	int rc;
	TRY(tg__buf_putc(b, '"'));
	TRY(tg__buf_puts(b, tg_verdict_name(v)));
	return tg__buf_putc(b, '"');
}

/* TPP rounded half up to an integer, as "%.0f" of floor(tpp + 0.5) prints it. */
static int put_tpp(tg_buf *b, double tpp)
{
	double r = floor(tpp + 0.5);
	if (r < 9007199254740992.0) /* 2^53: exact as an integer */
		return put_u64(b, (uint64_t)r);
	return tg__buf_printf(b, "%.0f", r);
}

static int put_lines(tg_buf *b, const tg_decision *d)
{
	size_t i;
	int rc;
	TRY(PUTL(b, ",\"lines\":["));
	for (i = 0; i < d->nlines; i++) {
		const tg_decision_line *l = &d->lines[i];
		TRY(i ? KV(b, ",{\"item\":", l->item) : KV(b, "{\"item\":", l->item));
		TRY(KV(b, ",\"eccn\":", l->cls.eccn));
		TRY(PUTL(b, ",\"tpp\":"));
		TRY(l->cls.tpp < 0 ? PUTL(b, "null") : put_tpp(b, l->cls.tpp));
		TRY(PUTL(b, ",\"verdict\":"));
		TRY(put_verdict(b, l->verdict));
		TRY(PUTL(b, ",\"cbc_gate\":"));
		TRY(put_bool(b, l->cls.cbc_gate));
		TRY(PUTL(b, ",\"tariff_band_232\":"));
		TRY(put_bool(b, l->cls.tariff_band_232));
		TRY(tg__buf_putc(b, '}'));
	}
	return tg__buf_putc(b, ']');
}

static int put_reasons(tg_buf *b, const tg_decision *d)
{
	size_t i;
	int rc;
	TRY(PUTL(b, ",\"reasons\":["));
	for (i = 0; i < d->nreasons; i++) {
		const tg_reason *r = &d->reasons[i];
		TRY(i ? KV(b, ",{\"rule\":", r->rule) : KV(b, "{\"rule\":", r->rule));
		TRY(KV(b, ",\"jurisdiction\":", r->jurisdiction));
		TRY(KV(b, ",\"citation\":", r->citation));
		TRY(KV(b, ",\"message\":", r->message));
		TRY(KV(b, ",\"confidence\":", r->confidence));
		TRY(PUTL(b, ",\"verdict\":"));
		TRY(r->informational ? PUTL(b, "null") : put_verdict(b, r->verdict));
		TRY(PUTL(b, ",\"lines\":["));
		TRY(tg__buf_puts(b, r->lines));
		TRY(PUTL(b, "]}"));
	}
	return tg__buf_putc(b, ']');
}

static int put_charges(tg_buf *b, const tg_decision *d)
{
	size_t i;
	int rc;
	TRY(PUTL(b, ",\"charges\":["));
	for (i = 0; i < d->ncharges; i++) {
		const tg_charge *c = &d->charges[i];
		TRY(i ? KV(b, ",{\"kind\":", c->kind) : KV(b, "{\"kind\":", c->kind));
		TRY(PUTL(b, ",\"rate\":\""));
		TRY(tg_dec_format(b, c->rate, 2));
		TRY(PUTL(b, "\",\"base\":\""));
		TRY(tg_dec_format(b, c->base, 2));
		TRY(PUTL(b, "\",\"amount\":\""));
		TRY(tg_dec_format(b, c->amount, 2));
		TRY(PUTL(b, "\",\"currency\":\""));
		TRY(tg__buf_puts(b, c->currency));
		TRY(PUTL(b, "\",\"line\":"));
		TRY(put_u64(b, c->line));
		TRY(KV(b, ",\"rule\":", c->rule));
		TRY(tg__buf_putc(b, '}'));
	}
	return tg__buf_putc(b, ']');
}

static int put_hits(tg_buf *b, const tg_decision *d)
{
	size_t i;
	int rc;
	TRY(PUTL(b, ",\"screening\":["));
	for (i = 0; i < d->nhits; i++) {
		const tg_screen_hit *h = &d->hits[i].hit;
		TRY(i ? PUTL(b, ",{\"party\":") : PUTL(b, "{\"party\":"));
		TRY(put_u64(b, d->hits[i].party));
		TRY(KV(b, ",\"list\":", h->list));
		TRY(KV(b, ",\"entity_id\":", h->entity_id));
		TRY(KV(b, ",\"name\":", h->name));
		TRY(KV(b, ",\"matched_name\":", h->matched_name));
		TRY(tg__buf_printf(b, ",\"score\":%.4f", h->score));
		TRY(h->level == TG_HIT_BLOCK ? PUTL(b, ",\"level\":\"block\"") : PUTL(b, ",\"level\":\"review\""));
		TRY(PUTL(b, ",\"approved\":"));
		TRY(put_bool(b, h->approved));
		TRY(tg__buf_putc(b, '}'));
	}
	return tg__buf_putc(b, ']');
}

/* A generous estimate of the encoded size, so the buffer grows once. */
static size_t size_hint(const tg_decision *d)
{
	return 512 + d->nlines * 160 + d->nreasons * 800 + d->nconditions * 48 + d->ncharges * 200 + d->nhits * 700;
}

/* "license":{"id","holder","valid_to","conditions"}: only when a licence covers the order. */
static int put_license(tg_buf *b, const tg_decision *d)
{
	char date[11];
	size_t i;
	int rc;
	tg_date_format(date, d->license_valid_to);
	TRY(KV(b, ",\"license\":{\"id\":", d->license_id));
	TRY(KV(b, ",\"holder\":", d->license_holder));
	TRY(PUTL(b, ",\"valid_to\":\""));
	TRY(tg__buf_put(b, date, 10));
	TRY(PUTL(b, "\",\"conditions\":["));
	for (i = 0; i < d->nlicense_conditions; i++)
		TRY(i ? KV(b, ",", d->license_conditions[i]) : KV(b, "", d->license_conditions[i]));
	return PUTL(b, "]}");
}

int tg_decision_json(tg_buf *b, const tg_decision *d)
{
	char date[11];
	size_t i;
	int rc;
	tg_date_format(date, d->as_of);
	(void)tg__buf_grow(b, size_hint(d)); /* a hint: the appends below report any failure */
	TRY(KV(b, "{\"order_id\":", d->order_id));
	TRY(PUTL(b, ",\"as_of\":\""));
	TRY(tg__buf_put(b, date, strlen(date)));
	TRY(PUTL(b, "\",\"verdict\":"));
	TRY(put_verdict(b, d->verdict));
	TRY(PUTL(b, ",\"jurisdictions\":["));
	for (i = 0; i < d->njurisdictions; i++) {
		TRY(i ? PUTL(b, ",{\"name\":\"") : PUTL(b, "{\"name\":\""));
		TRY(tg__buf_puts(b, d->jurisdictions[i].name));
		TRY(PUTL(b, "\",\"verdict\":"));
		TRY(put_verdict(b, d->jurisdictions[i].verdict));
		TRY(tg__buf_putc(b, '}'));
	}
	TRY(tg__buf_putc(b, ']'));
	TRY(put_lines(b, d));
	TRY(put_reasons(b, d));
	TRY(PUTL(b, ",\"conditions\":["));
	for (i = 0; i < d->nconditions; i++)
		TRY(i ? KV(b, ",", d->conditions[i]) : KV(b, "", d->conditions[i]));
	TRY(tg__buf_putc(b, ']'));
	TRY(put_charges(b, d));
	TRY(put_hits(b, d));
	if (d->license_id[0])
		TRY(put_license(b, d));
	TRY(PUTL(b, ",\"order_hash\":\""));
	TRY(tg__buf_puts(b, d->order_hash));
	return PUTL(b, "\"}");
}
