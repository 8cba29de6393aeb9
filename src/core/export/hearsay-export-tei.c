/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-tei.c: TEI P5, streamed with libxml2's xmlTextWriter.
 *
 * A teiCorpus whose header holds the scheme as a taxonomy (a category per
 * label, per attribute and per value) and the entities as a listOrg; then a
 * TEI per document. Each text is one <ab xml:space="preserve"> whose
 * character content, concatenated, is the document text exactly (CR written
 * as &#13;); empty <anchor xml:id="d<doc>-c<N>"/> milestones mark every
 * offset N a span uses, in the unit stated in encodingDesc. Annotations are
 * <span from to ana> in a standOff spanGrp (fragments of a discontinuous one
 * chained with next/prev), notes <note> inside them, relations <link> in a
 * linkGrp. Text from the project (the document text too) is written through
 * hearsay_xml_sanitize(): characters XML forbids become U+FFFD, one for one,
 * so the anchors keep counting code points (and UTF-16 units) exactly. */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "hearsay-error.h"
#include "hearsay-export-private.h"
#include "hearsay-xml-safety.h"

#define TEI_NS "http://www.tei-c.org/ns/1.0"

typedef struct
{
  xmlTextWriterPtr writer;
  GOutputStream *out;
  GCancellable *cancellable;
  GError *error;
} XmlSink;

static int
sink_write (void       *data,
            const char *buffer,
            int         len)
{
  XmlSink *sink = data;

  if (sink->error != NULL)
    return -1;
  if (!g_output_stream_write_all (sink->out, buffer, len, NULL, sink->cancellable, &sink->error))
    return -1;
  return len;
}

static int
sink_close (void *data)
{
  return 0;
}

XmlSink *hearsay_export_xml_sink_new  (GOutputStream *out,
                                       GCancellable  *cancellable);
void     hearsay_export_xml_sink_free (gpointer       data);

XmlSink *
hearsay_export_xml_sink_new (GOutputStream *out,
                             GCancellable  *cancellable)
{
  XmlSink *sink = g_new0 (XmlSink, 1);
  xmlOutputBufferPtr buffer;

  sink->out = out;
  sink->cancellable = cancellable;
  buffer = xmlOutputBufferCreateIO (sink_write, sink_close, sink, NULL);
  sink->writer = xmlNewTextWriter (buffer);
  xmlTextWriterStartDocument (sink->writer, NULL, "UTF-8", NULL);
  return sink;
}

void
hearsay_export_xml_sink_free (gpointer data)
{
  XmlSink *sink = data;

  if (sink->writer != NULL)
    xmlFreeTextWriter (sink->writer);
  g_clear_error (&sink->error);
  g_free (sink);
}

/* Ends the document and reports a write error the callbacks kept. */
gboolean hearsay_export_xml_sink_finish (XmlSink  *sink,
                                         GError  **error);

gboolean
hearsay_export_xml_sink_finish (XmlSink  *sink,
                                GError  **error)
{
  int rc = xmlTextWriterEndDocument (sink->writer);

  xmlFreeTextWriter (sink->writer);
  sink->writer = NULL;
  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (rc < 0)
    {
      g_set_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_FAILED, _("Cannot write the XML output"));
      return FALSE;
    }
  return TRUE;
}

#define W(w) ((w)->writer)

/* libxml2's writer passes C0 controls through, which leaves the document
 * ill-formed: they are replaced first. */
static void
write_string (xmlTextWriterPtr w,
              const char      *text)
{
  g_autofree char *safe = NULL;

  if (!hearsay_xml_text_is_safe (text, -1))
    text = safe = hearsay_xml_sanitize (text, -1);
  xmlTextWriterWriteString (w, BAD_CAST (text ? text : ""));
}

static void
attribute (xmlTextWriterPtr w,
           const char      *name,
           const char      *value)
{
  g_autofree char *safe = NULL;

  if (!hearsay_xml_text_is_safe (value, -1))
    value = safe = hearsay_xml_sanitize (value, -1);
  xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST (value ? value : ""));
}

