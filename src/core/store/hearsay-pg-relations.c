/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-pg-relations.c: typed links between annotations, or from an
 * annotation to an entity, on a server. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-pg-private.h"
#include "hearsay-uuid.h"

#define RELATION_SELECT \
  "SELECT r.id, r.type, r.from_id, r.to_id, r.to_entity_id, an.name, r.created_at, r.uuid " \
  "FROM relation r LEFT JOIN annotator an ON an.id = r.annotator_id "

static GPtrArray *
list_relations (HearsayPgStore  *self,
                const char      *sql,
                gint64           key,
                GError         **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) hearsay_relation_free);
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  hearsay_pg_param_int (&p, key);
  r = hearsay_pg_query (self, sql, &p, _("could not read relations"), error);
  if (r == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    {
      HearsayRelation *rel = g_new0 (HearsayRelation, 1);

      rel->id = hearsay_pg_get_int (r, i, 0);
      rel->type = g_strdup (PQgetvalue (r, i, 1));
      rel->from_id = hearsay_pg_get_int (r, i, 2);
      rel->to_id = hearsay_pg_get_int (r, i, 3);
      rel->to_entity_id = hearsay_pg_get_int (r, i, 4);
      rel->annotator = g_strdup (hearsay_pg_get_text (r, i, 5));
      rel->created_at = g_strdup (hearsay_pg_get_text (r, i, 6));
      rel->uuid = g_strdup (hearsay_pg_get_text (r, i, 7));
      g_ptr_array_add (list, rel);
    }
  return g_steal_pointer (&list);
}

gint64
hearsay_pg_insert_relation (HearsayStore           *store,
                            const HearsayRelation  *relation,
                            GError                **error)
{
  HearsayPgStore *self = PG (store);
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;
  g_autofree char *uuid = NULL;
  gint64 annotator_id;

  if (!hearsay_pg_check_writable (self, error))
    return 0;
  annotator_id = hearsay_pg_annotator_id (self, relation->annotator, error);
  if (annotator_id < 0)
    return 0;
  hearsay_pg_param_id (&p, relation->id);
  hearsay_pg_param_text (&p, relation->type);
  hearsay_pg_param_int (&p, relation->from_id);
  hearsay_pg_param_id (&p, relation->to_id);
  hearsay_pg_param_id (&p, relation->to_entity_id);
  hearsay_pg_param_id (&p, annotator_id);
  hearsay_pg_param_text (&p, relation->created_at);
  uuid = relation->uuid != NULL ? g_strdup (relation->uuid) : hearsay_uuid_new ();
  hearsay_pg_param_text (&p, uuid);
  r = hearsay_pg_query (self,
                        "INSERT INTO relation (id, type, from_id, to_id, to_entity_id, annotator_id, created_at, "
                        "uuid) VALUES (coalesce ($1, nextval (pg_get_serial_sequence ('relation', 'id'))), "
                        "$2, $3, $4, $5, $6, $7, $8) RETURNING id;",
                        &p, _("could not save the relation"), error);
  if (r == NULL)
    return 0;
  if (relation->id > 0 && !hearsay_pg_bump_sequence (self, "relation", relation->id, error))
    return 0;
  return hearsay_pg_get_int (r, 0, 0);
}

GPtrArray *
hearsay_pg_list_relations (HearsayStore  *store,
                           gint64         document_id,
                           GError       **error)
{
  return list_relations (PG (store),
                         RELATION_SELECT "JOIN annotation a ON a.id = r.from_id "
                         "WHERE a.document_id = $1 ORDER BY r.id;", document_id, error);
}

GPtrArray *
hearsay_pg_list_annotation_relations (HearsayStore  *store,
                                      gint64         annotation_id,
                                      GError       **error)
{
  return list_relations (PG (store), RELATION_SELECT "WHERE r.from_id = $1 OR r.to_id = $1 ORDER BY r.id;",
                         annotation_id, error);
}

HearsayRelation *
hearsay_pg_load_relation (HearsayStore  *store,
                          gint64         id,
                          GError       **error)
{
  g_autoptr(GPtrArray) list = list_relations (PG (store), RELATION_SELECT "WHERE r.id = $1;", id, error);

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
hearsay_pg_delete_relation (HearsayStore  *store,
                            gint64         id,
                            GError       **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  if (!hearsay_pg_check_writable (PG (store), error))
    return FALSE;
  hearsay_pg_param_int (&p, id);
  r = hearsay_pg_query (PG (store), "DELETE FROM relation WHERE id = $1;", &p,
                        _("could not delete the relation"), error);
  if (r == NULL)
    return FALSE;
  if (hearsay_pg_affected (r) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no relation %" PRId64), id);
      return FALSE;
    }
  return TRUE;
}
