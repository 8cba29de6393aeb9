/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store.c: opening, checking and migrating a project file. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hearsay-error.h"
#include "hearsay-store-private.h"


/* What failed, said for the person at the keyboard: a full disk is not a
 * file that "could not be read". */
static gboolean
set_disk_error (HearsayStore  *self,
                int            code,
                GError       **error)
{
  if ((code & 0xff) == SQLITE_FULL)
    g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NO_SPACE,
                 _("%s: the disk is full — the change was not saved; free some space and try again"),
                 self->path);
  else if ((code & 0xff) == SQLITE_IOERR)
    g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                 _("%s: the disk could not be read or written (%s) — the change was not saved"),
                 self->path, sqlite3_errmsg (self->db));
  else
    return FALSE;
  return TRUE;
}

void
hearsay_store_set_error (HearsayStore  *self,
                         GError       **error,
                         const char    *context)
{
  int code = sqlite3_extended_errcode (self->db);
  HearsayStoreError e = HEARSAY_STORE_ERROR_FAILED;

  if (set_disk_error (self, code, error))
    return;
  if ((code & 0xff) == SQLITE_READONLY)
    e = HEARSAY_STORE_ERROR_READ_ONLY;
  else if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
    e = HEARSAY_STORE_ERROR_BUSY;
  else if ((code & 0xff) == SQLITE_NOTADB)
    e = HEARSAY_STORE_ERROR_NOT_A_PROJECT;

  g_set_error (error, HEARSAY_STORE_ERROR, e, "%s: %s (%s)",
               self->path, context, sqlite3_errmsg (self->db));
}

sqlite3_stmt *
hearsay_store_prepare (HearsayStore  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      hearsay_store_set_error (self, error, _("could not prepare a query"));
      return NULL;
    }
  /* Keys are the callers' string literals, which live as long as the program. */
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
hearsay_store_step_done (HearsayStore  *self,
                         sqlite3_stmt  *stmt,
                         const char    *context,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, context);
      return FALSE;
    }
  return TRUE;
}

gboolean
hearsay_store_exec (HearsayStore  *self,
                    const char    *sql,
                    GError       **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      if (set_disk_error (self, sqlite3_extended_errcode (self->db), error))
        {
          sqlite3_free (message);
          return FALSE;
        }
      g_set_error (error, HEARSAY_STORE_ERROR,
                   (sqlite3_errcode (self->db) & 0xff) == SQLITE_READONLY
                     ? HEARSAY_STORE_ERROR_READ_ONLY : HEARSAY_STORE_ERROR_FAILED,
                   "%s: %s", self->path, message ? message : sqlite3_errmsg (self->db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

void
hearsay_store_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

const char *
hearsay_store_column_text (sqlite3_stmt *stmt,
                           int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

gboolean
hearsay_store_check_writable (HearsayStore  *self,
                              GError       **error)
{
  if (!self->read_only)
    return TRUE;
  g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_READ_ONLY,
               _("%s is open read-only: changes cannot be saved"), self->path);
  return FALSE;
}

gboolean
hearsay_store_is_read_only (HearsayStore *self)
{
  return self->read_only;
}

int
hearsay_store_get_schema_version (HearsayStore *self)
{
  return self->schema_version;
}

gboolean
hearsay_store_begin (HearsayStore  *self,
                     GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, begin, (self, error));
  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  if (self->txn_depth == 0 && !hearsay_store_exec (self, "BEGIN IMMEDIATE;", error))
    return FALSE;
  /* Another connection may have deleted rows since our last transaction. */
  if (self->txn_depth == 0)
    {
      self->annotation_ids_clear = self->relation_ids_clear = FALSE;
      hearsay_store_forget_annotator (self);
    }
  self->txn_depth++;
  return TRUE;
}

gboolean
hearsay_store_commit (HearsayStore  *self,
                      GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, commit, (self, error));
  g_return_val_if_fail (self->txn_depth > 0, FALSE);

  if (self->txn_depth == 1 && self->search_deferred && !hearsay_store_index_deferred (self, error))
    {
      hearsay_store_rollback (self);
      return FALSE;
    }
  if (self->txn_depth == 1 && !hearsay_store_exec (self, "COMMIT;", error))
    {
      hearsay_store_rollback (self);
      return FALSE;
    }
  self->txn_depth--;
  return TRUE;
}

/* Rolls the whole outermost transaction back: a nested failure fails it all. */
void
hearsay_store_rollback (HearsayStore *self)
{
  HEARSAY_STORE_DISPATCH_VOID (self, rollback, (self));
  if (self->txn_depth == 0)
    return;
  sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  self->txn_depth = 0;
  self->search_deferred = FALSE;
  hearsay_store_forget_annotator (self);
}

gboolean
hearsay_store_mark (HearsayStore  *self,
                    GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, mark, (self, error));
  g_return_val_if_fail (self->txn_depth > 0, FALSE);
  return hearsay_store_exec (self, "SAVEPOINT unit;", error);
}

