/* SPDX-License-Identifier: Apache-2.0 */
/* tg_ship: parse a shipment, then in one transaction check idempotency, run every check and either
 * write it (released) or refuse it with every reason (nothing written). */
#include "custody.h"
#include "ctx.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store.h"
#include "alloc.h"
#include "buf.h"
#include "err.h"
#include "json.h"

static int parse_line(ship_ctx *c, const json_t *l, size_t i, size_t *total, tg_err *err)
{
	static const char *const keys[] = {"item", "serials", NULL};
	const json_t *v;
	char p[64], q[64];
	size_t k;
	int rc;
	tg__json_path_idx(p, NULL, "lines", i);
	if (!json_is_object(l))
		return tg__fail_field(err, TG_EINVALID, p, "%s: expected an object", p);
	if ((rc = tg__json_only_keys(l, p, keys, err)) < 0 ||
	    (rc = tg__json_get_str(&c->lines[i].item, l, p, "item", 1, err)) < 0)
		return rc;
	for (k = 0; k < i; k++)
		if (strcmp(c->lines[k].item, c->lines[i].item) == 0)
			return tg__fail_field(err, TG_EINVALID, p, "%s.item: '%.64s' already has a line", p,
					      c->lines[i].item);
	v = json_object_get(l, "serials");
	tg__json_path(q, p, "serials");
	if (!json_is_array(v) || json_array_size(v) == 0)
		return tg__fail_field(err, TG_EINVALID, q, "%s: expected a non-empty array of serial numbers", q);
	if ((*total += json_array_size(v)) > TG_SHIP_MAX_SERIALS)
		return tg__fail_field(err, TG_ELIMIT, q, "%s: more than %d serials in one shipment", q,
				      TG_SHIP_MAX_SERIALS);
	c->lines[i].serials = v;
	c->lines[i].qty = (int64_t)json_array_size(v);
	c->lines[i].order_line = -1;
	json_array_foreach (v, k, l) {
		if (!json_is_string(l) || json_string_length(l) == 0 || json_string_length(l) > 63) {
			return tg__fail_field(err, TG_EINVALID, q, "%s[%zu]: expected a serial number (1-63 bytes)", q,
					      k);
		}
	}
	return TG_OK;
}

static int parse(ship_ctx *c, const char *json, size_t len, tg_err *err)
{
	static const char *const keys[] = {"shipment_id", "order_id", "license_id", "date", "lines", NULL};
	const json_t *lines, *l, *lic;
	size_t i, total = 0;
	int rc;
	if ((rc = tg__json_parse(&c->root, json, len, err)) < 0)
		return rc;
	if (!json_is_object(c->root))
		return tg__fail(err, TG_EINVALID, "a shipment is a JSON object");
	if ((rc = tg__json_only_keys(c->root, NULL, keys, err)) < 0 ||
	    (rc = tg__json_get_str(&c->id, c->root, NULL, "shipment_id", 1, err)) < 0 ||
	    (rc = tg__json_get_str(&c->order_id, c->root, NULL, "order_id", 1, err)) < 0 ||
	    (rc = tg__json_get_date(&c->date, c->root, NULL, "date", 1, err)) < 0)
		return rc;
	lic = json_object_get(c->root, "license_id");
	if (lic && !json_is_null(lic) &&
	    (rc = tg__json_get_str(&c->license_id, c->root, NULL, "license_id", 1, err)) < 0)
		return rc;
	if (strlen(c->id) == 0 || strlen(c->id) > 63)
		return tg__fail_field(err, TG_EINVALID, "shipment_id", "shipment_id: expected 1-63 characters");
	tg_date_format(c->datestr, c->date);
	lines = json_object_get(c->root, "lines");
	if (!json_is_array(lines) || json_array_size(lines) == 0 || json_array_size(lines) > 1000)
		return tg__fail_field(err, TG_EINVALID, "lines", "lines: expected 1-1000 lines");
	c->nlines = json_array_size(lines);
	if ((c->lines = tg__calloc(c->nlines, sizeof(ship_line))) == NULL)
		return tg__oom(err);
	json_array_foreach (lines, i, l) {
		if ((rc = parse_line(c, l, i, &total, err)) < 0)
			return rc;
	}
	return tg__canon(&c->canon, c->hash, c->root, err);
}

/* The stored receipt, marked as a replay. */
static int put_replayed(tg_buf *out, const char *r, size_t n)
{
	static const char tail[] = "\"replayed\":false}";
	size_t tl = sizeof(tail) - 1;
	if (n < tl || memcmp(r + n - tl, tail, tl) != 0)
		return tg__buf_put(out, r, n);
	if (tg__buf_put(out, r, n - tl) < 0)
		return TG_ENOMEM;
	return tg__buf_puts(out, "\"replayed\":true}");
}

