/* SPDX-License-Identifier: Apache-2.0 */
/* Re-screening on list change: two small fictional snapshots of one list, parties recorded in decisions,
 * reviewers' overrides. An added entry gives a new hit, a removed one clears a hit, a changed entry
 * lapses its false positive, an unchanged entry with a false positive stays out of the report.
 * SQLite always; PostgreSQL with `--pg` when TG_TEST_PG_DSN names a fresh scratch database (label pg). */
#include "tg_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "store.h"
#include "tg/lists.h"
#include "tg/rescreen.h"
#include "tg/screen.h"
#include "buf.h"

static char where[1024]; /* SQLite path or PostgreSQL DSN */
static char dir[512];    /* list files written by the tests */

static const char LIST_A[] =
	"{\"format\":\"tollgate-list\",\"version\":1,\"name\":\"fict\",\"list\":\"EL\",\"entries\":["
	"{\"id\":\"X-1\",\"name\":\"Orion Falcon Trading\",\"countries\":[\"CN\"]},"
	"{\"id\":\"X-2\",\"name\":\"Kestrel Quantum Systems\"},"
	"{\"id\":\"X-4\",\"name\":\"Tundra Optics Institute\",\"fr_cite\":\"90 FR 1\"},"
	"{\"id\":\"X-5\",\"name\":\"Boreal Silicon Works\"}]}";
/* X-1 removed, X-3 added, X-5 changed (an alias: key fields), X-4 only its FR cite (not a key field). */
static const char LIST_B[] =
	"{\"format\":\"tollgate-list\",\"version\":1,\"name\":\"fict\",\"list\":\"EL\",\"entries\":["
	"{\"id\":\"X-2\",\"name\":\"Kestrel Quantum Systems\"},"
	"{\"id\":\"X-3\",\"name\":\"Helios Lattice Compute\"},"
	"{\"id\":\"X-4\",\"name\":\"Tundra Optics Institute\",\"fr_cite\":\"91 FR 2\"},"
	"{\"id\":\"X-5\",\"name\":\"Boreal Silicon Works\",\"aliases\":[\"Boreal Silicon\"]}]}";

static tg_store *open_store(void)
{
	tg_store *st = NULL;
	tg_err err = TG_ERR_INIT;
	if (tg_store_open(&st, where, &err) != TG_OK)
		fail_msg("open %s: %s", where, err.msg);
	return st;
}

static void load_text(tg_store *st, const char *name, const char *text, int64_t want_id)
{
	char path[1024];
	tg_list_snapshot snap;
	tg_err err = TG_ERR_INIT;
	FILE *f;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	fclose(f);
	if (tg_lists_load(&snap, st, path, NULL, &err) != TG_OK)
		fail_msg("load %s: %s", name, err.msg);
	assert_int_equal(snap.id, want_id);
}

/* A recorded decision whose order has the given parties (canonical order JSON as check records it). */
static void record(tg_store *st, const char *id, const char *parties_json)
{
	static const char sql[] = "INSERT INTO decisions (order_id, content_hash, as_of, verdict, exporter, order_json,"
				  " decision_json, recorded_at) VALUES (?, 'h', '2026-02-01', 'allow', 'Acme', ?, '{}',"
				  " '2026-02-01T00:00:00Z')";
	char order[1024];
	tg__stmt *q;
	tg_err err = TG_ERR_INIT;
	snprintf(order, sizeof(order), "{\"id\":\"%s\",\"parties\":%s}", id, parties_json);
	assert_int_equal(tg__store_prepare(&q, st, sql, &err), TG_OK);
	tg__stmt_bind_text(q, 1, id, -1);
	tg__stmt_bind_text(q, 2, order, -1);
	assert_int_equal(tg__stmt_step(q, &err), 0);
	tg__stmt_reset(q);
}

static int64_t count_audit(tg_store *st, const char *kind)
{
	static const char sql[] = "SELECT COUNT(*) FROM audit_log WHERE kind = ?";
	tg__stmt *q;
	int64_t n;
	assert_int_equal(tg__store_prepare(&q, st, sql, NULL), TG_OK);
	tg__stmt_bind_text(q, 1, kind, -1);
	assert_int_equal(tg__stmt_step(q, NULL), 1);
	n = tg__stmt_int64(q, 0);
	tg__stmt_reset(q);
	return n;
}

/* The line of report r of that kind for (party, entity), or NULL. */
static const tg_rescreen_hit *find(const tg_rescreen_report *r, const char *kind, const char *party, const char *entity)
{
	size_t i;
	for (i = 0; i < r->nhits; i++)
		if (strcmp(r->hits[i].kind, kind) == 0 && strcmp(r->hits[i].party, party) == 0 &&
		    strcmp(r->hits[i].hit.entity_id, entity) == 0)
			return &r->hits[i];
	return NULL;
}

