/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project-merge-apply.c: the writes of a merge of one coder's copy,
 * three-way by stable id. For each annotation and relation of the coder's
 * layer, with f its digest in the copy, m in the project and b in the base
 * (what the copy held when it was prepared or last merged):
 *
 *   in the copy, not in the project: added when new (no b) or changed in
 *     the copy (f ≠ b); left deleted when the project deleted it and the
 *     copy did not change it (f = b);
 *   in both: the copy's version when it changed in the copy (f ≠ b, or no
 *     b); the project's when only the project changed it (f = b ≠ m);
 *   in the project, not in the copy (of a document the copy holds): deleted
 *     when the copy had it (b), kept when the copy never had it.
 *
 * Then b becomes f: merging the same copy again changes nothing. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-date.h"
#include "hearsay-error.h"
#include "hearsay-merge-private.h"

typedef struct
{
  HearsayProject *self;
  HearsayStore *store;        /* the project's */
  HearsayStore *copy_store;
  HearsayMergeSource *source;
  HearsayMergeFile *report;
  const char *coder;
  HearsayTeamLayer *ours;
  GHashTable *base;           /* uuid → digest */
  GHashTable *ids;            /* annotation uuid → project id (gint64 *) */
  GHashTable *entities;       /* entity uuid → project id (gint64 *) */
  gboolean auto_read;
} Merge;

static void
set_id (GHashTable *ids,
        const char *uuid,
        gint64      id)
{
  g_hash_table_insert (ids, g_strdup (uuid), g_memdup2 (&id, sizeof id));
}

static gboolean
ensure_coder (Merge   *m,
              GError **error)
{
  g_autoptr(GPtrArray) coders = hearsay_store_list_coders (m->store, error);
  g_autoptr(HearsayCoder) coder = NULL;

  if (coders == NULL)
    return FALSE;
  for (guint i = 0; i < coders->len; i++)
    if (g_strcmp0 (hearsay_coder_get_name (g_ptr_array_index (coders, i)), m->coder) == 0)
      return TRUE;
  coder = hearsay_coder_new (m->coder, HEARSAY_CODER_ROLE_CODER);
  if (m->source->copy_coder != NULL)
    hearsay_coder_set_color (coder, hearsay_coder_get_color (m->source->copy_coder));
  return hearsay_store_save_coder (m->store, coder, error);
}

/* The auto layers' annotations of a document the coder added come along:
 * they are the page's furniture, not anyone's coding. */
