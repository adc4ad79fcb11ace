#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# tollgate serve end to end on loopback: tokens from `tollgate token add`, HTTP bodies byte-identical
# to the CLI's --json output, problem+json over the wire, 413, access log, SIGTERM drain and exit 0.
set -euo pipefail
TG=$1
SRC=${TG_SOURCE_DIR:?}
TMP=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
cd "$SRC"
DB=$TMP/http.db
fail() { echo "FAIL: $*"; [ -f "$TMP/err" ] && tail -5 "$TMP/err"; exit 1; }

"$TG" lists load fixtures/lists/sample-csl.csv --db "$DB" >/dev/null
out=$("$TG" token add --role compliance_officer --name co --db "$DB")
CO=$(printf '%s\n' "$out" | tail -n 1)
[[ $CO =~ ^tg_[0-9]+_[0-9a-f]{64}$ ]] || fail "token add: last line is not the token: $CO"
EXP=$("$TG" token add --role exporter --name exp --db "$DB" | tail -n 1)

"$TG" serve --db "$DB" --listen 127.0.0.1:0 --access-log "$TMP/access.log" >"$TMP/out" 2>"$TMP/err" &
pid=$!
for _ in $(seq 100); do grep -q listening "$TMP/out" 2>/dev/null && break; sleep 0.05; done
URL=$(sed -n 's/^tollgate: listening on //p' "$TMP/out")
[[ $URL == http://127.0.0.1:* ]] || fail "serve did not start: $(cat "$TMP/out" "$TMP/err")"

req() { curl -sS -o "$TMP/body" -w '%{http_code}' "$@"; }
same() { # same <name> <cli output file>: the last HTTP body equals the CLI output byte for byte
  cmp -s "$TMP/body" "$2" || { diff "$2" "$TMP/body" | head -c 2000 || true; fail "$1: body differs from CLI --json"; }
}

[ "$(req "$URL/healthz")" = 200 ] || fail healthz
[ "$(req "$URL/v1/policy")" = 401 ] || fail "no token must be 401"
grep -q '"type":"https://tollgate.dev/problems/unauthorized"' "$TMP/body" || fail "401 is not problem+json"

"$TG" classify nvidia-h200-sxm --json >"$TMP/cli"
[ "$(req -H "Authorization: Bearer $EXP" "$URL/v1/classify/nvidia-h200-sxm")" = 200 ] || fail classify
same classify "$TMP/cli"

"$TG" policy list --as-of 2026-01-20 --json >"$TMP/cli"
[ "$(req -H "Authorization: Bearer $EXP" "$URL/v1/policy?as_of=2026-01-20")" = 200 ] || fail policy
same policy "$TMP/cli"

head -n 1 examples/orders.jsonl >"$TMP/one.json"
"$TG" check --json --db "$TMP/cli.db" "$TMP/one.json" >"$TMP/cli"
[ "$(req -H "Authorization: Bearer $EXP" --data-binary @"$TMP/one.json" "$URL/v1/orders/check")" = 200 ] || fail check
same check "$TMP/cli"

"$TG" lists load fixtures/lists/sample-csl.csv --db "$TMP/cli2.db" >/dev/null
"$TG" check --json --db "$TMP/cli2.db" examples/orders.jsonl >"$TMP/cli" || true
[ "$(req -H "Authorization: Bearer $EXP" -H 'Content-Type: application/x-ndjson' \
      --data-binary @examples/orders.jsonl "$URL/v1/orders/check/batch?record=false")" = 200 ] || fail batch
same "check batch" "$TMP/cli"

"$TG" lists load fixtures/lists/sample-csl.csv --db "$TMP/cli.db" >/dev/null
"$TG" screen --db "$TMP/cli.db" --json "Orion Falcon Trading FZE" >"$TMP/cli"
[ "$(req -H "Authorization: Bearer $CO" -d '{"name":"Orion Falcon Trading FZE"}' "$URL/v1/screen")" = 200 ] || fail screen
same screen "$TMP/cli"
grep -q tg-sample-0001 "$TMP/body" || fail "screen found no hit"

ADM=$("$TG" token add --role admin --name adm --db "$DB" | tail -n 1)
[ "$(req -H "Authorization: Bearer $ADM" --data-binary @fixtures/lists/sample-csl.csv \
      "$URL/v1/lists/upload?format=csl-csv&name=uploaded")" = 201 ] || fail "upload"
grep -q '"name":"uploaded","source":' "$TMP/body" || fail "upload: snapshot name"
[ "$(req -H "Authorization: Bearer $CO" --data-binary @fixtures/lists/sample-csl.csv "$URL/v1/lists/upload")" = 403 ] ||
  fail "compliance officer may not upload lists"
"$TG" lists --db "$DB" --json >"$TMP/cli"
[ "$(req -H "Authorization: Bearer $CO" "$URL/v1/lists/snapshots")" = 200 ] || fail snapshots
same snapshots "$TMP/cli"

head -c 2000000 /dev/zero | tr '\0' 'x' >"$TMP/big"
[ "$(req -H "Authorization: Bearer $EXP" --data-binary @"$TMP/big" "$URL/v1/orders/check")" = 413 ] || fail "2 MB body must be 413"

bad='{"id":"B-1","date":"2026-02-30"}'
[ "$(req -H "Authorization: Bearer $EXP" -d "$bad" "$URL/v1/orders/check")" = 422 ] || fail "bad order must be 422"
grep -q '"field":' "$TMP/body" || fail "422 must name the field"
[ "$(req -H "Authorization: Bearer $EXP" -d '{}' "$URL/v1/screen")" = 403 ] || fail "exporter may not screen"
[ "$(req "$URL/metrics")" = 200 ] || fail metrics
grep -q 'tollgate_http_requests_total{route="/v1/screen",method="POST",status="200"} 1' "$TMP/body" || fail "metrics count"
grep -q '"route":"/v1/orders/check","status":200' "$TMP/access.log" || fail "access log"

# SIGTERM while a request is in flight (a slow upload, ~1 s): it completes with 200, readyz is 503
# meanwhile, new connections are refused, and the server exits 0.
curl -sS -o "$TMP/late" -w '%{http_code}' --limit-rate 12k -H "Authorization: Bearer $EXP" \
  --data-binary @examples/orders.jsonl "$URL/v1/orders/check/batch" >"$TMP/late.code" &
cpid=$!
sleep 0.4
kill -TERM "$pid"
sleep 0.2
[ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/healthz")" = 000 ] || fail "new connections must be refused while draining"
wait "$cpid" || true
rc=0; wait "$pid" || rc=$?
pid=""
[ "$rc" = 0 ] || fail "serve exited $rc after SIGTERM"
grep -q draining "$TMP/err" || fail "no drain message"
code=$(cat "$TMP/late.code")
[ "$code" = 200 ] || fail "in-flight request got $code, not 200"
[ "$(wc -l <"$TMP/late")" = "$(grep -c . examples/orders.jsonl)" ] || fail "in-flight request: truncated body"
echo "ok: http end to end ($URL)"
