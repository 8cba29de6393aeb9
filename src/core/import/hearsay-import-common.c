/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-common.c: what every importer uses — the report, reading
 * files and folders, locating errors, and storing what it found inside the
 * import's transaction (through the project's bulk calls). */
#include "config.h"

#include <inttypes.h>

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hearsay-encoding.h"
#include "hearsay-error.h"
#include "hearsay-import-private.h"

void
hearsay_import_report_init (HearsayImportReport *report)
{
  memset (report, 0, sizeof *report);
  report->documents = g_ptr_array_new_with_free_func (g_object_unref);
  report->quote_mismatches = g_ptr_array_new_with_free_func (g_free);
  report->skipped = g_ptr_array_new_with_free_func (g_free);
  report->notes = g_ptr_array_new_with_free_func (g_free);
}

void
hearsay_import_report_clear (HearsayImportReport *report)
{
  g_clear_pointer (&report->documents, g_ptr_array_unref);
  g_clear_pointer (&report->quote_mismatches, g_ptr_array_unref);
  g_clear_pointer (&report->skipped, g_ptr_array_unref);
  g_clear_pointer (&report->notes, g_ptr_array_unref);
}

GBytes *
hearsay_import_read_file (const char  *path,
                          gsize        max,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_NOT_FOUND,
                   saved == ENOENT ? _("%s does not exist") : _("%s cannot be read: %s"),
                   path, g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_IS_DIRECTORY,
                   _("%s is a folder, not a file"), path);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID,
                   _("%s is not a regular file"), path);
      return NULL;
    }
  /* Checked before reading: a huge file is refused without being read. */
  if ((guint64) st.st_size > max)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_TOO_LARGE,
                   _("%s is too large (%.1f MB): Hearsay imports files of up to %zu MB; split it first"),
                   path, st.st_size / 1e6, max / (1024 * 1024));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_NOT_FOUND,
                   _("%s cannot be read: %s"), path, local_error->message);
      return NULL;
    }
  return g_bytes_new_take (contents, length);
}

char *
hearsay_import_read_text (const char  *path,
                          const char  *encoding,
                          char       **raw_sha256,
                          GError     **error)
{
  g_autoptr(GBytes) bytes = hearsay_import_read_file (path, HEARSAY_MAX_TEXT_BYTES, error);
  const char *data;
  gsize size;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  if (raw_sha256 != NULL)
    *raw_sha256 = hearsay_text_sha256 (data, size);
  return hearsay_encoding_decode (path, data, size, encoding, error);
}

gboolean
hearsay_import_fail (GError     **error,
                     const char  *path,
                     guint        line,
                     const char  *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (line > 0)
    g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID, "%s:%u: %s", path, line, message);
  else
    g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID, "%s: %s", path, message);
  return FALSE;
}

gboolean
hearsay_import_quote_mismatch (HearsayImportContext  *ctx,
                               GError               **error,
                               const char            *path,
                               guint                  line,
                               const char            *format,
                               ...)
{
  g_autofree char *message = NULL;
  g_autofree char *located = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  located = line > 0 ? g_strdup_printf ("%s:%u: %s", path, line, message) : g_strdup_printf ("%s: %s", path, message);
  if (ctx->options != NULL && ctx->options->strict_quotes)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID,
                   _("%s (the import stops at the first mismatch: strict quotes)"), located);
      return FALSE;
    }
  g_ptr_array_add (ctx->report->quote_mismatches, g_steal_pointer (&located));
  return TRUE;
}

void
hearsay_import_skip (HearsayImportContext  *ctx,
                     const char            *path,
                     guint                  line,
                     const char            *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (ctx->report->skipped, line > 0 ? g_strdup_printf ("%s:%u: %s", path, line, message)
                                                  : g_strdup_printf ("%s: %s", path, message));
}

