/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-scheme-edit.c: changing a scheme and reading or writing it as a file. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-atomic-file.h"
#include "hearsay-error.h"
#include "hearsay-scheme-private.h"

static gboolean
valid_id (const char  *id,
          GError     **error)
{
  if (hearsay_scheme_is_identifier (id))
    return TRUE;
  g_set_error (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
               _("“%s” is not a valid identifier: use letters, digits and _ without spaces"), id ? id : "");
  return FALSE;
}

static JsonArray *
ensure_array (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      json_object_set_array_member (object, member, json_array_new ());
      node = json_object_get_member (object, member);
    }
  return json_node_get_array (node);
}

static JsonObject *
find_by_id (JsonArray  *array,
            const char *id,
            guint      *index)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (node), "id", NULL), id) == 0)
        {
          if (index)
            *index = i;
          return json_node_get_object (node);
        }
    }
  return NULL;
}

static JsonObject *
find_label (HearsayScheme  *self,
            const char     *id,
            GError        **error)
{
  JsonObject *label = find_by_id (ensure_array (hearsay_scheme_get_root (self), "labels"), id, NULL);

  if (label == NULL)
    g_set_error (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
                 _("The scheme has no label “%s”"), id);
  return label;
}

gboolean
hearsay_scheme_set_label (HearsayScheme  *self,
                          const char     *id,
                          const char     *name,
                          const char     *color,
                          guint           key,
                          GError        **error)
{
  JsonArray *labels;
  JsonObject *label;

  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), FALSE);
  if (!valid_id (id, error))
    return FALSE;
  if (key > 9)
    {
      g_set_error (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
                   _("A label's key is 1 to 9 (or 0 for none), not %u"), key);
      return FALSE;
    }
  if (color != NULL && !(color[0] == '#' && strlen (color) == 7 && strspn (color + 1, "0123456789abcdefABCDEF") == 6))
    {
      g_set_error (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
                   _("“%s” is not a colour: use #rrggbb"), color);
      return FALSE;
    }

  labels = ensure_array (hearsay_scheme_get_root (self), "labels");
  label = find_by_id (labels, id, NULL);
  if (label == NULL && key == 0)
    {
      /* A new label without a key changes nothing else: read it alone. */
      label = json_object_new ();
      json_object_set_string_member (label, "id", id);
      if (name != NULL)
        json_object_set_string_member (label, "name", name);
      if (color != NULL)
        json_object_set_string_member (label, "color", color);
      json_object_set_array_member (label, "attributes", json_array_new ());
      json_array_add_object_element (labels, label);
      if (hearsay_scheme_append_parsed_label (self, label, error))
        return TRUE;
      json_array_remove_element (labels, json_array_get_length (labels) - 1);
      return FALSE;
    }
  if (label == NULL)
    {
      label = json_object_new ();
      json_object_set_string_member (label, "id", id);
      json_object_set_array_member (label, "attributes", json_array_new ());
      json_array_add_object_element (labels, label);
    }
  if (name != NULL)
    json_object_set_string_member (label, "name", name);
  if (color != NULL)
    json_object_set_string_member (label, "color", color);
  if (key > 0)
    for (guint i = 0; i < json_array_get_length (labels); i++)
      {
        JsonObject *other = json_array_get_object_element (labels, i);

        if (other != label && json_object_get_int_member_with_default (other, "key", 0) == key)
          json_object_remove_member (other, "key");
      }
  if (key > 0)
    json_object_set_int_member (label, "key", key);
  else
    json_object_remove_member (label, "key");
  return hearsay_scheme_reload (self, error);
}

gboolean
hearsay_scheme_remove_label (HearsayScheme  *self,
                             const char     *id,
                             GError        **error)
{
  JsonArray *labels;
  guint index;

  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), FALSE);
  labels = ensure_array (hearsay_scheme_get_root (self), "labels");
  if (find_by_id (labels, id, &index) == NULL)
    return find_label (self, id, error) != NULL;
  json_array_remove_element (labels, index);
  return hearsay_scheme_reload (self, error);
}

gboolean
hearsay_scheme_add_attribute (HearsayScheme         *self,
                              const char            *label_id,
                              const char            *attribute_id,
                              const char            *name,
                              HearsayAttributeKind   kind,
                              GError               **error)
{
  static const char *kinds[] = { "single", "multi", "boolean", "text", "derived" };
  JsonObject *label, *attribute;
  JsonArray *attributes;

  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), FALSE);
  g_return_val_if_fail (kind < G_N_ELEMENTS (kinds), FALSE);
  if (!valid_id (attribute_id, error) || (label = find_label (self, label_id, error)) == NULL)
    return FALSE;
  attributes = ensure_array (label, "attributes");
  if (find_by_id (attributes, attribute_id, NULL) != NULL)
    {
      g_set_error (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
                   _("The label “%s” already has an attribute “%s”"), label_id, attribute_id);
      return FALSE;
    }
  attribute = json_object_new ();
  json_object_set_string_member (attribute, "id", attribute_id);
  json_object_set_string_member (attribute, "name", name ? name : attribute_id);
  json_object_set_string_member (attribute, "kind", kinds[kind]);
  json_object_set_array_member (attribute, "values", json_array_new ());
  json_array_add_object_element (attributes, attribute);
  return hearsay_scheme_reload_label (self, label_id, label, error);
}

