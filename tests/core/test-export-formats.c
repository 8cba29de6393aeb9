/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-export-formats.c: every export format on text with emoji, combining
 * marks, Arabic, CRLF and a BOM; offsets checked by slicing the exported
 * text with the exported numbers in the exported unit; atomic output.
 * With "--write-samples DIR" it writes one export per format into DIR for
 * the standards' validators (tests/core/validate-exports.sh). */
#include <string.h>
#include <json-glib/json-glib.h>
#include <libxml/parser.h>
#include <glib/gstdio.h>

#include "hearsay-error.h"
#include "hearsay-export.h"
#include "core-test-util.h"

#define BOM "\xEF\xBB\xBF"
/* "﻿Damas 👍🏽 a déclaré : « Deir ez-Zor est libérée ».\r\nمرحبا بالعالم\r\nFin 👨‍👩‍👧." */
#define RICH_TEXT BOM "Damas \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD a d\xC3\xA9" "clar\xC3\xA9 : \xC2\xAB Deir ez-Zor est libe\xCC\x81r\xC3\xA9" "e \xC2\xBB.\r\n" \
  "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85\r\n" \
  "Fin \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7."

static gint64 claim_id, content_id;

static gint64
annotate (HearsayProject *project,
          gint64          doc,
          const char     *label,
          const gint64   *spans,
          guint           n_spans,
          const char     *note)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (doc, label);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_spans; i++)
    hearsay_annotation_add_fragment (ann, spans[2 * i], spans[2 * i + 1]);
  if (note)
    hearsay_annotation_set_note (ann, note);
  hearsay_project_create_annotation (project, ann, &error);
  g_assert_no_error (error);
  return hearsay_annotation_get_id (ann);
}

static HearsayProject *
rich_project (const char *name)
{
  HearsayProject *project = core_test_new_project (name);
  g_autoptr(HearsayScheme) scheme = hearsay_scheme_copy (hearsay_project_get_scheme (project));
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayEntity) sana = hearsay_entity_new ("Sana", "state_news_agency");
  HearsayDocument *doc = hearsay_document_new (RICH_TEXT);
  HearsayDocument *doc2 = hearsay_document_new ("Second claim here.\nAnd more.\n");
  const char *topic_ids[] = { "war", "economy", "health", NULL };
  const char *topics[] = { "war", "economy", NULL };
  const char *status[] = { "disputed", NULL };
  const char *technique[] = { "doubt", NULL };
  gint64 d, d2, damas, cue, other_claim;
  gint64 s_damas = core_test_offset_of (RICH_TEXT, "Damas");
  gint64 s_decl = core_test_offset_of (RICH_TEXT, "a d\xC3\xA9" "clar");
  gint64 s_quote = core_test_offset_of (RICH_TEXT, "\xC2\xAB Deir");
  gint64 s_deir = core_test_offset_of (RICH_TEXT, "Deir");
  gint64 s_arabic = core_test_offset_of (RICH_TEXT, "\xD9\x85\xD8\xB1");
  gint64 s_fin = core_test_offset_of (RICH_TEXT, "Fin");
  gint64 len = hearsay_text_length (RICH_TEXT);

  /* A multi-choice attribute, which the default scheme lacks. */
  g_assert_true (hearsay_scheme_add_attribute (scheme, "claim", "topics", "Topics", HEARSAY_ATTRIBUTE_MULTI, &error));
  g_assert_true (hearsay_scheme_set_attribute_values (scheme, "claim", "topics", topic_ids, NULL, &error));
  g_assert_true (hearsay_project_set_scheme (project, scheme, &error));
  g_assert_no_error (error);

  hearsay_document_set_title (doc, "Guerre en Syrie : Damas « libérée »");
  hearsay_document_set_outlet (doc, "RT en français");
  hearsay_document_set_url (doc, "https://francais.rt.com/x?a=1&b=2");
  hearsay_document_set_published_at (doc, "2017-11-03");
  hearsay_document_set_title (doc2, "../../etc/passwd/.hidden");
  g_ptr_array_add (docs, doc);
  g_ptr_array_add (docs, doc2);
  hearsay_project_add_documents (project, docs, &error);
  g_assert_no_error (error);
  d = hearsay_document_get_id (doc);
  d2 = hearsay_document_get_id (doc2);

  annotate (project, d, "boilerplate", (gint64[]) { 0, 1 }, 1, NULL);
  damas = annotate (project, d, "source_mention", (gint64[]) { s_damas, s_damas + 5 }, 1,
                    "quote \" and\nnewline\ttab");
  /* Overlaps source_mention: CoNLL keeps the longer one. */
  annotate (project, d, "persuasion", (gint64[]) { s_damas, s_damas + 9 }, 1, NULL);
  cue = annotate (project, d, "attribution_cue", (gint64[]) { s_decl, s_decl + 9 }, 1, NULL);
  /* Discontinuous, across a CRLF: the quote to the end of the line, and the last line. */
  content_id = annotate (project, d, "attributed_content",
                         (gint64[]) { s_quote, s_arabic, s_fin, len }, 2, "CRLF\r\nnote");
  claim_id = annotate (project, d, "claim", (gint64[]) { s_deir, s_deir + 11 }, 1, NULL);
  annotate (project, d, "frame_cue", (gint64[]) { s_arabic, s_arabic + 5 }, 1, NULL);
  other_claim = annotate (project, d2, "claim", (gint64[]) { 0, 17 }, 1, NULL);
  hearsay_project_set_attribute (project, claim_id, "status", status, &error);
  g_assert_no_error (error);
  hearsay_project_set_attribute (project, claim_id, "topics", topics, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) list = hearsay_project_list_annotations (project, d, &error);

    for (guint i = 0; i < list->len; i++)
      if (g_strcmp0 (hearsay_annotation_get_label (g_ptr_array_index (list, i)), "persuasion") == 0)
        hearsay_project_set_attribute (project, hearsay_annotation_get_id (g_ptr_array_index (list, i)),
                                       "technique", technique, &error);
    g_assert_no_error (error);
  }
  hearsay_project_create_relation (project, "attributed_to", content_id, damas, &error);
  g_assert_no_error (error);
  hearsay_project_create_relation (project, "signalled_by", content_id, cue, &error);
  g_assert_no_error (error);
  hearsay_project_create_relation (project, "same_claim_as", claim_id, other_claim, &error);
  g_assert_no_error (error);
  hearsay_project_add_entity (project, sana, &error);
  g_assert_no_error (error);
  hearsay_project_link_entity (project, "refers_to", damas, hearsay_entity_get_id (sana), &error);
  g_assert_no_error (error);
  return project;
}