void
hearsay_import_note (HearsayImportContext  *ctx,
                     const char            *path,
                     guint                  line,
                     const char            *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (ctx->report->notes == NULL)
    return;
  g_ptr_array_add (ctx->report->notes, line > 0 ? g_strdup_printf ("%s:%u: %s", path, line, message)
                                                : g_strdup_printf ("%s: %s", path, message));
}

gboolean
hearsay_import_store_document (HearsayImportContext  *ctx,
                               HearsayDocument       *doc,
                               gboolean               mark_boilerplate,
                               GError               **error)
{
  guint n_marked = 0;

  if (hearsay_document_get_imported_at (doc) == NULL)
    {
      g_autofree char *now = hearsay_now_iso8601 ();

      hearsay_document_set_imported_at (doc, now);
    }
  if (!hearsay_project_bulk_add_document (ctx->project, doc, error))
    return FALSE;
  if (mark_boilerplate && (ctx->options == NULL || !ctx->options->no_boilerplate))
    {
      if (ctx->boilerplate == NULL)
        ctx->boilerplate = hearsay_boilerplate_context_new (ctx->project);
      if (!hearsay_boilerplate_mark (ctx->boilerplate, doc, &n_marked, error))
        return FALSE;
      ctx->report->n_boilerplate += n_marked + hearsay_boilerplate_context_take_n_elsewhere (ctx->boilerplate);
      hearsay_document_set_n_annotations (doc, hearsay_document_get_n_annotations (doc) + n_marked);
    }
  g_ptr_array_add (ctx->report->documents, g_object_ref (doc));
  return TRUE;
}

gboolean
hearsay_import_store_annotation (HearsayImportContext  *ctx,
                                 HearsayTextIndex      *index,
                                 HearsayAnnotation     *ann,
                                 const char            *annotator,
                                 const char            *path,
                                 guint                  line,
                                 GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = hearsay_now_iso8601 ();

  if (!hearsay_project_validate_annotation (ctx->project, ann, index, FALSE, &local_error))
    return hearsay_import_fail (error, path, line, "%s", local_error->message);
  hearsay_annotation_fill_quotes (ann, index);
  if (hearsay_annotation_get_annotator (ann) == NULL)
    hearsay_annotation_set_annotator (ann, annotator);
  if (hearsay_annotation_get_created_at (ann) == NULL)
    hearsay_annotation_set_created_at (ann, now);
  if (hearsay_annotation_get_modified_at (ann) == NULL)
    hearsay_annotation_set_modified_at (ann, hearsay_annotation_get_created_at (ann));
  if (!hearsay_project_bulk_add_annotation (ctx->project, ann, error))
    return FALSE;
  ctx->report->n_annotations++;
  return TRUE;
}

gboolean
hearsay_import_store_relation (HearsayImportContext  *ctx,
                               const char            *type,
                               gint64                 from_id,
                               gint64                 to_id,
                               const char            *annotator,
                               GError               **error)
{
  g_autofree char *now = hearsay_now_iso8601 ();
  HearsayRelation r = { 0, (char *) type, from_id, to_id, 0, (char *) annotator, now };

  if (hearsay_project_bulk_add_relation (ctx->project, &r, error) == 0)
    return FALSE;
  ctx->report->n_relations++;
  return TRUE;
}

gboolean
hearsay_import_store_entity_relation (HearsayImportContext  *ctx,
                                      const char            *type,
                                      gint64                 from_id,
                                      gint64                 entity_id,
                                      const char            *annotator,
                                      GError               **error)
{
  g_autofree char *now = hearsay_now_iso8601 ();
  HearsayRelation r = { 0, (char *) type, from_id, 0, entity_id, (char *) annotator, now };

  if (hearsay_project_bulk_add_relation (ctx->project, &r, error) == 0)
    return FALSE;
  ctx->report->n_relations++;
  return TRUE;
}

