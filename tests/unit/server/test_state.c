/* SPDX-License-Identifier: Apache-2.0 */
/* The stateful routes through server_dispatch: licence application and issue (separation of duties),
 * a shipment refused with every reason (422 problem+json), certificates, release and replay, the
 * exporter binding (token name = exporter name), ledger, audit actors, override proposals. */
#include <jansson.h>
#include "fixture.h"

#define CO TG_API_ROLE_COMPLIANCE_OFFICER
#define LIC TG_API_ROLE_LICENSING_OFFICER
#define INS TG_API_ROLE_INSPECTOR
#define AUD TG_API_ROLE_AUDITOR
#define EXP TG_API_ROLE_EXPORTER

static char *slurp(const char *rel)
{
	char path[512];
	FILE *fp;
	long n;
	char *s;
	snprintf(path, sizeof(path), "%s/%s", TG_SOURCE_DIR, rel);
	assert_non_null(fp = fopen(path, "rb"));
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	assert_non_null(s = calloc(1, (size_t)n + 1));
	assert_int_equal(fread(s, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	return s;
}

/* A token for (role, name); returns the Authorization header value in out. */
static void add_token(fx *f, char out[TG_TOKEN_MAX + 16], tg_api_role role, const char *name)
{
	char tok[TG_TOKEN_MAX];
	tg_err err = TG_ERR_INIT;
	assert_int_equal(tg_token_add(tok, NULL, tg_engine_store(f->e), role, name, &err), TG_OK);
	snprintf(out, TG_TOKEN_MAX + 16, "Bearer %s", tok);
}

static int req_as(fx *f, server_resp *r, const char *method, const char *target, const char *auth, const char *body)
{
	server_req rq;
	char path[512];
	const char *q = strchr(target, '?');
	memset(&rq, 0, sizeof(rq));
	snprintf(path, sizeof(path), "%.*s", q ? (int)(q - target) : (int)strlen(target), target);
	rq.method = method, rq.path = path, rq.query = q ? q + 1 : NULL, rq.authorization = auth;
	rq.body = body, rq.body_len = body ? strlen(body) : 0;
	server_dispatch(f->s, &rq, r);
	return r->status;
}

static void expect_at(int line, fx *f, const char *method, const char *target, const char *auth, const char *payload,
		      int status, const char *needle)
{
	server_resp r;
	int st = req_as(f, &r, method, target, auth, payload);
	if (st != status || (needle != NULL && (r.body.ptr == NULL || strstr(r.body.ptr, needle) == NULL)))
		fail_msg("line %d: %s %s: %d %s", line, method, target, st, r.body.ptr ? r.body.ptr : "");
	server_resp_dispose(&r);
}
#define EXPECT(...) expect_at(__LINE__, __VA_ARGS__)

/* tollgate_ledger_accruals_total as GET /metrics reports it, or -1. */
static long accruals_metric(fx *f)
{
	server_resp r;
	const char *key = "\ntollgate_ledger_accruals_total ", *p;
	long v = -1;
	assert_int_equal(req_as(f, &r, "GET", "/metrics", NULL, NULL), 200);
	if ((p = strstr(r.body.ptr, key)) != NULL)
		v = strtol(p + strlen(key), NULL, 10);
	server_resp_dispose(&r);
	return v;
}

static void licence_then_ship(void **state)
{
	fx *f = fx_new(0, NULL);
	char acme[TG_TOKEN_MAX + 16];
	char *lic = slurp("examples/state/license-acme-cn.json"),
	     *order = slurp("examples/orders/01-h200-china-cbc.json");
	char *ship = slurp("examples/state/ship-001.json"), *cert = slurp("examples/state/cert-h200-pass.json");
	(void)state;
	add_token(f, acme, EXP, "Acme Accelerators Inc.");
	EXPECT(f, "POST", "/v1/licences", f->auth[CO], lic, 201, "\"status\":\"pending\"");
	EXPECT(f, "GET", "/v1/licences/L-2026-0001", f->auth[CO], NULL, 404, NULL); /* not live yet */
	EXPECT(f, "GET", "/v1/licence-applications", f->auth[LIC], NULL, 200,
	       "\"proposer\":\"compliance_officer(compliance_officer)\"");
	EXPECT(f, "POST", "/v1/licences/L-2026-0001/issue", f->auth[LIC], NULL, 201, "\"id\":\"L-2026-0001\"");
	EXPECT(f, "POST", "/v1/licences/L-2026-0001/issue", f->auth[LIC], NULL, 409, "already approved");
	EXPECT(f, "POST", "/v1/orders/check", acme, order, 200, "\"verdict\":\"allow\"");
	EXPECT(f, "POST", "/v1/shipments", f->auth[EXP], ship, 403, "its own");
	EXPECT(f, "POST", "/v1/shipments", acme, ship, 422, "\"code\":\"certificate_missing\"");
	EXPECT(f, "POST", "/v1/shipments", acme, ship, 422, "\"type\":\"https://tollgate.dev/problems/refused\"");
	EXPECT(f, "POST", "/v1/us-volume", f->auth[EXP],
	       "{\"exporter\":\"Acme Accelerators Inc.\",\"item\":"
	       "\"nvidia-h200-sxm\",\"quantity\":100,\"period\":\"2026-01\"}",
	       403, NULL);
	EXPECT(f, "POST", "/v1/us-volume", acme,
	       "{\"exporter\":\"Acme Accelerators Inc.\",\"item\":"
	       "\"nvidia-h200-sxm\",\"quantity\":100,\"period\":\"2026-01\"}",
	       201, NULL);
	EXPECT(f, "GET", "/v1/reports/us-volume", f->auth[LIC], NULL, 200, "\"quantity\":100");
	EXPECT(f, "POST", "/v1/certificates", f->auth[INS], cert, 201, "\"certificate_id\":\"CERT-0001\"");
	EXPECT(f, "GET", "/v1/certificates/CERT-0001", f->auth[AUD], NULL, 200, "\"lab\":");
	assert_int_equal(accruals_metric(f), 0);
	EXPECT(f, "POST", "/v1/shipments", acme, ship, 201, "\"kind\":\"us_232_tariff\"");
	assert_int_equal(accruals_metric(f), 1); /* the release accrued its one 25 % charge */
	EXPECT(f, "POST", "/v1/shipments", acme, ship, 200, "\"replayed\":true");
	assert_int_equal(accruals_metric(f), 1); /* a replay accrues nothing */
	EXPECT(f, "GET", "/v1/shipments/SHP-0001", f->auth[EXP], NULL, 404, NULL);
	EXPECT(f, "GET", "/v1/shipments/SHP-0001", acme, NULL, 200, "SHP-0001");
	EXPECT(f, "GET", "/v1/trace/H200-0001", f->auth[INS], NULL, 200, "\"serial\":\"H200-0001\"");
	EXPECT(f, "GET", "/v1/licences", f->auth[EXP], NULL, 200, "{\"licenses\":[]}");
	EXPECT(f, "GET", "/v1/licences", acme, NULL, 200, "L-2026-0001");
	EXPECT(f, "GET", "/v1/ledger?quarter=2026Q1", acme, NULL, 200, "\"quarter\":\"2026Q1\"");
	EXPECT(f, "GET", "/v1/ledger?quarter=2026Q1&exporter=Acme%20Accelerators%20Inc.", f->auth[EXP], NULL, 403,
	       NULL);
	EXPECT(f, "GET", "/v1/ledger?quarter=2026Q1&exporter=Acme%20Accelerators%20Inc.&format=csv", f->auth[AUD], NULL,
	       200, "exporter,quarter,kind,currency");
	EXPECT(f, "GET", "/v1/ledger", f->auth[AUD], NULL, 422, "\"field\":\"exporter\"");
	EXPECT(f, "POST", "/v1/remittances", f->auth[LIC],
	       "{\"exporter\":\"Acme Accelerators Inc.\",\"kind\":\"us_232_tariff\",\"amount\":\"1.00\",\"currency\":\"USD\","
	       "\"date\":\"2026-03-01\",\"ref\":\"R-1\"}",
	       201, "\"ref\":\"R-1\"");
	EXPECT(f, "GET", "/v1/remittances", f->auth[AUD], NULL, 200, "\"amount\":\"1.00\"");
	EXPECT(f, "GET", "/v1/ledger/check", f->auth[AUD], NULL, 200, "\"balanced\":true");
	EXPECT(f, "POST", "/v1/trace/H200-0001/reports", f->auth[CO], "{\"seen_at\":\"RU\"}", 201, "\"flagged\":true");
	EXPECT(f, "GET", "/v1/reports/diversion", f->auth[AUD], NULL, 200, "\"seen_at\":\"RU\"");
	EXPECT(f, "GET", "/v1/audit/verify", f->auth[AUD], NULL, 200, "\"ok\":true");
	EXPECT(f, "GET", "/v1/audit/export", f->auth[AUD], NULL, 200,
	       "\"actor\":\"licensing_officer(licensing_officer)\"");
	EXPECT(f, "GET", "/v1/audit/export", f->auth[AUD], NULL, 200, "\"kind\":\"license.approve\"");
	free(lic), free(order), free(ship), free(cert);
	fx_free(f);
}

static void override_needs_a_second_officer(void **state)
{
	fx *f = fx_new(0, NULL);
	char co2[TG_TOKEN_MAX + 16];
	const char *body = "{\"party\":\"Orion Falcon\",\"list\":\"EL\",\"entity_id\":\"tg-sample-0001\","
			   "\"decision\":\"false_positive\",\"reason\":\"different company\"}";
	(void)state;
	add_token(f, co2, CO, "second officer");
	EXPECT(f, "POST", "/v1/overrides", f->auth[CO], "{\"party\":\"x\"}", 422, "\"field\":\"list\"");
	EXPECT(f, "POST", "/v1/overrides", f->auth[CO], body, 201, "\"id\":\"1\"");
	EXPECT(f, "POST", "/v1/overrides", f->auth[CO], body, 201, "\"id\":\"1\""); /* idempotent */
	EXPECT(f, "POST", "/v1/overrides/1/approve", f->auth[CO], NULL, 403, "separation of duties");
	/* no list is loaded: the approval passes the duty check, the override itself finds no entry */
	EXPECT(f, "POST", "/v1/overrides/1/approve", co2, NULL, 404, NULL);
	EXPECT(f, "GET", "/v1/override-proposals", f->auth[AUD], NULL, 200, "\"status\":\"pending\"");
	EXPECT(f, "GET", "/v1/overrides", f->auth[AUD], NULL, 200, "{\"overrides\":[]}");
	{
		server_resp r;
		assert_int_equal(fx_req(f, &r, "GET", "/v1/whoami", CO, NULL), 200);
		server_resp_dispose(&r);
	}
	fx_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(licence_then_ship),
		cmocka_unit_test(override_needs_a_second_officer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
