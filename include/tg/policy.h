/* SPDX-License-Identifier: Apache-2.0 */
/**
 * @file tg/policy.h
 * @brief Policy as data: versioned rule files with effective dates, citations and confidence.
 *
 * A policy directory holds `country-groups.json` and one file per jurisdiction (`us-ear.json`,
 * `cn-import.json`, ...); see docs/policy.md for the format. Rules are compiled once at load.
 */
#ifndef TG_POLICY_H
#define TG_POLICY_H

#include "tg/buf.h"
#include "tg/common.h"
#include "tg/date.h"
#include "tg/errors.h"

/** Verdicts, ordered from least to most restrictive. */
typedef enum tg_verdict {
	TG_VERDICT_ALLOW = 0,
	TG_VERDICT_LICENSE_REQUIRED = 1,
	TG_VERDICT_REVIEW = 2,
	TG_VERDICT_DENY = 3
} tg_verdict;

/** "allow", "license_required", "review", "deny". @since 0.1 */
TG_EXTERN const char *tg_verdict_name(tg_verdict v);

typedef struct tg_policy tg_policy;

/** What a rule says, for listing (borrowed from the policy). */
typedef struct tg_rule_info {
	const char *id;
	const char *jurisdiction;
	const char *citation;
	const char *confidence;
	const char *message;
	const char *review; /**< "presumption_of_denial", "case_by_case", "approval" or NULL */
	const char *file;   /**< policy file it came from */
	tg_date effective_from;
	tg_date effective_to; /**< last day in force, or TG_DATE_NONE */
	tg_verdict verdict;
	int fallback; /**< applies only where no other rule of its jurisdiction matched */
} tg_rule_info;

/** Load and compile every policy file of @p dir. Errors name the file, rule and field. @since 0.1 */
TG_EXTERN int tg_policy_load(tg_policy **out, const char *dir, tg_err *err);
TG_EXTERN void tg_policy_free(tg_policy *p);
TG_EXTERN size_t tg_policy_rule_count(const tg_policy *p);
TG_EXTERN void tg_policy_rule_info(tg_rule_info *out, const tg_policy *p, size_t i);
/** Is rule @p i in force on @p as_of? @since 0.1 */
TG_EXTERN int tg_policy_in_force(const tg_policy *p, size_t i, tg_date as_of);
/** SHA-256 (hex) over the names and contents of the files the policy was loaded from: identifies a
 * policy version in decisions and the audit log. Borrowed. @since 0.1 */
TG_EXTERN const char *tg_policy_hash(const tg_policy *p);

/** Append the rules in force on @p as_of as JSON {"as_of","rules":[...]}. @since 0.1 */
TG_EXTERN int tg_policy_list_json(tg_buf *out, const tg_policy *p, tg_date as_of);

#endif
