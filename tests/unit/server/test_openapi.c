/* SPDX-License-Identifier: Apache-2.0 */
/* GET /v1/openapi.json is OpenAPI 3.1 and describes exactly the routes of the table: same paths,
 * methods, path parameters, security (none on public routes) and roles; and every route documents its
 * request body (when it takes one) and its 2xx response with a named component schema. */
#include <jansson.h>
#include "fixture.h"

static json_t *fetch(fx *f)
{
	server_resp r;
	json_error_t je;
	json_t *doc;
	assert_int_equal(fx_req(f, &r, "GET", "/v1/openapi.json", -1, NULL), 200);
	doc = json_loads(r.body.ptr, 0, &je);
	server_resp_dispose(&r);
	assert_non_null(doc);
	return doc;
}

static void lower(char *out, const char *m)
{
	for (; *m; m++)
		*out++ = (char)(*m | 0x20);
	*out = '\0';
}

/* The schema of op's @p media content under @p where: a "$ref" to a component that exists. */
static void require_schema(json_t *doc, const route *rt, json_t *content, const char *media, const char *where)
{
	json_t *schemas = json_object_get(json_object_get(doc, "components"), "schemas");
	const char *ref =
		json_string_value(json_object_get(json_object_get(json_object_get(content, media), "schema"), "$ref"));
	if (ref == NULL || strncmp(ref, "#/components/schemas/", 21) != 0)
		fail_msg("%s %s: no schema for its %s (%s)", rt->method, rt->pattern, where, media);
	if (json_object_get(schemas, ref + 21) == NULL)
		fail_msg("%s %s: %s schema %s does not exist", rt->method, rt->pattern, where, ref);
}

/* One 2xx response with a schema; a request body with a schema exactly when the route takes one. */
static void check_schemas(json_t *doc, const route *rt, json_t *op)
{
	json_t *responses = json_object_get(op, "responses"), *resp, *body = json_object_get(op, "requestBody");
	const char *code;
	int n2xx = 0;
	json_object_foreach (responses, code, resp) {
		if (code[0] != '2')
			continue;
		n2xx++;
		require_schema(doc, rt, json_object_get(resp, "content"), rt->resp_type, "response");
	}
	if (n2xx != 1)
		fail_msg("%s %s: %d success responses, expected 1", rt->method, rt->pattern, n2xx);
	if (rt->req_type == NULL) {
		assert_null(body);
		return;
	}
	assert_non_null(body);
	require_schema(doc, rt, json_object_get(body, "content"), rt->req_type, "request body");
}

static void check_operation(const route *rt, json_t *op)
{
	json_t *sec = json_object_get(op, "security"), *roles = json_object_get(op, "x-roles");
	size_t k, nroles = 0;
	int i;
	assert_string_equal(json_string_value(json_object_get(op, "operationId")), rt->op_id);
	assert_non_null(json_object_get(json_object_get(op, "responses"), "default"));
	if (rt->roles & ROLES_PUBLIC) {
		assert_int_equal(json_array_size(sec), 0);
		return;
	}
	assert_int_equal(json_array_size(sec), 1);
	for (i = 0; i < TG_API_ROLE_COUNT; i++)
		nroles += (rt->roles & ROLE_BIT(i)) != 0;
	assert_int_equal(json_array_size(roles), nroles);
	for (k = 0; k < json_array_size(roles); k++) {
		tg_api_role role;
		assert_int_equal(tg_api_role_parse(&role, json_string_value(json_array_get(roles, k)), NULL), TG_OK);
		assert_true(rt->roles & ROLE_BIT(role));
	}
	if (strchr(rt->pattern, '{'))
		assert_string_equal(
			json_string_value(json_object_get(json_array_get(json_object_get(op, "parameters"), 0), "in")),
			"path");
}

