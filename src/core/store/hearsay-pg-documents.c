/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-pg-documents.c: documents and their fields on a server. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-pg-private.h"
#include "hearsay-uuid.h"
#include "hearsay-words.h"

#define DOCUMENT_COLUMNS \
  "d.id, d.title, d.outlet, d.url, d.published_at, d.language, d.direction, d.length, " \
  "d.sha256, d.source_name, d.source_sha256, d.imported_at, " \
  "(SELECT count(*) FROM annotation a WHERE a.document_id = d.id), d.uuid"

static HearsayDocument *
document_from_row (PGresult *r,
                   int       row,
                   gboolean  with_text)
{
  HearsayDocument *doc = hearsay_document_new (NULL);

  hearsay_document_set_id (doc, hearsay_pg_get_int (r, row, 0));
  hearsay_document_set_title (doc, hearsay_pg_get_text (r, row, 1));
  hearsay_document_set_outlet (doc, hearsay_pg_get_text (r, row, 2));
  hearsay_document_set_url (doc, hearsay_pg_get_text (r, row, 3));
  hearsay_document_set_published_at (doc, hearsay_pg_get_text (r, row, 4));
  hearsay_document_set_language (doc, hearsay_pg_get_text (r, row, 5));
  hearsay_document_set_direction (doc, hearsay_direction_from_string (hearsay_pg_get_text (r, row, 6)));
  hearsay_document_set_length (doc, hearsay_pg_get_int (r, row, 7));
  hearsay_document_set_sha256 (doc, hearsay_pg_get_text (r, row, 8));
  hearsay_document_set_source_name (doc, hearsay_pg_get_text (r, row, 9));
  hearsay_document_set_source_sha256 (doc, hearsay_pg_get_text (r, row, 10));
  hearsay_document_set_imported_at (doc, hearsay_pg_get_text (r, row, 11));
  hearsay_document_set_n_annotations (doc, (guint) hearsay_pg_get_int (r, row, 12));
  hearsay_document_set_uuid (doc, hearsay_pg_get_text (r, row, 13));
  if (with_text)
    hearsay_document_set_text (doc, hearsay_pg_get_text (r, row, 14));
  return doc;
}

static gboolean
load_fields (HearsayPgStore   *self,
             HearsayDocument  *doc,
             GError          **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  int n;

  hearsay_pg_param_int (&p, hearsay_document_get_id (doc));
  r = hearsay_pg_query (self, "SELECT name, value FROM document_field WHERE document_id = $1 "
                        "ORDER BY name COLLATE \"C\", value COLLATE \"C\";", &p,
                        _("could not read document fields"), error);
  if (r == NULL)
    return FALSE;
  n = PQntuples (r);
  for (int i = 0; i < n; i++)
    {
      g_ptr_array_add (values, PQgetvalue (r, i, 1));
      if (i + 1 == n || !g_str_equal (PQgetvalue (r, i, 0), PQgetvalue (r, i + 1, 0)))
        {
          g_ptr_array_add (values, NULL);
          hearsay_document_set_field (doc, PQgetvalue (r, i, 0), (const char * const *) values->pdata);
          g_ptr_array_set_size (values, 0);
        }
    }
  return TRUE;
}

static gboolean
save_fields (HearsayPgStore   *self,
             HearsayDocument  *doc,
             GError          **error)
{
  g_auto(GStrv) names = hearsay_document_dup_field_names (doc);
  g_autoptr(GPtrArray) all_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) all_values = g_ptr_array_new ();
  g_autofree char *name_array = NULL, *value_array = NULL;
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  for (guint i = 0; names[i]; i++)
    {
      const char * const *values = hearsay_document_get_field (doc, names[i]);

      for (guint j = 0; values && values[j]; j++)
        {
          g_ptr_array_add (all_names, names[i]);
          g_ptr_array_add (all_values, (gpointer) values[j]);
        }
    }
  /* Only what differs is written: a member who may not change fields can
   * still save a document whose fields stay as they are. */
  name_array = hearsay_pg_text_array ((const char * const *) all_names->pdata, all_names->len);
  value_array = hearsay_pg_text_array ((const char * const *) all_values->pdata, all_values->len);
  hearsay_pg_param_int (&p, hearsay_document_get_id (doc));
  hearsay_pg_param_text (&p, name_array);
  hearsay_pg_param_text (&p, value_array);
  r = hearsay_pg_query (self,
                        "WITH new AS (SELECT DISTINCT n AS name, v AS value "
                        "  FROM unnest ($2::text[], $3::text[]) AS x (n, v)), "
                        "gone AS (DELETE FROM document_field f WHERE f.document_id = $1 AND NOT EXISTS "
                        "  (SELECT 1 FROM new WHERE new.name = f.name AND new.value = f.value)) "
                        "INSERT INTO document_field (document_id, name, value) SELECT $1, name, value FROM new "
                        "ON CONFLICT DO NOTHING;",
                        &p, _("could not save document fields"), error);
  return r != NULL;
}

