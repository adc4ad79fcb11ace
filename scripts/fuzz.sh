#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Fuzz smoke run: build the libFuzzer targets with clang (ASan + UBSan) into build-fuzz/ and run each
# for a bounded time, one after another (TG_FUZZ_JOBS=2 runs two at once). New interesting inputs are
# merged into a temporary directory, never into the repository: copy the ones worth keeping into
# fuzz/corpora/<target>/ by hand. A crash, leak or UB report fails the run and leaves its input in
# $out/crashes/ (printed).
# Usage: scripts/fuzz.sh [seconds-per-target]     (default 30)
# Env:   TG_FUZZ_TARGETS="json order"  only these targets;  TG_FUZZ_OUT=dir  keep the output there.
set -euo pipefail
cd "$(dirname "$0")/.."

secs="${1:-30}"
jobs="${TG_FUZZ_JOBS:-1}"
build=build-fuzz
out="${TG_FUZZ_OUT:-$(mktemp -d "${TMPDIR:-/tmp}/tgfuzz-run.XXXXXX")}"
mkdir -p "$out/crashes"

scripts/deps.sh test
CC=clang cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS=-O1 -DTG_BUILD_FUZZERS=ON \
  -DTG_BUILD_TESTS=OFF -DTG_BUILD_CLI=OFF -DTG_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" >/dev/null

# Longest input worth mutating per target (the shipped catalogue and policy files are ~30 KB).
max_len() {
  case "$1" in
    catalog|policy) echo 65536 ;;
    dec_date) echo 64 ;;
    lists_*|order|json|license|inspect|ship|http) echo 16384 ;;
    *) echo 4096 ;;
  esac
}

run_one() {
  local t="$1" bin="$build/fuzz/${1}_fuzzer" dict=()
  case "$t" in
    json|order|item_spec|catalog|gates|policy|lists_*json|license|inspect|ship) dict=(-dict=fuzz/dicts/json.dict) ;;
    http) dict=(-dict=fuzz/dicts/http.dict) ;;
  esac
  mkdir -p "$out/corpus/$t"
  if "$bin" -max_total_time="$secs" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 "${dict[@]}" -artifact_prefix="$out/crashes/$t-" \
       "$out/corpus/$t" "fuzz/corpora/$t" >"$out/$t.log" 2>&1; then
    echo "fuzz: $t ok: $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$out/$t.log" | grep -o '[0-9]*$') runs," \
         "$(find "$out/corpus/$t" -type f | wc -l) new inputs"
  else
    echo "fuzz: $t FAILED (log $out/$t.log):" >&2
    grep -m3 -E 'ERROR|SUMMARY|runtime error|differential' "$out/$t.log" >&2 || tail -5 "$out/$t.log" >&2
    return 1
  fi
}

targets="${TG_FUZZ_TARGETS:-$(cd fuzz && ls *_fuzzer.c | sed 's/_fuzzer\.c$//')}"
fail=0 running=0
for t in $targets; do
  run_one "$t" & running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n || fail=1; running=$((running - 1)); fi
done
while [ "$running" -gt 0 ]; do wait -n || fail=1; running=$((running - 1)); done

echo "fuzz: new inputs in $out/corpus (not in the repository)"
if [ "$fail" -ne 0 ]; then
  echo "fuzz: crashing inputs:" >&2; ls "$out/crashes" >&2
  exit 1
fi
