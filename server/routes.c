/* SPDX-License-Identifier: Apache-2.0 */
/* The route table: every operation of the API with the roles allowed to call it. The OpenAPI
 * document, the authorisation checks and the metrics labels all come from this one table.
 *
 * Operations whose library functions arrive with other issues (licences, certificates, shipments,
 * ledger, audit: issue 4; overrides and the re-screen report: issue 3) are listed with a NULL handler and answer 501
 * until their codec file (codec_<area>.c) supplies one: plug the handler in here, nothing else. */
#include "server_int.h"

#include <stdio.h>
#include <string.h>

#define J "application/json"
#define NDJ "application/x-ndjson"
#define I3 "issue 3 (screening: overrides)"
#define I4 "issue 4 (licences, shipments, ledger, audit)"

const route server_routes[] = {
	{"GET", "/healthz", h_healthz, ROLES_PUBLIC, "healthz", "ops", "Liveness", NULL, J, NULL},
	{"GET", "/readyz", h_readyz, ROLES_PUBLIC, "readyz", "ops", "Readiness (503 while draining)", NULL, J, NULL},
	{"GET", "/metrics", h_metrics, ROLES_PUBLIC, "metrics", "ops", "Prometheus metrics", NULL,
	 "text/plain", NULL},
	{"GET", "/v1/openapi.json", h_openapi, ROLES_PUBLIC, "openapi", "ops", "This document", NULL, J, NULL},
	{"GET", "/v1/whoami", h_whoami, R_ALL, "whoami", "tokens", "The caller's token name and role", NULL, J,
	 NULL},
	{"GET", "/v1/catalog", h_catalog, R_ALL, "catalog", "classify", "Catalogue items (id, vendor, name)",
	 NULL, J, NULL},
	{"GET", "/v1/classify/{item}", h_classify_item, R_ALL, "classifyItem", "classify",
	 "Classify a catalogue item (same JSON as tollgate classify --json)", NULL, J, NULL},
	{"POST", "/v1/classify", h_classify_spec, R_ALL, "classifySpec", "classify",
	 "Classify a part from its spec (same JSON as tollgate classify --spec --json)", J, J, NULL},
	{"POST", "/v1/orders/check", h_check, R_EXP | R_CO, "checkOrder", "orders",
	 "Decide and record one order (?as_of=, ?record=false); same JSON as tollgate check --json", J, J, NULL},
	{"POST", "/v1/orders/check/batch", h_check_batch, R_EXP | R_CO, "checkOrders", "orders",
	 "Decide and record JSON Lines of orders in one commit; JSON Lines out", NDJ, NDJ, NULL},
	{"POST", "/v1/screen", h_screen, R_CO, "screenName", "screening",
	 "Screen one name {name, country?, limit?}; same JSON as tollgate screen --json", J, J, NULL},
	{"POST", "/v1/screen/batch", h_screen_batch, R_CO, "screenNames", "screening",
	 "Screen JSON Lines of {name, country?} or plain lines of names; JSON Lines out", NDJ, NDJ, NULL},
	{"GET", "/v1/lists/snapshots", h_lists_snapshots, R_CO | R_AUD | R_ADM, "listSnapshots", "lists",
	 "Loaded list snapshots (same JSON as tollgate lists --json)", NULL, J, NULL},
	{"POST", "/v1/lists/load", h_lists_load, R_ADM, "loadList", "lists",
	 "Load a list file from a server path {path, format?, name?, strict?}", J, J, NULL},
	{"POST", "/v1/lists/upload", h_lists_upload, R_ADM, "uploadList", "lists",
	 "Load an uploaded list file (body = the file; ?format= ?name= ?strict= ?filename=)", "application/octet-stream", J,
	 NULL},
	{"GET", "/v1/lists/rescreen-report", NULL, R_CO | R_AUD, "rescreenReport", "lists",
	 "Parties whose screening changed with the latest snapshots", NULL, J, "issue 3 (screening engine)"},
	{"GET", "/v1/policy", h_policy, R_ALL, "policyInForce", "policy",
	 "Rules in force (?as_of=YYYY-MM-DD); same JSON as tollgate policy list --json", NULL, J, NULL},
	{"GET", "/v1/tokens", h_tokens_list, R_ADM | R_AUD, "listTokens", "tokens", "Tokens (never secrets)", NULL,
	 J, NULL},
	{"POST", "/v1/tokens", h_tokens_add, R_ADM, "addToken", "tokens",
	 "Create a token {role, name}; the secret is shown once", J, J, NULL},
	{"DELETE", "/v1/tokens/{id}", h_tokens_revoke, R_ADM, "revokeToken", "tokens", "Revoke a token", NULL, J,
	 NULL},
	/* Issues 3 and 4: plug handlers in as their library functions land. */
	{"GET", "/v1/overrides", NULL, R_CO | R_AUD, "listOverrides", "overrides", "Overrides", NULL, J, I3},
	{"POST", "/v1/overrides", NULL, R_CO, "proposeOverride", "overrides",
	 "Record a reviewer's decision on a (party name, list entry) pair: false_positive or true_match", J, J, I3},
	{"POST", "/v1/overrides/{id}/approve", NULL, R_CO, "approveOverride", "overrides",
	 "Approve an override (not by its proposer)", J, J, I3},
	{"GET", "/v1/licences", NULL, R_EXP | R_CO | R_LIC | R_AUD, "listLicences", "licences", "Licences", NULL,
	 J, I4},
	{"POST", "/v1/licences", NULL, R_CO, "applyLicence", "licences", "Record a licence application", J, J, I4},
	{"POST", "/v1/licences/{id}/issue", NULL, R_LIC, "issueLicence", "licences",
	 "Issue a licence (not by its applicant)", J, J, I4},
	{"POST", "/v1/licences/{id}/revoke", NULL, R_LIC, "revokeLicence", "licences", "Revoke a licence", J, J,
	 I4},
	{"POST", "/v1/certificates", NULL, R_INS, "issueCertificate", "certificates",
	 "Record an inspection certificate", J, J, I4},
	{"GET", "/v1/certificates/{id}", NULL, R_INS | R_CO | R_AUD, "getCertificate", "certificates",
	 "A certificate", NULL, J, I4},
	{"POST", "/v1/shipments", NULL, R_EXP, "ship", "shipments", "Ship (part of) a decided order", J, J, I4},
	{"GET", "/v1/shipments/{id}", NULL, R_EXP | R_CO | R_INS | R_AUD, "getShipment", "shipments",
	 "A shipment", NULL, J, I4},
	{"GET", "/v1/trace/{serial}", NULL, R_CO | R_INS | R_AUD, "traceSerial", "shipments",
	 "Trace a serial number", NULL, J, I4},
	{"GET", "/v1/reports/diversion", NULL, R_CO | R_AUD, "diversionReport", "reports", "Diversion report",
	 NULL, J, I4},
	{"GET", "/v1/reports/us-volume", NULL, R_CO | R_LIC | R_AUD, "usVolume", "reports",
	 "US volume against the China cap", NULL, J, I4},
	{"GET", "/v1/ledger", NULL, R_EXP | R_LIC | R_AUD, "ledger", "ledger",
	 "Ledger statements by exporter and quarter (exporters: their own)", NULL, J, I4},
	{"GET", "/v1/remittances", NULL, R_LIC | R_AUD, "listRemittances", "ledger", "Remittances", NULL, J, I4},
	{"POST", "/v1/remittances", NULL, R_LIC, "recordRemittance", "ledger", "Record a remittance", J, J, I4},
	{"GET", "/v1/audit/verify", NULL, R_AUD | R_ADM, "auditVerify", "audit", "Verify the audit chain", NULL, J,
	 I4},
	{"GET", "/v1/audit/export", NULL, R_AUD, "auditExport", "audit", "Export the audit chain", NULL, NDJ, I4},
};

