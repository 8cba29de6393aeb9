/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-webanno-tsv.c: libFuzzer target of the WebAnno TSV 3.3 file importer, through hearsay_import_paths(). */
#include "fuzz-util.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = NULL;
  const char *paths[] = { NULL, NULL };

  paths[0] = path = fuzz_write ("fuzz.tsv", data, size);
  fuzz_import_paths ("webanno-tsv", paths);
  return 0;
}
