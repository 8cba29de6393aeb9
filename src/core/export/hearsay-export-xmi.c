/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-xmi.c: UIMA CAS XMI (XML 1.0) with the DKPro Core types, as
 * INCEpTION exports it: cas:NULL, a DocumentMetaData, the tokens and
 * sentences, the annotations, the cas:Sofa holding the text (sofaString)
 * and the cas:View listing every indexed structure. begin and end count
 * UTF-16 code units, as Java does. Like INCEpTION's export, a TypeSystem.xml
 * declares the types used; one file per document and annotator
 * (hearsay-export-cas.c). Streamed with libxml2's xmlTextWriter, which
 * writes tabs and line breaks in attribute values as character references;
 * characters XML 1.0 forbids become U+FFFD, one for one, so offsets stay.
 *
 * Hearsay's layers: webanno.custom.Hearsay (label, note, hearsay_id joining
 * the fragments of a discontinuous annotation, one string feature per
 * attribute, a string array per multi-choice one), HearsayRelation
 * (Governor, Dependent, type; its offsets are its Dependent's, the DKPro
 * convention), and the document-level HearsayDocument (outlet,
 * published_at, one string array per document field). Title, URL and
 * language are DocumentMetaData's documentTitle, documentUri and language. */
#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <libxml/xmlwriter.h>

#include "hearsay-error.h"
#include "hearsay-export-cas-private.h"
#include "hearsay-xml-safety.h"

#define FORMAT "xmi"
#define NS_METADATA "http:///de/tudarmstadt/ukp/dkpro/core/api/metadata/type.ecore"
#define NS_SEGMENTATION "http:///de/tudarmstadt/ukp/dkpro/core/api/segmentation/type.ecore"
#define NS_CUSTOM "http:///webanno/custom.ecore"

typedef struct
{
  HearsayCasExport *cas;
  GHashTable *span_features;     /* name → TRUE for a string array */
  GHashTable *document_features; /* field name → TRUE */
  gboolean has_document_layer;
  guint n_sanitized;
  guint n_joined;
} XmiState;

static void
xmi_state_free (gpointer data)
{
  XmiState *state = data;

  hearsay_cas_export_free (state->cas);
  g_hash_table_unref (state->span_features);
  g_hash_table_unref (state->document_features);
  g_free (state);
}

static int
buffer_write (void       *data,
              const char *buffer,
              int         len)
{
  g_string_append_len (data, buffer, len);
  return len;
}

static int
buffer_close (void *data)
{
  return 0;
}

static void
attribute (xmlTextWriterPtr  w,
           const char       *name,
           const char       *value)
{
  g_autofree char *safe = NULL;

  if (!hearsay_xml_text_is_safe (value, -1))
    value = safe = hearsay_xml_sanitize (value, -1);
  xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST value);
}

static void
attribute_int (xmlTextWriterPtr  w,
               const char       *name,
               gint64            value)
{
  char number[32];

  g_snprintf (number, sizeof number, "%" PRId64, value);
  xmlTextWriterWriteAttribute (w, BAD_CAST name, BAD_CAST number);
}

static void
element_text (xmlTextWriterPtr  w,
              const char       *name,
              const char       *text)
{
  g_autofree char *safe = NULL;

  if (!hearsay_xml_text_is_safe (text, -1))
    text = safe = hearsay_xml_sanitize (text, -1);
  xmlTextWriterStartElement (w, BAD_CAST name);
  xmlTextWriterWriteString (w, BAD_CAST text);
  xmlTextWriterEndElement (w);
}

static void
start_fs (xmlTextWriterPtr  w,
          const char       *qname,
          guint             id)
{
  xmlTextWriterStartElement (w, BAD_CAST qname);
  attribute_int (w, "xmi:id", id);
  attribute_int (w, "sofa", 2);
}

static void
offsets (xmlTextWriterPtr  w,
         HearsayOffsetMap *map,
         gint64            start,
         gint64            end)
{
  attribute_int (w, "begin", hearsay_offset_map_codepoint_to_unit (map, start));
  attribute_int (w, "end", hearsay_offset_map_codepoint_to_unit (map, end));
}

static gboolean
is_identifier (const char *name)
{
  if (!(g_ascii_isalpha (name[0]) || name[0] == '_'))
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!(g_ascii_isalnum (*p) || *p == '_'))
      return FALSE;
  return TRUE;
}

