/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-scheme.c: the annotation scheme, read from and written to JSON. */
#include "config.h"

#include <string.h>

#include "hearsay-model-resources.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearsay-error.h"
#include "hearsay-json-safety.h"
#include "hearsay-scheme-private.h"

struct _HearsayScheme
{
  GObject parent_instance;

  JsonNode *root;             /* kept so that to_json() writes what was read */
  char *id;
  char *name;
  GPtrArray *labels;          /* HearsayLabel */
  GPtrArray *relation_types;  /* HearsayRelationType */
  GPtrArray *entity_kinds;    /* HearsayEntityKind */
  GPtrArray *document_fields; /* HearsayAttributeDef */
};

G_DEFINE_FINAL_TYPE (HearsayScheme, hearsay_scheme, G_TYPE_OBJECT)

static void
value_def_free (gpointer data)
{
  HearsayValueDef *v = data;

  g_free (v->id);
  g_free (v->name);
  g_free (v->category);
  g_free (v->semeval);
  g_free (v);
}

static void
attribute_def_free (gpointer data)
{
  HearsayAttributeDef *a = data;

  g_free (a->id);
  g_free (a->name);
  g_free (a->derived_from);
  g_ptr_array_unref (a->values);
  g_free (a);
}

static void
label_free (gpointer data)
{
  HearsayLabel *l = data;

  g_free (l->id);
  g_free (l->name);
  g_free (l->description);
  g_free (l->color);
  g_ptr_array_unref (l->attributes);
  g_free (l);
}

static void
relation_type_free (gpointer data)
{
  HearsayRelationType *r = data;

  g_free (r->id);
  g_free (r->name);
  g_strfreev (r->from_labels);
  g_strfreev (r->to_labels);
  g_free (r);
}

static void
entity_kind_free (gpointer data)
{
  HearsayEntityKind *k = data;

  g_free (k->id);
  g_free (k->name);
  g_free (k);
}

static void
hearsay_scheme_finalize (GObject *object)
{
  HearsayScheme *self = HEARSAY_SCHEME (object);

  g_clear_pointer (&self->root, json_node_unref);
  g_free (self->id);
  g_free (self->name);
  g_ptr_array_unref (self->labels);
  g_ptr_array_unref (self->relation_types);
  g_ptr_array_unref (self->entity_kinds);
  g_ptr_array_unref (self->document_fields);

  G_OBJECT_CLASS (hearsay_scheme_parent_class)->finalize (object);
}

static void
hearsay_scheme_class_init (HearsaySchemeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearsay_scheme_finalize;
}

static void
hearsay_scheme_init (HearsayScheme *self)
{
  self->labels = g_ptr_array_new_with_free_func (label_free);
  self->relation_types = g_ptr_array_new_with_free_func (relation_type_free);
  self->entity_kinds = g_ptr_array_new_with_free_func (entity_kind_free);
  self->document_fields = g_ptr_array_new_with_free_func (attribute_def_free);
}

/* Other tools' type names are kept as they write them, so that labels match
 * their files; only what would break a line or a column of theirs is out. */
gboolean
hearsay_scheme_is_identifier (const char *s)
{
  if (s == NULL || *s == '\0' || strlen (s) > 255 || !g_utf8_validate (s, -1, NULL))
    return FALSE;
  for (; *s; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) || c == 0x85 || c == 0x2028 || c == 0x2029)
        return FALSE;
    }
  return TRUE;
}


static char *
dup_member (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static char **
dup_string_list (JsonObject *object,
                 const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, member);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *e = json_array_get_element (array, i);

          if (json_node_get_value_type (e) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (e));
        }
    }
  return g_strv_builder_end (builder);
}

static gboolean
parse_kind (const char           *str,
            HearsayAttributeKind *kind)
{
  static const char *names[] = { "single", "multi", "boolean", "text", "derived" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (str, names[i]) == 0)
      {
        *kind = (HearsayAttributeKind) i;
        return TRUE;
      }
  return FALSE;
}

