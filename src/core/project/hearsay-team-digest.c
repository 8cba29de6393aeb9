/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-team-digest.c: a coder's layer by stable id, with a digest of
 * what each annotation and relation says, for the three-way merge of
 * coders' copies. Read from the compact rows of the layers (one pass over
 * the file), not from annotation objects: a merge reads six copies and the
 * project's six layers. */
#include "config.h"

#include <string.h>

#include "hearsay-error.h"
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

static void
item_free (HearsayTeamItem *item)
{
  g_free (item->digest);
  g_free (item);
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
  g_clear_pointer (&layer->rows, hearsay_layer_rows_free);
  g_free (layer);
}

HearsayLayerRows *
hearsay_team_read_rows (HearsayStore        *store,
                        const char * const  *coders,
                        GError             **error)
{
  return hearsay_store_read_layers (store, NULL, 0, coders,
                                    HEARSAY_LAYER_READ_VALUES | HEARSAY_LAYER_READ_IDENTITY, error);
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

/* Per annotation of the layer: label, fragments in order, values in order
 * (name, value), note — what the coder said, not where the file keeps it. */
static void
digest_annotations (HearsayTeamLayer *layer,
                    HearsayLayerRows *rows,
                    guint             coder)
{
  g_autoptr(GHashTable) sums = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                      (GDestroyNotify) g_checksum_free);

  for (guint i = 0; i < rows->annotations->len; i++)
    {
      const HearsayLayerAnnotation *a = &g_array_index (rows->annotations, HearsayLayerAnnotation, i);

      if (a->coder == coder && a->uuid != NULL)
        g_hash_table_insert (sums, (gpointer) &a->id, g_checksum_new (G_CHECKSUM_SHA256));
    }
  /* Fragments come by document and start: each annotation's in order. */
  for (guint i = 0; i < rows->fragments->len; i++)
    {
      const HearsayLayerFragment *f = &g_array_index (rows->fragments, HearsayLayerFragment, i);
      GChecksum *sum = f->coder == coder ? g_hash_table_lookup (sums, &f->annotation_id) : NULL;
      char span[48];

      if (sum == NULL)
        continue;
      /* The label with each fragment (they all have the annotation's). */
      update_string (sum, f->label);
      g_snprintf (span, sizeof span, "%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, f->start, f->end);
      update_string (sum, span);
    }
  for (guint i = 0; i < rows->values->len; i++)
    {
      const HearsayLayerValue *v = &g_array_index (rows->values, HearsayLayerValue, i);
      GChecksum *sum = g_hash_table_lookup (sums, &v->annotation_id);

      if (sum == NULL)
        continue;
      update_string (sum, v->name);
      update_string (sum, v->value);
    }
  for (guint i = 0; i < rows->annotations->len; i++)
    {
      const HearsayLayerAnnotation *a = &g_array_index (rows->annotations, HearsayLayerAnnotation, i);
      GChecksum *sum = a->coder == coder ? g_hash_table_lookup (sums, &a->id) : NULL;
      HearsayTeamItem *item;

      if (sum == NULL)
        continue;
      update_string (sum, "\x1dnote");
      update_string (sum, a->note);
      item = g_new0 (HearsayTeamItem, 1);
      item->id = a->id;
      item->document_id = a->document_id;
      item->digest = g_strdup (g_checksum_get_string (sum));
      /* Keyed by the rows' strings: the rows outlive the layer. */
      g_hash_table_insert (layer->annotations, (gpointer) a->uuid, item);
      g_hash_table_insert (layer->digests, g_strdup (a->uuid), g_strdup (item->digest));
      g_hash_table_insert (layer->uuid_of, g_memdup2 (&a->id, sizeof a->id), g_strdup (a->uuid));
    }
}

HearsayTeamLayer *
hearsay_team_layer_new (HearsayStore      *store,
                        HearsayLayerRows  *rows,
                        int                coder,
                        GError           **error)
{
  g_autoptr(HearsayTeamLayer) layer = g_new0 (HearsayTeamLayer, 1);
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GHashTable) entity_uuid = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) documents = g_hash_table_new (g_int64_hash, g_int64_equal);
  const char *name;
  GHashTableIter iter;
  gpointer value;

  layer->annotations = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) item_free);
  layer->relations = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) hearsay_relation_free);
  layer->relation_ends = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_strfreev);
  layer->digests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  layer->uuid_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (coder < 0)
    return g_steal_pointer (&layer);

  digest_annotations (layer, rows, coder);
  g_hash_table_iter_init (&iter, layer->annotations);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_hash_table_add (documents, &((HearsayTeamItem *) value)->document_id);
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
  name = hearsay_coder_get_name (g_ptr_array_index (rows->coders, coder));
  g_hash_table_iter_init (&iter, documents);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    {
      g_autoptr(GPtrArray) relations = hearsay_store_list_relations (store, *(gint64 *) value, error);

      if (relations == NULL)
        return NULL;
      for (guint i = 0; i < relations->len; i++)
        {
          HearsayRelation *r = g_ptr_array_index (relations, i);
          const char *from, *to = NULL;
          g_autofree char *entity = NULL;

          if (r->annotator != NULL ? g_strcmp0 (r->annotator, name) != 0
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

HearsayTeamLayer *
hearsay_team_layer_read (HearsayStore  *store,
                         const char    *coder,
                         GError       **error)
{
  g_autoptr(HearsayLayerRows) rows = NULL;
  HearsayTeamLayer *layer;

  g_autoptr(GError) local_error = NULL;

  rows = hearsay_team_read_rows (store, (const char * const []) { coder, NULL }, &local_error);
  /* A coder the file does not know has an empty layer. */
  if (rows == NULL && g_error_matches (local_error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND))
    return hearsay_team_layer_new (store, NULL, -1, error);
  if (rows == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  layer = hearsay_team_layer_new (store, rows, hearsay_layer_rows_find_coder (rows, coder), error);
  if (layer != NULL)
    layer->rows = g_steal_pointer (&rows);
  return layer;
}
