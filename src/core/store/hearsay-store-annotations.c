/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-annotations.c: annotations, their fragments and attributes. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-uuid.h"
#include "hearsay-error.h"
#include "hearsay-store-private.h"

static gboolean
insert_attribute_values (HearsayStore        *self,
                         gint64               annotation_id,
                         const char          *name,
                         const char * const  *values,
                         GError             **error)
{
  for (guint i = 0; values && values[i]; i++)
    {
      sqlite3_stmt *stmt = hearsay_store_prepare (self,
                                                  "INSERT OR IGNORE INTO annotation_attribute "
                                                  "(annotation_id, name, value) VALUES (?1, ?2, ?3);", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, annotation_id);
      sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, values[i], -1, SQLITE_STATIC);
      if (!hearsay_store_step_done (self, stmt, _("could not save an attribute"), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_fragment (HearsayStore           *self,
                 HearsayAnnotation      *ann,
                 const HearsayFragment  *f,
                 GError                **error)
{
  sqlite3_stmt *stmt = hearsay_store_prepare (self,
                                              "INSERT INTO fragment (document_id, start, \"end\", annotation_id, "
                                              "exact, prefix, suffix) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, hearsay_annotation_get_document_id (ann));
  sqlite3_bind_int64 (stmt, 2, f->start);
  sqlite3_bind_int64 (stmt, 3, f->end);
  sqlite3_bind_int64 (stmt, 4, hearsay_annotation_get_id (ann));
  sqlite3_bind_text (stmt, 5, f->exact ? f->exact : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, f->prefix ? f->prefix : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, f->suffix ? f->suffix : "", -1, SQLITE_STATIC);
  return hearsay_store_step_done (self, stmt, _("could not save a fragment"), error);
}

gboolean
hearsay_store_insert_annotation (HearsayStore       *self,
                                 HearsayAnnotation  *ann,
                                 GError            **error)
{
  HEARSAY_STORE_DISPATCH (self, insert_annotation, (self, ann, error));
  g_auto(GStrv) names = NULL;
  sqlite3_stmt *stmt;
  gint64 annotator_id, id, new_id = 0;

  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  annotator_id = hearsay_store_annotator_id (self, hearsay_annotation_get_annotator (ann), error);
  if (annotator_id < 0)
    return FALSE;
  if (hearsay_annotation_get_id (ann) <= 0 && (new_id = hearsay_store_new_id (self, "annotation", error)) < 0)
    return FALSE;

  stmt = hearsay_store_prepare (self,
                                "INSERT INTO annotation (id, document_id, label, annotator_id, note, "
                                "created_at, modified_at, uuid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);", error);
  if (stmt == NULL)
    return FALSE;
  /* A new annotation gets its stable identity here; a restored or merged
   * one keeps the one it has. */
  if (hearsay_annotation_get_uuid (ann) == NULL)
    {
      g_autofree char *uuid = hearsay_uuid_new ();

      hearsay_annotation_set_uuid (ann, uuid);
    }
  /* An id given by the caller is kept (undo restores a deleted annotation as it was). */
  if (hearsay_annotation_get_id (ann) > 0)
    sqlite3_bind_int64 (stmt, 1, hearsay_annotation_get_id (ann));
  else if (new_id > 0)
    sqlite3_bind_int64 (stmt, 1, new_id);
  sqlite3_bind_int64 (stmt, 2, hearsay_annotation_get_document_id (ann));
  sqlite3_bind_text (stmt, 3, hearsay_annotation_get_label (ann), -1, SQLITE_STATIC);
  if (annotator_id > 0)
    sqlite3_bind_int64 (stmt, 4, annotator_id);
  hearsay_store_bind_text (stmt, 5, hearsay_annotation_get_note (ann));
  sqlite3_bind_text (stmt, 6, hearsay_annotation_get_created_at (ann), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, hearsay_annotation_get_modified_at (ann), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, hearsay_annotation_get_uuid (ann), -1, SQLITE_STATIC);
  if (!hearsay_store_step_done (self, stmt, _("could not save the annotation"), error))
    return FALSE;
  id = sqlite3_last_insert_rowid (self->db);
  hearsay_annotation_set_id (ann, id);

  for (guint i = 0; i < hearsay_annotation_get_n_fragments (ann); i++)
    if (!insert_fragment (self, ann, hearsay_annotation_get_fragment (ann, i), error))
      return FALSE;

  names = hearsay_annotation_dup_attribute_names (ann);
  for (guint i = 0; names[i]; i++)
    if (!insert_attribute_values (self, id, names[i],
                                  hearsay_annotation_get_attribute_values (ann, names[i]), error))
      return FALSE;
  return TRUE;
}

gboolean
hearsay_store_delete_annotation (HearsayStore  *self,
                                 gint64         id,
                                 GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, delete_annotation, (self, id, error));
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  /* Its relations go with it (ON DELETE CASCADE): both tables' floors may rise. */
  self->annotation_ids_clear = self->relation_ids_clear = FALSE;
  stmt = hearsay_store_prepare (self, "DELETE FROM annotation WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!hearsay_store_step_done (self, stmt, _("could not delete the annotation"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no annotation %" PRId64), id);
      return FALSE;
    }
  return TRUE;
}

static HearsayAnnotation *
annotation_from_row (sqlite3_stmt *stmt)
{
  HearsayAnnotation *ann = hearsay_annotation_new (sqlite3_column_int64 (stmt, 1),
                                                   hearsay_store_column_text (stmt, 2));

  hearsay_annotation_set_id (ann, sqlite3_column_int64 (stmt, 0));
  hearsay_annotation_set_note (ann, hearsay_store_column_text (stmt, 3));
  hearsay_annotation_set_annotator (ann, hearsay_store_column_text (stmt, 4));
  hearsay_annotation_set_created_at (ann, hearsay_store_column_text (stmt, 5));
  hearsay_annotation_set_modified_at (ann, hearsay_store_column_text (stmt, 6));
  hearsay_annotation_set_uuid (ann, hearsay_store_column_text (stmt, 7));
  return ann;
}

#define ANNOTATION_SELECT \
  "SELECT a.id, a.document_id, a.label, a.note, an.name, a.created_at, a.modified_at, a.uuid " \
  "FROM annotation a LEFT JOIN annotator an ON an.id = a.annotator_id "

enum { PARTS_OF_ANNOTATION, PARTS_OF_DOCUMENT, PARTS_OF_LAYER };

/* Reads the fragments and attributes of the annotations in @by_id; @mode
 * selects them by annotation, document or annotator (@key). */
static gboolean
load_parts (HearsayStore  *self,
            GHashTable    *by_id,
            int            mode,
            gint64         key,
            GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  static const char * const fragment_sql[] = {
    "SELECT annotation_id, start, \"end\", exact, prefix, suffix "
    "FROM fragment WHERE annotation_id = ?1 ORDER BY start;",
    "SELECT annotation_id, start, \"end\", exact, prefix, suffix "
    "FROM fragment WHERE document_id = ?1 ORDER BY start;",
    "SELECT f.annotation_id, f.start, f.\"end\", f.exact, f.prefix, f.suffix "
    "FROM annotation a JOIN fragment f ON f.annotation_id = a.id WHERE a.annotator_id = ?1;",
  };
  static const char * const attribute_sql[] = {
    "SELECT annotation_id, name, value FROM annotation_attribute "
    "WHERE annotation_id = ?1 ORDER BY name, value;",
    "SELECT aa.annotation_id, aa.name, aa.value FROM annotation_attribute aa "
    "JOIN annotation a ON a.id = aa.annotation_id WHERE a.document_id = ?1 "
    "ORDER BY aa.annotation_id, aa.name, aa.value;",
    "SELECT aa.annotation_id, aa.name, aa.value FROM annotation a "
    "JOIN annotation_attribute aa ON aa.annotation_id = a.id WHERE a.annotator_id = ?1 "
    "ORDER BY aa.annotation_id, aa.name, aa.value;",
  };

  stmt = hearsay_store_prepare (self, fragment_sql[mode], error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HearsayAnnotation *ann = g_hash_table_lookup (by_id, &(gint64) { sqlite3_column_int64 (stmt, 0) });

      if (ann != NULL)
        hearsay_annotation_add_fragment_full (ann, sqlite3_column_int64 (stmt, 1),
                                              sqlite3_column_int64 (stmt, 2),
                                              hearsay_store_column_text (stmt, 3),
                                              hearsay_store_column_text (stmt, 4),
                                              hearsay_store_column_text (stmt, 5));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto fail;

  stmt = hearsay_store_prepare (self, attribute_sql[mode], error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HearsayAnnotation *ann = g_hash_table_lookup (by_id, &(gint64) { sqlite3_column_int64 (stmt, 0) });

      if (ann != NULL)
        hearsay_annotation_add_attribute_value (ann, hearsay_store_column_text (stmt, 1),
                                                hearsay_store_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto fail;
  return TRUE;

fail:
  hearsay_store_set_error (self, error, _("could not read annotations"));
  return FALSE;
}

HearsayAnnotation *
hearsay_store_load_annotation (HearsayStore  *self,
                               gint64         id,
                               GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, load_annotation, (self, id, error));
  g_autoptr(HearsayAnnotation) ann = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = hearsay_store_prepare (self, ANNOTATION_SELECT "WHERE a.id = ?1;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    ann = annotation_from_row (stmt);
  sqlite3_reset (stmt);
  if (ann == NULL)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                     _("There is no annotation %" PRId64), id);
      else
        hearsay_store_set_error (self, error, _("could not read the annotation"));
      return NULL;
    }
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_hash_table_insert (by_id, &id, ann);
  if (!load_parts (self, by_id, PARTS_OF_ANNOTATION, id, error))
    return NULL;
  return g_steal_pointer (&ann);
}

static int
compare_annotations (gconstpointer a,
                     gconstpointer b)
{
  HearsayAnnotation *x = *(HearsayAnnotation **) a;
  HearsayAnnotation *y = *(HearsayAnnotation **) b;
  gint64 d;

  d = hearsay_annotation_get_start (x) - hearsay_annotation_get_start (y);
  if (d == 0)
    d = hearsay_annotation_get_end (x) - hearsay_annotation_get_end (y);
  if (d == 0)
    d = hearsay_annotation_get_id (x) - hearsay_annotation_get_id (y);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

GPtrArray *
hearsay_store_list_annotations (HearsayStore  *self,
                                gint64         document_id,
                                GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, list_annotations, (self, document_id, error));
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = hearsay_store_prepare (self, ANNOTATION_SELECT "WHERE a.document_id = ?1;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, annotation_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not read annotations"));
      return NULL;
    }
  g_array_set_size (ids, list->len);
  for (guint i = 0; i < list->len; i++)
    {
      g_array_index (ids, gint64, i) = hearsay_annotation_get_id (g_ptr_array_index (list, i));
      g_hash_table_insert (by_id, &g_array_index (ids, gint64, i), g_ptr_array_index (list, i));
    }
  if (!load_parts (self, by_id, PARTS_OF_DOCUMENT, document_id, error))
    return NULL;
  g_ptr_array_sort (list, compare_annotations);
  return g_steal_pointer (&list);
}

