/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-copy.c: a whole project from one store into another — a
 * file to a server, a server to a file, or either to its own kind —
 * through the calls of hearsay-store.h only, so that it holds for any two
 * backends. Every object keeps its id, so that a JSONL export of the copy
 * is byte-identical to one of the original; the destination is written in
 * one transaction and left empty when the copy fails. */
#include "config.h"

#include <inttypes.h>

#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-store-private.h"

/* The project's own identity too: copies prepared for coders from either
 * side merge back into either. */
static const char * const copied_meta[] = { "created_at", "created_by", "project_uuid", NULL };

/* The coders with their colours and roles, before any annotation names
 * one. */
static gboolean
copy_coders (HearsayStore  *src,
             HearsayStore  *dest,
             GPtrArray    **coders,
             GError       **error)
{
  *coders = hearsay_store_list_coders (src, error);
  if (*coders == NULL)
    return FALSE;
  for (guint i = 0; i < (*coders)->len; i++)
    {
      HearsayCoder *c = g_ptr_array_index (*coders, i);
      g_autoptr(HearsayCoder) copy = hearsay_coder_new (hearsay_coder_get_name (c), hearsay_coder_get_role (c));

      hearsay_coder_set_color (copy, hearsay_coder_get_color (c));
      if (!hearsay_store_save_coder (dest, copy, error))
        return FALSE;
    }
  return TRUE;
}

/* What the team work left beside the layers: the merge bases of the
 * coders' copies and curation's marks (annotations keep their ids). */
static gboolean
copy_team_records (HearsayStore  *src,
                   HearsayStore  *dest,
                   GPtrArray     *coders,
                   GError       **error)
{
  g_autoptr(HearsayLayerRows) rows = NULL;
  gint64 last = 0;

  for (guint i = 0; i < coders->len; i++)
    {
      const char *name = hearsay_coder_get_name (g_ptr_array_index (coders, i));
      g_autoptr(GHashTable) base = hearsay_store_read_team_base (src, name, error);
      GHashTableIter iter;
      gpointer uuid, digest;

      if (base == NULL)
        return FALSE;
      g_hash_table_iter_init (&iter, base);
      while (g_hash_table_iter_next (&iter, &uuid, &digest))
        if (!hearsay_store_write_team_base (dest, name, uuid, digest, error))
          return FALSE;
    }
  rows = hearsay_store_read_layers (src, NULL, 0, NULL, HEARSAY_LAYER_READ_SPANS, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->fragments->len; i++)
    {
      const HearsayLayerFragment *f = &g_array_index (rows->fragments, HearsayLayerFragment, i);

      if (!f->rejected || f->annotation_id == last)
        continue;
      last = f->annotation_id;
      if (!hearsay_store_set_rejected (dest, f->annotation_id, TRUE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_empty (HearsayStore  *dest,
             GError       **error)
{
  g_autoptr(GPtrArray) entities = hearsay_store_list_entities (dest, error);
  g_autoptr(GPtrArray) events = NULL;

  if (entities == NULL || (events = hearsay_store_list_events (dest, error)) == NULL)
    return FALSE;
  if (hearsay_store_count_documents (dest) > 0 || entities->len > 0 || events->len > 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                   _("%s already holds documents, entities or events: a project is copied into a new, "
                     "empty one"), dest->path);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  HearsayStore *src;
  HearsayStore *dest;
  GArray *ids;   /* the documents copied */
} Copy;

static gboolean
copy_document (HearsayDocument  *doc,
               gpointer          data,
               GError          **error)
{
  Copy *copy = data;
  gint64 id = hearsay_document_get_id (doc);
  gint64 event = hearsay_store_get_document_event (copy->src, id);
  g_autoptr(GPtrArray) annotations = NULL;

  if (!hearsay_store_insert_document (copy->dest, doc, error))
    return FALSE;
  if (hearsay_document_get_id (doc) != id)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                   _("%s: document %" PRId64 " did not keep its id"), copy->dest->path, id);
      return FALSE;
    }
  if (event > 0 && !hearsay_store_set_document_event (copy->dest, id, event, error))
    return FALSE;
  annotations = hearsay_store_list_annotations (copy->src, id, error);
  if (annotations == NULL)
    return FALSE;
  for (guint i = 0; i < annotations->len; i++)
    if (!hearsay_store_insert_annotation (copy->dest, g_ptr_array_index (annotations, i), error))
      return FALSE;
  g_array_append_val (copy->ids, id);
  return TRUE;
}

static gboolean
copy_all (HearsayStore  *src,
          HearsayStore  *dest,
          GError       **error)
{
  g_autofree char *scheme = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) coders = NULL;
  Copy copy = { src, dest, ids };

  scheme = hearsay_store_get_scheme_json (src, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (scheme != NULL && !hearsay_store_set_scheme_json (dest, scheme, error))
    return FALSE;
  for (guint i = 0; copied_meta[i] != NULL; i++)
    {
      g_autofree char *value = hearsay_store_get_meta (src, copied_meta[i]);

      if (value != NULL && !hearsay_store_set_meta (dest, copied_meta[i], value, error))
        return FALSE;
    }
  if (!copy_coders (src, dest, &coders, error))
    return FALSE;
  if ((events = hearsay_store_list_events (src, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < events->len; i++)
    if (!hearsay_store_insert_event (dest, g_ptr_array_index (events, i), error))
      return FALSE;
  if ((entities = hearsay_store_list_entities (src, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < entities->len; i++)
    if (!hearsay_store_insert_entity (dest, g_ptr_array_index (entities, i), error))
      return FALSE;
  /* Every annotation before any relation: a relation may reach a later document. */
  if (!hearsay_store_foreach_document (src, NULL, 0, copy_document, &copy, error))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GPtrArray) relations = hearsay_store_list_relations (src, g_array_index (ids, gint64, i), error);

      if (relations == NULL)
        return FALSE;
      for (guint j = 0; j < relations->len; j++)
        if (hearsay_store_insert_relation (dest, g_ptr_array_index (relations, j), error) == 0)
          return FALSE;
    }
  return copy_team_records (src, dest, coders, error);
}

gboolean
hearsay_store_copy (HearsayStore  *src,
                    HearsayStore  *dest,
                    GError       **error)
{
  g_return_val_if_fail (src != NULL && dest != NULL, FALSE);

  if (!check_empty (dest, error) || !hearsay_store_begin (dest, error))
    return FALSE;
  if (!copy_all (src, dest, error))
    {
      hearsay_store_rollback (dest);
      return FALSE;
    }
  return hearsay_store_commit (dest, error);
}
