/* hearsay-store-compare.c: the aggregation queries of the outlet comparison
 * (hearsay-compare.c). A comparison runs in one read transaction over three
 * temporary tables: the selected documents with their outlet, the boilerplate
 * spans of those documents, and the annotations that lie wholly inside
 * boilerplate (excluded everywhere). */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-store-private.h"
#include "hearsay-words.h"

/* The text of annotation @id: its fragments in order, joined by " … ". All
 * fragments of an annotation share its document: ordering on (document_id,
 * start) is the order of index fragment_annotation, so there is no sort. */
#define ANN_TEXT(id) \
  "(SELECT group_concat (x.exact, ' … ') FROM " \
  "(SELECT exact FROM fragment WHERE annotation_id = " id " ORDER BY document_id, start) x)"
/* The name of the entity that annotation @id refers to (its first link). */
#define ENTITY_NAME(id) \
  "(SELECT e.name FROM relation l JOIN entity e ON e.id = l.to_entity_id " \
  "WHERE l.type = 'refers_to' AND l.from_id = " id " ORDER BY l.id LIMIT 1)"
#define COUNTED(id) id " NOT IN (SELECT id FROM temp.cmp_excl)"
/* Rows (document_id, label, n): the counted annotations of each selected
 * document whose label is @cond, by document and label. */
#define PER_DOCUMENT(cond) \
  "SELECT document_id, label, count(*) AS n FROM annotation " \
  "WHERE document_id IN (SELECT id FROM temp.cmp_doc) AND label " cond " GROUP BY 1, 2 " \
  "UNION ALL SELECT a.document_id, a.label, -count(*) FROM temp.cmp_excl e CROSS " \
  "JOIN annotation a ON a.id = e.id AND a.label " cond " GROUP BY 1, 2"

