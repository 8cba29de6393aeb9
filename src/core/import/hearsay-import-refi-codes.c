/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-refi-codes.c: a REFI-QDA codebook (a project's CodeBook or
 * a .qdc file) into the scheme.
 *
 * Every codable code is a label: its name the label's display name, its
 * identifier derived from the name ("Loaded Language" → loaded_language;
 * "Émotions" → emotions; a name with no Latin letter → code, code_2…), its
 * colour and description kept. A code nested in another (QualCoder's
 * sub-codes, NVivo's and MAXQDA's child codes) is a label of its own whose
 * description names its path; a child whose name repeats another label's
 * identifier is qualified by its parent ("Oltás kockázatai" › "mellékhatások"
 * and "tudományos érvek" › "mellékhatások"). Codes with isCodable="false"
 * (QualCoder's categories) are folders: labels only if something is coded
 * with them. A code that shares its GUID with a Case is NVivo's case node,
 * not a label. A label the scheme already has (same identifier) is used as
 * it is.
 *
 * Hearsay's own exports write a top-level code per label (named by its
 * identifier, its display name in Description) with a child code per
 * attribute value, "ATTRIBUTE: VALUE", or "ATTRIBUTE" for a yes/no
 * attribute: those children are attribute values again, and so is a child
 * of a code that another tool passed on, when the label it maps to has that
 * attribute. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearsay-error.h"
#include "hearsay-import-refi-private.h"

typedef struct
{
  char *id;
  gboolean boolean;
  GPtrArray *values;   /* char * */
} NewAttribute;

typedef struct
{
  char *id;
  char *name;
  char *description;
  char *color;
  GPtrArray *attributes;  /* NewAttribute */
} NewLabel;

void
hearsay_refi_code_free (gpointer data)
{
  RefiCode *code = data;

  g_free (code->guid);
  g_free (code->name);
  g_free (code->description);
  g_free (code->color);
  g_free (code->label);
  g_free (code->attribute);
  g_free (code->value);
  g_free (code->case_name);
  g_free (code);
}

static void
new_attribute_free (gpointer data)
{
  NewAttribute *a = data;

  g_free (a->id);
  g_ptr_array_unref (a->values);
  g_free (a);
}

static void
new_label_free (gpointer data)
{
  NewLabel *l = data;

  g_free (l->id);
  g_free (l->name);
  g_free (l->description);
  g_free (l->color);
  g_ptr_array_unref (l->attributes);
  g_free (l);
}

static gboolean
is_identifier (const char *s)
{
  if (s == NULL || *s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_islower (*s) && !g_ascii_isdigit (*s) && *s != '_')
      return FALSE;
  return TRUE;
}

static HearsayScheme *
scheme (RefiImport *r)
{
  if (r->ctx->scheme == NULL)
    r->ctx->scheme = hearsay_scheme_copy (hearsay_project_get_scheme (r->ctx->project));
  return r->ctx->scheme;
}

/* "#RGB" and "#RRGGBB" (RGBType) as the scheme's "#rrggbb". */
static char *
normalize_color (const char *color)
{
  gsize n = color ? strlen (color) : 0;

  if (n < 4 || color[0] != '#' || strspn (color + 1, "0123456789abcdefABCDEF") != n - 1)
    return NULL;
  if (n == 4)
    return g_ascii_strdown ((char[]) { '#', color[1], color[1], color[2], color[2], color[3], color[3], 0 }, -1);
  return n == 7 ? g_ascii_strdown (color, -1) : NULL;
}

