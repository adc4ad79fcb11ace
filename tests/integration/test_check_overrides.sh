#!/usr/bin/env bash
# check with a reviewer's override: a false-positive decision on (party, list entry) stops check
# raising that hit for that party; it comes back when the entry's key fields change.
set -u
tg=$1
src=${TG_SOURCE_DIR:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
db=${TG_TEST_DB:-$tmp/t.db}  # TG_TEST_DB: a postgresql:// URL (pg_run.sh)
fail() { echo "FAIL: $*"; exit 1; }
"$tg" lists load "$src/tests/resources/lists/csl_small.csv" --db "$db" >/dev/null || fail "lists load"
python3 - "$src/examples/orders/17-h100-germany.json" "$tmp" <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
o["parties"] = [{"role": "end_user", "name": "Imran Zafar", "country": "DE"}]
for i in range(1, 4):
    o["id"] = "OV-%d" % i
    open("%s/o%d.json" % (sys.argv[2], i), "w").write(json.dumps(o))
PY
out=$("$tg" check --db "$db" --json "$tmp/o1.json")
echo "$out" | grep -q '"entity_id":"t2"' || fail "no hit on SDN t2 before the override: $out"
"$tg" screen override --db "$db" --party "Imran Zafar" --list SDN --entity t2 --decision false_positive \
  --reason "other person: date of birth differs" --reviewer alice >/dev/null || fail "override"
out=$("$tg" check --db "$db" --json "$tmp/o2.json")
echo "$out" | grep -q '"entity_id":"t2"' && fail "hit on SDN t2 raised despite the false-positive override: $out"
echo "$out" | grep -q '"verdict":"allow"' || fail "order not allowed after the override: $out"
sed 's/IMRAN ZAFAR; ZAFAR, Imran/IMRAN ZAFAR; ZAFAR, Imran; ZAFAR, I./' "$src/tests/resources/lists/csl_small.csv" \
  >"$tmp/changed.csv"
"$tg" lists load "$tmp/changed.csv" --db "$db" >/dev/null || fail "load changed list"
out=$("$tg" check --db "$db" --json "$tmp/o3.json")
echo "$out" | grep -q '"entity_id":"t2"' || fail "hit not back after the entry changed: $out"
echo "ok: false-positive override holds in check until the entry changes"
