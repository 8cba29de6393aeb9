/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-store-entities.c: the entity registry. Aliases are a JSON array. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearsay-uuid.h"
#include "hearsay-error.h"
#include "hearsay-store-private.h"

char *
hearsay_store_aliases_to_json (HearsayEntity *entity)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  const char * const *aliases = hearsay_entity_get_aliases (entity);

  json_builder_begin_array (builder);
  for (guint i = 0; aliases[i]; i++)
    json_builder_add_string_value (builder, aliases[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

void
hearsay_store_aliases_from_json (HearsayEntity *entity,
                                 const char    *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return;
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);

      if (json_node_get_value_type (e) == G_TYPE_STRING)
        hearsay_entity_add_alias (entity, json_node_get_string (e));
    }
}

static gboolean
bind_and_step (HearsayStore   *self,
               sqlite3_stmt   *stmt,
               HearsayEntity  *entity,
               GError        **error)
{
  g_autofree char *aliases = hearsay_store_aliases_to_json (entity);

  sqlite3_bind_text (stmt, 2, hearsay_entity_get_name (entity), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, hearsay_entity_get_kind (entity), -1, SQLITE_STATIC);
  hearsay_store_bind_text (stmt, 4, hearsay_entity_get_state_affiliated (entity));
  hearsay_store_bind_text (stmt, 5, hearsay_entity_get_affiliation (entity));
  sqlite3_bind_text (stmt, 6, aliases, -1, SQLITE_STATIC);
  if (!hearsay_store_step_done (self, stmt, _("could not save the entity"), error))
    return FALSE;
  return TRUE;
}

gboolean
hearsay_store_insert_entity (HearsayStore   *self,
                             HearsayEntity  *entity,
                             GError        **error)
{
  HEARSAY_STORE_DISPATCH (self, insert_entity, (self, entity, error));
  g_autofree char *now = hearsay_now_iso8601 ();
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  stmt = hearsay_store_prepare (self,
                                "INSERT INTO entity (id, name, kind, state_affiliated, affiliation, aliases, "
                                "created_at, uuid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);", error);
  if (stmt == NULL)
    return FALSE;
  if (hearsay_entity_get_uuid (entity) == NULL)
    {
      g_autofree char *uuid = hearsay_uuid_new ();

      hearsay_entity_set_uuid (entity, uuid);
    }
  sqlite3_bind_text (stmt, 8, hearsay_entity_get_uuid (entity), -1, SQLITE_STATIC);
  if (hearsay_entity_get_id (entity) > 0)
    sqlite3_bind_int64 (stmt, 1, hearsay_entity_get_id (entity));
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_STATIC);
  if (!bind_and_step (self, stmt, entity, error))
    return FALSE;
  hearsay_entity_set_id (entity, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

gboolean
hearsay_store_update_entity (HearsayStore   *self,
                             HearsayEntity  *entity,
                             GError        **error)
{
  HEARSAY_STORE_DISPATCH (self, update_entity, (self, entity, error));
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  stmt = hearsay_store_prepare (self,
                                "UPDATE entity SET name = ?2, kind = ?3, state_affiliated = ?4, "
                                "affiliation = ?5, aliases = ?6 WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, hearsay_entity_get_id (entity));
  if (!bind_and_step (self, stmt, entity, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                   _("There is no entity %" PRId64), hearsay_entity_get_id (entity));
      return FALSE;
    }
  return TRUE;
}

static HearsayEntity *
entity_from_row (sqlite3_stmt *stmt)
{
  HearsayEntity *entity = hearsay_entity_new (hearsay_store_column_text (stmt, 1),
                                              hearsay_store_column_text (stmt, 2));

  hearsay_entity_set_id (entity, sqlite3_column_int64 (stmt, 0));
  hearsay_entity_set_state_affiliated (entity, hearsay_store_column_text (stmt, 3));
  hearsay_entity_set_affiliation (entity, hearsay_store_column_text (stmt, 4));
  hearsay_store_aliases_from_json (entity, hearsay_store_column_text (stmt, 5));
  hearsay_entity_set_uuid (entity, hearsay_store_column_text (stmt, 6));
  return entity;
}

GPtrArray *
hearsay_store_list_entities (HearsayStore  *self,
                             GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, list_entities, (self, error));
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = hearsay_store_prepare (self,
                                "SELECT id, name, kind, state_affiliated, affiliation, aliases, uuid "
                                "FROM entity ORDER BY name COLLATE NOCASE, id;", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, entity_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      hearsay_store_set_error (self, error, _("could not read entities"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

HearsayEntity *
hearsay_store_load_entity (HearsayStore  *self,
                           gint64         id,
                           GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, load_entity, (self, id, error));
  HearsayEntity *entity = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = hearsay_store_prepare (self,
                                "SELECT id, name, kind, state_affiliated, affiliation, aliases, uuid "
                                "FROM entity WHERE id = ?1;", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entity = entity_from_row (stmt);
  sqlite3_reset (stmt);
  if (entity == NULL)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND,
                     _("There is no entity %" PRId64), id);
      else
        hearsay_store_set_error (self, error, _("could not read the entity"));
    }
  return entity;
}

gint64
hearsay_store_count_entity_links (HearsayStore  *self,
                                  gint64         id,
                                  GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, count_entity_links, (self, id, error));
  sqlite3_stmt *stmt = hearsay_store_prepare (self, "SELECT count(*) FROM relation WHERE to_entity_id = ?1;", error);
  gint64 n = -1;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    hearsay_store_set_error (self, error, _("could not read the entity's links"));
  sqlite3_reset (stmt);
  return n;
}

gboolean
hearsay_store_delete_entity (HearsayStore  *self,
                             gint64         id,
                             GError       **error)
{
  HEARSAY_STORE_DISPATCH (self, delete_entity, (self, id, error));
  sqlite3_stmt *stmt;

  if (!hearsay_store_check_writable (self, error))
    return FALSE;
  stmt = hearsay_store_prepare (self, "DELETE FROM entity WHERE id = ?1;", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!hearsay_store_step_done (self, stmt, _("could not delete the entity"), error))
    return FALSE;
  return TRUE;
}