static void
read_codes (RefiImport *r,
            xmlNode    *codes,
            RefiCode   *parent)
{
  for (xmlNode *c = codes ? codes->children : NULL; c; c = c->next)
    {
      g_autofree char *codable = NULL;
      g_autofree char *color = NULL;
      RefiCode *code;
      xmlNode *description;

      if (!hearsay_refi_is_element (c, "Code"))
        continue;
      code = g_new0 (RefiCode, 1);
      code->guid = hearsay_refi_prop (c, "guid");
      code->name = hearsay_refi_prop (c, "name");
      if (code->guid == NULL || code->name == NULL)
        {
          hearsay_import_skip (r->ctx, r->xml_name, hearsay_refi_line (c),
                               _("a Code without a guid or a name is left out"));
          hearsay_refi_code_free (code);
          continue;
        }
      codable = hearsay_refi_prop (c, "isCodable");
      code->codable = g_strcmp0 (codable, "false") != 0 && g_strcmp0 (codable, "0") != 0;
      color = hearsay_refi_prop (c, "color");
      code->color = normalize_color (color);
      description = hearsay_refi_child (c, "Description");
      if (description != NULL)
        {
          code->description = hearsay_refi_content (description);
          g_strstrip (code->description);
          if (*code->description == '\0')
            g_clear_pointer (&code->description, g_free);
        }
      code->parent = parent;
      g_ptr_array_add (r->code_order, code);
      g_hash_table_replace (r->codes, hearsay_refi_guid_key (code->guid), code);
      read_codes (r, c, code);
    }
}

/* "ATTRIBUTE: VALUE" or "ATTRIBUTE" (yes/no). */
static void
split_attribute (const char  *name,
                 char       **attribute,
                 char       **value)
{
  const char *colon = strstr (name, ": ");

  *attribute = colon ? g_strndup (name, colon - name) : g_strdup (name);
  *value = g_strdup (colon ? colon + 2 : "true");
}

/* A child code another tool passed on, which names an attribute value of
 * the label its parent maps to. */
static gboolean
existing_attribute (RefiImport *r,
                    const char *label_id,
                    const char *name,
                    char      **attribute,
                    char      **value)
{
  const HearsayLabel *label = hearsay_scheme_lookup_label (scheme (r), label_id);
  g_autofree char *a = NULL, *v = NULL;
  const HearsayAttributeDef *def;
  gboolean named_value;

  if (label == NULL)
    return FALSE;
  split_attribute (name, &a, &v);
  named_value = strstr (name, ": ") != NULL;
  def = hearsay_label_lookup_attribute (label, a);
  if (def == NULL || def->kind == HEARSAY_ATTRIBUTE_DERIVED ||
      (def->kind == HEARSAY_ATTRIBUTE_BOOLEAN) == named_value ||
      ((def->kind == HEARSAY_ATTRIBUTE_SINGLE || def->kind == HEARSAY_ATTRIBUTE_MULTI) &&
       hearsay_attribute_lookup_value (def, v) == NULL))
    return FALSE;
  *attribute = g_steal_pointer (&a);
  *value = g_steal_pointer (&v);
  return TRUE;
}

/* An identifier no other code of this import took: the name's, then
 * qualified by the parent label, then numbered. */
static char *
pick_id (RefiImport *r,
         RefiCode   *code)
{
  g_autofree char *base = hearsay_refi_identifier (code->name);
  char *id;

  if (*base == '\0')
    {
      g_free (base);
      base = g_strdup ("code");
    }
  id = g_strdup (base);
  if (g_hash_table_contains (r->used_ids, id) && code->parent != NULL && code->parent->label != NULL)
    {
      g_free (id);
      id = g_strconcat (code->parent->label, "_", base, NULL);
    }
  for (guint n = 2; g_hash_table_contains (r->used_ids, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s_%u", base, n);
    }
  g_hash_table_insert (r->used_ids, g_strdup (id), code);
  return id;
}

/* "A › B › C" for a nested code, with its own description after it. */
static char *
label_description (RefiCode *code)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  GString *s;

  if (code->parent == NULL)
    return g_strdup (code->description);
  for (RefiCode *c = code; c; c = c->parent)
    g_ptr_array_insert (path, 0, c->name);
  s = g_string_new (NULL);
  for (guint i = 0; i < path->len; i++)
    g_string_append_printf (s, "%s%s", i ? " › " : "", (const char *) g_ptr_array_index (path, i));
  if (code->description != NULL)
    g_string_append_printf (s, "\n%s", code->description);
  return g_string_free (s, FALSE);
}

