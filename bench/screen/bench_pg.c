/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The same names and queries through PostgreSQL pg_trgm: a throwaway cluster (initdb + pg_ctl in a
 * temporary directory, as the postgres user when run as root, listening on 127.0.0.1 only), every
 * name and alias of the screener in a table with a GIN trigram index, top-10 by similarity among
 * the rows matching `%` (threshold 0.3). Prints queries/s, recall@10 on the UN positives and the
 * ratio to tollgate on the same query set. Skipped, with a message, without the server binaries.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench_screen.h"
#include "screen_test.h"

#ifndef TG_HAVE_LIBPQ
void bench_pg(const tg_screener *s)
{
	(void)s;
	printf("pg_trgm: bench built without libpq, skipped\n");
}
#else
#include <libpq-fe.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#define PG_QUERIES 500 /* negatives timed through both engines (pg_trgm takes ~80 ms each here) */

typedef struct pg_env {
	char bin[512], dir[64], as[64];
	int port, started;
	PGconn *c;
} pg_env;

static int find_bindir(char *out, size_t cap)
{
	static const char *const dirs[] = {"/usr/lib/postgresql/17/bin",
					   "/usr/lib/postgresql/16/bin",
					   "/usr/lib/postgresql/15/bin",
					   "/usr/lib/postgresql/14/bin",
					   "/usr/local/pgsql/bin",
					   "/usr/local/bin",
					   "/usr/bin",
					   NULL};
	char p[600];
	size_t i;
	for (i = 0; dirs[i]; i++) {
		snprintf(p, sizeof(p), "%s/pg_ctl", dirs[i]);
		if (access(p, X_OK) == 0) {
			snprintf(p, sizeof(p), "%s/initdb", dirs[i]);
			if (access(p, X_OK) == 0) {
				snprintf(out, cap, "%s", dirs[i]);
				return 1;
			}
		}
	}
	return 0;
}

static int run(const char *cmd)
{
	int rc = system(cmd);
	if (rc != 0)
		printf("pg_trgm: command failed (%d): %s\n", rc, cmd);
	return rc == 0 ? 0 : -1;
}

/* initdb and start; as root, the cluster belongs to the postgres user. */
static int pg_start(pg_env *e)
{
	char cmd[2048], conn[256];
	if (mkdtemp(e->dir) == NULL)
		return -1;
	e->as[0] = '\0';
	if (geteuid() == 0) {
		struct passwd *pw = getpwnam("postgres");
		if (pw == NULL || chown(e->dir, pw->pw_uid, pw->pw_gid) != 0) {
			printf("pg_trgm: running as root without a postgres user, skipped\n");
			return -1;
		}
		snprintf(e->as, sizeof(e->as), "runuser -u postgres -- ");
	}
	e->port = 20000 + (int)(getpid() % 20000);
	snprintf(cmd, sizeof(cmd),
		 "%s%s/initdb -D %s/data -A trust -U tg -E UTF8 --locale=C --no-sync >%s/initdb.log 2>&1", e->as,
		 e->bin, e->dir, e->dir);
	if (run(cmd) < 0)
		return -1;
	snprintf(
		cmd, sizeof(cmd),
		"%s%s/pg_ctl -D %s/data -l %s/server.log -w -o \"-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off"
		" -c shared_buffers=128MB\" start >/dev/null",
		e->as, e->bin, e->dir, e->dir, e->port, e->dir);
	if (run(cmd) < 0)
		return -1;
	e->started = 1;
	snprintf(conn, sizeof(conn), "host=127.0.0.1 port=%d user=tg dbname=postgres", e->port);
	e->c = PQconnectdb(conn);
	if (PQstatus(e->c) != CONNECTION_OK) {
		printf("pg_trgm: connect: %s", PQerrorMessage(e->c));
		return -1;
	}
	return 0;
}

static void pg_stop(pg_env *e)
{
	char cmd[1024];
	if (e->c)
		PQfinish(e->c);
	snprintf(cmd, sizeof(cmd), "%s%s/pg_ctl -D %s/data -m immediate stop >/dev/null 2>&1", e->as, e->bin, e->dir);
	if (e->started && system(cmd) != 0)
		printf("pg_trgm: pg_ctl stop failed\n");
	snprintf(cmd, sizeof(cmd), "rm -rf %s", e->dir);
	if (strcmp(e->dir, "/tmp/tgpg.XXXXXX") != 0 && system(cmd) != 0)
		printf("pg_trgm: could not remove %s\n", e->dir);
}

static int exec_ok(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	int ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
	if (!ok)
		printf("pg_trgm: %s: %s", sql, PQerrorMessage(c));
	PQclear(r);
	return ok ? 0 : -1;
}

/* One COPY text line: entry index, tab, the name with tabs, newlines and backslashes escaped. */
static int copy_name(PGconn *c, uint32_t entry, const char *name)
{
	char line[1200];
	size_t m = (size_t)snprintf(line, sizeof(line), "%u\t", entry);
	for (; *name && m + 4 < sizeof(line); name++) {
		if (*name == '\\' || *name == '\t' || *name == '\n' || *name == '\r')
			line[m++] = '\\', line[m++] = *name == '\t'   ? 't'
						      : *name == '\n' ? 'n'
						      : *name == '\r' ? 'r'
								      : '\\';
		else
			line[m++] = *name;
	}
	line[m++] = '\n';
	return PQputCopyData(c, line, (int)m) == 1 ? 0 : -1;
}

