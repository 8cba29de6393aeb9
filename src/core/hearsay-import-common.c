/* hearsay-import-common.c: reading files, locating errors and storing what
 * the corpus importers found, inside the caller's transaction. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hearsay-encoding.h"
#include "hearsay-error.h"
#include "hearsay-import-private.h"

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
  if (!hearsay_store_insert_document (ctx->store, doc, error))
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
  if (!hearsay_store_insert_annotation (ctx->store, ann, error))
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

  if (hearsay_store_insert_relation (ctx->store, &r, error) == 0)
    return FALSE;
  ctx->report->n_relations++;
  return TRUE;
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

/* Plain text and the sample article: the text importer's documents, stored
 * with their boilerplate marked, in one transaction. */
gboolean
hearsay_project_add_imported_documents (HearsayProject       *self,
                                        GPtrArray            *documents,
                                        gboolean              mark_boilerplate,
                                        HearsayImportReport  *report,
                                        GError              **error)
{
  HearsayCorpusImportOptions options = { .no_boilerplate = !mark_boilerplate };
  HearsayImportReport local_report;
  HearsayImportContext ctx = { self, hearsay_project_get_store (self), &options, report, NULL, NULL, FALSE, NULL };
  gboolean ok = TRUE;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);

  if (report == NULL)
    {
      hearsay_import_report_init (&local_report);
      ctx.report = &local_report;
    }
  if (ctx.store == NULL || !hearsay_store_begin (ctx.store, error))
    {
      if (ctx.store == NULL)
        g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                     _("The project %s is closed"), hearsay_project_get_path (self));
      ok = FALSE;
    }
  for (guint i = 0; ok && i < documents->len; i++)
    ok = hearsay_import_store_document (&ctx, g_ptr_array_index (documents, i), TRUE, error);
  if (ok)
    ok = hearsay_store_commit (ctx.store, error);
  if (!ok)
    {
      if (ctx.store != NULL)
        hearsay_store_rollback (ctx.store);
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
    hearsay_project_emit_documents_changed (self);
  return ok;
}