gboolean
hearsay_pg_insert_document (HearsayStore     *store,
                            HearsayDocument  *doc,
                            GError          **error)
{
  HearsayPgStore *self = PG (store);
  const char *text = hearsay_document_get_text (doc);
  const char *title = hearsay_document_get_title (doc);
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;
  gint64 id = hearsay_document_get_id (doc);

  g_return_val_if_fail (text != NULL, FALSE);
  if (!hearsay_pg_check_writable (self, error))
    return FALSE;
  hearsay_pg_param_text (&p, title ? title : "");
  hearsay_pg_param_text (&p, hearsay_document_get_outlet (doc));
  hearsay_pg_param_text (&p, hearsay_document_get_url (doc));
  hearsay_pg_param_text (&p, hearsay_document_get_published_at (doc));
  hearsay_pg_param_text (&p, hearsay_document_get_language (doc));
  hearsay_pg_param_text (&p, hearsay_direction_to_string (hearsay_document_get_direction (doc)));
  hearsay_pg_param_text (&p, text);
  hearsay_pg_param_int (&p, hearsay_document_get_length (doc));
  hearsay_pg_param_text (&p, hearsay_document_get_sha256 (doc));
  hearsay_pg_param_text (&p, hearsay_document_get_source_name (doc));
  hearsay_pg_param_text (&p, hearsay_document_get_source_sha256 (doc));
  hearsay_pg_param_text (&p, hearsay_document_get_imported_at (doc));
  hearsay_pg_param_int (&p, hearsay_words_count (text, -1));
  /* A new document gets its stable identity here; a copied or merged one
   * keeps the one it has. */
  if (hearsay_document_get_uuid (doc) == NULL)
    {
      g_autofree char *uuid = hearsay_uuid_new ();

      hearsay_document_set_uuid (doc, uuid);
    }
  hearsay_pg_param_text (&p, hearsay_document_get_uuid (doc));
  /* An id given by the caller is kept (a JSONL file into a new project, a copy). */
  if (id > 0)
    {
      hearsay_pg_param_int (&p, id);
      r = hearsay_pg_query (self,
                            "WITH d AS (INSERT INTO document (title, outlet, url, published_at, language, "
                            "direction, text, length, sha256, source_name, source_sha256, imported_at, uuid, id) "
                            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $14, $15) RETURNING id) "
                            "INSERT INTO document_words SELECT id, $13 FROM d RETURNING document_id;",
                            &p, _("could not save the document"), error);
      if (r == NULL || !hearsay_pg_bump_sequence (self, "document", id, error))
        return FALSE;
    }
  else
    {
      r = hearsay_pg_query (self,
                            "WITH d AS (INSERT INTO document (title, outlet, url, published_at, language, "
                            "direction, text, length, sha256, source_name, source_sha256, imported_at, uuid) "
                            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $14) RETURNING id) "
                            "INSERT INTO document_words SELECT id, $13 FROM d RETURNING document_id;",
                            &p, _("could not save the document"), error);
      if (r == NULL)
        return FALSE;
    }
  hearsay_document_set_id (doc, hearsay_pg_get_int (r, 0, 0));
  return save_fields (self, doc, error);
}

