/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-history-ops-project.c: the project-wide operations — the scheme,
 * relabelling, the entity registry and events — written and applied like
 * the annotation operations, so that these edits are undone in their own
 * scope (0) and never by a document's undo. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearsay-annotation-json.h"
#include "hearsay-error.h"
#include "hearsay-history.h"
#include "hearsay-history-private.h"
#include "hearsay-text.h"

static void
begin_op (GString    *ops,
          const char *op,
          gint64      id)
{
  if (ops->len > 0)
    g_string_append_c (ops, ',');
  g_string_append_printf (ops, "{\"op\":\"%s\",\"id\":%" PRId64, op, id);
}

static void
append_ids (GString *ops,
            GArray  *ids)
{
  g_string_append_c (ops, '[');
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    g_string_append_printf (ops, "%s%" PRId64, i > 0 ? "," : "", g_array_index (ids, gint64, i));
  g_string_append_c (ops, ']');
}

void
hearsay_ops_set_scheme (GString    *ops,
                        const char *scheme_json)
{
  begin_op (ops, "set_scheme", 0);
  /* As a string: the history keeps the scheme's own bytes. */
  g_string_append (ops, ",\"scheme\":");
  hearsay_json_append_string (ops, scheme_json);
  g_string_append_c (ops, '}');
}

void
hearsay_ops_relabel (GString    *ops,
                     GArray     *ids,
                     const char *label)
{
  begin_op (ops, "relabel", 0);
  g_string_append (ops, ",\"label\":");
  hearsay_json_append_string (ops, label);
  g_string_append (ops, ",\"ids\":");
  append_ids (ops, ids);
  g_string_append_c (ops, '}');
}

static void
entity_op (GString       *ops,
           const char    *name,
           HearsayEntity *entity)
{
  begin_op (ops, name, hearsay_entity_get_id (entity));
  g_string_append (ops, ",\"entity\":");
  hearsay_entity_append_json (ops, entity);
  g_string_append_c (ops, '}');
}

void
hearsay_ops_insert_entity (GString       *ops,
                           HearsayEntity *entity)
{
  entity_op (ops, "insert_entity", entity);
}

void
hearsay_ops_update_entity (GString       *ops,
                           HearsayEntity *entity)
{
  entity_op (ops, "update_entity", entity);
}

void
hearsay_ops_delete_entity (GString *ops,
                           gint64   id)
{
  begin_op (ops, "delete_entity", id);
  g_string_append_c (ops, '}');
}

static void
event_op (GString      *ops,
          const char   *name,
          HearsayEvent *event)
{
  begin_op (ops, name, hearsay_event_get_id (event));
  g_string_append_printf (ops, ",\"event\":{\"id\":%" PRId64 ",\"name\":", hearsay_event_get_id (event));
  hearsay_json_append_string (ops, hearsay_event_get_name (event));
  g_string_append (ops, ",\"date\":");
  if (hearsay_event_get_date (event) != NULL)
    hearsay_json_append_string (ops, hearsay_event_get_date (event));
  else
    g_string_append (ops, "null");
  g_string_append_c (ops, '}');
}

void
hearsay_ops_insert_event (GString      *ops,
                          HearsayEvent *event,
                          GArray       *documents)
{
  event_op (ops, "insert_event", event);
  g_string_append (ops, ",\"documents\":");
  append_ids (ops, documents);
  g_string_append_c (ops, '}');
}

void
hearsay_ops_update_event (GString      *ops,
                          HearsayEvent *event)
{
  event_op (ops, "update_event", event);
  g_string_append_c (ops, '}');
}

void
hearsay_ops_delete_event (GString *ops,
                          gint64   id)
{
  begin_op (ops, "delete_event", id);
  g_string_append_c (ops, '}');
}

void
hearsay_ops_set_document_event (GString *ops,
                                gint64   document_id,
                                gint64   event_id)
{
  begin_op (ops, "set_document_event", document_id);
  g_string_append_printf (ops, ",\"event\":%" PRId64 "}", event_id);
}

/* Applying */

