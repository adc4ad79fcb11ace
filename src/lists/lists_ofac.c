/* SPDX-License-Identifier: Apache-2.0 */
/*
 * OFAC legacy CSV set: sdn.csv (entries) with add.csv (addresses) and alt.csv (aliases) read from
 * the same directory when present. No header; Latin-1/cp1252 (converted to UTF-8 unless the file is
 * already valid UTF-8); "-0-" means empty; a ^Z byte ends the files. All three feed the content hash.
 */
#include "lists.h"

#include <stdio.h>
#include <string.h>
#include "tg/file.h"
#include "alloc.h"
#include "buf.h"
#include "csv.h"
#include "map.h"

typedef struct ofac_ent {
	char *id, *name, *type, *programs; /* owned */
	tg_buf alts, addrs, ctry;
} ofac_ent;

typedef struct ofac {
	ofac_ent *v;
	size_t n, cap;
	tg_map by_id; /* id -> index + 1 */
} ofac;

static int valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t k = s[i] < 0x80             ? 0
			   : (s[i] & 0xE0) == 0xC0 ? 1
			   : (s[i] & 0xF0) == 0xE0 ? 2
			   : (s[i] & 0xF8) == 0xF0 ? 3
						   : 9;
		if (k == 9 || i + k >= n + (k == 0))
			return 0;
		for (i++; k; k--, i++)
			if ((s[i] & 0xC0) != 0x80)
				return 0;
	}
	return 1;
}

/* Latin-1 -> UTF-8 into b (C1 controls of cp1252 become their nearest ASCII or '?'). */
static int latin1_to_utf8(tg_buf *b, const unsigned char *s, size_t n)
{
	size_t i;
	int rc = TG_OK;
	for (i = 0; i < n && rc == TG_OK; i++) {
		unsigned char c = s[i];
		if (c < 0x80)
			rc = tg__buf_putc(b, (char)c);
		else if (c < 0xA0)
			rc = tg__buf_putc(b, c == 0x92 || c == 0x91 ? '\'' : c == 0x93 || c == 0x94 ? '"' : '?');
		else if ((rc = tg__buf_putc(b, (char)(0xC0 | (c >> 6)))) == TG_OK)
			rc = tg__buf_putc(b, (char)(0x80 | (c & 0x3F)));
	}
	return rc;
}

/* A field with OFAC's "-0-" (empty) marker and padding removed. */
static const char *fld(const tg_csv *c, size_t i)
{
	const char *s = tg__csv_field(c, i);
	while (*s == ' ')
		s++;
	return strncmp(s, "-0-", 3) == 0 ? "" : s;
}

static ofac_ent *find(ofac *o, const char *id)
{
	void *v = tg__map_get(&o->by_id, id, strlen(id));
	return v ? &o->v[(size_t)(uintptr_t)v - 1] : NULL;
}

/* "SDGT] [IRGC" (the brackets of "[SDGT] [IRGC]" as OFAC writes them) -> one program per line. */
static int add_programs(char **out, const char *p)
{
	tg_buf b = TG_BUF_INIT;
	int rc = TG_OK;
	while (*p && rc == TG_OK) {
		size_t l;
		while (*p == '[' || *p == ']' || *p == ' ')
			p++;
		l = strcspn(p, "[]");
		rc = tg__lists_add_value(&b, p, l);
		p += l;
	}
	*out = rc == TG_OK ? tg__buf_detach(&b) : NULL;
	tg_buf_dispose(&b);
	return *out ? TG_OK : TG_ENOMEM;
}

static int sdn_row(ofac *o, const tg_csv *c)
{
	ofac_ent *e;
	const char *type = fld(c, 2);
	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 1024;
		ofac_ent *nv = tg__realloc(o->v, cap * sizeof(*nv));
		if (nv == NULL)
			return TG_ENOMEM;
		o->v = nv, o->cap = cap;
	}
	e = &o->v[o->n];
	memset(e, 0, sizeof(*e));
	o->n++;
	if ((e->id = tg__strdup(fld(c, 0))) == NULL || (e->name = tg__strdup(fld(c, 1))) == NULL ||
	    (e->type = tg__strdup(*type ? type : "entity")) == NULL || add_programs(&e->programs, fld(c, 3)) < 0)
		return TG_ENOMEM;
	return tg__map_put(&o->by_id, e->id, strlen(e->id), (void *)(uintptr_t)o->n, NULL);
}

/* Decode a file's bytes to UTF-8 in b (a copy either way). */
static int decode(tg_buf *b, const char *data, size_t n)
{
	if (valid_utf8((const unsigned char *)data, n))
		return tg__buf_put(b, data, n);
	return latin1_to_utf8(b, (const unsigned char *)data, n);
}

