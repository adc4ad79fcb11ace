/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the list loaders: CSV reader edge cases, cleaning, CSL loads (fixtures and the real
 * file), strict and lenient handling of malformed records, all-or-nothing snapshots. */
#include "tg_test.h"

#include <stdio.h>
#include <string.h>
#include "lists.h"
#include "store.h"
#include "tg/lists.h"
#include "alloc.h"
#include "buf.h"
#include "csv.h"

static tg_store *fresh_store(void)
{
	char path[512];
	tg_store *st = NULL;
	tg_test_db(path, sizeof(path), "t.db");
	assert_int_equal(tg_store_open(&st, path, NULL), TG_OK);
	return st;
}

static void lists__csv_quotes_newlines_crlf(void **state)
{
	static const char in[] = "a,\"b,1\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",,x\n\nlast,\"\"\x1a";
	tg_csv c;
	(void)state;
	tg__csv_init(&c, in, sizeof(in) - 1, ',');
	assert_int_equal(tg__csv_next(&c, NULL), 1);
	assert_int_equal(c.nfields, 3);
	assert_string_equal(tg__csv_field(&c, 1), "b,1");
	assert_string_equal(tg__csv_field(&c, 2), "say \"hi\"");
	assert_int_equal(tg__csv_next(&c, NULL), 1);
	assert_int_equal(c.rec_line, 2);
	assert_string_equal(tg__csv_field(&c, 0), "multi\nline");
	assert_string_equal(tg__csv_field(&c, 1), "");
	assert_int_equal(tg__csv_next(&c, NULL), 1); /* blank line skipped */
	assert_int_equal(c.rec_line, 5);
	assert_int_equal(c.nfields, 2);
	assert_string_equal(tg__csv_field(&c, 1), "");
	assert_int_equal(tg__csv_next(&c, NULL), 0);
	tg__csv_dispose(&c);
}

static void lists__csv_malformed_reported_with_line(void **state)
{
	static const char in[] = "ok,1\n\"bad\"x,2\nok,3\n\"open";
	tg_err err = TG_ERR_INIT;
	tg_csv c;
	(void)state;
	tg__csv_init(&c, in, sizeof(in) - 1, ',');
	assert_int_equal(tg__csv_next(&c, &err), 1);
	assert_int_equal(tg__csv_next(&c, &err), TG_EINVALID);
	assert_int_equal(err.line, 2);
	assert_non_null(strstr(err.msg, "closing quote"));
	assert_int_equal(tg__csv_next(&c, &err), 1);
	assert_string_equal(tg__csv_field(&c, 1), "3");
	assert_int_equal(tg__csv_next(&c, &err), TG_EINVALID);
	assert_int_equal(err.line, 4);
	assert_int_equal(tg__csv_next(&c, &err), 0);
	tg__csv_dispose(&c);
}

static void lists__clean_names_and_codes(void **state)
{
	tg_buf b = TG_BUF_INIT;
	char code[16];
	(void)state;
	tg__lists_add_name(&b, " Huawei Technologies Co., Ltd. (Huawei) ", 40);
	tg__lists_add_name(&b, "and APEX  Ltd.", 14);
	tg__lists_add_name(&b, "huawei", 6); /* duplicate, case-insensitive */
	assert_string_equal(b.ptr, "Huawei Technologies Co., Ltd. (Huawei)\nHuawei Technologies Co., Ltd.\nHuawei\n"
				   "APEX Ltd.");
	tg_buf_dispose(&b);
	tg__lists_code(code, "Entity List (EL) - Bureau of Industry and Security");
	assert_string_equal(code, "EL");
	tg__lists_code(code, "Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department");
	assert_string_equal(code, "NS-MBS");
	tg__lists_code(code, "Military End User (MEU) List - Bureau of Industry and Security");
	assert_string_equal(code, "MEU");
}

