# Shared by scripts/pg-test-server.sh and scripts/pg-replica.sh (sourced, not run): where
# Debian's PostgreSQL binaries are, and running them as the postgres user when we are root
# (root may not run the server).

find_bin() {
  local name=$1
  for dir in /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/$name" ]] && { echo "$dir/$name"; return 0; }
  done
  command -v "$name" || return 1
}

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