static void
element (xmlTextWriterPtr w,
         const char      *name,
         const char      *text)
{
  xmlTextWriterStartElement (w, BAD_CAST name);
  write_string (w, text);
  xmlTextWriterEndElement (w);
}

/* An xml:id fragment from a scheme identifier: letters, digits, _ - . kept. */
static char *
ncname (const char *prefix,
        const char *id)
{
  GString *s = g_string_new (prefix);

  for (const char *p = id; p && *p; p++)
    g_string_append_c (s, (g_ascii_isalnum (*p) || *p == '_' || *p == '-' || *p == '.') ? *p : '_');
  return g_string_free (s, FALSE);
}

static void
category (xmlTextWriterPtr w,
          const char      *xml_id,
          const char      *desc)
{
  xmlTextWriterStartElement (w, BAD_CAST "category");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xml:id", BAD_CAST xml_id);
  element (w, "catDesc", desc);
}

static void
write_taxonomy (xmlTextWriterPtr w,
                HearsayScheme   *scheme)
{
  xmlTextWriterStartElement (w, BAD_CAST "classDecl");
  xmlTextWriterStartElement (w, BAD_CAST "taxonomy");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xml:id", BAD_CAST "hearsay-scheme");
  for (guint i = 0; i < hearsay_scheme_get_n_labels (scheme); i++)
    {
      const HearsayLabel *label = hearsay_scheme_get_label (scheme, i);
      g_autofree char *lid = ncname ("label-", label->id);

      category (w, lid, label->name ? label->name : label->id);
      for (guint j = 0; label->attributes && j < label->attributes->len; j++)
        {
          const HearsayAttributeDef *def = g_ptr_array_index (label->attributes, j);
          g_autofree char *aid = ncname (lid, "");
          g_autofree char *full = NULL;

          full = g_strconcat (aid, ".", def->id, NULL);
          g_free (aid);
          aid = ncname ("", full);
          category (w, aid, def->name ? def->name : def->id);
          for (guint k = 0; def->values && k < def->values->len; k++)
            {
              const HearsayValueDef *v = g_ptr_array_index (def->values, k);
              g_autofree char *joined = g_strconcat (aid, ".", v->id, NULL);
              g_autofree char *vid = ncname ("", joined);

              category (w, vid, v->name ? v->name : v->id);
              xmlTextWriterEndElement (w);
            }
          xmlTextWriterEndElement (w);
        }
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
}

typedef struct
{
  XmlSink *sink;
  GHashTable *values;   /* "label.attr.value" ids the taxonomy defines */
} TeiState;

static void
tei_state_free (gpointer data)
{
  TeiState *state = data;

  g_clear_pointer (&state->sink, hearsay_export_xml_sink_free);
  g_clear_pointer (&state->values, g_hash_table_unref);
  g_free (state);
}

static gboolean
tei_begin (HearsayExportContext  *ctx,
           GError               **error)
{
  TeiState *state = g_new0 (TeiState, 1);
  HearsayScheme *scheme = hearsay_project_get_scheme (ctx->project);
  g_autofree char *name = hearsay_project_dup_name (ctx->project);
  g_autofree char *unit = NULL;
  g_autoptr(GPtrArray) entities = hearsay_project_list_entities (ctx->project, error);
  xmlTextWriterPtr w;

  ctx->data = state;
  if (entities == NULL)
    return FALSE;
  state->sink = hearsay_export_xml_sink_new (ctx->out, ctx->cancellable);
  w = state->sink->writer;
  xmlTextWriterStartElementNS (w, NULL, BAD_CAST "teiCorpus", BAD_CAST TEI_NS);
  xmlTextWriterStartElement (w, BAD_CAST "teiHeader");
  xmlTextWriterStartElement (w, BAD_CAST "fileDesc");
  xmlTextWriterStartElement (w, BAD_CAST "titleStmt");
  element (w, "title", name ? name : "Hearsay");
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, BAD_CAST "publicationStmt");
  element (w, "p", "Exported by Hearsay.");
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, BAD_CAST "sourceDesc");
  element (w, "p", "A Hearsay project: news articles and their annotations.");
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, BAD_CAST "encodingDesc");
  unit = g_strdup_printf ("offsets: %s, end exclusive%s. Each document's text is the character "
                          "content of its ab element, exactly; an anchor d<document>-c<N> marks "
                          "offset N, counted in %s, and a span runs from one anchor to another.",
                          hearsay_offset_unit_to_string (ctx->options->offset_unit),
                          ctx->options->newlines == HEARSAY_NEWLINES_LF ? " (line ends CRLF written as LF)" : "",
                          hearsay_offset_unit_to_string (ctx->options->offset_unit));
  element (w, "p", unit);
  write_taxonomy (w, scheme);
  xmlTextWriterEndElement (w);
  if (entities->len > 0)
    {
      xmlTextWriterStartElement (w, BAD_CAST "profileDesc");
      xmlTextWriterStartElement (w, BAD_CAST "particDesc");
      xmlTextWriterStartElement (w, BAD_CAST "listOrg");
      for (guint i = 0; i < entities->len; i++)
        {
          HearsayEntity *e = g_ptr_array_index (entities, i);
          g_autofree char *id = g_strdup_printf ("entity-%" PRId64, hearsay_entity_get_id (e));

          xmlTextWriterStartElement (w, BAD_CAST "org");
          xmlTextWriterWriteAttribute (w, BAD_CAST "xml:id", BAD_CAST id);
          if (hearsay_entity_get_kind (e))
            attribute (w, "role", hearsay_entity_get_kind (e));
          element (w, "orgName", hearsay_entity_get_name (e));
          xmlTextWriterEndElement (w);
        }
      xmlTextWriterEndElement (w);
      xmlTextWriterEndElement (w);
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
  return TRUE;
}

