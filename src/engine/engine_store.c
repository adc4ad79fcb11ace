/* SPDX-License-Identifier: Apache-2.0 */
/* tg_store_open and tg_store_migrate (tg/store.h): the store drivers know how to run migration steps,
 * the engine knows which steps exist (every module's, engine_schema.c). */
#include "tg/store.h"

#include "engine_schema.h"
#include "store.h"

int tg_store_open(tg_store **out, const char *path, tg_err *err)
{
	return tg__store_open(out, path, tg__schema_steps, err);
}

int tg_store_migrate(tg_store *st, size_t *applied, tg_err *err)
{
	int rc = tg__store_migrate(st, tg__schema_steps, err);
	if (applied)
		*applied = tg__store_applied(st);
	return rc;
}
