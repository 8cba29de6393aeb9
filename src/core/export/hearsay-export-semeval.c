/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-semeval.c: the SemEval-2023 Task 3 span layout — a folder
 * with article<ID>.txt (the text, verbatim) per document and one span file,
 * labels-subtask-3-spans.txt, with a line "<ID>\t<technique>\t<start>\t<end>"
 * per fragment of each persuasion annotation (technique: the value's SemEval
 * name). Offsets count code points of the .txt file, CR of CRLF and a BOM
 * included; end exclusive unless end_inclusive. The span file has no room
 * for a comment: README.txt in the folder states the unit. */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-export-private.h"

#define SPANS_FILE "labels-subtask-3-spans.txt"

typedef struct
{
  GOutputStream *spans;
} SemevalState;

static void
semeval_state_free (gpointer data)
{
  SemevalState *state = data;

  g_clear_object (&state->spans);
  g_free (state);
}

static gboolean
semeval_begin (HearsayExportContext  *ctx,
               GError               **error)
{
  SemevalState *state = g_new0 (SemevalState, 1);
  g_autofree char *path = g_build_filename (ctx->dir, SPANS_FILE, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GOutputStream) raw = NULL;
  g_autofree char *readme = NULL;

  ctx->data = state;
  readme = g_strdup_printf ("SemEval-2023 Task 3 span layout, written by Hearsay.\n"
                            "article<ID>.txt: the document text; " SPANS_FILE ": "
                            "<ID>\\t<technique>\\t<start>\\t<end> per span.\n"
                            "offsets: %s, end %s%s\n",
                            hearsay_offset_unit_to_string (ctx->options->offset_unit),
                            ctx->options->end_inclusive ? "inclusive" : "exclusive",
                            ctx->options->newlines == HEARSAY_NEWLINES_LF ? ", line ends CRLF written as LF" : "");
  if (!hearsay_export_write_file (ctx, "README.txt", readme, strlen (readme), error))
    return FALSE;
  raw = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, ctx->cancellable, error));
  if (raw == NULL)
    return FALSE;
  state->spans = g_buffered_output_stream_new_sized (raw, 256 * 1024);
  ctx->out = state->spans;
  return TRUE;
}

static const char *
technique_name (HearsayScheme *scheme,
                const char    *value)
{
  const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, HEARSAY_LABEL_PERSUASION);
  const HearsayAttributeDef *def = label ? hearsay_label_lookup_attribute (label, "technique") : NULL;
  const HearsayValueDef *v = def ? hearsay_attribute_lookup_value (def, value) : NULL;

  return v && v->semeval ? v->semeval : value;
}

static gboolean
semeval_document (HearsayDocument  *doc,
                  gpointer          data,
                  GError          **error)
{
  HearsayExportContext *ctx = data;
  HearsayScheme *scheme = hearsay_project_get_scheme (ctx->project);
  g_autoptr(HearsayOffsetMap) map = hearsay_export_offset_map (ctx, doc);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autofree char *name = g_strdup_printf ("article%" PRId64 ".txt", hearsay_document_get_id (doc));
  gint64 id = hearsay_document_get_id (doc);

  annotations = hearsay_export_annotations (ctx, id, error);
  if (annotations == NULL ||
      !hearsay_export_write_file (ctx, name, hearsay_offset_map_get_text (map),
                                  hearsay_offset_map_get_text_size (map), error))
    return FALSE;

  for (guint i = 0; i < annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (annotations, i);
      const char * const *values;

      if (g_strcmp0 (hearsay_annotation_get_label (ann), HEARSAY_LABEL_PERSUASION) != 0)
        continue;
      values = hearsay_annotation_get_attribute_values (ann, "technique");
      if (values == NULL || values[0] == NULL)
        {
          hearsay_export_warn (ctx, "semeval: persuasion annotation %" PRId64
                               " has no technique and was left out", hearsay_annotation_get_id (ann));
          continue;
        }
      for (guint v = 0; values[v]; v++)
        for (guint j = 0; j < hearsay_annotation_get_n_fragments (ann); j++)
          {
            const HearsayFragment *f = hearsay_annotation_get_fragment (ann, j);
            gint64 end = hearsay_offset_map_to_unit (map, f->end);

            if (ctx->options->end_inclusive)
              end = hearsay_offset_map_codepoint_to_unit (map, hearsay_offset_map_to_codepoint (map, f->end) - 1);
            g_string_append_printf (ctx->buffer, "%" PRId64 "\t%s\t%" PRId64 "\t%"
                                    PRId64 "\n", id, technique_name (scheme, values[v]),
                                    hearsay_offset_map_to_unit (map, f->start), end);
          }
    }
  return hearsay_export_flush (ctx, error);
}

static gboolean
semeval_end (HearsayExportContext  *ctx,
             GError               **error)
{
  SemevalState *state = ctx->data;

  if (!hearsay_export_flush (ctx, error))
    return FALSE;
  ctx->out = NULL;
  return g_output_stream_close (state->spans, ctx->cancellable, error);
}

const HearsayExportWriter hearsay_export_semeval_writer = {
  .begin = semeval_begin,
  .document = semeval_document,
  .end = semeval_end,
  .free_data = semeval_state_free,
  .marker = SPANS_FILE,
};