gboolean
hearsay_store_rollback_to_mark (HearsayStore  *self,
                                GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, rollback_to_mark, (self, error));
  g_return_val_if_fail (self->txn_depth > 0, FALSE);
  /* Rows may have gone: new ids are checked against the floors again. */
  self->annotation_ids_clear = self->relation_ids_clear = FALSE;
  return hearsay_store_exec (self, "ROLLBACK TO unit; RELEASE unit;", error);
}

gboolean
hearsay_store_release_mark (HearsayStore  *self,
                            GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, release_mark, (self, error));
  g_return_val_if_fail (self->txn_depth > 0, FALSE);
  return hearsay_store_exec (self, "RELEASE unit;", error);
}

gboolean
hearsay_store_defer_search_index (HearsayStore  *self,
                                  GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, defer_search_index, (self, error));
  g_return_val_if_fail (self->txn_depth > 0, FALSE);
  if (self->search_deferred)
    return TRUE;
  if (!hearsay_store_exec (self, "INSERT OR REPLACE INTO meta (key, value) "
                           "VALUES ('search_index_deferred', '1');", error))
    return FALSE;
  self->search_deferred = TRUE;
  return TRUE;
}

/* Indexes the documents waiting since hearsay_store_defer_search_index(),
 * in one statement, and ends the wait. Also what opening a file runs if a
 * wait was ever left in it. */
gboolean
hearsay_store_index_deferred (HearsayStore  *self,
                              GError       **error)
{
  if (!hearsay_store_exec (self,
                           "INSERT INTO document_fts (rowid, title, text) "
                           "  SELECT d.id, d.title, d.text FROM document d "
                           "  JOIN document_fts_pending p ON p.document_id = d.id;"
                           "DELETE FROM document_fts_pending;"
                           "DELETE FROM meta WHERE key = 'search_index_deferred';", error))
    return FALSE;
  self->search_deferred = FALSE;
  return TRUE;
}

gboolean
hearsay_store_backup (HearsayStore  *self,
                      const char    *dest_path,
                      GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, backup, (self, dest_path, error));
  g_autofree char *tmp_path = g_strdup_printf ("%s.partial", dest_path);
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  GStatBuf src_st, dest_st;
  int rc;

  /* Renaming the copy over the open file would leave this connection and its
   * -wal on a deleted inode: every later edit would be lost. */
  if (g_stat (self->path, &src_st) == 0 && g_stat (dest_path, &dest_st) == 0 &&
      src_st.st_dev == dest_st.st_dev && src_st.st_ino == dest_st.st_ino)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                   _("%s is the project itself: choose another file for the copy"), dest_path);
      return FALSE;
    }
  g_unlink (tmp_path);
  if (sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                   _("%s: could not create the copy (%s)"), dest_path,
                   dest ? sqlite3_errmsg (dest) : g_strerror (errno));
      sqlite3_close (dest);
      return FALSE;
    }
  backup = sqlite3_backup_init (dest, "main", self->db, "main");
  if (backup == NULL)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                   _("%s: could not copy the project (%s)"), dest_path, sqlite3_errmsg (dest));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                   _("%s: could not copy the project (%s)"), dest_path, sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }
  /* The copy is a complete file on its own, without a -wal beside it. */
  sqlite3_exec (dest, "PRAGMA journal_mode = DELETE;", NULL, NULL, NULL);
  sqlite3_close (dest);
  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                   _("%s: could not write the copy (%s)"), dest_path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

