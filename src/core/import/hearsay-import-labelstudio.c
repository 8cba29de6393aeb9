/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-labelstudio.c: Label Studio's JSON export — a list of
 * tasks (or one task), each {"data": {"text": …, …}, "annotations": […],
 * "predictions": […]} ("completions" before Label Studio 1.0; a task
 * without "data" is its own data, as Label Studio reads it, which also
 * reads the JSON-MIN export).
 *
 * A task is a document: data's text key (--text-column; default "text",
 * else data's only string) is its text; title, outlet, url, published_at
 * and language are its metadata, every other data key (and the task's
 * "meta") a document field. Each annotation is one annotator's: its
 * completed_by (a user id N → "labelstudio-user-N", a user object → its
 * email, else its name) names it; a prediction is the annotator
 * "prediction" or "prediction:MODEL_VERSION" (its scores are not kept).
 * Results: "labels" with value.start/end → one annotation per label, on
 * the span hearsay-import-labelstudio-spans.c places; results sharing a
 * region's id are that region's: choices (and rating, number, datetime,
 * taxonomy) → attributes named by from_name, textarea → the note, as is
 * the region's meta text. The same results without a region are the
 * task's: document fields named by from_name. "relation" results relate
 * two regions of the annotation: direction "right" from from_id to to_id,
 * "left" the other way, each label a relation type. Everything else (other
 * result types, drafts, relation notes, a "bi" direction on a type that is
 * not symmetric, prediction scores) is listed as left out. */
#include "config.h"

#include <inttypes.h>

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearsay-annotation-json.h"
#include "hearsay-error.h"
#include "hearsay-import-labelstudio-private.h"
#include "hearsay-json-safety.h"

#define STATED_KEY "hearsay_offset_unit"

static const char * const region_value_types[] = {
  "choices", "textarea", "rating", "number", "datetime", "taxonomy", NULL
};

/* Keys of a JSON-MIN row that describe the annotation, not the task. */
static const char * const min_keys[] = {
  "id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time", NULL
};

typedef struct
{
  HearsayImportContext *ctx;
  const char *path;
  guint n_scores;      /* predictions' scores left out */
} LsFile;

static void
region_clear (gpointer data)
{
  HearsayLabelStudioRegion *r = data;

  g_free (r->id);
  g_free (r->quote);
  g_strfreev (r->labels);
  g_clear_pointer (&r->extras, g_ptr_array_unref);
  if (r->note != NULL)
    g_string_free (r->note, TRUE);
}

static const char *
member_string (JsonObject *o,
               const char *name)
{
  const char *value = NULL;

  return o != NULL && hearsay_json_get_string (o, name, &value) ? value : NULL;
}

static JsonObject *
member_object (JsonObject *o,
               const char *name)
{
  JsonNode *node = o ? json_object_get_member (o, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *o,
              const char *name)
{
  JsonNode *node = o ? json_object_get_member (o, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The values of a per-region or task result as strings: choices, a
 * textarea's texts, a rating or a number, a taxonomy's paths "a / b". */
static char **
result_values (JsonObject *value,
               const char *type)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (value, g_str_equal (type, "textarea") ? "text" : type);

  if (node == NULL)
    return NULL;
  if (g_str_equal (type, "taxonomy") && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *paths = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (paths); i++)
        {
          g_auto(GStrv) steps = hearsay_json_get_values (json_array_get_element (paths, i));
          g_autofree char *joined = NULL;

          if (steps == NULL)
            return NULL;
          joined = g_strjoinv (" / ", steps);
          g_strv_builder_add (b, joined);
        }
      return g_strv_builder_end (b);
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) != G_TYPE_STRING)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      if (json_node_get_value_type (node) == G_TYPE_INT64)
        {
          g_autofree char *number = g_strdup_printf ("%" PRId64, json_node_get_int (node));

          g_strv_builder_add (b, number);
        }
      else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        g_strv_builder_add (b, g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
      else
        return NULL;
      return g_strv_builder_end (b);
    }
  return hearsay_json_get_values (node);
}

