/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz tg_order_parse (the order JSON hot path) and, on an accepted order, the decision and its JSON
 * under the shipped catalogue and policy. Checks: an accepted order's canonical text parses again to the
 * same content hash; an error message is one NUL-terminated line. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "tg/catalog.h"
#include "tg/decision.h"
#include "tg/order.h"
#include "tg/policy.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static tg_catalog *g_cat;
static tg_policy *g_pol;
static tg_gates g_gates;

static void load_data(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	tg_gates_default(&g_gates);
	if (tg_catalog_load(&g_cat, TG_SOURCE_DIR "/catalog/accelerators.json", NULL) < 0 ||
	    tg_gates_load(&g_gates, TG_SOURCE_DIR "/policy/gates.json", NULL) < 0 ||
	    tg_policy_load(&g_pol, TG_SOURCE_DIR "/policy", NULL) < 0)
		abort();
}

static void check_err(const tg_err *err)
{
	if (memchr(err->msg, '\0', sizeof(err->msg)) == NULL || strchr(err->msg, '\n') != NULL)
		abort();
}

/* The canonical text is itself a valid order with the same hash. */
static void check_canonical(const tg_order *o)
{
	tg_order *again = NULL;
	if (tg_order_parse(&again, o->canonical, strlen(o->canonical), NULL) != TG_OK ||
	    strcmp(again->content_hash, o->content_hash) != 0 || strcmp(again->canonical, o->canonical) != 0)
		abort();
	tg_order_free(again);
}

static void decide(const tg_order *o)
{
	tg_decide_ctx ctx = {g_cat, &g_gates, g_pol, NULL, NULL};
	tg_decision d;
	tg_err err = TG_ERR_INIT;
	tg_buf b = TG_BUF_INIT;
	memset(&d, 0, sizeof(d));
	if (tg_decide(&d, &ctx, o, o->date, &err) == TG_OK && tg_decision_json(&b, &d) < 0)
		abort();
	check_err(&err);
	tg_buf_dispose(&b);
	tg_decision_dispose(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tg_order *o = NULL;
	tg_err err = TG_ERR_INIT;
	load_data();
	if (tg_order_parse(&o, (const char *)data, size, &err) == TG_OK) {
		check_canonical(o);
		decide(o);
	} else if (o != NULL) {
		abort(); /* a failure leaves *out NULL */
	}
	check_err(&err);
	tg_order_free(o);
	return 0;
}