static void lists__csl_fixture_load(void **state)
{
	tg_store *st = fresh_store();
	tg_list_snapshot s;
	tg_list_snapshot *v;
	size_t n;
	(void)state;
	assert_int_equal(tg_lists_load(&s, st, tg_test_path("tests/resources/lists/csl_small.csv"), NULL, NULL), TG_OK);
	assert_int_equal(s.id, 1);
	assert_string_equal(s.format, "csl-csv");
	assert_string_equal(s.name, "csl");
	assert_int_equal(s.rows, 5);
	assert_int_equal(s.entries, 5);
	assert_int_equal(s.errors, 0);
	assert_int_equal(strlen(s.hash), 64);
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries WHERE list = 'NS-MBS'"), 1);
	assert_int_equal(tg_test_scalar(st,
					"SELECT COUNT(*) FROM list_entries"
					" WHERE source_id = 't1' AND countries = 'CN\nHK'"
					" AND names LIKE '%\nShenzhen Example Photonics' AND fr_cite = '85 FR 12345'"),
			 1);
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries"
					    " WHERE source_id = 't2' AND type = 'individual'"
					    " AND programs = 'SDGT\nIRAN' AND countries = 'IR'"),
			 1);
	assert_int_equal(tg_lists_load(&s, st, tg_test_path("tests/resources/lists/csl_small.csv"), NULL, NULL), TG_OK);
	assert_int_equal(s.id, 2);
	assert_int_equal(tg_lists_snapshots(&v, &n, st, NULL), TG_OK);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].hash, v[1].hash);
	tg_lists_free(v);
	tg_store_free(st);
}

typedef struct problems {
	int n;
	long lines[8];
} problems;

static void on_problem(const char *file, long line, const char *msg, void *payload)
{
	problems *p = payload;
	(void)file, (void)msg;
	if (p->n < 8)
		p->lines[p->n] = line;
	p->n++;
}

static void lists__malformed_lenient_and_strict(void **state)
{
	tg_list_load_opts o = TG_LIST_LOAD_OPTS_INIT;
	problems p = {0, {0}};
	tg_err err = TG_ERR_INIT;
	tg_store *st = fresh_store();
	tg_list_snapshot s;
	(void)state;
	o.problem = on_problem, o.payload = &p;
	assert_int_equal(tg_lists_load(&s, st, tg_test_path("tests/resources/lists/csl_malformed.csv"), &o, &err),
			 TG_OK);
	assert_int_equal(s.entries, 2);
	assert_int_equal(s.errors, 2);
	assert_int_equal(p.n, 2);
	assert_int_equal(p.lines[0], 3);
	assert_int_equal(p.lines[1], 4);
	o.strict = 1;
	assert_int_equal(tg_lists_load(&s, st, tg_test_path("tests/resources/lists/csl_malformed.csv"), &o, &err),
			 TG_EINVALID);
	assert_int_equal(err.line, 3);
	assert_non_null(strstr(err.msg, "csl_malformed.csv:3:"));
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_snapshots"), 1); /* strict load left nothing */
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries"), 2);
	assert_int_equal(tg_lists_load(&s, st, tg_test_path("tests/resources/lists/csl_unterminated.csv"), NULL, &err),
			 TG_EINVALID);
	assert_non_null(strstr(err.msg, "no usable record"));
	tg_store_free(st);
}

static void lists__unknown_format_and_missing_file(void **state)
{
	tg_err err = TG_ERR_INIT;
	tg_store *st = fresh_store();
	tg_list_snapshot s;
	tg_list_format f;
	(void)state;
	assert_int_equal(tg_lists_load(&s, st, tg_test_path("CMakeLists.txt"), NULL, &err), TG_EINVALID);
	assert_string_equal(err.field, "format");
	assert_int_equal(tg_lists_load(&s, st, "/nonexistent/x.csv", NULL, &err), TG_EIO);
	assert_int_equal(tg_list_format_parse(&f, "ofac-xml", NULL), TG_OK);
	assert_int_equal(f, TG_LIST_FORMAT_OFAC_XML);
	assert_int_equal(tg_list_format_parse(&f, "xls", &err), TG_EINVALID);
	tg_store_free(st);
}

