/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-pg-compare-refresh.c: rebuilds the comparison's per-document
 * figures of a server project for the documents the triggers marked
 * dirty, as the file does (hearsay-store-compare-refresh.c): the queries
 * are the same, in PostgreSQL's dialect, and the words of spans are
 * counted by the same C code (hearsay-words.h). The counts go to rows of
 * compare_count, which the server adds up (hearsay-pg-compare.c).
 *
 * One client refreshes at a time (an advisory lock), in chunks of CHUNK
 * documents, one transaction each. A chunk locks the dirty marks it takes:
 * an edit of one of those documents waits for the chunk, then marks it
 * dirty again, so no edit is lost between the read and the write. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-pg-private.h"
#include "hearsay-words.h"

#define CHUNK 200

#define COUNTED(id) "NOT EXISTS (SELECT 1 FROM compare_excluded x WHERE x.annotation_id = " id ")"
#define ANN_TEXT(id) \
  "(SELECT string_agg (x.exact, ' … ' ORDER BY x.start) FROM fragment x WHERE x.annotation_id = " id ")"
#define ENTITY_ID(id) \
  "(SELECT l.to_entity_id FROM relation l WHERE l.type = :refers_to AND l.from_id = " id \
  " AND l.to_entity_id IS NOT NULL ORDER BY l.id LIMIT 1)"
#define REFRESH_ANNOTATIONS(cond) \
  "FROM cmp_refresh c JOIN annotation a ON a.document_id = c.id AND a.label " cond " "

static const char * const setup_sql =
  "CREATE TEMP TABLE IF NOT EXISTS cmp_refresh (id bigint PRIMARY KEY);"
  "CREATE TEMP TABLE IF NOT EXISTS cmp_bp (document_id bigint, start bigint, \"end\" bigint,"
  " PRIMARY KEY (document_id, start, \"end\"));";

static const char * const take_sql[] = {
  "DELETE FROM cmp_refresh;",
  "INSERT INTO cmp_refresh SELECT document_id FROM compare_dirty ORDER BY document_id "
  "LIMIT " G_STRINGIFY (CHUNK) " FOR UPDATE;",
};

static const char * const exclusions_sql[] = {
  "DELETE FROM cmp_bp;",
  "INSERT INTO cmp_bp SELECT DISTINCT f.document_id, f.start, f.\"end\" "
  REFRESH_ANNOTATIONS ("= :boilerplate") "JOIN fragment f ON f.annotation_id = a.id;",
  "DELETE FROM compare_excluded WHERE document_id IN (SELECT id FROM cmp_refresh);",
  "INSERT INTO compare_excluded SELECT DISTINCT f.annotation_id, f.document_id "
  "FROM cmp_bp b JOIN fragment f ON f.document_id = b.document_id AND f.start >= b.start "
  "AND f.start < b.\"end\" AND f.\"end\" <= b.\"end\" ON CONFLICT DO NOTHING;",
  "DELETE FROM compare_excluded e WHERE e.document_id IN (SELECT id FROM cmp_refresh) "
  "AND EXISTS (SELECT 1 FROM fragment f WHERE f.annotation_id = e.annotation_id "
  "AND NOT EXISTS (SELECT 1 FROM cmp_bp b WHERE b.document_id = f.document_id "
  "AND b.start <= f.start AND b.\"end\" >= f.\"end\"));",
};

/* The islands of overlapping boilerplate spans, with their text. */
static const char islands_sql[] =
  "WITH s AS (SELECT document_id, start, \"end\", max (\"end\") OVER (PARTITION BY document_id "
  "ORDER BY start, \"end\" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach FROM cmp_bp),"
  " g AS (SELECT document_id, start, \"end\", sum (CASE WHEN reach IS NULL OR start >= reach THEN 1 ELSE 0 END)"
  " OVER (PARTITION BY document_id ORDER BY start, \"end\" ROWS UNBOUNDED PRECEDING) AS island FROM s),"
  " u AS (SELECT document_id, min (start) AS s, max (\"end\") AS e FROM g GROUP BY document_id, island) "
  "SELECT u.document_id, substr (d.text, (u.s + 1)::integer, (u.e - u.s)::integer) "
  "FROM u JOIN document d ON d.id = u.document_id;";

