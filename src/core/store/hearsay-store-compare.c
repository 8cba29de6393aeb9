/* hearsay-store-compare.c: the queries of the outlet comparison
 * (hearsay-compare.c). A comparison first brings the per-document aggregates
 * up to date (hearsay-store-compare-refresh.c), then runs in one read
 * transaction over the selected documents (temp.cmp_doc): one GROUP BY
 * outlet adds the documents' bags, and each section's rows are read from
 * those sums, from the cached edges, or (document frames) from the fields. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-store-private.h"
#include "hearsay-words.h"

#define NOT_EXCLUDED(id) id " NOT IN (SELECT annotation_id FROM compare_excluded)"

static const char * const queries[HEARSAY_STORE_COMPARE_N_QUERIES] = {
  [HEARSAY_STORE_COMPARE_SIZE] =
    "SELECT c.outlet, count(*), total (d.words) FROM temp.cmp_doc c "
    "LEFT JOIN compare_document d ON d.document_id = c.id GROUP BY c.outlet;",

  [HEARSAY_STORE_COMPARE_DOCUMENT_FRAMES] =
    "SELECT c.outlet, f.name, f.value, count(*) FROM temp.cmp_doc c "
    "JOIN document_field f ON f.document_id = c.id AND f.name IN ('frames', 'primary_frame') "
    "GROUP BY 1, 2, 3;",

  /* Edges "from relayed_by to", with the entity name and text of each end. */
  [HEARSAY_STORE_COMPARE_CHAINS] =
    "SELECT c.outlet, e.from_id, fe.name, e.from_text, e.to_id, te.name, e.to_text "
    "FROM temp.cmp_doc c JOIN compare_edge e ON e.document_id = c.id AND e.type = 'relayed_by' "
    "LEFT JOIN entity fe ON fe.id = e.from_entity_id LEFT JOIN entity te ON te.id = e.to_entity_id "
    "WHERE " NOT_EXCLUDED ("e.to_id") " ORDER BY e.relation_id;",

  /* Claim links whose both ends are in the comparison. */
  [HEARSAY_STORE_COMPARE_CLAIM_LINKS] =
    "SELECT e.type, e.from_id, c.outlet, e.from_text, e.to_id, c2.outlet, e.to_text "
    "FROM temp.cmp_doc c JOIN compare_edge e ON e.document_id = c.id "
    "AND e.type IN ('same_claim_as', 'contradicts') JOIN temp.cmp_doc c2 ON c2.id = e.to_document_id "
    "WHERE " NOT_EXCLUDED ("e.to_id") " ORDER BY e.from_id, e.to_id;",
};

/* The bag section each query reads, or 0 for an SQL query above. */
static const char bag_sections[HEARSAY_STORE_COMPARE_N_QUERIES] = {
  [HEARSAY_STORE_COMPARE_LABELS] = HEARSAY_BAG_LABEL,
  [HEARSAY_STORE_COMPARE_ATTRIBUTION] = HEARSAY_BAG_ATTRIBUTION,
  [HEARSAY_STORE_COMPARE_SOURCES] = HEARSAY_BAG_SOURCE,
  [HEARSAY_STORE_COMPARE_PERSUASION] = HEARSAY_BAG_TECHNIQUE,
  [HEARSAY_STORE_COMPARE_FRAME_CUES] = HEARSAY_BAG_DIMENSION,
  [HEARSAY_STORE_COMPARE_NAMING] = HEARSAY_BAG_NAMING,
  [HEARSAY_STORE_COMPARE_WORDS] = HEARSAY_BAG_WORD,
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
  hearsay_store_register_bag_functions (db);
}

typedef struct
{
  const char *key;  /* section character, then the key */
  gint64 n;
} KeyCount;

typedef struct
{
  char *outlet;
  GArray *counts;   /* KeyCount */
} OutletSum;

static void
outlet_sum_free (OutletSum *sum)
{
  g_free (sum->outlet);
  g_array_unref (sum->counts);
  g_free (sum);
}

typedef struct
{
  HearsayStore *store;
  OutletSum *sum;
  GHashTable *keys;  /* key number → text */
  GError **error;
  gboolean failed;
} Decode;

static void
decode_entry (guint32  number,
              gint64   n,
              gpointer data)
{
  Decode *d = data;
  const char *key = g_hash_table_lookup (d->keys, GUINT_TO_POINTER (number));
  KeyCount entry;

  if (key == NULL && !d->failed)
    {
      sqlite3_stmt *stmt = hearsay_store_prepare (d->store, "SELECT key FROM compare_key WHERE id = ?1;",
                                                  d->error);

      if (stmt == NULL)
        {
          d->failed = TRUE;
          return;
        }
      sqlite3_bind_int64 (stmt, 1, number);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          key = g_strdup (hearsay_store_column_text (stmt, 0));
          g_hash_table_insert (d->keys, GUINT_TO_POINTER (number), (gpointer) key);
        }
      sqlite3_reset (stmt);
    }
  if (key == NULL || *key == '\0')
    return;
  entry.key = key;
  entry.n = n;
  g_array_append_val (d->sum->counts, entry);
}