static void
write_document_layer (xmlTextWriterPtr  w,
                      XmiState         *state,
                      HearsayDocument  *doc,
                      guint             id,
                      GArray           *members)
{
  g_auto(GStrv) fields = hearsay_document_dup_field_names (doc);
  const char *outlet = hearsay_document_get_outlet (doc);
  const char *date = hearsay_document_get_published_at (doc);

  if (outlet == NULL && date == NULL && (fields == NULL || fields[0] == NULL))
    return;
  state->has_document_layer = TRUE;
  start_fs (w, "custom:HearsayDocument", id);
  g_array_append_val (members, id);
  if (outlet != NULL)
    attribute (w, "outlet", outlet);
  if (date != NULL)
    attribute (w, "published_at", date);
  for (guint i = 0; fields && fields[i]; i++)
    {
      const char * const *values = hearsay_document_get_field (doc, fields[i]);

      if (!is_identifier (fields[i]) || g_str_equal (fields[i], "outlet") || g_str_equal (fields[i], "published_at"))
        continue;
      g_hash_table_insert (state->document_features, g_strdup (fields[i]), GINT_TO_POINTER (TRUE));
      for (guint k = 0; values && values[k]; k++)
        element_text (w, fields[i], values[k]);
    }
  xmlTextWriterEndElement (w);
}

/* The first fragment's span id of each annotation, for relations. */
typedef struct
{
  guint id;
  gint64 start, end;
} SpanRef;

