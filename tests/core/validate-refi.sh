#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes test-export-refi's REFI-QDA exports and checks each with the
# standard's schemas and the extra checks of validate-qdpx.sh. Exit 77
# (skipped) when the validator or its tools are missing.
set -uo pipefail
TEST_BIN=$1 VALIDATORS=$2
for tool in xmllint python3; do
  command -v "$tool" >/dev/null || { echo "skip: $tool not found"; exit 77; }
done
[ -x "$VALIDATORS/validate-qdpx.sh" ] || { echo "skip: no validators in $VALIDATORS"; exit 77; }
OUT=$(mktemp -d /tmp/hearsay-validate-refi.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
"$TEST_BIN" --write-samples "$OUT" >/dev/null || exit 1
rc=0
for f in "$OUT"/*.qdpx "$OUT"/*.qdc; do
  "$VALIDATORS/validate-qdpx.sh" "$f" || rc=1
done
exit $rc
