#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The console in a real browser: a fresh store with the sample list and tokens, `tollgate serve` on
# loopback, then web/tests/console.test.mjs (playwright-core driving Debian's chromium headless).
# Screenshots go to tests/artifacts/. Needs chromium, node and the npm packages: scripts/deps.sh
# installs them (this test fails, it does not skip, when they are missing).
set -euo pipefail
TG=$1
WEB=${2:?web dir}
SRC=${TG_SOURCE_DIR:?}
cd "$SRC"
for need in /usr/bin/chromium "$(command -v node || echo node)" node_modules/playwright-core/package.json; do
  [ -e "$need" ] || { echo "FAIL: $need missing; run scripts/deps.sh" >&2; exit 1; }
done
TMP=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
DB=${TG_TEST_DB:-$TMP/console.db}  # TG_TEST_DB: a postgresql:// URL (pg_run.sh)
"$TG" lists load fixtures/lists/sample-csl.csv --db "$DB" >/dev/null
CO_TOKEN=$("$TG" token add --role compliance_officer --name officer --db "$DB" | tail -n 1)
EXP_TOKEN=$("$TG" token add --role exporter --name exporter --db "$DB" | tail -n 1)
ADM_TOKEN=$("$TG" token add --role admin --name admin --db "$DB" | tail -n 1)
LIC_TOKEN=$("$TG" token add --role licensing_officer --name licensing --db "$DB" | tail -n 1)
AUD_TOKEN=$("$TG" token add --role auditor --name auditor --db "$DB" | tail -n 1)
ACME_TOKEN=$("$TG" token add --role exporter --name "Acme Accelerators Inc." --db "$DB" | tail -n 1)
# State for the shipment and ledger pages: a licence, a certificate, US volume, a decided order and one
# released shipment (its charges accrue to the ledger).
"$TG" license add examples/state/license-acme-cn.json --db "$DB" >/dev/null
"$TG" inspect record examples/state/cert-h200-pass.json --db "$DB" >/dev/null
"$TG" us-volume record --exporter "Acme Accelerators Inc." nvidia-h200-sxm 100 --period 2026-01 --db "$DB" >/dev/null
"$TG" check --db "$DB" examples/orders/01-h200-china-cbc.json >/dev/null || true
"$TG" ship examples/state/ship-001.json --db "$DB" >/dev/null
"$TG" serve --db "$DB" --listen 127.0.0.1:0 --web "$WEB" --access-log off >"$TMP/out" 2>"$TMP/err" &
pid=$!
for _ in $(seq 100); do grep -q listening "$TMP/out" 2>/dev/null && break; sleep 0.05; done
URL=$(sed -n 's/^tollgate: listening on //p' "$TMP/out")
[ -n "$URL" ] || { echo "FAIL: serve did not start"; cat "$TMP/err"; exit 1; }
mkdir -p tests/artifacts && rm -f tests/artifacts/FAILED-*.png
TG_URL=$URL TG_CO_TOKEN=$CO_TOKEN TG_EXP_TOKEN=$EXP_TOKEN TG_ADM_TOKEN=$ADM_TOKEN \
  TG_LIC_TOKEN=$LIC_TOKEN TG_AUD_TOKEN=$AUD_TOKEN TG_ACME_TOKEN=$ACME_TOKEN TG_ARTIFACTS=$SRC/tests/artifacts \
  timeout 150 node web/tests/console.test.mjs
