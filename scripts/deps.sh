#!/usr/bin/env bash
# Install the Debian packages tollgate needs, only those missing. Idempotent; safe in CI.
# Usage: scripts/deps.sh [base|test|web|all]   (default: all)
#   web: the console's npm packages (uplot, playwright-core) from package-lock.json (npm ci).
set -euo pipefail

base=(gcc make cmake pkg-config libjansson-dev libsqlite3-dev libicu-dev libssl-dev
      libmicrohttpd-dev libxml2-dev libzip-dev libcurl4-openssl-dev libpq-dev unicode-data)
test=(libcmocka-dev sqlite3 postgresql python3 clang clang-format libclang-rt-14-dev curl wrk chromium fonts-dejavu-core)

# The console's npm packages, when package-lock.json changed or node_modules is missing.
web_deps() {
  local root
  root="$(cd "$(dirname "$0")/.." && pwd)"
  if [ -f "$root/node_modules/.package-lock.json" ] &&
     [ "$root/node_modules/.package-lock.json" -nt "$root/package-lock.json" ] &&
     [ -f "$root/node_modules/uplot/dist/uPlot.iife.min.js" ] &&
     [ -f "$root/node_modules/playwright-core/package.json" ]; then
    return 0
  fi
  echo "deps: npm ci (uplot, playwright-core)" >&2
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
}

case "${1:-all}" in
  base) want=("${base[@]}") ;;
  test) want=("${test[@]}") ;;
  all) want=("${base[@]}" "${test[@]}") ;;
  web) want=() ;;
  *) echo "usage: $0 [base|test|web|all]" >&2; exit 2 ;;
esac

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
# Node.js and npm (Debian's nodejs + npm unless a node with npm is already installed).
if [ "${1:-all}" = all ] || [ "${1:-all}" = test ]; then
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
fi
if [ ${#missing[@]} -eq 0 ]; then
  case "${1:-all}" in all|web) web_deps ;; esac
  exit 0
fi

echo "deps: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
case "${1:-all}" in all|web) web_deps ;; esac
