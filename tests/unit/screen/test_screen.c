/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of screening: normalisation, legal forms, exact matching, approved-customer flag. */
#include "tg_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include "screen_norm.h"
#include "util/alloc.h"
#include "screen_score.h"
#include "tg/lists.h"
#include "tg/screen.h"

static void norm_is(const char *in, const char *want)
{
	char out[TG_SCREEN_NORM_MAX];
	tg__screen_norm(out, sizeof(out), in);
	assert_string_equal(out, want);
}

static void screen__norm_case_punct_space(void **state)
{
	(void)state;
	norm_is("  HUAWEI   Technologies ", "huawei technologies");
	norm_is("'ABBAS, Rim", "abbas rim");
	norm_is("O'Brien-Smith & Sons", "obrien smith sons");
	norm_is("U.S.A. Trading", "usa trading");
	norm_is("J.P. Morgan", "jp morgan");
	norm_is("Tech.Investment", "tech investment");
	norm_is("", "");
	norm_is("...", "");
}

/* Latin letters with diacritics take a table built from ICU; decomposed forms still go through ICU. */
static void screen__norm_latin_fast_path_matches_icu(void **state)
{
	char a[TG_SCREEN_NORM_MAX], b[TG_SCREEN_NORM_MAX];
	static const char *const pairs[][2] = {
		{"Le\xc3\xa3o", "Lea\xcc\x83o"},             /* ã */
		{"M\xc3\xbcller GmbH", "Mu\xcc\x88ller GmbH"}, /* ü */
		{"\xc3\x89" "cole", "E\xcc\x81" "cole"},           /* É */
		{"Fran\xc3\xa7ois", "Franc\xcc\xa7ois"},     /* ç */
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		tg__screen_norm(a, sizeof(a), pairs[i][0]);
		tg__screen_norm(b, sizeof(b), pairs[i][1]);
		assert_string_equal(a, b);
	}
	norm_is("Stra\xc3\x9f" "e", "strasse");
	norm_is("\xc5\x81ukasz \xc3\x98ster", "lukasz oster");
	norm_is("\xc3\x86r\xc3\xb8sk\xc3\xb8" "bing", "aeroskobing");
}

static void screen__norm_legal_forms(void **state)
{
	(void)state;
	norm_is("Huawei Technologies Co., Ltd.", "huawei technologies");
	norm_is("Huawei Technologies Co., Ltd., Beijing Research Institute", "huawei technologies beijing research institute");
	norm_is("Acme LLC", "acme");
	norm_is("Siemens GmbH", "siemens");
	norm_is("Petronas Sdn. Bhd.", "petronas");
	norm_is("Example Corp", "example");
	norm_is("Example Limited", "example");
	norm_is("Example Company", "example");
	norm_is("Nestle S.A.", "nestle");
	norm_is("OOO Firma Vega", "firma vega");
	norm_is("Inc.", "inc"); /* nothing but a legal form: kept */
	norm_is("Company Sa Nguyen", "company sa nguyen");
	norm_is("AO Kronshtadt", "kronshtadt");
	assert_int_equal(tg__screen_legal_form("gmbh", 4), 2);
	assert_int_equal(tg__screen_legal_form("co", 2), 1);
	assert_int_equal(tg__screen_legal_form("china", 5), 0);
}

static void screen__norm_unicode_and_chinese(void **state)
{
	(void)state;
	norm_is("Société Générale S.A.", "societe generale");
	norm_is("Сергей Лавров", "sergey lavrov"); /* BGN romanisation, as on the lists */
	norm_is("ＡＢＣ　Ｔｒａｄｉｎｇ", "abc trading"); /* full-width (NFKC) */
	/* Traditional and Simplified fold to one form */
	norm_is("長江存儲科技有限責任公司", "ymtc technology");
	norm_is("长江存储科技有限责任公司", "ymtc technology");
	/* polyphones read by word in names */
	norm_is("长沙", "changsha");
	norm_is("重庆", "chongqing");
	norm_is("厦门", "xiamen");
	norm_is("长江", "changjiang");
	norm_is("深圳市大疆创新科技有限公司", "shenzhen dji chuang xin technology");
	norm_is("华为技术有限公司", "huawei technology");
	norm_is("海康威视", "hikvision");
	norm_is("中芯国际", "smic");
	norm_is("浪潮集团", "inspur");
	norm_is("Mr. Rami Makhlouf", "rami makhlouf");
	norm_is("Bachar el-Assad", "bachar al assad");
	norm_is("Ig0r Sech1n", "igor sechin");
	norm_is("TACTICAL MISSILES CORPORATION JOINT STOCK COMPANY", "tactical missiles");
}

