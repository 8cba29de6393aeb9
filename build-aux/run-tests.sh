#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Usage: build-aux/run-tests.sh BUILDDIR [MESON-TEST-ARGS…]
# Runs the meson test suite (under Xvfb if there is no display) and ends
# with one summary line: "N passed, N failed[, N skipped][, N todo]" (todo:
# TAP "# TODO" results, known defects that do not fail the run). With
# HEARSAY_TEST_COUNTS=FILE, also appends "PASSED FAILED SKIPPED TODO" to
# FILE, for .ci/run's total over its lanes.
set -uo pipefail

builddir=${1:-build}
shift || true
here=$(cd "$(dirname "$0")" && pwd)

# shellcheck source=build-aux/xvfb-env.sh
. "$here/xvfb-env.sh" || exit 1

# shellcheck source=build-aux/pg-test-env.sh
. "$here/pg-test-env.sh"
hearsay_start_pg

rm -f "$builddir/meson-logs/testlog.json"
meson test -C "$builddir" --print-errorlogs --no-rebuild --num-processes 2 "$@"
status=$?

hearsay_stop_pg

python3 - "$builddir/meson-logs/testlog.json" "$status" "${HEARSAY_TEST_COUNTS:-}" <<'PY'
import json, re, sys

path, status, counts = sys.argv[1], int(sys.argv[2]), sys.argv[3]
passed = failed = skipped = todo = 0
try:
    with open(path, encoding='utf-8', errors='replace') as f:
        lines = f.readlines()
except FileNotFoundError:
    lines = []

for line in lines:
    line = line.strip()
    if not line:
        continue
    try:
        test = json.loads(line)
    except ValueError:
        continue
    tap = 0
    for out in (test.get('stdout') or '').splitlines():
        if out.startswith('ok ') or out.startswith('not ok '):
            tap += 1
            if re.search(r'#\s*skip', out, re.IGNORECASE):
                skipped += 1
            elif re.search(r'#\s*todo', out, re.IGNORECASE):
                todo += 1
            elif out.startswith('ok '):
                passed += 1
            else:
                failed += 1
    # A program that stopped (Bail out!, a crash) failed, whatever it printed.
    if tap > 0 and test.get('result') not in ('OK', 'SKIP', 'EXPECTEDFAIL') and \
            not any(l.startswith('not ok ') and not re.search(r'#\s*todo', l, re.IGNORECASE)
                    for l in (test.get('stdout') or '').splitlines()):
        failed += 1
    if tap == 0:
        result = test.get('result')
        if result == 'OK':
            passed += 1
        elif result == 'SKIP':
            skipped += 1
        else:
            failed += 1

summary = f'{passed} passed, {failed} failed'
if skipped:
    summary += f', {skipped} skipped'
if todo:
    summary += f', {todo} todo'
if counts:
    with open(counts, 'a', encoding='utf-8') as f:
        f.write(f'{passed} {failed} {skipped} {todo}\n')
sys.stdout.flush()
print(summary)
sys.exit(1 if (status != 0 or failed > 0) else 0)
PY
summary_status=$?

if [ "$status" -ne 0 ] || [ "$summary_status" -ne 0 ]; then
  exit 1
fi
exit 0