static void lists__csl_json_fixture(void **state)
{
	tg_store *st = fresh_store();
	problems p = {0, {0}};
	tg_list_load_opts o = TG_LIST_LOAD_OPTS_INIT;
	tg_list_snapshot s;
	tg_err err = TG_ERR_INIT;
	(void)state;
	o.problem = on_problem, o.payload = &p;
	assert_int_equal(tg_lists_load(&s, st, tg_test_path("tests/resources/lists/csl_small.json"), &o, &err), TG_OK);
	assert_string_equal(s.format, "csl-json");
	assert_int_equal(s.rows, 4);
	assert_int_equal(s.entries, 3);
	assert_int_equal(s.errors, 1);
	assert_int_equal(tg_test_scalar(st,
					"SELECT COUNT(*) FROM list_entries"
					" WHERE list = 'EL' AND source_id = 'j1' AND "
					"countries = 'CN\nHK' AND names = 'Example Photonics Co., Ltd.\nExample Light "
					"Technology\nShenzhen Example Photonics' AND fr_cite = '85 FR 12345'"),
			 1);
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries"
					    " WHERE list = 'SDN' AND type = 'individual' AND "
					    "countries = 'IR' AND programs = 'SDGT'"),
			 1);
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries"
					    " WHERE list = 'UVL' AND source_id = 'j4' AND "
					    "names = 'Child Works'"),
			 1);
	o.strict = 1;
	assert_int_equal(tg_lists_load(&s, st, tg_test_path("tests/resources/lists/csl_small.json"), &o, &err),
			 TG_EINVALID);
	assert_non_null(strstr(err.msg, "results[2]"));
	tg_store_free(st);
}

/* Every allocation of a load failing in turn: TG_ENOMEM and no snapshot, then TG_OK. */
static void lists__oom_sweep_loaders(void **state)
{
	static const char *const files[] = {"tests/resources/lists/csl_small.json",
					    "tests/resources/lists/csl_small.csv",
					    "tests/resources/lists/approved.json"};
	size_t f, k;
	(void)state;
	for (f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		tg_store *st = fresh_store();
		for (k = 1; k < 20000; k++) {
			tg_list_snapshot s;
			int rc;
			tg__alloc_fail_after(k);
			rc = tg_lists_load(&s, st, tg_test_path(files[f]), NULL, NULL);
			tg__alloc_fail_after(0);
			assert_true(rc == TG_OK || rc == TG_ENOMEM);
			if (rc == TG_OK)
				break;
			assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_snapshots"), 0);
		}
		assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_snapshots"), 1);
		tg_store_free(st);
	}
}

/* A list from a file:// URL: same entries, the URL as the snapshot's source; a missing one is TG_EIO. */
static void lists__load_from_url(void **state)
{
	tg_store *st = fresh_store();
	tg_list_snapshot s;
	tg_err err = TG_ERR_INIT;
	char url[1024];
	(void)state;
	snprintf(url, sizeof(url), "file://%s", tg_test_path("tests/resources/lists/csl_small.json"));
	assert_int_equal(tg_lists_load(&s, st, url, NULL, &err), TG_OK);
	assert_string_equal(s.source, url);
	assert_int_equal(s.entries, 3);
	assert_int_equal(tg_lists_load(&s, st, "file:///nonexistent/list.csv", NULL, &err), TG_EIO);
	assert_non_null(strstr(err.msg, "file:///nonexistent/list.csv"));
	tg_store_free(st);
}

static void lists__real_csl_2022(void **state)
{
	const char *path = tg_test_shared_data("lists/csl-2022-04/consolidated.csv");
	tg_store *st;
	tg_list_snapshot s;
	(void)state;
	if (path == NULL)
		skip();
	st = fresh_store();
	assert_int_equal(tg_lists_load(&s, st, path, NULL, NULL), TG_OK);
	assert_int_equal(s.rows, 14160);
	assert_int_equal(s.entries, 14160);
	assert_int_equal(s.errors, 0);
	assert_string_equal(s.hash, "80e780b91b7b50e193c0077b17d75ec6f6dbd8223ae0bd54b343d297db5e767f");
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries WHERE list = 'SDN'"), 10026);
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries WHERE list = 'EL'"), 2001);
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries WHERE list = 'NS-MBS'"), 17);
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries"
					    " WHERE names LIKE '%Affiliated Entity%'"),
			 0);
	tg_store_free(st);
}

