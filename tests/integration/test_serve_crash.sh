#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Crash proof of `tollgate serve` on SQLite: 2 instances on one database file, 16 curl clients shipping
# and checking (serve_lib.sh workload); ROUNDS times an instance is SIGKILLed at a random point and
# restarted on its port. Clients re-send a request that got no answer or a 5xx (to the other instance)
# until it has a final one, as a client behind a load balancer would. At the end: every acknowledged
# (2xx) shipment and check is stored exactly once and nothing else, no licence, order or China volume
# over its cap, no serial shipped twice, ledger balanced, audit chain verified and gapless.
# test_pg_http_crash.sh is the same on PostgreSQL, plus PostgreSQL itself crash-restarted under load.
# Usage: test_serve_crash.sh TOLLGATE_BINARY [ROUNDS] [CLIENTS] [PER]
set -u
TG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); ROUNDS=${2:-5}; CLIENTS=${3:-16}; PER=${4:-8}
if [ -n "${ASAN_OPTIONS:-}" ]; then ROUNDS=${2:-3}; PER=${4:-6}; fi
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/state_lib.sh"
. "$HERE/serve_lib.sh"
serve_proof_setup sqlite "${TG_TEST_DB:-}" crash "$CLIENTS" "$PER" # TG_TEST_DB: also run on PostgreSQL
serve_start 0 && serve_start 1 || exit 1
ship_load_start "$CLIENTS" "$PER"
ship_kill_rounds sqlite "$ROUNDS"
ship_load_wait sqlite
ship_invariants sqlite
[ "$fails" = 0 ] && echo "all passed" || echo "$fails failure(s)"
[ "$fails" = 0 ]
