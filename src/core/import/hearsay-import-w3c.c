/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-w3c.c: W3C Web Annotation JSON-LD — an Annotation, an
 * AnnotationPage, an AnnotationCollection (its "first" page and the pages
 * "next" embeds, or its "items"), or a list of annotations.
 *
 * Which document a target means: its "source" IRI (or the target itself
 * when it is a string) is compared with, in order,
 *   1. the URL of a document of the project or of this import;
 *   2. "urn:hearsay:document:SHA256" (Hearsay's export for documents without
 *      a URL): the document whose text has that sha256 — or whose text with
 *      CR LF as LF has it (a --newlines lf export, whose positions then
 *      count CR LF as one);
 *   3. a text file given in the same import: its file:// URI, or its file
 *      name equal to the IRI's last path segment; or the file a document
 *      of the project was imported from, when no other has that name;
 *   4. else, among the text files given that no IRI named, the one the
 *      target's quote is found in (or the only one): an http page saved as
 *      text pairs with its annotations, and takes the IRI as its URL.
 * Nothing is ever fetched or opened from the IRI itself.
 *
 * Selectors are anchored by hearsay-import-w3c-anchor.c: positions count
 * code points unless the file ("hearsay:offsetUnit") or the user says
 * otherwise; the quote is the authority when they disagree. Several targets
 * are the fragments of one (discontinuous) annotation; a target that is a
 * whole document, or whose selectors need the page's markup, is left out
 * and listed. An annotation the document already has (the same label,
 * spans, annotator, attributes and note: the boilerplate marks of a text
 * imported with it, or a file imported twice) is not added again.
 * Bodies: purpose "tagging" → the label; "classifying"/"describing" with
 * "name=value" → an attribute; "commenting" (or "describing" without "=")
 * → the note. An annotation whose targets are two annotations of the file
 * is a relation: its "linking" (or tagging) body is the type; one whose
 * second target is an entity ("identifying" body "entity: NAME (KIND)", as
 * Hearsay writes it) links to that entity, found or created. */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "hearsay-annotation-json.h"
#include "hearsay-error.h"
#include "hearsay-import-private.h"
#include "hearsay-import-w3c-private.h"
#include "hearsay-json-safety.h"

#define URN_PREFIX "urn:hearsay:document:"

typedef struct
{
  HearsayTextIndex *index;
  GHashTable *readers;   /* conventions → HearsayOffsetReader */
  GHashTable *present;   /* "label\x1fannotator\x1fS-E,S-E" of the document's annotations */
} W3cDocText;

typedef struct
{
  HearsayImportContext *ctx;
  const char *path;
  GHashTable *ids;       /* annotation IRI → project id (gint64 *) */
  GHashTable *texts;     /* document id → W3cDocText */
  GPtrArray *keep;       /* documents whose text the indexes point into */
  GHashTable *lf_sources;  /* sources that named a document by its LF text's sha256 */
  GHashTable *entities;  /* "name\x1fkind" → entity id (gint64 *) */
  GHashTable *doc_of;    /* annotation id → its document's id (gint64 *) */
  GHashTable *links;     /* "type from to entity" of the relations the documents have */
  GHashTable *linked_docs;  /* documents whose relations are in links */
  HearsayOffsetConvention stated;
  gboolean has_stated;
  gboolean project_loaded;
  gboolean lf_loaded;
  guint n_other_unit[3];   /* positions that counted another unit, by unit */
  guint n_present;         /* annotations the documents had already */
  guint n_present_links;   /* relations the documents had already */
} W3cFile;

static void
w3c_doc_text_free (gpointer data)
{
  W3cDocText *t = data;

  hearsay_text_index_free (t->index);
  g_hash_table_unref (t->readers);
  g_clear_pointer (&t->present, g_hash_table_unref);
  g_free (t);
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
  if (ctx->w3c_texts == NULL)
    ctx->w3c_texts = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (ctx->w3c_texts, g_object_ref (doc));
  return TRUE;
}

