/* SPDX-License-Identifier: Apache-2.0 */
/* The authorisation matrix: every route x every role (and no token), against an expected table
 * written here independently of the route table. A route added without an entry here fails. */
#include "fixture.h"

/* Roles allowed per route: "public", or role names separated by spaces. */
static const struct {
	const char *method, *pattern, *roles;
} expect[] = {
	{"GET", "/healthz", "public"},
	{"GET", "/readyz", "public"},
	{"GET", "/metrics", "public"},
	{"GET", "/v1/openapi.json", "public"},
	{"GET", "/v1/whoami", "exporter compliance_officer inspector licensing_officer auditor admin"},
	{"GET", "/v1/catalog", "exporter compliance_officer inspector licensing_officer auditor admin"},
	{"GET", "/v1/classify/{item}", "exporter compliance_officer inspector licensing_officer auditor admin"},
	{"POST", "/v1/classify", "exporter compliance_officer inspector licensing_officer auditor admin"},
	{"POST", "/v1/orders/check", "exporter compliance_officer"},
	{"POST", "/v1/orders/check/batch", "exporter compliance_officer"},
	{"POST", "/v1/screen", "compliance_officer"},
	{"POST", "/v1/screen/batch", "compliance_officer"},
	{"GET", "/v1/lists/snapshots", "compliance_officer auditor admin"},
	{"POST", "/v1/lists/load", "admin"},
	{"POST", "/v1/lists/upload", "admin"},
	{"GET", "/v1/lists/rescreen-report", "compliance_officer auditor"},
	{"GET", "/v1/policy", "exporter compliance_officer inspector licensing_officer auditor admin"},
	{"GET", "/v1/tokens", "auditor admin"},
	{"POST", "/v1/tokens", "admin"},
	{"DELETE", "/v1/tokens/{id}", "admin"},
	{"GET", "/v1/overrides", "compliance_officer auditor"},
	{"POST", "/v1/overrides", "compliance_officer"},
	{"GET", "/v1/override-proposals", "compliance_officer auditor"},
	{"POST", "/v1/overrides/{id}/approve", "compliance_officer"},
	{"GET", "/v1/licences", "exporter compliance_officer licensing_officer auditor"},
	{"POST", "/v1/licences", "compliance_officer"},
	{"GET", "/v1/licence-applications", "compliance_officer licensing_officer auditor"},
	{"GET", "/v1/licences/{id}", "exporter compliance_officer licensing_officer auditor"},
	{"POST", "/v1/licences/{id}/issue", "licensing_officer"},
	{"POST", "/v1/licences/{id}/revoke", "licensing_officer"},
	{"GET", "/v1/customers", "compliance_officer licensing_officer auditor"},
	{"POST", "/v1/certificates", "inspector"},
	{"GET", "/v1/certificates/{id}", "compliance_officer inspector auditor"},
	{"POST", "/v1/shipments", "exporter"},
	{"POST", "/v1/shipments/batch", "exporter"},
	{"GET", "/v1/shipments/{id}", "exporter compliance_officer inspector auditor"},
	{"POST", "/v1/shipments/{id}/return", "licensing_officer"},
	{"GET", "/v1/trace/{serial}", "compliance_officer inspector auditor"},
	{"POST", "/v1/trace/{serial}/reports", "compliance_officer inspector"},
	{"GET", "/v1/reports/diversion", "compliance_officer auditor"},
	{"GET", "/v1/reports/us-volume", "compliance_officer licensing_officer auditor"},
	{"POST", "/v1/us-volume", "exporter compliance_officer"},
	{"GET", "/v1/reports/review", "compliance_officer auditor"},
	{"GET", "/v1/ledger", "exporter licensing_officer auditor"},
	{"GET", "/v1/ledger/check", "licensing_officer auditor"},
	{"GET", "/v1/remittances", "licensing_officer auditor"},
	{"POST", "/v1/remittances", "licensing_officer"},
	{"GET", "/v1/audit/verify", "auditor admin"},
	{"GET", "/v1/audit/export", "auditor"},
};
#define NEXPECT (sizeof(expect) / sizeof(expect[0]))

