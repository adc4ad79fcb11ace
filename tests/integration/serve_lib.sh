# SPDX-License-Identifier: Apache-2.0
# Helpers for the HTTP shipping proofs (sourced after state_lib.sh, and pg_lib.sh on PostgreSQL;
# expects $TG; serve_proof_setup makes $W and $TOLLGATE_DB):
# `tollgate serve` instances on fixed loopback ports, a workload of shipments against shared licences
# with overlapping serials plus recorded order checks, curl clients in background loops that record
# every answer, and the end-state invariants. Used by test_serve_ship.sh, test_pg_http_ship.sh,
# test_serve_crash.sh, test_pg_http_crash.sh and test_pg_http_restart.sh.
#
# Workload: licences L1 (24 units: its quantity binds) and L2 (100 units, value for 14 + the tolerance
# = 16 of 2-unit shipments: its value binds), each for its own consignee; orders O1, O3 (20 each) under
# L1 and O2, O4 (14 each) under L2, so licence caps bind across orders; US volume 76 (China cap 38, just
# below the licences' 40: binds too); POOL certified serials. Client c's shipment i ships 2 serials from
# ((5c + 3i) mod POOL) under order O((c + i) mod 4 + 1): neighbouring clients overlap, demand is ~5x the
# caps. Every 4th request of a client is a recorded order check (its own order id) instead; every 5th
# re-sends the client's previous shipment (same id and content: a replay). Answers go to
# $W/codes-<c> as "ID CODE" (the final answer of each request).
POOL=${POOL:-90}
declare -a URL SPID PORT
LOAD_PIDS=()

# The common start of every proof: skip (exit 0) without curl or the backend's tools; a work directory
# $W (and on PostgreSQL $C, with a throwaway cluster) removed with the instances and the load on any
# exit; $TOLLGATE_DB a fresh database (on PostgreSQL a new one named DB in the cluster; on SQLite DB
# itself, the caller's $TG_TEST_DB, or $W/t.db when that is empty); audit actor ACTOR; the fixtures for
# CLIENTS clients of PER requests.
# Usage: serve_proof_setup sqlite|postgresql DB ACTOR CLIENTS PER
serve_proof_setup() {
  command -v curl >/dev/null || { echo "skipped: curl absent"; exit 0; }
  if [ "$1" = postgresql ]; then
    [ -n "$PG_BIN" ] || { echo "skipped: no PostgreSQL server binaries (/usr/lib/postgresql/*/bin)"; exit 0; }
  else
    command -v sqlite3 >/dev/null || { echo "skipped: sqlite3 CLI absent"; exit 0; }
  fi
  W=$(mktemp -d); C=""
  trap 'kill "${LOAD_PIDS[@]}" 2>/dev/null; serve_stop_all; [ -z "$C" ] || pg_stop; rm -rf "$W" ${C:+"$C"}' EXIT
  trap 'exit 1' INT TERM
  if [ "$1" = postgresql ]; then
    C=$(mktemp -d); chmod 755 "$C"
    pg_start "$C" || { echo "FAIL - cannot start a PostgreSQL cluster"; exit 1; }
    TOLLGATE_DB=$(pg_newdb "$2")
  else
    TOLLGATE_DB=${2:-$W/t.db}
  fi
  export TOLLGATE_DB TOLLGATE_ACTOR=$3
  ship_fixtures "$4" "$5" || { echo "FAIL - fixtures"; exit 1; }
}

serve_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# serve_start I: start instance I on PORT[I] (picked on first start, kept across restarts); wait until ready.
serve_start() {
  local i=$1 n
  [ -n "${PORT[$i]:-}" ] || PORT[$i]=$(serve_free_port)
  : >"$W/srv$i.out"
  "$TG" serve --listen "127.0.0.1:${PORT[$i]}" --access-log off >>"$W/srv$i.out" 2>>"$W/srv$i.err" &
  SPID[$i]=$!
  for n in $(seq 300); do grep -q listening "$W/srv$i.out" 2>/dev/null && break; sleep 0.05; done
  URL[$i]=$(sed -n 's/^tollgate: listening on //p' "$W/srv$i.out")
  [ -n "${URL[$i]}" ] || { echo "FAIL - instance $i did not start"; tail -5 "$W/srv$i.err"; return 1; }
}

