/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-team.c: the merge bases of the coders' copies, and turning a
 * copy of the project into one coder's blind copy. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-store-private.h"

GHashTable *
hearsay_store_read_team_base (HearsayStore  *self,
                              const char    *coder,
                              GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, read_team_base, (self, coder, error));
  g_autoptr(GHashTable) base = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = hearsay_store_prepare (self, "SELECT b.uuid, b.digest FROM team_base b "
                                "JOIN annotator an ON an.id = b.annotator_id WHERE an.name = ?1;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, coder, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (base, g_strdup (hearsay_store_column_text (stmt, 0)),
                         g_strdup (hearsay_store_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not read the merge record"));
      return NULL;
    }
  return g_steal_pointer (&base);
}

gboolean
hearsay_store_write_team_base (HearsayStore  *self,
                               const char    *coder,
                               const char    *uuid,
                               const char    *digest,
                               GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, write_team_base, (self, coder, uuid, digest, error));
  gint64 annotator_id;
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  annotator_id = hearsay_store_annotator_id (self, coder, error);
  if (annotator_id <= 0)
    {
      if (annotator_id == 0)
        g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                     _("A coder needs a name"));
      return FALSE;
    }
  if (uuid == NULL)
    stmt = hearsay_store_prepare (self, "DELETE FROM team_base WHERE annotator_id = ?1;", error);
  else if (digest == NULL)
    stmt = hearsay_store_prepare (self, "DELETE FROM team_base WHERE annotator_id = ?1 AND uuid = ?2;", error);
  else
    stmt = hearsay_store_prepare (self, "INSERT OR REPLACE INTO team_base (annotator_id, uuid, digest) "
                                  "VALUES (?1, ?2, ?3);", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, annotator_id);
  if (uuid != NULL)
    sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  if (uuid != NULL && digest != NULL)
    sqlite3_bind_text (stmt, 3, digest, -1, SQLITE_STATIC);
  return hearsay_store_step_done (self, stmt, _("could not save the merge record"), error);
}

/* What a blind copy must not hold: the other layers and whatever was
 * derived from them. A relation goes with its own annotator's layer (or,
 * without one, with its source annotation); an annotation without an
 * annotator is nobody's known work and goes too. */
static const char strip_sql[] =
  "DELETE FROM relation WHERE CASE WHEN annotator_id IS NULL"
  "  THEN from_id NOT IN (SELECT a.id FROM annotation a WHERE a.annotator_id IN temp.keep_annotator)"
  "  ELSE annotator_id NOT IN temp.keep_annotator END;"
  "DELETE FROM annotation WHERE annotator_id IS NULL OR annotator_id NOT IN temp.keep_annotator;"
  "DELETE FROM annotator WHERE id NOT IN temp.keep_annotator;"
  "DELETE FROM history;"
  "DELETE FROM team_base;"
  "DELETE FROM curation_rejected;"
  /* The comparison's figures count every layer, and its keys hold words of
   * their spans: rebuilt from what is left on the next comparison. */
  "DELETE FROM compare_document;"
  "DELETE FROM compare_edge;"
  "DELETE FROM compare_excluded;"
  "DELETE FROM compare_key;"
  "INSERT OR IGNORE INTO compare_dirty SELECT id FROM document;";

gboolean
hearsay_store_keep_layers (HearsayStore        *self,
                           const char * const  *coders,
                           GError             **error)
{
  HEARSAY_STORE_DISPATCH (self, keep_layers, (self, coders, error));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self->txn_depth == 0, FALSE);

  if (!hearsay_store_begin (self, error))
    return FALSE;
  hearsay_store_forget_annotator (self);
  if (!hearsay_store_exec (self, "CREATE TEMP TABLE IF NOT EXISTS keep_annotator (id INTEGER PRIMARY KEY);"
                           "DELETE FROM temp.keep_annotator;"
                           "INSERT INTO temp.keep_annotator SELECT id FROM annotator WHERE role = 'auto';",
                           error))
    goto fail;
  for (guint i = 0; coders != NULL && coders[i] != NULL; i++)
    {
      stmt = hearsay_store_prepare (self, "INSERT OR IGNORE INTO temp.keep_annotator "
                                    "SELECT id FROM annotator WHERE name = ?1;", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, coders[i], -1, SQLITE_STATIC);
      if (!hearsay_store_step_done (self, stmt, _("could not prepare the copy"), error))
        goto fail;
    }
  if (!hearsay_store_exec (self, strip_sql, error) ||
      !hearsay_store_exec (self, "DROP TABLE temp.keep_annotator;", error) ||
      !hearsay_store_commit (self, error))
    goto fail;
  /* Deleted rows stay readable in free pages until the file is rewritten. */
  g_hash_table_remove_all (self->statements);
  return hearsay_store_exec (self, "VACUUM;", error);

fail:
  hearsay_store_rollback (self);
  return FALSE;
}
