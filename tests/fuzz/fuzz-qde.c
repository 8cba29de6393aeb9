/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-qde.c: libFuzzer target of a REFI-QDA project's project.qde (zipped
 * with fixed sources, through hearsay_import_paths()). */
#include <archive.h>
#include <archive_entry.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz-util.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char source_a[] = "Damas 👍🏽 a déclaré : « Deir ez-Zor est libérée ».\nFin.\n";
static const char source_b[] = "مرحبا بالعالم — a dit le porte-parole.\r\n";
static char *path;

static void
add_entry (struct archive *a,
           const char     *name,
           const void     *data,
           size_t          size)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, size);
  if (archive_write_header (a, entry) != ARCHIVE_OK ||
      (size > 0 && archive_write_data (a, data, size) != (la_ssize_t) size))
    {
      fprintf (stderr, "fuzz: cannot zip %s: %s\n", name, archive_error_string (a));
      abort ();
    }
  archive_entry_free (entry);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  path = g_build_filename (fuzz_dir (), "qde.qdpx", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *paths[] = { path, NULL };
  struct archive *a;

  a = archive_write_new ();
  archive_write_set_format_zip (a);
  if (archive_write_open_filename (a, path) != ARCHIVE_OK)
    {
      fprintf (stderr, "fuzz: cannot write %s: %s\n", path, archive_error_string (a));
      abort ();
    }
  add_entry (a, "project.qde", data, size);
  add_entry (a, "sources/a.txt", source_a, sizeof source_a - 1);
  add_entry (a, "sources/b.txt", source_b, sizeof source_b - 1);
  archive_write_close (a);
  archive_write_free (a);
  if (fuzz_import_paths ("qdpx", paths) && fuzz_declares_xml_entity (data, size))
    {
      fprintf (stderr, "fuzz: a project.qde that declares XML entities was imported\n");
      abort ();
    }
  return 0;
}
