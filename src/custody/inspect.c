/* SPDX-License-Identifier: Apache-2.0 */
/* Inspection certificates: parse, recompute TPP and the gate from the measurements, compare with the
 * declared item within the stated tolerance, and record with the serials and an audit entry. */
#include "tg/inspect.h"
#include "ctx.h"
#include "custody.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "audit_chain.h"
#include "clock.h"
#include "store.h"
#include "buf.h"
#include "err.h"
#include "json.h"

#define MAX_SERIALS 100000

typedef struct cert {
	const tg__ctx *cx;
	json_t *root;
	char *canon;
	char hash[65];
	const char *id, *lab, *item, *result;
	char date[11];
	tg_classification declared, measured;
	json_t *reasons;
	int replayed;
} cert;

static int parse_measured(tg_item *m, const json_t *root, tg_err *err)
{
	static const char *const mk[] = {"dense_tops", "dram_bandwidth_gbps", NULL};
	static const char *const precs[] = {"fp4", "int4", "fp8", "int8", "fp16", "bf16", "fp32", "fp64", NULL};
	const json_t *meas = json_object_get(root, "measured"), *tops;
	int p, rc;
	if (!json_is_object(meas))
		return tg__fail_field(err, TG_EINVALID, "measured", "measured: expected an object");
	if ((rc = tg__json_only_keys(meas, "measured", mk, err)) < 0 ||
	    (rc = tg__json_get_num(&m->dram_bandwidth_gbps, meas, "measured", "dram_bandwidth_gbps", 1, err)) < 0)
		return rc;
	tops = json_object_get(meas, "dense_tops");
	if (!json_is_object(tops) || json_object_size(tops) == 0)
		return tg__fail_field(err, TG_EINVALID, "measured.dense_tops",
				      "measured.dense_tops: expected an object");
	if ((rc = tg__json_only_keys(tops, "measured.dense_tops", precs, err)) < 0)
		return rc;
	for (p = 0; p < TG_PREC_COUNT; p++) {
		m->dense_tops[p] = -1;
		if ((rc = tg__json_get_num(&m->dense_tops[p], tops, "measured.dense_tops", tg_precision_name(p), 0,
					   err)) < 0)
			return rc;
		if (rc == 1 && m->dense_tops[p] < 0)
			return tg__fail_field(err, TG_EINVALID, "measured.dense_tops",
					      "measured.dense_tops.%s: must not be negative", tg_precision_name(p));
	}
	return TG_OK;
}

static int parse_serials(const json_t *root, tg_err *err)
{
	const json_t *a = json_object_get(root, "serials"), *v, *w;
	size_t i, k;
	char p[64];
	if (!json_is_array(a) || json_array_size(a) == 0 || json_array_size(a) > MAX_SERIALS)
		return tg__fail_field(err, TG_EINVALID, "serials", "serials: expected 1-%d serial numbers",
				      MAX_SERIALS);
	json_array_foreach (a, i, v) {
		tg__json_path_idx(p, NULL, "serials", i);
		if (!json_is_string(v) || json_string_length(v) == 0 || json_string_length(v) > 63)
			return tg__fail_field(err, TG_EINVALID, p, "%s: expected a serial number (1-63 bytes)", p);
		if (json_array_size(a) <= 2000) /* quadratic duplicate check kept small; the store catches the rest */
			for (k = 0; k < i; k++)
				if ((w = json_array_get(a, k)) &&
				    strcmp(json_string_value(w), json_string_value(v)) == 0)
					return tg__fail_field(err, TG_EINVALID, p, "%s: duplicate serial '%s'", p,
							      json_string_value(v));
	}
	return TG_OK;
}

/* The item whose figures the measurements describe: the IC itself, or a system's IC. */
static const tg_item *reference_ic(const tg_catalog *cat, const tg_item *it)
{
	const tg_item *ic = it->contains[0] ? tg_catalog_find(cat, it->contains) : it;
	return ic ? ic : it;
}

