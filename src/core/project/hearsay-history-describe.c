/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-history-describe.c: how history entries are named ("Add Claim",
 * "Add Entity “SANA”") for the menu, the toasts and the CLI, and what an
 * entry concerns — the annotation and its span, an entity, an event —
 * read from its operations before they are applied. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearsay-annotation-json.h"
#include "hearsay-history.h"
#include "hearsay-history-private.h"

static const char *
display_name (HearsayScheme *scheme,
              const char    *kind,
              const char    *subject)
{
  const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, subject);
  const HearsayRelationType *type = hearsay_scheme_lookup_relation_type (scheme, subject);
  const HearsayAttributeDef *field;

  if (subject == NULL)
    return "";
  if (g_str_equal (kind, "set_attribute"))
    for (guint i = 0; i < hearsay_scheme_get_n_labels (scheme); i++)
      {
        const HearsayAttributeDef *def = hearsay_label_lookup_attribute (hearsay_scheme_get_label (scheme, i), subject);

        if (def != NULL)
          return hearsay_scheme_translate (def->name);
      }
  if (g_str_equal (kind, "set_document") && (field = hearsay_scheme_lookup_document_field (scheme, subject)) != NULL)
    return hearsay_scheme_translate (field->name);
  if (label != NULL)
    return hearsay_scheme_translate (label->name);
  if (type != NULL)
    return hearsay_scheme_translate (type->name);
  return subject;
}

char *
hearsay_history_describe (HearsayProject *self,
                          const char     *kind,
                          const char     *subject)
{
  const char *name = display_name (hearsay_project_get_scheme (self), kind, subject);

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
  if (g_str_equal (kind, "set_document"))
    return subject != NULL ? g_strdup_printf (_("Change %s"), name) : g_strdup (_("Edit Document"));
  /* Project-wide edits: entity and event names are the user's own words. */
  if (g_str_equal (kind, "set_scheme"))
    return g_strdup (_("Edit Scheme"));
  if (g_str_equal (kind, "remap_label"))
    return g_strdup_printf (_("Remap Labels to %s"), name);
  if (g_str_equal (kind, "add_entity"))
    return g_strdup_printf (_("Add Entity “%s”"), subject);
  if (g_str_equal (kind, "edit_entity"))
    return g_strdup_printf (_("Edit Entity “%s”"), subject);
  if (g_str_equal (kind, "add_event"))
    return g_strdup_printf (_("Add Event “%s”"), subject);
  if (g_str_equal (kind, "edit_event"))
    return g_strdup_printf (_("Edit Event “%s”"), subject);
  if (g_str_equal (kind, "delete_event"))
    return g_strdup_printf (_("Delete Event “%s”"), subject);
  if (g_str_equal (kind, "set_document_event"))
    return subject != NULL ? g_strdup_printf (_("Add to Event “%s”"), subject)
                           : g_strdup (_("Remove from Event"));
  /* TRANSLATORS: curation; %s is a coder's name. */
  if (g_str_equal (kind, "curate_accept"))
    return g_strdup_printf (_("Accept %s’s Version"), subject ? subject : "");
  if (g_str_equal (kind, "curate_agreed"))
    return g_strdup (_("Accept Agreed"));
  if (g_str_equal (kind, "curate_reject"))
    return g_strdup (_("Reject"));
  if (g_str_equal (kind, "curate_reset"))
    return g_strdup (_("Undecide"));
  return g_strdup (kind);
}

static void
take_annotation (HearsayHistoryStep *step,
                 HearsayAnnotation  *ann)
{
  const HearsayFragment *first;

  if (ann == NULL || hearsay_annotation_get_n_fragments (ann) == 0)
    return;
  first = hearsay_annotation_get_fragment (ann, 0);
  step->annotation_id = hearsay_annotation_get_id (ann);
  step->start = first->start;
  step->end = first->end;
  if (step->document_id == 0)
    step->document_id = hearsay_annotation_get_document_id (ann);
  g_free (step->detail);
  step->detail = g_strdup (first->exact);
}

static void
take_name (HearsayHistoryStep *step,
           JsonObject         *object)
{
  const char *name = NULL;

  if (object != NULL && hearsay_json_get_string (object, "name", &name) && name != NULL)
    {
      g_free (step->detail);
      step->detail = g_strdup (name);
    }
}

static JsonObject *
get_object (JsonObject *op,
            const char *member)
{
  JsonNode *node = json_object_get_member (op, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* The first operation that names something says what the entry is about:
 * its annotation (the one it adds, deletes or changes, or a relation's
 * source), its entity, event or document. */
void
hearsay_history_describe_target (HearsayProject     *self,
                                 JsonArray          *ops,
                                 HearsayHistoryStep *step)
{
  HearsayStore *store = hearsay_project_get_store (self);

  for (guint i = 0; i < json_array_get_length (ops); i++)
    {
      JsonNode *node = json_array_get_element (ops, i);
      JsonObject *op, *object;
      const char *name = NULL;
      gint64 id = 0;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return;
      op = json_node_get_object (node);
      if (!hearsay_json_get_string (op, "op", &name) || name == NULL || !hearsay_json_get_int (op, "id", &id))
        return;

      if (g_str_equal (name, "insert_annotation"))
        {
          gint64 document_id = 0;
          g_autoptr(HearsayAnnotation) ann = NULL;

          if ((object = get_object (op, "annotation")) != NULL && hearsay_json_get_int (op, "document", &document_id))
            ann = hearsay_annotation_from_json (object, document_id, NULL);
          take_annotation (step, ann);
          return;
        }
      if (g_str_equal (name, "insert_relation") || g_str_equal (name, "delete_relation"))
        {
          g_autoptr(HearsayRelation) relation = NULL;
          g_autoptr(HearsayAnnotation) from = NULL;

          if (g_str_equal (name, "insert_relation"))
            relation = (object = get_object (op, "relation")) != NULL ? hearsay_relation_from_json (object, NULL) : NULL;
          else
            relation = hearsay_store_load_relation (store, id, NULL);
          if (relation != NULL)
            from = hearsay_store_load_annotation (store, relation->from_id, NULL);
          take_annotation (step, from);
          return;
        }
      if (g_str_equal (name, "delete_annotation") || g_str_equal (name, "set_attribute") ||
          g_str_equal (name, "set_note") || g_str_equal (name, "set_label") ||
          g_str_equal (name, "set_fragments"))
        {
          g_autoptr(HearsayAnnotation) ann = hearsay_store_load_annotation (store, id, NULL);

          take_annotation (step, ann);
          return;
        }
      if (g_str_equal (name, "set_document"))
        {
          g_autoptr(HearsayDocument) doc = hearsay_store_load_document (store, id, NULL);

          if (doc != NULL)
            step->detail = g_strdup (hearsay_document_get_title (doc));
          return;
        }
      if (g_str_equal (name, "insert_entity") || g_str_equal (name, "update_entity"))
        {
          take_name (step, get_object (op, "entity"));
          return;
        }
      if (g_str_equal (name, "delete_entity"))
        {
          g_autoptr(HearsayEntity) entity = hearsay_store_load_entity (store, id, NULL);

          if (entity != NULL)
            step->detail = g_strdup (hearsay_entity_get_name (entity));
          return;
        }
      if (g_str_equal (name, "insert_event") || g_str_equal (name, "update_event"))
        {
          take_name (step, get_object (op, "event"));
          return;
        }
      /* delete_event, set_document_event, set_scheme, relabel: the label
       * says it all ("Delete Event “…”", "Edit Scheme"). */
    }
}
