#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The PostgreSQL cluster the "pg" variants of the tests share (ctest fixture tg_pg): `start STATE`
# starts a throwaway cluster (pg_lib.sh: 127.0.0.1 and a unix socket in a fresh /tmp dir, trust auth)
# and writes STATE.<ctest pid>, a sourceable file naming it (pg_run.sh, another child of the same
# ctest, reads it: two ctest runs in one build dir get a cluster each); `stop STATE` stops it and
# removes its dir and the file. ctest runs stop after the last pg test even when tests fail; should
# ctest itself die first, a watchdog started with the cluster stops it when ctest's process is gone,
# and the next start stops any cluster whose ctest is gone. Without the PostgreSQL server binaries,
# the file records why and every pg variant reports "skipped".
# Usage: pg_fixture.sh start|stop STATE
set -u
cd "$(dirname "$0")" && HERE=$(pwd) && cd - >/dev/null
. "$HERE/pg_lib.sh"
what=${1:?usage: pg_fixture.sh start|stop STATE}; BASE=${2:?usage: pg_fixture.sh start|stop STATE}
STATE=$BASE.$PPID

# The server's CPU time so far (postmaster + reaped backends, /proc/PID/stat fields 14-17): the pg
# variants' cost on the server side, which ctest's timings do not see.
server_cpu() {
  local pid hz
  pid=$(head -1 "$PG_DIR/data/postmaster.pid" 2>/dev/null) && [ -r "/proc/$pid/stat" ] || return 0
  hz=$(getconf CLK_TCK)
  sed 's/.*) //' "/proc/$pid/stat" | awk -v hz="$hz" '{printf "server CPU: %.1f s user, %.1f s system\n", ($12 + $14) / hz, ($13 + $15) / hz}'
}

# stop FILE: stop the cluster FILE names, remove its dir and FILE.
stop() {
  [ -f "$1" ] || return 0
  local PG_ROOT="" PG_DIR=""
  . "$1"
  [ -n "$PG_ROOT" ] && { server_cpu; pg_stop; rm -rf "$PG_ROOT"; }
  rm -f "$1"
}

case $what in
start)
  for f in "$BASE".*; do # clusters left by interrupted runs
    [ -f "$f" ] && ! kill -0 "${f##*.}" 2>/dev/null && stop "$f" >/dev/null
  done
  stop "$STATE"
  mkdir -p "$(dirname "$STATE")"
  if [ -z "$PG_BIN" ]; then
    echo "PG_SKIP='no PostgreSQL server binaries (/usr/lib/postgresql/*/bin)'" >"$STATE"
    echo "skipped: no PostgreSQL server binaries; the pg variants will report skipped"; exit 0
  fi
  root=$(mktemp -d /tmp/tollgate-pgfix.XXXXXX); chmod 755 "$root"
  pg_start "$root" || { echo "FAIL - cannot start a PostgreSQL cluster"; pg_stop; rm -rf "$root"; exit 1; }
  printf 'PG_ROOT=%q\nPG_DIR=%q\nPG_PORT=%q\nPG_DSN=%q\n' "$root" "$PG_DIR" "$PG_PORT" "$PG_DSN" >"$STATE.tmp" &&
    mv "$STATE.tmp" "$STATE"
  # Watchdog: when ctest (our parent) is gone and the cluster is still there, stop it.
  parent=$PPID
  setsid bash -c 'while kill -0 "$1" 2>/dev/null && [ -f "$2" ]; do sleep 2; done
    [ -f "$2" ] && . "$3" && . "$2" && pg_stop && rm -rf "$PG_ROOT" "$2"' watchdog "$parent" "$STATE" "$HERE/pg_lib.sh" \
    </dev/null >/dev/null 2>&1 &
  echo "cluster on 127.0.0.1:$PG_PORT (socket dir $PG_DIR), state in $STATE"
  ;;
stop) stop "$STATE"; echo "cluster stopped" ;;
*) echo "usage: pg_fixture.sh start|stop STATE" >&2; exit 2 ;;
esac
