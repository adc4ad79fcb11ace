/* SPDX-License-Identifier: Apache-2.0 */
/* The small context the engine hands a domain module for one call: where to write, who is acting and the
 * data in force. Modules never see tg_engine (docs/architecture.md); the engine fills this per call. */
#ifndef TG_UTIL_CTX_H
#define TG_UTIL_CTX_H

#include "tg/catalog.h"
#include "tg/screen.h"
#include "tg/store.h"

typedef struct tg__ctx {
	tg_store *store;             /* the open store; NULL when the engine was opened without one */
	const char *actor;           /* who state changes are attributed to in the audit log */
	const tg_catalog *catalog;   /* the accelerator catalogue in force */
	const tg_gates *gates;       /* the classification gates in force */
	const tg_screener *screener; /* the restricted-party screener over the current lists */
} tg__ctx;

#endif
