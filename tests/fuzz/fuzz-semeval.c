/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-semeval.c: libFuzzer target of the SemEval span importer (one label
 * file for the fixtures' article111.txt and articles/article222.txt, through
 * hearsay_import_paths()). */
#include "fuzz-util.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  g_free (fuzz_copy_fixture ("semeval/article111.txt", "semeval/article111.txt"));
  g_free (fuzz_copy_fixture ("semeval/article222.txt", "semeval/articles/article222.txt"));
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = fuzz_write ("semeval/spans.tsv", data, size);
  const char *paths[] = { path, NULL };

  fuzz_import_paths ("semeval", paths);
  return 0;
}