/* 1 = recorded with the same content (receipt appended), 0 = new, < 0 = conflict or error. */
static int lookup(tg_buf *out, ship_ctx *c, tg_err *err)
{
	tg__stmt *s;
	int rc;
	if ((rc = tg__store_prepare(&s, c->st, tg__ship_sql_q, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, c->id, -1);
	if ((rc = tg__stmt_step(s, err)) == 1) {
		if (strcmp(tg__stmt_text(s, 0), c->hash) != 0)
			rc = tg__fail_field(err, TG_ECONFLICT, "shipment_id",
					    "shipment_id: '%.64s' is already recorded with different content", c->id);
		else if (put_replayed(out, tg__stmt_text(s, 1), tg__stmt_bytes(s, 1)) < 0)
			rc = tg__oom(err);
	}
	tg__stmt_reset(s);
	return rc;
}

typedef struct ship_txn_arg {
	ship_ctx *c;
	tg_buf *out;
} ship_txn_arg;

static int ship_txn(void *arg, tg_err *err)
{
	ship_txn_arg *a = arg;
	ship_ctx *c = a->c;
	int rc = lookup(a->out, c, err);
	if (rc != 0) {
		c->replayed = rc == 1;
		return rc < 0 ? rc : TG_OK;
	}
	if ((rc = tg__ship_check(c, err)) < 0)
		return rc;
	if (json_array_size(c->reasons) > 0)
		return tg__fail(err, TG_EREFUSED, "shipment %.64s refused: %s", c->id,
				json_string_value(json_object_get(json_array_get(c->reasons, 0), "message")));
	return tg__ship_write(a->out, c, err);
}

static int refusal(tg_buf *out, ship_ctx *c, tg_err *err)
{
	json_t *o = json_pack("{s:s,s:s,s:O}", "shipment_id", c->id, "status", "refused", "reasons", c->reasons);
	char *t = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	int rc = (t == NULL || tg__buf_puts(out, t) < 0) ? tg__oom(err) : TG_OK;
	free(t);
	json_decref(o);
	return rc;
}

static void ctx_dispose(ship_ctx *c)
{
	if (!c->borrowed) {
		tg_order_free(c->order);
		json_decref(c->decision);
	}
	json_decref(c->reasons);
	json_decref(c->root);
	free(c->canon);
	tg__free(c->lines);
}

/* Parse and ship one text. With a cache, inside the caller's transaction: checks write nothing before
 * they all pass, so a refused or invalid shipment leaves the batch untouched; a failure once writing has
 * started sets *fatal (the batch must be rolled back). */
static int ship_one(tg_buf *out, const tg__ctx *cx, const char *json, size_t len, ship_cache *cache, int *fatal,
		    tg_err *err)
{
	ship_ctx c;
	ship_txn_arg a;
	int rc;
	memset(&c, 0, sizeof(c));
	c.cx = cx;
	c.cache = cache;
	if ((c.st = cx->store) == NULL)
		return tg__fail(err, TG_EINVALID, "shipments need a store");
	if ((c.reasons = json_array()) == NULL)
		return tg__oom(err);
	if ((rc = parse(&c, json, len, err)) < 0)
		goto done;
	a.c = &c;
	a.out = out;
	rc = cache ? ship_txn(&a, err) : tg__in_txn(c.st, ship_txn, &a, err);
	if (rc == TG_EREFUSED) {
		tg_err keep = *err;
		tg__buf_clear(out);
		if ((rc = refusal(out, &c, err)) == TG_OK) {
			*err = keep;
			rc = TG_EREFUSED;
		}
	}
done:
	if (fatal)
		*fatal = rc < 0 && (c.wrote || rc == TG_EDB || rc == TG_EINTERNAL || rc == TG_ENOMEM);
	ctx_dispose(&c);
	return rc;
}

int tg__ship(tg_buf *out, const tg__ctx *cx, const char *json, size_t len, tg_err *err)
{
	return ship_one(out, cx, json, len, NULL, NULL, err);
}

int tg__ship_many(tg_ship_result *res, size_t n, const tg__ctx *cx, const char *const *texts, const size_t *lens,
		  tg_err *err)
{
	tg_store *st = cx->store;
	ship_cache cache;
	size_t i;
	int rc, fatal = 0;
	memset(res, 0, n * sizeof(*res));
	memset(&cache, 0, sizeof(cache));
	if (st == NULL)
		return tg__fail(err, TG_EINVALID, "shipments need a store");
	if ((rc = tg__store_begin(st, err)) < 0)
		return rc;
	for (i = 0; i < n; i++) {
		res[i].code = ship_one(&res[i].out, cx, texts[i], lens[i], &cache, &fatal, &res[i].err);
		if (fatal) {
			*err = res[i].err;
			rc = res[i].code;
			break;
		}
	}
	tg_order_free(cache.order);
	json_decref(cache.decision);
	if (rc == TG_OK)
		rc = tg__store_commit(st, err);
	else
		tg__store_rollback(st);
	if (rc < 0)
		for (i = 0; i < n; i++) {
			res[i].code = rc;
			res[i].err = *err;
			tg_buf_dispose(&res[i].out);
		}
	return rc;
}
