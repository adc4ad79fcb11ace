#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Crash proof of `tollgate serve` on PostgreSQL (throwaway cluster, removed on any exit): 2 instances,
# 16 curl clients shipping and checking (serve_lib.sh workload); ROUNDS times an instance is SIGKILLed
# at a random point and restarted on its port. A request that got no answer or a 5xx is re-sent, to
# the other instance, until it has a final answer. At the end: every acknowledged (2xx) shipment and
# check stored exactly once and nothing else, no licence, order or China volume over its cap, no serial
# shipped twice, ledger balanced, audit chain verified and gapless. test_serve_crash.sh is the same on
# SQLite; test_pg_http_restart.sh crash-restarts PostgreSQL itself under the same load.
# Usage: test_pg_http_crash.sh TOLLGATE_BINARY [ROUNDS] [CLIENTS] [PER]
set -u
TG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); ROUNDS=${2:-5}; CLIENTS=${3:-16}; PER=${4:-8}
if [ -n "${ASAN_OPTIONS:-}" ]; then ROUNDS=${2:-3}; PER=${4:-6}; fi
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/pg_lib.sh"
. "$HERE/state_lib.sh"
. "$HERE/serve_lib.sh"
serve_proof_setup postgresql kill crash "$CLIENTS" "$PER"
serve_start 0 && serve_start 1 || exit 1
ship_load_start "$CLIENTS" "$PER"
ship_kill_rounds postgresql "$ROUNDS"
ship_load_wait postgresql
ship_invariants postgresql
[ "$fails" = 0 ] && echo "all passed" || echo "$fails failure(s)"
[ "$fails" = 0 ]
