/* SPDX-License-Identifier: Apache-2.0 */
/* The engine facade: loads data, opens the store, builds the screener, and runs checks with group
 * commit. Thin: the logic lives in order.c, decide.c and record.c. */
#include "tg/engine.h"
#include "engine_int.h"
#include "money.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tg/ledger.h"
#include "decide_cache.h"
#include "audit_chain.h"
#include "screen_norm.h"
#include "policy.h"
#include "license.h"
#include "record.h"
#include "clock.h"
#include "store.h"
#include "alloc.h"
#include "buf.h"
#include "err.h"
#include "json.h"

#ifndef TG_DATA_DIR
#define TG_DATA_DIR "."
#endif

#define MEMO_MAX 262144

static const char *data_dir(const tg_engine_opts *o)
{
	const char *env = getenv("TOLLGATE_DATA_DIR");
	if (o && o->data_dir && *o->data_dir)
		return o->data_dir;
	return env && *env ? env : TG_DATA_DIR;
}

int tg_engine_open(tg_engine **out, const tg_engine_opts *opts, tg_err *err)
{
	tg_engine *e;
	char path[1024];
	const char *dir = data_dir(opts);
	int rc;

	*out = NULL;
	if (opts && opts->version != TG_ENGINE_OPTS_VERSION)
		return tg__fail(err, TG_EINVALID, "tg_engine_opts: unsupported version %u", opts->version);
	tg__json_init(); /* before any jansson object exists, so all of them share one allocator */
	if ((e = tg__calloc(1, sizeof(*e))) == NULL)
		return tg__oom(err);
	tg_engine_set_actor(e, NULL);
	snprintf(path, sizeof(path), "%s/catalog/accelerators.json", dir);
	if ((rc = tg_catalog_load(&e->catalog, path, err)) < 0)
		goto fail;
	snprintf(path, sizeof(path), "%s/policy/gates.json", dir);
	if ((rc = tg_gates_load(&e->gates, path, err)) < 0)
		goto fail;
	snprintf(path, sizeof(path), "%s/policy", dir);
	if ((rc = tg_policy_load(&e->policy, path, err)) < 0)
		goto fail;
	if (opts == NULL || !opts->no_store) {
		/* the screener, its memo and the version it was built from, as every later rebuild */
		if ((rc = tg_store_open(&e->store, tg_store_default_path(opts ? opts->db_path : NULL), err)) < 0 ||
		    (rc = tg_engine_reload_screener(e, err)) < 0 ||
		    (rc = tg__policy_version_note(e->store, e->actor, e->policy, err)) < 0)
			goto fail;
	}
	*out = e;
	return TG_OK;
fail:
	tg_engine_free(e);
	return rc;
}

void tg_engine_free(tg_engine *e)
{
	if (e == NULL)
		return;
	tg_screener_free(e->screener);
	tg__pcache_free(e->memo);
	tg_store_free(e->store);
	tg_policy_free(e->policy);
	tg_catalog_free(e->catalog);
	tg__free(e);
}

const tg_catalog *tg_engine_catalog(const tg_engine *e)
{
	return e->catalog;
}
const tg_policy *tg_engine_policy(const tg_engine *e)
{
	return e->policy;
}
const tg_gates *tg_engine_gates(const tg_engine *e)
{
	return &e->gates;
}
tg_store *tg_engine_store(tg_engine *e)
{
	return e->store;
}
const tg_screener *tg_engine_screener(const tg_engine *e)
{
	return e->screener;
}

int tg_engine_screener_stale(tg_engine *e, int *stale, tg_err *err)
{
	int64_t v[2] = {0, 0};
	int rc;
	*stale = 0;
	if (e->store == NULL)
		return TG_OK;
	if ((rc = tg__screen_version(e->store, v, err)) < 0)
		return rc;
	*stale = v[0] != e->scr_ver[0] || v[1] != e->scr_ver[1];
	return TG_OK;
}

