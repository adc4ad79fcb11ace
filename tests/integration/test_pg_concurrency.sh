#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Concurrency proof on one PostgreSQL: WORKERS tollgate processes ship at once against one shared
# licence (cap 40) and one order (40), with serials overlapping between workers (demand 4.5x the cap).
# Afterwards: no licence or order over its cap, no serial shipped twice, every shipment acknowledged
# (exit 0) is recorded exactly once and every refused one is absent, depletion equals the shipped
# lines, the ledger balances, the audit chain verifies and its seqs are gapless (one total order), and
# no worker saw an internal fault. Throwaway cluster, cleaned up on any exit.
# Usage: test_pg_concurrency.sh TOLLGATE_BINARY [WORKERS] [PER_WORKER]
set -u
TG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); WORKERS=${2:-4}; PER=${3:-15}
# Sanitizer builds run each command several times slower: fewer shipments per worker.
if [ -n "${ASAN_OPTIONS:-}" ]; then PER=${3:-8}; fi
cd "$(dirname "$0")" && HERE=$(pwd) && cd - >/dev/null
. "$HERE/pg_lib.sh"
[ -n "$PG_BIN" ] || { echo "skipped: no PostgreSQL server binaries (/usr/lib/postgresql/*/bin)"; exit 0; }
W=$(mktemp -d); C=$(mktemp -d); chmod 755 "$C"
cleanup() { pg_stop; rm -rf "$W" "$C"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
. "$HERE/state_lib.sh"
pg_start "$C" || { echo "FAIL - cannot start a PostgreSQL cluster"; exit 1; }
export TOLLGATE_DB; TOLLGATE_DB=$(pg_newdb conc) TOLLGATE_ACTOR=conc

CAP=40; POOL=60
$TG license add "$(license L1 $CAP 1240000.00 2030-01-19)" >/dev/null || exit 1
$TG inspect record "$(cert C1 pass "$(serials S 1 $POOL)")" >/dev/null || exit 1
$TG us-volume record --exporter "Acme Accelerators Inc." nvidia-h200-sxm 1000 --period 2026-01 >/dev/null || exit 1
$TG check "$(order O1 $CAP)" >/dev/null || exit 1
base_audit=$(q "select count(*) from audit_log")
# Worker w, shipment i: 3 serials starting at ((i-1)*3 + 2w) mod POOL: neighbours overlap.
awk -v W="$W" -v nw="$WORKERS" -v per="$PER" -v pool="$POOL" 'BEGIN { for (w = 0; w < nw; w++) for (i = 1; i <= per; i++) {
  f = sprintf("%s/shp-W%dS%02d.json", W, w, i); s = ""
  for (k = 0; k < 3; k++) s = s (k ? "," : "") sprintf("\"S-%04d\"", ((i - 1) * 3 + 2 * w + k) % pool + 1)
  printf "{\"shipment_id\":\"W%dS%02d\",\"order_id\":\"O1\",\"license_id\":\"L1\",\"date\":\"2026-02-20\",\"lines\":[{\"item\":\"nvidia-h200-sxm\",\"serials\":[%s]}]}\n", w, i, s > f
  close(f) } }'

worker() {
  local w=$1 i id
  for ((i = 1; i <= PER; i++)); do
    id=$(printf 'W%dS%02d' "$w" "$i")
    "$TG" ship "$W/shp-$id.json" >/dev/null 2>>"$W/err-$w"; echo "$id $?" >>"$W/rc-$w"
  done
}
start=$(date +%s%N)
for ((w = 0; w < WORKERS; w++)); do worker $w & done
wait
ms=$(( ($(date +%s%N) - start) / 1000000 ))
cat "$W"/rc-* >"$W/rc"
acked=$(awk '$2 == 0' "$W/rc" | wc -l); refused=$(awk '$2 == 2' "$W/rc" | wc -l); faults=$(awk '$2 != 0 && $2 != 2' "$W/rc" | wc -l)
echo "# $WORKERS workers x $PER shipments in ${ms} ms: $acked released, $refused refused, $faults faults"

[ "$faults" = 0 ] && ok "no worker saw an internal fault" || { bad "$faults internal faults"; cat "$W"/err-* | grep -v "refused\|serial_shipped\|quantity\|exceed" | head; }
n=$(cat "$W"/err-* | grep -c "store:")
[ "$n" = 0 ] && ok "every refusal is a business refusal, none a store conflict" || { bad "$n store errors"; cat "$W"/err-* | grep "store:" | head -3; }
[ "$acked" -gt 0 ] && [ "$refused" -gt 0 ] && ok "both releases and refusals under contention" || bad "no contention ($acked/$refused)"
awk '$2 == 0 {print $1}' "$W/rc" | sort >"$W/acked.ids"
q "select shipment_id from shipments where status = 'released' order by 1" | sort >"$W/db.ids"
cmp -s "$W/acked.ids" "$W/db.ids" && ok "every acknowledged shipment recorded exactly once, no refused one" || {
  bad "acknowledged vs recorded shipments differ"; diff "$W/acked.ids" "$W/db.ids" | head; }
[ "$(q "select count(*) from licenses l join license_items i on i.license_id = l.id where i.qty_used > i.qty_cap or i.value_used > i.value_limit")" = 0 ] &&
  ok "no licence over its caps (used $(q "select qty_used from license_items where license_id = 'L1'") of $CAP)" || bad "licence over its caps"
[ "$(q "select count(*) from order_shipped where quantity > $CAP")" = 0 ] && ok "order not over its quantity" || bad "order over quantity"
[ "$(q "select count(*) - count(distinct serial) from shipped_serials")" = 0 ] &&
  [ "$(q "select count(*) from shipped_serials")" = "$(q "select coalesce(sum(quantity), 0) from shipment_lines")" ] &&
  [ "$(q "select count(*) from shipped_serials")" = $((acked * 3)) ] && ok "no serial shipped twice ($((acked * 3)) serials)" || bad "serials vs lines"
[ "$(q "select qty_used from license_items where license_id = 'L1'")" = $((acked * 3)) ] && ok "depletion equals shipped quantity" || bad "depletion"
$TG ledger check >/dev/null 2>&1 && ok "ledger balances" || bad "ledger unbalanced"
$TG audit verify >"$W/audit" 2>&1 && ok "audit chain verifies: $(cat "$W/audit")" || { bad "audit chain"; cat "$W/audit"; }
[ "$(q "select max(seq) - count(*) from audit_log")" = 0 ] && [ "$(q "select count(*) from audit_log")" -ge $((base_audit + acked)) ] &&
  ok "audit seqs gapless, one entry or more per release" || bad "audit seqs"
[ "$fails" = 0 ] && echo "all passed" || echo "$fails failure(s)"
[ "$fails" = 0 ]
