#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Licences, check integration, certificates and every shipment refusal reason, idempotency, and
# "a refused shipment changes nothing". Usage: test_state_ship.sh TOLLGATE_BINARY
set -u
TG=$1; W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
export TOLLGATE_DB=${TG_TEST_DB:-$W/t.db} TOLLGATE_ACTOR=tester
. "$(dirname "$0")/state_lib.sh"
command -v sqlite3 >/dev/null || { echo "skipped: sqlite3 CLI absent"; exit 0; }

# Licences and check
expect 0 "licence add" $TG license add "$(license L1 100 3100000.00 2030-01-19)"
expect 0 "licence add again is idempotent" $TG license add "$W/lic-L1.json"
sed 's/"quantity":100/"quantity":101/' "$W/lic-L1.json" >"$W/lic-L1b.json"
expect 2 "licence add with other content conflicts" $TG license add "$W/lic-L1b.json"
license LBAD 1 1.00 2030-01-19 >/dev/null; sed -i 's/"USD"/"usd"/' "$W/lic-LBAD.json"
expect 2 "licence with bad currency is invalid" $TG license add "$W/lic-LBAD.json"
has "$W/err" "currency" "bad currency names the field"
expect 0 "check covered order" $TG check --json "$(order O1 20)"
has "$W/out" '"verdict":"allow"' "covered order is allowed"
has "$W/out" '"license":{"id":"L1"' "decision carries the licence id"
expect 0 "check order with unknown consignee" $TG check --json "$(order O2 5 'Shadow Trading Ltd')"
has "$W/out" '"verdict":"license_required"' "unknown consignee stays license_required"
has "$W/out" "consignee 'Shadow Trading Ltd' is not approved" "reason names the consignee"
expect 0 "check order over licence quantity" $TG check --json "$(order O3 500)"
has "$W/out" "quantity of nvidia-h200-sxm: 500 requested, 100 remaining" "reason names the quantity"
expect 0 "check order after licence end" $TG check --json "$(order O4 5 'Hangzhou Yunfan Compute Co., Ltd.' 2030-06-01)"
has "$W/out" "outside the licence's validity" "reason names the validity"
# Certificates
expect 0 "passing certificate" $TG inspect record "$(cert C1 pass "$(serials S 1 40)")"
expect 0 "failing certificate recorded" $TG inspect record "$(cert C2 fail "$(serials F 1 2)")"
expect 2 "contradicting certificate rejected" $TG inspect record "$(cert C3 pass "$(serials X 1 2)" 1500)"
has "$W/err" "tpp_mismatch" "rejection names tpp_mismatch"
expect 2 "certificate of a part over the gate rejected" $TG inspect record "$(cert C4 pass "$(serials B 1 2)" 4500 8000 nvidia-b200)"
has "$W/err" "gate_bandwidth" "rejection names the gate"
[ "$(q "select count(*) from certificates where certificate_id in ('C3','C4')")" = 0 ] && ok "rejected certificates not recorded" || bad "rejected certificate recorded"
# Volume cap first: no US volume yet
expect 2 "volume cap refuses without US volume" $TG ship "$(shipment SH1 O1 L1 "$(serials S 1 4)")"
has "$W/err" "volume_cap" "refusal names volume_cap"
expect 0 "US volume recorded" $TG us-volume record --exporter "Acme Accelerators Inc." nvidia-h200-sxm 24 --period 2026-01
expect 0 "shipment released" $TG ship --json "$W/shp-SH1.json"
has "$W/out" '"status":"released"' "receipt says released"
has "$W/out" '"amount":"31000.00"' "receipt carries the 25% charge of 4 x 31000"
expect 0 "same shipment again is idempotent" $TG ship --json "$W/shp-SH1.json"
has "$W/out" '"replayed":true' "replay is marked"
cp "$W/shp-SH1.json" "$W/shp-SH1-orig.json"
expect 2 "same id, other content conflicts" $TG ship "$(shipment SH1 O1 L1 "$(serials S 5 6)")"
has "$W/err" "different content" "conflict explained"
audit_before=$(q "select count(*) from audit_log"); used_before=$(q "select qty_used from license_items where license_id='L1'")
expect 2 "serial shipped twice, missing and failed certificate, volume cap: all reported" \
  $TG ship "$(shipment SH2 O1 L1 "\"S-0004\",\"Z-0001\",\"F-0001\",$(serials S 5 12)")"
