/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-doccano.c: doccano's JSONL export, one document a line:
 *   {"text": …, "label": [[START, END, "LABEL"], …], "Comments": […], META…}
 *                                                       (sequence labelling)
 *   {"text": …, "entities": [{"id", "start_offset", "end_offset", "label"}],
 *    "relations": [{"id", "from_id", "to_id", "type"}], "Comments": […]}
 *                                                       (relation extraction)
 * A "label" list of plain strings (text classification) becomes the
 * document field of that name. "Comments" (strings, or {"id", "comment"}
 * objects) becomes the document field "comments". Every other key is the
 * example's meta, which doccano's export spreads over the line (older
 * versions nest it in "meta"): title, outlet, url, published_at and
 * language become the metadata, the rest document fields. The keys of the
 * text and of the labels are doccano's column_data and column_label
 * (options text_column and label_column).
 *
 * Offsets: doccano's UI counts UTF-16 code units (doccano issue #2290),
 * grapheme clusters when the project counts them as one character, and
 * files written by Python tools count code points. Unless --offsets says
 * it, or a line states it ("hearsay_offset_unit", written by Hearsay's
 * export in another unit than doccano's), the unit is chosen for the whole
 * file: among the units in which every span falls on characters of its
 * text (not inside a surrogate pair or a grapheme cluster, not past the
 * end), the one under which most spans start and end on word boundaries,
 * UTF-16 when they tie (it is doccano's own). No unit fitting every span
 * refuses the file. */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearsay-annotation-json.h"
#include "hearsay-error.h"
#include "hearsay-import-private.h"
#include "hearsay-json-safety.h"

#define STATED_KEY "hearsay_offset_unit"

typedef enum {
  UNIT_UTF16,
  UNIT_CODEPOINT,
  UNIT_GRAPHEME,
  N_UNITS
} DoccanoUnit;

static const char * const unit_names[N_UNITS] = {
  N_("UTF-16 code units"), N_("code points"), N_("grapheme clusters")
};

/* One text's offsets in each unit doccano may have used. */
typedef struct
{
  HearsayTextIndex *index;
  HearsayOffsetReader *readers[2];  /* UTF-16, code points */
  GArray *clusters;                 /* gint64: code point of each cluster boundary */
} UnitMaps;

static UnitMaps *
unit_maps_new (const char *text)
{
  static const HearsayOffsetConvention utf16 = { HEARSAY_OFFSET_UTF16, FALSE, FALSE };
  static const HearsayOffsetConvention codepoint = { HEARSAY_OFFSET_CODEPOINT, FALSE, FALSE };
  UnitMaps *maps = g_new0 (UnitMaps, 1);
  gint64 n;

  maps->index = hearsay_text_index_new (text);
  maps->readers[UNIT_UTF16] = hearsay_offset_reader_new (text, &utf16);
  maps->readers[UNIT_CODEPOINT] = hearsay_offset_reader_new (text, &codepoint);
  maps->clusters = g_array_new (FALSE, FALSE, sizeof (gint64));
  n = hearsay_text_index_get_length (maps->index);
  for (gint64 i = 0; i <= n; i++)
    if (i == 0 || i == n || hearsay_text_index_is_boundary (maps->index, i))
      g_array_append_val (maps->clusters, i);
  return maps;
}

static void
unit_maps_free (UnitMaps *maps)
{
  if (maps == NULL)
    return;
  hearsay_offset_reader_free (maps->readers[0]);
  hearsay_offset_reader_free (maps->readers[1]);
  g_array_unref (maps->clusters);
  hearsay_text_index_free (maps->index);
  g_free (maps);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UnitMaps, unit_maps_free)

static gboolean
to_stored (UnitMaps    *maps,
           DoccanoUnit  unit,
           gint64       offset,
           gint64      *codepoint)
{
  if (unit == UNIT_GRAPHEME)
    {
      if (offset < 0 || offset >= (gint64) maps->clusters->len)
        return FALSE;
      *codepoint = g_array_index (maps->clusters, gint64, offset);
      return TRUE;
    }
  return hearsay_offset_reader_to_stored (maps->readers[unit], offset, codepoint) &&
         hearsay_text_index_is_boundary (maps->index, *codepoint);
}

/* Between two letters or digits is inside a word. */
static gboolean
on_word_boundary (UnitMaps *maps,
                  gint64    codepoint)
{
  const char *p;

  if (codepoint <= 0 || codepoint >= hearsay_text_index_get_length (maps->index))
    return TRUE;
  p = hearsay_text_index_pointer (maps->index, codepoint);
  return !(g_unichar_isalnum (g_utf8_get_char (p)) &&
           g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p))));
}