static GArray *
get_ids (JsonObject *op,
         const char *member)
{
  JsonNode *node = json_object_get_member (op, member);
  JsonArray *array;
  GArray *ids;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), json_array_get_length (array));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64)
        {
          g_array_unref (ids);
          return NULL;
        }
      id = json_node_get_int (element);
      g_array_append_val (ids, id);
    }
  return ids;
}

static gboolean
apply_set_scheme (HearsayProject  *self,
                  JsonObject      *op,
                  HearsayApplied  *applied,
                  GError         **error)
{
  const char *json = NULL;
  g_autoptr(HearsayScheme) scheme = NULL;

  if (!hearsay_json_get_string (op, "scheme", &json) || json == NULL)
    return hearsay_history_invalid_op (self, "set_scheme", error);
  scheme = hearsay_scheme_new_from_json (json, -1, error);
  if (scheme == NULL || !hearsay_store_set_scheme_json (hearsay_project_get_store (self), json, error))
    return FALSE;
  g_set_object (&applied->scheme, scheme);
  hearsay_history_note_change (applied, HEARSAY_PROJECT_CHANGE_SCHEME, 0, 0, 0);
  return TRUE;
}

static gboolean
apply_relabel (HearsayProject  *self,
               JsonObject      *op,
               HearsayApplied  *applied,
               GError         **error)
{
  HearsayStore *store = hearsay_project_get_store (self);
  g_autofree char *now = hearsay_now_iso8601 ();
  g_autoptr(GArray) ids = get_ids (op, "ids");
  const char *label = NULL;

  if (ids == NULL || !hearsay_json_get_string (op, "label", &label) || label == NULL)
    return hearsay_history_invalid_op (self, "relabel", error);
  for (guint i = 0; i < ids->len; i++)
    if (!hearsay_store_set_label (store, g_array_index (ids, gint64, i), label, now, error))
      return FALSE;
  /* One notice for what may be thousands of annotations. */
  hearsay_history_note_change (applied, HEARSAY_PROJECT_CHANGE_DOCUMENTS, 0, 0, 0);
  return TRUE;
}

static gboolean
apply_entity (HearsayProject  *self,
              const char      *name,
              JsonObject      *op,
              gint64           id,
              HearsayApplied  *applied,
              GError         **error)
{
  HearsayStore *store = hearsay_project_get_store (self);
  JsonNode *node = json_object_get_member (op, "entity");
  g_autoptr(HearsayEntity) entity = NULL;
  g_autoptr(HearsayEntity) existing = NULL;

  if (g_str_equal (name, "delete_entity"))
    {
      gint64 links;

      if ((existing = hearsay_store_load_entity (store, id, error)) == NULL ||
          (links = hearsay_store_count_entity_links (store, id, error)) < 0)
        return FALSE;
      /* Deleting it would take links out of documents, which their own
       * undo owns: those are undone first. */
      if (links > 0)
        {
          g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_IN_USE,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "the entity “%s” is linked from %" PRId64 " annotation; remove that link first",
                                    "the entity “%s” is linked from %" PRId64 " annotations; remove those links first",
                                    (gulong) links),
                       hearsay_entity_get_name (existing), links);
          return FALSE;
        }
      if (!hearsay_store_delete_entity (store, id, error))
        return FALSE;
    }
  else
    {
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return hearsay_history_invalid_op (self, name, error);
      if ((entity = hearsay_entity_from_json (json_node_get_object (node), error)) == NULL)
        return FALSE;
      if (g_str_equal (name, "insert_entity"))
        {
          if (id > 0 && (existing = hearsay_store_load_entity (store, id, NULL)) != NULL)
            {
              g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_CONFLICT,
                           _("entity %" PRId64 " exists already"), id);
              return FALSE;
            }
          if (!hearsay_store_insert_entity (store, entity, error))
            return FALSE;
          hearsay_history_note_insert (applied, op, json_node_get_object (node), HEARSAY_INSERTED_ENTITY,
                                       id, hearsay_entity_get_id (entity), hearsay_entity_get_uuid (entity));
        }
      else if (!hearsay_store_update_entity (store, entity, error))
        return FALSE;
    }
  hearsay_history_note_change (applied, HEARSAY_PROJECT_CHANGE_ENTITIES, 0, 0, 0);
  return TRUE;
}

