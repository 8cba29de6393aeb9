/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project-events.c: events, full-text search and document filters. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-date.h"
#include "hearsay-history.h"
#include "hearsay-project-private.h"

#define SUGGEST_DAYS 3

static HearsayStore *
open_store (HearsayProject  *self,
            GError         **error)
{
  HearsayStore *store = hearsay_project_get_store (self);

  if (store == NULL)
    g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                 _("The project %s is closed"), hearsay_project_get_path (self));
  return store;
}

static gboolean
check_event (HearsayEvent  *event,
             GError       **error)
{
  const char *name = hearsay_event_get_name (event);

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                           _("An event needs a name"));
      return FALSE;
    }
  return hearsay_date_check (hearsay_event_get_date (event), error);
}

/* Events are project-wide edits: each is undone in scope 0. */

static HearsayEvent *
load_event (HearsayStore *store,
            gint64        id,
            GError      **error)
{
  g_autoptr(GPtrArray) events = hearsay_store_list_events (store, error);

  for (guint i = 0; events != NULL && i < events->len; i++)
    if (hearsay_event_get_id (g_ptr_array_index (events, i)) == id)
      return g_object_ref (g_ptr_array_index (events, i));
  if (events != NULL)
    g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                 _("There is no event %" PRId64), id);
  return NULL;
}

gboolean
hearsay_project_save_event (HearsayProject  *self,
                            HearsayEvent    *event,
                            GError         **error)
{
  g_autoptr(HearsayEvent) stored = NULL;
  HearsayStore *store;
  HearsayEdit edit;
  gboolean insert;
  gint64 id = 0;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (HEARSAY_IS_EVENT (event), FALSE);

  insert = hearsay_event_get_id (event) == 0;
  if (!check_event (event, error) || (store = open_store (self, error)) == NULL ||
      !hearsay_history_begin (self, error))
    return FALSE;
  if (!insert && (stored = load_event (store, hearsay_event_get_id (event), error)) == NULL)
    {
      hearsay_store_rollback (store);
      return FALSE;
    }
  hearsay_edit_init (&edit, insert ? "add_event" : "edit_event", hearsay_event_get_name (event), 0);
  if (insert)
    hearsay_ops_insert_event (edit.redo, event, NULL);
  else
    {
      hearsay_ops_update_event (edit.undo, stored);
      hearsay_ops_update_event (edit.redo, event);
    }
  if (!hearsay_history_apply (self, &edit, &id, error))
    return FALSE;
  if (insert)
    hearsay_event_set_id (event, id);
  return TRUE;
}

gboolean
hearsay_project_delete_event (HearsayProject  *self,
                              gint64           id,
                              GError         **error)
{
  g_autoptr(HearsayEvent) stored = NULL;
  g_autoptr(GArray) documents = NULL;
  HearsayStore *store;
  HearsayEdit edit;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  if ((store = open_store (self, error)) == NULL || !hearsay_history_begin (self, error))
    return FALSE;
  if ((stored = load_event (store, id, error)) == NULL ||
      (documents = hearsay_store_list_event_documents (store, id, error)) == NULL)
    {
      hearsay_store_rollback (store);
      return FALSE;
    }
  /* Undo brings it back under its id, with its documents. */
  hearsay_edit_init (&edit, "delete_event", hearsay_event_get_name (stored), 0);
  hearsay_ops_insert_event (edit.undo, stored, documents);
  hearsay_ops_delete_event (edit.redo, id);
  return hearsay_history_apply (self, &edit, NULL, error);
}

GPtrArray *
hearsay_project_list_events (HearsayProject  *self,
                             GError         **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if ((store = open_store (self, error)) == NULL)
    return NULL;
  return hearsay_store_list_events (store, error);
}

HearsayEvent *
hearsay_project_get_event (HearsayProject  *self,
                           gint64           id,
                           GError         **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if ((store = open_store (self, error)) == NULL)
    return NULL;
  return load_event (store, id, error);
}

gboolean
hearsay_project_set_document_event (HearsayProject      *self,
                                    const gint64        *document_ids,
                                    guint                n_documents,
                                    gint64               event_id,
                                    GError             **error)
{
  g_autoptr(HearsayEvent) event = NULL;
  HearsayStore *store;
  HearsayEdit edit;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  if ((store = open_store (self, error)) == NULL || !hearsay_history_begin (self, error))
    return FALSE;
  if (event_id > 0 && (event = load_event (store, event_id, error)) == NULL)
    {
      hearsay_store_rollback (store);
      return FALSE;
    }
  for (guint i = 0; i < n_documents; i++)
    {
      g_autoptr(HearsayDocument) doc = hearsay_store_load_document (store, document_ids[i], error);

      if (doc == NULL)
        {
          hearsay_store_rollback (store);
          return FALSE;
        }
    }
  if (n_documents == 0)
    {
      hearsay_store_rollback (store);
      return TRUE;
    }
  hearsay_edit_init (&edit, "set_document_event", event != NULL ? hearsay_event_get_name (event) : NULL, 0);
  for (guint i = 0; i < n_documents; i++)
    {
      hearsay_ops_set_document_event (edit.undo, document_ids[i],
                                      hearsay_store_get_document_event (store, document_ids[i]));
      hearsay_ops_set_document_event (edit.redo, document_ids[i], event_id);
    }
  return hearsay_history_apply (self, &edit, NULL, error);
}

gint64
hearsay_project_get_document_event (HearsayProject *self,
                                    gint64          document_id)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), 0);
  if (hearsay_project_get_store (self) == NULL)
    return 0;
  return hearsay_store_get_document_event (hearsay_project_get_store (self), document_id);
}

GPtrArray *
hearsay_project_suggest_event_documents (HearsayProject  *self,
                                         gint64           event_id,
                                         GError         **error)
{
  g_autoptr(HearsayEvent) event = hearsay_project_get_event (self, event_id, error);
  g_autoptr(GArray) ids = NULL;
  GPtrArray *docs;

  if (event == NULL)
    return NULL;
  ids = hearsay_store_suggest_event_documents (hearsay_project_get_store (self), event_id,
                                               hearsay_event_get_date (event), SUGGEST_DAYS, error);
  if (ids == NULL)
    return NULL;
  docs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      HearsayDocument *doc = hearsay_project_load_document (self, g_array_index (ids, gint64, i), error);

      if (doc == NULL)
        {
          g_ptr_array_unref (docs);
          return NULL;
        }
      /* The list needs metadata only. */
      hearsay_document_set_text (doc, NULL);
      g_ptr_array_add (docs, doc);
    }
  return docs;
}

GPtrArray *
hearsay_project_search (HearsayProject  *self,
                        const char      *query,
                        guint            max_documents,
                        GError         **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (query ? query : ""));
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  if ((store = open_store (self, error)) == NULL)
    return NULL;
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                           _("The search is empty"));
      return NULL;
    }
  return hearsay_store_search (store, query, max_documents ? max_documents : 20, 5, error);
}

GPtrArray *
hearsay_project_filter_documents (HearsayProject              *self,
                                  const HearsayDocumentFilter *filter,
                                  GError                     **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  if ((store = open_store (self, error)) == NULL)
    return NULL;
  return hearsay_store_filter_documents (store, filter, error);
}
