#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Concurrency proof of shipping over HTTP on SQLite: 2 `tollgate serve` instances on one database file
# (WAL, BEGIN IMMEDIATE: one writer at a time across processes, docs/store.md), 16 concurrent curl
# clients POST /v1/shipments (and some recorded POST /v1/orders/check) round-robin over the instances,
# against shared licences with overlapping serials (serve_lib.sh). Afterwards: no 5xx, no licence,
# order or China volume over its cap, no serial shipped twice, every 2xx shipment and check stored
# exactly once and nothing else, ledger balanced, audit chain verified and gapless.
# test_pg_http_ship.sh runs the same on PostgreSQL. Usage: test_serve_ship.sh TOLLGATE_BINARY [CLIENTS] [PER]
set -u
TG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1"); CLIENTS=${2:-16}; PER=${3:-8}
if [ -n "${ASAN_OPTIONS:-}" ]; then PER=${3:-6}; fi
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/state_lib.sh"
. "$HERE/serve_lib.sh"
serve_proof_setup sqlite "${TG_TEST_DB:-}" serve "$CLIENTS" "$PER" # TG_TEST_DB: also run on PostgreSQL
ship_concurrency sqlite "$CLIENTS" "$PER"
[ "$fails" = 0 ] && echo "all passed" || echo "$fails failure(s)"
[ "$fails" = 0 ]