GPtrArray *
hearsay_store_list_layer_annotations (HearsayStore  *self,
                                      gint64         document_id,
                                      const char    *coder,
                                      GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, list_layer_annotations, (self, document_id, coder, error));
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gint64 annotator_id = 0;
  int rc;

  stmt = hearsay_store_prepare (self, "SELECT id FROM annotator WHERE name = ?1;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, coder, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    annotator_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (annotator_id == 0)
    return g_steal_pointer (&list);

  stmt = hearsay_store_prepare (self, ANNOTATION_SELECT "WHERE a.annotator_id = ?1 "
                                "AND (?2 = 0 OR a.document_id = ?2);", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, annotator_id);
  sqlite3_bind_int64 (stmt, 2, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, annotation_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not read annotations"));
      return NULL;
    }
  g_array_set_size (ids, list->len);
  for (guint i = 0; i < list->len; i++)
    {
      g_array_index (ids, gint64, i) = hearsay_annotation_get_id (g_ptr_array_index (list, i));
      g_hash_table_insert (by_id, &g_array_index (ids, gint64, i), g_ptr_array_index (list, i));
    }
  if (!(document_id > 0 ? load_parts (self, by_id, PARTS_OF_DOCUMENT, document_id, error)
                        : load_parts (self, by_id, PARTS_OF_LAYER, annotator_id, error)))
    return NULL;
  if (document_id > 0)
    g_ptr_array_sort (list, compare_annotations);
  return g_steal_pointer (&list);
}

