#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Helpers for the state integration tests (sourced): fixtures for licences, orders, certificates and
# shipments, and assertions. Expects $TG (the binary) and $W (a scratch dir); exports TOLLGATE_DB.
fails=0
ok()   { echo "ok   - $*"; }
bad()  { echo "FAIL - $*"; fails=$((fails + 1)); }
# expect STATUS DESCRIPTION CMD...: run, compare the exit status, keep stdout/stderr in $W/out, $W/err.
expect() {
  local want=$1 what=$2; shift 2
  "$@" >"$W/out" 2>"$W/err"; local rc=$?
  if [ "$rc" = "$want" ]; then ok "$what"; else bad "$what (exit $rc, want $want)"; cat "$W/err"; fi
}
# has FILE TEXT DESCRIPTION
has() { if grep -q -- "$2" "$1"; then ok "$3"; else bad "$3: '$2' not in $1"; cat "$1"; fi; }
# dbx DB SQL: run SQL on DB, a SQLite path or a postgresql:// URL (TG_TEST_DB, pg_run.sh); q SQL: on $TOLLGATE_DB.
dbx() { case $1 in
  postgres*) psql -XAtq -v ON_ERROR_STOP=1 -d "$1" -c "$2" ;;
  *) sqlite3 "$1" "$2" ;;
esac; }
q() { dbx "$TOLLGATE_DB" "$1"; }
# db_copy DB NAME: copy DB (no one may have it open) and print the copy: $W/NAME.db, or the database
# <DB's name>_NAME in DB's cluster (replaced if it exists).
db_copy() { case $1 in
  postgres*) local n="${1##*/}_$2"
    psql -XAtq -d "${1%/*}/postgres" -c "DROP DATABASE IF EXISTS $n" -c "CREATE DATABASE $n TEMPLATE ${1##*/}" >/dev/null &&
      echo "${1%/*}/$n" ;;
  *) rm -f "$W/$2.db"; sqlite3 "$1" ".backup $W/$2.db" && echo "$W/$2.db" ;;
esac; }
# db_drop DB: remove a copy made by db_copy.
db_drop() { case $1 in
  postgres*) psql -XAtq -d "${1%/*}/postgres" -c "DROP DATABASE IF EXISTS ${1##*/}" >/dev/null ;;
  *) rm -f "$1" ;;
esac; }

# license ID QTY VALUE VALID_TO [UNIT] [CONSIGNEE]
license() {
  cat >"$W/lic-$1.json" <<J
{"id":"$1","holder":"Acme Accelerators Inc.","destination":"CN",
 "consignees":["${6:-Hangzhou Yunfan Compute Co., Ltd.}"],"end_users":["Yunfan AI Research Lab"],
 "items":[{"item":"nvidia-h200-sxm","quantity":$2,"value":"$3","currency":"USD","unit":"${5:-number}"}],
 "valid_from":"2026-01-20","valid_to":"$4","conditions":["us_third_party_test","us_kyc_remote_access"],
 "provisos":"test licence","covers":["US-EAR","CN-IMPORT"]}
J
  echo "$W/lic-$1.json"
}
# order ID QTY [CONSIGNEE] [DATE]
order() {
  cat >"$W/ord-$1.json" <<J
{"id":"$1","date":"${4:-2026-02-16}","exporter":{"name":"Acme Accelerators Inc.","country":"US"},"ship_from":"US",
 "destination":"CN","parties":[{"role":"ultimate_consignee","name":"${3:-Hangzhou Yunfan Compute Co., Ltd.}","country":"CN","sector":"private"},
 {"role":"end_user","name":"Yunfan AI Research Lab","country":"CN","sector":"research"}],"end_use":"datacenter",
 "lines":[{"item":"nvidia-h200-sxm","quantity":$2,"unit_value":"31000.00","currency":"USD"}]}
J
  echo "$W/ord-$1.json"
}
# serials PREFIX FROM TO -> "P-0001","P-0002",...
serials() { seq -f "\"$1-%04g\"" "$2" "$3" | paste -sd, -; }
# cert ID RESULT SERIALS_JSON [FP8] [BW] [ITEM]
cert() {
  cat >"$W/cert-$1.json" <<J
{"certificate_id":"$1","lab":"Independent Test Labs LLC","date":"2026-02-10","item":"${6:-nvidia-h200-sxm}",
 "serials":[$3],"measured":{"dense_tops":{"fp8":${4:-1975}},"dram_bandwidth_gbps":${5:-4790}},"result":"$2"}
J
  echo "$W/cert-$1.json"
}
# shipment ID ORDER LICENSE SERIALS_JSON [DATE]
shipment() {
  cat >"$W/shp-$1.json" <<J
{"shipment_id":"$1","order_id":"$2","license_id":"$3","date":"${5:-2026-02-20}",
 "lines":[{"item":"nvidia-h200-sxm","serials":[$4]}]}
J
  echo "$W/shp-$1.json"
}