static RefiCode *
root_of (RefiCode *code)
{
  while (code->parent != NULL)
    code = code->parent;
  return code;
}

static void
resolve (RefiImport *r,
         RefiCode   *code)
{
  g_autofree char *key = hearsay_refi_guid_key (code->guid);
  RefiCase *c = g_hash_table_lookup (r->cases, key);

  if (c != NULL)
    {
      code->case_name = g_strdup (c->name ? c->name : code->name);
      return;
    }
  if (r->tool == REFI_TOOL_HEARSAY)
    {
      RefiCode *root = root_of (code);

      code->label = g_strdup (root->name);
      if (code != root)
        split_attribute (code->name, &code->attribute, &code->value);
    }
  else if (code->parent != NULL && code->parent->label != NULL && code->parent->attribute == NULL &&
           existing_attribute (r, code->parent->label, code->name, &code->attribute, &code->value))
    code->label = g_strdup (code->parent->label);
  else
    code->label = pick_id (r, code);
  code->in_scheme = hearsay_scheme_lookup_label (scheme (r), code->label) != NULL;
}

static gboolean
scheme_failed (RefiImport  *r,
               GError      *local_error,
               GError     **error)
{
  return hearsay_import_fail (error, r->xml_name, 0, _("the codebook does not fit the scheme: %s"),
                              local_error->message);
}

/* Adds @labels to the import's scheme in one pass over its JSON form. */
static gboolean
add_labels (RefiImport  *r,
            GPtrArray   *labels,
            GError     **error)
{
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HearsayScheme) extended = NULL;
  JsonObject *root;
  JsonArray *array;

  if (labels->len == 0)
    return TRUE;
  json = hearsay_scheme_to_json (scheme (r));
  if (!json_parser_load_from_data (parser, json, -1, &local_error))
    return scheme_failed (r, local_error, error);
  root = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (root, "labels") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "labels")))
    json_object_set_array_member (root, "labels", json_array_new ());
  array = json_object_get_array_member (root, "labels");
  for (guint i = 0; i < labels->len; i++)
    {
      NewLabel *l = g_ptr_array_index (labels, i);
      JsonObject *o = json_object_new ();
      JsonArray *attrs = json_array_new ();

      json_object_set_string_member (o, "id", l->id);
      json_object_set_string_member (o, "name", l->name);
      if (l->description != NULL)
        json_object_set_string_member (o, "description", l->description);
      if (l->color != NULL)
        json_object_set_string_member (o, "color", l->color);
      for (guint j = 0; j < l->attributes->len; j++)
        {
          NewAttribute *a = g_ptr_array_index (l->attributes, j);
          JsonObject *ao = json_object_new ();
          JsonArray *values = json_array_new ();

          json_object_set_string_member (ao, "id", a->id);
          json_object_set_string_member (ao, "name", a->id);
          json_object_set_string_member (ao, "kind", a->boolean ? "boolean" : "single");
          for (guint k = 0; k < a->values->len; k++)
            json_array_add_string_element (values, g_ptr_array_index (a->values, k));
          if (!a->boolean)
            json_object_set_array_member (ao, "values", values);
          else
            json_array_unref (values);
          json_array_add_object_element (attrs, ao);
          r->n_attributes_added++;
        }
      json_object_set_array_member (o, "attributes", attrs);
      json_array_add_object_element (array, o);
      r->n_labels_added++;
    }
  g_clear_pointer (&json, g_free);
  json = json_to_string (json_parser_get_root (parser), FALSE);
  extended = hearsay_scheme_new_from_json (json, -1, &local_error);
  if (extended == NULL)
    return scheme_failed (r, local_error, error);
  g_set_object (&r->ctx->scheme, extended);
  r->ctx->scheme_changed = TRUE;
  return TRUE;
}

