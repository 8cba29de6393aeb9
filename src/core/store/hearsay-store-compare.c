/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-compare.c: the sums of the outlet comparison. A comparison
 * first brings the per-document aggregates up to date
 * (hearsay-store-compare-refresh.c), then reads in one transaction over the
 * selected documents (temp.cmp_doc): one GROUP BY outlet adds the
 * documents' bags, and each kind of row is read from those sums, from the
 * cached edges, or (document frames) from the fields, into typed rows. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-store-private.h"

#define NOT_EXCLUDED(id) id " NOT IN (SELECT annotation_id FROM compare_excluded)"

static const char size_sql[] =
  "SELECT c.outlet, count(*), total (d.words) FROM temp.cmp_doc c "
  "LEFT JOIN compare_document d ON d.document_id = c.id GROUP BY c.outlet;";

static const char document_frames_sql[] =
  "SELECT c.outlet, f.name, f.value, count(*) FROM temp.cmp_doc c "
  "JOIN document_field f ON f.document_id = c.id AND f.name IN (:frames, :primary_frame) "
  "GROUP BY 1, 2, 3;";

/* Edges "from relayed_by to", with the entity name and text of each end. */
static const char chains_sql[] =
  "SELECT c.outlet, e.from_id, fe.name, e.from_text, e.to_id, te.name, e.to_text "
  "FROM temp.cmp_doc c JOIN compare_edge e ON e.document_id = c.id AND e.type = :relayed_by "
  "LEFT JOIN entity fe ON fe.id = e.from_entity_id LEFT JOIN entity te ON te.id = e.to_entity_id "
  "WHERE " NOT_EXCLUDED ("e.to_id") " ORDER BY e.relation_id;";

/* Claim links whose both ends are in the comparison. */
static const char claim_links_sql[] =
  "SELECT e.type, e.from_id, c.outlet, e.from_text, e.to_id, c2.outlet, e.to_text "
  "FROM temp.cmp_doc c JOIN compare_edge e ON e.document_id = c.id "
  "AND e.type IN (:same_claim_as, :contradicts) JOIN temp.cmp_doc c2 ON c2.id = e.to_document_id "
  "WHERE " NOT_EXCLUDED ("e.to_id") " ORDER BY e.from_id, e.to_id;";

typedef struct
{
  const char *key;  /* section character, then the key */
  gint64 n;
} KeyCount;

typedef struct
{
  const char *outlet;
  GArray *counts;   /* KeyCount */
} OutletSum;

static void
outlet_sum_free (OutletSum *sum)
{
  g_array_unref (sum->counts);
  g_free (sum);
}

typedef struct
{
  HearsayStore *store;
  HearsayCompareSums *sums;
  GPtrArray *outlet_sums;  /* OutletSum * */
  GHashTable *keys;        /* key number → text (in sums->strings) */
} Compare;

typedef struct
{
  Compare *c;
  OutletSum *sum;
  GError **error;
  gboolean failed;
} Decode;

static void
decode_entry (guint32  number,
              gint64   n,
              gpointer data)
{
  Decode *d = data;
  const char *key = g_hash_table_lookup (d->c->keys, GUINT_TO_POINTER (number));
  KeyCount entry;

  if (key == NULL && !d->failed)
    {
      sqlite3_stmt *stmt = hearsay_store_prepare (d->c->store, "SELECT key FROM compare_key WHERE id = ?1;",
                                                  d->error);

      if (stmt == NULL)
        {
          d->failed = TRUE;
          return;
        }
      sqlite3_bind_int64 (stmt, 1, number);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          key = hearsay_compare_sums_intern (d->c->sums, hearsay_store_column_text (stmt, 0));
          g_hash_table_insert (d->c->keys, GUINT_TO_POINTER (number), (gpointer) key);
        }
      sqlite3_reset (stmt);
    }
  if (key == NULL || *key == '\0')
    return;
  entry.key = key;
  entry.n = n;
  g_array_append_val (d->sum->counts, entry);
}

/* Opens the read transaction (after the refresh, which writes). */
static gboolean
begin (HearsayStore              *self,
       const HearsayCompareKeys  *keys,
       gboolean                  *shadow,
       GError                   **error)
{
  if (!hearsay_store_compare_refresh (self, keys, shadow, error))
    return FALSE;
  if (self->txn_depth == 0 && !hearsay_store_exec (self, "BEGIN;", error))
    {
      if (*shadow)
        hearsay_store_compare_drop_shadow (self);
      *shadow = FALSE;
      return FALSE;
    }
  self->txn_depth++;
  return TRUE;
}