# serve_cpu: CPU seconds (user + system) used so far by the running instances, from /proc.
serve_cpu() {
  local p t=0 hz
  hz=$(getconf CLK_TCK)
  for p in "${SPID[@]}"; do
    [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  awk -v t="$t" -v hz="$hz" 'BEGIN { printf "%.2f", t / hz }'
}

serve_stop_all() {
  local p
  for p in "${SPID[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${SPID[@]}"; do wait "$p" 2>/dev/null; done
  return 0
}

# ship_fixtures: tokens (exporter named after the orders' exporter), licences, certificate, US volume,
# orders (decided and recorded through the CLI), and the shipment and order request bodies.
ship_fixtures() {
  local clients=$1 per=$2 c i id
  TOK=$("$TG" token add --role exporter --name "Acme Accelerators Inc." | tail -n 1) || return 1
  local c2="Shenzhen Lianhua Cloud Co., Ltd."
  "$TG" license add "$(license L1 24 744000.00 2030-01-19)" >/dev/null || return 1
  "$TG" license add "$(license L2 100 434000.00 2030-01-19 number "$c2")" >/dev/null || return 1
  "$TG" inspect record "$(cert C1 pass "$(serials S 1 "$POOL")")" >/dev/null || return 1
  "$TG" us-volume record --exporter "Acme Accelerators Inc." nvidia-h200-sxm 76 --period 2026-01 >/dev/null || return 1
  "$TG" check "$(order O1 20)" >/dev/null || return 1
  "$TG" check "$(order O2 14 "$c2")" >/dev/null || return 1
  "$TG" check "$(order O3 20)" >/dev/null || return 1
  "$TG" check "$(order O4 14 "$c2")" >/dev/null || return 1
  tr -d '\n' <"$(order __ID__ 2)" >"$W/order.tpl"
  mkdir -p "$W/req"
  for ((c = 0; c < clients; c++)); do
    for ((i = 3; i < per; i += 4)); do printf -v id 'K%02dR%03d' "$c" "$i"; sed "s/__ID__/$id/" "$W/order.tpl" >"$W/req/$id"; done
  done
  awk -v W="$W/req" -v nc="$clients" -v per="$per" -v pool="$POOL" 'BEGIN {
    for (c = 0; c < nc; c++) for (i = 0; i < per; i++) {
      id = sprintf("C%02dR%03d", c, i); f = W "/" id
      s = sprintf("\"S-%04d\",\"S-%04d\"", (5 * c + 3 * i) % pool + 1, (5 * c + 3 * i + 1) % pool + 1)
      o = (c + i) % 4 + 1
      printf "{\"shipment_id\":\"%s\",\"order_id\":\"O%d\",\"license_id\":\"L%d\",\"date\":\"2026-02-20\",\"lines\":[{\"item\":\"nvidia-h200-sxm\",\"serials\":[%s]}]}", id, o, (o + 1) % 2 + 1, s > f
      close(f) } }'
}

# ship_client C PER NINST RETRY: C's requests, round-robin over NINST instances (restarts keep their
# port, so URL[] stays right). RETRY=1: an answer that is not a final one (no connection, 5xx) is
# re-sent, to the next instance, until it is final (at most ~60 s); RETRY=0: recorded as it is. One
# curl per attempt and no other process: on 2 busy cores forks, not the servers, bound the pace.
ship_client() {
  local c=$1 per=$2 ninst=$3 retry=$4 i k id code route tries
  for ((i = 0; i < per; i++)); do
    if [ $((i % 4)) = 3 ]; then
      printf -v id 'K%02dR%03d' "$c" "$i"; route=/v1/orders/check
    else
      k=$i; [ $((i % 5)) = 4 ] && k=$((i - 1)); [ $((k % 4)) = 3 ] && k=$((k - 1))
      printf -v id 'C%02dR%03d' "$c" "$k"; route=/v1/shipments
    fi
    tries=0
    while :; do
      code=$(curl -sS -m 20 -o "$W/resp-$c" -w '%{http_code}' -H "Authorization: Bearer $TOK" \
        -H 'Content-Type: application/json' --data-binary @"$W/req/$id" "${URL[$(( (c + i + tries) % ninst ))]}$route" 2>>"$W/curl-$c.err")
      case $code in 2??|4??) break ;; esac
      [ "$retry" = 1 ] || break
      tries=$((tries + 1)); [ $tries -gt 300 ] && break
      echo "$id $code" >>"$W/retried-$c"; sleep 0.2
    done
    echo "$id $code" >>"$W/codes-$c"
  done
}

