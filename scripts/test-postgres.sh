#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests, on loopback only.
#
#   scripts/test-postgres.sh start   # (re)creates the cluster, prints `export PEERMAP_TEST_PG_URL=...`
#   scripts/test-postgres.sh stop    # stops it and removes its files
#   scripts/test-postgres.sh url     # prints the URL only
#
# ctest runs `start` and `stop` as the `postgres` fixture (tests/store/CMakeLists.txt), so the
# storage tests always meet a fresh cluster. By hand:  eval "$(scripts/test-postgres.sh start)"
#
# The cluster listens on 127.0.0.1 only (port PEERMAP_TEST_PG_PORT, default 54329) and on a
# unix socket inside its own directory, /tmp/peermap-pg-<port>. Authentication is `trust`: it
# holds nothing but test data and is reachable only from this machine. As root, postgres runs as
# the `postgres` OS user (it refuses to run as root). The role `peermap` may create databases:
# each test makes its own. fsync stays on, as in production.
set -euo pipefail

port=${PEERMAP_TEST_PG_PORT:-54329}
bin=/usr/lib/postgresql/15/bin
dir=/tmp/peermap-pg-$port
data=$dir/data
log=$dir/postgres.log
url="postgresql://peermap@127.0.0.1:$port/peermap"

say() { echo "test-postgres: $*" >&2; }

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

require_binaries() {
  if [[ ! -x $bin/initdb || ! -x $bin/pg_ctl ]]; then
    say "PostgreSQL 15 is not installed ($bin); run scripts/install-deps.sh as root"
    exit 1
  fi
  if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    say "there is no 'postgres' OS user to run the server as; install the postgresql package"
    exit 1
  fi
}

stop_cluster() {
  if [[ -f $data/postmaster.pid ]]; then
    as_owner "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

psql_admin() {
  as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres "$@"
}

start_cluster() {
  require_binaries
  stop_cluster  # a cluster left by an earlier run is replaced: every run starts fresh
  if port_in_use; then
    say "port $port on 127.0.0.1 is taken by another program; set PEERMAP_TEST_PG_PORT"
    exit 1
  fi
  mkdir -p "$dir"
  chmod 700 "$dir"
  if [[ $(id -u) -eq 0 ]]; then chown postgres:postgres "$dir"; fi

  as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    --no-instructions >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  # Loopback only; the socket lives in our own directory, not /var/run/postgresql.
  as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=300" \
    start >/dev/null || {
    cat "$log" >&2
    exit 1
  }
  psql_admin -c "CREATE ROLE peermap LOGIN CREATEDB" -c "CREATE DATABASE peermap OWNER peermap"
  say "PostgreSQL 15 is running on 127.0.0.1:$port (files in $dir)"
  echo "export PEERMAP_TEST_PG_URL=$url"
}

case ${1:-} in
  start) start_cluster ;;
  stop)
    stop_cluster
    say "stopped"
    ;;
  url) echo "$url" ;;
  *)
    echo "usage: $0 start|stop|url" >&2
    exit 2
    ;;
esac
