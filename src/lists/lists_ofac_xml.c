/* SPDX-License-Identifier: Apache-2.0 */
/*
 * OFAC enhanced XML (SDN_ENHANCED.XML, CONS_ENHANCED.XML; schema ENHANCED_XML), plain or zipped. The
 * document is streamed with libxml2's xmlTextReader: only one <referenceValue> or one <entity> is
 * expanded into a tree at a time, and a zip member is inflated as it is parsed, so memory stays
 * bounded by the largest entity, not the file. Every name translation becomes a name of the entry;
 * the ones in a non-Latin script are also reported with their script tag (tg__list_entry.scripts).
 */
#include "lists.h"

#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "alloc.h"
#include "buf.h"

#define OX_MAX_XML ((uint64_t)1 << 30) /* uncompressed bytes of a zip member, as for a plain file */
#define OX_TEXT 1024                   /* longest value kept (names, address parts), as tg__lists_add_value */

/* A reference value the entities point at: COUNTRY refId -> ISO code, SCRIPT refId -> script code. */
typedef struct ox_ref {
	long id;
	char val[24];
} ox_ref;

typedef struct ox {
	tg__list_sink *k;
	ox_ref *refs;
	size_t nrefs, cap;
	int sorted;
	tg_buf names, scripts, addrs, ctry, progs, tmp;
	char type[16];
	char xml_msg[200]; /* first libxml2 error, if any */
	long xml_line;
	tg__zip_member *zip;
	char file[600]; /* the path, or "path!MEMBER" for a zip: used in problem reports */
} ox;

/* ---- small tree helpers over an expanded subtree ---- */

static int is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
	const xmlNode *c;
	for (c = n ? n->children : NULL; c; c = c->next)
		if (is(c, name))
			return c;
	return NULL;
}

/* Next sibling element named name after c (c itself excluded). */
static const xmlNode *next(const xmlNode *c, const char *name)
{
	for (c = c ? c->next : NULL; c; c = c->next)
		if (is(c, name))
			return c;
	return NULL;
}

static const xmlNode *first(const xmlNode *n, const char *name)
{
	const xmlNode *c = n ? n->children : NULL;
	return is(c, name) ? c : next(c, name);
}

static const char *attr(const xmlNode *n, const char *name)
{
	const xmlAttr *a;
	for (a = n ? n->properties : NULL; a; a = a->next)
		if (strcmp((const char *)a->name, name) == 0 && a->children && a->children->content)
			return (const char *)a->children->content;
	return NULL;
}

/* The text of element n into buf (cut at OX_TEXT - 1 bytes on a UTF-8 boundary); "" if none. */
static const char *text(const xmlNode *n, char buf[OX_TEXT])
{
	const xmlNode *c;
	size_t m = 0;
	for (c = n ? n->children : NULL; c; c = c->next) {
		const char *s = (const char *)c->content;
		size_t l;
		if ((c->type != XML_TEXT_NODE && c->type != XML_CDATA_SECTION_NODE) || s == NULL)
			continue;
		l = strlen(s);
		if (l > OX_TEXT - 1 - m) {
			l = OX_TEXT - 1 - m;
			while (l && ((unsigned char)s[l] & 0xC0) == 0x80)
				l--;
		}
		memcpy(buf + m, s, l);
		m += l;
	}
	buf[m] = '\0';
	return buf;
}

static int truthy(const xmlNode *n)
{
	char b[OX_TEXT];
	return strcmp(text(n, b), "true") == 0;
}

/* ---- reference values ---- */

static int ref_cmp(const void *a, const void *b)
{
	long x = ((const ox_ref *)a)->id, y = ((const ox_ref *)b)->id;
	return x < y ? -1 : x > y;
}

