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
                            const char    *kind,
                            const char    *subject,
                            const char    *undo,
                            const char    *redo,
                            const char    *created_at,
                            GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = hearsay_store_prepare (self, "DELETE FROM history WHERE undone = 1;", error);
  if (stmt == NULL || !hearsay_store_step_done (self, stmt, _("could not save the undo history"), error))
    return FALSE;
  stmt = hearsay_store_prepare (self,
                                "INSERT INTO history (kind, subject, undo, redo, undone, created_at) "
                                "VALUES (?1, ?2, ?3, ?4, 0, ?5);", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  hearsay_store_bind_text (stmt, 2, subject);
  sqlite3_bind_text (stmt, 3, undo, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, redo, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, created_at, -1, SQLITE_STATIC);
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
                            gint64        *id,
                            char         **kind,
                            char         **subject,
                            char         **ops)
{
  sqlite3_stmt *stmt;
  gboolean found = FALSE;

  stmt = hearsay_store_prepare (self, redo
                                ? "SELECT id, kind, subject, redo FROM history WHERE undone = 1 ORDER BY id LIMIT 1;"
                                : "SELECT id, kind, subject, undo FROM history WHERE undone = 0 ORDER BY id DESC LIMIT 1;",
                                NULL);
  if (stmt == NULL)
    return FALSE;
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
  sqlite3_stmt *stmt = hearsay_store_prepare (self, "UPDATE history SET undone = ?2 WHERE id = ?1;", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, undone ? 1 : 0);
  return hearsay_store_step_done (self, stmt, _("could not save the undo history"), error);
}
