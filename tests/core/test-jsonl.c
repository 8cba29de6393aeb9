/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-jsonl.c: the native format — lossless round trip and refusals that
 * leave the project exactly as it was. */
#include <string.h>
#include <glib/gstdio.h>

#include "hearsay-error.h"
#include "hearsay-export.h"
#include "hearsay-import.h"
#include "hearsay-project-bulk.h"
#include "core-test-util.h"

#define BOM "\xEF\xBB\xBF"
/* "﻿Damas 👍🏽 a déclaré : « Deir ez-Zor est libérée ».\r\nمرحبا بالعالم\r\nFin 👨‍👩‍👧." */
#define RICH_TEXT BOM "Damas \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD a d\xC3\xA9" "clar\xC3\xA9 : \xC2\xAB Deir ez-Zor est libe\xCC\x81r\xC3\xA9" "e \xC2\xBB.\r\n" \
  "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85\r\n" \
  "Fin \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7."

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

/* A project holding everything the format must carry; annotations are
 * created in (start, end) order so that a fresh import gives the same ids. */
static HearsayProject *
rich_project (const char *name)
{
  HearsayProject *project = core_test_new_project (name);
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  HearsayDocument *doc = hearsay_document_new (RICH_TEXT);
  HearsayDocument *doc2 = hearsay_document_new ("Second article.\n");
  const char *frames[] = { "economic", "morality", NULL };
  const char *genre[] = { "reporting", NULL };
  const char *event[] = { "Deir ez-Zor, 3 Nov 2017", NULL };
  const char *status[] = { "disputed", NULL };
  gint64 id, damas, cue, content, claim, d;
  gint64 s_damas = core_test_offset_of (RICH_TEXT, "Damas");
  gint64 s_decl = core_test_offset_of (RICH_TEXT, "a d\xC3\xA9" "clar");
  gint64 s_quote = core_test_offset_of (RICH_TEXT, "\xC2\xAB Deir");
  gint64 s_deir = core_test_offset_of (RICH_TEXT, "Deir");
  gint64 s_arabic = core_test_offset_of (RICH_TEXT, "\xD9\x85\xD8\xB1");
  gint64 s_fin = core_test_offset_of (RICH_TEXT, "Fin");
  gint64 len = hearsay_text_length (RICH_TEXT);
  g_autoptr(HearsayEntity) sana = hearsay_entity_new ("Sana", "state_news_agency");

  hearsay_document_set_title (doc, "Damas « libérée »");
  hearsay_document_set_outlet (doc, "RT en français");
  hearsay_document_set_url (doc, "https://francais.rt.com/x?a=1&b=\"2\"");
  hearsay_document_set_published_at (doc, "2017-11-03");
  hearsay_document_set_language (doc, "fr");
  hearsay_document_set_source_name (doc, "rt.txt");
  hearsay_document_set_field (doc, "frames", frames);
  hearsay_document_set_field (doc, "genre", genre);
  hearsay_document_set_field (doc, "event", event);
  hearsay_document_set_title (doc2, "Second");
  g_ptr_array_add (docs, doc);
  g_ptr_array_add (docs, doc2);
  hearsay_project_add_documents (project, docs, &error);
  g_assert_no_error (error);
  d = hearsay_document_get_id (doc);

  /* Sorted creation order: BOM span, Damas (+emoji), overlapping ones, … */
  id = annotate (project, d, "boilerplate", (gint64[]) { 0, 1 }, 1, NULL);
  damas = annotate (project, d, "source_mention", (gint64[]) { s_damas, s_damas + 5 }, 1,
                    "quote \" backslash \\ newline \n tab \t control \x01\x1f end");
  (void) id;
  annotate (project, d, "persuasion", (gint64[]) { s_damas, s_damas + 8 }, 1, NULL);
  cue = annotate (project, d, "attribution_cue", (gint64[]) { s_decl, s_decl + 9 }, 1, NULL);
  /* Discontinuous: the quote and the closing line. */
  content = annotate (project, d, "attributed_content",
                      (gint64[]) { s_quote, s_arabic - 4, s_fin, len }, 2, "CRLF\r\nnote");
  claim = annotate (project, d, "claim", (gint64[]) { s_deir, s_deir + 11 }, 1, NULL);
  annotate (project, d, "frame_cue", (gint64[]) { s_arabic, s_arabic + 5 }, 1, NULL);
  hearsay_project_set_attribute (project, claim, "status", status, &error);
  g_assert_no_error (error);

  hearsay_project_create_relation (project, "attributed_to", content, damas, &error);
  g_assert_no_error (error);
  hearsay_project_create_relation (project, "signalled_by", content, cue, &error);
  g_assert_no_error (error);
  hearsay_project_add_entity (project, sana, &error);
  g_assert_no_error (error);
  hearsay_project_link_entity (project, "refers_to", damas, hearsay_entity_get_id (sana), &error);
  g_assert_no_error (error);
  /* And one through the store API, as importers do. */
  {
    HearsayRelation r = { 0, (char *) "attributed_to", claim, damas, 0, (char *) "Other Coder",
                          (char *) "2020-01-01T00:00:00.000000Z" };

    g_assert_cmpint (hearsay_project_bulk_add_relation (project, &r, &error), >, 0);
    g_assert_no_error (error);
  }
  return project;
}

