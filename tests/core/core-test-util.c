/* SPDX-License-Identifier: GPL-3.0-or-later */
/* core-test-util.c */
#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "hearsay-export.h"
#include "core-test-util.h"

static char *tmpdir;

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          /* A link is removed, never followed: chmod through a link to
           * /etc made it 0644 for the whole machine. */
          if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            g_unlink (child);
          else if (g_file_test (child, G_FILE_TEST_IS_DIR))
            remove_tree (child);
          else
            {
              g_chmod (child, 0644);
              g_unlink (child);
            }
        }
      g_dir_close (dir);
    }
  g_chmod (path, 0755);
  g_rmdir (path);
}

static void
cleanup (void)
{
  if (tmpdir != NULL)
    remove_tree (tmpdir);
  g_clear_pointer (&tmpdir, g_free);
}

const char *
core_test_tmpdir (void)
{
  if (tmpdir == NULL)
    {
      g_autoptr(GError) error = NULL;

      tmpdir = g_dir_make_tmp ("hearsay-test-XXXXXX", &error);
      g_assert_no_error (error);
      atexit (cleanup);
    }
  return tmpdir;
}

char *
core_test_path (const char *name)
{
  static guint counter;
  g_autofree char *unique = g_strdup_printf ("%u-%s", ++counter, name);

  return g_build_filename (core_test_tmpdir (), unique, NULL);
}

void
core_test_write (const char *path,
                 const char *data,
                 gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

char *
core_test_read (const char *path,
                gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

char *
core_test_file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return NULL;
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

void
core_test_init (int    *argc,
                char ***argv)
{
  g_autofree char *data_home = NULL;

  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
  data_home = g_build_filename (core_test_tmpdir (), "xdg-data", NULL);
  g_mkdir_with_parents (data_home, 0700);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
}

HearsayProject *
core_test_new_project (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = core_test_path (name);
  HearsayProject *project = hearsay_project_create (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  hearsay_project_set_annotator (project, "Test Coder");
  return project;
}

gint64
core_test_add_document (HearsayProject *project,
                        const char     *text,
                        const char     *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  HearsayDocument *doc = hearsay_document_new (text);

  hearsay_document_set_title (doc, title);
  g_ptr_array_add (docs, doc);
  hearsay_project_add_documents (project, docs, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearsay_document_get_id (doc), >, 0);
  return hearsay_document_get_id (doc);
}

char *
core_test_export (HearsayProject *project,
                  int             format,
                  gboolean        exclude_boilerplate)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  HearsayExportOptions options = { NULL, 0, exclude_boilerplate };
  gboolean ok;

  ok = hearsay_export_project (project, format, &options, out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

int
core_test_write_export_samples (HearsayProject *project,
                                const char     *dir)
{
  static const struct { HearsayExportFormat format; const char *name; } samples[] = {
    { HEARSAY_EXPORT_W3C, "export.jsonld" }, { HEARSAY_EXPORT_TEI, "export.tei.xml" },
    { HEARSAY_EXPORT_QDPX, "export.qdpx" }, { HEARSAY_EXPORT_QDC, "export.qdc" },
  };

  g_mkdir_with_parents (dir, 0755);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_build_filename (dir, samples[i].name, NULL);
      g_autoptr(GError) error = NULL;

      if (!hearsay_export_project_to_path (project, samples[i].format, NULL, path, NULL, &error))
        {
          g_printerr ("%s: %s\n", path, error->message);
          return 1;
        }
    }
  return 0;
}

gint64
core_test_offset_of (const char *text,
                     const char *needle)
{
  const char *p = strstr (text, needle);

  g_assert_nonnull (p);
  return g_utf8_pointer_to_offset (text, p);
}

gboolean
core_test_import (HearsayProject             *project,
                  const char                 *format,
                  const char * const         *paths,
                  const HearsayImportOptions *options,
                  HearsayImportReport        *report,
                  GError                    **error)
{
  HearsayImportOptions copy = { 0 };

  if (options != NULL)
    copy = *options;
  copy.format = format;
  return hearsay_import_paths (project, paths, &copy, NULL, NULL, NULL, report, error);
}

gboolean
core_test_import_jsonl (HearsayProject      *project,
                        const char          *path,
                        HearsayImportReport *report,
                        GError             **error)
{
  const char *paths[] = { path, NULL };

  return core_test_import (project, "jsonl", paths, NULL, report, error);
}