/* Read rows of one CSV through fn; kind is "sdn", "add" or "alt" for problem reports. */
static int each_row(tg__list_sink *k, ofac *o, const char *data, size_t n, size_t min_fields,
		    int (*fn)(ofac *, const tg_csv *), int main_file, tg_err *err)
{
	tg_buf b = TG_BUF_INIT;
	tg_csv c;
	int rc;

	b.max = (size_t)1 << 30;
	if ((rc = decode(&b, data, n)) < 0)
		return rc == TG_ENOMEM ? tg__oom(err) : tg__fail(err, rc, "%s: too large", k->file);
	tg__csv_init(&c, b.ptr ? b.ptr : "", b.size, ',');
	while ((rc = tg__csv_next(&c, err)) != 0) {
		if (rc == TG_ENOMEM)
			break;
		k->rows += main_file;
		if (rc < 0 || c.nfields < min_fields || !*fld(&c, 0))
			rc = tg__lists_problem(k, c.rec_line, rc < 0 ? c.why : "too few fields or no id", err);
		else if ((rc = fn(o, &c)) == TG_ENOMEM)
			rc = tg__oom(err);
		if (rc < 0)
			break;
	}
	tg__csv_dispose(&c);
	tg_buf_dispose(&b);
	return rc;
}

static int alt_row(ofac *o, const tg_csv *c)
{
	ofac_ent *e = find(o, fld(c, 0));
	const char *name = fld(c, 3);
	return e ? tg__lists_add_name(&e->alts, name, strlen(name)) : TG_OK;
}

static int add_row(ofac *o, const tg_csv *c)
{
	ofac_ent *e = find(o, fld(c, 0));
	const char *country = fld(c, 4), *iso;
	char addr[1024];
	int rc;
	if (e == NULL)
		return TG_OK;
	snprintf(addr, sizeof(addr), "%s%s%s%s%s", fld(c, 2), *fld(c, 3) ? ", " : "", fld(c, 3), *country ? ", " : "",
		 country);
	if ((rc = tg__lists_add_value(&e->addrs, addr, strlen(addr))) < 0)
		return rc;
	iso = tg__lists_country_iso(country, strlen(country));
	return iso ? tg__lists_add_value(&e->ctry, iso, 2) : TG_OK;
}

/* Read a sibling of the main file (same directory), hash it and feed its rows; absent = skipped. */
static int side_file(tg__list_sink *k, ofac *o, const char *base, size_t min_fields, int (*fn)(ofac *, const tg_csv *),
		     tg_err *err)
{
	char path[1024];
	const char *slash = strrchr(k->path, '/'), *main_file = k->file;
	size_t dir = slash ? (size_t)(slash - k->path + 1) : 0;
	char *data;
	size_t n;
	int rc;

	snprintf(path, sizeof(path), "%.*s%s", (int)dir, k->path, base);
	if (tg_file_read(&data, &n, path, (size_t)1 << 30, NULL) < 0)
		return TG_OK; /* a sibling is a file even when the main file came from a URL */
	tg__lists_hash(k, data, n);
	k->file = path;
	rc = each_row(k, o, data, n, min_fields, fn, 0, err);
	k->file = main_file;
	tg__free(data);
	return rc;
}

static int emit(tg__list_sink *k, ofac *o, tg_err *err)
{
	tg_buf names = TG_BUF_INIT;
	size_t i;
	int rc = TG_OK;

	for (i = 0; i < o->n && rc == TG_OK; i++) {
		ofac_ent *e = &o->v[i];
		tg__list_entry le;
		tg__buf_clear(&names);
		if ((rc = tg__lists_add_name(&names, e->name, strlen(e->name))) < 0 ||
		    (e->alts.size && (rc = tg__buf_putc(&names, '\n')) < 0) ||
		    (rc = tg__buf_put(&names, e->alts.ptr ? e->alts.ptr : "", e->alts.size)) < 0)
			return tg__oom(err);
		le.source_id = e->id, le.list = "SDN", le.type = e->type, le.names = names.ptr ? names.ptr : "";
		le.addresses = e->addrs.ptr ? e->addrs.ptr : "", le.countries = e->ctry.ptr ? e->ctry.ptr : "";
		le.programs = e->programs, le.fr_cite = "", le.start_date = "", le.scripts = NULL;
		if (!*le.names)
			rc = tg__lists_problem(k, 0, "entry without a name", err);
		else
			rc = k->entry(k, &le, err);
	}
	tg_buf_dispose(&names);
	return rc;
}

static void ofac_dispose(ofac *o)
{
	size_t i;
	for (i = 0; i < o->n; i++) {
		tg__free(o->v[i].id), tg__free(o->v[i].name), tg__free(o->v[i].type), tg__free(o->v[i].programs);
		tg_buf_dispose(&o->v[i].alts), tg_buf_dispose(&o->v[i].addrs), tg_buf_dispose(&o->v[i].ctry);
	}
	tg__free(o->v);
	tg__map_dispose(&o->by_id);
}

int tg__lists_parse_ofac_csv(tg__list_sink *k, const char *data, size_t n, tg_err *err)
{
	ofac o;
	int rc;

	memset(&o, 0, sizeof(o));
	rc = each_row(k, &o, data, n, 4, sdn_row, 1, err);
	if (rc >= 0)
		rc = side_file(k, &o, "alt.csv", 4, alt_row, err);
	if (rc >= 0)
		rc = side_file(k, &o, "add.csv", 5, add_row, err);
	if (rc >= 0)
		rc = emit(k, &o, err);
	ofac_dispose(&o);
	return rc;
}
