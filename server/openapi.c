/* SPDX-License-Identifier: Apache-2.0 */
/* The OpenAPI 3.1 document, generated from the route table so it cannot drift from the routes
 * (tests/unit/server/test_openapi.c checks the two against each other and against the roles). */
#include "server_int.h"

#include <jansson.h>
#include <stdio.h>
#include "tg/version.h"
#include <stdlib.h>
#include <string.h>

static json_t *media(const char *type, const char *name)
{
	char ref[96];
	json_t *schema;
	if (name)
		snprintf(ref, sizeof(ref), "#/components/schemas/%s", name);
	schema = name ? json_pack("{s:s}", "$ref", ref) : json_pack("{s:s}", "type", "string");
	if (type && strcmp(type, "application/json") == 0 && name == NULL)
		json_object_set_new(schema, "type", json_string("object"));
	return json_pack("{s:{s:o}}", type, "schema", schema);
}

static json_t *responses(const route *r)
{
	json_t *o = json_object(), *content;
	const char *req, *resp, *alt = openapi_alt_media(r->op_id);
	char code[8];
	int status;
	openapi_refs(r->op_id, &req, &resp, &status);
	snprintf(code, sizeof(code), "%d", status);
	content = media(r->resp_type, resp);
	if (alt) /* a second media type of the same response, e.g. the ledger as text/csv */
		json_object_set_new(content, alt, json_pack("{s:{s:s}}", "schema", "type", "string"));
	json_object_set_new(o, code, json_pack("{s:s,s:o}", "description", "success", "content", content));
	if (r->fn == NULL)
		json_object_set_new(o, "501",
				    json_pack("{s:s,s:o}", "description", r->pending, "content",
					      media("application/problem+json", "Problem")));
	json_object_set_new(o, "default",
			    json_pack("{s:s,s:o}", "description", "problem (RFC 9457)", "content",
				      media("application/problem+json", "Problem")));
	return o;
}

static json_t *roles_of(const route *r)
{
	json_t *a = json_array();
	int i;
	for (i = 0; i < TG_API_ROLE_COUNT && !(r->roles & ROLES_PUBLIC); i++)
		if (r->roles & ROLE_BIT(i))
			json_array_append_new(a, json_string(tg_api_role_name(i)));
	return a;
}

static json_t *operation(const route *r)
{
	json_t *op = json_pack("{s:s,s:[s],s:s,s:o,s:o}", "operationId", r->op_id, "tags", r->tag, "summary",
			       r->summary, "x-roles", roles_of(r), "responses", responses(r));
	const char *brace = strchr(r->pattern, '{');
	json_object_set_new(op, "security", r->roles & ROLES_PUBLIC ? json_array() : json_pack("[{s:[]}]", "bearer"));
	if (brace) {
		char name[64];
		size_t n = strcspn(brace + 1, "}");
		snprintf(name, sizeof(name), "%.*s", (int)n, brace + 1);
		json_object_set_new(op, "parameters",
				    json_pack("[{s:s,s:s,s:b,s:{s:s}}]", "name", name, "in", "path", "required", 1,
					      "schema", "type", "string"));
	}
	if (r->req_type) {
		const char *req, *resp;
		int status;
		openapi_refs(r->op_id, &req, &resp, &status);
		json_object_set_new(op, "requestBody",
				    json_pack("{s:b,s:o}", "required", 1, "content", media(r->req_type, req)));
	}
	if (r->fn == NULL)
		json_object_set_new(op, "x-pending", json_string(r->pending));
	return op;
}

int openapi_render(tg_buf *out)
{
	json_t *doc, *paths = json_object(), *schemas = json_object();
	char *text;
	size_t i;
	int rc;
	for (i = 0; i < server_nroutes; i++) {
		const route *r = &server_routes[i];
		json_t *item = json_object_get(paths, r->pattern);
		char m[8];
		size_t k;
		if (item == NULL)
			json_object_set_new(paths, r->pattern, item = json_object());
		for (k = 0; r->method[k] && k < sizeof(m) - 1; k++)
			m[k] = (char)(r->method[k] | 0x20);
		m[k] = '\0';
		json_object_set_new(item, m, operation(r));
	}
	for (i = 0; i < openapi_nschemas; i++) {
		json_t *sc = json_loads(openapi_schemas[i].json, 0, NULL);
		if (sc == NULL) {
			json_decref(paths);
			json_decref(schemas);
			return TG_EINTERNAL;
		}
		json_object_set_new(schemas, openapi_schemas[i].name, sc);
	}
	doc = json_pack("{s:s,s:{s:s,s:s,s:s},s:[{s:s}],s:o,s:{s:{s:{s:s,s:s}},s:o}}", "openapi", "3.1.0", "info",
			"title", "tollgate", "version", TG_VERSION, "description",
			"Export-control compliance engine for AI accelerators. Bearer tokens carry one role each.",
			"servers", "url", "/", "paths", paths, "components", "securitySchemes", "bearer", "type",
			"http", "scheme", "bearer", "schemas", schemas);
	if (doc == NULL)
		return TG_ENOMEM;
	text = json_dumps(doc, JSON_PRESERVE_ORDER | JSON_INDENT(1));
	json_decref(doc);
	if (text == NULL)
		return TG_ENOMEM;
	rc = tg_buf_puts(out, text);
	if (rc == TG_OK)
		rc = tg_buf_puts(out, "\n");
	free(text);
	return rc;
}
