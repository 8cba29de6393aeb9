/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-w3c.c: one W3C Web Annotation AnnotationCollection
 * (JSON-LD), streamed: a document's annotations are written and forgotten.
 *
 * TextPositionSelector counts code points, end exclusive (the model's own
 * unit); "hearsay:offsetUnit" on the collection says so, and each selector
 * carries it too when another unit was asked for; with --newlines lf the
 * collection says "hearsay:newlines": "lf" and a document without a URL is
 * named by the sha256 of its text with CR LF as LF. The label is a tagging
 * body, attributes classifying bodies ("name=value"), the note a commenting
 * body; a discontinuous annotation has one target per fragment. Relations
 * are linking annotations that target the two annotations (or an entity).
 * "total" comes last, once it is known. */
#include "config.h"

#include <inttypes.h>

#include "hearsay-export-private.h"

typedef struct
{
  guint64 total;
  gboolean first;
  char *project;   /* the project's GUID, the stem of every id */
} W3cState;

static void
w3c_state_free (gpointer data)
{
  W3cState *state = data;

  g_free (state->project);
  g_free (state);
}

static void
append_member (GString    *s,
               const char *key,
               const char *value)
{
  g_string_append_c (s, ',');
  hearsay_json_append_string (s, key);
  g_string_append_c (s, ':');
  hearsay_json_append_string (s, value);
}

/* "urn:hearsay:<project guid>:<kind>:<id>": stable, and unique across
 * projects without hashing every annotation. */
static void
append_uuid (HearsayExportContext *ctx,
             GString              *s,
             const char           *kind,
             gint64                id)
{
  W3cState *state = ctx->data;

  g_string_append_printf (s, "\"urn:hearsay:%s:%s:%" PRId64 "\"", state->project, kind, id);
}

static void
append_body (GString    *s,
             const char *purpose,
             const char *value)
{
  g_string_append (s, ",{\"type\":\"TextualBody\"");
  append_member (s, "purpose", purpose);
  append_member (s, "value", value);
  g_string_append_c (s, '}');
}

static void
begin_item (HearsayExportContext *ctx,
            W3cState             *state,
            const char           *kind,
            gint64                id)
{
  GString *s = ctx->buffer;

  g_string_append (s, state->first ? "\n{\"id\":" : ",\n{\"id\":");
  state->first = FALSE;
  state->total++;
  append_uuid (ctx, s, kind, id);
  g_string_append (s, ",\"type\":\"Annotation\"");
}

static void
append_creator (GString    *s,
                const char *name)
{
  if (name == NULL || *name == '\0')
    return;
  g_string_append (s, ",\"creator\":{\"type\":\"Person\"");
  append_member (s, "name", name);
  g_string_append_c (s, '}');
}

static void
append_annotation (HearsayExportContext *ctx,
                   W3cState             *state,
                   const char           *source,
                   HearsayAnnotation    *ann)
{
  GString *s = ctx->buffer;
  g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (ann);
  const char *note = hearsay_annotation_get_note (ann);
  guint n = hearsay_annotation_get_n_fragments (ann);

  begin_item (ctx, state, "annotation", hearsay_annotation_get_id (ann));
  g_string_append (s, ",\"motivation\":\"tagging\"");
  if (hearsay_annotation_get_created_at (ann))
    append_member (s, "created", hearsay_annotation_get_created_at (ann));
  if (hearsay_annotation_get_modified_at (ann))
    append_member (s, "modified", hearsay_annotation_get_modified_at (ann));
  append_creator (s, hearsay_annotation_get_annotator (ann));

  /* The first body has no leading comma: write it by hand. */
  g_string_append (s, ",\"body\":[{\"type\":\"TextualBody\",\"purpose\":\"tagging\"");
  append_member (s, "value", hearsay_annotation_get_label (ann));
  g_string_append_c (s, '}');
  for (guint i = 0; names[i]; i++)
    {
      const char * const *values = hearsay_annotation_get_attribute_values (ann, names[i]);

      for (guint j = 0; values[j]; j++)
        {
          g_autofree char *pair = g_strdup_printf ("%s=%s", names[i], values[j]);

          append_body (s, "classifying", pair);
        }
    }
  if (note != NULL && *note != '\0')
    append_body (s, "commenting", note);
  g_string_append_c (s, ']');

  g_string_append (s, n > 1 ? ",\"target\":[" : ",\"target\":");
  for (guint i = 0; i < n; i++)
    {
      const HearsayFragment *f = hearsay_annotation_get_fragment (ann, i);

      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append (s, "{\"source\":");
      hearsay_json_append_string (s, source);
      g_string_append_printf (s, ",\"selector\":[{\"type\":\"TextPositionSelector\",\"start\":%"
                              PRId64 ",\"end\":%" PRId64, f->start, f->end);
      if (ctx->options->offset_unit != HEARSAY_OFFSET_CODEPOINT)
        append_member (s, "hearsay:offsetUnit", hearsay_offset_unit_to_string (ctx->options->offset_unit));
      g_string_append (s, "},{\"type\":\"TextQuoteSelector\"");
      append_member (s, "exact", f->exact);
      append_member (s, "prefix", f->prefix);
      append_member (s, "suffix", f->suffix);
      g_string_append (s, "}]}");
    }
  if (n > 1)
    g_string_append_c (s, ']');
  g_string_append_c (s, '}');
}