static const char *ref_get(ox *x, const char *refid)
{
	ox_ref key, *r;
	char *end;
	if (refid == NULL || x->nrefs == 0)
		return NULL;
	if (!x->sorted) {
		qsort(x->refs, x->nrefs, sizeof(*x->refs), ref_cmp);
		x->sorted = 1;
	}
	key.id = strtol(refid, &end, 10);
	if (*end != '\0')
		return NULL;
	r = bsearch(&key, x->refs, x->nrefs, sizeof(*x->refs), ref_cmp);
	return r ? r->val : NULL;
}

/* <referenceValue refId="..."><type>COUNTRY|SCRIPT</type>...<code>|<isoCode>: keep what entities use. */
static int ref_value(ox *x, const xmlNode *n)
{
	char b[OX_TEXT], v[OX_TEXT];
	const char *id = attr(n, "refId"), *type = text(child(n, "type"), b);
	char *end;
	long num;

	if (id == NULL || (strcmp(type, "COUNTRY") != 0 && strcmp(type, "SCRIPT") != 0))
		return TG_OK;
	text(child(n, strcmp(type, "COUNTRY") == 0 ? "isoCode" : "code"), v);
	if (*type == 'S' && !*v)
		text(child(n, "value"), v);
	num = strtol(id, &end, 10);
	if (*end != '\0' || !*v || strlen(v) >= sizeof(x->refs->val))
		return TG_OK; /* unusable: entities then fall back on the country's name */
	if (x->nrefs == x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 256;
		ox_ref *nv = tg__realloc(x->refs, cap * sizeof(*nv));
		if (nv == NULL)
			return TG_ENOMEM;
		x->refs = nv, x->cap = cap;
	}
	x->refs[x->nrefs].id = num;
	memcpy(x->refs[x->nrefs].val, v, strlen(v) + 1); /* fits: checked above */
	x->nrefs++, x->sorted = 0;
	return TG_OK;
}

/* ISO code of a country element or feature: its refId/valueRefId, else its English name. */
static int add_country(ox *x, const char *refid, const char *name)
{
	const char *iso = ref_get(x, refid);
	if (iso == NULL || strlen(iso) != 2)
		iso = tg__lists_country_iso(name, strlen(name));
	return iso ? tg__lists_add_value(&x->ctry, iso, 2) : TG_OK;
}

/* ---- one entity ---- */

/* One name translation: formattedFullName, else its name parts joined; its script when not Latin. */
static int translation(ox *x, const xmlNode *t)
{
	char b[OX_TEXT], s[OX_TEXT];
	const xmlNode *sc = child(t, "script"), *p;
	const char *code = ref_get(x, attr(sc, "refId")), *full = text(child(t, "formattedFullName"), b), *c;
	int rc;

	tg__buf_clear(&x->tmp);
	if ((rc = tg__buf_puts(&x->tmp, full)) < 0)
		return rc;
	for (p = first(child(t, "nameParts"), "namePart"); !*full && p; p = next(p, "namePart"))
		if ((x->tmp.size && (rc = tg__buf_putc(&x->tmp, ' ')) < 0) ||
		    (rc = tg__buf_puts(&x->tmp, text(child(p, "value"), s))) < 0)
			return rc;
	if (x->tmp.size == 0)
		return TG_OK;
	if ((rc = tg__lists_add_name(&x->names, x->tmp.ptr, x->tmp.size)) < 0)
		return rc;
	if (code == NULL)
		code = text(sc, s);
	if (!*code || strcmp(code, "Latin") == 0 || strcmp(code, "Latn") == 0)
		return TG_OK;
	if ((rc = tg__buf_printf(&x->scripts, "%s%s\t", x->scripts.size ? "\n" : "", code)) < 0)
		return rc;
	for (c = x->tmp.ptr; rc == TG_OK && *c; c++) /* one line per name: no tab or newline inside */
		rc = tg__buf_putc(&x->scripts, *c == '\n' || *c == '\t' || *c == '\r' ? ' ' : *c);
	return rc;
}

