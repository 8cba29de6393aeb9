/* SPDX-License-Identifier: GPL-3.0-or-later */
/* core-test-import.h: what the import tests share — above all the check
 * that a refused import names the place and leaves the project file
 * byte-identical. */
#pragma once

#include <string.h>
#include <glib/gstdio.h>

#include "hearsay-error.h"
#include "hearsay-import.h"
#include "core-test-util.h"

static inline char *
core_test_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

static inline guint
core_test_count_documents (HearsayProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = hearsay_project_list_documents (project, &error);

  g_assert_no_error (error);
  return docs->len;
}

static inline HearsayProject *
core_test_open (const char *path)
{
  g_autoptr(GError) error = NULL;
  HearsayProject *project = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return project;
}

/* Imports @paths as @format into a project holding one document, expects a
 * refusal whose message contains @expect and @expect2 (may be NULL), and
 * checks that the project is unchanged: same documents, same scheme and,
 * after closing, the same file bytes. Returns the message. */
static inline char *
core_test_assert_import_refused (const char                       *format,
                                 const char * const               *paths,
                                 const HearsayImportOptions *options,
                                 const char                       *expect,
                                 const char                       *expect2)
{
  g_autofree char *path = core_test_path ("refused.hearsay");
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autofree char *before = NULL, *after = NULL, *scheme_before = NULL, *scheme_after = NULL;
  HearsayImportReport report;
  gboolean ok;

  project = hearsay_project_create (path, &error);
  g_assert_no_error (error);
  core_test_add_document (project, "Un article déjà là.\n", "Déjà là");
  hearsay_project_close (project);
  g_clear_object (&project);
  before = core_test_file_sha256 (path);

  project = core_test_open (path);
  scheme_before = hearsay_scheme_to_json (hearsay_project_get_scheme (project));
  hearsay_import_report_init (&report);
  ok = core_test_import (project, format, paths, options, &report, &error);
  g_assert_false (ok);
  g_assert_nonnull (error);
  if (g_test_verbose ())
    g_printerr ("refused: %s\n", error->message);
  g_assert_nonnull (strstr (error->message, expect));
  if (expect2 != NULL)
    g_assert_nonnull (strstr (error->message, expect2));
  g_assert_cmpuint (report.documents->len, ==, 0);
  hearsay_import_report_clear (&report);
  g_assert_cmpuint (core_test_count_documents (project), ==, 1);
  scheme_after = hearsay_scheme_to_json (hearsay_project_get_scheme (project));
  g_assert_cmpstr (scheme_before, ==, scheme_after);
  hearsay_project_close (project);
  after = core_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  return g_strdup (error->message);
}

/* Imports and asserts success; returns the report (clear it). */
static inline void
core_test_import_ok (HearsayProject                   *project,
                     const char                       *format,
                     const char * const               *paths,
                     const HearsayImportOptions *options,
                     HearsayImportReport              *report)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  hearsay_import_report_init (report);
  ok = core_test_import (project, format, paths, options, report, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* The annotations of @doc_id, as stored. */
static inline GPtrArray *
core_test_annotations (HearsayProject *project,
                       gint64          doc_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *anns = hearsay_project_list_annotations (project, doc_id, &error);

  g_assert_no_error (error);
  return anns;
}

/* Writes @data to @dir/@name (creating @dir) and returns the path. */
static inline char *
core_test_write_in (const char *dir,
                    const char *name,
                    const char *data)
{
  char *path = g_build_filename (dir, name, NULL);

  g_mkdir_with_parents (dir, 0700);
  core_test_write (path, data, -1);
  return path;
}