static char *
annotator_name (JsonObject *annotation,
                gboolean    prediction)
{
  JsonNode *by;

  if (prediction)
    {
      const char *version = member_string (annotation, "model_version");

      return version != NULL && *version ? g_strconcat ("prediction:", version, NULL) : g_strdup ("prediction");
    }
  by = json_object_get_member (annotation, "completed_by");
  if (by == NULL)
    by = json_object_get_member (annotation, "annotator");  /* JSON-MIN */
  if (by != NULL && JSON_NODE_HOLDS_VALUE (by) && json_node_get_value_type (by) == G_TYPE_INT64)
    return g_strdup_printf ("labelstudio-user-%" PRId64, json_node_get_int (by));
  if (by != NULL && JSON_NODE_HOLDS_VALUE (by) && json_node_get_value_type (by) == G_TYPE_STRING &&
      *json_node_get_string (by))
    return g_strdup (json_node_get_string (by));
  if (by != NULL && JSON_NODE_HOLDS_OBJECT (by))
    {
      JsonObject *user = json_node_get_object (by);
      const char *email = member_string (user, "email");
      g_autofree char *name = g_strstrip (g_strjoin (" ", member_string (user, "first_name") ?: "",
                                                     member_string (user, "last_name") ?: "", NULL));
      gint64 id;

      if (email != NULL && *email)
        return g_strdup (email);
      if (*name)
        return g_steal_pointer (&name);
      if (hearsay_json_get_int (user, "id", &id))
        return g_strdup_printf ("labelstudio-user-%" PRId64, id);
    }
  return g_strdup ("labelstudio");
}

static HearsayLabelStudioRegion *
region_for (GArray     *regions,
            const char *id)
{
  HearsayLabelStudioRegion fresh = { 0 };

  for (guint i = 0; id != NULL && i < regions->len; i++)
    if (g_strcmp0 (g_array_index (regions, HearsayLabelStudioRegion, i).id, id) == 0)
      return &g_array_index (regions, HearsayLabelStudioRegion, i);
  fresh.id = g_strdup (id);
  fresh.extras = g_ptr_array_new ();
  g_array_append_val (regions, fresh);
  return &g_array_index (regions, HearsayLabelStudioRegion, regions->len - 1);
}

static void
append_note (HearsayLabelStudioRegion *r,
             char                    **texts)
{
  for (guint i = 0; texts != NULL && texts[i]; i++)
    {
      if (r->note == NULL)
        r->note = g_string_new (NULL);
      else
        g_string_append_c (r->note, '\n');
      g_string_append (r->note, texts[i]);
    }
}

static gboolean
get_span (JsonObject *value,
          gint64     *start,
          gint64     *end)
{
  return hearsay_json_get_int (value, "start", start) && hearsay_json_get_int (value, "end", end);
}

/* A task-level result: a document field named by from_name; the first
 * annotation that sets it wins and a differing one is listed. */
static void
task_field (HearsayLabelStudioTask *task,
            const char             *name,
            char                  **values,
            const char             *annotator)
{
  const char * const *had = hearsay_document_get_field (task->doc, name);
  g_autofree char *joined = NULL;

  if (values == NULL || values[0] == NULL)
    return;
  if (had == NULL)
    {
      hearsay_document_set_field (task->doc, name, (const char * const *) values);
      return;
    }
  joined = g_strjoinv (", ", values);
  hearsay_strv_sort (values);
  for (guint i = 0; had[i] || values[i]; i++)
    if (g_strcmp0 (had[i], values[i]) != 0)
      {
        hearsay_import_skip (task->ctx, task->path, 0,
                             _("task %u: %s's “%s” (%s) is left out: the document field has the value "
                               "an earlier annotation gave"), task->number, annotator, name, joined);
        return;
      }
}