static void override_fp(tg_store *st, const char *party, const char *entity)
{
	tg_err err = TG_ERR_INIT;
	if (tg_screen_override(st, party, "EL", entity, TG_SCREEN_FALSE_POSITIVE, "other company", "alice", &err) !=
	    TG_OK)
		fail_msg("override: %s", err.msg);
}

/* The second load: one entry added, one changed (its false positive lapses), one removed. */
static void second_report(tg_store *st)
{
	tg_rescreen_report *r = NULL;
	const tg_rescreen_hit *h;
	tg_err err = TG_ERR_INIT;

	override_fp(st, "Kestrel Quantum Systems", "X-2");
	override_fp(st, "Boreal Silicon Works", "X-5");
	load_text(st, "b.json", LIST_B, 2);
	assert_int_equal(tg_rescreen_report_get(&r, st, 0, &err), TG_OK); /* 0 = the latest */
	assert_int_equal(r->summary.snapshot, 2);
	assert_int_equal(r->summary.previous, 1);
	assert_string_equal(r->list_name, "fict");
	assert_int_equal(r->summary.added, 1);
	assert_int_equal(r->summary.changed, 1);
	assert_int_equal(r->summary.removed, 1);
	assert_int_equal(r->summary.new_hits, 2);
	assert_int_equal(r->summary.cleared_hits, 1);
	assert_int_equal(r->nhits, 3);
	/* added entry -> new hit */
	assert_non_null(h = find(r, "new", "Helios Lattice Compute", "X-3"));
	assert_string_equal(h->change, "added");
	assert_string_equal(h->party_country, "CN");
	assert_true(h->hit.score >= 0.85);
	assert_string_equal(h->hit.matched_name, "Helios Lattice Compute");
	assert_true(strlen(h->hit.explanation) > 0);
	/* changed entry: its false positive lapsed, so the hit is new again */
	assert_non_null(h = find(r, "new", "Boreal Silicon Works", "X-5"));
	assert_string_equal(h->change, "changed");
	assert_string_equal(h->hit.override, "lapsed");
	/* removed entry -> cleared hit, as it was */
	assert_non_null(h = find(r, "cleared", "Orion Falcon Trading", "X-1"));
	assert_string_equal(h->change, "removed");
	assert_string_equal(h->hit.list, "EL");
	/* unchanged entry with a false positive: in neither list; X-4 changed only a non-key field */
	assert_null(find(r, "new", "Kestrel Quantum Systems", "X-2"));
	assert_null(find(r, "cleared", "Kestrel Quantum Systems", "X-2"));
	assert_true(r->hits[0].kind[0] == 'n' && r->hits[2].kind[0] == 'c'); /* new first */
	tg_rescreen_report_free(r);
}

/* The report as JSON; then the same content again: nothing changed, nobody re-screened. */
static void json_and_unchanged_reload(tg_store *st)
{
	tg_rescreen_summary s;
	tg_buf b = TG_BUF_INIT;
	tg_err err = TG_ERR_INIT;

	assert_int_equal(tg_rescreen_report_json(&b, st, 2, &err), TG_OK);
	assert_non_null(strstr(b.ptr, "\"snapshot\":2,\"previous_snapshot\":1,\"list_name\":\"fict\""));
	assert_non_null(strstr(b.ptr, "\"entries\":{\"added\":1,\"changed\":1,\"removed\":1},\"parties\":5"));
	assert_non_null(strstr(b.ptr, "\"cleared_hits\":[{\"party\":\"Orion Falcon Trading\",\"party_country\":\"CN\","
				      "\"change\":\"removed\",\"entity_id\":\"X-1\""));
	tg_buf_dispose(&b);

	/* the same content again: nothing changed, nobody re-screened, an empty report */
	load_text(st, "b2.json", LIST_B, 3);
	assert_int_equal(tg_rescreen_summary_get(&s, st, 3, &err), TG_OK);
	assert_true(s.added == 0 && s.changed == 0 && s.removed == 0 && s.parties == 0 && s.new_hits == 0 &&
		    s.cleared_hits == 0 && s.previous == 2);
	assert_int_equal(count_audit(st, "rescreen"), 3);
	assert_int_equal(tg_rescreen_summary_get(&s, st, 99, &err), TG_ENOTFOUND);
	assert_string_equal(err.field, "snapshot");
}

