/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-annotation-json.c */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-annotation-json.h"
#include "hearsay-error.h"

void
hearsay_json_append_string (GString    *out,
                            const char *str)
{
  const char *p, *run;

  if (str == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (p = run = str; *p; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      g_string_append_len (out, run, p - run);
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default: g_string_append_printf (out, "\\u%04x", c); break;
        }
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

static void
append_member (GString    *s,
               const char *key,
               const char *value)
{
  g_string_append_c (s, ',');
  hearsay_json_append_string (s, key);
  g_string_append_c (s, ':');
  hearsay_json_append_string (s, value);
}

static gboolean
attribute_is_multi (HearsayScheme *scheme,
                    const char    *label_id,
                    const char    *name)
{
  const HearsayLabel *label = scheme ? hearsay_scheme_lookup_label (scheme, label_id) : NULL;
  const HearsayAttributeDef *def = label ? hearsay_label_lookup_attribute (label, name) : NULL;

  return def != NULL && def->kind == HEARSAY_ATTRIBUTE_MULTI;
}

static void
append_annotation (GString           *s,
                   HearsayScheme     *scheme,
                   HearsayAnnotation *ann,
                   gboolean           with_uuid)
{
  g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (ann);
  const char *label = hearsay_annotation_get_label (ann);

  g_string_append_printf (s, "{\"id\":%" PRId64, hearsay_annotation_get_id (ann));
  append_member (s, "label", label);
  g_string_append (s, ",\"fragments\":[");
  for (guint i = 0; i < hearsay_annotation_get_n_fragments (ann); i++)
    {
      const HearsayFragment *f = hearsay_annotation_get_fragment (ann, i);

      g_string_append_printf (s, "%s{\"start\":%" PRId64 ",\"end\":%" PRId64,
                              i ? "," : "", f->start, f->end);
      append_member (s, "exact", f->exact);
      append_member (s, "prefix", f->prefix);
      append_member (s, "suffix", f->suffix);
      g_string_append_c (s, '}');
    }
  g_string_append (s, "],\"attributes\":{");
  for (guint i = 0; names[i]; i++)
    {
      const char * const *values = hearsay_annotation_get_attribute_values (ann, names[i]);

      if (i > 0)
        g_string_append_c (s, ',');
      hearsay_json_append_string (s, names[i]);
      g_string_append_c (s, ':');
      if (values[1] == NULL && !attribute_is_multi (scheme, label, names[i]))
        hearsay_json_append_string (s, values[0]);
      else
        {
          g_string_append_c (s, '[');
          for (guint j = 0; values[j]; j++)
            {
              if (j > 0)
                g_string_append_c (s, ',');
              hearsay_json_append_string (s, values[j]);
            }
          g_string_append_c (s, ']');
        }
    }
  g_string_append_c (s, '}');
  append_member (s, "note", hearsay_annotation_get_note (ann));
  append_member (s, "annotator", hearsay_annotation_get_annotator (ann));
  append_member (s, "created_at", hearsay_annotation_get_created_at (ann));
  append_member (s, "modified_at", hearsay_annotation_get_modified_at (ann));
  if (with_uuid && hearsay_annotation_get_uuid (ann) != NULL)
    append_member (s, "uuid", hearsay_annotation_get_uuid (ann));
  g_string_append_c (s, '}');
}

void
hearsay_annotation_append_json (GString           *s,
                                HearsayScheme     *scheme,
                                HearsayAnnotation *ann)
{
  append_annotation (s, scheme, ann, FALSE);
}

void
hearsay_annotation_append_json_with_uuid (GString           *s,
                                          HearsayScheme     *scheme,
                                          HearsayAnnotation *ann)
{
  append_annotation (s, scheme, ann, TRUE);
}

static void
append_relation (GString               *s,
                 const HearsayRelation *r,
                 gboolean               with_uuid)
{
  g_string_append_printf (s, "{\"id\":%" PRId64, r->id);
  append_member (s, "type", r->type);
  g_string_append_printf (s, ",\"from\":%" PRId64, r->from_id);
  /* A negative id −k names the k-th annotation the same edit inserts. */
  if (r->to_id != 0)
    g_string_append_printf (s, ",\"to\":%" PRId64, r->to_id);
  else
    g_string_append_printf (s, ",\"to_entity\":%" PRId64, r->to_entity_id);
  append_member (s, "annotator", r->annotator);
  append_member (s, "created_at", r->created_at);
  if (with_uuid && r->uuid != NULL)
    append_member (s, "uuid", r->uuid);
  g_string_append_c (s, '}');
}

void
hearsay_relation_append_json (GString               *s,
                              const HearsayRelation *r)
{
  append_relation (s, r, FALSE);
}

void
hearsay_relation_append_json_with_uuid (GString               *s,
                                        const HearsayRelation *r)
{
  append_relation (s, r, TRUE);
}

void
hearsay_entity_append_json (GString       *s,
                            HearsayEntity *entity)
{
  const char * const *aliases = hearsay_entity_get_aliases (entity);

  g_string_append_printf (s, "{\"id\":%" PRId64, hearsay_entity_get_id (entity));
  append_member (s, "name", hearsay_entity_get_name (entity));
  append_member (s, "kind", hearsay_entity_get_kind (entity));
  append_member (s, "state_affiliated", hearsay_entity_get_state_affiliated (entity));
  append_member (s, "affiliation", hearsay_entity_get_affiliation (entity));
  g_string_append (s, ",\"aliases\":[");
  for (guint i = 0; aliases[i]; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      hearsay_json_append_string (s, aliases[i]);
    }
  g_string_append (s, "]}");
}

gboolean
hearsay_json_get_string (JsonObject  *object,
                         const char  *member,
                         const char **value)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return FALSE;
  *value = json_node_get_string (node);
  return TRUE;
}

gboolean
hearsay_json_get_int (JsonObject *object,
                      const char *member,
                      gint64     *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

char **
hearsay_json_get_values (JsonNode *node)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_strv_builder_add (builder, json_node_get_string (node));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *e = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
            return NULL;
          g_strv_builder_add (builder, json_node_get_string (e));
        }
    }
  else
    return NULL;
  return g_strv_builder_end (builder);
}

