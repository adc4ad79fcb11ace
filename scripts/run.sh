#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job of `make run`: `tollgate serve` on 127.0.0.1:8080 (TOLLGATE_LISTEN overrides) over the
# default SQLite store. On first start it loads the sample restricted-party list and creates one
# token per console role, printed once and kept beside the database in first-start-tokens.txt (mode 600).
# The old check-the-examples demo is scripts/demo.sh (`make demo`).
set -euo pipefail
tg=${1:-build/cmd/tollgate/tollgate}
cd "$(dirname "$0")/.."
db=${TOLLGATE_DB:-./var/tollgate.db}
listen=${TOLLGATE_LISTEN:-127.0.0.1:8080}
mkdir -p "$(dirname "$db")"

snaps=$("$tg" lists --db "$db" --json)
if [[ $snaps != *'"id":'* ]]; then
  echo "== first start: loading the sample list (fixtures/lists/sample-csl.csv) into $db"
  "$tg" lists load fixtures/lists/sample-csl.csv --db "$db"
fi
if [ -z "$("$tg" token list --db "$db")" ]; then
  tokens=$(dirname "$db")/first-start-tokens.txt
  umask 077
  : >"$tokens"
  for role in admin compliance_officer exporter auditor; do
    tok=$("$tg" token add --role "$role" --name "console-$role" --db "$db" | tail -n 1)
    printf '%-20s %s\n' "$role" "$tok" >>"$tokens"
  done
  echo "== first start: tokens (shown once; also in $tokens):"
  cat "$tokens"
fi
echo "== console and API: http://$listen/  (OpenAPI: /v1/openapi.json, metrics: /metrics; Ctrl-C stops)"
exec "$tg" serve --db "$db" --listen "$listen"