static HearsayProject *shared_project;

static HearsayProject *
project (void)
{
  if (shared_project == NULL)
    shared_project = rich_project ("rich-export.hearsay");
  return shared_project;
}

static char *
export_to (HearsayExportFormat         format,
           const HearsayExportOptions *options,
           const char                 *name)
{
  g_autofree char *path = core_test_path (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (hearsay_export_project_to_path (project (), format, options, path, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* text[start, end) with offsets in @unit. */
static char *
slice (const char *text,
       const char *unit,
       gint64      start,
       gint64      end)
{
  if (g_str_equal (unit, "byte"))
    return g_strndup (text + start, end - start);
  if (g_str_equal (unit, "utf16"))
    {
      g_autofree gunichar2 *u = g_utf8_to_utf16 (text, -1, NULL, NULL, NULL);

      return g_utf16_to_utf8 (u + start, end - start, NULL, NULL, NULL);
    }
  return hearsay_text_substring (text, start, end);
}

/* JSONL in each unit and newline mode: every fragment's numbers slice the
 * exported text to the fragment's quote. */
static void
check_jsonl (HearsayOffsetUnit unit,
             HearsayNewlines   newlines)
{
  HearsayExportOptions options = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  const char *unit_name = hearsay_offset_unit_to_string (unit);
  guint checked = 0;

  options.offset_unit = unit;
  options.newlines = newlines;
  path = export_to (HEARSAY_EXPORT_JSONL, &options, "units.jsonl");
  data = core_test_read (path, NULL);
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] && *lines[i]; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *root;
      JsonArray *annotations;
      const char *text;

      g_assert_true (json_parser_load_from_data (parser, lines[i], -1, NULL));
      root = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member (root, "offset_unit"), ==, unit_name);
      text = json_object_get_string_member (root, "text");
      if (newlines == HEARSAY_NEWLINES_LF)
        g_assert_null (strchr (text, '\r'));
      annotations = json_object_get_array_member (root, "annotations");
      for (guint j = 0; j < json_array_get_length (annotations); j++)
        {
          JsonArray *fragments = json_object_get_array_member (json_array_get_object_element (annotations, j),
                                                               "fragments");

          for (guint k = 0; k < json_array_get_length (fragments); k++)
            {
              JsonObject *f = json_array_get_object_element (fragments, k);
              g_autofree char *got = slice (text, unit_name, json_object_get_int_member (f, "start"),
                                            json_object_get_int_member (f, "end"));

              g_assert_cmpstr (got, ==, json_object_get_string_member (f, "exact"));
              checked++;
            }
        }
    }
  g_assert_cmpuint (checked, >=, 9);
}

static void
test_jsonl_units (void)
{
  check_jsonl (HEARSAY_OFFSET_CODEPOINT, HEARSAY_NEWLINES_KEEP);
  check_jsonl (HEARSAY_OFFSET_UTF16, HEARSAY_NEWLINES_KEEP);
  check_jsonl (HEARSAY_OFFSET_BYTE, HEARSAY_NEWLINES_KEEP);
  check_jsonl (HEARSAY_OFFSET_CODEPOINT, HEARSAY_NEWLINES_LF);
  check_jsonl (HEARSAY_OFFSET_UTF16, HEARSAY_NEWLINES_LF);
}

/* Known numbers on the fixture: "Damas 👍🏽" after the BOM. */
static void
test_units_numbers (void)
{
  g_autoptr(HearsayOffsetMap) cp = hearsay_offset_map_new (RICH_TEXT, HEARSAY_OFFSET_CODEPOINT, HEARSAY_NEWLINES_KEEP);
  g_autoptr(HearsayOffsetMap) u16 = hearsay_offset_map_new (RICH_TEXT, HEARSAY_OFFSET_UTF16, HEARSAY_NEWLINES_KEEP);
  g_autoptr(HearsayOffsetMap) byte = hearsay_offset_map_new (RICH_TEXT, HEARSAY_OFFSET_BYTE, HEARSAY_NEWLINES_KEEP);
  g_autoptr(HearsayOffsetMap) lf = hearsay_offset_map_new (RICH_TEXT, HEARSAY_OFFSET_CODEPOINT, HEARSAY_NEWLINES_LF);
  gint64 after_emoji = core_test_offset_of (RICH_TEXT, " a d");
  gint64 arabic = core_test_offset_of (RICH_TEXT, "\xD9\x85\xD8\xB1");
  gint64 fin = core_test_offset_of (RICH_TEXT, "Fin");

  g_assert_true (hearsay_offset_map_is_identity (cp));
  /* BOM(1) + "Damas "(6) + 👍(1) + 🏽(1) = 9 code points; 11 UTF-16 units; 3+6+4+4 = 17 bytes. */
  g_assert_cmpint (after_emoji, ==, 9);
  g_assert_cmpint (hearsay_offset_map_to_unit (u16, after_emoji), ==, 11);
  g_assert_cmpint (hearsay_offset_map_to_unit (byte, after_emoji), ==, 17);
  /* One CRLF before the Arabic line, two before "Fin". */
  g_assert_cmpint (hearsay_offset_map_to_unit (lf, arabic), ==, arabic - 1);
  g_assert_cmpint (hearsay_offset_map_to_unit (lf, fin), ==, fin - 2);
  /* An offset between CR and LF lands before the LF. */
  g_assert_cmpint (hearsay_offset_map_to_unit (lf, arabic - 1), ==, arabic - 2);
  g_assert_cmpint (hearsay_offset_map_get_length (lf), ==, hearsay_text_length (RICH_TEXT) - 2);
}

static void
test_csv_units (void)
{
  HearsayExportOptions options = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;

  options.offset_unit = HEARSAY_OFFSET_UTF16;
  path = export_to (HEARSAY_EXPORT_CSV, &options, "units.csv");
  data = core_test_read (path, NULL);
  g_assert_true (g_str_has_prefix (data, "document_id,annotation_id,title,outlet,label,start_utf16,end_utf16,"));
}

static void
test_w3c (void)
{
  g_autofree char *path = export_to (HEARSAY_EXPORT_W3C, NULL, "export.w3c.jsonld");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *page;
  JsonArray *items;
  guint positions = 0, links = 0;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "type"), ==, "AnnotationCollection");
  g_assert_cmpstr (json_object_get_string_member (root, "hearsay:offsetUnit"), ==, "codepoint");
  page = json_object_get_object_member (root, "first");
  items = json_object_get_array_member (page, "items");
  g_assert_cmpint (json_object_get_int_member (root, "total"), ==, json_array_get_length (items));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonNode *target = json_object_get_member (item, "target");
      g_autoptr(GList) targets = NULL;

      if (g_str_equal (json_object_get_string_member (item, "motivation"), "linking"))
        {
          links++;
          continue;
        }
      if (JSON_NODE_HOLDS_ARRAY (target))
        targets = json_array_get_elements (json_node_get_array (target));
      else
        targets = g_list_append (NULL, target);
      for (GList *l = targets; l; l = l->next)
        {
          JsonObject *t = json_node_get_object (l->data);
          JsonArray *selectors = json_object_get_array_member (t, "selector");
          JsonObject *pos = json_array_get_object_element (selectors, 0);
          JsonObject *quote = json_array_get_object_element (selectors, 1);
          g_autofree char *got = NULL;

          if (!g_str_equal (json_object_get_string_member (t, "source"), "https://francais.rt.com/x?a=1&b=2"))
            continue;
          got = hearsay_text_substring (RICH_TEXT, json_object_get_int_member (pos, "start"),
                                        json_object_get_int_member (pos, "end"));
          g_assert_cmpstr (got, ==, json_object_get_string_member (quote, "exact"));
          positions++;
        }
    }
  g_assert_cmpuint (positions, ==, 8);
  g_assert_cmpuint (links, ==, 4);
}

