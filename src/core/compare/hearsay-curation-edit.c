/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-curation-edit.c: accepting and rejecting versions — each one
 * undoable edit of the document into its gold layer. A version comes with
 * its relations to annotations whose units the gold layer holds (or gets in
 * the same edit) and with its links to entities; relations to other
 * documents are left to the curator. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-curation-private.h"
#include "hearsay-error.h"
#include "hearsay-project-batch.h"
#include "hearsay-project-team.h"

static gboolean
check_unit (HearsayCuration  *self,
            guint             unit,
            GError          **error)
{
  if (unit < self->units->len)
    return TRUE;
  g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
               _("Document %" PRId64 " has no unit %u to curate (it has %u)"),
               self->document_id, unit + 1, self->units->len);
  return FALSE;
}

static const HearsayCurationUnit *
unit_at (HearsayCuration *self,
         guint            index)
{
  return &g_array_index (self->units, HearsayCurationUnit, index);
}

static const HearsayCurationVersion *
version_of (const HearsayCurationUnit *unit,
            guint                      coder)
{
  for (guint k = 0; k < unit->n_versions; k++)
    if (unit->versions[k].coder == (int) coder)
      return &unit->versions[k];
  return NULL;
}

/* The gold copy of a version: its label, fragments, attributes, note. */
static HearsayAnnotation *
gold_copy (HearsayCuration  *self,
           gint64            annotation_id,
           GError          **error)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_project_get_annotation (self->project, annotation_id, error);

  if (ann == NULL)
    return NULL;
  hearsay_annotation_set_annotator (ann, self->gold);
  return g_steal_pointer (&ann);
}

static gboolean
ensure_gold (HearsayCuration  *self,
             GError          **error)
{
  if (self->gold != NULL)
    return TRUE;
  self->gold = hearsay_project_ensure_gold_coder (self->project, error);
  return self->gold != NULL;
}

/* The gold annotation a relation may point to instead of @annotation_id:
 * the gold of its unit, or the new gold annotation @handles gives it in
 * this edit (−k); 0 when there is none. */
static gint64
gold_end (HearsayCuration *self,
          gint64           annotation_id,
          GHashTable      *handles,
          GHashTable      *replaced)
{
  int u = hearsay_curation_find_unit (self, annotation_id);
  gpointer handle;

  if (u < 0)
    return 0;
  if (g_hash_table_lookup_extended (handles, GINT_TO_POINTER (u), NULL, &handle))
    return -(gint64) GPOINTER_TO_INT (handle);
  if (g_hash_table_contains (replaced, GINT_TO_POINTER (u)))
    return 0;
  return unit_at (self, u)->gold_id;
}

/* The relations of the accepted versions (unit → version id in @accepted)
 * between their gold copies (@handles: unit → k) and the gold layer. */
static gboolean
add_relations (HearsayCuration   *self,
               HearsayBatchEdit  *batch,
               GHashTable        *accepted,
               GHashTable        *handles,
               GHashTable        *replaced,
               GError           **error)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GHashTable) done = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_hash_table_iter_init (&iter, accepted);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gint64 version = *(gint64 *) value;
      gint64 self_handle = -(gint64) GPOINTER_TO_INT (g_hash_table_lookup (handles, key));
      GPtrArray *relations = hearsay_project_list_annotation_relations (self->project, version, error);

      if (relations == NULL)
        return FALSE;
      g_ptr_array_add (keep, relations);
      for (guint i = 0; i < relations->len; i++)
        {
          HearsayRelation *r = g_ptr_array_index (relations, i);
          gint64 from, to = 0;

          /* A relation between two accepted versions is met twice. */
          if (g_hash_table_contains (done, &r->id))
            continue;
          g_hash_table_add (done, &r->id);
          if (r->from_id == version)
            {
              from = self_handle;
              if (r->to_id > 0 && (to = gold_end (self, r->to_id, handles, replaced)) == 0)
                continue;
            }
          else
            {
              to = self_handle;
              if ((from = gold_end (self, r->from_id, handles, replaced)) == 0)
                continue;
            }
          hearsay_batch_edit_add_relation (batch, r->type, self->gold, from, r->to_id > 0 ? to : 0,
                                           r->to_id > 0 ? 0 : r->to_entity_id);
        }
    }
  return TRUE;
}

static gboolean
commit (HearsayCuration   *self,
        HearsayBatchEdit  *batch,
        GError           **error)
{
  return hearsay_batch_edit_commit (batch, error) && hearsay_curation_reload (self, error);
}

/* Clears the unit's rejection marks. */
static void
unreject (HearsayBatchEdit          *batch,
          const HearsayCurationUnit *unit)
{
  for (guint k = 0; k < unit->n_versions; k++)
    if (unit->versions[k].rejected)
      hearsay_batch_edit_set_rejected (batch, unit->versions[k].annotation_id, FALSE);
}

