/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-history.c: undo and redo. Every edit stores the operations that undo
 * and redo it, in the same transaction as the edit itself; undo applies them in
 * one transaction too, so the history and the data never disagree. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearsay-annotation-json.h"
#include "hearsay-error.h"
#include "hearsay-history.h"
#include "hearsay-text.h"

void
hearsay_edit_init (HearsayEdit *edit,
                   const char  *kind,
                   const char  *subject)
{
  edit->kind = kind;
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
  hearsay_annotation_append_json (ops, scheme, ann);
  g_string_append (ops, ",\"relations\":[");
  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      if (i > 0)
        g_string_append_c (ops, ',');
      hearsay_relation_append_json (ops, g_ptr_array_index (relations, i));
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
  hearsay_relation_append_json (ops, relation);
  g_string_append_c (ops, '}');
}

void
hearsay_ops_delete_relation (GString *ops,
                             gint64   id)
{
  begin_op (ops, "delete_relation", id);
  g_string_append_c (ops, '}');
}

gboolean
hearsay_history_record (HearsayProject  *project,
                        HearsayEdit     *edit,
                        GError         **error)
{
  g_autofree char *undo = g_strdup_printf ("[%s]", edit->undo->str);
  g_autofree char *redo = g_strdup_printf ("[%s]", edit->redo->str);
  g_autofree char *now = hearsay_now_iso8601 ();

  return hearsay_store_history_push (hearsay_project_get_store (project), edit->kind, edit->subject,
                                     undo, redo, now, error);
}

gboolean
hearsay_history_commit (HearsayProject  *self,
                        HearsayEdit     *edit,
                        gboolean         ok,
                        GError         **error)
{
  HearsayStore *store = hearsay_project_get_store (self);

  if (!ok || !hearsay_history_record (self, edit, error) || !hearsay_store_commit (store, error))
    {
      hearsay_store_rollback (store);
      hearsay_edit_clear (edit);
      return FALSE;
    }
  hearsay_edit_clear (edit);
  return TRUE;
}

/* What changed, to tell the views once the transaction is committed. */
typedef struct
{
  HearsayProjectChange change;
  gint64 document_id;
  gint64 id;
  gint64 other_id;
} Change;

static gboolean
apply_op (HearsayProject  *self,
          JsonObject      *op,
          GArray          *changes,
          GError         **error)
{
  HearsayStore *store = hearsay_project_get_store (self);
  g_autofree char *now = hearsay_now_iso8601 ();
  g_autoptr(HearsayAnnotation) current = NULL;
  const char *name = NULL;
  gint64 id = 0;
  Change change = { 0 };

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
      if (ann == NULL || !hearsay_store_insert_annotation (store, ann, error))
        return FALSE;
      change = (Change) { HEARSAY_PROJECT_CHANGE_ANNOTATION_ADDED, document_id, id, 0 };
      g_array_append_val (changes, change);
      for (guint i = 0; relations && JSON_NODE_HOLDS_ARRAY (relations) &&
                        i < json_array_get_length (json_node_get_array (relations)); i++)
        {
          JsonNode *rn = json_array_get_element (json_node_get_array (relations), i);
          g_autoptr(HearsayRelation) r = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (rn) || (r = hearsay_relation_from_json (json_node_get_object (rn), error)) == NULL)
            return FALSE;
          if (hearsay_store_insert_relation (store, r, error) == 0)
            return FALSE;
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
      if (r == NULL || hearsay_store_insert_relation (store, r, error) == 0)
        return FALSE;
      change = (Change) { HEARSAY_PROJECT_CHANGE_RELATIONS, 0, r->from_id, r->to_id };
      g_array_append_val (changes, change);
      return TRUE;
    }
  if (g_str_equal (name, "delete_relation"))
    {
      g_autoptr(HearsayRelation) r = hearsay_store_load_relation (store, id, error);

      if (r == NULL || !hearsay_store_delete_relation (store, id, error))
        return FALSE;
      change = (Change) { HEARSAY_PROJECT_CHANGE_RELATIONS, 0, r->from_id, r->to_id };
      g_array_append_val (changes, change);
      return TRUE;
    }

  /* The remaining operations change an existing annotation. */
  current = hearsay_store_load_annotation (store, id, error);
  if (current == NULL)
    return FALSE;
  change = (Change) { HEARSAY_PROJECT_CHANGE_ANNOTATION_CHANGED, hearsay_annotation_get_document_id (current), id, 0 };

  if (g_str_equal (name, "delete_annotation"))
    {
      if (!hearsay_store_delete_annotation (store, id, error))
        return FALSE;
      change.change = HEARSAY_PROJECT_CHANGE_ANNOTATION_REMOVED;
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
  g_array_append_val (changes, change);
  return TRUE;

invalid:
  g_set_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
               _("The undo history of %s is damaged (operation “%s”)"),
               hearsay_project_get_path (self), name ? name : "?");
  return FALSE;
}

