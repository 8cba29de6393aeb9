/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-pg-entities.c: the entity registry and the events on a server. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-error.h"
#include "hearsay-pg-private.h"
#include "hearsay-uuid.h"
#include "hearsay-text.h"

static void
entity_params (HearsayPgParams *p,
               HearsayEntity   *entity,
               const char      *aliases)
{
  hearsay_pg_param_text (p, hearsay_entity_get_name (entity));
  hearsay_pg_param_text (p, hearsay_entity_get_kind (entity));
  hearsay_pg_param_text (p, hearsay_entity_get_state_affiliated (entity));
  hearsay_pg_param_text (p, hearsay_entity_get_affiliation (entity));
  hearsay_pg_param_text (p, aliases);
}

gboolean
hearsay_pg_insert_entity (HearsayStore   *store,
                          HearsayEntity  *entity,
                          GError        **error)
{
  HearsayPgStore *self = PG (store);
  g_autofree char *aliases = hearsay_store_aliases_to_json (entity);
  g_autofree char *now = hearsay_now_iso8601 ();
  gint64 id = hearsay_entity_get_id (entity);
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  if (!hearsay_pg_check_writable (self, error))
    return FALSE;
  entity_params (&p, entity, aliases);
  hearsay_pg_param_text (&p, now);
  hearsay_pg_param_id (&p, id);
  if (hearsay_entity_get_uuid (entity) == NULL)
    {
      g_autofree char *uuid = hearsay_uuid_new ();

      hearsay_entity_set_uuid (entity, uuid);
    }
  hearsay_pg_param_text (&p, hearsay_entity_get_uuid (entity));
  r = hearsay_pg_query (self,
                        "INSERT INTO entity (id, name, kind, state_affiliated, affiliation, aliases, created_at, "
                        "uuid) VALUES (coalesce ($7, nextval (pg_get_serial_sequence ('entity', 'id'))), "
                        "$1, $2, $3, $4, $5, $6, $8) RETURNING id;",
                        &p, _("could not save the entity"), error);
  if (r == NULL || (id > 0 && !hearsay_pg_bump_sequence (self, "entity", id, error)))
    return FALSE;
  hearsay_entity_set_id (entity, hearsay_pg_get_int (r, 0, 0));
  return TRUE;
}

gboolean
hearsay_pg_update_entity (HearsayStore   *store,
                          HearsayEntity  *entity,
                          GError        **error)
{
  g_autofree char *aliases = hearsay_store_aliases_to_json (entity);
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  if (!hearsay_pg_check_writable (PG (store), error))
    return FALSE;
  entity_params (&p, entity, aliases);
  hearsay_pg_param_int (&p, hearsay_entity_get_id (entity));
  r = hearsay_pg_query (PG (store),
                        "UPDATE entity SET name = $1, kind = $2, state_affiliated = $3, affiliation = $4, "
                        "aliases = $5 WHERE id = $6;", &p, _("could not save the entity"), error);
  if (r == NULL)
    return FALSE;
  if (hearsay_pg_affected (r) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no entity %" PRId64), hearsay_entity_get_id (entity));
      return FALSE;
    }
  return TRUE;
}

static HearsayEntity *
entity_from_row (PGresult *r,
                 int       row)
{
  HearsayEntity *entity = hearsay_entity_new (PQgetvalue (r, row, 1), PQgetvalue (r, row, 2));

  hearsay_entity_set_id (entity, hearsay_pg_get_int (r, row, 0));
  hearsay_entity_set_state_affiliated (entity, hearsay_pg_get_text (r, row, 3));
  hearsay_entity_set_affiliation (entity, hearsay_pg_get_text (r, row, 4));
  hearsay_store_aliases_from_json (entity, hearsay_pg_get_text (r, row, 5));
  hearsay_entity_set_uuid (entity, hearsay_pg_get_text (r, row, 6));
  return entity;
}

