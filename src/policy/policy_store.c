/* SPDX-License-Identifier: Apache-2.0 */
/* The policy module's data: its schema steps (and, as it grows, all of its SQL). */
#include "policy.h"

#include <stdio.h>
#include "audit_chain.h"
#include "clock.h"
#include "store.h"

/* ---- schema steps: applied once each, in the order of engine/engine_schema.c; never edit a step
 * that has shipped, add a new version ---- */

/* Policy versions seen by the engine (SHA-256 over the policy files): a new one is audited. */
const char tg__policy_schema_1[] = "CREATE TABLE policy_versions (hash TEXT PRIMARY KEY, rules INTEGER NOT NULL,"
				   " first_seen TEXT NOT NULL);";

/* A policy version not seen before is recorded and audited ("policy change"), in one transaction. */
int tg__policy_version_note(tg_store *st, const char *actor, const tg_policy *policy, tg_err *err)
{
	static const char ins[] = "INSERT INTO policy_versions (hash, rules, first_seen) VALUES (?, ?, ?)"
				  " ON CONFLICT DO NOTHING";
	const char *hash = tg_policy_hash(policy);
	tg__stmt *s;
	char now[21], data[128];
	int rc;
	if ((rc = tg__store_begin(st, err)) < 0)
		return rc;
	if ((rc = tg__store_prepare(&s, st, ins, err)) < 0)
		goto fail;
	tg__utc_now(now);
	tg__stmt_bind_text(s, 1, hash, -1);
	tg__stmt_bind_int64(s, 2, (int64_t)tg_policy_rule_count(policy));
	tg__stmt_bind_text(s, 3, now, -1);
	rc = tg__stmt_step(s, err);
	tg__stmt_reset(s);
	if (rc < 0)
		goto fail;
	if (tg__store_changes(st) == 1) {
		snprintf(data, sizeof(data), "{\"rules\":%zu}", tg_policy_rule_count(policy));
		if ((rc = tg__audit_append(st, actor, "policy", hash, data, err)) < 0)
			goto fail;
	}
	return tg__store_commit(st, err);
fail:
	tg__store_rollback(st);
	return rc;
}