static gint
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
write_header (xmlTextWriterPtr w,
              HearsayDocument *doc)
{
  const char *title = hearsay_document_get_title (doc);
  const char *outlet = hearsay_document_get_outlet (doc);
  const char *date = hearsay_document_get_published_at (doc);
  const char *url = hearsay_document_get_url (doc);

  xmlTextWriterStartElement (w, BAD_CAST "teiHeader");
  xmlTextWriterStartElement (w, BAD_CAST "fileDesc");
  xmlTextWriterStartElement (w, BAD_CAST "titleStmt");
  element (w, "title", title);
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, BAD_CAST "publicationStmt");
  if (outlet || date)
    {
      element (w, "publisher", outlet);
      if (date)
        element (w, "date", date);
    }
  else
    element (w, "p", "Unpublished.");
  xmlTextWriterEndElement (w);
  xmlTextWriterStartElement (w, BAD_CAST "sourceDesc");
  xmlTextWriterStartElement (w, BAD_CAST "bibl");
  element (w, "title", title);
  if (outlet)
    element (w, "publisher", outlet);
  if (date)
    element (w, "date", date);
  if (url)
    {
      xmlTextWriterStartElement (w, BAD_CAST "ref");
      attribute (w, "target", url);
      write_string (w, url);
      xmlTextWriterEndElement (w);
    }
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
}

static void
write_chunk (xmlTextWriterPtr w,
             const char      *p,
             const char      *end)
{
  g_autofree char *chunk = NULL;

  if (end <= p)
    return;
  chunk = hearsay_xml_sanitize (p, end - p);
  xmlTextWriterWriteString (w, BAD_CAST chunk);
}

