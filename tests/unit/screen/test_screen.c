/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of screening: normalisation, legal forms, exact matching, approved-customer flag. */
#include "tg_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include "screen_int.h"
#include "alloc.h"
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
		{"Le\xc3\xa3o", "Lea\xcc\x83o"},               /* ã */
		{"M\xc3\xbcller GmbH", "Mu\xcc\x88ller GmbH"}, /* ü */
		{"\xc3\x89"
		 "cole",
		 "E\xcc\x81"
		 "cole"},                                /* É */
		{"Fran\xc3\xa7ois", "Franc\xcc\xa7ois"}, /* ç */
	};
	size_t i;
	(void)state;
	for (i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
		tg__screen_norm(a, sizeof(a), pairs[i][0]);
		tg__screen_norm(b, sizeof(b), pairs[i][1]);
		assert_string_equal(a, b);
	}
	norm_is("Stra\xc3\x9f"
		"e",
		"strasse");
	norm_is("\xc5\x81ukasz \xc3\x98ster", "lukasz oster");
	norm_is("\xc3\x86r\xc3\xb8sk\xc3\xb8"
		"bing",
		"aeroskobing");
}

static void screen__norm_legal_forms(void **state)
{
	(void)state;
	norm_is("Huawei Technologies Co., Ltd.", "huawei technologies");
	norm_is("Huawei Technologies Co., Ltd., Beijing Research Institute",
		"huawei technologies beijing research institute");
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
	norm_is("Сергей Лавров", "sergey lavrov");        /* BGN romanisation, as on the lists */
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

/* Number words become digits, tens and units one number; a cut-off legal form at the end of a name
 * is still a legal form; "will" is a word, not a nickname. */
static void screen__norm_numbers_truncation_words(void **state)
{
	(void)state;
	norm_is("Brigade Forty-Four", "brigade 44");
	norm_is("Brigade Forty 4", "brigade 44");
	norm_is("Brigade Fourty-four", "brigade 44");
	norm_is("Brigade 44", "brigade 44");
	norm_is("Forty Thieves", "40 thieves");
	norm_is("Twelve Apostles", "12 apostles");
	norm_is("40 4 Trading", "40 4 trading"); /* digits stay as written */
	norm_is("TACTICAL MISSILES CORPORATION JOINT STOCK COMPAN", "tactical missiles");
	norm_is("Acme Limited Liability Comp", "acme");
	norm_is("Joint Stock Compan Trading", "joint stock compan trading"); /* not at the end: a word */
	norm_is("Good Will Company", "good will");
	norm_is("Bill Gates", "william gates");
}

static double score_of(const char *a, const char *b, int person)
{
	tg__sc_toks x, y;
	tg__sc_score sc;
	tg__sc_tokens(&x, a);
	tg__sc_tokens(&y, b);
	y.person = person;
	tg__sc_score_names(&sc, &x, &y);
	return sc.score;
}

/* A split or joined word and an acronym pair with the words they stand for. */
static void screen__score_split_words_and_acronyms(void **state)
{
	(void)state;
	assert_true(score_of("good will", "goodwill", 0) > 0.99);
	assert_true(score_of("nikolai patr ushev", "nikolai patrushev", 1) > 0.99);
	assert_true(score_of("us department of state", "united states department of state", 0) >= 0.85);
	assert_true(score_of("pla", "peoples liberation army", 0) >= 0.85);
	assert_true(score_of("boc", "bank of china", 0) >= 0.85);                            /* small words in */
	assert_true(score_of("icbc", "industrial and commercial bank of china", 0) >= 0.85); /* left out */
	assert_true(score_of("usa", "united states", 0) < 0.5);                              /* one letter too many */
	assert_true(score_of("bla", "peoples liberation army", 0) < 0.5);                    /* initials differ */
	/* a 2-letter acronym is weaker evidence than a 3-letter one */
	assert_true(score_of("us", "united states", 0) < score_of("pla", "peoples liberation army", 0));
	/* the same-sound rule does not join words: "qin yang" is not "cuiying" */
	assert_true(score_of("qin yang liu", "liu cuiying", 1) < 0.85);
}

/* Jaro-Winkler's reward for a shared beginning is capped by the letters kept by the edits; a swap of
 * two neighbours is one edit; more edits never score higher. */
static void screen__score_edit_cap_monotonic(void **state)
{
	static const char *const typos[] = {"trafigura", "trafigurra", "trafiguurra", "traffiguurra"};
	size_t i;
	(void)state;
	assert_true(tg__sc_token_sim("ronaldinho", 10, "ronaldo", 7) <= 1.0 - 3.0 / 10.0 + TG_SC_EDIT_SLACK + 1e-9);
	assert_true(tg__sc_token_sim("castillo", 8, "castro", 6) < 0.7);
	assert_true(tg__sc_token_sim("scholze", 7, "scholz", 6) >= 0.85);
	assert_true(tg__sc_token_sim("macron", 6, "marcon", 6) > tg__sc_token_sim("macron", 6, "masbon", 6));
	for (i = 1; i < sizeof(typos) / sizeof(typos[0]); i++)
		assert_true(tg__sc_token_sim("trafigura", 9, typos[i], strlen(typos[i])) <=
			    tg__sc_token_sim("trafigura", 9, typos[i - 1], strlen(typos[i - 1])));
}

/* Between persons' names, a word on each side left over (a different given name or patronymic) costs
 * at least the mean word of its name, however common it is; for organisations its own weight. The
 * score never rises when a conflicting word weighs more. */
static void screen__score_person_conflict(void **state)
{
	tg__sc_toks q, n;
	tg__sc_score org, per, heavier;
	static const float wq[] = {6, 1, 1.5f, 0.5f, 9}, wn[] = {6, 1, 1.5f, 0.5f, 9};
	size_t i;
	(void)state;
	tg__sc_tokens(&q, "habib ben mohamed al loubiri");
	tg__sc_tokens(&n, "habib ben ahmed al loubiri");
	for (i = 0; i < 5; i++)
		q.w[i] = wq[i], n.w[i] = wn[i];
	tg__sc_score_names(&org, &q, &n);
	n.person = 1;
	tg__sc_score_names(&per, &q, &n);
	assert_true(org.score >= 0.85); /* a common word differs: the organisations rule still reviews */
	assert_true(per.score < 0.85 && per.score < org.score);
	q.w[2] = n.w[2] = 4.0f;
	tg__sc_score_names(&heavier, &q, &n);
	assert_true(heavier.score <= per.score);
	/* a word on one side only (a middle name) is not a conflict */
	assert_true(score_of("habib al loubiri", "habib ben al loubiri", 1) > 0.85);
}

/* Plain Levenshtein distance of the two strings without spaces (the scorer's "joined" form). */
static size_t joined_lev(const char *a, const char *b)
{
	char x[64], y[64];
	size_t nx = 0, ny = 0, i, j, row[64], diag, up;
	for (; *a; a++)
		if (*a != ' ')
			x[nx++] = *a;
	for (; *b; b++)
		if (*b != ' ')
			y[ny++] = *b;
	for (j = 0; j <= ny; j++)
		row[j] = j;
	for (i = 1; i <= nx; i++) {
		diag = row[0], row[0] = i;
		for (j = 1; j <= ny; j++) {
			size_t best = diag + (x[i - 1] != y[j - 1]);
			up = row[j];
			best = up + 1 < best ? up + 1 : best;
			best = row[j - 1] + 1 < best ? row[j - 1] + 1 : best;
			diag = up, row[j] = best;
		}
	}
	return row[ny];
}

/* The letter sketch of a name never claims more edits between two joined forms than there are
 * (the candidate filter relies on it), and tells different letters apart. */
static void screen__sketch_bounds_edits(void **state)
{
	static const char *const v[] = {"huawei", "hua wei",          "huawai",        "aaaaab", "baaaaa", "abc 123",
					"xyz",    "mohammed al rawi", "muhammad rawi", "zzzz",   "a"};
	size_t i, j, n = sizeof(v) / sizeof(v[0]);
	(void)state;
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			assert_true(tg__sc_sketch_edits(tg__sc_sketch(v[i]), tg__sc_sketch(v[j])) <=
				    joined_lev(v[i], v[j]));
	assert_int_equal(tg__sc_sketch_edits(tg__sc_sketch("huawei"), tg__sc_sketch("hua wei")), 0);
	assert_int_equal(tg__sc_sketch_edits(tg__sc_sketch("abc"), tg__sc_sketch("abd")), 1);
	assert_int_equal(tg__sc_sketch_edits(tg__sc_sketch("zzzz"), tg__sc_sketch("a")), 3); /* counts cap at 3 */
	assert_int_equal(tg__sc_sketch_lset(tg__sc_sketch("abz 9")), (1u << 0) | (1u << 1) | (1u << 25) | (1u << 26));
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
	assert_int_equal(tg_lists_load(&snap, st, tg_test_path("tests/resources/lists/csl_small.csv"), NULL, NULL),
			 TG_OK);
	assert_int_equal(tg_screener_open(&s, st, NULL), TG_OK);
	assert_int_equal(tg_screen_name(h, 4, &n, s, "Imran Zafar", NULL, NULL), TG_OK);
	assert_int_equal(n, 0);
	tg_screener_free(s);
	/* a true match on the approved fixture entry: block level, flagged */
	assert_int_equal(
		tg_screen_override(st, "Good Labs", "APPROVED", "t5", TG_SCREEN_TRUE_MATCH, "known", "bob", &err),
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
	write_thresholds(
		"{\"format\": \"tollgate-screening\", \"lists\": {\"EL\": {\"review\": 0.9, \"block\": 0.8}}}");
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
		cmocka_unit_test(screen__norm_numbers_truncation_words),
		cmocka_unit_test(screen__score_split_words_and_acronyms),
		cmocka_unit_test(screen__score_edit_cap_monotonic),
		cmocka_unit_test(screen__score_person_conflict),
		cmocka_unit_test(screen__sketch_bounds_edits),
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
