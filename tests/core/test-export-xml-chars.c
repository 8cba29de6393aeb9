/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-xml-chars.c: characters that XML 1.0 forbids (C0 controls
 * other than TAB, LF and CR; U+FFFE, U+FFFF) in a document's text, title,
 * quotes, notes, entity and annotator names. Every XML output (TEI, qdpx,
 * qdc, the comparison's SVG and HTML) must parse with libxml2 without
 * recovery, show each such character as U+FFFD, keep TAB and LF, and keep
 * its offsets exact for the text after them.
 * With "--write-samples DIR" it writes TEI, qdpx, qdc and W3C exports of
 * that project into DIR for tests/core/validate-exports.sh. */
#include <string.h>
#include <archive.h>
#include <archive_entry.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <glib/gstdio.h>

#include "hearsay-compare.h"
#include "hearsay-export.h"
#include "hearsay-xml-safety.h"
#include "core-test-util.h"

#define FFFD "\xEF\xBF\xBD"
#define U_FFFF "\xEF\xBF\xBF"
#define U_FFFE "\xEF\xBF\xBE"
#define THUMB "\xF0\x9F\x91\x8D"
/* A stray \x01, \x0b, \x1f and U+FFFF, a TAB, LFs and one CRLF. */
#define TEXT "Titre\x01 du jour\n" \
  "\tDamas\x0b a d\xC3\xA9" "clar\xC3\xA9\x1f : \xC2\xAB Deir ez-Zor " U_FFFF " est lib\xC3\xA9r\xC3\xA9" "e \xC2\xBB.\r\n" \
  "Fin " THUMB ".\n"
#define TITLE "Le\x01 titre\x0b du\x1f jour"
#define NOTE "Vu\x01 le\ttab\net la ligne\x0b."
#define ENTITY "SA\x1fNA"
#define CODER "Codeur\x0b A"
#define ODD_VALUE "odd\x1fvalue"
#define QUOTE_CLAIM "Damas\x0b a d\xC3\xA9" "clar\xC3\xA9\x1f"
#define QUOTE_DEIR "Deir ez-Zor"
#define QUOTE_FIN "Fin " THUMB

static HearsayProject *shared_project;
static gint64 doc_id, claim_id, deir_id, fin_id;

/* The test's own replacement, code point by code point, to compare with. */
static char *
expected (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        g_string_append (s, FFFD);
      else
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

static gint64
annotate (HearsayProject *project,
          const char     *label,
          const char     *quote,
          const char     *note)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (doc_id, label);
  g_autoptr(GError) error = NULL;
  gint64 start = core_test_offset_of (TEXT, quote);

  hearsay_annotation_add_fragment (ann, start, start + g_utf8_strlen (quote, -1));
  if (note != NULL)
    {
      hearsay_annotation_set_note (ann, note);
      /* Free text: TEI writes it as a note. */
      hearsay_annotation_set_attribute (ann, "comment", ODD_VALUE);
    }
  hearsay_project_create_annotation (project, ann, &error);
  g_assert_no_error (error);
  return hearsay_annotation_get_id (ann);
}

static HearsayProject *
project (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayEntity) sana = NULL;
  g_autoptr(HearsayScheme) scheme = NULL;

  if (shared_project != NULL)
    return shared_project;
  shared_project = core_test_new_project ("xml-chars.hearsay");
  hearsay_project_set_annotator (shared_project, CODER);
  /* A label's display name, pasted with a control character. */
  scheme = hearsay_scheme_copy (hearsay_project_get_scheme (shared_project));
  g_assert_true (hearsay_scheme_set_label (scheme, "claim", "Claim\x0b name", "#3465a4", 0, &error));
  g_assert_true (hearsay_scheme_add_attribute (scheme, "claim", "comment", "Comment", HEARSAY_ATTRIBUTE_TEXT, &error));
  g_assert_true (hearsay_project_set_scheme (shared_project, scheme, &error));
  g_assert_no_error (error);
  doc_id = core_test_add_document (shared_project, TEXT, TITLE);
  claim_id = annotate (shared_project, "claim", QUOTE_CLAIM, NOTE);
  deir_id = annotate (shared_project, "source_mention", QUOTE_DEIR, NULL);
  fin_id = annotate (shared_project, "attributed_content", QUOTE_FIN, NULL);
  sana = hearsay_entity_new (ENTITY, "state_news_agency");
  g_assert_true (hearsay_project_add_entity (shared_project, sana, &error));
  g_assert_no_error (error);
  g_assert_cmpint (hearsay_project_link_entity (shared_project, "refers_to", deir_id,
                   hearsay_entity_get_id (sana), &error), >, 0);
  g_assert_no_error (error);
  return shared_project;
}