static const char documents_sql[] =
  "SELECT c.id, w.words, CASE WHEN w.words IS NULL THEN d.text END "
  "FROM cmp_refresh c JOIN document d ON d.id = c.id LEFT JOIN document_words w ON w.document_id = c.id;";

static const char * const bag_sql[] = {
  "SELECT a.document_id, 'L' || a.label, count(*) " REFRESH_ANNOTATIONS ("<> :boilerplate")
  "WHERE " COUNTED ("a.id") " GROUP BY a.document_id, a.label;",

  "WITH s AS (SELECT a.document_id AS doc, count(*) AS n, sum ((EXISTS (SELECT 1 FROM "
  "annotation_attribute t WHERE t.annotation_id = r.to_id AND t.name = :identification "
  "AND t.value IN (:anonymous, :described)))::integer) AS weak "
  REFRESH_ANNOTATIONS ("IN (:claim, :attributed_content)")
  "JOIN relation r ON r.from_id = a.id AND r.type = :attributed_to "
  "WHERE " COUNTED ("a.id") " AND " COUNTED ("r.to_id") " GROUP BY a.document_id, a.id) "
  "SELECT doc, 'Aattributed', count(*) FROM s GROUP BY doc "
  "UNION ALL SELECT doc, 'Aweak', sum ((weak = n)::integer) FROM s GROUP BY doc;",

  "SELECT a.document_id, 'S' || coalesce (" ENTITY_ID ("a.id") "::text, ''), count(*) "
  REFRESH_ANNOTATIONS ("= :source_mention") "WHERE " COUNTED ("a.id") " GROUP BY 1, 2;",

  "SELECT a.document_id, 'P' || coalesce (t.value, ''), count(*) " REFRESH_ANNOTATIONS ("= :persuasion")
  "LEFT JOIN annotation_attribute t ON t.annotation_id = a.id AND t.name = :technique "
  "WHERE " COUNTED ("a.id") " GROUP BY 1, 2;",

  "SELECT a.document_id, 'F' || coalesce (t.value, ''), count(*) " REFRESH_ANNOTATIONS ("= :frame_cue")
  "LEFT JOIN annotation_attribute t ON t.annotation_id = a.id AND t.name = :dimension "
  "WHERE " COUNTED ("a.id") " GROUP BY 1, 2;",

  "SELECT doc, 'N' || entity || chr (31) || form, count(*) FROM ("
  " SELECT a.document_id AS doc, r.to_entity_id AS entity, string_agg (f.exact, ' … ' ORDER BY f.start) AS form "
  REFRESH_ANNOTATIONS ("IN (:source_mention, :entity_mention)")
  "JOIN relation r ON r.from_id = a.id AND r.type = :refers_to "
  "JOIN fragment f ON f.annotation_id = a.id "
  "WHERE r.to_entity_id IS NOT NULL AND " COUNTED ("a.id") " GROUP BY a.document_id, r.id) z GROUP BY 1, 2;",
};

static const char span_texts_sql[] =
  "SELECT a.document_id, f.exact " REFRESH_ANNOTATIONS ("IN (:persuasion, :frame_cue)")
  "JOIN fragment f ON f.annotation_id = a.id WHERE " COUNTED ("a.id") ";";

