/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-compare-refresh.c: rebuilds the comparison's per-document
 * aggregates (schema step 4) for the documents the triggers marked dirty:
 * the annotations wholly inside boilerplate (compare_excluded), the words
 * outside boilerplate and the bag of counts (compare_document), and the
 * relayed_by and claim-link edges with their texts (compare_edge). Runs in
 * chunks of CHUNK documents, one short transaction each, so that an editor
 * writing to the same project waits at most one chunk. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-store-private.h"
#include "hearsay-words.h"

#define CHUNK 500

#define COUNTED(id) id " NOT IN (SELECT annotation_id FROM compare_excluded)"
/* The text of annotation @id: its fragments in order, joined by " … ". */
#define ANN_TEXT(id) \
  "(SELECT group_concat (x.exact, ' … ') FROM " \
  "(SELECT exact FROM fragment WHERE annotation_id = " id " ORDER BY document_id, start) x)"
/* The entity that annotation @id refers to (its first link). */
#define ENTITY_ID(id) \
  "(SELECT l.to_entity_id FROM relation l WHERE l.type = :refers_to AND l.from_id = " id \
  " AND l.to_entity_id IS NOT NULL ORDER BY l.id LIMIT 1)"
#define REFRESH_ANNOTATIONS(cond) \
  "FROM temp.cmp_refresh c CROSS JOIN annotation a ON a.document_id = c.id AND a.label " cond " "

/* Annotations with a fragment inside a boilerplate span, but not those with
 * a fragment outside every one. */
static const char exclusions_sql[] =
  "DELETE FROM temp.cmp_bp;"
  "INSERT OR IGNORE INTO temp.cmp_bp SELECT f.document_id, f.start, f.\"end\" "
  REFRESH_ANNOTATIONS ("= :boilerplate") "CROSS JOIN fragment f ON f.annotation_id = a.id;"
  "DELETE FROM compare_excluded WHERE document_id IN (SELECT id FROM temp.cmp_refresh);"
  "INSERT OR IGNORE INTO compare_excluded SELECT f.annotation_id, f.document_id "
  "FROM temp.cmp_bp b JOIN fragment f ON f.document_id = b.document_id AND f.start >= b.start "
  "AND f.start < b.\"end\" AND f.\"end\" <= b.\"end\";"
  "DELETE FROM compare_excluded WHERE document_id IN (SELECT id FROM temp.cmp_refresh) "
  "AND EXISTS (SELECT 1 FROM fragment f WHERE f.annotation_id = compare_excluded.annotation_id "
  "AND NOT EXISTS (SELECT 1 FROM temp.cmp_bp b WHERE b.document_id = f.document_id "
  "AND b.start <= f.start AND b.\"end\" >= f.\"end\"));";

/* Per document: its words minus those of the union of its boilerplate
 * spans. Overlapping spans are merged into islands (a running maximum of
 * the ends), each island's text counted once. */
static const char words_sql[] =
  "WITH s AS (SELECT document_id, start, \"end\", max (\"end\") OVER (PARTITION BY document_id "
  "ORDER BY start, \"end\" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach FROM temp.cmp_bp),"
  " g AS (SELECT document_id, start, \"end\", sum (reach IS NULL OR start >= reach) OVER "
  "(PARTITION BY document_id ORDER BY start, \"end\" ROWS UNBOUNDED PRECEDING) AS island FROM s),"
  " u AS (SELECT document_id, min (start) AS s, max (\"end\") AS e FROM g GROUP BY document_id, island),"
  " b AS (SELECT u.document_id, sum (hearsay_word_count (substr (d.text, u.s + 1, u.e - u.s))) AS words "
  "FROM u JOIN document d ON d.id = u.document_id GROUP BY 1) "
  "SELECT c.id, coalesce (w.words, hearsay_word_count (d.text)) - coalesce (b.words, 0) "
  "FROM temp.cmp_refresh c JOIN document d ON d.id = c.id "
  "LEFT JOIN document_words w ON w.document_id = c.id LEFT JOIN b ON b.document_id = c.id;";

