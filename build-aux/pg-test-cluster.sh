#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# A throwaway PostgreSQL cluster for the tests and benchmarks: initdb and
# pg_ctl on a Unix socket in a temporary folder, no TCP port.
#
#   build-aux/pg-test-cluster.sh start DIR   prints the libpq keyword string
#                                            to reach it (database hearsay_test)
#   build-aux/pg-test-cluster.sh stop DIR    stops it and removes DIR
#
# As root, the server runs as an unprivileged user: "postgres" when the
# system has it (the postgresql packages create it), else a system user
# "hearsay-pgtest" created for it. Exit status 3: PostgreSQL is not
# installed (the callers then skip the server tests, with a message).
set -euo pipefail

action=${1:-}
dir=${2:-}
if [ -z "$action" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi

find_bindir() {
  local b
  if command -v pg_config >/dev/null 2>&1; then
    b=$(pg_config --bindir 2>/dev/null || true)
    if [ -x "$b/initdb" ]; then echo "$b"; return 0; fi
  fi
  for b in /usr/lib/postgresql/*/bin /usr/local/pgsql/bin; do
    if [ -x "$b/initdb" ]; then echo "$b"; return 0; fi
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

shim=""

run_as() {
  if [ "$(id -u)" -eq 0 ]; then
    if [ -n "$shim" ]; then
      runuser -u "$pg_user" -- env LD_PRELOAD="$shim" HEARSAY_PG_USER="$pg_user" "$@"
    else
      runuser -u "$pg_user" -- "$@"
    fi
  else
    "$@"
  fi
}

# Some sandboxes let no unprivileged user read /etc (passwd, nsswitch.conf):
# initdb and postgres then cannot learn their own name. A small preload
# (pg-passwd-shim.c) answers for that one user.
need_shim() {
  local here
  here=$(cd "$(dirname "$0")" && pwd)
  if [ "$(id -u)" -ne 0 ] || runuser -u "$pg_user" -- id -un >/dev/null 2>&1; then
    return 0
  fi
  shim="$dir/passwd-shim.so"
  cc -shared -fPIC -O2 -o "$shim" "$here/pg-passwd-shim.c"
  chmod 0755 "$shim"
  echo "$shim" >"$dir/shim"
}

pick_user() {
  pg_user=$(id -un 2>/dev/null || echo "")
  if [ "$(id -u)" -ne 0 ]; then
    return 0
  fi
  if id postgres >/dev/null 2>&1; then
    pg_user=postgres
  else
    if ! id hearsay-pgtest >/dev/null 2>&1; then
      useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin hearsay-pgtest
    fi
    pg_user=hearsay-pgtest
  fi
}

case "$action" in
  start)
    if ! bindir=$(find_bindir); then
      echo "pg-test-cluster: PostgreSQL is not installed (no initdb)" >&2
      exit 3
    fi
    pick_user
    mkdir -p "$dir"
    chmod 0755 "$dir"
    if [ "$(id -u)" -eq 0 ]; then
      chown "$pg_user" "$dir"
    fi
    need_shim
    log="$dir/server.log"
    run_as "$bindir/initdb" -D "$dir/data" -A trust -U hearsay --encoding=UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # fsync off: a throwaway cluster; max_connections for six benchmark clients and the tests.
    run_as "$bindir/pg_ctl" -D "$dir/data" -l "$log" -w -t 60 \
      -o "-k $dir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null || { cat "$log" >&2; exit 1; }
    run_as "$bindir/createdb" -h "$dir" -U hearsay -E UTF8 -T template0 hearsay_test
    echo "$pg_user" >"$dir/owner"
    echo "$bindir" >"$dir/bindir"
    echo "host=$dir user=hearsay dbname=hearsay_test"
    ;;
  stop)
    if [ -f "$dir/bindir" ]; then
      bindir=$(cat "$dir/bindir")
      pg_user=$(cat "$dir/owner")
      if [ -f "$dir/shim" ]; then shim=$(cat "$dir/shim"); fi
      run_as "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