has "$W/err" "serial_shipped" "reason serial_shipped"
has "$W/err" "certificate_missing" "reason certificate_missing"
has "$W/err" "certificate_failed" "reason certificate_failed"
has "$W/err" "volume_cap" "reason volume_cap (4 + 11 > 12)"
[ "$(q "select count(*) from audit_log")" = "$audit_before" ] && ok "refusal appends no audit entry" || bad "refusal audited"
[ "$(q "select qty_used from license_items where license_id='L1'")" = "$used_before" ] && ok "refusal depletes nothing" || bad "refusal depleted"
[ "$(q "select count(*) from shipments where shipment_id='SH2'")" = 0 ] && ok "refused shipment absent" || bad "refused shipment present"
expect 2 "order not allowed" $TG ship "$(shipment SH3 O2 L1 "$(serials S 13 13)")"
has "$W/err" "order_not_allowed" "reason order_not_allowed"
expect 2 "order not recorded" $TG ship "$(shipment SH4 NOPE L1 "$(serials S 13 13)")"
has "$W/err" "order_not_recorded" "reason order_not_recorded"
expect 2 "shipment beyond licence validity" $TG ship "$(shipment SH5 O1 L1 "$(serials S 13 13)" 2030-02-01)"
has "$W/err" "license_expired" "reason license_expired"
# Over quantity and over value on a small licence (two orders checked before either ships)
$TG us-volume record --exporter "Acme Accelerators Inc." nvidia-h200-sxm 1000 --period 2026-01 >/dev/null
$TG license revoke L1 --reason "replaced by L2 and L3" >/dev/null && ok "licence revoked" || bad "revoke"
expect 2 "revoked licence refuses" $TG ship "$(shipment SH6 O1 L1 "$(serials S 13 13)")"
has "$W/err" "license_revoked" "reason license_revoked"
$TG license add "$(license L2 10 1000000.00 2030-01-19)" >/dev/null
$TG check "$(order Q1 6)" >/dev/null; $TG check "$(order Q2 5)" >/dev/null
expect 0 "ship 6 of 10" $TG ship "$(shipment SQ1 Q1 L2 "$(serials S 13 18)")"
expect 2 "ship 5 more of 10" $TG ship "$(shipment SQ2 Q2 L2 "$(serials S 19 23)")"
has "$W/err" "over_quantity" "reason over_quantity"
$TG license add "$(license L3 100 100000.00 2030-01-19 value)" >/dev/null
$TG license revoke L2 --reason "test" >/dev/null
$TG check "$(order V1 3)" >/dev/null; $TG check "$(order V2 1)" >/dev/null
expect 0 "ship 93000 of 100000 (value licence)" $TG ship "$(shipment SV1 V1 L3 "$(serials S 24 26)")"
expect 2 "ship 31000 more" $TG ship "$(shipment SV2 V2 L3 "$(serials S 27 27)")"
has "$W/err" "over_value" "reason over_value"
expect 0 "licence balances shown" $TG license show L3 --json
has "$W/out" '"shipped_quantity":3' "licence shows what shipped"
[ "$(q "select count(*) from licenses l join license_items i on i.license_id=l.id where i.qty_used <> (select coalesce(sum(quantity),0) from shipment_lines sl join shipments s on s.shipment_id=sl.shipment_id where s.license_id=l.id)")" = 0 ] \
  && ok "licence balances equal caps minus shipped" || bad "licence balances drifted"
# Trace and diversion
expect 0 "trace a shipped serial" $TG trace --json S-0024
has "$W/out" '"shipment_id":"SV1"' "trace names the shipment"
has "$W/out" '"certificate_id":"C1"' "trace names the certificate"
has "$W/out" '"consignee":"Hangzhou Yunfan Compute Co., Ltd."' "trace names the consignee"
expect 0 "report seen at its destination" $TG trace report S-0024 --seen-at CN --note "site visit" --json
has "$W/out" '"flagged":false' "not flagged at its destination"
expect 0 "report seen elsewhere" $TG trace report S-0024 --seen-at SG --note "listed for resale in Singapore" --json
has "$W/out" '"flagged":true' "flagged outside its destination"
has "$W/out" '"under_review":true' "licence under review"
$TG check "$(order V3 1)" --json >"$W/out"
has "$W/out" "under review after a diversion report" "check no longer uses a licence under review"
expect 2 "trace report of a never-shipped serial" $TG trace report S-0039 --seen-at SG
expect 2 "trace of an unknown serial" $TG trace NOPE-1
[ "$(q "select count(*) from review_flags where subject_kind in ('license','consignee')")" = 2 ] && ok "licence and consignee flagged" || bad "flags"
expect 0 "audit chain verifies" $TG audit verify
[ $fails = 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "all passed"