static void
check_brat (const char *dir,
            const char *unit)
{
  g_autofree char *conf_path = g_build_filename (dir, "annotation.conf", NULL);
  g_autofree char *conf = core_test_read (conf_path, NULL);
  g_autofree char *txt_path = g_build_filename (dir, "0001-guerre-en-syrie-damas-liberee.txt", NULL);
  g_autofree char *ann_path = g_build_filename (dir, "0001-guerre-en-syrie-damas-liberee.ann", NULL);
  g_autofree char *evil = g_build_filename (dir, "0002-etc-passwd-hidden.txt", NULL);
  g_autofree char *text = core_test_read (txt_path, NULL);
  g_autofree char *ann = core_test_read (ann_path, NULL);
  g_autofree char *statement = g_strdup_printf ("# offsets: %s, end exclusive", unit);
  g_auto(GStrv) lines = g_strsplit (ann, "\n", -1);
  guint spans = 0;

  g_assert_true (g_str_has_prefix (conf, statement));
  g_assert_nonnull (strstr (conf, "[attributes]\n"));
  g_assert_nonnull (strstr (conf, "topics\tArg:claim, Value:war|economy|health\n"));
  g_assert_true (g_file_test (evil, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (text, ==, RICH_TEXT);
  for (guint i = 0; lines[i] && *lines[i]; i++)
    {
      g_auto(GStrv) cols = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (cols), >=, 2);
      if (lines[i][0] == 'T')
        {
          g_auto(GStrv) frags = g_strsplit (strchr (cols[1], ' ') + 1, ";", -1);
          g_autoptr(GString) joined = g_string_new (NULL);

          for (guint j = 0; frags[j]; j++)
            {
              gint64 s, e;
              g_autofree char *piece = NULL;

              g_assert_cmpint (sscanf (frags[j], "%" G_GINT64_FORMAT " %" G_GINT64_FORMAT, &s, &e), ==, 2);
              piece = slice (text, unit, s, e);
              g_assert_null (strpbrk (piece, "\r\n"));
              g_string_append_printf (joined, "%s%s", j ? " " : "", piece);
            }
          g_assert_cmpstr (joined->str, ==, cols[2]);
          spans++;
        }
    }
  g_assert_cmpuint (spans, ==, 7);
  /* The discontinuous span across a CRLF became three fragments. */
  g_assert_nonnull (strstr (ann, ";"));
  g_assert_nonnull (strstr (ann, "AnnotatorNotes"));
  g_assert_nonnull (strstr (ann, "\tstatus T"));
  g_assert_nonnull (strstr (ann, "\ttopics T"));
  g_assert_nonnull (strstr (ann, "same_claim_as: document 2"));
  g_assert_nonnull (strstr (ann, "refers_to: entity"));
  g_assert_nonnull (strstr (ann, " Arg1:T"));
  g_assert_null (strstr (ann, "\nnewline"));
}

static void
test_brat (void)
{
  HearsayExportOptions options = { 0 };
  g_autofree char *dir = export_to (HEARSAY_EXPORT_BRAT, NULL, "brat");
  g_autofree char *dir16 = core_test_path ("brat16");
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  check_brat (dir, "codepoint");
  /* brat reads code points only: other units are refused, not written. */
  for (HearsayOffsetUnit unit = HEARSAY_OFFSET_UTF16; unit <= HEARSAY_OFFSET_BYTE; unit++)
    {
      g_clear_error (&error);
      options.offset_unit = unit;
      g_assert_false (hearsay_export_project_to_path (project (), HEARSAY_EXPORT_BRAT, &options, dir16, NULL, &error));
      g_assert_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_UNSUPPORTED);
      g_assert_nonnull (strstr (error->message, "brat counts offsets in code points"));
      g_assert_false (g_file_test (dir16, G_FILE_TEST_EXISTS));
    }
  /* Replacing an earlier export works and leaves nothing beside it. */
  g_assert_true (hearsay_export_project_to_path (project (), HEARSAY_EXPORT_BRAT, NULL, dir, NULL, NULL));
  check_brat (dir, "codepoint");
  listing = g_dir_open (parent, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".part") || g_str_has_suffix (name, ".old"));
}