static gboolean
write_file (HearsayExportContext  *ctx,
            XmiState              *state,
            HearsayDocument       *doc,
            HearsayOffsetMap      *map,
            const char            *folder,
            HearsayCasFile        *file,
            gboolean               with_document_layer,
            GError               **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) tokens = hearsay_cas_export_tokens (hearsay_offset_map_get_text (map));
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) refs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) attributes = NULL;
  g_autofree char *where = g_strdup_printf (FORMAT ": document %" PRId64, hearsay_document_get_id (doc));
  g_autofree char *name = NULL, *doc_name = g_path_get_basename (folder);
  g_autoptr(GString) view = g_string_new (NULL);
  xmlOutputBufferPtr buffer = xmlOutputBufferCreateIO (buffer_write, buffer_close, out, NULL);
  xmlTextWriterPtr w = xmlNewTextWriter (buffer);
  const char *text = hearsay_offset_map_get_text (map);
  gint64 length = hearsay_offset_map_get_length (map);
  guint next = 3, one = 1, group = 0;
  int rc;

  if (!hearsay_xml_text_is_safe (text, -1))
    state->n_sanitized++;
  attributes = hearsay_cas_export_attributes (ctx, file, where);
  xmlTextWriterSetIndent (w, 1);
  xmlTextWriterSetIndentString (w, BAD_CAST "    ");
  xmlTextWriterStartDocument (w, NULL, "UTF-8", NULL);
  xmlTextWriterStartElement (w, BAD_CAST "xmi:XMI");
  attribute (w, "xmlns:xmi", "http://www.omg.org/XMI");
  attribute (w, "xmlns:cas", "http:///uima/cas.ecore");
  attribute (w, "xmlns:type", NS_METADATA);
  attribute (w, "xmlns:type2", NS_SEGMENTATION);
  attribute (w, "xmlns:custom", NS_CUSTOM);
  attribute (w, "xmi:version", "2.0");

  xmlTextWriterStartElement (w, BAD_CAST "cas:NULL");
  attribute (w, "xmi:id", "0");
  xmlTextWriterEndElement (w);

  start_fs (w, "type:DocumentMetaData", 1);
  g_array_append_val (members, one);
  offsets (w, map, 0, length);
  attribute (w, "language", hearsay_document_get_language (doc) ? hearsay_document_get_language (doc)
                                                                 : "x-unspecified");
  if (hearsay_document_get_title (doc) != NULL)
    attribute (w, "documentTitle", hearsay_document_get_title (doc));
  attribute (w, "documentId", doc_name);
  if (hearsay_document_get_url (doc) != NULL)
    attribute (w, "documentUri", hearsay_document_get_url (doc));
  attribute (w, "isLastSegment", "false");
  xmlTextWriterEndElement (w);

  for (guint i = 0; i < tokens->len; i++)
    {
      HearsayCasToken *t = &g_array_index (tokens, HearsayCasToken, i);

      start_fs (w, "type2:Token", next);
      g_array_append_val (members, next);
      next++;
      offsets (w, map, t->start, t->end);
      xmlTextWriterEndElement (w);
    }
  /* A sentence from the first token after a line break to the last before
   * the next one. */
  for (guint i = 0; i < tokens->len; )
    {
      guint last = i;

      while (last + 1 < tokens->len && !g_array_index (tokens, HearsayCasToken, last + 1).sentence)
        last++;
      start_fs (w, "type2:Sentence", next);
      g_array_append_val (members, next);
      next++;
      offsets (w, map, g_array_index (tokens, HearsayCasToken, i).start,
               g_array_index (tokens, HearsayCasToken, last).end);
      xmlTextWriterEndElement (w);
      i = last + 1;
    }

  for (guint i = 0; i < file->annotations->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (file->annotations, i);
      guint n = hearsay_annotation_get_n_fragments (ann);

      /* hearsay_id numbers the file's discontinuous annotations. */
      if (n > 1)
        group++;
      for (guint k = 0; k < n; k++)
        {
          const HearsayFragment *f = hearsay_annotation_get_fragment (ann, k);
          gint64 start = hearsay_offset_map_to_codepoint (map, f->start);
          gint64 end = hearsay_offset_map_to_codepoint (map, f->end);
          const char *note = hearsay_annotation_get_note (ann);

          if (k == 0)
            {
              SpanRef *ref = g_new (SpanRef, 1);

              *ref = (SpanRef) { next, start, end };
              g_hash_table_insert (refs, g_memdup2 (&(gint64) { hearsay_annotation_get_id (ann) }, sizeof (gint64)),
                                   ref);
            }
          start_fs (w, "custom:Hearsay", next);
          g_array_append_val (members, next);
          next++;
          offsets (w, map, start, end);
          attribute (w, "label", hearsay_annotation_get_label (ann));
          if (note != NULL && *note != '\0')
            attribute (w, "note", note);
          if (n > 1)
            attribute_int (w, "hearsay_id", group);
          for (guint a = 0; a < attributes->len; a++)
            {
              const char *attr = g_ptr_array_index (attributes, a);
              const char * const *values = hearsay_annotation_get_attribute_values (ann, attr);
              g_autofree char *joined = NULL;

              if (values == NULL || values[0] == NULL || hearsay_cas_export_is_multi (ctx, attr))
                continue;
              if (values[1] != NULL)
                state->n_joined++;
              joined = g_strjoinv ("|", (char **) values);
              attribute (w, attr, joined);
              g_hash_table_insert (state->span_features, g_strdup (attr), GINT_TO_POINTER (FALSE));
            }
          for (guint a = 0; a < attributes->len; a++)
            {
              const char *attr = g_ptr_array_index (attributes, a);
              const char * const *values = hearsay_annotation_get_attribute_values (ann, attr);

              if (values == NULL || !hearsay_cas_export_is_multi (ctx, attr))
                continue;
              for (guint v = 0; values[v]; v++)
                element_text (w, attr, values[v]);
              g_hash_table_insert (state->span_features, g_strdup (attr), GINT_TO_POINTER (TRUE));
            }
          xmlTextWriterEndElement (w);
        }
    }
  for (guint i = 0; i < file->relations->len; i++)
    {
      HearsayRelation *r = g_ptr_array_index (file->relations, i);
      SpanRef *from = g_hash_table_lookup (refs, &r->from_id);
      SpanRef *to = g_hash_table_lookup (refs, &r->to_id);

      start_fs (w, "custom:HearsayRelation", next);
      g_array_append_val (members, next);
      next++;
      offsets (w, map, to->start, to->end);
      attribute_int (w, "Governor", from->id);
      attribute_int (w, "Dependent", to->id);
      attribute (w, "type", r->type);
      xmlTextWriterEndElement (w);
    }
  if (with_document_layer)
    write_document_layer (w, state, doc, next++, members);

  xmlTextWriterStartElement (w, BAD_CAST "cas:Sofa");
  attribute (w, "xmi:id", "2");
  attribute (w, "sofaNum", "1");
  attribute (w, "sofaID", "_InitialView");
  attribute (w, "mimeType", "text");
  attribute (w, "sofaString", text);
  xmlTextWriterEndElement (w);
  for (guint i = 0; i < members->len; i++)
    g_string_append_printf (view, "%s%u", i ? " " : "", g_array_index (members, guint, i));
  xmlTextWriterStartElement (w, BAD_CAST "cas:View");
  attribute (w, "sofa", "2");
  attribute (w, "members", view->str);
  xmlTextWriterEndElement (w);
  xmlTextWriterEndElement (w);
  rc = xmlTextWriterEndDocument (w);
  xmlFreeTextWriter (w);
  if (rc < 0)
    {
      g_set_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_FAILED, "Cannot write the XMI of document %"
                   PRId64, hearsay_document_get_id (doc));
      return FALSE;
    }
  name = g_strdup_printf ("%s/%s.xmi", folder, file->annotator);
  return hearsay_cas_export_write (ctx, name, out->str, out->len, error);
}

