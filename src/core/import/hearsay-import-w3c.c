/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-w3c.c: W3C Web Annotation JSON-LD — an Annotation, an
 * AnnotationPage, an AnnotationCollection (its "first" page and the pages
 * "next" embeds, or its "items"), or a list of annotations.
 *
 * Which document a target means: its "source" IRI (or the target itself
 * when it is a string) is compared with, in order,
 *   1. the URL of a document of the project or of this import;
 *   2. "urn:hearsay:document:SHA256" (Hearsay's export for documents without
 *      a URL): the document whose text has that sha256;
 *   3. a text file given in the same import: its file:// URI, or its file
 *      name equal to the IRI's last path segment.
 * Nothing is ever fetched or opened from the IRI itself.
 *
 * Selectors: TextPositionSelector counts code points, end exclusive; with a
 * TextQuoteSelector as well, "exact" must equal the text there, else the
 * annotation is a quote mismatch. A TextQuoteSelector alone is anchored at
 * prefix+exact+suffix, else at "exact" when it occurs exactly once. Several
 * targets are the fragments of one (discontinuous) annotation.
 * Bodies: purpose "tagging" → the label; "classifying"/"describing" with
 * "name=value" → an attribute; "commenting" (or "describing" without "=")
 * → the note. An annotation whose targets are two annotations of the file
 * is a relation: its "linking" (or tagging) body is the type. */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearsay-annotation-json.h"
#include "hearsay-error.h"
#include "hearsay-import-private.h"
#include "hearsay-json-safety.h"

#define URN_PREFIX "urn:hearsay:document:"

typedef struct
{
  HearsayImportContext *ctx;
  const char *path;
  GHashTable *ids;       /* annotation IRI → project id (gint64 *) */
  GHashTable *indexes;   /* document id → HearsayTextIndex (owned, with its document) */
  GPtrArray *keep;       /* documents whose text the indexes point into */
  gboolean project_loaded;
} W3cFile;

static const char *
str_member (JsonObject *o,
            const char *name)
{
  const char *value = NULL;

  return hearsay_json_get_string (o, name, &value) ? value : NULL;
}

static gboolean
type_is (JsonObject *o,
         const char *type)
{
  JsonNode *node = json_object_get_member (o, "type");

  if (node == NULL)
    node = json_object_get_member (o, "@type");
  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (node))
    return g_strcmp0 (json_node_get_string (node), type) == 0;
  if (JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      if (g_strcmp0 (json_array_get_string_element (json_node_get_array (node), i), type) == 0)
        return TRUE;
  return FALSE;
}

