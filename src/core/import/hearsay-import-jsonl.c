/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-jsonl.c: the native format written by hearsay-export-jsonl.c.
 * Ids in the file are remapped to new ids of this project. */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearsay-annotation-json.h"
#include "hearsay-error.h"
#include "hearsay-import-private.h"
#include "hearsay-json-safety.h"

typedef struct
{
  HearsayProject *project;
  const char *path;
  guint line;
  HearsayImportReport *report;
  GHashTable *annotation_ids;  /* file id → project id (gint64 *) */
  GHashTable *skipped_ids;     /* file ids of annotations left out */
  GPtrArray *relations;        /* PendingRelation */
  GHashTable *entity_ids;      /* file id → project id (gint64 *) */
  GPtrArray *known_entities;   /* the project's entities, to reuse by name and kind */
  HearsayImportContext *ctx;
  HearsayOffsetConvention stated;  /* the current line's offset_unit */
  HearsayOffsetReader *offsets;    /* the current line's text in its convention */
  GHashTable *used_ids;            /* with keep_ids: "d42", "r7", "e3" taken by this file */
} JsonlImport;

typedef struct
{
  guint line;
  HearsayRelation relation;    /* ids as in the file */
} PendingRelation;

static void
pending_relation_free (gpointer data)
{
  PendingRelation *p = data;

  g_free (p->relation.type);
  g_free (p->relation.annotator);
  g_free (p->relation.created_at);
  g_free (p);
}

/* With keep_ids, the file's own id for a new object, when it is free. */
static gint64
file_id_if_free (JsonlImport *imp,
                 char         kind,
                 gint64       id)
{
  char key[32];

  if (!imp->ctx->keep_ids || id <= 0)
    return 0;
  g_snprintf (key, sizeof key, "%c%" G_GINT64_FORMAT, kind, id);
  if (g_hash_table_contains (imp->used_ids, key))
    return 0;
  g_hash_table_add (imp->used_ids, g_strdup (key));
  return id;
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (JsonlImport  *imp,
      GError      **error,
      const char   *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_INVALID,
               "%s:%u: %s", imp->path, imp->line, message);
  return FALSE;
}

static HearsayDocument *
read_document (JsonlImport  *imp,
               JsonObject   *root,
               GError      **error)
{
  const char *text, *unit, *title, *outlet, *url, *date, *language, *direction;
  const char *source_name = NULL, *source_sha = NULL, *imported_at = NULL;
  g_autoptr(HearsayDocument) doc = NULL;
  JsonNode *node;

  if (!hearsay_json_get_string (root, "text", &text) || text == NULL)
    {
      fail (imp, error, _("the document has no “text” string"));
      return NULL;
    }
  /* What a Hearsay export states on every line; --offsets overrides it. */
  if (!hearsay_json_get_string (root, "offset_unit", &unit) ||
      (unit != NULL && !hearsay_offset_unit_from_string (unit, &imp->stated.unit)))
    {
      fail (imp, error, _("offset_unit “%s” is not one Hearsay reads (codepoint, utf16 or byte)"),
            unit ? unit : "?");
      return NULL;
    }
  if (unit == NULL)
    imp->stated.unit = HEARSAY_OFFSET_CODEPOINT;
  if (!hearsay_json_get_string (root, "title", &title) || !hearsay_json_get_string (root, "outlet", &outlet) ||
      !hearsay_json_get_string (root, "url", &url) || !hearsay_json_get_string (root, "published_at", &date) ||
      !hearsay_json_get_string (root, "language", &language) || !hearsay_json_get_string (root, "direction", &direction))
    {
      fail (imp, error, _("title, outlet, url, published_at, language and direction must be strings"));
      return NULL;
    }
  node = json_object_get_member (root, "source");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *source = json_node_get_object (node);

      if (!hearsay_json_get_string (source, "name", &source_name) || !hearsay_json_get_string (source, "sha256", &source_sha) ||
          !hearsay_json_get_string (source, "imported_at", &imported_at))
        {
          fail (imp, error, _("the “source” members must be strings"));
          return NULL;
        }
    }

  doc = hearsay_document_new (text);
  hearsay_document_set_title (doc, title ? title : "");
  hearsay_document_set_outlet (doc, outlet);
  hearsay_document_set_url (doc, url);
  hearsay_document_set_published_at (doc, date);
  hearsay_document_set_language (doc, language);
  if (direction != NULL)
    hearsay_document_set_direction (doc, hearsay_direction_from_string (direction));
  hearsay_document_set_source_name (doc, source_name);
  hearsay_document_set_source_sha256 (doc, source_sha);
  hearsay_document_set_imported_at (doc, imported_at);

  node = json_object_get_member (root, "fields");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *fields = json_node_get_object (node);
      g_autoptr(GList) names = json_object_get_members (fields);

      for (GList *l = names; l; l = l->next)
        {
          g_auto(GStrv) values = hearsay_json_get_values (json_object_get_member (fields, l->data));

          if (values == NULL)
            {
              fail (imp, error, _("the field “%s” must be a string or a list of strings"),
                    (const char *) l->data);
              return NULL;
            }
          hearsay_document_set_field (doc, l->data, (const char * const *) values);
        }
    }
  return g_steal_pointer (&doc);
}