gboolean
hearsay_scheme_set_attribute_values (HearsayScheme       *self,
                                     const char          *label_id,
                                     const char          *attribute_id,
                                     const char * const  *ids,
                                     const char * const  *names,
                                     GError             **error)
{
  JsonObject *label, *attribute;
  JsonArray *old_values, *values;

  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), FALSE);
  if ((label = find_label (self, label_id, error)) == NULL)
    return FALSE;
  attribute = find_by_id (ensure_array (label, "attributes"), attribute_id, NULL);
  if (attribute == NULL)
    {
      g_set_error (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
                   _("The label “%s” has no attribute “%s”"), label_id, attribute_id);
      return FALSE;
    }
  old_values = ensure_array (attribute, "values");
  values = json_array_new ();
  for (guint i = 0; ids && ids[i]; i++)
    {
      JsonObject *old = find_by_id (old_values, ids[i], NULL);
      JsonObject *value;

      if (*ids[i] == '\0')
        {
          json_array_unref (values);
          g_set_error_literal (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
                               _("A value needs an identifier"));
          return FALSE;
        }
      /* A kept value keeps its other members (category, SemEval name). */
      value = old ? json_object_ref (old) : json_object_new ();
      json_object_set_string_member (value, "id", ids[i]);
      json_object_set_string_member (value, "name", names && names[i] ? names[i] : ids[i]);
      json_array_add_object_element (values, value);
    }
  json_object_set_array_member (attribute, "values", values);
  return hearsay_scheme_reload_label (self, label_id, label, error);
}

gboolean
hearsay_scheme_set_label_event (HearsayScheme  *self,
                                const char     *id,
                                gboolean        event,
                                GError        **error)
{
  JsonObject *label;

  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), FALSE);
  if ((label = find_label (self, id, error)) == NULL)
    return FALSE;
  if (event)
    json_object_set_boolean_member (label, "event", TRUE);
  else
    json_object_remove_member (label, "event");
  return hearsay_scheme_reload_label (self, id, label, error);
}

static JsonArray *
string_list (char **strings)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings != NULL && strings[i]; i++)
    json_array_add_string_element (array, strings[i]);
  return array;
}

gboolean
hearsay_scheme_set_relation_type (HearsayScheme              *self,
                                  const HearsayRelationType  *type,
                                  GError                    **error)
{
  JsonArray *types;
  JsonObject *object;

  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), FALSE);
  g_return_val_if_fail (type != NULL, FALSE);
  if (!valid_id (type->id, error))
    return FALSE;
  types = ensure_array (hearsay_scheme_get_root (self), "relation_types");
  object = find_by_id (types, type->id, NULL);
  if (object == NULL)
    {
      object = json_object_new ();
      json_array_add_object_element (types, object);
    }
  json_object_set_string_member (object, "id", type->id);
  json_object_set_string_member (object, "name", type->name ? type->name : type->id);
  json_object_set_array_member (object, "from", string_list (type->from_labels));
  json_object_set_array_member (object, "to", string_list (type->to_labels));
  json_object_set_string_member (object, "target", type->to_entity ? "entity" : "annotation");
  json_object_set_boolean_member (object, "symmetric", type->symmetric);
  json_object_set_boolean_member (object, "cross_document", type->cross_document);
  /* Written only when set: a scheme without them stays as it was. */
  if (type->transitive)
    json_object_set_boolean_member (object, "transitive", TRUE);
  else
    json_object_remove_member (object, "transitive");
  if (type->event_role)
    json_object_set_boolean_member (object, "event_role", TRUE);
  else
    json_object_remove_member (object, "event_role");
  return hearsay_scheme_reload (self, error);
}

HearsayScheme *
hearsay_scheme_new_from_file (const char  *path,
                              GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  HearsayScheme *scheme;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_PARSE,
                   _("%s cannot be read: %s"), path, local_error->message);
      return NULL;
    }
  scheme = hearsay_scheme_new_from_json (contents, length, &local_error);
  if (scheme == NULL)
    {
      g_set_error (error, HEARSAY_SCHEME_ERROR, local_error->code, "%s: %s", path, local_error->message);
      return NULL;
    }
  return scheme;
}

gboolean
hearsay_scheme_save_to_file (HearsayScheme  *self,
                             const char     *path,
                             GError        **error)
{
  g_autoptr(HearsayAtomicFile) file = hearsay_atomic_file_new (path, error);
  g_autofree char *json = NULL;

  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), FALSE);
  if (file == NULL)
    return FALSE;
  json = hearsay_scheme_to_json (self);
  if (!g_output_stream_write_all (hearsay_atomic_file_get_stream (file), json, strlen (json), NULL, NULL, error) ||
      !g_output_stream_write_all (hearsay_atomic_file_get_stream (file), "\n", 1, NULL, NULL, error))
    return FALSE;
  return hearsay_atomic_file_commit (file, error);
}
