#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# bench/scale: decisions/s and shipments/s with 1 and 2 instances, SQLite and PostgreSQL side by side.
# Starts a throwaway PostgreSQL cluster on loopback (tests/integration/pg_lib.sh; skipped when the
# server binaries are absent). Usage: bench/scale/run.sh [BUILD_DIR=build] [N=400]
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BIN=$(cd "${1:-build}" && pwd)/bench/bench_scale; N=${2:-400}
. "$ROOT/tests/integration/pg_lib.sh"
W=$(mktemp -d); C=$(mktemp -d); chmod 755 "$C"
trap 'pg_stop; rm -rf "$W" "$C"' EXIT
dbs=("$W/scale.db")
if pg_start "$C"; then dbs+=("$(pg_newdb scale)"); else echo "(no PostgreSQL server binaries: SQLite only)"; fi
"$BIN" "$N" "${dbs[@]}"