static HearsayAnnotation *
read_annotation (JsonlImport       *imp,
                 HearsayDocument   *doc,
                 HearsayTextIndex  *index,
                 JsonNode          *node,
                 guint              n,
                 gboolean          *skipped,
                 GError           **error)
{
  g_autoptr(HearsayAnnotation) ann = NULL;
  g_autoptr(GError) local_error = NULL;

  *skipped = FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (imp, error, _("annotation %u is not an object"), n);
      return NULL;
    }
  ann = hearsay_annotation_from_json (json_node_get_object (node), hearsay_document_get_id (doc), &local_error);
  if (ann == NULL)
    {
      fail (imp, error, _("annotation %u: %s"), n, local_error->message);
      return NULL;
    }
  /* The project gives its own id (the file's in a new project, where it is
   * free); the file's id maps relations. */
  hearsay_annotation_set_id (ann, file_id_if_free (imp, 'a', hearsay_annotation_get_id (ann)));
  /* Files written by other tools may lack the times, which the store requires. */
  if (hearsay_annotation_get_created_at (ann) == NULL)
    {
      g_autofree char *now = hearsay_now_iso8601 ();

      hearsay_annotation_set_created_at (ann, now);
    }
  if (hearsay_annotation_get_modified_at (ann) == NULL)
    hearsay_annotation_set_modified_at (ann, hearsay_annotation_get_created_at (ann));

  for (guint i = 0; i < hearsay_annotation_get_n_fragments (ann); i++)
    {
      const HearsayFragment *f = hearsay_annotation_get_fragment (ann, i);
      HearsayOffsetConvention convention = hearsay_import_convention (imp->ctx, &imp->stated, NULL);
      gint64 start, end;

      if (!hearsay_import_convert_span (imp->offsets, &convention, f->start, f->end, &start, &end,
                                        imp->path, imp->line, error))
        {
          g_prefix_error (error, _("annotation %u: "), n);
          return NULL;
        }
      hearsay_annotation_set_fragment_span (ann, i, start, end);
      f = hearsay_annotation_get_fragment (ann, i);
      if (f->exact != NULL && f->start >= 0 && f->start < f->end &&
          f->end <= hearsay_text_index_get_length (index))
        {
          const char *s = hearsay_text_index_pointer (index, f->start);
          const char *e = hearsay_text_index_pointer (index, f->end);

          if ((gsize) (e - s) != strlen (f->exact) || memcmp (s, f->exact, e - s) != 0)
            {
              g_autofree char *found = g_strndup (s, e - s);

              g_ptr_array_add (imp->report->quote_mismatches,
                               g_strdup_printf (_("%s:%u: annotation %u (%s, %" PRId64 "–%" PRId64 "): "
                                                  "the quote “%s” does not match the text “%s”; skipped"),
                                                imp->path, imp->line, n, hearsay_annotation_get_label (ann),
                                                f->start, f->end, f->exact, found));
              *skipped = TRUE;
              return NULL;
            }
        }
    }

  if (!hearsay_project_validate_annotation (imp->project, ann, index, FALSE, error))
    {
      g_prefix_error (error, "%s:%u: annotation %u: ", imp->path, imp->line, n);
      return NULL;
    }
  hearsay_annotation_fill_quotes (ann, index);
  return g_steal_pointer (&ann);
}