typedef struct
{
  HearsayImportContext *ctx;
  const char *path;
  guint line;
  JsonObject *root;
  const char *label_key;
  HearsayDocument *doc;
  HearsayTextIndex *index;
  /* How this line's offsets become stored code points. */
  gboolean fixed;                     /* the user's or the line's convention */
  HearsayOffsetConvention convention;
  HearsayOffsetReader *reader;
  UnitMaps *maps;
  DoccanoUnit unit;
  /* Detection (pass 0): spans that fit each unit, and of those on word boundaries. */
  guint fits[N_UNITS];
  guint aligned[N_UNITS];
  guint n_spans;
  guint first_misfit_line[N_UNITS];
  char *misfit;                       /* why the first misfit fails in UTF-16 */
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

static void
count_span (DoccanoLine *l,
            gint64       start,
            gint64       end)
{
  l->n_spans++;
  for (guint u = 0; u < N_UNITS; u++)
    {
      gint64 s, e;

      if (start >= 0 && end >= start && to_stored (l->maps, u, start, &s) && to_stored (l->maps, u, end, &e))
        {
          l->fits[u]++;
          if (on_word_boundary (l->maps, s) && on_word_boundary (l->maps, e))
            l->aligned[u]++;
        }
      else if (l->first_misfit_line[u] == 0)
        {
          l->first_misfit_line[u] = l->line;
          if (u == UNIT_UTF16)
            {
              static const HearsayOffsetConvention utf16 = { HEARSAY_OFFSET_UTF16, FALSE, FALSE };
              g_autoptr(GError) why = NULL;

              if (!hearsay_import_convert_span (l->maps->readers[UNIT_UTF16], &utf16, start, end, &s, &e,
                                                l->path, l->line, &why))
                l->misfit = g_strdup (why->message);
              else
                l->misfit = g_strdup_printf (_("%s:%u: the span %" PRId64 "–%" PRId64
                                               " splits a character of the text counted in UTF-16 code units"),
                                             l->path, l->line, start, end);
            }
        }
    }
}

static gboolean
add_span (DoccanoLine  *l,
          gint64        start,
          gint64        end,
          const char   *label,
          gint64       *id,
          GError      **error)
{
  g_autofree char *mapped = NULL;
  g_autoptr(HearsayAnnotation) ann = NULL;
  gint64 s, e;

  if (l->doc == NULL)
    {
      count_span (l, start, end);
      return TRUE;
    }
  if (l->fixed)
    {
      if (!hearsay_import_convert_span (l->reader, &l->convention, start, end, &s, &e, l->path, l->line, error))
        return FALSE;
      if (!hearsay_text_index_is_boundary (l->index, s) || !hearsay_text_index_is_boundary (l->index, e))
        {
          g_autofree char *unit = hearsay_offset_convention_describe (&l->convention);

          return hearsay_import_fail (error, l->path, l->line,
                                      _("the span %" PRId64 "–%" PRId64 " splits a character "
                                        "(a letter and its mark, an emoji sequence) of the text counted in %s; "
                                        "choose the unit the file uses with --offsets"),
                                      start, end, unit);
        }
    }
  else if (!to_stored (l->maps, l->unit, start, &s) || !to_stored (l->maps, l->unit, end, &e))
    return hearsay_import_fail (error, l->path, l->line,
                                _("the span %" PRId64 "–%" PRId64 " does not fall on "
                                  "characters of the text counted in %s; choose the unit with --offsets"),
                                start, end, _(unit_names[l->unit]));
  mapped = hearsay_import_map_label (hearsay_project_get_scheme (l->ctx->project), label);
  ann = hearsay_annotation_new (hearsay_document_get_id (l->doc), mapped);
  hearsay_annotation_add_fragment (ann, s, e);
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
  if (fields[0] != NULL && l->doc != NULL)
    hearsay_document_set_field (l->doc, l->label_key, (const char * const *) fields);
  return TRUE;
}

static gboolean
read_entities (DoccanoLine  *l,
               GError      **error)
{
  JsonArray *entities = json_object_get_array_member (l->root, "entities");
  JsonNode *rnode = json_object_get_member (l->root, "relations");
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonNode *node = json_array_get_element (entities, i);
      JsonObject *e;
      gint64 id = 0, start, end, new_id = 0;
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
      if (l->doc != NULL &&
          !hearsay_import_store_relation (l->ctx, type, *from_id, *to_id, "doccano", error))
        return FALSE;
    }
  return TRUE;
}

/* "Comments": strings (sequence labelling) or {"id", "comment"} objects
 * (relation extraction) → the document field "comments". */
