#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# PostgreSQL backend, end to end, on a throwaway cluster (loopback, trust auth, temp dir; stopped and
# removed even on failure): the store contract tests and OOM sweep with TG_TEST_PG_DSN, `db migrate` twice, and a
# CLI smoke (lists load, check --json) whose output must equal the SQLite run byte for byte, and
# test_state_ship.sh with TG_TEST_DB pointing at the cluster; the re-screen unit tests and test_rescreen.sh.
# Skips when the PostgreSQL server binaries are absent. Usage: test_pg.sh TOLLGATE_BINARY
set -u
TG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")" && HERE=$(pwd) && cd - >/dev/null
SRC=${TG_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=$(cd "$(dirname "$TG")/../.." && pwd)
. "$HERE/pg_lib.sh"
[ -n "$PG_BIN" ] || { echo "skipped: no PostgreSQL server binaries (/usr/lib/postgresql/*/bin)"; exit 0; }
W=$(mktemp -d); C=$(mktemp -d); chmod 755 "$C"
cleanup() { pg_stop; rm -rf "$W" "$C"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
fails=0
ok()  { echo "ok   - $*"; }
bad() { echo "FAIL - $*"; fails=$((fails + 1)); }

pg_start "$C" || { echo "FAIL - cannot start a PostgreSQL cluster"; exit 1; }
ok "cluster on 127.0.0.1:$PG_PORT"

# Store contract tests on PostgreSQL.
UNIT=$(pg_newdb unit)
if TG_TEST_PG_DSN=$UNIT "$BUILD/tests/store__backend" --pg >"$W/unit.log" 2>&1; then
  ok "store contract on PostgreSQL"
else bad "store contract on PostgreSQL"; cat "$W/unit.log"; fi
if TG_TEST_PG_DSN=$UNIT "$BUILD/tests/store__oom_store" >"$W/oom.log" 2>&1; then
  ok "store OOM sweep on PostgreSQL ($(grep 'oom sweep' "$W/oom.log" | tail -1))"
else bad "store OOM sweep on PostgreSQL"; grep -v '^\[ ' "$W/oom.log" | tail -5; fi

# Migrations: versioned and idempotent.
DB=$(pg_newdb smoke)
m1=$("$TG" db migrate --db "$DB" --json); m2=$("$TG" db migrate --db "$DB" --json)
[ "$m1" != "$m2" ] && [ "$m2" = '{"backend":"postgresql","applied":0}' ] &&
  ok "db migrate applies then is a no-op ($m1)" || bad "db migrate: '$m1' then '$m2'"

# Four processes migrating one fresh database at once apply each step exactly once.
RACE=$(pg_newdb race)
for i in 1 2 3 4; do "$TG" db migrate --db "$RACE" --json >"$W/race$i" 2>&1 & done; wait
[ "$(cat "$W"/race* | sed 's/.*"applied":\([0-9]*\).*/\1/' | awk '{s += $1} END {print s}')" = "$(pg_as "$PG_BIN/psql" -XAtq -d "$RACE" -c 'select count(*) from tg_schema')" ] &&
  ok "concurrent db migrate: every step applied once ($(cat "$W"/race* | tr '\n' ' '))" || { bad "concurrent migrate"; cat "$W"/race*; }

# CLI smoke: same bytes as SQLite.
cd "$SRC" || exit 1
for b in sqlite pg; do
  if [ $b = pg ]; then db=$DB; else db=$W/t.db; fi
  TOLLGATE_DB=$db "$TG" lists load fixtures/lists/sample-csl.csv >"$W/$b.load" 2>&1 || bad "$b: lists load"
  TOLLGATE_DB=$db "$TG" check examples/orders.jsonl --json >"$W/$b.check" 2>"$W/$b.err"; echo $? >"$W/$b.rc"
  TOLLGATE_DB=$db "$TG" lists --json | sed 's/"loaded_at":"[^"]*"//' >"$W/$b.lists"
  TOLLGATE_DB=$db "$TG" audit verify >"$W/$b.audit" 2>&1 || bad "$b: audit verify"
done
cmp -s "$W/sqlite.load" "$W/pg.load" && ok "lists load output identical" || bad "lists load output differs"
[ -s "$W/pg.check" ] && cmp -s "$W/sqlite.check" "$W/pg.check" && cmp -s "$W/sqlite.rc" "$W/pg.rc" &&
  ok "check --json identical to SQLite ($(wc -l <"$W/pg.check") decisions)" ||
  { bad "check --json differs from SQLite"; diff "$W/sqlite.check" "$W/pg.check" | head -5; cat "$W/pg.err"; }
cmp -s "$W/sqlite.lists" "$W/pg.lists" && ok "lists --json identical" || bad "lists --json differs"
grep -q "intact" "$W/pg.audit" && ok "audit chain verifies on PostgreSQL" || { bad "audit on PostgreSQL"; cat "$W/pg.audit"; }

# The whole stateful regime (licences, certificates, every refusal, idempotency, ledger) on PostgreSQL.
if TG_TEST_DB=$(pg_newdb state) "$HERE/test_state_ship.sh" "$TG" >"$W/ship.log" 2>&1; then
  ok "test_state_ship.sh on PostgreSQL ($(grep -c '^ok' "$W/ship.log") checks)"
else bad "test_state_ship.sh on PostgreSQL"; grep -v '^ok' "$W/ship.log" | head -20; fi

# Re-screening on list change (report tables, diff SQL, audit) on PostgreSQL: the unit tests and the CLI flow.
if TG_TEST_PG_DSN=$(pg_newdb rescreen) TG_SOURCE_DIR=$SRC "$BUILD/tests/rescreen__rescreen" --pg >"$W/rescreen.log" 2>&1; then
  ok "re-screen unit tests on PostgreSQL"
else bad "re-screen unit tests on PostgreSQL"; grep -v '^\[ ' "$W/rescreen.log" | tail -5; grep 'ERROR\|LINE' "$W/rescreen.log"; fi
if TG_TEST_DB=$(pg_newdb rescreen_cli) TG_SOURCE_DIR=$SRC "$HERE/test_rescreen.sh" "$TG" >"$W/rescreen_cli.log" 2>&1; then
  ok "test_rescreen.sh on PostgreSQL"
else bad "test_rescreen.sh on PostgreSQL"; cat "$W/rescreen_cli.log"; fi

echo "$fails failure(s)"
[ "$fails" = 0 ]
