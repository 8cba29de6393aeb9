/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export.c: format dispatch, streaming and atomic output. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hearsay-atomic-file.h"
#include "hearsay-error.h"
#include "hearsay-export-private.h"

static const struct {
  const char *name;
  HearsayExportFormat format;
  const HearsayExportWriter *writer;
} formats[] = {
  { "jsonl", HEARSAY_EXPORT_JSONL, &hearsay_export_jsonl_writer },
  { "csv", HEARSAY_EXPORT_CSV, &hearsay_export_csv_writer },
  { "brat", HEARSAY_EXPORT_BRAT, &hearsay_export_brat_writer },
  { "w3c", HEARSAY_EXPORT_W3C, &hearsay_export_w3c_writer },
  { "semeval", HEARSAY_EXPORT_SEMEVAL, &hearsay_export_semeval_writer },
  { "tei", HEARSAY_EXPORT_TEI, &hearsay_export_tei_writer },
  { "qdpx", HEARSAY_EXPORT_QDPX, &hearsay_export_qdpx_writer },
  { "qdc", HEARSAY_EXPORT_QDC, &hearsay_export_qdc_writer },
  { "conll", HEARSAY_EXPORT_CONLL, &hearsay_export_conll_writer },
  { "webanno-tsv", HEARSAY_EXPORT_WEBANNO_TSV, &hearsay_export_webanno_tsv_writer },
  { "xmi", HEARSAY_EXPORT_XMI, &hearsay_export_xmi_writer },
  { "doccano", HEARSAY_EXPORT_DOCCANO, &hearsay_export_doccano_writer },
  { "doccano-relations", HEARSAY_EXPORT_DOCCANO_RELATIONS, &hearsay_export_doccano_relations_writer },
  { "labelstudio", HEARSAY_EXPORT_LABELSTUDIO, &hearsay_export_labelstudio_writer },
};

static const HearsayExportWriter *
lookup_writer (HearsayExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].writer;
  return NULL;
}

gboolean
hearsay_export_format_from_string (const char          *name,
                                   HearsayExportFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_strcmp0 (name, formats[i].name) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

const char *
hearsay_export_format_to_string (HearsayExportFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].name;
  return NULL;
}

char *
hearsay_export_format_names (void)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", formats[i].name);
  return g_string_free (names, FALSE);
}

gboolean
hearsay_export_format_is_directory (HearsayExportFormat format)
{
  const HearsayExportWriter *writer = lookup_writer (format);

  return writer != NULL && writer->marker != NULL;
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

static gboolean
annotation_kept (HearsayExportContext *ctx,
                 HearsayAnnotation    *ann)
{
  const char *annotator = hearsay_annotation_get_annotator (ann);

  if (ctx->options->exclude_boilerplate &&
      g_strcmp0 (hearsay_annotation_get_label (ann), HEARSAY_LABEL_BOILERPLATE) == 0)
    return FALSE;
  return ctx->options->layers == NULL || (annotator != NULL && g_strv_contains (ctx->options->layers, annotator));
}

GPtrArray *
hearsay_export_annotations (HearsayExportContext  *ctx,
                            gint64                 document_id,
                            GError               **error)
{
  GPtrArray *list = hearsay_project_list_annotations (ctx->project, document_id, error);

  if (list == NULL || (!ctx->options->exclude_boilerplate && ctx->options->layers == NULL))
    return list;
  for (guint i = list->len; i > 0; i--)
    if (!annotation_kept (ctx, g_ptr_array_index (list, i - 1)))
      g_ptr_array_remove_index (list, i - 1);
  return list;
}

gboolean
hearsay_export_keeps_annotation (HearsayExportContext *ctx,
                                 gint64                annotation_id)
{
  g_autoptr(HearsayAnnotation) ann = NULL;

  if (!ctx->options->exclude_boilerplate && ctx->options->layers == NULL)
    return TRUE;
  ann = hearsay_project_get_annotation (ctx->project, annotation_id, NULL);
  return ann == NULL || annotation_kept (ctx, ann);
}

gboolean
hearsay_export_keeps_relation (HearsayExportContext  *ctx,
                               const HearsayRelation *relation)
{
  return ctx->options->layers == NULL || relation->annotator == NULL ||
         g_strv_contains (ctx->options->layers, relation->annotator);
}

gboolean
hearsay_export_in_selection (HearsayExportContext  *ctx,
                             const HearsayRelation *relation)
{
  g_autoptr(HearsayAnnotation) target = NULL;
  gint64 document_id;

  if (ctx->options->document_ids == NULL || relation->to_id <= 0)
    return TRUE;
  if (ctx->selected == NULL)
    {
      ctx->selected = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < ctx->options->n_document_ids; i++)
        g_hash_table_add (ctx->selected, (gpointer) &ctx->options->document_ids[i]);
    }
  target = hearsay_project_get_annotation (ctx->project, relation->to_id, NULL);
  document_id = target != NULL ? hearsay_annotation_get_document_id (target) : 0;
  if (g_hash_table_contains (ctx->selected, &document_id))
    return TRUE;
  ctx->n_outside++;
  return FALSE;
}

