#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# validate-conll-nltk.sh TEST-CONLL: writes Hearsay's CoNLL export of text
# with emoji, flags, a combining mark, Arabic, CRLF and U+0085, and reads it
# with NLTK's ConllCorpusReader (columntypes words, ne), as its users do.
# Skipped (77) where no Python has NLTK (Debian: python3-nltk).
set -eu
exe=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
python=
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import nltk' 2>/dev/null; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "no Python with NLTK: skipped"
  exit 77
fi
"$exe" --write-sample "$dir/sample.conll"
"$python" - "$dir" <<'PY'
import sys
from nltk.corpus.reader.conll import ConllCorpusReader
# As NER users read two columns: the tag as "ne" (words, sentences) and,
# for the pairs, as "pos" (tagged_sents needs a pos column).
reader = ConllCorpusReader(sys.argv[1], ["sample.conll"], ("words", "ne"))
words = reader.words()
sents = reader.sents()
tagged_reader = ConllCorpusReader(sys.argv[1], ["sample.conll"], ("words", "pos"))
tagged = [t for s in tagged_reader.tagged_sents() for t in s]
assert len(words) == len(tagged), (len(words), len(tagged))
for word, tag in tagged:
    assert word and not any(c.isspace() for c in word), repr(word)
    assert tag == "O" or tag[:2] in ("B-", "I-"), repr(tag)
assert ("\U0001F1EB\U0001F1F7", "B-frame_cue") in tagged, tagged
assert ("\U0001F1E9\U0001F1EA", "I-frame_cue") in tagged, tagged
assert ("libe\u0301r\u00e9e", "I-claim") in tagged
assert ("fin", "B-Custom_Label") in tagged
print("NLTK read %d sentences, %d tokens" % (len(sents), len(words)))
PY
