/* SPDX-License-Identifier: Apache-2.0 */
/* OOM sweeps of tg_lists_load, one per format (CSL CSV, OFAC CSV set, OFAC enhanced XML plain and zipped,
 * KAIST JSON, tollgate JSON). A load
 * that fails for lack of memory must leave the store unchanged (no snapshot). */
#include "oom.h"

#include <string.h>
#include <zip.h>
#include "store.h"
#include "tg/lists.h"
#include "tg/rescreen.h"
#include "tg/store.h"

typedef struct load_ctx {
	tg_store *st;
	const char *path;
	tg_list_format fmt;
	size_t snapshots; /* in the store before the run */
} load_ctx;

static size_t snapshot_count(tg_store *st)
{
	tg_list_snapshot *v = NULL;
	size_t n = 0;
	assert_int_equal(tg_lists_snapshots(&v, &n, st, NULL), TG_OK);
	tg_lists_free(v);
	return n;
}

static int load(void *ctx, tg_err *err)
{
	load_ctx *c = ctx;
	tg_list_load_opts o = TG_LIST_LOAD_OPTS_INIT;
	tg_list_snapshot snap;
	o.format = c->fmt;
	return tg_lists_load(&snap, c->st, c->path, &o, err);
}

/* All or nothing: one more snapshot after a success, none after a failure. */
static void check_store(void *ctx, int rc)
{
	load_ctx *c = ctx;
	size_t after = snapshot_count(c->st);
	if (after != c->snapshots + (rc == TG_OK))
		fail_msg("load returned %d but the store went from %zu to %zu snapshots", rc, c->snapshots, after);
	c->snapshots = after;
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "wb"));
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	fclose(f);
}

/* Sweep a load of path (format fmt) into a fresh store. */
static void sweep(const char *path, tg_list_format fmt)
{
	char db[512];
	load_ctx c = {NULL, path, fmt, 0};
	tg_test_db(db, sizeof(db), "lists.db");
	tg_err err = TG_ERR_INIT;
	if (tg_store_open(&c.st, db, &err) != TG_OK)
		fail_msg("%s", err.msg);
	assert_true(oom_sweep_checked(load, check_store, &c, 20000) > 1);
	tg_store_free(c.st);
}

static void oom__lists_csl_csv(void **state)
{
	char path[4096];
	(void)state;
	snprintf(path, sizeof(path), "%s", tg_test_path("tests/resources/lists/csl_small.csv"));
	sweep(path, TG_LIST_FORMAT_CSL_CSV);
}

static void oom__lists_tg_json(void **state)
{
	char path[4096];
	(void)state;
	snprintf(path, sizeof(path), "%s", tg_test_path("tests/resources/lists/blocks.json"));
	sweep(path, TG_LIST_FORMAT_TG_JSON);
}

static void oom__lists_kaist_json(void **state)
{
	char dir[256], path[512];
	(void)state;
	snprintf(dir, sizeof(dir), "%s", tg_test_tmpdir());
	write_file(dir, "restricted_parties.json",
		   "[{\"id\":\"k1\",\"name\":{\"english\":\"Example Photonics Co., Ltd. (ExPho)\",\"native\":\"x\"},"
		   "\"aliases\":[\"ExPho\"],\"entity_type\":\"Entity\",\"countries\":[\"\xec\xa4\x91\xea\xb5\xad\"],"
		   "\"source\":{\"list_id\":\"us-bis-entity-list\"}}]");
	snprintf(path, sizeof(path), "%s/restricted_parties.json", dir);
	sweep(path, TG_LIST_FORMAT_KAIST_JSON);
}

static void oom__lists_ofac_csv(void **state)
{
	char dir[256], path[512];
	(void)state;
	snprintf(dir, sizeof(dir), "%s", tg_test_tmpdir());
	write_file(
		dir, "sdn.csv",
		"36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
		"306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'BNC'.\"\r\n\x1a");
	write_file(dir, "alt.csv", "306,220,\"aka\",\"NATIONAL BANK OF CUBA\",-0- \r\n");
	write_file(dir, "add.csv", "36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n");
	snprintf(path, sizeof(path), "%s/sdn.csv", dir);
	sweep(path, TG_LIST_FORMAT_OFAC_CSV);
}

