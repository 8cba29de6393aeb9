/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-documents.c: documents and their document-level fields. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-uuid.h"
#include "hearsay-error.h"
#include "hearsay-words.h"
#include "hearsay-store-private.h"

#define DOCUMENT_COLUMNS \
  "d.id, d.title, d.outlet, d.url, d.published_at, d.language, d.direction, d.length, " \
  "d.sha256, d.source_name, d.source_sha256, d.imported_at, d.uuid"

static HearsayDocument *
document_from_row (sqlite3_stmt *stmt,
                   gboolean      with_text)
{
  HearsayDocument *doc = hearsay_document_new (NULL);

  hearsay_document_set_id (doc, sqlite3_column_int64 (stmt, 0));
  hearsay_document_set_title (doc, hearsay_store_column_text (stmt, 1));
  hearsay_document_set_outlet (doc, hearsay_store_column_text (stmt, 2));
  hearsay_document_set_url (doc, hearsay_store_column_text (stmt, 3));
  hearsay_document_set_published_at (doc, hearsay_store_column_text (stmt, 4));
  hearsay_document_set_language (doc, hearsay_store_column_text (stmt, 5));
  hearsay_document_set_direction (doc, hearsay_direction_from_string (hearsay_store_column_text (stmt, 6)));
  hearsay_document_set_length (doc, sqlite3_column_int64 (stmt, 7));
  hearsay_document_set_sha256 (doc, hearsay_store_column_text (stmt, 8));
  hearsay_document_set_source_name (doc, hearsay_store_column_text (stmt, 9));
  hearsay_document_set_source_sha256 (doc, hearsay_store_column_text (stmt, 10));
  hearsay_document_set_imported_at (doc, hearsay_store_column_text (stmt, 11));
  hearsay_document_set_uuid (doc, hearsay_store_column_text (stmt, 12));
  hearsay_document_set_n_annotations (doc, (guint) sqlite3_column_int64 (stmt, 13));
  if (with_text)
    hearsay_document_set_text (doc, hearsay_store_column_text (stmt, 14));
  return doc;
}

