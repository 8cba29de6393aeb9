#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: build-aux/run-bench.sh BUILDDIR
# Runs the benchmarks (meson benchmark(), suite "bench") and prints only
# their "bench:" and "floor:" lines.
set -uo pipefail

builddir=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)

# shellcheck source=build-aux/xvfb-env.sh
. "$here/xvfb-env.sh" || exit 1

# The server benchmarks' throwaway PostgreSQL cluster (skipped without one).
# shellcheck source=build-aux/pg-test-env.sh
. "$here/pg-test-env.sh"
hearsay_start_pg

out=$(meson test -C "$builddir" --benchmark --suite bench --verbose 2>&1)
status=$?
hearsay_stop_pg

if printf '%s\n' "$out" | grep -q 'No suitable tests defined\|No tests defined'; then
  exit 0
fi

printf '%s\n' "$out" | grep -E '^(bench|floor):'
exit "$status"