HearsayOffsetConvention
hearsay_import_convention (HearsayImportContext          *ctx,
                           const HearsayOffsetConvention *stated,
                           const HearsayOffsetConvention *fallback)
{
  static const HearsayOffsetConvention codepoints = { HEARSAY_OFFSET_CODEPOINT, FALSE, FALSE };

  if (ctx->options->offsets_given)
    return ctx->options->offsets;
  if (stated != NULL)
    return *stated;
  return fallback != NULL ? *fallback : codepoints;
}

gboolean
hearsay_import_convert_span (HearsayOffsetReader           *reader,
                             const HearsayOffsetConvention *convention,
                             gint64                         start,
                             gint64                         end,
                             gint64                        *stored_start,
                             gint64                        *stored_end,
                             const char                    *path,
                             guint                          line,
                             GError                       **error)
{
  g_autofree char *unit = NULL;

  if (start >= 0 && end >= start &&
      hearsay_offset_reader_to_stored (reader, start, stored_start) &&
      hearsay_offset_reader_to_stored (reader, end, stored_end))
    return TRUE;
  unit = hearsay_offset_convention_describe (convention);
  if (end > hearsay_offset_reader_get_length (reader) || start > hearsay_offset_reader_get_length (reader))
    return hearsay_import_fail (error, path, line,
                                _("the span %" PRId64 "–%" PRId64 " is outside the text, "
                                  "which has %" PRId64 " (counted in %s)"),
                                start, end, hearsay_offset_reader_get_length (reader), unit);
  if (end < start || start < 0)
    return hearsay_import_fail (error, path, line,
                                _("the span %" PRId64 "–%" PRId64 " ends before it starts"),
                                start, end);
  return hearsay_import_fail (error, path, line,
                              _("the span %" PRId64 "–%" PRId64 " falls inside a character "
                                "of the text (counted in %s); choose the unit the file uses with --offsets"),
                              start, end, unit);
}

char *
hearsay_import_excerpt (const char *text,
                        guint       max)
{
  glong n;
  g_autofree char *head = NULL;

  if (text == NULL)
    return g_strdup ("");
  n = g_utf8_strlen (text, -1);
  if (max < 8 || n <= (glong) max)
    return g_strdup (text);
  head = g_utf8_substring (text, 0, max / 2);
  return g_strconcat (head, "…", g_utf8_offset_to_pointer (text, n - (glong) (max - max / 2 - 1)), NULL);
}

char *
hearsay_import_map_label (HearsayScheme *scheme,
                          const char    *name)
{
  g_autofree char *id = hearsay_import_identifier (name);

  if (scheme != NULL && hearsay_scheme_lookup_label (scheme, id) != NULL)
    return g_steal_pointer (&id);
  return g_strdup (name);
}

char *
hearsay_import_identifier (const char *name)
{
  char *id = g_ascii_strdown (name, -1);

  for (char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p))
      *p = '_';
  return id;
}

