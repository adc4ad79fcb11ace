#!/usr/bin/env bash
# Every kind of state change lands in the audit chain with its actor: the policy version, a list
# load, a screening override, a recorded decision; and the chain verifies.
set -u
tg=$1
src=${TG_SOURCE_DIR:?}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
db=${TG_TEST_DB:-$tmp/t.db}  # TG_TEST_DB: a postgresql:// URL (pg_run.sh)
fail() { echo "FAIL: $*"; exit 1; }
cd "$src"
TOLLGATE_ACTOR=loader "$tg" lists load fixtures/lists/sample-csl.csv --db "$db" >/dev/null || fail "lists load"
"$tg" screen override --party "Nordlicht Components GmbH" --list UVL --entity tg-sample-0005 \
  --decision false_positive --reason "different company, checked registry" --reviewer "ana (compliance)" --db "$db" \
  >/dev/null || fail "override"
TOLLGATE_ACTOR=checker "$tg" check --db "$db" --json examples/orders/26-review-list-party.json >"$tmp/d" || fail "check"
"$tg" audit export --db "$db" --from 2000-01-01 --to 2999-12-31 >"$tmp/a" || fail "export"
for k in policy list_load override decision; do
  grep -q "\"kind\":\"$k\"" "$tmp/a" || fail "no $k entry in the audit log: $(cat "$tmp/a")"
done
grep -q '"actor":"loader"' "$tmp/a" || fail "list load actor not recorded"
grep -q '"actor":"ana (compliance)"' "$tmp/a" || fail "override reviewer not recorded as actor"
grep -q '"actor":"checker"' "$tmp/a" || fail "decision actor not recorded"
"$tg" audit verify --db "$db" >/dev/null || fail "chain does not verify"
grep -q '"verdict":"allow"' "$tmp/d" || fail "false-positive override did not clear the UVL review: $(cat "$tmp/d")"
echo "ok: policy, list load, override and decision audited with their actors; chain verifies"