/* Rows (document, key, count) of the bag sections counted in SQL. */
static const char * const bag_sql[] = {
  /* Grouped on the columns, in the order of index annotation_document_label. */
  "SELECT a.document_id, 'L' || a.label, count(*) " REFRESH_ANNOTATIONS ("<> :boilerplate")
  "WHERE " COUNTED ("a.id") " GROUP BY a.document_id, a.label;",

  /* Claims and attributed content attributed to a source, and those whose
   * every source is anonymous or described only. */
  "WITH s AS (SELECT a.document_id AS doc, count(*) AS n, sum (EXISTS (SELECT 1 FROM "
  "annotation_attribute t WHERE t.annotation_id = r.to_id AND t.name = :identification "
  "AND t.value IN (:anonymous, :described))) AS weak "
  REFRESH_ANNOTATIONS ("IN (:claim, :attributed_content)")
  "CROSS JOIN relation r ON r.from_id = a.id AND r.type = :attributed_to "
  "WHERE " COUNTED ("a.id") " AND " COUNTED ("r.to_id") " GROUP BY a.id) "
  "SELECT doc, 'Aattributed', count(*) FROM s GROUP BY doc "
  "UNION ALL SELECT doc, 'Aweak', sum (weak = n) FROM s GROUP BY doc;",

  "SELECT a.document_id, 'S' || coalesce (" ENTITY_ID ("a.id") ", ''), count(*) "
  REFRESH_ANNOTATIONS ("= :source_mention") "WHERE " COUNTED ("a.id") " GROUP BY 1, 2;",

  "SELECT a.document_id, 'P' || coalesce (t.value, ''), count(*) " REFRESH_ANNOTATIONS ("= :persuasion")
  "LEFT JOIN annotation_attribute t ON t.annotation_id = a.id AND t.name = :technique "
  "WHERE " COUNTED ("a.id") " GROUP BY 1, 2;",

  "SELECT a.document_id, 'F' || coalesce (t.value, ''), count(*) " REFRESH_ANNOTATIONS ("= :frame_cue")
  "LEFT JOIN annotation_attribute t ON t.annotation_id = a.id AND t.name = :dimension "
  "WHERE " COUNTED ("a.id") " GROUP BY 1, 2;",

  /* Every refers_to link of a mention counts once for its surface form. */
  "SELECT doc, 'N' || entity || char (31) || form, count(*) FROM ("
  " SELECT a.document_id AS doc, r.to_entity_id AS entity, group_concat (f.exact, ' … ') AS form "
  REFRESH_ANNOTATIONS ("IN (:source_mention, :entity_mention)")
  "CROSS JOIN relation r ON r.from_id = a.id AND r.type = :refers_to "
  /* Index fragment_annotation yields an annotation's fragments by start. */
  "CROSS JOIN fragment f ON f.annotation_id = a.id "
  "WHERE r.to_entity_id IS NOT NULL AND " COUNTED ("a.id") " GROUP BY r.id) GROUP BY 1, 2;",
};

/* The text of persuasion and frame_cue fragments, tokenized in C. */
static const char span_texts_sql[] =
  "SELECT a.document_id, f.exact " REFRESH_ANNOTATIONS ("IN (:persuasion, :frame_cue)")
  "CROSS JOIN fragment f ON f.annotation_id = a.id WHERE " COUNTED ("a.id") ";";

static const char edges_sql[] =
  "DELETE FROM compare_edge WHERE document_id IN (SELECT id FROM temp.cmp_refresh);"
  "INSERT OR REPLACE INTO compare_edge SELECT r.id, a.document_id, r.type, r.from_id, "
  ENTITY_ID ("r.from_id") ", " ANN_TEXT ("r.from_id") ", r.to_id, a2.document_id, "
  ENTITY_ID ("r.to_id") ", " ANN_TEXT ("r.to_id") " " REFRESH_ANNOTATIONS ("IS NOT NULL")
  /* "+r.type": one probe of index relation_from per annotation, not three. */
  "CROSS JOIN relation r ON r.from_id = a.id AND +r.type IN (:relayed_by, :same_claim_as, :contradicts) "
  "JOIN annotation a2 ON a2.id = r.to_id WHERE " COUNTED ("a.id")
  " AND (r.type = :relayed_by OR (a.label = :claim AND a2.label = :claim));";