static gboolean
touch (HearsayStore  *self,
       gint64         annotation_id,
       const char    *modified_at,
       GError       **error)
{
  sqlite3_stmt *stmt = hearsay_store_prepare (self,
                                              "UPDATE annotation SET modified_at = ?2 WHERE id = ?1;", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, annotation_id);
  sqlite3_bind_text (stmt, 2, modified_at, -1, SQLITE_STATIC);
  if (!hearsay_store_step_done (self, stmt, _("could not save the annotation"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no annotation %" PRId64), annotation_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
hearsay_store_set_attribute (HearsayStore        *self,
                             gint64               annotation_id,
                             const char          *name,
                             const char * const  *values,
                             const char          *modified_at,
                             GError             **error)
{
  HEARSAY_STORE_DISPATCH (self, set_attribute, (self, annotation_id, name, values, modified_at, error));
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error) ||
      !touch (self, annotation_id, modified_at, error))
    return FALSE;
  stmt = hearsay_store_prepare (self,
                                "DELETE FROM annotation_attribute WHERE annotation_id = ?1 AND name = ?2;",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, annotation_id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  if (!hearsay_store_step_done (self, stmt, _("could not save an attribute"), error))
    return FALSE;
  return insert_attribute_values (self, annotation_id, name, values, error);
}

gboolean
hearsay_store_set_note (HearsayStore  *self,
                        gint64         annotation_id,
                        const char    *note,
                        const char    *modified_at,
                        GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, set_note, (self, annotation_id, note, modified_at, error));
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error) ||
      !touch (self, annotation_id, modified_at, error))
    return FALSE;
  stmt = hearsay_store_prepare (self, "UPDATE annotation SET note = ?2 WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, annotation_id);
  hearsay_store_bind_text (stmt, 2, note && *note ? note : NULL);
  return hearsay_store_step_done (self, stmt, _("could not save the note"), error);
}

gboolean
hearsay_store_set_label (HearsayStore  *self,
                         gint64         annotation_id,
                         const char    *label,
                         const char    *modified_at,
                         GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, set_label, (self, annotation_id, label, modified_at, error));
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error) ||
      !touch (self, annotation_id, modified_at, error))
    return FALSE;
  stmt = hearsay_store_prepare (self, "UPDATE annotation SET label = ?2 WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, annotation_id);
  sqlite3_bind_text (stmt, 2, label, -1, SQLITE_STATIC);
  return hearsay_store_step_done (self, stmt, _("could not save the label"), error);
}