static gboolean
load_project_documents (W3cFile  *f,
                        GError  **error)
{
  g_autoptr(GPtrArray) docs = NULL;

  if (f->project_loaded)
    return TRUE;
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  docs = hearsay_project_list_documents (f->ctx->project, error);
  if (docs == NULL)
    return FALSE;
  for (guint i = 0; i < docs->len; i++)
    {
      const char *name = hearsay_document_get_source_name (g_ptr_array_index (docs, i));

      if (name != NULL)
        g_hash_table_insert (names, (char *) name, GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (names, name)) + 1));
    }
  for (guint i = 0; i < docs->len; i++)
    {
      HearsayDocument *doc = g_ptr_array_index (docs, i);
      const char *name = hearsay_document_get_source_name (doc);
      g_autofree char *urn = g_strconcat (URN_PREFIX, hearsay_document_get_sha256 (doc), NULL);

      register_document (f->ctx, hearsay_document_get_url (doc), doc);
      if (hearsay_document_get_sha256 (doc) != NULL)
        register_document (f->ctx, urn, doc);
      /* The file a document was imported from, when only one has that name. */
      if (name != NULL && GPOINTER_TO_INT (g_hash_table_lookup (names, name)) == 1)
        register_document (f->ctx, name, doc);
    }
  f->project_loaded = TRUE;
  return TRUE;
}

/* The URNs of the documents' texts with CR LF as LF, which a --newlines lf
 * export names them by: read only when a URN matched nothing. */
static gboolean
load_lf_names (W3cFile  *f,
               GError  **error)
{
  g_autoptr(GPtrArray) docs = NULL;

  if (f->lf_loaded)
    return TRUE;
  f->lf_loaded = TRUE;
  docs = hearsay_project_list_documents (f->ctx->project, error);
  if (docs == NULL)
    return FALSE;
  for (guint i = 0; i < docs->len; i++)
    {
      g_autoptr(HearsayDocument) full = hearsay_project_load_document (f->ctx->project,
                                                                       hearsay_document_get_id (g_ptr_array_index (docs, i)),
                                                                       error);
      g_autoptr(HearsayOffsetMap) map = NULL;
      g_autofree char *sha = NULL, *urn = NULL;

      if (full == NULL)
        return FALSE;
      if (strstr (hearsay_document_get_text (full), "\r\n") == NULL)
        continue;
      map = hearsay_offset_map_new (hearsay_document_get_text (full), HEARSAY_OFFSET_CODEPOINT, HEARSAY_NEWLINES_LF);
      sha = hearsay_text_sha256 (hearsay_offset_map_get_text (map), hearsay_offset_map_get_text_size (map));
      urn = g_strconcat (URN_PREFIX, sha, NULL);
      register_document (f->ctx, urn, full);
      g_hash_table_add (f->lf_sources, g_steal_pointer (&urn));
    }
  return TRUE;
}

static HearsayDocument *
lookup_document (W3cFile    *f,
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

static W3cDocText *
document_text (W3cFile          *f,
               HearsayDocument  *doc,
               GError          **error)
{
  gint64 id = hearsay_document_get_id (doc);
  W3cDocText *t = g_hash_table_lookup (f->texts, &id);
  HearsayDocument *full = doc;

  if (t != NULL)
    return t;
  if (hearsay_document_get_text (doc) == NULL)
    {
      full = hearsay_project_load_document (f->ctx->project, id, error);
      if (full == NULL)
        return NULL;
      g_ptr_array_add (f->keep, full);
    }
  t = g_new0 (W3cDocText, 1);
  t->index = hearsay_text_index_new (hearsay_document_get_text (full));
  t->readers = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                      (GDestroyNotify) hearsay_offset_reader_free);
  g_hash_table_insert (f->texts, g_memdup2 (&id, sizeof id), t);
  return t;
}

/* A text file given with the annotations, that no IRI named, for a
 * target no document answers to: the one its quote is in, or the only
 * one given for an http(s) page. It takes the IRI as its URL when it had
 * none. */