static void
test_semeval (void)
{
  HearsayExportOptions options = { 0 };
  g_autofree char *dir = export_to (HEARSAY_EXPORT_SEMEVAL, NULL, "semeval");
  g_autofree char *spans_path = g_build_filename (dir, "labels-subtask-3-spans.txt", NULL);
  g_autofree char *article = g_build_filename (dir, "article1.txt", NULL);
  g_autofree char *spans = core_test_read (spans_path, NULL);
  g_autofree char *text = core_test_read (article, NULL);
  gint64 s_damas = core_test_offset_of (RICH_TEXT, "Damas");
  g_autofree char *expected = g_strdup_printf ("1\tDoubt\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\n",
                                               s_damas, s_damas + 9);
  g_autofree char *inclusive = NULL;
  g_autofree char *inclusive_end = NULL;

  g_assert_cmpstr (text, ==, RICH_TEXT);
  /* The scheme's SemEval name when it has one, else the value's id. */
  if (!g_str_equal (spans, expected))
    {
      g_autofree char *plain = g_strdup_printf ("1\tdoubt\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\n",
                                                s_damas, s_damas + 9);

      g_assert_cmpstr (spans, ==, plain);
    }
  options.end_inclusive = TRUE;
  g_assert_true (hearsay_export_project_to_path (project (), HEARSAY_EXPORT_SEMEVAL, &options, dir, NULL, NULL));
  inclusive = core_test_read (spans_path, NULL);
  inclusive_end = g_strdup_printf ("\t%" G_GINT64_FORMAT "\n", s_damas + 8);
  g_assert_nonnull (strstr (inclusive, inclusive_end));
}