static void screen__score_monotonic(void **state)
{
	tg__sc_toks q, a, b, c;
	tg__sc_score sa, sb, sc;
	(void)state;
	tg__sc_tokens(&q, "huawei technologies");
	tg__sc_tokens(&a, "huawei technologies");
	tg__sc_tokens(&b, "huawai technologies");
	tg__sc_tokens(&c, "hualai technologies");
	tg__sc_score_names(&sa, &q, &a);
	tg__sc_score_names(&sb, &q, &b);
	tg__sc_score_names(&sc, &q, &c);
	assert_true(sa.score == 1.0);
	assert_true(sa.score > sb.score && sb.score > sc.score);
	assert_true(tg__sc_jaro_winkler("martha", 6, "marhta", 6) > 0.96);
	{ /* father and son the other way round; same-sound spellings; initials */
		tg__sc_toks x, y;
		tg__sc_score sx, sy;
		tg__sc_tokens(&x, "salman bin muhammad al rawi");
		tg__sc_tokens(&y, "muhammad bin salman al rawi");
		tg__sc_score_names(&sx, &x, &y);
		assert_true(sx.score < 0.85);
		tg__sc_tokens(&y, "al rawi salman bin muhammad");
		tg__sc_score_names(&sy, &x, &y);
		assert_true(sy.score > 0.99);
		assert_true(tg__sc_token_sim("usama", 5, "osama", 5) >= TG_SC_SOUND_SIM);
		assert_true(tg__sc_token_sim("gaddafi", 7, "qaddafi", 7) >= TG_SC_SOUND_SIM);
		assert_true(tg__sc_token_sim("smith", 5, "smyth", 5) > 0.6);
		assert_true(tg__sc_token_sim("v", 1, "vladimir", 8) == TG_SC_INITIAL_SIM);
		assert_true(tg__sc_token_sim("sanchez", 7, "sancho", 6) < TG_SC_SOUND_SIM);
	}
	assert_true(tg__sc_token_sim("chen", 4, "cheng", 5) < 0.7); /* one letter is another syllable */
}

static tg_screener *open_fixture(tg_store **st)
{
	char path[512];
	tg_screener *s = NULL;
	tg_list_snapshot snap;
	tg_test_db(path, sizeof(path), "t.db");
	assert_int_equal(tg_store_open(st, path, NULL), TG_OK);
	assert_int_equal(tg_lists_load(&snap, *st, tg_test_path("tests/resources/lists/csl_small.csv"), NULL, NULL),
			 TG_OK);
	assert_int_equal(tg_screener_open(&s, *st, NULL), TG_OK);
	return s;
}

static void screen__exact_after_normalisation(void **state)
{
	tg_store *st;
	tg_screener *s = open_fixture(&st);
	tg_screen_hit h[4];
	size_t n;
	(void)state;
	assert_int_equal(tg_screen_name(h, 4, &n, s, "EXAMPLE PHOTONICS CO LTD", NULL, NULL), TG_OK);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].entity_id, "t1");
	assert_string_equal(h[0].list, "EL");
	assert_string_equal(h[0].name, "Example Photonics Co., Ltd. (ExPho)");
	assert_true(h[0].score >= 0.999);
	assert_int_equal(h[0].level, TG_HIT_BLOCK);
	assert_int_equal(h[0].approved, 0);
	assert_non_null(strstr(h[0].explanation, "example photonics"));
	assert_int_equal(tg_screen_name(h, 4, &n, s, "Imran Zafar", "IR", NULL), TG_OK);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].list, "SDN");
	assert_int_equal(tg_screen_name(h, 4, &n, s, "expho", NULL, NULL), TG_OK);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].matched_name, "ExPho");
	assert_int_equal(tg_screen_name(h, 4, &n, s, "Shenzhen Example Photonics", NULL, NULL), TG_OK);
	assert_int_equal(n, 1); /* the "and ..." alias, cleaned */
	assert_int_equal(tg_screen_name(h, 4, &n, s, "Completely Unrelated Bakery", NULL, NULL), TG_OK);
	assert_int_equal(n, 0);
	assert_int_equal(tg_screen_name(h, 4, &n, s, "", NULL, NULL), TG_OK);
	assert_int_equal(n, 0);
	tg_screener_free(s);
	tg_store_free(st);
}

