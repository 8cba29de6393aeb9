# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash
# Sourced by run-tests.sh and run-bench.sh: a throwaway PostgreSQL cluster
# (pg-test-cluster.sh) for the suite's server run, named to the tests by
# HEARSAY_TEST_PG. Without PostgreSQL, or with HEARSAY_TEST_PG already set
# (a server of your own), nothing is started; the server tests then skip
# with a message, or use that server.

hearsay_pg_dir=""

hearsay_start_pg() {
  local here conninfo status
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  if [ -n "${HEARSAY_TEST_PG:-}" ]; then
    echo "pg-test: using HEARSAY_TEST_PG=$HEARSAY_TEST_PG" >&2
    return 0
  fi
  hearsay_pg_dir=$(mktemp -d /tmp/hearsay-pg-XXXXXX)
  # The server runs as another user, who must reach the cluster inside.
  chmod 0755 "$hearsay_pg_dir"
  conninfo=$("$here/pg-test-cluster.sh" start "$hearsay_pg_dir/cluster")
  status=$?
  if [ "$status" -ne 0 ]; then
    rm -rf "$hearsay_pg_dir"
    hearsay_pg_dir=""
    echo "pg-test: no PostgreSQL server for the tests — the server (-pg) tests are SKIPPED" >&2
    return 0
  fi
  export HEARSAY_TEST_PG="$conninfo"
  trap 'hearsay_stop_pg; hearsay_stop_xvfb 2>/dev/null || true' EXIT
  echo "pg-test: PostgreSQL cluster at $hearsay_pg_dir/cluster" >&2
}

hearsay_stop_pg() {
  if [ -n "$hearsay_pg_dir" ]; then
    "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/pg-test-cluster.sh" stop "$hearsay_pg_dir/cluster"
    rm -rf "$hearsay_pg_dir"
    hearsay_pg_dir=""
    unset HEARSAY_TEST_PG
  fi
}
