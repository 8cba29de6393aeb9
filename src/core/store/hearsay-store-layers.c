/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-layers.c: the coders' layers of a selection as compact rows
 * (agreement, curation), and curation's rejection marks. One range scan of
 * the fragment table per document: it is clustered on (document, start). */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-store-private.h"

static gboolean
read_coders (HearsayStore        *self,
             HearsayLayerRows    *rows,
             const char * const  *names,
             GHashTable          *index,
             GError             **error)
{
  sqlite3_stmt *stmt = hearsay_store_prepare (self, "SELECT id, name, color, role FROM annotator ORDER BY name;",
                                              error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = hearsay_store_column_text (stmt, 1);
      HearsayCoderRole role = HEARSAY_CODER_ROLE_CODER;
      HearsayCoder *coder;
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (names != NULL && !g_strv_contains (names, name))
        continue;
      hearsay_coder_role_from_string (hearsay_store_column_text (stmt, 3), &role);
      coder = hearsay_coder_new (name, role);
      hearsay_coder_set_id (coder, id);
      hearsay_coder_set_color (coder, hearsay_store_column_text (stmt, 2));
      g_hash_table_insert (index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (rows->coders->len + 1));
      g_ptr_array_add (rows->coders, coder);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not read the coders"));
      return FALSE;
    }
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (hearsay_layer_rows_find_coder (rows, names[i]) < 0)
      {
        g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                     _("There is no coder “%s” in %s"), names[i], self->path);
        return FALSE;
      }
  return TRUE;
}

