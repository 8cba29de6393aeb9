/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-util.c: the scratch folder, fatal GLib messages, the shared project
 * and the checks every fuzz target of an importer makes. */
#define _GNU_SOURCE  /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hearsay-xml-safety.h"
#include "fuzz-util.h"

/* A project past this many documents is replaced by a fresh one, so that a
 * long run does not slow down as accepted inputs pile up. */
#define MAX_DOCUMENTS 5000
/* brat's annotation.conf adds labels; each edit parses the whole scheme. */
#define MAX_LABELS 100

static char *scratch;
static char *project_path;
static HearsayProject *project;
static sqlite3 *observer;   /* a second connection: sees the project's commits */
static guint n_projects;

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_clear_pointer (&dir, g_dir_close);
  g_rmdir (path);
}

static void
cleanup (void)
{
  g_clear_object (&project);
  g_clear_pointer (&observer, sqlite3_close);
  if (scratch != NULL)
    remove_tree (scratch);
}

/* Warnings and criticals are bugs (the tests make them fatal too): abort,
 * so that libFuzzer keeps the input. Everything quieter is dropped. */
static GLogWriterOutput
fatal_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      g_log_writer_standard_streams (level, fields, n_fields, user_data);
      abort ();
    }
  return G_LOG_WRITER_HANDLED;
}

static gint64
query_int (const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (observer, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (value < 0)
    {
      fprintf (stderr, "fuzz: %s: %s\n", sql, sqlite3_errmsg (observer));
      abort ();
    }
  return value;
}

static void
new_project (void)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&project);
  g_clear_pointer (&observer, sqlite3_close);
  if (project_path != NULL)
    {
      g_autofree char *wal = g_strconcat (project_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (project_path, "-shm", NULL);

      g_unlink (project_path);
      g_unlink (wal);
      g_unlink (shm);
      g_free (project_path);
    }
  project_path = g_strdup_printf ("%s/project-%u.hearsay", scratch, ++n_projects);
  project = hearsay_project_create (project_path, &error);
  if (project == NULL)
    {
      fprintf (stderr, "fuzz: cannot create %s: %s\n", project_path, error->message);
      abort ();
    }
  hearsay_project_set_annotator (project, "fuzz");
  if (sqlite3_open_v2 (project_path, &observer, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "fuzz: cannot observe %s\n", project_path);
      abort ();
    }
  sqlite3_busy_timeout (observer, 5000);
}

void
fuzz_init (void)
{
  g_autofree char *xdg = NULL;
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && g_access ("/dev/shm", W_OK) == 0
                     ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *template = g_build_filename (base, "hearsay-fuzz-XXXXXX", NULL);

  if (scratch != NULL)
    return;
  g_log_set_writer_func (fatal_writer, NULL, NULL);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  scratch = g_mkdtemp (g_steal_pointer (&template));
  if (scratch == NULL)
    {
      fprintf (stderr, "fuzz: cannot make a scratch folder in %s\n", base);
      abort ();
    }
  xdg = g_build_filename (scratch, "xdg-data", NULL);
  g_mkdir_with_parents (xdg, 0700);
  g_setenv ("XDG_DATA_HOME", xdg, TRUE);
  atexit (cleanup);
  new_project ();
}

const char *
fuzz_dir (void)
{
  return scratch;
}

