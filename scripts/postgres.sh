#!/usr/bin/env bash
# Throw-away PostgreSQL cluster on 127.0.0.1 for the test suite (Debian's postgresql package, root).
#
#   postgres.sh install   apt-get install postgresql (skipped if present)
#   postgres.sh start     initdb + start on $PG_PORT, create database "resourcehub"
#   postgres.sh stop      stop the server and delete its data
#   postgres.sh env       print the connection string the tests read
#
# Env: PG_DIR (/tmp/rh-postgres)  PG_PORT (55432)
set -euo pipefail
DIR=${PG_DIR:-/tmp/rh-postgres}
PORT=${PG_PORT:-55432}
log() { echo "postgres: $*" >&2; }

bin_dir() {
  local d; for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  return 1
}

as_postgres() { runuser -u postgres -- "$@"; }

install() {
  if bin_dir >/dev/null; then log "already installed"; return; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  log "installed"
}

start() {
  local bin; bin=$(bin_dir) || { log "not installed (run: $0 install)"; exit 1; }
  rm -rf "$DIR"; mkdir -p "$DIR"; chown postgres: "$DIR"
  as_postgres "$bin/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # tuned for throw-away test data: durability off, small footprint
  as_postgres "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
  as_postgres "$bin/createdb" -h 127.0.0.1 -p "$PORT" -U postgres resourcehub
  log "ready on 127.0.0.1:$PORT"
}

stop() {
  local bin; bin=$(bin_dir) || exit 0
  [ -d "$DIR/data" ] && as_postgres "$bin/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  env) echo "RESOURCEHUB_TEST_POSTGRES=Host=127.0.0.1;Port=$PORT;Username=postgres;Database=resourcehub" ;;
  *) echo "usage: $0 install|start|stop|env" >&2; exit 2 ;;
esac