static void
end (HearsayStore *self,
     gboolean      shadow)
{
  /* Only read (and temporary tables written): ending it never loses an edit. */
  if (self->txn_depth == 1)
    sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  self->txn_depth--;
  if (shadow)
    hearsay_store_compare_drop_shadow (self);
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

static gboolean
select_documents (HearsayStore  *self,
                  const gint64  *document_ids,
                  guint          n_documents,
                  gint64         event_id,
                  GError       **error)
{
  sqlite3_stmt *stmt;

  if (!hearsay_store_exec (self,
                           "CREATE TEMP TABLE IF NOT EXISTS cmp_doc "
                           "(id INTEGER PRIMARY KEY, outlet TEXT NOT NULL);"
                           /* Summing per outlet along this index needs no sort of the bags. */
                           "CREATE INDEX IF NOT EXISTS temp.cmp_doc_outlet ON cmp_doc (outlet, id);"
                           "DELETE FROM temp.cmp_doc;",
                           error))
    return FALSE;
  if (document_ids == NULL)
    {
      stmt = hearsay_store_prepare (self,
                                    "INSERT INTO temp.cmp_doc SELECT id, COALESCE (trim (outlet), '') "
                                    "FROM document WHERE event_id = ?1;", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, event_id);
      return hearsay_store_step_done (self, stmt, _("could not read the event’s documents"), error);
    }
  if (n_documents > 0)
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
        return FALSE;
      sqlite3_bind_text (stmt, 1, json->str, json->len, SQLITE_TRANSIENT);
      if (!hearsay_store_step_done (self, stmt, _("could not read the documents"), error))
        return FALSE;
      if ((guint) sqlite3_changes (self->db) != g_hash_table_size (distinct) &&
          !report_missing (self, document_ids, n_documents, error))
        return FALSE;
    }
  return TRUE;
}

/* Adds the bags of the selected documents, one sum per outlet, and names
 * their keys. */
static gboolean
sum_bags (Compare  *c,
          GError  **error)
{
  Decode d = { c, NULL, error, FALSE };
  sqlite3_stmt *stmt;
  int rc;

  stmt = hearsay_store_prepare (c->store,
                                "SELECT c.outlet, hearsay_bag_sum (d.bag) FROM temp.cmp_doc c "
                                "JOIN compare_document d ON d.document_id = c.id GROUP BY c.outlet;",
                                error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OutletSum *sum = g_new0 (OutletSum, 1);
      g_autoptr(GBytes) bag = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
      gsize length;
      const guint8 *data = g_bytes_get_data (bag, &length);

      sum->outlet = hearsay_compare_sums_intern (c->sums, hearsay_store_column_text (stmt, 0));
      sum->counts = g_array_new (FALSE, FALSE, sizeof (KeyCount));
      g_ptr_array_add (c->outlet_sums, sum);
      d.sum = sum;
      /* The key lookups run while this statement is open: they use others. */
      if (!hearsay_bag_foreach (data, length, decode_entry, &d) && !d.failed)
        {
          sqlite3_reset (stmt);
          g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                       _("%s: a stored comparison figure is damaged"), c->store->path);
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
      hearsay_store_set_error (c->store, error, _("could not compute the comparison"));
      return FALSE;
    }
  return TRUE;
}

/* The counts of one bag section, per outlet, as HearsaySumCount rows. */
static void
read_counts (Compare *c,
             char     section,
             GArray  *rows)
{
  for (guint i = 0; i < c->outlet_sums->len; i++)
    {
      OutletSum *sum = g_ptr_array_index (c->outlet_sums, i);

      for (guint k = 0; k < sum->counts->len; k++)
        {
          const KeyCount *e = &g_array_index (sum->counts, KeyCount, k);
          HearsaySumCount row = { sum->outlet, NULL, e->n };

          if (e->key[0] != section)
            continue;
          row.key = hearsay_compare_sums_intern (c->sums, e->key + 1);
          g_array_append_val (rows, row);
        }
    }
}

/* An entity's name, kind and whether it is state-affiliated. */
static gboolean
lookup_entity (Compare      *c,
               gint64        id,
               const char  **name,
               const char  **kind,
               gboolean     *state,
               GError      **error)
{
  sqlite3_stmt *stmt = hearsay_store_prepare (c->store, "SELECT name, kind, state_affiliated IS 'yes' "
                                              "FROM entity WHERE id = ?1;", error);
  int rc;

  *name = *kind = NULL;
  *state = FALSE;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *name = hearsay_compare_sums_intern (c->sums, hearsay_store_column_text (stmt, 0));
      *kind = hearsay_compare_sums_intern (c->sums, hearsay_store_column_text (stmt, 1));
      *state = sqlite3_column_int (stmt, 2) != 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      hearsay_store_set_error (c->store, error, _("could not compute the comparison"));
      return FALSE;
    }
  return TRUE;
}