static HearsayAttributeDef *
parse_attribute (JsonObject  *object,
                 const char  *where,
                 GError     **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (value_def_free);
  g_autofree char *id = dup_member (object, "id");
  g_autofree char *kind_str = dup_member (object, "kind");
  HearsayAttributeKind kind = HEARSAY_ATTRIBUTE_SINGLE;
  HearsayAttributeDef *a;
  JsonArray *array = NULL;

  if (!hearsay_scheme_is_identifier (id))
    {
      g_set_error (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
                   _("%s: an attribute has no valid id (an id has no white space or control characters)"), where);
      return NULL;
    }
  if (kind_str != NULL && !parse_kind (kind_str, &kind))
    {
      g_set_error (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
                   _("%s: attribute “%s” has an unknown kind “%s”"), where, id, kind_str);
      return NULL;
    }
  if (json_object_has_member (object, "values") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "values")))
    array = json_object_get_array_member (object, "values");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      HearsayValueDef *v = g_new0 (HearsayValueDef, 1);

      if (JSON_NODE_HOLDS_OBJECT (e))
        {
          JsonObject *vo = json_node_get_object (e);

          v->id = dup_member (vo, "id");
          v->name = dup_member (vo, "name");
          v->category = dup_member (vo, "category");
          if (json_object_has_member (vo, "external") &&
              JSON_NODE_HOLDS_OBJECT (json_object_get_member (vo, "external")))
            v->semeval = dup_member (json_object_get_object_member (vo, "external"), "semeval");
        }
      else if (json_node_get_value_type (e) == G_TYPE_STRING)
        v->id = g_strdup (json_node_get_string (e));
      g_ptr_array_add (values, v);
      if (v->id == NULL || *v->id == '\0')
        {
          g_set_error (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
                       _("%s: attribute “%s” has a value without an id"), where, id);
          return NULL;
        }
      if (v->name == NULL)
        v->name = g_strdup (v->id);
    }

  a = g_new0 (HearsayAttributeDef, 1);
  a->id = g_steal_pointer (&id);
  a->name = dup_member (object, "name");
  if (a->name == NULL)
    a->name = g_strdup (a->id);
  a->kind = kind;
  a->derived_from = dup_member (object, "derived_from");
  a->values = g_steal_pointer (&values);
  return a;
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean fill_label (HearsayLabel *l, JsonObject *lo, guint i, GHashTable *ids, GError **error);

/* Label @i of the tree (@lo) appended to self->labels; @ids holds the ids
 * seen so far (NULL: the caller knows @lo's id is new). */
static gboolean
parse_label (HearsayScheme  *self,
             JsonObject     *lo,
             guint           i,
             GHashTable     *ids,
             GError        **error)
{
  HearsayLabel *l = g_new0 (HearsayLabel, 1);

  l->attributes = g_ptr_array_new_with_free_func (attribute_def_free);
  g_ptr_array_add (self->labels, l);
  return fill_label (l, lo, i, ids, error);
}

/* @l from the tree's label @lo (number @i, for messages). */
static gboolean
fill_label (HearsayLabel  *l,
            JsonObject    *lo,
            guint          i,
            GHashTable    *ids,
            GError       **error)
{
  JsonArray *attrs;
  g_autofree char *where = NULL;

  l->id = dup_member (lo, "id");
  if (!hearsay_scheme_is_identifier (l->id))
    {
      g_set_error (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
                   _("label %u has no valid id (an id has no white space or control characters)"), i + 1);
      return FALSE;
    }
  if (ids != NULL && !g_hash_table_add (ids, l->id))
    {
      g_set_error (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
                   _("the label id “%s” is used twice"), l->id);
      return FALSE;
    }
  l->name = dup_member (lo, "name");
  if (l->name == NULL)
    l->name = g_strdup (l->id);
  l->description = dup_member (lo, "description");
  l->color = dup_member (lo, "color");
  if (l->color == NULL)
    l->color = g_strdup ("#cccccc");
  if (json_object_has_member (lo, "key"))
    l->key = (guint) CLAMP (json_object_get_int_member (lo, "key"), 0, 9);
  l->event = json_object_get_boolean_member_with_default (lo, "event", FALSE);
  where = g_strdup_printf (_("label “%s”"), l->id);
  attrs = get_array (lo, "attributes");
  for (guint j = 0; attrs != NULL && j < json_array_get_length (attrs); j++)
    {
      JsonNode *an = json_array_get_element (attrs, j);
      HearsayAttributeDef *a;

      if (!JSON_NODE_HOLDS_OBJECT (an))
        continue;
      a = parse_attribute (json_node_get_object (an), where, error);
      if (a == NULL)
        return FALSE;
      g_ptr_array_add (l->attributes, a);
    }
  return TRUE;
}

