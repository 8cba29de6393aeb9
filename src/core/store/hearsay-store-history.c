/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-history.c: the undo history, kept in the project so that it
 * survives switching documents and restarting. Entries past the cursor
 * (undone = 1) are the redo stack. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-store-private.h"

/* Old entries beyond this many are forgotten. */
#define HISTORY_LIMIT 1000

gboolean
hearsay_store_history_push (HearsayStore  *self,
                            gint64         scope,
                            const char    *kind,
                            const char    *subject,
                            const char    *undo,
                            const char    *redo,
                            const char    *created_at,
                            GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, history_push, (self, scope, kind, subject, undo, redo, created_at, error));
  sqlite3_stmt *stmt;

  stmt = hearsay_store_prepare (self, "DELETE FROM history WHERE undone = 1 AND document_id IS ?1;", error);
  if (stmt == NULL)
    return FALSE;
  if (scope > 0)
    sqlite3_bind_int64 (stmt, 1, scope);
  if (!hearsay_store_step_done (self, stmt, _("could not save the undo history"), error))
    return FALSE;
  stmt = hearsay_store_prepare (self,
                                "INSERT INTO history (kind, subject, undo, redo, undone, created_at, document_id) "
                                "VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6);", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  hearsay_store_bind_text (stmt, 2, subject);
  sqlite3_bind_text (stmt, 3, undo, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, redo, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, created_at, -1, SQLITE_STATIC);
  if (scope > 0)
    sqlite3_bind_int64 (stmt, 6, scope);
  if (!hearsay_store_step_done (self, stmt, _("could not save the undo history"), error))
    return FALSE;
  stmt = hearsay_store_prepare (self,
                                "DELETE FROM history WHERE id <= (SELECT max(id) FROM history) - "
                                G_STRINGIFY (HISTORY_LIMIT) ";", error);
  return stmt != NULL && hearsay_store_step_done (self, stmt, _("could not save the undo history"), error);
}

gboolean
hearsay_store_history_peek (HearsayStore  *self,
                            gboolean       redo,
                            gint64         scope,
                            gint64        *id,
                            gint64        *entry_scope,
                            char         **kind,
                            char         **subject,
                            char         **ops)
{
  HEARSAY_STORE_DISPATCH (self, history_peek, (self, redo, scope, id, entry_scope, kind, subject, ops));
  static const char * const sql[2][2] = {
    { "SELECT id, kind, subject, undo, document_id FROM history WHERE undone = 0 "
      "ORDER BY id DESC LIMIT 1;",
      "SELECT id, kind, subject, undo, document_id FROM history WHERE undone = 0 AND document_id IS ?1 "
      "ORDER BY id DESC LIMIT 1;" },
    { "SELECT id, kind, subject, redo, document_id FROM history WHERE undone = 1 "
      "ORDER BY id LIMIT 1;",
      "SELECT id, kind, subject, redo, document_id FROM history WHERE undone = 1 AND document_id IS ?1 "
      "ORDER BY id LIMIT 1;" },
  };
  gboolean any = scope == HEARSAY_STORE_ANY_SCOPE;
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = hearsay_store_prepare (self, sql[redo ? 1 : 0][any ? 0 : 1], NULL);
  if (stmt == NULL)
    return FALSE;
  if (!any && scope > 0)
    sqlite3_bind_int64 (stmt, 1, scope);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      if (id)
        *id = sqlite3_column_int64 (stmt, 0);
      if (kind)
        *kind = g_strdup (hearsay_store_column_text (stmt, 1));
      if (subject)
        *subject = g_strdup (hearsay_store_column_text (stmt, 2));
      if (ops)
        *ops = g_strdup (hearsay_store_column_text (stmt, 3));
      if (entry_scope)
        *entry_scope = sqlite3_column_int64 (stmt, 4);
    }
  sqlite3_reset (stmt);
  return found;
}

gboolean
hearsay_store_history_mark (HearsayStore  *self,
                            gint64         id,
                            gboolean       undone,
                            GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, history_mark, (self, id, undone, error));
  sqlite3_stmt *stmt = hearsay_store_prepare (self, "UPDATE history SET undone = ?2 WHERE id = ?1;", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, undone ? 1 : 0);
  return hearsay_store_step_done (self, stmt, _("could not save the undo history"), error);
}

gboolean
hearsay_store_history_forget (HearsayStore  *self,
                              gint64         id,
                              GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, history_forget, (self, id, error));
  sqlite3_stmt *stmt = hearsay_store_prepare (self, "DELETE FROM history WHERE id = ?1;", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return hearsay_store_step_done (self, stmt, _("could not save the undo history"), error);
}

gboolean
hearsay_store_history_lookup (HearsayStore *self,
                              gint64        id,
                              gint64       *scope,
                              gboolean     *undone)
{
  HEARSAY_STORE_DISPATCH (self, history_lookup, (self, id, scope, undone));
  sqlite3_stmt *stmt = hearsay_store_prepare (self, "SELECT document_id, undone FROM history WHERE id = ?1;", NULL);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      found = TRUE;
      *scope = sqlite3_column_int64 (stmt, 0);
      *undone = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  return found;
}