static gboolean
add_auto_annotations (Merge    *m,
                      gint64    copy_id,
                      gint64    master_id,
                      GError  **error)
{
  g_autoptr(GPtrArray) coders = hearsay_store_list_coders (m->copy_store, error);

  if (coders == NULL)
    return FALSE;
  for (guint i = 0; i < coders->len; i++)
    {
      HearsayCoder *c = g_ptr_array_index (coders, i);
      g_autoptr(GPtrArray) annotations = NULL;

      if (hearsay_coder_get_role (c) != HEARSAY_CODER_ROLE_AUTO)
        continue;
      annotations = hearsay_store_list_layer_annotations (m->copy_store, copy_id, hearsay_coder_get_name (c), error);
      if (annotations == NULL)
        return FALSE;
      for (guint k = 0; k < annotations->len; k++)
        {
          HearsayAnnotation *ann = g_ptr_array_index (annotations, k);

          hearsay_annotation_set_id (ann, 0);
          hearsay_annotation_set_document_id (ann, master_id);
          if (!hearsay_store_insert_annotation (m->store, ann, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
add_documents (Merge   *m,
               GError **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, m->source->documents);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 copy_id = *(gint64 *) key;
      g_autoptr(HearsayDocument) doc = NULL;
      gint64 id;

      if (*(gint64 *) value != 0)
        continue;
      doc = hearsay_store_load_document (m->copy_store, copy_id, error);
      if (doc == NULL)
        return FALSE;
      hearsay_document_set_id (doc, 0);
      if (!hearsay_store_insert_document (m->store, doc, error))
        return FALSE;
      id = hearsay_document_get_id (doc);
      *(gint64 *) value = id;
      g_hash_table_add (m->source->covered, g_memdup2 (&id, sizeof id));
      m->report->documents_added++;
      if (!add_auto_annotations (m, copy_id, id, error))
        return FALSE;
    }
  return TRUE;
}

/* New entities of the copy are added; one both have keeps the project's
 * form (an entity is shared by every coder), said in the notes. */
static gboolean
merge_entities (Merge   *m,
                GError **error)
{
  g_autoptr(GPtrArray) ours = hearsay_store_list_entities (m->store, error);
  g_autoptr(GPtrArray) theirs = NULL;
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);

  if (ours == NULL || (theirs = hearsay_store_list_entities (m->copy_store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < ours->len; i++)
    {
      HearsayEntity *e = g_ptr_array_index (ours, i);

      if (hearsay_entity_get_uuid (e) == NULL)
        continue;
      g_hash_table_insert (by_uuid, (gpointer) hearsay_entity_get_uuid (e), e);
      set_id (m->entities, hearsay_entity_get_uuid (e), hearsay_entity_get_id (e));
    }
  for (guint i = 0; i < theirs->len; i++)
    {
      HearsayEntity *e = g_ptr_array_index (theirs, i);
      HearsayEntity *mine = hearsay_entity_get_uuid (e) ? g_hash_table_lookup (by_uuid, hearsay_entity_get_uuid (e)) : NULL;

      if (hearsay_entity_get_uuid (e) == NULL)
        continue;
      if (mine == NULL)
        {
          hearsay_entity_set_id (e, 0);
          if (!hearsay_store_insert_entity (m->store, e, error))
            return FALSE;
          set_id (m->entities, hearsay_entity_get_uuid (e), hearsay_entity_get_id (e));
          m->report->entities_added++;
        }
      else if (g_strcmp0 (hearsay_entity_get_name (mine), hearsay_entity_get_name (e)) != 0 ||
               g_strcmp0 (hearsay_entity_get_kind (mine), hearsay_entity_get_kind (e)) != 0 ||
               g_strcmp0 (hearsay_entity_get_state_affiliated (mine), hearsay_entity_get_state_affiliated (e)) != 0)
        g_ptr_array_add (m->report->notes,
                         g_strdup_printf (_("the entity “%s” differs in the copy (“%s”); the project’s is kept"),
                                          hearsay_entity_get_name (mine), hearsay_entity_get_name (e)));
    }
  return TRUE;
}

static gboolean
write_base (Merge       *m,
            const char  *uuid,
            const char  *digest,
            GError     **error)
{
  const char *b = g_hash_table_lookup (m->base, uuid);

  if (g_strcmp0 (b, digest) == 0)
    return TRUE;
  return hearsay_store_write_team_base (m->store, m->coder, uuid, digest, error);
}

static gboolean
same_values (const char * const *a,
             const char * const *b)
{
  guint i;

  for (i = 0; a != NULL && b != NULL && a[i] != NULL && b[i] != NULL; i++)
    if (g_strcmp0 (a[i], b[i]) != 0)
      return FALSE;
  return (a == NULL || a[i] == NULL) && (b == NULL || b[i] == NULL);
}

/* The project's annotation becomes the copy's version, under its own id. */
static gboolean
update_annotation (Merge              *m,
                   HearsayAnnotation  *mine,
                   HearsayAnnotation  *theirs,
                   GError            **error)
{
  gint64 id = hearsay_annotation_get_id (mine);
  g_autofree char *now = hearsay_now_iso8601 ();
  const char *modified = hearsay_annotation_get_modified_at (theirs) ? hearsay_annotation_get_modified_at (theirs) : now;
  g_auto(GStrv) old_names = hearsay_annotation_dup_attribute_names (mine);
  g_auto(GStrv) new_names = hearsay_annotation_dup_attribute_names (theirs);
  g_autoptr(HearsayAnnotation) spans = hearsay_annotation_new (hearsay_annotation_get_document_id (mine),
                                                               hearsay_annotation_get_label (theirs));

  if (g_strcmp0 (hearsay_annotation_get_label (mine), hearsay_annotation_get_label (theirs)) != 0 &&
      !hearsay_store_set_label (m->store, id, hearsay_annotation_get_label (theirs), modified, error))
    return FALSE;
  if (g_strcmp0 (hearsay_annotation_get_note (mine), hearsay_annotation_get_note (theirs)) != 0 &&
      !hearsay_store_set_note (m->store, id, hearsay_annotation_get_note (theirs), modified, error))
    return FALSE;
  hearsay_annotation_set_id (spans, id);
  for (guint i = 0; i < hearsay_annotation_get_n_fragments (theirs); i++)
    {
      const HearsayFragment *f = hearsay_annotation_get_fragment (theirs, i);

      hearsay_annotation_add_fragment_full (spans, f->start, f->end, f->exact, f->prefix, f->suffix);
    }
  if (!hearsay_store_replace_fragments (m->store, spans, modified, error))
    return FALSE;
  for (guint i = 0; old_names[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) new_names, old_names[i]) &&
        !hearsay_store_set_attribute (m->store, id, old_names[i], NULL, modified, error))
      return FALSE;
  for (guint i = 0; new_names[i] != NULL; i++)
    if (!same_values (hearsay_annotation_get_attribute_values (mine, new_names[i]),
                      hearsay_annotation_get_attribute_values (theirs, new_names[i])) &&
        !hearsay_store_set_attribute (m->store, id, new_names[i],
                                      hearsay_annotation_get_attribute_values (theirs, new_names[i]), modified,
                                      error))
      return FALSE;
  /* A new version is for curation to decide on again. */
  return hearsay_store_set_rejected (m->store, id, FALSE, error);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The keys of @table in order: inserted so, ids made one after the other
 * (hearsay-uuid.h) land at the end of the indexes, not anywhere. */
static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_keys);
  return keys;
}

/* A fresh annotation of the project's document @document, the copy's
 * annotation @theirs as coder @m->coder's. */
static HearsayAnnotation *
new_annotation (Merge             *m,
                HearsayAnnotation *theirs,
                const char        *uuid,
                gint64             document)
{
  HearsayAnnotation *copy = hearsay_annotation_new (document, hearsay_annotation_get_label (theirs));
  g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (theirs);

  hearsay_annotation_set_uuid (copy, uuid);
  hearsay_annotation_set_note (copy, hearsay_annotation_get_note (theirs));
  hearsay_annotation_set_annotator (copy, m->coder);
  hearsay_annotation_set_created_at (copy, hearsay_annotation_get_created_at (theirs));
  hearsay_annotation_set_modified_at (copy, hearsay_annotation_get_modified_at (theirs));
  for (guint i = 0; i < hearsay_annotation_get_n_fragments (theirs); i++)
    {
      const HearsayFragment *fr = hearsay_annotation_get_fragment (theirs, i);

      hearsay_annotation_add_fragment_full (copy, fr->start, fr->end, fr->exact, fr->prefix, fr->suffix);
    }
  for (guint i = 0; names[i] != NULL; i++)
    hearsay_annotation_set_attribute_values (copy, names[i], hearsay_annotation_get_attribute_values (theirs, names[i]));
  return copy;
}

static gboolean
merge_annotations (Merge   *m,
                   GError **error)
{
  g_autoptr(GPtrArray) keys = sorted_keys (m->source->theirs->annotations);

  /* Only what differs is loaded as objects: a second merge reads digests. */
  for (guint k = 0; k < keys->len; k++)
    {
      const char *uuid = g_ptr_array_index (keys, k);
      const HearsayTeamItem *theirs = g_hash_table_lookup (m->source->theirs->annotations, uuid);
      const HearsayTeamItem *mine = g_hash_table_lookup (m->ours->annotations, uuid);
      const char *f = theirs->digest;
      const char *b = g_hash_table_lookup (m->base, uuid);
      const gint64 *document = g_hash_table_lookup (m->source->documents, &theirs->document_id);
      gboolean add = mine == NULL && (b == NULL || strcmp (f, b) != 0);
      gboolean update = mine != NULL && strcmp (f, mine->digest) != 0 && (b == NULL || strcmp (f, b) != 0);

      if (document == NULL || *document == 0)
        continue;
      if (add || update)
        {
          g_autoptr(HearsayAnnotation) copy = hearsay_store_load_annotation (m->copy_store, theirs->id, error);
          g_autoptr(HearsayAnnotation) ann = NULL;

          if (copy == NULL)
            return FALSE;
          if (add)
            {
              ann = new_annotation (m, copy, uuid, *document);
              if (!hearsay_store_insert_annotation (m->store, ann, error))
                return FALSE;
              set_id (m->ids, uuid, hearsay_annotation_get_id (ann));
              m->report->annotations_added++;
            }
          else
            {
              ann = hearsay_store_load_annotation (m->store, mine->id, error);
              if (ann == NULL || !update_annotation (m, ann, copy, error))
                return FALSE;
              m->report->annotations_changed++;
            }
        }
      else if (mine == NULL || strcmp (f, mine->digest) != 0)
        m->report->annotations_kept++;
      if (!write_base (m, uuid, f, error))
        return FALSE;
    }
  return TRUE;
}

/* The project's id of the annotation @uuid: the layer's, one the merge
 * added, or one of the auto layers (read once). */
static gint64
resolve (Merge      *m,
         const char *uuid,
         GError    **error)
{
  const gint64 *id = g_hash_table_lookup (m->ids, uuid);

  if (id == NULL && !m->auto_read)
    {
      g_autoptr(GPtrArray) coders = hearsay_store_list_coders (m->store, error);

      m->auto_read = TRUE;
      for (guint i = 0; coders != NULL && i < coders->len; i++)
        {
          HearsayCoder *c = g_ptr_array_index (coders, i);
          g_autoptr(GPtrArray) annotations = NULL;

          if (hearsay_coder_get_role (c) != HEARSAY_CODER_ROLE_AUTO)
            continue;
          annotations = hearsay_store_list_layer_annotations (m->store, 0, hearsay_coder_get_name (c), error);
          for (guint k = 0; annotations != NULL && k < annotations->len; k++)
            {
              HearsayAnnotation *ann = g_ptr_array_index (annotations, k);

              set_id (m->ids, hearsay_annotation_get_uuid (ann), hearsay_annotation_get_id (ann));
            }
        }
      id = g_hash_table_lookup (m->ids, uuid);
    }
  return id != NULL ? *id : 0;
}

static gboolean
merge_relations (Merge   *m,
                 GError **error)
{
  g_autoptr(GPtrArray) keys = sorted_keys (m->source->theirs->relations);

  for (guint k = 0; k < keys->len; k++)
    {
      const char *uuid = g_ptr_array_index (keys, k);
      const HearsayRelation *theirs = g_hash_table_lookup (m->source->theirs->relations, uuid);
      char **ends = g_hash_table_lookup (m->source->theirs->relation_ends, uuid);
      const char *f = g_hash_table_lookup (m->source->theirs->digests, uuid);
      const char *b = g_hash_table_lookup (m->base, uuid);
      HearsayRelation r = { 0 };

      if (g_hash_table_contains (m->ours->relations, uuid) || (b != NULL && strcmp (f, b) == 0))
        {
          if (!write_base (m, uuid, f, error))
            return FALSE;
          continue;
        }
      r.type = theirs->type;
      r.annotator = (char *) m->coder;
      r.created_at = theirs->created_at;
      r.uuid = (char *) uuid;
      r.from_id = resolve (m, ends[0], error);
      if (g_str_has_prefix (ends[1], "entity:"))
        {
          const gint64 *entity = g_hash_table_lookup (m->entities, ends[1] + strlen ("entity:"));

          r.to_entity_id = entity != NULL ? *entity : 0;
        }
      else
        r.to_id = resolve (m, ends[1], error);
      if (error != NULL && *error != NULL)
        return FALSE;
      if (r.from_id <= 0 || (r.to_id <= 0 && r.to_entity_id <= 0))
        {
          g_ptr_array_add (m->report->notes,
                           g_strdup_printf (_("a “%s” relation links an annotation that is not in the project "
                                              "(another coder’s, or deleted); it was left out"), theirs->type));
          continue;
        }
      if (hearsay_store_insert_relation (m->store, &r, error) == 0)
        return FALSE;
      m->report->relations_added++;
      if (!write_base (m, uuid, f, error))
        return FALSE;
    }
  return TRUE;
}

/* The document of the project's annotation @id (the layer's, or read). */
static gint64
document_of (Merge  *m,
             gint64  id)
{
  const char *uuid = g_hash_table_lookup (m->ours->uuid_of, &id);
  const HearsayTeamItem *item = uuid != NULL ? g_hash_table_lookup (m->ours->annotations, uuid) : NULL;
  g_autoptr(HearsayAnnotation) loaded = NULL;

  if (item != NULL)
    return item->document_id;
  loaded = hearsay_store_load_annotation (m->store, id, NULL);
  return loaded != NULL ? hearsay_annotation_get_document_id (loaded) : 0;
}

/* What the copy deleted since the base, in the documents it holds. */
static gboolean
merge_deletions (Merge   *m,
                 GError **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, m->ours->relations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const HearsayRelation *r = value;
      gint64 document = document_of (m, r->from_id);

      if (g_hash_table_contains (m->source->theirs->relations, key) || !g_hash_table_contains (m->base, key) ||
          !g_hash_table_contains (m->source->covered, &document))
        continue;
      if (!hearsay_store_delete_relation (m->store, r->id, error) ||
          !hearsay_store_write_team_base (m->store, m->coder, key, NULL, error))
        return FALSE;
      m->report->relations_deleted++;
    }
  g_hash_table_iter_init (&iter, m->ours->annotations);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const HearsayTeamItem *item = value;
      gint64 document = item->document_id;

      if (g_hash_table_contains (m->source->theirs->annotations, key) || !g_hash_table_contains (m->base, key) ||
          !g_hash_table_contains (m->source->covered, &document))
        continue;
      if (!hearsay_store_delete_annotation (m->store, item->id, error) ||
          !hearsay_store_write_team_base (m->store, m->coder, key, NULL, error))
        return FALSE;
      m->report->annotations_deleted++;
    }
  return TRUE;
}

