/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-history-ops.c: the operations edits are made of — how each is
 * written (JSON) and how it is applied. An edit, its undo and its redo all
 * run through hearsay_history_apply_op(). */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearsay-uuid.h"
#include "hearsay-annotation-json.h"
#include "hearsay-error.h"
#include "hearsay-history.h"
#include "hearsay-history-private.h"
#include "hearsay-text.h"

const char * const hearsay_document_metadata[] = {
  "title", "outlet", "url", "published_at", "language", NULL
};

void
hearsay_edit_init (HearsayEdit *edit,
                   const char  *kind,
                   const char  *subject,
                   gint64       scope)
{
  edit->kind = kind;
  edit->scope = scope;
  edit->subject = g_strdup (subject);
  edit->undo = g_string_new (NULL);
  edit->redo = g_string_new (NULL);
}

void
hearsay_edit_clear (HearsayEdit *edit)
{
  g_clear_pointer (&edit->subject, g_free);
  if (edit->undo)
    g_string_free (g_steal_pointer (&edit->undo), TRUE);
  if (edit->redo)
    g_string_free (g_steal_pointer (&edit->redo), TRUE);
}

static void
begin_op (GString    *ops,
          const char *op,
          gint64      id)
{
  if (ops->len > 0)
    g_string_append_c (ops, ',');
  g_string_append_printf (ops, "{\"op\":\"%s\",\"id\":%" PRId64, op, id);
}

void
hearsay_ops_delete_annotation (GString *ops,
                               gint64   id)
{
  begin_op (ops, "delete_annotation", id);
  g_string_append_c (ops, '}');
}

void
hearsay_ops_insert_annotation (GString           *ops,
                               HearsayScheme     *scheme,
                               HearsayAnnotation *ann,
                               GPtrArray         *relations)
{
  begin_op (ops, "insert_annotation", hearsay_annotation_get_id (ann));
  g_string_append_printf (ops, ",\"document\":%" PRId64 ",\"annotation\":",
                          hearsay_annotation_get_document_id (ann));
  /* With their stable ids: undoing a deletion restores the same identity
   * (a later merge of a coder's copy must still recognise it). */
  hearsay_annotation_append_json_with_uuid (ops, scheme, ann);
  g_string_append (ops, ",\"relations\":[");
  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      if (i > 0)
        g_string_append_c (ops, ',');
      hearsay_relation_append_json_with_uuid (ops, g_ptr_array_index (relations, i));
    }
  g_string_append (ops, "]}");
}

void
hearsay_ops_set_attribute (GString            *ops,
                           gint64              id,
                           const char         *name,
                           const char * const *values)
{
  begin_op (ops, "set_attribute", id);
  g_string_append (ops, ",\"name\":");
  hearsay_json_append_string (ops, name);
  g_string_append (ops, ",\"values\":[");
  for (guint i = 0; values && values[i]; i++)
    {
      if (i > 0)
        g_string_append_c (ops, ',');
      hearsay_json_append_string (ops, values[i]);
    }
  g_string_append (ops, "]}");
}

void
hearsay_ops_set_note (GString    *ops,
                      gint64      id,
                      const char *note)
{
  begin_op (ops, "set_note", id);
  g_string_append (ops, ",\"note\":");
  hearsay_json_append_string (ops, note);
  g_string_append_c (ops, '}');
}

void
hearsay_ops_set_label (GString    *ops,
                       gint64      id,
                       const char *label)
{
  begin_op (ops, "set_label", id);
  g_string_append (ops, ",\"label\":");
  hearsay_json_append_string (ops, label);
  g_string_append_c (ops, '}');
}

void
hearsay_ops_set_fragments (GString           *ops,
                           HearsayAnnotation *ann)
{
  begin_op (ops, "set_fragments", hearsay_annotation_get_id (ann));
  g_string_append (ops, ",\"annotation\":");
  hearsay_annotation_append_json (ops, NULL, ann);
  g_string_append_c (ops, '}');
}

void
hearsay_ops_insert_relation (GString               *ops,
                             const HearsayRelation *relation)
{
  begin_op (ops, "insert_relation", relation->id);
  g_string_append (ops, ",\"relation\":");
  hearsay_relation_append_json_with_uuid (ops, relation);
  g_string_append_c (ops, '}');
}

void
hearsay_ops_delete_relation (GString *ops,
                             gint64   id)
{
  begin_op (ops, "delete_relation", id);
  g_string_append_c (ops, '}');
}

void
hearsay_ops_set_rejected (GString  *ops,
                          gint64    id,
                          gboolean  rejected)
{
  begin_op (ops, "set_rejected", id);
  g_string_append_printf (ops, ",\"rejected\":%s}", rejected ? "true" : "false");
}