/* A node that may be one item or a list of items, as a list. */
static GPtrArray *
as_list (JsonNode *node)
{
  GPtrArray *list = g_ptr_array_new ();

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return list;
  if (JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      g_ptr_array_add (list, json_array_get_element (json_node_get_array (node), i));
  else
    g_ptr_array_add (list, node);
  return list;
}

static void
register_document (HearsayImportContext *ctx,
                   const char           *key,
                   HearsayDocument      *doc)
{
  if (key != NULL && *key != '\0' && !g_hash_table_contains (ctx->documents_by_source, key))
    g_hash_table_insert (ctx->documents_by_source, g_strdup (key), g_object_ref (doc));
}

gboolean
hearsay_import_w3c_text_unit (HearsayImportContext  *ctx,
                              const char            *path,
                              GError               **error)
{
  HearsayImportOptions text_options = { .encoding = ctx->options->encoding };
  g_autoptr(HearsayDocument) doc = hearsay_import_text_file (path, &text_options, error);
  g_autofree char *base = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *absolute = NULL;

  if (doc == NULL || !hearsay_import_store_document (ctx, doc, FALSE, error))
    return FALSE;
  base = g_path_get_basename (path);
  absolute = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (absolute, NULL, NULL);
  register_document (ctx, uri, doc);
  register_document (ctx, base, doc);
  return TRUE;
}

static gboolean
load_project_documents (W3cFile  *f,
                        GError  **error)
{
  g_autoptr(GPtrArray) docs = NULL;

  if (f->project_loaded)
    return TRUE;
  docs = hearsay_project_list_documents (f->ctx->project, error);
  if (docs == NULL)
    return FALSE;
  for (guint i = 0; i < docs->len; i++)
    {
      HearsayDocument *doc = g_ptr_array_index (docs, i);
      g_autofree char *urn = g_strconcat (URN_PREFIX, hearsay_document_get_sha256 (doc), NULL);

      register_document (f->ctx, hearsay_document_get_url (doc), doc);
      if (hearsay_document_get_sha256 (doc) != NULL)
        register_document (f->ctx, urn, doc);
    }
  f->project_loaded = TRUE;
  return TRUE;
}

static HearsayDocument *
find_document (W3cFile    *f,
               const char *source)
{
  HearsayDocument *doc = g_hash_table_lookup (f->ctx->documents_by_source, source);
  const char *slash;

  if (doc != NULL)
    return doc;
  slash = strrchr (source, '/');
  if (slash != NULL && slash[1] != '\0')
    doc = g_hash_table_lookup (f->ctx->documents_by_source, slash + 1);
  return doc;
}

static HearsayTextIndex *
document_index (W3cFile          *f,
                HearsayDocument  *doc,
                GError          **error)
{
  gint64 id = hearsay_document_get_id (doc);
  HearsayTextIndex *index = g_hash_table_lookup (f->indexes, &id);
  HearsayDocument *full = doc;

  if (index != NULL)
    return index;
  if (hearsay_document_get_text (doc) == NULL)
    {
      full = hearsay_project_load_document (f->ctx->project, id, error);
      if (full == NULL)
        return NULL;
      g_ptr_array_add (f->keep, full);
    }
  index = hearsay_text_index_new (hearsay_document_get_text (full));
  g_hash_table_insert (f->indexes, g_memdup2 (&id, sizeof id), index);
  return index;
}

/* Anchors a TextQuoteSelector: prefix+exact+suffix, else a unique exact. */
static gboolean
anchor_quote (HearsayTextIndex *index,
              const char       *exact,
              const char       *prefix,
              const char       *suffix,
              gint64           *start,
              gint64           *end)
{
  const char *text = hearsay_text_index_get_text (index);
  g_autofree char *full = g_strconcat (prefix ? prefix : "", exact, suffix ? suffix : "", NULL);
  const char *hit = strstr (text, full);

  if (hit != NULL)
    hit += strlen (prefix ? prefix : "");
  else
    {
      hit = strstr (text, exact);
      if (hit == NULL || strstr (hit + 1, exact) != NULL)
        return FALSE;
    }
  *start = g_utf8_pointer_to_offset (text, hit);
  *end = *start + g_utf8_strlen (exact, -1);
  return TRUE;
}

/* One target → a fragment of @ann; FALSE with *skip for a quote mismatch. */
static gboolean
read_target (W3cFile            *f,
             JsonObject         *target,
             const char         *where,
             HearsayAnnotation **ann,
             HearsayTextIndex  **index,
             gboolean           *skip,
             GError            **error)
{
  const char *source = str_member (target, "source");
  g_autoptr(GPtrArray) selectors = as_list (json_object_get_member (target, "selector"));
  const char *exact = NULL, *prefix = NULL, *suffix = NULL, *unit = NULL;
  gint64 start = -1, end = -1;
  gboolean has_position = FALSE;
  HearsayDocument *doc;

  if (source == NULL)
    return hearsay_import_fail (error, f->path, 0, _("%s: a target has no “source”"), where);
  if (!load_project_documents (f, error))
    return FALSE;
  doc = find_document (f, source);
  if (doc == NULL)
    return hearsay_import_fail (error, f->path, 0,
                                _("%s: the target “%s” is not the URL of a document in the project, nor a text file "
                                  "given with the annotations"), where, source);
  if (*ann != NULL && hearsay_annotation_get_document_id (*ann) != hearsay_document_get_id (doc))
    return hearsay_import_fail (error, f->path, 0, _("%s: the targets are in different documents"), where);
  if (*ann == NULL)
    *ann = hearsay_annotation_new (hearsay_document_get_id (doc), "");
  *index = document_index (f, doc, error);
  if (*index == NULL)
    return FALSE;
  for (guint i = 0; i < selectors->len; i++)
    {
      JsonNode *node = g_ptr_array_index (selectors, i);
      JsonObject *sel;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      sel = json_node_get_object (node);
      if (type_is (sel, "TextPositionSelector"))
        {
          if (!hearsay_json_get_int (sel, "start", &start) || !hearsay_json_get_int (sel, "end", &end) || start < 0)
            return hearsay_import_fail (error, f->path, 0, _("%s: a TextPositionSelector needs start and end numbers"), where);
          unit = str_member (sel, "hearsay:offsetUnit");
          if (unit != NULL && strcmp (unit, "codepoint") != 0)
            return hearsay_import_fail (error, f->path, 0,
                                        _("%s: offsets in %s cannot be imported; export with code points"), where, unit);
          has_position = TRUE;
        }
      else if (type_is (sel, "TextQuoteSelector"))
        {
          exact = str_member (sel, "exact");
          prefix = str_member (sel, "prefix");
          suffix = str_member (sel, "suffix");
        }
    }
  if (!has_position && exact == NULL)
    return hearsay_import_fail (error, f->path, 0,
                                _("%s: a target needs a TextPositionSelector or a TextQuoteSelector"), where);
  if (has_position && exact != NULL && !hearsay_import_text_matches (*index, start, end, exact))
    {
      *skip = TRUE;
      if (end > hearsay_text_index_get_length (*index))
        return hearsay_import_fail (error, f->path, 0,
                                    _("%s: the span %" PRId64 "–%" PRId64 " is beyond the text, "
                                      "which has %" PRId64 " characters"),
                                    where, start, end, hearsay_text_index_get_length (*index));
      g_autofree char *shown = hearsay_import_excerpt (exact, 80);

      return hearsay_import_quote_mismatch (f->ctx, error, f->path, 0,
                                            _("%s: the quote “%s” does not match the text at %" PRId64 "–%"
                                              PRId64 "; skipped"), where, shown, start, end);
    }
  if (!has_position && !anchor_quote (*index, exact, prefix, suffix, &start, &end))
    {
      *skip = TRUE;
      g_autofree char *shown = hearsay_import_excerpt (exact, 80);

      return hearsay_import_quote_mismatch (f->ctx, error, f->path, 0,
                                            _("%s: the quote “%s” is not in the text (or not only once); skipped"),
                                            where, shown);
    }
  hearsay_annotation_add_fragment (*ann, start, end);
  return TRUE;
}

static void
read_bodies (HearsayAnnotation *ann,
             JsonNode          *bodies,
             char             **label)
{
  g_autoptr(GPtrArray) list = as_list (bodies);

  for (guint i = 0; i < list->len; i++)
    {
      JsonNode *node = g_ptr_array_index (list, i);
      JsonObject *body;
      const char *purpose, *value;

      if (JSON_NODE_HOLDS_VALUE (node) && *label == NULL)
        {
          *label = g_strdup (json_node_get_string (node));
          continue;
        }
      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      body = json_node_get_object (node);
      purpose = str_member (body, "purpose");
      value = str_member (body, "value");
      if (value == NULL)
        continue;
      if ((purpose == NULL || strcmp (purpose, "tagging") == 0 || strcmp (purpose, "linking") == 0) && *label == NULL)
        *label = g_strdup (value);
      else if (purpose != NULL && (strcmp (purpose, "classifying") == 0 || strcmp (purpose, "describing") == 0) &&
               strchr (value, '=') != NULL && ann != NULL)
        {
          g_autofree char *name = g_strndup (value, strchr (value, '=') - value);

          hearsay_annotation_add_attribute_value (ann, name, strchr (value, '=') + 1);
        }
      else if (purpose != NULL && (strcmp (purpose, "commenting") == 0 || strcmp (purpose, "describing") == 0) && ann != NULL)
        {
          const char *old = hearsay_annotation_get_note (ann);
          g_autofree char *note = old ? g_strconcat (old, "\n", value, NULL) : g_strdup (value);

          hearsay_annotation_set_note (ann, note);
        }
    }
}

static const char *
creator_of (JsonObject *o)
{
  JsonNode *node = json_object_get_member (o, "creator");

  if (node == NULL)
    return "w3c";
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      const char *name = str_member (json_node_get_object (node), "name");

      if (name == NULL)
        name = str_member (json_node_get_object (node), "nickname");
      return name ? name : "w3c";
    }
  return "w3c";
}

