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

#define ROLES_FILE "subtask-1-annotations.txt"

typedef struct
{
  GOutputStream *spans;
  GString *roles;           /* SemEval-2025 entity framing lines */
  GHashTable *left_out;     /* label → annotations the layout cannot carry */
} SemevalState;

static void
semeval_state_free (gpointer data)
{
  SemevalState *state = data;

  g_clear_object (&state->spans);
  g_string_free (state->roles, TRUE);
  g_hash_table_unref (state->left_out);
  g_free (state);
}

static void
count_left_out (SemevalState *state,
                const char   *label)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (state->left_out, label));

  g_hash_table_replace (state->left_out, g_strdup (label), GUINT_TO_POINTER (n + 1));
}

static const char *
value_name (HearsayScheme *scheme,
            const char    *label_id,
            const char    *attribute,
            const char    *value)
{
  const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, label_id);
  const HearsayAttributeDef *def = label ? hearsay_label_lookup_attribute (label, attribute) : NULL;
  const HearsayValueDef *v = def ? hearsay_attribute_lookup_value (def, value) : NULL;

  return v && v->semeval ? v->semeval : v ? v->name : value;
}

/* An entity mention with a role, as SemEval-2025 Task 10 subtask 1 writes
 * it: "article<ID>.txt MENTION START END MAIN_ROLE FINE_ROLE…", END
 * inclusive, one line per fragment. */
static void
append_role (HearsayExportContext *ctx,
             SemevalState         *state,
             HearsayOffsetMap     *map,
             const char           *name,
             HearsayAnnotation    *ann)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (ctx->project);
  const char *role = hearsay_annotation_get_attribute (ann, "role");
  const char * const *fine = hearsay_annotation_get_attribute_values (ann, "fine_roles");

  for (guint j = 0; j < hearsay_annotation_get_n_fragments (ann); j++)
    {
      const HearsayFragment *f = hearsay_annotation_get_fragment (ann, j);
      gint64 s = hearsay_offset_map_to_codepoint (map, f->start), e = hearsay_offset_map_to_codepoint (map, f->end);
      const char *ps = hearsay_offset_map_pointer (map, s), *pe = hearsay_offset_map_pointer (map, e);
      g_autofree char *mention = g_strndup (ps, pe - ps);

      /* The line's fields are separated by tabs and the lines by LF. */
      g_strdelimit (mention, "\t\r\n", ' ');
      g_string_append_printf (state->roles, "%s\t%s\t%" PRId64 "\t%" PRId64 "\t%s", name, mention,
                              hearsay_offset_map_codepoint_to_unit (map, s),
                              hearsay_offset_map_codepoint_to_unit (map, e - 1),
                              value_name (scheme, HEARSAY_LABEL_ENTITY_MENTION, "role", role));
      for (guint k = 0; fine != NULL && fine[k] != NULL; k++)
        g_string_append_printf (state->roles, "\t%s",
                                value_name (scheme, HEARSAY_LABEL_ENTITY_MENTION, "fine_roles", fine[k]));
      g_string_append_c (state->roles, '\n');
    }
}

static gboolean
semeval_begin (HearsayExportContext  *ctx,
               GError               **error)
{
  SemevalState *state = g_new0 (SemevalState, 1);

  state->roles = g_string_new (NULL);
  state->left_out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *path = g_build_filename (ctx->dir, SPANS_FILE, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GOutputStream) raw = NULL;
  g_autofree char *readme = NULL;

  ctx->data = state;
  readme = g_strdup_printf ("SemEval-2023 Task 3 span layout, written by Hearsay.\n"
                            "article<ID>.txt: the document text; " SPANS_FILE ": "
                            "<ID>\\t<technique>\\t<start>\\t<end> per span; " ROLES_FILE
                            " (when entity mentions have roles): the SemEval-2025 Task 10 entity "
                            "framing lines, end inclusive.\n"
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
  SemevalState *state = ctx->data;
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

      if (g_strcmp0 (hearsay_annotation_get_label (ann), HEARSAY_LABEL_ENTITY_MENTION) == 0 &&
          hearsay_annotation_get_attribute (ann, "role") != NULL)
        {
          append_role (ctx, state, map, name, ann);
          continue;
        }
      if (g_strcmp0 (hearsay_annotation_get_label (ann), HEARSAY_LABEL_PERSUASION) != 0)
        {
          count_left_out (state, hearsay_annotation_get_label (ann));
          continue;
        }
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
  g_autoptr(GList) labels = NULL;
  g_autoptr(GString) said = g_string_new (NULL);
  guint total = 0;

  if (!hearsay_export_flush (ctx, error))
    return FALSE;
  ctx->out = NULL;
  if (!g_output_stream_close (state->spans, ctx->cancellable, error))
    return FALSE;
  if (state->roles->len > 0 &&
      !hearsay_export_write_file (ctx, ROLES_FILE, state->roles->str, state->roles->len, error))
    return FALSE;
  /* Nothing is dropped without saying what and how many. */
  labels = g_list_sort (g_hash_table_get_keys (state->left_out), (GCompareFunc) strcmp);
  for (GList *l = labels; l != NULL; l = l->next)
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (state->left_out, l->data));

      g_string_append_printf (said, "%s%s: %u", said->len > 0 ? ", " : "", (const char *) l->data, n);
      total += n;
    }
  if (total > 0)
    hearsay_export_warn (ctx, g_dngettext (GETTEXT_PACKAGE,
                                           "semeval: %u annotation that is neither a persuasion technique nor an "
                                           "entity mention with a role was left out (%s)",
                                           "semeval: %u annotations that are neither persuasion techniques nor "
                                           "entity mentions with a role were left out (%s)", total),
                         total, said->str);
  return TRUE;
}

const HearsayExportWriter hearsay_export_semeval_writer = {
  .begin = semeval_begin,
  .document = semeval_document,
  .end = semeval_end,
  .free_data = semeval_state_free,
  .marker = SPANS_FILE,
};