static void
test_conll (void)
{
  HearsayExportOptions options = { 0 };
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gboolean reported = FALSE;

  options.warnings = warnings;
  path = export_to (HEARSAY_EXPORT_CONLL, &options, "export.conll");
  data = core_test_read (path, NULL);
  /* No comment line unless asked: NLTK's ConllCorpusReader refuses it. */
  g_assert_true (g_str_has_prefix (data, "-DOCSTART-\tO\n\n"));
  g_assert_nonnull (strstr (data, "Damas\tB-persuasion\n\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD\tI-persuasion\n"));
  g_assert_nonnull (strstr (data, "libe\xCC\x81r\xC3\xA9" "e\tI-"));
  g_assert_nonnull (strstr (data, "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7\tI-attributed_content\n"));
  for (guint i = 0; i < warnings->len; i++)
    reported = reported || strstr (g_ptr_array_index (warnings, i), "(source_mention) overlaps") != NULL;
  g_assert_true (reported);
  g_clear_pointer (&data, g_free);
  g_clear_pointer (&path, g_free);
  options.comments = TRUE;
  path = export_to (HEARSAY_EXPORT_CONLL, &options, "export-comment.conll");
  data = core_test_read (path, NULL);
  g_assert_true (g_str_has_prefix (data, "# hearsay conll: lossy (one label per token; overlaps reported)\n"
                                         "-DOCSTART-\tO\n\n"));
}