gboolean
hearsay_pg_update_document (HearsayStore     *store,
                            HearsayDocument  *doc,
                            GError          **error)
{
  HearsayPgStore *self = PG (store);
  const char *title = hearsay_document_get_title (doc);
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  if (!hearsay_pg_check_writable (self, error))
    return FALSE;
  hearsay_pg_param_int (&p, hearsay_document_get_id (doc));
  hearsay_pg_param_text (&p, title ? title : "");
  hearsay_pg_param_text (&p, hearsay_document_get_outlet (doc));
  hearsay_pg_param_text (&p, hearsay_document_get_url (doc));
  hearsay_pg_param_text (&p, hearsay_document_get_published_at (doc));
  hearsay_pg_param_text (&p, hearsay_document_get_language (doc));
  hearsay_pg_param_text (&p, hearsay_direction_to_string (hearsay_document_get_direction (doc)));
  /* A row that does not change is not written (nor refused to a curator). */
  r = hearsay_pg_query (self,
                        "WITH u AS (UPDATE document SET title = $2, outlet = $3, url = $4, published_at = $5, "
                        "language = $6, direction = $7 WHERE id = $1 AND (title, outlet, url, published_at, "
                        "language, direction) IS DISTINCT FROM ($2, $3, $4, $5, $6, $7) RETURNING id) "
                        "SELECT (SELECT count(*) FROM u), EXISTS (SELECT 1 FROM document WHERE id = $1);",
                        &p, _("could not save the document"), error);
  if (r == NULL)
    return FALSE;
  if (!g_str_equal (PQgetvalue (r, 0, 1), "t"))
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no document %" PRId64), hearsay_document_get_id (doc));
      return FALSE;
    }
  return save_fields (self, doc, error);
}

gboolean
hearsay_pg_delete_document (HearsayStore  *store,
                            gint64         id,
                            GError       **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  if (!hearsay_pg_check_writable (PG (store), error))
    return FALSE;
  hearsay_pg_param_int (&p, id);
  r = hearsay_pg_query (PG (store), "DELETE FROM document WHERE id = $1;", &p,
                        _("could not delete the document"), error);
  return r != NULL;
}

GPtrArray *
hearsay_pg_list_documents (HearsayStore  *store,
                           GError       **error)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PGresult) r = hearsay_pg_query (PG (store), "SELECT " DOCUMENT_COLUMNS " FROM document d ORDER BY d.id;",
                                            NULL, _("could not list documents"), error);

  if (r == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    g_ptr_array_add (docs, document_from_row (r, i, FALSE));
  return g_steal_pointer (&docs);
}

HearsayDocument *
hearsay_pg_load_document (HearsayStore  *store,
                          gint64         id,
                          GError       **error)
{
  HearsayPgStore *self = PG (store);
  g_autoptr(HearsayDocument) doc = NULL;
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  hearsay_pg_param_int (&p, id);
  r = hearsay_pg_query (self, "SELECT " DOCUMENT_COLUMNS ", d.text FROM document d WHERE d.id = $1;", &p,
                        _("could not read the document"), error);
  if (r == NULL)
    return NULL;
  if (PQntuples (r) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no document %" PRId64 " in %s"), id, store->path);
      return NULL;
    }
  doc = document_from_row (r, 0, TRUE);
  if (!load_fields (self, doc, error))
    return NULL;
  return g_steal_pointer (&doc);
}

gboolean
hearsay_pg_foreach_document (HearsayStore         *store,
                             const gint64         *ids,
                             guint                 n_ids,
                             HearsayDocumentFunc   func,
                             gpointer              user_data,
                             GError              **error)
{
  g_autoptr(GArray) all = NULL;

  if (ids == NULL)
    {
      g_autoptr(PGresult) r = hearsay_pg_query (PG (store), "SELECT id FROM document ORDER BY id;", NULL,
                                                _("could not list documents"), error);

      if (r == NULL)
        return FALSE;
      all = g_array_sized_new (FALSE, FALSE, sizeof (gint64), PQntuples (r));
      for (int i = 0; i < PQntuples (r); i++)
        {
          gint64 id = hearsay_pg_get_int (r, i, 0);

          g_array_append_val (all, id);
        }
      ids = (const gint64 *) all->data;
      n_ids = all->len;
    }
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(HearsayDocument) doc = hearsay_pg_load_document (store, ids[i], error);

      if (doc == NULL || !func (doc, user_data, error))
        return FALSE;
    }
  return TRUE;
}

gint64
hearsay_pg_count_documents (HearsayStore *store)
{
  g_autoptr(PGresult) r = hearsay_pg_query (PG (store), "SELECT count(*) FROM document;", NULL, NULL, NULL);

  return r != NULL ? hearsay_pg_get_int (r, 0, 0) : 0;
}