static int allowed(const char *roles, const char *role)
{
	size_t n = strlen(role);
	const char *p = roles;
	while ((p = strstr(p, role)) != NULL) {
		if ((p == roles || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

/* A concrete path for a pattern: {param} -> a harmless value (an unknown id: no state changes). */
static void concrete(char *out, size_t n, const char *pattern)
{
	const char *b = strchr(pattern, '{'), *e = b ? strchr(b, '}') : NULL;
	if (b == NULL)
		snprintf(out, n, "%s", pattern);
	else
		snprintf(out, n, "%.*s%s%s", (int)(b - pattern), pattern,
			 strncmp(b, "{item}", 6) == 0 ? "nvidia-h200-sxm" : "999", e + 1);
}

static void table_matches_expectations(void **state)
{
	size_t i, j;
	(void)state;
	assert_int_equal(server_nroutes, NEXPECT);
	for (i = 0; i < server_nroutes; i++) {
		int found = 0;
		for (j = 0; j < NEXPECT; j++)
			found += strcmp(server_routes[i].method, expect[j].method) == 0 &&
				 strcmp(server_routes[i].pattern, expect[j].pattern) == 0;
		if (found != 1)
			fail_msg("route %s %s: %d entries in the expected matrix", server_routes[i].method,
				 server_routes[i].pattern, found);
	}
}

static void one_route(fx *f, size_t j)
{
	char path[256];
	const char *body = strcmp(expect[j].method, "POST") == 0 ? "{}" : NULL;
	int pub = strcmp(expect[j].roles, "public") == 0, role;
	server_resp r;
	concrete(path, sizeof(path), expect[j].pattern);
	fx_req(f, &r, expect[j].method, path, -1, body);
	if (pub ? (r.status == 401 || r.status == 403) : r.status != 401)
		fail_msg("%s %s without a token: %d", expect[j].method, path, r.status);
	server_resp_dispose(&r);
	for (role = 0; role < TG_API_ROLE_COUNT; role++) {
		int ok = pub || allowed(expect[j].roles, tg_api_role_name(role));
		fx_req(f, &r, expect[j].method, path, role, body);
		if (ok ? (r.status == 401 || r.status == 403) : r.status != 403)
			fail_msg("%s %s as %s: %d (expected %s)", expect[j].method, path, tg_api_role_name(role),
				 r.status, ok ? "allowed" : "403");
		if (r.status >= 500 && r.status != 501 && !(strcmp(expect[j].pattern, "/readyz") == 0))
			fail_msg("%s %s as %s: %d", expect[j].method, path, tg_api_role_name(role), r.status);
		server_resp_dispose(&r);
	}
}

static void every_route_every_role(void **state)
{
	fx *f = fx_new(0, NULL);
	size_t j;
	(void)state;
	for (j = 0; j < NEXPECT; j++)
		one_route(f, j);
	fx_free(f);
}

static void auditor_never_writes(void **state)
{
	size_t i;
	(void)state;
	for (i = 0; i < server_nroutes; i++) {
		const route *r = &server_routes[i];
		int reads = strcmp(r->method, "GET") == 0 || strcmp(r->op_id, "classifySpec") == 0;
		if (!reads && (r->roles & ROLE_BIT(TG_API_ROLE_AUDITOR)))
			fail_msg("auditor may %s %s", r->method, r->pattern);
		if (reads && !(r->roles & ROLES_PUBLIC) && !(r->roles & ROLE_BIT(TG_API_ROLE_AUDITOR)))
			fail_msg("auditor may not read %s", r->pattern);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(table_matches_expectations),
		cmocka_unit_test(every_route_every_role),
		cmocka_unit_test(auditor_never_writes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