static gboolean
read_comments (DoccanoLine  *l,
               JsonNode     *node,
               GError      **error)
{
  g_autoptr(GStrvBuilder) texts = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return hearsay_import_fail (error, l->path, l->line, _("“Comments” must be a list"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *c = json_array_get_element (array, i);
      const char *text = NULL;

      if (JSON_NODE_HOLDS_VALUE (c) && json_node_get_value_type (c) == G_TYPE_STRING)
        text = json_node_get_string (c);
      else if (!JSON_NODE_HOLDS_OBJECT (c) ||
               !hearsay_json_get_string (json_node_get_object (c), "comment", &text) || text == NULL)
        return hearsay_import_fail (error, l->path, l->line,
                                    _("comment %u is neither a string nor {\"comment\": TEXT}"), i + 1);
      g_strv_builder_add (texts, text);
    }
  values = g_strv_builder_end (texts);
  if (values[0] != NULL && l->doc != NULL)
    hearsay_document_set_field (l->doc, "comments", (const char * const *) values);
  return TRUE;
}

static void
read_meta (DoccanoLine *l,
           JsonObject  *object,
           gboolean     nested)
{
  g_autoptr(GList) members = json_object_get_members (object);
  const char * const reserved[] = { "id", "entities", "relations", "Comments", "comments",
                                    "annotation_approver", STATED_KEY, NULL };

  for (GList *m = members; m != NULL; m = m->next)
    {
      const char *key = m->data;
      JsonNode *value = json_object_get_member (object, key);

      if (!nested && (g_strv_contains (reserved, key) || g_str_equal (key, l->label_key) ||
                      (l->ctx->options->label_column == NULL && g_str_equal (key, "labels")) ||
                      g_str_equal (key, l->ctx->options->text_column ? l->ctx->options->text_column : "text")))
        continue;
      if (!nested && g_str_equal (key, "meta") && JSON_NODE_HOLDS_OBJECT (value))
        read_meta (l, json_node_get_object (value), TRUE);
      else
        hearsay_import_document_value (l->doc, key, value);
    }
}

static JsonNode *
parse_line (const char  *path,
            guint        line,
            const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *where = g_strdup_printf ("%s:%u", path, line);
  JsonNode *root;

  if (!hearsay_json_check (data, length, where, error))
    return NULL;
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib says "<data>:1:COLUMN: message" for the one line it read. */
      if (g_str_has_prefix (local_error->message, "<data>:1:"))
        hearsay_import_fail (error, path, line, _("invalid JSON at column %s"), local_error->message + 9);
      else
        hearsay_import_fail (error, path, line, _("invalid JSON: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      hearsay_import_fail (error, path, line, _("a line must hold one JSON object (a document)"));
      return NULL;
    }
  return json_node_ref (root);
}

/* Pass 0 (@detect set) counts the line's spans in each unit; pass 1
 * imports the line in @unit (or its stated or given convention). */
static gboolean
import_line (HearsayImportContext  *ctx,
             const char            *path,
             guint                  line,
             const char            *data,
             gsize                  length,
             DoccanoLine           *detect,
             DoccanoUnit            unit,
             GError               **error)
{
  g_autoptr(JsonNode) node = parse_line (path, line, data, length, error);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(HearsayTextIndex) index = NULL;
  g_autoptr(UnitMaps) maps = NULL;
  g_autoptr(HearsayOffsetReader) reader = NULL;
  const char *text_key = ctx->options->text_column ? ctx->options->text_column : "text";
  const char *text = NULL, *title = NULL;
  HearsayImportOptions text_options = { 0 };
  DoccanoLine mine = { 0 };
  DoccanoLine *l = detect != NULL ? detect : &mine;
  JsonNode *labels;

  if (node == NULL)
    return FALSE;
  l->ctx = ctx;
  l->path = path;
  l->line = line;
  l->root = json_node_get_object (node);
  l->label_key = ctx->options->label_column ? ctx->options->label_column : "label";
  if (!hearsay_json_get_string (l->root, text_key, &text) || text == NULL || *text == '\0')
    return hearsay_import_fail (error, path, line,
                                _("the document has no “%s” string (name doccano's text column with --text-column)"),
                                text_key);
  maps = unit_maps_new (text);
  l->maps = maps;
  l->unit = unit;
  if (detect == NULL)
    {
      g_autoptr(GBytes) text_bytes = g_bytes_new_static (text, strlen (text));
      HearsayOffsetConvention stated;

      hearsay_json_get_string (l->root, "title", &title);
      text_options.title = title;
      doc = hearsay_import_text_bytes (path, text_bytes, &text_options, &local_error);
      if (doc == NULL)
        return hearsay_import_fail (error, path, line, "%s", local_error->message);
      if (!hearsay_import_store_document (ctx, doc, FALSE, error))
        return FALSE;
      index = hearsay_text_index_new (hearsay_document_get_text (doc));
      l->doc = doc;
      l->index = index;
      if (ctx->options->offsets_given || hearsay_import_stated_unit (l->root, STATED_KEY, &stated))
        {
          l->fixed = TRUE;
          l->convention = hearsay_import_convention (ctx, ctx->options->offsets_given ? NULL : &stated, NULL);
          reader = hearsay_offset_reader_new (text, &l->convention);
          l->reader = reader;
        }
    }
  else if (ctx->options->offsets_given || json_object_has_member (l->root, STATED_KEY))
    return TRUE;  /* its unit is known: nothing to detect */

  labels = json_object_get_member (l->root, l->label_key);
  if (labels == NULL && ctx->options->label_column == NULL)
    labels = json_object_get_member (l->root, "labels");  /* doccano 1.x */
  if (labels != NULL && !JSON_NODE_HOLDS_NULL (labels))
    {
      if (!JSON_NODE_HOLDS_ARRAY (labels))
        return hearsay_import_fail (error, path, line, _("“%s” must be a list"), l->label_key);
      if (!read_label_list (l, json_node_get_array (labels), error))
        return FALSE;
    }
  if (json_object_has_member (l->root, "entities"))
    {
      if (!JSON_NODE_HOLDS_ARRAY (json_object_get_member (l->root, "entities")))
        return hearsay_import_fail (error, path, line, _("“entities” must be a list"));
      if (!read_entities (l, error))
        return FALSE;
    }
  if (json_object_has_member (l->root, "Comments") &&
      !read_comments (l, json_object_get_member (l->root, "Comments"), error))
    return FALSE;
  if (json_object_has_member (l->root, "comments") &&
      !read_comments (l, json_object_get_member (l->root, "comments"), error))
    return FALSE;
  if (detect != NULL)
    return TRUE;
  read_meta (l, l->root, FALSE);
  return hearsay_project_bulk_update_document (ctx->project, doc, error);
}

/* The unit every span fits in, most spans on word boundaries; UTF-16 first. */
static gboolean
choose_unit (const DoccanoLine  *counts,
             const char         *path,
             DoccanoUnit        *unit,
             GError            **error)
{
  gboolean found = FALSE;

  for (guint u = 0; u < N_UNITS; u++)
    if (counts->fits[u] == counts->n_spans && (!found || counts->aligned[u] > counts->aligned[*unit]))
      {
        *unit = u;
        found = TRUE;
      }
  if (found)
    return TRUE;
  /* "FILE:LINE: the span … (counted in UTF-16 code units); …" */
  g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID,
               _("%s — doccano's UI counts UTF-16 code units; nor does every span fit code points "
                 "(line %u) or grapheme clusters (line %u): give the unit the file uses with --offsets"),
               counts->misfit, counts->first_misfit_line[UNIT_CODEPOINT],
               counts->first_misfit_line[UNIT_GRAPHEME]);
  return FALSE;
}

gboolean
hearsay_import_doccano_unit (HearsayImportContext  *ctx,
                             const char            *path,
                             GError               **error)
{
  g_autoptr(GBytes) bytes = hearsay_import_read_file (path, HEARSAY_MAX_IMPORT_BYTES, error);
  DoccanoLine counts = { 0 };
  g_autofree char *misfit = NULL;
  DoccanoUnit unit = UNIT_UTF16;
  gboolean ok;
  const char *data, *end;
  guint n_documents = 0;
  gsize size;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  end = data + size;
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3;
  for (int pass = 0; pass < 2; pass++)
    {
      guint line = 0;

      if (pass == 1)
        {
          misfit = counts.misfit;
          if (!choose_unit (&counts, path, &unit, error))
            return FALSE;
        }
      for (const char *p = data; p < end; )
        {
          const char *eol = memchr (p, '\n', end - p);
          const char *stop = eol ? eol : end;
          gsize length;

          line++;
          if (stop > p && stop[-1] == '\r')
            stop--;
          length = stop - p;
          if (strspn (p, " \t\r") < length)
            {
              if (!g_utf8_validate_len (p, length, NULL) || memchr (p, '\0', length) != NULL)
                return hearsay_import_fail (error, path, line, _("the line is not valid UTF-8"));
              ok = import_line (ctx, path, line, p, length, pass == 0 ? &counts : NULL, unit, error);
              if (pass == 0)
                misfit = counts.misfit;
              if (!ok)
                return FALSE;
              n_documents += pass;
            }
          p = eol ? eol + 1 : end;
        }
    }
  if (n_documents == 0)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY, _("%s holds no documents"), path);
      return FALSE;
    }
  return TRUE;
}