/* Each <tag> child of parent through fn, those whose <isPrimary> is true first. */
static int primary_first(ox *x, const xmlNode *parent, const char *tag, int (*fn)(ox *, const xmlNode *))
{
	const xmlNode *n;
	int pass, rc;
	for (pass = 0; pass < 2; pass++)
		for (n = first(parent, tag); n; n = next(n, tag))
			if (truthy(child(n, "isPrimary")) == (pass == 0) && (rc = fn(x, n)) < 0)
				return rc;
	return TG_OK;
}

/* Every translation of a <name>, its primary translation first. */
static int name(ox *x, const xmlNode *n)
{
	return primary_first(x, child(n, "translations"), "translation", translation);
}

/* All names: the primary <name> first, then the aliases (a.k.a., f.k.a., n.k.a., weak ones too). */
static int names(ox *x, const xmlNode *e)
{
	return primary_first(x, child(e, "names"), "name", name);
}

/* Each address translation as "part, part, ..., Country"; its country's ISO code. */
static int addresses(ox *x, const xmlNode *e)
{
	const xmlNode *a, *t, *p;
	char cb[OX_TEXT], pb[OX_TEXT];
	int rc;

	for (a = first(child(e, "addresses"), "address"); a; a = next(a, "address")) {
		const xmlNode *c = child(a, "country");
		const char *country = text(c, cb);
		if (c && (rc = add_country(x, attr(c, "refId"), country)) < 0)
			return rc;
		for (t = first(child(a, "translations"), "translation"); t; t = next(t, "translation")) {
			tg__buf_clear(&x->tmp);
			for (p = first(child(t, "addressParts"), "addressPart"); p; p = next(p, "addressPart"))
				if ((x->tmp.size && (rc = tg__buf_puts(&x->tmp, ", ")) < 0) ||
				    (rc = tg__buf_puts(&x->tmp, text(child(p, "value"), pb))) < 0)
					return rc;
			if (*country && ((x->tmp.size && (rc = tg__buf_puts(&x->tmp, ", ")) < 0) ||
					 (rc = tg__buf_puts(&x->tmp, country)) < 0))
				return rc;
			if (x->tmp.size && (rc = tg__lists_add_value(&x->addrs, x->tmp.ptr, x->tmp.size)) < 0)
				return rc;
		}
	}
	return TG_OK;
}

/* Countries named by features: nationality, citizenship, nationality of registration. */
static int features(ox *x, const xmlNode *e)
{
	const xmlNode *f;
	char tb[OX_TEXT], vb[OX_TEXT], rb[OX_TEXT];
	int rc;
	for (f = first(child(e, "features"), "feature"); f; f = next(f, "feature")) {
		const char *type = text(child(f, "type"), tb);
		if (strcmp(type, "Nationality Country") != 0 && strcmp(type, "Citizenship Country") != 0 &&
		    strcmp(type, "Nationality of Registration") != 0)
			continue;
		text(child(f, "valueRefId"), rb);
		if ((rc = add_country(x, *rb ? rb : NULL, text(child(f, "value"), vb))) < 0)
			return rc;
	}
	return TG_OK;
}

static int programs(ox *x, const xmlNode *e)
{
	const xmlNode *p;
	char b[OX_TEXT];
	int rc;
	for (p = first(child(e, "sanctionsPrograms"), "sanctionsProgram"); p; p = next(p, "sanctionsProgram")) {
		text(p, b);
		if ((rc = tg__lists_add_value(&x->progs, b, strlen(b))) < 0)
			return rc;
	}
	return TG_OK;
}

/* tollgate's code of an OFAC list name (the CSL's codes); NULL for the "Consolidated List" umbrella;
 * a list not known here keeps its own name. */
