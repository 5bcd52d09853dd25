#!/usr/bin/env bash
# Starts or stops a throw-away PostgreSQL server for tests (no Docker here).
#   scripts/pg-test-server.sh start [PORT]   prints the TEST_DATABASE_URL to use
#   scripts/pg-test-server.sh stop
# Root may not run the server, so it runs as the postgres user from a directory it owns.
set -euo pipefail
cmd=${1:-start}
port=${2:-${PGPORT_TEST:-55432}}
base=${PG_TEST_DIR:-/tmp/rba-pg-test}
data="$base/data"
sock="$base/sock"

# find_bin, as_postgres
source "$(dirname "${BASH_SOURCE[0]}")/pg-bin.sh"

ensure_installed() {
  if ! find_bin initdb >/dev/null 2>&1 || ! find_bin pg_ctl >/dev/null 2>&1; then
    echo "Installing PostgreSQL from Debian's packages..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
  fi
}

case "$cmd" in
  start)
    ensure_installed
    initdb=$(find_bin initdb)
    pg_ctl=$(find_bin pg_ctl)
    if [[ -f "$data/postmaster.pid" ]]; then as_postgres "$pg_ctl" -D "$data" -m immediate stop >&2 || true; fi
    rm -rf "$base"
    mkdir -p "$data" "$sock"
    if [[ $(id -u) -eq 0 ]]; then chown -R postgres:postgres "$base"; fi
    as_postgres "$initdb" -D "$data" --auth=trust --username=postgres --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    as_postgres "$pg_ctl" -D "$data" -l "$base/server.log" -w \
      -o "-p $port -k $sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >&2
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    pg_ctl=$(find_bin pg_ctl)
    [[ -d "$data" ]] && as_postgres "$pg_ctl" -D "$data" -m fast stop >&2 || true
    rm -rf "$base"
    ;;
  *)
    echo "usage: $0 start|stop [PORT]" >&2
    exit 2
    ;;
esac
