/* SPDX-License-Identifier: Apache-2.0 */
/* tg_lists_load (tg/lists.h): the lists module stores the snapshot, then the engine re-screens the
 * recorded parties against what changed, in the same transaction. */
#include "tg/lists.h"

#include "lists.h"
#include "rescreen.h"

static int rescreen_after(void *arg, tg_store *st, const tg_list_snapshot *snap, const char *actor, tg_err *err)
{
	(void)arg;
	return tg__rescreen_snapshot(NULL, st, snap->id, snap->name, actor, err);
}

int tg_lists_load(tg_list_snapshot *out, tg_store *st, const char *path, const tg_list_load_opts *opts,
		  tg_err *err)
{
	const tg__lists_then then = {rescreen_after, NULL};
	return tg__lists_load(out, st, path, opts, &then, err);
}
