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
#include "screen.h"
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

/* A policy version not seen before is recorded and audited ("policy change"), in one transaction. */
static int note_policy_version(tg_engine *e, tg_err *err)
{
	static const char ins[] = "INSERT INTO policy_versions (hash, rules, first_seen) VALUES (?, ?, ?)"
				  " ON CONFLICT DO NOTHING";
	const char *hash = tg_policy_hash(e->policy);
	tg__stmt *s;
	char now[21], data[128];
	int rc;
	if ((rc = tg__store_begin(e->store, err)) < 0)
		return rc;
	if ((rc = tg__store_prepare(&s, e->store, ins, err)) < 0)
		goto fail;
	tg__utc_now(now);
	tg__stmt_bind_text(s, 1, hash, -1);
	tg__stmt_bind_int64(s, 2, (int64_t)tg_policy_rule_count(e->policy));
	tg__stmt_bind_text(s, 3, now, -1);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	if (rc < 0)
		goto fail;
	if (tg__store_changes(e->store) == 1) {
		snprintf(data, sizeof(data), "{\"rules\":%zu}", tg_policy_rule_count(e->policy));
		if ((rc = tg__audit_append(e->store, e->actor, "policy", hash, data, err)) < 0)
			goto fail;
	}
	return tg__store_commit(e->store, err);
fail:
	tg__store_rollback(e->store);
	return rc;
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
		    (rc = tg_engine_reload_screener(e, err)) < 0 || (rc = note_policy_version(e, err)) < 0)
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

const tg_catalog *tg_engine_catalog(const tg_engine *e) { return e->catalog; }
const tg_policy *tg_engine_policy(const tg_engine *e) { return e->policy; }
const tg_gates *tg_engine_gates(const tg_engine *e) { return &e->gates; }
tg_store *tg_engine_store(tg_engine *e) { return e->store; }
const tg_screener *tg_engine_screener(const tg_engine *e) { return e->screener; }

/* What the screener is built from: the newest list snapshot and the newest override decision. */
static int screening_version(tg_engine *e, int64_t v[2], tg_err *err)
{
	static const char sql[] = "SELECT (SELECT COALESCE(MAX(id), 0) FROM list_snapshots),"
				  " (SELECT COALESCE(MAX(id), 0) FROM screen_overrides)";
	tg__stmt *s;
	int rc;
	if ((rc = tg__store_prepare(&s, e->store, sql, err)) < 0)
		return rc;
	if ((rc = tg__stmt_step(s, err)) == 1) {
		v[0] = tg__stmt_int64(s, 0);
		v[1] = tg__stmt_int64(s, 1);
	}
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}