static gboolean
read_results (HearsayLabelStudioTask  *task,
              JsonArray               *results,
              GArray                  *regions,
              GPtrArray               *relations,
              const char              *annotator,
              guint                    number,
              GError                 **error)
{
  g_autoptr(GHashTable) spans = g_hash_table_new (g_str_hash, g_str_equal);

  /* The ids of the regions that have a labels result, wherever it is. */
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      JsonObject *value;
      const char *id;

      if (JSON_NODE_HOLDS_OBJECT (node) && (id = member_string (json_node_get_object (node), "id")) != NULL &&
          (value = member_object (json_node_get_object (node), "value")) != NULL &&
          json_object_has_member (value, "labels"))
        g_hash_table_add (spans, (gpointer) id);
    }
  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      JsonObject *result, *value, *meta;
      const char *type, *id;
      gint64 start, end;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return hearsay_import_fail (error, task->path, 0, _("task %u, annotation %u: result %u is not an object"),
                                    task->number, number, i + 1);
      result = json_node_get_object (node);
      type = member_string (result, "type");
      id = member_string (result, "id");
      value = member_object (result, "value");
      if (g_strcmp0 (type, "relation") == 0)
        {
          g_ptr_array_add (relations, result);
          continue;
        }
      if (value == NULL)
        {
          hearsay_import_skip (task->ctx, task->path, 0, _("task %u, annotation %u: result %u has no value"),
                               task->number, number, i + 1);
          continue;
        }
      if (type == NULL && json_object_has_member (value, "labels"))
        type = "labels";
      if (g_strcmp0 (type, "labels") == 0)
        {
          HearsayLabelStudioRegion *r = region_for (regions, id);
          g_auto(GStrv) labels = hearsay_json_get_values (json_object_get_member (value, "labels"));
          const char *quote = member_string (value, "text");

          if (!get_span (value, &start, &end) || labels == NULL)
            return hearsay_import_fail (error, task->path, 0,
                                        _("task %u, annotation %u, region “%s”: labels need value.start, "
                                          "value.end (numbers) and value.labels (strings)"),
                                        task->number, number, id ? id : "?");
          r->has_span = TRUE;
          r->start = start;
          r->end = end;
          if (r->quote == NULL && quote != NULL)
            r->quote = g_strdup (quote);
          if (r->labels == NULL)
            r->labels = g_steal_pointer (&labels);
          else
            {
              g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

              g_strv_builder_addv (b, (const char **) r->labels);
              g_strv_builder_addv (b, (const char **) labels);
              g_strfreev (r->labels);
              r->labels = g_strv_builder_end (b);
            }
          meta = member_object (result, "meta");
          if (meta != NULL && json_object_get_member (meta, "text") != NULL)
            {
              g_auto(GStrv) texts = hearsay_json_get_values (json_object_get_member (meta, "text"));

              append_note (r, texts);
            }
          continue;
        }
      if (type != NULL && g_strv_contains (region_value_types, type))
        {
          g_auto(GStrv) values = result_values (value, type);
          const char *from = member_string (result, "from_name");

          if (values == NULL || from == NULL)
            {
              hearsay_import_skip (task->ctx, task->path, 0,
                                   _("task %u, annotation %u: the %s result %u has no from_name or values"),
                                   task->number, number, type, i + 1);
              continue;
            }
          /* With a span, or with a region's id, it describes that region. */
          if (json_object_has_member (value, "start") || (id != NULL && g_hash_table_contains (spans, id)))
            {
              HearsayLabelStudioRegion *r = region_for (regions, id);

              if (g_str_equal (type, "textarea"))
                append_note (r, values);
              else
                g_ptr_array_add (r->extras, result);
              if (!r->has_span && get_span (value, &start, &end))
                {
                  r->start = start;
                  r->end = end;
                }
            }
          else
            task_field (task, from, values, annotator);
          continue;
        }
      hearsay_import_skip (task->ctx, task->path, 0,
                           _("task %u, annotation %u: a “%s” result is left out: Hearsay reads text labels, "
                             "choices, text areas and relations"),
                           task->number, number, type ? type : "?");
    }
  return TRUE;
}

