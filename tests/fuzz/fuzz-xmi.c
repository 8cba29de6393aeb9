/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-xmi.c: libFuzzer target of the UIMA CAS XMI file importer, through hearsay_import_paths(). */
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

  paths[0] = path = fuzz_write ("fuzz.xmi", data, size);
  fuzz_import_paths ("xmi", paths);
  return 0;
}