char *
hearsay_store_get_meta (HearsayStore *self,
                        const char   *key)
{
  HEARSAY_STORE_DISPATCH (self, get_meta, (self, key));
  sqlite3_stmt *stmt = hearsay_store_prepare (self, "SELECT value FROM meta WHERE key = ?1;", NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (hearsay_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

gboolean
hearsay_store_set_meta (HearsayStore  *self,
                        const char    *key,
                        const char    *value,
                        GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, set_meta, (self, key, value, error));
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  stmt = hearsay_store_prepare (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2);", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  hearsay_store_bind_text (stmt, 2, value);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not save a setting"));
      return FALSE;
    }
  return TRUE;
}

char *
hearsay_store_get_scheme_json (HearsayStore  *self,
                               GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, get_scheme_json, (self, error));
  sqlite3_stmt *stmt = hearsay_store_prepare (self, "SELECT json FROM scheme WHERE id = 1;", error);
  char *json = NULL;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    json = g_strdup (hearsay_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return json;
}

gboolean
hearsay_store_set_scheme_json (HearsayStore  *self,
                               const char    *json,
                               GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, set_scheme_json, (self, json, error));
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  stmt = hearsay_store_prepare (self, "INSERT OR REPLACE INTO scheme (id, json) VALUES (1, ?1);", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not save the scheme"));
      return FALSE;
    }
  return TRUE;
}

gint64
hearsay_store_new_id (HearsayStore  *self,
                      const char    *table,
                      GError       **error)
{
  gboolean relation = g_str_equal (table, "relation");
  gboolean *clear = relation ? &self->relation_ids_clear : &self->annotation_ids_clear;
  sqlite3_stmt *stmt;
  gint64 floor = 0, max = 0;

  if (*clear)
    return 0;
  stmt = hearsay_store_prepare (self, relation
                                ? "SELECT (SELECT floor FROM id_floor WHERE name = 'relation'), "
                                  "(SELECT max (id) FROM relation);"
                                : "SELECT (SELECT floor FROM id_floor WHERE name = 'annotation'), "
                                  "(SELECT max (id) FROM annotation);", error);
  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      floor = sqlite3_column_int64 (stmt, 0);
      max = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  /* Once a new id lies above the floor, SQLite's max + 1 does too, until
   * the next transaction (another connection may delete in between). */
  *clear = TRUE;
  return floor >= max ? floor + 1 : 0;
}

gint64
hearsay_store_annotator_id (HearsayStore  *self,
                            const char    *name,
                            GError       **error)
{
  sqlite3_stmt *stmt;

  if (name == NULL || *name == '\0')
    return 0;
  if (self->annotator_name != NULL && strcmp (self->annotator_name, name) == 0)
    return self->annotator_id;
  hearsay_store_forget_annotator (self);
  stmt = hearsay_store_prepare (self, "SELECT id FROM annotator WHERE name = ?1;", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      sqlite3_reset (stmt);
      self->annotator_name = g_strdup (name);
      self->annotator_id = id;
      return id;
    }
  sqlite3_reset (stmt);

  /* The importer's page-furniture marks (import/'s
   * HEARSAY_BOILERPLATE_ANNOTATOR) are an auto layer, as schema step 6
   * makes them in older files: every coder shares them. */
  stmt = hearsay_store_prepare (self, "INSERT INTO annotator (name, role) VALUES "
                                "(?1, CASE WHEN ?1 = 'importer' THEN 'auto' ELSE 'coder' END);", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not save the annotator"));
      return -1;
    }
  /* Not cached: a rollback would take the new row away. */
  return sqlite3_last_insert_rowid (self->db);
}

void
hearsay_store_forget_annotator (HearsayStore *self)
{
  g_clear_pointer (&self->annotator_name, g_free);
  self->annotator_id = 0;
}