GPtrArray *
hearsay_pg_list_entities (HearsayStore  *store,
                          GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  /* lower () in the "C" collation folds ASCII only: SQLite's NOCASE. */
  g_autoptr(PGresult) r = hearsay_pg_query (PG (store),
                                            "SELECT id, name, kind, state_affiliated, affiliation, aliases, uuid "
                                            "FROM entity ORDER BY lower (name COLLATE \"C\"), id;",
                                            NULL, _("could not read entities"), error);

  if (r == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    g_ptr_array_add (list, entity_from_row (r, i));
  return g_steal_pointer (&list);
}

HearsayEntity *
hearsay_pg_load_entity (HearsayStore  *store,
                        gint64         id,
                        GError       **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  hearsay_pg_param_int (&p, id);
  r = hearsay_pg_query (PG (store), "SELECT id, name, kind, state_affiliated, affiliation, aliases, uuid "
                        "FROM entity WHERE id = $1;", &p, _("could not read the entity"), error);
  if (r == NULL)
    return NULL;
  if (PQntuples (r) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no entity %" PRId64), id);
      return NULL;
    }
  return entity_from_row (r, 0);
}

gboolean
hearsay_pg_delete_entity (HearsayStore  *store,
                          gint64         id,
                          GError       **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  if (!hearsay_pg_check_writable (PG (store), error))
    return FALSE;
  hearsay_pg_param_int (&p, id);
  r = hearsay_pg_query (PG (store), "DELETE FROM entity WHERE id = $1;", &p, _("could not delete the entity"), error);
  return r != NULL;
}

gint64
hearsay_pg_count_entity_links (HearsayStore  *store,
                               gint64         id,
                               GError       **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  hearsay_pg_param_int (&p, id);
  r = hearsay_pg_query (PG (store), "SELECT count(*) FROM relation WHERE to_entity_id = $1;", &p,
                        _("could not read the entity's links"), error);
  return r != NULL ? hearsay_pg_get_int (r, 0, 0) : -1;
}

gboolean
hearsay_pg_save_event (HearsayStore  *store,
                       HearsayEvent  *event,
                       GError       **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  if (hearsay_event_get_id (event) == 0)
    return hearsay_pg_insert_event (store, event, error);
  if (!hearsay_pg_check_writable (PG (store), error))
    return FALSE;
  hearsay_pg_param_int (&p, hearsay_event_get_id (event));
  hearsay_pg_param_text (&p, hearsay_event_get_name (event));
  hearsay_pg_param_text (&p, hearsay_event_get_date (event));
  r = hearsay_pg_query (PG (store), "UPDATE event SET name = $2, date = $3 WHERE id = $1;", &p,
                        _("could not save the event"), error);
  if (r == NULL)
    return FALSE;
  if (hearsay_pg_affected (r) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no event %" PRId64), hearsay_event_get_id (event));
      return FALSE;
    }
  return TRUE;
}

gboolean
hearsay_pg_insert_event (HearsayStore  *store,
                         HearsayEvent  *event,
                         GError       **error)
{
  HearsayPgStore *self = PG (store);
  gint64 id = hearsay_event_get_id (event);
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  if (!hearsay_pg_check_writable (self, error))
    return FALSE;
  hearsay_pg_param_id (&p, id);
  hearsay_pg_param_text (&p, hearsay_event_get_name (event));
  hearsay_pg_param_text (&p, hearsay_event_get_date (event));
  r = hearsay_pg_query (self, "INSERT INTO event (id, name, date) VALUES (coalesce ($1, nextval "
                        "(pg_get_serial_sequence ('event', 'id'))), $2, $3) RETURNING id;", &p,
                        _("could not save the event"), error);
  if (r == NULL || (id > 0 && !hearsay_pg_bump_sequence (self, "event", id, error)))
    return FALSE;
  hearsay_event_set_id (event, hearsay_pg_get_int (r, 0, 0));
  return TRUE;
}

GArray *
hearsay_pg_list_event_documents (HearsayStore  *store,
                                 gint64         id,
                                 GError       **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;
  GArray *ids;

  hearsay_pg_param_int (&p, id);
  r = hearsay_pg_query (PG (store), "SELECT id FROM document WHERE event_id = $1 ORDER BY id;", &p,
                        _("could not read the event's documents"), error);
  if (r == NULL)
    return NULL;
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), PQntuples (r));
  for (int i = 0; i < PQntuples (r); i++)
    {
      gint64 document = hearsay_pg_get_int (r, i, 0);

      g_array_append_val (ids, document);
    }
  return ids;
}

