/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-pg-search.c: full-text search of a server project. PostgreSQL's
 * text search finds and ranks the documents (document.search, a tsvector
 * of the configuration "hearsay": lower case, accents folded, no
 * stemming). The passages and their offsets come from the very highlighter
 * the project file uses — FTS5's highlight () with the same tokenizer, run
 * in memory over each document found — so that a hit has the same
 * code-point offsets and snippet on both backends.
 *
 * Where the two may differ (README, "Searching a server project"):
 *   - which documents match: PostgreSQL's parser splits some text FTS5
 *     keeps whole and the reverse (e-mail and web addresses, hyphenated
 *     words, numbers with a decimal point); a document PostgreSQL finds and
 *     FTS5 does not gets no hit;
 *   - their order: ts_rank_cd instead of bm25 (the rank field is minus
 *     ts_rank_cd, lower is better as with bm25), hence which documents are
 *     the first max_documents when more match;
 *   - a tsvector keeps word positions up to 16,383: in longer documents
 *     phrases near the end are found by PostgreSQL loosely;
 *   - FTS5's column filters, NEAR and ^ are refused. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-pg-private.h"

static sqlite3 *
highlighter (HearsayPgStore  *self,
             GError         **error)
{
  if (self->highlighter != NULL)
    return self->highlighter;
  if (sqlite3_open_v2 (":memory:", &self->highlighter, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_exec (self->highlighter,
                    "CREATE VIRTUAL TABLE h USING fts5 (title, text, "
                    "tokenize = 'unicode61 remove_diacritics 2');", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                   _("could not search: %s"), sqlite3_errmsg (self->highlighter));
      g_clear_pointer (&self->highlighter, sqlite3_close);
      return NULL;
    }
  return self->highlighter;
}

/* Refuses what FTS5 refuses, with the project file's message. */
static gboolean
check_query (HearsayPgStore  *self,
             const char      *query,
             GError         **error)
{
  sqlite3 *db = highlighter (self, error);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (db == NULL)
    return FALSE;
  if (sqlite3_prepare_v2 (db, "SELECT rowid FROM h WHERE h MATCH ?1;", -1, &stmt, NULL) != SQLITE_OK)
    {
      hearsay_store_set_query_error (db, query, error);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      hearsay_store_set_query_error (db, query, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
highlight (HearsayPgStore  *self,
           GPtrArray       *hits,
           const char      *query,
           gint64           id,
           const char      *title,
           const char      *text,
           double           rank,
           guint            max_per_document,
           GError         **error)
{
  sqlite3 *db = highlighter (self, error);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (db == NULL)
    return FALSE;
  sqlite3_exec (db, "DELETE FROM h;", NULL, NULL, NULL);
  if (sqlite3_prepare_v2 (db, "INSERT INTO h (rowid, title, text) VALUES (?1, ?2, ?3);", -1, &stmt, NULL)
      != SQLITE_OK)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    goto fail;
  if (sqlite3_prepare_v2 (db, "SELECT highlight (h, 1, '" MARK_OPEN "', '" MARK_CLOSE "') "
                          "FROM h WHERE h MATCH ?1;", -1, &stmt, NULL) != SQLITE_OK)
    goto fail;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    hearsay_store_collect_hits (hits, id, title, (const char *) sqlite3_column_text (stmt, 0), rank,
                                max_per_document);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_query_error (db, query, error);
      return FALSE;
    }
  return TRUE;

fail:
  g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
               _("could not search: %s"), sqlite3_errmsg (db));
  return FALSE;
}

GPtrArray *
hearsay_pg_search (HearsayStore  *store,
                   const char    *query,
                   guint          max_documents,
                   guint          max_per_document,
                   GError       **error)
{
  HearsayPgStore *self = PG (store);
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) hearsay_search_hit_free);
  HearsayPgParams p = { 0 };
  g_autofree char *tsquery = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(PGresult) r = NULL;
  char limit[24];

  if (!check_query (self, query, error))
    return NULL;
  g_snprintf (limit, sizeof limit, "%u", max_documents);
  hearsay_pg_param_text (&p, limit);
  tsquery = hearsay_pg_tsquery_from_fts5 (query, &p, error);
  if (tsquery == NULL)
    {
      hearsay_pg_tsquery_params_free (&p, 1);
      return NULL;
    }
  sql = g_strdup_printf ("SELECT d.id, d.title, d.text, ts_rank_cd (d.search, q.q) AS rank "
                         "FROM document d, (SELECT %s AS q) q WHERE d.search @@ q.q "
                         "ORDER BY rank DESC, d.id LIMIT $1::bigint;", tsquery);
  r = hearsay_pg_query_once (self, sql, &p, _("could not search"), error);
  hearsay_pg_tsquery_params_free (&p, 1);
  if (r == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    if (!highlight (self, hits, query, hearsay_pg_get_int (r, i, 0), PQgetvalue (r, i, 1), PQgetvalue (r, i, 2),
                    -g_ascii_strtod (PQgetvalue (r, i, 3), NULL), max_per_document, error))
      return NULL;
  return g_steal_pointer (&hits);
}

GPtrArray *
hearsay_pg_filter_documents (HearsayStore                *store,
                             const HearsayDocumentFilter *filter,
                             GError                     **error)
{
  HearsayPgStore *self = PG (store);
  g_autoptr(GString) sql = g_string_new ("SELECT d.id FROM document d WHERE true");
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GHashTable) keep = NULL;
  g_autoptr(PGresult) r = NULL;
  HearsayPgParams p = { 0 };
  int first_query_param;

  if (filter->outlet && *filter->outlet)
    {
      hearsay_pg_param_text (&p, filter->outlet);
      g_string_append_printf (sql, " AND d.outlet = $%d", p.n);
    }
  if (filter->event_id > 0)
    {
      hearsay_pg_param_int (&p, filter->event_id);
      g_string_append_printf (sql, " AND d.event_id = $%d", p.n);
    }
  if (filter->date_from && *filter->date_from)
    {
      hearsay_pg_param_text (&p, filter->date_from);
      g_string_append_printf (sql, " AND substr (d.published_at, 1, 10) COLLATE \"C\" >= $%d", p.n);
    }
  if (filter->date_to && *filter->date_to)
    {
      hearsay_pg_param_text (&p, filter->date_to);
      g_string_append_printf (sql, " AND substr (d.published_at, 1, 10) COLLATE \"C\" <= $%d", p.n);
    }
  if (filter->label && *filter->label)
    {
      hearsay_pg_param_text (&p, filter->label);
      g_string_append_printf (sql, " AND EXISTS (SELECT 1 FROM annotation a WHERE a.document_id = d.id "
                              "AND a.label = $%d)", p.n);
    }
  first_query_param = p.n;
  if (filter->query && *filter->query)
    {
      g_autofree char *tsquery = NULL;

      if (!check_query (self, filter->query, error) ||
          (tsquery = hearsay_pg_tsquery_from_fts5 (filter->query, &p, error)) == NULL)
        {
          hearsay_pg_tsquery_params_free (&p, first_query_param);
          return NULL;
        }
      g_string_append_printf (sql, " AND d.search @@ %s", tsquery);
    }
  g_string_append (sql, " ORDER BY d.id;");
  r = hearsay_pg_query_once (self, sql->str, &p, _("could not filter documents"), error);
  hearsay_pg_tsquery_params_free (&p, first_query_param);
  if (r == NULL)
    return NULL;
  docs = hearsay_pg_list_documents (store, error);
  if (docs == NULL)
    return NULL;
  keep = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (int i = 0; i < PQntuples (r); i++)
    g_hash_table_add (keep, g_memdup2 (&(gint64) { hearsay_pg_get_int (r, i, 0) }, sizeof (gint64)));
  for (guint i = docs->len; i > 0; i--)
    {
      gint64 id = hearsay_document_get_id (g_ptr_array_index (docs, i - 1));

      if (!g_hash_table_contains (keep, &id))
        g_ptr_array_remove_index (docs, i - 1);
    }
  return g_steal_pointer (&docs);
}