static const char shadow_sql[] =
  "CREATE TEMP TABLE compare_dirty (document_id INTEGER PRIMARY KEY);"
  "CREATE TEMP TABLE compare_key (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);"
  "INSERT INTO temp.compare_key SELECT * FROM main.compare_key;"
  "INSERT INTO temp.compare_dirty SELECT document_id FROM main.compare_dirty;"
  "CREATE TEMP TABLE compare_document (document_id INTEGER PRIMARY KEY, words INTEGER NOT NULL, bag BLOB);"
  "INSERT INTO temp.compare_document SELECT * FROM main.compare_document "
  "WHERE document_id NOT IN (SELECT document_id FROM temp.compare_dirty);"
  "CREATE TEMP TABLE compare_excluded (annotation_id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL);"
  "CREATE INDEX temp.compare_excluded_document ON compare_excluded (document_id);"
  "INSERT INTO temp.compare_excluded SELECT * FROM main.compare_excluded;"
  "CREATE TEMP TABLE compare_edge (relation_id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL,"
  " type TEXT NOT NULL, from_id INTEGER NOT NULL, from_entity_id INTEGER, from_text TEXT,"
  " to_id INTEGER NOT NULL, to_document_id INTEGER NOT NULL, to_entity_id INTEGER, to_text TEXT);"
  "CREATE INDEX temp.compare_edge_document ON compare_edge (document_id, type);"
  "INSERT INTO temp.compare_edge SELECT * FROM main.compare_edge "
  "WHERE document_id NOT IN (SELECT document_id FROM temp.compare_dirty);";

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
  char ascii[64];
  gsize i;

  /* Most words are short and ASCII: lowercase them without allocating. */
  ascii[0] = HEARSAY_BAG_WORD;
  for (i = 0; i < length && i + 2 < sizeof ascii && (guchar) word[i] < 0x80; i++)
    ascii[i + 1] = g_ascii_tolower (word[i]);
  if (i == length)
    {
      ascii[i + 1] = '\0';
      bag_add (data, ascii, 1);
    }
  else
    {
      g_autofree char *lower = g_utf8_strdown (word, length);
      g_autofree char *key = g_strdup_printf ("%c%s", HEARSAY_BAG_WORD, lower);

      bag_add (data, key, 1);
    }
}

