/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv.c: RFC 4180 export — one row per fragment, quoting, CRLF. */
#include <string.h>

#include "hearsay-error.h"
#include "hearsay-export.h"
#include "core-test-util.h"

#define HEADER "document_id,annotation_id,title,outlet,label,start,end,text,attributes,annotator,note\r\n"

static gint64
annotate (HearsayProject *project,
          gint64          doc,
          const char     *label,
          gint64          start,
          gint64          end,
          const char     *note)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (doc, label);
  g_autoptr(GError) error = NULL;

  hearsay_annotation_add_fragment (ann, start, end);
  hearsay_annotation_set_note (ann, note);
  hearsay_project_create_annotation (project, ann, &error);
  g_assert_no_error (error);
  return hearsay_annotation_get_id (ann);
}

static void
test_header_only (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("csv-empty.hearsay");
  g_autofree char *out = core_test_export (project, HEARSAY_EXPORT_CSV, FALSE);

  g_assert_cmpstr (out, ==, HEADER);
}

static void
test_rows_and_quoting (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("csv.hearsay");
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  /* "a, b" 0–4, "\"q\"" 5–8, "x\r\ny" 9–13, "plain" 14–19, "👍" 20, "é" 22–24 */
  HearsayDocument *doc = hearsay_document_new ("a, b \"q\" x\r\ny plain \xF0\x9F\x91\x8D e\xCC\x81 end");
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  gint64 d, a1, a2, a3, a4, a5;
  const char *multi_status[] = { "supported", NULL };

  hearsay_document_set_title (doc, "Title, with \"quotes\"");
  hearsay_document_set_outlet (doc, "RT");
  g_ptr_array_add (docs, doc);
  hearsay_project_add_documents (project, docs, &error);
  g_assert_no_error (error);
  d = hearsay_document_get_id (doc);

  a1 = annotate (project, d, "claim", 0, 4, NULL);
  a2 = annotate (project, d, "source_mention", 5, 8, "said \"x\", then\nleft");
  a3 = annotate (project, d, "frame_cue", 9, 13, NULL);
  a4 = annotate (project, d, "boilerplate", 14, 19, "menu");
  a5 = annotate (project, d, "entity_mention", 20, 24, NULL);
  hearsay_project_set_attribute (project, a1, "status", multi_status, &error);
  g_assert_no_error (error);
  hearsay_project_set_attribute (project, a1, "checkworthiness", (const char *[]) { "check_worthy", NULL }, &error);
  g_assert_no_error (error);
  /* a2 becomes discontinuous: one row per fragment. */
  hearsay_project_add_fragment (project, a2, 25, 28, &error);
  g_assert_no_error (error);

  out = core_test_export (project, HEARSAY_EXPORT_CSV, FALSE);
  expected = g_strdup_printf (
    HEADER
    "%1$" G_GINT64_FORMAT ",%2$" G_GINT64_FORMAT ",\"Title, with \"\"quotes\"\"\",RT,claim,0,4,\"a, b\",checkworthiness=check_worthy;status=supported,Test Coder,\r\n"
    "%1$" G_GINT64_FORMAT ",%3$" G_GINT64_FORMAT ",\"Title, with \"\"quotes\"\"\",RT,source_mention,5,8,\"\"\"q\"\"\",,Test Coder,\"said \"\"x\"\", then\nleft\"\r\n"
    "%1$" G_GINT64_FORMAT ",%3$" G_GINT64_FORMAT ",\"Title, with \"\"quotes\"\"\",RT,source_mention,25,28,end,,Test Coder,\"said \"\"x\"\", then\nleft\"\r\n"
    "%1$" G_GINT64_FORMAT ",%4$" G_GINT64_FORMAT ",\"Title, with \"\"quotes\"\"\",RT,frame_cue,9,13,\"x\r\ny\",,Test Coder,\r\n"
    "%1$" G_GINT64_FORMAT ",%5$" G_GINT64_FORMAT ",\"Title, with \"\"quotes\"\"\",RT,boilerplate,14,19,plain,,Test Coder,menu\r\n"
    "%1$" G_GINT64_FORMAT ",%6$" G_GINT64_FORMAT ",\"Title, with \"\"quotes\"\"\",RT,entity_mention,20,24,\xF0\x9F\x91\x8D e\xCC\x81,,Test Coder,\r\n",
    d, a1, a2, a3, a4, a5);
  (void) expected;
  g_test_message ("%s", out);
  g_assert_true (g_str_has_prefix (out, HEADER));

  /* Check row by row: order follows annotations, fragment by fragment. */
  {
    g_autofree char *r1 = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",\"Title, with \"\"quotes\"\"\",RT,claim,0,4,\"a, b\","
                                           "checkworthiness=check_worthy;status=supported,Test Coder,\r\n", d, a1);
    g_autofree char *r2 = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",\"Title, with \"\"quotes\"\"\",RT,source_mention,5,8,"
                                           "\"\"\"q\"\"\",,Test Coder,\"said \"\"x\"\", then\nleft\"\r\n", d, a2);
    g_autofree char *r2b = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",\"Title, with \"\"quotes\"\"\",RT,source_mention,25,28,"
                                            "end,,Test Coder,\"said \"\"x\"\", then\nleft\"\r\n", d, a2);
    g_autofree char *r3 = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",\"Title, with \"\"quotes\"\"\",RT,frame_cue,9,13,"
                                           "\"x\r\ny\",,Test Coder,\r\n", d, a3);
    g_autofree char *r4 = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",\"Title, with \"\"quotes\"\"\",RT,boilerplate,14,19,"
                                           "plain,,Test Coder,menu\r\n", d, a4);
    g_autofree char *r5 = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",\"Title, with \"\"quotes\"\"\",RT,entity_mention,20,24,"
                                           "\xF0\x9F\x91\x8D e\xCC\x81,,Test Coder,\r\n", d, a5);
    g_autofree char *all = g_strconcat (HEADER, r1, r2, r2b, r3, r4, r5, NULL);
    g_autofree char *no_boiler = g_strconcat (HEADER, r1, r2, r2b, r3, r5, NULL);
    g_autofree char *out2 = core_test_export (project, HEARSAY_EXPORT_CSV, TRUE);

    /* Rows come per annotation in (start, end, id) order. */
    g_assert_nonnull (strstr (out, r1));
    g_assert_nonnull (strstr (out, r2));
    g_assert_nonnull (strstr (out, r2b));
    g_assert_nonnull (strstr (out, r3));
    g_assert_nonnull (strstr (out, r4));
    g_assert_nonnull (strstr (out, r5));
    g_assert_cmpstr (out, ==, all);
    g_assert_cmpstr (out2, ==, no_boiler);
  }

  /* Every line ends in CRLF outside quoted fields: count records by parsing. */
  {
    guint records = 0;
    gboolean quoted = FALSE;

    for (const char *p = out; *p; p++)
      {
        if (*p == '"')
          quoted = !quoted;
        else if (!quoted && *p == '\n')
          {
            g_assert_true (p > out && p[-1] == '\r');
            records++;
          }
      }
    g_assert_false (quoted);
    g_assert_cmpuint (records, ==, 7);
  }
}

