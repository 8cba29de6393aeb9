/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-csv.c: RFC 4180 — one row per fragment, CRLF line ends,
 * offsets in code points (or the unit asked for, named in the header),
 * end exclusive. */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "hearsay-export-private.h"

static void
append_field (GString    *s,
              const char *value,
              gboolean    last)
{
  if (value == NULL)
    value = "";
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (s, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (s, '"');
          g_string_append_c (s, *p);
        }
      g_string_append_c (s, '"');
    }
  else
    g_string_append (s, value);
  g_string_append (s, last ? "\r\n" : ",");
}

static void
append_int (GString *s,
            gint64   value)
{
  g_string_append_printf (s, "%" PRId64 ",", value);
}

static gboolean
csv_begin (HearsayExportContext  *ctx,
           GError               **error)
{
  /* The columns name a unit other than code points, so that no reader
   * mistakes it for the default. */
  if (ctx->options->offset_unit == HEARSAY_OFFSET_CODEPOINT)
    g_string_append (ctx->buffer,
                     "document_id,annotation_id,title,outlet,label,start,end,text,attributes,annotator,note\r\n");
  else
    g_string_append_printf (ctx->buffer,
                            "document_id,annotation_id,title,outlet,label,start_%s,end_%s,text,attributes,annotator,note\r\n",
                            hearsay_offset_unit_to_string (ctx->options->offset_unit),
                            hearsay_offset_unit_to_string (ctx->options->offset_unit));
  return hearsay_export_flush (ctx, error);
}

static char *
format_attributes (HearsayAnnotation *ann)
{
  g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (ann);
  GString *s = g_string_new (NULL);

  for (guint i = 0; names[i]; i++)
    {
      const char * const *values = hearsay_annotation_get_attribute_values (ann, names[i]);

      for (guint j = 0; values[j]; j++)
        g_string_append_printf (s, "%s%s=%s", s->len ? ";" : "", names[i], values[j]);
    }
  return g_string_free (s, FALSE);
}

static gboolean
csv_document (HearsayDocument  *doc,
                             gpointer          data,
                             GError          **error)
{
  HearsayExportContext *ctx = data;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(HearsayOffsetMap) map = hearsay_export_offset_map (ctx, doc);
  GString *s = ctx->buffer;

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  annotations = hearsay_export_annotations (ctx, hearsay_document_get_id (doc), error);
  if (annotations == NULL)
    return FALSE;

  for (guint i = 0; i < annotations->len; i++)
    {
      g_autoptr(HearsayAnnotation) ann =
        hearsay_export_convert_annotation (map, g_ptr_array_index (annotations, i));
      g_autofree char *attributes = format_attributes (ann);

      for (guint j = 0; j < hearsay_annotation_get_n_fragments (ann); j++)
        {
          const HearsayFragment *f = hearsay_annotation_get_fragment (ann, j);

          append_int (s, hearsay_document_get_id (doc));
          append_int (s, hearsay_annotation_get_id (ann));
          append_field (s, hearsay_document_get_title (doc), FALSE);
          append_field (s, hearsay_document_get_outlet (doc), FALSE);
          append_field (s, hearsay_annotation_get_label (ann), FALSE);
          append_int (s, f->start);
          append_int (s, f->end);
          append_field (s, f->exact, FALSE);
          append_field (s, attributes, FALSE);
          append_field (s, hearsay_annotation_get_annotator (ann), FALSE);
          append_field (s, hearsay_annotation_get_note (ann), TRUE);
        }
    }
  return hearsay_export_flush (ctx, error);
}

const HearsayExportWriter hearsay_export_csv_writer = {
  .begin = csv_begin,
  .document = csv_document,
};