static gboolean
parse_labels (HearsayScheme  *self,
              JsonArray      *labels,
              GError        **error)
{
  /* Ids seen so far: a linear search here made adding n labels cost n³. */
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; labels != NULL && i < json_array_get_length (labels); i++)
    {
      JsonNode *node = json_array_get_element (labels, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
                       _("label %u is not an object"), i + 1);
          return FALSE;
        }
      if (!parse_label (self, json_node_get_object (node), i, ids, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
hearsay_scheme_reload_label (HearsayScheme  *self,
                             const char     *id,
                             JsonObject     *label,
                             GError        **error)
{
  HearsayLabel *fresh;

  for (guint i = 0; i < self->labels->len; i++)
    {
      HearsayLabel *old = g_ptr_array_index (self->labels, i);

      if (g_strcmp0 (old->id, id) != 0)
        continue;
      fresh = g_new0 (HearsayLabel, 1);
      fresh->attributes = g_ptr_array_new_with_free_func (attribute_def_free);
      if (!fill_label (fresh, label, i, NULL, NULL) || g_strcmp0 (fresh->id, id) != 0)
        {
          /* Read the whole tree, which says what is wrong. */
          label_free (fresh);
          return hearsay_scheme_reload (self, error);
        }
      label_free (g_steal_pointer (&self->labels->pdata[i]));
      self->labels->pdata[i] = fresh;
      return TRUE;
    }
  return hearsay_scheme_reload (self, error);
}

gboolean
hearsay_scheme_append_parsed_label (HearsayScheme  *self,
                                    JsonObject     *label,
                                    GError        **error)
{
  if (parse_label (self, label, self->labels->len, NULL, error))
    return TRUE;
  /* Not kept half-read: the tree is read again as it was. */
  g_ptr_array_remove_index (self->labels, self->labels->len - 1);
  return FALSE;
}

static void
parse_relation_types (HearsayScheme *self,
                      JsonArray     *types)
{
  for (guint i = 0; types != NULL && i < json_array_get_length (types); i++)
    {
      JsonNode *node = json_array_get_element (types, i);
      JsonObject *ro;
      HearsayRelationType *r;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      ro = json_node_get_object (node);
      r = g_new0 (HearsayRelationType, 1);
      r->id = dup_member (ro, "id");
      if (!hearsay_scheme_is_identifier (r->id))
        {
          relation_type_free (r);
          continue;
        }
      r->name = dup_member (ro, "name");
      if (r->name == NULL)
        r->name = g_strdup (r->id);
      r->from_labels = dup_string_list (ro, "from");
      r->to_labels = dup_string_list (ro, "to");
      r->to_entity = g_strcmp0 (json_object_get_string_member_with_default (ro, "target", "annotation"), "entity") == 0;
      r->symmetric = json_object_get_boolean_member_with_default (ro, "symmetric", FALSE);
      r->cross_document = json_object_get_boolean_member_with_default (ro, "cross_document", FALSE);
      r->transitive = json_object_get_boolean_member_with_default (ro, "transitive", FALSE);
      r->event_role = json_object_get_boolean_member_with_default (ro, "event_role", FALSE);
      g_ptr_array_add (self->relation_types, r);
    }
}

static HearsayScheme *new_from_root (JsonNode *node, GError **error);

HearsayScheme *
hearsay_scheme_new_from_json (const char  *json,
                              gssize       length,
                              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (json != NULL, NULL);

  if (!hearsay_json_check (json, length < 0 ? strlen (json) : (gsize) length, _("The scheme"), &local_error))
    {
      g_set_error_literal (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID, local_error->message);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_set_error (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_PARSE,
                   _("The scheme is not valid JSON: %s"), local_error->message);
      return NULL;
    }
  return new_from_root (json_parser_get_root (parser), error);
}

/* The scheme of a parsed tree, which it takes a reference on. */
static HearsayScheme *
new_from_root (JsonNode  *node,
               GError   **error)
{
  g_autoptr(HearsayScheme) self = NULL;
  JsonObject *root;
  JsonArray *kinds, *fields;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
                           _("The scheme is not a JSON object"));
      return NULL;
    }

  self = g_object_new (HEARSAY_TYPE_SCHEME, NULL);
  self->root = json_node_ref (node);
  root = json_node_get_object (self->root);
  self->id = dup_member (root, "id");
  self->name = dup_member (root, "name");
  if (self->name == NULL)
    self->name = g_strdup (self->id ? self->id : "");

  if (!parse_labels (self, get_array (root, "labels"), error))
    return NULL;
  parse_relation_types (self, get_array (root, "relation_types"));

  kinds = get_array (root, "entity_kinds");
  for (guint i = 0; kinds != NULL && i < json_array_get_length (kinds); i++)
    {
      JsonNode *node = json_array_get_element (kinds, i);
      HearsayEntityKind *k;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      k = g_new0 (HearsayEntityKind, 1);
      k->id = dup_member (json_node_get_object (node), "id");
      k->name = dup_member (json_node_get_object (node), "name");
      if (k->name == NULL)
        k->name = g_strdup (k->id);
      g_ptr_array_add (self->entity_kinds, k);
    }

  fields = get_array (root, "document_fields");
  for (guint i = 0; fields != NULL && i < json_array_get_length (fields); i++)
    {
      JsonNode *node = json_array_get_element (fields, i);
      HearsayAttributeDef *a;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      a = parse_attribute (json_node_get_object (node), _("document fields"), error);
      if (a == NULL)
        return NULL;
      g_ptr_array_add (self->document_fields, a);
    }

  return g_steal_pointer (&self);
}