static void oom__lists_ofac_xml(void **state)
{
	char dir[256], path[512];
	const char *xml = tg_test_path("fixtures/lists/sample-ofac-enhanced.xml");
	int zerr = 0;
	zip_t *za;
	(void)state;
	sweep(xml, TG_LIST_FORMAT_OFAC_XML);
	snprintf(dir, sizeof(dir), "%s", tg_test_tmpdir());
	snprintf(path, sizeof(path), "%s/SDN_ENHANCED.ZIP", dir);
	assert_non_null(za = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr));
	assert_true(zip_file_add(za, "SDN_ENHANCED.XML", zip_source_file(za, xml, 0, -1), 0) >= 0);
	assert_int_equal(zip_close(za), 0);
	sweep(path, TG_LIST_FORMAT_AUTO);
}

/* A load that re-screens recorded parties (added, changed and removed entries; an override): every
 * failing run leaves neither snapshot nor report, the final one stores both. */
static void oom__lists_rescreen(void **state)
{
	static const char rec[] =
		"INSERT INTO decisions (order_id, content_hash, as_of, verdict, exporter, order_json,"
		" decision_json, recorded_at) VALUES ('O-1', 'h', '2026-02-01', 'allow', 'A',"
		" '{\"parties\":[{\"name\":\"Orion Falcon Trading\",\"country\":\"CN\"},"
		"{\"name\":\"Helios Lattice Compute\"},{\"name\":\"Boreal Silicon Works\"}]}', '{}', 'T')";
	char dir[256], a[512], b[512], db[512];
	load_ctx c = {NULL, b, TG_LIST_FORMAT_TG_JSON, 0};
	tg_list_snapshot snap;
	tg_rescreen_summary sum;
	tg_err err = TG_ERR_INIT;
	(void)state;
	snprintf(dir, sizeof(dir), "%s", tg_test_tmpdir());
	write_file(
		dir, "a.json",
		"{\"format\":\"tollgate-list\",\"version\":1,\"name\":\"f\",\"list\":\"EL\",\"entries\":["
		"{\"id\":\"X-1\",\"name\":\"Orion Falcon Trading\"},{\"id\":\"X-5\",\"name\":\"Boreal Silicon Works\"}]}");
	write_file(
		dir, "b.json",
		"{\"format\":\"tollgate-list\",\"version\":1,\"name\":\"f\",\"list\":\"EL\",\"entries\":["
		"{\"id\":\"X-3\",\"name\":\"Helios Lattice Compute\"},{\"id\":\"X-5\",\"name\":\"Boreal Silicon Works\","
		"\"aliases\":[\"Boreal Silicon\"]}]}");
	snprintf(a, sizeof(a), "%s/a.json", dir);
	snprintf(b, sizeof(b), "%s/b.json", dir);
	snprintf(db, sizeof(db), "%s/rs.db", dir);
	if (tg_store_open(&c.st, db, &err) != TG_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(tg__store_exec(c.st, rec, &err), TG_OK);
	assert_int_equal(tg_lists_load(&snap, c.st, a, NULL, &err), TG_OK);
	assert_int_equal(tg_screen_override(c.st, "Boreal Silicon Works", "EL", "X-5", TG_SCREEN_FALSE_POSITIVE, "no",
					    "alice", &err),
			 TG_OK);
	c.snapshots = 1;
	assert_true(oom_sweep_checked(load, check_store, &c, 50000) > 1);
	assert_int_equal(tg_rescreen_summary_get(&sum, c.st, 0, &err), TG_OK);
	assert_int_equal(sum.snapshot, 2);
	assert_true(sum.added == 1 && sum.changed == 1 && sum.removed == 1 && sum.parties == 3);
	assert_true(sum.new_hits == 2 && sum.cleared_hits == 1);
	tg_store_free(c.st);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(oom__lists_csl_csv),    cmocka_unit_test(oom__lists_tg_json),
		cmocka_unit_test(oom__lists_kaist_json), cmocka_unit_test(oom__lists_ofac_csv),
		cmocka_unit_test(oom__lists_ofac_xml),   cmocka_unit_test(oom__lists_rescreen),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
