/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-pg-team.c: team annotation on a server — the coders, the layers
 * as compact rows, curation's marks, the merge bases of coders' copies and
 * the comparison on one layer (schema step 6, as hearsay-store-coders.c,
 * hearsay-store-layers.c and hearsay-store-team.c for a file). What a
 * member reads is what row-level security lets them: a coder of a blind
 * project gets their own layer only. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hearsay-error.h"
#include "hearsay-pg-private.h"

GPtrArray *
hearsay_pg_list_coders (HearsayStore  *store,
                        GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PGresult) r = NULL;

  r = hearsay_pg_query (PG (store),
                        "SELECT an.id, an.name, an.color, an.role, "
                        "(SELECT count(*) FROM annotation a WHERE a.annotator_id = an.id) "
                        "FROM annotator an ORDER BY an.id;", NULL, _("could not read the coders"), error);
  if (r == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    {
      HearsayCoderRole role = HEARSAY_CODER_ROLE_CODER;
      HearsayCoder *coder;

      hearsay_coder_role_from_string (hearsay_pg_get_text (r, i, 3), &role);
      coder = hearsay_coder_new (PQgetvalue (r, i, 1), role);
      hearsay_coder_set_id (coder, hearsay_pg_get_int (r, i, 0));
      hearsay_coder_set_color (coder, hearsay_pg_get_text (r, i, 2));
      hearsay_coder_set_n_annotations (coder, (guint) MIN (hearsay_pg_get_int (r, i, 4), G_MAXUINT));
      g_ptr_array_add (list, coder);
    }
  return g_steal_pointer (&list);
}

gboolean
hearsay_pg_save_coder (HearsayStore  *store,
                       HearsayCoder  *coder,
                       GError       **error)
{
  HearsayPgStore *self = PG (store);
  const char *role = hearsay_coder_role_to_string (hearsay_coder_get_role (coder));
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) taken = NULL;
  g_autoptr(PGresult) r = NULL;

  if (!hearsay_pg_check_writable (self, error))
    return FALSE;
  hearsay_pg_param_int (&p, hearsay_coder_get_id (coder));
  hearsay_pg_param_text (&p, hearsay_coder_get_name (coder));
  hearsay_pg_param_text (&p, hearsay_coder_get_color (coder));
  hearsay_pg_param_text (&p, role);
  /* The rules the unique indexes keep, said by name. */
  taken = hearsay_pg_query (self,
                            "SELECT EXISTS (SELECT 1 FROM annotator WHERE name = $2 AND id <> $1), "
                            "EXISTS (SELECT 1 FROM annotator WHERE role = 'gold' AND $4 = 'gold' AND id <> $1), "
                            "$3::text IS NULL;",
                            &p, _("could not save the coder"), error);
  if (taken == NULL)
    return FALSE;
  if (g_str_equal (PQgetvalue (taken, 0, 0), "t"))
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_EXISTS,
                   _("There is already a coder named “%s” in %s"), hearsay_coder_get_name (coder),
                   store->path);
      return FALSE;
    }
  if (g_str_equal (PQgetvalue (taken, 0, 1), "t"))
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_EXISTS,
                   _("%s has a gold layer already: a project has one"), store->path);
      return FALSE;
    }
  if (hearsay_coder_get_id (coder) <= 0)
    r = hearsay_pg_query (self, "INSERT INTO annotator (name, color, role) "
                          "SELECT $2, $3, $4 WHERE $1 <= 0 RETURNING id;",
                          &p, _("could not save the coder"), error);
  else
    r = hearsay_pg_query (self, "UPDATE annotator SET name = $2, color = $3, role = $4 WHERE id = $1 "
                          "RETURNING id;", &p, _("could not save the coder"), error);
  if (r == NULL)
    return FALSE;
  /* A rename: the names this connection knows may be stale. */
  g_hash_table_remove_all (self->annotators);
  if (PQntuples (r) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no coder %" PRId64 " in %s"), hearsay_coder_get_id (coder), store->path);
      return FALSE;
    }
  hearsay_coder_set_id (coder, hearsay_pg_get_int (r, 0, 0));
  return TRUE;
}

