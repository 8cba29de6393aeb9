/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-team-digest.c: digests of what a layer says, and a layer read by
 * stable id, for the three-way merge of coders' copies. */
#include "config.h"

#include <string.h>

#include "hearsay-team-private.h"

static void
update_string (GChecksum  *sum,
               const char *text)
{
  /* A separator no string holds, so "ab"+"c" and "a"+"bc" differ. */
  if (text != NULL)
    g_checksum_update (sum, (const guchar *) text, strlen (text));
  g_checksum_update (sum, (const guchar *) (text != NULL ? "\x1f" : "\x1e"), 1);
}

char *
hearsay_team_annotation_digest (HearsayAnnotation *ann)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (ann);

  update_string (sum, hearsay_annotation_get_label (ann));
  for (guint i = 0; i < hearsay_annotation_get_n_fragments (ann); i++)
    {
      const HearsayFragment *f = hearsay_annotation_get_fragment (ann, i);
      g_autofree char *span = g_strdup_printf ("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, f->start, f->end);

      update_string (sum, span);
    }
  update_string (sum, "attributes");
  /* Names come sorted; values in the order the store keeps (sorted too). */
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char * const *values = hearsay_annotation_get_attribute_values (ann, names[i]);

      update_string (sum, names[i]);
      for (guint k = 0; values != NULL && values[k] != NULL; k++)
        update_string (sum, values[k]);
      update_string (sum, NULL);
    }
  update_string (sum, hearsay_annotation_get_note (ann));
  return g_strdup (g_checksum_get_string (sum));
}

char *
hearsay_team_relation_digest (const char *type,
                              const char *from_uuid,
                              const char *to_uuid)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  update_string (sum, type);
  update_string (sum, from_uuid);
  update_string (sum, to_uuid);
  return g_strdup (g_checksum_get_string (sum));
}

void
hearsay_team_layer_free (HearsayTeamLayer *layer)
{
  if (layer == NULL)
    return;
  g_hash_table_unref (layer->annotations);
  g_hash_table_unref (layer->relations);
  g_hash_table_unref (layer->relation_ends);
  g_hash_table_unref (layer->digests);
  g_hash_table_unref (layer->uuid_of);
  g_free (layer);
}

/* The stable id of annotation @id, from the layer or read. */
static const char *
annotation_uuid (HearsayTeamLayer  *layer,
                 HearsayStore      *store,
                 gint64             id)
{
  const char *uuid = g_hash_table_lookup (layer->uuid_of, &id);
  g_autoptr(HearsayAnnotation) ann = NULL;

  if (uuid != NULL)
    return uuid;
  ann = hearsay_store_load_annotation (store, id, NULL);
  if (ann == NULL || hearsay_annotation_get_uuid (ann) == NULL)
    return NULL;
  g_hash_table_insert (layer->uuid_of, g_memdup2 (&id, sizeof id), g_strdup (hearsay_annotation_get_uuid (ann)));
  return g_hash_table_lookup (layer->uuid_of, &id);
}

HearsayTeamLayer *
hearsay_team_layer_read (HearsayStore  *store,
                         const char    *coder,
                         GError       **error)
{
  g_autoptr(HearsayTeamLayer) layer = g_new0 (HearsayTeamLayer, 1);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GHashTable) entity_uuid = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;

  layer->annotations = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  layer->relations = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) hearsay_relation_free);
  layer->relation_ends = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_strfreev);
  layer->digests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  layer->uuid_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  annotations = hearsay_store_list_layer_annotations (store, 0, coder, error);
  if (annotations == NULL)
    return NULL;
  for (guint i = 0; i < annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (annotations, i);
      const char *uuid = hearsay_annotation_get_uuid (ann);
      gint64 id = hearsay_annotation_get_id (ann);
      gint64 doc = hearsay_annotation_get_document_id (ann);

      g_hash_table_insert (layer->annotations, (gpointer) uuid, g_object_ref (ann));
      g_hash_table_insert (layer->digests, g_strdup (uuid), hearsay_team_annotation_digest (ann));
      g_hash_table_insert (layer->uuid_of, g_memdup2 (&id, sizeof id), g_strdup (uuid));
      if (!g_hash_table_contains (documents, &doc))
        g_hash_table_add (documents, g_memdup2 (&doc, sizeof doc));
    }
  if (g_hash_table_size (documents) == 0)
    return g_steal_pointer (&layer);

  entities = hearsay_store_list_entities (store, error);
  if (entities == NULL)
    return NULL;
  for (guint i = 0; i < entities->len; i++)
    {
      HearsayEntity *entity = g_ptr_array_index (entities, i);
      gint64 id = hearsay_entity_get_id (entity);

      g_hash_table_insert (entity_uuid, g_memdup2 (&id, sizeof id), g_strdup (hearsay_entity_get_uuid (entity)));
    }

  /* The layer's relations: its own, or without an annotator from one of
   * its annotations. */
  g_hash_table_iter_init (&iter, documents);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(GPtrArray) relations = hearsay_store_list_relations (store, *(gint64 *) key, error);

      if (relations == NULL)
        return NULL;
      for (guint i = 0; i < relations->len; i++)
        {
          HearsayRelation *r = g_ptr_array_index (relations, i);
          const char *from, *to = NULL;
          g_autofree char *entity = NULL;

          if (r->annotator != NULL ? g_strcmp0 (r->annotator, coder) != 0
                                   : !g_hash_table_contains (layer->uuid_of, &r->from_id))
            continue;
          from = annotation_uuid (layer, store, r->from_id);
          if (r->to_id > 0)
            to = annotation_uuid (layer, store, r->to_id);
          else if (g_hash_table_lookup (entity_uuid, &r->to_entity_id) != NULL)
            to = entity = g_strconcat ("entity:", (char *) g_hash_table_lookup (entity_uuid, &r->to_entity_id), NULL);
          if (from == NULL || to == NULL || r->uuid == NULL)
            continue;
          g_hash_table_insert (layer->digests, g_strdup (r->uuid), hearsay_team_relation_digest (r->type, from, to));
          g_hash_table_insert (layer->relation_ends, r->uuid, g_strdupv ((char *[]) { (char *) from, (char *) to, NULL }));
          g_hash_table_insert (layer->relations, r->uuid, g_ptr_array_steal_index (relations, i));
          i--;
        }
    }
  return g_steal_pointer (&layer);
}
