/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project-entities.c: the registry of sources, outlets and actors. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-history.h"
#include "hearsay-project-private.h"

static gboolean
check_entity (HearsayProject  *self,
              HearsayEntity   *entity,
              GError         **error)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (self);
  const char *kind = hearsay_entity_get_kind (entity);
  const char *affiliated = hearsay_entity_get_state_affiliated (entity);
  g_autofree char *name = g_strdup (hearsay_entity_get_name (entity));
  gboolean known = FALSE;

  if (hearsay_project_get_store (self) == NULL)
    {
      g_set_error_literal (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                           _("The project is closed"));
      return FALSE;
    }
  if (name == NULL || *g_strstrip (name) == '\0')
    {
      g_set_error_literal (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                           _("An entity needs a name"));
      return FALSE;
    }
  for (guint i = 0; i < hearsay_scheme_get_n_entity_kinds (scheme); i++)
    known |= g_strcmp0 (hearsay_scheme_get_entity_kind (scheme, i)->id, kind) == 0;
  if (!known)
    {
      g_autoptr(GString) kinds = g_string_new (NULL);

      for (guint i = 0; i < hearsay_scheme_get_n_entity_kinds (scheme); i++)
        g_string_append_printf (kinds, "%s%s", i ? ", " : "", hearsay_scheme_get_entity_kind (scheme, i)->id);
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                   _("Unknown entity kind “%s”; the scheme has: %s"), kind, kinds->str);
      return FALSE;
    }
  if (affiliated != NULL && g_strcmp0 (affiliated, "yes") != 0 && g_strcmp0 (affiliated, "no") != 0 &&
      g_strcmp0 (affiliated, "unclear") != 0)
    {
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                   _("State affiliation is yes, no or unclear, not “%s”"), affiliated);
      return FALSE;
    }
  return TRUE;
}

/* One project-wide edit: the registry is shared by every document, so its
 * changes are undone in their own scope. */
static gboolean
save_entity (HearsayProject  *self,
             HearsayEntity   *entity,
             gboolean         insert,
             GError         **error)
{
  g_autoptr(HearsayEntity) stored = NULL;
  HearsayStore *store;
  HearsayEdit edit;
  gint64 id = 0;

  if (!check_entity (self, entity, error) || !hearsay_history_begin (self, error))
    return FALSE;
  store = hearsay_project_get_store (self);
  if (!insert && (stored = hearsay_store_load_entity (store, hearsay_entity_get_id (entity), error)) == NULL)
    {
      hearsay_store_rollback (store);
      return FALSE;
    }
  hearsay_edit_init (&edit, insert ? "add_entity" : "edit_entity", hearsay_entity_get_name (entity), 0);
  if (insert)
    hearsay_ops_insert_entity (edit.redo, entity);
  else
    {
      hearsay_ops_update_entity (edit.undo, stored);
      hearsay_ops_update_entity (edit.redo, entity);
    }
  if (!hearsay_history_apply (self, &edit, &id, error))
    {
      if (insert)
        hearsay_entity_set_id (entity, 0);
      return FALSE;
    }
  if (insert && id > 0)
    hearsay_entity_set_id (entity, id);
  return TRUE;
}

gboolean
hearsay_project_add_entity (HearsayProject  *self,
                            HearsayEntity   *entity,
                            GError         **error)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (HEARSAY_IS_ENTITY (entity), FALSE);
  return save_entity (self, entity, TRUE, error);
}

gboolean
hearsay_project_update_entity (HearsayProject  *self,
                               HearsayEntity   *entity,
                               GError         **error)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (HEARSAY_IS_ENTITY (entity), FALSE);
  return save_entity (self, entity, FALSE, error);
}

GPtrArray *
hearsay_project_list_entities (HearsayProject  *self,
                               GError         **error)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if (hearsay_project_get_store (self) == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);
  return hearsay_store_list_entities (hearsay_project_get_store (self), error);
}

HearsayEntity *
hearsay_project_get_entity (HearsayProject  *self,
                            gint64           id,
                            GError         **error)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if (hearsay_project_get_store (self) == NULL)
    {
      g_set_error_literal (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                           _("The project is closed"));
      return NULL;
    }
  return hearsay_store_load_entity (hearsay_project_get_store (self), id, error);
}

GPtrArray *
hearsay_project_suggest_entities (HearsayProject  *self,
                                  const char      *text,
                                  GError         **error)
{
  g_autoptr(GPtrArray) all = hearsay_project_list_entities (self, error);
  GPtrArray *matches;

  if (all == NULL)
    return NULL;
  matches = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    if (hearsay_entity_matches (g_ptr_array_index (all, i), text))
      g_ptr_array_add (matches, g_object_ref (g_ptr_array_index (all, i)));
  return matches;
}
