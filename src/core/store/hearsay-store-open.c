/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-open.c: opening a project file without ever changing a file
 * that is refused, checking what it is, and migrating it.
 *
 * - Every file is opened through a URI that Hearsay builds (a path such as
 *   "file:x.hearsay" or one with '#', '%' or '?' stays a path).
 * - The identity checks run with checkpoint-on-close off: a refused file
 *   (another application's, a newer Hearsay's) keeps its bytes even when its
 *   -wal holds frames.
 * - A read-only open never writes and never leaves side files: without WAL
 *   frames it reads the file as immutable; with frames and a live -shm it
 *   reads them as a reader among writers; with frames left by a crash and no
 *   -shm it reads a private copy of both files, or refuses with the reason.
 * - A file that fails its quick check opens read-only with how to recover. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hearsay-error.h"
#include "hearsay-store-private.h"

#define BUSY_TIMEOUT_MS 5000

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

/* A bulk write's search index waits only inside its own transaction; a file
 * written otherwise (another program committing it) is indexed now. */
static gboolean
finish_deferred_index (HearsayStore  *self,
                       GError       **error)
{
  g_autofree char *deferred = hearsay_store_get_meta (self, "search_index_deferred");

  if (deferred == NULL)
    return TRUE;
  if (!hearsay_store_begin (self, error))
    return FALSE;
  if (!hearsay_store_index_deferred (self, error))
    {
      hearsay_store_rollback (self);
      return FALSE;
    }
  return hearsay_store_commit (self, error);
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

/* "file:/abs/path?params" with the path escaped, so that SQLite takes
 * every character of the name as part of the name. */
static char *
file_uri (const char *path,
          const char *params)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", TRUE);

  return g_strdup_printf ("file:%s%s%s", escaped, params ? "?" : "", params ? params : "");
}

