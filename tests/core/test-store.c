/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-store.c: the project file (DESIGN §4) — creation, identity checks,
 * refusals that leave the file untouched, migrations, read-only, backup. */
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "hearsay-error.h"
#include "hearsay-store-private.h"
#include "core-test-util.h"

static int
pragma_int (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
pragma_text (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static int
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  value = pragma_int (db, sql);
  sqlite3_close (db);
  return value;
}

/* A project with one document, closed, as a path. */
static char *
make_project (const char *name)
{
  g_autoptr(HearsayProject) project = core_test_new_project (name);
  char *path = g_strdup (hearsay_project_get_path (project));
  g_autoptr(HearsayAnnotation) ann = NULL;
  g_autoptr(GError) error = NULL;
  gint64 doc = core_test_add_document (project, "Une source militaire citée par Sana.", "Sana");

  ann = hearsay_annotation_new (doc, "source_mention");
  hearsay_annotation_add_fragment (ann, 4, 21);
  hearsay_project_create_annotation (project, ann, &error);
  g_assert_no_error (error);
  hearsay_project_close (project);
  return path;
}

static void
test_create_and_reopen (void)
{
  g_autofree char *path = core_test_path ("new.hearsay");
  g_autoptr(GError) error = NULL;
  gboolean created = FALSE;
  HearsayStore *store;
  g_autofree char *mode = NULL;

  store = hearsay_store_open (path, HEARSAY_STORE_OPEN_CREATE, &created, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (created);
  g_assert_false (hearsay_store_is_read_only (store));
  g_assert_cmpint (hearsay_store_get_schema_version (store), ==, HEARSAY_STORE_SCHEMA_VERSION);
  g_assert_cmpint ((guint32) pragma_int (store->db, "PRAGMA application_id;"), ==, 0x48525359);
  g_assert_cmpint ((guint32) pragma_int (store->db, "PRAGMA application_id;"), ==, HEARSAY_STORE_APPLICATION_ID);
  g_assert_cmpint (pragma_int (store->db, "PRAGMA user_version;"), ==, HEARSAY_STORE_SCHEMA_VERSION);
  g_assert_cmpint (pragma_int (store->db, "PRAGMA foreign_keys;"), ==, 1);
  mode = pragma_text (store->db, "PRAGMA journal_mode;");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (pragma_int (store->db, "SELECT count(*) FROM sqlite_master WHERE name = 'document';"), ==, 1);
  g_assert_cmpint (pragma_int (store->db, "SELECT count(*) FROM sqlite_master WHERE name = 'history';"), ==, 1);

  /* Transactions nest; only the outer one reaches SQLite. */
  g_assert_true (hearsay_store_begin (store, &error));
  g_assert_true (hearsay_store_begin (store, &error));
  g_assert_true (hearsay_store_set_meta (store, "k", "v", &error));
  g_assert_true (hearsay_store_commit (store, &error));
  g_assert_true (hearsay_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_true (hearsay_store_begin (store, &error));
  g_assert_true (hearsay_store_set_meta (store, "k", "w", &error));
  hearsay_store_rollback (store);
  {
    g_autofree char *value = hearsay_store_get_meta (store, "k");

    g_assert_cmpstr (value, ==, "v");
  }
  hearsay_store_close (store);

  /* Reopen: not created again. */
  store = hearsay_store_open (path, HEARSAY_STORE_OPEN_CREATE, &created, &error);
  g_assert_no_error (error);
  g_assert_false (created);
  g_assert_cmpint (pragma_int (store->db, "PRAGMA foreign_keys;"), ==, 1);
  hearsay_store_close (store);

  g_assert_cmpint ((guint32) raw_int (path, "PRAGMA application_id;"), ==, HEARSAY_STORE_APPLICATION_ID);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version;"), ==, HEARSAY_STORE_SCHEMA_VERSION);
}

static void
test_project_reopen (void)
{
  g_autofree char *path = make_project ("reopen.hearsay");
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) anns = NULL;
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  g_assert_false (hearsay_project_get_read_only (project));
  docs = hearsay_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  g_assert_null (hearsay_document_get_text (g_ptr_array_index (docs, 0)));
  g_assert_cmpuint (hearsay_document_get_n_annotations (g_ptr_array_index (docs, 0)), ==, 1);
  anns = hearsay_project_list_annotations (project, hearsay_document_get_id (g_ptr_array_index (docs, 0)), &error);
  g_assert_cmpuint (anns->len, ==, 1);
  g_assert_nonnull (hearsay_project_get_scheme (project));
  g_assert_cmpuint (hearsay_scheme_get_n_labels (hearsay_project_get_scheme (project)), ==, 9);
  name = hearsay_project_dup_name (project);
  g_assert_true (g_str_has_suffix (name, "reopen"));

  /* hearsay_project_create refuses an existing file. */
  {
    g_autoptr(HearsayProject) again = hearsay_project_create (path, &error);

    g_assert_null (again);
    g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_EXISTS);
  }
}

static void
assert_refused (const char *path,
                int         flags,
                int         code)
{
  g_autofree char *before = core_test_file_sha256 (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after2 = NULL;
  HearsayStore *store;

  store = hearsay_store_open (path, flags, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, HEARSAY_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  after = core_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);

  project = hearsay_project_open (path, flags, &error);
  g_assert_null (project);
  g_assert_error (error, HEARSAY_STORE_ERROR, code);
  after2 = core_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after2);
}

static void
test_newer_version (void)
{
  g_autofree char *path = make_project ("newer.hearsay");
  g_autoptr(GError) error = NULL;
  HearsayStore *store;

  raw_exec (path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
  g_assert_cmpint (raw_int (path, "PRAGMA user_version;"), ==, 99);
  assert_refused (path, HEARSAY_STORE_OPEN_DEFAULT, HEARSAY_STORE_ERROR_NEWER_VERSION);
  assert_refused (path, HEARSAY_STORE_OPEN_CREATE, HEARSAY_STORE_ERROR_NEWER_VERSION);
  assert_refused (path, HEARSAY_STORE_OPEN_READ_ONLY, HEARSAY_STORE_ERROR_NEWER_VERSION);
  store = hearsay_store_open (path, 0, NULL, &error);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, "99"));
  g_assert_cmpint (raw_int (path, "PRAGMA user_version;"), ==, 99);

  /* The same in WAL mode. */
  raw_exec (path, "PRAGMA journal_mode = WAL;");
  assert_refused (path, HEARSAY_STORE_OPEN_DEFAULT, HEARSAY_STORE_ERROR_NEWER_VERSION);
}