static gboolean
read_coders (HearsayPgStore      *self,
             HearsayLayerRows    *rows,
             const char * const  *names,
             GHashTable          *index,
             GArray              *ids,
             GError             **error)
{
  g_autoptr(PGresult) r = hearsay_pg_query (self, "SELECT id, name, color, role FROM annotator "
                                            "ORDER BY name COLLATE \"C\";", NULL,
                                            _("could not read the coders"), error);

  if (r == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (r); i++)
    {
      const char *name = PQgetvalue (r, i, 1);
      HearsayCoderRole role = HEARSAY_CODER_ROLE_CODER;
      HearsayCoder *coder;
      gint64 id = hearsay_pg_get_int (r, i, 0);

      if (names != NULL && !g_strv_contains (names, name))
        continue;
      hearsay_coder_role_from_string (hearsay_pg_get_text (r, i, 3), &role);
      coder = hearsay_coder_new (name, role);
      hearsay_coder_set_id (coder, id);
      hearsay_coder_set_color (coder, hearsay_pg_get_text (r, i, 2));
      g_hash_table_insert (index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (rows->coders->len + 1));
      g_array_append_val (ids, id);
      g_ptr_array_add (rows->coders, coder);
    }
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (hearsay_layer_rows_find_coder (rows, names[i]) < 0)
      {
        g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                     _("There is no coder “%s” in %s"), names[i], self->base.path);
        return FALSE;
      }
  return TRUE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The documents (by id), then their rows of the layers in @index: a few
 * statements over the whole selection rather than a few per document. */
static gboolean
read_rows (HearsayPgStore         *self,
           HearsayLayerRows       *rows,
           const gint64           *document_ids,
           guint                   n_documents,
           GHashTable             *index,
           GArray                 *coder_ids,
           HearsayLayerReadFlags   flags,
           GError                **error)
{
  g_autofree char *docs = NULL;
  g_autofree char *coders = hearsay_pg_int_array ((const gint64 *) coder_ids->data, coder_ids->len);
  g_autoptr(PGresult) r = NULL;
  HearsayPgParams p = { 0 };
  const char *last_label = NULL;

  if (document_ids != NULL)
    {
      g_autofree gint64 *sorted = g_memdup2 (document_ids, MAX (n_documents, 1) * sizeof *document_ids);

      qsort (sorted, n_documents, sizeof *sorted, compare_ids);
      docs = hearsay_pg_int_array (sorted, n_documents);
    }
  hearsay_pg_param_text (&p, docs);
  r = hearsay_pg_query (self, "SELECT id, length, title, coalesce (trim (outlet), '') FROM document "
                        "WHERE $1::bigint[] IS NULL OR id = ANY ($1::bigint[]) ORDER BY id;",
                        &p, _("could not read the documents"), error);
  if (r == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (r); i++)
    {
      HearsayLayerDocument doc;

      doc.id = hearsay_pg_get_int (r, i, 0);
      doc.length = hearsay_pg_get_int (r, i, 1);
      doc.title = hearsay_layer_rows_intern (rows, hearsay_pg_get_text (r, i, 2));
      doc.outlet = hearsay_layer_rows_intern (rows, hearsay_pg_get_text (r, i, 3));
      g_array_append_val (rows->documents, doc);
    }
  g_clear_pointer (&r, PQclear);
  if (document_ids != NULL)
    {
      /* Every document asked for must be there: the first missing one is named. */
      g_autofree gint64 *sorted = g_memdup2 (document_ids, MAX (n_documents, 1) * sizeof *document_ids);
      guint k = 0;

      qsort (sorted, n_documents, sizeof *sorted, compare_ids);
      for (guint i = 0; i < n_documents; i++)
        {
          if (i > 0 && sorted[i] == sorted[i - 1])
            continue;
          if (k < rows->documents->len && g_array_index (rows->documents, HearsayLayerDocument, k).id == sorted[i])
            {
              k++;
              continue;
            }
          g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                       _("There is no document %" PRId64 " in %s"), sorted[i], self->base.path);
          return FALSE;
        }
    }

  p = (HearsayPgParams) { 0 };
  hearsay_pg_param_text (&p, docs);
  hearsay_pg_param_text (&p, coders);
  r = hearsay_pg_query (self,
                        "SELECT f.document_id, f.annotation_id, f.start, f.\"end\", a.label, a.annotator_id, "
                        "EXISTS (SELECT 1 FROM curation_rejected c WHERE c.annotation_id = a.id) "
                        "FROM fragment f JOIN annotation a ON a.id = f.annotation_id "
                        "WHERE a.annotator_id = ANY ($2::bigint[]) "
                        "AND ($1::bigint[] IS NULL OR f.document_id = ANY ($1::bigint[])) "
                        "ORDER BY f.document_id, f.start, f.\"end\", f.annotation_id;",
                        &p, _("could not read the layers"), error);
  if (r == NULL)
    return FALSE;
  g_array_set_size (rows->fragments, 0);
  for (int i = 0; i < PQntuples (r); i++)
    {
      gint64 annotator_id = hearsay_pg_get_int (r, i, 5);
      guint coder = GPOINTER_TO_UINT (g_hash_table_lookup (index, &annotator_id));
      const char *label = PQgetvalue (r, i, 4);
      HearsayLayerFragment f;

      if (coder == 0)
        continue;
      f.document_id = hearsay_pg_get_int (r, i, 0);
      f.annotation_id = hearsay_pg_get_int (r, i, 1);
      f.start = hearsay_pg_get_int (r, i, 2);
      f.end = hearsay_pg_get_int (r, i, 3);
      if (last_label == NULL || !g_str_equal (last_label, label))
        last_label = g_intern_string (label);
      f.label = last_label;
      f.coder = coder - 1;
      f.rejected = g_str_equal (PQgetvalue (r, i, 6), "t");
      g_array_append_val (rows->fragments, f);
    }
  g_clear_pointer (&r, PQclear);

  if (flags & HEARSAY_LAYER_READ_IDENTITY)
    {
      r = hearsay_pg_query (self,
                            "SELECT id, document_id, annotator_id, uuid, note FROM annotation "
                            "WHERE annotator_id = ANY ($2::bigint[]) "
                            "AND ($1::bigint[] IS NULL OR document_id = ANY ($1::bigint[])) "
                            "ORDER BY document_id, id;",
                            &p, _("could not read the layers"), error);
      if (r == NULL)
        return FALSE;
      for (int i = 0; i < PQntuples (r); i++)
        {
          gint64 annotator_id = hearsay_pg_get_int (r, i, 2);
          HearsayLayerAnnotation a;

          a.id = hearsay_pg_get_int (r, i, 0);
          a.document_id = hearsay_pg_get_int (r, i, 1);
          a.coder = GPOINTER_TO_UINT (g_hash_table_lookup (index, &annotator_id)) - 1;
          a.uuid = hearsay_layer_rows_intern (rows, hearsay_pg_get_text (r, i, 3));
          a.note = hearsay_layer_rows_intern (rows, hearsay_pg_get_text (r, i, 4));
          g_array_append_val (rows->annotations, a);
        }
      g_clear_pointer (&r, PQclear);
    }
  if (!(flags & HEARSAY_LAYER_READ_VALUES))
    return TRUE;
  /* In the "C" collation: the order of strcmp, as the file's rows. */
  r = hearsay_pg_query (self,
                        "SELECT t.annotation_id, t.name, t.value FROM annotation a "
                        "JOIN annotation_attribute t ON t.annotation_id = a.id "
                        "WHERE a.annotator_id = ANY ($2::bigint[]) "
                        "AND ($1::bigint[] IS NULL OR a.document_id = ANY ($1::bigint[])) "
                        "ORDER BY t.annotation_id, t.name COLLATE \"C\", t.value COLLATE \"C\";",
                        &p, _("could not read the layers"), error);
  if (r == NULL)
    return FALSE;
  for (int i = 0; i < PQntuples (r); i++)
    {
      HearsayLayerValue v;

      v.annotation_id = hearsay_pg_get_int (r, i, 0);
      v.name = g_intern_string (PQgetvalue (r, i, 1));
      v.value = hearsay_layer_rows_intern (rows, PQgetvalue (r, i, 2));
      g_array_append_val (rows->values, v);
    }
  return TRUE;
}

