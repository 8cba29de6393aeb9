/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-doccano.c: doccano JSONL, the two shapes doccano's own
 * sequence-labelling export writes (backend/data_export), one document a
 * line:
 *   doccano            {"id", "text", "label": [[START, END, "LABEL"], …],
 *                       "Comments": ["…"], META…}
 *   doccano-relations  {"id", "text", "entities": [{"id", "label",
 *                       "start_offset", "end_offset"}], "relations": [{"id",
 *                       "from_id", "to_id", "type"}], "Comments": [{"id",
 *                       "comment"}], META…}
 * META is the document's metadata and fields, one key each, as doccano
 * spreads an example's meta over the line; the field "comments" is the
 * "Comments" list. Offsets count UTF-16 code units, as doccano's UI does,
 * unless the user chose another unit, which the line then states in
 * "hearsay_offset_unit" (doccano keeps it as meta). What doccano cannot
 * hold — attributes, notes, annotators, discontinuous fragments (written
 * as one span each), relations across documents or to entities, and in the
 * first shape every relation — is counted and said at the end. */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "hearsay-export-private.h"

typedef struct
{
  gboolean relations;     /* the entities/relations shape */
  guint n_attributes;     /* annotations whose attributes are left out */
  guint n_notes;
  guint n_split;          /* discontinuous annotations written as several spans */
  guint n_relations;      /* relations left out */
  guint n_fields;         /* fields left out: their name is one of doccano's keys */
  GHashTable *annotators;
} DoccanoExport;

static void
doccano_free (gpointer data)
{
  DoccanoExport *self = data;

  g_hash_table_unref (self->annotators);
  g_free (self);
}

static gboolean
begin (HearsayExportContext  *ctx,
       gboolean               relations)
{
  DoccanoExport *self = g_new0 (DoccanoExport, 1);

  self->relations = relations;
  self->annotators = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->data = self;
  return TRUE;
}

static gboolean
doccano_begin (HearsayExportContext  *ctx,
               GError               **error)
{
  return begin (ctx, FALSE);
}

static gboolean
doccano_relations_begin (HearsayExportContext  *ctx,
                         GError               **error)
{
  return begin (ctx, TRUE);
}

typedef struct
{
  gint64 start, end;   /* in the export's unit */
  const char *label;
  gint64 id;
} Span;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return strcmp (x->label, y->label);
}

static void
append_key (GString    *s,
            const char *key)
{
  g_string_append (s, ", ");
  hearsay_json_append_string (s, key);
  g_string_append (s, ": ");
}

static gboolean
reserved_key (const char *key)
{
  static const char * const keys[] = { "id", "text", "label", "entities", "relations", "Comments",
                                       "comments", "hearsay_offset_unit", NULL };

  return g_strv_contains (keys, key);
}

static void
append_meta (HearsayExportContext *ctx,
             HearsayDocument      *doc,
             GString              *s)
{
  static const char * const metadata[] = { "title", "outlet", "url", "published_at", "language", NULL };
  DoccanoExport *self = ctx->data;
  g_auto(GStrv) fields = hearsay_document_dup_field_names (doc);

  for (guint i = 0; metadata[i]; i++)
    if (hearsay_document_get_metadata (doc, metadata[i]) != NULL)
      {
        append_key (s, metadata[i]);
        hearsay_json_append_string (s, hearsay_document_get_metadata (doc, metadata[i]));
      }
  for (guint i = 0; fields[i]; i++)
    {
      const char * const *values = hearsay_document_get_field (doc, fields[i]);

      if (g_str_equal (fields[i], "comments"))
        continue;
      if (reserved_key (fields[i]) || g_strv_contains (metadata, fields[i]))
        {
          self->n_fields++;
          continue;
        }
      append_key (s, fields[i]);
      if (values[0] != NULL && values[1] == NULL)
        hearsay_json_append_string (s, values[0]);
      else
        {
          g_string_append_c (s, '[');
          for (guint k = 0; values[k]; k++)
            {
              if (k > 0)
                g_string_append (s, ", ");
              hearsay_json_append_string (s, values[k]);
            }
          g_string_append_c (s, ']');
        }
    }
}

static void
append_comments (DoccanoExport   *self,
                 HearsayDocument *doc,
                 GString         *s)
{
  const char * const *comments = hearsay_document_get_field (doc, "comments");

  append_key (s, "Comments");
  g_string_append_c (s, '[');
  for (guint i = 0; comments != NULL && comments[i]; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      if (self->relations)
        g_string_append_printf (s, "{\"id\": %u, \"comment\": ", i + 1);
      hearsay_json_append_string (s, comments[i]);
      if (self->relations)
        g_string_append_c (s, '}');
    }
  g_string_append_c (s, ']');
}