static gboolean
begin (HearsayStore  *self,
       GError       **error)
{
  gboolean shadow;

  if (!hearsay_store_compare_refresh (self, &shadow, error))
    return FALSE;
  self->compare_shadow = shadow;
  if (self->txn_depth == 0 && !hearsay_store_exec (self, "BEGIN;", error))
    {
      if (shadow)
        hearsay_store_compare_drop_shadow (self);
      self->compare_shadow = FALSE;
      return FALSE;
    }
  self->txn_depth++;
  if (!hearsay_store_exec (self,
                           "CREATE TEMP TABLE IF NOT EXISTS cmp_doc "
                           "(id INTEGER PRIMARY KEY, outlet TEXT NOT NULL);"
                           /* Summing per outlet along this index needs no sort of the bags. */
                           "CREATE INDEX IF NOT EXISTS temp.cmp_doc_outlet ON cmp_doc (outlet, id);"
                           "DELETE FROM temp.cmp_doc;",
                           error))
    {
      hearsay_store_compare_end (self);
      return FALSE;
    }
  return TRUE;
}

/* Adds the bags of the selected documents, one sum per outlet, and names
 * their keys. */
static gboolean
sum_bags (HearsayStore  *self,
          GError       **error)
{
  Decode d = { self, NULL, NULL, error, FALSE };
  sqlite3_stmt *stmt;
  int rc;

  stmt = hearsay_store_prepare (self,
                                "SELECT c.outlet, hearsay_bag_sum (d.bag) FROM temp.cmp_doc c "
                                "JOIN compare_document d ON d.document_id = c.id GROUP BY c.outlet;",
                                error);
  if (stmt == NULL)
    return FALSE;
  self->compare_sums = g_ptr_array_new_with_free_func ((GDestroyNotify) outlet_sum_free);
  self->compare_keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  d.keys = self->compare_keys;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutletSum *sum = g_new0 (OutletSum, 1);
      g_autoptr(GBytes) bag = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      gsize length;
      const guint8 *data = g_bytes_get_data (bag, &length);

      sum->outlet = g_strdup (hearsay_store_column_text (stmt, 0));
      sum->counts = g_array_new (FALSE, FALSE, sizeof (KeyCount));
      g_ptr_array_add (self->compare_sums, sum);
      d.sum = sum;
      /* The key lookups run while this statement is open: they use others. */
      if (!hearsay_bag_foreach (data, length, decode_entry, &d) && !d.failed)
        {
          sqlite3_reset (stmt);
          g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                       _("%s: a stored comparison figure is damaged"), self->path);
          return FALSE;
        }
      if (d.failed)
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not compute the comparison"));
      return FALSE;
    }
  return TRUE;
}

/* Names the first of @document_ids that is not in the project. */
static gboolean
report_missing (HearsayStore  *self,
                const gint64  *document_ids,
                guint          n_documents,
                GError       **error)
{
  for (guint i = 0; i < n_documents; i++)
    {
      sqlite3_stmt *stmt = hearsay_store_prepare (self, "SELECT 1 FROM document WHERE id = ?1;", error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, document_ids[i]);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        {
          g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                       _("There is no document %" PRId64), document_ids[i]);
          return FALSE;
        }
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
  if (document_ids != NULL && n_documents > 0)
    {
      /* One statement for the whole selection: the ids as a JSON array. */
      g_autoptr(GString) json = g_string_new ("[");
      g_autoptr(GHashTable) distinct = g_hash_table_new (g_int64_hash, g_int64_equal);

      for (guint i = 0; i < n_documents; i++)
        {
          g_string_append_printf (json, "%s%" PRId64, i > 0 ? "," : "", document_ids[i]);
          g_hash_table_add (distinct, (gpointer) &document_ids[i]);
        }
      g_string_append_c (json, ']');
      stmt = hearsay_store_prepare (self,
                                    "INSERT OR IGNORE INTO temp.cmp_doc SELECT d.id, COALESCE (trim (d.outlet), '') "
                                    "FROM json_each (?1) j JOIN document d ON d.id = j.value;", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, json->str, json->len, SQLITE_TRANSIENT);
      if (!hearsay_store_step_done (self, stmt, _("could not read the documents"), error))
        goto fail;
      if ((guint) sqlite3_changes (self->db) != g_hash_table_size (distinct) &&
          !report_missing (self, document_ids, n_documents, error))
        goto fail;
    }
  if (!sum_bags (self, error))
    goto fail;
  return TRUE;

fail:
  hearsay_store_compare_end (self);
  return FALSE;
}

typedef struct
{
  char section;
  const char *outlet;
  HearsayStoreRowFunc func;
  gpointer user_data;
  GArray *entries;  /* Entry, for the sections sorted or joined in C */
} Emit;

