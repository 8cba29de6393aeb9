/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-refi.c: REFI-QDA through hearsay-cli as a script uses it — the
 * summary and how each source's positions were read on stderr, --offsets
 * forcing the unit, the export's losses as warnings and its file read back.
 * The projects are the fixtures of tests/fixtures/import/refi/, zipped. */
#include <string.h>
#include <archive.h>
#include <archive_entry.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "cli-test-util.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
zip_tree (struct archive *zip,
          const char     *root,
          const char     *relative)
{
  g_autofree char *dir = relative ? g_build_filename (root, relative, NULL) : g_strdup (root);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *rel = relative ? g_strconcat (relative, "/", (char *) g_ptr_array_index (names, i), NULL)
                                      : g_strdup (g_ptr_array_index (names, i));
      g_autofree char *path = g_build_filename (root, rel, NULL);
      g_autofree char *data = NULL;
      gsize size;
      struct archive_entry *entry;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          zip_tree (zip, root, rel);
          continue;
        }
      g_assert_true (g_file_get_contents (path, &data, &size, NULL));
      entry = archive_entry_new ();
      archive_entry_set_pathname (entry, rel);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, size);
      g_assert_cmpint (archive_write_header (zip, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (zip, data, size), ==, (la_ssize_t) size);
      archive_entry_free (entry);
    }
}

static char *
fixture_qdpx (CliTestFixture *f,
              const char     *name)
{
  g_autofree char *dir = g_build_filename (REFI_FIXTURES_DIR, name, NULL);
  g_autofree char *file = g_strconcat (name, ".qdpx", NULL);
  char *path = g_build_filename (f->dir, file, NULL);
  struct archive *zip = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (zip), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (zip, path), ==, ARCHIVE_OK);
  zip_tree (zip, dir, NULL);
  g_assert_cmpint (archive_write_close (zip), ==, ARCHIVE_OK);
  archive_write_free (zip);
  return path;
}

/* An NVivo project: the documents on stdout, on stderr how the positions
 * were read (UTF-16, the BOM not counted) and the summary. */
static void
test_import_notes (CliTestFixture *f,
                   gconstpointer   data)
{
  g_autofree char *qdpx = fixture_qdpx (f, "nvivo");
  g_auto(CliTestResult) r = { 0 };

  cli_test_init_project (f, f->project);
  r = RUN (f, "--project", f->project, "import", qdpx);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "1\tRT 2017-11-03\n2\tCommuniqu\xC3\xA9\n");
  g_assert_nonnull (strstr (r.err, "note: "));
  g_assert_nonnull (strstr (r.err, "written by NVivo (NVivo for Windows 12.6)"));
  g_assert_nonnull (strstr (r.err, ".txt: positions read as UTF-16 code units, from after the byte-order mark"));
  g_assert_nonnull (strstr (r.err, "imported \xE2\x80\x94 documents: 2, annotations: 10"));
  g_assert_nonnull (strstr (r.err, "left out: 0"));
}

/* --offsets names the unit: the note says so, and the selections land
 * where the user said or are reported. */
static void
test_forced (CliTestFixture *f,
             gconstpointer   data)
{
  g_autofree char *qdpx = fixture_qdpx (f, "maxqda");
  g_auto(CliTestResult) r = { 0 };

  cli_test_init_project (f, f->project);
  r = RUN (f, "--project", f->project, "import", "--offsets", "utf16", "--newlines", "lf", qdpx);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, "positions read as UTF-16 code units, CR LF counted as one, from after the "
                                   "byte-order mark, as --offsets/--newlines say"));
  g_assert_nonnull (strstr (r.err, "annotations: 3"));
}

/* The export says what it cannot carry, and its file comes back. */
static void
test_export (CliTestFixture *f,
             gconstpointer   data)
{
  g_autofree char *qdpx = fixture_qdpx (f, "qualcoder");
  g_autofree char *out = g_build_filename (f->dir, "again.qdpx", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.hearsay", NULL);
  g_auto(CliTestResult) r = { 0 };
  g_auto(CliTestResult) e = { 0 };
  g_auto(CliTestResult) i = { 0 };

  cli_test_init_project (f, f->project);
  r = RUN (f, "--project", f->project, "import", qdpx);
  g_assert_cmpint (r.status, ==, 0);
  e = RUN (f, "--project", f->project, "export", "--format", "qdpx", "-o", out);
  g_assert_cmpint (e.status, ==, 0);
  g_assert_nonnull (strstr (e.err, "warning: qdpx: 1 documents have CR LF line ends"));
  cli_test_init_project (f, other);
  i = RUN (f, "--project", other, "import", out);
  g_assert_cmpint (i.status, ==, 0);
  g_assert_nonnull (strstr (i.err, "written by Hearsay"));
  g_assert_nonnull (strstr (i.err, "annotations: 10"));
  g_assert_nonnull (strstr (i.err, "left out: 0"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  cli_test_binary = argc > 1 ? argv[1] : g_getenv ("HEARSAY_CLI");
  g_assert_nonnull (cli_test_binary);
  g_test_add ("/cli-refi/import-notes", CliTestFixture, NULL, cli_test_fixture_setup, test_import_notes,
              cli_test_fixture_teardown);
  g_test_add ("/cli-refi/forced", CliTestFixture, NULL, cli_test_fixture_setup, test_forced,
              cli_test_fixture_teardown);
  g_test_add ("/cli-refi/export", CliTestFixture, NULL, cli_test_fixture_setup, test_export,
              cli_test_fixture_teardown);
  return g_test_run ();
}
