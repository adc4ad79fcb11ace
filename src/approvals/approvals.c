/* SPDX-License-Identifier: Apache-2.0 */
/* Proposals awaiting a second person's approval (licences, overrides): propose, list, show, approve and
 * apply in one transaction. Separation of duties: nobody approves their own proposal. */
#include "approvals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "audit_chain.h"
#include "clock.h"
#include "store.h"
#include "alloc.h"
#include "buf.h"
#include "err.h"
#include "json.h"

static int approvals_ready(const tg__ctx *cx, const char *kind, tg_err *err)
{
	if (cx->store == NULL)
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

static int proposal_row(tg_buf *b, tg__stmt *s)
{
	static const char *const keys[] = {"{\"kind\":",        ",\"id\":",         ",\"status\":",    ",\"proposer\":",
					   ",\"proposed_at\":", ",\"decided_by\":", ",\"decided_at\":"};
	int i, rc = TG_OK;
	for (i = 0; i < 7 && rc == TG_OK; i++)
		rc = put_kv(b, keys[i], tg__stmt_is_null(s, i) ? NULL : tg__stmt_text(s, i));
	if (rc == TG_OK && (rc = tg__buf_puts(b, ",\"body\":")) == TG_OK &&
	    (rc = tg__buf_puts(b, tg__stmt_text(s, 7))) == TG_OK)
		rc = tg__buf_puts(b, "}");
	return rc;
}

int tg__approvals_proposal(tg_buf *out, const tg__ctx *cx, const char *kind, const char *id, tg_err *err)
{
	tg__stmt *s;
	int rc;
	if ((rc = approvals_ready(cx, kind, err)) < 0 ||
	    (rc = tg__store_prepare(&s, cx->store, tg__approvals_sql_one, err)) < 0)
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

int tg__approvals_proposals(tg_buf *out, const tg__ctx *cx, const char *kind, int pending_only, tg_err *err)
{
	tg__stmt *s;
	int rc, n = 0;
	if ((rc = approvals_ready(cx, kind, err)) < 0 ||
	    (rc = tg__store_prepare(&s, cx->store, tg__approvals_sql_list, err)) < 0)
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
static int proposal_insert(const tg__ctx *cx, const char *kind, const char *subject, const char *canon,
			   const char *hash, tg_err *err)
{
	tg__stmt *s;
	char now[21];
	int rc;
	if ((rc = tg__store_prepare(&s, cx->store, tg__approvals_sql_q, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, kind, -1);
	tg__stmt_bind_text(s, 2, subject, -1);
	rc = tg__stmt_step(s, err);
	if (rc == 1)
		rc = strcmp(tg__stmt_text(s, 0), hash) == 0
			     ? 1
			     : tg__fail_field(err, TG_ECONFLICT, "id", "%s %s: proposed before with other content",
					      kind, subject);
	tg__stmt_reset(s);
	if (rc != 0 || (rc = tg__store_prepare(&s, cx->store, tg__approvals_sql_ins, err)) < 0)
		return rc;
	tg__utc_now(now);
	tg__stmt_bind_text(s, 1, kind, -1);
	tg__stmt_bind_text(s, 2, subject, -1);
	tg__stmt_bind_text(s, 3, canon, -1);
	tg__stmt_bind_text(s, 4, hash, -1);
	tg__stmt_bind_text(s, 5, cx->actor, -1);
	tg__stmt_bind_text(s, 6, now, -1);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	return rc < 0 ? rc : 0;
}

/* The subject of a numbered proposal: the pending one with the same body by the same actor, else the next. */
static int proposal_number(char out[32], const tg__ctx *cx, const char *kind, const char *hash, tg_err *err)
{
	tg__stmt *s;
	int rc;
	if ((rc = tg__store_prepare(&s, cx->store, tg__approvals_sql_q2, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, kind, -1);
	tg__stmt_bind_text(s, 2, hash, -1);
	tg__stmt_bind_text(s, 3, cx->actor, -1);
	if ((rc = tg__stmt_step(s, err)) == 1)
		snprintf(out, 32, "%s", tg__stmt_text(s, 0));
	tg__stmt_reset(s);
	if (rc != 0 || (rc = tg__store_prepare(&s, cx->store, tg__approvals_sql_next, err)) < 0)
		return rc < 0 ? rc : TG_OK;
	if ((rc = tg__stmt_step(s, err)) == 1)
		snprintf(out, 32, "%lld", (long long)tg__stmt_int64(s, 0));
	tg__stmt_reset(s);
	return rc < 0 ? rc : TG_OK;
}

/* Audit entry <kind>.<what> with data {key: value}. */
static int audit_kv(const tg__ctx *cx, const char *kind, const char *what, const char *subject, const char *key,
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
		rc = tg__audit_append(cx->store, cx->actor, ak, subject, canon, err);
	free(canon);
	json_decref(d);
	return rc;
}

int tg__approvals_propose(tg_buf *out, const tg__ctx *cx, const char *kind, const char *subject, const char *json,
			  size_t len, tg_err *err)
{
	char hash[65], num[32] = "", *canon = NULL;
	json_t *j;
	int rc;
	if ((rc = approvals_ready(cx, kind, err)) < 0)
		return rc;
	j = json_loadb(json ? json : "", len, 0, NULL);
	if (!json_is_object(j)) {
		json_decref(j);
		return tg__fail_field(err, TG_EINVALID, "body", "body: expected a JSON object");
	}
	rc = tg__canon(&canon, hash, j, err);
	if (rc == TG_OK && (rc = tg__store_begin(cx->store, err)) == TG_OK) {
		if (subject == NULL || *subject == '\0')
			rc = proposal_number(num, cx, kind, hash, err), subject = num;
		if (rc == TG_OK && (rc = proposal_insert(cx, kind, subject, canon, hash, err)) == 0)
			rc = audit_kv(cx, kind, "propose", subject, "body", json_incref(j), err);
		if (rc >= 0)
			rc = tg__store_commit(cx->store, err);
		else
			tg__store_rollback(cx->store);
	}
	free(canon);
	json_decref(j);
	return rc < 0 ? rc : tg__approvals_proposal(out, cx, kind, subject, err);
}

/* Load a pending proposal for approval: its body (malloc'd) and proposer. */
static int proposal_load(char **body, char proposer[128], const tg__ctx *cx, const char *kind, const char *id,
			 tg_err *err)
{
	tg__stmt *s;
	int rc;
	*body = NULL;
	if ((rc = tg__store_prepare(&s, cx->store, tg__approvals_sql_q3, err)) < 0)
		return rc;
	tg__stmt_bind_text(s, 1, kind, -1);
	tg__stmt_bind_text(s, 2, id, -1);
	if ((rc = tg__stmt_step(s, err)) == 0)
		rc = tg__fail_field(err, TG_ENOTFOUND, "id", "no %s proposal %s", kind, id);
	else if (rc == 1 && strcmp(tg__stmt_text(s, 0), "pending") != 0)
		rc = tg__fail_field(err, TG_ECONFLICT, "id", "%s proposal %s is already %s", kind, id,
				    tg__stmt_text(s, 0));
	else if (rc == 1 && strcmp(tg__stmt_text(s, 1), cx->actor) == 0)
		rc = tg__fail_field(err, TG_EREFUSED, "approver",
				    "separation of duties: %s proposed %s %s and may not approve it", cx->actor, kind,
				    id);
	else if (rc == 1) {
		snprintf(proposer, 128, "%s", tg__stmt_text(s, 1));
		rc = (*body = tg__strdup(tg__stmt_text(s, 2))) ? TG_OK : tg__oom(err);
	}
	tg__stmt_reset(s);
	return rc;
}

int tg__approvals_approve(const tg__ctx *cx, const char *kind, const char *id, tg__approvals_apply_fn apply, void *arg,
			  tg_err *err)
{
	char proposer[128], now[21], *body = NULL;
	tg__stmt *s;
	int rc;
	if ((rc = approvals_ready(cx, kind, err)) < 0 || (rc = tg__store_begin(cx->store, err)) < 0)
		return rc;
	if ((rc = proposal_load(&body, proposer, cx, kind, id ? id : "", err)) == TG_OK)
		rc = apply(arg, body, proposer, err);
	if (rc >= 0 && (rc = tg__store_prepare(&s, cx->store, tg__approvals_sql_upd, err)) == TG_OK) {
		tg__utc_now(now);
		tg__stmt_bind_text(s, 1, cx->actor, -1);
		tg__stmt_bind_text(s, 2, now, -1);
		tg__stmt_bind_text(s, 3, kind, -1);
		tg__stmt_bind_text(s, 4, id, -1);
		rc = tg__stmt_step(s, err);
		tg__stmt_reset(s);
		if (rc >= 0)
			rc = audit_kv(cx, kind, "approve", id, "proposer", json_string(proposer), err);
	}
	free(body);
	if (rc < 0) {
		tg__store_rollback(cx->store);
		return rc;
	}
	return tg__store_commit(cx->store, err);
}
