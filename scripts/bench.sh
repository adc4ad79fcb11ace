#!/usr/bin/env bash
# Run every benchmark program that was built (they print their own figures).
set -euo pipefail
build=${1:-build}
for b in "$build"/bench/bench_*; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  "$b"
done