const size_t server_nroutes = sizeof(server_routes) / sizeof(server_routes[0]);

size_t route_index(const route *r)
{
	return (size_t)(r - server_routes);
}

/* Does @p path match @p pattern? Copies the {param} segment into param. */
static int match(const char *pattern, const char *path, char *param, size_t plen)
{
	const char *p = pattern, *s = path;
	while (*p && *s) {
		if (*p == '{') {
			const char *end = strchr(s, '/');
			size_t n = end ? (size_t)(end - s) : strlen(s);
			if (n == 0 || n >= plen)
				return 0;
			memcpy(param, s, n);
			param[n] = '\0';
			s += n;
			p = strchr(p, '}');
			if (p == NULL)
				return 0;
			p++;
		} else if (*p++ != *s++) {
			return 0;
		}
	}
	return *p == '\0' && *s == '\0';
}

const route *route_match(const char *method, const char *path, char *param, size_t plen, int *path_known,
			 char *allow, size_t alen)
{
	size_t i, used = 0;
	const route *hit = NULL;
	*path_known = 0;
	if (alen)
		allow[0] = '\0';
	for (i = 0; i < server_nroutes; i++) {
		char tmp[128] = ""; /* patterns without {param} leave it untouched */
		if (!match(server_routes[i].pattern, path, tmp, sizeof(tmp)))
			continue;
		*path_known = 1;
		if (used < alen) {
			int n = snprintf(allow + used, alen - used, "%s%s", used ? ", " : "", server_routes[i].method);
			used += n > 0 ? (size_t)n : 0;
		}
		if (hit == NULL && strcmp(server_routes[i].method, method) == 0) {
			hit = &server_routes[i];
			snprintf(param, plen, "%s", tmp);
		}
	}
	return hit;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* URL-decode s[0..n) into out (size cap). -1 if it does not fit. */
static int url_decode(char *out, size_t cap, const char *s, size_t n)
{
	size_t i, o = 0;
	for (i = 0; i < n; i++) {
		int c = (unsigned char)s[i];
		if (c == '+')
			c = ' ';
		else if (c == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
			c = hexval(s[i + 1]) * 16 + hexval(s[i + 2]);
			i += 2;
		}
		if (o + 1 >= cap)
			return -1;
		out[o++] = (char)c;
	}
	out[o] = '\0';
	return 0;
}

int query_get(const char *query, const char *key, char *out, size_t n)
{
	size_t klen = strlen(key);
	const char *p = query;
	while (p && *p) {
		const char *amp = strchr(p, '&');
		size_t len = amp ? (size_t)(amp - p) : strlen(p);
		if (len > klen && strncmp(p, key, klen) == 0 && p[klen] == '=')
			return url_decode(out, n, p + klen + 1, len - klen - 1) < 0 ? -1 : 1;
		if (len == klen && strncmp(p, key, klen) == 0)
			return url_decode(out, n, "", 0) < 0 ? -1 : 1;
		p = amp ? amp + 1 : NULL;
	}
	return 0;
}