static void document_matches_routes(void **state)
{
	fx *f = fx_new(0, NULL);
	json_t *doc = fetch(f), *paths, *item, *op;
	const char *path, *method;
	size_t i, nops = 0;
	(void)state;
	assert_string_equal(json_string_value(json_object_get(doc, "openapi")), "3.1.0");
	paths = json_object_get(doc, "paths");
	for (i = 0; i < server_nroutes; i++) {
		char m[8];
		lower(m, server_routes[i].method);
		op = json_object_get(json_object_get(paths, server_routes[i].pattern), m);
		if (op == NULL)
			fail_msg("route %s %s missing from openapi.json", server_routes[i].method,
				 server_routes[i].pattern);
		check_operation(&server_routes[i], op);
		check_schemas(doc, &server_routes[i], op);
	}
	json_object_foreach (paths, path, item) {
		json_object_foreach (item, method, op) {
			char p[256];
			const route *rt;
			int known;
			char allow[64], param[128];
			snprintf(p, sizeof(p), "%s", path);
			nops++;
			char up[8];
			size_t k;
			for (k = 0; method[k] && k < sizeof(up) - 1; k++)
				up[k] = (char)(method[k] & ~0x20);
			up[k] = '\0';
			rt = route_match(up, p, param, sizeof(param), &known, allow, sizeof(allow));
			if (rt == NULL || strcmp(rt->pattern, path) != 0)
				fail_msg("openapi.json has %s %s, which no route serves", method, path);
		}
	}
	assert_int_equal(nops, server_nroutes);
	json_decref(doc);
	fx_free(f);
}

/* Every "$ref" of the document names a component schema that exists. */
static void check_refs(json_t *doc, json_t *v, int *nrefs)
{
	const char *k;
	json_t *x;
	size_t i;
	if (json_is_object(v)) {
		json_object_foreach (v, k, x) {
			if (strcmp(k, "$ref") == 0) {
				const char *ref = json_string_value(x);
				assert_non_null(ref);
				assert_int_equal(strncmp(ref, "#/components/schemas/", 21), 0);
				if (json_object_get(json_object_get(json_object_get(doc, "components"), "schemas"),
						    ref + 21) == NULL)
					fail_msg("dangling $ref %s", ref);
				(*nrefs)++;
			} else {
				check_refs(doc, x, nrefs);
			}
		}
	} else if (json_is_array(v)) {
		json_array_foreach (v, i, x)
			check_refs(doc, x, nrefs);
	}
}

/* Creating routes document 201, the others 200 (spot checks against the handlers). */
static void success_statuses(void **state)
{
	fx *f = fx_new(0, NULL);
	json_t *doc = fetch(f), *paths = json_object_get(doc, "paths"), *content;
	static const char *const created[][2] = {{"/v1/tokens", "post"},      {"/v1/lists/load", "post"},
						 {"/v1/shipments", "post"},   {"/v1/overrides", "post"},
						 {"/v1/remittances", "post"}, {"/v1/certificates", "post"}};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(created) / sizeof(created[0]); i++)
		assert_non_null(json_object_get(
			json_object_get(json_object_get(json_object_get(paths, created[i][0]), created[i][1]),
					"responses"),
			"201"));
	assert_non_null(json_object_get(
		json_object_get(json_object_get(json_object_get(paths, "/v1/orders/check"), "post"), "responses"),
		"200"));
	/* the ledger statement is JSON, or CSV with ?format=csv: both media types are documented */
	content = json_object_get(
		json_object_get(
			json_object_get(json_object_get(json_object_get(paths, "/v1/ledger"), "get"), "responses"),
			"200"),
		"content");
	assert_non_null(json_object_get(content, "application/json"));
	assert_string_equal(json_string_value(json_object_get(
				    json_object_get(json_object_get(content, "text/csv"), "schema"), "type")),
			    "string");
	json_decref(doc);
	fx_free(f);
}

static void refs_resolve(void **state)
{
	fx *f = fx_new(0, NULL);
	json_t *doc = fetch(f);
	int n = 0;
	(void)state;
	check_refs(doc, doc, &n);
	assert_true(n > 20);
	assert_non_null(json_object_get(json_object_get(json_object_get(doc, "components"), "schemas"), "Decision"));
	json_decref(doc);
	fx_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(document_matches_routes),
		cmocka_unit_test(refs_resolve),
		cmocka_unit_test(success_statuses),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