/* The regions as annotations; @ids maps a region id to its first one. */
static gboolean
store_regions (HearsayLabelStudioTask  *task,
               GArray                  *regions,
               GHashTable              *ids,
               JsonObject              *annotation,
               const char              *annotator,
               guint                    number,
               GError                 **error)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (task->ctx->project);
  const char *created = member_string (annotation, "created_at");
  const char *updated = member_string (annotation, "updated_at");

  hearsay_labelstudio_place_regions (task, regions);
  for (guint i = 0; i < regions->len; i++)
    {
      HearsayLabelStudioRegion *r = &g_array_index (regions, HearsayLabelStudioRegion, i);

      if (r->labels == NULL || r->labels[0] == NULL)
        {
          hearsay_import_skip (task->ctx, task->path, 0,
                               _("task %u, annotation %u: region “%s” has no label and is left out"),
                               task->number, number, r->id ? r->id : "?");
          continue;
        }
      if (!r->placed)
        {
          g_autofree char *there = NULL, *unit = NULL;
          HearsayOffsetReader *reader;
          gint64 s, e;

          if (r->quote == NULL)
            return hearsay_import_fail (error, task->path, 0,
                                        _("task %u, annotation %u, region “%s”: the span %" PRId64 "–%"
                                          PRId64 " does not fall on characters of the text"),
                                        task->number, number, r->id ? r->id : "?", r->start, r->end);
          reader = task->fixed != NULL ? task->fixed : task->codepoint;
          unit = task->fixed != NULL ? hearsay_offset_convention_describe (&task->fixed_convention)
                                     : g_strdup (_("code points (nor in UTF-16 code units)"));
          there = hearsay_offset_reader_to_stored (reader, r->start, &s) &&
                  hearsay_offset_reader_to_stored (reader, MAX (r->end, r->start), &e)
                  ? g_strndup (hearsay_text_index_pointer (task->index, s),
                               hearsay_text_index_pointer (task->index, e) - hearsay_text_index_pointer (task->index, s))
                  : g_strdup ("");
          if (!hearsay_import_quote_mismatch (task->ctx, error, task->path, 0,
                                              _("task %u, annotation %u, region “%s”: “%s” is not the text at "
                                                "%" PRId64 "–%" PRId64 " counted in %s (“%s”); "
                                                "the region is left out"),
                                              task->number, number, r->id ? r->id : "?", r->quote,
                                              r->start, r->end, unit, there))
            return FALSE;
          continue;
        }
      for (guint k = 0; r->labels[k]; k++)
        {
          g_autofree char *label = hearsay_import_map_label (scheme, r->labels[k]);
          g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (hearsay_document_get_id (task->doc), label);
          g_autoptr(GError) local_error = NULL;

          hearsay_annotation_add_fragment (ann, r->stored_start, r->stored_end);
          hearsay_annotation_set_annotator (ann, annotator);
          hearsay_annotation_set_created_at (ann, created);
          hearsay_annotation_set_modified_at (ann, updated ? updated : created);
          if (r->note != NULL)
            hearsay_annotation_set_note (ann, r->note->str);
          for (guint x = 0; x < r->extras->len; x++)
            {
              JsonObject *extra = g_ptr_array_index (r->extras, x);
              g_auto(GStrv) values = result_values (member_object (extra, "value"), member_string (extra, "type"));

              hearsay_annotation_set_attribute_values (ann, member_string (extra, "from_name"),
                                                       (const char * const *) values);
            }
          if (!hearsay_import_store_annotation (task->ctx, task->index, ann, annotator, task->path, 0, &local_error))
            return hearsay_import_fail (error, task->path, 0, _("task %u, annotation %u, region “%s”: %s"),
                                        task->number, number, r->id ? r->id : "?", local_error->message);
          hearsay_document_set_n_annotations (task->doc, hearsay_document_get_n_annotations (task->doc) + 1);
          if (k == 0 && r->id != NULL)
            g_hash_table_insert (ids, g_strdup (r->id), g_memdup2 (&(gint64) { hearsay_annotation_get_id (ann) },
                                                                   sizeof (gint64)));
        }
    }
  return TRUE;
}