static gboolean
collect_bags (HearsayStore             *self,
              const HearsayCompareKeys *keys,
              Bags                     *bags,
              GError                  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  for (guint q = 0; q < G_N_ELEMENTS (bag_sql); q++)
    {
      stmt = hearsay_store_prepare (self, bag_sql[q], error);
      if (stmt == NULL)
        return FALSE;
      hearsay_store_bind_keys (stmt, keys);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        bag_add (bag_for (bags, sqlite3_column_int64 (stmt, 0)),
                 hearsay_store_column_text (stmt, 1), sqlite3_column_int64 (stmt, 2));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        goto fail;
    }
  stmt = hearsay_store_prepare (self, span_texts_sql, error);
  if (stmt == NULL)
    return FALSE;
  hearsay_store_bind_keys (stmt, keys);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    hearsay_words_foreach ((const char *) sqlite3_column_text (stmt, 1), sqlite3_column_bytes (stmt, 1),
                           add_word, bag_for (bags, sqlite3_column_int64 (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

fail:
  hearsay_store_set_error (self, error, _("could not update the comparison’s figures"));
  return FALSE;
}

/* The number of @key in compare_key, added when new; @numbers caches them
 * for the whole refresh. */
static guint32
key_number (HearsayStore  *self,
            GHashTable    *numbers,
            const char    *key,
            GError       **error)
{
  gpointer cached = g_hash_table_lookup (numbers, key);
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (cached != NULL)
    return GPOINTER_TO_UINT (cached);
  stmt = hearsay_store_prepare (self, "INSERT OR IGNORE INTO compare_key (key) VALUES (?1);", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (!hearsay_store_step_done (self, stmt, _("could not update the comparison’s figures"), error))
    return 0;
  stmt = hearsay_store_prepare (self, "SELECT id FROM compare_key WHERE key = ?1;", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (id <= 0 || id >= G_MAXUINT32 / 2)
    {
      hearsay_store_set_error (self, error, _("could not update the comparison’s figures"));
      return 0;
    }
  g_hash_table_insert (numbers, g_strdup (key), GUINT_TO_POINTER ((guint32) id));
  return (guint32) id;
}

static gboolean
encode_bag (HearsayStore  *self,
            GHashTable    *numbers,
            GHashTable    *bag,
            GByteArray    *blob,
            GError       **error)
{
  GHashTableIter iter;
  gpointer key, value;

  if (bag == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, bag);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint32 number = key_number (self, numbers, key, error);

      if (number == 0)
        return FALSE;
      hearsay_bag_append (blob, number, *(gint64 *) value);
    }
  return TRUE;
}

static gboolean
write_documents (HearsayStore  *self,
                 Bags          *bags,
                 GHashTable    *numbers,
                 GError       **error)
{
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  if (!hearsay_store_exec (self, "DELETE FROM compare_document WHERE document_id IN "
                           "(SELECT id FROM temp.cmp_refresh);", error))
    return FALSE;
  stmt = hearsay_store_prepare (self, words_sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pair[2] = { sqlite3_column_int64 (stmt, 0), MAX (sqlite3_column_int64 (stmt, 1), 0) };

      g_array_append_vals (words, pair, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not update the comparison’s figures"));
      return FALSE;
    }
  for (guint i = 0; i < words->len; i += 2)
    {
      gint64 id = g_array_index (words, gint64, i);
      g_autoptr(GByteArray) blob = g_byte_array_new ();

      if (!encode_bag (self, numbers, g_hash_table_lookup (bags, &id), blob, error))
        return FALSE;
      stmt = hearsay_store_prepare (self, "INSERT INTO compare_document (document_id, words, bag) "
                                    "VALUES (?1, ?2, ?3);", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, g_array_index (words, gint64, i + 1));
      sqlite3_bind_blob (stmt, 3, blob->data ? (const void *) blob->data : "", blob->len, SQLITE_STATIC);
      if (!hearsay_store_step_done (self, stmt, _("could not update the comparison’s figures"), error))
        return FALSE;
    }
  return TRUE;
}

/* One chunk; *done is set when no document was left dirty. */
static gboolean
refresh_chunk (HearsayStore             *self,
               const HearsayCompareKeys *keys,
               GHashTable               *numbers,
               gboolean                 *done,
               GError                  **error)
{
  g_autoptr(GHashTable) bags = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                      (GDestroyNotify) g_hash_table_unref);

  if (!hearsay_store_exec (self, "DELETE FROM temp.cmp_refresh;"
                           "INSERT INTO temp.cmp_refresh SELECT document_id FROM compare_dirty "
                           "ORDER BY document_id LIMIT " G_STRINGIFY (CHUNK) ";", error))
    return FALSE;
  *done = sqlite3_changes (self->db) == 0;
  if (*done)
    return TRUE;
  return hearsay_store_exec_keys (self, exclusions_sql, keys, error) &&
         collect_bags (self, keys, bags, error) &&
         write_documents (self, bags, numbers, error) &&
         hearsay_store_exec_keys (self, edges_sql, keys, error) &&
         hearsay_store_exec (self, "DELETE FROM compare_dirty WHERE document_id IN "
                             "(SELECT id FROM temp.cmp_refresh);", error);
}

gboolean
hearsay_store_compare_refresh (HearsayStore             *self,
                               const HearsayCompareKeys *keys,
                               gboolean                 *shadow,
                               GError                  **error)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  gboolean dirty, done = FALSE;

  *shadow = FALSE;
  stmt = hearsay_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM main.compare_dirty);", error);
  if (stmt == NULL)
    return FALSE;
  dirty = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (!dirty)
    return TRUE;
  if (!hearsay_store_exec (self, "CREATE TEMP TABLE IF NOT EXISTS cmp_refresh (id INTEGER PRIMARY KEY);"
                           "CREATE TEMP TABLE IF NOT EXISTS cmp_bp (document_id INTEGER, start INTEGER, "
                           "\"end\" INTEGER, PRIMARY KEY (document_id, start, \"end\")) WITHOUT ROWID;",
                           error))
    return FALSE;

  /* A read-only project cannot store what it rebuilds: the rebuilt figures
   * go to temporary tables of the same names, which SQLite resolves first. */
  if (self->read_only)
    {
      if (!hearsay_store_exec (self, shadow_sql, error))
        {
          hearsay_store_compare_drop_shadow (self);
          return FALSE;
        }
      *shadow = TRUE;
      while (!done)
        if (!refresh_chunk (self, keys, numbers, &done, error))
          {
            hearsay_store_compare_drop_shadow (self);
            *shadow = FALSE;
            return FALSE;
          }
      return TRUE;
    }

  while (!done)
    {
      if (!hearsay_store_begin (self, error))
        return FALSE;
      if (!refresh_chunk (self, keys, numbers, &done, error))
        {
          hearsay_store_rollback (self);
          return FALSE;
        }
      if (!hearsay_store_commit (self, error))
        return FALSE;
    }
  return TRUE;
}

/* The figures of one layer: every selected document (temp.cmp_doc) is
 * rebuilt into the temporary shadow tables from a temporary view named
 * "annotation" that holds the layer's annotations and every layer's
 * boilerplate (page furniture is the page's, whoever marked it). Unqualified
 * names resolve to the temporary schema first, so the refresh's own SQL
 * reads the layer. Nothing of the project is written. */
gboolean
hearsay_store_compare_build_layer (HearsayStore             *self,
                                   const HearsayCompareKeys *keys,
                                   gint64                    annotator_id,
                                   GError                  **error)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *view = NULL;
  gboolean done = FALSE;
  char *sql;

  sql = sqlite3_mprintf ("CREATE TEMP VIEW annotation AS SELECT * FROM main.annotation "
                         "WHERE annotator_id = %lld OR label = %Q;",
                         (long long) annotator_id, keys->boilerplate ? keys->boilerplate : "");
  view = g_strdup (sql);
  sqlite3_free (sql);
  if (!hearsay_store_exec (self, "CREATE TEMP TABLE IF NOT EXISTS cmp_refresh (id INTEGER PRIMARY KEY);"
                           "CREATE TEMP TABLE IF NOT EXISTS cmp_bp (document_id INTEGER, start INTEGER, "
                           "\"end\" INTEGER, PRIMARY KEY (document_id, start, \"end\")) WITHOUT ROWID;"
                           "CREATE TEMP TABLE compare_dirty (document_id INTEGER PRIMARY KEY);"
                           "CREATE TEMP TABLE compare_key (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);"
                           "CREATE TEMP TABLE compare_document (document_id INTEGER PRIMARY KEY, "
                           " words INTEGER NOT NULL, bag BLOB);"
                           "CREATE TEMP TABLE compare_excluded (annotation_id INTEGER PRIMARY KEY, "
                           " document_id INTEGER NOT NULL);"
                           "CREATE INDEX temp.compare_excluded_document ON compare_excluded (document_id);"
                           "CREATE TEMP TABLE compare_edge (relation_id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL,"
                           " type TEXT NOT NULL, from_id INTEGER NOT NULL, from_entity_id INTEGER, from_text TEXT,"
                           " to_id INTEGER NOT NULL, to_document_id INTEGER NOT NULL, to_entity_id INTEGER, to_text TEXT);"
                           "CREATE INDEX temp.compare_edge_document ON compare_edge (document_id, type);"
                           "INSERT INTO temp.compare_dirty SELECT id FROM temp.cmp_doc;", error) ||
      !hearsay_store_exec (self, view, error))
    {
      hearsay_store_compare_drop_shadow (self);
      return FALSE;
    }
  while (!done)
    if (!refresh_chunk (self, keys, numbers, &done, error))
      {
        hearsay_store_compare_drop_shadow (self);
        return FALSE;
      }
  return TRUE;
}

void
hearsay_store_compare_drop_shadow (HearsayStore *self)
{
  sqlite3_exec (self->db,
                "DROP VIEW IF EXISTS temp.annotation;"
                "DROP TABLE IF EXISTS temp.compare_dirty; DROP TABLE IF EXISTS temp.compare_document;"
                "DROP TABLE IF EXISTS temp.compare_key;"
                "DROP TABLE IF EXISTS temp.compare_excluded; DROP TABLE IF EXISTS temp.compare_edge;",
                NULL, NULL, NULL);
}