static void screen__approved_list_flagged(void **state)
{
	tg_store *st;
	tg_screener *s = open_fixture(&st);
	tg_screen_hit h[4];
	size_t n;
	(void)state;
	assert_int_equal(tg_screen_name(h, 4, &n, s, "Good Labs", "DE", NULL), TG_OK);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].list, "APPROVED");
	assert_int_equal(h[0].approved, 1);
	tg_screener_free(s);
	tg_store_free(st);
}

static void screen__override_sticky_until_entry_changes(void **state)
{
	tg_store *st;
	tg_screener *s = open_fixture(&st);
	tg_screen_hit h[4];
	tg_screen_override_rec *v;
	tg_list_snapshot snap;
	tg_err err = TG_ERR_INIT;
	size_t n;
	(void)state;
	tg_screener_free(s);
	assert_int_equal(tg_screen_override(st, "Imran ZAFAR", "SDN", "t2", TG_SCREEN_FALSE_POSITIVE, "other person",
					    "alice", &err),
			 TG_OK);
	assert_int_equal(tg_screen_override(st, "Imran ZAFAR", "SDN", "nope", TG_SCREEN_FALSE_POSITIVE, "r", "a", &err),
			 TG_ENOTFOUND);
	assert_int_equal(tg_screen_override(st, "Imran ZAFAR", "SDN", "t2", TG_SCREEN_FALSE_POSITIVE, "", "a", &err),
			 TG_EINVALID);
	assert_int_equal(tg_screener_open(&s, st, NULL), TG_OK);
	assert_int_equal(tg_screen_name(h, 4, &n, s, "zafar, imran", NULL, NULL), TG_OK);
	assert_int_equal(n, 0); /* suppressed, word order and case ignored */
	tg_screener_free(s);
	/* same content reloaded: key fields unchanged, still suppressed */
	assert_int_equal(tg_lists_load(&snap, st, tg_test_path("tests/resources/lists/csl_small.csv"), NULL, NULL), TG_OK);
	assert_int_equal(tg_screener_open(&s, st, NULL), TG_OK);
	assert_int_equal(tg_screen_name(h, 4, &n, s, "Imran Zafar", NULL, NULL), TG_OK);
	assert_int_equal(n, 0);
	tg_screener_free(s);
	/* a true match on the approved fixture entry: block level, flagged */
	assert_int_equal(tg_screen_override(st, "Good Labs", "APPROVED", "t5", TG_SCREEN_TRUE_MATCH, "known", "bob", &err),
			 TG_OK);
	assert_int_equal(tg_screener_open(&s, st, NULL), TG_OK);
	assert_int_equal(tg_screen_name(h, 4, &n, s, "Good Labs GmbH", NULL, NULL), TG_OK);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].override, "true_match");
	tg_screener_free(s);
	assert_int_equal(tg_screen_overrides(&v, &n, st, NULL), TG_OK);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].decision, "false_positive");
	assert_int_equal(v[0].current, 1);
	tg_screen_overrides_free(v);
	tg_store_free(st);
}

static void screen__fuzzy_typos_and_order(void **state)
{
	tg_store *st;
	tg_screener *s = open_fixture(&st);
	tg_screen_hit h[4];
	size_t n;
	(void)state;
	assert_int_equal(tg_screen_name(h, 4, &n, s, "Exampel Photonics", NULL, NULL), TG_OK);
	assert_int_equal(n, 1);
	assert_true(h[0].score < 1.0 && h[0].score >= 0.85);
	assert_non_null(strstr(h[0].explanation, "tokens"));
	assert_int_equal(tg_screen_name(h, 4, &n, s, "Northwind Avionics", "RU", NULL), TG_OK);
	assert_int_equal(n, 1);
	assert_string_equal(h[0].list, "MEU");
	tg_screener_free(s);
	tg_store_free(st);
}