static const char * const edges_sql[] = {
  "DELETE FROM compare_edge WHERE document_id IN (SELECT id FROM cmp_refresh);",
  "INSERT INTO compare_edge SELECT r.id, a.document_id, r.type, r.from_id, "
  ENTITY_ID ("r.from_id") ", " ANN_TEXT ("r.from_id") ", r.to_id, a2.document_id, "
  ENTITY_ID ("r.to_id") ", " ANN_TEXT ("r.to_id") " " REFRESH_ANNOTATIONS ("IS NOT NULL")
  "JOIN relation r ON r.from_id = a.id AND r.type IN (:relayed_by, :same_claim_as, :contradicts) "
  "JOIN annotation a2 ON a2.id = r.to_id WHERE " COUNTED ("a.id")
  " AND (r.type = :relayed_by OR (a.label = :claim AND a2.label = :claim)) "
  "ON CONFLICT (relation_id) DO UPDATE SET document_id = excluded.document_id, type = excluded.type, "
  "from_id = excluded.from_id, from_entity_id = excluded.from_entity_id, from_text = excluded.from_text, "
  "to_id = excluded.to_id, to_document_id = excluded.to_document_id, to_entity_id = excluded.to_entity_id, "
  "to_text = excluded.to_text;",
};

/* An SQL text with :name parameters of the keys turned into $1…$n, and
 * which key each $i stands for. */
typedef struct
{
  char *sql;
  GPtrArray *names;   /* ":claim"… by position */
} KeysSql;

static void
keys_sql_free (KeysSql *k)
{
  g_free (k->sql);
  g_ptr_array_unref (k->names);
  g_free (k);
}

static const KeysSql *
keys_sql (const char *sql)
{
  static GHashTable *cache;   /* source text (a literal) → KeysSql */
  static GMutex lock;
  KeysSql *k;

  g_mutex_lock (&lock);
  if (cache == NULL)
    cache = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) keys_sql_free);
  k = g_hash_table_lookup (cache, sql);
  if (k == NULL)
    {
      GString *s = g_string_new (NULL);

      k = g_new0 (KeysSql, 1);
      k->names = g_ptr_array_new_with_free_func (g_free);
      for (const char *p = sql; *p; )
        {
          const char *e = p + 1;

          while (*p == ':' && (g_ascii_isalnum (*e) || *e == '_'))
            e++;
          if (*p == ':' && e > p + 1 && hearsay_store_is_key_parameter (p, e - p))
            {
              guint i;

              for (i = 0; i < k->names->len; i++)
                if (strlen (g_ptr_array_index (k->names, i)) == (gsize) (e - p) &&
                    strncmp (g_ptr_array_index (k->names, i), p, e - p) == 0)
                  break;
              if (i == k->names->len)
                g_ptr_array_add (k->names, g_strndup (p, e - p));
              g_string_append_printf (s, "$%u::text", i + 1);
              p = e;
              continue;
            }
          g_string_append_c (s, *p++);
        }
      k->sql = g_string_free (s, FALSE);
      g_hash_table_insert (cache, (gpointer) sql, k);
    }
  g_mutex_unlock (&lock);
  return k;
}

PGresult *
hearsay_pg_query_keys (HearsayPgStore            *self,
                       const char                *sql,
                       const HearsayCompareKeys  *keys,
                       GError                   **error)
{
  const KeysSql *k = keys_sql (sql);
  HearsayPgParams p = { 0 };

  for (guint i = 0; i < k->names->len; i++)
    {
      const char *name = g_ptr_array_index (k->names, i);

      hearsay_pg_param_text (&p, hearsay_store_key_value (keys, name, strlen (name)));
    }
  /* k->sql lives as long as the program: it may key the prepared statements. */
  return hearsay_pg_query (self, k->sql, &p, _("could not update the comparison’s figures"), error);
}

static gboolean
run_all (HearsayPgStore            *self,
         const char * const        *sql,
         guint                      n,
         const HearsayCompareKeys  *keys,
         GError                   **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PGresult) r = hearsay_pg_query_keys (self, sql[i], keys, error);

      if (r == NULL)
        return FALSE;
    }
  return TRUE;
}

typedef GHashTable Bags;  /* document id → GHashTable (key → gint64 *) */

