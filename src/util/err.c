/* SPDX-License-Identifier: Apache-2.0 */
/* Error text and tg_err filling. Nothing here allocates. */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *tg_strerror(int code)
{
	switch (code) {
	case TG_OK: return "ok";
	case TG_ENOTFOUND: return "not found";
	case TG_EEXISTS: return "already exists";
	case TG_EINVALID: return "invalid input";
	case TG_ECONFLICT: return "conflict with recorded state";
	case TG_ELIMIT: return "limit exceeded";
	case TG_ENOMEM: return "out of memory";
	case TG_EIO: return "input/output error";
	case TG_EDB: return "store error";
	case TG_EINTERNAL: return "internal error";
	case TG_EREFUSED: return "refused";
	default: return "unknown error";
	}
}

const char *tg_code_name(int code)
{
	switch (code) {
	case TG_OK: return "ok";
	case TG_ENOTFOUND: return "not_found";
	case TG_EEXISTS: return "exists";
	case TG_EINVALID: return "invalid";
	case TG_ECONFLICT: return "conflict";
	case TG_ELIMIT: return "limit";
	case TG_ENOMEM: return "no_memory";
	case TG_EIO: return "io";
	case TG_EDB: return "store";
	case TG_EINTERNAL: return "internal";
	case TG_EREFUSED: return "refused";
	default: return "unknown";
	}
}

void tg_err_clear(tg_err *err)
{
	if (err != NULL)
		memset(err, 0, sizeof(*err));
}

/* Messages and fields are one line: control bytes (a line break quoted from the input, or in jansson's
 * "near '...'" excerpt) become spaces. */
static void one_line(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = ' ';
}

static int vfail(tg_err *err, int code, const char *field, const char *fmt, va_list ap)
{
	if (err == NULL)
		return code;
	err->code = code;
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	snprintf(err->field, sizeof(err->field), "%s", field ? field : "");
	one_line(err->msg);
	one_line(err->field);
	return code;
}

int tg__fail(tg_err *err, int code, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail(err, code, NULL, fmt, ap);
	va_end(ap);
	return code;
}

int tg__fail_field(tg_err *err, int code, const char *field, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfail(err, code, field, fmt, ap);
	va_end(ap);
	return code;
}

int tg__oom(tg_err *err)
{
	return tg__fail(err, TG_ENOMEM, "out of memory");
}