static const char *list_code(const char *name)
{
	static const char *const map[][2] = {
		{"SDN List", "SDN"},
		{"Sectoral Sanctions Identifications List", "SSI"},
		{"Non-SDN Palestinian Legislative Council List", "PLC"},
		{"Non-SDN CMIC List", "CMIC"},
		{"Non-SDN Menu-Based Sanctions List", "NS-MBS"},
		{"CAPTA List", "CAP"},
		{"FSE List", "FSE"},
	};
	size_t i;
	if (strcmp(name, "Consolidated List") == 0)
		return NULL;
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(name, map[i][0]) == 0)
			return map[i][1];
	return name;
}

static int is_date(const char *s)
{
	int i;
	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return 0;
	return s[10] == '\0' || s[10] == 'T';
}

static int problem(ox *x, long line, const char *id, const char *what, tg_err *err)
{
	char why[256];
	snprintf(why, sizeof(why), "entity %s: %s", id && *id ? id : "(no id)", what);
	return tg__lists_problem(x->k, line, why, err);
}

/* Store the entity once per list it is on (SDN, SSI, ...), dated by the list's datePublished. */
static int emit(ox *x, const xmlNode *e, const char *id, long line, tg_err *err)
{
	const xmlNode *l;
	tg__list_entry le;
	char lb[OX_TEXT], date[11];
	int rc, stored = 0;

	for (l = first(child(e, "sanctionsLists"), "sanctionsList"); l; l = next(l, "sanctionsList")) {
		const char *code = list_code(text(l, lb)), *pub = attr(l, "datePublished");
		if (code == NULL)
			continue;
		if (!*code || (pub && *pub && !is_date(pub)))
			return problem(x, line, id, !*code ? "empty sanctionsList" : "datePublished is not a date",
				       err);
		snprintf(date, sizeof(date), "%s", pub ? pub : "");
		le.source_id = id, le.list = code, le.type = x->type, le.names = x->names.ptr;
		le.addresses = x->addrs.ptr ? x->addrs.ptr : "", le.countries = x->ctry.ptr ? x->ctry.ptr : "";
		le.programs = x->progs.ptr ? x->progs.ptr : "", le.fr_cite = "", le.start_date = date;
		le.scripts = x->scripts.ptr ? x->scripts.ptr : "";
		if ((rc = x->k->entry(x->k, &le, err)) < 0)
			return rc;
		stored++;
	}
	return stored ? TG_OK : problem(x, line, id, "on no sanctions list", err);
}

/* Line of an element's start tag. libxml2 keeps at most 65535 on elements; XML_PARSE_BIG_LINES keeps
 * the real line on text nodes (where the text ends), so past that the line is the one of the white
 * space right after the start tag, less its newlines. */
static long start_line(const xmlNode *e)
{
	const xmlNode *t = e->children;
	const char *p;
	long l;
	if (e->line < 65535 || t == NULL || t->type != XML_TEXT_NODE || (l = xmlGetLineNo(t)) < 65535)
		return xmlGetLineNo(e);
	for (p = (const char *)t->content; p && *p; p++)
		l -= *p == '\n';
	return l;
}

static int entity(ox *x, const xmlNode *e, tg_err *err)
{
	const char *id = attr(e, "id");
	long line = start_line(e);
	char tb[OX_TEXT];
	size_t i;
	int rc;

	x->k->rows++;
	if (id == NULL || !*id)
		return problem(x, line, NULL, "no id attribute", err);
	tg__buf_clear(&x->names), tg__buf_clear(&x->scripts), tg__buf_clear(&x->addrs);
	tg__buf_clear(&x->ctry), tg__buf_clear(&x->progs);
	text(child(child(e, "generalInfo"), "entityType"), tb);
	for (i = 0; tb[i] && i < sizeof(x->type) - 1; i++)
		x->type[i] = (char)tolower((unsigned char)tb[i]);
	x->type[i] = '\0';
	if ((rc = names(x, e)) < 0 || (rc = addresses(x, e)) < 0 || (rc = features(x, e)) < 0 ||
	    (rc = programs(x, e)) < 0)
		return rc == TG_ENOMEM ? tg__oom(err)
				       : tg__fail(err, rc, "%s:%ld: entity %s: too large", x->file, line, id);
	if (x->names.size == 0)
		return problem(x, line, id, "no name", err);
	return emit(x, e, id, line, err);
}

