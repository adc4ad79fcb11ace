/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the OFAC enhanced XML loader (lists_ofac_xml.c, lists_zip.c): the fictional fixture plain
 * and zipped (the zip is made here with libzip), detection, original-script names with their script tag,
 * malformed entities (lenient and strict, with lines), broken documents, and the real CONS_ENHANCED.ZIP. */
#include "tg_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include "lists.h"
#include "store.h"
#include "tg/file.h"
#include "tg/lists.h"
#include "tg/screen.h"
#include "alloc.h"

#define FIXTURE "fixtures/lists/sample-ofac-enhanced.xml"
#define MAX_FILE ((size_t)1 << 30)

static tg_store *fresh_store(void)
{
	char path[512];
	tg_store *st = NULL;
	snprintf(path, sizeof(path), "%s/t.db", tg_test_tmpdir());
	assert_int_equal(tg_store_open(&st, path, NULL), TG_OK);
	return st;
}

static size_t snapshots(tg_store *st)
{
	tg_list_snapshot *v = NULL;
	size_t n = 0;
	assert_int_equal(tg_lists_snapshots(&v, &n, st, NULL), TG_OK);
	tg_lists_free(v);
	return n;
}

/* Write text to a fresh temporary file named name; returns its path (static buffer). */
static const char *write_tmp(const char *name, const char *data, size_t n)
{
	static char path[512];
	FILE *f;
	snprintf(path, sizeof(path), "%s/%s", tg_test_tmpdir(), name);
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
	return path;
}

/* A zip at path with one member (name, data) made with libzip. */
static void write_zip(const char *path, const char *member, const char *data, size_t n)
{
	int zerr = 0;
	zip_t *za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	zip_source_t *src;
	assert_non_null(za);
	assert_non_null(src = zip_source_buffer(za, data, n, 0));
	assert_true(zip_file_add(za, member, src, ZIP_FL_OVERWRITE) >= 0);
	assert_int_equal(zip_close(za), 0); /* data is read here */
}

static char *fixture_text(size_t *n)
{
	char *data = NULL;
	assert_int_equal(tg_file_read(&data, n, tg_test_path(FIXTURE), MAX_FILE, NULL), TG_OK);
	return data;
}

static void ofac_xml__fixture_load(void **state)
{
	tg_store *st = fresh_store();
	tg_list_snapshot s;
	(void)state;
	assert_int_equal(tg_lists_load(&s, st, tg_test_path(FIXTURE), NULL, NULL), TG_OK);
	assert_string_equal(s.format, "ofac-xml");
	assert_string_equal(s.name, "ofac-cons"); /* from publicationInfo: the Consolidated (non-SDN) list */
	assert_int_equal(s.rows, 3);
	assert_int_equal(s.entries, 4); /* 90002 is on SSI and SDN: one entry per list */
	assert_int_equal(s.errors, 0);
	assert_int_equal(strlen(s.hash), 64);
	assert_int_equal(
		tg_test_scalar(
			st,
			"SELECT COUNT(*) FROM list_entries"
			" WHERE source_id = '90001' AND list = 'CMIC'"
			" AND type = 'entity' AND name = 'QINGLAN OPTICAL COMPUTING CO., LTD.'"
			" AND names = 'QINGLAN OPTICAL COMPUTING CO., LTD.\n青岚光计算有限公司\n青嵐光計算有限公司\n"
			"Qinglan Photonics' AND countries = 'CN' AND programs = 'CMIC-EO13959'"
			" AND start_date = '2098-12-16' AND addresses = 'No. 99 Example Road, Hangzhou, China'"),
		1);
	assert_int_equal(
		tg_test_scalar(st,
			       "SELECT COUNT(*) FROM list_entries"
			       " WHERE source_id = '90002' AND type = 'individual'"
			       " AND names = 'VOLKOVA, Irina Petrovna\nВОЛКОВА, Ирина Петровна' AND countries = 'RU'"
			       " AND programs = 'UKRAINE-EO13662\nRUSSIA-EO14024' AND ((list = 'SSI' AND start_date ="
			       " '2098-03-01') OR (list = 'SDN' AND start_date = '2098-04-02'))"),
		2);
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries"
					    " WHERE source_id = '90003' AND list = 'SDN'"
					    " AND type = 'vessel' AND names = 'SEA & STAR' AND addresses = ''"),
			 1);
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries WHERE list = 'Consolidated List'"), 0);
	/* Original-script names are stored with their script tags; Latin-only entries have none. */
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries WHERE source_id = '90001' AND scripts ="
					    " 'Hans\t青岚光计算有限公司\nHant\t青嵐光計算有限公司'"),
			 1);
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries"
					    " WHERE source_id = '90003' AND scripts = ''"),
			 1);
	tg_store_free(st);
}

