#!/usr/bin/env bash
# Run one golden CLI case: <case>/cmd holds the arguments (one shell line, $TG = the binary,
# $SRC = source tree, $DB = a fresh database, $TMP = a scratch dir, `dbq SQL` = the first column of
# a query on $DB), <case>/stdin is fed if present, stdout must equal <case>/expected, and the exit
# status <case>/status (default 0). $DB is a SQLite path, or the postgresql:// URL in $TG_TEST_DB
# (pg_run.sh: the "_pg" variant of every case); the expected output is the same on both.
set -u
tg=$1; dir=$2
SRC=${TG_SOURCE_DIR:?}
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
DB=${TG_TEST_DB:-$TMP/test.db}
dbq() { case $DB in
  postgres*) psql -XAtq -d "$DB" -c "$1" ;;
  *) sqlite3 "$DB" "$1" ;;
esac; }
export -f dbq
export TG="$tg" SRC DB TMP
cd "$SRC"
if [ -f "$dir/stdin" ]; then
  bash -c "$(cat "$dir/cmd")" <"$dir/stdin" >"$TMP/out" 2>"$TMP/err"; rc=$?
else
  bash -c "$(cat "$dir/cmd")" </dev/null >"$TMP/out" 2>"$TMP/err"; rc=$?
fi
want_rc=0; [ -f "$dir/status" ] && want_rc=$(cat "$dir/status")
ok=1
if [ "$rc" != "$want_rc" ]; then echo "exit status $rc, expected $want_rc"; ok=0; fi
if ! diff -u "$dir/expected" "$TMP/out"; then ok=0; fi
if [ $ok = 0 ]; then echo "--- stderr:"; cat "$TMP/err"; exit 1; fi
exit 0
