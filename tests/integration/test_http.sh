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
DB=${TG_TEST_DB:-$TMP/http.db}  # TG_TEST_DB: a postgresql:// URL (pg_run.sh)
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
"$TG" lists rescreen-report --db "$DB" --json >"$TMP/cli"
[ "$(req -H "Authorization: Bearer $CO" "$URL/v1/lists/rescreen-report")" = 200 ] || fail rescreen-report
same rescreen-report "$TMP/cli"
grep -q '"list_name":"uploaded"' "$TMP/body" || fail "rescreen-report: not the upload's report"

# Issue 4 over HTTP: licence applied for by an officer and issued by a licensing officer, a shipment
# refused (every reason), a certificate, a release; each body equals the CLI's --json (writes: the same
# steps through the CLI on another store; reads: the CLI on the server's own store).
LIC=$("$TG" token add --role licensing_officer --name lic --db "$DB" | tail -n 1)
INS=$("$TG" token add --role inspector --name ins --db "$DB" | tail -n 1)
AUD=$("$TG" token add --role auditor --name aud --db "$DB" | tail -n 1)
ACME=$("$TG" token add --role exporter --name "Acme Accelerators Inc." --db "$DB" | tail -n 1)
C3=$TMP/cli3.db
"$TG" lists load fixtures/lists/sample-csl.csv --db "$C3" >/dev/null
sed 's/"EX-001"/"EX-S1"/' examples/orders/01-h200-china-cbc.json >"$TMP/order.json"
sed 's/"EX-001"/"EX-S1"/' examples/state/ship-001.json >"$TMP/ship.json"
cli() { "$TG" "$@" --db "$C3" >"$TMP/cli" 2>/dev/null || true; }
mine() { "$TG" "$@" --db "$DB" >"$TMP/cli" 2>/dev/null || true; }

cli license add examples/state/license-acme-cn.json --json
[ "$(req -H "Authorization: Bearer $CO" --data-binary @examples/state/license-acme-cn.json "$URL/v1/licences")" = 201 ] ||
  fail "licence application"
[ "$(req -H "Authorization: Bearer $CO" -X POST "$URL/v1/licences/L-2026-0001/issue")" = 403 ] ||
  fail "an officer may not issue a licence"
[ "$(req -H "Authorization: Bearer $LIC" -X POST "$URL/v1/licences/L-2026-0001/issue")" = 201 ] || fail "licence issue"
same "licence issue" "$TMP/cli"
cli check --json "$TMP/order.json"
[ "$(req -H "Authorization: Bearer $ACME" --data-binary @"$TMP/order.json" "$URL/v1/orders/check")" = 200 ] || fail "check EX-S1"
same "check under a licence" "$TMP/cli"
cli ship "$TMP/ship.json" --json
[ "$(req -H "Authorization: Bearer $EXP" --data-binary @"$TMP/ship.json" "$URL/v1/shipments")" = 403 ] ||
  fail "another exporter's order must be 403"
[ "$(req -H "Authorization: Bearer $ACME" --data-binary @"$TMP/ship.json" "$URL/v1/shipments")" = 422 ] ||
  fail "shipment without certificates must be refused"
grep -q '"type":"https://tollgate.dev/problems/refused"' "$TMP/body" || fail "refusal is not problem+json"
[ "$(jq -c .reasons "$TMP/body")" = "$(jq -c .reasons "$TMP/cli")" ] || fail "refusal reasons differ from the CLI's"
cli inspect record examples/state/cert-h200-pass.json --json
[ "$(req -H "Authorization: Bearer $INS" --data-binary @examples/state/cert-h200-pass.json "$URL/v1/certificates")" = 201 ] ||
  fail certificate
same certificate "$TMP/cli"
"$TG" us-volume record --exporter "Acme Accelerators Inc." nvidia-h200-sxm 100 --period 2026-01 --db "$C3" >/dev/null
[ "$(req -H "Authorization: Bearer $ACME" -d '{"exporter":"Acme Accelerators Inc.","item":"nvidia-h200-sxm","quantity":100,"period":"2026-01"}' \
      "$URL/v1/us-volume")" = 201 ] || fail "us volume"
cli ship "$TMP/ship.json" --json
[ "$(req -H "Authorization: Bearer $ACME" --data-binary @"$TMP/ship.json" "$URL/v1/shipments")" = 201 ] || fail ship
same ship "$TMP/cli"
[ "$(req -H "Authorization: Bearer $LIC" -d '{"exporter":"Acme Accelerators Inc.","kind":"us_232_tariff","amount":"1000.00","currency":"USD","date":"2026-03-01","ref":"R-1"}' \
      "$URL/v1/remittances")" = 201 ] || fail remittance
[ "$(req -H "Authorization: Bearer $CO" -d '{"seen_at":"RU","note":"seen at a reseller"}' "$URL/v1/trace/H200-0002/reports")" = 201 ] ||
  fail "diversion report"
# reads: the server's body equals the CLI on the same store
check_read() { # check_read NAME TOKEN PATH CLI-ARGS...
  local name=$1 tok=$2 path=$3; shift 3
  mine "$@"
  [ "$(req -H "Authorization: Bearer $tok" "$URL$path")" = 200 ] || fail "$name: $(cat "$TMP/body")"
  same "$name" "$TMP/cli"
}
check_read "licence show" "$AUD" /v1/licences/L-2026-0001 license show L-2026-0001 --json
check_read "licence list" "$LIC" /v1/licences license list --json
check_read customers "$CO" /v1/customers license customers --json
check_read "ship show" "$ACME" /v1/shipments/SHP-0001 ship show SHP-0001 --json
check_read trace "$INS" /v1/trace/H200-0002 trace H200-0002 --json
check_read ledger "$ACME" "/v1/ledger?quarter=2026Q1" ledger --exporter "Acme Accelerators Inc." --quarter 2026Q1 --json
check_read "ledger csv" "$AUD" "/v1/ledger?exporter=Acme%20Accelerators%20Inc.&quarter=2026Q1&format=csv" \
  ledger --exporter "Acme Accelerators Inc." --quarter 2026Q1 --csv
check_read "ledger check" "$LIC" /v1/ledger/check ledger check --json
check_read "audit verify" "$AUD" /v1/audit/verify audit verify --json
check_read "audit export" "$AUD" /v1/audit/export audit export
check_read overrides "$CO" /v1/overrides screen overrides --json
"$TG" audit export --db "$DB" >"$TMP/audit"
grep -q '"actor":"lic(licensing_officer)","at":"[^"]*","data":{"proposer":"co(compliance_officer)"}' "$TMP/audit" ||
  fail "audit: the issuing officer and the applicant are not recorded"
[ "$(req -H "Authorization: Bearer $EXP" "$URL/v1/ledger?exporter=Acme%20Accelerators%20Inc.&quarter=2026Q1")" = 403 ] ||
  fail "an exporter may not read another exporter's ledger"

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
# SIGTERM only once curl has sent the request line (-v on stderr): a fixed sleep lost that race on a
# loaded machine (the request was never in flight, 000).
curl -sS -v -o "$TMP/late" -w '%{http_code}' --limit-rate 12k -H "Authorization: Bearer $EXP" \
  --data-binary @examples/orders.jsonl "$URL/v1/orders/check/batch" >"$TMP/late.code" 2>"$TMP/late.err" &
cpid=$!
for _ in $(seq 200); do grep -q '^> POST' "$TMP/late.err" 2>/dev/null && break; sleep 0.05; done
sleep 0.2
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
