#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Crash proof of PostgreSQL under `tollgate serve` (throwaway cluster, removed on any exit): 2 instances,
# 16 curl clients shipping and checking (serve_lib.sh workload) while PostgreSQL is crash-stopped
# (pg_ctl stop -m immediate: no checkpoint, WAL recovery on start) and restarted RESTARTS times at random
# points; the instances stay up and reconnect. A request that got no answer or a 5xx is re-sent, to
# the other instance, until it has a final answer: while the database is down the instances must
# answer 5xx, never a 4xx (a client would not retry it). At the end: every acknowledged (2xx) shipment
# and check stored exactly once and nothing else, no licence, order or China volume over its cap, no
# serial shipped twice, ledger balanced, audit chain verified and gapless.
# Usage: test_pg_http_restart.sh TOLLGATE_BINARY [RESTARTS] [CLIENTS] [PER]
set -u
TG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); RESTARTS=${2:-3}; CLIENTS=${3:-16}; PER=${4:-8}
if [ -n "${ASAN_OPTIONS:-}" ]; then RESTARTS=${2:-2}; PER=${4:-6}; fi
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/pg_lib.sh"
. "$HERE/state_lib.sh"
. "$HERE/serve_lib.sh"
serve_proof_setup postgresql restart crash "$CLIENTS" "$PER"
serve_start 0 && serve_start 1 || exit 1
ship_load_start "$CLIENTS" "$PER"
done=0
for ((r = 1; r <= RESTARTS; r++)); do
  wait_progress "$r" "$RESTARTS"
  [ "$(answered)" -ge "$LOAD_TOTAL" ] && { echo "# load over before restart $r"; break; }
  pg_restart || { bad "PostgreSQL restart $r failed"; break; }
  done=$((done + 1))
  echo "# crash-restart $r of PostgreSQL after $(answered) of $LOAD_TOTAL answers"
done
[ "$done" -gt 0 ] && ok "$done of $RESTARTS crash-restarts of PostgreSQL under load" || bad "no restart under load (raise PER)"
ship_load_wait postgresql
ship_invariants postgresql
grep -h "tollgate serve:" "$W"/srv*.err | sed 's/.*: \([^:(]*\) (\([^)]*\))$/\2: \1/' | sort | uniq -c | head -5 | sed 's/^ */# logged 5xx: /'
[ "$fails" = 0 ] && echo "all passed" || echo "$fails failure(s)"
[ "$fails" = 0 ]
