/* SPDX-License-Identifier: Apache-2.0 */
/*
 * RFC 4180 CSV reader over an in-memory buffer: a small state machine (quoted fields with embedded
 * delimiters, doubled quotes and line breaks; CRLF or LF; an optional trailing ^Z byte as written by
 * old DOS tools, which OFAC's files still carry). Debian has libcsv (LGPL, callback-based, no line
 * numbers per record) but nothing clearly better than 200 lines that report the line of each bad
 * record, so the parser lives here. A malformed record (text after a closing quote, a quote left
 * open at end of input) is skipped up to the next line break and reported with its line.
 */
#ifndef TG_UTIL_CSV_H
#define TG_UTIL_CSV_H

#include <stddef.h>
#include "tg/buf.h"
#include "err.h"

#define TG_CSV_MAX_FIELDS 256

typedef struct tg_csv {
	const char *p, *end;           /* remaining input */
	char delim;                    /* ',' by default */
	long line;                     /* 1-based line where the next record starts */
	long rec_line;                 /* line where the current record started */
	const char *why;               /* reason the last malformed record was skipped (static text) */
	tg_buf out;                    /* unescaped fields of the current record, NUL-separated */
	size_t nfields;                /* fields of the current record */
	size_t off[TG_CSV_MAX_FIELDS]; /* offset of each field in out */
	size_t len[TG_CSV_MAX_FIELDS]; /* length of each field */
} tg_csv;

/* Start reading data[0..n). The buffer is borrowed for the reader's life. */
void tg__csv_init(tg_csv *c, const char *data, size_t n, char delim);
void tg__csv_dispose(tg_csv *c);
/*
 * Read the next record: 1 = a record is available (fields via tg__csv_field), 0 = end of input,
 * TG_EINVALID = the record starting at err->line is malformed and was skipped (reading may go on),
 * TG_ENOMEM / TG_ELIMIT (record larger than 16 MiB or more than TG_CSV_MAX_FIELDS fields: skipped).
 */
int tg__csv_next(tg_csv *c, tg_err *err);
/* Field i of the current record (NUL-terminated, borrowed until the next call), "" if i is out of range. */
const char *tg__csv_field(const tg_csv *c, size_t i);

#endif
