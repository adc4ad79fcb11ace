#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Concurrency proof over HTTP: 2 `tollgate serve` instances on one PostgreSQL, 16 concurrent clients
# POST /v1/orders/check (recorded and audited; round-robin over the instances): distinct orders plus
# shared order ids re-sent by every client with the same content (idempotent replays). Afterwards: no
# 5xx, every 2xx order recorded exactly once, one audit entry per recorded decision, audit chain
# verified and gapless (one total order across instances). Shipping over HTTP with 2 instances is
# test_pg_http_ship.sh.
# Throwaway cluster; servers and cluster stopped on any exit.
# Usage: test_pg_serve.sh TOLLGATE_BINARY [CLIENTS] [PER_CLIENT]
set -u
TG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); CLIENTS=${2:-16}; PER=${3:-8}
if [ -n "${ASAN_OPTIONS:-}" ]; then PER=${3:-4}; fi
cd "$(dirname "$0")" && HERE=$(pwd) && cd - >/dev/null
. "$HERE/pg_lib.sh"
[ -n "$PG_BIN" ] || { echo "skipped: no PostgreSQL server binaries (/usr/lib/postgresql/*/bin)"; exit 0; }
command -v curl >/dev/null || { echo "skipped: curl absent"; exit 0; }
W=$(mktemp -d); C=$(mktemp -d); chmod 755 "$C"; pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; [ -n "${KEEP:-}" ] && cp "$W"/srv*.err /tmp/; pg_stop; rm -rf "$W" "$C"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
. "$HERE/state_lib.sh"
pg_start "$C" || { echo "FAIL - cannot start a PostgreSQL cluster"; exit 1; }
export TOLLGATE_DB; TOLLGATE_DB=$(pg_newdb serve) TOLLGATE_ACTOR=serve

$TG lists load "$HERE/../../fixtures/lists/sample-csl.csv" >/dev/null || exit 1
TOK=$($TG token add --role exporter --name exp | tail -n 1)
base_audit=$(q "select count(*) from audit_log")
tr -d '\n' <"$(order __ID__ 5)" >"$W/order.tpl"

for i in 0 1; do
  $TG serve --listen 127.0.0.1:0 >"$W/srv$i.out" 2>"$W/srv$i.err" & pids+=($!)
done
for i in 0 1; do
  for _ in $(seq 200); do grep -q listening "$W/srv$i.out" 2>/dev/null && break; sleep 0.05; done
  URL[$i]=$(sed -n 's/^tollgate: listening on //p' "$W/srv$i.out")
  [ -n "${URL[$i]}" ] || { echo "FAIL - instance $i did not start"; cat "$W/srv$i.err"; exit 1; }
done
ok "2 instances: ${URL[0]} ${URL[1]}"

# Client c, request i: its own order C<c>O<i>, every third request a shared order X<i> (same content).
client() {
  local c=$1 i id code
  for ((i = 0; i < PER; i++)); do
    if [ $((i % 3)) = 2 ]; then id=X$i; else id=$(printf 'C%02dO%02d' "$c" "$i"); fi
    code=$(sed "s/__ID__/$id/" "$W/order.tpl" | curl -sS -o "$W/body-$c" -w '%{http_code}' -H "Authorization: Bearer $TOK" \
      -H 'Content-Type: application/json' --data-binary @- "${URL[$(( (c + i) % 2 ))]}/v1/orders/check" 2>>"$W/curl.err")
    echo "$id $code" >>"$W/codes-$c"
  done
}
start=$(date +%s%N)
cpids=()
for ((c = 0; c < CLIENTS; c++)); do client $c & cpids+=($!); done
wait "${cpids[@]}"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
cat "$W"/codes-* >"$W/codes"
total=$(wc -l <"$W/codes"); ok2=$(awk '$2 ~ /^2/' "$W/codes" | wc -l)
echo "# $CLIENTS clients x $PER checks over 2 instances in $ms ms: $ok2 2xx of $total"
[ "$ok2" = "$total" ] && [ "$total" = $((CLIENTS * PER)) ] && ok "every request answered 2xx" ||
  { bad "non-2xx answers"; awk '$2 !~ /^2/' "$W/codes" | head -3; tail -n 5 "$W"/srv*.err; }
awk '$2 ~ /^2/ {print $1}' "$W/codes" | sort -u >"$W/acked"
q "select order_id from decisions" | sort >"$W/db"
cmp -s "$W/acked" "$W/db" && ok "every 2xx order recorded exactly once ($(wc -l <"$W/db") decisions, shared ids replayed)" ||
  { bad "2xx vs recorded"; diff "$W/acked" "$W/db" | head; }
[ "$(q "select count(*) from audit_log where kind = 'decision'")" = "$(wc -l <"$W/db")" ] &&
  ok "one audit entry per recorded decision" || bad "decision audit entries: $(q "select count(*) from audit_log where kind = 'decision'")"
$TG audit verify >"$W/audit" 2>&1 && ok "$(cat "$W/audit")" || { bad "audit chain"; cat "$W/audit"; }
[ "$(q "select max(seq) - count(*) from audit_log")" = 0 ] && [ "$(q "select count(*) from audit_log")" -gt "$base_audit" ] &&
  ok "audit seqs gapless" || bad "audit seqs"
[ "$fails" = 0 ] && echo "all passed" || echo "$fails failure(s)"
[ "$fails" = 0 ]