static HearsayDocument *
pair_text (W3cFile     *f,
           const char  *source,
           JsonObject  *target,
           GError     **error)
{
  GPtrArray *texts = f->ctx->w3c_texts;
  const char *quote = hearsay_w3c_quote_of (json_object_get_member (target, "selector"));
  HearsayDocument *found = NULL;
  guint n_found = 0;

  if (texts == NULL || texts->len == 0)
    return NULL;
  /* Without a quote to check, only a web page given as its one text. */
  if (quote == NULL && (texts->len > 1 || source == NULL ||
                        !(g_str_has_prefix (source, "http://") || g_str_has_prefix (source, "https://"))))
    return NULL;
  for (guint i = 0; i < texts->len; i++)
    {
      HearsayDocument *doc = g_ptr_array_index (texts, i);

      if (quote == NULL || strstr (hearsay_document_get_text (doc), quote) != NULL)
        found = doc, n_found++;
    }
  if (n_found != 1)
    return NULL;
  g_object_ref (found);
  g_ptr_array_remove (texts, found);
  if (source != NULL)
    {
      register_document (f->ctx, source, found);
      if ((g_str_has_prefix (source, "http://") || g_str_has_prefix (source, "https://")) &&
          hearsay_document_get_url (found) == NULL)
        {
          hearsay_document_set_url (found, source);
          if (!hearsay_project_bulk_update_document (f->ctx->project, found, error))
            {
              g_object_unref (found);
              return NULL;
            }
        }
      hearsay_import_note (f->ctx, f->path, 0, _("the text file “%s” is taken as %s (the quotes are in it)"),
                           hearsay_document_get_source_name (found), source);
    }
  /* documents_by_source holds a reference now (or the report does). */
  g_object_unref (found);
  return found;
}

static HearsayDocument *
find_document (W3cFile     *f,
               const char  *source,
               JsonObject  *target,
               gboolean    *lf,
               GError     **error)
{
  HearsayDocument *doc;

  *lf = FALSE;
  if (!load_project_documents (f, error))
    return NULL;
  doc = source != NULL ? lookup_document (f, source) : NULL;
  if (doc == NULL && source != NULL && g_str_has_prefix (source, URN_PREFIX))
    {
      if (!load_lf_names (f, error))
        return NULL;
      doc = lookup_document (f, source);
      *lf = doc != NULL && g_hash_table_contains (f->lf_sources, source);
    }
  if (doc == NULL)
    doc = pair_text (f, source, target, error);
  else if (f->ctx->w3c_texts != NULL)
    g_ptr_array_remove (f->ctx->w3c_texts, doc);
  return doc;
}

/* One target → a fragment of @ann; FALSE with *skip when it is left out
 * (listed, or a quote mismatch under the caller's rules). */