static gboolean
xmi_document (HearsayDocument  *doc,
              gpointer          data,
              GError          **error)
{
  HearsayExportContext *ctx = data;
  XmiState *state = ctx->data;
  g_autoptr(HearsayOffsetMap) map = hearsay_offset_map_new (hearsay_document_get_text (doc), HEARSAY_OFFSET_UTF16,
                                                            ctx->options->newlines);
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *folder = NULL;

  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  files = hearsay_cas_export_files (ctx, state->cas, doc, map, error);
  if (files == NULL)
    return FALSE;
  folder = hearsay_cas_export_folder (state->cas, doc);
  for (guint i = 0; i < files->len; i++)
    if (!write_file (ctx, state, doc, map, folder, g_ptr_array_index (files, i), TRUE, error))
      return FALSE;
  return TRUE;
}

static void
type_start (GString    *s,
            const char *name,
            const char *supertype)
{
  g_string_append_printf (s, "    <typeDescription>\n      <name>%s</name>\n      <description/>\n"
                          "      <supertypeName>%s</supertypeName>\n      <features>\n", name, supertype);
}

static void
feature (GString    *s,
         const char *name,
         const char *range,
         gboolean    array)
{
  g_string_append_printf (s, "        <featureDescription>\n          <name>%s</name>\n          <description/>\n",
                          name);
  if (array)
    g_string_append (s, "          <rangeTypeName>uima.cas.StringArray</rangeTypeName>\n"
                        "          <elementType>uima.cas.String</elementType>\n"
                        "          <multipleReferencesAllowed>false</multipleReferencesAllowed>\n");
  else
    g_string_append_printf (s, "          <rangeTypeName>%s</rangeTypeName>\n", range);
  g_string_append (s, "        </featureDescription>\n");
}