# ship_invariants NAME: the end state against the answers in $W/codes-*.
ship_invariants() {
  local what=$1 acked
  cat "$W"/codes-* >"$W/codes"
  awk '$2 !~ /^[24]/' "$W/codes" >"$W/unfinal"
  [ -s "$W/unfinal" ] && { bad "$what: $(wc -l <"$W/unfinal") requests never got a final answer"; head -3 "$W/unfinal"; }
  awk '$2 ~ /^5/' "$W/codes" | head -3 >"$W/5xx"
  awk '$1 ~ /^C/ && $2 ~ /^2/ {print $1}' "$W/codes" | sort -u >"$W/acked.ids"
  awk '$1 ~ /^C/ && $2 == 422 {print $1}' "$W/codes" | sort -u >"$W/refused.ids"
  awk '$1 ~ /^C/ && $2 ~ /^4/ && $2 != 422 {print}' "$W/codes" | head -3 >"$W/other4xx"
  [ -s "$W/other4xx" ] && { bad "$what: shipments answered 4xx other than 422"; cat "$W/other4xx"; }
  acked=$(wc -l <"$W/acked.ids")
  q "select shipment_id from shipments where status = 'released'" | sort >"$W/db.ids"
  cmp -s "$W/acked.ids" "$W/db.ids" && ok "$what: every 2xx shipment stored exactly once, nothing else ($acked released, $(wc -l <"$W/refused.ids") refused)" ||
    { bad "$what: 2xx shipments vs stored"; diff "$W/acked.ids" "$W/db.ids" | head -5; }
  [ -z "$(comm -12 "$W/acked.ids" "$W/refused.ids")" ] || bad "$what: a shipment both acknowledged and refused"
  awk '$1 ~ /^K/ && $2 ~ /^2/ {print $1}' "$W/codes" | sort -u >"$W/acked.orders"
  q "select order_id from decisions where order_id like 'K%'" | sort >"$W/db.orders"
  cmp -s "$W/acked.orders" "$W/db.orders" && ok "$what: every 2xx order check recorded exactly once ($(wc -l <"$W/db.orders"))" ||
    { bad "$what: 2xx checks vs recorded"; diff "$W/acked.orders" "$W/db.orders" | head -5; }
  [ "$(q "select count(*) from license_items where qty_used > qty_cap or value_used > value_limit")" = 0 ] &&
    ok "$what: no licence over its caps (L1 $(q "select qty_used from license_items where license_id = 'L1'")/24, L2 $(q "select qty_used || ' units, value ' || (value_used / 1000000) from license_items where license_id = 'L2'") of $(q "select value_limit / 1000000 from license_items where license_id = 'L2'"))" ||
    bad "$what: a licence over its caps"
  [ "$(q "select count(*) from licenses l join license_items i on i.license_id = l.id where i.qty_used <> (select coalesce(sum(sl.quantity), 0) from shipment_lines sl join shipments s on s.shipment_id = sl.shipment_id where s.license_id = l.id)")" = 0 ] &&
    ok "$what: licence depletion = shipped lines" || bad "$what: licence depletion differs from shipped lines"
  [ "$(q "select count(*) from order_shipped where quantity > case when order_id in ('O1', 'O3') then 20 else 14 end")" = 0 ] && ok "$what: no order over its quantity" || bad "$what: an order over its quantity"
  [ "$(q "select coalesce(sum(quantity), 0) from cn_volume")" -le 38 ] && ok "$what: China volume within 50 % of US volume ($(q "select coalesce(sum(quantity), 0) from cn_volume")/38)" ||
    bad "$what: China volume over the cap"
  [ "$(q "select count(*) - count(distinct serial) from shipped_serials")" = 0 ] &&
    [ "$(q "select count(*) from shipped_serials")" = $((acked * 2)) ] && ok "$what: no serial shipped twice ($((acked * 2)) serials)" ||
    bad "$what: serials: $(q "select count(*) from shipped_serials") rows, $(q "select count(distinct serial) from shipped_serials") distinct, $((acked * 2)) expected"
  "$TG" ledger check >"$W/ledger" 2>&1 && ok "$what: ledger balances" || { bad "$what: ledger"; cat "$W/ledger"; }
  "$TG" audit verify >"$W/audit" 2>&1 && ok "$what: $(cat "$W/audit")" || { bad "$what: audit chain"; cat "$W/audit"; }
  [ "$(q "select max(seq) - count(*) from audit_log")" = 0 ] && ok "$what: audit seqs gapless" || bad "$what: audit seqs"
  [ "$(q "select count(*) from audit_log where kind = 'shipment'")" = "$acked" ] && ok "$what: one audit entry per released shipment" ||
    bad "$what: shipment audit entries $(q "select count(*) from audit_log where kind = 'shipment'") vs $acked"
}

