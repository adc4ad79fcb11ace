# SPDX-License-Identifier: Apache-2.0
# Throwaway PostgreSQL cluster on loopback for the pg tests (sourced). pg_start DIR sets PG_DSN (or
# returns 1 when the server binaries are absent); pg_stop stops it. Runs the server as `postgres`
# when we are root (initdb refuses root). Trust auth on 127.0.0.1 only, a free port, fsync on.
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PG_DIR=""; PG_DSN=""; PG_PORT=""

pg_as() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

pg_start() {
  [ -n "$PG_BIN" ] && [ -x "$PG_BIN/initdb" ] || return 1
  PG_DIR=$1/pg; mkdir -p "$PG_DIR"
  [ "$(id -u)" = 0 ] && chown -R postgres "$1"
  PG_PORT=$(pg_free_port)
  pg_as "$PG_BIN/initdb" -N -D "$PG_DIR/data" -U tollgate --auth=trust -E UTF8 --no-locale >"$1/initdb.log" 2>&1 || {
    cat "$1/initdb.log" >&2; return 2; }
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 30 \
    -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=60 -c shared_buffers=64MB" start >/dev/null || {
    cat "$PG_DIR/log" >&2; return 2; }
  PG_DSN="postgresql://tollgate@127.0.0.1:$PG_PORT/postgres"
}

# pg_newdb NAME: a fresh database; prints its DSN.
pg_newdb() {
  pg_as "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U tollgate "$1" && echo "postgresql://tollgate@127.0.0.1:$PG_PORT/$1"
}

pg_stop() {
  [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ] &&
    pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
  return 0
}

# pg_restart: crash-stop (immediate: no checkpoint, recovery on start) and start again, same port.
pg_restart() {
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
  pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 30 \
    -o "-h 127.0.0.1 -p $PG_PORT -k $PG_DIR -c max_connections=60 -c shared_buffers=64MB" start >/dev/null
}