static void
test_not_sqlite (void)
{
  g_autofree char *path = core_test_path ("text.hearsay");
  g_autofree char *junk_path = core_test_path ("junk.hearsay");
  GString *junk = g_string_new (NULL);

  core_test_write (path, "This is a plain text file, not a database.\n", -1);
  assert_refused (path, HEARSAY_STORE_OPEN_DEFAULT, HEARSAY_STORE_ERROR_NOT_A_PROJECT);
  assert_refused (path, HEARSAY_STORE_OPEN_CREATE, HEARSAY_STORE_ERROR_NOT_A_PROJECT);

  for (int i = 0; i < 8192; i++)
    g_string_append_c (junk, (char) (i * 37 + 11));
  core_test_write (junk_path, junk->str, junk->len);
  g_string_free (junk, TRUE);
  assert_refused (junk_path, HEARSAY_STORE_OPEN_DEFAULT, HEARSAY_STORE_ERROR_NOT_A_PROJECT);
}

static void
test_foreign_application (void)
{
  g_autofree char *zero = core_test_path ("zero.db");
  g_autofree char *other = core_test_path ("other.db");

  raw_exec (zero, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
  assert_refused (zero, HEARSAY_STORE_OPEN_DEFAULT, HEARSAY_STORE_ERROR_FOREIGN_APPLICATION);
  assert_refused (zero, HEARSAY_STORE_OPEN_CREATE, HEARSAY_STORE_ERROR_FOREIGN_APPLICATION);
  raw_exec (other, "PRAGMA application_id = 1234; CREATE TABLE t (x); PRAGMA user_version = 1;");
  assert_refused (other, HEARSAY_STORE_OPEN_DEFAULT, HEARSAY_STORE_ERROR_FOREIGN_APPLICATION);
  /* Even without tables, another application's id is not ours. */
  {
    g_autofree char *bare = core_test_path ("bare.db");

    raw_exec (bare, "PRAGMA application_id = 1234;");
    assert_refused (bare, HEARSAY_STORE_OPEN_CREATE, HEARSAY_STORE_ERROR_FOREIGN_APPLICATION);
  }
}

static void
test_empty_file_directory_missing (void)
{
  g_autofree char *empty = core_test_path ("empty.hearsay");
  g_autofree char *missing = core_test_path ("missing.hearsay");
  g_autofree char *dir = core_test_path ("folder.hearsay");
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = NULL;
  HearsayStore *store;

  core_test_write (empty, "", 0);
  assert_refused (empty, HEARSAY_STORE_OPEN_DEFAULT, HEARSAY_STORE_ERROR_NOT_A_PROJECT);
  assert_refused (empty, HEARSAY_STORE_OPEN_READ_ONLY, HEARSAY_STORE_ERROR_NOT_A_PROJECT);

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  assert_refused (dir, HEARSAY_STORE_OPEN_DEFAULT, HEARSAY_STORE_ERROR_NOT_A_PROJECT);
  assert_refused (dir, HEARSAY_STORE_OPEN_CREATE, HEARSAY_STORE_ERROR_NOT_A_PROJECT);

  store = hearsay_store_open (missing, HEARSAY_STORE_OPEN_DEFAULT, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* CREATE in a folder that does not exist: an error, and nothing made. */
  {
    g_autofree char *nowhere = g_build_filename (core_test_tmpdir (), "no-dir", "p.hearsay", NULL);
    g_autoptr(HearsayProject) none = hearsay_project_open (nowhere, HEARSAY_PROJECT_OPEN_CREATE, &error);

    g_assert_null (none);
    g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED);
    g_assert_nonnull (strstr (error->message, nowhere));
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
    g_clear_error (&error);
  }

  /* With CREATE, an empty file becomes a project. */
  project = hearsay_project_open (empty, HEARSAY_PROJECT_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpuint (hearsay_scheme_get_n_labels (hearsay_project_get_scheme (project)), ==, 9);
  hearsay_project_close (project);
  g_assert_cmpint (raw_int (empty, "PRAGMA user_version;"), ==, HEARSAY_STORE_SCHEMA_VERSION);
}

static void
test_read_only (void)
{
  g_autofree char *path = make_project ("readonly.hearsay");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) anns = NULL;
  g_autoptr(HearsayAnnotation) ann = NULL;
  g_autoptr(GPtrArray) new_docs = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 doc_id;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  before = core_test_file_sha256 (path);

  project = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_true (hearsay_project_get_read_only (project));

  docs = hearsay_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  doc_id = hearsay_document_get_id (g_ptr_array_index (docs, 0));
  anns = hearsay_project_list_annotations (project, doc_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (anns->len, ==, 1);

  ann = hearsay_annotation_new (doc_id, "claim");
  hearsay_annotation_add_fragment (ann, 0, 3);
  g_assert_false (hearsay_project_create_annotation (project, ann, &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (hearsay_project_set_note (project, hearsay_annotation_get_id (g_ptr_array_index (anns, 0)),
                                            "note", &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (hearsay_project_delete_annotation (project, hearsay_annotation_get_id (g_ptr_array_index (anns, 0)),
                                                     &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_ptr_array_add (new_docs, hearsay_document_new ("more"));
  g_assert_false (hearsay_project_add_documents (project, new_docs, &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  hearsay_project_close (project);

  after = core_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  g_chmod (path, 0644);
}

static void
test_read_only_flag (void)
{
  g_autofree char *path = make_project ("roflag.hearsay");
  g_autofree char *before = core_test_file_sha256 (path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  HearsayStore *store = hearsay_store_open (path, HEARSAY_STORE_OPEN_READ_ONLY, NULL, &error);
  g_autoptr(HearsayDocument) doc = hearsay_document_new ("x");

  g_assert_no_error (error);
  g_assert_true (hearsay_store_is_read_only (store));
  g_assert_false (hearsay_store_insert_document (store, doc, &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (hearsay_store_begin (store, &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (hearsay_store_count_documents (store), ==, 1);
  hearsay_store_close (store);
  after = core_test_file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_migrate_from_zero (void)
{
  g_autofree char *path = core_test_path ("v0.hearsay");
  g_autoptr(GError) error = NULL;
  gboolean created = TRUE;
  HearsayStore *store;
  g_autoptr(HearsayProject) project = NULL;

  raw_exec (path, "PRAGMA application_id = 1213354841;");
  g_assert_cmpint (raw_int (path, "PRAGMA user_version;"), ==, 0);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sqlite_master;"), ==, 0);

  store = hearsay_store_open (path, HEARSAY_STORE_OPEN_DEFAULT, &created, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (created);
  g_assert_cmpint (hearsay_store_get_schema_version (store), ==, HEARSAY_STORE_SCHEMA_VERSION);
  g_assert_cmpint (pragma_int (store->db, "SELECT count(*) FROM sqlite_master WHERE name IN ('document', 'history');"), ==, 2);
  hearsay_store_close (store);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version;"), ==, HEARSAY_STORE_SCHEMA_VERSION);
  g_assert_cmpint ((guint32) raw_int (path, "PRAGMA application_id;"), ==, HEARSAY_STORE_APPLICATION_ID);

  /* A migrated project works (default scheme in memory). */
  project = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hearsay_scheme_get_n_labels (hearsay_project_get_scheme (project)), ==, 9);
  core_test_add_document (project, "text", "t");
}

static void
test_migrate_from_one (void)
{
  g_autofree char *path = core_test_path ("v1.hearsay");
  g_autofree char *sql = g_strconcat (hearsay_store_migrations[0],
                                      "PRAGMA application_id = 1213354841; PRAGMA user_version = 1;"
                                      "INSERT INTO document (title, text, length, sha256) VALUES ('Old', 'old text', 8, 'x');",
                                      NULL);
  g_autoptr(GError) error = NULL;
  HearsayStore *store;

  raw_exec (path, sql);
  store = hearsay_store_open (path, HEARSAY_STORE_OPEN_DEFAULT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearsay_store_get_schema_version (store), ==, HEARSAY_STORE_SCHEMA_VERSION);
  g_assert_cmpint (hearsay_store_count_documents (store), ==, 1);
  g_assert_cmpint (pragma_int (store->db, "SELECT count(*) FROM sqlite_master WHERE name = 'history';"), ==, 1);
  hearsay_store_close (store);
}

/* A step that fails is rolled back on its own: the steps before it stay. */
static void
test_migration_step_transactions (void)
{
  g_autofree char *path = core_test_path ("v0-conflict.hearsay");
  g_autoptr(GError) error = NULL;
  HearsayStore *store;

  /* Step 1 → 2 creates "history"; a view of that name makes it fail. */
  raw_exec (path, "PRAGMA application_id = 1213354841; CREATE VIEW history AS SELECT 1 AS x;");
  store = hearsay_store_open (path, HEARSAY_STORE_OPEN_DEFAULT, NULL, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version;"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'document';"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sqlite_master WHERE name = 'history_undone';"), ==, 0);
  g_clear_error (&error);

  /* Step 0 → 1 failing leaves version 0 and no table of step 1. */
  {
    g_autofree char *path0 = core_test_path ("v0-conflict0.hearsay");

    raw_exec (path0, "PRAGMA application_id = 1213354841; CREATE VIEW fragment AS SELECT 1 AS x;");
    store = hearsay_store_open (path0, HEARSAY_STORE_OPEN_DEFAULT, NULL, &error);
    g_assert_null (store);
    g_assert_nonnull (error);
    g_assert_cmpint (raw_int (path0, "PRAGMA user_version;"), ==, 0);
    g_assert_cmpint (raw_int (path0, "SELECT count(*) FROM sqlite_master WHERE name = 'document';"), ==, 0);
  }
}

static gboolean
same_annotations (GPtrArray *a,
                  GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    {
      HearsayAnnotation *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      if (hearsay_annotation_get_id (x) != hearsay_annotation_get_id (y) ||
          g_strcmp0 (hearsay_annotation_get_label (x), hearsay_annotation_get_label (y)) != 0 ||
          hearsay_annotation_get_start (x) != hearsay_annotation_get_start (y) ||
          hearsay_annotation_get_end (x) != hearsay_annotation_get_end (y) ||
          g_strcmp0 (hearsay_annotation_get_fragment (x, 0)->exact, hearsay_annotation_get_fragment (y, 0)->exact) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
test_save_copy (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("orig.hearsay");
  g_autofree char *copy_path = core_test_path ("copy.hearsay");
  g_autofree char *bad_path = g_build_filename (core_test_tmpdir (), "no", "such", "dir", "copy.hearsay", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) copy = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) copy_docs = NULL;
  gint64 doc = core_test_add_document (project, "Damas a déclaré que la ville est libérée.", "A");
  g_autofree char *wal = g_strconcat (copy_path, "-wal", NULL);
  g_autofree char *partial = g_strconcat (copy_path, ".partial", NULL);
  g_autofree char *mode = NULL;
  sqlite3 *db = NULL;

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (doc, i == 0 ? "claim" : "attribution_cue");

      hearsay_annotation_add_fragment (ann, i * 6, i * 6 + 5);
      g_assert_true (hearsay_project_create_annotation (project, ann, &error));
      g_assert_no_error (error);
    }
  core_test_add_document (project, "Second", "B");

  g_assert_true (hearsay_project_save_copy (project, copy_path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sqlite3_open_v2 (copy_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  mode = pragma_text (db, "PRAGMA journal_mode;");
  g_assert_cmpstr (mode, ==, "delete");
  sqlite3_close (db);

  copy = hearsay_project_open (copy_path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  docs = hearsay_project_list_documents (project, &error);
  copy_docs = hearsay_project_list_documents (copy, &error);
  g_assert_cmpuint (docs->len, ==, 2);
  g_assert_cmpuint (copy_docs->len, ==, 2);
  for (guint i = 0; i < docs->len; i++)
    {
      gint64 id = hearsay_document_get_id (g_ptr_array_index (docs, i));
      g_autoptr(HearsayDocument) a = hearsay_project_load_document (project, id, NULL);
      g_autoptr(HearsayDocument) b = hearsay_project_load_document (copy, id, NULL);
      g_autoptr(GPtrArray) la = hearsay_project_list_annotations (project, id, NULL);
      g_autoptr(GPtrArray) lb = hearsay_project_list_annotations (copy, id, NULL);

      g_assert_cmpstr (hearsay_document_get_text (a), ==, hearsay_document_get_text (b));
      g_assert_cmpstr (hearsay_document_get_title (a), ==, hearsay_document_get_title (b));
      g_assert_cmpstr (hearsay_document_get_sha256 (a), ==, hearsay_document_get_sha256 (b));
      g_assert_true (same_annotations (la, lb));
    }

  /* The copy replaces an existing file; a missing folder fails cleanly. */
  g_assert_true (hearsay_project_save_copy (project, copy_path, &error));
  g_assert_no_error (error);
  g_assert_false (hearsay_project_save_copy (project, bad_path, &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED);
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
}

static void
test_closed_project (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("closed.hearsay");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  hearsay_project_close (project);
  hearsay_project_close (project);
  docs = hearsay_project_list_documents (project, &error);
  g_assert_null (docs);
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND);
  g_assert_true (hearsay_project_get_read_only (project));
}

/* Damaged files: refused with a message, never modified. */
static void
test_damaged (void)
{
  g_autofree char *path = make_project ("whole.hearsay");
  g_autofree char *truncated = core_test_path ("truncated.hearsay");
  g_autofree char *header_only = core_test_path ("header.hearsay");
  g_autofree char *data = NULL;
  gsize length = 0;
  GString *fake = g_string_new_len ("SQLite format 3\0", 16);

  data = core_test_read (path, &length);
  g_assert_cmpuint (length, >, 4096);
  core_test_write (truncated, data, 1500);
  for (int i = 0; i < 4000; i++)
    g_string_append_c (fake, (char) (i * 13));
  core_test_write (header_only, fake->str, fake->len);
  g_string_free (fake, TRUE);

  for (guint i = 0; i < 2; i++)
    {
      const char *p = i == 0 ? truncated : header_only;
      g_autofree char *before = core_test_file_sha256 (p);
      g_autofree char *after = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(HearsayProject) project = hearsay_project_open (p, HEARSAY_PROJECT_OPEN_DEFAULT, &error);

      if (project != NULL)
        {
          /* SQLite may open a truncated file; then listing fails cleanly. */
          g_autoptr(GPtrArray) docs = hearsay_project_list_documents (project, &error);

          if (docs == NULL)
            g_assert_nonnull (error);
          hearsay_project_close (project);
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == HEARSAY_STORE_ERROR || error->domain == HEARSAY_SCHEME_ERROR);
          g_assert_nonnull (strstr (error->message, p));
          g_test_message ("%s", error->message);
        }
      after = core_test_file_sha256 (p);
      g_assert_cmpstr (before, ==, after);
    }
}

/* "Save a copy" onto the project's own file would swap the file under the
 * open connection: it is refused, and the project keeps working. */
static void
test_save_copy_onto_itself (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("self.hearsay");
  g_autofree char *path = g_strdup (hearsay_project_get_path (project));
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) reopened = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  core_test_add_document (project, "before", "a");
  g_assert_false (hearsay_project_save_copy (project, path, &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED);
  g_clear_error (&error);
  core_test_add_document (project, "after", "b");
  hearsay_project_close (project);
  reopened = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  docs = hearsay_project_list_documents (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 2);
}

/* A full disk says so, and the file keeps what it had. */
static void
test_disk_full (void)
{
  g_autofree char *path = core_test_path ("full.hearsay");
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autofree char *big = g_strnfill (200000, 'x');
  HearsayStore *store;

  store = hearsay_store_open (path, HEARSAY_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  /* No page beyond what the file has: the next page written finds the disk "full". */
  g_assert_cmpint (sqlite3_exec (store->db, "PRAGMA max_page_count = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  doc = hearsay_document_new (big);
  g_assert_true (hearsay_store_begin (store, &error));
  g_assert_false (hearsay_store_insert_document (store, doc, &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_nonnull (strstr (error->message, "not saved"));
  hearsay_store_rollback (store);
  g_assert_cmpint (hearsay_store_count_documents (store), ==, 0);
  hearsay_store_close (store);
}

/* A bulk write's search index waits for its commit: what it inserted is
 * found afterwards, what it rolled back or deleted meanwhile is not, the
 * index stays consistent (FTS5's own check), and a file left with a wait
 * in it (written by another program) is indexed when opened. */
static gint64
insert_text (HearsayStore *store,
             const char   *text)
{
  g_autoptr(HearsayDocument) doc = hearsay_document_new (text);
  g_autoptr(GError) error = NULL;

  g_assert_true (hearsay_store_insert_document (store, doc, &error));
  g_assert_no_error (error);
  return hearsay_document_get_id (doc);
}

static guint
n_hits (HearsayStore *store,
        const char   *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = hearsay_store_search (store, query, 100, 1, &error);

  g_assert_no_error (error);
  return hits->len;
}

static void
test_deferred_search_index (void)
{
  g_autofree char *path = core_test_path ("deferred-index.hearsay");
  g_autoptr(GError) error = NULL;
  HearsayStore *store;
  gint64 old_id, gone_id;

  store = hearsay_store_open (path, HEARSAY_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (hearsay_store_begin (store, &error));
  old_id = insert_text (store, "Indexed at once: zebra.");
  g_assert_true (hearsay_store_commit (store, &error));
  g_assert_cmpuint (n_hits (store, "zebra"), ==, 1);

  /* One bulk write: kept, rolled back to a mark, deleted, edited. */
  g_assert_true (hearsay_store_begin (store, &error));
  g_assert_true (hearsay_store_defer_search_index (store, &error));
  insert_text (store, "Kept after the commit: giraffe.");
  g_assert_true (hearsay_store_mark (store, &error));
  insert_text (store, "Rolled back: okapi.");
  g_assert_true (hearsay_store_rollback_to_mark (store, &error));
  gone_id = insert_text (store, "Deleted before the commit: narwhal.");
  g_assert_true (hearsay_store_delete_document (store, gone_id, &error));
  g_assert_true (hearsay_store_delete_document (store, old_id, &error));
  g_assert_true (hearsay_store_exec (store, "UPDATE document SET text = 'Edited while waiting: lemur.', "
                                     "length = 28 WHERE text LIKE 'Kept%';", &error));
  g_assert_true (hearsay_store_commit (store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (n_hits (store, "lemur"), ==, 1);
  g_assert_cmpuint (n_hits (store, "giraffe"), ==, 0);
  g_assert_cmpuint (n_hits (store, "okapi"), ==, 0);
  g_assert_cmpuint (n_hits (store, "narwhal"), ==, 0);
  g_assert_cmpuint (n_hits (store, "zebra"), ==, 0);
  g_assert_true (hearsay_store_exec (store, "INSERT INTO document_fts (document_fts) VALUES ('integrity-check');",
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (store->db, "SELECT count(*) FROM document_fts_pending;"), ==, 0);
  g_assert_null (hearsay_store_get_meta (store, "search_index_deferred"));

  /* A rolled back bulk write leaves nothing waiting. */
  g_assert_true (hearsay_store_begin (store, &error));
  g_assert_true (hearsay_store_defer_search_index (store, &error));
  insert_text (store, "Never committed: tapir.");
  hearsay_store_rollback (store);
  g_assert_true (hearsay_store_begin (store, &error));
  insert_text (store, "Indexed at once again: ibex.");
  g_assert_true (hearsay_store_commit (store, &error));
  g_assert_cmpuint (n_hits (store, "ibex"), ==, 1);
  g_assert_cmpuint (n_hits (store, "tapir"), ==, 0);
  hearsay_store_close (store);

  /* Another program committed a wait: opening the file indexes it. */
  raw_exec (path, "INSERT INTO meta (key, value) VALUES ('search_index_deferred', '1');"
            "INSERT INTO document (title, text, length, sha256) VALUES ('', 'Written by hand: quokka.', 24, 'x');");
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM document_fts_pending;"), ==, 1);
  store = hearsay_store_open (path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_hits (store, "quokka"), ==, 1);
  g_assert_null (hearsay_store_get_meta (store, "search_index_deferred"));
  hearsay_store_close (store);
}

/* A test of the SQLite file itself (its pragmas, bytes, WAL, disk): the
 * server run skips it, and test-server checks the server's counterparts. */
static void
file_only (gconstpointer data)
{
  if (core_test_skip_on_server ("SQLite file behaviour"))
    return;
  ((GTestFunc) data) ();
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
#define FILE_ONLY(path, func) g_test_add_data_func (path, func, file_only)
  FILE_ONLY ("/store/create-and-reopen", test_create_and_reopen);
  g_test_add_func ("/store/project-reopen", test_project_reopen);
  FILE_ONLY ("/store/newer-version", test_newer_version);
  FILE_ONLY ("/store/not-sqlite", test_not_sqlite);
  FILE_ONLY ("/store/foreign-application", test_foreign_application);
  FILE_ONLY ("/store/empty-file-directory-missing", test_empty_file_directory_missing);
  FILE_ONLY ("/store/read-only", test_read_only);
  g_test_add_func ("/store/read-only-flag", test_read_only_flag);
  FILE_ONLY ("/store/migrate-from-zero", test_migrate_from_zero);
  FILE_ONLY ("/store/migrate-from-one", test_migrate_from_one);
  FILE_ONLY ("/store/migration-step-transactions", test_migration_step_transactions);
  g_test_add_func ("/store/save-copy", test_save_copy);
  g_test_add_func ("/store/closed-project", test_closed_project);
  FILE_ONLY ("/store/damaged", test_damaged);
  FILE_ONLY ("/store/save-copy-onto-itself", test_save_copy_onto_itself);
  FILE_ONLY ("/store/disk-full", test_disk_full);
  FILE_ONLY ("/store/deferred-search-index", test_deferred_search_index);
#undef FILE_ONLY
  return g_test_run ();
}
