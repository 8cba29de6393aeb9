/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project-annotations.c: creating, changing and deleting annotations.
 * Each edit is one transaction that also records how to undo and redo it. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-history.h"
#include "hearsay-project-private.h"
#include "hearsay-text.h"

static gboolean
check_writable (HearsayProject  *self,
                GError         **error)
{
  if (hearsay_project_get_store (self) == NULL)
    {
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                   _("The project %s is closed"), hearsay_project_get_path (self));
      return FALSE;
    }
  return hearsay_store_check_writable (hearsay_project_get_store (self), error);
}

static char *
label_list (HearsayScheme *scheme)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < hearsay_scheme_get_n_labels (scheme); i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", hearsay_scheme_get_label (scheme, i)->id);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
check_fragments (HearsayAnnotation  *ann,
                 HearsayTextIndex   *text,
                 GError            **error)
{
  guint n = hearsay_annotation_get_n_fragments (ann);

  if (n == 0)
    {
      g_set_error_literal (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_OFFSETS,
                           _("An annotation needs at least one span of text"));
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      const HearsayFragment *f = hearsay_annotation_get_fragment (ann, i);

      if (!hearsay_text_index_check_span (text, f->start, f->end, error))
        return FALSE;
      if (i > 0 && f->start < hearsay_annotation_get_fragment (ann, i - 1)->end)
        {
          g_set_error_literal (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_OFFSETS,
                               _("The fragments of one annotation must not overlap"));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
hearsay_project_validate_annotation (HearsayProject     *self,
                                     HearsayAnnotation  *ann,
                                     HearsayTextIndex   *text,
                                     gboolean            check_scheme,
                                     GError            **error)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (self);
  const HearsayLabel *label;
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (HEARSAY_IS_ANNOTATION (ann), FALSE);

  label = hearsay_scheme_lookup_label (scheme, hearsay_annotation_get_label (ann));
  if (label == NULL && check_scheme)
    {
      g_autofree char *known = label_list (scheme);

      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_UNKNOWN_LABEL,
                   _("Unknown label “%s”; the scheme has: %s"),
                   hearsay_annotation_get_label (ann), known);
      return FALSE;
    }
  if (!check_fragments (ann, text, error))
    return FALSE;
  if (!check_scheme)
    return TRUE;

  names = hearsay_annotation_dup_attribute_names (ann);
  for (guint i = 0; names[i]; i++)
    {
      const HearsayAttributeDef *def = hearsay_label_lookup_attribute (label, names[i]);

      if (def == NULL)
        {
          g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_UNKNOWN_ATTRIBUTE,
                       _("The label “%s” has no attribute “%s”"), label->id, names[i]);
          return FALSE;
        }
      if (!hearsay_attribute_check_values (def, hearsay_annotation_get_attribute_values (ann, names[i]), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
hearsay_project_create_annotation (HearsayProject     *self,
                                   HearsayAnnotation  *ann,
                                   GError            **error)
{
  HearsayTextIndex *text;
  g_autofree char *now = NULL;
  HearsayEdit edit;
  gint64 id = 0;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (HEARSAY_IS_ANNOTATION (ann), FALSE);

  if (!check_writable (self, error) ||
      (text = hearsay_project_get_text_index (self, hearsay_annotation_get_document_id (ann), error)) == NULL ||
      !hearsay_project_validate_annotation (self, ann, text, TRUE, error))
    return FALSE;

  now = hearsay_now_iso8601 ();
  hearsay_annotation_fill_quotes (ann, text);
  if (hearsay_annotation_get_annotator (ann) == NULL)
    hearsay_annotation_set_annotator (ann, hearsay_project_get_annotator (self));
  if (!hearsay_project_check_own_layer (self, hearsay_annotation_get_annotator (ann), error))
    return FALSE;
  if (hearsay_annotation_get_created_at (ann) == NULL)
    hearsay_annotation_set_created_at (ann, now);
  if (hearsay_annotation_get_modified_at (ann) == NULL)
    hearsay_annotation_set_modified_at (ann, now);

  if (!hearsay_history_begin (self, error))
    return FALSE;
  hearsay_edit_init (&edit, "add_annotation", hearsay_annotation_get_label (ann),
                     hearsay_annotation_get_document_id (ann));
  hearsay_annotation_set_id (ann, 0);
  hearsay_ops_insert_annotation (edit.redo, hearsay_project_get_scheme (self), ann, NULL);
  if (!hearsay_history_apply (self, &edit, &id, error))
    return FALSE;
  hearsay_annotation_set_id (ann, id);
  return TRUE;
}

gboolean
hearsay_project_delete_annotation (HearsayProject  *self,
                                   gint64           id,
                                   GError         **error)
{
  g_autoptr(HearsayAnnotation) ann = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  HearsayStore *store;
  HearsayEdit edit;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  if (!hearsay_history_begin (self, error))
    return FALSE;
  store = hearsay_project_get_store (self);
  if ((ann = hearsay_store_load_annotation (store, id, error)) == NULL ||
      (relations = hearsay_store_list_annotation_relations (store, id, error)) == NULL)
    {
      hearsay_store_rollback (store);
      return FALSE;
    }
  /* Undo restores the annotation with its id and every relation it had. */
  hearsay_edit_init (&edit, "delete_annotation", hearsay_annotation_get_label (ann),
                     hearsay_annotation_get_document_id (ann));
  hearsay_ops_insert_annotation (edit.undo, hearsay_project_get_scheme (self), ann, relations);
  hearsay_ops_delete_annotation (edit.redo, id);
  return hearsay_history_apply (self, &edit, NULL, error);
}

/* Opens the edit's transaction and reads the annotation in it. */
static HearsayAnnotation *
begin_edit (HearsayProject  *self,
            gint64           id,
            GError         **error)
{
  HearsayAnnotation *ann;

  if (!hearsay_history_begin (self, error))
    return NULL;
  ann = hearsay_store_load_annotation (hearsay_project_get_store (self), id, error);
  if (ann == NULL)
    hearsay_store_rollback (hearsay_project_get_store (self));
  return ann;
}

static gboolean
end_unchanged (HearsayProject *self)
{
  hearsay_store_rollback (hearsay_project_get_store (self));
  return TRUE;
}

static gboolean
refuse (HearsayProject *self)
{
  hearsay_store_rollback (hearsay_project_get_store (self));
  return FALSE;
}

gboolean
hearsay_project_set_attribute (HearsayProject      *self,
                               gint64               annotation_id,
                               const char          *name,
                               const char * const  *values,
                               GError             **error)
{
  g_autoptr(HearsayAnnotation) ann = NULL;
  const HearsayLabel *label;
  const HearsayAttributeDef *def = NULL;
  HearsayEdit edit;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if ((ann = begin_edit (self, annotation_id, error)) == NULL)
    return FALSE;
  label = hearsay_scheme_lookup_label (hearsay_project_get_scheme (self), hearsay_annotation_get_label (ann));
  if (label != NULL)
    def = hearsay_label_lookup_attribute (label, name);
  if (def == NULL)
    {
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_UNKNOWN_ATTRIBUTE,
                   _("The label “%s” has no attribute “%s”"), hearsay_annotation_get_label (ann), name);
      return refuse (self);
    }
  if (!hearsay_attribute_check_values (def, values, error))
    return refuse (self);

  hearsay_edit_init (&edit, "set_attribute", name, hearsay_annotation_get_document_id (ann));
  hearsay_ops_set_attribute (edit.undo, annotation_id, name, hearsay_annotation_get_attribute_values (ann, name));
  hearsay_ops_set_attribute (edit.redo, annotation_id, name, values);
  return hearsay_history_apply (self, &edit, NULL, error);
}

gboolean
hearsay_project_set_note (HearsayProject  *self,
                          gint64           annotation_id,
                          const char      *note,
                          GError         **error)
{
  g_autoptr(HearsayAnnotation) ann = NULL;
  HearsayEdit edit;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  if ((ann = begin_edit (self, annotation_id, error)) == NULL)
    return FALSE;
  if (note != NULL && *note == '\0')
    note = NULL;
  if (g_strcmp0 (hearsay_annotation_get_note (ann), note) == 0)
    return end_unchanged (self);

  hearsay_edit_init (&edit, "set_note", NULL, hearsay_annotation_get_document_id (ann));
  hearsay_ops_set_note (edit.undo, annotation_id, hearsay_annotation_get_note (ann));
  hearsay_ops_set_note (edit.redo, annotation_id, note);
  return hearsay_history_apply (self, &edit, NULL, error);
}

gboolean
hearsay_project_set_label (HearsayProject  *self,
                           gint64           annotation_id,
                           const char      *label_id,
                           GError         **error)
{
  g_autoptr(HearsayAnnotation) ann = NULL;
  HearsayEdit edit;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  if (hearsay_scheme_lookup_label (hearsay_project_get_scheme (self), label_id) == NULL)
    {
      g_autofree char *known = label_list (hearsay_project_get_scheme (self));

      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_UNKNOWN_LABEL,
                   _("Unknown label “%s”; the scheme has: %s"), label_id, known);
      return FALSE;
    }
  if ((ann = begin_edit (self, annotation_id, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (hearsay_annotation_get_label (ann), label_id) == 0)
    return end_unchanged (self);

  hearsay_edit_init (&edit, "set_label", label_id, hearsay_annotation_get_document_id (ann));
  hearsay_ops_set_label (edit.undo, annotation_id, hearsay_annotation_get_label (ann));
  hearsay_ops_set_label (edit.redo, annotation_id, label_id);
  return hearsay_history_apply (self, &edit, NULL, error);
}

gboolean
hearsay_project_add_fragment (HearsayProject  *self,
                              gint64           annotation_id,
                              gint64           start,
                              gint64           end,
                              GError         **error)
{
  g_autoptr(HearsayAnnotation) ann = NULL;
  HearsayTextIndex *text;
  HearsayEdit edit;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  if ((ann = begin_edit (self, annotation_id, error)) == NULL)
    return FALSE;
  if ((text = hearsay_project_get_text_index (self, hearsay_annotation_get_document_id (ann), error)) == NULL)
    return refuse (self);

  hearsay_edit_init (&edit, "add_fragment", hearsay_annotation_get_label (ann),
                     hearsay_annotation_get_document_id (ann));
  hearsay_ops_set_fragments (edit.undo, ann);
  hearsay_annotation_add_fragment (ann, start, end);
  if (!check_fragments (ann, text, error))
    {
      hearsay_history_abort (self, &edit);
      return FALSE;
    }
  hearsay_annotation_fill_quotes (ann, text);
  hearsay_ops_set_fragments (edit.redo, ann);
  return hearsay_history_apply (self, &edit, NULL, error);
}
