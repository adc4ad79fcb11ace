/* SPDX-License-Identifier: Apache-2.0 */
/* Licences as JSON (show, list, approved customers) and revocation. */
#include "license.h"
#include "ctx.h"
#include "custody.h"

#include <stdlib.h>
#include <string.h>
#include "audit_chain.h"
#include "record.h"
#include "store.h"
#include "alloc.h"
#include "buf.h"
#include "err.h"
#include "json.h"

static json_t *dec_str(int64_t micros)
{
	tg_buf b = TG_BUF_INIT;
	json_t *v;
	tg_dec d;
	d.micros = micros;
	if (tg_dec_format(&b, d, 2) < 0)
		return NULL;
	v = json_string(b.ptr);
	tg_buf_dispose(&b);
	return v;
}

/* Replace the licence's items by the stored items with their balances. */
static int put_items(json_t *lic, tg_store *st, const char *id, tg_err *err)
{
	json_t *items = json_array();
	tg__stmt *s;
	int rc;
	if (items == NULL || json_object_set_new(lic, "items", items) < 0)
		return tg__oom(err);
	if ((rc = tg__store_prepare(&s, st, tg__license_show_sql_q, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, id, -1);
	while ((rc = tg__stmt_step(s, err)) == 1) {
		int64_t q = tg__stmt_int64(s, 1), qu = tg__stmt_int64(s, 5), v = tg__stmt_int64(s, 2);
		int64_t vu = tg__stmt_int64(s, 6);
		json_t *o = json_pack("{s:s,s:I,s:o,s:o,s:s,s:I,s:o,s:I,s:o}", "item", tg__stmt_text(s, 0), "quantity",
				      (json_int_t)q, "value", dec_str(v), "value_limit", dec_str(tg__stmt_int64(s, 3)),
				      "currency", tg__stmt_text(s, 4), "shipped_quantity", (json_int_t)qu,
				      "shipped_value", dec_str(vu), "remaining_quantity", (json_int_t)(q - qu),
				      "remaining_value", dec_str(v - vu));
		if (o == NULL || json_array_append_new(items, o) < 0) {
			rc = tg__oom(err);
			break;
		}
	}
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}

/* The licence as a jansson object (new reference in *out). */
static int load(json_t **out, tg_store *st, const char *id, tg_err *err)
{
	tg__stmt *s;
	json_t *lic = NULL;
	int rc;
	*out = NULL;
	if ((rc = tg__store_prepare(&s, st, tg__license_show_sql_q2, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, id, -1);
	rc = tg__stmt_step(s, err);
	if (rc == 0)
		rc = tg__fail(err, TG_ENOTFOUND, "licence '%.64s' not found", id);
	if (rc == 1 &&
	    ((lic = json_loads(tg__stmt_text(s, 0), 0, NULL)) == NULL ||
	     json_object_set_new(lic, "status", json_string(tg__stmt_text(s, 1))) < 0 ||
	     json_object_set_new(lic, "under_review", json_boolean(tg__stmt_int64(s, 2))) < 0 ||
	     json_object_set_new(lic, "revoke_reason",
				 tg__stmt_is_null(s, 3) ? json_null() : json_string(tg__stmt_text(s, 3))) < 0))
		rc = tg__oom(err);
	tg__stmt_reset(s);
	if (rc == 1 && (rc = put_items(lic, st, id, err)) == TG_OK)
		*out = lic;
	else
		json_decref(lic);
	return rc < 0 ? rc : TG_OK;
}

static int dump(tg_buf *out, const json_t *v, tg_err *err)
{
	char *t = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
	int rc;
	if (t == NULL)
		return tg__oom(err);
	rc = tg__buf_puts(out, t);
	free(t);
	return rc < 0 ? tg__oom(err) : TG_OK;
}

int tg__license_show(tg_buf *out, const tg__ctx *cx, const char *id, tg_err *err)
{
	json_t *lic;
	int rc;
	if (cx->store == NULL)
		return tg__fail(err, TG_EINVALID, "licences need a store");
	if ((rc = load(&lic, cx->store, id, err)) < 0)
		return rc;
	rc = dump(out, lic, err);
	json_decref(lic);
	return rc;
}

int tg__license_list(tg_buf *out, const tg__ctx *cx, tg_err *err)
{
	tg_store *st = cx->store;
	json_t *arr = json_array(), *doc = json_pack("{s:o}", "licenses", arr);
	tg__stmt *s;
	char **ids = NULL;
	size_t n = 0, i;
	int rc;
	if (st == NULL || doc == NULL) {
		json_decref(doc);
		return st ? tg__oom(err) : tg__fail(err, TG_EINVALID, "licences need a store");
	}
	if ((rc = tg__store_prepare(&s, st, tg__license_show_sql_q3, err)) < 0)
		goto done;
	while ((rc = tg__stmt_step(s, err)) == 1) {
		char **t = tg__realloc(ids, (n + 1) * sizeof(*ids));
		if (t == NULL || (t[n] = tg__strdup(tg__stmt_text(s, 0))) == NULL) {
			ids = t ? t : ids;
			rc = tg__oom(err);
			break;
		}
		ids = t;
		n++;
	}
	tg__stmt_reset(s);
	for (i = 0; i < n && rc >= 0; i++) {
		json_t *lic;
		if ((rc = load(&lic, st, ids[i], err)) == TG_OK && json_array_append_new(arr, lic) < 0)
			rc = tg__oom(err);
	}
	if (rc >= 0)
		rc = dump(out, doc, err);
done:
	for (i = 0; i < n; i++)
		tg__free(ids[i]);
	tg__free(ids);
	json_decref(doc);
	return rc;
}

typedef struct revoke_arg {
	const tg__ctx *cx;
	const char *id, *reason;
} revoke_arg;

static int revoke_txn(void *arg, tg_err *err)
{
	revoke_arg *a = arg;
	tg_store *st = a->cx->store;
	json_t *data;
	char *canon = NULL;
	int rc;
	if ((rc = tg__status_change(st, tg__license_show_sql_sel, tg__license_show_sql_upd, "licence", a->id, "live",
				    a->reason, err)) < 0)
		return rc;
	if ((data = json_pack("{s:s,s:s}", "id", a->id, "reason", a->reason)) == NULL)
		return tg__oom(err);
	if ((rc = tg__canon(&canon, NULL, data, err)) == TG_OK)
		rc = tg__audit_append(st, a->cx->actor, "license.revoke", a->id, canon, err);
	free(canon);
	json_decref(data);
	return rc;
}

int tg__license_revoke(const tg__ctx *cx, const char *id, const char *reason, tg_err *err)
{
	revoke_arg a;
	if (cx->store == NULL)
		return tg__fail(err, TG_EINVALID, "licences need a store");
	if (reason == NULL || *reason == '\0')
		return tg__fail_field(err, TG_EINVALID, "reason", "reason: a revocation needs a reason");
	a.cx = cx;
	a.id = id;
	a.reason = reason;
	return tg__in_txn(cx->store, revoke_txn, &a, err);
}

int tg__license_customers(tg_buf *out, const tg__ctx *cx, tg_err *err)
{
	tg_store *st = cx->store;
	json_t *arr = json_array(), *doc = json_pack("{s:o}", "customers", arr);
	tg__stmt *s;
	int rc;
	if (st == NULL || doc == NULL) {
		json_decref(doc);
		return st ? tg__oom(err) : tg__fail(err, TG_EINVALID, "licences need a store");
	}
	if ((rc = tg__store_prepare(&s, st, tg__license_show_sql_q4, err)) < 0)
		goto done;
	while ((rc = tg__stmt_step(s, err)) == 1)
		if (json_array_append_new(arr, json_pack("{s:s,s:s,s:s,s:s}", "name", tg__stmt_text(s, 0), "role",
							 tg__stmt_text(s, 1), "license_id", tg__stmt_text(s, 2),
							 "destination", tg__stmt_text(s, 3))) < 0) {
			rc = tg__oom(err);
			break;
		}
	tg__stmt_reset(s);
	if (rc >= 0)
		rc = dump(out, doc, err);
done:
	json_decref(doc);
	return rc;
}