/* A sink that keeps the scripts and names of every entry instead of storing them. */
typedef struct seen {
	char scripts[1024], names[1024], lists[64];
	int n;
} seen;

static int keep_entry(tg__list_sink *k, const tg__list_entry *e, tg_err *err)
{
	seen *s = k->payload;
	size_t l = strlen(s->scripts);
	(void)err;
	snprintf(s->scripts + l, sizeof(s->scripts) - l, "%s[%s]", e->scripts ? e->scripts : "(null)", e->source_id);
	l = strlen(s->names);
	snprintf(s->names + l, sizeof(s->names) - l, "%s|", e->names);
	l = strlen(s->lists);
	snprintf(s->lists + l, sizeof(s->lists) - l, "%s ", e->list);
	s->n++;
	k->entries++;
	return TG_OK;
}

static void ofac_xml__script_tags_reach_the_entry(void **state)
{
	static const tg_list_load_opts opts = TG_LIST_LOAD_OPTS_INIT;
	tg__list_sink k;
	seen s;
	size_t n;
	char *data = fixture_text(&n);
	(void)state;
	memset(&k, 0, sizeof(k)), memset(&s, 0, sizeof(s));
	k.entry = keep_entry, k.file = "fixture.xml", k.path = "fixture.xml";
	k.opts = &opts, k.payload = &s;
	assert_int_equal(tg__lists_parse_ofac_xml(&k, data, n, NULL), TG_OK);
	assert_int_equal(s.n, 4);
	assert_string_equal(s.lists, "CMIC SSI SDN SDN ");
	assert_string_equal(s.scripts, "Hans\t青岚光计算有限公司\nHant\t青嵐光計算有限公司[90001]"
				       "Cyrl\tВОЛКОВА, Ирина Петровна[90002]"
				       "Cyrl\tВОЛКОВА, Ирина Петровна[90002][90003]");
	assert_int_equal(k.rows, 3);
	tg__free(data);
}

static void ofac_xml__zipped_same_as_plain(void **state)
{
	char zpath[512], other[512];
	tg_store *st = fresh_store();
	tg_list_load_opts o = TG_LIST_LOAD_OPTS_INIT;
	tg_list_snapshot s;
	tg_err err = TG_ERR_INIT;
	size_t n;
	char *data = fixture_text(&n);
	(void)state;
	snprintf(zpath, sizeof(zpath), "%s/CONS_ENHANCED.ZIP", tg_test_tmpdir());
	write_zip(zpath, "CONS_ENHANCED.XML", data, n);
	assert_int_equal(tg_lists_load(&s, st, zpath, NULL, &err), TG_OK);
	assert_string_equal(s.format, "ofac-xml");
	assert_int_equal(s.entries, 4);
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries"
					    " WHERE snapshot_id = 1 AND names LIKE '%青岚光计算有限公司%'"),
			 1);
	/* A zip without an *ENHANCED*.XML member is not detected; forced, its first .xml member is read. */
	snprintf(other, sizeof(other), "%s/list.zip", tg_test_tmpdir());
	write_zip(other, "list.xml", data, n);
	assert_int_equal(tg_lists_load(&s, st, other, NULL, &err), TG_EINVALID);
	assert_non_null(strstr(err.msg, "unknown list format"));
	o.format = TG_LIST_FORMAT_OFAC_XML;
	assert_int_equal(tg_lists_load(&s, st, other, &o, &err), TG_OK);
	assert_int_equal(s.entries, 4);
	write_zip(other, "readme.txt", "hello", 5);
	assert_int_equal(tg_lists_load(&s, st, other, &o, &err), TG_EINVALID);
	assert_non_null(strstr(err.msg, "without an .XML member"));
	/* A zip cut short: the member cannot be read, nothing is stored. */
	tg__free(data);
	assert_int_equal(tg_file_read(&data, &n, zpath, MAX_FILE, NULL), TG_OK);
	assert_int_equal(tg_lists_load(&s, st, write_tmp("cut.zip", data, n / 2), &o, &err), TG_EINVALID);
	/* A member damaged inside its compressed data: found while it is parsed, the load rolls back. */
	data[n / 3] ^= 0x55;
	assert_int_equal(tg_lists_load(&s, st, write_tmp("CRC_ENHANCED.ZIP", data, n), NULL, &err), TG_EINVALID);
	assert_non_null(strstr(err.msg, "CRC_ENHANCED.ZIP!CONS_ENHANCED.XML"));
	assert_int_equal(snapshots(st), 2);
	tg__free(data);
	tg_store_free(st);
}