gboolean
hearsay_merge_apply (HearsayProject      *self,
                     HearsayLayerRows    *rows,
                     HearsayMergeSource  *source,
                     GError             **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(HearsayTeamLayer) ours = NULL;
  g_autoptr(GHashTable) base = NULL;
  g_autoptr(GError) local_error = NULL;
  Merge m = { self, hearsay_project_get_store (self), hearsay_project_get_store (source->copy), source,
              source->report, source->report->coder, NULL, NULL, ids, entities, FALSE };
  GHashTableIter iter;
  gpointer key, value;
  gboolean ok;

  ok = ensure_coder (&m, &local_error) &&
       (ours = hearsay_team_layer_new (m.store, rows, hearsay_layer_rows_find_coder (rows, m.coder),
                                       &local_error)) != NULL &&
       (base = hearsay_store_read_team_base (m.store, m.coder, &local_error)) != NULL;
  if (ok)
    {
      m.ours = ours;
      m.base = base;
      g_hash_table_iter_init (&iter, ours->uuid_of);
      while (g_hash_table_iter_next (&iter, &key, &value))
        set_id (ids, value, *(gint64 *) key);
      ok = add_documents (&m, &local_error) &&
           merge_entities (&m, &local_error) &&
           merge_annotations (&m, &local_error) &&
           merge_relations (&m, &local_error) &&
           merge_deletions (&m, &local_error);
    }
  if (!ok)
    {
      /* Whatever failed, the message names the file. */
      g_set_error (error, local_error->domain, local_error->code, _("%s: %s; nothing was merged."),
                   source->report->path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