void
hearsay_ops_set_document (GString            *ops,
                          HearsayDocument    *doc,
                          const char * const *names)
{
  begin_op (ops, "set_document", hearsay_document_get_id (doc));
  g_string_append (ops, ",\"set\":{");
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (ops, ',');
      hearsay_json_append_string (ops, names[i]);
      g_string_append_c (ops, ':');
      if (g_strv_contains (hearsay_document_metadata, names[i]))
        {
          const char *value = hearsay_document_get_metadata (doc, names[i]);

          if (value == NULL)
            g_string_append (ops, "null");
          else
            hearsay_json_append_string (ops, value);
        }
      else
        {
          const char * const *values = hearsay_document_get_field (doc, names[i]);

          if (values == NULL)
            g_string_append (ops, "null");
          else
            {
              g_string_append_c (ops, '[');
              for (guint k = 0; values[k] != NULL; k++)
                {
                  if (k > 0)
                    g_string_append_c (ops, ',');
                  hearsay_json_append_string (ops, values[k]);
                }
              g_string_append_c (ops, ']');
            }
        }
    }
  g_string_append (ops, "}}");
}

void
hearsay_history_note_change (HearsayApplied       *applied,
                             HearsayProjectChange  kind,
                             gint64                document_id,
                             gint64                id,
                             gint64                other_id)
{
  HearsayChange change = { kind, document_id, id, other_id, NULL };

  g_array_append_val (applied->changes, change);
}

#define note_change hearsay_history_note_change

void
hearsay_history_note_insert (HearsayApplied      *applied,
                             JsonObject          *op,
                             JsonObject          *object,
                             HearsayInsertedKind  kind,
                             gint64               old_id,
                             gint64               new_id,
                             const char          *uuid)
{
  HearsayInserted inserted = { kind, new_id };

  /* Every insert counts for the −k ids of later operations. */
  g_array_append_val (applied->inserted, inserted);
  if (uuid != NULL)
    json_object_set_string_member (object, "uuid", uuid);
  if (old_id != 0)
    return;
  json_object_set_int_member (op, "id", new_id);
  json_object_set_int_member (object, "id", new_id);
  g_array_index (applied->inserted, HearsayInserted, applied->inserted->len - 1).created = TRUE;
}

/* An edit that inserts annotations and links them in one step names a new
 * annotation by −k: the k-th object the edit inserted. */
static gboolean
resolve_new_id (HearsayApplied  *applied,
                gint64          *id,
                GError         **error)
{
  guint k;

  if (*id >= 0)
    return TRUE;
  k = (guint) (-*id);
  if (k == 0 || k > applied->inserted->len ||
      g_array_index (applied->inserted, HearsayInserted, k - 1).kind != HEARSAY_INSERTED_ANNOTATION)
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                   _("An edit names an annotation it did not create (%" PRId64 ")"), *id);
      return FALSE;
    }
  *id = g_array_index (applied->inserted, HearsayInserted, k - 1).id;
  return TRUE;
}

gboolean
hearsay_history_invalid_op (HearsayProject  *self,
                            const char      *name,
                            GError         **error)
{
  g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
               _("The undo history of %s is damaged (operation “%s”)"),
               hearsay_project_get_path (self), name ? name : "?");
  return FALSE;
}

/* Re-creating an object under an id that another one holds now (another
 * document's edit took it, another client) would merge two objects. */
static gboolean
check_free (HearsayProject  *self,
            gboolean         relation,
            gint64           id,
            GError         **error)
{
  HearsayStore *store = hearsay_project_get_store (self);
  g_autoptr(HearsayAnnotation) ann = NULL;
  g_autoptr(HearsayRelation) rel = NULL;

  if (id <= 0)
    return TRUE;
  if (relation ? (rel = hearsay_store_load_relation (store, id, NULL)) == NULL
               : (ann = hearsay_store_load_annotation (store, id, NULL)) == NULL)
    return TRUE;
  g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_CONFLICT,
               relation ? _("relation %" PRId64 " exists already") : _("annotation %" PRId64 " exists already"),
               id);
  return FALSE;
}

