/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project-batch.c: several changes of one document recorded as one
 * edit of the undo history, applied by the same operations as every edit. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-date.h"
#include "hearsay-error.h"
#include "hearsay-history.h"
#include "hearsay-project-batch.h"
#include "hearsay-project-private.h"

typedef struct
{
  gint64 id;
  gboolean rejected;
} Mark;

struct _HearsayBatchEdit
{
  HearsayProject *project;
  gint64 document_id;
  HearsayBatchKind kind;
  char *subject;
  GArray *deletions;        /* gint64 */
  GArray *marks;            /* Mark */
  GPtrArray *annotations;   /* HearsayAnnotation * */
  GPtrArray *relations;     /* HearsayRelation * */
};

static const char * const kind_names[] = {
  "curate_accept", "curate_agreed", "curate_reject", "curate_reset",
};

HearsayBatchEdit *
hearsay_batch_edit_new (HearsayProject   *project,
                        gint64            document_id,
                        HearsayBatchKind  kind,
                        const char       *subject)
{
  HearsayBatchEdit *self;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (project), NULL);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);

  self = g_new0 (HearsayBatchEdit, 1);
  self->project = g_object_ref (project);
  self->document_id = document_id;
  self->kind = kind;
  self->subject = g_strdup (subject);
  self->deletions = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  self->annotations = g_ptr_array_new_with_free_func (g_object_unref);
  self->relations = g_ptr_array_new_with_free_func ((GDestroyNotify) hearsay_relation_free);
  return self;
}

void
hearsay_batch_edit_free (HearsayBatchEdit *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->project);
  g_free (self->subject);
  g_array_unref (self->deletions);
  g_array_unref (self->marks);
  g_ptr_array_unref (self->annotations);
  g_ptr_array_unref (self->relations);
  g_free (self);
}

static HearsayAnnotation *
copy_annotation (HearsayAnnotation *ann,
                 gint64             document_id)
{
  HearsayAnnotation *copy = hearsay_annotation_new (document_id, hearsay_annotation_get_label (ann));
  g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (ann);

  hearsay_annotation_set_note (copy, hearsay_annotation_get_note (ann));
  hearsay_annotation_set_annotator (copy, hearsay_annotation_get_annotator (ann));
  for (guint i = 0; names[i] != NULL; i++)
    hearsay_annotation_set_attribute_values (copy, names[i], hearsay_annotation_get_attribute_values (ann, names[i]));
  for (guint i = 0; i < hearsay_annotation_get_n_fragments (ann); i++)
    {
      const HearsayFragment *f = hearsay_annotation_get_fragment (ann, i);

      hearsay_annotation_add_fragment (copy, f->start, f->end);
    }
  return copy;
}

gint64
hearsay_batch_edit_add_annotation (HearsayBatchEdit  *self,
                                   HearsayAnnotation *annotation)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (HEARSAY_IS_ANNOTATION (annotation), 0);

  g_ptr_array_add (self->annotations, copy_annotation (annotation, self->document_id));
  return self->annotations->len;
}

void
hearsay_batch_edit_add_relation (HearsayBatchEdit *self,
                                 const char       *type,
                                 const char       *annotator,
                                 gint64            from_id,
                                 gint64            to_id,
                                 gint64            to_entity_id)
{
  HearsayRelation *r;

  g_return_if_fail (self != NULL);
  g_return_if_fail (type != NULL);
  g_return_if_fail ((to_id != 0) != (to_entity_id > 0));

  r = g_new0 (HearsayRelation, 1);
  r->type = g_strdup (type);
  r->annotator = g_strdup (annotator);
  r->from_id = from_id;
  r->to_id = to_id;
  r->to_entity_id = to_entity_id;
  g_ptr_array_add (self->relations, r);
}

void
hearsay_batch_edit_delete_annotation (HearsayBatchEdit *self,
                                      gint64            annotation_id)
{
  g_return_if_fail (self != NULL);
  g_array_append_val (self->deletions, annotation_id);
}

void
hearsay_batch_edit_set_rejected (HearsayBatchEdit *self,
                                 gint64            annotation_id,
                                 gboolean          rejected)
{
  Mark mark = { annotation_id, rejected };

  g_return_if_fail (self != NULL);
  g_array_append_val (self->marks, mark);
}

