/* hearsay-export-csv.c: RFC 4180 — one row per fragment, CRLF line ends,
 * offsets in code points, end exclusive. */
#include "config.h"

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
  g_string_append_printf (s, "%" G_GINT64_FORMAT ",", value);
}

gboolean
hearsay_export_csv_begin (HearsayExportContext  *ctx,
                          GError               **error)
{
  g_string_append (ctx->buffer,
                   "document_id,annotation_id,title,outlet,label,start,end,text,attributes,annotator,note\r\n");
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

gboolean
hearsay_export_csv_document (HearsayDocument  *doc,
                             gpointer          data,
                             GError          **error)
{
  HearsayExportContext *ctx = data;
  g_autoptr(GPtrArray) annotations = NULL;
  GString *s = ctx->buffer;

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  annotations = hearsay_export_annotations (ctx, hearsay_document_get_id (doc), error);
  if (annotations == NULL)
    return FALSE;

  for (guint i = 0; i < annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (annotations, i);
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