static gboolean
open_db (HearsayStore *self,
         const char   *path,
         const char   *params,
         int           flags,
         GError      **error)
{
  g_autofree char *uri = file_uri (path, params);

  if (sqlite3_open_v2 (uri, &self->db, flags | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    {
      if (self->db != NULL)
        hearsay_store_set_error (self, error, _("could not open the file"));
      else
        g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                     _("%s: could not open the file"), self->path);
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);
  /* Until the file is known to be a project of this version, closing must
   * not checkpoint its WAL into it. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
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

/* A damaged file is read, never written: its first problem and how to save
 * what it holds. */
static void
check_integrity (HearsayStore *self)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA quick_check (1);", -1, &stmt, NULL) != SQLITE_OK)
    problem = g_strdup (sqlite3_errmsg (self->db));
  else
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        problem = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      else if (rc != SQLITE_ROW)
        problem = g_strdup (sqlite3_errmsg (self->db));
      sqlite3_finalize (stmt);
    }
  if (problem == NULL)
    return;
  g_strdelimit (problem, "\n", ' ');
  self->read_only = TRUE;
  self->damage = g_strdup_printf (_("%s is damaged (%s) and was opened read-only, so that nothing "
                                    "more is lost. Save what it holds into a new file with: "
                                    "sqlite3 '%s' .recover | sqlite3 recovered.hearsay — then open "
                                    "recovered.hearsay."),
                                  self->path, problem, self->path);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static gboolean
file_has_bytes (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 && st.st_size > 0;
}

static gboolean
copy_file (const char  *from,
           const char  *to,
           GError     **error)
{
  g_autoptr(GFile) src = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);

  return g_file_copy (src, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

/* The file and its -wal copied to a private folder: the frames a crash
 * left are read without creating anything beside the file. */
static char *
snapshot (HearsayStore  *self,
          const char    *path,
          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hearsay-read-only-XXXXXX", &local_error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *copy = NULL, *copy_wal = NULL;

  if (dir != NULL)
    {
      copy = g_build_filename (dir, "project.hearsay", NULL);
      copy_wal = g_strconcat (copy, "-wal", NULL);
      if (copy_file (path, copy, &local_error) && copy_file (wal, copy_wal, &local_error))
        {
          self->snapshot_dir = g_steal_pointer (&dir);
          return g_steal_pointer (&copy);
        }
    }
  g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_READ_ONLY,
               _("%s has saved changes in %s-wal that a read-only open cannot read here (%s). "
                 "Open it where the file can be written, or copy both files together."),
               path, path, local_error ? local_error->message : g_strerror (errno));
  if (dir != NULL)
    {
      if (copy != NULL)
        g_unlink (copy);
      g_rmdir (dir);
    }
  return NULL;
}

/* A read-only connection that sees every acknowledged change. */
static gboolean
open_read_only (HearsayStore  *self,
                const char    *path,
                GError       **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *copy = NULL;

  if (!file_has_bytes (wal))
    return open_db (self, path, "mode=ro&immutable=1", SQLITE_OPEN_READONLY, error);
  if (g_file_test (shm, G_FILE_TEST_EXISTS))
    return open_db (self, path, "mode=ro", SQLITE_OPEN_READONLY, error);
  copy = snapshot (self, path, error);
  return copy != NULL && open_db (self, copy, "mode=ro", SQLITE_OPEN_READONLY, error);
}

HearsayStore *
hearsay_store_open (const char         *path,
                    HearsayStoreFlags   flags,
                    gboolean           *created,
                    GError            **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  if (hearsay_store_location_is_server (path))
    {
#ifdef HEARSAY_HAVE_POSTGRESQL
      return hearsay_pg_store_open (path, flags, created, error);
#else
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_UNSUPPORTED,
                   _("%s is a project on a PostgreSQL server, but this Hearsay was built without "
                     "PostgreSQL support"), path);
      return NULL;
#endif
    }
#ifdef HEARSAY_HAVE_POSTGRESQL
  {
    gboolean write_marker = FALSE;
    g_autofree char *redirected = hearsay_pg_test_redirect (path, flags, &write_marker);

    if (redirected != NULL)
      {
        GStatBuf st;
        HearsayStore *store;

        /* A marker the test made read-only: the project opens read-only. */
        if (!write_marker && g_stat (path, &st) == 0 && (g_access (path, W_OK) != 0 || (st.st_mode & 0222) == 0))
          flags |= HEARSAY_STORE_OPEN_READ_ONLY;
        store = hearsay_pg_store_open (redirected, flags, created, error);
        if (store != NULL && write_marker)
          hearsay_pg_test_write_marker (path, redirected);
        return store;
      }
  }
#endif
  return hearsay_store_open_file (path, flags, created, error);
}

HearsayStore *
hearsay_store_open_file (const char         *path,
                         HearsayStoreFlags   flags,
                         gboolean           *created,
                         GError            **error)
{
  HearsayStore *self;
  GStatBuf st;
  gboolean exists, empty = FALSE;

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

  if (self->read_only)
    {
      if (!exists)
        {
          g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_READ_ONLY,
                       _("%s cannot be created: the file is read-only"), path);
          goto fail;
        }
      if (!open_read_only (self, path, error))
        goto fail;
    }
  else if (!open_db (self, path, NULL, SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE), error))
    goto fail;

  if (!check_identity (self, (flags & HEARSAY_STORE_OPEN_CREATE) != 0, &empty, error))
    goto fail;
  if (empty && self->read_only)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_READ_ONLY,
                   _("%s cannot be created: the file is read-only"), path);
      goto fail;
    }
  if (!empty)
    check_integrity (self);

  /* Only now, after the checks, may the file be written to. */
  if (!self->read_only)
    sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
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
  if (!self->read_only && !finish_deferred_index (self, error))
    goto fail;

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

static void
remove_snapshot (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

void
hearsay_store_close (HearsayStore *self)
{
  if (self == NULL)
    return;
  HEARSAY_STORE_DISPATCH_VOID (self, close, (self));
  if (self->db != NULL && self->txn_depth > 0)
    sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  close_db (self);
  if (self->snapshot_dir != NULL)
    remove_snapshot (self->snapshot_dir);
  g_free (self->snapshot_dir);
  g_free (self->damage);
  hearsay_store_forget_annotator (self);
  g_hash_table_unref (self->statements);
  g_free (self->path);
  g_free (self);
}

const char *
hearsay_store_get_damage (HearsayStore *self)
{
  return self->damage;
}