static int pg_load(pg_env *e, const tg_screener *s)
{
	PGresult *r;
	size_t i;
	double t0 = bench_now();
	if (exec_ok(e->c, "CREATE EXTENSION pg_trgm") < 0 ||
	    exec_ok(e->c, "CREATE TABLE names(entry int, name text)") < 0)
		return -1;
	r = PQexec(e->c, "COPY names FROM STDIN");
	PQclear(r);
	for (i = 0; i < tg__sc_names(s); i++) {
		uint32_t entry;
		const char *display = tg__sc_name_at(s, i, &entry);
		if (copy_name(e->c, entry, display) < 0)
			return -1;
	}
	if (PQputCopyEnd(e->c, NULL) != 1)
		return -1;
	r = PQgetResult(e->c);
	PQclear(r);
	while ((r = PQgetResult(e->c)) != NULL)
		PQclear(r);
	if (exec_ok(e->c, "CREATE INDEX names_trgm ON names USING gin (name gin_trgm_ops)") < 0 ||
	    exec_ok(e->c, "ANALYZE names") < 0)
		return -1;
	if (exec_ok(e->c, "PREPARE q(text) AS SELECT entry FROM names WHERE name % $1 ORDER BY similarity(name, $1) "
			  "DESC LIMIT 10") < 0)
		return -1;
	printf("pg_trgm: PostgreSQL %d, %zu names loaded and GIN-indexed in %.2f s\n", PQserverVersion(e->c),
	       tg__sc_names(s), bench_now() - t0);
	return 0;
}

/* Top-10 entries of one query; returns how many (or -1). */
static int pg_query(PGconn *c, const char *name, uint32_t *out)
{
	const char *params[1] = {name};
	PGresult *r = PQexecPrepared(c, "q", 1, params, NULL, NULL, 0);
	int i, n = -1;
	if (PQresultStatus(r) == PGRES_TUPLES_OK)
		for (i = 0, n = PQntuples(r); i < n && i < 10; i++)
			out[i] = (uint32_t)strtoul(PQgetvalue(r, i, 0), NULL, 10);
	PQclear(r);
	return n > 10 ? 10 : n;
}

static void pg_recall(PGconn *c, const tg_screener *s)
{
	size_t nt, nu, i, in_list = 0, pg = 0, ours = 0;
	char **tr = bench_column("bench/persons/positives_un_treated.csv", 0, &nt);
	char **un = bench_column("bench/persons/positives_un_untreated.csv", 0, &nu);
	tg_screen_hit h[10];

	for (i = 0; i < nt && i < nu; i++) {
		uint32_t want[16], got[10];
		size_t nw = tg__sc_exact_entries(want, 16, s, un[i]), n, j, k;
		int m, hit = 0;
		if (nw == 0)
			continue;
		in_list++;
		m = pg_query(c, tr[i], got);
		for (j = 0; m > 0 && j < (size_t)m; j++)
			for (k = 0; k < nw; k++)
				hit |= got[j] == want[k];
		pg += (size_t)hit;
		tg__screen_name_min(h, 10, &n, s, tr[i], NULL, 0.0, NULL);
		ours += (size_t)bench_in_hits(h, n, s, want, nw);
	}
	printf("pg_trgm: recall@10 %.3f (pg_trgm) vs %.3f (tollgate) on %zu UN names in the lists\n",
	       in_list ? (double)pg / (double)in_list : 0, in_list ? (double)ours / (double)in_list : 0, in_list);
	bench_free_column(tr, nt), bench_free_column(un, nu);
}

static void pg_speed(PGconn *c, const tg_screener *s)
{
	size_t n, i, nh;
	char **v = bench_column("bench/persons/negatives_global.csv", 0, &n);
	uint32_t got[10];
	tg_screen_hit h[10];
	double t0, pg, ours;

	for (i = PG_QUERIES; i < n; i++)
		free(v[i]);
	n = n > PG_QUERIES ? PG_QUERIES : n;
	t0 = bench_now();
	for (i = 0; i < n; i++)
		pg_query(c, v[i], got);
	pg = bench_now() - t0;
	t0 = bench_now();
	for (i = 0; i < n; i++)
		tg_screen_name(h, 10, &nh, s, v[i], NULL, NULL);
	ours = bench_now() - t0;
	printf("pg_trgm: %zu negatives: %.0f queries/s (pg_trgm, one connection over loopback) vs %.0f queries/s "
	       "(tollgate, one thread, wall clock): %.1fx\n",
	       n, (double)n / pg, (double)n / ours, pg / ours);
	bench_free_column(v, n);
}

void bench_pg(const tg_screener *s)
{
	pg_env e;
	memset(&e, 0, sizeof(e));
	snprintf(e.dir, sizeof(e.dir), "/tmp/tgpg.XXXXXX");
	if (!find_bindir(e.bin, sizeof(e.bin))) {
		printf("pg_trgm: PostgreSQL server binaries (initdb, pg_ctl) not found, skipped (scripts/deps.sh bench)\n");
		return;
	}
	if (pg_start(&e) == 0 && pg_load(&e, s) == 0) {
		pg_recall(e.c, s);
		pg_speed(e.c, s);
	}
	pg_stop(&e);
}
#endif