static GHashTable *
bag_for (Bags   *bags,
         gint64  document_id)
{
  GHashTable *bag = g_hash_table_lookup (bags, &document_id);

  if (bag == NULL)
    {
      bag = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (bags, g_memdup2 (&document_id, sizeof document_id), bag);
    }
  return bag;
}

static void
bag_add (GHashTable *bag,
         const char *key,
         gint64      n)
{
  gint64 *value = g_hash_table_lookup (bag, key);

  if (value == NULL)
    {
      value = g_new0 (gint64, 1);
      g_hash_table_insert (bag, g_strdup (key), value);
    }
  *value += n;
}

static void
add_word (const char *word,
          gsize       length,
          gpointer    data)
{
  g_autofree char *lower = g_utf8_strdown (word, length);
  g_autofree char *key = g_strdup_printf ("%c%s", HEARSAY_BAG_WORD, lower);

  bag_add (data, key, 1);
}

static void
count_word (const char *word,
            gsize       length,
            gpointer    data)
{
  (*(gint64 *) data)++;
}

static gboolean
collect (HearsayPgStore            *self,
         const HearsayCompareKeys  *keys,
         Bags                      *bags,
         GHashTable                *words,
         GError                   **error)
{
  g_autoptr(PGresult) islands = NULL;
  g_autoptr(PGresult) documents = NULL;
  g_autoptr(PGresult) spans = NULL;
  g_autoptr(GHashTable) boilerplate = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint q = 0; q < G_N_ELEMENTS (bag_sql); q++)
    {
      g_autoptr(PGresult) r = hearsay_pg_query_keys (self, bag_sql[q], keys, error);

      if (r == NULL)
        return FALSE;
      for (int i = 0; i < PQntuples (r); i++)
        bag_add (bag_for (bags, hearsay_pg_get_int (r, i, 0)), PQgetvalue (r, i, 1), hearsay_pg_get_int (r, i, 2));
    }
  spans = hearsay_pg_query_keys (self, span_texts_sql, keys, error);
  if (spans == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (spans); i++)
    hearsay_words_foreach (PQgetvalue (spans, i, 1), PQgetlength (spans, i, 1), add_word,
                           bag_for (bags, hearsay_pg_get_int (spans, i, 0)));

  /* Words outside boilerplate: the document's minus its islands'. */
  islands = hearsay_pg_query (self, islands_sql, NULL, _("could not update the comparison’s figures"), error);
  if (islands == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (islands); i++)
    {
      gint64 id = hearsay_pg_get_int (islands, i, 0);
      gint64 *n = g_hash_table_lookup (boilerplate, &id);

      if (n == NULL)
        {
          n = g_new0 (gint64, 1);
          g_hash_table_insert (boilerplate, g_memdup2 (&id, sizeof id), n);
        }
      *n += hearsay_words_count (PQgetvalue (islands, i, 1), PQgetlength (islands, i, 1));
    }
  documents = hearsay_pg_query (self, documents_sql, NULL, _("could not update the comparison’s figures"), error);
  if (documents == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (documents); i++)
    {
      gint64 id = hearsay_pg_get_int (documents, i, 0);
      gint64 *bp = g_hash_table_lookup (boilerplate, &id);
      gint64 total = 0;

      if (PQgetisnull (documents, i, 1))
        hearsay_words_foreach (PQgetvalue (documents, i, 2), PQgetlength (documents, i, 2), count_word, &total);
      else
        total = hearsay_pg_get_int (documents, i, 1);
      total = MAX (total - (bp ? *bp : 0), 0);
      g_hash_table_insert (words, g_memdup2 (&id, sizeof id), g_memdup2 (&total, sizeof total));
    }
  return TRUE;
}

