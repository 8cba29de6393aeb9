/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-atomic-file.c: a failed export never leaves half a file. */
#include <string.h>
#include <glib/gstdio.h>

#include "hearsay-atomic-file.h"
#include "hearsay-error.h"
#include "hearsay-export.h"
#include "core-test-util.h"

static guint
count_part_files (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] == '.' && g_str_has_suffix (name, ".part"))
      n++;
  return n;
}

static char *
new_dir (const char *name)
{
  char *dir = core_test_path (name);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  return dir;
}

static void
test_commit (void)
{
  g_autofree char *dir = new_dir ("commit");
  g_autofree char *path = g_build_filename (dir, "out.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayAtomicFile) file = hearsay_atomic_file_new (path, &error);
  g_autofree char *data = NULL;

  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (hearsay_atomic_file_get_stream (file), "hello", 5, NULL, NULL, &error));
  /* Nothing visible before the commit. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_part_files (dir), ==, 1);
  g_assert_true (hearsay_atomic_file_commit (file, &error));
  g_assert_no_error (error);
  data = core_test_read (path, NULL);
  g_assert_cmpstr (data, ==, "hello");
  g_assert_cmpuint (count_part_files (dir), ==, 0);
}

static void
test_discard (void)
{
  g_autofree char *dir = new_dir ("discard");
  g_autofree char *path = g_build_filename (dir, "out.txt", NULL);
  g_autoptr(GError) error = NULL;
  HearsayAtomicFile *file;
  g_autofree char *data = NULL;

  core_test_write (path, "previous", -1);
  file = hearsay_atomic_file_new (path, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (hearsay_atomic_file_get_stream (file), "half", 4, NULL, NULL, NULL);
  hearsay_atomic_file_free (file);
  data = core_test_read (path, NULL);
  g_assert_cmpstr (data, ==, "previous");
  g_assert_cmpuint (count_part_files (dir), ==, 0);
}

static void
test_missing_directory (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("atomic1.hearsay");
  g_autofree char *missing_dir = core_test_path ("no-such-dir");
  g_autofree char *path = g_build_filename (missing_dir, "out.jsonl", NULL);
  g_autoptr(GError) error = NULL;

  core_test_add_document (project, "text", "t");
  g_assert_false (hearsay_export_project_to_path (project, HEARSAY_EXPORT_JSONL, NULL, path, NULL, &error));
  g_assert_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A folder as the target */
  g_assert_false (hearsay_export_project_to_path (project, HEARSAY_EXPORT_CSV, NULL, core_test_tmpdir (), NULL, &error));
  g_assert_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_FAILED);
}

static void
test_cancelled_export (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("atomic2.hearsay");
  g_autofree char *dir = new_dir ("cancel");
  g_autofree char *path = g_build_filename (dir, "out.jsonl", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *good = NULL;

  core_test_add_document (project, "first text", "one");
  core_test_add_document (project, "second text", "two");
  core_test_write (path, "previous export\n", -1);
  before = core_test_file_sha256 (path);

  g_cancellable_cancel (cancellable);
  for (int format = HEARSAY_EXPORT_JSONL; format <= HEARSAY_EXPORT_CSV; format++)
    {
      g_assert_false (hearsay_export_project_to_path (project, format, NULL, path, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      after = core_test_file_sha256 (path);
      g_assert_cmpstr (before, ==, after);
      g_clear_pointer (&after, g_free);
      g_assert_cmpuint (count_part_files (dir), ==, 0);
    }

  /* The same export without cancelling replaces the file. */
  g_assert_true (hearsay_export_project_to_path (project, HEARSAY_EXPORT_JSONL, NULL, path, NULL, &error));
  g_assert_no_error (error);
  good = core_test_read (path, NULL);
  g_assert_true (g_str_has_prefix (good, "{\"offset_unit\":\"codepoint\""));
  g_assert_cmpuint (count_part_files (dir), ==, 0);
}

static void
test_closed_project_export (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("atomic3.hearsay");
  g_autofree char *dir = new_dir ("closed");
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GError) error = NULL;

  hearsay_project_close (project);
  g_assert_false (hearsay_export_project_to_path (project, HEARSAY_EXPORT_CSV, NULL, path, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_part_files (dir), ==, 0);
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/atomic-file/commit", test_commit);
  g_test_add_func ("/atomic-file/discard", test_discard);
  g_test_add_func ("/atomic-file/missing-directory", test_missing_directory);
  g_test_add_func ("/atomic-file/cancelled-export", test_cancelled_export);
  g_test_add_func ("/atomic-file/closed-project-export", test_closed_project_export);
  return g_test_run ();
}