/* The structured-error callback takes a const pointer from libxml2 2.12 on. */
#if LIBXML_VERSION >= 21200
static void
count_error (void           *data,
             const xmlError *err)
#else
static void
count_error (void       *data,
             xmlErrorPtr err)
#endif
{
  guint *n = data;

  if (g_test_verbose ())
    g_printerr ("libxml2: line %d: %s", err->line, err->message);
  (*n)++;
}

/* Parses strictly: no recovery, no network; any error or warning fails. */
static xmlDocPtr
parse_strict (const char *data,
              gsize       length)
{
  guint n_errors = 0;
  xmlDocPtr doc;

  xmlSetStructuredErrorFunc (&n_errors, count_error);
  doc = xmlReadMemory (data, (int) length, NULL, NULL, XML_PARSE_NONET);
  xmlSetStructuredErrorFunc (NULL, NULL);
  g_assert_nonnull (doc);
  g_assert_cmpuint (n_errors, ==, 0);
  return doc;
}

static void
find_all (xmlNode    *node,
          const char *name,
          GPtrArray  *found)
{
  for (xmlNode *c = node; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        if (strcmp ((const char *) c->name, name) == 0)
          g_ptr_array_add (found, c);
        find_all (c->children, name, found);
      }
}

static xmlNode *
find_first (xmlDocPtr   doc,
            const char *name)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (xmlDocGetRootElement (doc), name, found);
  g_assert_cmpuint (found->len, >, 0);
  return g_ptr_array_index (found, 0);
}

