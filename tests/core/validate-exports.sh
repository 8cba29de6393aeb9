#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes one export per format with test-export-formats and checks it with the
# standards' own validators. Exit 77 (skipped) when a validator or its tools
# are missing, or when the W3C one cannot install ajv (no network).
set -uo pipefail
TEST_BIN=$1 VALIDATORS=$2
for tool in xmllint python3 node npm; do
  command -v "$tool" >/dev/null || { echo "skip: $tool not found"; exit 77; }
done
[ -x "$VALIDATORS/validate-tei.sh" ] || { echo "skip: no validators in $VALIDATORS"; exit 77; }
OUT=$(mktemp -d /tmp/hearsay-validate.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
"$TEST_BIN" --write-samples "$OUT" >/dev/null || exit 1
rc=0
"$VALIDATORS/validate-tei.sh" "$OUT/export.tei.xml" || rc=1
"$VALIDATORS/validate-qdpx.sh" "$OUT/export.qdpx" || rc=1
"$VALIDATORS/validate-qdpx.sh" "$OUT/export.qdc" || rc=1
"$VALIDATORS/validate-w3c.sh" "$OUT/export.jsonld"
case $? in
  0) ;;
  2) echo "skip: the W3C validator could not be set up"; [ $rc -eq 0 ] && exit 77 ;;
  *) rc=1 ;;
esac
exit $rc
