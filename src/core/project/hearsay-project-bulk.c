/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project-bulk.c: the importers' writes, straight to the store
 * inside the caller's transaction. */
#include "config.h"

#include "hearsay-project-bulk.h"
#include "hearsay-project-private.h"

gboolean
hearsay_project_bulk_begin (HearsayProject  *self,
                            GError         **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  store = hearsay_project_require_store (self, error);
  /* An import takes a savepoint per document: its documents are indexed for
   * search once, at the commit. */
  if (store == NULL || !hearsay_store_begin (store, error))
    return FALSE;
  if (!hearsay_store_defer_search_index (store, error))
    {
      hearsay_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

gboolean
hearsay_project_bulk_commit (HearsayProject  *self,
                             GError         **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  store = hearsay_project_require_store (self, error);
  return store != NULL && hearsay_store_commit (store, error);
}

void
hearsay_project_bulk_rollback (HearsayProject *self)
{
  HearsayStore *store;

  g_return_if_fail (HEARSAY_IS_PROJECT (self));
  store = hearsay_project_get_store (self);
  if (store != NULL)
    hearsay_store_rollback (store);
}

gboolean
hearsay_project_bulk_mark (HearsayProject  *self,
                           GError         **error)
{
  HearsayStore *store = hearsay_project_require_store (self, error);

  return store != NULL && hearsay_store_mark (store, error);
}

gboolean
hearsay_project_bulk_undo_to_mark (HearsayProject  *self,
                                   GError         **error)
{
  HearsayStore *store = hearsay_project_require_store (self, error);

  return store != NULL && hearsay_store_rollback_to_mark (store, error);
}

gboolean
hearsay_project_bulk_keep_mark (HearsayProject  *self,
                                GError         **error)
{
  HearsayStore *store = hearsay_project_require_store (self, error);

  return store != NULL && hearsay_store_release_mark (store, error);
}

gboolean
hearsay_project_bulk_add_document (HearsayProject   *self,
                                   HearsayDocument  *document,
                                   GError          **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  store = hearsay_project_require_store (self, error);
  return store != NULL && hearsay_store_insert_document (store, document, error);
}

gboolean
hearsay_project_bulk_update_document (HearsayProject   *self,
                                      HearsayDocument  *document,
                                      GError          **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  store = hearsay_project_require_store (self, error);
  return store != NULL && hearsay_store_update_document (store, document, error);
}

gboolean
hearsay_project_bulk_add_annotation (HearsayProject     *self,
                                     HearsayAnnotation  *annotation,
                                     GError            **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  store = hearsay_project_require_store (self, error);
  return store != NULL && hearsay_store_insert_annotation (store, annotation, error);
}

gint64
hearsay_project_bulk_add_relation (HearsayProject         *self,
                                   const HearsayRelation  *relation,
                                   GError                **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), 0);
  store = hearsay_project_require_store (self, error);
  return store != NULL ? hearsay_store_insert_relation (store, relation, error) : 0;
}

gboolean
hearsay_project_bulk_add_entity (HearsayProject  *self,
                                 HearsayEntity   *entity,
                                 GError         **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  store = hearsay_project_require_store (self, error);
  return store != NULL && hearsay_store_insert_entity (store, entity, error);
}

gboolean
hearsay_project_bulk_store_scheme (HearsayProject  *self,
                                   HearsayScheme   *scheme,
                                   GError         **error)
{
  g_autofree char *json = NULL;
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  store = hearsay_project_require_store (self, error);
  if (store == NULL)
    return FALSE;
  json = hearsay_scheme_to_json (scheme);
  return hearsay_store_set_scheme_json (store, json, error);
}
