/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-w3c.c: libFuzzer target of the W3C Web Annotation importer (the
 * collection and the fixture's text it targets, through hearsay_import_paths()). */
#include "fuzz-util.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *doc;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  doc = fuzz_copy_fixture ("w3c/doc.txt", "w3c/doc.txt");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = NULL;
  const char *paths[] = { doc, NULL, NULL };

  paths[1] = path = fuzz_write ("w3c/fuzz.jsonld", data, size);
  fuzz_import_paths ("w3c", paths);
  return 0;
}