gint64
hearsay_store_count_annotations (HearsayStore *self,
                                 gint64        document_id)
{
  HEARSAY_STORE_DISPATCH (self, count_annotations, (self, document_id));
  sqlite3_stmt *stmt = hearsay_store_prepare (self,
                                              "SELECT count(*) FROM annotation WHERE document_id = ?1;", NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

gboolean
hearsay_store_replace_fragments (HearsayStore       *self,
                                 HearsayAnnotation  *ann,
                                 const char         *modified_at,
                                 GError            **error)
{
  HEARSAY_STORE_DISPATCH (self, replace_fragments, (self, ann, modified_at, error));
  gint64 id = hearsay_annotation_get_id (ann);
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error) || !touch (self, id, modified_at, error))
    return FALSE;
  stmt = hearsay_store_prepare (self, "DELETE FROM fragment WHERE annotation_id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!hearsay_store_step_done (self, stmt, _("could not save the fragments"), error))
    return FALSE;
  for (guint i = 0; i < hearsay_annotation_get_n_fragments (ann); i++)
    if (!insert_fragment (self, ann, hearsay_annotation_get_fragment (ann, i), error))
      return FALSE;
  return TRUE;
}

char **
hearsay_store_list_used_labels (HearsayStore  *self,
                                GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, list_used_labels, (self, error));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = hearsay_store_prepare (self, "SELECT DISTINCT label FROM annotation ORDER BY label;", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, hearsay_store_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not read annotations"));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

GArray *
hearsay_store_list_label_annotations (HearsayStore  *self,
                                      const char    *label,
                                      GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, list_label_annotations, (self, label, error));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = hearsay_store_prepare (self, "SELECT id FROM annotation WHERE label = ?1 ORDER BY id;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, label, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not read annotations"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static char *
like_pattern (const char *query)
{
  GString *s = g_string_new ("%");

  for (const char *p = query ? query : ""; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

GPtrArray *
hearsay_store_search_annotations (HearsayStore  *self,
                                  const char    *label,
                                  const char    *query,
                                  gint64         exclude_document_id,
                                  guint          limit,
                                  GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, search_annotations, (self, label, query, exclude_document_id, limit, error));
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *pattern = like_pattern (query);
  sqlite3_stmt *stmt;
  int rc;

  stmt = hearsay_store_prepare (self,
                                "SELECT DISTINCT f.annotation_id FROM fragment f JOIN annotation a ON a.id = f.annotation_id "
                                "WHERE (?1 IS NULL OR a.label = ?1) AND a.document_id <> ?3 "
                                "AND f.exact LIKE ?2 ESCAPE '\\' "
                                "ORDER BY a.document_id DESC, f.start LIMIT ?4;", error);
  if (stmt == NULL)
    return NULL;
  hearsay_store_bind_text (stmt, 1, label);
  sqlite3_bind_text (stmt, 2, pattern, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, exclude_document_id);
  sqlite3_bind_int64 (stmt, 4, limit);
  {
    g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);

        g_array_append_val (ids, id);
      }
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      {
        hearsay_store_set_error (self, error, _("could not search annotations"));
        return NULL;
      }
    for (guint i = 0; i < ids->len; i++)
      {
        HearsayAnnotation *ann = hearsay_store_load_annotation (self, g_array_index (ids, gint64, i), error);

        if (ann == NULL)
          return NULL;
        g_ptr_array_add (list, ann);
      }
  }
  return g_steal_pointer (&list);
}