static void rescreen__new_and_cleared_hits_respect_overrides(void **state)
{
	tg_store *st = open_store();
	tg_rescreen_report *r = NULL;
	tg_err err = TG_ERR_INIT;
	(void)state;

	record(st, "O-1",
	       "[{\"name\":\"Orion Falcon Trading\",\"country\":\"CN\"},{\"name\":\"Kestrel Quantum Systems\"}]");
	record(st, "O-2",
	       "[{\"name\":\"Helios Lattice Compute\",\"country\":\"CN\"},{\"name\":\"Boreal Silicon Works\","
	       "\"country\":\"DE\"},{\"name\":\"Unrelated Name GmbH\"},{\"name\":\"Orion Falcon Trading\","
	       "\"country\":\"CN\"}]");
	/* First load of the list: every entry is added; the parties that hit it are new hits. */
	load_text(st, "a.json", LIST_A, 1);
	assert_int_equal(tg_rescreen_report_get(&r, st, 1, &err), TG_OK);
	assert_int_equal(r->summary.previous, 0);
	assert_int_equal(r->summary.added, 4);
	assert_int_equal(r->summary.parties, 5); /* distinct (name, country): Orion counted once */
	assert_int_equal(r->summary.new_hits, 3);
	assert_non_null(find(r, "new", "Orion Falcon Trading", "X-1"));
	assert_non_null(find(r, "new", "Kestrel Quantum Systems", "X-2"));
	assert_non_null(find(r, "new", "Boreal Silicon Works", "X-5"));
	tg_rescreen_report_free(r);

	second_report(st);
	json_and_unchanged_reload(st);
	tg_store_free(st);
}

/* A list name is compared with its own previous snapshot only: another name is a first load. Runs
 * after the test above, on its store and files. */
static void rescreen__snapshots_of_other_names_are_not_compared(void **state)
{
	tg_store *st = open_store();
	tg_list_snapshot snap;
	tg_list_load_opts o = TG_LIST_LOAD_OPTS_INIT;
	tg_rescreen_summary s;
	tg_err err = TG_ERR_INIT;
	char path[1024];
	(void)state;
	snprintf(path, sizeof(path), "%s/b.json", dir);
	o.name = "fict-copy";
	assert_int_equal(tg_lists_load(&snap, st, path, &o, &err), TG_OK);
	assert_int_equal(tg_rescreen_summary_get(&s, st, 0, &err), TG_OK);
	assert_int_equal(s.snapshot, snap.id);
	assert_int_equal(s.previous, 0);
	assert_int_equal(s.added, 4);
	/* Helios; Boreal (its false positive was on X-5 as it was); not Kestrel: the false positive is on
	 * (list code, source id) with an unchanged key hash, whichever list name carries the entry */
	assert_int_equal(s.new_hits, 2);
	tg_store_free(st);
}

/* A source id longer than a hit's entity_id field (63 bytes) still finds its change. */
static void rescreen__long_source_id_keeps_its_change(void **state)
{
	char list[1024], id[81];
	tg_rescreen_report *r = NULL;
	tg_err err = TG_ERR_INIT;
	tg_store *st;
	(void)state;
	if (strncmp(where, "postgres", 8) == 0)
		skip(); /* one fresh database per run: the tests above use it */
	memset(id, 'L', 80), id[80] = '\0';
	snprintf(list, sizeof(list),
		 "{\"format\":\"tollgate-list\",\"version\":1,\"name\":\"long\",\"list\":\"BLOCK\",\"entries\":["
		 "{\"id\":\"%s\",\"name\":\"Zephyr Anvil Robotics\"}]}",
		 id);
	snprintf(where, sizeof(where), "%s/long.db", dir);
	st = open_store();
	record(st, "O-9", "[{\"name\":\"Zephyr Anvil Robotics\"}]");
	load_text(st, "long.json", list, 1);
	assert_int_equal(tg_rescreen_report_get(&r, st, 1, &err), TG_OK);
	assert_int_equal(r->nhits, 1);
	assert_string_equal(r->hits[0].change, "added");
	assert_int_equal(strlen(r->hits[0].hit.entity_id), 63);
	tg_rescreen_report_free(r);
	tg_store_free(st);
}

static void rescreen__thresholds_list_the_file(void **state)
{
	tg_screen_threshold *v = NULL;
	char source[1024];
	size_t n = 0;
	tg_err err = TG_ERR_INIT;
	(void)state;
	assert_int_equal(tg_screen_thresholds(&v, &n, source, &err), TG_OK);
	assert_true(n >= 1);
	assert_string_equal(v[0].list, "");
	assert_true(v[0].review > 0 && v[0].review <= v[0].block && v[0].block <= 1);
	assert_non_null(strstr(source, "policy/screening/thresholds.json"));
	tg_screen_thresholds_free(v);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rescreen__new_and_cleared_hits_respect_overrides),
		cmocka_unit_test(rescreen__snapshots_of_other_names_are_not_compared),
		cmocka_unit_test(rescreen__long_source_id_keeps_its_change),
		cmocka_unit_test(rescreen__thresholds_list_the_file),
	};
	setenv("TOLLGATE_DATA_DIR", TG_SOURCE_DIR, 1);
	snprintf(dir, sizeof(dir), "%s", tg_test_tmpdir());
	if (tg_test_db_arg(where, sizeof(where), argc, argv) == NULL)
		return 0;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