gboolean
hearsay_refi_ensure_label (RefiImport  *r,
                           const char  *id,
                           const char  *name,
                           const char  *description,
                           GError     **error)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (new_label_free);
  NewLabel *l;

  if (!is_identifier (id) || hearsay_scheme_lookup_label (scheme (r), id) != NULL)
    return TRUE;
  l = g_new0 (NewLabel, 1);
  l->id = g_strdup (id);
  l->name = g_strdup (name ? name : id);
  l->description = g_strdup (description);
  l->attributes = g_ptr_array_new_with_free_func (new_attribute_free);
  g_ptr_array_add (labels, l);
  return add_labels (r, labels, error);
}

static NewAttribute *
find_attribute (NewLabel   *label,
                const char *id)
{
  for (guint i = 0; i < label->attributes->len; i++)
    if (strcmp (((NewAttribute *) g_ptr_array_index (label->attributes, i))->id, id) == 0)
      return g_ptr_array_index (label->attributes, i);
  return NULL;
}

gboolean
hearsay_refi_read_codebook (RefiImport  *r,
                            xmlNode     *codes,
                            GError     **error)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (new_label_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_known = 0;

  read_codes (r, codes, NULL);
  for (guint i = 0; i < r->code_order->len; i++)
    resolve (r, g_ptr_array_index (r->code_order, i));
  for (guint i = 0; i < r->code_order->len; i++)
    {
      RefiCode *code = g_ptr_array_index (r->code_order, i);
      NewLabel *l;

      if (code->label == NULL || code->in_scheme)
        {
          n_known += code->label != NULL && code->attribute == NULL;
          continue;
        }
      /* Folders become labels when something is coded with them. */
      if ((!code->codable && code->attribute == NULL) || !is_identifier (code->label))
        continue;
      l = g_hash_table_lookup (by_id, code->label);
      if (l == NULL)
        {
          l = g_new0 (NewLabel, 1);
          l->id = g_strdup (code->label);
          l->attributes = g_ptr_array_new_with_free_func (new_attribute_free);
          g_ptr_array_add (labels, l);
          g_hash_table_insert (by_id, l->id, l);
        }
      if (code->attribute == NULL)
        {
          /* Hearsay writes the display name as the code's Description. */
          g_free (l->name);
          l->name = g_strdup (r->tool == REFI_TOOL_HEARSAY && code->description ? code->description : code->name);
          if (r->tool != REFI_TOOL_HEARSAY)
            l->description = label_description (code);
          l->color = g_strdup (code->color);
        }
      else if (is_identifier (code->attribute))
        {
          NewAttribute *a = find_attribute (l, code->attribute);

          if (a == NULL)
            {
              a = g_new0 (NewAttribute, 1);
              a->id = g_strdup (code->attribute);
              a->boolean = strstr (code->name, ": ") == NULL;
              a->values = g_ptr_array_new_with_free_func (g_free);
              g_ptr_array_add (l->attributes, a);
            }
          if (!a->boolean)
            g_ptr_array_add (a->values, g_strdup (code->value));
        }
    }
  for (guint i = 0; i < labels->len; i++)
    {
      NewLabel *l = g_ptr_array_index (labels, i);

      if (l->name == NULL)
        l->name = g_strdup (l->id);
    }
  if (!add_labels (r, labels, error))
    return FALSE;
  if (r->code_order->len > 0)
    hearsay_import_note (r->ctx, r->xml_name, 0,
                         _("codebook: %u codes; labels added to the scheme: %u (with %u attributes); "
                           "labels it already had: %u"),
                         r->code_order->len, r->n_labels_added, r->n_attributes_added, n_known);
  return TRUE;
}