static int parse(cert *c, const char *json, size_t len, tg_err *err)
{
	static const char *const keys[] = {"certificate_id", "lab",      "date",   "item",
					   "serials",        "measured", "result", NULL};
	const tg_catalog *cat = c->cx->catalog;
	const tg_item *it;
	tg_item m;
	tg_date d;
	int rc;
	if ((rc = tg__json_parse(&c->root, json, len, err)) < 0)
		return rc;
	if (!json_is_object(c->root))
		return tg__fail(err, TG_EINVALID, "a certificate is a JSON object");
	if ((rc = tg__json_only_keys(c->root, NULL, keys, err)) < 0 ||
	    (rc = tg__json_get_str(&c->id, c->root, NULL, "certificate_id", 1, err)) < 0 ||
	    (rc = tg__json_get_str(&c->lab, c->root, NULL, "lab", 1, err)) < 0 ||
	    (rc = tg__json_get_date(&d, c->root, NULL, "date", 1, err)) < 0 ||
	    (rc = tg__json_get_str(&c->item, c->root, NULL, "item", 1, err)) < 0 ||
	    (rc = tg__json_get_str(&c->result, c->root, NULL, "result", 1, err)) < 0 ||
	    (rc = parse_serials(c->root, err)) < 0)
		return rc;
	tg_date_format(c->date, d);
	if (strlen(c->id) == 0 || strlen(c->id) > 63)
		return tg__fail_field(err, TG_EINVALID, "certificate_id", "certificate_id: expected 1-63 characters");
	if (strcmp(c->result, "pass") != 0 && strcmp(c->result, "fail") != 0)
		return tg__fail_field(err, TG_EINVALID, "result", "result: expected \"pass\" or \"fail\"");
	if ((it = tg_catalog_find(cat, c->item)) == NULL)
		return tg__fail_field(err, TG_EINVALID, "item", "item: unknown item '%.64s'", c->item);
	it = reference_ic(cat, it);
	m = *it;
	if ((rc = parse_measured(&m, c->root, err)) < 0 ||
	    (rc = tg_classify(&c->declared, it, cat, c->cx->gates, err)) < 0 ||
	    (rc = tg_classify(&c->measured, &m, cat, c->cx->gates, err)) < 0)
		return rc;
	return tg__canon(&c->canon, c->hash, c->root, err);
}

static int reason(cert *c, const char *code, const char *fmt, double a, double b)
{
	char msg[256];
	snprintf(msg, sizeof(msg), fmt, a, b);
	return json_array_append_new(c->reasons, json_pack("{s:s,s:s}", "code", code, "message", msg));
}

static int off_by(double got, double want)
{
	return want > 0 && fabs(got - want) * 100.0 > want * TG_INSPECT_TOLERANCE_PCT;
}

/* Every reason to reject a passing certificate: contradiction with the declared item, gate failure. */
static void judge(cert *c)
{
	const tg_classification *m = &c->measured, *d = &c->declared;
	if (strcmp(c->result, "pass") != 0)
		return;
	if (off_by(m->tpp, d->tpp))
		reason(c, "tpp_mismatch", "measured TPP %.0f differs from the declared item's %.0f by more than 5%%",
		       m->tpp, d->tpp);
	if (off_by(m->dram_bandwidth_gbps, d->dram_bandwidth_gbps))
		reason(c, "bandwidth_mismatch",
		       "measured DRAM bandwidth %.0f GB/s differs from the declared %.0f GB/s by more than 5%%",
		       m->dram_bandwidth_gbps, d->dram_bandwidth_gbps);
	if (m->gate_fail & (TG_GATE_FAIL_TPP | TG_GATE_FAIL_TPP_UNKNOWN))
		reason(c, "gate_tpp", "measured TPP %.0f is not below the gate's %.0f", m->tpp,
		       c->cx->gates->cbc_tpp_below);
	if (m->gate_fail & (TG_GATE_FAIL_BW | TG_GATE_FAIL_BW_UNKNOWN))
		reason(c, "gate_bandwidth", "measured DRAM bandwidth %.0f GB/s is not below the gate's %.0f GB/s",
		       m->dram_bandwidth_gbps, c->cx->gates->cbc_bw_below);
	if (m->gate_fail & TG_GATE_FAIL_AVAIL)
		json_array_append_new(c->reasons,
				      json_pack("{s:s,s:s}", "code", "gate_availability", "message",
						"the item was not commercially available in the US on the gate date"));
}

static int insert_serials(cert *c, tg_store *st, tg_err *err)
{
	const json_t *v;
	size_t i;
	int rc;
	json_array_foreach (json_object_get(c->root, "serials"), i, v) {
		tg__stmt *s;
		if ((rc = tg__store_prepare(&s, st, tg__inspect_sql_q, err)) < 0)
			return rc;
		tg__stmt_bind_text(s, 1, json_string_value(v), -1);
		tg__stmt_bind_text(s, 2, c->id, -1);
		tg__stmt_bind_text(s, 3, c->item, -1);
		tg__stmt_bind_text(s, 4, c->date, -1);
		tg__stmt_bind_text(s, 5, c->result, -1);
		rc = tg__stmt_step(s, err);
		tg__stmt_reset(s);
		if (rc == TG_ECONFLICT)
			return tg__fail_field(err, TG_EINVALID, "serials", "serials[%zu]: duplicate serial '%s'", i,
					      json_string_value(v));
		if (rc < 0)
			return rc;
	}
	return TG_OK;
}