static gboolean
append_relation (HearsayExportContext  *ctx,
                 W3cState              *state,
                 const HearsayRelation *r,
                 GError               **error)
{
  GString *s = ctx->buffer;

  begin_item (ctx, state, "relation", r->id);
  g_string_append (s, ",\"motivation\":\"linking\"");
  if (r->created_at)
    append_member (s, "created", r->created_at);
  append_creator (s, r->annotator);
  g_string_append (s, ",\"body\":[{\"type\":\"TextualBody\",\"purpose\":\"linking\"");
  append_member (s, "value", r->type);
  g_string_append_c (s, '}');
  if (r->to_entity_id > 0)
    {
      g_autoptr(HearsayEntity) entity = hearsay_project_get_entity (ctx->project, r->to_entity_id, error);
      g_autofree char *text = NULL;

      if (entity == NULL)
        return FALSE;
      text = g_strdup_printf ("entity: %s (%s)", hearsay_entity_get_name (entity),
                              hearsay_entity_get_kind (entity));
      append_body (s, "identifying", text);
    }
  g_string_append (s, "],\"target\":[");
  append_uuid (ctx, s, "annotation", r->from_id);
  g_string_append_c (s, ',');
  if (r->to_id > 0)
    append_uuid (ctx, s, "annotation", r->to_id);
  else
    append_uuid (ctx, s, "entity", r->to_entity_id);
  g_string_append (s, "]}");
  return TRUE;
}

static gboolean
w3c_begin (HearsayExportContext  *ctx,
           GError               **error)
{
  W3cState *state = g_new0 (W3cState, 1);
  g_autofree char *name = hearsay_project_dup_name (ctx->project);
  g_autofree char *label = NULL;
  const char *unit = hearsay_offset_unit_to_string (ctx->options->offset_unit);
  GString *s = ctx->buffer;

  state->first = TRUE;
  state->project = hearsay_export_guid (ctx, "project");
  ctx->data = state;
  label = g_strdup_printf ("%s (offsets: %s, end exclusive)", name ? name : "Hearsay", unit);
  g_string_append (s, "{\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\"id\":");
  append_uuid (ctx, s, "collection", 0);
  g_string_append (s, ",\"type\":\"AnnotationCollection\"");
  append_member (s, "label", label);
  append_member (s, "hearsay:offsetUnit", unit);
  /* Positions and quotes are those of the text with CR LF as LF. */
  if (ctx->options->newlines == HEARSAY_NEWLINES_LF)
    append_member (s, "hearsay:newlines", "lf");
  g_string_append (s, ",\"first\":{\"type\":\"AnnotationPage\",\"id\":");
  append_uuid (ctx, s, "page", 1);
  g_string_append (s, ",\"items\":[");
  return hearsay_export_flush (ctx, error);
}

static gboolean
w3c_document (HearsayDocument  *doc,
              gpointer          data,
              GError          **error)
{
  HearsayExportContext *ctx = data;
  W3cState *state = ctx->data;
  g_autoptr(HearsayOffsetMap) map = hearsay_export_offset_map (ctx, doc);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *urn = NULL;
  const char *source = hearsay_document_get_url (doc);

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  annotations = hearsay_export_annotations (ctx, hearsay_document_get_id (doc), error);
  if (annotations == NULL)
    return FALSE;
  /* Named by the sha256 of the text its positions count in: with
   * --newlines lf, the text with CR LF as LF. */
  if ((source == NULL || *source == '\0') && hearsay_offset_map_is_identity (map))
    source = urn = g_strdup_printf ("urn:hearsay:document:%s", hearsay_document_get_sha256 (doc));
  else if (source == NULL || *source == '\0')
    {
      g_autofree char *sha = hearsay_text_sha256 (hearsay_offset_map_get_text (map),
                                                  hearsay_offset_map_get_text_size (map));

      source = urn = g_strdup_printf ("urn:hearsay:document:%s", sha);
    }

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), annotations->len);
  for (guint i = 0; i < annotations->len; i++)
    {
      g_autoptr(HearsayAnnotation) ann =
        hearsay_export_convert_annotation (map, g_ptr_array_index (annotations, i));
      gint64 id = hearsay_annotation_get_id (ann);

      g_array_append_val (ids, id);
      append_annotation (ctx, state, source, ann);
      if (ctx->buffer->len > 256 * 1024 && !hearsay_export_flush (ctx, error))
        return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (kept, &g_array_index (ids, gint64, i));
  relations = hearsay_export_relations (ctx, hearsay_document_get_id (doc), kept, error);
  g_hash_table_remove_all (kept);
  if (relations == NULL)
    return FALSE;
  for (guint i = 0; i < relations->len; i++)
    if (!append_relation (ctx, state, g_ptr_array_index (relations, i), error))
      return FALSE;
  return hearsay_export_flush (ctx, error);
}

static gboolean
w3c_end (HearsayExportContext  *ctx,
         GError               **error)
{
  W3cState *state = ctx->data;

  g_string_append_printf (ctx->buffer, "\n]},\"total\":%" G_GUINT64_FORMAT "}\n", state->total);
  return hearsay_export_flush (ctx, error);
}

const HearsayExportWriter hearsay_export_w3c_writer = {
  .begin = w3c_begin,
  .document = w3c_document,
  .end = w3c_end,
  .free_data = w3c_state_free,
};