static void
test_format_names (void)
{
  HearsayExportFormat format;

  g_assert_true (hearsay_export_format_from_string ("csv", &format));
  g_assert_cmpint (format, ==, HEARSAY_EXPORT_CSV);
  g_assert_true (hearsay_export_format_from_string ("jsonl", &format));
  g_assert_cmpint (format, ==, HEARSAY_EXPORT_JSONL);
  g_assert_false (hearsay_export_format_from_string ("xml", &format));
  g_assert_false (hearsay_export_format_from_string (NULL, &format));
}

static void
test_document_subset (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("subset.hearsay");
  gint64 d1 = core_test_add_document (project, "one two", "one");
  gint64 d2 = core_test_add_document (project, "three four", "two");
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  HearsayExportOptions options = { &d2, 1, FALSE };
  g_autofree char *data = NULL;

  annotate (project, d1, "claim", 0, 3, NULL);
  annotate (project, d2, "claim", 0, 5, NULL);
  g_assert_true (hearsay_export_project (project, HEARSAY_EXPORT_CSV, &options, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  data = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_nonnull (strstr (data, ",three,"));
  g_assert_null (strstr (data, ",one,"));
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/csv/header-only", test_header_only);
  g_test_add_func ("/csv/rows-and-quoting", test_rows_and_quoting);
  g_test_add_func ("/csv/format-names", test_format_names);
  g_test_add_func ("/csv/document-subset", test_document_subset);
  return g_test_run ();
}
