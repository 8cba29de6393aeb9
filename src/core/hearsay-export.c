/* hearsay-export.c: format dispatch, streaming and atomic output. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-atomic-file.h"
#include "hearsay-error.h"
#include "hearsay-export-private.h"

gboolean
hearsay_export_format_from_string (const char          *name,
                                   HearsayExportFormat *format)
{
  if (g_strcmp0 (name, "jsonl") == 0)
    *format = HEARSAY_EXPORT_JSONL;
  else if (g_strcmp0 (name, "csv") == 0)
    *format = HEARSAY_EXPORT_CSV;
  else
    return FALSE;
  return TRUE;
}

gboolean
hearsay_export_flush (HearsayExportContext  *ctx,
                      GError               **error)
{
  if (ctx->buffer->len > 0 &&
      !g_output_stream_write_all (ctx->out, ctx->buffer->str, ctx->buffer->len, NULL,
                                  ctx->cancellable, error))
    return FALSE;
  g_string_truncate (ctx->buffer, 0);
  return TRUE;
}

GPtrArray *
hearsay_export_annotations (HearsayExportContext  *ctx,
                            gint64                 document_id,
                            GError               **error)
{
  GPtrArray *list = hearsay_project_list_annotations (ctx->project, document_id, error);

  if (list == NULL || !ctx->options->exclude_boilerplate)
    return list;
  for (guint i = list->len; i > 0; i--)
    if (g_strcmp0 (hearsay_annotation_get_label (g_ptr_array_index (list, i - 1)), "boilerplate") == 0)
      g_ptr_array_remove_index (list, i - 1);
  return list;
}

gboolean
hearsay_export_keeps_annotation (HearsayExportContext *ctx,
                                 gint64                annotation_id)
{
  g_autoptr(HearsayAnnotation) ann = NULL;

  if (!ctx->options->exclude_boilerplate)
    return TRUE;
  ann = hearsay_project_get_annotation (ctx->project, annotation_id, NULL);
  return ann == NULL || g_strcmp0 (hearsay_annotation_get_label (ann), "boilerplate") != 0;
}

gboolean
hearsay_project_export (HearsayProject             *self,
                        HearsayExportFormat         format,
                        const HearsayExportOptions *options,
                        GOutputStream              *out,
                        GCancellable               *cancellable,
                        GError                    **error)
{
  static const HearsayExportOptions defaults = { 0 };
  g_autoptr(GString) buffer = g_string_sized_new (64 * 1024);
  HearsayExportContext ctx = { self, options ? options : &defaults, out, cancellable, buffer };
  HearsayStoreDocumentFunc func;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  switch (format)
    {
    case HEARSAY_EXPORT_JSONL:
      func = hearsay_export_jsonl_document;
      break;
    case HEARSAY_EXPORT_CSV:
      if (!hearsay_export_csv_begin (&ctx, error))
        return FALSE;
      func = hearsay_export_csv_document;
      break;
    default:
      g_set_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_UNSUPPORTED,
                   _("This export format is not supported"));
      return FALSE;
    }

  if (hearsay_project_get_store (self) == NULL)
    {
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                   _("The project is closed"));
      return FALSE;
    }
  if (!hearsay_store_foreach_document (hearsay_project_get_store (self),
                                       ctx.options->document_ids, ctx.options->n_document_ids,
                                       func, &ctx, error))
    return FALSE;
  return hearsay_export_flush (&ctx, error) && g_output_stream_flush (out, cancellable, error);
}

gboolean
hearsay_project_export_to_path (HearsayProject             *self,
                                HearsayExportFormat         format,
                                const HearsayExportOptions *options,
                                const char                 *path,
                                GCancellable               *cancellable,
                                GError                    **error)
{
  g_autoptr(HearsayAtomicFile) file = hearsay_atomic_file_new (path, error);

  if (file == NULL)
    return FALSE;
  if (!hearsay_project_export (self, format, options, hearsay_atomic_file_get_stream (file),
                               cancellable, error))
    return FALSE;
  return hearsay_atomic_file_commit (file, error);
}