/* The numbers of @bags' keys, new keys added to compare_key. */
static gboolean
number_keys (HearsayPgStore  *self,
             Bags            *bags,
             GHashTable      *numbers,
             GError         **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GHashTable) distinct = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *array = NULL;
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) inserted = NULL;
  g_autoptr(PGresult) r = NULL;
  GHashTableIter iter, bag_iter;
  gpointer bag, key;

  g_hash_table_iter_init (&iter, bags);
  while (g_hash_table_iter_next (&iter, NULL, &bag))
    {
      g_hash_table_iter_init (&bag_iter, bag);
      while (g_hash_table_iter_next (&bag_iter, &key, NULL))
        if (!g_hash_table_contains (numbers, key) && g_hash_table_add (distinct, key))
          g_ptr_array_add (keys, key);
    }
  if (keys->len == 0)
    return TRUE;
  array = hearsay_pg_text_array ((const char * const *) keys->pdata, keys->len);
  hearsay_pg_param_text (&p, array);
  inserted = hearsay_pg_query (self, "INSERT INTO compare_key (key) SELECT k FROM unnest ($1::text[]) k "
                               "WHERE NOT EXISTS (SELECT 1 FROM compare_key WHERE key = k) ON CONFLICT DO NOTHING;",
                               &p, _("could not update the comparison’s figures"), error);
  if (inserted == NULL)
    return FALSE;
  r = hearsay_pg_query (self, "SELECT key, id FROM compare_key WHERE key = ANY ($1::text[]);", &p,
                        _("could not update the comparison’s figures"), error);
  if (r == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (r); i++)
    g_hash_table_insert (numbers, g_strdup (PQgetvalue (r, i, 0)),
                         GSIZE_TO_POINTER ((gsize) hearsay_pg_get_int (r, i, 1)));
  return TRUE;
}

static gboolean
write_documents (HearsayPgStore  *self,
                 Bags            *bags,
                 GHashTable      *words,
                 GHashTable      *numbers,
                 GError         **error)
{
  g_autoptr(GArray) doc_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) doc_words = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) count_docs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) count_keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) count_ns = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *a1 = NULL, *a2 = NULL, *a3 = NULL, *a4 = NULL, *a5 = NULL;
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (!number_keys (self, bags, numbers, error))
    return FALSE;
  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GHashTable *bag = g_hash_table_lookup (bags, key);
      GHashTableIter bag_iter;
      gpointer k, n;

      g_array_append_val (doc_ids, *(gint64 *) key);
      g_array_append_val (doc_words, *(gint64 *) value);
      if (bag == NULL)
        continue;
      g_hash_table_iter_init (&bag_iter, bag);
      while (g_hash_table_iter_next (&bag_iter, &k, &n))
        {
          gint64 number = GPOINTER_TO_SIZE (g_hash_table_lookup (numbers, k));

          g_array_append_val (count_docs, *(gint64 *) key);
          g_array_append_val (count_keys, number);
          g_array_append_val (count_ns, *(gint64 *) n);
        }
    }
  a1 = hearsay_pg_int_array ((const gint64 *) doc_ids->data, doc_ids->len);
  a2 = hearsay_pg_int_array ((const gint64 *) doc_words->data, doc_words->len);
  a3 = hearsay_pg_int_array ((const gint64 *) count_docs->data, count_docs->len);
  a4 = hearsay_pg_int_array ((const gint64 *) count_keys->data, count_keys->len);
  a5 = hearsay_pg_int_array ((const gint64 *) count_ns->data, count_ns->len);
  hearsay_pg_param_text (&p, a1);
  hearsay_pg_param_text (&p, a2);
  /* Deleted first, each its own statement: rows of the same keys come back. */
  r = hearsay_pg_query (self, "DELETE FROM compare_document WHERE document_id IN (SELECT id FROM cmp_refresh);",
                        NULL, _("could not update the comparison’s figures"), error);
  if (r == NULL)
    return FALSE;
  g_clear_pointer (&r, PQclear);
  r = hearsay_pg_query (self, "DELETE FROM compare_count WHERE document_id IN (SELECT id FROM cmp_refresh);",
                        NULL, _("could not update the comparison’s figures"), error);
  if (r == NULL)
    return FALSE;
  g_clear_pointer (&r, PQclear);
  r = hearsay_pg_query (self, "INSERT INTO compare_document SELECT * FROM unnest ($1::bigint[], $2::bigint[]);",
                        &p, _("could not update the comparison’s figures"), error);
  if (r == NULL)
    return FALSE;
  g_clear_pointer (&r, PQclear);
  p.values[0] = a3;
  p.values[1] = a4;
  p.values[2] = a5;
  p.n = 3;
  r = hearsay_pg_query (self, "INSERT INTO compare_count SELECT * FROM unnest ($1::bigint[], $2::integer[], "
                        "$3::bigint[]);", &p, _("could not update the comparison’s figures"), error);
  return r != NULL;
}