static gboolean
read_target (W3cFile            *f,
             JsonObject         *target,
             const char         *where,
             HearsayAnnotation **ann,
             W3cDocText        **text,
             gboolean           *skip,
             GError            **error)
{
  const char *source = hearsay_w3c_string (target, "source");
  JsonNode *selector = json_object_get_member (target, "selector");
  HearsayW3cText anchor_text = { 0 };
  HearsayW3cOutcome outcome;
  HearsayOffsetUnit unit;
  g_autoptr(GError) local_error = NULL;
  gint64 start = 0, end = 0;
  guint n_found = 0;
  gboolean lf;
  HearsayDocument *doc;
  const char *quote;

  doc = find_document (f, source, target, &lf, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (doc == NULL && source == NULL)
    return hearsay_import_fail (error, f->path, 0, _("%s: a target has no “source”"), where);
  if (doc == NULL)
    return hearsay_import_fail (error, f->path, 0,
                                _("%s: the target “%s” is not the URL of a document in the project, nor a text file "
                                  "given with the annotations"), where, source);
  if (*ann != NULL && hearsay_annotation_get_document_id (*ann) != hearsay_document_get_id (doc))
    return hearsay_import_fail (error, f->path, 0, _("%s: the targets are in different documents"), where);
  if (*ann == NULL)
    *ann = hearsay_annotation_new (hearsay_document_get_id (doc), "");
  *text = document_text (f, doc, error);
  if (*text == NULL)
    return FALSE;
  anchor_text.index = (*text)->index;
  anchor_text.readers = (*text)->readers;
  anchor_text.convention_given = f->ctx->options->offsets_given;
  anchor_text.convention = hearsay_import_convention (f->ctx, f->has_stated ? &f->stated : NULL, NULL);
  if (lf && !anchor_text.convention_given)
    anchor_text.convention.crlf_as_one = TRUE;
  if (!hearsay_w3c_anchor (&anchor_text, selector, f->path, where, &outcome, &start, &end, &n_found, &unit, error))
    return FALSE;
  quote = hearsay_w3c_quote_of (selector);
  switch (outcome)
    {
    case HEARSAY_W3C_BY_OTHER_UNIT:
      f->n_other_unit[unit]++;
      G_GNUC_FALLTHROUGH;
    case HEARSAY_W3C_ANCHORED:
      break;
    case HEARSAY_W3C_BY_QUOTE:
      hearsay_import_note (f->ctx, f->path, 0, _("%s: anchored by its quote at %" PRId64 "–%" PRId64
                                                 "; its position did not select that text"),
                           where, start, end);
      break;
    case HEARSAY_W3C_NO_SELECTOR:
      *skip = TRUE;
      hearsay_import_skip (f->ctx, f->path, 0, _("%s targets a whole document, not a span of it; left out"), where);
      return TRUE;
    case HEARSAY_W3C_UNRESOLVABLE:
      *skip = TRUE;
      hearsay_import_skip (f->ctx, f->path, 0, _("%s: its selectors need the page’s markup (XPath, CSS…), which a "
                                                 "text does not have; left out"), where);
      return TRUE;
    case HEARSAY_W3C_NOT_FOUND:
    case HEARSAY_W3C_AMBIGUOUS:
    default:
      {
        g_autofree char *shown = hearsay_import_excerpt (quote != NULL ? quote : "", 80);

        *skip = TRUE;
        if (outcome == HEARSAY_W3C_AMBIGUOUS)
          return hearsay_import_quote_mismatch (f->ctx, error, f->path, 0,
                                                _("%s: the quote “%s” occurs %u times in the text and nothing "
                                                  "(position, prefix, suffix) tells which; skipped"),
                                                where, shown, n_found);
        return hearsay_import_quote_mismatch (f->ctx, error, f->path, 0,
                                              _("%s: the quote “%s” is not in the text; skipped"), where, shown);
      }
    }
  hearsay_annotation_add_fragment (*ann, start, end);
  return TRUE;
}

static void
read_bodies (HearsayAnnotation *ann,
             JsonNode          *bodies,
             char             **label,
             const char       **identifying)
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
      purpose = hearsay_w3c_string (body, "purpose");
      value = hearsay_w3c_string (body, "value");
      if (value == NULL)
        continue;
      if (identifying != NULL && g_strcmp0 (purpose, "identifying") == 0)
        *identifying = value;
      else if ((purpose == NULL || strcmp (purpose, "tagging") == 0 || strcmp (purpose, "linking") == 0) && *label == NULL)
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
      const char *name = hearsay_w3c_string (json_node_get_object (node), "name");

      if (name == NULL)
        name = hearsay_w3c_string (json_node_get_object (node), "nickname");
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
      const char *id = hearsay_w3c_string (json_node_get_object (node), "id");

      return id ? id : hearsay_w3c_string (json_node_get_object (node), "source");
    }
  return NULL;
}

/* "entity: NAME (KIND)", as Hearsay's export identifies a linked entity:
 * the project's entity of that name and kind, else a new one. 0 with
 * @error unset when the body is not of that shape. */
static gint64
entity_of (W3cFile     *f,
           const char  *identifying,
           GError     **error)
{
  const char *open = identifying != NULL ? g_strrstr (identifying, " (") : NULL;
  g_autofree char *name = NULL, *kind = NULL, *key = NULL;
  const gint64 *known;

  if (open == NULL || !g_str_has_prefix (identifying, "entity: ") || !g_str_has_suffix (identifying, ")") ||
      open < identifying + strlen ("entity: "))
    return 0;
  name = g_strndup (identifying + strlen ("entity: "), open - identifying - strlen ("entity: "));
  kind = g_strndup (open + 2, strlen (open + 2) - 1);
  if (*name == '\0' || *kind == '\0')
    return 0;
  if (f->entities == NULL)
    {
      g_autoptr(GPtrArray) entities = hearsay_project_list_entities (f->ctx->project, error);

      if (entities == NULL)
        return 0;
      f->entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; i < entities->len; i++)
        {
          HearsayEntity *e = g_ptr_array_index (entities, i);
          gint64 id = hearsay_entity_get_id (e);

          g_hash_table_insert (f->entities,
                               g_strconcat (hearsay_entity_get_name (e), "\\x1f", hearsay_entity_get_kind (e), NULL),
                               g_memdup2 (&id, sizeof id));
        }
    }
  key = g_strconcat (name, "\\x1f", kind, NULL);
  known = g_hash_table_lookup (f->entities, key);
  if (known == NULL)
    {
      g_autoptr(HearsayEntity) entity = hearsay_entity_new (name, kind);
      gint64 id;

      if (!hearsay_project_bulk_add_entity (f->ctx->project, entity, error))
        return 0;
      id = hearsay_entity_get_id (entity);
      g_hash_table_insert (f->entities, g_steal_pointer (&key), g_memdup2 (&id, sizeof id));
      return id;
    }
  return *known;
}

