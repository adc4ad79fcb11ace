/* SPDX-License-Identifier: Apache-2.0 */
/* The one table from library codes to HTTP statuses, and problem+json bodies (RFC 9457) that name
 * the offending field. A 5xx never carries the library's message: internals stay in the log. */
#include "server_int.h"

#include <stdio.h>
#include <string.h>

static const struct {
	int code, status;
	const char *slug, *title;
} table[] = {
	{TG_ENOTFOUND, 404, "not-found", "Not found"},
	{TG_EEXISTS, 409, "exists", "Already exists"},
	{TG_EINVALID, 422, "invalid", "Invalid input"},
	{TG_ECONFLICT, 409, "conflict", "Conflict with recorded state"},
	{TG_ELIMIT, 413, "too-large", "Input too large"},
	{TG_EREFUSED, 422, "refused", "Refused by a business rule"},
};

static const struct {
	int status;
	const char *slug, *title;
} by_status[] = {
	{400, "malformed", "Malformed request"},
	{401, "unauthorized", "Authentication required"},
	{403, "forbidden", "Forbidden for this role"},
	{404, "not-found", "Not found"},
	{405, "method-not-allowed", "Method not allowed"},
	{409, "conflict", "Conflict"},
	{413, "too-large", "Input too large"},
	{422, "invalid", "Invalid input"},
	{500, "internal", "Internal error"},
	{501, "not-implemented", "Not implemented yet"},
	{503, "unavailable", "Service unavailable"},
};

/* EINVALID is 400 when the body could not be parsed at all (a line/column is known), else 422. */
int status_of(const tg_err *err)
{
	size_t i;
	if (err->code == TG_EINVALID && err->line > 0)
		return 400;
	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (table[i].code == err->code)
			return table[i].status;
	return 500;
}

static void slug_title(int status, const char **slug, const char **title)
{
	size_t i;
	*slug = "error", *title = "Error";
	for (i = 0; i < sizeof(by_status) / sizeof(by_status[0]); i++)
		if (by_status[i].status == status)
			*slug = by_status[i].slug, *title = by_status[i].title;
}

static void problem_body(server_resp *r, int status, const char *slug, const char *title, const char *detail,
			 const char *field, const char *instance, const tg_err *err)
{
	tg_buf *b = &r->body;
	tg_buf_dispose(b);
	r->status = status;
	r->content_type = "application/problem+json";
	tg_buf_printf(b, "{\"type\":\"https://tollgate.dev/problems/%s\",\"title\":", slug);
	tg_buf_put_json_str(b, title);
	tg_buf_printf(b, ",\"status\":%d,\"detail\":", status);
	tg_buf_put_json_str(b, detail && *detail ? detail : title);
	if (field && *field) {
		tg_buf_puts(b, ",\"field\":");
		tg_buf_put_json_str(b, field);
	}
	if (err && err->line > 0)
		tg_buf_printf(b, ",\"line\":%d,\"column\":%d", err->line, err->column);
	if (instance) {
		tg_buf_puts(b, ",\"instance\":");
		tg_buf_put_json_str(b, instance);
	}
	tg_buf_puts(b, "}\n");
}

void problem(server_resp *r, int status, const char *detail, const char *field, const char *instance)
{
	const char *slug, *title;
	slug_title(status, &slug, &title);
	problem_body(r, status, slug, title, detail, field, instance, NULL);
}

void problem_refused(server_resp *r, const char *detail, const char *instance)
{
	problem_body(r, 422, "refused", "Refused by a business rule", detail, NULL, instance, NULL);
}

void problem_from_err(server_resp *r, const tg_err *err, const char *instance)
{
	int status = status_of(err);
	const char *slug = "internal", *title = "Internal error";
	size_t i;
	if (status >= 500) {
		problem_body(r, 500, slug, title, "internal error; see the server log", NULL, instance, NULL);
		return;
	}
	if (status == 400)
		slug = "malformed", title = "Malformed request";
	else
		for (i = 0; i < sizeof(table) / sizeof(table[0]); i++)
			if (table[i].code == err->code)
				slug = table[i].slug, title = table[i].title;
	problem_body(r, status, slug, title, err->msg[0] ? err->msg : tg_strerror(err->code), err->field, instance,
		     err);
}

int resp_json(server_resp *r, int status, const char *json, size_t len)
{
	r->status = status;
	r->content_type = "application/json";
	return tg_buf_put(&r->body, json, len);
}

void resp_header(server_resp *r, const char *name, const char *value)
{
	if (r->nheaders < SERVER_MAX_HEADERS) {
		r->headers[r->nheaders].name = name;
		r->headers[r->nheaders].value = value;
		r->nheaders++;
	}
}

int srv_fail(tg_err *err, int code, const char *field, const char *fmt, ...)
{
	va_list ap;
	err->code = code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	snprintf(err->field, sizeof(err->field), "%s", field ? field : "");
	return code;
}