gboolean
hearsay_pg_delete_event (HearsayStore  *store,
                         gint64         id,
                         GError       **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  if (!hearsay_pg_check_writable (PG (store), error))
    return FALSE;
  hearsay_pg_param_int (&p, id);
  r = hearsay_pg_query (PG (store), "DELETE FROM event WHERE id = $1;", &p, _("could not delete the event"), error);
  return r != NULL;
}

GPtrArray *
hearsay_pg_list_events (HearsayStore  *store,
                        GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PGresult) r = hearsay_pg_query (PG (store),
                                            "SELECT e.id, e.name, e.date, "
                                            "(SELECT count(*) FROM document d WHERE d.event_id = e.id) "
                                            "FROM event e ORDER BY e.date COLLATE \"C\" NULLS FIRST, e.id;",
                                            NULL, _("could not read events"), error);

  if (r == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    {
      HearsayEvent *event = hearsay_event_new (PQgetvalue (r, i, 1), hearsay_pg_get_text (r, i, 2));

      hearsay_event_set_id (event, hearsay_pg_get_int (r, i, 0));
      hearsay_event_set_n_documents (event, (guint) hearsay_pg_get_int (r, i, 3));
      g_ptr_array_add (list, event);
    }
  return g_steal_pointer (&list);
}

gboolean
hearsay_pg_set_document_event (HearsayStore  *store,
                               gint64         document_id,
                               gint64         event_id,
                               GError       **error)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  if (!hearsay_pg_check_writable (PG (store), error))
    return FALSE;
  hearsay_pg_param_int (&p, document_id);
  hearsay_pg_param_id (&p, event_id);
  r = hearsay_pg_query (PG (store), "UPDATE document SET event_id = $2 WHERE id = $1;", &p,
                        _("could not assign the document to the event"), error);
  if (r == NULL)
    return FALSE;
  if (hearsay_pg_affected (r) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no document %" PRId64), document_id);
      return FALSE;
    }
  return TRUE;
}

gint64
hearsay_pg_get_document_event (HearsayStore *store,
                               gint64        document_id)
{
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  hearsay_pg_param_int (&p, document_id);
  r = hearsay_pg_query (PG (store), "SELECT event_id FROM document WHERE id = $1;", &p, NULL, NULL);
  return r != NULL && PQntuples (r) > 0 ? hearsay_pg_get_int (r, 0, 0) : 0;
}

GArray *
hearsay_pg_suggest_event_documents (HearsayStore  *store,
                                    gint64         event_id,
                                    const char    *date,
                                    int            days,
                                    GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  HearsayPgParams p = { 0 };
  g_autoptr(PGresult) r = NULL;

  hearsay_pg_param_int (&p, event_id);
  hearsay_pg_param_text (&p, date);
  hearsay_pg_param_int (&p, days);
  r = hearsay_pg_query (PG (store),
                        "SELECT d.id FROM document d WHERE (d.event_id IS NULL OR d.event_id <> $1) AND ("
                        " ($2::text IS NOT NULL AND d.published_at IS NOT NULL AND"
                        "  abs (hearsay_day (substr (d.published_at, 1, 10)) - hearsay_day ($2)) <= $3)"
                        " OR EXISTS (SELECT 1 FROM annotation a JOIN relation r ON r.from_id = a.id"
                        "  WHERE a.document_id = d.id AND r.to_entity_id IN ("
                        "   SELECT r2.to_entity_id FROM relation r2 JOIN annotation a2 ON a2.id = r2.from_id"
                        "   JOIN document d2 ON d2.id = a2.document_id WHERE d2.event_id = $1"
                        "   AND r2.to_entity_id IS NOT NULL)))"
                        " ORDER BY d.id;", &p, _("could not suggest documents"), error);
  if (r == NULL)
    return NULL;
  for (int i = 0; i < PQntuples (r); i++)
    {
      gint64 id = hearsay_pg_get_int (r, i, 0);

      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}
