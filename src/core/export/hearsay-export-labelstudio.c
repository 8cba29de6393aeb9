/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-labelstudio.c: Label Studio JSON tasks, the shape of
 * Label Studio's own JSON export (docs/source/guide/export.md), which its
 * import reads back:
 *   [{"id", "data": {"text", "title", "outlet", …, FIELD…},
 *     "annotations": [{"id", "completed_by", "result": […], "created_at",
 *                      "updated_at", "was_cancelled", "ground_truth"}],
 *     "predictions": [{"model_version", "result": […]}]}, …]
 * One task per document, one annotation per annotator (the annotators
 * "prediction" and "prediction:VERSION" are predictions). Each annotation
 * is a "labels" region (from_name "label", to_name "text") with its text;
 * its attributes are per-region "choices" results and its note a
 * per-region "textarea" (from_name "note"), sharing the region's id.
 * Relations are "relation" results ("bi" for a symmetric type). Document
 * fields go into the task's data, as Label Studio keeps a task's other
 * values. completed_by is the user object Label Studio exports ({"id",
 * "email", …}, the annotator's name as the email), or the user id for an
 * annotator Hearsay named "labelstudio-user-N". Offsets count code points,
 * as Label Studio's Text tag does; another unit chosen with --offsets is
 * stated in the task's meta ("hearsay_offset_unit"). A discontinuous
 * annotation is one region per fragment; relations across documents, to
 * entities or between two annotators' regions cannot be written: each is
 * counted and said. */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "hearsay-export-private.h"

typedef struct
{
  GHashTable *users;       /* annotator → user id (GINT_TO_POINTER) */
  guint n_tasks;
  guint n_split;
  guint n_relations;       /* across documents or to entities */
  guint n_crossing;        /* between two annotators' regions */
  gint64 next_annotation;
} LsExport;

static void
ls_free (gpointer data)
{
  LsExport *self = data;

  g_hash_table_unref (self->users);
  g_free (self);
}

static gboolean
ls_begin (HearsayExportContext  *ctx,
          GError               **error)
{
  LsExport *self = g_new0 (LsExport, 1);

  self->users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->data = self;
  g_string_append (ctx->buffer, "[");
  return hearsay_export_flush (ctx, error);
}

static void
key (GString    *s,
     const char *name)
{
  hearsay_json_append_string (s, name);
  g_string_append (s, ": ");
}

static void
string_member (GString    *s,
               const char *name,
               const char *value)
{
  g_string_append (s, ", ");
  key (s, name);
  hearsay_json_append_string (s, value);
}

static void
string_list (GString            *s,
             const char * const *values)
{
  g_string_append_c (s, '[');
  for (guint i = 0; values != NULL && values[i]; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      hearsay_json_append_string (s, values[i]);
    }
  g_string_append_c (s, ']');
}

static gboolean
is_prediction (const char *annotator)
{
  return g_strcmp0 (annotator, "prediction") == 0 || g_str_has_prefix (annotator ? annotator : "", "prediction:");
}

static void
region_id (GString *s,
           gint64   annotation,
           guint    fragment)
{
  if (fragment == 0)
    g_string_append_printf (s, "\"h%" PRId64 "\"", annotation);
  else
    g_string_append_printf (s, "\"h%" PRId64 "-%u\"", annotation, fragment);
}

/* One result of a region: its id, names, type and the span it is on. */
static void
begin_result (GString                *s,
              gboolean               *first,
              gint64                  annotation,
              guint                   fragment,
              const char             *from_name,
              const char             *type,
              const HearsayFragment  *f)
{
  g_string_append (s, *first ? "\n      " : ",\n      ");
  *first = FALSE;
  g_string_append (s, "{\"id\": ");
  region_id (s, annotation, fragment);
  string_member (s, "from_name", from_name);
  g_string_append (s, ", \"to_name\": \"text\"");
  string_member (s, "type", type);
  g_string_append_printf (s, ", \"value\": {\"start\": %" PRId64 ", \"end\": %" PRId64, f->start, f->end);
}

typedef struct
{
  HearsayAnnotation *ann;  /* converted to the export's unit */
  guint fragment;
} Piece;

static int
compare_pieces (gconstpointer a,
                gconstpointer b)
{
  const Piece *x = a, *y = b;
  const HearsayFragment *f = hearsay_annotation_get_fragment (x->ann, x->fragment);
  const HearsayFragment *g = hearsay_annotation_get_fragment (y->ann, y->fragment);

  if (f->start != g->start)
    return f->start < g->start ? -1 : 1;
  if (f->end != g->end)
    return f->end < g->end ? -1 : 1;
  return 0;
}

/* One region: the labels result, then its attributes and note. */
static void
append_region (GString           *s,
               gboolean          *first,
               HearsayAnnotation *ann,
               guint              k)
{
  g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (ann);
  const char *note = hearsay_annotation_get_note (ann);
  gint64 id = hearsay_annotation_get_id (ann);
  const HearsayFragment *f = hearsay_annotation_get_fragment (ann, k);
  const char *label[] = { hearsay_annotation_get_label (ann), NULL };

  begin_result (s, first, id, k, "label", "labels", f);
  string_member (s, "text", f->exact);
  g_string_append (s, ", \"labels\": ");
  string_list (s, label);
  g_string_append (s, "}, \"origin\": \"manual\"}");
  for (guint i = 0; names[i]; i++)
    {
      begin_result (s, first, id, k, names[i], "choices", f);
      g_string_append (s, ", \"choices\": ");
      string_list (s, hearsay_annotation_get_attribute_values (ann, names[i]));
      g_string_append (s, "}}");
    }
  if (note != NULL && *note)
    {
      const char *texts[] = { note, NULL };

      begin_result (s, first, id, k, "note", "textarea", f);
      g_string_append (s, ", \"text\": ");
      string_list (s, texts);
      g_string_append (s, "}}");
    }
}

static void
append_user (LsExport   *self,
             GString    *s,
             const char *annotator)
{
  const char *digits = g_str_has_prefix (annotator, "labelstudio-user-") ? annotator + 17 : NULL;
  guint id;

  /* A Label Studio user id, as it came. */
  if (digits != NULL && *digits && strspn (digits, "0123456789") == strlen (digits) && strlen (digits) < 18)
    {
      g_string_append (s, digits);
      return;
    }
  id = GPOINTER_TO_UINT (g_hash_table_lookup (self->users, annotator));
  if (id == 0)
    {
      id = g_hash_table_size (self->users) + 1;
      g_hash_table_insert (self->users, g_strdup (annotator), GUINT_TO_POINTER (id));
    }
  g_string_append_printf (s, "{\"id\": %u", id);
  string_member (s, "email", annotator);
  g_string_append (s, ", \"first_name\": \"\", \"last_name\": \"\"}");
}

static void
append_data (GString         *s,
             HearsayDocument *doc,
             HearsayOffsetMap *map)
{
  static const char * const metadata[] = { "title", "outlet", "url", "published_at", "language", NULL };
  g_auto(GStrv) fields = hearsay_document_dup_field_names (doc);

  g_string_append (s, "\"data\": {");
  key (s, "text");
  hearsay_json_append_string (s, hearsay_offset_map_get_text (map));
  for (guint i = 0; metadata[i]; i++)
    if (hearsay_document_get_metadata (doc, metadata[i]) != NULL)
      string_member (s, metadata[i], hearsay_document_get_metadata (doc, metadata[i]));
  for (guint i = 0; fields[i]; i++)
    {
      const char * const *values = hearsay_document_get_field (doc, fields[i]);

      if (g_str_equal (fields[i], "text") || g_strv_contains (metadata, fields[i]))
        continue;
      g_string_append (s, ", ");
      key (s, fields[i]);
      if (values[0] != NULL && values[1] == NULL)
        hearsay_json_append_string (s, values[0]);
      else
        string_list (s, values);
    }
  g_string_append (s, "}");
}

static gboolean
ls_document (HearsayDocument  *doc,
             gpointer          data,
             GError          **error)
{
  HearsayExportContext *ctx = data;
  LsExport *self = ctx->data;
  HearsayOffsetUnit unit = ctx->options->offsets_given ? ctx->options->offset_unit : HEARSAY_OFFSET_CODEPOINT;
  g_autoptr(HearsayOffsetMap) map = hearsay_offset_map_new (hearsay_document_get_text (doc), unit,
                                                            ctx->options->newlines);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) annotators = g_ptr_array_new ();  /* names, in first-seen order */
  g_autoptr(GHashTable) owner = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) converted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  GString *s = ctx->buffer;

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  annotations = hearsay_export_annotations (ctx, hearsay_document_get_id (doc), error);
  if (annotations == NULL)
    return FALSE;
  for (guint i = 0; i < annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (annotations, i);
      const char *who = hearsay_annotation_get_annotator (ann) ? hearsay_annotation_get_annotator (ann) : "hearsay";
      guint at;

      if (!g_ptr_array_find_with_equal_func (annotators, who, g_str_equal, &at))
        {
          g_ptr_array_add (annotators, (gpointer) who);
          at = annotators->len - 1;
        }
      g_hash_table_insert (owner, g_memdup2 (&(gint64) { hearsay_annotation_get_id (ann) }, sizeof (gint64)),
                           GUINT_TO_POINTER (at + 1));
      g_hash_table_add (kept, g_memdup2 (&(gint64) { hearsay_annotation_get_id (ann) }, sizeof (gint64)));
      self->n_split += hearsay_annotation_get_n_fragments (ann) > 1;
    }
  relations = hearsay_export_relations (ctx, hearsay_document_get_id (doc), kept, error);
  if (relations == NULL)
    return FALSE;

  g_string_append_printf (s, "%s\n  {\"id\": %" PRId64 ", ", self->n_tasks++ > 0 ? "," : "",
                          hearsay_document_get_id (doc));
  append_data (s, doc, map);
  if (unit != HEARSAY_OFFSET_CODEPOINT)
    g_string_append_printf (s, ", \"meta\": {\"hearsay_offset_unit\": \"%s\"}", hearsay_offset_unit_to_string (unit));
  for (int list = 0; list < 2; list++)
    {
      gboolean first_annotation = TRUE;

      g_string_append (s, list == 0 ? ",\n   \"annotations\": [" : ",\n   \"predictions\": [");
      for (guint a = 0; a < annotators->len; a++)
        {
          const char *who = g_ptr_array_index (annotators, a);
          g_autofree char *created = NULL, *modified = NULL;
          gboolean first = TRUE;

          if (is_prediction (who) != (list == 1))
            continue;
          g_string_append (s, first_annotation ? "\n    {" : ",\n    {");
          first_annotation = FALSE;
          if (list == 0)
            {
              g_string_append_printf (s, "\"id\": %" PRId64 ", \"completed_by\": ", ++self->next_annotation);
              append_user (self, s, who);
            }
          else
            g_string_append_printf (s, "\"model_version\": \"%s\"", who[10] == ':' ? who + 11 : "");
          g_string_append (s, ", \"result\": [");
          g_ptr_array_set_size (converted, 0);
          g_array_set_size (pieces, 0);
          for (guint i = 0; i < annotations->len; i++)
            {
              HearsayAnnotation *ann = g_ptr_array_index (annotations, i);
              const char *c = hearsay_annotation_get_created_at (ann);
              const char *m = hearsay_annotation_get_modified_at (ann);

              if (GPOINTER_TO_UINT (g_hash_table_lookup (owner, &(gint64) { hearsay_annotation_get_id (ann) })) != a + 1)
                continue;
              g_ptr_array_add (converted, hearsay_export_convert_annotation (map, ann));
              for (guint k = 0; k < hearsay_annotation_get_n_fragments (ann); k++)
                g_array_append_val (pieces, ((Piece) { g_ptr_array_index (converted, converted->len - 1), k }));
              if (c != NULL && (created == NULL || strcmp (c, created) < 0))
                {
                  g_free (created);
                  created = g_strdup (c);
                }
              if (m != NULL && (modified == NULL || strcmp (m, modified) > 0))
                {
                  g_free (modified);
                  modified = g_strdup (m);
                }
            }
          /* By position, so that a re-import, which numbers annotations in
           * file order, exports the same again. */
          g_array_sort (pieces, compare_pieces);
          for (guint i = 0; i < pieces->len; i++)
            append_region (s, &first, g_array_index (pieces, Piece, i).ann, g_array_index (pieces, Piece, i).fragment);
          for (guint i = 0; i < relations->len; i++)
            {
              const HearsayRelation *r = g_ptr_array_index (relations, i);
              const HearsayRelationType *type = hearsay_scheme_lookup_relation_type (hearsay_project_get_scheme (ctx->project),
                                                                                      r->type);
              const char *labels[] = { r->type, NULL };
              guint from = GPOINTER_TO_UINT (g_hash_table_lookup (owner, &r->from_id));
              guint to = r->to_id > 0 ? GPOINTER_TO_UINT (g_hash_table_lookup (owner, &r->to_id)) : 0;

              if (from != a + 1 || to == 0)
                continue;
              if (to != from)
                continue;  /* counted below */
              g_string_append (s, first ? "\n      " : ",\n      ");
              first = FALSE;
              g_string_append (s, "{\"from_id\": ");
              region_id (s, r->from_id, 0);
              g_string_append (s, ", \"to_id\": ");
              region_id (s, r->to_id, 0);
              g_string_append_printf (s, ", \"type\": \"relation\", \"direction\": \"%s\", \"labels\": ",
                                      type != NULL && type->symmetric ? "bi" : "right");
              string_list (s, labels);
              g_string_append_c (s, '}');
            }
          g_string_append (s, first ? "]" : "\n    ]");
          if (list == 0)
            {
              g_string_append (s, ", \"was_cancelled\": false, \"ground_truth\": false");
              if (created != NULL)
                string_member (s, "created_at", created);
              if (modified != NULL)
                string_member (s, "updated_at", modified);
            }
          g_string_append_c (s, '}');
        }
      g_string_append (s, first_annotation ? "]" : "\n   ]");
    }
  g_string_append_c (s, '}');
  for (guint i = 0; i < relations->len; i++)
    {
      const HearsayRelation *r = g_ptr_array_index (relations, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (owner, &r->from_id));
      guint to = r->to_id > 0 ? GPOINTER_TO_UINT (g_hash_table_lookup (owner, &r->to_id)) : 0;

      if (to == 0)
        self->n_relations++;
      else if (to != from)
        self->n_crossing++;
    }
  return hearsay_export_flush (ctx, error);
}

static gboolean
ls_end (HearsayExportContext  *ctx,
        GError               **error)
{
  LsExport *self = ctx->data;

  g_string_append (ctx->buffer, self->n_tasks > 0 ? "\n]\n" : "]\n");
  if (self->n_split > 0)
    hearsay_export_warn (ctx, "labelstudio: %u discontinuous annotations are written as one region per fragment "
                              "(Label Studio's text regions are continuous)", self->n_split);
  if (self->n_relations > 0)
    hearsay_export_warn (ctx, "labelstudio: %u relations across documents or to entities are left out "
                              "(Label Studio relates regions of one task)", self->n_relations);
  if (self->n_crossing > 0)
    hearsay_export_warn (ctx, "labelstudio: %u relations between two annotators' annotations are left out "
                              "(Label Studio relates regions of one annotation)", self->n_crossing);
  return hearsay_export_flush (ctx, error);
}

const HearsayExportWriter hearsay_export_labelstudio_writer = {
  .begin = ls_begin,
  .document = ls_document,
  .end = ls_end,
  .free_data = ls_free,
};
