#!/usr/bin/env bash
# Install the Debian packages tollgate needs, only those missing. Idempotent; safe in CI.
# Usage: scripts/deps.sh [base|test|all]   (default: all)
set -euo pipefail

base=(gcc make cmake pkg-config libjansson-dev libsqlite3-dev libicu-dev libssl-dev
      libmicrohttpd-dev libxml2-dev libzip-dev libcurl4-openssl-dev libpq-dev unicode-data)
test=(libcmocka-dev sqlite3 python3 clang libclang-rt-14-dev)

case "${1:-all}" in
  base) want=("${base[@]}") ;;
  test) want=("${test[@]}") ;;
  all) want=("${base[@]}" "${test[@]}") ;;
  *) echo "usage: $0 [base|test|all]" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "deps: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