gboolean
hearsay_batch_edit_is_empty (HearsayBatchEdit *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->deletions->len == 0 && self->marks->len == 0 && self->annotations->len == 0 &&
         self->relations->len == 0;
}

static gssize
deletion_index (GArray *deletions,
                gint64  id)
{
  for (guint i = 0; i < deletions->len; i++)
    if (g_array_index (deletions, gint64, i) == id)
      return i;
  return -1;
}

/* Undo re-creates the deleted annotations in order, each with its
 * relations; a relation between two of them goes with the later one, when
 * both ends exist again. */
static gboolean
record_deletions (HearsayBatchEdit  *self,
                  HearsayEdit       *edit,
                  GError           **error)
{
  HearsayStore *store = hearsay_project_get_store (self->project);
  HearsayScheme *scheme = hearsay_project_get_scheme (self->project);

  for (guint i = 0; i < self->deletions->len; i++)
    {
      gint64 id = g_array_index (self->deletions, gint64, i);
      g_autoptr(HearsayAnnotation) ann = hearsay_store_load_annotation (store, id, error);
      g_autoptr(GPtrArray) relations = NULL;

      if (ann == NULL || (relations = hearsay_store_list_annotation_relations (store, id, error)) == NULL)
        return FALSE;
      if (hearsay_annotation_get_document_id (ann) != self->document_id)
        {
          g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                       _("Annotation %" PRId64 " is not in document %" PRId64),
                       id, self->document_id);
          return FALSE;
        }
      for (guint k = relations->len; k > 0; k--)
        {
          const HearsayRelation *r = g_ptr_array_index (relations, k - 1);
          gint64 other = r->from_id == id ? r->to_id : r->from_id;

          if (deletion_index (self->deletions, other) > (gssize) i)
            g_ptr_array_remove_index (relations, k - 1);
        }
      hearsay_ops_insert_annotation (edit->undo, scheme, ann, relations);
      hearsay_ops_delete_annotation (edit->redo, id);
    }
  return TRUE;
}

gboolean
hearsay_batch_edit_commit (HearsayBatchEdit  *self,
                           GError           **error)
{
  HearsayScheme *scheme;
  HearsayTextIndex *text;
  g_autofree char *now = hearsay_now_iso8601 ();
  HearsayEdit edit;

  g_return_val_if_fail (self != NULL, FALSE);

  if (hearsay_batch_edit_is_empty (self))
    return TRUE;
  scheme = hearsay_project_get_scheme (self->project);
  text = hearsay_project_get_text_index (self->project, self->document_id, error);
  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < self->annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (self->annotations, i);

      if (!hearsay_project_validate_annotation (self->project, ann, text, FALSE, error))
        return FALSE;
      hearsay_annotation_fill_quotes (ann, text);
      if (hearsay_annotation_get_annotator (ann) == NULL)
        hearsay_annotation_set_annotator (ann, hearsay_project_get_annotator (self->project));
      hearsay_annotation_set_created_at (ann, now);
      hearsay_annotation_set_modified_at (ann, now);
    }

  if (!hearsay_history_begin (self->project, error))
    return FALSE;
  hearsay_edit_init (&edit, kind_names[self->kind], self->subject, self->document_id);
  if (!record_deletions (self, &edit, error))
    {
      hearsay_history_abort (self->project, &edit);
      return FALSE;
    }
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);

      hearsay_ops_set_rejected (edit.undo, mark->id, !mark->rejected);
      hearsay_ops_set_rejected (edit.redo, mark->id, mark->rejected);
    }
  for (guint i = 0; i < self->annotations->len; i++)
    hearsay_ops_insert_annotation (edit.redo, scheme, g_ptr_array_index (self->annotations, i), NULL);
  for (guint i = 0; i < self->relations->len; i++)
    {
      HearsayRelation *r = g_ptr_array_index (self->relations, i);

      g_free (r->created_at);
      r->created_at = g_strdup (now);
      hearsay_ops_insert_relation (edit.redo, r);
    }
  return hearsay_history_apply (self->project, &edit, NULL, error);
}