/* ---- the document ---- */

/* <publicationInfo><filters><sanctionsLists>: the default snapshot name, ofac-sdn or ofac-cons. */
static void publication(ox *x, const xmlNode *p)
{
	const xmlNode *l = first(child(child(p, "filters"), "sanctionsLists"), "sanctionsList");
	char b[OX_TEXT];
	if (l && next(l, "sanctionsList") == NULL) {
		if (strcmp(text(l, b), "SDN List") == 0)
			snprintf(x->k->name, sizeof(x->k->name), "ofac-sdn");
		else if (strcmp(b, "Consolidated List") == 0)
			snprintf(x->k->name, sizeof(x->k->name), "ofac-cons");
	}
}

static void on_xml_error(void *payload, xmlErrorPtr e)
{
	ox *x = payload;
	size_t l;
	if (e == NULL || e->level < XML_ERR_ERROR || x->xml_msg[0])
		return;
	snprintf(x->xml_msg, sizeof(x->xml_msg), "%s", e->message ? e->message : "malformed XML");
	l = strlen(x->xml_msg);
	while (l && (x->xml_msg[l - 1] == '\n' || x->xml_msg[l - 1] == ' '))
		x->xml_msg[--l] = '\0';
	x->xml_line = e->line;
}

/* Handle the element the reader is on (depth d); *skip = 1 when its subtree was consumed. */
static int element(ox *x, xmlTextReaderPtr r, int d, const char *nm, int *skip, tg_err *err)
{
	xmlNodePtr n;
	int rc;

	*skip = 0;
	if (d == 0 && strcmp(nm, "sanctionsData") != 0)
		return tg__fail_field(err, TG_EINVALID, "format", "%s: root element <%s> is not OFAC's <sanctionsData>",
				      x->file, nm);
	if (!((d == 1 && strcmp(nm, "publicationInfo") == 0) || (d == 2 && strcmp(nm, "referenceValue") == 0) ||
	      (d == 2 && strcmp(nm, "entity") == 0)))
		return TG_OK;
	if ((n = xmlTextReaderExpand(r)) == NULL)
		return TG_OK; /* the reader's error is reported by the caller */
	*skip = 1;
	if (*nm == 'p') {
		publication(x, n);
		return TG_OK;
	}
	if (*nm == 'r')
		return (rc = ref_value(x, n)) == TG_ENOMEM ? tg__oom(err) : rc;
	return entity(x, n, err);
}

static int walk(ox *x, xmlTextReaderPtr r, tg_err *err)
{
	int ret = xmlTextReaderRead(r), rc = TG_OK, skip, root = 0;

	while (ret == 1) {
		int t = xmlTextReaderNodeType(r), d = xmlTextReaderDepth(r);
		if (t == XML_READER_TYPE_DOCUMENT_TYPE)
			return tg__fail(err, TG_EINVALID, "%s:%d: a DOCTYPE is not allowed in a list file", x->file,
					xmlTextReaderGetParserLineNumber(r));
		if (t == XML_READER_TYPE_ELEMENT) {
			root = 1;
			if ((rc = element(x, r, d, (const char *)xmlTextReaderConstLocalName(r), &skip, err)) < 0)
				return rc;
			if (skip) {
				ret = xmlTextReaderNext(r);
				continue;
			}
		}
		ret = xmlTextReaderRead(r);
	}
	if (x->zip && tg__lists_zip_failed(x->zip)) {
		tg_err ze = TG_ERR_INIT;
		rc = tg__lists_zip_error(x->zip, &ze);
		return tg__fail(err, rc, "%s: %s", x->file, ze.msg);
	}
	if (ret < 0 || x->xml_msg[0]) {
		rc = tg__fail(err, TG_EINVALID, "%s:%ld: malformed XML: %s", x->file, x->xml_line,
			      x->xml_msg[0] ? x->xml_msg : "unreadable");
		if (err)
			err->line = (int)x->xml_line;
		return rc;
	}
	return root ? TG_OK : tg__fail(err, TG_EINVALID, "%s: no XML element", x->file);
}

