/* SPDX-License-Identifier: Apache-2.0 */
/* GET /v1/lists/rescreen-report[?snapshot=ID]: the re-screen report a list load stored (same JSON as
 * `tollgate lists rescreen-report --json`); the latest when no snapshot is given. */
#include "server_int.h"

#include <errno.h>
#include <stdlib.h>
#include "tg/rescreen.h"

/* ?snapshot=: a positive integer, or absent (0 = the latest report). */
static int snapshot_param(int64_t *out, const hctx *c, tg_err *err)
{
	char v[32], *end;
	long long n;
	int q = query_get(c->req->query, "snapshot", v, sizeof(v));
	*out = 0;
	if (q == 0)
		return TG_OK;
	errno = 0;
	n = q == 1 ? strtoll(v, &end, 10) : 0;
	if (q < 0 || errno || end == v || *end || n <= 0)
		return srv_fail(err, TG_EINVALID, "snapshot", "snapshot: expected a positive snapshot id");
	*out = n;
	return TG_OK;
}

int h_lists_rescreen_report(hctx *c, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	int64_t snap;
	int rc;
	if ((rc = snapshot_param(&snap, c, err)) < 0)
		return rc;
	pthread_mutex_lock(&c->srv->store_mu);
	rc = tg_rescreen_report_json(&b, tg_engine_store(c->srv->engine), snap, err);
	pthread_mutex_unlock(&c->srv->store_mu);
	if (rc == TG_OK && tg_buf_put(&c->resp->body, b.ptr, b.size) < 0)
		rc = srv_fail(err, TG_ENOMEM, NULL, "cannot encode the re-screen report");
	tg_buf_dispose(&b);
	return rc;
}