static char *
write_export (HearsayProject *project)
{
  g_autofree char *path = core_test_path ("export.jsonl");
  g_autoptr(GError) error = NULL;

  g_assert_true (hearsay_export_project_to_path (project, HEARSAY_EXPORT_JSONL, NULL, path, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_round_trip (void)
{
  g_autoptr(HearsayProject) project = rich_project ("rich.hearsay");
  g_autoptr(HearsayProject) fresh = core_test_new_project ("fresh.hearsay");
  g_autofree char *first = core_test_export (project, HEARSAY_EXPORT_JSONL, FALSE);
  g_autofree char *path = write_export (project);
  g_autofree char *file_bytes = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  HearsayImportReport report;
  g_auto(GStrv) lines = NULL;

  file_bytes = core_test_read (path, NULL);
  g_assert_cmpstr (file_bytes, ==, first);
  /* HEARSAY_WRITE_FIXTURE=tests/fixtures/core/rich.jsonl regenerates the fixture. */
  if (g_getenv ("HEARSAY_WRITE_FIXTURE") != NULL)
    core_test_write (g_getenv ("HEARSAY_WRITE_FIXTURE"), first, -1);
  lines = g_strsplit (first, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");
  g_assert_true (g_str_has_prefix (lines[0], "{\"offset_unit\":\"codepoint\""));
  g_assert_nonnull (strstr (lines[0], "\\u0001\\u001f"));
  g_assert_nonnull (strstr (lines[0], "\\r\\n"));
  g_assert_nonnull (strstr (lines[0], "[\"economic\",\"morality\"]"));
  g_assert_nonnull (strstr (lines[0], "\"Sana\""));

  hearsay_import_report_init (&report);
  g_assert_true (core_test_import_jsonl (fresh, path, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.documents->len, ==, 2);
  g_assert_cmpuint (report.n_annotations, ==, 7);
  g_assert_cmpuint (report.n_relations, ==, 4);
  g_assert_cmpuint (report.quote_mismatches->len, ==, 0);
  hearsay_import_report_clear (&report);

  second = core_test_export (fresh, HEARSAY_EXPORT_JSONL, FALSE);
  if (g_strcmp0 (first, second) != 0)
    g_test_message ("first:\n%s\nsecond:\n%s", first, second);
  g_assert_cmpstr (first, ==, second);

  /* The stored text is byte-identical, BOM and CRLF included. */
  {
    g_autoptr(HearsayDocument) doc = hearsay_project_load_document (fresh, 1, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (hearsay_document_get_text (doc), ==, RICH_TEXT);
    g_assert_cmpstr (hearsay_document_get_field (doc, "frames")[1], ==, "morality");
  }
}

/* Annotations created out of order, ids with gaps: into a new project the
 * file keeps its ids, so the first round trip is already byte-identical. */
static void
test_round_trip_unsorted (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("unsorted.hearsay");
  g_autoptr(HearsayProject) a = core_test_new_project ("unsorted-a.hearsay");
  g_autoptr(HearsayProject) b = core_test_new_project ("unsorted-b.hearsay");
  gint64 doc = core_test_add_document (project, "alpha beta gamma", "t");
  g_autofree char *path = NULL;
  g_autofree char *second = NULL;
  g_autofree char *path2 = NULL;
  g_autofree char *third = NULL;
  g_autoptr(GError) error = NULL;
  gint64 late, early;

  late = annotate (project, doc, "claim", (gint64[]) { 11, 16 }, 1, NULL);
  early = annotate (project, doc, "claim", (gint64[]) { 0, 5 }, 1, NULL);
  hearsay_project_create_relation (project, "same_claim_as", late, early, &error);
  g_assert_no_error (error);
  hearsay_project_delete_annotation (project, annotate (project, doc, "claim", (gint64[]) { 6, 10 }, 1, NULL), NULL);

  path = write_export (project);
  g_assert_true (core_test_import_jsonl (a, path, NULL, &error));
  g_assert_no_error (error);
  path2 = write_export (a);
  second = core_test_read (path2, NULL);
  {
    g_autofree char *first = core_test_read (path, NULL);

    g_assert_cmpstr (first, ==, second);
  }
  g_assert_true (core_test_import_jsonl (b, path2, NULL, &error));
  g_assert_no_error (error);
  third = core_test_export (b, HEARSAY_EXPORT_JSONL, FALSE);
  g_assert_cmpstr (second, ==, third);
  {
    g_autoptr(GPtrArray) list = hearsay_project_list_annotations (a, 1, NULL);
    g_autoptr(GPtrArray) rel = hearsay_project_list_relations (a, 1, NULL);

    g_assert_cmpuint (list->len, ==, 2);
    g_assert_cmpstr (hearsay_annotation_get_fragment (g_ptr_array_index (list, 0), 0)->exact, ==, "alpha");
    g_assert_cmpuint (rel->len, ==, 1);
  }
}

/* --document: a relation to a document left out of the export goes too,
 * said once; the file then imports on its own. */
static void
test_subset_relations (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("subset.hearsay");
  g_autoptr(HearsayProject) fresh = core_test_new_project ("subset-fresh.hearsay");
  gint64 d1 = core_test_add_document (project, "La même affirmation ici.", "Un");
  gint64 d2 = core_test_add_document (project, "La même affirmation là.", "Deux");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autofree char *path = core_test_path ("subset.jsonl");
  g_autoptr(GError) error = NULL;
  HearsayExportOptions options = { 0 };
  gint64 c1, c2;

  c1 = annotate (project, d1, "claim", (gint64[]) { 0, 19 }, 1, NULL);
  c2 = annotate (project, d2, "claim", (gint64[]) { 0, 19 }, 1, NULL);
  g_assert_cmpint (hearsay_project_create_relation (project, "same_claim_as", c1, c2, &error), >, 0);
  options.document_ids = &d1;
  options.n_document_ids = 1;
  options.warnings = warnings;
  g_assert_true (hearsay_export_project (project, HEARSAY_EXPORT_JSONL, &options, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "1 relation to a document outside the export"));
  g_output_stream_close (out, NULL, NULL);
  core_test_write (path, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                   g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
  g_assert_null (strstr (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)), "same_claim_as"));
  g_assert_true (core_test_import_jsonl (fresh, path, NULL, &error));
  g_assert_no_error (error);
}

/* A fixture file written by hand-checked export: import then export gives
 * back the same bytes. */
static void
test_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "core", "rich.jsonl", NULL);
  g_autoptr(HearsayProject) fresh = core_test_new_project ("fixture.hearsay");
  g_autofree char *expected = core_test_read (path, NULL);
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (core_test_import_jsonl (fresh, path, NULL, &error));
  g_assert_no_error (error);
  out = core_test_export (fresh, HEARSAY_EXPORT_JSONL, FALSE);
  g_assert_cmpstr (out, ==, expected);
}

static const char *
doc_line (void)
{
  return "{\"offset_unit\":\"codepoint\",\"title\":\"ok\",\"text\":\"Hello world\",\"annotations\":["
         "{\"id\":1,\"label\":\"claim\",\"fragments\":[{\"start\":0,\"end\":5,\"exact\":\"Hello\"}]}]}";
}

static void
check_import_fails (const char *name,
                    const char *contents,
                    int         domain_code,
                    const char *in_message)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("target.hearsay");
  g_autofree char *project_path = g_strdup (hearsay_project_get_path (project));
  g_autofree char *path = core_test_path (name);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  HearsayImportReport report;

  core_test_add_document (project, "Existing document", "existing");
  /* Close and reopen so the file on disk is complete before we hash it. */
  hearsay_project_close (project);
  g_clear_object (&project);
  before = core_test_file_sha256 (project_path);
  project = hearsay_project_open (project_path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  if (contents != NULL)
    core_test_write (path, contents, -1);
  hearsay_import_report_init (&report);
  g_assert_false (core_test_import_jsonl (project, path, &report, &error));
  g_assert_nonnull (error);
  g_test_message ("%s: %s", name, error->message);
  if (domain_code >= 0)
    g_assert_cmpint (error->code, ==, domain_code);
  if (in_message != NULL)
    {
      g_autofree char *expected = g_strdup_printf (in_message, path);

      g_assert_nonnull (strstr (error->message, expected));
    }
  g_assert_cmpuint (report.documents->len, ==, 0);
  hearsay_import_report_clear (&report);

  docs = hearsay_project_list_documents (project, NULL);
  g_assert_cmpuint (docs->len, ==, 1);
  hearsay_project_close (project);
  after = core_test_file_sha256 (project_path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_errors (void)
{
  g_autofree char *two_lines = NULL;
  g_autofree char *bad_json = g_strdup_printf ("%s\n{\"text\": oops}\n", doc_line ());
  g_autofree char *not_object = g_strdup_printf ("%s\n[1, 2, 3]\n", doc_line ());
  g_autofree char *out_of_range = g_strdup_printf ("%s\n\n%s\n", doc_line (),
    "{\"offset_unit\":\"codepoint\",\"text\":\"short\",\"annotations\":[{\"id\":2,\"label\":\"claim\","
    "\"fragments\":[{\"start\":2,\"end\":40}]}]}");
  g_autofree char *missing_rel = g_strdup_printf ("%s\n%s\n", doc_line (),
    "{\"offset_unit\":\"codepoint\",\"text\":\"other text\",\"annotations\":[{\"id\":5,\"label\":\"claim\","
    "\"fragments\":[{\"start\":0,\"end\":5}]}],\"relations\":[{\"id\":1,\"type\":\"same_claim_as\",\"from\":5,\"to\":77}]}");

  check_import_fails ("bad.jsonl", bad_json, HEARSAY_IMPORT_ERROR_INVALID, "%s:2:");
  check_import_fails ("notobj.jsonl", not_object, HEARSAY_IMPORT_ERROR_INVALID, "%s:2:");
  check_import_fails ("notext.jsonl", "{\"offset_unit\":\"codepoint\",\"title\":\"no text\"}\n",
                      HEARSAY_IMPORT_ERROR_INVALID, "%s:1:");
  check_import_fails ("textnum.jsonl", "{\"text\":42}\n", HEARSAY_IMPORT_ERROR_INVALID, "%s:1:");
  check_import_fails ("range.jsonl", out_of_range, -1, "%s:3:");
  check_import_fails ("rel.jsonl", missing_rel, HEARSAY_IMPORT_ERROR_INVALID, "%s:2:");
  check_import_fails ("unit.jsonl",
                      "{\"offset_unit\":\"words\",\"text\":\"abc\"}\n", HEARSAY_IMPORT_ERROR_INVALID, "%s:1:");
  check_import_fails ("empty.jsonl", "", HEARSAY_IMPORT_ERROR_EMPTY, NULL);
  check_import_fails ("blank.jsonl", "\n  \n", HEARSAY_IMPORT_ERROR_EMPTY, NULL);
  check_import_fails ("missing.jsonl", NULL, HEARSAY_IMPORT_ERROR_NOT_FOUND, NULL);
  check_import_fails ("badutf8.jsonl", "{\"text\":\"\xff\"}\n", HEARSAY_IMPORT_ERROR_INVALID, "%s:1:");
  check_import_fails ("annnotobj.jsonl", "{\"text\":\"abc\",\"annotations\":[1]}\n",
                      HEARSAY_IMPORT_ERROR_INVALID, "%s:1:");
  check_import_fails ("split.jsonl",
                      "{\"text\":\"e\xcc\x81\",\"annotations\":[{\"id\":1,\"label\":\"claim\",\"fragments\":[{\"start\":0,\"end\":1}]}]}\n",
                      -1, "%s:1:");
  check_import_fails ("dupid.jsonl",
                      "{\"text\":\"abc\",\"annotations\":[{\"id\":1,\"label\":\"claim\",\"fragments\":[{\"start\":0,\"end\":1}]},"
                      "{\"id\":1,\"label\":\"claim\",\"fragments\":[{\"start\":1,\"end\":2}]}]}\n",
                      HEARSAY_IMPORT_ERROR_INVALID, "%s:1:");
  check_import_fails ("fieldnum.jsonl", "{\"text\":\"abc\",\"fields\":{\"genre\":42}}\n",
                      HEARSAY_IMPORT_ERROR_INVALID, "%s:1:");
  check_import_fails ("annsnotlist.jsonl", "{\"text\":\"abc\",\"annotations\":{}}\n",
                      HEARSAY_IMPORT_ERROR_INVALID, "%s:1:");
  (void) two_lines;

  /* A folder is read for its .jsonl files; one without any holds nothing. */
  {
    g_autoptr(HearsayProject) project = core_test_new_project ("dir-target.hearsay");
    g_autoptr(GError) error = NULL;
    g_autofree char *empty = core_test_path ("no-jsonl-here");

    g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
    g_assert_false (core_test_import_jsonl (project, empty, NULL, &error));
    g_assert_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_EMPTY);
  }
}

static void
test_quote_mismatch (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("mismatch.hearsay");
  g_autofree char *path = core_test_path ("mismatch.jsonl");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) anns = NULL;
  g_autoptr(GPtrArray) rels = NULL;
  HearsayImportReport report;

  core_test_write (path,
                   BOM "{\"offset_unit\":\"codepoint\",\"text\":\"Hello brave world\",\"annotations\":["
                   "{\"id\":1,\"label\":\"claim\",\"fragments\":[{\"start\":0,\"end\":5,\"exact\":\"Hello\"}]},"
                   "{\"id\":2,\"label\":\"claim\",\"fragments\":[{\"start\":6,\"end\":11,\"exact\":\"BRAVE\"}]},"
                   "{\"id\":3,\"label\":\"claim\",\"fragments\":[{\"start\":12,\"end\":17}]}],"
                   "\"relations\":[{\"id\":1,\"type\":\"same_claim_as\",\"from\":1,\"to\":2},"
                   "{\"id\":2,\"type\":\"same_claim_as\",\"from\":1,\"to\":3}]}\r\n", -1);
  hearsay_import_report_init (&report);
  core_test_import_jsonl (project, path, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report.quote_mismatches->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (report.quote_mismatches, 0), "BRAVE"));
  g_assert_nonnull (strstr (g_ptr_array_index (report.quote_mismatches, 0), path));
  g_assert_cmpuint (report.n_annotations, ==, 2);
  g_assert_cmpuint (report.n_relations, ==, 1);
  hearsay_import_report_clear (&report);

  docs = hearsay_project_list_documents (project, NULL);
  g_assert_cmpuint (docs->len, ==, 1);
  anns = hearsay_project_list_annotations (project, hearsay_document_get_id (g_ptr_array_index (docs, 0)), NULL);
  g_assert_cmpuint (anns->len, ==, 2);
  /* The quote of an annotation without "exact" is filled from the text. */
  g_assert_cmpstr (hearsay_annotation_get_fragment (g_ptr_array_index (anns, 1), 0)->exact, ==, "world");
  rels = hearsay_project_list_relations (project, hearsay_document_get_id (g_ptr_array_index (docs, 0)), NULL);
  g_assert_cmpuint (rels->len, ==, 1);
}

static void
test_exclude_boilerplate (void)
{
  g_autoptr(HearsayProject) project = rich_project ("rich-nb.hearsay");
  g_autofree char *out = core_test_export (project, HEARSAY_EXPORT_JSONL, TRUE);
  g_autofree char *all = core_test_export (project, HEARSAY_EXPORT_JSONL, FALSE);

  g_assert_nonnull (strstr (all, "\"label\":\"boilerplate\""));
  g_assert_null (strstr (out, "\"label\":\"boilerplate\""));
  g_assert_nonnull (strstr (out, "\"label\":\"claim\""));
  /* The text itself is kept whole. */
  g_assert_nonnull (strstr (out, "\"text\":\"\xEF\xBB\xBF" "Damas"));
}

static void
test_import_read_only (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("ro-import.hearsay");
  g_autofree char *project_path = g_strdup (hearsay_project_get_path (project));
  g_autofree char *path = core_test_path ("ok.jsonl");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  core_test_add_document (project, "Existing", "e");
  hearsay_project_close (project);
  g_clear_object (&project);
  before = core_test_file_sha256 (project_path);
  project = hearsay_project_open (project_path, HEARSAY_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  core_test_write (path, doc_line (), -1);
  g_assert_false (core_test_import_jsonl (project, path, NULL, &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_READ_ONLY);
  hearsay_project_close (project);
  after = core_test_file_sha256 (project_path);
  g_assert_cmpstr (before, ==, after);
}

/* Entities of a failed import are rolled back with everything else, and an
 * entity of the same name and kind is reused. */
static void
test_entities (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("entities.hearsay");
  g_autofree char *good = core_test_path ("ent.jsonl");
  g_autofree char *bad = core_test_path ("ent-bad.jsonl");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entities = NULL;
  const char *line =
    "{\"offset_unit\":\"codepoint\",\"text\":\"Sana said so\",\"annotations\":[{\"id\":7,\"label\":\"source_mention\","
    "\"fragments\":[{\"start\":0,\"end\":4}]}],\"relations\":[{\"id\":1,\"type\":\"refers_to\",\"from\":7,\"to_entity\":3}],"
    "\"entities\":[{\"id\":3,\"name\":\"Sana\",\"kind\":\"state_news_agency\",\"aliases\":[\"SANA\"]}]}\n";
  g_autofree char *bad_contents = g_strconcat (line, "{\"text\": nope}\n", NULL);

  core_test_write (bad, bad_contents, -1);
  g_assert_false (core_test_import_jsonl (project, bad, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  entities = hearsay_project_list_entities (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entities->len, ==, 0);
  g_clear_pointer (&entities, g_ptr_array_unref);

  core_test_write (good, line, -1);
  g_assert_true (core_test_import_jsonl (project, good, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (core_test_import_jsonl (project, good, NULL, &error));
  g_assert_no_error (error);
  entities = hearsay_project_list_entities (project, &error);
  g_assert_cmpuint (entities->len, ==, 1);
  g_assert_cmpstr (hearsay_entity_get_aliases (g_ptr_array_index (entities, 0))[0], ==, "SANA");
  {
    g_autoptr(GPtrArray) docs = hearsay_project_list_documents (project, NULL);
    g_autoptr(GPtrArray) rels = hearsay_project_list_relations (project,
                                                                hearsay_document_get_id (g_ptr_array_index (docs, 1)), NULL);

    g_assert_cmpuint (docs->len, ==, 2);
    g_assert_cmpuint (rels->len, ==, 1);
    g_assert_cmpint (((HearsayRelation *) g_ptr_array_index (rels, 0))->to_entity_id, ==,
                     hearsay_entity_get_id (g_ptr_array_index (entities, 0)));
  }
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/jsonl/round-trip", test_round_trip);
  g_test_add_func ("/jsonl/round-trip-unsorted", test_round_trip_unsorted);
  g_test_add_func ("/jsonl/fixture", test_fixture);
  g_test_add_func ("/jsonl/subset-relations", test_subset_relations);
  g_test_add_func ("/jsonl/import-errors", test_import_errors);
  g_test_add_func ("/jsonl/quote-mismatch", test_quote_mismatch);
  g_test_add_func ("/jsonl/exclude-boilerplate", test_exclude_boilerplate);
  g_test_add_func ("/jsonl/import-read-only", test_import_read_only);
  g_test_add_func ("/jsonl/entities", test_entities);
  return g_test_run ();
}
