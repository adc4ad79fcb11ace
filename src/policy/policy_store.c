/* SPDX-License-Identifier: Apache-2.0 */
/* The policy module's data: its schema steps (and, as it grows, all of its SQL). */
#include "policy.h"

/* ---- schema steps: applied once each, in the order of engine/engine_schema.c; never edit a step
 * that has shipped, add a new version ---- */

/* Policy versions seen by the engine (SHA-256 over the policy files): a new one is audited. */
const char tg__policy_schema_1[] =
	"CREATE TABLE policy_versions (hash TEXT PRIMARY KEY, rules INTEGER NOT NULL,"
	" first_seen TEXT NOT NULL);";