static void
write_text (xmlTextWriterPtr  w,
            HearsayOffsetMap *map,
            gint64            doc_id,
            GArray           *bounds)
{
  const char *prev = hearsay_offset_map_get_text (map);

  xmlTextWriterStartElement (w, BAD_CAST "text");
  xmlTextWriterStartElement (w, BAD_CAST "body");
  xmlTextWriterStartElement (w, BAD_CAST "ab");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xml:space", BAD_CAST "preserve");
  for (guint i = 0; i < bounds->len; i++)
    {
      gint64 cp = g_array_index (bounds, gint64, i);
      const char *p = hearsay_offset_map_pointer (map, cp);
      g_autofree char *id = NULL;

      if (i > 0 && cp == g_array_index (bounds, gint64, i - 1))
        continue;
      write_chunk (w, prev, p);
      prev = p;
      id = g_strdup_printf ("d%" PRId64 "-c%" PRId64, doc_id,
                            hearsay_offset_map_codepoint_to_unit (map, cp));
      xmlTextWriterStartElement (w, BAD_CAST "anchor");
      xmlTextWriterWriteAttribute (w, BAD_CAST "xml:id", BAD_CAST id);
      xmlTextWriterEndElement (w);
    }
  write_chunk (w, prev, hearsay_offset_map_get_text (map) + hearsay_offset_map_get_text_size (map));
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
}

static char *
ana_for (HearsayScheme     *scheme,
         HearsayAnnotation *ann)
{
  const char *label_id = hearsay_annotation_get_label (ann);
  const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, label_id);
  g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (ann);
  g_autofree char *lid = ncname ("label-", label_id);
  GString *s = g_string_new (NULL);

  if (label == NULL)
    return g_string_free (s, FALSE);
  g_string_append_printf (s, "#%s", lid);
  for (guint i = 0; names[i]; i++)
    {
      const HearsayAttributeDef *def = hearsay_label_lookup_attribute (label, names[i]);
      const char * const *values = hearsay_annotation_get_attribute_values (ann, names[i]);
      g_autofree char *joined = g_strconcat (lid, ".", names[i], NULL);
      g_autofree char *aid = ncname ("", joined);

      if (def == NULL || def->kind == HEARSAY_ATTRIBUTE_TEXT)
        continue;
      if (def->kind == HEARSAY_ATTRIBUTE_BOOLEAN)
        {
          if (g_strcmp0 (values[0], "true") == 0)
            g_string_append_printf (s, " #%s", aid);
          continue;
        }
      for (guint j = 0; values[j]; j++)
        if (hearsay_attribute_lookup_value (def, values[j]) != NULL)
          {
            g_autofree char *vj = g_strconcat (aid, ".", values[j], NULL);
            g_autofree char *vid = ncname ("", vj);

            g_string_append_printf (s, " #%s", vid);
          }
    }
  return g_string_free (s, FALSE);
}

static void
write_notes (xmlTextWriterPtr   w,
             HearsayScheme     *scheme,
             HearsayAnnotation *ann)
{
  const HearsayLabel *label = hearsay_scheme_lookup_label (scheme, hearsay_annotation_get_label (ann));
  g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (ann);
  const char *note = hearsay_annotation_get_note (ann);

  /* What the taxonomy cannot point at: free text and unknown values. */
  for (guint i = 0; names[i]; i++)
    {
      const HearsayAttributeDef *def = label ? hearsay_label_lookup_attribute (label, names[i]) : NULL;
      const char * const *values = hearsay_annotation_get_attribute_values (ann, names[i]);

      if (def != NULL && def->kind == HEARSAY_ATTRIBUTE_BOOLEAN)
        continue;
      for (guint j = 0; values[j]; j++)
        if (def == NULL || hearsay_attribute_lookup_value (def, values[j]) == NULL)
          {
            xmlTextWriterStartElement (w, BAD_CAST "note");
            xmlTextWriterWriteAttribute (w, BAD_CAST "type", BAD_CAST "attribute");
            attribute (w, "n", names[i]);
            write_string (w, values[j]);
            xmlTextWriterEndElement (w);
          }
    }
  if (note != NULL && *note != '\0')
    element (w, "note", note);
}

