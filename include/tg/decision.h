/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/decision.h
 * @brief Decisions: the verdict on an order under the policy in force on a date, with every reason
 *        cited, the conditions that attach and the charges that accrue.
 */
#ifndef TG_DECISION_H
#define TG_DECISION_H

#include "tg/buf.h"
#include "tg/catalog.h"
#include "tg/dec.h"
#include "tg/order.h"
#include "tg/policy.h"
#include "tg/screen.h"

/** One cited reason. `lines` lists the order lines it applies to ("" for order-wide reasons). */
typedef struct tg_reason {
	char rule[64];
	char jurisdiction[16];
	char citation[256];
	char confidence[16];
	char message[384];
	tg_verdict verdict; /**< what this reason contributes */
	char lines[64];     /**< comma-separated line indices, e.g. "0,2" */
	int informational;  /**< 1 when it does not affect the verdict (e.g. approved-customer hit) */
} tg_reason;

/** A charge accrued by a line under a rule (e.g. us_232_tariff 0.25 of the line value). */
typedef struct tg_charge {
	char kind[32];
	tg_dec rate;
	tg_dec base;
	tg_dec amount;
	char currency[4];
	size_t line;
	char rule[64];
} tg_charge;

typedef struct tg_decision_line {
	char item[64];
	tg_classification cls;
	tg_verdict verdict;
} tg_decision_line;

typedef struct tg_decision_hit {
	size_t party; /**< index into the order's parties */
	tg_screen_hit hit;
} tg_decision_hit;

typedef struct tg_jurisdiction_verdict {
	char name[16];
	tg_verdict verdict;
} tg_jurisdiction_verdict;

#define TG_DECISION_MAX_REASONS 48
#define TG_DECISION_MAX_CONDITIONS 16
#define TG_DECISION_MAX_HITS 32

/** A decision. Arrays are owned by the decision (tg_decision_dispose). */
typedef struct tg_decision {
	char order_id[256];
	char order_hash[65];
	tg_date as_of;
	tg_verdict verdict;
	tg_jurisdiction_verdict jurisdictions[8];
	size_t njurisdictions;
	tg_decision_line *lines;
	size_t nlines;
	tg_reason reasons[TG_DECISION_MAX_REASONS];
	size_t nreasons;
	char conditions[TG_DECISION_MAX_CONDITIONS][40];
	size_t nconditions;
	tg_charge *charges;
	size_t ncharges;
	tg_decision_hit hits[TG_DECISION_MAX_HITS];
	size_t nhits;
	/* Appended in 0.2 by the licence module. tg_decide() does not touch them: zero the struct first. */
	char license_id[64];                                     /**< the live licence that covers the order, or "" */
	char license_holder[128];                                /**< its holder */
	tg_date license_valid_to;                                /**< its last valid day */
	char license_conditions[TG_DECISION_MAX_CONDITIONS][40]; /**< its conditions */
	size_t nlicense_conditions;
} tg_decision;

/** Everything a decision reads. Borrowed; all but @p screener are required. */
typedef struct tg_decide_ctx {
	const tg_catalog *catalog;
	const tg_gates *gates;
	const tg_policy *policy;
	const tg_screener *screener; /**< NULL = no screening */
	struct tg__pcache *memo;     /**< internal: memo of screening results, or NULL (the engine sets it) */
} tg_decide_ctx;

/**
 * Decide @p order under the rules in force on @p as_of. Fills @p out (release with tg_decision_dispose,
 * also after a failure). @return TG_OK, TG_EINVALID (unknown item: field lines[i].item), TG_ENOMEM.
 * @since 0.1
 */
TG_EXTERN int tg_decide(tg_decision *out, const tg_decide_ctx *ctx, const tg_order *order, tg_date as_of, tg_err *err);
TG_EXTERN void tg_decision_dispose(tg_decision *d);

/** Append the decision as JSON (the `check --json` format, one line, no newline). @since 0.1 */
TG_EXTERN int tg_decision_json(tg_buf *out, const tg_decision *d);

#endif
