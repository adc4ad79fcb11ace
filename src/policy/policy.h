/* SPDX-License-Identifier: Apache-2.0 */
/* Compiled policy rules, shared by the loader (policy.c, policy_rule.c) and the evaluator (decide.c). */
#ifndef TG_POLICY_INT_H
#define TG_POLICY_INT_H

#include "tg/catalog.h"
#include "tg/dec.h"
#include "tg/order.h"
#include "tg/policy.h"
#include "tg/store.h"

/* A set of ISO countries: bit (c0-'A')*26 + (c1-'A'). */
typedef struct tg__cset {
	uint64_t w[11];
} tg__cset;

/* A country predicate: absent, or "in set" / "not in set". */
typedef struct tg__cpred {
	int in_present, not_present;
	tg__cset in, not_in;
} tg__cpred;

typedef struct tg__party_pred {
	int present;
	unsigned roles;   /* bit per tg_role; 0 = any */
	unsigned sectors; /* bit per tg_sector; 0 = any */
	int state_funded; /* -1 any */
	tg__cpred country, hq;
} tg__party_pred;

typedef struct tg__rule {
	char *id, *jurisdiction, *citation, *confidence, *message, *review, *file;
	tg_date from, to; /* to = last day in force, TG_DATE_NONE = open */
	tg_verdict verdict;
	int fallback;
	char **conditions;
	size_t nconditions;
	int has_charge;
	char *charge_kind;
	tg_dec charge_rate;
	/* predicates (all must hold) */
	unsigned eccn_mask; /* bit0 none, 1 3A090.a, 2 3A090.b, 3 4A090.a, 4 4A090.b; 0 = any */
	char **items, **items_not;
	size_t nitems, nitems_not;
	int datacenter, cbc_gate, h200_class, ai_chip, tariff_band; /* -1 = any */
	tg__cpred designer, destination, ship_from;
	unsigned end_use, end_use_not; /* bit per tg_end_use; 0 = any / none */
	tg__party_pred party;
	char **override_ids; /* as written in the file */
	size_t *overrides;   /* indices of rules this one supersedes when both match */
	size_t noverrides;
} tg__rule;

/* A jurisdiction and when it applies (by destination). */
typedef struct tg__jurisdiction {
	char *name;
	tg__cpred applies; /* destination predicate; absent = always */
} tg__jurisdiction;

struct tg_policy {
	tg__rule *rules;
	size_t nrules;
	tg__jurisdiction juris[8];
	size_t njuris;
	char hash[65]; /* SHA-256 over every file's name and content, in load order */
};

/* Country-set helpers. */
int tg__cset_has(const tg__cset *s, const char cc[3]);
int tg__cpred_ok(const tg__cpred *p, const char cc[3]);

/* Index of the ECCN bit for a classification's eccn (NULL = 0). */
unsigned tg__eccn_bit(const char *eccn);

/* Schema steps (policy_store.c), listed in order by engine/engine_schema.c. */
extern const char tg__policy_schema_1[];

/* A policy version not seen before is recorded in policy_versions and audited ("policy"), in one
 * transaction. */
int tg__policy_version_note(tg_store *st, const char *actor, const tg_policy *policy, tg_err *err);

#endif
