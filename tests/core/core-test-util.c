/* SPDX-License-Identifier: GPL-3.0-or-later */
/* core-test-util.c */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "config.h"

#ifdef HEARSAY_HAVE_POSTGRESQL
#include <libpq-fe.h>
#endif

#include "hearsay-export.h"
#include "core-test-util.h"

#define REDIRECT_MARKER "hearsay-test-redirect\n"

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

gboolean
core_test_backend_is_server (void)
{
  return g_strcmp0 (g_getenv ("HEARSAY_TEST_BACKEND"), "postgresql") == 0;
}

gboolean
core_test_skip_on_server (const char *why)
{
  if (!core_test_backend_is_server ())
    return FALSE;
  g_test_skip_printf ("the project file only (%s); the server run has its own test", why);
  return TRUE;
}

#ifdef HEARSAY_HAVE_POSTGRESQL
/* The rows of every table of the schema a redirected project lives in, in
 * a fixed order: what "the file is unchanged" means on a server. */
static char *
server_digest (const char *location)
{
  const char *project = strstr (location, " project=");
  g_autofree char *conninfo = project ? g_strndup (location, project - location) : g_strdup (location);
  g_autofree char *schema = g_strdup (project ? project + strlen (" project=") : "hearsay");
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  PGconn *conn = PQconnectdb (conninfo);
  const char *params[1] = { schema };
  PGresult *tables;

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  tables = PQexecParams (conn, "SELECT quote_ident (table_name) FROM information_schema.tables "
                         "WHERE table_schema = $1 ORDER BY table_name COLLATE \"C\";",
                         1, NULL, params, NULL, NULL, 0);
  g_assert_cmpint (PQresultStatus (tables), ==, PGRES_TUPLES_OK);
  for (int i = 0; i < PQntuples (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT coalesce (string_agg (t::text, E'\\n' ORDER BY t::text "
                                              "COLLATE \"C\"), '') FROM \"%s\".%s t;",
                                              schema, PQgetvalue (tables, i, 0));
      PGresult *rows = PQexec (conn, sql);

      g_assert_cmpint (PQresultStatus (rows), ==, PGRES_TUPLES_OK);
      g_checksum_update (sum, (const guchar *) PQgetvalue (tables, i, 0), -1);
      g_checksum_update (sum, (const guchar *) PQgetvalue (rows, 0, 0), -1);
      PQclear (rows);
    }
  PQclear (tables);
  PQfinish (conn);
  return g_strdup (g_checksum_get_string (sum));
}
#endif

void
core_test_server_exec (const char *path,
                       const char *sql)
{
#ifdef HEARSAY_HAVE_POSTGRESQL
  g_autofree char *data = core_test_read (path, NULL);
  const char *location, *project;
  g_autofree char *conninfo = NULL;
  g_autofree char *full = NULL;
  PGconn *conn;
  PGresult *r;

  g_assert_true (g_str_has_prefix (data, REDIRECT_MARKER));
  location = g_strchomp (data + strlen (REDIRECT_MARKER));
  project = strstr (location, " project=");
  g_assert_nonnull (project);
  conninfo = g_strndup (location, project - location);
  full = g_strdup_printf ("SET search_path = \"%s\"; %s", project + strlen (" project="), sql);
  conn = PQconnectdb (conninfo);
  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  r = PQexec (conn, full);
  if (PQresultStatus (r) != PGRES_COMMAND_OK && PQresultStatus (r) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (r));
  PQclear (r);
  PQfinish (conn);
#else
  g_assert_not_reached ();
#endif
}

char *
core_test_file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return NULL;
#ifdef HEARSAY_HAVE_POSTGRESQL
  if (g_str_has_prefix (data, REDIRECT_MARKER))
    return server_digest (g_strchomp (data + strlen (REDIRECT_MARKER)));
#endif
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/* The server run of a test: without a server, the whole program is
 * skipped, and says so. */
static void
check_server (void)
{
#ifdef HEARSAY_HAVE_POSTGRESQL
  const char *conninfo = g_getenv ("HEARSAY_TEST_PG");
  PGconn *conn;

  if (!core_test_backend_is_server ())
    return;
  if (conninfo == NULL || *conninfo == '\0')
    {
      printf ("1..0 # SKIP no PostgreSQL server for the server run (HEARSAY_TEST_PG is not set; "
              "build-aux/run-tests.sh starts one when PostgreSQL is installed)\n");
      exit (0);
    }
  conn = PQconnectdb (conninfo);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      printf ("1..0 # SKIP the PostgreSQL server of HEARSAY_TEST_PG cannot be reached: %s\n",
              g_strdelimit (g_strdup (PQerrorMessage (conn)), "\n", ' '));
      exit (0);
    }
  PQfinish (conn);
#else
  if (core_test_backend_is_server ())
    {
      printf ("1..0 # SKIP this build has no PostgreSQL support (libpq)\n");
      exit (0);
    }
#endif
}

void
core_test_init (int    *argc,
                char ***argv)
{
  g_autofree char *data_home = NULL;

  setlocale (LC_ALL, "");
  check_server ();
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

gint64
core_test_annotate (HearsayProject *project,
                    gint64          doc,
                    const char     *label,
                    gint64          start,
                    gint64          end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (doc, label);

  hearsay_annotation_add_fragment (ann, start, end);
  g_assert_true (hearsay_project_create_annotation (project, ann, &error));
  g_assert_no_error (error);
  return hearsay_annotation_get_id (ann);
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