static void
write_span (xmlTextWriterPtr   w,
            HearsayScheme     *scheme,
            HearsayOffsetMap  *map,
            gint64             doc_id,
            HearsayAnnotation *ann)
{
  g_autofree char *ana = ana_for (scheme, ann);
  guint n = hearsay_annotation_get_n_fragments (ann);
  gint64 id = hearsay_annotation_get_id (ann);

  for (guint j = 0; j < n; j++)
    {
      const HearsayFragment *f = hearsay_annotation_get_fragment (ann, j);
      g_autofree char *xml_id = j ? g_strdup_printf ("ann-%" PRId64 "-%u", id, j + 1)
                                  : g_strdup_printf ("ann-%" PRId64, id);
      g_autofree char *from = g_strdup_printf ("#d%" PRId64 "-c%" PRId64, doc_id,
                                               hearsay_offset_map_to_unit (map, f->start));
      g_autofree char *to = g_strdup_printf ("#d%" PRId64 "-c%" PRId64, doc_id,
                                             hearsay_offset_map_to_unit (map, f->end));

      xmlTextWriterStartElement (w, BAD_CAST "span");
      xmlTextWriterWriteAttribute (w, BAD_CAST "xml:id", BAD_CAST xml_id);
      xmlTextWriterWriteAttribute (w, BAD_CAST "from", BAD_CAST from);
      xmlTextWriterWriteAttribute (w, BAD_CAST "to", BAD_CAST to);
      if (*ana)
        xmlTextWriterWriteAttribute (w, BAD_CAST "ana", BAD_CAST ana);
      else
        attribute (w, "type", hearsay_annotation_get_label (ann));
      if (hearsay_annotation_get_annotator (ann))
        attribute (w, "source", hearsay_annotation_get_annotator (ann));
      if (j > 0)
        xmlTextWriterWriteFormatAttribute (w, BAD_CAST "prev", j > 1 ? "#ann-%" PRId64 "-%u"
                                           : "#ann-%" PRId64, id, j);
      if (j + 1 < n)
        xmlTextWriterWriteFormatAttribute (w, BAD_CAST "next", "#ann-%" PRId64 "-%u", id, j + 2);
      if (j == 0)
        write_notes (w, scheme, ann);
      xmlTextWriterEndElement (w);
    }
}

/* Whether the other end of a cross-document relation is in this export. */
static gboolean
target_exported (HearsayExportContext *ctx,
                 gint64                annotation_id)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_project_get_annotation (ctx->project, annotation_id, NULL);
  const HearsayExportOptions *o = ctx->options;
  gboolean listed = o->document_ids == NULL;

  if (ann == NULL)
    return FALSE;
  for (guint i = 0; !listed && i < o->n_document_ids; i++)
    listed = o->document_ids[i] == hearsay_annotation_get_document_id (ann);
  return listed && !(o->exclude_boilerplate &&
                     g_strcmp0 (hearsay_annotation_get_label (ann), HEARSAY_LABEL_BOILERPLATE) == 0);
}