static char *
prop (xmlNode    *node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
content (xmlNode *node)
{
  xmlChar *value = xmlNodeGetContent (node);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
export_to (HearsayExportFormat         format,
           const HearsayExportOptions *options,
           const char                 *name,
           gsize                      *length)
{
  g_autofree char *path = core_test_path (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (hearsay_export_project_to_path (project (), format, options, path, NULL, &error));
  g_assert_no_error (error);
  return core_test_read (path, length);
}

/* The helper itself: one character for one, and only the forbidden ones. */
static void
test_sanitize (void)
{
  static const char kept[] = "\t\n\r \x7f\xC2\x85\xC2\x9F" FFFD "\xEF\xBF\xBC\xF0\x9F\xBF\xBE\xF4\x8F\xBF\xBF";
  const char with_nul[] = "a\0b";
  g_autofree char *same = hearsay_xml_sanitize (kept, -1);
  g_autofree char *nul = hearsay_xml_sanitize (with_nul, 3);
  g_autoptr(GString) escaped = g_string_new (NULL);

  for (gunichar c = 0; c < 0x20; c++)
    {
      char in[8] = { 0 };
      g_autofree char *out = NULL;

      if (c == 0)
        continue;
      g_unichar_to_utf8 (c, in);
      out = hearsay_xml_sanitize (in, -1);
      g_assert_cmpstr (out, ==, (c == '\t' || c == '\n' || c == '\r') ? in : FFFD);
      g_assert_true (hearsay_xml_text_is_safe (in, -1) == (c == '\t' || c == '\n' || c == '\r'));
    }
  g_assert_true (hearsay_xml_text_is_safe (kept, -1));
  g_assert_cmpstr (same, ==, kept);
  g_assert_cmpstr (nul, ==, "a" FFFD "b");
  g_assert_false (hearsay_xml_text_is_safe (with_nul, 3));
  {
    g_autofree char *nonchars = hearsay_xml_sanitize ("x" U_FFFE "y" U_FFFF "z", -1);

    g_assert_cmpstr (nonchars, ==, "x" FFFD "y" FFFD "z");
  }
  {
    g_autofree char *out = hearsay_xml_sanitize (TEXT, -1);
    g_autofree char *want = expected (TEXT);

    g_assert_cmpstr (out, ==, want);
    g_assert_cmpint (g_utf8_strlen (out, -1), ==, g_utf8_strlen (TEXT, -1));
  }
  hearsay_xml_append_escaped (escaped, "<a\x01&\"b\">\t\n\r" U_FFFF);
  g_assert_cmpstr (escaped->str, ==, "&lt;a" FFFD "&amp;&quot;b&quot;&gt;&#9;&#10;&#13;" FFFD);
}

/* Each anchor d<doc>-c<N> sits at code point N of the <ab>'s text, and
 * each span's text is its annotation's quote with U+FFFD for the controls. */
static void
test_tei (void)
{
  gsize length;
  g_autofree char *data = export_to (HEARSAY_EXPORT_TEI, NULL, "chars.tei.xml", &length);
  xmlDocPtr doc = parse_strict (data, length);
  xmlNode *ab = find_first (doc, "ab");
  g_autoptr(GHashTable) anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) spans = g_ptr_array_new ();
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autofree char *text = content (ab);
  g_autofree char *want_text = expected (TEXT);
  g_autofree char *want_title = expected (TITLE);
  g_autofree char *want_note = expected (NOTE);
  g_autofree char *want_entity = expected (ENTITY);
  g_autofree char *org = content (find_first (doc, "orgName"));
  glong position = 0;
  guint checked = 0;
  gboolean note_seen = FALSE, odd_seen = FALSE, title_seen = FALSE, cat_seen = FALSE;

  g_assert_cmpstr (text, ==, want_text);
  g_assert_cmpstr (org, ==, want_entity);
  for (xmlNode *c = ab->children; c != NULL; c = c->next)
    if (c->type == XML_TEXT_NODE)
      position += g_utf8_strlen ((const char *) c->content, -1);
    else if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, "anchor") == 0)
      {
        g_autofree char *id = prop (c, "id");
        g_autofree char *named = g_strdup_printf ("d%" G_GINT64_FORMAT "-c%ld", doc_id, position);

        g_assert_cmpstr (id, ==, named);
        g_hash_table_insert (anchors, g_steal_pointer (&id), GINT_TO_POINTER ((int) position));
      }
  find_all (xmlDocGetRootElement (doc), "span", spans);
  for (guint i = 0; i < spans->len; i++)
    {
      xmlNode *span = g_ptr_array_index (spans, i);
      g_autofree char *id = prop (span, "id");
      g_autofree char *from = prop (span, "from");
      g_autofree char *to = prop (span, "to");
      g_autofree char *quote = NULL;
      g_autofree char *want = NULL;
      gint64 ann = g_ascii_strtoll (id + strlen ("ann-"), NULL, 10);
      gpointer s, e;

      g_assert_true (g_hash_table_lookup_extended (anchors, from + 1, NULL, &s));
      g_assert_true (g_hash_table_lookup_extended (anchors, to + 1, NULL, &e));
      quote = g_utf8_substring (text, GPOINTER_TO_INT (s), GPOINTER_TO_INT (e));
      want = expected (ann == claim_id ? QUOTE_CLAIM : ann == deir_id ? QUOTE_DEIR : QUOTE_FIN);
      g_assert_true (ann == claim_id || ann == deir_id || ann == fin_id);
      g_assert_cmpstr (quote, ==, want);
      checked++;
      if (ann == claim_id)
        {
          g_autofree char *source = prop (span, "source");
          g_autofree char *coder = expected (CODER);

          g_assert_cmpstr (source, ==, coder);
        }
    }
  g_assert_cmpuint (checked, ==, 3);

  find_all (xmlDocGetRootElement (doc), "note", notes);
  for (guint i = 0; i < notes->len; i++)
    {
      g_autofree char *note = content (g_ptr_array_index (notes, i));
      g_autofree char *odd = expected (ODD_VALUE);

      note_seen = note_seen || g_str_equal (note, want_note);
      odd_seen = odd_seen || g_str_equal (note, odd);
    }
  g_assert_true (note_seen);
  g_assert_true (odd_seen);
  /* The TAB and LF of the note are kept as they were. */
  g_assert_nonnull (strstr (want_note, "\ttab\n"));

  find_all (xmlDocGetRootElement (doc), "title", titles);
  for (guint i = 0; i < titles->len; i++)
    {
      g_autofree char *title = content (g_ptr_array_index (titles, i));

      title_seen = title_seen || g_str_equal (title, want_title);
    }
  g_assert_true (title_seen);
  g_ptr_array_set_size (titles, 0);
  find_all (xmlDocGetRootElement (doc), "catDesc", titles);
  for (guint i = 0; i < titles->len; i++)
    {
      g_autofree char *desc = content (g_ptr_array_index (titles, i));

      cat_seen = cat_seen || g_str_equal (desc, "Claim" FFFD " name");
    }
  g_assert_true (cat_seen);
  xmlFreeDoc (doc);
}

