/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-events.c: events (stories that documents cover). */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-store-private.h"

gboolean
hearsay_store_save_event (HearsayStore  *self,
                          HearsayEvent  *event,
                          GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, save_event, (self, event, error));
  gboolean insert = hearsay_event_get_id (event) == 0;
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  stmt = hearsay_store_prepare (self, insert
                                ? "INSERT INTO event (name, date) VALUES (?2, ?3);"
                                : "UPDATE event SET name = ?2, date = ?3 WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  if (!insert)
    sqlite3_bind_int64 (stmt, 1, hearsay_event_get_id (event));
  sqlite3_bind_text (stmt, 2, hearsay_event_get_name (event), -1, SQLITE_STATIC);
  hearsay_store_bind_text (stmt, 3, hearsay_event_get_date (event));
  if (!hearsay_store_step_done (self, stmt, _("could not save the event"), error))
    return FALSE;
  if (insert)
    hearsay_event_set_id (event, sqlite3_last_insert_rowid (self->db));
  else if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no event %" PRId64), hearsay_event_get_id (event));
      return FALSE;
    }
  return TRUE;
}

gboolean
hearsay_store_insert_event (HearsayStore  *self,
                            HearsayEvent  *event,
                            GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, insert_event, (self, event, error));
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  stmt = hearsay_store_prepare (self, "INSERT INTO event (id, name, date) VALUES (?1, ?2, ?3);", error);
  if (stmt == NULL)
    return FALSE;
  if (hearsay_event_get_id (event) > 0)
    sqlite3_bind_int64 (stmt, 1, hearsay_event_get_id (event));
  sqlite3_bind_text (stmt, 2, hearsay_event_get_name (event), -1, SQLITE_STATIC);
  hearsay_store_bind_text (stmt, 3, hearsay_event_get_date (event));
  if (!hearsay_store_step_done (self, stmt, _("could not save the event"), error))
    return FALSE;
  hearsay_event_set_id (event, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

GArray *
hearsay_store_list_event_documents (HearsayStore  *self,
                                    gint64         id,
                                    GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, list_event_documents, (self, id, error));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = hearsay_store_prepare (self, "SELECT id FROM document WHERE event_id = ?1 ORDER BY id;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 document = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, document);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not read the event's documents"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

gboolean
hearsay_store_delete_event (HearsayStore  *self,
                            gint64         id,
                            GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, delete_event, (self, id, error));
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  stmt = hearsay_store_prepare (self, "DELETE FROM event WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return hearsay_store_step_done (self, stmt, _("could not delete the event"), error);
}

GPtrArray *
hearsay_store_list_events (HearsayStore  *self,
                           GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, list_events, (self, error));
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = hearsay_store_prepare (self,
                                "SELECT e.id, e.name, e.date, "
                                "(SELECT count(*) FROM document d WHERE d.event_id = e.id) "
                                "FROM event e ORDER BY e.date, e.id;", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HearsayEvent *event = hearsay_event_new (hearsay_store_column_text (stmt, 1),
                                               hearsay_store_column_text (stmt, 2));

      hearsay_event_set_id (event, sqlite3_column_int64 (stmt, 0));
      hearsay_event_set_n_documents (event, (guint) sqlite3_column_int64 (stmt, 3));
      g_ptr_array_add (list, event);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not read events"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

gboolean
hearsay_store_set_document_event (HearsayStore  *self,
                                  gint64         document_id,
                                  gint64         event_id,
                                  GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, set_document_event, (self, document_id, event_id, error));
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  stmt = hearsay_store_prepare (self, "UPDATE document SET event_id = ?2 WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (event_id > 0)
    sqlite3_bind_int64 (stmt, 2, event_id);
  if (!hearsay_store_step_done (self, stmt, _("could not assign the document to the event"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no document %" PRId64), document_id);
      return FALSE;
    }
  return TRUE;
}

gint64
hearsay_store_get_document_event (HearsayStore *self,
                                  gint64        document_id)
{
  HEARSAY_STORE_DISPATCH (self, get_document_event, (self, document_id));
  sqlite3_stmt *stmt = hearsay_store_prepare (self, "SELECT event_id FROM document WHERE id = ?1;", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Documents outside @event_id that share an entity (through refers_to links)
 * with its documents, or were published within @days of @date. */
GArray *
hearsay_store_suggest_event_documents (HearsayStore  *self,
                                       gint64         event_id,
                                       const char    *date,
                                       int            days,
                                       GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, suggest_event_documents, (self, event_id, date, days, error));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = hearsay_store_prepare (self,
                                "SELECT d.id FROM document d WHERE (d.event_id IS NULL OR d.event_id <> ?1) AND ("
                                " (?2 IS NOT NULL AND d.published_at IS NOT NULL AND"
                                "  abs(julianday(substr(d.published_at, 1, 10)) - julianday(?2)) <= ?3)"
                                " OR EXISTS (SELECT 1 FROM annotation a JOIN relation r ON r.from_id = a.id"
                                "  WHERE a.document_id = d.id AND r.to_entity_id IN ("
                                "   SELECT r2.to_entity_id FROM relation r2 JOIN annotation a2 ON a2.id = r2.from_id"
                                "   JOIN document d2 ON d2.id = a2.document_id WHERE d2.event_id = ?1"
                                "   AND r2.to_entity_id IS NOT NULL)))"
                                " ORDER BY d.id;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  hearsay_store_bind_text (stmt, 2, date);
  sqlite3_bind_int (stmt, 3, days);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not suggest documents"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}