/* set_document: {"set": {NAME: value or [values] or null}}. */
static gboolean
apply_set_document (HearsayProject  *self,
                    JsonObject      *op,
                    gint64           id,
                    HearsayApplied  *applied,
                    GError         **error)
{
  HearsayStore *store = hearsay_project_get_store (self);
  g_autoptr(HearsayDocument) doc = hearsay_store_load_document (store, id, error);
  JsonNode *set = json_object_get_member (op, "set");
  g_autoptr(GList) names = NULL;

  if (doc == NULL)
    return FALSE;
  if (set == NULL || !JSON_NODE_HOLDS_OBJECT (set))
    {
      g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                   _("The undo history of %s is damaged (operation “%s”)"),
                   hearsay_project_get_path (self), "set_document");
      return FALSE;
    }
  names = json_object_get_members (json_node_get_object (set));
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *value = json_object_get_member (json_node_get_object (set), name);

      if (g_strv_contains (hearsay_document_metadata, name))
        hearsay_document_set_metadata (doc, name, JSON_NODE_HOLDS_VALUE (value) ? json_node_get_string (value) : NULL);
      else
        {
          g_auto(GStrv) values = JSON_NODE_HOLDS_ARRAY (value) ? hearsay_json_get_values (value) : NULL;

          hearsay_document_set_field (doc, name, (const char * const *) values);
        }
    }
  if (!hearsay_store_update_document (store, doc, error))
    return FALSE;
  note_change (applied, HEARSAY_PROJECT_CHANGE_DOCUMENT, id, 0, 0);
  return TRUE;
}