static gboolean
store_relations (HearsayLabelStudioTask  *task,
                 GPtrArray               *relations,
                 GHashTable              *ids,
                 const char              *annotator,
                 guint                    number,
                 GError                 **error)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (task->ctx->project);

  for (guint i = 0; i < relations->len; i++)
    {
      JsonObject *rel = g_ptr_array_index (relations, i);
      const char *from = member_string (rel, "from_id"), *to = member_string (rel, "to_id");
      const char *direction = member_string (rel, "direction");
      const gint64 *from_id = from ? g_hash_table_lookup (ids, from) : NULL;
      const gint64 *to_id = to ? g_hash_table_lookup (ids, to) : NULL;
      g_auto(GStrv) labels = NULL;
      JsonNode *lnode = json_object_get_member (rel, "labels");

      if (from_id == NULL || to_id == NULL)
        {
          hearsay_import_skip (task->ctx, task->path, 0,
                               _("task %u, annotation %u: the relation %s → %s is left out: it does not "
                                 "relate two regions that were imported"),
                               task->number, number, from ? from : "?", to ? to : "?");
          continue;
        }
      labels = lnode != NULL && !JSON_NODE_HOLDS_NULL (lnode) ? hearsay_json_get_values (lnode) : NULL;
      if (labels == NULL || labels[0] == NULL)
        {
          g_strfreev (labels);
          labels = g_strdupv ((char *[]) { (char *) "related", NULL });
        }
      if (member_string (rel, "notes") != NULL && *member_string (rel, "notes"))
        hearsay_import_skip (task->ctx, task->path, 0,
                             _("task %u, annotation %u: the note of the relation %s → %s is left out "
                               "(Hearsay relations have none)"), task->number, number, from, to);
      for (guint k = 0; labels[k]; k++)
        {
          g_autofree char *id = hearsay_import_identifier (labels[k]);
          const HearsayRelationType *type = hearsay_scheme_lookup_relation_type (scheme, id);
          const char *name = type != NULL ? type->id : labels[k];
          gboolean left = g_strcmp0 (direction, "left") == 0;

          if (g_strcmp0 (direction, "bi") == 0 && (type == NULL || !type->symmetric))
            hearsay_import_skip (task->ctx, task->path, 0,
                                 _("task %u, annotation %u: the relation %s ↔ %s (%s) goes both ways; it "
                                   "is kept from %s to %s only"), task->number, number, from, to, name, from, to);
          if (!hearsay_import_store_relation (task->ctx, name, left ? *to_id : *from_id, left ? *from_id : *to_id,
                                              annotator, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_annotation (LsFile                  *f,
                 HearsayLabelStudioTask  *task,
                 JsonObject              *annotation,
                 gboolean                 prediction,
                 guint                    number,
                 GError                 **error)
{
  g_autoptr(GArray) regions = g_array_new (FALSE, TRUE, sizeof (HearsayLabelStudioRegion));
  g_autoptr(GPtrArray) relations = g_ptr_array_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *annotator = annotator_name (annotation, prediction);
  JsonArray *results = member_array (annotation, "result");

  g_array_set_clear_func (regions, region_clear);
  if (results == NULL)
    return TRUE;
  if (prediction)
    for (guint i = 0; i < json_array_get_length (results); i++)
      {
        JsonNode *r = json_array_get_element (results, i);

        f->n_scores += JSON_NODE_HOLDS_OBJECT (r) && json_object_has_member (json_node_get_object (r), "score");
      }
  f->n_scores += prediction && json_object_has_member (annotation, "score");
  return read_results (task, results, regions, relations, annotator, number, error) &&
         store_regions (task, regions, ids, annotation, annotator, number, error) &&
         store_relations (task, relations, ids, annotator, number, error);
}

/* JSON-MIN: each list of {start, end, text, labels} is a labels result. */
static JsonArray *
min_results (JsonObject *row)
{
  g_autoptr(GList) members = json_object_get_members (row);
  JsonArray *results = json_array_new ();

  for (GList *m = members; m != NULL; m = m->next)
    {
      JsonArray *list = member_array (row, m->data);

      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          JsonNode *e = json_array_get_element (list, i);
          JsonObject *result;

          if (!JSON_NODE_HOLDS_OBJECT (e) || !json_object_has_member (json_node_get_object (e), "start") ||
              !json_object_has_member (json_node_get_object (e), "labels"))
            continue;
          result = json_object_new ();
          json_object_set_string_member (result, "type", "labels");
          json_object_set_string_member (result, "from_name", m->data);
          json_object_set_object_member (result, "value", json_object_ref (json_node_get_object (e)));
          json_array_add_object_element (results, result);
        }
    }
  return results;
}

static gboolean
is_min_spans (JsonNode *node)
{
  JsonArray *list;

  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (list = json_node_get_array (node)) == 0)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (list); i++)
    if (!JSON_NODE_HOLDS_OBJECT (json_array_get_element (list, i)) ||
        !json_object_has_member (json_node_get_object (json_array_get_element (list, i)), "labels"))
      return FALSE;
  return TRUE;
}

static const char *
text_key (HearsayImportContext  *ctx,
          JsonObject            *data,
          const char            *path,
          guint                  number,
          GError               **error)
{
  g_autoptr(GList) members = json_object_get_members (data);
  g_autoptr(GString) keys = g_string_new (NULL);
  const char *only = NULL;
  guint n = 0;

  if (ctx->options->text_column != NULL || member_string (data, "text") != NULL)
    {
      const char *key = ctx->options->text_column ? ctx->options->text_column : "text";

      if (member_string (data, key) == NULL || *member_string (data, key) == '\0')
        {
          hearsay_import_fail (error, path, 0, _("task %u: its data has no “%s” text"), number, key);
          return NULL;
        }
      return key;
    }
  for (GList *m = members; m != NULL; m = m->next)
    {
      const char *v = member_string (data, m->data);

      g_string_append_printf (keys, "%s%s", keys->len ? ", " : "", (const char *) m->data);
      if (v != NULL && json_object_get_member (data, m->data) != NULL &&
          JSON_NODE_HOLDS_VALUE (json_object_get_member (data, m->data)) && !g_strv_contains (min_keys, m->data))
        {
          only = m->data;
          n++;
        }
    }
  if (n == 1)
    return only;
  hearsay_import_fail (error, path, 0,
                       _("task %u: which of its data (%s) is the text? Name it with --text-column"),
                       number, keys->len ? keys->str : _("nothing"));
  return NULL;
}

static gboolean
read_task (LsFile      *f,
           JsonObject  *task_object,
           guint        number,
           GError     **error)
{
  HearsayImportContext *ctx = f->ctx;
  JsonObject *data = member_object (task_object, "data");
  gboolean min = data == NULL;
  g_autoptr(GBytes) text_bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(HearsayTextIndex) index = NULL;
  g_autoptr(HearsayOffsetReader) codepoint = NULL, utf16 = NULL, fixed = NULL;
  g_autoptr(GList) members = NULL;
  static const HearsayOffsetConvention cp = { HEARSAY_OFFSET_CODEPOINT, FALSE, FALSE };
  static const HearsayOffsetConvention u16 = { HEARSAY_OFFSET_UTF16, FALSE, FALSE };
  HearsayImportOptions text_options = { 0 };
  HearsayOffsetConvention stated;
  HearsayLabelStudioTask task = { ctx, f->path, number };
  const char *key, *text;
  const char * const lists[] = { "annotations", "completions", "predictions", NULL };

  if (min && (member_array (task_object, "annotations") || member_array (task_object, "predictions") ||
              member_array (task_object, "completions")))
    return hearsay_import_fail (error, f->path, 0, _("task %u has annotations but no “data”"), number);
  if (min)
    data = task_object;
  key = text_key (ctx, data, f->path, number, error);
  if (key == NULL)
    return FALSE;
  text = member_string (data, key);
  text_bytes = g_bytes_new_static (text, strlen (text));
  text_options.title = member_string (data, "title");
  doc = hearsay_import_text_bytes (f->path, text_bytes, &text_options, &local_error);
  if (doc == NULL)
    return hearsay_import_fail (error, f->path, 0, _("task %u: %s"), number, local_error->message);
  members = json_object_get_members (data);
  for (GList *m = members; m != NULL; m = m->next)
    if (!g_str_equal (m->data, key) &&
        !(min && (g_strv_contains (min_keys, m->data) || is_min_spans (json_object_get_member (data, m->data)))))
      hearsay_import_document_value (doc, m->data, json_object_get_member (data, m->data));
  if (member_object (task_object, "meta") != NULL && !min)
    {
      JsonObject *meta = member_object (task_object, "meta");
      g_autoptr(GList) keys = json_object_get_members (meta);

      for (GList *m = keys; m != NULL; m = m->next)
        if (!g_str_equal (m->data, STATED_KEY))
          hearsay_import_document_value (doc, m->data, json_object_get_member (meta, m->data));
    }
  if (!hearsay_import_store_document (ctx, doc, FALSE, error))
    return FALSE;
  index = hearsay_text_index_new (hearsay_document_get_text (doc));
  codepoint = hearsay_offset_reader_new (text, &cp);
  utf16 = hearsay_offset_reader_new (text, &u16);
  task.doc = doc;
  task.index = index;
  task.codepoint = codepoint;
  task.utf16 = utf16;
  if (ctx->options->offsets_given || hearsay_import_stated_unit (member_object (task_object, "meta"), STATED_KEY, &stated))
    {
      task.fixed_convention = hearsay_import_convention (ctx, ctx->options->offsets_given ? NULL : &stated, NULL);
      fixed = hearsay_offset_reader_new (text, &task.fixed_convention);
      task.fixed = fixed;
    }

  if (min)
    {
      g_autoptr(JsonArray) results = min_results (task_object);
      g_autoptr(JsonObject) annotation = json_object_new ();

      json_object_set_array_member (annotation, "result", json_array_ref (results));
      if (json_object_has_member (task_object, "annotator"))
        json_object_set_member (annotation, "completed_by",
                                json_node_copy (json_object_get_member (task_object, "annotator")));
      if (member_string (task_object, "created_at") != NULL)
        json_object_set_string_member (annotation, "created_at", member_string (task_object, "created_at"));
      if (member_string (task_object, "updated_at") != NULL)
        json_object_set_string_member (annotation, "updated_at", member_string (task_object, "updated_at"));
      if (!read_annotation (f, &task, annotation, FALSE, 1, error))
        return FALSE;
    }
  for (guint l = 0; !min && lists[l]; l++)
    {
      JsonArray *list = member_array (task_object, lists[l]);

      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          JsonNode *a = json_array_get_element (list, i);

          if (!JSON_NODE_HOLDS_OBJECT (a))
            return hearsay_import_fail (error, f->path, 0, _("task %u: %s %u is not an object"), number, lists[l], i + 1);
          if (!read_annotation (f, &task, json_node_get_object (a), g_str_equal (lists[l], "predictions"), i + 1, error))
            return FALSE;
        }
    }
  if (member_array (task_object, "drafts") != NULL && json_array_get_length (member_array (task_object, "drafts")) > 0)
    hearsay_import_skip (ctx, f->path, 0, _("task %u: %u drafts are left out (not submitted annotations)"),
                         number, json_array_get_length (member_array (task_object, "drafts")));
  return hearsay_project_bulk_update_document (ctx->project, doc, error);
}