/* libxml2 2.9 wants xmlInitParser() once before parsers run in several threads. */
static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void init_xml(void)
{
	xmlInitParser();
}

static int zip_read_cb(void *payload, char *buf, int len)
{
	ox *x = payload;
	return (int)tg__lists_zip_read(x->zip, buf, (size_t)len);
}

static void ox_dispose(ox *x)
{
	tg__free(x->refs);
	tg_buf_dispose(&x->names), tg_buf_dispose(&x->scripts), tg_buf_dispose(&x->addrs);
	tg_buf_dispose(&x->ctry), tg_buf_dispose(&x->progs), tg_buf_dispose(&x->tmp);
	tg__lists_zip_close(x->zip);
}

int tg__lists_parse_ofac_xml(tg__list_sink *k, const char *data, size_t n, tg_err *err)
{
	const int opts = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT |
			 XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
	const char *main_file = k->file;
	char member[256];
	xmlTextReaderPtr r;
	ox x;
	int rc;

	memset(&x, 0, sizeof(x));
	x.k = k;
	snprintf(x.file, sizeof(x.file), "%s", k->file);
	pthread_once(&xml_once, init_xml);
	if (tg__lists_is_zip(data, n)) {
		if ((rc = tg__lists_zip_open(&x.zip, member, sizeof(member), data, n, OX_MAX_XML, err)) < 0) {
			char why[256];
			snprintf(why, sizeof(why), "%s", err ? err->msg : "");
			ox_dispose(&x);
			return rc == TG_ENOMEM ? rc : tg__fail_field(err, rc, "format", "%s: %s", k->file, why);
		}
		snprintf(x.file, sizeof(x.file), "%s!%s", k->file, member);
		r = xmlReaderForIO(zip_read_cb, NULL, &x, x.file, NULL, opts);
	} else if (n > (size_t)INT32_MAX) {
		return tg__fail(err, TG_ELIMIT, "%s: XML larger than 2 GiB", k->file);
	} else {
		r = xmlReaderForMemory(data, (int)n, x.file, NULL, opts);
	}
	if (r == NULL) {
		ox_dispose(&x);
		return tg__oom(err);
	}
	xmlTextReaderSetStructuredErrorHandler(r, on_xml_error, &x);
	k->file = x.file;
	rc = walk(&x, r, err);
	k->file = main_file;
	xmlFreeTextReader(r);
	ox_dispose(&x);
	return rc;
}

/* Position of needle in [p, end), or end. */
static const char *find(const char *p, const char *end, const char *needle)
{
	size_t k = strlen(needle);
	for (; end - p >= (long)k; p++)
		if (memcmp(p, needle, k) == 0)
			return p;
	return end;
}

int tg__lists_ofac_xml_detect(const char *data, size_t n)
{
	const char *p = data, *end = data + (n < 4096 ? n : 4096), *name;

	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (;;) { /* past the XML declaration, comments, processing instructions */
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (end - p < 2 || *p != '<')
			return 0;
		if (p[1] != '?' && p[1] != '!')
			break;
		const char *stop = end - p >= 4 && memcmp(p, "<!--", 4) == 0 ? "-->" : ">";
		if ((p = find(p, end, stop)) == end)
			return 0;
		p += strlen(stop);
	}
	for (name = ++p; p < end && !isspace((unsigned char)*p) && *p != '>' && *p != '/'; p++)
		if (*p == ':')
			name = p + 1; /* a namespace prefix */
	return p - name == 13 && memcmp(name, "sanctionsData", 13) == 0;
}
