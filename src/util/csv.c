/* SPDX-License-Identifier: Apache-2.0 */
/* RFC 4180 CSV reader (see csv.h for why it is hand-written). */
#include "csv.h"

#include <string.h>
#include "buf.h"

#define CSV_MAX_RECORD ((size_t)16 << 20)

enum { ST_START, ST_PLAIN, ST_QUOTED, ST_QUOTE };

void tg__csv_init(tg_csv *c, const char *data, size_t n, char delim)
{
	memset(c, 0, sizeof(*c));
	c->p = data;
	c->end = data + n;
	c->delim = delim ? delim : ',';
	c->line = 1;
	c->out.max = CSV_MAX_RECORD;
}

void tg__csv_dispose(tg_csv *c)
{
	tg_buf_dispose(&c->out);
}

const char *tg__csv_field(const tg_csv *c, size_t i)
{
	if (i >= c->nfields || c->out.ptr == NULL)
		return "";
	return c->out.ptr + c->off[i];
}

/* Close the field being built: NUL-terminate it in out and record its span. */
static int end_field(tg_csv *c, size_t start)
{
	int rc;
	if (c->nfields >= TG_CSV_MAX_FIELDS)
		return TG_ELIMIT;
	c->off[c->nfields] = start;
	c->len[c->nfields] = c->out.size - start;
	c->nfields++;
	if ((rc = tg__buf_putc(&c->out, '\0')) < 0)
		return rc;
	return TG_OK;
}

/* Skip the rest of a bad record up to and past the next line break; report it. */
static int skip_bad(tg_csv *c, int code, const char *why, tg_err *err)
{
	while (c->p < c->end && *c->p != '\n')
		c->p++;
	if (c->p < c->end) {
		c->p++;
		c->line++;
	}
	c->why = why;
	tg__fail(err, code, "line %ld: %s", c->rec_line, why);
	if (err)
		err->line = (int)c->rec_line;
	return code;
}

/* Consume a line break at p (LF or CRLF); 1 if one was there. */
static int eat_newline(tg_csv *c)
{
	if (*c->p == '\n') {
		c->p++;
		c->line++;
		return 1;
	}
	if (*c->p == '\r' && c->p + 1 < c->end && c->p[1] == '\n') {
		c->p += 2;
		c->line++;
		return 1;
	}
	return 0;
}

/* Skip blank lines and a trailing ^Z; 0 when input is exhausted. */
static int at_record(tg_csv *c)
{
	while (c->p < c->end) {
		if (*c->p == 0x1a && c->end - c->p <= 2) {
			c->p = c->end;
			return 0;
		}
		if (!eat_newline(c))
			return 1;
	}
	return 0;
}

static int step(tg_csv *c, int *st, size_t *start, int *done)
{
	char ch = *c->p;
	int rc = TG_OK;
	switch (*st) {
	case ST_START:
	case ST_PLAIN:
		if (ch == '"' && *st == ST_START) {
			*st = ST_QUOTED;
		} else if (ch == c->delim) {
			rc = end_field(c, *start);
			*start = c->out.size;
			*st = ST_START;
		} else if (eat_newline(c)) {
			*done = 1;
			return end_field(c, *start);
		} else {
			rc = tg__buf_putc(&c->out, ch);
			*st = ST_PLAIN;
		}
		break;
	case ST_QUOTED:
		if (ch == '"')
			*st = ST_QUOTE;
		else {
			if (ch == '\n')
				c->line++;
			rc = tg__buf_putc(&c->out, ch);
		}
		break;
	default: /* ST_QUOTE: after a quote inside a quoted field */
		if (ch == '"') {
			rc = tg__buf_putc(&c->out, '"');
			*st = ST_QUOTED;
		} else if (ch == c->delim) {
			rc = end_field(c, *start);
			*start = c->out.size;
			*st = ST_START;
		} else if (eat_newline(c)) {
			*done = 1;
			return end_field(c, *start);
		} else {
			return TG_EINVALID;
		}
	}
	c->p++;
	return rc;
}

int tg__csv_next(tg_csv *c, tg_err *err)
{
	int st = ST_START, done = 0, rc;
	size_t start = 0;

	tg__buf_clear(&c->out);
	c->nfields = 0;
	if (!at_record(c))
		return 0;
	c->rec_line = c->line;
	while (!done && c->p < c->end) {
		if (*c->p == 0x1a && c->end - c->p <= 2 && st != ST_QUOTED) {
			c->p = c->end; /* DOS end-of-file mark after the last record */
			break;
		}
		if ((rc = step(c, &st, &start, &done)) < 0) {
			if (rc == TG_EINVALID)
				return skip_bad(c, rc, "text after a closing quote", err);
			if (rc == TG_ENOMEM)
				return tg__oom(err);
			return skip_bad(c, rc, "record too large or too many fields", err);
		}
	}
	if (done)
		return 1;
	if (st == ST_QUOTED)
		return skip_bad(c, TG_EINVALID, "quoted field not closed at end of input", err);
	if ((rc = end_field(c, start)) < 0)
		return rc == TG_ENOMEM ? tg__oom(err) : skip_bad(c, rc, "too many fields", err);
	return 1;
}
