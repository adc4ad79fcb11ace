#!/usr/bin/env bash
# tollgate lists load URL: a list served by a throwaway HTTP server on 127.0.0.1 (python3), loaded
# into a snapshot whose source is the URL; an HTTP error fails the load and stores nothing.
set -u
tg=$1
src=${TG_SOURCE_DIR:?}
command -v python3 >/dev/null || { echo "skipped: python3 absent"; exit 0; }
tmp=$(mktemp -d)
cp "$src/tests/resources/lists/csl_small.csv" "$tmp/csl.csv"
python3 -m http.server 0 --bind 127.0.0.1 --directory "$tmp" >"$tmp/http.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
port=
for _ in $(seq 1 50); do
  port=$(sed -nE 's/.*port ([0-9]+).*/\1/p' "$tmp/http.log" | head -1)
  [ -n "$port" ] && break
  sleep 0.1
done
[ -n "$port" ] || fail "http server did not start"
db=${TG_TEST_DB:-$tmp/t.db}  # TG_TEST_DB: a postgresql:// URL (pg_run.sh)
out=$("$tg" lists load "http://127.0.0.1:$port/csl.csv" --db "$db" --json) || fail "load over http: $out"
echo "$out" | grep -q "\"source\":\"http://127.0.0.1:$port/csl.csv\"" || fail "source is not the URL: $out"
echo "$out" | grep -q '"format":"csl-csv"' || fail "format not detected: $out"
"$tg" lists load "http://127.0.0.1:$port/missing.csv" --db "$db" >/dev/null 2>"$tmp/err" && fail "404 loaded"
grep -q "missing.csv" "$tmp/err" || fail "error does not name the URL: $(cat "$tmp/err")"
n=$("$tg" lists --db "$db" --json | grep -o '"id":' | wc -l)
[ "$n" -eq 1 ] || fail "expected 1 snapshot, found $n"
echo "ok: list loaded from http://127.0.0.1:$port, 404 rejected"
