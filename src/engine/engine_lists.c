/* SPDX-License-Identifier: Apache-2.0 */
/* tg_lists_load (tg/lists.h): the engine's transaction over a list load and the re-screen it triggers.
 * The lists module reads the file and writes the snapshot; the rescreen module then reports what the
 * change means for the recorded parties, in the same transaction (all or nothing). Lists never call
 * screening: the engine sequences the two. */
#include "tg/lists.h"

#include "lists.h"
#include "rescreen.h"
#include "store.h"
#include "err.h"

int tg_lists_load(tg_list_snapshot *out, tg_store *st, const char *path, const tg_list_load_opts *opts, tg_err *err)
{
	tg__list_file f;
	int rc;

	TG_ASSERT_ARG(out && st && path, err);
	if ((rc = tg__lists_open(&f, path, opts, err)) < 0)
		goto done; /* the file is read before the transaction opens: a slow download holds no lock */
	if ((rc = tg__store_begin(st, err)) < 0)
		goto done;
	if ((rc = tg__lists_write(out, st, &f, err)) < 0 ||
	    (rc = tg__rescreen_snapshot(NULL, st, out->id, out->name, f.actor, err)) < 0) {
		tg__store_rollback(st);
		goto done;
	}
	if ((rc = tg__store_commit(st, err)) == TG_OK)
		tg_err_clear(err); /* problems reported along the way (non-strict) are not the result */
done:
	tg__lists_close(&f);
	return rc;
}
