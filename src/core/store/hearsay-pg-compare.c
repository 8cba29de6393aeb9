/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-pg-compare.c: the sums of the outlet comparison, computed by the
 * server. After the per-document figures are brought up to date
 * (hearsay-pg-compare-refresh.c), one GROUP BY adds the selected
 * documents' compare_count rows per outlet and key; the other rows come
 * from the cached edges and the document fields, as in the file
 * (hearsay-store-compare.c). A read-only project rebuilds the figures in a
 * transaction it rolls back. In a blind project a coder sees only their
 * own layer, and the comparison counts every layer: it is refused them. */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-pg-private.h"

#define NOT_EXCLUDED(id) "NOT EXISTS (SELECT 1 FROM compare_excluded x WHERE x.annotation_id = " id ")"

static const char sums_sql[] =
  "SELECT s.outlet, k.key, s.n FROM (SELECT c.outlet, x.key_id, sum (x.n)::bigint AS n FROM cmp_doc c "
  "JOIN compare_count x ON x.document_id = c.id GROUP BY c.outlet, x.key_id) s "
  "JOIN compare_key k ON k.id = s.key_id ORDER BY s.outlet COLLATE \"C\", k.key COLLATE \"C\";";

static const char size_sql[] =
  "SELECT c.outlet, count(*), coalesce (sum (d.words), 0)::bigint FROM cmp_doc c "
  "LEFT JOIN compare_document d ON d.document_id = c.id GROUP BY c.outlet ORDER BY c.outlet COLLATE \"C\";";

static const char document_frames_sql[] =
  "SELECT c.outlet, f.name, f.value, count(*) FROM cmp_doc c "
  "JOIN document_field f ON f.document_id = c.id AND f.name IN (:frames, :primary_frame) "
  "GROUP BY 1, 2, 3 ORDER BY c.outlet COLLATE \"C\", f.name COLLATE \"C\", f.value COLLATE \"C\";";

static const char chains_sql[] =
  "SELECT c.outlet, e.from_id, fe.name, e.from_text, e.to_id, te.name, e.to_text "
  "FROM cmp_doc c JOIN compare_edge e ON e.document_id = c.id AND e.type = :relayed_by "
  "LEFT JOIN entity fe ON fe.id = e.from_entity_id LEFT JOIN entity te ON te.id = e.to_entity_id "
  "WHERE " NOT_EXCLUDED ("e.to_id") " ORDER BY e.relation_id;";

static const char claim_links_sql[] =
  "SELECT e.type, e.from_id, c.outlet, e.from_text, e.to_id, c2.outlet, e.to_text "
  "FROM cmp_doc c JOIN compare_edge e ON e.document_id = c.id "
  "AND e.type IN (:same_claim_as, :contradicts) JOIN cmp_doc c2 ON c2.id = e.to_document_id "
  "WHERE " NOT_EXCLUDED ("e.to_id") " ORDER BY e.from_id, e.to_id;";

#define TEXT(r, i, column) hearsay_compare_sums_intern (sums, hearsay_pg_get_text (r, i, column))

static gboolean
select_documents (HearsayPgStore  *self,
                  const gint64    *document_ids,
                  guint            n_documents,
                  gint64           event_id,
                  GError         **error)
{
  g_autoptr(PGresult) r = NULL;
  g_autofree char *ids = NULL;
  HearsayPgParams p = { 0 };

  if (!hearsay_pg_exec (self, "CREATE TEMP TABLE IF NOT EXISTS cmp_doc (id bigint PRIMARY KEY, outlet text NOT NULL);"
                        "DELETE FROM cmp_doc;", _("could not compute the comparison"), error))
    return FALSE;
  if (document_ids == NULL)
    {
      hearsay_pg_param_int (&p, event_id);
      r = hearsay_pg_query (self, "INSERT INTO cmp_doc SELECT id, coalesce (trim (outlet), '') FROM document "
                            "WHERE event_id = $1;", &p, _("could not read the event’s documents"), error);
      return r != NULL;
    }
  if (n_documents == 0)
    return TRUE;
  ids = hearsay_pg_int_array (document_ids, n_documents);
  hearsay_pg_param_text (&p, ids);
  r = hearsay_pg_query (self, "INSERT INTO cmp_doc SELECT d.id, coalesce (trim (d.outlet), '') FROM document d "
                        "WHERE d.id = ANY ($1::bigint[]) ON CONFLICT DO NOTHING;", &p,
                        _("could not read the documents"), error);
  if (r == NULL)
    return FALSE;
  g_clear_pointer (&r, PQclear);
  r = hearsay_pg_query (self, "SELECT x FROM unnest ($1::bigint[]) WITH ORDINALITY AS u (x, i) "
                        "WHERE NOT EXISTS (SELECT 1 FROM document WHERE id = x) ORDER BY i LIMIT 1;", &p,
                        _("could not read the documents"), error);
  if (r == NULL)
    return FALSE;
  if (PQntuples (r) > 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no document %" PRId64), hearsay_pg_get_int (r, 0, 0));
      return FALSE;
    }
  return TRUE;
}

