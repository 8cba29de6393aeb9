#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One libFuzzer target as a TAP test: every seed of corpus/NAME once, then
# $FUZZ_SECONDS (default 5) of fuzzing from those seeds, then the reproducers
# of known defects in pending/NAME (TODO: they do not fail the run).
# $FUZZ_SEED makes the mutations repeatable (the CI smoke run sets it, so it
# does not fail at random; make fuzz explores anew each time).
# Usage: fuzz-run.sh FUZZER FUZZ_SRCDIR NAME WORKDIR
set -uo pipefail

fuzzer=$1 src=$2 name=$3 work=$4
seconds=${FUZZ_SECONDS:-5}
seeds=$src/corpus/$name
pending=$src/pending/$name
dict=$src/dict/$name.dict
corpus=$work/$name
artifacts=$work/artifacts
log=$work/$name.log

# Leaks inside one input are crashes too; UB already stops (-fno-sanitize-recover).
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1:handle_abort=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
limits=(-timeout=20 -rss_limit_mb=1536 -malloc_limit_mb=1536)

mkdir -p "$corpus" "$artifacts"
n=0 failed=0

# diag FILE: the end of a log, as TAP comments.
diag () {
  tail -n 40 "$1" | sed 's/^/# /'
}

shopt -s nullglob
files=("$seeds"/*)
n=$((n + 1))
if [ "${#files[@]}" -eq 0 ]; then
  echo "not ok $n - $name: no seeds in corpus/$name"
  failed=1
elif "$fuzzer" "${limits[@]}" "${files[@]}" >"$log" 2>&1; then
  echo "ok $n - $name: ${#files[@]} seeds run once"
else
  echo "not ok $n - $name: a seed fails (log: $log)"
  diag "$log"
  failed=1
fi

n=$((n + 1))
dict_arg=()
[ -f "$dict" ] && dict_arg=(-dict="$dict")
[ -n "${FUZZ_SEED:-}" ] && dict_arg+=(-seed="$FUZZ_SEED")
if "$fuzzer" "${limits[@]}" -max_total_time="$seconds" -print_final_stats=1 \
     -artifact_prefix="$artifacts/$name-" "${dict_arg[@]}" "$corpus" "$seeds" >"$log" 2>&1; then
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  echo "ok $n - $name: ${seconds} s of fuzzing, ${runs:-?} runs, no crash"
else
  echo "not ok $n - $name: the fuzzer found a crash, leak, hang or UB in ${seconds} s (log: $log)"
  grep -E '^(artifact_prefix|Test unit written to|==[0-9]+==ERROR|SUMMARY)' "$log" | sed 's/^/# /'
  diag "$log"
  echo "# Keep the input as a regression seed: cp ARTIFACT $seeds/"
  failed=1
fi

for f in "$pending"/*; do
  n=$((n + 1))
  if "$fuzzer" "${limits[@]}" "$f" >"$log.pending" 2>&1; then
    echo "ok $n - $name: pending/$name/${f##*/} # TODO no longer fails: move it to corpus/$name"
  else
    echo "not ok $n - $name: pending/$name/${f##*/} # TODO known defect, see tests/fuzz/pending/README.md"
  fi
done

echo "1..$n"
exit "$failed"