static gboolean
read_document (HearsayStore      *self,
               HearsayLayerRows  *rows,
               sqlite3_stmt      *stmt)
{
  HearsayLayerDocument doc;

  doc.id = sqlite3_column_int64 (stmt, 0);
  doc.length = sqlite3_column_int64 (stmt, 1);
  doc.title = hearsay_layer_rows_intern (rows, hearsay_store_column_text (stmt, 2));
  doc.outlet = hearsay_layer_rows_intern (rows, hearsay_store_column_text (stmt, 3));
  g_array_append_val (rows->documents, doc);
  return TRUE;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

static gboolean
read_documents (HearsayStore      *self,
                HearsayLayerRows  *rows,
                const gint64      *ids,
                guint              n_ids,
                GError           **error)
{
  g_autofree gint64 *sorted = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (ids == NULL)
    {
      stmt = hearsay_store_prepare (self, "SELECT id, length, title, coalesce (trim (outlet), '') "
                                    "FROM document ORDER BY id;", error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        read_document (self, rows, stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        goto fail;
      return TRUE;
    }
  sorted = g_memdup2 (ids, MAX (n_ids, 1) * sizeof *ids);
  qsort (sorted, n_ids, sizeof *sorted, compare_ids);
  for (guint i = 0; i < n_ids; i++)
    {
      if (i > 0 && sorted[i] == sorted[i - 1])
        continue;
      stmt = hearsay_store_prepare (self, "SELECT id, length, title, coalesce (trim (outlet), '') "
                                    "FROM document WHERE id = ?1;", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, sorted[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        read_document (self, rows, stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                       _("There is no document %" PRId64 " in %s"), sorted[i], self->path);
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        goto fail;
    }
  return TRUE;

fail:
  hearsay_store_set_error (self, error, _("could not read the documents"));
  return FALSE;
}

static int
compare_values (gconstpointer a,
                gconstpointer b)
{
  const HearsayLayerValue *x = a, *y = b;
  int c;

  if (x->annotation_id != y->annotation_id)
    return x->annotation_id < y->annotation_id ? -1 : 1;
  if ((c = g_strcmp0 (x->name, y->name)) != 0)
    return c;
  return g_strcmp0 (x->value, y->value);
}

/* One document's fragments and values, of the layers in @index. */
static gboolean
read_document_layers (HearsayStore      *self,
                      HearsayLayerRows  *rows,
                      gint64             document_id,
                      GHashTable        *index,
                      HearsayLayerReadFlags flags,
                      GError           **error)
{
  sqlite3_stmt *stmt;
  const char *last_label = NULL;
  int rc;

  stmt = hearsay_store_prepare (self,
                                "SELECT f.annotation_id, f.start, f.\"end\", a.label, a.annotator_id, "
                                "EXISTS (SELECT 1 FROM curation_rejected r WHERE r.annotation_id = a.id) "
                                "FROM fragment f JOIN annotation a ON a.id = f.annotation_id "
                                "WHERE f.document_id = ?1 AND a.annotator_id IS NOT NULL "
                                "ORDER BY f.start, f.\"end\", f.annotation_id;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 annotator_id = sqlite3_column_int64 (stmt, 4);
      guint coder = GPOINTER_TO_UINT (g_hash_table_lookup (index, &annotator_id));
      const char *label = hearsay_store_column_text (stmt, 3);
      HearsayLayerFragment f;

      if (coder == 0)
        continue;
      f.document_id = document_id;
      f.annotation_id = sqlite3_column_int64 (stmt, 0);
      f.start = sqlite3_column_int64 (stmt, 1);
      f.end = sqlite3_column_int64 (stmt, 2);
      /* Consecutive rows often share a label: skip the intern lock then. */
      if (last_label == NULL || g_strcmp0 (last_label, label) != 0)
        last_label = g_intern_string (label != NULL ? label : "");
      f.label = last_label;
      f.coder = coder - 1;
      f.rejected = sqlite3_column_int (stmt, 5) != 0;
      g_array_append_val (rows->fragments, f);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto fail;
  if (flags & HEARSAY_LAYER_READ_IDENTITY)
    {
      stmt = hearsay_store_prepare (self, "SELECT id, annotator_id, uuid, note FROM annotation "
                                    "WHERE document_id = ?1 AND annotator_id IS NOT NULL;", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, document_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 annotator_id = sqlite3_column_int64 (stmt, 1);
          guint coder = GPOINTER_TO_UINT (g_hash_table_lookup (index, &annotator_id));
          HearsayLayerAnnotation a;

          if (coder == 0)
            continue;
          a.id = sqlite3_column_int64 (stmt, 0);
          a.document_id = document_id;
          a.coder = coder - 1;
          a.uuid = hearsay_layer_rows_intern (rows, hearsay_store_column_text (stmt, 2));
          a.note = hearsay_layer_rows_intern (rows, hearsay_store_column_text (stmt, 3));
          g_array_append_val (rows->annotations, a);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        goto fail;
    }
  if (!(flags & HEARSAY_LAYER_READ_VALUES))
    return TRUE;

  stmt = hearsay_store_prepare (self,
                                "SELECT aa.annotation_id, aa.name, aa.value, a.annotator_id "
                                "FROM annotation a JOIN annotation_attribute aa ON aa.annotation_id = a.id "
                                "WHERE a.document_id = ?1 AND a.annotator_id IS NOT NULL;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 annotator_id = sqlite3_column_int64 (stmt, 3);
      HearsayLayerValue v;

      if (!g_hash_table_contains (index, &annotator_id))
        continue;
      v.annotation_id = sqlite3_column_int64 (stmt, 0);
      v.name = g_intern_string (hearsay_store_column_text (stmt, 1));
      v.value = hearsay_layer_rows_intern (rows, hearsay_store_column_text (stmt, 2));
      g_array_append_val (rows->values, v);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto fail;
  return TRUE;

fail:
  hearsay_store_set_error (self, error, _("could not read annotations"));
  return FALSE;
}

HearsayLayerRows *
hearsay_store_read_layers (HearsayStore        *self,
                           const gint64        *document_ids,
                           guint                n_documents,
                           const char * const  *coders,
                           HearsayLayerReadFlags flags,
                           GError             **error)
{
  HEARSAY_STORE_DISPATCH (self, read_layers, (self, document_ids, n_documents, coders, flags, error));
  g_autoptr(HearsayLayerRows) rows = hearsay_layer_rows_new ();
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gboolean ok;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (document_ids != NULL || n_documents == 0, NULL);

  /* One read transaction: every row of one state of the file. */
  if (self->txn_depth == 0 && !hearsay_store_exec (self, "BEGIN;", error))
    return NULL;
  self->txn_depth++;
  ok = read_coders (self, rows, coders, index, error) &&
       read_documents (self, rows, document_ids, n_documents, error);
  for (guint i = 0; ok && i < rows->documents->len; i++)
    ok = read_document_layers (self, rows, g_array_index (rows->documents, HearsayLayerDocument, i).id,
                               index, flags, error);
  if (self->txn_depth == 1)
    sqlite3_exec (self->db, "ROLLBACK;", NULL, NULL, NULL);
  self->txn_depth--;
  if (!ok)
    return NULL;
  g_array_sort (rows->values, compare_values);
  return g_steal_pointer (&rows);
}

gboolean
hearsay_store_set_rejected (HearsayStore  *self,
                            gint64         annotation_id,
                            gboolean       rejected,
                            GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, set_rejected, (self, annotation_id, rejected, error));
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  stmt = hearsay_store_prepare (self, rejected
                                ? "INSERT OR IGNORE INTO curation_rejected (annotation_id) VALUES (?1);"
                                : "DELETE FROM curation_rejected WHERE annotation_id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, annotation_id);
  if (!hearsay_store_step_done (self, stmt, _("could not save the curation"), error))
    return FALSE;
  return TRUE;
}