static gboolean
refresh_chunk (HearsayPgStore            *self,
               const HearsayCompareKeys  *keys,
               GHashTable                *numbers,
               gboolean                  *done,
               GError                   **error)
{
  g_autoptr(GHashTable) bags = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                      (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(PGresult) gone = NULL;
  g_autoptr(PGresult) taken = NULL;
  g_autoptr(PGresult) lock = NULL;
  g_autoptr(PGresult) cleared = NULL;

  lock = hearsay_pg_query (self, "SELECT pg_advisory_xact_lock (hashtext (current_schema () || ':compare'));",
                           NULL, _("could not update the comparison’s figures"), error);
  if (lock == NULL)
    return FALSE;
  gone = hearsay_pg_query (self, take_sql[0], NULL, _("could not update the comparison’s figures"), error);
  if (gone == NULL)
    return FALSE;
  taken = hearsay_pg_query (self, take_sql[1], NULL, _("could not update the comparison’s figures"), error);
  if (taken == NULL)
    return FALSE;
  *done = hearsay_pg_affected (taken) == 0;
  if (*done)
    return TRUE;
  if (!run_all (self, exclusions_sql, G_N_ELEMENTS (exclusions_sql), keys, error) ||
      !collect (self, keys, bags, words, error) ||
      !write_documents (self, bags, words, numbers, error) ||
      !run_all (self, edges_sql, G_N_ELEMENTS (edges_sql), keys, error))
    return FALSE;
  cleared = hearsay_pg_query (self, "DELETE FROM compare_dirty WHERE document_id IN (SELECT id FROM cmp_refresh);",
                              NULL, _("could not update the comparison’s figures"), error);
  return cleared != NULL;
}

gboolean
hearsay_pg_compare_refresh (HearsayPgStore            *self,
                            const HearsayCompareKeys  *keys,
                            gboolean                   one_transaction,
                            GError                   **error)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(PGresult) dirty = NULL;
  gboolean done = FALSE;

  dirty = hearsay_pg_query (self, "SELECT EXISTS (SELECT 1 FROM compare_dirty);", NULL,
                            _("could not update the comparison’s figures"), error);
  if (dirty == NULL)
    return FALSE;
  if (!g_str_equal (PQgetvalue (dirty, 0, 0), "t"))
    return TRUE;
  if (!hearsay_pg_exec (self, setup_sql, _("could not update the comparison’s figures"), error))
    return FALSE;
  while (!done)
    {
      /* The caller's transaction (a read-only project's, rolled back after
       * the comparison), or one per chunk. */
      if (!one_transaction && !hearsay_pg_exec (self, "BEGIN;", _("could not update the comparison’s figures"), error))
        return FALSE;
      if (!refresh_chunk (self, keys, numbers, &done, error))
        {
          if (!one_transaction)
            PQclear (PQexec (self->conn, "ROLLBACK;"));
          return FALSE;
        }
      if (!one_transaction && !hearsay_pg_exec (self, "COMMIT;", "commit", error))
        return FALSE;
    }
  return TRUE;
}