HearsayScheme *
hearsay_scheme_new_default (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  HearsayScheme *scheme;
  gsize size;
  const char *data;

  bytes = g_resource_lookup_data (hearsay_model_get_resource (), "/org/hearsay/Hearsay/core/default-scheme.json", 0, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  scheme = hearsay_scheme_new_from_json (data, size, &error);
  g_assert_no_error (error);
  return scheme;
}

char *
hearsay_scheme_to_json (HearsayScheme *self)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), NULL);

  json_generator_set_root (generator, self->root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

const char *
hearsay_scheme_get_id (HearsayScheme *self)
{
  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), NULL);
  return self->id;
}

const char *
hearsay_scheme_get_name (HearsayScheme *self)
{
  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), NULL);
  return self->name;
}

guint
hearsay_scheme_get_n_labels (HearsayScheme *self)
{
  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), 0);
  return self->labels->len;
}

const HearsayLabel *
hearsay_scheme_get_label (HearsayScheme *self,
                          guint          index)
{
  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), NULL);
  g_return_val_if_fail (index < self->labels->len, NULL);
  return g_ptr_array_index (self->labels, index);
}

const HearsayLabel *
hearsay_scheme_lookup_label (HearsayScheme *self,
                             const char    *id)
{
  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), NULL);
  for (guint i = 0; i < self->labels->len; i++)
    {
      const HearsayLabel *l = g_ptr_array_index (self->labels, i);

      if (g_strcmp0 (l->id, id) == 0)
        return l;
    }
  return NULL;
}

const HearsayLabel *
hearsay_scheme_lookup_key (HearsayScheme *self,
                           guint          key)
{
  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), NULL);
  for (guint i = 0; key != 0 && i < self->labels->len; i++)
    {
      const HearsayLabel *l = g_ptr_array_index (self->labels, i);

      if (l->key == key)
        return l;
    }
  return NULL;
}

const HearsayAttributeDef *
hearsay_label_lookup_attribute (const HearsayLabel *label,
                                const char         *id)
{
  g_return_val_if_fail (label != NULL, NULL);
  for (guint i = 0; i < label->attributes->len; i++)
    {
      const HearsayAttributeDef *a = g_ptr_array_index (label->attributes, i);

      if (g_strcmp0 (a->id, id) == 0)
        return a;
    }
  return NULL;
}

const HearsayValueDef *
hearsay_attribute_lookup_value (const HearsayAttributeDef *attribute,
                                const char                *id)
{
  g_return_val_if_fail (attribute != NULL, NULL);
  for (guint i = 0; i < attribute->values->len; i++)
    {
      const HearsayValueDef *v = g_ptr_array_index (attribute->values, i);

      if (g_strcmp0 (v->id, id) == 0)
        return v;
    }
  return NULL;
}

guint
hearsay_scheme_get_n_relation_types (HearsayScheme *self)
{
  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), 0);
  return self->relation_types->len;
}

const HearsayRelationType *
hearsay_scheme_get_relation_type (HearsayScheme *self,
                                  guint          index)
{
  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), NULL);
  g_return_val_if_fail (index < self->relation_types->len, NULL);
  return g_ptr_array_index (self->relation_types, index);
}

const HearsayRelationType *
hearsay_scheme_lookup_relation_type (HearsayScheme *self,
                                     const char    *id)
{
  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), NULL);
  for (guint i = 0; i < self->relation_types->len; i++)
    {
      const HearsayRelationType *r = g_ptr_array_index (self->relation_types, i);

      if (g_strcmp0 (r->id, id) == 0)
        return r;
    }
  return NULL;
}

guint
hearsay_scheme_get_n_entity_kinds (HearsayScheme *self)
{
  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), 0);
  return self->entity_kinds->len;
}