gboolean
hearsay_import_text_matches (HearsayTextIndex *index,
                             gint64            start,
                             gint64            end,
                             const char       *expected)
{
  const char *s, *e;

  if (start < 0 || end < start || end > hearsay_text_index_get_length (index))
    return FALSE;
  s = hearsay_text_index_pointer (index, start);
  e = hearsay_text_index_pointer (index, end);
  return (gsize) (e - s) == strlen (expected) && memcmp (s, expected, e - s) == 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The files of @dir whose names end with one of @suffixes, sorted by name.
 * Links that lead out of the folder are refused: a folder of articles must
 * not make Hearsay read other files. */
GPtrArray *
hearsay_import_list_dir (const char          *dir,
                         const char * const  *suffixes,
                         GError             **error)
{
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *real_dir = NULL;
  GPtrArray *paths;
  const char *name;

  d = g_dir_open (dir, 0, error);
  if (d == NULL)
    return NULL;
  real_dir = g_canonicalize_filename (dir, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    for (guint i = 0; suffixes[i]; i++)
      if (hearsay_import_has_suffix (name, suffixes[i]))
        {
          g_ptr_array_add (names, g_strdup (name));
          break;
        }
  g_ptr_array_sort (names, compare_names);
  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < names->len; i++)
    {
      const char *n = g_ptr_array_index (names, i);
      char *path = g_build_filename (dir, n, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        {
          g_autofree char *target = g_file_read_link (path, NULL);
          g_autofree char *resolved = target ? g_canonicalize_filename (target, real_dir) : NULL;

          if (resolved == NULL || !g_str_has_prefix (resolved, real_dir) || resolved[strlen (real_dir)] != G_DIR_SEPARATOR)
            {
              g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID,
                           _("%s is a link that leads out of the folder (to %s); Hearsay does not follow it"),
                           path, target ? target : "?");
              g_free (path);
              g_ptr_array_unref (paths);
              return NULL;
            }
        }
      g_ptr_array_add (paths, path);
    }
  return paths;
}

#define MAX_TREE_DEPTH 8

static gboolean
list_tree (const char          *dir,
           const char * const  *suffixes,
           guint                depth,
           GPtrArray           *out,
           GError             **error)
{
  g_autoptr(GPtrArray) files = hearsay_import_list_dir (dir, suffixes, error);
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) subdirs = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (files == NULL)
    return FALSE;
  for (guint i = 0; i < files->len; i++)
    if (!g_file_test (g_ptr_array_index (files, i), G_FILE_TEST_IS_DIR))
      g_ptr_array_add (out, g_strdup (g_ptr_array_index (files, i)));
  if (depth >= MAX_TREE_DEPTH)
    return TRUE;
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;

      /* Hidden folders (.git, .cache) are not the corpus; a link to a
       * folder is not followed, so nothing outside is reached. */
      if (name[0] == '.')
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        g_ptr_array_add (subdirs, g_steal_pointer (&path));
    }
  g_ptr_array_sort (subdirs, compare_names);
  for (guint i = 0; i < subdirs->len; i++)
    if (!list_tree (g_ptr_array_index (subdirs, i), suffixes, depth + 1, out, error))
      return FALSE;
  return TRUE;
}

GPtrArray *
hearsay_import_list_tree (const char          *dir,
                          const char * const  *suffixes,
                          GError             **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (!list_tree (dir, suffixes, 0, paths, error))
    return NULL;
  return g_steal_pointer (&paths);
}

/* Plain text and the sample article: the text importer's documents, stored
 * with their boilerplate marked, in one transaction. */
gboolean
hearsay_import_documents (HearsayProject       *project,
                          GPtrArray            *documents,
                          gboolean              mark_boilerplate,
                          HearsayImportReport  *report,
                          GError              **error)
{
  HearsayImportOptions options = { .no_boilerplate = !mark_boilerplate };
  HearsayImportReport local_report;
  HearsayImportContext ctx = { project, &options, report };
  gboolean ok;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (project), FALSE);

  if (report == NULL)
    {
      hearsay_import_report_init (&local_report);
      ctx.report = &local_report;
    }
  ok = hearsay_project_bulk_begin (project, error);
  for (guint i = 0; ok && i < documents->len; i++)
    ok = hearsay_import_store_document (&ctx, g_ptr_array_index (documents, i), TRUE, error);
  if (ok)
    ok = hearsay_project_bulk_commit (project, error);
  if (!ok)
    {
      hearsay_project_bulk_rollback (project);
      for (guint i = 0; i < documents->len; i++)
        hearsay_document_set_id (g_ptr_array_index (documents, i), 0);
    }
  hearsay_boilerplate_context_free (ctx.boilerplate);
  if (report == NULL)
    hearsay_import_report_clear (&local_report);
  else if (!ok)
    {
      g_ptr_array_set_size (report->documents, 0);
      report->n_boilerplate = 0;
    }
  if (ok)
    hearsay_project_emit_documents_changed (project);
  return ok;
}
