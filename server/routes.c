/* SPDX-License-Identifier: Apache-2.0 */
/* The route table: every operation of the API with the roles allowed to call it. The OpenAPI
 * document, the authorisation checks and the metrics labels all come from this one table.
 *
 * An operation whose library function has not landed yet is listed with a NULL handler and answers 501
 * until its codec file (codec_<area>.c) supplies one. */
#include "server_int.h"

#include <stdio.h>
#include <string.h>

#define J "application/json"
#define NDJ "application/x-ndjson"

const route server_routes[] = {
	{"GET", "/healthz", h_healthz, ROLES_PUBLIC, "healthz", "ops", "Liveness", NULL, J, NULL},
	{"GET", "/readyz", h_readyz, ROLES_PUBLIC, "readyz", "ops", "Readiness (503 while draining)", NULL, J, NULL},
	{"GET", "/metrics", h_metrics, ROLES_PUBLIC, "metrics", "ops", "Prometheus metrics", NULL, "text/plain", NULL},
	{"GET", "/v1/openapi.json", h_openapi, ROLES_PUBLIC, "openapi", "ops", "This document", NULL, J, NULL},
	{"GET", "/v1/whoami", h_whoami, R_ALL, "whoami", "tokens", "The caller's token name and role", NULL, J, NULL},
	{"GET", "/v1/catalog", h_catalog, R_ALL, "catalog", "classify", "Catalogue items (id, vendor, name)", NULL, J,
	 NULL},
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
	 "Load an uploaded list file (body = the file; ?format= ?name= ?strict= ?filename=)",
	 "application/octet-stream", J, NULL},
	{"GET", "/v1/lists/rescreen-report", h_lists_rescreen_report, R_CO | R_AUD, "rescreenReport", "lists",
	 "Recorded parties whose screening changed with a list load: new and cleared hits (?snapshot=ID, else the "
	 "latest); same JSON as tollgate lists rescreen-report --json",
	 NULL, J, NULL},
	{"GET", "/v1/policy", h_policy, R_ALL, "policyInForce", "policy",
	 "Rules in force (?as_of=YYYY-MM-DD); same JSON as tollgate policy list --json", NULL, J, NULL},
	{"GET", "/v1/tokens", h_tokens_list, R_ADM | R_AUD, "listTokens", "tokens", "Tokens (never secrets)", NULL, J,
	 NULL},
	{"POST", "/v1/tokens", h_tokens_add, R_ADM, "addToken", "tokens",
	 "Create a token {role, name}; the secret is shown once", J, J, NULL},
	{"DELETE", "/v1/tokens/{id}", h_tokens_revoke, R_ADM, "revokeToken", "tokens", "Revoke a token", NULL, J, NULL},
	/* Overrides (issue 3's library, issue 5's approval step): proposed by one officer, approved by another. */
	{"GET", "/v1/overrides", h_overrides_list, R_CO | R_AUD, "listOverrides", "overrides",
	 "Recorded overrides (same JSON as tollgate screen overrides --json)", NULL, J, NULL},
	{"POST", "/v1/overrides", h_override_propose, R_CO, "proposeOverride", "overrides",
	 "Propose a decision on a (party name, list entry) pair {party, list, entity_id, decision, reason}", J, J,
	 NULL},
	{"GET", "/v1/override-proposals", h_override_proposals, R_CO | R_AUD, "listOverrideProposals", "overrides",
	 "Pending override proposals (?all=true: every one)", NULL, J, NULL},
	{"POST", "/v1/overrides/{id}/approve", h_override_approve, R_CO, "approveOverride", "overrides",
	 "Approve a proposed override (not by its proposer); it applies at once", NULL, J, NULL},
	/* Issue 4: licences, certificates, shipments, trace, reports, ledger, audit. */
	{"GET", "/v1/licences", h_licences_list, R_EXP | R_CO | R_LIC | R_AUD, "listLicences", "licences",
	 "Licences (tollgate license list --json; exporters: their own)", NULL, J, NULL},
	{"POST", "/v1/licences", h_licence_apply, R_CO, "applyLicence", "licences",
	 "Apply for a licence (licence JSON): pending until a licensing officer issues it", J, J, NULL},
	{"GET", "/v1/licence-applications", h_licence_applications, R_CO | R_LIC | R_AUD, "listLicenceApplications",
	 "licences", "Pending licence applications (?all=true: every one)", NULL, J, NULL},
	{"GET", "/v1/licences/{id}", h_licence_show, R_EXP | R_CO | R_LIC | R_AUD, "getLicence", "licences",
	 "A licence with its balances (tollgate license show --json)", NULL, J, NULL},
	{"POST", "/v1/licences/{id}/issue", h_licence_issue, R_LIC, "issueLicence", "licences",
	 "Issue an applied-for licence (not by its applicant); same JSON as tollgate license add --json", NULL, J,
	 NULL},
	{"POST", "/v1/licences/{id}/revoke", h_licence_revoke, R_LIC, "revokeLicence", "licences",
	 "Revoke a licence {reason}", J, J, NULL},
	{"GET", "/v1/customers", h_customers, R_CO | R_LIC | R_AUD, "approvedCustomers", "licences",
	 "Approved customers derived from live licences (tollgate license customers --json)", NULL, J, NULL},
	{"POST", "/v1/certificates", h_certificate_record, R_INS, "issueCertificate", "certificates",
	 "Record an inspection certificate (tollgate inspect record --json); 422 with every reason if rejected", J, J,
	 NULL},
	{"GET", "/v1/certificates/{id}", h_certificate_show, R_INS | R_CO | R_AUD, "getCertificate", "certificates",
	 "A certificate as recorded", NULL, J, NULL},
	{"POST", "/v1/shipments", h_ship, R_EXP, "ship", "shipments",
	 "Ship (part of) an own decided order (tollgate ship --json); 422 with every reason if refused", J, J, NULL},
	{"POST", "/v1/shipments/batch", h_ship_batch, R_EXP, "shipMany", "shipments",
	 "Ship JSON Lines of shipments, 1000 per commit; JSON Lines out", NDJ, NDJ, NULL},
	{"GET", "/v1/shipments/{id}", h_shipment_show, R_EXP | R_CO | R_INS | R_AUD, "getShipment", "shipments",
	 "A shipment's receipt (tollgate ship show --json)", NULL, J, NULL},
	{"POST", "/v1/shipments/{id}/return", h_shipment_return, R_LIC, "returnShipment", "shipments",
	 "Mark a shipment returned or revoked {reason, status?}: its charges are reversed", J, J, NULL},
	{"GET", "/v1/trace/{serial}", h_trace, R_CO | R_INS | R_AUD, "traceSerial", "shipments",
	 "Trace a serial number (tollgate trace --json)", NULL, J, NULL},
	{"POST", "/v1/trace/{serial}/reports", h_trace_report, R_CO | R_INS, "reportDiversion", "shipments",
	 "Report a serial seen somewhere {seen_at, note?}", J, J, NULL},
	{"GET", "/v1/reports/diversion", h_report_diversion, R_CO | R_AUD, "diversionReport", "reports",
	 "Diversion reports (?exporter=)", NULL, J, NULL},
	{"GET", "/v1/reports/us-volume", h_report_us_volume, R_CO | R_LIC | R_AUD, "usVolume", "reports",
	 "US end-use volume and China volume behind the 50 % cap (?exporter=)", NULL, J, NULL},
	{"POST", "/v1/us-volume", h_us_volume_record, R_EXP | R_CO, "recordUsVolume", "reports",
	 "Record US end-use volume {exporter, item, quantity, period} (exporters: their own)", J, J, NULL},
	{"GET", "/v1/reports/review", h_report_review, R_CO | R_AUD, "reviewQueue", "reports",
	 "Recorded decisions whose verdict is review (?exporter=)", NULL, J, NULL},
	{"GET", "/v1/ledger", h_ledger, R_EXP | R_LIC | R_AUD, "ledger", "ledger",
	 "Statement ?exporter=&quarter=2026Q1&format=json|csv (exporters: their own)", NULL, J, NULL},
	{"GET", "/v1/ledger/check", h_ledger_check, R_LIC | R_AUD, "ledgerCheck", "ledger",
	 "Prove the books balance (tollgate ledger check --json)", NULL, J, NULL},
	{"GET", "/v1/remittances", h_remittances, R_LIC | R_AUD, "listRemittances", "ledger",
	 "Remittances (?exporter=)", NULL, J, NULL},
	{"POST", "/v1/remittances", h_remit, R_LIC, "recordRemittance", "ledger",
	 "Record a remittance {exporter, kind, amount, currency, date, ref}", J, J, NULL},
	{"GET", "/v1/audit/verify", h_audit_verify, R_AUD | R_ADM, "auditVerify", "audit",
	 "Verify the audit chain (tollgate audit verify --json)", NULL, J, NULL},
	{"GET", "/v1/audit/export", h_audit_export, R_AUD, "auditExport", "audit",
	 "Export the audit chain ?from=&to= (tollgate audit export)", NULL, NDJ, NULL},
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

const route *route_match(const char *method, const char *path, char *param, size_t plen, int *path_known, char *allow,
			 size_t alen)
{
	size_t i, used = 0;
	const route *hit = NULL;
	*path_known = 0;
	if (alen)
		allow[0] = '\0';
	for (i = 0; i < server_nroutes; i++) {
		char tmp[128];
		tmp[0] = '\0'; /* a route without {param} leaves it untouched: never copy stack garbage */
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

int query_utf8_ok(const char *query, char *bad, size_t n)
{
	const char *p = query;
	char v[1024];
	while (p && *p) {
		const char *amp = strchr(p, '&'), *eq;
		size_t len = amp ? (size_t)(amp - p) : strlen(p);
		/* too long to check here is too long for every parameter reader (they use smaller buffers) */
		if (url_decode(v, sizeof(v), p, len) == 0 && !tg_utf8_valid(v)) {
			eq = memchr(p, '=', len);
			snprintf(bad, n, "%.*s", (int)(eq ? (size_t)(eq - p) : len), p);
			return -1;
		}
		p = amp ? amp + 1 : NULL;
	}
	return 0;
}