static gboolean
doccano_document (HearsayDocument  *doc,
                  gpointer          data,
                  GError          **error)
{
  HearsayExportContext *ctx = data;
  DoccanoExport *self = ctx->data;
  HearsayOffsetUnit unit = ctx->options->offsets_given ? ctx->options->offset_unit : HEARSAY_OFFSET_UTF16;
  g_autoptr(HearsayOffsetMap) map = hearsay_offset_map_new (hearsay_document_get_text (doc), unit,
                                                            ctx->options->newlines);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GString *s = ctx->buffer;
  gboolean first = TRUE;

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  annotations = hearsay_export_annotations (ctx, hearsay_document_get_id (doc), error);
  if (annotations == NULL)
    return FALSE;
  for (guint i = 0; i < annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (annotations, i);
      g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (ann);

      g_hash_table_add (kept, g_memdup2 (&(gint64) { hearsay_annotation_get_id (ann) }, sizeof (gint64)));
      if (hearsay_annotation_get_annotator (ann) != NULL &&
          !g_hash_table_contains (self->annotators, hearsay_annotation_get_annotator (ann)))
        g_hash_table_add (self->annotators, g_strdup (hearsay_annotation_get_annotator (ann)));
      self->n_attributes += names[0] != NULL;
      self->n_notes += hearsay_annotation_get_note (ann) != NULL && *hearsay_annotation_get_note (ann) != '\0';
      self->n_split += hearsay_annotation_get_n_fragments (ann) > 1;
      for (guint k = 0; k < hearsay_annotation_get_n_fragments (ann); k++)
        {
          const HearsayFragment *f = hearsay_annotation_get_fragment (ann, k);
          /* Each fragment of a discontinuous annotation is a span; the first
           * keeps the annotation's id, which relations refer to. */
          Span span = { hearsay_offset_map_to_unit (map, f->start), hearsay_offset_map_to_unit (map, f->end),
                        hearsay_annotation_get_label (ann), k == 0 ? hearsay_annotation_get_id (ann) : -1 };

          g_array_append_val (spans, span);
        }
    }
  g_array_sort (spans, compare_spans);
  relations = hearsay_project_list_relations (ctx->project, hearsay_document_get_id (doc), error);
  if (relations == NULL)
    return FALSE;

  g_string_append_printf (s, "{\"id\": %" PRId64, hearsay_document_get_id (doc));
  append_key (s, "text");
  hearsay_json_append_string (s, hearsay_offset_map_get_text (map));
  append_key (s, self->relations ? "entities" : "label");
  g_string_append_c (s, '[');
  for (guint i = 0, n = 0; i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);

      if (i > 0)
        g_string_append (s, ", ");
      if (!self->relations)
        {
          g_string_append_printf (s, "[%" PRId64 ", %" PRId64 ", ", span->start, span->end);
          hearsay_json_append_string (s, span->label);
          g_string_append_c (s, ']');
          continue;
        }
      /* Fragments after the first get ids no annotation has: negative. */
      g_string_append_printf (s, "{\"id\": %" PRId64 ", \"label\": ", span->id > 0 ? span->id : -(gint64) ++n);
      hearsay_json_append_string (s, span->label);
      g_string_append_printf (s, ", \"start_offset\": %" PRId64 ", \"end_offset\": %" PRId64 "}",
                              span->start, span->end);
    }
  g_string_append_c (s, ']');
  if (self->relations)
    {
      append_key (s, "relations");
      g_string_append_c (s, '[');
    }
  for (guint i = 0; i < relations->len; i++)
    {
      const HearsayRelation *r = g_ptr_array_index (relations, i);

      if (!g_hash_table_contains (kept, &r->from_id) || !hearsay_export_keeps_relation (ctx, r))
        continue;
      if (!self->relations || r->to_id == 0 || !g_hash_table_contains (kept, &r->to_id))
        {
          /* Excluded boilerplate takes its relations with it, unsaid. */
          if (r->to_id == 0 || hearsay_export_keeps_annotation (ctx, r->to_id))
            self->n_relations++;
          continue;
        }
      g_string_append_printf (s, "%s{\"id\": %" PRId64 ", \"from_id\": %" PRId64 ", \"to_id\": %" PRId64
                              ", \"type\": ", first ? "" : ", ", r->id, r->from_id, r->to_id);
      hearsay_json_append_string (s, r->type);
      g_string_append_c (s, '}');
      first = FALSE;
    }
  if (self->relations)
    g_string_append_c (s, ']');
  append_comments (self, doc, s);
  if (unit != HEARSAY_OFFSET_UTF16)
    {
      append_key (s, "hearsay_offset_unit");
      hearsay_json_append_string (s, hearsay_offset_unit_to_string (unit));
    }
  append_meta (ctx, doc, s);
  g_string_append (s, "}\n");
  return hearsay_export_flush (ctx, error);
}

static gboolean
doccano_end (HearsayExportContext  *ctx,
             GError               **error)
{
  DoccanoExport *self = ctx->data;
  const char *name = self->relations ? "doccano-relations" : "doccano";

  if (self->n_attributes > 0)
    hearsay_export_warn (ctx, "%s: the attributes of %u annotations are left out (doccano spans have none)",
                         name, self->n_attributes);
  if (self->n_notes > 0)
    hearsay_export_warn (ctx, "%s: the notes of %u annotations are left out (doccano spans have none)",
                         name, self->n_notes);
  if (self->n_split > 0)
    hearsay_export_warn (ctx, "%s: %u discontinuous annotations are written as one span per fragment",
                         name, self->n_split);
  if (self->n_relations > 0)
    hearsay_export_warn (ctx, self->relations
                              ? "%s: %u relations across documents or to entities are left out"
                              : "%s: %u relations are left out (doccano-relations writes them)",
                         name, self->n_relations);
  if (self->n_fields > 0)
    hearsay_export_warn (ctx, "%s: %u document fields are left out: their names are doccano's own keys",
                         name, self->n_fields);
  if (g_hash_table_size (self->annotators) > 1)
    hearsay_export_warn (ctx, "%s: the spans of %u annotators are written together, without their names "
                              "(doccano imports them as the importing user's)",
                         name, g_hash_table_size (self->annotators));
  return TRUE;
}

const HearsayExportWriter hearsay_export_doccano_writer = {
  .begin = doccano_begin,
  .document = doccano_document,
  .end = doccano_end,
  .free_data = doccano_free,
};

const HearsayExportWriter hearsay_export_doccano_relations_writer = {
  .begin = doccano_relations_begin,
  .document = doccano_document,
  .end = doccano_end,
  .free_data = doccano_free,
};