char *
fuzz_write (const char *name,
            const void *data,
            size_t      size)
{
  char *path = g_build_filename (scratch, name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  if (!g_file_set_contents (path, data ? data : "", size, &error))
    {
      fprintf (stderr, "fuzz: %s\n", error->message);
      abort ();
    }
  return path;
}

char *
fuzz_copy_fixture (const char *fixture,
                   const char *name)
{
  g_autofree char *source = g_build_filename (FUZZ_FIXTURES_DIR, fixture, NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = 0;

  if (!g_file_get_contents (source, &data, &size, &error))
    {
      fprintf (stderr, "fuzz: %s\n", error->message);
      abort ();
    }
  return fuzz_write (name, data, size);
}

#if LIBXML_VERSION >= 21200
static void
ignore_xml_error (void           *data,
                  const xmlError *error)
#else
static void
ignore_xml_error (void       *data,
                  xmlErrorPtr error)
#endif
{
}

gboolean
fuzz_declares_xml_entity (const uint8_t *data,
                          size_t         size)
{
  xmlDocPtr doc;
  gboolean declares = FALSE;

  if (size > G_MAXINT)
    return FALSE;
  hearsay_xml_init ();
  /* As the importer reads it, entities left unexpanded; libxml2 decodes. */
  xmlSetStructuredErrorFunc (NULL, ignore_xml_error);
  doc = xmlReadMemory ((const char *) data, (int) size, NULL, NULL, XML_PARSE_NONET | XML_PARSE_RECOVER);
  xmlSetStructuredErrorFunc (NULL, NULL);
  if (doc != NULL && doc->intSubset != NULL)
    for (xmlNode *node = doc->intSubset->children; node != NULL && !declares; node = node->next)
      declares = node->type == XML_ENTITY_DECL;
  xmlFreeDoc (doc);
  return declares;
}

static void
check_utf8 (const char *what,
            const char *value)
{
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      fprintf (stderr, "fuzz: an imported document's %s is not valid UTF-8\n", what);
      abort ();
    }
}

void
fuzz_check_document (HearsayDocument *doc)
{
  const char *text = hearsay_document_get_text (doc);
  g_auto(GStrv) fields = hearsay_document_dup_field_names (doc);

  if (text == NULL)
    return;
  check_utf8 ("text", text);
  if (hearsay_document_get_length (doc) != (gint64) g_utf8_strlen (text, -1))
    {
      fprintf (stderr, "fuzz: an imported document's length %" G_GINT64_FORMAT
               " is not its text's %ld code points\n",
               hearsay_document_get_length (doc), g_utf8_strlen (text, -1));
      abort ();
    }
  check_utf8 ("title", hearsay_document_get_title (doc));
  check_utf8 ("outlet", hearsay_document_get_outlet (doc));
  check_utf8 ("url", hearsay_document_get_url (doc));
  check_utf8 ("date", hearsay_document_get_published_at (doc));
  check_utf8 ("language", hearsay_document_get_language (doc));
  check_utf8 ("source name", hearsay_document_get_source_name (doc));
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      const char * const *values = hearsay_document_get_field (doc, fields[i]);

      check_utf8 ("field name", fields[i]);
      for (guint k = 0; values != NULL && values[k] != NULL; k++)
        check_utf8 ("field value", values[k]);
    }
}

/* The annotations stored for @doc lie inside its text, with valid quotes. */
static void
check_stored_annotations (HearsayDocument *doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) annotations = hearsay_project_list_annotations (project, hearsay_document_get_id (doc),
                                                                        &error);
  gint64 length = hearsay_document_get_length (doc);

  if (annotations == NULL)
    {
      fprintf (stderr, "fuzz: cannot list the annotations just imported: %s\n", error->message);
      abort ();
    }
  for (guint i = 0; i < annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (annotations, i);

      check_utf8 ("annotation label", hearsay_annotation_get_label (ann));
      check_utf8 ("annotation note", hearsay_annotation_get_note (ann));
      check_utf8 ("annotator", hearsay_annotation_get_annotator (ann));
      for (guint k = 0; k < hearsay_annotation_get_n_fragments (ann); k++)
        {
          const HearsayFragment *f = hearsay_annotation_get_fragment (ann, k);

          if (f->start < 0 || f->start > f->end || f->end > length)
            {
              fprintf (stderr, "fuzz: a stored fragment %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT
                       " lies outside its document (%" G_GINT64_FORMAT " code points)\n",
                       f->start, f->end, length);
              abort ();
            }
          check_utf8 ("quote", f->exact);
          check_utf8 ("quote prefix", f->prefix);
          check_utf8 ("quote suffix", f->suffix);
        }
    }
}

gboolean
fuzz_import_paths (const char         *format,
                   const char * const *paths)
{
  HearsayImportOptions options = { .format = format };
  HearsayImportReport report;
  g_autoptr(GError) error = NULL;
  gint64 version, documents;
  gboolean ok;

  if (query_int ("SELECT count(*) FROM document;") > MAX_DOCUMENTS ||
      hearsay_scheme_get_n_labels (hearsay_project_get_scheme (project)) > MAX_LABELS)
    new_project ();
  version = query_int ("PRAGMA data_version;");
  documents = query_int ("SELECT count(*) FROM document;");

  hearsay_import_report_init (&report);
  ok = hearsay_import_paths (project, paths, &options, NULL, NULL, NULL, &report, &error);
  if (ok)
    {
      if (error != NULL)
        {
          fprintf (stderr, "fuzz: the import succeeded with an error set: %s\n", error->message);
          abort ();
        }
      for (guint i = 0; i < report.documents->len; i++)
        {
          fuzz_check_document (g_ptr_array_index (report.documents, i));
          check_stored_annotations (g_ptr_array_index (report.documents, i));
        }
    }
  else
    {
      if (error == NULL || error->message == NULL || !g_utf8_validate (error->message, -1, NULL))
        {
          fprintf (stderr, "fuzz: a refused import gave no (valid UTF-8) message\n");
          abort ();
        }
      if (query_int ("PRAGMA data_version;") != version ||
          query_int ("SELECT count(*) FROM document;") != documents)
        {
          fprintf (stderr, "fuzz: a refused import changed the project: %s\n", error->message);
          abort ();
        }
    }
  hearsay_import_report_clear (&report);
  return ok;
}