HearsayLayerRows *
hearsay_pg_read_layers (HearsayStore           *store,
                        const gint64           *document_ids,
                        guint                   n_documents,
                        const char * const     *coders,
                        HearsayLayerReadFlags   flags,
                        GError                **error)
{
  HearsayPgStore *self = PG (store);
  g_autoptr(HearsayLayerRows) rows = hearsay_layer_rows_new ();
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) coder_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean own = store->txn_depth == 0;
  gboolean ok;

  /* One snapshot for the statements, as the file reads in one transaction. */
  if (own && !hearsay_pg_exec (self, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;",
                               _("could not read the layers"), error))
    return NULL;
  ok = read_coders (self, rows, coders, index, coder_ids, error) &&
       read_rows (self, rows, document_ids, n_documents, index, coder_ids, flags, error);
  if (own)
    {
      g_autoptr(PGresult) end = PQexec (self->conn, ok ? "COMMIT;" : "ROLLBACK;");
    }
  return ok ? g_steal_pointer (&rows) : NULL;
}

gboolean
hearsay_pg_set_rejected (HearsayStore  *store,
                         gint64         annotation_id,
                         gboolean       rejected,
                         GError       **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  if (!hearsay_pg_check_writable (PG (store), error))
    return FALSE;
  hearsay_pg_param_int (&p, annotation_id);
  r = hearsay_pg_query (PG (store), rejected
                        ? "INSERT INTO curation_rejected (annotation_id) VALUES ($1) ON CONFLICT DO NOTHING;"
                        : "DELETE FROM curation_rejected WHERE annotation_id = $1;",
                        &p, _("could not save the curation"), error);
  return r != NULL;
}