gboolean
hearsay_import_labelstudio_unit (HearsayImportContext  *ctx,
                                 const char            *path,
                                 GError               **error)
{
  g_autoptr(GBytes) bytes = hearsay_import_read_file (path, HEARSAY_MAX_IMPORT_BYTES, error);
  g_autoptr(JsonNode) root = NULL;
  LsFile f = { ctx, path, 0 };
  const char *data;
  gsize size;
  guint n = 0;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, size -= 3;
  root = hearsay_json_parse (data, size, path, error);
  if (root == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      if (!read_task (&f, json_node_get_object (root), 1, error))
        return FALSE;
      n = 1;
    }
  else if (JSON_NODE_HOLDS_ARRAY (root))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (root)); i++)
      {
        JsonNode *task = json_array_get_element (json_node_get_array (root), i);

        if (!JSON_NODE_HOLDS_OBJECT (task))
          return hearsay_import_fail (error, path, 0, _("task %u is not an object"), i + 1);
        if (!read_task (&f, json_node_get_object (task), i + 1, error))
          return FALSE;
        n++;
      }
  if (n == 0)
    {
      g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY,
                   _("%s holds no Label Studio task"), path);
      return FALSE;
    }
  if (f.n_scores > 0)
    hearsay_import_skip (ctx, path, 0, _("%u prediction scores are left out (Hearsay keeps no scores)"), f.n_scores);
  return TRUE;
}
