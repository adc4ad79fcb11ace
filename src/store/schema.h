/* SPDX-License-Identifier: Apache-2.0 */
/* Schema steps per module (portable SQL). Referenced by migrations.c. */
#ifndef TG_STORE_SCHEMA_H
#define TG_STORE_SCHEMA_H

/* Recorded decisions: one row per order id; content_hash is SHA-256 of the order's canonical JSON. */
#define TG__SCHEMA_DECISIONS_1                                                                          \
	"CREATE TABLE decisions ("                                                                      \
	" order_id TEXT PRIMARY KEY,"                                                                   \
	" content_hash TEXT NOT NULL,"                                                                  \
	" as_of TEXT NOT NULL,"                                                                         \
	" verdict TEXT NOT NULL,"                                                                       \
	" exporter TEXT NOT NULL,"                                                                      \
	" order_json TEXT NOT NULL,"                                                                    \
	" decision_json TEXT NOT NULL,"                                                                 \
	" recorded_at TEXT NOT NULL);"                                                                  \
	"CREATE INDEX decisions_verdict ON decisions (verdict);"

/* Only the review queue looks decisions up by verdict: a partial index over the review decisions
 * replaces the index over every verdict, whose four hot leaf pages every recorded batch rewrote
 * (a quarter of the pages a small group commit writes to the WAL). */
#define TG__SCHEMA_DECISIONS_2                                                                          \
	"DROP INDEX decisions_verdict;"                                                                 \
	"CREATE INDEX decisions_review ON decisions (recorded_at, order_id) WHERE verdict = 'review';"

/* Policy versions seen by the engine (SHA-256 over the policy files): a new one is audited. */
#define TG__SCHEMA_POLICY_1                                                                             \
	"CREATE TABLE policy_versions (hash TEXT PRIMARY KEY, rules INTEGER NOT NULL,"                  \
	" first_seen TEXT NOT NULL);"

/* Proposals awaiting a second person's approval (licences, overrides): separation of duties. */
#define TG__SCHEMA_APPROVALS_1                                                                          \
	"CREATE TABLE approvals (kind TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL,"         \
	" body_hash TEXT NOT NULL, proposer TEXT NOT NULL, proposed_at TEXT NOT NULL, status TEXT NOT NULL," \
	" decided_by TEXT, decided_at TEXT, seq INTEGER NOT NULL, PRIMARY KEY (kind, subject));"

#endif
