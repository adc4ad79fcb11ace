#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The PostgreSQL cluster the "pg" variants of the tests share (ctest fixture tg_pg): `start STATE`
# starts a throwaway cluster (pg_lib.sh: 127.0.0.1 and a unix socket in a fresh /tmp dir, trust auth)
# and writes STATE, a sourceable file naming it; `stop STATE` stops it and removes its dir and STATE.
# ctest runs stop after the last pg test even when tests fail; should ctest itself die first, a
# watchdog started with the cluster stops it when ctest's process is gone. Without the PostgreSQL
# server binaries, STATE records why and every pg variant reports "skipped".
# Usage: pg_fixture.sh start|stop STATE
set -u
cd "$(dirname "$0")" && HERE=$(pwd) && cd - >/dev/null
. "$HERE/pg_lib.sh"
what=${1:?usage: pg_fixture.sh start|stop STATE}; STATE=${2:?usage: pg_fixture.sh start|stop STATE}

# The server's CPU time so far (postmaster + reaped backends, /proc/PID/stat fields 14-17): the pg
# variants' cost on the server side, which ctest's timings do not see.
server_cpu() {
  local pid hz
  pid=$(head -1 "$PG_DIR/data/postmaster.pid" 2>/dev/null) && [ -r "/proc/$pid/stat" ] || return 0
  hz=$(getconf CLK_TCK)
  sed 's/.*) //' "/proc/$pid/stat" | awk -v hz="$hz" '{printf "server CPU: %.1f s user, %.1f s system\n", ($12 + $14) / hz, ($13 + $15) / hz}'
}

stop() {
  [ -f "$STATE" ] || return 0
  local PG_ROOT=""
  . "$STATE"
  [ -n "$PG_ROOT" ] && { server_cpu; pg_stop; rm -rf "$PG_ROOT"; }
  rm -f "$STATE"
}

case $what in
start)
  stop # a cluster left by an interrupted run
  mkdir -p "$(dirname "$STATE")"
  if [ -z "$PG_BIN" ]; then
    echo "PG_SKIP='no PostgreSQL server binaries (/usr/lib/postgresql/*/bin)'" >"$STATE"
    echo "skipped: no PostgreSQL server binaries; the pg variants will report skipped"; exit 0
  fi
  root=$(mktemp -d /tmp/tgpg.XXXXXX); chmod 755 "$root"
  pg_start "$root" || { echo "FAIL - cannot start a PostgreSQL cluster"; pg_stop; rm -rf "$root"; exit 1; }
  printf 'PG_ROOT=%q\nPG_DIR=%q\nPG_PORT=%q\nPG_DSN=%q\n' "$root" "$PG_DIR" "$PG_PORT" "$PG_DSN" >"$STATE.tmp" &&
    mv "$STATE.tmp" "$STATE"
  # Watchdog: when ctest (our parent) is gone and the cluster is still there, stop it.
  parent=$PPID
  setsid bash -c 'while kill -0 "$1" 2>/dev/null && [ -f "$2" ]; do sleep 2; done
    [ -f "$2" ] && exec "$3" stop "$2"' watchdog "$parent" "$STATE" "$HERE/pg_fixture.sh" \
    </dev/null >/dev/null 2>&1 &
  echo "cluster on 127.0.0.1:$PG_PORT (socket dir $PG_DIR), state in $STATE"
  ;;
stop) stop; echo "cluster stopped" ;;
*) echo "usage: pg_fixture.sh start|stop STATE" >&2; exit 2 ;;
esac
