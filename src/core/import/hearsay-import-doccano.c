/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-doccano.c: doccano's JSONL export, one document a line:
 *   {"text": …, "label": [[START, END, "LABEL"], …]}                  (sequence labelling)
 *   {"text": …, "entities": [{"id", "start_offset", "end_offset", "label"}],
 *    "relations": [{"id", "from_id", "to_id", "type"}]}             (relation extraction)
 * Offsets index Python strings: code points, end exclusive (DESIGN §5).
 * A "label" list of plain strings (text classification) becomes the
 * document field "label". */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearsay-annotation-json.h"
#include "hearsay-error.h"
#include "hearsay-import-private.h"

typedef struct
{
  HearsayImportContext *ctx;
  const char *path;
  guint line;
  HearsayDocument *doc;
  HearsayTextIndex *index;
} DoccanoLine;

static gboolean
get_offset (JsonNode *node,
            gint64   *value)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
add_span (DoccanoLine  *l,
          gint64        start,
          gint64        end,
          const char   *label,
          gint64       *id,
          GError      **error)
{
  g_autofree char *mapped = hearsay_import_map_label (hearsay_project_get_scheme (l->ctx->project), label);
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (hearsay_document_get_id (l->doc), mapped);

  hearsay_annotation_add_fragment (ann, start, end);
  if (!hearsay_import_store_annotation (l->ctx, l->index, ann, "doccano", l->path, l->line, error))
    return FALSE;
  hearsay_document_set_n_annotations (l->doc, hearsay_document_get_n_annotations (l->doc) + 1);
  if (id != NULL)
    *id = hearsay_annotation_get_id (ann);
  return TRUE;
}

static gboolean
read_label_list (DoccanoLine  *l,
                 JsonArray    *array,
                 GError      **error)
{
  g_autoptr(GStrvBuilder) classes = g_strv_builder_new ();
  g_auto(GStrv) fields = NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      JsonArray *triple;
      gint64 start, end;
      const char *label;

      if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
        {
          g_strv_builder_add (classes, json_node_get_string (item));
          continue;
        }
      if (!JSON_NODE_HOLDS_ARRAY (item) || json_array_get_length (triple = json_node_get_array (item)) != 3 ||
          !get_offset (json_array_get_element (triple, 0), &start) ||
          !get_offset (json_array_get_element (triple, 1), &end) ||
          !JSON_NODE_HOLDS_VALUE (json_array_get_element (triple, 2)) ||
          (label = json_array_get_string_element (triple, 2)) == NULL)
        return hearsay_import_fail (error, l->path, l->line,
                                    _("label %u is not [START, END, \"LABEL\"]"), i + 1);
      if (!add_span (l, start, end, label, NULL, error))
        return FALSE;
    }
  fields = g_strv_builder_end (classes);
  if (fields[0] != NULL)
    {
      hearsay_document_set_field (l->doc, "label", (const char * const *) fields);
      return hearsay_project_bulk_update_document (l->ctx->project, l->doc, error);
    }
  return TRUE;
}

