/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-brat.c: libFuzzer target of the brat importer's .ann files (a folder
 * with the fixture's .txt and annotation.conf, through hearsay_import_paths()). */
#include "fuzz-util.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *folder;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  /* BOM, emoji with a modifier, Arabic, CRLF: offsets that count code points. */
  g_free (fuzz_copy_fixture ("brat/doc.txt", "brat/doc.txt"));
  g_free (fuzz_copy_fixture ("brat/annotation.conf", "brat/annotation.conf"));
  folder = g_build_filename (fuzz_dir (), "brat", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *paths[] = { folder, NULL };

  g_free (fuzz_write ("brat/doc.ann", data, size));
  fuzz_import_paths ("brat", paths);
  return 0;
}