gboolean
hearsay_history_apply_op (HearsayProject  *self,
                          JsonObject      *op,
                          HearsayApplied  *applied,
                          GError         **error)
{
  HearsayStore *store = hearsay_project_get_store (self);
  g_autofree char *now = hearsay_now_iso8601 ();
  g_autoptr(HearsayAnnotation) current = NULL;
  const char *name = NULL, *uuid = NULL;
  HearsayProjectChange kind;
  gint64 id = 0;
  if (!hearsay_json_get_string (op, "op", &name) || name == NULL || !hearsay_json_get_int (op, "id", &id))
    goto invalid;

  if (g_str_equal (name, "insert_annotation"))
    {
      JsonNode *node = json_object_get_member (op, "annotation");
      JsonNode *relations = json_object_get_member (op, "relations");
      g_autoptr(HearsayAnnotation) ann = NULL;
      gint64 document_id = 0;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || !hearsay_json_get_int (op, "document", &document_id))
        goto invalid;
      ann = hearsay_annotation_from_json (json_node_get_object (node), document_id, error);
      if (ann == NULL)
        return FALSE;
      if (!hearsay_json_get_string (json_node_get_object (node), "uuid", &uuid))
        goto invalid;
      hearsay_annotation_set_uuid (ann, uuid);
      if (!check_free (self, FALSE, hearsay_annotation_get_id (ann), error) ||
          !hearsay_store_insert_annotation (store, ann, error))
        return FALSE;
      hearsay_history_note_insert (applied, op, json_node_get_object (node), HEARSAY_INSERTED_ANNOTATION,
                                   id, hearsay_annotation_get_id (ann), hearsay_annotation_get_uuid (ann));
      /* The views get the annotation as stored: none reads it back. */
      note_change (applied, HEARSAY_PROJECT_CHANGE_ANNOTATION_ADDED, document_id, hearsay_annotation_get_id (ann), 0);
      g_array_index (applied->changes, HearsayChange, applied->changes->len - 1).object = g_object_ref (G_OBJECT (ann));
      for (guint i = 0; relations && JSON_NODE_HOLDS_ARRAY (relations) &&
                        i < json_array_get_length (json_node_get_array (relations)); i++)
        {
          JsonNode *rn = json_array_get_element (json_node_get_array (relations), i);
          g_autoptr(HearsayRelation) r = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (rn) || (r = hearsay_relation_from_json (json_node_get_object (rn), error)) == NULL)
            return FALSE;
          if (!hearsay_json_get_string (json_node_get_object (rn), "uuid", &uuid))
            goto invalid;
          r->uuid = g_strdup (uuid);
          if (hearsay_store_insert_relation (store, r, error) == 0)
            return FALSE;
          note_change (applied, HEARSAY_PROJECT_CHANGE_RELATIONS, 0, r->from_id, r->to_id);
        }
      return TRUE;
    }
  if (g_str_equal (name, "insert_relation"))
    {
      JsonNode *node = json_object_get_member (op, "relation");
      g_autoptr(HearsayRelation) r = NULL;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        goto invalid;
      r = hearsay_relation_from_json (json_node_get_object (node), error);
      if (r == NULL)
        return FALSE;
      if (!hearsay_json_get_string (json_node_get_object (node), "uuid", &uuid))
        goto invalid;
      /* Known before the insert, so that the recorded redo keeps it. */
      r->uuid = uuid != NULL ? g_strdup (uuid) : hearsay_uuid_new ();
      if (!resolve_new_id (applied, &r->from_id, error) ||
          !resolve_new_id (applied, &r->to_id, error))
        return FALSE;
      json_object_set_int_member (json_node_get_object (node), "from", r->from_id);
      if (r->to_id > 0)
        json_object_set_int_member (json_node_get_object (node), "to", r->to_id);
      if (!check_free (self, TRUE, r->id, error) ||
          (r->id = hearsay_store_insert_relation (store, r, error)) == 0)
        return FALSE;
      hearsay_history_note_insert (applied, op, json_node_get_object (node), HEARSAY_INSERTED_RELATION, id, r->id,
                                   r->uuid);
      note_change (applied, HEARSAY_PROJECT_CHANGE_RELATIONS, 0, r->from_id, r->to_id);
      return TRUE;
    }
  if (g_str_equal (name, "delete_relation"))
    {
      g_autoptr(HearsayRelation) r = hearsay_store_load_relation (store, id, error);

      if (r == NULL || !hearsay_store_delete_relation (store, id, error))
        return FALSE;
      note_change (applied, HEARSAY_PROJECT_CHANGE_RELATIONS, 0, r->from_id, r->to_id);
      return TRUE;
    }
  if (g_str_equal (name, "set_document"))
    return apply_set_document (self, op, id, applied, error);
  if (g_str_equal (name, "set_rejected"))
    {
      JsonNode *value = json_object_get_member (op, "rejected");

      if (value == NULL || json_node_get_value_type (value) != G_TYPE_BOOLEAN)
        goto invalid;
      current = hearsay_store_load_annotation (store, id, error);
      if (current == NULL || !hearsay_store_set_rejected (store, id, json_node_get_boolean (value), error))
        return FALSE;
      note_change (applied, HEARSAY_PROJECT_CHANGE_ANNOTATION_CHANGED, hearsay_annotation_get_document_id (current),
                   id, 0);
      return TRUE;
    }
  {
    gboolean handled = FALSE;
    gboolean ok = hearsay_history_apply_project_op (self, name, op, id, applied, &handled, error);

    if (handled)
      return ok;
  }

  /* The remaining operations change an existing annotation. */
  current = hearsay_store_load_annotation (store, id, error);
  if (current == NULL)
    return FALSE;
  kind = HEARSAY_PROJECT_CHANGE_ANNOTATION_CHANGED;

  if (g_str_equal (name, "delete_annotation"))
    {
      g_autoptr(GPtrArray) relations = hearsay_store_list_annotation_relations (store, id, error);

      if (relations == NULL || !hearsay_store_delete_annotation (store, id, error))
        return FALSE;
      for (guint i = 0; i < relations->len; i++)
        {
          const HearsayRelation *r = g_ptr_array_index (relations, i);

          note_change (applied, HEARSAY_PROJECT_CHANGE_RELATIONS, 0, r->from_id, r->to_id);
        }
      kind = HEARSAY_PROJECT_CHANGE_ANNOTATION_REMOVED;
    }
  else if (g_str_equal (name, "set_attribute"))
    {
      const char *attribute = NULL;
      JsonNode *values = json_object_get_member (op, "values");
      g_auto(GStrv) strv = values ? hearsay_json_get_values (values) : NULL;

      if (!hearsay_json_get_string (op, "name", &attribute) || attribute == NULL || strv == NULL)
        goto invalid;
      if (!hearsay_store_set_attribute (store, id, attribute, (const char * const *) strv, now, error))
        return FALSE;
    }
  else if (g_str_equal (name, "set_note"))
    {
      const char *note = NULL;

      if (!hearsay_json_get_string (op, "note", &note))
        goto invalid;
      if (!hearsay_store_set_note (store, id, note, now, error))
        return FALSE;
    }
  else if (g_str_equal (name, "set_label"))
    {
      const char *label = NULL;

      if (!hearsay_json_get_string (op, "label", &label) || label == NULL)
        goto invalid;
      if (!hearsay_store_set_label (store, id, label, now, error))
        return FALSE;
    }
  else if (g_str_equal (name, "set_fragments"))
    {
      JsonNode *node = json_object_get_member (op, "annotation");
      g_autoptr(HearsayAnnotation) ann = NULL;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        goto invalid;
      ann = hearsay_annotation_from_json (json_node_get_object (node), hearsay_annotation_get_document_id (current),
                                          error);
      if (ann == NULL)
        return FALSE;
      hearsay_annotation_set_id (ann, id);
      if (!hearsay_store_replace_fragments (store, ann, now, error))
        return FALSE;
    }
  else
    goto invalid;
  note_change (applied, kind, hearsay_annotation_get_document_id (current), id, 0);
  return TRUE;

invalid:
  return hearsay_history_invalid_op (self, name, error);
}