GPtrArray *
hearsay_export_relations (HearsayExportContext  *ctx,
                          gint64                 document_id,
                          GHashTable            *kept,
                          GError               **error)
{
  GPtrArray *list = hearsay_project_list_relations (ctx->project, document_id, error);

  if (list == NULL)
    return NULL;
  /* A relation from or to an excluded annotation goes with it. */
  for (guint i = list->len; i > 0; i--)
    {
      const HearsayRelation *r = g_ptr_array_index (list, i - 1);

      if (!g_hash_table_contains (kept, &r->from_id) || !hearsay_export_keeps_relation (ctx, r) ||
          (r->to_id > 0 && !g_hash_table_contains (kept, &r->to_id) &&
           !hearsay_export_keeps_annotation (ctx, r->to_id)) ||
          !hearsay_export_in_selection (ctx, r))
        g_ptr_array_remove_index (list, i - 1);
    }
  return list;
}

HearsayOffsetMap *
hearsay_export_offset_map (HearsayExportContext *ctx,
                           HearsayDocument      *document)
{
  return hearsay_offset_map_new (hearsay_document_get_text (document),
                                 ctx->options->offset_unit, ctx->options->newlines);
}

HearsayAnnotation *
hearsay_export_convert_annotation (HearsayOffsetMap  *map,
                                   HearsayAnnotation *ann)
{
  HearsayAnnotation *copy;
  g_auto(GStrv) names = NULL;
  gint64 length = hearsay_offset_map_get_length (map);

  if (hearsay_offset_map_is_identity (map))
    return g_object_ref (ann);

  copy = hearsay_annotation_new (hearsay_annotation_get_document_id (ann),
                                 hearsay_annotation_get_label (ann));
  hearsay_annotation_set_id (copy, hearsay_annotation_get_id (ann));
  hearsay_annotation_set_note (copy, hearsay_annotation_get_note (ann));
  hearsay_annotation_set_annotator (copy, hearsay_annotation_get_annotator (ann));
  hearsay_annotation_set_created_at (copy, hearsay_annotation_get_created_at (ann));
  hearsay_annotation_set_modified_at (copy, hearsay_annotation_get_modified_at (ann));
  names = hearsay_annotation_dup_attribute_names (ann);
  for (guint i = 0; names[i]; i++)
    hearsay_annotation_set_attribute_values (copy, names[i],
                                             hearsay_annotation_get_attribute_values (ann, names[i]));
  for (guint i = 0; i < hearsay_annotation_get_n_fragments (ann); i++)
    {
      const HearsayFragment *f = hearsay_annotation_get_fragment (ann, i);
      gint64 s = hearsay_offset_map_to_codepoint (map, f->start);
      gint64 e = hearsay_offset_map_to_codepoint (map, f->end);
      const char *ps = hearsay_offset_map_pointer (map, s);
      const char *pe = hearsay_offset_map_pointer (map, e);
      const char *pp = hearsay_offset_map_pointer (map, MAX (0, s - HEARSAY_QUOTE_CONTEXT));
      const char *px = hearsay_offset_map_pointer (map, MIN (length, e + HEARSAY_QUOTE_CONTEXT));
      g_autofree char *exact = g_strndup (ps, pe - ps);
      g_autofree char *prefix = g_strndup (pp, ps - pp);
      g_autofree char *suffix = g_strndup (pe, px - pe);

      hearsay_annotation_add_fragment_full (copy, hearsay_offset_map_to_unit (map, f->start),
                                            hearsay_offset_map_to_unit (map, f->end),
                                            exact, prefix, suffix);
    }
  return copy;
}

void
hearsay_export_warn (HearsayExportContext *ctx,
                     const char           *format,
                     ...)
{
  va_list args;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  if (ctx->options->warnings != NULL)
    g_ptr_array_add (ctx->options->warnings, message);
  else
    {
      g_debug ("%s", message);
      g_free (message);
    }
}

