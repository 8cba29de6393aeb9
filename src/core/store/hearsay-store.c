/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store.c: opening, checking and migrating a project file. */
#include "config.h"

#include <errno.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hearsay-error.h"
#include "hearsay-store-private.h"

#define BUSY_TIMEOUT_MS 5000

void
hearsay_store_set_error (HearsayStore  *self,
                         GError       **error,
                         const char    *context)
{
  int code = sqlite3_extended_errcode (self->db);
  HearsayStoreError e = HEARSAY_STORE_ERROR_FAILED;

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

static gboolean
query_int (HearsayStore  *self,
           const char    *sql,
           int           *value,
           GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      hearsay_store_set_error (self, error, _("could not read the file"));
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not read the file"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (HearsayStore  *self,
         GError       **error)
{
  for (int v = self->schema_version; v < HEARSAY_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d;", v + 1);

      /* Each step is one transaction: a failed step leaves the file at version v. */
      if (!hearsay_store_exec (self, "BEGIN IMMEDIATE;", error))
        return FALSE;
      if (!hearsay_store_exec (self, hearsay_store_migrations[v], error) ||
          (v == 0 && !hearsay_store_exec (self, "PRAGMA application_id = 1213354841;", error)) ||
          !hearsay_store_exec (self, bump, error) ||
          !hearsay_store_exec (self, "COMMIT;", error))
        {
          sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
          return FALSE;
        }
      self->schema_version = v + 1;
    }
  return TRUE;
}

static gboolean
open_db (HearsayStore *self,
         const char   *uri,
         int           flags,
         GError      **error)
{
  if (sqlite3_open_v2 (uri, &self->db, flags | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    {
      if (self->db != NULL)
        hearsay_store_set_error (self, error, _("could not open the file"));
      else
        g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                     _("%s: could not open the file"), self->path);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  hearsay_store_register_functions (self->db);
  return TRUE;
}

static void
close_db (HearsayStore *self)
{
  g_hash_table_remove_all (self->statements);
  g_clear_pointer (&self->db, sqlite3_close);
}

static gboolean
check_identity (HearsayStore  *self,
                gboolean       may_initialise,
                gboolean      *empty,
                GError       **error)
{
  int app_id = 0, n_objects = 0;

  if (!query_int (self, "PRAGMA application_id;", &app_id, error) ||
      !query_int (self, "PRAGMA user_version;", &self->schema_version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master;", &n_objects, error))
    {
      if (error && *error && (*error)->code == HEARSAY_STORE_ERROR_NOT_A_PROJECT)
        {
          g_clear_error (error);
          g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_A_PROJECT,
                       _("%s is not a Hearsay project: it is not an SQLite database"), self->path);
        }
      return FALSE;
    }

  *empty = (app_id == 0 && self->schema_version == 0 && n_objects == 0);
  if (*empty)
    {
      if (may_initialise)
        return TRUE;
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_A_PROJECT,
                   _("%s is not a Hearsay project: it is an empty database"), self->path);
      return FALSE;
    }
  if ((guint32) app_id != HEARSAY_STORE_APPLICATION_ID)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FOREIGN_APPLICATION,
                   _("%s is not a Hearsay project: it is an SQLite database of another "
                     "application (application_id 0x%08x)"),
                   self->path, (guint32) app_id);
      return FALSE;
    }
  if (self->schema_version > HEARSAY_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NEWER_VERSION,
                   _("%s was written by a newer version of Hearsay (project format %d; this "
                     "version reads up to %d). Update Hearsay to open it; the file was not changed."),
                   self->path, self->schema_version, HEARSAY_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

HearsayStore *
hearsay_store_open (const char         *path,
                    HearsayStoreFlags   flags,
                    gboolean           *created,
                    GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  HearsayStore *self;
  GStatBuf st;
  gboolean exists, empty = FALSE;
  int oflags;

  g_return_val_if_fail (path != NULL, NULL);

  exists = g_stat (path, &st) == 0;
  if (exists && S_ISDIR (st.st_mode))
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_A_PROJECT,
                   _("%s is a folder, not a Hearsay project file"), path);
      return NULL;
    }
  if (!exists && !(flags & HEARSAY_STORE_OPEN_CREATE))
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("%s does not exist"), path);
      return NULL;
    }
  if (exists && st.st_size == 0 && !(flags & HEARSAY_STORE_OPEN_CREATE))
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_A_PROJECT,
                   _("%s is an empty file, not a Hearsay project"), path);
      return NULL;
    }

  self = g_new0 (HearsayStore, 1);
  self->path = g_strdup (path);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  /* The mode bits count too: access() says root may write a 0444 file. */
  self->read_only = (flags & HEARSAY_STORE_OPEN_READ_ONLY) != 0 ||
                    (exists && (g_access (path, W_OK) != 0 || (st.st_mode & 0222) == 0));

  oflags = self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (!exists)
    oflags |= SQLITE_OPEN_CREATE;

  if (!open_db (self, path, oflags, error))
    goto fail;

  if (!check_identity (self, (flags & HEARSAY_STORE_OPEN_CREATE) != 0, &empty, &local_error))
    {
      /* A read-only WAL database whose folder is read-only too cannot get its
       * shared-memory file: read it as immutable instead. */
      if (self->read_only &&
          (sqlite3_extended_errcode (self->db) & 0xff) == SQLITE_CANTOPEN)
        {
          g_autofree char *uri = NULL;

          close_db (self);
          uri = g_strdup_printf ("file:%s?immutable=1", path);
          g_clear_error (&local_error);
          if (!open_db (self, uri, SQLITE_OPEN_READONLY, error) ||
              !check_identity (self, FALSE, &empty, error))
            goto fail;
        }
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto fail;
        }
    }

  if (empty && self->read_only)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_READ_ONLY,
                   _("%s cannot be created: the file is read-only"), path);
      goto fail;
    }

  /* Only now, after the identity checks, may the file be written to. */
  /* A 64 MB page cache (the default is 2 MB) and in-memory temporary
   * tables and sorts: the comparison walks every annotation of a large
   * project and groups hundreds of thousands of rows. */
  if (!hearsay_store_exec (self, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536;"
                           "PRAGMA temp_store = MEMORY;", error))
    goto fail;
  if (!self->read_only &&
      (!hearsay_store_exec (self, "PRAGMA journal_mode = WAL;", error) ||
       !hearsay_store_exec (self, "PRAGMA synchronous = FULL;", error)))
    goto fail;

  if (self->schema_version < HEARSAY_STORE_SCHEMA_VERSION)
    {
      if (self->read_only)
        {
          g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_READ_ONLY,
                       _("%s uses an older project format and must be upgraded, "
                         "but it is read-only"), path);
          goto fail;
        }
      if (!migrate (self, error))
        goto fail;
    }

  if (created)
    *created = empty;
  return self;

