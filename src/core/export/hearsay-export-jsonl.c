/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-jsonl.c: the native, lossless format — one document per line.
 * Keys are always written in the same order so that an export, imported and
 * exported again, is byte-identical. */
#include "config.h"

#include <inttypes.h>

#include "hearsay-export-private.h"

static void
append_key (GString    *s,
            const char *key)
{
  g_string_append_c (s, ',');
  hearsay_json_append_string (s, key);
  g_string_append_c (s, ':');
}

static void
append_string_member (GString    *s,
                      const char *key,
                      const char *value)
{
  append_key (s, key);
  hearsay_json_append_string (s, value);
}

static void
append_values (GString            *s,
               const char * const *values,
               gboolean            as_array)
{
  if (!as_array)
    {
      hearsay_json_append_string (s, values[0]);
      return;
    }
  g_string_append_c (s, '[');
  for (guint i = 0; values[i]; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      hearsay_json_append_string (s, values[i]);
    }
  g_string_append_c (s, ']');
}

static gboolean
jsonl_document (HearsayDocument  *doc,
                               gpointer          data,
                               GError          **error)
{
  HearsayExportContext *ctx = data;
  HearsayScheme *scheme = hearsay_project_get_scheme (ctx->project);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(HearsayOffsetMap) map = hearsay_export_offset_map (ctx, doc);
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_auto(GStrv) fields = hearsay_document_dup_field_names (doc);
  GString *s = ctx->buffer;
  gboolean first;

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  annotations = hearsay_export_annotations (ctx, hearsay_document_get_id (doc), error);
  if (annotations == NULL)
    return FALSE;
  relations = hearsay_project_list_relations (ctx->project, hearsay_document_get_id (doc), error);
  if (relations == NULL)
    return FALSE;

  g_string_append_printf (s, "{\"offset_unit\":\"%s\"",
                          hearsay_offset_unit_to_string (ctx->options->offset_unit));
  g_string_append_printf (s, ",\"id\":%" PRId64, hearsay_document_get_id (doc));
  append_string_member (s, "title", hearsay_document_get_title (doc));
  append_string_member (s, "outlet", hearsay_document_get_outlet (doc));
  append_string_member (s, "url", hearsay_document_get_url (doc));
  append_string_member (s, "published_at", hearsay_document_get_published_at (doc));
  append_string_member (s, "language", hearsay_document_get_language (doc));
  append_string_member (s, "direction", hearsay_direction_to_string (hearsay_document_get_direction (doc)));
  if (hearsay_offset_map_get_text (map) == hearsay_document_get_text (doc))
    append_string_member (s, "sha256", hearsay_document_get_sha256 (doc));
  else
    {
      g_autofree char *sha = hearsay_text_sha256 (hearsay_offset_map_get_text (map),
                                                  hearsay_offset_map_get_text_size (map));

      append_string_member (s, "sha256", sha);
    }
  append_key (s, "source");
  g_string_append_c (s, '{');
  g_string_append (s, "\"name\":");
  hearsay_json_append_string (s, hearsay_document_get_source_name (doc));
  append_string_member (s, "sha256", hearsay_document_get_source_sha256 (doc));
  append_string_member (s, "imported_at", hearsay_document_get_imported_at (doc));
  g_string_append_c (s, '}');
  append_key (s, "fields");
  g_string_append_c (s, '{');
  for (guint i = 0; fields[i]; i++)
    {
      const HearsayAttributeDef *def = hearsay_scheme_lookup_document_field (scheme, fields[i]);
      const char * const *values = hearsay_document_get_field (doc, fields[i]);

      if (i > 0)
        g_string_append_c (s, ',');
      hearsay_json_append_string (s, fields[i]);
      g_string_append_c (s, ':');
      append_values (s, values, values[1] != NULL || (def && def->kind == HEARSAY_ATTRIBUTE_MULTI));
    }
  g_string_append_c (s, '}');
  append_string_member (s, "text", hearsay_offset_map_get_text (map));

  append_key (s, "annotations");
  g_string_append_c (s, '[');
  for (guint i = 0; i < annotations->len; i++)
    {
      g_autoptr(HearsayAnnotation) ann =
        hearsay_export_convert_annotation (map, g_ptr_array_index (annotations, i));
      gint64 *id = g_new (gint64, 1);

      *id = hearsay_annotation_get_id (ann);
      g_hash_table_add (kept, id);
      if (i > 0)
        g_string_append_c (s, ',');
      hearsay_annotation_append_json (s, scheme, ann);
    }
  g_string_append_c (s, ']');

  append_key (s, "relations");
  g_string_append_c (s, '[');
  first = TRUE;
  for (guint i = 0; i < relations->len; i++)
    {
      const HearsayRelation *r = g_ptr_array_index (relations, i);

      /* A relation from or to an excluded annotation goes with it. */
      if (!g_hash_table_contains (kept, &r->from_id) || !hearsay_export_keeps_relation (ctx, r) ||
          (r->to_id > 0 && !g_hash_table_contains (kept, &r->to_id) &&
           !hearsay_export_keeps_annotation (ctx, r->to_id)) ||
          !hearsay_export_in_selection (ctx, r))
        continue;
      if (!first)
        g_string_append_c (s, ',');
      hearsay_relation_append_json (s, r);
      first = FALSE;
    }
  g_string_append (s, "]");

  /* The entities this document's relations point at, so a line stands alone. */
  append_key (s, "entities");
  g_string_append_c (s, '[');
  first = TRUE;
  for (guint i = 0; i < relations->len; i++)
    {
      const HearsayRelation *r = g_ptr_array_index (relations, i);
      g_autoptr(HearsayEntity) entity = NULL;

      if (r->to_entity_id == 0 || g_hash_table_contains (entities, &r->to_entity_id) ||
          !g_hash_table_contains (kept, &r->from_id))
        continue;
      entity = hearsay_project_get_entity (ctx->project, r->to_entity_id, error);
      if (entity == NULL)
        return FALSE;
      g_hash_table_add (entities, g_memdup2 (&r->to_entity_id, sizeof (gint64)));
      if (!first)
        g_string_append_c (s, ',');
      hearsay_entity_append_json (s, entity);
      first = FALSE;
    }
  g_string_append (s, "]}\n");

  return hearsay_export_flush (ctx, error);
}

const HearsayExportWriter hearsay_export_jsonl_writer = {
  .document = jsonl_document,
};