static gboolean
read_relations (JsonlImport  *imp,
                JsonObject   *root,
                GError      **error)
{
  JsonNode *node = json_object_get_member (root, "relations");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (imp, error, _("“relations” must be a list"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *rn = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      HearsayRelation *r;
      PendingRelation *p;

      if (!JSON_NODE_HOLDS_OBJECT (rn))
        return fail (imp, error, _("relation %u is not an object"), i + 1);
      r = hearsay_relation_from_json (json_node_get_object (rn), &local_error);
      if (r == NULL)
        return fail (imp, error, _("relation %u: %s"), i + 1, local_error->message);
      p = g_new0 (PendingRelation, 1);
      p->line = imp->line;
      p->relation = *r;
      g_free (r);
      g_ptr_array_add (imp->relations, p);
    }
  return TRUE;
}

/* An entity of the file is the project's entity of the same name and kind,
 * or a new one. */
static gboolean
read_entities (JsonlImport  *imp,
               JsonObject   *root,
               GError      **error)
{
  JsonNode *node = json_object_get_member (root, "entities");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (imp, error, _("“entities” must be a list"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *en = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(HearsayEntity) entity = NULL;
      HearsayEntity *match = NULL;
      gint64 file_id, project_id;

      if (!JSON_NODE_HOLDS_OBJECT (en))
        return fail (imp, error, _("entity %u is not an object"), i + 1);
      entity = hearsay_entity_from_json (json_node_get_object (en), &local_error);
      if (entity == NULL)
        return fail (imp, error, _("entity %u: %s"), i + 1, local_error->message);
      file_id = hearsay_entity_get_id (entity);
      if (g_hash_table_contains (imp->entity_ids, &file_id))
        continue;
      for (guint j = 0; j < imp->known_entities->len && match == NULL; j++)
        {
          HearsayEntity *known = g_ptr_array_index (imp->known_entities, j);

          if (g_strcmp0 (hearsay_entity_get_name (known), hearsay_entity_get_name (entity)) == 0 &&
              g_strcmp0 (hearsay_entity_get_kind (known), hearsay_entity_get_kind (entity)) == 0)
            match = known;
        }
      if (match == NULL)
        {
          hearsay_entity_set_id (entity, file_id_if_free (imp, 'e', file_id));
          if (!hearsay_project_bulk_add_entity (imp->project, entity, error))
            return FALSE;
          g_ptr_array_add (imp->known_entities, g_object_ref (entity));
          match = entity;
        }
      project_id = hearsay_entity_get_id (match);
      g_hash_table_insert (imp->entity_ids, g_memdup2 (&file_id, sizeof file_id),
                           g_memdup2 (&project_id, sizeof project_id));
    }
  return TRUE;
}

static gint64
annotation_file_id (JsonArray *array,
                    guint      index)
{
  JsonNode *node = json_array_get_element (array, index);
  gint64 id = G_MAXINT64;

  if (JSON_NODE_HOLDS_OBJECT (node))
    hearsay_json_get_int (json_node_get_object (node), "id", &id);
  return id;
}

static int
compare_file_ids (gconstpointer a,
                  gconstpointer b,
                  gpointer      array)
{
  gint64 ia = annotation_file_id (array, *(const guint *) a);
  gint64 ib = annotation_file_id (array, *(const guint *) b);

  return ia < ib ? -1 : ia > ib ? 1 : (int) *(const guint *) a - (int) *(const guint *) b;
}

/* Annotations are stored in the order of their ids in the file, not of their
 * position in the text, so that a fresh project gives them the same ids. */
static GArray *
annotation_order (JsonArray *array)
{
  guint n = json_array_get_length (array);
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

  for (guint i = 0; i < n; i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_file_ids, array);
  return order;
}

static gboolean
import_line (JsonlImport  *imp,
             const char   *line,
             gsize         length,
             GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(HearsayTextIndex) index = NULL;
  g_autofree char *where = NULL;
  g_autoptr(HearsayOffsetReader) offsets = NULL;
  JsonObject *root;
  JsonNode *annotations;
  guint n_annotations = 0;

  where = g_strdup_printf ("%s:%u", imp->path, imp->line);
  if (!hearsay_json_check (line, length, where, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, line, length, &local_error))
    return fail (imp, error, _("invalid JSON: %s"), local_error->message);
  if (json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return fail (imp, error, _("a line must hold one JSON object (a document)"));
  root = json_node_get_object (json_parser_get_root (parser));

  doc = read_document (imp, root, error);
  if (doc == NULL)
    return FALSE;
  {
    gint64 file_doc = 0;

    hearsay_json_get_int (root, "id", &file_doc);
    hearsay_document_set_id (doc, file_id_if_free (imp, 'd', file_doc));
  }
  if (!hearsay_project_bulk_add_document (imp->project, doc, error))
    return FALSE;
  index = hearsay_text_index_new (hearsay_document_get_text (doc));
  {
    HearsayOffsetConvention convention = hearsay_import_convention (imp->ctx, &imp->stated, NULL);

    /* Borrowed by read_annotation() for this line only. */
    offsets = hearsay_offset_reader_new (hearsay_document_get_text (doc), &convention);
    imp->offsets = offsets;
  }

  annotations = json_object_get_member (root, "annotations");
  if (annotations != NULL && !JSON_NODE_HOLDS_NULL (annotations))
    {
      JsonArray *array;
      g_autoptr(GArray) order = NULL;

      if (!JSON_NODE_HOLDS_ARRAY (annotations))
        return fail (imp, error, _("“annotations” must be a list"));
      array = json_node_get_array (annotations);
      order = annotation_order (array);
      for (guint k = 0; k < order->len; k++)
        {
          guint i = g_array_index (order, guint, k);
          JsonNode *an = json_array_get_element (array, i);
          g_autoptr(HearsayAnnotation) ann = NULL;
          gint64 file_id = 0;
          gboolean skipped;

          if (JSON_NODE_HOLDS_OBJECT (an))
            hearsay_json_get_int (json_node_get_object (an), "id", &file_id);
          ann = read_annotation (imp, doc, index, an, i + 1, &skipped, error);
          if (ann == NULL && !skipped)
            return FALSE;
          if (skipped)
            {
              g_hash_table_add (imp->skipped_ids, g_memdup2 (&file_id, sizeof file_id));
              continue;
            }
          if (!hearsay_project_bulk_add_annotation (imp->project, ann, error))
            return FALSE;
          imp->report->n_annotations++;
          n_annotations++;
          if (file_id > 0)
            {
              gint64 new_id = hearsay_annotation_get_id (ann);

              if (g_hash_table_contains (imp->annotation_ids, &file_id))
                return fail (imp, error, _("the annotation id %" PRId64 " is used twice"), file_id);
              g_hash_table_insert (imp->annotation_ids, g_memdup2 (&file_id, sizeof file_id),
                                   g_memdup2 (&new_id, sizeof new_id));
            }
        }
    }
  if (!read_entities (imp, root, error) || !read_relations (imp, root, error))
    return FALSE;
  hearsay_document_set_n_annotations (doc, n_annotations);
  g_ptr_array_add (imp->report->documents, g_steal_pointer (&doc));
  return TRUE;
}

static gboolean
insert_relations (JsonlImport  *imp,
                  GError      **error)
{
  for (guint i = 0; i < imp->relations->len; i++)
    {
      PendingRelation *p = g_ptr_array_index (imp->relations, i);
      HearsayRelation r = p->relation;
      g_autofree char *now = NULL;
      const gint64 *from = g_hash_table_lookup (imp->annotation_ids, &r.from_id);
      const gint64 *to = r.to_id > 0 ? g_hash_table_lookup (imp->annotation_ids, &r.to_id) : NULL;

      imp->line = p->line;
      if (g_hash_table_contains (imp->skipped_ids, &r.from_id) ||
          (r.to_id > 0 && g_hash_table_contains (imp->skipped_ids, &r.to_id)))
        continue;
      if (from == NULL || (r.to_id > 0 && to == NULL))
        return fail (imp, error, _("a “%s” relation refers to annotation %" PRId64
                                   ", which is not in the file"),
                     r.type, from == NULL ? r.from_id : r.to_id);
      if (r.to_entity_id > 0)
        {
          const gint64 *entity = g_hash_table_lookup (imp->entity_ids, &r.to_entity_id);

          if (entity == NULL)
            return fail (imp, error, _("a “%s” relation refers to entity %" PRId64
                                       ", which is not in the file"), r.type, r.to_entity_id);
          r.to_entity_id = *entity;
        }
      r.id = file_id_if_free (imp, 'r', r.id);
      r.from_id = *from;
      r.to_id = to != NULL ? *to : 0;
      /* As for annotations: the store requires a creation time. */
      if (r.created_at == NULL)
        r.created_at = now = hearsay_now_iso8601 ();
      if (hearsay_project_bulk_add_relation (imp->project, &r, error) == 0)
        return FALSE;
      imp->report->n_relations++;
    }
  return TRUE;
}

gboolean
hearsay_import_jsonl_unit (HearsayImportContext  *ctx,
                           const char            *path,
                           GError               **error)
{
  g_autoptr(HearsayLineReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) skipped = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (pending_relation_free);
  g_autoptr(GHashTable) entity_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) known_entities = NULL;
  g_autoptr(GHashTable) used_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonlImport imp = { ctx->project, path, 0, ctx->report, ids, skipped, relations, entity_ids, NULL, ctx };

  imp.used_ids = used_ids;
  guint n_documents = 0;

  reader = hearsay_line_reader_new (path, HEARSAY_MAX_IMPORT_BYTES, error);
  if (reader == NULL)
    return FALSE;
  known_entities = hearsay_project_list_entities (ctx->project, error);
  if (known_entities == NULL)
    return FALSE;
  imp.known_entities = known_entities;
  while (TRUE)
    {
      gsize length = 0;
      char *line = hearsay_line_reader_next (reader, &length, &local_error);

      if (line == NULL)
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          break;
        }
      imp.line = hearsay_line_reader_get_line (reader);
      if (length > 0 && line[length - 1] == '\r')
        line[--length] = '\0';
      if (imp.line == 1 && g_str_has_prefix (line, "\xEF\xBB\xBF"))
        line += 3, length -= 3;
      if (strspn (line, " \t\r") >= length)
        continue;
      if (!g_utf8_validate_len (line, length, NULL))
        return fail (&imp, error, _("the line is not valid UTF-8"));
      if (!import_line (&imp, line, length, error))
        return FALSE;
      n_documents++;
    }
  if (n_documents == 0)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY,
                   _("%s holds no documents"), path);
      return FALSE;
    }
  return insert_relations (&imp, error);
}
