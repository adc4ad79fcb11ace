/* SPDX-License-Identifier: Apache-2.0 */
/* JSON form of an error, shared by the CLI (JSON Lines errors) and the HTTP layer. */
#include "tg/errors.h"

#include "tg/buf.h"
#include "buf.h"

int tg_err_json(tg_buf *out, const tg_err *err, long line)
{
	int rc;
	if (line > 0 && (rc = tg__buf_printf(out, "{\"line\":%ld,\"error\":{\"code\":", line)) < 0)
		return rc;
	if (line <= 0 && (rc = tg__buf_puts(out, "{\"error\":{\"code\":")) < 0)
		return rc;
	if ((rc = tg__buf_put_json_str(out, tg_code_name(err->code))) < 0 ||
	    (rc = tg__buf_puts(out, ",\"field\":")) < 0)
		return rc;
	rc = err->field[0] ? tg__buf_put_json_str(out, err->field) : tg__buf_puts(out, "null");
	if (rc < 0 || (rc = tg__buf_puts(out, ",\"message\":")) < 0 || (rc = tg__buf_put_json_str(out, err->msg)) < 0)
		return rc;
	return tg__buf_puts(out, "}}");
}