static gboolean
tei_document (HearsayDocument  *doc,
              gpointer          data,
              GError          **error)
{
  HearsayExportContext *ctx = data;
  TeiState *state = ctx->data;
  xmlTextWriterPtr w = state->sink->writer;
  HearsayScheme *scheme = hearsay_project_get_scheme (ctx->project);
  g_autoptr(HearsayOffsetMap) map = hearsay_export_offset_map (ctx, doc);
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 doc_id = hearsay_document_get_id (doc);
  g_autofree char *tei_id = g_strdup_printf ("doc-%" PRId64, doc_id);
  gboolean links = FALSE;

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  /* U+FFFD takes 3 bytes where a control character took 1. */
  if (ctx->options->offset_unit == HEARSAY_OFFSET_BYTE &&
      !hearsay_xml_text_is_safe (hearsay_offset_map_get_text (map), hearsay_offset_map_get_text_size (map)))
    hearsay_export_warn (ctx, "tei: document %" PRId64 " holds characters XML forbids, written as U+FFFD; "
                         "its byte offsets count the original text", doc_id);
  annotations = hearsay_export_annotations (ctx, doc_id, error);
  if (annotations == NULL)
    return FALSE;
  for (guint i = 0; i < annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (annotations, i);
      gint64 id = hearsay_annotation_get_id (ann);

      g_array_append_val (ids, id);
      for (guint j = 0; j < hearsay_annotation_get_n_fragments (ann); j++)
        {
          const HearsayFragment *f = hearsay_annotation_get_fragment (ann, j);
          gint64 s = hearsay_offset_map_to_codepoint (map, f->start);
          gint64 e = hearsay_offset_map_to_codepoint (map, f->end);

          g_array_append_val (bounds, s);
          g_array_append_val (bounds, e);
        }
    }
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (kept, &g_array_index (ids, gint64, i));
  g_array_sort (bounds, compare_gint64);
  relations = hearsay_export_relations (ctx, doc_id, kept, error);
  if (relations == NULL)
    return FALSE;

  xmlTextWriterStartElement (w, BAD_CAST "TEI");
  xmlTextWriterWriteAttribute (w, BAD_CAST "xml:id", BAD_CAST tei_id);
  write_header (w, doc);
  write_text (w, map, doc_id, bounds);

  if (annotations->len > 0)
    {
      xmlTextWriterStartElement (w, BAD_CAST "standOff");
      xmlTextWriterStartElement (w, BAD_CAST "spanGrp");
      xmlTextWriterWriteAttribute (w, BAD_CAST "type", BAD_CAST "annotations");
      for (guint i = 0; i < annotations->len; i++)
        write_span (w, scheme, map, doc_id, g_ptr_array_index (annotations, i));
      xmlTextWriterEndElement (w);
      for (guint i = 0; i < relations->len; i++)
        {
          const HearsayRelation *r = g_ptr_array_index (relations, i);
          g_autofree char *target = NULL;

          if (r->to_id > 0 && !g_hash_table_contains (kept, &r->to_id) && !target_exported (ctx, r->to_id))
            {
              hearsay_export_warn (ctx, "tei: relation %" PRId64 " points outside the export and was left out",
                                   r->id);
              continue;
            }
          if (!links)
            {
              xmlTextWriterStartElement (w, BAD_CAST "linkGrp");
              xmlTextWriterWriteAttribute (w, BAD_CAST "type", BAD_CAST "relations");
              links = TRUE;
            }
          target = r->to_id > 0
            ? g_strdup_printf ("#ann-%" PRId64 " #ann-%" PRId64, r->from_id, r->to_id)
            : g_strdup_printf ("#ann-%" PRId64 " #entity-%" PRId64, r->from_id, r->to_entity_id);
          xmlTextWriterStartElement (w, BAD_CAST "link");
          attribute (w, "type", r->type);
          xmlTextWriterWriteAttribute (w, BAD_CAST "target", BAD_CAST target);
          xmlTextWriterEndElement (w);
        }
      if (links)
        xmlTextWriterEndElement (w);
      xmlTextWriterEndElement (w);
    }
  g_hash_table_remove_all (kept);
  xmlTextWriterEndElement (w);
  xmlTextWriterFlush (w);
  if (state->sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&state->sink->error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
tei_end (HearsayExportContext  *ctx,
         GError               **error)
{
  TeiState *state = ctx->data;

  xmlTextWriterEndElement (state->sink->writer);
  return hearsay_export_xml_sink_finish (state->sink, error);
}

const HearsayExportWriter hearsay_export_tei_writer = {
  .begin = tei_begin,
  .document = tei_document,
  .end = tei_end,
  .free_data = tei_state_free,
};
