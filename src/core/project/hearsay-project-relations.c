/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project-relations.c: links between annotations and to entities. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-history.h"
#include "hearsay-project-private.h"
#include "hearsay-text.h"

static gboolean
label_in (const char * const *labels,
          const char         *label)
{
  return labels != NULL && g_strv_contains (labels, label);
}

static char *
describe_rule (const HearsayRelationType *type)
{
  g_autofree char *from = g_strjoinv (", ", type->from_labels);
  g_autofree char *to = type->to_entity ? g_strdup (_("an entity")) : g_strjoinv (", ", type->to_labels);

  return g_strdup_printf (_("“%s” goes from %s to %s%s"), type->id, from, to,
                          type->cross_document ? _(", in any document") : _(", in the same document"));
}

/* A closed project refuses with an error, so callers never see FALSE/0 without one. */
static gboolean
check_open (HearsayProject  *self,
            GError         **error)
{
  if (hearsay_project_get_store (self) != NULL)
    return TRUE;
  g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
               _("The project %s is closed"), hearsay_project_get_path (self));
  return FALSE;
}

GPtrArray *
hearsay_project_allowed_relation_types (HearsayProject *self,
                                        const char     *from_label,
                                        const char     *to_label)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (self);
  GPtrArray *types = g_ptr_array_new ();

  for (guint i = 0; i < hearsay_scheme_get_n_relation_types (scheme); i++)
    {
      const HearsayRelationType *type = hearsay_scheme_get_relation_type (scheme, i);

      if (!label_in ((const char * const *) type->from_labels, from_label))
        continue;
      if (to_label == NULL ? type->to_entity
                           : (!type->to_entity && label_in ((const char * const *) type->to_labels, to_label)))
        g_ptr_array_add (types, (gpointer) type);
    }
  return types;
}

static gint64
insert_relation (HearsayProject  *self,
                 HearsayRelation *relation,
                 const char      *kind,
                 GError         **error)
{
  HearsayStore *store = hearsay_project_get_store (self);
  g_autofree char *now = hearsay_now_iso8601 ();
  g_autofree char *annotator = g_strdup (hearsay_project_get_annotator (self));
  HearsayEdit edit;
  gboolean ok;

  if (!hearsay_store_check_writable (store, error) || !hearsay_store_begin (store, error))
    return 0;
  relation->annotator = annotator;
  relation->created_at = now;
  relation->id = hearsay_store_insert_relation (store, relation, error);
  ok = relation->id != 0;
  hearsay_edit_init (&edit, kind, relation->type);
  if (ok)
    {
      hearsay_ops_delete_relation (edit.undo, relation->id);
      hearsay_ops_insert_relation (edit.redo, relation);
    }
  relation->annotator = NULL;
  relation->created_at = NULL;
  if (!hearsay_history_commit (self, &edit, ok, error))
    return 0;
  hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_RELATIONS, 0, relation->from_id, relation->to_id);
  hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_HISTORY, 0, 0, 0);
  return relation->id;
}

static const HearsayRelationType *
lookup_type (HearsayProject  *self,
             const char      *type_id,
             GError         **error)
{
  const HearsayRelationType *type = hearsay_scheme_lookup_relation_type (hearsay_project_get_scheme (self), type_id);

  if (type == NULL)
    g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                 _("Unknown relation type “%s”"), type_id);
  return type;
}

gint64
hearsay_project_create_relation (HearsayProject  *self,
                                 const char      *type_id,
                                 gint64           from_id,
                                 gint64           to_id,
                                 GError         **error)
{
  g_autoptr(HearsayAnnotation) from = NULL;
  g_autoptr(HearsayAnnotation) to = NULL;
  const HearsayRelationType *type;
  HearsayRelation relation = { 0 };

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), 0);

  if (!check_open (self, error) || (type = lookup_type (self, type_id, error)) == NULL)
    return 0;
  if (from_id == to_id)
    {
      g_set_error_literal (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                           _("An annotation cannot be related to itself"));
      return 0;
    }
  from = hearsay_project_get_annotation (self, from_id, error);
  if (from == NULL)
    return 0;
  to = hearsay_project_get_annotation (self, to_id, error);
  if (to == NULL)
    return 0;

  if (type->to_entity ||
      !label_in ((const char * const *) type->from_labels, hearsay_annotation_get_label (from)) ||
      !label_in ((const char * const *) type->to_labels, hearsay_annotation_get_label (to)) ||
      (!type->cross_document &&
       hearsay_annotation_get_document_id (from) != hearsay_annotation_get_document_id (to)))
    {
      g_autofree char *rule = describe_rule (type);

      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                   _("The relation “%s” cannot link %s %" PRId64 " to %s %" PRId64 ": %s"),
                   type->id, hearsay_annotation_get_label (from), from_id,
                   hearsay_annotation_get_label (to), to_id, rule);
      return 0;
    }

  relation.type = type->id;
  relation.from_id = from_id;
  relation.to_id = to_id;
  return insert_relation (self, &relation, "add_relation", error);
}

gint64
hearsay_project_link_entity (HearsayProject  *self,
                             const char      *type_id,
                             gint64           annotation_id,
                             gint64           entity_id,
                             GError         **error)
{
  g_autoptr(HearsayAnnotation) from = NULL;
  g_autoptr(HearsayEntity) entity = NULL;
  const HearsayRelationType *type;
  HearsayRelation relation = { 0 };

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), 0);

  if (!check_open (self, error) ||
      (type = lookup_type (self, type_id ? type_id : "refers_to", error)) == NULL)
    return 0;
  from = hearsay_project_get_annotation (self, annotation_id, error);
  if (from == NULL)
    return 0;
  entity = hearsay_project_get_entity (self, entity_id, error);
  if (entity == NULL)
    return 0;
  if (!type->to_entity ||
      !label_in ((const char * const *) type->from_labels, hearsay_annotation_get_label (from)))
    {
      g_autofree char *rule = describe_rule (type);

      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                   _("The relation “%s” cannot link %s %" PRId64 " to entity %" PRId64 ": %s"),
                   type->id, hearsay_annotation_get_label (from), annotation_id, entity_id, rule);
      return 0;
    }

  relation.type = type->id;
  relation.from_id = annotation_id;
  relation.to_entity_id = entity_id;
  return insert_relation (self, &relation, "add_relation", error);
}

gboolean
hearsay_project_delete_relation (HearsayProject  *self,
                                 gint64           id,
                                 GError         **error)
{
  HearsayStore *store = hearsay_project_get_store (self);
  g_autoptr(HearsayRelation) relation = NULL;
  HearsayEdit edit;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);

  if (!check_open (self, error) || !hearsay_store_check_writable (store, error) ||
      (relation = hearsay_store_load_relation (store, id, error)) == NULL ||
      !hearsay_store_begin (store, error))
    return FALSE;
  hearsay_edit_init (&edit, "delete_relation", relation->type);
  hearsay_ops_insert_relation (edit.undo, relation);
  hearsay_ops_delete_relation (edit.redo, id);
  if (!hearsay_history_commit (self, &edit, hearsay_store_delete_relation (store, id, error), error))
    return FALSE;
  hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_RELATIONS, 0, relation->from_id, relation->to_id);
  hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_HISTORY, 0, 0, 0);
  return TRUE;
}

GPtrArray *
hearsay_project_list_annotation_relations (HearsayProject  *self,
                                           gint64           annotation_id,
                                           GError         **error)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if (!check_open (self, error))
    return NULL;
  return hearsay_store_list_annotation_relations (hearsay_project_get_store (self), annotation_id, error);
}
