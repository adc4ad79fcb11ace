/* SPDX-License-Identifier: Apache-2.0 */
/* Private to the policy loader: the state of one load (country groups, the file and field being read) and
 * the rule compiler (policy_rule.c) that policy.c calls for each group, jurisdiction and rule. */
#ifndef TG_POLICY_LOADER_INT_H
#define TG_POLICY_LOADER_INT_H

#include <jansson.h>
#include "policy.h"

#define TG__POLICY_MAX_GROUPS 32

typedef struct tg__policy_groups {
	char name[TG__POLICY_MAX_GROUPS][16];
	tg__cset set[TG__POLICY_MAX_GROUPS];
	size_t n;
} tg__policy_groups;

typedef struct tg__policy_loader {
	tg_policy *p;
	tg__policy_groups g;
	const char *file;
	char prefix[64];
	char **pending_overrides; /* per rule: json_dumps-free copy of ids, resolved at the end */
} tg__policy_loader;

/* A list of country codes and group names into a set; errors name l->file, l->prefix and key. */
int tg__policy_parse_cset(tg__policy_loader *l, tg__cset *out, const json_t *arr, const char *key, tg_err *err);
/* The "key" / "key_not" country lists of obj into a predicate (either may be absent). */
int tg__policy_parse_cpred(tg__policy_loader *l, tg__cpred *p, const json_t *obj, const char *key, const char *key_not,
			   tg_err *err);
/* Rule idx of the current file (its when, then, overrides) into r; r's strings are owned by the policy. */
int tg__policy_parse_rule(tg__policy_loader *l, tg__rule *r, const json_t *o, size_t idx, tg_err *err);

#endif