gboolean
hearsay_export_write_file (HearsayExportContext  *ctx,
                           const char            *name,
                           const char            *data,
                           gsize                  size,
                           GError               **error)
{
  g_autofree char *path = g_build_filename (ctx->dir, name, NULL);
  g_autoptr(GError) local_error = NULL;

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  if (!g_file_set_contents (path, data, size, &local_error))
    {
      g_set_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_FAILED,
                   _("Cannot write %s: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

char *
hearsay_export_guid (HearsayExportContext *ctx,
                     const char           *key)
{
  g_autofree char *seed = g_strconcat (hearsay_project_get_path (ctx->project), "\n", key, NULL);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);

  /* Shaped as a version-4 UUID so that strict readers accept it. */
  return g_strdup_printf ("%.8s-%.4s-4%.3s-%c%.3s-%.12s", hex, hex + 8, hex + 13,
                          "89ab"[g_ascii_xdigit_value (hex[16]) & 3], hex + 17, hex + 20);
}

static gboolean
run_export (HearsayProject             *self,
            const HearsayExportWriter  *writer,
            const HearsayExportOptions *options,
            GOutputStream              *out,
            const char                 *dir,
            GCancellable               *cancellable,
            GError                    **error)
{
  static const HearsayExportOptions defaults = { 0 };
  g_autoptr(GString) buffer = g_string_sized_new (64 * 1024);
  HearsayExportContext ctx = { self, options ? options : &defaults, out, cancellable, buffer, dir, NULL };
  gboolean ok;

  ok = (writer->begin == NULL || writer->begin (&ctx, error)) &&
       (writer->document == NULL ||
        hearsay_project_foreach_document (self, ctx.options->document_ids, ctx.options->n_document_ids,
                                          writer->document, &ctx, error)) &&
       (writer->end == NULL || writer->end (&ctx, error)) &&
       !g_cancellable_set_error_if_cancelled (cancellable, error) &&
       (out == NULL || (hearsay_export_flush (&ctx, error) &&
                        g_output_stream_flush (out, cancellable, error)));
  if (ok && ctx.n_outside > 0)
    hearsay_export_warn (&ctx, g_dngettext (GETTEXT_PACKAGE,
                                            "%u relation to a document outside the export was left out",
                                            "%u relations to documents outside the export were left out",
                                            ctx.n_outside), ctx.n_outside);
  if (writer->free_data != NULL && ctx.data != NULL)
    writer->free_data (ctx.data);
  g_clear_pointer (&ctx.selected, g_hash_table_unref);
  return ok;
}

gboolean
hearsay_export_project (HearsayProject             *self,
                        HearsayExportFormat         format,
                        const HearsayExportOptions *options,
                        GOutputStream              *out,
                        GCancellable               *cancellable,
                        GError                    **error)
{
  const HearsayExportWriter *writer = lookup_writer (format);

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (writer == NULL || writer->marker != NULL)
    {
      g_set_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_UNSUPPORTED,
                   writer ? _("This export format writes a folder; give a folder name")
                          : _("This export format is not supported"));
      return FALSE;
    }
  return run_export (self, writer, options, out, NULL, cancellable, error);
}

gboolean
hearsay_export_project_to_path (HearsayProject             *self,
                                HearsayExportFormat         format,
                                const HearsayExportOptions *options,
                                const char                 *path,
                                GCancellable               *cancellable,
                                GError                    **error)
{
  const HearsayExportWriter *writer = lookup_writer (format);

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (writer == NULL)
    {
      g_set_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_UNSUPPORTED,
                   _("This export format is not supported"));
      return FALSE;
    }

  if (writer->marker != NULL)
    {
      g_autoptr(HearsayAtomicDir) dir = hearsay_atomic_dir_new (path, writer->marker, error);

      if (dir == NULL ||
          !run_export (self, writer, options, NULL, hearsay_atomic_dir_get_path (dir),
                       cancellable, error))
        return FALSE;
      return hearsay_atomic_dir_commit (dir, error);
    }
  else
    {
      g_autoptr(HearsayAtomicFile) file = hearsay_atomic_file_new (path, error);

      if (file == NULL ||
          !run_export (self, writer, options, hearsay_atomic_file_get_stream (file), NULL,
                       cancellable, error))
        return FALSE;
      return hearsay_atomic_file_commit (file, error);
    }
}
