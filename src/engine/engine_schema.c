/* SPDX-License-Identifier: Apache-2.0 */
/* The order in which every module's schema steps are applied. Each step's SQL lives in its module's
 * *_store.c; the (module, version) pair is what tg_schema records, so neither may change once shipped
 * (the screen and rescreen tables were created under the name "lists" and keep it). Append new steps. */
#include "engine_schema.h"

#include "approvals.h"
#include "audit_chain.h"
#include "ledger.h"
#include "license.h"
#include "lists.h"
#include "policy.h"
#include "record.h"
#include "rescreen.h"
#include "screen_norm.h"
#include "custody.h"
#include "token.h"

const tg__migration tg__schema_steps[] = {
	{"decisions", 1, tg__decide_schema_1},
	{"lists", 1, tg__lists_schema_1},
	{"lists", 2, tg__screen_schema_lists_2},
	{"http", 1, tg__token_schema_1},
	{"audit", 1, tg__audit_schema_1},
	{"licenses", 1, tg__license_schema_1},
	{"inspect", 1, tg__inspect_schema_1},
	{"ship", 1, tg__ship_schema_1},
	{"ledger", 1, tg__ledger_schema_1},
	{"policy", 1, tg__policy_schema_1},
	{"approvals", 1, tg__approvals_schema_1},
	{"lists", 3, tg__rescreen_schema_lists_3},
	{"lists", 4, tg__lists_schema_4},
	{"decisions", 2, tg__decide_schema_2},
	{NULL, 0, NULL},
};