# ship_concurrency NAME CLIENTS PER: 2 instances, CLIENTS concurrent clients, no retries; then no 5xx,
# contention seen, and the invariants.
ship_concurrency() {
  local what=$1 clients=$2 per=$3 start ms c cpids=()
  serve_start 0 && serve_start 1 || return 1
  ok "$what: 2 instances on one database: ${URL[0]} ${URL[1]}"
  start=$(date +%s%N)
  for ((c = 0; c < clients; c++)); do ship_client $c "$per" 2 0 & cpids+=($!); done
  wait "${cpids[@]}"
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  cat "$W"/codes-* >"$W/codes"
  echo "# $what: $clients clients x $per requests over 2 instances: $ms ms wall, $(serve_cpu) s server CPU;" \
       "$(awk '$2 ~ /^2/' "$W/codes" | wc -l) 2xx, $(awk '$2 == 422' "$W/codes" | wc -l) refused (422)," \
       "$(awk '$2 !~ /^(2|422)/' "$W/codes" | wc -l) other"
  [ "$(wc -l <"$W/codes")" = $((clients * per)) ] && [ "$(awk '$2 ~ /^5/ || $2 == "000"' "$W/codes" | wc -l)" = 0 ] &&
    ok "$what: every request answered, no 5xx" ||
    { bad "$what: 5xx or unanswered requests"; awk '$2 ~ /^5/ || $2 == "000"' "$W/codes" | head -3; tail -3 "$W"/srv*.err; }
  [ "$(awk '$1 ~ /^C/ && $2 ~ /^2/' "$W/codes" | wc -l)" -gt 0 ] && [ "$(awk '$2 == 422' "$W/codes" | wc -l)" -gt 0 ] &&
    ok "$what: both releases and refusals under contention" || bad "$what: no contention"
  ship_invariants "$what"
}

# ship_load_start CLIENTS PER: start the clients (retrying, over 2 instances) in the background.
ship_load_start() {
  local c
  LOAD_PIDS=() LOAD_START=$(date +%s%N) LOAD_TOTAL=$(($1 * $2))
  for ((c = 0; c < $1; c++)); do ship_client $c "$2" 2 1 & LOAD_PIDS+=($!); done
}

# answered: how many requests have their final answer so far.
answered() { cat "$W"/codes-* 2>/dev/null | wc -l; }

# ship_load_wait NAME: wait for the clients; print what they saw.
ship_load_wait() {
  local ms
  wait "${LOAD_PIDS[@]}"
  ms=$(( ($(date +%s%N) - LOAD_START) / 1000000 ))
  cat "$W"/codes-* >"$W/codes"
  echo "# $1: $LOAD_TOTAL requests in $ms ms wall, $(serve_cpu) s CPU in the running instances;" \
       "$(awk '$2 ~ /^2/' "$W/codes" | wc -l) 2xx, $(awk '$2 == 422' "$W/codes" | wc -l) refused;" \
       "$(cat "$W"/retried-* 2>/dev/null | wc -l) attempts re-sent after no answer or a 5xx" \
       "($(cat "$W"/retried-* 2>/dev/null | awk '{print $2}' | sort | uniq -c | awk '{printf "%s%sx %s", (NR > 1 ? ", " : ""), $1, $2}'))"
  [ "$(cat "$W"/retried-* 2>/dev/null | wc -l)" -gt 0 ] && ok "$1: the crashes hit requests in flight (re-sent)" ||
    echo "# $1: no request was in flight at a crash (nothing re-sent)"
}

# wait_progress R ROUNDS: sleep until about R/(2 ROUNDS + 2) of the load is answered (plus a random
# 0-4 answers and 0-0.2 s): crash points spread over the first half of the run whatever the machine's
# speed (a restart takes seconds on a busy machine while the other instance goes on), never after it.
wait_progress() {
  local target=$(( $1 * LOAD_TOTAL / (2 * $2 + 2) + RANDOM % 5 )) n=0
  while [ "$(answered)" -lt "$target" ] && [ $((n += 1)) -lt 600 ]; do sleep 0.1; done  # stalled 60 s: go on, fail later
  sleep "0.$(( RANDOM % 3 ))"
}

# ship_kill_rounds NAME ROUNDS: under load, SIGKILL instance (r mod 2) at a random point and restart it
# on its port, up to ROUNDS times; a round due after the load ended is skipped (a very busy machine).
# Fails unless at least one kill landed under load.
ship_kill_rounds() {
  local what=$1 rounds=$2 r i done=0
  for ((r = 1; r <= rounds; r++)); do
    wait_progress "$r" "$rounds"
    [ "$(answered)" -ge "$LOAD_TOTAL" ] && { echo "# $what: load over before round $r"; break; }
    i=$((r % 2))
    kill -9 "${SPID[$i]}" 2>/dev/null; wait "${SPID[$i]}" 2>/dev/null
    done=$((done + 1))
    echo "# $what: kill -9 of instance $i (round $r) after $(answered) of $LOAD_TOTAL answers"
    serve_start "$i" || { bad "$what: instance $i did not restart"; return 1; }
  done
  [ "$done" -gt 0 ] && ok "$what: $done of $rounds kills and restarts under load" || bad "$what: no kill under load (raise PER)"
}