static int record_txn(void *arg, tg_err *err)
{
	cert *c = arg;
	tg_store *st = c->cx->store;
	char now[21];
	tg__stmt *s;
	int rc;
	if ((rc = tg__store_prepare(&s, st, tg__inspect_sql_sel, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, c->id, -1);
	if ((rc = tg__stmt_step(s, err)) == 1) {
		c->replayed = strcmp(tg__stmt_text(s, 0), c->hash) == 0;
		if (!c->replayed)
			rc = tg__fail_field(err, TG_ECONFLICT, "certificate_id",
					    "certificate_id: '%.64s' is already recorded with different content",
					    c->id);
	}
	tg__stmt_reset(s);
	if (rc != 0)
		return rc < 0 ? rc : TG_OK;
	tg__utc_now(now);
	if ((rc = tg__store_prepare(&s, st, tg__inspect_sql_ins, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, c->id, -1);
	tg__stmt_bind_text(s, 2, c->lab, -1);
	tg__stmt_bind_text(s, 3, c->date, -1);
	tg__stmt_bind_text(s, 4, c->item, -1);
	tg__stmt_bind_text(s, 5, c->result, -1);
	tg__stmt_bind_text(s, 6, c->hash, -1);
	tg__stmt_bind_text(s, 7, c->canon, -1);
	tg__stmt_bind_text(s, 8, now, -1);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	if (rc < 0 || (rc = insert_serials(c, st, err)) < 0)
		return rc;
	return tg__audit_append(st, c->cx->actor, "certificate", c->id, c->canon, err);
}

static int put_out(tg_buf *out, cert *c, int rejected, tg_err *err)
{
	json_t *o;
	char *t;
	int rc;
	if (rejected)
		o = json_pack("{s:s,s:s,s:O}", "certificate_id", c->id, "status", "rejected", "reasons", c->reasons);
	else
		o = json_pack("{s:s,s:s,s:s,s:I,s:I,s:I,s:I,s:I,s:b,s:b}", "certificate_id", c->id, "item", c->item,
			      "result", c->result, "serials",
			      (json_int_t)json_array_size(json_object_get(c->root, "serials")), "measured_tpp",
			      (json_int_t)floor(c->measured.tpp + 0.5), "declared_tpp",
			      (json_int_t)floor(c->declared.tpp + 0.5), "measured_bw",
			      (json_int_t)floor(c->measured.dram_bandwidth_gbps + 0.5), "declared_bw",
			      (json_int_t)floor(c->declared.dram_bandwidth_gbps + 0.5), "cbc_gate",
			      c->measured.cbc_gate, "replayed", c->replayed);
	if (o == NULL || (t = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER)) == NULL) {
		json_decref(o);
		return tg__oom(err);
	}
	rc = tg__buf_puts(out, t) < 0 ? tg__oom(err) : TG_OK;
	free(t);
	json_decref(o);
	return rc;
}

int tg__inspect_record(tg_buf *out, const tg__ctx *cx, const char *json, size_t len, tg_err *err)
{
	cert c;
	int rc;
	memset(&c, 0, sizeof(c));
	c.cx = cx;
	if (cx->store == NULL)
		return tg__fail(err, TG_EINVALID, "certificates need a store");
	if ((c.reasons = json_array()) == NULL)
		return tg__oom(err);
	if ((rc = parse(&c, json, len, err)) < 0)
		goto done;
	judge(&c);
	if (json_array_size(c.reasons) > 0) {
		if ((rc = put_out(out, &c, 1, err)) == TG_OK)
			rc = tg__fail(err, TG_EREFUSED, "certificate %.64s rejected: %s", c.id,
				      json_string_value(json_object_get(json_array_get(c.reasons, 0), "message")));
		goto done;
	}
	if ((rc = tg__in_txn(cx->store, record_txn, &c, err)) < 0)
		goto done;
	rc = put_out(out, &c, 0, err);
done:
	free(c.canon);
	json_decref(c.reasons);
	json_decref(c.root);
	return rc;
}