static gboolean
step (HearsayProject  *self,
      gboolean         redo,
      GError         **error)
{
  HearsayStore *store = hearsay_project_get_store (self);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autofree char *ops = NULL;
  JsonArray *array;
  gint64 id;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), FALSE);

  if (store == NULL || !hearsay_store_history_peek (store, redo, &id, NULL, NULL, &ops))
    {
      g_set_error_literal (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                           redo ? _("There is nothing to redo") : _("There is nothing to undo"));
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, ops, -1, error) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return FALSE;
  array = json_node_get_array (json_parser_get_root (parser));

  if (!hearsay_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (node) || !apply_op (self, json_node_get_object (node), changes, error))
        {
          if (error && *error == NULL)
            g_set_error_literal (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_FAILED,
                                 _("The undo history is damaged"));
          hearsay_store_rollback (store);
          return FALSE;
        }
    }
  if (!hearsay_store_history_mark (store, id, !redo, error) || !hearsay_store_commit (store, error))
    {
      hearsay_store_rollback (store);
      return FALSE;
    }
  for (guint i = 0; i < changes->len; i++)
    {
      const Change *c = &g_array_index (changes, Change, i);

      hearsay_project_emit_change (self, c->change, c->document_id, c->id, c->other_id);
    }
  hearsay_project_emit_change (self, HEARSAY_PROJECT_CHANGE_HISTORY, 0, 0, 0);
  return TRUE;
}

gboolean
hearsay_project_undo (HearsayProject  *self,
                      GError         **error)
{
  return step (self, FALSE, error);
}

gboolean
hearsay_project_redo (HearsayProject  *self,
                      GError         **error)
{
  return step (self, TRUE, error);
}

static const char *
display_name (HearsayScheme *scheme,
              const char    *kind,
              const char    *subject)
{
  const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, subject);
  const HearsayRelationType *type = hearsay_scheme_lookup_relation_type (scheme, subject);

  if (subject == NULL)
    return "";
  if (g_str_equal (kind, "set_attribute"))
    for (guint i = 0; i < hearsay_scheme_get_n_labels (scheme); i++)
      {
        const HearsayAttributeDef *def = hearsay_label_lookup_attribute (hearsay_scheme_get_label (scheme, i), subject);

        if (def != NULL)
          return hearsay_scheme_translate (def->name);
      }
  if (label != NULL)
    return hearsay_scheme_translate (label->name);
  if (type != NULL)
    return hearsay_scheme_translate (type->name);
  return subject;
}

static char *
describe (HearsayProject *self,
          gboolean        redo)
{
  g_autofree char *kind = NULL;
  g_autofree char *subject = NULL;
  HearsayStore *store = hearsay_project_get_store (self);
  const char *name;

  if (store == NULL || !hearsay_store_history_peek (store, redo, NULL, &kind, &subject, NULL))
    return NULL;
  name = display_name (hearsay_project_get_scheme (self), kind, subject);
  if (g_str_equal (kind, "add_annotation"))
    return g_strdup_printf (_("Add %s"), name);
  if (g_str_equal (kind, "delete_annotation"))
    return g_strdup_printf (_("Delete %s"), name);
  if (g_str_equal (kind, "set_attribute"))
    return g_strdup_printf (_("Change %s"), name);
  if (g_str_equal (kind, "set_note"))
    return g_strdup (_("Edit Note"));
  if (g_str_equal (kind, "set_label"))
    return g_strdup_printf (_("Relabel as %s"), name);
  if (g_str_equal (kind, "add_fragment"))
    return g_strdup (_("Add Fragment"));
  if (g_str_equal (kind, "add_relation"))
    return g_strdup_printf (_("Link “%s”"), name);
  if (g_str_equal (kind, "delete_relation"))
    return g_strdup_printf (_("Remove Link “%s”"), name);
  return g_strdup (kind);
}

char *
hearsay_project_dup_undo_label (HearsayProject *self)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  return describe (self, FALSE);
}

char *
hearsay_project_dup_redo_label (HearsayProject *self)
{
  g_return_val_if_fail (HEARSAY_IS_PROJECT (self), NULL);
  return describe (self, TRUE);
}