static void lists__tg_json_approved_and_blocks(void **state)
{
	tg_store *st = fresh_store();
	problems p = {0, {0}};
	tg_list_load_opts o = TG_LIST_LOAD_OPTS_INIT;
	tg_list_snapshot s;
	tg_err err = TG_ERR_INIT;
	(void)state;
	o.problem = on_problem, o.payload = &p;
	assert_int_equal(tg_lists_load(&s, st, tg_test_path("tests/resources/lists/approved.json"), &o, &err), TG_OK);
	assert_string_equal(s.format, "tg-json");
	assert_string_equal(s.name, "approved-customers");
	assert_int_equal(s.entries, 2);
	assert_int_equal(s.errors, 1);
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries"
					    " WHERE list = 'APPROVED' AND names = 'Good Labs GmbH\nGoodLabs'"),
			 1);
	o.strict = 1;
	assert_int_equal(tg_lists_load(&s, st, tg_test_path("tests/resources/lists/approved.json"), &o, &err),
			 TG_EINVALID);
	assert_non_null(strstr(err.msg, "entries[2]"));
	assert_int_equal(tg_lists_load(&s, st, tg_test_path("tests/resources/lists/blocks.json"), NULL, &err), TG_OK);
	assert_string_equal(s.name, "internal-blocks");
	tg_store_free(st);
}

static void lists__real_ofac_csv_and_kaist(void **state)
{
	const char *sdn = tg_test_shared_data("lists/ofac-sdn-2021-07/sdn.csv");
	char kaist[1024];
	const char *k;
	tg_store *st;
	tg_list_snapshot s;
	(void)state;
	if (sdn == NULL)
		skip();
	st = fresh_store();
	assert_int_equal(tg_lists_load(&s, st, sdn, NULL, NULL), TG_OK);
	assert_string_equal(s.format, "ofac-csv");
	assert_int_equal(s.entries, 8976);
	assert_int_equal(s.errors, 0);
	/* aliases from alt.csv, countries from add.csv, "-0-" gone */
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries"
					    " WHERE source_id = '306' AND names LIKE '%NATIONAL BANK OF CUBA%'"
					    " AND countries LIKE '%CH%'"),
			 1);
	assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries"
					    " WHERE names LIKE '%-0-%' OR programs LIKE '%-0-%'"),
			 0);
	k = tg_test_shared_data("lists/entity-list-2026-08/restricted_parties.json");
	snprintf(kaist, sizeof(kaist), "%s", k ? k : "");
	if (k) {
		assert_int_equal(tg_lists_load(&s, st, kaist, NULL, NULL), TG_OK);
		assert_string_equal(s.format, "kaist-json");
		assert_int_equal(s.entries, 4940);
		assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries"
						    " WHERE list = 'EL' AND snapshot_id = 2"),
				 3420);
		assert_int_equal(tg_test_scalar(st, "SELECT COUNT(*) FROM list_entries"
						    " WHERE snapshot_id = 2 AND countries = ''"),
				 5);
	}
	tg_store_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lists__csv_quotes_newlines_crlf),
		cmocka_unit_test(lists__csv_malformed_reported_with_line),
		cmocka_unit_test(lists__clean_names_and_codes),
		cmocka_unit_test(lists__csl_fixture_load),
		cmocka_unit_test(lists__malformed_lenient_and_strict),
		cmocka_unit_test(lists__unknown_format_and_missing_file),
		cmocka_unit_test(lists__csl_json_fixture),
		cmocka_unit_test(lists__oom_sweep_loaders),
		cmocka_unit_test(lists__load_from_url),
		cmocka_unit_test(lists__real_csl_2022),
		cmocka_unit_test(lists__tg_json_approved_and_blocks),
		cmocka_unit_test(lists__real_ofac_csv_and_kaist),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
