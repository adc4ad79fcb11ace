#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Crash proof on PostgreSQL (throwaway cluster, removed on any exit): PostgreSQL itself is
# crash-stopped (pg_ctl -m immediate: no checkpoint, WAL recovery) and restarted at random points while
# a client ships; the client re-sends what was not acknowledged. (A SIGKILLed client is
# test_ship_crash.sh, run on PostgreSQL as integration__test_ship_crash_pg.) Afterwards: every
# acknowledged shipment present exactly once, none half-present, licence balance = shipped lines,
# ledger balanced, audit chain verified. Usage: test_pg_crash.sh TOLLGATE_BINARY [RESTARTS]
set -u
TG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); RESTARTS=${2:-3}; N=30
if [ -n "${ASAN_OPTIONS:-}" ]; then RESTARTS=${2:-2}; N=16; fi
cd "$(dirname "$0")" && HERE=$(pwd) && cd - >/dev/null
. "$HERE/pg_lib.sh"
[ -n "$PG_BIN" ] || { echo "skipped: no PostgreSQL server binaries (/usr/lib/postgresql/*/bin)"; exit 0; }
command -v setsid >/dev/null || { echo "skipped: setsid absent"; exit 0; }
W=$(mktemp -d); C=$(mktemp -d); chmod 755 "$C"; cpid=""
cleanup() { [ -n "$cpid" ] && kill -9 -- -"$cpid" 2>/dev/null; pg_stop; rm -rf "$W" "$C"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
. "$HERE/state_lib.sh"
pg_start "$C" || { echo "FAIL - cannot start a PostgreSQL cluster"; exit 1; }

# Server crash-stopped and restarted under load.
export TOLLGATE_DB; TOLLGATE_DB=$(pg_newdb restart) TOLLGATE_ACTOR=restart
$TG license add "$(license L1 $((N * 5)) 100000000.00 2030-01-19)" >/dev/null || exit 1
$TG inspect record "$(cert C1 pass "$(serials S 1 $((N * 5)))")" >/dev/null || exit 1
$TG us-volume record --exporter "Acme Accelerators Inc." nvidia-h200-sxm 100000 --period 2026-01 >/dev/null || exit 1
$TG check "$(order O1 $((N * 5)))" >/dev/null || exit 1
for ((i = 1; i <= N; i++)); do
  shipment "$(printf 'SH%03d' $i)" O1 L1 "$(serials S $(( (i - 1) * 5 + 1 )) $(( i * 5 )))" >/dev/null
done
: >"$W/acked"
# The client: ship in order; on any failure (server down) wait and re-send the same shipment.
client() {
  local i id tries
  for ((i = 1; i <= N; i++)); do
    id=$(printf 'SH%03d' $i); tries=0
    until "$TG" ship "$W/shp-$id.json" >/dev/null 2>>"$W/client.err"; do
      tries=$((tries + 1)); [ $tries -gt 200 ] && exit 3; sleep 0.1
    done
    echo "$id" >>"$W/acked"
  done
}
export -f client; export TG W N TOLLGATE_DB TOLLGATE_ACTOR
setsid bash -c client & cpid=$!
for ((r = 1; r <= RESTARTS; r++)); do
  sleep "0.$(( (RANDOM % 50) + 20 ))"
  before=$(wc -l <"$W/acked")
  pg_restart || { bad "restart $r failed"; break; }
  echo "# restart $r after $before acknowledged"
done
wait "$cpid"; rc=$?; cpid=""
[ $rc = 0 ] && ok "client finished through $RESTARTS server crashes" || bad "client gave up (exit $rc)"
[ "$(q "select count(*) from shipments")" = "$N" ] && [ "$(wc -l <"$W/acked")" = "$N" ] &&
  ok "all $N acknowledged shipments present exactly once" || bad "shipments: $(q "select count(*) from shipments") of $N"
[ "$(q "select count(*) from shipments s where (select count(*) from shipped_serials x where x.shipment_id = s.shipment_id) <> 5
        or (select count(*) from ledger_lines g where g.txn = 'ship:' || s.shipment_id) <> 2
        or (select count(*) from audit_log u where u.kind = 'shipment' and u.subject = s.shipment_id) <> 1")" = 0 ] &&
  ok "no shipment half-present" || bad "a shipment is half-present"
[ "$(q "select qty_used from license_items where license_id = 'L1'")" = $((N * 5)) ] && ok "licence balance = shipped" || bad "licence balance"
$TG ledger check >/dev/null 2>&1 && ok "ledger balances" || bad "ledger unbalanced"
$TG audit verify >"$W/audit" 2>&1 && ok "$(cat "$W/audit")" || { bad "audit chain"; cat "$W/audit"; }
[ -s "$W/client.err" ] && { echo "# client errors while the server was down:"; sed 's/: .*: /: ... /' "$W/client.err" | sort | uniq -c | head -5; }
[ "$fails" = 0 ] && echo "all passed" || echo "$fails failure(s)"
[ "$fails" = 0 ]
