/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-qdpx.c: libFuzzer target of the REFI-QDA (.qdpx zip) importer, through hearsay_import_paths(). */
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
  g_autofree char *path = fuzz_write ("fuzz.qdpx", data, size);
  const char *paths[] = { path, NULL };

  fuzz_import_paths ("qdpx", paths);
  return 0;
}
