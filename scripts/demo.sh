#!/usr/bin/env bash
# The check demo (formerly `make run`, now `make demo`): load the bundled sample restricted-party
# list into the default SQLite store and check every bundled example order, printing the decisions.
set -euo pipefail
tg=${1:-build/cmd/tollgate/tollgate}
cd "$(dirname "$0")/.."
db=$(TOLLGATE_DB=${TOLLGATE_DB:-} "$tg" --version >/dev/null && echo "${TOLLGATE_DB:-./var/tollgate.db}")
echo "== store: $db"
echo "== loading the sample list (fixtures/lists/sample-csl.csv)"
"$tg" lists load fixtures/lists/sample-csl.csv --db "$db"
echo "== checking examples/orders.jsonl"
"$tg" check --db "$db" examples/orders.jsonl