static const char *
target_iri (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (JSON_NODE_HOLDS_OBJECT (node) && !json_object_has_member (json_node_get_object (node), "selector"))
    {
      const char *id = str_member (json_node_get_object (node), "id");

      return id ? id : str_member (json_node_get_object (node), "source");
    }
  return NULL;
}

/* Pass 0 stores annotations of text; pass 1 links annotations. */
static gboolean
read_annotation (W3cFile     *f,
                 JsonObject  *o,
                 guint        n,
                 int          pass,
                 GError     **error)
{
  g_autoptr(GPtrArray) targets = as_list (json_object_get_member (o, "target"));
  const char *id = str_member (o, "id");
  g_autofree char *where = id ? g_strdup_printf (_("annotation %s"), id) : g_strdup_printf (_("annotation %u"), n);
  g_autoptr(HearsayAnnotation) ann = NULL;
  g_autofree char *label = NULL;
  HearsayTextIndex *index = NULL;
  gboolean linking = targets->len == 2 && target_iri (g_ptr_array_index (targets, 0)) != NULL &&
                     g_hash_table_contains (f->ids, target_iri (g_ptr_array_index (targets, 0)));

  if (targets->len == 0)
    return hearsay_import_fail (error, f->path, 0, _("%s has no target"), where);
  if (pass == 1)
    {
      const gint64 *from, *to;

      if (!linking)
        {
          /* Two bare IRIs that are not both annotations of this file. */
          if (targets->len == 2 && target_iri (g_ptr_array_index (targets, 0)) != NULL &&
              !JSON_NODE_HOLDS_OBJECT (g_ptr_array_index (targets, 0)) &&
              !g_str_has_prefix (target_iri (g_ptr_array_index (targets, 0)), "urn:uuid:"))
            hearsay_import_skip (f->ctx, f->path, 0, _("%s links %s, which is not an annotation of this file; "
                                                       "the link is left out"),
                                 where, target_iri (g_ptr_array_index (targets, 0)));
          return TRUE;
        }
      read_bodies (NULL, json_object_get_member (o, "body"), &label);
      from = g_hash_table_lookup (f->ids, target_iri (g_ptr_array_index (targets, 0)));
      to = target_iri (g_ptr_array_index (targets, 1)) ? g_hash_table_lookup (f->ids, target_iri (g_ptr_array_index (targets, 1))) : NULL;
      if (to == NULL)
        {
          hearsay_import_skip (f->ctx, f->path, 0, _("%s links to %s, which is not an annotation of this file; "
                                                     "the link is left out"),
                               where, target_iri (g_ptr_array_index (targets, 1)) ? target_iri (g_ptr_array_index (targets, 1)) : "?");
          return TRUE;
        }
      /* An end whose annotation was skipped (listed already) takes the link with it. */
      if (*from == 0 || *to == 0)
        {
          hearsay_import_skip (f->ctx, f->path, 0, _("%s links an annotation that was skipped; the link is left out"),
                               where);
          return TRUE;
        }
      return hearsay_import_store_relation (f->ctx, label ? label : "related", *from, *to, creator_of (o), error);
    }
  if (target_iri (g_ptr_array_index (targets, 0)) != NULL && !JSON_NODE_HOLDS_OBJECT (g_ptr_array_index (targets, 0)))
    {
      /* A bare IRI: a link between annotations, or a whole document (not a span). */
      if (g_str_has_prefix (target_iri (g_ptr_array_index (targets, 0)), "urn:uuid:") || targets->len == 2)
        return TRUE;
    }
  for (guint i = 0; i < targets->len; i++)
    {
      JsonNode *t = g_ptr_array_index (targets, i);
      gboolean skip = FALSE;

      if (!JSON_NODE_HOLDS_OBJECT (t) || !json_object_has_member (json_node_get_object (t), "selector"))
        {
          if (targets->len == 2)
            return TRUE;  /* linking: pass 1 */
          return hearsay_import_fail (error, f->path, 0, _("%s: a target has no selector"), where);
        }
      if (!read_target (f, json_node_get_object (t), where, &ann, &index, &skip, error))
        return FALSE;
      if (skip)
        {
          gint64 zero = 0;

          if (id != NULL)
            g_hash_table_insert (f->ids, g_strdup (id), g_memdup2 (&zero, sizeof zero));
          return TRUE;
        }
    }
  read_bodies (ann, json_object_get_member (o, "body"), &label);
  if (label == NULL)
    return hearsay_import_fail (error, f->path, 0, _("%s has no tagging body (its label)"), where);
  {
    g_autofree char *mapped = hearsay_import_map_label (hearsay_project_get_scheme (f->ctx->project), label);
    g_autofree char *located = g_strdup_printf ("%s: %s", f->path, where);
    gint64 new_id;

    hearsay_annotation_set_label (ann, mapped);
    if (!hearsay_import_store_annotation (f->ctx, index, ann, creator_of (o), located, 0, error))
      return FALSE;
    new_id = hearsay_annotation_get_id (ann);
    if (id != NULL)
      g_hash_table_insert (f->ids, g_strdup (id), g_memdup2 (&new_id, sizeof new_id));
  }
  return TRUE;
}