/* policy/screening/thresholds.json under $TOLLGATE_DATA_DIR: per-list thresholds; a malformed file fails. */
static void write_thresholds(const char *json)
{
	static char dir[256];
	char path[512];
	FILE *f;
	if (!dir[0])
		snprintf(dir, sizeof(dir), "%s", tg_test_tmpdir());
	snprintf(path, sizeof(path), "%s/policy", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/policy/screening", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/policy/screening/thresholds.json", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(json, f);
	fclose(f);
	setenv("TOLLGATE_DATA_DIR", dir, 1);
}

static void screen__thresholds_per_list(void **state)
{
	tg_store *st;
	tg_screener *s;
	tg_screen_hit h[4];
	size_t n;
	tg_err err = TG_ERR_INIT;
	(void)state;
	write_thresholds("{\"format\": \"tollgate-screening\", \"version\": 1, \"lists\": {\"EL\": {\"review\": 0.99, "
			 "\"block\": 0.995}, \"MEU\": {\"review\": 0.5, \"block\": 0.6}}}");
	s = open_fixture(&st);
	assert_int_equal(tg_screen_name(h, 4, &n, s, "Exampel Photonics", NULL, NULL), TG_OK);
	assert_int_equal(n, 0); /* the EL entry now needs 0.99 */
	assert_int_equal(tg_screen_name(h, 4, &n, s, "Northwind Avionics", "RU", NULL), TG_OK);
	assert_int_equal(n, 1);
	assert_int_equal(h[0].level, TG_HIT_BLOCK); /* MEU blocks from 0.6 */
	tg_screener_free(s);
	write_thresholds("{\"format\": \"tollgate-screening\", \"lists\": {\"EL\": {\"review\": 0.9, \"block\": 0.8}}}");
	assert_int_equal(tg_screener_open(&s, st, &err), TG_EINVALID);
	assert_non_null(strstr(err.msg, "thresholds.json"));
	write_thresholds("{\"format\": \"tollgate-screening\", \"lists\": {\"EL\": {\"reviw\": 0.9}}}");
	assert_int_equal(tg_screener_open(&s, st, &err), TG_EINVALID);
	assert_non_null(strstr(err.msg, "reviw"));
	unsetenv("TOLLGATE_DATA_DIR");
	tg_store_free(st);
}

/* Every allocation of tg_screener_open() failing in turn: TG_ENOMEM, nothing leaked, then TG_OK. */
static void screen__open_oom_sweep(void **state)
{
	tg_store *st;
	tg_screener *s = open_fixture(&st);
	size_t k;
	(void)state;
	tg_screener_free(s);
	for (k = 1; k < 20000; k++) {
		int rc;
		s = NULL;
		tg__alloc_fail_after(k);
		rc = tg_screener_open(&s, st, NULL);
		tg__alloc_fail_after(0);
		assert_true(rc == TG_OK || rc == TG_ENOMEM);
		if (rc == TG_OK) {
			tg_screen_hit h[4];
			size_t n;
			assert_int_equal(tg_screen_name(h, 4, &n, s, "Exampel Photonics", NULL, NULL), TG_OK);
			assert_int_equal(n, 1);
			tg_screener_free(s);
			tg_store_free(st);
			return;
		}
		assert_null(s);
	}
	fail_msg("screener open never succeeded");
}

static void screen__empty_store(void **state)
{
	char path[512];
	tg_store *st = NULL;
	tg_screener *s = NULL;
	tg_screen_hit h[2];
	size_t n = 5;
	(void)state;
	tg_test_db(path, sizeof(path), "e.db");
	assert_int_equal(tg_store_open(&st, path, NULL), TG_OK);
	assert_int_equal(tg_screener_open(&s, st, NULL), TG_OK);
	assert_int_equal(tg_screen_name(h, 2, &n, s, "Anyone", NULL, NULL), TG_OK);
	assert_int_equal(n, 0);
	tg_screener_free(s);
	tg_store_free(st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(screen__norm_case_punct_space),
		cmocka_unit_test(screen__norm_latin_fast_path_matches_icu),
		cmocka_unit_test(screen__norm_legal_forms),
		cmocka_unit_test(screen__norm_unicode_and_chinese),
		cmocka_unit_test(screen__score_monotonic),
		cmocka_unit_test(screen__exact_after_normalisation),
		cmocka_unit_test(screen__approved_list_flagged),
		cmocka_unit_test(screen__empty_store),
		cmocka_unit_test(screen__override_sticky_until_entry_changes),
		cmocka_unit_test(screen__fuzzy_typos_and_order),
		cmocka_unit_test(screen__thresholds_per_list),
		cmocka_unit_test(screen__open_oom_sweep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