static gboolean
load_fields (HearsayStore     *self,
             HearsayDocument  *doc,
             GError          **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *current = NULL;
  int rc;

  stmt = hearsay_store_prepare (self,
                                "SELECT name, value FROM document_field WHERE document_id = ?1 "
                                "ORDER BY name, value;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, hearsay_document_get_id (doc));
  while (TRUE)
    {
      const char *name = NULL;

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        name = hearsay_store_column_text (stmt, 0);
      if (current != NULL && (rc != SQLITE_ROW || g_strcmp0 (name, current) != 0))
        {
          g_ptr_array_add (values, NULL);
          hearsay_document_set_field (doc, current, (const char * const *) values->pdata);
          g_ptr_array_set_size (values, 0);
          g_clear_pointer (&current, g_free);
        }
      if (rc != SQLITE_ROW)
        break;
      if (current == NULL)
        current = g_strdup (name);
      g_ptr_array_add (values, g_strdup (hearsay_store_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not read document fields"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_fields (HearsayStore     *self,
             HearsayDocument  *doc,
             GError          **error)
{
  g_auto(GStrv) names = hearsay_document_dup_field_names (doc);
  sqlite3_stmt *stmt;

  stmt = hearsay_store_prepare (self, "DELETE FROM document_field WHERE document_id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, hearsay_document_get_id (doc));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto fail;

  for (guint i = 0; names[i]; i++)
    {
      const char * const *values = hearsay_document_get_field (doc, names[i]);

      for (guint j = 0; values && values[j]; j++)
        {
          stmt = hearsay_store_prepare (self,
                                        "INSERT OR IGNORE INTO document_field (document_id, name, value) "
                                        "VALUES (?1, ?2, ?3);", error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, hearsay_document_get_id (doc));
          sqlite3_bind_text (stmt, 2, names[i], -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, values[j], -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            goto fail;
        }
    }
  return TRUE;

fail:
  hearsay_store_set_error (self, error, _("could not save document fields"));
  return FALSE;
}

gboolean
hearsay_store_insert_document (HearsayStore     *self,
                               HearsayDocument  *doc,
                               GError          **error)
{
  HEARSAY_STORE_DISPATCH (self, insert_document, (self, doc, error));
  sqlite3_stmt *stmt;
  const char *text = hearsay_document_get_text (doc);

  g_return_val_if_fail (text != NULL, FALSE);

  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  stmt = hearsay_store_prepare (self,
                                "INSERT INTO document (title, outlet, url, published_at, language, "
                                "direction, text, length, sha256, source_name, source_sha256, imported_at, id, uuid) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14);", error);
  if (stmt == NULL)
    return FALSE;
  if (hearsay_document_get_uuid (doc) == NULL)
    {
      g_autofree char *uuid = hearsay_uuid_new ();

      hearsay_document_set_uuid (doc, uuid);
    }
  sqlite3_bind_text (stmt, 1, hearsay_document_get_title (doc) ? hearsay_document_get_title (doc) : "",
                     -1, SQLITE_STATIC);
  hearsay_store_bind_text (stmt, 2, hearsay_document_get_outlet (doc));
  hearsay_store_bind_text (stmt, 3, hearsay_document_get_url (doc));
  hearsay_store_bind_text (stmt, 4, hearsay_document_get_published_at (doc));
  hearsay_store_bind_text (stmt, 5, hearsay_document_get_language (doc));
  sqlite3_bind_text (stmt, 6, hearsay_direction_to_string (hearsay_document_get_direction (doc)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, hearsay_document_get_length (doc));
  hearsay_store_bind_text (stmt, 9, hearsay_document_get_sha256 (doc));
  hearsay_store_bind_text (stmt, 10, hearsay_document_get_source_name (doc));
  hearsay_store_bind_text (stmt, 11, hearsay_document_get_source_sha256 (doc));
  hearsay_store_bind_text (stmt, 12, hearsay_document_get_imported_at (doc));
  /* An id given by the caller is kept (a JSONL file into a new project). */
  if (hearsay_document_get_id (doc) > 0)
    sqlite3_bind_int64 (stmt, 13, hearsay_document_get_id (doc));
  sqlite3_bind_text (stmt, 14, hearsay_document_get_uuid (doc), -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not save the document"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  hearsay_document_set_id (doc, sqlite3_last_insert_rowid (self->db));
  /* The comparison's word count (hearsay-words.h). */
  stmt = hearsay_store_prepare (self, "INSERT OR REPLACE INTO document_words (document_id, words) "
                                "VALUES (?1, ?2);", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, hearsay_document_get_id (doc));
  sqlite3_bind_int64 (stmt, 2, hearsay_words_count (text, -1));
  if (!hearsay_store_step_done (self, stmt, _("could not save the document"), error))
    return FALSE;
  return save_fields (self, doc, error);
}

gboolean
hearsay_store_update_document (HearsayStore     *self,
                               HearsayDocument  *doc,
                               GError          **error)
{
  HEARSAY_STORE_DISPATCH (self, update_document, (self, doc, error));
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  stmt = hearsay_store_prepare (self,
                                "UPDATE document SET title = ?2, outlet = ?3, url = ?4, published_at = ?5, "
                                "language = ?6, direction = ?7 WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, hearsay_document_get_id (doc));
  sqlite3_bind_text (stmt, 2, hearsay_document_get_title (doc) ? hearsay_document_get_title (doc) : "",
                     -1, SQLITE_STATIC);
  hearsay_store_bind_text (stmt, 3, hearsay_document_get_outlet (doc));
  hearsay_store_bind_text (stmt, 4, hearsay_document_get_url (doc));
  hearsay_store_bind_text (stmt, 5, hearsay_document_get_published_at (doc));
  hearsay_store_bind_text (stmt, 6, hearsay_document_get_language (doc));
  sqlite3_bind_text (stmt, 7, hearsay_direction_to_string (hearsay_document_get_direction (doc)),
                     -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not save the document"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no document %" PRId64), hearsay_document_get_id (doc));
      return FALSE;
    }
  return save_fields (self, doc, error);
}

gboolean
hearsay_store_delete_document (HearsayStore  *self,
                               gint64         id,
                               GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, delete_document, (self, id, error));
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  /* Annotations, their fragments, attributes and relations cascade. */
  stmt = hearsay_store_prepare (self, "DELETE FROM document WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not delete the document"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

GPtrArray *
hearsay_store_list_documents (HearsayStore  *self,
                              GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, list_documents, (self, error));
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = hearsay_store_prepare (self,
                                "SELECT " DOCUMENT_COLUMNS ", "
                                "(SELECT count(*) FROM annotation a WHERE a.document_id = d.id) "
                                "FROM document d ORDER BY d.id;", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (docs, document_from_row (stmt, FALSE));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not list documents"));
      return NULL;
    }
  return g_steal_pointer (&docs);
}

HearsayDocument *
hearsay_store_load_document (HearsayStore  *self,
                             gint64         id,
                             GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, load_document, (self, id, error));
  g_autoptr(HearsayDocument) doc = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = hearsay_store_prepare (self,
                                "SELECT " DOCUMENT_COLUMNS ", "
                                "(SELECT count(*) FROM annotation a WHERE a.document_id = d.id), d.text "
                                "FROM document d WHERE d.id = ?1;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    doc = document_from_row (stmt, TRUE);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no document %" PRId64 " in %s"), id, self->path);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      hearsay_store_set_error (self, error, _("could not read the document"));
      return NULL;
    }
  if (!load_fields (self, doc, error))
    return NULL;
  return g_steal_pointer (&doc);
}

gboolean
hearsay_store_foreach_document (HearsayStore              *self,
                                const gint64              *ids,
                                guint                      n_ids,
                                HearsayDocumentFunc        func,
                                gpointer                   user_data,
                                GError                   **error)
{
  HEARSAY_STORE_DISPATCH (self, foreach_document, (self, ids, n_ids, func, user_data, error));
  g_autoptr(GArray) all = NULL;
  sqlite3_stmt *stmt;
  int rc;

  /* Collect the ids first so that @func may run its own queries. */
  if (ids == NULL)
    {
      all = g_array_new (FALSE, FALSE, sizeof (gint64));
      stmt = hearsay_store_prepare (self, "SELECT id FROM document ORDER BY id;", error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (all, id);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          hearsay_store_set_error (self, error, _("could not list documents"));
          return FALSE;
        }
      ids = (const gint64 *) all->data;
      n_ids = all->len;
    }

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(HearsayDocument) doc = hearsay_store_load_document (self, ids[i], error);

      if (doc == NULL || !func (doc, user_data, error))
        return FALSE;
    }
  return TRUE;
}

gint64
hearsay_store_count_documents (HearsayStore *self)
{
  HEARSAY_STORE_DISPATCH (self, count_documents, (self));
  sqlite3_stmt *stmt = hearsay_store_prepare (self, "SELECT count(*) FROM document;", NULL);
  gint64 n = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return n;
}