/* Byte offsets cannot stay exact (U+FFFD is 3 bytes): the export says so. */
static void
test_tei_bytes (void)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  HearsayExportOptions options = { 0 };
  gsize length;
  g_autofree char *data = NULL;
  gboolean warned = FALSE;
  xmlDocPtr doc;

  options.offset_unit = HEARSAY_OFFSET_BYTE;
  options.warnings = warnings;
  data = export_to (HEARSAY_EXPORT_TEI, &options, "chars-bytes.tei.xml", &length);
  doc = parse_strict (data, length);
  for (guint i = 0; i < warnings->len; i++)
    warned = warned || strstr (g_ptr_array_index (warnings, i), "U+FFFD") != NULL;
  g_assert_true (warned);
  xmlFreeDoc (doc);
}

/* The zip's entries by name. */
static GHashTable *
read_zip (const char *data,
          gsize       length)
{
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;

  archive_read_support_format_zip (a);
  g_assert_cmpint (archive_read_open_memory (a, data, length), ==, ARCHIVE_OK);
  while (archive_read_next_header (a, &entry) == ARCHIVE_OK)
    {
      GString *s = g_string_new (NULL);
      char buffer[16 * 1024];
      la_ssize_t n;

      while ((n = archive_read_data (a, buffer, sizeof buffer)) > 0)
        g_string_append_len (s, buffer, n);
      g_assert_cmpint (n, ==, 0);
      g_hash_table_insert (entries, g_strdup (archive_entry_pathname (entry)), g_string_free (s, FALSE));
    }
  archive_read_free (a);
  return entries;
}

/* The source in the zip is the text (LF line ends), verbatim; each
 * selection's positions cut its quote out of it. */