gboolean
hearsay_curation_accept (HearsayCuration  *self,
                         guint             index,
                         guint             coder,
                         GError          **error)
{
  g_autoptr(HearsayBatchEdit) batch = NULL;
  g_autoptr(HearsayAnnotation) copy = NULL;
  g_autoptr(GHashTable) accepted = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) handles = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) replaced = g_hash_table_new (NULL, NULL);
  const HearsayCurationUnit *unit;
  const HearsayCurationVersion *version;

  g_return_val_if_fail (HEARSAY_IS_CURATION (self), FALSE);
  if (!check_unit (self, index, error))
    return FALSE;
  unit = unit_at (self, index);
  if (coder >= self->coders->len || (version = version_of (unit, coder)) == NULL)
    {
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                   _("%s has no version of unit %u of document %" PRId64),
                   coder < self->coders->len ? (char *) g_ptr_array_index (self->coders, coder) : "?",
                   index + 1, self->document_id);
      return FALSE;
    }
  if (!ensure_gold (self, error) || (copy = gold_copy (self, version->annotation_id, error)) == NULL)
    return FALSE;
  batch = hearsay_batch_edit_new (self->project, self->document_id, HEARSAY_BATCH_CURATE_ACCEPT,
                                  g_ptr_array_index (self->coders, coder));
  if (unit->gold_id != 0)
    {
      hearsay_batch_edit_delete_annotation (batch, unit->gold_id);
      g_hash_table_add (replaced, GINT_TO_POINTER (index));
    }
  unreject (batch, unit);
  g_hash_table_insert (handles, GINT_TO_POINTER (index),
                       GINT_TO_POINTER ((int) hearsay_batch_edit_add_annotation (batch, copy)));
  g_hash_table_insert (accepted, GINT_TO_POINTER (index), g_memdup2 (&version->annotation_id, sizeof (gint64)));
  if (!add_relations (self, batch, accepted, handles, replaced, error))
    return FALSE;
  return commit (self, batch, error);
}

gboolean
hearsay_curation_accept_agreed (HearsayCuration  *self,
                                guint            *n_accepted,
                                GError          **error)
{
  g_autoptr(HearsayBatchEdit) batch = NULL;
  g_autoptr(GHashTable) accepted = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) handles = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) replaced = g_hash_table_new (NULL, NULL);
  guint n = 0;

  g_return_val_if_fail (HEARSAY_IS_CURATION (self), FALSE);
  if (n_accepted != NULL)
    *n_accepted = 0;
  for (guint u = 0; u < self->units->len; u++)
    n += unit_at (self, u)->state == HEARSAY_CURATION_AGREED;
  if (n == 0)
    return TRUE;
  if (!ensure_gold (self, error))
    return FALSE;
  batch = hearsay_batch_edit_new (self->project, self->document_id, HEARSAY_BATCH_CURATE_AGREED, NULL);
  for (guint u = 0; u < self->units->len; u++)
    {
      const HearsayCurationUnit *unit = unit_at (self, u);
      g_autoptr(HearsayAnnotation) copy = NULL;

      if (unit->state != HEARSAY_CURATION_AGREED)
        continue;
      /* Every version is the same: the first coder's is taken. */
      if ((copy = gold_copy (self, unit->versions[0].annotation_id, error)) == NULL)
        return FALSE;
      g_hash_table_insert (handles, GINT_TO_POINTER (u),
                           GINT_TO_POINTER ((int) hearsay_batch_edit_add_annotation (batch, copy)));
      g_hash_table_insert (accepted, GINT_TO_POINTER (u),
                           g_memdup2 (&unit->versions[0].annotation_id, sizeof (gint64)));
    }
  if (!add_relations (self, batch, accepted, handles, replaced, error) || !commit (self, batch, error))
    return FALSE;
  if (n_accepted != NULL)
    *n_accepted = n;
  return TRUE;
}

gboolean
hearsay_curation_reject (HearsayCuration  *self,
                         guint             index,
                         GError          **error)
{
  g_autoptr(HearsayBatchEdit) batch = NULL;
  const HearsayCurationUnit *unit;

  g_return_val_if_fail (HEARSAY_IS_CURATION (self), FALSE);
  if (!check_unit (self, index, error))
    return FALSE;
  unit = unit_at (self, index);
  batch = hearsay_batch_edit_new (self->project, self->document_id, HEARSAY_BATCH_CURATE_REJECT, NULL);
  if (unit->gold_id != 0)
    hearsay_batch_edit_delete_annotation (batch, unit->gold_id);
  for (guint k = 0; k < unit->n_versions; k++)
    if (!unit->versions[k].rejected)
      hearsay_batch_edit_set_rejected (batch, unit->versions[k].annotation_id, TRUE);
  return commit (self, batch, error);
}

gboolean
hearsay_curation_reset (HearsayCuration  *self,
                        guint             index,
                        GError          **error)
{
  g_autoptr(HearsayBatchEdit) batch = NULL;
  const HearsayCurationUnit *unit;

  g_return_val_if_fail (HEARSAY_IS_CURATION (self), FALSE);
  if (!check_unit (self, index, error))
    return FALSE;
  unit = unit_at (self, index);
  batch = hearsay_batch_edit_new (self->project, self->document_id, HEARSAY_BATCH_CURATE_RESET, NULL);
  if (unit->gold_id != 0)
    hearsay_batch_edit_delete_annotation (batch, unit->gold_id);
  unreject (batch, unit);
  return commit (self, batch, error);
}
