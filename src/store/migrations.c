/* SPDX-License-Identifier: Apache-2.0 */
/* The schema of every module, in application order. Add a module's steps here; never edit a step
 * that has shipped: add a new version instead. SQL must be portable (SQLite and PostgreSQL). */
#include "store/store.h"

#include "store/schema.h"
#include "store/schema_lists.h"
#include "store/schema_http.h"
#include "store/schema_state.h"

const tg__migration tg__migrations[] = {
	{"decisions", 1, TG__SCHEMA_DECISIONS_1},
	{"lists", 1, TG__SCHEMA_LISTS_1},
	{"lists", 2, TG__SCHEMA_LISTS_2},
	{"http", 1, TG__SCHEMA_HTTP_1},
	{"audit", 1, TG__SCHEMA_AUDIT_1},
	{"licenses", 1, TG__SCHEMA_LICENSES_1},
	{"inspect", 1, TG__SCHEMA_INSPECT_1},
	{"ship", 1, TG__SCHEMA_SHIP_1},
	{"ledger", 1, TG__SCHEMA_LEDGER_1},
	{"policy", 1, TG__SCHEMA_POLICY_1},
	{"approvals", 1, TG__SCHEMA_APPROVALS_1},
	{"lists", 3, TG__SCHEMA_LISTS_3},
	{"lists", 4, TG__SCHEMA_LISTS_4},
	{"decisions", 2, TG__SCHEMA_DECISIONS_2},
	{NULL, 0, NULL},
};