static void
test_qdpx (void)
{
  gsize length;
  g_autofree char *data = export_to (HEARSAY_EXPORT_QDPX, NULL, "chars.qdpx", &length);
  g_autoptr(GHashTable) entries = read_zip (data, length);
  const char *qde = g_hash_table_lookup (entries, "project.qde");
  xmlDocPtr doc;
  xmlNode *source;
  g_autoptr(GPtrArray) selections = g_ptr_array_new ();
  g_autoptr(GPtrArray) users = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *note = NULL;
  g_autofree char *want_title = expected (TITLE);
  g_autofree char *want_note = expected (NOTE);
  g_autofree char *want_coder = expected (CODER);
  g_autofree char *user = NULL;
  g_auto(GStrv) lines = g_strsplit (TEXT, "\r\n", -1);
  g_autofree char *lf_text = g_strjoinv ("\n", lines);
  const char *source_text;

  g_assert_nonnull (qde);
  doc = parse_strict (qde, strlen (qde));
  source = find_first (doc, "TextSource");
  path = prop (source, "plainTextPath");
  name = prop (source, "name");
  g_assert_cmpstr (name, ==, want_title);
  g_assert_true (g_str_has_prefix (path, "internal://"));
  {
    g_autofree char *entry = g_strconcat ("sources/", path + strlen ("internal://"), NULL);

    source_text = g_hash_table_lookup (entries, entry);
  }
  g_assert_cmpstr (source_text, ==, lf_text);
  find_all (source, "PlainTextSelection", selections);
  g_assert_cmpuint (selections->len, ==, 3);
  for (guint i = 0; i < selections->len; i++)
    {
      xmlNode *sel = g_ptr_array_index (selections, i);
      g_autofree char *label = prop (sel, "name");
      g_autofree char *start = prop (sel, "startPosition");
      g_autofree char *end = prop (sel, "endPosition");
      g_autofree char *quote = g_utf8_substring (source_text, g_ascii_strtoll (start, NULL, 10),
                                                 g_ascii_strtoll (end, NULL, 10));

      g_assert_cmpstr (quote, ==, g_str_equal (label, "claim") ? QUOTE_CLAIM
                                  : g_str_equal (label, "source_mention") ? QUOTE_DEIR : QUOTE_FIN);
    }
  note = content (find_first (doc, "PlainTextContent"));
  g_assert_cmpstr (note, ==, want_note);
  find_all (xmlDocGetRootElement (doc), "User", users);
  g_assert_cmpuint (users->len, ==, 1);
  user = prop (g_ptr_array_index (users, 0), "name");
  g_assert_cmpstr (user, ==, want_coder);
  xmlFreeDoc (doc);
}

static void
test_qdc (void)
{
  gsize length;
  g_autofree char *data = export_to (HEARSAY_EXPORT_QDC, NULL, "chars.qdc", &length);
  xmlDocPtr doc = parse_strict (data, length);
  g_autoptr(GPtrArray) descriptions = g_ptr_array_new ();
  gboolean seen = FALSE;

  find_all (xmlDocGetRootElement (doc), "Description", descriptions);
  for (guint i = 0; i < descriptions->len; i++)
    {
      g_autofree char *text = content (g_ptr_array_index (descriptions, i));

      seen = seen || g_str_equal (text, "Claim" FFFD " name");
    }
  g_assert_true (seen);
  xmlFreeDoc (doc);
}

/* No byte XML forbids and no reference to one (&#1; &#x1f; …). */
static void
assert_no_forbidden (const char *data)
{
  for (const char *p = data; *p; p++)
    {
      g_assert_true ((guchar) *p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r');
      if (g_str_has_prefix (p, "&#"))
        {
          gboolean hex = p[2] == 'x';
          guint64 c = g_ascii_strtoull (p + (hex ? 3 : 2), NULL, hex ? 16 : 10);

          g_assert_true (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF));
        }
    }
  g_assert_null (strstr (data, U_FFFE));
  g_assert_null (strstr (data, U_FFFF));
}

static gint64
add_outlet_document (HearsayProject *project,
                     const char     *outlet,
                     const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  HearsayDocument *doc = hearsay_document_new (text);

  hearsay_document_set_title (doc, outlet);
  hearsay_document_set_outlet (doc, outlet);
  g_ptr_array_add (docs, doc);
  hearsay_project_add_documents (project, docs, &error);
  g_assert_no_error (error);
  return hearsay_document_get_id (doc);
}

