/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-brat-conf.c: libFuzzer target of brat's annotation.conf (a folder with
 * the fixture's .txt and .ann, through hearsay_import_paths()). */
#include "fuzz-util.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *folder;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  g_free (fuzz_copy_fixture ("brat/doc.txt", "brat-conf/doc.txt"));
  g_free (fuzz_copy_fixture ("brat/doc.ann", "brat-conf/doc.ann"));
  folder = g_build_filename (fuzz_dir (), "brat-conf", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *paths[] = { folder, NULL };

  g_free (fuzz_write ("brat-conf/annotation.conf", data, size));
  fuzz_import_paths ("brat", paths);
  return 0;
}