/* The key that tells the same annotation in a document: label, spans,
 * annotator, attributes and note. */
static char *
presence_key (HearsayAnnotation *ann)
{
  GString *key = g_string_new (hearsay_annotation_get_label (ann));
  g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (ann);

  g_string_append_printf (key, "\x1f%s\x1f", hearsay_annotation_get_annotator (ann));
  for (guint i = 0; i < hearsay_annotation_get_n_fragments (ann); i++)
    {
      const HearsayFragment *fr = hearsay_annotation_get_fragment (ann, i);

      g_string_append_printf (key, "%" PRId64 "-%" PRId64 ",", fr->start, fr->end);
    }
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char * const *values = hearsay_annotation_get_attribute_values (ann, names[i]);

      g_string_append_printf (key, "\x1f%s=", names[i]);
      for (guint j = 0; values[j] != NULL; j++)
        g_string_append_printf (key, "%s\x1e", values[j]);
    }
  g_string_append_printf (key, "\x1f%s", hearsay_annotation_get_note (ann) ? hearsay_annotation_get_note (ann) : "");
  return g_string_free (key, FALSE);
}

/* The id of the same annotation in the document already (label, spans and
 * annotator), or 0; @ann's key is remembered when it is new. */
static gint64
already_present (W3cFile            *f,
                 W3cDocText         *text,
                 HearsayAnnotation  *ann,
                 GError            **error)
{
  g_autofree char *key = presence_key (ann);
  gpointer found;

  if (text->present == NULL)
    {
      g_autoptr(GPtrArray) existing = hearsay_project_list_annotations (f->ctx->project,
                                                                        hearsay_annotation_get_document_id (ann),
                                                                        error);

      if (existing == NULL)
        return -1;
      text->present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; i < existing->len; i++)
        {
          HearsayAnnotation *e = g_ptr_array_index (existing, i);
          gint64 id = hearsay_annotation_get_id (e);

          g_hash_table_insert (text->present, presence_key (e), g_memdup2 (&id, sizeof id));
        }
    }
  found = g_hash_table_lookup (text->present, key);
  return found != NULL ? *(gint64 *) found : 0;
}

static void
remember_present (W3cDocText        *text,
                  HearsayAnnotation *ann)
{
  gint64 id = hearsay_annotation_get_id (ann);

  if (text->present != NULL)
    g_hash_table_insert (text->present, presence_key (ann), g_memdup2 (&id, sizeof id));
}

static void
remember_id (W3cFile    *f,
             const char *id,
             gint64      project_id,
             gint64      document_id)
{
  if (id != NULL)
    g_hash_table_insert (f->ids, g_strdup (id), g_memdup2 (&project_id, sizeof project_id));
  if (project_id > 0)
    g_hash_table_insert (f->doc_of, g_memdup2 (&project_id, sizeof project_id),
                         g_memdup2 (&document_id, sizeof document_id));
}

static char *
link_key (const char *type,
          gint64      from,
          gint64      to,
          gint64      entity)
{
  return g_strdup_printf ("%s %" PRId64 " %" PRId64 " %" PRId64, type, from, to, entity);
}

/* Whether the relation exists already (the file imported again); it is
 * remembered as existing when it does not. -1 on error. */
static int
link_present (W3cFile     *f,
              const char  *type,
              gint64       from,
              gint64       to,
              gint64       entity,
              GError     **error)
{
  const gint64 *doc = g_hash_table_lookup (f->doc_of, &from);
  g_autofree char *key = link_key (type, from, to, entity);

  if (doc != NULL && !g_hash_table_contains (f->linked_docs, doc))
    {
      g_autoptr(GPtrArray) relations = hearsay_project_list_relations (f->ctx->project, *doc, error);

      if (relations == NULL)
        return -1;
      g_hash_table_add (f->linked_docs, g_memdup2 (doc, sizeof *doc));
      for (guint i = 0; i < relations->len; i++)
        {
          const HearsayRelation *r = g_ptr_array_index (relations, i);

          g_hash_table_add (f->links, link_key (r->type, r->from_id, r->to_id, r->to_entity_id));
        }
    }
  if (g_hash_table_contains (f->links, key))
    return 1;
  g_hash_table_add (f->links, g_steal_pointer (&key));
  return 0;
}

