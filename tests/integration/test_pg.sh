#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# PostgreSQL backend, end to end, on a throwaway cluster (loopback, trust auth, temp dir; stopped and
# removed even on failure): `db migrate` twice, four concurrent migrations of one fresh database, and a
# CLI smoke (lists load, check --json) whose output must equal the SQLite run byte for byte. (The store
# contract, the unit tests, the golden CLI cases and the state scripts run on PostgreSQL as the "_pg"
# variants of their own tests: tests/CMakeLists.txt, pg_fixture.sh.)
# Skips when the PostgreSQL server binaries are absent. Usage: test_pg.sh TOLLGATE_BINARY
set -u
TG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")" && HERE=$(pwd) && cd - >/dev/null
SRC=${TG_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
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

echo "$fails failure(s)"
[ "$fails" = 0 ]
