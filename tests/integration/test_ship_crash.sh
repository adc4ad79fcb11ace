#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Crash test: a child process group ships many shipments (10 serials each) one after another and is
# killed with SIGKILL at random points. After each kill: every acknowledged shipment is present exactly
# once, no shipment is half-present (lines, serials, ledger, audit all there or none), licence balances
# equal caps minus shipped, the ledger balances and the audit chain verifies. Then the child restarts
# where it left off (re-sending the last shipment is idempotent). Bounded: ROUNDS kills, ~10-20 s.
# Usage: test_ship_crash.sh TOLLGATE_BINARY [ROUNDS]
set -u
TG=$1; ROUNDS=${2:-12}; N=120
# Sanitizer builds run each command several times slower: fewer shipments keep the test under a minute.
if [ -n "${ASAN_OPTIONS:-}" ]; then ROUNDS=${2:-6}; N=40; fi
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
export TOLLGATE_DB=${TG_TEST_DB:-$W/t.db} TOLLGATE_ACTOR=crash
. "$(dirname "$0")/state_lib.sh"
command -v sqlite3 >/dev/null || { echo "skipped: sqlite3 CLI absent"; exit 0; }
command -v setsid >/dev/null || { echo "skipped: setsid absent"; exit 0; }

$TG license add "$(license L1 2000 100000000.00 2030-01-19)" >/dev/null || exit 1
$TG inspect record "$(cert C1 pass "$(serials S 1 $((N * 10)))")" >/dev/null || exit 1
$TG us-volume record --exporter "Acme Accelerators Inc." nvidia-h200-sxm 100000 --period 2026-01 >/dev/null || exit 1
$TG check "$(order O1 $((N * 10)))" >/dev/null || exit 1
awk -v n="$N" -v w="$W" 'BEGIN { for (i = 1; i <= n; i++) {
  f = sprintf("%s/shp-SH%04d.json", w, i); s = ""
  for (k = (i - 1) * 10 + 1; k <= i * 10; k++) s = s (s == "" ? "" : ",") sprintf("\"S-%04d\"", k)
  printf "{\"shipment_id\":\"SH%04d\",\"order_id\":\"O1\",\"license_id\":\"L1\",\"date\":\"2026-02-20\",\"lines\":[{\"item\":\"nvidia-h200-sxm\",\"serials\":[%s]}]}\n", i, s > f
  close(f) } }'
: >"$W/acked"

# The child: ship from the first shipment not yet acknowledged; acknowledge after exit 0.
child() {
  local i=$(( $(wc -l <"$W/acked") + 1 ))
  for ((; i <= N; i++)); do
    "$TG" ship "$W/shp-$(printf 'SH%04d' $i).json" >/dev/null 2>>"$W/child.err" || exit 3
    printf 'SH%04d\n' $i >>"$W/acked"
  done
}
export -f child; export TG W N

invariants() {
  local nack list
  nack=$(wc -l <"$W/acked")
  list=$(sed "s/.*/'&'/" "$W/acked" | paste -sd, -)
  [ "$nack" = 0 ] || [ "$(q "select count(*) from shipments where shipment_id in ($list)")" = "$nack" ] \
    || { bad "an acknowledged shipment is missing"; return; }
  [ "$(q "select count(*) from shipments s where (select count(*) from shipped_serials x where x.shipment_id=s.shipment_id) <> 10
          or (select coalesce(sum(quantity),0) from shipment_lines l where l.shipment_id=s.shipment_id) <> 10
          or (select count(*) from ledger_lines g where g.txn='ship:'||s.shipment_id) <> 2
          or (select count(*) from audit_log u where u.kind='shipment' and u.subject=s.shipment_id) <> 1")" = 0 ] \
    || { bad "a shipment is half-present"; return; }
  [ "$(q "select count(*) from shipped_serials x where not exists (select 1 from shipments s where s.shipment_id=x.shipment_id)")" = 0 ] \
    || { bad "orphan serials"; return; }
  [ "$(q "select case when qty_used = (select coalesce(sum(quantity),0) from shipment_lines) then 1 else 0 end from license_items where license_id='L1'")" = 1 ] \
    || { bad "licence balance differs from shipped"; return; }
  [ "$(q "select quantity from cn_volume")" = "$(q "select coalesce(sum(quantity),0) from shipment_lines")" ] || [ "$(q "select count(*) from shipment_lines")" = 0 ] \
    || { bad "China volume differs from shipped"; return; }
  "$TG" ledger check >/dev/null || { bad "ledger unbalanced"; return; }
  "$TG" audit verify >/dev/null || { bad "audit chain broken"; "$TG" audit verify; return; }
  ok "invariants after kill (acked $(wc -l <"$W/acked"), present $(q "select count(*) from shipments"))"
}

start=$(date +%s)
for ((r = 1; r <= ROUNDS; r++)); do
  setsid bash -c child &
  pid=$!
  sleep "0.$(( (RANDOM % 25) + 5 ))"
  kill -9 -- -"$pid" 2>/dev/null || kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  invariants
  [ $(( $(date +%s) - start )) -gt 15 ] && { echo "time bound reached after $r rounds"; break; }
done
# Finish: let the child run to the end, then everything must be there exactly once.
bash -c child || bad "child failed: $(tail -1 "$W/child.err")"
[ "$(q "select count(*) from shipments")" = "$N" ] && ok "all $N shipments present once at the end" || bad "final count"
invariants
[ -s "$W/child.err" ] && { echo "child stderr:"; sort "$W/child.err" | uniq -c | head; }
[ $fails = 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "all passed"