static void
type_end (GString *s)
{
  g_string_append (s, "      </features>\n    </typeDescription>\n");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
features_sorted (GString    *s,
                 GHashTable *names)
{
  g_autoptr(GList) keys = g_hash_table_get_keys (names);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

  for (GList *l = keys; l != NULL; l = l->next)
    g_ptr_array_add (sorted, l->data);
  g_ptr_array_sort (sorted, compare_names);
  for (guint i = 0; i < sorted->len; i++)
    feature (s, g_ptr_array_index (sorted, i), "uima.cas.String",
             GPOINTER_TO_INT (g_hash_table_lookup (names, g_ptr_array_index (sorted, i))));
}

/* The types the files use, as UIMA's type system descriptor (the
 * TypeSystem.xml of INCEpTION's XMI export). */
static char *
type_system (XmiState *state)
{
  GString *s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                             "<typeSystemDescription xmlns=\"http://uima.apache.org/resourceSpecifier\">\n"
                             "  <types>\n");

  type_start (s, "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData", "uima.tcas.DocumentAnnotation");
  feature (s, "documentTitle", "uima.cas.String", FALSE);
  feature (s, "documentId", "uima.cas.String", FALSE);
  feature (s, "documentUri", "uima.cas.String", FALSE);
  feature (s, "documentBaseUri", "uima.cas.String", FALSE);
  feature (s, "collectionId", "uima.cas.String", FALSE);
  feature (s, "isLastSegment", "uima.cas.Boolean", FALSE);
  type_end (s);
  type_start (s, "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token", "uima.tcas.Annotation");
  type_end (s);
  type_start (s, "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence", "uima.tcas.Annotation");
  feature (s, "id", "uima.cas.String", FALSE);
  type_end (s);
  type_start (s, HEARSAY_CAS_SPAN_TYPE, "uima.tcas.Annotation");
  feature (s, "label", "uima.cas.String", FALSE);
  feature (s, "note", "uima.cas.String", FALSE);
  feature (s, "hearsay_id", "uima.cas.String", FALSE);
  features_sorted (s, state->span_features);
  type_end (s);
  type_start (s, HEARSAY_CAS_RELATION_TYPE, "uima.tcas.Annotation");
  feature (s, "Governor", HEARSAY_CAS_SPAN_TYPE, FALSE);
  feature (s, "Dependent", HEARSAY_CAS_SPAN_TYPE, FALSE);
  feature (s, "type", "uima.cas.String", FALSE);
  type_end (s);
  type_start (s, HEARSAY_CAS_DOCUMENT_TYPE, "uima.cas.AnnotationBase");
  feature (s, "outlet", "uima.cas.String", FALSE);
  feature (s, "published_at", "uima.cas.String", FALSE);
  features_sorted (s, state->document_features);
  type_end (s);
  g_string_append (s, "  </types>\n</typeSystemDescription>\n");
  return g_string_free (s, FALSE);
}

static const char readme[] =
  "UIMA CAS XMI (XML 1.0) with the DKPro Core types, written by Hearsay: one\n"
  "file per document and annotator, annotation/<document title>/<annotator>.xmi\n"
  "(INITIAL_CAS.xmi: a document without annotations), as in an INCEpTION\n"
  "project export; TypeSystem.xml declares the types, as in INCEpTION's XMI\n"
  "export.\n"
  "\n"
  "begin and end count UTF-16 code units, as UIMA (Java) does.\n"
  "\n"
  "Layers: webanno.custom.Hearsay (span: label, note, hearsay_id, one feature per\n"
  "attribute), webanno.custom.HearsayRelation (relation over it: type) and\n"
  "webanno.custom.HearsayDocument (document metadata: outlet, published_at, one\n"
  "string array per document field). A discontinuous annotation is one span per\n"
  "fragment, sharing a hearsay_id. Left out (and reported by the export):\n"
  "annotation times, relations to entities, across documents or between two\n"
  "annotators' annotations.\n";

static gboolean
xmi_begin (HearsayExportContext  *ctx,
           GError               **error)
{
  XmiState *state = g_new0 (XmiState, 1);

  state->cas = hearsay_cas_export_new ();
  state->span_features = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state->document_features = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->data = state;
  if (ctx->options->offset_unit == HEARSAY_OFFSET_BYTE)
    hearsay_export_warn (ctx, FORMAT ": begin and end are UTF-16 code units by UIMA's definition; "
                         "--offsets byte is ignored");
  return hearsay_cas_export_write (ctx, "README-xmi.txt", readme, strlen (readme), error);
}

static gboolean
xmi_end (HearsayExportContext  *ctx,
         GError               **error)
{
  XmiState *state = ctx->data;
  g_autofree char *types = type_system (state);

  /* Metadata other than title, URL and language is HearsayDocument's. */
  state->cas->n_metadata = 0;
  hearsay_cas_export_warn (ctx, state->cas, FORMAT, TRUE);
  if (state->n_sanitized > 0)
    hearsay_export_warn (ctx, FORMAT ": %u files hold characters that XML 1.0 forbids; they are written as "
                         "U+FFFD", state->n_sanitized);
  if (state->n_joined > 0)
    hearsay_export_warn (ctx, FORMAT ": %u attributes hold several values but are not multi-choice in the "
                         "scheme; their values are joined by |", state->n_joined);
  return hearsay_cas_export_write (ctx, "TypeSystem.xml", types, strlen (types), error);
}

const HearsayExportWriter hearsay_export_xmi_writer = {
  .begin = xmi_begin,
  .document = xmi_document,
  .end = xmi_end,
  .free_data = xmi_state_free,
  .marker = "README-xmi.txt",
};
