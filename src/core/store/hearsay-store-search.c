/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-search.c: SQLite FTS5 search and the sidebar's filters. The
 * index (document_fts) is kept in sync with documents by triggers. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-store-private.h"

#define SNIPPET_CONTEXT 48

void
hearsay_search_hit_free (HearsaySearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->title);
  g_free (hit->snippet);
  g_free (hit);
}

void
hearsay_store_set_query_error (sqlite3     *db,
                               const char  *query,
                               GError     **error)
{
  g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
               _("The search “%s” is not valid (%s). Put words in double quotes to search "
                 "for them as they are, e.g. \"d'après\""),
               query, sqlite3_errmsg (db));
}

/* Cuts the passages around each marked match out of highlight()'s output and
 * turns marker positions into code-point offsets of the document. */
void
hearsay_store_collect_hits (GPtrArray  *hits,
              gint64      document_id,
              const char *title,
              const char *marked,
              double      rank,
              guint       max_per_document)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 offset = 0;

  for (const char *p = marked; *p; )
    {
      if (*p == MARK_OPEN[0] || *p == MARK_CLOSE[0])
        {
          g_array_append_val (ranges, offset);
          p++;
          continue;
        }
      {
        const char *next = g_utf8_next_char (p);

        g_string_append_len (plain, p, next - p);
        p = next;
        offset++;
      }
    }

  for (guint i = 0; i + 1 < ranges->len && i / 2 < max_per_document; i += 2)
    {
      gint64 start = g_array_index (ranges, gint64, i);
      gint64 end = g_array_index (ranges, gint64, i + 1);
      gint64 from = MAX (0, start - SNIPPET_CONTEXT);
      gint64 to = MIN (offset, end + SNIPPET_CONTEXT);
      const char *s = g_utf8_offset_to_pointer (plain->str, from);
      const char *e = g_utf8_offset_to_pointer (s, to - from);
      HearsaySearchHit *hit = g_new0 (HearsaySearchHit, 1);

      hit->document_id = document_id;
      hit->title = g_strdup (title);
      hit->start = start;
      hit->end = end;
      hit->snippet = g_strndup (s, e - s);
      g_strdelimit (hit->snippet, "\r\n\t", ' ');
      hit->snippet_start = start - from;
      hit->snippet_end = end - from;
      hit->rank = rank;
      g_ptr_array_add (hits, hit);
    }
}

GPtrArray *
hearsay_store_search (HearsayStore  *self,
                      const char    *query,
                      guint          max_documents,
                      guint          max_per_document,
                      GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, search, (self, query, max_documents, max_per_document, error));
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) hearsay_search_hit_free);
  sqlite3_stmt *stmt;
  int rc;

  /* highlight() marks the matched tokens of column 1 (the text). */
  stmt = hearsay_store_prepare (self,
                                "SELECT f.rowid, d.title, highlight(document_fts, 1, '" MARK_OPEN "', '"
                                MARK_CLOSE "'), bm25(document_fts) AS rank "
                                "FROM document_fts f JOIN document d ON d.id = f.rowid "
                                "WHERE document_fts MATCH ?1 ORDER BY rank LIMIT ?2;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) max_documents);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    hearsay_store_collect_hits (hits, sqlite3_column_int64 (stmt, 0), hearsay_store_column_text (stmt, 1),
                  hearsay_store_column_text (stmt, 2), sqlite3_column_double (stmt, 3), max_per_document);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_query_error (self->db, query, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&hits);
}

GPtrArray *
hearsay_store_filter_documents (HearsayStore                *self,
                                const HearsayDocumentFilter *filter,
                                GError                     **error)
{
  HEARSAY_STORE_DISPATCH (self, filter_documents, (self, filter, error));
  g_autoptr(GString) sql = g_string_new ("SELECT d.id FROM document d WHERE 1");
  g_autoptr(GPtrArray) docs = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc, n = 0;

  /* Built per call: the set of conditions varies, so it is not cached. */
  if (filter->outlet && *filter->outlet)
    g_string_append (sql, " AND d.outlet = :outlet");
  if (filter->event_id > 0)
    g_string_append (sql, " AND d.event_id = :event");
  if (filter->date_from && *filter->date_from)
    g_string_append (sql, " AND substr(d.published_at, 1, 10) >= :from");
  if (filter->date_to && *filter->date_to)
    g_string_append (sql, " AND substr(d.published_at, 1, 10) <= :to");
  if (filter->label && *filter->label)
    g_string_append (sql, " AND EXISTS (SELECT 1 FROM annotation a WHERE a.document_id = d.id AND a.label = :label)");
  if (filter->query && *filter->query)
    g_string_append (sql, " AND d.id IN (SELECT rowid FROM document_fts WHERE document_fts MATCH :query)");
  g_string_append (sql, " ORDER BY d.id;");

  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      hearsay_store_set_error (self, error, _("could not filter documents"));
      return NULL;
    }
#define BIND(name, value) \
  if ((n = sqlite3_bind_parameter_index (stmt, name)) > 0) sqlite3_bind_text (stmt, n, value, -1, SQLITE_STATIC)
  BIND (":outlet", filter->outlet);
  BIND (":from", filter->date_from);
  BIND (":to", filter->date_to);
  BIND (":label", filter->label);
  BIND (":query", filter->query);
#undef BIND
  if ((n = sqlite3_bind_parameter_index (stmt, ":event")) > 0)
    sqlite3_bind_int64 (stmt, n, filter->event_id);

  docs = hearsay_store_list_documents (self, error);
  if (docs == NULL)
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  {
    g_autoptr(GHashTable) keep = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_hash_table_add (keep, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));
    if (rc != SQLITE_DONE)
      {
        if (filter->query && *filter->query)
          hearsay_store_set_query_error (self->db, filter->query, error);
        else
          hearsay_store_set_error (self, error, _("could not filter documents"));
        sqlite3_finalize (stmt);
        return NULL;
      }
    sqlite3_finalize (stmt);
    for (guint i = docs->len; i > 0; i--)
      {
        gint64 id = hearsay_document_get_id (g_ptr_array_index (docs, i - 1));

        if (!g_hash_table_contains (keep, &id))
          g_ptr_array_remove_index (docs, i - 1);
      }
  }
  return g_steal_pointer (&docs);
}
