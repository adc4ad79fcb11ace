/* SPDX-License-Identifier: Apache-2.0 */
/* The engine's private header: the engine itself, shared by the engine_*.c files (opening, checking,
 * the wrappers that hand each module its context). */
#ifndef TG_ENGINE_ENGINE_INT_H
#define TG_ENGINE_ENGINE_INT_H

#include <stdint.h>
#include "tg/engine.h"
#include "ctx.h"
#include "decide_cache.h"

struct tg_engine {
	tg_catalog *catalog;
	tg_policy *policy;
	tg_gates gates;
	tg_store *store;
	tg_screener *screener;
	tg__pcache *memo;   /* screening memo; rebuilt with the screener */
	int64_t scr_ver[2]; /* newest snapshot and override ids when the screener was built */
	char actor[128];    /* who state changes are attributed to in the audit log */
};

/* Fill out with what a module needs from e for one call (borrowed from e). */
void tg__engine_ctx(tg__ctx *out, tg_engine *e);

#endif
