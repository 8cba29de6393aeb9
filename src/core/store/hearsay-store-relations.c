/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-relations.c: typed links between annotations, or from an
 * annotation to an entity. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-uuid.h"
#include "hearsay-error.h"
#include "hearsay-store-private.h"

#define RELATION_SELECT \
  "SELECT r.id, r.type, r.from_id, r.to_id, r.to_entity_id, an.name, r.created_at, r.uuid " \
  "FROM relation r LEFT JOIN annotator an ON an.id = r.annotator_id "

static HearsayRelation *
relation_from_row (sqlite3_stmt *stmt)
{
  HearsayRelation *r = g_new0 (HearsayRelation, 1);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->type = g_strdup (hearsay_store_column_text (stmt, 1));
  r->from_id = sqlite3_column_int64 (stmt, 2);
  r->to_id = sqlite3_column_int64 (stmt, 3);
  r->to_entity_id = sqlite3_column_int64 (stmt, 4);
  r->annotator = g_strdup (hearsay_store_column_text (stmt, 5));
  r->created_at = g_strdup (hearsay_store_column_text (stmt, 6));
  r->uuid = g_strdup (hearsay_store_column_text (stmt, 7));
  return r;
}

static GPtrArray *
list_relations (HearsayStore  *self,
                const char    *sql,
                gint64         key,
                GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hearsay_relation_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = hearsay_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, relation_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not read relations"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

gint64
hearsay_store_insert_relation (HearsayStore           *self,
                               const HearsayRelation  *relation,
                               GError                **error)
{
  HEARSAY_STORE_DISPATCH (self, insert_relation, (self, relation, error));
  sqlite3_stmt *stmt;
  gint64 annotator_id, new_id = 0;

  if (!hearsay_store_check_writable (self, error))
    return 0;
  annotator_id = hearsay_store_annotator_id (self, relation->annotator, error);
  if (annotator_id < 0)
    return 0;
  if (relation->id <= 0 && (new_id = hearsay_store_new_id (self, "relation", error)) < 0)
    return 0;
  stmt = hearsay_store_prepare (self,
                                "INSERT INTO relation (id, type, from_id, to_id, to_entity_id, annotator_id, "
                                "created_at, uuid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);", error);
  if (stmt == NULL)
    return 0;
  if (relation->id > 0)
    sqlite3_bind_int64 (stmt, 1, relation->id);
  else if (new_id > 0)
    sqlite3_bind_int64 (stmt, 1, new_id);
  sqlite3_bind_text (stmt, 2, relation->type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, relation->from_id);
  if (relation->to_id > 0)
    sqlite3_bind_int64 (stmt, 4, relation->to_id);
  if (relation->to_entity_id > 0)
    sqlite3_bind_int64 (stmt, 5, relation->to_entity_id);
  if (annotator_id > 0)
    sqlite3_bind_int64 (stmt, 6, annotator_id);
  sqlite3_bind_text (stmt, 7, relation->created_at, -1, SQLITE_STATIC);
  /* A new relation gets its stable identity; a restored one keeps its own. */
  if (relation->uuid != NULL)
    sqlite3_bind_text (stmt, 8, relation->uuid, -1, SQLITE_STATIC);
  else
    sqlite3_bind_text (stmt, 8, hearsay_uuid_new (), -1, g_free);
  if (!hearsay_store_step_done (self, stmt, _("could not save the relation"), error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

GPtrArray *
hearsay_store_list_relations (HearsayStore  *self,
                              gint64         document_id,
                              GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, list_relations, (self, document_id, error));
  return list_relations (self,
                         RELATION_SELECT "JOIN annotation a ON a.id = r.from_id "
                         "WHERE a.document_id = ?1 ORDER BY r.id;",
                         document_id, error);
}

GPtrArray *
hearsay_store_list_annotation_relations (HearsayStore  *self,
                                         gint64         annotation_id,
                                         GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, list_annotation_relations, (self, annotation_id, error));
  return list_relations (self,
                         RELATION_SELECT "WHERE r.from_id = ?1 OR r.to_id = ?1 ORDER BY r.id;",
                         annotation_id, error);
}

HearsayRelation *
hearsay_store_load_relation (HearsayStore  *self,
                             gint64         id,
                             GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, load_relation, (self, id, error));
  g_autoptr(GPtrArray) list = list_relations (self, RELATION_SELECT "WHERE r.id = ?1;", id, error);

  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no relation %" PRId64), id);
      return NULL;
    }
  return g_ptr_array_steal_index (list, 0);
}

gboolean
hearsay_store_delete_relation (HearsayStore  *self,
                               gint64         id,
                               GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, delete_relation, (self, id, error));
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  self->relation_ids_clear = FALSE;
  stmt = hearsay_store_prepare (self, "DELETE FROM relation WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!hearsay_store_step_done (self, stmt, _("could not delete the relation"), error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no relation %" PRId64), id);
      return FALSE;
    }
  return TRUE;
}