/* The entities named by the source and naming keys: id → row of @r. */
static PGresult *
read_entities (HearsayPgStore  *self,
               PGresult        *sums_rows,
               GHashTable      *rows,
               GError         **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *array = NULL;
  HearsayPgParams p = { 0 };
  PGresult *r;

  for (int i = 0; i < PQntuples (sums_rows); i++)
    {
      const char *key = PQgetvalue (sums_rows, i, 1);
      gint64 id;

      if (key[0] != HEARSAY_BAG_SOURCE && key[0] != HEARSAY_BAG_NAMING)
        continue;
      id = g_ascii_strtoll (key + 1, NULL, 10);
      if (id > 0)
        g_array_append_val (ids, id);
    }
  array = hearsay_pg_int_array ((const gint64 *) ids->data, ids->len);
  hearsay_pg_param_text (&p, array);
  r = hearsay_pg_query (self, "SELECT id, name, kind, state_affiliated IS NOT DISTINCT FROM 'yes' FROM entity "
                        "WHERE id = ANY ($1::bigint[]);", &p, _("could not compute the comparison"), error);
  for (int i = 0; r != NULL && i < PQntuples (r); i++)
    g_hash_table_insert (rows, g_memdup2 (&(gint64) { hearsay_pg_get_int (r, i, 0) }, sizeof (gint64)),
                         GINT_TO_POINTER (i + 1));
  return r;
}

static gboolean
read_sums (HearsayPgStore      *self,
           HearsayCompareSums  *sums,
           GError             **error)
{
  g_autoptr(PGresult) r = hearsay_pg_query (self, sums_sql, NULL, _("could not compute the comparison"), error);
  g_autoptr(GHashTable) entity_rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(PGresult) entities = NULL;

  if (r == NULL)
    return FALSE;
  entities = read_entities (self, r, entity_rows, error);
  if (entities == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (r); i++)
    {
      const char *outlet = TEXT (r, i, 0);
      const char *key = PQgetvalue (r, i, 1);
      gint64 n = hearsay_pg_get_int (r, i, 2);
      GArray *counts = NULL;

      switch (key[0])
        {
        case HEARSAY_BAG_LABEL: counts = sums->labels; break;
        case HEARSAY_BAG_ATTRIBUTION: counts = sums->attribution; break;
        case HEARSAY_BAG_TECHNIQUE: counts = sums->techniques; break;
        case HEARSAY_BAG_DIMENSION: counts = sums->dimensions; break;
        case HEARSAY_BAG_WORD: counts = sums->words; break;
        default: break;
        }
      if (counts != NULL)
        {
          HearsaySumCount row = { outlet, hearsay_compare_sums_intern (sums, key + 1), n };

          g_array_append_val (counts, row);
        }
      else if (key[0] == HEARSAY_BAG_SOURCE)
        {
          gint64 id = g_ascii_strtoll (key + 1, NULL, 10);
          int e = id > 0 ? GPOINTER_TO_INT (g_hash_table_lookup (entity_rows, &id)) - 1 : -1;
          HearsaySumSource row = { outlet, NULL, n, 0 };

          if (e >= 0)
            {
              row.kind = TEXT (entities, e, 2);
              row.state = g_str_equal (PQgetvalue (entities, e, 3), "t") ? n : 0;
            }
          g_array_append_val (sums->sources, row);
        }
      else if (key[0] == HEARSAY_BAG_NAMING && strchr (key, '\x1f') != NULL)
        {
          gint64 id = g_ascii_strtoll (key + 1, NULL, 10);
          int e = id > 0 ? GPOINTER_TO_INT (g_hash_table_lookup (entity_rows, &id)) - 1 : -1;
          HearsaySumNaming row = { outlet, id, NULL, NULL, n };

          if (e < 0)
            continue;   /* an entity that is gone */
          row.entity_name = TEXT (entities, e, 1);
          row.form = hearsay_compare_sums_intern (sums, strchr (key, '\x1f') + 1);
          g_array_append_val (sums->naming, row);
        }
    }
  g_array_sort (sums->naming, hearsay_store_compare_naming);
  return TRUE;
}