/* Source mentions per outlet and kind of the entity they are linked to. */
static gboolean
read_sources (Compare  *c,
              GError  **error)
{
  for (guint i = 0; i < c->outlet_sums->len; i++)
    {
      OutletSum *sum = g_ptr_array_index (c->outlet_sums, i);

      for (guint k = 0; k < sum->counts->len; k++)
        {
          const KeyCount *e = &g_array_index (sum->counts, KeyCount, k);
          HearsaySumSource row = { sum->outlet, NULL, e->n, 0 };
          gint64 entity_id;
          const char *name;
          gboolean state;

          if (e->key[0] != HEARSAY_BAG_SOURCE)
            continue;
          entity_id = g_ascii_strtoll (e->key + 1, NULL, 10);
          if (entity_id > 0)
            {
              if (!lookup_entity (c, entity_id, &name, &row.kind, &state, error))
                return FALSE;
              row.state = state ? e->n : 0;
            }
          g_array_append_val (c->sums->sources, row);
        }
    }
  return TRUE;
}

int
hearsay_store_compare_naming (gconstpointer a,
                              gconstpointer b)
{
  const HearsaySumNaming *x = a, *y = b;
  int c = g_strcmp0 (x->entity_name, y->entity_name);

  if (c == 0)
    c = (x->entity_id > y->entity_id) - (x->entity_id < y->entity_id);
  if (c == 0)
    c = strcmp (x->outlet, y->outlet);
  if (c == 0)
    c = (x->mentions < y->mentions) - (x->mentions > y->mentions);
  return c != 0 ? c : strcmp (x->form, y->form);
}

/* Surface forms per entity and outlet; entities that are gone are left out. */
static gboolean
read_naming (Compare  *c,
             GError  **error)
{
  GArray *rows = c->sums->naming;

  for (guint i = 0; i < c->outlet_sums->len; i++)
    {
      OutletSum *sum = g_ptr_array_index (c->outlet_sums, i);

      for (guint k = 0; k < sum->counts->len; k++)
        {
          const KeyCount *e = &g_array_index (sum->counts, KeyCount, k);
          const char *separator = strchr (e->key, '\x1f');
          HearsaySumNaming row = { sum->outlet, 0, NULL, NULL, e->n };
          const char *kind;
          gboolean state;

          if (e->key[0] != HEARSAY_BAG_NAMING || separator == NULL)
            continue;
          row.entity_id = g_ascii_strtoll (e->key + 1, NULL, 10);
          row.form = hearsay_compare_sums_intern (c->sums, separator + 1);
          if (row.entity_id <= 0 || !lookup_entity (c, row.entity_id, &row.entity_name, &kind, &state, error))
            {
              if (row.entity_id <= 0)
                continue;
              return FALSE;
            }
          if (row.entity_name != NULL)
            g_array_append_val (rows, row);
        }
    }
  g_array_sort (rows, hearsay_store_compare_naming);
  return TRUE;
}

/* Runs @sql (with the keys bound) and gives each row to @func. */
static gboolean
read_rows (Compare                   *c,
           const char                *sql,
           const HearsayCompareKeys  *keys,
           void                     (*func) (Compare *c, sqlite3_stmt *stmt),
           GError                   **error)
{
  sqlite3_stmt *stmt = hearsay_store_prepare (c->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  hearsay_store_bind_keys (stmt, keys);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (c, stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (c->store, error, _("could not compute the comparison"));
      return FALSE;
    }
  return TRUE;
}

#define TEXT(column) hearsay_compare_sums_intern (c->sums, hearsay_store_column_text (stmt, column))

static void
on_size (Compare      *c,
         sqlite3_stmt *stmt)
{
  HearsaySumSize row = { TEXT (0), sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2) };

  if (row.outlet == NULL)
    row.outlet = hearsay_compare_sums_intern (c->sums, "");
  g_array_append_val (c->sums->sizes, row);
}

static void
on_document_frame (Compare      *c,
                   sqlite3_stmt *stmt)
{
  HearsaySumDocumentFrame row = { TEXT (0), TEXT (1), TEXT (2), sqlite3_column_int64 (stmt, 3) };

  g_array_append_val (c->sums->document_frames, row);
}

