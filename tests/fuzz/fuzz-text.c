/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-text.c: libFuzzer target of the plain-text importer (bytes → document). */
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
  /* As the file is, and as a Windows-1252 file named with --encoding. */
  static const char * const encodings[] = { NULL, "windows-1252" };
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      HearsayImportOptions options = { .encoding = encodings[i] };
      g_autoptr(GError) error = NULL;
      g_autoptr(HearsayDocument) doc = hearsay_import_text_bytes ("fuzz.txt", bytes, &options, &error);

      g_assert ((doc == NULL) == (error != NULL));
      if (doc != NULL)
        fuzz_check_document (doc);
      else
        g_assert (g_utf8_validate (error->message, -1, NULL));
    }
  return 0;
}