fail:
  hearsay_store_close (self);
  /* A file this call created but could not initialise is removed again. */
  if (!exists)
    g_unlink (path);
  return NULL;
}

void
hearsay_store_close (HearsayStore *self)
{
  if (self == NULL)
    return;
  if (self->db != NULL && self->txn_depth > 0)
    sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  close_db (self);
  g_hash_table_unref (self->statements);
  g_free (self->path);
  g_free (self);
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
  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  if (self->txn_depth == 0 && !hearsay_store_exec (self, "BEGIN IMMEDIATE;", error))
    return FALSE;
  self->txn_depth++;
  return TRUE;
}

gboolean
hearsay_store_commit (HearsayStore  *self,
                      GError       **error)
{
  g_return_val_if_fail (self->txn_depth > 0, FALSE);

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
  if (self->txn_depth == 0)
    return;
  sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  self->txn_depth = 0;
}

gboolean
hearsay_store_backup (HearsayStore  *self,
                      const char    *dest_path,
                      GError       **error)
{
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
hearsay_store_annotator_id (HearsayStore  *self,
                            const char    *name,
                            GError       **error)
{
  sqlite3_stmt *stmt;

  if (name == NULL || *name == '\0')
    return 0;
  stmt = hearsay_store_prepare (self, "SELECT id FROM annotator WHERE name = ?1;", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      sqlite3_reset (stmt);
      return id;
    }
  sqlite3_reset (stmt);

  stmt = hearsay_store_prepare (self, "INSERT INTO annotator (name) VALUES (?1);", error);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not save the annotator"));
      return -1;
    }
  return sqlite3_last_insert_rowid (self->db);
}