int tg_engine_reload_screener(tg_engine *e, tg_err *err)
{
	tg_screener *s = NULL;
	tg__pcache *m = NULL;
	int64_t v[2] = {0, 0};
	int rc;
	if (e->store == NULL)
		return TG_OK;
	if ((rc = tg__screen_version(e->store, v, err)) < 0 || (rc = tg_screener_open(&s, e->store, err)) < 0)
		return rc;
	if (tg__pcache_new(&m, MEMO_MAX) < 0) {
		tg_screener_free(s);
		return tg__oom(err);
	}
	tg_screener_free(e->screener);
	tg__pcache_free(e->memo);
	e->screener = s;
	e->memo = m;
	e->scr_ver[0] = v[0];
	e->scr_ver[1] = v[1];
	return TG_OK;
}

int tg_engine_sync(tg_engine *e, tg_err *err)
{
	return e->store ? tg__store_sync(e->store, err) : TG_OK;
}

void tg_check_result_dispose(tg_check_result *r)
{
	tg_buf_dispose(&r->json);
}

void tg_engine_set_actor(tg_engine *e, const char *actor)
{
	const char *env = getenv("TOLLGATE_ACTOR");
	if (actor == NULL || *actor == '\0')
		actor = env && *env ? env : getenv("USER");
	snprintf(e->actor, sizeof(e->actor), "%s", actor && *actor ? actor : "unknown");
}

const char *tg_engine_actor(const tg_engine *e)
{
	return e->actor;
}

void tg__engine_ctx(tg__ctx *out, tg_engine *e)
{
	out->store = e->store;
	out->actor = e->actor;
	out->catalog = e->catalog;
	out->gates = &e->gates;
	out->screener = e->screener;
}

/* Decide one order and match it against the licences in the store (read-only). */
static int decide_one(tg_check_result *r, tg_decision *d, tg_engine *e, const tg_order *o, const tg_check_opts *opts,
		      tg__license_memo *lic)
{
	tg_decide_ctx ctx = {e->catalog, &e->gates, e->policy, e->screener, e->memo};
	int rc = tg_decide(d, &ctx, o, opts->has_as_of ? opts->as_of : o->date, &r->err);
	if (rc == TG_OK && e->store)
		rc = tg__license_apply(d, e->store, o, lic, &r->err);
	if (rc == TG_OK && (rc = tg_decision_json(&r->json, d)) < 0)
		tg__fail(&r->err, rc, "cannot encode the decision");
	r->verdict = d->verdict;
	return rc;
}

/* The audit entry of a recorded decision (same transaction as the record). */
static int audit_decision(tg_engine *e, const tg_order *o, const tg_decision *d, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	int rc;
	if ((rc = tg__buf_puts(&b, "{\"license\":")) < 0 ||
	    (rc = d->license_id[0] ? tg__buf_put_json_str(&b, d->license_id) : tg__buf_puts(&b, "null")) < 0 ||
	    (rc = tg__buf_printf(&b, ",\"order_hash\":\"%s\",\"order_id\":", o->content_hash)) < 0 ||
	    (rc = tg__buf_put_json_str(&b, o->id)) < 0 ||
	    (rc = tg__buf_printf(&b, ",\"verdict\":\"%s\"}", tg_verdict_name(d->verdict))) < 0)
		rc = tg__fail(err, rc, "audit: cannot encode the decision entry");
	else
		rc = tg__audit_append(e->store, e->actor, "decision", o->id, b.ptr, err);
	tg_buf_dispose(&b);
	return rc;
}