GHashTable *
hearsay_pg_read_team_base (HearsayStore  *store,
                           const char    *coder,
                           GError       **error)
{
  g_autoptr(GHashTable) base = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  hearsay_pg_param_text (&p, coder);
  r = hearsay_pg_query (PG (store), "SELECT b.uuid, b.digest FROM team_base b "
                        "JOIN annotator an ON an.id = b.annotator_id WHERE an.name = $1;",
                        &p, _("could not read the merge record"), error);
  if (r == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    g_hash_table_insert (base, g_strdup (PQgetvalue (r, i, 0)), g_strdup (PQgetvalue (r, i, 1)));
  return g_steal_pointer (&base);
}

gboolean
hearsay_pg_write_team_base (HearsayStore  *store,
                            const char    *coder,
                            const char    *uuid,
                            const char    *digest,
                            GError       **error)
{
  HearsayPgStore *self = PG (store);
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;
  gint64 annotator_id;

  if (!hearsay_pg_check_writable (self, error))
    return FALSE;
  annotator_id = hearsay_pg_annotator_id (self, coder, error);
  if (annotator_id <= 0)
    {
      if (annotator_id == 0)
        g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND, _("A coder needs a name"));
      return FALSE;
    }
  hearsay_pg_param_int (&p, annotator_id);
  hearsay_pg_param_text (&p, uuid);
  hearsay_pg_param_text (&p, digest);
  if (uuid == NULL)
    r = hearsay_pg_query (self, "DELETE FROM team_base WHERE annotator_id = $1 AND $2::text IS NULL "
                          "AND $3::text IS NULL;", &p, _("could not save the merge record"), error);
  else if (digest == NULL)
    r = hearsay_pg_query (self, "DELETE FROM team_base WHERE annotator_id = $1 AND uuid = $2 "
                          "AND $3::text IS NULL;", &p, _("could not save the merge record"), error);
  else
    r = hearsay_pg_query (self, "INSERT INTO team_base (annotator_id, uuid, digest) VALUES ($1, $2, $3) "
                          "ON CONFLICT (annotator_id, uuid) DO UPDATE SET digest = excluded.digest;",
                          &p, _("could not save the merge record"), error);
  return r != NULL;
}

gboolean
hearsay_pg_keep_layers (HearsayStore        *store,
                        const char * const  *coders,
                        GError             **error)
{
  /* A blind copy is a file: prepare_coder_copies saves the server project
   * to one first (hearsay_pg_backup) and strips that. */
  g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
               _("%s is a server project: a coder’s blind copy is made from a file copy of it, never by "
                 "removing layers on the server"), store->path);
  return FALSE;
}

HearsayCompareSums *
hearsay_pg_compare_layer_sums (HearsayStore              *store,
                               const HearsayCompareKeys  *keys,
                               const char                *coder,
                               const gint64              *document_ids,
                               guint                      n_documents,
                               gint64                     event_id,
                               GError                   **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  HearsayCompareSums *sums;
  HearsayStore *local;
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  if (coder == NULL)
    return hearsay_pg_compare_sums (store, keys, document_ids, n_documents, event_id, error);
  hearsay_pg_param_text (&p, coder);
  r = hearsay_pg_query (PG (store), "SELECT 1 FROM annotator WHERE name = $1;", &p,
                        _("could not read the coders"), error);
  if (r == NULL)
    return NULL;
  if (PQntuples (r) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no coder “%s” in %s"), coder, store->path);
      return NULL;
    }
  /* One layer's figures are a recount of its annotations, which the
   * server's stored figures (every layer) cannot give: they are counted on
   * a file snapshot of the project, with the same ids, by the file's code. */
  dir = g_dir_make_tmp ("hearsay-layer-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "snapshot.hearsay", NULL);
  sums = NULL;
  if (hearsay_pg_backup (store, path, error) &&
      (local = hearsay_store_open (path, HEARSAY_STORE_OPEN_DEFAULT, NULL, error)) != NULL)
    {
      sums = hearsay_store_compare_layer_sums (local, keys, coder, document_ids, n_documents, event_id, error);
      hearsay_store_close (local);
    }
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (dir);
  }
  return sums;
}