static void ofac_xml__detect_root_element(void **state)
{
	static const char ok1[] = "<?xml version=\"1.0\"?>\n<!-- c > d -->\n<sanctionsData xmlns=\"x\">";
	static const char ok2[] = "\xEF\xBB\xBF<o:sanctionsData xmlns:o=\"x\"/>";
	static const char no1[] = "<?xml version=\"1.0\"?><html><body/></html>";
	static const char no2[] = "<sanctionsDataX/>";
	static const char no3[] = "<!-- never closed <sanctionsData>";
	tg_store *st = fresh_store();
	tg_list_snapshot s;
	tg_err err = TG_ERR_INIT;
	(void)state;
	assert_true(tg__lists_ofac_xml_detect(ok1, sizeof(ok1) - 1));
	assert_true(tg__lists_ofac_xml_detect(ok2, sizeof(ok2) - 1));
	assert_false(tg__lists_ofac_xml_detect(no1, sizeof(no1) - 1));
	assert_false(tg__lists_ofac_xml_detect(no2, sizeof(no2) - 1));
	assert_false(tg__lists_ofac_xml_detect(no3, sizeof(no3) - 1));
	assert_false(tg__lists_ofac_xml_detect(ok1, 10));
	assert_int_equal(tg_lists_load(&s, st, write_tmp("page.xml", no1, sizeof(no1) - 1), NULL, &err), TG_EINVALID);
	assert_string_equal(err.field, "format");
	tg_store_free(st);
}

typedef struct problems {
	int n;
	long lines[8];
	char first[256];
} problems;

static void on_problem(const char *file, long line, const char *msg, void *payload)
{
	problems *p = payload;
	if (p->n == 0)
		snprintf(p->first, sizeof(p->first), "%s:%ld: %s", strrchr(file, '/') + 1, line, msg);
	if (p->n < 8)
		p->lines[p->n] = line;
	p->n++;
}

#define HEAD "<sanctionsData><entities>\n"
#define GOOD(id)                                                                                               \
	"<entity id=\"" id "\"><sanctionsLists><sanctionsList datePublished=\"2020-01-02\">SDN List"           \
	"</sanctionsList></sanctionsLists><names><name><isPrimary>true</isPrimary><translations><translation>" \
	"<formattedFullName>Good " id "</formattedFullName></translation></translations></name></names></entity>\n"

static void ofac_xml__malformed_entities_lenient_and_strict(void **state)
{
	static const char doc[] = HEAD GOOD(
		"1") "<entity><names><name><translations><translation><formattedFullName>No Id</formattedFullName>"
		     "</translation></translations></name></names></entity>\n" /* line 3 */
		     "<entity id=\"3\"><sanctionsLists><sanctionsList>SDN List</sanctionsList></sanctionsLists>"
		     "<names><name><translations><translation/></translations></name></names></entity>\n" /* line 4 */
		     "<entity id=\"4\"><sanctionsLists><sanctionsList datePublished=\"01/02/2020\">SDN List</sanctionsList>"
		     "</sanctionsLists><names><name><translations><translation><formattedFullName>Bad Date"
		     "</formattedFullName></translation></translations></name></names></entity>\n" /* line 5 */
		     "<entity id=\"5\"><sanctionsLists><sanctionsList>Consolidated List</sanctionsList></sanctionsLists>"
		     "<names><name><translations><translation><formattedFullName>No List</formattedFullName>"
		     "</translation></translations></name></names></entity>\n" /* line 6 */
		GOOD("7") "</entities></sanctionsData>\n";
	const char *path = write_tmp("bad_entities.xml", doc, sizeof(doc) - 1);
	tg_store *st = fresh_store();
	tg_list_load_opts o = TG_LIST_LOAD_OPTS_INIT;
	tg_list_snapshot s;
	tg_err err = TG_ERR_INIT;
	problems p;
	(void)state;
	memset(&p, 0, sizeof(p));
	o.format = TG_LIST_FORMAT_OFAC_XML, o.problem = on_problem, o.payload = &p;
	assert_int_equal(tg_lists_load(&s, st, path, &o, &err), TG_OK);
	assert_int_equal(s.rows, 6);
	assert_int_equal(s.entries, 2);
	assert_int_equal(s.errors, 4);
	assert_int_equal(p.n, 4);
	assert_int_equal(p.lines[0], 3), assert_int_equal(p.lines[1], 4);
	assert_int_equal(p.lines[2], 5), assert_int_equal(p.lines[3], 6);
	assert_string_equal(p.first, "bad_entities.xml:3: entity (no id): no id attribute");
	assert_string_equal(s.name, "ofac-xml"); /* no publicationInfo: the format's default name */
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries WHERE names IN ('Good 1', 'Good 7')"
					    " AND start_date = '2020-01-02' AND list = 'SDN'"),
			 2);
	o.strict = 1;
	assert_int_equal(tg_lists_load(&s, st, path, &o, &err), TG_EINVALID);
	assert_int_equal(err.line, 3);
	assert_non_null(strstr(err.msg, "bad_entities.xml:3: entity (no id): no id attribute (strict"));
	assert_int_equal(snapshots(st), 1);
	tg_store_free(st);
}