static int check_one(tg_check_result *r, tg_engine *e, const char *text, size_t len, const tg_check_opts *opts,
		     tg_err *batch_err, tg__license_memo *lic)
{
	tg_order *o = NULL;
	tg_decision d;
	int rc, wrote = 0;

	/* Not memset: a decision is ~90 KB of fixed arrays; tg_decide initialises what it uses. */
	d.lines = NULL;
	d.charges = NULL;
	d.nlines = d.ncharges = 0;
	if ((rc = tg_order_parse(&o, text, len, &r->err)) < 0)
		goto done;
	if (opts->record) {
		rc = tg__record_lookup(&r->json, &r->verdict, e->store, o, &r->err);
		if (rc == 1) {
			r->replayed = 1;
			rc = TG_OK;
			goto done;
		}
		if (rc < 0)
			goto done;
	}
	if ((rc = decide_one(r, &d, e, o, opts, lic)) < 0)
		goto done;
	if (opts->record && (rc = tg__record_insert(e->store, o, &d, r->json.ptr, &r->err)) == TG_OK &&
	    (rc = audit_decision(e, o, &d, &r->err)) < 0)
		wrote = 1; /* the record is in, its audit entry is not: the batch must not commit */
done:
	r->code = rc;
	if (rc == TG_EDB || rc == TG_ENOMEM || rc == TG_EINTERNAL)
		*batch_err = r->err; /* a store fault fails the whole batch */
	tg_decision_dispose(&d);
	tg_order_free(o);
	return (rc == TG_EDB || rc == TG_EINTERNAL || wrote) ? rc : TG_OK;
}

int tg_engine_check_many(tg_check_result *res, size_t n, tg_engine *e, const char *const *texts, const size_t *lens,
			 const tg_check_opts *opts, tg_err *err)
{
	tg_check_opts dflt = TG_CHECK_OPTS_INIT;
	tg__license_memo lic; /* what this batch's snapshot says about licences */
	size_t i;
	int rc = TG_OK, snap = 0;

	if (opts == NULL)
		opts = &dflt;
	if (opts->record && e->store == NULL)
		return tg__fail(err, TG_EINVALID, "recording needs a store");
	for (i = 0; i < n; i++)
		memset(&res[i], 0, sizeof(res[i]));
	lic.none_valid = 0;
	if (opts->record) {
		if ((rc = opts->version >= 2 && opts->defer_sync ? tg__store_begin_deferred(e->store, err)
								 : tg__store_begin(e->store, err)) < 0)
			return rc;
		tg__audit_batch_begin(e->store);
	}
	/* Not recording: one read snapshot for the batch (one lock, consistent licence view). */
	if (!opts->record && e->store && n > 1 && (snap = tg__store_read_begin(e->store, err)) < 0)
		return snap;
	for (i = 0; i < n && rc == TG_OK; i++)
		rc = check_one(&res[i], e, texts[i], lens[i], opts, err, &lic);
	if (snap == 1)
		tg__store_read_end(e->store);
	if (opts->record) {
		if (rc == TG_OK && (rc = tg__audit_batch_end(e->store, err)) == TG_OK)
			rc = tg__store_commit(e->store, err);
		else
			tg__store_rollback(e->store);
	}
	if (rc < 0)
		for (i = 0; i < n; i++)
			if (res[i].code == TG_OK) {
				res[i].code = rc;
				res[i].err = *err;
				tg_buf_dispose(&res[i].json);
			}
	return rc;
}

/* ---- Appended for the HTTP API (docs/http.md): proposals awaiting a second person's approval,
 * name matching, the exporter of a recorded order, read-only reports. Thin: the licence, override
 * and ledger logic stays in their modules. The approvals table is in the store's migrations. ---- */

int tg_engine_same_name(const char *a, const char *b)
{
	char na[512], nb[512];
	if (a == NULL || b == NULL)
		return 0;
	tg__name_norm(na, a);
	tg__name_norm(nb, b);
	return na[0] != '\0' && strcmp(na, nb) == 0;
}

int tg_engine_order_exporter(char *out, size_t n, tg_engine *e, const char *order_id, tg_err *err)
{
	return tg__record_exporter(out, n, e->store, order_id, err);
}