static const char * const queries[HEARSAY_STORE_COMPARE_N_QUERIES] = {
  [HEARSAY_STORE_COMPARE_SIZE] =
    "SELECT c.outlet, count(*), total (w.words) FROM temp.cmp_doc c "
    "LEFT JOIN document_words w ON w.document_id = c.id GROUP BY c.outlet;",

  [HEARSAY_STORE_COMPARE_BOILERPLATE] =
    "SELECT c.outlet, b.document_id, b.start, b.\"end\", b.words FROM temp.cmp_bp b "
    "JOIN temp.cmp_doc c ON c.id = b.document_id ORDER BY b.document_id, b.start, b.\"end\";",

  /* Counted per document along index annotation_document_label (no sort
   * over the annotations), minus the few excluded ones, then per outlet. */
  [HEARSAY_STORE_COMPARE_LABELS] =
    "SELECT c.outlet, x.label, sum (x.n) FROM (" PER_DOCUMENT ("<> 'boilerplate'") ") x "
    "JOIN temp.cmp_doc c ON c.id = x.document_id GROUP BY 1, 2 HAVING sum (x.n) > 0;",

  /* Per outlet and label: items, attributed ones, and attributed ones whose
   * every source is anonymous or described. The items are counted as for
   * the labels; the attributed ones by one pass over the attributed_to
   * relations in index order (type, from_id), grouped by item. */
  [HEARSAY_STORE_COMPARE_ATTRIBUTION] =
    "SELECT outlet, label, sum (items), sum (attributed), sum (weak) FROM ("
    " SELECT c.outlet AS outlet, x.label AS label, x.n AS items, 0 AS attributed, 0 AS weak"
    " FROM (" PER_DOCUMENT ("IN ('claim', 'attributed_content')") ") x"
    " JOIN temp.cmp_doc c ON c.id = x.document_id"
    " UNION ALL"
    " SELECT c.outlet, a.label, 0, 1, s.weak = s.n FROM ("
    "  SELECT r.from_id AS id, count(*) AS n, sum (EXISTS (SELECT 1 FROM annotation_attribute t"
    "   WHERE t.annotation_id = r.to_id AND t.name = 'identification'"
    "   AND t.value IN ('anonymous', 'described'))) AS weak"
    "  FROM relation r WHERE r.type = 'attributed_to' AND " COUNTED ("r.to_id")
    "  GROUP BY r.from_id) s"
    " CROSS JOIN annotation a ON a.id = s.id AND a.label IN ('claim', 'attributed_content')"
    " JOIN temp.cmp_doc c ON c.id = a.document_id WHERE " COUNTED ("s.id") ")"
    " GROUP BY 1, 2 HAVING sum (items) > 0;",

  /* Per outlet and entity kind (NULL: not linked): source mentions, and the
   * state-affiliated ones. */
  [HEARSAY_STORE_COMPARE_SOURCES] =
    "SELECT outlet, kind, count(*), sum(state IS 'yes') FROM ("
    " SELECT c.outlet AS outlet, e.kind AS kind, e.state_affiliated AS state"
    " FROM temp.cmp_doc c JOIN annotation a ON a.document_id = c.id AND a.label = 'source_mention'"
    " LEFT JOIN entity e ON e.id = (SELECT r.to_entity_id FROM relation r"
    "  WHERE r.type = 'refers_to' AND r.from_id = a.id ORDER BY r.id LIMIT 1)"
    " WHERE " COUNTED ("a.id") ") GROUP BY 1, 2;",

  [HEARSAY_STORE_COMPARE_PERSUASION] =
    "SELECT c.outlet, t.value, count(*) FROM temp.cmp_doc c "
    "JOIN annotation a ON a.document_id = c.id AND a.label = 'persuasion' "
    "LEFT JOIN annotation_attribute t ON t.annotation_id = a.id AND t.name = 'technique' "
    "WHERE " COUNTED ("a.id") " GROUP BY 1, 2;",

  [HEARSAY_STORE_COMPARE_FRAME_CUES] =
    "SELECT c.outlet, t.value, count(*) FROM temp.cmp_doc c "
    "JOIN annotation a ON a.document_id = c.id AND a.label = 'frame_cue' "
    "LEFT JOIN annotation_attribute t ON t.annotation_id = a.id AND t.name = 'dimension' "
    "WHERE " COUNTED ("a.id") " GROUP BY 1, 2;",

  [HEARSAY_STORE_COMPARE_DOCUMENT_FRAMES] =
    "SELECT c.outlet, f.name, f.value, count(*) FROM temp.cmp_doc c "
    "JOIN document_field f ON f.document_id = c.id AND f.name IN ('frames', 'primary_frame') "
    "GROUP BY 1, 2, 3;",

  /* Per outlet, entity and surface form: mentions. The inner query walks
   * the refers_to links in index order (type, from_id) and joins each
   * mention's fragments in index order (annotation_id, document_id, start),
   * so that group_concat() builds each form without a sort or a subquery. */
  [HEARSAY_STORE_COMPARE_NAMING] =
    "SELECT c.outlet, m.entity_id, e.name, m.form, count(*) FROM ("
    " SELECT r.from_id AS id, r.to_entity_id AS entity_id, a.document_id AS doc,"
    " group_concat (f.exact, ' … ') AS form FROM relation r"
    " JOIN annotation a ON a.id = r.from_id AND a.label IN ('source_mention', 'entity_mention')"
    " JOIN fragment f ON f.annotation_id = r.from_id"
    " WHERE r.type = 'refers_to' GROUP BY r.from_id, r.id) m"
    " JOIN temp.cmp_doc c ON c.id = m.doc JOIN entity e ON e.id = m.entity_id"
    " WHERE " COUNTED ("m.id")
    " GROUP BY 1, 2, 4 ORDER BY 3, 2, 1, 5 DESC, 4;",

  /* Edges "from relayed_by to", with the entity name and text of each end. */
  [HEARSAY_STORE_COMPARE_CHAINS] =
    "SELECT c.outlet, r.from_id, " ENTITY_NAME ("r.from_id") ", " ANN_TEXT ("r.from_id") ", "
    "r.to_id, " ENTITY_NAME ("r.to_id") ", " ANN_TEXT ("r.to_id") " FROM relation r "
    "JOIN annotation a ON a.id = r.from_id JOIN temp.cmp_doc c ON c.id = a.document_id "
    "WHERE r.type = 'relayed_by' AND " COUNTED ("r.from_id") " AND " COUNTED ("r.to_id")
    " ORDER BY r.id;",

  /* Claim links whose both ends are in the comparison. */
  [HEARSAY_STORE_COMPARE_CLAIM_LINKS] =
    "SELECT r.type, r.from_id, c.outlet, " ANN_TEXT ("r.from_id") ", "
    "r.to_id, c2.outlet, " ANN_TEXT ("r.to_id") " FROM relation r "
    "JOIN annotation a ON a.id = r.from_id JOIN temp.cmp_doc c ON c.id = a.document_id "
    "JOIN annotation a2 ON a2.id = r.to_id JOIN temp.cmp_doc c2 ON c2.id = a2.document_id "
    "WHERE r.type IN ('same_claim_as', 'contradicts') AND a.label = 'claim' AND a2.label = 'claim' "
    "AND " COUNTED ("r.from_id") " AND " COUNTED ("r.to_id") " ORDER BY r.from_id, r.to_id;",

  /* The text of every counted persuasion and frame_cue fragment. */
  [HEARSAY_STORE_COMPARE_SPAN_TEXTS] =
    "SELECT c.outlet, f.exact FROM temp.cmp_doc c "
    "JOIN annotation a ON a.document_id = c.id AND a.label IN ('persuasion', 'frame_cue') "
    "JOIN fragment f ON f.annotation_id = a.id WHERE " COUNTED ("a.id") ";",
};

static void
word_count_func (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  sqlite3_result_int64 (context, hearsay_words_count (text, sqlite3_value_bytes (argv[0])));
}

void
hearsay_store_register_functions (sqlite3 *db)
{
  sqlite3_create_function (db, "hearsay_word_count", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, word_count_func, NULL, NULL);
}