static gint64
mark (HearsayProject *project,
      gint64          document_id,
      const char     *text,
      const char     *label,
      const char     *quote,
      const char     *attribute,
      const char     *value)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (document_id, label);
  g_autoptr(GError) error = NULL;
  gint64 start = core_test_offset_of (text, quote);

  hearsay_annotation_add_fragment (ann, start, start + g_utf8_strlen (quote, -1));
  if (attribute != NULL)
    hearsay_annotation_set_attribute (ann, attribute, value);
  hearsay_project_create_annotation (project, ann, &error);
  g_assert_no_error (error);
  return hearsay_annotation_get_id (ann);
}

/* Outlet and entity names with controls, in every chart and the report. */
static void
test_compare (void)
{
  static const char text[] = "A military source told SA\x1fNA that the army\x0b won.";
  g_autoptr(HearsayProject) p = core_test_new_project ("xml-chars-compare.hearsay");
  g_autoptr(HearsayEntity) sana = hearsay_entity_new (ENTITY, "state_news_agency");
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayComparison) comparison = NULL;
  g_autoptr(GOutputStream) html_out = g_memory_output_stream_new_resizable ();
  g_autofree char *html = NULL;
  gint64 ids[2];

  ids[0] = add_outlet_document (p, "RT\x0b", text);
  ids[1] = add_outlet_document (p, "AF\x01P", text);
  g_assert_true (hearsay_project_add_entity (p, sana, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      gint64 source = mark (p, ids[i], text, "source_mention", "A military source", "identification", "anonymous");
      gint64 agency = mark (p, ids[i], text, "source_mention", "SA\x1fNA", "identification", "named");

      mark (p, ids[i], text, "persuasion", "army\x0b won", "technique", "loaded_language");
      g_assert_cmpint (hearsay_project_link_entity (p, "refers_to", agency, hearsay_entity_get_id (sana), &error), >, 0);
      g_assert_cmpint (hearsay_project_create_relation (p, "relayed_by", source, agency, &error), >, 0);
      g_assert_no_error (error);
    }
  comparison = hearsay_comparison_new (p, ids, 2, &error);
  g_assert_no_error (error);
  for (int chart = HEARSAY_COMPARISON_CHART_SOURCES; chart <= HEARSAY_COMPARISON_CHART_CHAINS; chart++)
    {
      g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autofree char *svg = NULL;
      xmlDocPtr doc;

      g_assert_true (hearsay_comparison_write_svg (comparison, chart, out, &error));
      g_assert_no_error (error);
      g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
      g_output_stream_close (out, NULL, NULL);
      svg = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
      assert_no_forbidden (svg);
      doc = parse_strict (svg, strlen (svg));
      xmlFreeDoc (doc);
      if (g_test_verbose ())
        g_printerr ("%s\n", svg);
      if (chart == HEARSAY_COMPARISON_CHART_CHAINS)
        g_assert_nonnull (strstr (svg, "SA" FFFD "NA"));
      g_assert_nonnull (strstr (svg, "RT" FFFD));
    }
  g_assert_true (hearsay_comparison_write_html_report (comparison, html_out, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (html_out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (html_out, NULL, NULL);
  html = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (html_out));
  assert_no_forbidden (html);
  g_assert_nonnull (strstr (html, "AF" FFFD "P"));
}

int
main (int    argc,
      char **argv)
{
  int rc;

  core_test_init (&argc, &argv);
  if (argc == 3 && g_str_equal (argv[1], "--write-samples"))
    rc = core_test_write_export_samples (project (), argv[2]);
  else
    {
      g_test_add_func ("/export-xml-chars/sanitize", test_sanitize);
      g_test_add_func ("/export-xml-chars/tei", test_tei);
      g_test_add_func ("/export-xml-chars/tei-bytes", test_tei_bytes);
      g_test_add_func ("/export-xml-chars/qdpx", test_qdpx);
      g_test_add_func ("/export-xml-chars/qdc", test_qdc);
      g_test_add_func ("/export-xml-chars/compare", test_compare);
      rc = g_test_run ();
    }
  g_clear_object (&shared_project);
  return rc;
}