const HearsayEntityKind *
hearsay_scheme_get_entity_kind (HearsayScheme *self,
                                guint          index)
{
  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), NULL);
  g_return_val_if_fail (index < self->entity_kinds->len, NULL);
  return g_ptr_array_index (self->entity_kinds, index);
}

guint
hearsay_scheme_get_n_document_fields (HearsayScheme *self)
{
  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), 0);
  return self->document_fields->len;
}

const HearsayAttributeDef *
hearsay_scheme_get_document_field (HearsayScheme *self,
                                   guint          index)
{
  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), NULL);
  g_return_val_if_fail (index < self->document_fields->len, NULL);
  return g_ptr_array_index (self->document_fields, index);
}

const HearsayAttributeDef *
hearsay_scheme_lookup_document_field (HearsayScheme *self,
                                      const char    *id)
{
  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), NULL);
  for (guint i = 0; i < self->document_fields->len; i++)
    {
      const HearsayAttributeDef *a = g_ptr_array_index (self->document_fields, i);

      if (g_strcmp0 (a->id, id) == 0)
        return a;
    }
  return NULL;
}

gboolean
hearsay_attribute_check_values (const HearsayAttributeDef *attribute,
                                const char * const        *values,
                                GError                   **error)
{
  guint n = values ? g_strv_length ((char **) values) : 0;

  g_return_val_if_fail (attribute != NULL, FALSE);

  switch (attribute->kind)
    {
    case HEARSAY_ATTRIBUTE_DERIVED:
      g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                   _("“%s” is derived from “%s” and cannot be set"),
                   attribute->id, attribute->derived_from);
      return FALSE;
    case HEARSAY_ATTRIBUTE_TEXT:
    case HEARSAY_ATTRIBUTE_SINGLE:
    case HEARSAY_ATTRIBUTE_BOOLEAN:
      if (n > 1)
        {
          g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                       _("“%s” takes one value, not %u"), attribute->id, n);
          return FALSE;
        }
      break;
    case HEARSAY_ATTRIBUTE_MULTI:
    default:
      break;
    }

  for (guint i = 0; i < n; i++)
    {
      if (attribute->kind == HEARSAY_ATTRIBUTE_BOOLEAN)
        {
          if (g_strcmp0 (values[i], "true") != 0 && g_strcmp0 (values[i], "false") != 0)
            {
              g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                           _("“%s” is true or false, not “%s”"), attribute->id, values[i]);
              return FALSE;
            }
        }
      else if (attribute->kind != HEARSAY_ATTRIBUTE_TEXT &&
               hearsay_attribute_lookup_value (attribute, values[i]) == NULL)
        {
          g_autoptr(GString) allowed = g_string_new (NULL);

          for (guint j = 0; j < attribute->values->len; j++)
            {
              const HearsayValueDef *v = g_ptr_array_index (attribute->values, j);

              g_string_append_printf (allowed, "%s%s", j ? ", " : "", v->id);
            }
          g_set_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                       _("“%s” is not a value of “%s” (allowed: %s)"),
                       values[i], attribute->id, allowed->str);
          return FALSE;
        }
    }
  return TRUE;
}

const char *
hearsay_scheme_translate (const char *str)
{
  if (str == NULL || *str == '\0')
    return str;
  return g_dgettext (GETTEXT_PACKAGE, str);
}

JsonObject *
hearsay_scheme_get_root (HearsayScheme *self)
{
  return json_node_get_object (self->root);
}

/* Reads the (edited) JSON tree again and takes over what it yields, so the
 * structs and the tree never disagree. On error @self is left as it was. */
gboolean
hearsay_scheme_reload (HearsayScheme  *self,
                       GError        **error)
{
  /* A copy of the tree, not its text: an edit costs one walk of the tree,
   * not a serialization and a parse (thousands of brat types took minutes). */
  g_autoptr(JsonNode) copy = json_node_copy (self->root);
  g_autoptr(HearsayScheme) fresh = new_from_root (copy, error);

  if (fresh == NULL)
    return FALSE;
#define SWAP(field) { gpointer tmp = self->field; self->field = fresh->field; fresh->field = tmp; }
  SWAP (root);
  SWAP (id);
  SWAP (name);
  SWAP (labels);
  SWAP (relation_types);
  SWAP (entity_kinds);
  SWAP (document_fields);
#undef SWAP
  return TRUE;
}

HearsayScheme *
hearsay_scheme_copy (HearsayScheme *self)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (HEARSAY_IS_SCHEME (self), NULL);
  json = hearsay_scheme_to_json (self);
  return hearsay_scheme_new_from_json (json, -1, NULL);
}
