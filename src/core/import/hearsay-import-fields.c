/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-fields.c: a peer's free-form keys (doccano's meta, Label
 * Studio's task data) as document metadata and fields, and the helpers the
 * JSON importers share to say where they are. */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "hearsay-annotation-json.h"
#include "hearsay-import-private.h"

static const char * const metadata_names[] = {
  "title", "outlet", "url", "published_at", "language", NULL
};

gboolean
hearsay_import_is_metadata_name (const char *key)
{
  return g_strv_contains (metadata_names, key);
}

/* A scalar as the text a field keeps; NULL for null, objects and arrays. */
static char *
scalar_text (JsonNode *node)
{
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_DOUBLE:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
      }
    default:
      return NULL;
    }
}

void
hearsay_import_document_value (HearsayDocument *doc,
                               const char      *key,
                               JsonNode        *node)
{
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *one = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;
  if ((one = scalar_text (node)) != NULL)
    {
      if (hearsay_import_is_metadata_name (key) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          hearsay_document_set_metadata (doc, key, one);
          return;
        }
      g_strv_builder_add (values, one);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *e = json_array_get_element (array, i);
          g_autofree char *text = scalar_text (e);

          /* A list of lists or objects is kept whole, as JSON. */
          if (text == NULL && !JSON_NODE_HOLDS_NULL (e))
            {
              g_autoptr(GStrvBuilder) whole = g_strv_builder_new ();
              g_auto(GStrv) kept = NULL;
              g_autofree char *json = json_to_string (node, FALSE);

              g_strv_builder_add (whole, json);
              kept = g_strv_builder_end (whole);
              hearsay_document_set_field (doc, key, (const char * const *) kept);
              return;
            }
          if (text != NULL)
            g_strv_builder_add (values, text);
        }
    }
  else
    {
      g_autofree char *json = json_to_string (node, FALSE);

      g_strv_builder_add (values, json);
    }
  strv = g_strv_builder_end (values);
  if (strv[0] != NULL)
    hearsay_document_set_field (doc, key, (const char * const *) strv);
}

gboolean
hearsay_import_stated_unit (JsonObject              *object,
                            const char              *key,
                            HearsayOffsetConvention *convention)
{
  const char *name = NULL;

  if (object == NULL || !hearsay_json_get_string (object, key, &name) || name == NULL)
    return FALSE;
  memset (convention, 0, sizeof *convention);
  return hearsay_offset_unit_from_string (name, &convention->unit);
}