static HearsayEvent *
load_event (HearsayStore *store,
            gint64        id)
{
  g_autoptr(GPtrArray) events = hearsay_store_list_events (store, NULL);

  for (guint i = 0; events != NULL && i < events->len; i++)
    if (hearsay_event_get_id (g_ptr_array_index (events, i)) == id)
      return g_object_ref (g_ptr_array_index (events, i));
  return NULL;
}

static gboolean
apply_event (HearsayProject  *self,
             const char      *name,
             JsonObject      *op,
             gint64           id,
             HearsayApplied  *applied,
             GError         **error)
{
  HearsayStore *store = hearsay_project_get_store (self);
  JsonNode *node = json_object_get_member (op, "event");
  g_autoptr(HearsayEvent) event = NULL;

  if (g_str_equal (name, "delete_event"))
    {
      if ((event = load_event (store, id)) == NULL)
        {
          g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                       _("There is no event %" PRId64), id);
          return FALSE;
        }
      /* Its documents are left in no event (ON DELETE SET NULL). */
      if (!hearsay_store_delete_event (store, id, error))
        return FALSE;
    }
  else if (g_str_equal (name, "set_document_event"))
    {
      gint64 event_id = 0;

      if (!hearsay_json_get_int (op, "event", &event_id))
        return hearsay_history_invalid_op (self, name, error);
      if (event_id > 0 && (event = load_event (store, event_id)) == NULL)
        {
          g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                       _("There is no event %" PRId64), event_id);
          return FALSE;
        }
      if (!hearsay_store_set_document_event (store, id, event_id, error))
        return FALSE;
    }
  else
    {
      const char *event_name = NULL, *date = NULL;
      JsonObject *object;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return hearsay_history_invalid_op (self, name, error);
      object = json_node_get_object (node);
      if (!hearsay_json_get_string (object, "name", &event_name) || event_name == NULL ||
          !hearsay_json_get_string (object, "date", &date))
        return hearsay_history_invalid_op (self, name, error);
      event = hearsay_event_new (event_name, date);
      hearsay_event_set_id (event, id);
      if (g_str_equal (name, "update_event"))
        {
          if (!hearsay_store_save_event (store, event, error))
            return FALSE;
        }
      else
        {
          g_autoptr(GArray) documents = get_ids (op, "documents");
          g_autoptr(HearsayEvent) existing = id > 0 ? load_event (store, id) : NULL;

          if (documents == NULL)
            return hearsay_history_invalid_op (self, name, error);
          if (existing != NULL)
            {
              g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_CONFLICT,
                           _("event %" PRId64 " exists already"), id);
              return FALSE;
            }
          if (!(id > 0 ? hearsay_store_insert_event (store, event, error)
                       : hearsay_store_save_event (store, event, error)))
            return FALSE;
          hearsay_history_note_insert (applied, op, object, HEARSAY_INSERTED_EVENT, id,
                                       hearsay_event_get_id (event), NULL);
          for (guint i = 0; i < documents->len; i++)
            if (!hearsay_store_set_document_event (store, g_array_index (documents, gint64, i),
                                                   hearsay_event_get_id (event), error))
              return FALSE;
        }
    }
  hearsay_history_note_change (applied, HEARSAY_PROJECT_CHANGE_DOCUMENTS, 0, 0, 0);
  return TRUE;
}

gboolean
hearsay_history_apply_project_op (HearsayProject  *self,
                                  const char      *name,
                                  JsonObject      *op,
                                  gint64           id,
                                  HearsayApplied  *applied,
                                  gboolean        *handled,
                                  GError         **error)
{
  *handled = TRUE;
  if (g_str_equal (name, "set_scheme"))
    return apply_set_scheme (self, op, applied, error);
  if (g_str_equal (name, "relabel"))
    return apply_relabel (self, op, applied, error);
  if (g_str_equal (name, "insert_entity") || g_str_equal (name, "update_entity") ||
      g_str_equal (name, "delete_entity"))
    return apply_entity (self, name, op, id, applied, error);
  if (g_str_equal (name, "insert_event") || g_str_equal (name, "update_event") ||
      g_str_equal (name, "delete_event") || g_str_equal (name, "set_document_event"))
    return apply_event (self, name, op, id, applied, error);
  *handled = FALSE;
  return FALSE;
}