static void
check_xml (const char *path)
{
  xmlDocPtr doc = xmlReadFile (path, NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);
  xmlFreeDoc (doc);
}

static void
test_xml_formats (void)
{
  g_autofree char *tei = export_to (HEARSAY_EXPORT_TEI, NULL, "export.tei.xml");
  g_autofree char *qdc = export_to (HEARSAY_EXPORT_QDC, NULL, "export.qdc");
  g_autofree char *qdpx = export_to (HEARSAY_EXPORT_QDPX, NULL, "export.qdpx");
  g_autofree char *tei_text = core_test_read (tei, NULL);
  g_autofree char *zip = NULL;
  gsize zip_size;

  check_xml (tei);
  check_xml (qdc);
  g_assert_nonnull (strstr (tei_text, "offsets: codepoint, end exclusive"));
  /* CR survives XML parsing only as a character reference. */
  g_assert_nonnull (strstr (tei_text, "&#13;"));
  zip = core_test_read (qdpx, &zip_size);
  g_assert_cmpuint (zip_size, >, 4);
  g_assert_true (memcmp (zip, "PK\x03\x04", 4) == 0);
}

/* A cancelled export leaves the earlier file or folder as it was. */
static void
test_atomic (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *file = core_test_path ("atomic.jsonl");
  g_autofree char *dir = core_test_path ("atomic-brat");
  g_autofree char *marker = g_build_filename (dir, "annotation.conf", NULL);
  g_autofree char *other = core_test_path ("not-an-export");
  g_autofree char *precious = g_build_filename (other, "thesis.odt", NULL);
  g_autofree char *after_file = NULL;
  g_autofree char *after_marker = NULL;
  g_autofree char *parent = g_path_get_dirname (file);
  g_autoptr(GDir) listing = NULL;
  const char *name;

  core_test_write (file, "before", -1);
  g_mkdir (dir, 0755);
  core_test_write (marker, "old conf", -1);
  g_cancellable_cancel (cancellable);
  g_assert_false (hearsay_export_project_to_path (project (), HEARSAY_EXPORT_JSONL, NULL, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (hearsay_export_project_to_path (project (), HEARSAY_EXPORT_BRAT, NULL, dir, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (hearsay_export_project_to_path (project (), HEARSAY_EXPORT_QDPX, NULL, file, cancellable, &error));
  g_clear_error (&error);
  after_file = core_test_read (file, NULL);
  after_marker = core_test_read (marker, NULL);
  g_assert_cmpstr (after_file, ==, "before");
  g_assert_cmpstr (after_marker, ==, "old conf");

  /* A folder that is no export of the format is never replaced. */
  g_mkdir (other, 0755);
  core_test_write (precious, "work", -1);
  g_assert_false (hearsay_export_project_to_path (project (), HEARSAY_EXPORT_BRAT, NULL, other, NULL, &error));
  g_assert_error (error, HEARSAY_EXPORT_ERROR, HEARSAY_EXPORT_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (g_file_test (precious, G_FILE_TEST_IS_REGULAR));

  listing = g_dir_open (parent, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".part"));
}

int
main (int    argc,
      char **argv)
{
  int rc;

  core_test_init (&argc, &argv);
  if (argc == 3 && g_str_equal (argv[1], "--write-samples"))
    return core_test_write_export_samples (project (), argv[2]);
  g_test_add_func ("/export/units/numbers", test_units_numbers);
  g_test_add_func ("/export/jsonl/units", test_jsonl_units);
  g_test_add_func ("/export/csv/units", test_csv_units);
  g_test_add_func ("/export/w3c", test_w3c);
  g_test_add_func ("/export/brat", test_brat);
  g_test_add_func ("/export/semeval", test_semeval);
  g_test_add_func ("/export/conll", test_conll);
  g_test_add_func ("/export/xml-formats", test_xml_formats);
  g_test_add_func ("/export/atomic", test_atomic);
  rc = g_test_run ();
  g_clear_object (&shared_project);
  return rc;
}
