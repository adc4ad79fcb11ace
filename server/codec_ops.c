/* SPDX-License-Identifier: Apache-2.0 */
/* Operational routes: liveness, readiness, metrics, the OpenAPI document, whoami. */
#include "server_int.h"

#include <string.h>

int h_healthz(hctx *c, tg_err *err)
{
	(void)err;
	return resp_json(c->resp, 200, "{\"status\":\"ok\"}\n", 16);
}

int h_readyz(hctx *c, tg_err *err)
{
	(void)err;
	if (__atomic_load_n(&c->srv->draining, __ATOMIC_SEQ_CST)) {
		resp_header(c->resp, "Retry-After", "1");
		return resp_json(c->resp, 503, "{\"status\":\"draining\"}\n", 22);
	}
	return resp_json(c->resp, 200, "{\"status\":\"ready\"}\n", 19);
}

int h_metrics(hctx *c, tg_err *err)
{
	int rc = metrics_render(&c->resp->body, &c->srv->m);
	if (rc < 0)
		return srv_fail(err, rc, NULL, "cannot render the metrics");
	c->resp->content_type = "text/plain; version=0.0.4; charset=utf-8";
	return TG_OK;
}

int h_openapi(hctx *c, tg_err *err)
{
	int rc = openapi_render(&c->resp->body);
	if (rc < 0)
		return srv_fail(err, rc, NULL, "cannot render the OpenAPI document");
	return TG_OK;
}

int h_whoami(hctx *c, tg_err *err)
{
	tg_buf *b = &c->resp->body;
	(void)err;
	tg_buf_printf(b, "{\"id\":%lld,\"name\":", (long long)c->who.id);
	tg_buf_put_json_str(b, c->who.name);
	tg_buf_printf(b, ",\"role\":\"%s\"}\n", tg_api_role_name(c->who.role));
	return TG_OK;
}
