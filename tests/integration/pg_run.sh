#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Run one test on PostgreSQL: create a fresh database in the fixture cluster named by
# STATE.<parent pid> (pg_fixture.sh, run by the same ctest), run CMD... with TG_TEST_PG_DSN and
# TG_TEST_DB set to its postgresql:// URL, drop the database, exit with CMD's status. Reports
# "skipped" (exit 0) when the fixture found no PostgreSQL.
# Usage: pg_run.sh STATE CMD [ARG...]
set -u
STATE=${1:?usage: pg_run.sh STATE CMD...}.$PPID; shift
[ -f "$STATE" ] || { echo "FAIL - no PostgreSQL fixture state $STATE (run through ctest: fixture tg_pg)"; exit 1; }
PG_SKIP=""
. "$STATE"
[ -z "$PG_SKIP" ] || { echo "skipped: $PG_SKIP"; exit 0; }
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
name=t_$$_$RANDOM
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U tollgate "$name" || { echo "FAIL - createdb $name"; exit 1; }
export TG_TEST_PG_DSN="postgresql://tollgate@127.0.0.1:$PG_PORT/$name" TG_TEST_BACKEND=pg
export TG_TEST_DB=$TG_TEST_PG_DSN
"$@"; rc=$?
"$PG_BIN/dropdb" -h 127.0.0.1 -p "$PG_PORT" -U tollgate --force "$name" >/dev/null 2>&1
exit $rc