static gboolean
fill_spans (HearsayStore  *self,
            GError       **error)
{
  return hearsay_store_exec (self,
                             "INSERT OR IGNORE INTO temp.cmp_bp "
                             "SELECT f.document_id, f.start, f.\"end\", hearsay_word_count (f.exact) FROM temp.cmp_doc c "
                             "JOIN annotation a ON a.document_id = c.id AND a.label = 'boilerplate' "
                             "JOIN fragment f ON f.annotation_id = a.id;"
                             /* Annotations with a fragment inside a boilerplate span… */
                             "INSERT OR IGNORE INTO temp.cmp_excl "
                             "SELECT f.annotation_id FROM temp.cmp_bp b JOIN fragment f "
                             "ON f.document_id = b.document_id AND f.start >= b.start "
                             "AND f.start < b.\"end\" AND f.\"end\" <= b.\"end\";"
                             /* …but not those with a fragment outside every one. */
                             "DELETE FROM temp.cmp_excl WHERE EXISTS (SELECT 1 FROM fragment f "
                             "WHERE f.annotation_id = temp.cmp_excl.id AND NOT EXISTS "
                             "(SELECT 1 FROM temp.cmp_bp b WHERE b.document_id = f.document_id "
                             "AND b.start <= f.start AND b.\"end\" >= f.\"end\"));",
                             error);
}

static gboolean
begin (HearsayStore  *self,
       GError       **error)
{
  if (self->txn_depth == 0 && !hearsay_store_exec (self, "BEGIN;", error))
    return FALSE;
  self->txn_depth++;
  if (!hearsay_store_exec (self,
                           "CREATE TEMP TABLE IF NOT EXISTS cmp_doc "
                           "(id INTEGER PRIMARY KEY, outlet TEXT NOT NULL);"
                           "CREATE TEMP TABLE IF NOT EXISTS cmp_bp (document_id INTEGER, start INTEGER, "
                           "\"end\" INTEGER, words INTEGER, PRIMARY KEY (document_id, start, \"end\")) "
                           "WITHOUT ROWID;"
                           "CREATE TEMP TABLE IF NOT EXISTS cmp_excl (id INTEGER PRIMARY KEY);"
                           "DELETE FROM temp.cmp_doc; DELETE FROM temp.cmp_bp; DELETE FROM temp.cmp_excl;",
                           error))
    {
      hearsay_store_compare_end (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
hearsay_store_compare_begin (HearsayStore  *self,
                             const gint64  *document_ids,
                             guint          n_documents,
                             gint64         event_id,
                             GError       **error)
{
  sqlite3_stmt *stmt;

  if (!begin (self, error))
    return FALSE;
  if (document_ids == NULL)
    {
      stmt = hearsay_store_prepare (self,
                                    "INSERT INTO temp.cmp_doc SELECT id, COALESCE (trim (outlet), '') "
                                    "FROM document WHERE event_id = ?1;", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, event_id);
      if (!hearsay_store_step_done (self, stmt, _("could not read the event’s documents"), error))
        goto fail;
    }
  for (guint i = 0; document_ids != NULL && i < n_documents; i++)
    {
      stmt = hearsay_store_prepare (self,
                                    "INSERT OR REPLACE INTO temp.cmp_doc SELECT id, COALESCE (trim (outlet), '') "
                                    "FROM document WHERE id = ?1;", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, document_ids[i]);
      if (!hearsay_store_step_done (self, stmt, _("could not read the documents"), error))
        goto fail;
      if (sqlite3_changes (self->db) == 0)
        {
          g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                       _("There is no document %" PRId64), document_ids[i]);
          goto fail;
        }
    }
  if (!fill_spans (self, error))
    goto fail;
  return TRUE;

fail:
  hearsay_store_compare_end (self);
  return FALSE;
}

gboolean
hearsay_store_compare_query (HearsayStore             *self,
                             HearsayStoreCompareQuery  query,
                             HearsayStoreRowFunc       func,
                             gpointer                  user_data,
                             GError                  **error)
{
  sqlite3_stmt *stmt;
  const char *texts[8];
  gint64 numbers[8];
  int rc, n;

  g_return_val_if_fail (query < HEARSAY_STORE_COMPARE_N_QUERIES, FALSE);

  stmt = hearsay_store_prepare (self, queries[query], error);
  if (stmt == NULL)
    return FALSE;
  n = MIN (sqlite3_column_count (stmt), (int) G_N_ELEMENTS (texts));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int i = 0; i < n; i++)
        {
          texts[i] = (const char *) sqlite3_column_text (stmt, i);
          numbers[i] = sqlite3_column_int64 (stmt, i);
        }
      func ((guint) n, texts, numbers, user_data);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not compute the comparison"));
      return FALSE;
    }
  return TRUE;
}

void
hearsay_store_compare_end (HearsayStore *self)
{
  g_return_if_fail (self->txn_depth > 0);

  /* Only read (and temporary tables written): ending it never loses an edit. */
  if (self->txn_depth == 1)
    sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  self->txn_depth--;
}