/* A link between annotations of the file (or to an entity): pass 1. */
static gboolean
read_link (W3cFile     *f,
           JsonObject  *o,
           GPtrArray   *targets,
           const char  *where,
           GError     **error)
{
  const char *from_iri = target_iri (g_ptr_array_index (targets, 0));
  const char *to_iri = target_iri (g_ptr_array_index (targets, 1));
  const gint64 *from = g_hash_table_lookup (f->ids, from_iri);
  const gint64 *to = g_hash_table_lookup (f->ids, to_iri);
  g_autofree char *label = NULL;
  const char *identifying = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 entity = 0;

  read_bodies (NULL, json_object_get_member (o, "body"), &label, &identifying);
  if (from == NULL)
    {
      hearsay_import_skip (f->ctx, f->path, 0, _("%s links %s, which is not an annotation of this file; "
                                                 "the link is left out"), where, from_iri);
      return TRUE;
    }
  if (to == NULL)
    {
      entity = entity_of (f, identifying, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (entity == 0)
        {
          hearsay_import_skip (f->ctx, f->path, 0, _("%s links to %s, which is not an annotation of this file "
                                                     "nor an entity; the link is left out"), where, to_iri);
          return TRUE;
        }
    }
  /* An end whose annotation was skipped (listed already) takes the link with it. */
  if (*from == 0 || (to != NULL && *to == 0))
    {
      hearsay_import_skip (f->ctx, f->path, 0, _("%s links an annotation that was skipped; the link is left out"),
                           where);
      return TRUE;
    }
  switch (link_present (f, label ? label : (entity > 0 ? "refers_to" : "related"), *from,
                        to != NULL ? *to : 0, entity, error))
    {
    case -1:
      return FALSE;
    case 1:
      f->n_present_links++;
      return TRUE;
    default:
      break;
    }
  if (entity > 0)
    return hearsay_import_store_entity_relation (f->ctx, label ? label : "refers_to", *from, entity,
                                                 creator_of (o), error);
  return hearsay_import_store_relation (f->ctx, label ? label : "related", *from, *to, creator_of (o), error);
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
  const char *id = hearsay_w3c_string (o, "id");
  g_autofree char *where = id ? g_strdup_printf (_("annotation %s"), id) : g_strdup_printf (_("annotation %u"), n);
  g_autoptr(HearsayAnnotation) ann = NULL;
  g_autofree char *label = NULL;
  W3cDocText *text = NULL;
  gboolean link = targets->len == 2 && target_iri (g_ptr_array_index (targets, 0)) != NULL &&
                  target_iri (g_ptr_array_index (targets, 1)) != NULL;
  gint64 present;

  if (targets->len == 0)
    return hearsay_import_fail (error, f->path, 0, _("%s has no target"), where);
  if (link)
    return pass == 1 ? read_link (f, o, targets, where, error) : TRUE;
  if (pass == 1)
    return TRUE;
  for (guint i = 0; i < targets->len; i++)
    {
      JsonNode *t = g_ptr_array_index (targets, i);
      gboolean skip = FALSE;

      if (!JSON_NODE_HOLDS_OBJECT (t))
        skip = TRUE, hearsay_import_skip (f->ctx, f->path, 0, _("%s targets a whole document, not a span of it; "
                                                                "left out"), where);
      else if (!read_target (f, json_node_get_object (t), where, &ann, &text, &skip, error))
        return FALSE;
      if (skip)
        {
          remember_id (f, id, 0, 0);
          return TRUE;
        }
    }
  read_bodies (ann, json_object_get_member (o, "body"), &label, NULL);
  if (label == NULL)
    return hearsay_import_fail (error, f->path, 0, _("%s has no tagging body (its label)"), where);
  {
    g_autofree char *mapped = hearsay_import_map_label (hearsay_project_get_scheme (f->ctx->project), label);

    hearsay_annotation_set_label (ann, mapped);
    if (hearsay_annotation_get_annotator (ann) == NULL)
      hearsay_annotation_set_annotator (ann, creator_of (o));
  }
  present = already_present (f, text, ann, error);
  if (present < 0)
    return FALSE;
  if (present > 0)
    {
      f->n_present++;
      remember_id (f, id, present, hearsay_annotation_get_document_id (ann));
      return TRUE;
    }
  {
    g_autofree char *located = g_strdup_printf ("%s: %s", f->path, where);

    if (!hearsay_import_store_annotation (f->ctx, text->index, ann, creator_of (o), located, 0, error))
      return FALSE;
    remember_present (text, ann);
    remember_id (f, id, hearsay_annotation_get_id (ann), hearsay_annotation_get_document_id (ann));
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
  if (hearsay_w3c_type_is (o, "AnnotationCollection") || hearsay_w3c_type_is (o, "AnnotationPage"))
    {
      collect (json_object_get_member (o, "items"), out, depth + 1);
      if (json_object_has_member (o, "first") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "first")))
        collect (json_object_get_member (o, "first"), out, depth + 1);
      if (hearsay_w3c_type_is (o, "AnnotationPage") && json_object_has_member (o, "next") &&
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
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, w3c_doc_text_free);
  g_autoptr(GHashTable) lf_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) doc_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) linked_docs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) annotations = g_ptr_array_new ();
  W3cFile f = { ctx, path, ids, texts, keep, lf_sources, NULL, doc_of, links, linked_docs,
                { HEARSAY_OFFSET_CODEPOINT, FALSE, FALSE } };
  JsonNode *root;
  const char *data;
  gsize size;
  gboolean ok = TRUE;

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
  root = json_parser_get_root (parser);
  collect (root, annotations, 0);
  if (annotations->len == 0)
    return hearsay_import_fail (error, path, 0, _("no Web Annotation in the file"));
  /* What a Hearsay export states for the whole collection. */
  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      const char *unit = hearsay_w3c_string (json_node_get_object (root), "hearsay:offsetUnit");
      const char *newlines = hearsay_w3c_string (json_node_get_object (root), "hearsay:newlines");

      if (unit != NULL && !hearsay_offset_unit_from_string (unit, &f.stated.unit))
        return hearsay_import_fail (error, path, 0, _("the collection’s hearsay:offsetUnit “%s” is not codepoint, "
                                                      "utf16 or byte"), unit);
      f.stated.crlf_as_one = g_strcmp0 (newlines, "lf") == 0;
      f.has_stated = unit != NULL || newlines != NULL;
    }
  for (int pass = 0; ok && pass < 2; pass++)
    for (guint i = 0; ok && i < annotations->len; i++)
      ok = read_annotation (&f, g_ptr_array_index (annotations, i), i + 1, pass, error);
  for (guint u = 0; ok && u < G_N_ELEMENTS (f.n_other_unit); u++)
    if (f.n_other_unit[u] > 0)
      {
        HearsayOffsetConvention counted = f.stated;
        g_autofree char *described = NULL;

        counted.unit = u;
        described = hearsay_offset_convention_describe (&counted);
        hearsay_import_note (ctx, path, 0, g_dngettext (GETTEXT_PACKAGE,
                                                        "%u position counted %s, not what the file states: its quote says so",
                                                        "%u positions counted %s, not what the file states: their quotes say so",
                                                        f.n_other_unit[u]),
                             f.n_other_unit[u], described);
      }
  if (ok && f.n_present > 0)
    hearsay_import_note (ctx, path, 0, g_dngettext (GETTEXT_PACKAGE,
                                                    "%u annotation was in the project already (the same label, "
                                                    "span, annotator, attributes and note); not added again",
                                                    "%u annotations were in the project already (the same label, "
                                                    "span, annotator, attributes and note); not added again", f.n_present),
                         f.n_present);
  if (ok && f.n_present_links > 0)
    hearsay_import_note (ctx, path, 0, g_dngettext (GETTEXT_PACKAGE,
                                                    "%u relation was in the project already; not added again",
                                                    "%u relations were in the project already; not added again",
                                                    f.n_present_links),
                         f.n_present_links);
  g_clear_pointer (&f.entities, g_hash_table_unref);
  return ok;
}