/* Documents that cannot be read at all: nothing is stored, the error names the file and line. */
static void ofac_xml__broken_documents_rejected(void **state)
{
	static const char cut[] = HEAD GOOD("1") "<entity id=\"2\"><names>\n</entities></sanctionsData>";
	static const char doctype[] = "<!DOCTYPE sanctionsData [<!ENTITY a \"aaaa\">]>\n<sanctionsData/>";
	static const char root[] = "<html>\n" GOOD("1") "</html>";
	static const char empty[] = "<sanctionsData><entities/></sanctionsData>";
	tg_store *st = fresh_store();
	tg_list_load_opts o = TG_LIST_LOAD_OPTS_INIT;
	tg_list_snapshot s;
	tg_err err = TG_ERR_INIT;
	(void)state;
	o.format = TG_LIST_FORMAT_OFAC_XML;
	assert_int_equal(tg_lists_load(&s, st, write_tmp("cut.xml", cut, sizeof(cut) - 1), &o, &err), TG_EINVALID);
	assert_non_null(strstr(err.msg, "cut.xml:4: malformed XML: "));
	assert_int_equal(err.line, 4);
	assert_int_equal(tg_lists_load(&s, st, write_tmp("dt.xml", doctype, sizeof(doctype) - 1), &o, &err),
			 TG_EINVALID);
	assert_non_null(strstr(err.msg, "DOCTYPE is not allowed"));
	assert_int_equal(tg_lists_load(&s, st, write_tmp("root.xml", root, sizeof(root) - 1), &o, &err), TG_EINVALID);
	assert_non_null(strstr(err.msg, "root element <html> is not OFAC's <sanctionsData>"));
	assert_int_equal(tg_lists_load(&s, st, write_tmp("empty.xml", empty, sizeof(empty) - 1), &o, &err),
			 TG_EINVALID);
	assert_non_null(strstr(err.msg, "no usable record"));
	assert_int_equal(tg_lists_load(&s, st, write_tmp("nothing.xml", "  ", 2), &o, &err), TG_EINVALID);
	assert_int_equal(snapshots(st), 0);
	tg_store_free(st);
}

static void ofac_xml__real_cons_enhanced(void **state)
{
	const char *path = tg_test_shared_data("lists/ofac-consolidated-2025-01/CONS_ENHANCED.ZIP");
	tg_screener *sc = NULL;
	tg_screen_hit hits[4];
	tg_list_snapshot s;
	tg_store *st;
	size_t n = 0;
	(void)state;
	if (path == NULL)
		skip();
	st = fresh_store();
	assert_int_equal(tg_lists_load(&s, st, path, NULL, NULL), TG_OK);
	assert_string_equal(s.format, "ofac-xml");
	assert_string_equal(s.name, "ofac-cons");
	assert_int_equal(s.rows, 443);
	assert_int_equal(s.entries, 523); /* 80 entities are on two lists (SSI and SDN, ...) */
	assert_int_equal(s.errors, 0);
	assert_string_equal(s.hash, "4cb3c92af6b72fe54c7e3b8893d763a644d5808b536be5b328084df8a8b8def4");
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries WHERE list = 'CMIC'"), 68);
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries WHERE list = 'SSI'"), 286);
	assert_int_equal(
		tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries"
				   " WHERE source_id = '33091' AND list = 'CMIC'"
				   " AND names = 'MEGVII TECHNOLOGY LIMITED\n旷视科技有限公司' AND countries = 'KY\nCN'"
				   " AND start_date = '2021-12-16' AND programs = 'CMIC-EO13959'"),
		1);
	assert_int_equal(tg_screener_open(&sc, st, NULL), TG_OK);
	assert_int_equal(tg_screen_name(hits, 4, &n, sc, "旷视科技有限公司", NULL, NULL), TG_OK);
	assert_true(n >= 1);
	assert_string_equal(hits[0].entity_id, "33091");
	assert_string_equal(hits[0].matched_name, "旷视科技有限公司");
	assert_int_equal(hits[0].level, TG_HIT_BLOCK);
	tg_screener_free(sc);
	tg_store_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ofac_xml__fixture_load),
		cmocka_unit_test(ofac_xml__script_tags_reach_the_entry),
		cmocka_unit_test(ofac_xml__zipped_same_as_plain),
		cmocka_unit_test(ofac_xml__detect_root_element),
		cmocka_unit_test(ofac_xml__malformed_entities_lenient_and_strict),
		cmocka_unit_test(ofac_xml__broken_documents_rejected),
		cmocka_unit_test(ofac_xml__real_cons_enhanced),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
