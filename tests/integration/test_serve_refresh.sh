#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Instances share one database: a list loaded by another process (here the CLI, as another instance
# would) reaches a running `tollgate serve`'s screener without a restart, within about a second; so does
# a new snapshot that drops the entry. Takes its database from TG_TEST_DB (SQLite file by default; a
# PostgreSQL URL in the _pg variant). Usage: test_serve_refresh.sh TOLLGATE_BINARY
set -u
TG=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
W=$(mktemp -d); trap 'kill $SP 2>/dev/null; wait $SP 2>/dev/null; rm -rf "$W"' EXIT
export TOLLGATE_DB=${TG_TEST_DB:-$W/t.db} TOLLGATE_DATA_DIR=${TG_SOURCE_DIR:-$(dirname "$0")/../..}
fails=0
ok() { echo "ok - $1"; }
bad() { echo "FAIL - $1"; fails=$((fails + 1)); }
list() { # list NAME ENTRY-NAME...: a tollgate JSON list file
  local f=$W/$1.json n=$1 sep='' e i=0; shift
  printf '{"format":"tollgate-list","version":1,"name":"refresh","list":"EL","entries":[' >"$f"
  for e in "$@"; do i=$((i + 1)); printf '%s{"id":"R-%d","name":"%s","countries":["CN"]}' "$sep" "$i" "$e" >>"$f"; sep=,; done
  printf ']}\n' >>"$f"; echo "$f"
}
"$TG" db migrate >/dev/null || { echo "FAIL - migrate"; exit 1; }
TOK=$("$TG" token add --role compliance_officer --name refresh-test | tail -n 1)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$TG" serve --listen "127.0.0.1:$PORT" --access-log off >"$W/out" 2>"$W/err" &
SP=$!
for _ in $(seq 300); do grep -q listening "$W/out" 2>/dev/null && break; sleep 0.05; done
grep -q listening "$W/out" || { echo "FAIL - serve did not start"; cat "$W/err"; exit 1; }
screen() {
  curl -s -H "Authorization: Bearer $TOK" -H 'Content-Type: application/json' \
    --data '{"name":"Quillon Vector Photonics","country":"CN"}' "http://127.0.0.1:$PORT/v1/screen"
}
# wait_for PATTERN present|absent: poll the screen route for up to 5 s.
wait_for() {
  local n
  for n in $(seq 50); do
    if screen | grep -q "$1"; then [ "$2" = present ] && return 0; else [ "$2" = absent ] && return 0; fi
    sleep 0.1
  done
  return 1
}
screen | grep -q '"hits":\[\]' && ok "no hit before any list" || bad "unexpected hit before any list: $(screen)"
"$TG" lists load "$(list a 'Quillon Vector Photonics Co., Ltd.' 'Other Name Trading')" >/dev/null || bad "load a"
wait_for '"entity_id":"R-1"' present && ok "a snapshot loaded by another process reaches the running screener" ||
  bad "the running instance did not pick up the new snapshot: $(screen)"
"$TG" lists load "$(list b 'Other Name Trading')" >/dev/null || bad "load b"
wait_for '"entity_id":"R-1"' absent && ok "a newer snapshot without the entry clears the hit" ||
  bad "the running instance kept the old snapshot: $(screen)"
echo "$fails failure(s)"
[ "$fails" = 0 ]