static gboolean
invalid (GError     **error,
         const char  *message)
{
  g_set_error_literal (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID, message);
  return FALSE;
}

HearsayAnnotation *
hearsay_annotation_from_json (JsonObject  *object,
                              gint64       document_id,
                              GError     **error)
{
  g_autoptr(HearsayAnnotation) ann = NULL;
  const char *label, *note, *annotator, *created_at, *modified_at;
  JsonNode *fragments, *attributes;
  JsonArray *array;
  gint64 id = 0;

  if (!hearsay_json_get_string (object, "label", &label) || label == NULL || *label == '\0')
    return invalid (error, _("the annotation has no label")), NULL;
  if (!hearsay_json_get_string (object, "note", &note) ||
      !hearsay_json_get_string (object, "annotator", &annotator) ||
      !hearsay_json_get_string (object, "created_at", &created_at) ||
      !hearsay_json_get_string (object, "modified_at", &modified_at))
    return invalid (error, _("note, annotator and times must be strings")), NULL;

  ann = hearsay_annotation_new (document_id, label);
  if (hearsay_json_get_int (object, "id", &id))
    hearsay_annotation_set_id (ann, id);
  hearsay_annotation_set_note (ann, note);
  hearsay_annotation_set_annotator (ann, annotator);
  hearsay_annotation_set_created_at (ann, created_at);
  hearsay_annotation_set_modified_at (ann, modified_at);

  fragments = json_object_get_member (object, "fragments");
  if (fragments == NULL || !JSON_NODE_HOLDS_ARRAY (fragments) ||
      json_array_get_length ((array = json_node_get_array (fragments))) == 0)
    return invalid (error, _("the annotation has no fragments")), NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *fn = json_array_get_element (array, i);
      JsonObject *fo;
      gint64 start, end;
      const char *exact = NULL, *prefix = NULL, *suffix = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (fn) ||
          !hearsay_json_get_int ((fo = json_node_get_object (fn)), "start", &start) ||
          !hearsay_json_get_int (fo, "end", &end) ||
          !hearsay_json_get_string (fo, "exact", &exact) ||
          !hearsay_json_get_string (fo, "prefix", &prefix) ||
          !hearsay_json_get_string (fo, "suffix", &suffix))
        return invalid (error, _("a fragment needs integer “start” and “end” (and string quotes)")), NULL;
      hearsay_annotation_add_fragment_full (ann, start, end, exact, prefix, suffix);
    }

  attributes = json_object_get_member (object, "attributes");
  if (attributes != NULL && JSON_NODE_HOLDS_OBJECT (attributes))
    {
      JsonObject *ao = json_node_get_object (attributes);
      g_autoptr(GList) names = json_object_get_members (ao);

      for (GList *l = names; l; l = l->next)
        {
          g_auto(GStrv) values = hearsay_json_get_values (json_object_get_member (ao, l->data));

          if (values == NULL)
            {
              g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID,
                           _("the attribute “%s” must be a string or a list of strings"),
                           (const char *) l->data);
              return NULL;
            }
          hearsay_annotation_set_attribute_values (ann, l->data, (const char * const *) values);
        }
    }
  return g_steal_pointer (&ann);
}