static gboolean
read_rows (HearsayPgStore            *self,
           HearsayCompareSums        *sums,
           const HearsayCompareKeys  *keys,
           GError                   **error)
{
  g_autoptr(PGresult) size = hearsay_pg_query (self, size_sql, NULL, _("could not compute the comparison"), error);
  g_autoptr(PGresult) frames = NULL, chains = NULL, links = NULL;

  if (size == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (size); i++)
    {
      HearsaySumSize row = { TEXT (size, i, 0), hearsay_pg_get_int (size, i, 1), hearsay_pg_get_int (size, i, 2) };

      g_array_append_val (sums->sizes, row);
    }
  frames = hearsay_pg_query_keys (self, document_frames_sql, keys, error);
  if (frames == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (frames); i++)
    {
      HearsaySumDocumentFrame row = { TEXT (frames, i, 0), TEXT (frames, i, 1), TEXT (frames, i, 2),
                                      hearsay_pg_get_int (frames, i, 3) };

      g_array_append_val (sums->document_frames, row);
    }
  chains = hearsay_pg_query_keys (self, chains_sql, keys, error);
  if (chains == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (chains); i++)
    {
      HearsaySumChainEdge row = { TEXT (chains, i, 0), hearsay_pg_get_int (chains, i, 1), TEXT (chains, i, 2),
                                  TEXT (chains, i, 3), hearsay_pg_get_int (chains, i, 4), TEXT (chains, i, 5),
                                  TEXT (chains, i, 6) };

      g_array_append_val (sums->chain_edges, row);
    }
  links = hearsay_pg_query_keys (self, claim_links_sql, keys, error);
  if (links == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (links); i++)
    {
      HearsaySumClaimLink row = { TEXT (links, i, 0), hearsay_pg_get_int (links, i, 1), TEXT (links, i, 2),
                                  TEXT (links, i, 3), hearsay_pg_get_int (links, i, 4), TEXT (links, i, 5),
                                  TEXT (links, i, 6) };

      g_array_append_val (sums->claim_links, row);
    }
  return TRUE;
}

#undef TEXT

HearsayCompareSums *
hearsay_pg_compare_sums (HearsayStore              *store,
                         const HearsayCompareKeys  *keys,
                         const gint64              *document_ids,
                         guint                      n_documents,
                         gint64                     event_id,
                         GError                   **error)
{
  HearsayPgStore *self = PG (store);
  g_autoptr(HearsayCompareSums) sums = hearsay_compare_sums_new ();
  gboolean read_only = store->read_only;
  gboolean ok;

  g_return_val_if_fail (keys != NULL, NULL);
  if (self->blind && self->role == HEARSAY_MEMBER_ROLE_CODER)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_DENIED,
                   _("This project is coded blind: the comparison counts every coder’s annotations, so "
                     "it is for curators and owners; %s sees only their own layer"), self->user);
      return NULL;
    }
  if (store->txn_depth > 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_BUSY,
                   _("%s: the comparison cannot run inside another change"), store->path);
      return NULL;
    }
  if (self->lost)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_OFFLINE,
                   _("%s cannot be reached: the project is read-only until the server is back"), store->path);
      return NULL;
    }
  if (!read_only && !hearsay_pg_compare_refresh (self, keys, FALSE, error))
    return NULL;
  /* One snapshot for every row; the transaction only reads what is kept. */
  if (!hearsay_pg_exec (self, read_only ? "BEGIN;" : "BEGIN ISOLATION LEVEL REPEATABLE READ;",
                        _("could not compute the comparison"), error))
    return NULL;
  store->txn_depth++;
  ok = (!read_only || hearsay_pg_compare_refresh (self, keys, TRUE, error)) &&
       select_documents (self, document_ids, n_documents, event_id, error) &&
       read_sums (self, sums, error) &&
       read_rows (self, sums, keys, error);
  hearsay_pg_rollback (store);
  return ok ? g_steal_pointer (&sums) : NULL;
}
