#!/usr/bin/env bash
# Starts or stops a streaming read replica of a PostgreSQL server that scripts/pg-test-server.sh
# started (same Debian binaries, same user, no Docker):
#   scripts/pg-replica.sh start PRIMARY_PORT [REPLICA_PORT]   prints the replica's URL
#   scripts/pg-replica.sh stop
# The replica is a hot standby made with `pg_basebackup -R -X stream`: it replays the primary's
# WAL as it streams in and answers read-only queries. Its directory is PG_REPLICA_DIR
# (default /tmp/rba-pg-replica); the primary's user is postgres, trusted on 127.0.0.1.
set -euo pipefail
cmd=${1:-start}
primary_port=${2:-55432}
port=${3:-${PGPORT_REPLICA:-55433}}
base=${PG_REPLICA_DIR:-/tmp/rba-pg-replica}
data="$base/data"
sock="$base/sock"

# find_bin, as_postgres
source "$(dirname "${BASH_SOURCE[0]}")/pg-bin.sh"

case "$cmd" in
  start)
    psql=$(find_bin psql)
    pg_basebackup=$(find_bin pg_basebackup)
    pg_ctl=$(find_bin pg_ctl)
    primary=(-h 127.0.0.1 -p "$primary_port" -U postgres)
    if ! "$psql" "${primary[@]}" -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
      echo "No PostgreSQL answers on 127.0.0.1:$primary_port (start it with scripts/pg-test-server.sh)" >&2
      exit 1
    fi
    # What streaming needs on the primary. initdb's defaults already give it (wal_level=replica,
    # max_wal_senders=10, replication lines in pg_hba.conf); a server configured otherwise is
    # told what is missing rather than changed behind its back, except for the pg_hba.conf line.
    wal_level=$("$psql" "${primary[@]}" -d postgres -Atqc 'show wal_level')
    senders=$("$psql" "${primary[@]}" -d postgres -Atqc 'show max_wal_senders')
    if [[ "$wal_level" == "minimal" || "$senders" -lt 2 ]]; then
      echo "The primary needs wal_level=replica and max_wal_senders >= 2 (it has $wal_level, $senders); restart it with them" >&2
      exit 1
    fi
    hba=$("$psql" "${primary[@]}" -d postgres -Atqc 'show hba_file')
    has_line=$("$psql" "${primary[@]}" -d postgres -Atqc \
      "select count(*) from pg_hba_file_rules where 'replication' = any(database) and type = 'host' and (address = '127.0.0.1' or address is null)")
    if [[ "$has_line" == "0" ]]; then
      echo "host replication all 127.0.0.1/32 trust" | as_postgres tee -a "$hba" >/dev/null
      "$psql" "${primary[@]}" -d postgres -Atqc 'select pg_reload_conf()' >/dev/null
    fi

    if [[ -f "$data/postmaster.pid" ]]; then as_postgres "$pg_ctl" -D "$data" -m immediate stop >&2 || true; fi
    rm -rf "$base"
    mkdir -p "$base" "$sock"
    if [[ $(id -u) -eq 0 ]]; then chown -R postgres:postgres "$base"; fi
    # -R writes standby.signal and primary_conninfo; -X stream copies the WAL written meanwhile.
    as_postgres "$pg_basebackup" "${primary[@]}" -D "$data" -R -X stream -c fast >&2
    as_postgres "$pg_ctl" -D "$data" -l "$base/server.log" -w -t 60 \
      -o "-p $port -k $sock -c listen_addresses=127.0.0.1 -c hot_standby=on -c hot_standby_feedback=on -c fsync=off -c max_connections=200" \
      start >&2
    # pg_ctl -w returns once the standby accepts connections; wait until it answers reads too.
    for _ in $(seq 1 100); do
      if [[ $("$psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -Atqc 'select pg_is_in_recovery()' 2>/dev/null || true) == "t" ]]; then
        echo "postgres://postgres@127.0.0.1:$port/postgres"
        exit 0
      fi
      sleep 0.2
    done
    echo "The replica on port $port did not accept read queries; its log:" >&2
    tail -n 20 "$base/server.log" >&2 || true
    exit 1
    ;;
  stop)
    pg_ctl=$(find_bin pg_ctl)
    [[ -d "$data" ]] && as_postgres "$pg_ctl" -D "$data" -m fast stop >&2 || true
    rm -rf "$base"
    ;;
  *)
    echo "usage: $0 start PRIMARY_PORT [REPLICA_PORT] | stop" >&2
    exit 2
    ;;
esac
