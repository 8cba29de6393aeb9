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

/* The document an edit of @relation belongs to: its source annotation's. */
static gint64
relation_scope (HearsayProject        *self,
                const HearsayRelation *relation)
{
  g_autoptr(HearsayAnnotation) from = hearsay_store_load_annotation (hearsay_project_get_store (self),
                                                                     relation->from_id, NULL);

  return from != NULL ? hearsay_annotation_get_document_id (from) : 0;
}

/* A second identical link says nothing more and would be counted twice. */
static gboolean
check_not_linked (HearsayProject         *self,
                  const HearsayRelation  *relation,
                  GError                **error)
{
  g_autoptr(GPtrArray) existing = hearsay_store_list_annotation_relations (hearsay_project_get_store (self),
                                                                            relation->from_id, error);

  if (existing == NULL)
    return FALSE;
  for (guint i = 0; i < existing->len; i++)
    {
      const HearsayRelation *r = g_ptr_array_index (existing, i);

      if (r->from_id == relation->from_id && g_strcmp0 (r->type, relation->type) == 0 &&
          r->to_id == relation->to_id && r->to_entity_id == relation->to_entity_id)
        {
          g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_EXISTS,
                       relation->to_id > 0
                         ? _("Annotation %" PRId64 " is already linked to annotation %" PRId64 " by “%s” (relation %" PRId64 ")")
                         : _("Annotation %" PRId64 " is already linked to entity %" PRId64 " by “%s” (relation %" PRId64 ")"),
                       relation->from_id, relation->to_id > 0 ? relation->to_id : relation->to_entity_id,
                       relation->type, r->id);
          return FALSE;
        }
    }
  return TRUE;
}

static gint64
insert_relation (HearsayProject  *self,
                 HearsayRelation *relation,
                 const char      *kind,
                 GError         **error)
{
  g_autofree char *now = hearsay_now_iso8601 ();
  HearsayEdit edit;
  gint64 id = 0;

  if (!hearsay_project_check_own_layer (self, hearsay_project_get_annotator (self), error) ||
      !hearsay_history_begin (self, error))
    return 0;
  if (!check_not_linked (self, relation, error))
    {
      hearsay_store_rollback (hearsay_project_get_store (self));
      return 0;
    }
  relation->id = 0;
  relation->annotator = (char *) hearsay_project_get_annotator (self);
  relation->created_at = now;
  hearsay_edit_init (&edit, kind, relation->type, relation_scope (self, relation));
  hearsay_ops_insert_relation (edit.redo, relation);
  relation->annotator = NULL;
  relation->created_at = NULL;
  if (!hearsay_history_apply (self, &edit, &id, error))
    return 0;
  relation->id = id;
  return id;
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
  g_autoptr(HearsayRelation) relation = NULL;
  HearsayEdit edit;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);

  if (!hearsay_history_begin (self, error))
    return FALSE;
  relation = hearsay_store_load_relation (hearsay_project_get_store (self), id, error);
  if (relation == NULL)
    {
      hearsay_store_rollback (hearsay_project_get_store (self));
      return FALSE;
    }
  hearsay_edit_init (&edit, "delete_relation", relation->type, relation_scope (self, relation));
  hearsay_ops_insert_relation (edit.undo, relation);
  hearsay_ops_delete_relation (edit.redo, id);
  return hearsay_history_apply (self, &edit, NULL, error);
}

GPtrArray *
hearsay_project_list_annotation_relations (HearsayProject  *self,
                                           gint64           annotation_id,
                                           GError         **error)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if (!check_open (self, error))
    return NULL;
  return hearsay_project_hide_relations (self, hearsay_store_list_annotation_relations (hearsay_project_get_store (self),
                                                                                      annotation_id, error));
}