int tg_engine_screener_stale(tg_engine *e, int *stale, tg_err *err)
{
	int64_t v[2] = {0, 0};
	int rc;
	*stale = 0;
	if (e->store == NULL)
		return TG_OK;
	if ((rc = screening_version(e, v, err)) < 0)
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
	if ((rc = screening_version(e, v, err)) < 0 || (rc = tg_screener_open(&s, e->store, err)) < 0)
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

const char *tg_engine_actor(const tg_engine *e) { return e->actor; }

void tg__engine_ctx(tg__ctx *out, tg_engine *e)
{
	out->store = e->store;
	out->actor = e->actor;
	out->catalog = e->catalog;
	out->gates = &e->gates;
	out->screener = e->screener;
}

/* Decide one order and match it against the licences in the store (read-only). */
static int decide_one(tg_check_result *r, tg_decision *d, tg_engine *e, const tg_order *o,
		      const tg_check_opts *opts, tg__license_memo *lic)
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

int tg_engine_check_many(tg_check_result *res, size_t n, tg_engine *e, const char *const *texts,
			 const size_t *lens, const tg_check_opts *opts, tg_err *err)
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

static int approvals_ready(tg_engine *e, const char *kind, tg_err *err)
{
	if (e->store == NULL)
		return tg__fail(err, TG_EINVALID, "proposals need a store");
	if (kind == NULL || (strcmp(kind, "license") != 0 && strcmp(kind, "override") != 0))
		return tg__fail_field(err, TG_EINVALID, "kind", "kind: expected license or override");
	return TG_OK;
}

static int put_kv(tg_buf *b, const char *sep_key, const char *val)
{
	int rc = tg__buf_puts(b, sep_key);
	if (rc == TG_OK)
		rc = val ? tg__buf_put_json_str(b, val) : tg__buf_puts(b, "null");
	return rc;
}

#define PROP_COLS "kind, subject, status, proposer, proposed_at, decided_by, decided_at, body"

static int proposal_row(tg_buf *b, tg__stmt *s)
{
	static const char *const keys[] = {"{\"kind\":", ",\"id\":", ",\"status\":", ",\"proposer\":",
					   ",\"proposed_at\":", ",\"decided_by\":", ",\"decided_at\":"};
	int i, rc = TG_OK;
	for (i = 0; i < 7 && rc == TG_OK; i++)
		rc = put_kv(b, keys[i], tg__stmt_is_null(s, i) ? NULL : tg__stmt_text(s, i));
	if (rc == TG_OK && (rc = tg__buf_puts(b, ",\"body\":")) == TG_OK && (rc = tg__buf_puts(b, tg__stmt_text(s, 7))) == TG_OK)
		rc = tg__buf_puts(b, "}");
	return rc;
}

int tg_engine_proposal(tg_buf *out, tg_engine *e, const char *kind, const char *id, tg_err *err)
{
	static const char sql[] = "SELECT " PROP_COLS " FROM approvals WHERE kind = ? AND subject = ?";
	tg__stmt *s;
	int rc;
	if ((rc = approvals_ready(e, kind, err)) < 0 || (rc = tg__store_prepare(&s, e->store, sql, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, kind, -1);
	tg__stmt_bind_text(s, 2, id ? id : "", -1);
	if ((rc = tg__stmt_step(s, err)) == 1)
		rc = proposal_row(out, s) < 0 ? tg__oom(err) : TG_OK;
	else if (rc == 0)
		rc = tg__fail_field(err, TG_ENOTFOUND, "id", "no %s proposal %s", kind, id ? id : "");
	tg__stmt_reset(s);
	return rc;
}

int tg_engine_proposals(tg_buf *out, tg_engine *e, const char *kind, int pending_only, tg_err *err)
{
	static const char sql[] = "SELECT " PROP_COLS " FROM approvals WHERE kind = ? AND (? = 0 OR status = 'pending')"
				  " ORDER BY seq";
	tg__stmt *s;
	int rc, n = 0;
	if ((rc = approvals_ready(e, kind, err)) < 0 || (rc = tg__store_prepare(&s, e->store, sql, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, kind, -1);
	tg__stmt_bind_int64(s, 2, pending_only ? 1 : 0);
	rc = tg__buf_puts(out, "{\"proposals\":[");
	while (rc == TG_OK && (rc = tg__stmt_step(s, err)) == 1)
		if ((rc = tg__buf_puts(out, n++ ? "," : "")) == TG_OK)
			rc = proposal_row(out, s);
	tg__stmt_reset(s);
	if (rc == 0)
		rc = tg__buf_puts(out, "]}");
	return rc == TG_ENOMEM ? tg__oom(err) : rc;
}

/* Insert a proposal, or 1 when the same subject is there with the same body (a replay). */
static int proposal_insert(tg_engine *e, const char *kind, const char *subject, const char *canon,
			   const char *hash, tg_err *err)
{
	static const char q[] = "SELECT body_hash FROM approvals WHERE kind = ? AND subject = ?";
	static const char ins[] = "INSERT INTO approvals (kind, subject, body, body_hash, proposer, proposed_at, status,"
				  " seq) VALUES (?, ?, ?, ?, ?, ?, 'pending', (SELECT COALESCE(MAX(seq), 0) + 1 FROM approvals))";
	tg__stmt *s;
	char now[21];
	int rc;
	if ((rc = tg__store_prepare(&s, e->store, q, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, kind, -1);
	tg__stmt_bind_text(s, 2, subject, -1);
	rc = tg__stmt_step(s, err);
	if (rc == 1)
		rc = strcmp(tg__stmt_text(s, 0), hash) == 0
			     ? 1 : tg__fail_field(err, TG_ECONFLICT, "id", "%s %s: proposed before with other content", kind, subject);
	tg__stmt_reset(s);
	if (rc != 0 || (rc = tg__store_prepare(&s, e->store, ins, err)) < 0)
		return rc;
	tg__utc_now(now);
	tg__stmt_bind_text(s, 1, kind, -1);
	tg__stmt_bind_text(s, 2, subject, -1);
	tg__stmt_bind_text(s, 3, canon, -1);
	tg__stmt_bind_text(s, 4, hash, -1);
	tg__stmt_bind_text(s, 5, e->actor, -1);
	tg__stmt_bind_text(s, 6, now, -1);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	return rc < 0 ? rc : 0;
}

/* The subject of a numbered proposal: the pending one with the same body by the same actor, else the next. */
static int proposal_number(char out[32], tg_engine *e, const char *kind, const char *hash, tg_err *err)
{
	static const char q[] = "SELECT subject FROM approvals WHERE kind = ? AND body_hash = ? AND proposer = ?"
				" AND status = 'pending'";
	static const char next[] = "SELECT COALESCE(MAX(seq), 0) + 1 FROM approvals";
	tg__stmt *s;
	int rc;
	if ((rc = tg__store_prepare(&s, e->store, q, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, kind, -1);
	tg__stmt_bind_text(s, 2, hash, -1);
	tg__stmt_bind_text(s, 3, e->actor, -1);
	if ((rc = tg__stmt_step(s, err)) == 1)
		snprintf(out, 32, "%s", tg__stmt_text(s, 0));
	tg__stmt_reset(s);
	if (rc != 0 || (rc = tg__store_prepare(&s, e->store, next, err)) < 0)
		return rc < 0 ? rc : TG_OK;
	if ((rc = tg__stmt_step(s, err)) == 1)
		snprintf(out, 32, "%lld", (long long)tg__stmt_int64(s, 0));
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}

/* Audit entry <kind>.<what> with data {key: value}. */
static int audit_kv(tg_engine *e, const char *kind, const char *what, const char *subject, const char *key,
		    json_t *value, tg_err *err)
{
	char ak[32], hash[65], *canon = NULL;
	json_t *d = json_object();
	int rc;
	snprintf(ak, sizeof(ak), "%s.%s", kind, what);
	if (d == NULL || json_object_set_new(d, key, value) < 0) {
		json_decref(d);
		return tg__oom(err);
	}
	if ((rc = tg__canon(&canon, hash, d, err)) == TG_OK)
		rc = tg__audit_append(e->store, e->actor, ak, subject, canon, err);
	free(canon);
	json_decref(d);
	return rc;
}

int tg_engine_propose(tg_buf *out, tg_engine *e, const char *kind, const char *subject, const char *json,
		      size_t len, tg_err *err)
{
	char hash[65], num[32] = "", *canon = NULL;
	json_t *j;
	int rc;
	if ((rc = approvals_ready(e, kind, err)) < 0)
		return rc;
	j = json_loadb(json ? json : "", len, 0, NULL);
	if (!json_is_object(j)) {
		json_decref(j);
		return tg__fail_field(err, TG_EINVALID, "body", "body: expected a JSON object");
	}
	rc = tg__canon(&canon, hash, j, err);
	if (rc == TG_OK && (rc = tg__store_begin(e->store, err)) == TG_OK) {
		if (subject == NULL || *subject == '\0')
			rc = proposal_number(num, e, kind, hash, err), subject = num;
		if (rc == TG_OK && (rc = proposal_insert(e, kind, subject, canon, hash, err)) == 0)
			rc = audit_kv(e, kind, "propose", subject, "body", json_incref(j), err);
		if (rc >= 0)
			rc = tg__store_commit(e->store, err);
		else
			tg__store_rollback(e->store);
	}
	free(canon);
	json_decref(j);
	return rc < 0 ? rc : tg_engine_proposal(out, e, kind, subject, err);
}

/* Load a pending proposal for approval: its body (malloc'd) and proposer. */
static int proposal_load(char **body, char proposer[128], tg_engine *e, const char *kind, const char *id,
			 tg_err *err)
{
	static const char q[] = "SELECT status, proposer, body FROM approvals WHERE kind = ? AND subject = ?";
	tg__stmt *s;
	int rc;
	*body = NULL;
	if ((rc = tg__store_prepare(&s, e->store, q, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, kind, -1);
	tg__stmt_bind_text(s, 2, id, -1);
	if ((rc = tg__stmt_step(s, err)) == 0)
		rc = tg__fail_field(err, TG_ENOTFOUND, "id", "no %s proposal %s", kind, id);
	else if (rc == 1 && strcmp(tg__stmt_text(s, 0), "pending") != 0)
		rc = tg__fail_field(err, TG_ECONFLICT, "id", "%s proposal %s is already %s", kind, id, tg__stmt_text(s, 0));
	else if (rc == 1 && strcmp(tg__stmt_text(s, 1), e->actor) == 0)
		rc = tg__fail_field(err, TG_EREFUSED, "approver",
				    "separation of duties: %s proposed %s %s and may not approve it", e->actor, kind, id);
	else if (rc == 1) {
		snprintf(proposer, 128, "%s", tg__stmt_text(s, 1));
		rc = (*body = tg__strdup(tg__stmt_text(s, 2))) ? TG_OK : tg__oom(err);
	}
	tg__stmt_reset(s);
	return rc;
}

int tg_engine_approve(tg_engine *e, const char *kind, const char *id, tg_engine_apply_fn apply, void *arg,
		      tg_err *err)
{
	static const char upd[] = "UPDATE approvals SET status = 'approved', decided_by = ?, decided_at = ?"
				  " WHERE kind = ? AND subject = ?";
	char proposer[128], now[21], *body = NULL;
	tg__stmt *s;
	int rc;
	if ((rc = approvals_ready(e, kind, err)) < 0 || (rc = tg__store_begin(e->store, err)) < 0)
		return rc;
	if ((rc = proposal_load(&body, proposer, e, kind, id ? id : "", err)) == TG_OK)
		rc = apply(arg, body, proposer, err);
	if (rc >= 0 && (rc = tg__store_prepare(&s, e->store, upd, err)) == TG_OK) {
		tg__utc_now(now);
		tg__stmt_bind_text(s, 1, e->actor, -1);
		tg__stmt_bind_text(s, 2, now, -1);
		tg__stmt_bind_text(s, 3, kind, -1);
		tg__stmt_bind_text(s, 4, id, -1);
		rc = tg__stmt_step(s, err);
		tg__stmt_reset(s);
		if (rc >= 0)
			rc = audit_kv(e, kind, "approve", id, "proposer", json_string(proposer), err);
	}
	free(body);
	if (rc < 0) {
		tg__store_rollback(e->store);
		return rc;
	}
	return tg__store_commit(e->store, err);
}

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
	static const char q[] = "SELECT exporter FROM decisions WHERE order_id = ?";
	tg__stmt *s;
	int rc;
	if (e->store == NULL)
		return tg__fail(err, TG_EINVALID, "needs a store");
	if ((rc = tg__store_prepare(&s, e->store, q, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, order_id ? order_id : "", -1);
	if ((rc = tg__stmt_step(s, err)) == 1)
		snprintf(out, n, "%s", tg__stmt_text(s, 0));
	else if (rc == 0)
		rc = tg__fail_field(err, TG_ENOTFOUND, "order_id", "no recorded decision for order %s", order_id ? order_id : "");
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}

/* One report: its query (key filter as parameters 1 and 2; the first is CAST, else PostgreSQL cannot type
 * it; norm: the key is an exporter name, compared normalised), array key, and column names (a leading
 * '#' = integer, '!' = boolean, '$' = minor units formatted in the currency of column 3, '@' = stored JSON text). */
static const struct report_def {
	const char *name, *sql, *key, *cols[9];
	int norm;
} reports[] = {
	{"diversion", "SELECT d.id, d.serial, d.seen_at, d.note, d.shipment_id, d.license_id, d.consignee, d.flagged,"
		      " d.recorded_at FROM diversion_reports d LEFT JOIN shipments s ON s.shipment_id = d.shipment_id"
		      " WHERE CAST(? AS TEXT) IS NULL OR s.exporter_norm = ? ORDER BY d.id",
	 "reports", {"#id", "serial", "seen_at", "note", "shipment_id", "license_id", "consignee", "!flagged", "recorded_at"}, 1},
	{"us-volume", "SELECT exporter, item, period, quantity FROM us_volume"
		      " WHERE CAST(? AS TEXT) IS NULL OR exporter_norm = ? ORDER BY exporter_norm, item, period",
	 "us_volume", {"exporter", "item", "period", "#quantity"}, 1},
	{"china-volume", "SELECT exporter_norm, item, quantity FROM cn_volume"
			 " WHERE CAST(? AS TEXT) IS NULL OR exporter_norm = ? ORDER BY exporter_norm, item",
	 "china_volume", {"exporter_norm", "item", "#quantity"}, 1},
	{"remittances", "SELECT substr(txn, 7), exporter, kind, currency, amount, date FROM ledger_lines"
			" WHERE txn LIKE 'remit:%' AND account = 'charges_payable'"
			" AND (CAST(? AS TEXT) IS NULL OR exporter_norm = ?)"
			" ORDER BY date, id", "remittances", {"ref", "exporter", "kind", "currency", "$amount", "date"}, 1},
	{"certificate", "SELECT certificate_id, lab, date, item, result, recorded_at, cert_json FROM certificates"
			" WHERE CAST(? AS TEXT) IS NULL OR certificate_id = ?", "certificates",
	 {"certificate_id", "lab", "date", "item", "result", "recorded_at", "@certificate"}, 0},
	{"review", "SELECT order_id, exporter, as_of, recorded_at, decision_json FROM decisions WHERE verdict = 'review'"
		   " AND (CAST(? AS TEXT) IS NULL OR exporter = ?) ORDER BY recorded_at, order_id", "decisions",
	 {"order_id", "exporter", "as_of", "recorded_at", "@decision"}, 0},
};

static int report_row(tg_buf *b, tg__stmt *s, const struct report_def *r)
{
	int i, rc = tg__buf_putc(b, '{');
	for (i = 0; rc == TG_OK && i < 9 && r->cols[i]; i++) {
		const char *c = r->cols[i], *name = strchr("#!$@", *c) ? c + 1 : c;
		if ((rc = tg__buf_printf(b, "%s\"%s\":", i ? "," : "", name)) < 0)
			break;
		if (tg__stmt_is_null(s, i))
			rc = tg__buf_puts(b, "null");
		else if (*c == '#')
			rc = tg__buf_printf(b, "%lld", (long long)tg__stmt_int64(s, i));
		else if (*c == '!')
			rc = tg__buf_puts(b, tg__stmt_int64(s, i) ? "true" : "false");
		else if (*c == '$') {
			if ((rc = tg__buf_putc(b, '"')) == TG_OK &&
			    (rc = tg__money_put(b, tg__stmt_int64(s, i), tg__stmt_text(s, 3))) == TG_OK)
				rc = tg__buf_putc(b, '"');
		} else if (*c == '@')
			rc = tg__buf_puts(b, tg__stmt_text(s, i));
		else
			rc = tg__buf_put_json_str(b, tg__stmt_text(s, i));
	}
	return rc == TG_OK ? tg__buf_putc(b, '}') : rc;
}

static int report_one(tg_buf *out, tg_engine *e, const struct report_def *r, const char *exporter, tg_err *err)
{
	char norm[512];
	const char *key = exporter;
	tg__stmt *s;
	int rc, n = 0;
	if (exporter && r->norm) {
		tg__name_norm(norm, exporter);
		key = norm;
	}
	if ((rc = tg__store_prepare(&s, e->store, r->sql, err)) < 0)
		return rc;
	if (key) {
		tg__stmt_bind_text(s, 1, key, -1);
		tg__stmt_bind_text(s, 2, key, -1);
	}
	rc = tg__buf_printf(out, "\"%s\":[", r->key);
	while (rc == TG_OK && (rc = tg__stmt_step(s, err)) == 1)
		if ((rc = tg__buf_puts(out, n++ ? "," : "")) == TG_OK)
			rc = report_row(out, s, r);
	tg__stmt_reset(s);
	if (rc == 0)
		rc = tg__buf_putc(out, ']');
	return rc == TG_ENOMEM ? tg__oom(err) : rc;
}

int tg_engine_report(tg_buf *out, tg_engine *e, const char *name, const char *exporter, tg_err *err)
{
	int us = name && strcmp(name, "us-volume") == 0, rc;
	size_t i;
	if (e->store == NULL)
		return tg__fail(err, TG_EINVALID, "reports need a store");
	for (i = 0; i < sizeof(reports) / sizeof(reports[0]); i++)
		if (name && strcmp(reports[i].name, name) == 0)
			break;
	if (i == sizeof(reports) / sizeof(reports[0]) || strcmp(name, "china-volume") == 0)
		return tg__fail_field(err, TG_EINVALID, "report", "unknown report %s", name ? name : "");
	if ((rc = tg__buf_putc(out, '{')) < 0 || (rc = report_one(out, e, &reports[i], exporter, err)) < 0)
		return rc;
	if (us && ((rc = tg__buf_putc(out, ',')) < 0 || (rc = report_one(out, e, &reports[i + 1], exporter, err)) < 0))
		return rc;
	return tg__buf_putc(out, '}');
}