HearsayRelation *
hearsay_relation_from_json (JsonObject  *object,
                            GError     **error)
{
  g_autoptr(HearsayRelation) r = g_new0 (HearsayRelation, 1);
  const char *type, *annotator, *created_at;

  if (!hearsay_json_get_string (object, "type", &type) || type == NULL ||
      !hearsay_json_get_int (object, "from", &r->from_id) ||
      (!hearsay_json_get_int (object, "to", &r->to_id) &&
       !hearsay_json_get_int (object, "to_entity", &r->to_entity_id)) ||
      !hearsay_json_get_string (object, "annotator", &annotator) ||
      !hearsay_json_get_string (object, "created_at", &created_at))
    return invalid (error, _("a relation needs “type”, “from” and “to” (or “to_entity”)")), NULL;
  hearsay_json_get_int (object, "id", &r->id);
  r->type = g_strdup (type);
  r->annotator = g_strdup (annotator);
  r->created_at = g_strdup (created_at);
  return g_steal_pointer (&r);
}

HearsayEntity *
hearsay_entity_from_json (JsonObject  *object,
                          GError     **error)
{
  g_autoptr(HearsayEntity) entity = NULL;
  const char *name, *kind, *affiliated, *affiliation, *uuid = NULL;
  JsonNode *aliases = json_object_get_member (object, "aliases");
  g_auto(GStrv) values = NULL;
  gint64 id = 0;

  if (!hearsay_json_get_string (object, "name", &name) || name == NULL ||
      !hearsay_json_get_string (object, "kind", &kind) ||
      !hearsay_json_get_string (object, "state_affiliated", &affiliated) ||
      !hearsay_json_get_string (object, "affiliation", &affiliation))
    return invalid (error, _("an entity needs a “name” (and string “kind”, “state_affiliated”, “affiliation”)")), NULL;
  if (aliases != NULL && !JSON_NODE_HOLDS_NULL (aliases) && (values = hearsay_json_get_values (aliases)) == NULL)
    return invalid (error, _("an entity's “aliases” must be a list of strings")), NULL;
  entity = hearsay_entity_new (name, kind);
  if (hearsay_json_get_int (object, "id", &id))
    hearsay_entity_set_id (entity, id);
  hearsay_entity_set_state_affiliated (entity, affiliated);
  hearsay_entity_set_affiliation (entity, affiliation);
  hearsay_entity_set_aliases (entity, (const char * const *) values);
  /* Kept by undo and redo, so that a merge still matches the entity. */
  if (hearsay_json_get_string (object, "uuid", &uuid) && uuid != NULL)
    hearsay_entity_set_uuid (entity, uuid);
  return g_steal_pointer (&entity);
}
