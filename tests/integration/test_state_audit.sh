#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Ledger (accrual, remittance, reversal, balance proof) and audit tampering (edit, delete, reorder an
# entry directly in the database: verify must name it). SQLite, or PostgreSQL when TG_TEST_DB is a
# postgresql:// URL. Usage: test_state_audit.sh TOLLGATE_BINARY
set -u
TG=$1; W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
export TOLLGATE_DB=${TG_TEST_DB:-$W/t.db} TOLLGATE_ACTOR=tester
. "$(dirname "$0")/state_lib.sh"
command -v sqlite3 >/dev/null || { echo "skipped: sqlite3 CLI absent"; exit 0; }
EXP="Acme Accelerators Inc."

$TG license add "$(license L1 100 3100000.00 2030-01-19)" >/dev/null
$TG inspect record "$(cert C1 pass "$(serials S 1 20)")" >/dev/null
$TG us-volume record --exporter "$EXP" nvidia-h200-sxm 40 --period 2026-01 >/dev/null
$TG check "$(order O1 3)" >/dev/null
cat >"$W/ord-O2.json" <<J
{"id":"O2","date":"2026-02-16","exporter":{"name":"$EXP","country":"US"},"ship_from":"US","destination":"CN",
 "parties":[{"role":"ultimate_consignee","name":"Hangzhou Yunfan Compute Co., Ltd.","country":"CN","sector":"private"},
 {"role":"end_user","name":"Yunfan AI Research Lab","country":"CN","sector":"research"}],"end_use":"datacenter",
 "lines":[{"item":"nvidia-h200-sxm","quantity":3,"unit_value":"31000.00","currency":"USD","customs_value":"100.01"}]}
J
$TG check "$W/ord-O2.json" >/dev/null
expect 0 "ship 3" $TG ship --json "$(shipment SH1 O1 L1 "$(serials S 1 3)")"
expect 0 "ship 1 of 3 with customs value 100.01 (pro rata, half-even)" $TG ship --json "$(shipment SH2 O2 L1 "$(serials S 4 4)")"
has "$W/out" '"amount":"8.33"' "25% of 100.01/3 = 8.3341.. rounds to 8.33"
expect 0 "statement" $TG ledger --exporter "$EXP" --quarter 2026Q1 --json
has "$W/out" '"accrued":"23258.33","remitted":"0.00","closing":"23258.33"' "accrued 23250.00 + 8.33"
expect 0 "remit" $TG ledger remit --exporter "$EXP" --kind us_232_tariff --amount 20000.00 --currency USD --date 2026-03-15 --ref WIRE-1
expect 0 "remit again (same ref) is idempotent" $TG ledger remit --exporter "$EXP" --kind us_232_tariff --amount 20000.00 --currency USD --date 2026-03-15 --ref WIRE-1
expect 2 "remit with other terms under the same ref conflicts" $TG ledger remit --exporter "$EXP" --kind us_232_tariff --amount 1.00 --currency USD --date 2026-03-15 --ref WIRE-1
expect 2 "remit with too many decimals" $TG ledger remit --exporter "$EXP" --kind us_232_tariff --amount 1.001 --currency USD --date 2026-03-15 --ref WIRE-2
expect 0 "statement after remittance" $TG ledger --exporter "$EXP" --quarter 2026Q1 --json
has "$W/out" '"remitted":"20000.00","closing":"3258.33"' "closing = accrued - remitted"
expect 0 "Q2 opening carries the closing" $TG ledger --exporter "$EXP" --quarter 2026Q2 --csv
has "$W/out" '"Acme Accelerators Inc.",2026Q2,us_232_tariff,USD,3258.33,0.00,0.00,3258.33' "CSV statement"
expect 0 "return reverses" $TG ship return SH1 --reason "customer returned"
[ "$(q "select sum(amount) from ledger_lines where txn in ('ship:SH1','returned:SH1')")" = 0 ] && ok "reversal nets to zero" || bad "reversal"
[ "$(q "select count(*) from ledger_lines where txn='ship:SH1'")" = 2 ] && ok "original lines kept (no edit)" || bad "original edited"
expect 2 "cannot return twice" $TG ship return SH1 --reason again
expect 0 "ledger balanced" $TG ledger check --json
has "$W/out" '"balanced":true' "check says balanced"
expect 0 "ledger --check" $TG ledger --check
# Audit: intact, then tamper with copies
expect 0 "audit verifies" $TG audit verify --json
has "$W/out" '"ok":true' "verify ok"
n=$(q "select count(*) from audit_log"); [ "$n" -ge 9 ] && ok "every change audited ($n entries)" || bad "only $n entries"
[ "$(q "select count(distinct actor) from audit_log")" = 1 ] && [ "$(q "select actor from audit_log limit 1")" = tester ] && ok "actor from TOLLGATE_ACTOR" || bad "actor"
expect 0 "audit export" $TG audit export --from 2000-01-01 --to 2999-12-31
[ "$(wc -l <"$W/out")" = "$n" ] && ok "export writes every entry" || bad "export"
base=$(db_copy "$TOLLGATE_DB" base)
tamper() { # DESCRIPTION SQL EXPECTED_TEXT
  x=$(db_copy "$base" x); dbx "$x" "$2" || bad "tamper SQL failed: $2"
  TOLLGATE_DB=$x expect 2 "tamper: $1 detected" $TG audit verify
  has "$W/out" "$3" "tamper: $1 named"
}
tamper "edit entry 3" "update audit_log set entry = replace(entry, 'tester', 'mallory') where seq = 3" "BROKEN at entry 3:"
tamper "edit actor column of 4" "update audit_log set actor = 'mallory' where seq = 4" "BROKEN at entry 4:"
tamper "edit hash of 5" "update audit_log set hash = '$(printf 'a%.0s' $(seq 64))' where seq = 5" "BROKEN at entry 5:"
tamper "delete entry 2" "delete from audit_log where seq = 2" "BROKEN at entry 2:"
tamper "reorder 2 and 3" "update audit_log set seq = -1 where seq = 2; update audit_log set seq = 2 where seq = 3; update audit_log set seq = 3 where seq = -1" "BROKEN at entry 2:"
tamper "delete the last entry" "delete from audit_log where seq = $n" "BROKEN at entry $n:"
tamper "rewrite entry 6 and rehash only it" "update audit_log set entry = replace(entry, '\"S-0001\"', '\"S-9999\"'), hash = '0' where seq = 6" "BROKEN at entry 6:"
x=$(db_copy "$base" x); dbx "$x" "insert into ledger_lines (txn, exporter_norm, exporter, kind, currency, account, amount, date, source, ref, recorded_at) values ('forged','x','x','k','USD','cash',5,'2026-01-01','x','x','now')"
TOLLGATE_DB=$x expect 2 "unbalanced ledger detected" $TG ledger check --json
has "$W/out" '"txn":"forged"' "check names the unbalanced transaction"
db_drop "$x"; db_drop "$base"
[ $fails = 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "all passed"
