/* SPDX-License-Identifier: Apache-2.0 */
/* Parser of the trade.gov Consolidated Screening List CSV (29 columns, header first). Columns are
 * found by header name so a reordered or extended file still loads. */
#include "lists.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "buf.h"
#include "csv.h"

enum { C_ID, C_SOURCE, C_TYPE, C_PROGRAMS, C_NAME, C_ADDR, C_FR, C_START, C_ALT, C_CITIZ, C_NAT, C_NCOLS };

static const char *const col_names[C_NCOLS] = {
	"_id",        "source",    "type",         "programs",     "name", "addresses", "federal_register_notice",
	"start_date", "alt_names", "citizenships", "nationalities"};

typedef struct csl {
	int col[C_NCOLS];
	size_t ncols;
	tg_buf names, addrs, ctry, progs;
	char type[16];
} csl;

static int read_header(csl *x, tg_csv *c)
{
	size_t i, j;
	for (j = 0; j < C_NCOLS; j++)
		x->col[j] = -1;
	for (i = 0; i < c->nfields; i++)
		for (j = 0; j < C_NCOLS; j++)
			if (strcmp(tg__csv_field(c, i), col_names[j]) == 0)
				x->col[j] = (int)i;
	x->ncols = c->nfields;
	return x->col[C_ID] >= 0 && x->col[C_SOURCE] >= 0 && x->col[C_NAME] >= 0;
}

static const char *get(const csl *x, const tg_csv *c, int which)
{
	return x->col[which] < 0 ? "" : tg__csv_field(c, (size_t)x->col[which]);
}

/* Add each sep-separated part of s through fn. */
static int split_add(tg_buf *b, const char *s, char sep, int (*fn)(tg_buf *, const char *, size_t))
{
	int rc;
	for (;;) {
		const char *e = strchr(s, sep);
		size_t n = e ? (size_t)(e - s) : strlen(s);
		if ((rc = fn(b, s, n)) < 0)
			return rc;
		if (e == NULL)
			return TG_OK;
		s = e + 1;
	}
}

/* Country codes: the trailing ", XX" of each address, then citizenships and nationalities. */
static int add_countries(tg_buf *b, const char *addrs, const char *more1, const char *more2)
{
	const char *s = addrs;
	int rc;
	while (*s) {
		const char *e = strchr(s, ';');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		while (n && isspace((unsigned char)s[n - 1]))
			n--;
		if (n >= 2 && isupper((unsigned char)s[n - 1]) && isupper((unsigned char)s[n - 2]) &&
		    (n == 2 || s[n - 3] == ' ' || s[n - 3] == ',') && (rc = tg__lists_add_value(b, s + n - 2, 2)) < 0)
			return rc;
		s = e ? e + 1 : s + n + strlen(s + n);
	}
	if ((rc = split_add(b, more1, ';', tg__lists_add_value)) < 0)
		return rc;
	return split_add(b, more2, ';', tg__lists_add_value);
}

/* The primary name; "Parent (P).  Affiliated Entity:  Child" names the child. */
static int add_primary(tg_buf *b, const char *name)
{
	const char *aff = strstr(name, "Affiliated Entity:");
	if (aff)
		name = aff + strlen("Affiliated Entity:");
	return tg__lists_add_name(b, name, strlen(name));
}

static int build(csl *x, const tg_csv *c, tg__list_entry *e)
{
	const char *t = get(x, c, C_TYPE);
	size_t i;
	int rc;

	tg__buf_clear(&x->names), tg__buf_clear(&x->addrs), tg__buf_clear(&x->ctry), tg__buf_clear(&x->progs);
	if ((rc = add_primary(&x->names, get(x, c, C_NAME))) < 0 ||
	    (rc = split_add(&x->names, get(x, c, C_ALT), ';', tg__lists_add_name)) < 0 ||
	    (rc = split_add(&x->addrs, get(x, c, C_ADDR), ';', tg__lists_add_value)) < 0 ||
	    (rc = add_countries(&x->ctry, get(x, c, C_ADDR), get(x, c, C_CITIZ), get(x, c, C_NAT))) < 0 ||
	    (rc = split_add(&x->progs, get(x, c, C_PROGRAMS), ';', tg__lists_add_value)) < 0)
		return rc;
	for (i = 0; t[i] && i < sizeof(x->type) - 1; i++)
		x->type[i] = (char)tolower((unsigned char)t[i]);
	x->type[i] = '\0';
	e->source_id = get(x, c, C_ID);
	e->type = x->type;
	e->names = x->names.ptr ? x->names.ptr : "";
	e->addresses = x->addrs.ptr ? x->addrs.ptr : "";
	e->countries = x->ctry.ptr ? x->ctry.ptr : "";
	e->programs = x->progs.ptr ? x->progs.ptr : "";
	e->fr_cite = get(x, c, C_FR);
	e->start_date = get(x, c, C_START);
	e->scripts = NULL;
	return TG_OK;
}

/* Check and store one data record; a bad record is a problem, not a failure (unless strict). */
static int record(csl *x, tg_csv *c, tg__list_sink *k, tg_err *err)
{
	tg__list_entry e;
	char code[16];
	char why[96];
	int rc;

	k->rows++;
	if (c->nfields != x->ncols) {
		snprintf(why, sizeof(why), "expected %zu fields, found %zu", x->ncols, c->nfields);
		return tg__lists_problem(k, c->rec_line, why, err);
	}
	if (!*get(x, c, C_NAME) || !*get(x, c, C_ID) || !*get(x, c, C_SOURCE))
		return tg__lists_problem(k, c->rec_line, "empty _id, source or name", err);
	tg__lists_code(code, get(x, c, C_SOURCE));
	if ((rc = build(x, c, &e)) < 0)
		return rc == TG_ENOMEM ? tg__oom(err) : tg__fail(err, rc, "line %ld: record too large", c->rec_line);
	if (!*e.names)
		return tg__lists_problem(k, c->rec_line, "no usable name", err);
	e.list = code;
	return k->entry(k, &e, err);
}

static int parse(csl *x, tg_csv *c, tg__list_sink *k, tg_err *err)
{
	int rc = tg__csv_next(c, err);
	if (rc < 0 || rc == 0 || !read_header(x, c))
		return rc == TG_ENOMEM ? rc
				       : tg__fail(err, TG_EINVALID,
						  "%s: not a CSL CSV file (no _id,source,name header)", k->file);
	while ((rc = tg__csv_next(c, err)) != 0) {
		if (rc == TG_ENOMEM)
			return rc;
		if (rc < 0) {
			k->rows++;
			rc = tg__lists_problem(k, c->rec_line, c->why, err);
		} else {
			rc = record(x, c, k, err);
		}
		if (rc < 0)
			return rc;
	}
	return TG_OK;
}

int tg__lists_parse_csl_csv(tg__list_sink *k, const char *data, size_t n, tg_err *err)
{
	csl x;
	tg_csv c;
	int rc;

	memset(&x, 0, sizeof(x));
	tg__csv_init(&c, data, n, ',');
	rc = parse(&x, &c, k, err);
	tg__csv_dispose(&c);
	tg_buf_dispose(&x.names), tg_buf_dispose(&x.addrs), tg_buf_dispose(&x.ctry), tg_buf_dispose(&x.progs);
	return rc;
}
