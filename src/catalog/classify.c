/* SPDX-License-Identifier: Apache-2.0 */
/* Classification of an accelerator: TPP, PD, ECCN 3A090/4A090 (with Note 2), the 2026-01-15
 * case-by-case gate and the Section 232 tariff bands. Pure arithmetic on the item: no allocation,
 * so it can run once per order line on the hot path. */
#include <math.h>
#include <string.h>
#include "tg/catalog.h"
#include "buf.h"
#include "err.h"

/* Bit length per tg_precision, the multiplier of the Technical Note to 3A090. */
static const double bit_length[TG_PREC_COUNT] = {4, 4, 8, 8, 16, 16, 32, 64};

/* TPP = max over precisions of dense TOPS x bit length; -1 when no rate is known. */
static double item_tpp(const tg_item *it, int *prec)
{
	double best = -1.0;
	int i;
	*prec = -1;
	for (i = 0; i < TG_PREC_COUNT; i++) {
		if (it->dense_tops[i] < 0)
			continue;
		if (it->dense_tops[i] * bit_length[i] > best) {
			best = it->dense_tops[i] * bit_length[i];
			*prec = i;
		}
	}
	return best;
}

/* 3A090 paragraph for an IC (88 FR 73458). Sets *reason; clears *complete when a figure the
 * decision needs is unknown. */
static const char *eccn_ic(double tpp, double pd, int datacenter, const char **reason, int *complete)
{
	if (tpp < 0) {
		*complete = 0;
		*reason = "TPP unknown: no dense rate known";
		return NULL;
	}
	if (!datacenter && tpp < 4800) {
		*reason = "Note 2 to 3A090: not designed or marketed for datacenters and TPP < 4800";
		return NULL;
	}
	if (tpp >= 4800) {
		*reason = "3A090.a.1: TPP >= 4800";
		return "3A090.a";
	}
	if (tpp < 1600) {
		*reason = "below the 3A090 thresholds: TPP < 1600";
		return NULL;
	}
	if (pd < 0) {
		*complete = 0;
		*reason = "applicable die area unknown: 3A090.a.2 / .b not decidable";
		return NULL;
	}
	if (pd >= 5.92) {
		*reason = "3A090.a.2: TPP >= 1600 and PD >= 5.92";
		return "3A090.a";
	}
	if (pd >= 3.2) {
		*reason = "3A090.b.2: TPP >= 1600 and 3.2 <= PD < 5.92";
		return "3A090.b";
	}
	if (tpp >= 2400 && pd >= 1.6) {
		*reason = "3A090.b.1: 2400 <= TPP < 4800 and 1.6 <= PD < 5.92";
		return "3A090.b";
	}
	*reason = "below the 3A090 thresholds: PD < 3.2, and TPP < 2400 or PD < 1.6";
	return NULL;
}

static const char *to_system(const char *eccn)
{
	if (eccn == NULL)
		return NULL;
	return strcmp(eccn, "3A090.a") == 0 ? "4A090.a" : "4A090.b";
}

static unsigned gate_check(double tpp, double bw, tg_date avail, const tg_gates *g)
{
	unsigned fail = 0;
	if (tpp < 0)
		fail |= TG_GATE_FAIL_TPP_UNKNOWN;
	else if (!(tpp < g->cbc_tpp_below))
		fail |= TG_GATE_FAIL_TPP;
	if (bw < 0)
		fail |= TG_GATE_FAIL_BW_UNKNOWN;
	else if (!(bw < g->cbc_bw_below))
		fail |= TG_GATE_FAIL_BW;
	if (avail == TG_DATE_NONE || avail > g->cbc_available_by)
		fail |= TG_GATE_FAIL_AVAIL;
	return fail;
}

/* First band with tpp_above < TPP < tpp_below and bw_above < BW < bw_below, or NULL. */
static const tg_tariff_band *band_match(double tpp, double bw, const tg_gates *g)
{
	size_t i;
	if (tpp < 0 || bw < 0)
		return NULL;
	for (i = 0; i < g->nbands && i < sizeof(g->bands) / sizeof(g->bands[0]); i++) {
		const tg_tariff_band *b = &g->bands[i];
		if (tpp > b->tpp_above && tpp < b->tpp_below && bw > b->bw_above && bw < b->bw_below)
			return b;
	}
	return NULL;
}

int tg_classify(tg_classification *out, const tg_item *item, const tg_catalog *cat, const tg_gates *gates, tg_err *err)
{
	const tg_item *ic = item;
	const tg_tariff_band *band;
	tg_gates defaults;
	TG_ASSERT_ARG(out != NULL && item != NULL, err);
	if (gates == NULL) {
		tg_gates_default(&defaults);
		gates = &defaults;
	}
	if (item->contains[0]) {
		ic = tg_catalog_find(cat, item->contains);
		if (ic == NULL || ic->contains[0])
			return tg__fail(err, TG_ENOTFOUND, "%s: contained IC '%s' not found in the catalogue", item->id,
					item->contains);
	}
	memset(out, 0, sizeof(*out));
	memcpy(out->id, item->id, sizeof(out->id));
	memcpy(out->designer_hq, item->designer_hq, sizeof(out->designer_hq));
	out->datacenter = item->datacenter;
	out->is_system = item->contains[0] != '\0';
	out->complete = 1;
	out->tpp = item_tpp(ic, &out->tpp_precision);
	out->pd = out->tpp >= 0 && ic->applicable_die_area_mm2 > 0 ? out->tpp / ic->applicable_die_area_mm2 : -1.0;
	out->dram_bandwidth_gbps = ic->dram_bandwidth_gbps;
	out->eccn = eccn_ic(out->tpp, out->pd, ic->datacenter, &out->eccn_reason, &out->complete);
	if (out->is_system)
		out->eccn = to_system(out->eccn);
	if (ic->dram_bandwidth_gbps < 0)
		out->complete = 0;
	out->gate_fail = gate_check(out->tpp, ic->dram_bandwidth_gbps, item->us_available_from, gates);
	out->cbc_gate = out->gate_fail == 0;
	band = band_match(out->tpp, ic->dram_bandwidth_gbps, gates);
	out->tariff_band_232 = band != NULL;
	if (band)
		memcpy(out->tariff_band_id, band->id, sizeof(out->tariff_band_id));
	return TG_OK;
}

int tg_classification_json(tg_buf *out, const tg_classification *c)
{
	int rc;
	if ((rc = tg__buf_puts(out, "{\"id\":")) < 0 || (rc = tg__buf_put_json_str(out, c->id)) < 0)
		return rc;
	if (c->tpp >= 0)
		rc = tg__buf_printf(out, ",\"tpp\":%.0f", floor(c->tpp + 0.5));
	else
		rc = tg__buf_puts(out, ",\"tpp\":null");
	if (rc < 0)
		return rc;
	if (c->pd >= 0)
		rc = tg__buf_printf(out, ",\"pd\":%.2f", floor(c->pd * 100.0 + 0.5) / 100.0);
	else
		rc = tg__buf_puts(out, ",\"pd\":null");
	if (rc < 0)
		return rc;
	if (c->eccn)
		rc = tg__buf_printf(out, ",\"eccn\":\"%s\"", c->eccn);
	else
		rc = tg__buf_puts(out, ",\"eccn\":null");
	if (rc < 0)
		return rc;
	return tg__buf_printf(out, ",\"cbc_gate\":%s,\"tariff_band_232\":%s}", c->cbc_gate ? "true" : "false",
			      c->tariff_band_232 ? "true" : "false");
}