static void
on_chain_edge (Compare      *c,
               sqlite3_stmt *stmt)
{
  HearsaySumChainEdge row = { TEXT (0), sqlite3_column_int64 (stmt, 1), TEXT (2), TEXT (3),
                              sqlite3_column_int64 (stmt, 4), TEXT (5), TEXT (6) };

  g_array_append_val (c->sums->chain_edges, row);
}

static void
on_claim_link (Compare      *c,
               sqlite3_stmt *stmt)
{
  HearsaySumClaimLink row = { TEXT (0), sqlite3_column_int64 (stmt, 1), TEXT (2), TEXT (3),
                              sqlite3_column_int64 (stmt, 4), TEXT (5), TEXT (6) };

  g_array_append_val (c->sums->claim_links, row);
}

#undef TEXT

static gboolean
read_sums (Compare                   *c,
           const HearsayCompareKeys  *keys,
           GError                   **error)
{
  gboolean ok = sum_bags (c, error) && read_rows (c, size_sql, keys, on_size, error);

  if (ok)
    {
      read_counts (c, HEARSAY_BAG_LABEL, c->sums->labels);
      read_counts (c, HEARSAY_BAG_ATTRIBUTION, c->sums->attribution);
      read_counts (c, HEARSAY_BAG_TECHNIQUE, c->sums->techniques);
      read_counts (c, HEARSAY_BAG_DIMENSION, c->sums->dimensions);
      read_counts (c, HEARSAY_BAG_WORD, c->sums->words);
    }
  return ok && read_sources (c, error) &&
         read_rows (c, document_frames_sql, keys, on_document_frame, error) &&
         read_naming (c, error) &&
         read_rows (c, chains_sql, keys, on_chain_edge, error) &&
         read_rows (c, claim_links_sql, keys, on_claim_link, error);
}

HearsayCompareSums *
hearsay_store_compare_layer_sums (HearsayStore              *self,
                                  const HearsayCompareKeys  *keys,
                                  const char                *coder,
                                  const gint64              *document_ids,
                                  guint                      n_documents,
                                  gint64                     event_id,
                                  GError                   **error)
{
  HEARSAY_STORE_DISPATCH (self, compare_layer_sums, (self, keys, coder, document_ids, n_documents, event_id, error));
  g_autoptr(HearsayCompareSums) sums = hearsay_compare_sums_new ();
  g_autoptr(GPtrArray) outlet_sums = g_ptr_array_new_with_free_func ((GDestroyNotify) outlet_sum_free);
  g_autoptr(GHashTable) key_texts = g_hash_table_new (NULL, NULL);
  Compare c = { self, sums, outlet_sums, key_texts };
  sqlite3_stmt *stmt;
  gint64 annotator_id = 0;
  gboolean ok;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (keys != NULL, NULL);

  if (coder == NULL)
    return hearsay_store_compare_sums (self, keys, document_ids, n_documents, event_id, error);
  stmt = hearsay_store_prepare (self, "SELECT id FROM annotator WHERE name = ?1;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, coder, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    annotator_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (annotator_id <= 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no coder “%s” in %s"), coder, self->path);
      return NULL;
    }
  /* A read transaction; the layer's figures go to temporary tables only. */
  if (self->txn_depth == 0 && !hearsay_store_exec (self, "BEGIN;", error))
    return NULL;
  self->txn_depth++;
  ok = select_documents (self, document_ids, n_documents, event_id, error) &&
       hearsay_store_compare_build_layer (self, keys, annotator_id, error) &&
       read_sums (&c, keys, error);
  end (self, TRUE);
  return ok ? g_steal_pointer (&sums) : NULL;
}

HearsayCompareSums *
hearsay_store_compare_sums (HearsayStore              *self,
                            const HearsayCompareKeys  *keys,
                            const gint64              *document_ids,
                            guint                      n_documents,
                            gint64                     event_id,
                            GError                   **error)
{
  HEARSAY_STORE_DISPATCH (self, compare_sums, (self, keys, document_ids, n_documents, event_id, error));
  g_autoptr(HearsayCompareSums) sums = hearsay_compare_sums_new ();
  g_autoptr(GPtrArray) outlet_sums = g_ptr_array_new_with_free_func ((GDestroyNotify) outlet_sum_free);
  g_autoptr(GHashTable) key_texts = g_hash_table_new (NULL, NULL);
  Compare c = { self, sums, outlet_sums, key_texts };
  gboolean shadow = FALSE;
  gboolean ok;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (keys != NULL, NULL);

  if (!begin (self, keys, &shadow, error))
    return NULL;
  ok = select_documents (self, document_ids, n_documents, event_id, error) &&
       read_sums (&c, keys, error);
  end (self, shadow);
  return ok ? g_steal_pointer (&sums) : NULL;
}
