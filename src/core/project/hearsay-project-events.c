/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-project-events.c: events, full-text search and document filters. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-date.h"
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

static gboolean
in_transaction (HearsayProject  *self,
                HearsayStore    *store,
                gboolean         ok,
                GError         **error)
{
  if (!ok || !hearsay_store_commit (store, error))
    {
      hearsay_store_rollback (store);
      return FALSE;
    }
  hearsay_project_emit_documents_changed (self);
  return TRUE;
}

gboolean
hearsay_project_save_event (HearsayProject  *self,
                            HearsayEvent    *event,
                            GError         **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (HEARSAY_IS_EVENT (event), FALSE);

  if (!check_event (event, error) || (store = open_store (self, error)) == NULL ||
      !hearsay_store_begin (store, error))
    return FALSE;
  return in_transaction (self, store, hearsay_store_save_event (store, event, error), error);
}

gboolean
hearsay_project_delete_event (HearsayProject  *self,
                              gint64           id,
                              GError         **error)
{
  HearsayStore *store;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  if ((store = open_store (self, error)) == NULL || !hearsay_store_begin (store, error))
    return FALSE;
  return in_transaction (self, store, hearsay_store_delete_event (store, id, error), error);
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
  g_autoptr(GPtrArray) events = hearsay_project_list_events (self, error);

  for (guint i = 0; events != NULL && i < events->len; i++)
    if (hearsay_event_get_id (g_ptr_array_index (events, i)) == id)
      return g_object_ref (g_ptr_array_index (events, i));
  if (events != NULL)
    g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                 _("There is no event %" PRId64), id);
  return NULL;
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
  gboolean ok = TRUE;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);
  if (event_id > 0 && (event = hearsay_project_get_event (self, event_id, error)) == NULL)
    return FALSE;
  if ((store = open_store (self, error)) == NULL || !hearsay_store_begin (store, error))
    return FALSE;
  for (guint i = 0; ok && i < n_documents; i++)
    ok = hearsay_store_set_document_event (store, document_ids[i], event_id, error);
  return in_transaction (self, store, ok, error);
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
