#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes a brat export (test-export-brat --write-sample) and checks it:
#   reproduction  with brat-verify.py, Hearsay's reproduction of the checks of
#                 brat's annotation.py, projectconfig.py and
#                 verify_annotations.py; then shows that the checks bite (the
#                 export without its <OVERLAP> rule must fail);
#   real          with brat's own server/src/verify_annotations.py, when
#                 BRAT_DIR names a brat checkout and python2 runs it.
# Exit 77 (skipped) when the tools are missing.
set -uo pipefail
TEST_BIN=$1 VERIFY=$2 MODE=${3:-reproduction}
OUT=$(mktemp -d /tmp/hearsay-brat.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
"$TEST_BIN" --write-sample "$OUT/brat" >/dev/null || exit 1
case $MODE in
  reproduction)
    command -v python3 >/dev/null || { echo "skip: python3 not found"; exit 77; }
    python3 "$VERIFY" "$OUT/brat" || exit 1
    sed -i '/^<OVERLAP>/d' "$OUT/brat/annotation.conf"
    if python3 "$VERIFY" "$OUT/brat" >/dev/null; then
      echo "brat-verify.py accepted nested spans without an <OVERLAP> rule"
      exit 1
    fi
    ;;
  real)
    if [ -z "${BRAT_DIR:-}" ] || [ ! -f "$BRAT_DIR/server/src/verify_annotations.py" ]; then
      echo "skip: set BRAT_DIR to a brat checkout to run brat's own verify_annotations.py"
      exit 77
    fi
    PY2=$(command -v python2 || command -v python2.7) || { echo "skip: python2 not found"; exit 77; }
    # brat's verifier reads <stem>.txt beside each <stem>.ann: a second
    # annotator's <stem>_<annotator>.ann gets a copy of the text.
    for ann in "$OUT"/brat/*_*.ann; do
      [ -e "$ann" ] || continue
      name=$(basename "$ann" .ann)
      cp "$OUT/brat/${name%%_*}.txt" "$OUT/brat/$name.txt"
    done
    issues=$(cd "$BRAT_DIR/server/src" && "$PY2" verify_annotations.py "$OUT"/brat/*.ann 2>&1)
    if [ -n "$issues" ]; then
      echo "$issues"
      exit 1
    fi
    echo "brat's verify_annotations.py: no issue"
    ;;
esac
exit 0