static gboolean
read_entities (DoccanoLine  *l,
               JsonObject   *root,
               GError      **error)
{
  JsonArray *entities = json_object_get_array_member (root, "entities");
  JsonNode *rnode = json_object_get_member (root, "relations");
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonNode *node = json_array_get_element (entities, i);
      JsonObject *e;
      gint64 id = 0, start, end, new_id;
      const char *label = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return hearsay_import_fail (error, l->path, l->line, _("entity %u is not an object"), i + 1);
      e = json_node_get_object (node);
      if (!get_offset (json_object_get_member (e, "start_offset"), &start) ||
          !get_offset (json_object_get_member (e, "end_offset"), &end) ||
          !hearsay_json_get_string (e, "label", &label) || label == NULL)
        return hearsay_import_fail (error, l->path, l->line,
                                    _("entity %u needs start_offset, end_offset (numbers) and label (a string)"), i + 1);
      hearsay_json_get_int (e, "id", &id);
      if (!add_span (l, start, end, label, &new_id, error))
        return FALSE;
      g_hash_table_insert (ids, g_memdup2 (&id, sizeof id), g_memdup2 (&new_id, sizeof new_id));
    }
  if (rnode == NULL || JSON_NODE_HOLDS_NULL (rnode))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (rnode))
    return hearsay_import_fail (error, l->path, l->line, _("“relations” must be a list"));
  for (guint i = 0; i < json_array_get_length (json_node_get_array (rnode)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (rnode), i);
      gint64 from = 0, to = 0;
      const gint64 *from_id, *to_id;
      const char *type = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !hearsay_json_get_int (json_node_get_object (node), "from_id", &from) ||
          !hearsay_json_get_int (json_node_get_object (node), "to_id", &to) ||
          !hearsay_json_get_string (json_node_get_object (node), "type", &type) || type == NULL)
        return hearsay_import_fail (error, l->path, l->line, _("relation %u needs from_id, to_id and type"), i + 1);
      from_id = g_hash_table_lookup (ids, &from);
      to_id = g_hash_table_lookup (ids, &to);
      if (from_id == NULL || to_id == NULL)
        return hearsay_import_fail (error, l->path, l->line,
                                    _("relation %u refers to entity %" PRId64 ", which is not in this line"),
                                    i + 1, from_id == NULL ? from : to);
      if (!hearsay_import_store_relation (l->ctx, type, *from_id, *to_id, "doccano", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
import_line (HearsayImportContext  *ctx,
             const char            *path,
             guint                  line,
             const char            *data,
             gsize                  length,
             GError               **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) text_bytes = NULL;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(HearsayTextIndex) index = NULL;
  const char *text = NULL, *title = NULL;
  HearsayImportOptions text_options = { 0 };
  DoccanoLine l = { ctx, path, line, NULL, NULL };
  JsonObject *root;
  JsonNode *labels;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib says "<data>:1:COLUMN: message" for the one line it read. */
      if (g_str_has_prefix (local_error->message, "<data>:1:"))
        return hearsay_import_fail (error, path, line, _("invalid JSON at column %s"), local_error->message + 9);
      return hearsay_import_fail (error, path, line, _("invalid JSON: %s"), local_error->message);
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return hearsay_import_fail (error, path, line, _("a line must hold one JSON object (a document)"));
  root = json_node_get_object (json_parser_get_root (parser));
  if (!hearsay_json_get_string (root, "text", &text) || text == NULL || *text == '\0')
    return hearsay_import_fail (error, path, line, _("the document has no “text” string"));
  hearsay_json_get_string (root, "title", &title);
  text_options.title = title;
  text_bytes = g_bytes_new_static (text, strlen (text));
  doc = hearsay_import_text_bytes (path, text_bytes, &text_options, &local_error);
  if (doc == NULL)
    return hearsay_import_fail (error, path, line, "%s", local_error->message);
  if (!hearsay_import_store_document (ctx, doc, FALSE, error))
    return FALSE;
  index = hearsay_text_index_new (hearsay_document_get_text (doc));
  l.doc = doc;
  l.index = index;

  labels = json_object_get_member (root, "label");
  if (labels == NULL)
    labels = json_object_get_member (root, "labels");
  if (labels != NULL && !JSON_NODE_HOLDS_NULL (labels))
    {
      if (!JSON_NODE_HOLDS_ARRAY (labels))
        return hearsay_import_fail (error, path, line, _("“label” must be a list"));
      if (!read_label_list (&l, json_node_get_array (labels), error))
        return FALSE;
    }
  if (json_object_has_member (root, "entities"))
    {
      if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "entities")))
        return hearsay_import_fail (error, path, line, _("“entities” must be a list"));
      if (!read_entities (&l, root, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
hearsay_import_doccano_unit (HearsayImportContext  *ctx,
                             const char            *path,
                             GError               **error)
{
  g_autoptr(GBytes) bytes = hearsay_import_read_file (path, HEARSAY_MAX_IMPORT_BYTES, error);
  const char *data, *p, *end;
  guint line = 0, n_documents = 0;
  gsize size;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  end = data + size;
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3;
  for (p = data; p < end; )
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *stop = eol ? eol : end;
      gsize length;

      line++;
      if (stop > p && stop[-1] == '\r')
        stop--;
      length = stop - p;
      if (strspn (p, " \t") < length)
        {
          if (!g_utf8_validate_len (p, length, NULL) || memchr (p, '\0', length) != NULL)
            return hearsay_import_fail (error, path, line, _("the line is not valid UTF-8"));
          if (!import_line (ctx, path, line, p, length, error))
            return FALSE;
          n_documents++;
        }
      p = eol ? eol + 1 : end;
    }
  if (n_documents == 0)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY, _("%s holds no documents"), path);
      return FALSE;
    }
  return TRUE;
}
