/* SPDX-License-Identifier: GPL-3.0-or-later */
/* core-test-refi.h: what the REFI-QDA tests share — zipping a fixture
 * folder into a .qdpx, writing small archives, and finding an annotation by
 * its quote while checking text[start:end] == quote on the stored text. */
#pragma once

#include <string.h>
#include <archive.h>
#include <archive_entry.h>

#include "core-test-import.h"

static inline void
core_test_zip_add (struct archive *zip,
                   const char     *name,
                   const char     *data,
                   gsize           size)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, size);
  g_assert_cmpint (archive_write_header (zip, entry), ==, ARCHIVE_OK);
  if (size > 0)
    g_assert_cmpint (archive_write_data (zip, data, size), ==, (la_ssize_t) size);
  archive_entry_free (entry);
}

static inline int
core_test_compare_names (gconstpointer a,
                         gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static inline void
core_test_zip_tree (struct archive *zip,
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
  g_ptr_array_sort (names, core_test_compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      const char *n = g_ptr_array_index (names, i);
      g_autofree char *rel = relative ? g_strconcat (relative, "/", n, NULL) : g_strdup (n);
      g_autofree char *path = g_build_filename (root, rel, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        core_test_zip_tree (zip, root, rel);
      else
        {
          gsize size;
          g_autofree char *data = core_test_read (path, &size);

          core_test_zip_add (zip, rel, data, size);
        }
    }
}

/* tests/fixtures/import/refi/@name (an unzipped project) as a .qdpx. */
static inline char *
core_test_refi_fixture (const char *name)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "refi", name, NULL);
  g_autofree char *file = g_strconcat (name, ".qdpx", NULL);
  char *path = core_test_path (file);
  struct archive *zip = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (zip), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (zip, path), ==, ARCHIVE_OK);
  core_test_zip_tree (zip, dir, NULL);
  g_assert_cmpint (archive_write_close (zip), ==, ARCHIVE_OK);
  archive_write_free (zip);
  return path;
}

/* A .qdpx of the NULL-terminated (entry name, contents) pairs. */
static inline char *
core_test_refi_zip (const char         *file,
                    const char * const *entries)
{
  char *path = core_test_path (file);
  struct archive *zip = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (zip), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (zip, path), ==, ARCHIVE_OK);
  for (guint i = 0; entries[i]; i += 2)
    core_test_zip_add (zip, entries[i], entries[i + 1], strlen (entries[i + 1]));
  g_assert_cmpint (archive_write_close (zip), ==, ARCHIVE_OK);
  archive_write_free (zip);
  return path;
}

/* Whether one string of @list holds @needle (and @needle2, may be NULL). */
static inline gboolean
core_test_list_has (GPtrArray  *list,
                    const char *needle,
                    const char *needle2)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (strstr (g_ptr_array_index (list, i), needle) != NULL &&
        (needle2 == NULL || strstr (g_ptr_array_index (list, i), needle2) != NULL))
      return TRUE;
  return FALSE;
}

static inline void
core_test_print_list (const char *what,
                      GPtrArray  *list)
{
  for (guint i = 0; g_test_verbose () && list != NULL && i < list->len; i++)
    g_printerr ("%s: %s\n", what, (const char *) g_ptr_array_index (list, i));
}

/* The annotation of @anns labelled @label whose fragment @fragment is
 * @quote; asserts that the stored text holds @quote exactly there. */
static inline HearsayAnnotation *
core_test_find_quote (GPtrArray  *anns,
                      const char *text,
                      const char *label,
                      guint       fragment,
                      const char *quote)
{
  for (guint i = 0; i < anns->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (anns, i);
      const HearsayFragment *f;
      g_autofree char *at = NULL;

      if (g_strcmp0 (hearsay_annotation_get_label (ann), label) != 0 ||
          hearsay_annotation_get_n_fragments (ann) <= fragment)
        continue;
      f = hearsay_annotation_get_fragment (ann, fragment);
      at = g_utf8_substring (text, f->start, f->end);
      if (g_strcmp0 (at, quote) == 0)
        {
          g_assert_cmpstr (f->exact, ==, quote);
          return ann;
        }
    }
  g_printerr ("no %s annotation at “%s”\n", label, quote);
  g_assert_not_reached ();
  return NULL;
}

static inline HearsayDocument *
core_test_load_document (HearsayProject *project,
                         guint           index)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = hearsay_project_list_documents (project, &error);
  HearsayDocument *doc;

  g_assert_no_error (error);
  g_assert_cmpuint (index, <, docs->len);
  doc = hearsay_project_load_document (project, hearsay_document_get_id (g_ptr_array_index (docs, index)), &error);
  g_assert_no_error (error);
  return doc;
}

static inline void
core_test_assert_field (HearsayDocument *doc,
                        const char      *name,
                        const char      *joined)
{
  const char * const *values = hearsay_document_get_field (doc, name);
  g_autofree char *got = values ? g_strjoinv ("|", (char **) values) : NULL;

  g_assert_cmpstr (got, ==, joined);
}