/* Every annotation object of the file, in order. */
static void
collect (JsonNode  *node,
         GPtrArray *out,
         guint      depth)
{
  JsonObject *o;

  if (node == NULL || depth > 8)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
        collect (json_array_get_element (json_node_get_array (node), i), out, depth + 1);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  o = json_node_get_object (node);
  if (type_is (o, "AnnotationCollection") || type_is (o, "AnnotationPage"))
    {
      collect (json_object_get_member (o, "items"), out, depth + 1);
      if (json_object_has_member (o, "first") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "first")))
        collect (json_object_get_member (o, "first"), out, depth + 1);
      if (type_is (o, "AnnotationPage") && json_object_has_member (o, "next") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "next")))
        collect (json_object_get_member (o, "next"), out, depth + 1);
      return;
    }
  g_ptr_array_add (out, o);
}

gboolean
hearsay_import_w3c_unit (HearsayImportContext  *ctx,
                         const char            *path,
                         GError               **error)
{
  g_autoptr(GBytes) bytes = hearsay_import_read_file (path, HEARSAY_MAX_IMPORT_BYTES, error);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) indexes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         (GDestroyNotify) hearsay_text_index_free);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new ();
  W3cFile f = { ctx, path, ids, indexes, keep, FALSE };
  const char *data;
  gsize size;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, size -= 3;
  if (!hearsay_json_check (data, size, path, error))
    return FALSE;
  /* json-glib's message gives the line and column ("<data>:3:14: …"). */
  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      /* "<data>:LINE:COLUMN: message" → "FILE:LINE:COLUMN: message" */
      if (g_str_has_prefix (local_error->message, "<data>:"))
        {
          g_set_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_PARSE,
                       _("%s:%s (invalid JSON)"), path, local_error->message + 7);
          return FALSE;
        }
      return hearsay_import_fail (error, path, 0, _("invalid JSON: %s"), local_error->message);
    }
  collect (json_parser_get_root (parser), annotations, 0);
  if (annotations->len == 0)
    return hearsay_import_fail (error, path, 0, _("no Web Annotation in the file"));
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < annotations->len; i++)
      if (!read_annotation (&f, g_ptr_array_index (annotations, i), i + 1, pass, error))
        return FALSE;
  return TRUE;
}