typedef struct
{
  const char *outlet;
  gint64 entity_id;
  char *key;        /* the form (naming), NULL otherwise */
  gint64 n;
  const char *name; /* the entity's name or kind */
  gboolean state;
} Entry;

static void
emit_count (Emit       *emit,
            const char *key,
            gint64      n)
{
  const char *texts[3] = { emit->outlet, key + 1, NULL };
  gint64 numbers[3] = { 0, 0, n };

  if (key[0] != emit->section)
    return;
  if (emit->entries == NULL)
    {
      emit->func (3, texts, numbers, emit->user_data);
      return;
    }
  else
    {
      Entry entry = { emit->outlet, g_ascii_strtoll (key + 1, NULL, 10), NULL, n, NULL, FALSE };
      const char *separator = strchr (key, '\x1f');

      if (emit->section == HEARSAY_BAG_NAMING)
        {
          if (separator == NULL)
            return;
          entry.key = g_strdup (separator + 1);
        }
      g_array_append_val (emit->entries, entry);
    }
}

static void
entry_clear (gpointer data)
{
  g_free (((Entry *) data)->key);
}

static int
compare_naming (gconstpointer a,
                gconstpointer b)
{
  const Entry *x = a, *y = b;
  int c = g_strcmp0 (x->name, y->name);

  if (c == 0)
    c = (x->entity_id > y->entity_id) - (x->entity_id < y->entity_id);
  if (c == 0)
    c = strcmp (x->outlet, y->outlet);
  if (c == 0)
    c = (x->n < y->n) - (x->n > y->n);
  return c != 0 ? c : strcmp (x->key, y->key);
}

/* Looks up each entry's entity: its name (naming) or kind and state. */
static gboolean
join_entities (HearsayStore  *self,
               GArray        *entries,
               gboolean       naming,
               GStringChunk  *strings,
               GError       **error)
{
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      sqlite3_stmt *stmt;
      int rc;

      if (entry->entity_id <= 0)
        continue;
      stmt = hearsay_store_prepare (self, "SELECT name, kind, state_affiliated IS 'yes' FROM entity "
                                    "WHERE id = ?1;", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, entry->entity_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          entry->name = g_string_chunk_insert_const (strings, hearsay_store_column_text (stmt, naming ? 0 : 1));
          entry->state = sqlite3_column_int (stmt, 2) != 0;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          hearsay_store_set_error (self, error, _("could not compute the comparison"));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
query_bags (HearsayStore         *self,
            char                  section,
            HearsayStoreRowFunc   func,
            gpointer              user_data,
            GError              **error)
{
  g_autoptr(GArray) entries = NULL;
  g_autoptr(GStringChunk) strings = g_string_chunk_new (1024);
  Emit emit = { section, NULL, func, user_data, NULL };

  if (section == HEARSAY_BAG_SOURCE || section == HEARSAY_BAG_NAMING)
    {
      entries = g_array_new (FALSE, FALSE, sizeof (Entry));
      g_array_set_clear_func (entries, entry_clear);
      emit.entries = entries;
    }
  for (guint i = 0; i < self->compare_sums->len; i++)
    {
      OutletSum *sum = g_ptr_array_index (self->compare_sums, i);

      emit.outlet = sum->outlet;
      for (guint k = 0; k < sum->counts->len; k++)
        emit_count (&emit, g_array_index (sum->counts, KeyCount, k).key,
                    g_array_index (sum->counts, KeyCount, k).n);
    }
  if (entries == NULL)
    return TRUE;
  if (!join_entities (self, entries, section == HEARSAY_BAG_NAMING, strings, error))
    return FALSE;
  if (section == HEARSAY_BAG_NAMING)
    g_array_sort (entries, compare_naming);
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      g_autofree char *id = g_strdup_printf ("%" PRId64, e->entity_id);

      if (section == HEARSAY_BAG_NAMING)
        {
          const char *texts[5] = { e->outlet, id, e->name, e->key, NULL };
          gint64 numbers[5] = { 0, e->entity_id, 0, 0, e->n };

          if (e->name != NULL)
            func (5, texts, numbers, user_data);
        }
      else
        {
          const char *texts[4] = { e->outlet, e->name, NULL, NULL };
          gint64 numbers[4] = { 0, 0, e->n, e->state ? e->n : 0 };

          func (4, texts, numbers, user_data);
        }
    }
  return TRUE;
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
  g_return_val_if_fail (self->compare_sums != NULL, FALSE);

  if (bag_sections[query] != 0)
    return query_bags (self, bag_sections[query], func, user_data, error);
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

  g_clear_pointer (&self->compare_sums, g_ptr_array_unref);
  g_clear_pointer (&self->compare_keys, g_hash_table_unref);
  /* Only read (and temporary tables written): ending it never loses an edit. */
  if (self->txn_depth == 1)
    sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  self->txn_depth--;
  if (self->compare_shadow)
    hearsay_store_compare_drop_shadow (self);
  self->compare_shadow = FALSE;
}
