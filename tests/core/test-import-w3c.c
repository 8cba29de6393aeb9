/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-w3c.c: W3C Web Annotation collections — position and quote
 * selectors, quote-only anchoring, discontinuous targets, bodies, linking
 * annotations, source matching, and refusals. */
#include "core-test-import.h"

static char *
w3c_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", "w3c", name, NULL);
}

static HearsayAnnotation *
with_label (GPtrArray  *anns,
            const char *label)
{
  for (guint i = 0; i < anns->len; i++)
    if (g_strcmp0 (hearsay_annotation_get_label (g_ptr_array_index (anns, i)), label) == 0)
      return g_ptr_array_index (anns, i);
  g_error ("no %s annotation", label);
  return NULL;
}

static void
test_collection (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("w3c.hearsay");
  g_autofree char *json = w3c_fixture ("collection.jsonld");
  g_autofree char *txt = w3c_fixture ("doc.txt");
  const char *paths[] = { json, txt, NULL };
  HearsayImportReport report;
  g_autoptr(GPtrArray) anns = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GError) error = NULL;
  HearsayAnnotation *source, *content, *claim;
  HearsayRelation *r;
  const char *mismatch;

  core_test_import_ok (project, "w3c", paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 1);
  g_assert_cmpuint (report.n_annotations, ==, 3);
  g_assert_cmpuint (report.n_relations, ==, 1);
  g_assert_cmpuint (report.quote_mismatches->len, ==, 1);
  mismatch = g_ptr_array_index (report.quote_mismatches, 0);
  g_assert_nonnull (strstr (mismatch, "collection.jsonld"));
  g_assert_nonnull (strstr (mismatch, "urn:uuid:a4"));
  g_assert_nonnull (strstr (mismatch, "Alep"));

  anns = core_test_annotations (project, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)));
  source = with_label (anns, "source_mention");
  g_assert_cmpint (hearsay_annotation_get_start (source), ==, 0);
  g_assert_cmpint (hearsay_annotation_get_end (source), ==, 5);
  g_assert_cmpstr (hearsay_annotation_get_annotator (source), ==, "Alice");
  g_assert_cmpstr (hearsay_annotation_get_attribute (source, "identification"), ==, "named");
  g_assert_cmpstr (hearsay_annotation_get_note (source), ==, "la capitale");
  /* Anchored from a TextQuoteSelector alone. */
  content = with_label (anns, "attributed_content");
  g_assert_cmpstr (hearsay_annotation_get_fragment (content, 0)->exact, ==, "Deir ez-Zor");
  g_assert_cmpint (hearsay_annotation_get_start (content), ==, 23);
  /* Two targets: one discontinuous annotation; "Claim" maps to "claim". */
  claim = with_label (anns, "claim");
  g_assert_cmpuint (hearsay_annotation_get_n_fragments (claim), ==, 2);
  g_assert_cmpstr (hearsay_annotation_get_fragment (claim, 0)->exact, ==, "a déclaré");
  g_assert_cmpstr (hearsay_annotation_get_fragment (claim, 1)->exact, ==, "libérée");

  relations = hearsay_project_list_relations (project, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, ==, 1);
  r = g_ptr_array_index (relations, 0);
  g_assert_cmpstr (r->type, ==, "attributed_to");
  g_assert_cmpint (r->from_id, ==, hearsay_annotation_get_id (content));
  g_assert_cmpint (r->to_id, ==, hearsay_annotation_get_id (source));
  hearsay_import_report_clear (&report);
}

static void
test_source_is_project_url (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("w3c-url.hearsay");
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  HearsayDocument *doc = hearsay_document_new ("Le ministre a parlé.\n");
  g_autofree char *dir = core_test_path ("url");
  g_autofree char *json = core_test_write_in (dir, "one.json",
    "{\"type\":\"Annotation\",\"body\":{\"purpose\":\"tagging\",\"value\":\"source_mention\"},"
    "\"target\":{\"source\":\"https://example.org/a\",\"selector\":{\"type\":\"TextPositionSelector\",\"start\":3,\"end\":11}}}");
  const char *paths[] = { json, NULL };
  HearsayImportReport report;
  g_autoptr(GPtrArray) anns = NULL;

  hearsay_document_set_title (doc, "A");
  hearsay_document_set_url (doc, "https://example.org/a");
  g_ptr_array_add (docs, doc);
  g_assert_true (hearsay_project_add_documents (project, docs, &error));
  g_assert_no_error (error);

  /* The format is guessed from ".json". */
  core_test_import_ok (project, NULL, paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 0);
  g_assert_cmpuint (report.n_annotations, ==, 1);
  anns = core_test_annotations (project, hearsay_document_get_id (doc));
  g_assert_cmpstr (hearsay_annotation_get_fragment (g_ptr_array_index (anns, 0), 0)->exact, ==, "ministre");
  hearsay_import_report_clear (&report);
}

static void
test_refusals (void)
{
  g_autofree char *txt = w3c_fixture ("doc.txt");
  g_autofree char *json = w3c_fixture ("collection.jsonld");
  g_autofree char *dir = core_test_path ("bad-w3c");
  g_autofree char *message = NULL;
  HearsayImportOptions strict = { .strict_quotes = TRUE };

  {
    g_autofree char *bad = core_test_write_in (dir, "invalid.json", "{\"type\": \"Annotation\",\n  \"target\": [1, 2,,]\n}");
    const char *paths[] = { bad, txt, NULL };

    message = core_test_assert_import_refused ("w3c", paths, NULL, "invalid.json", ":2:");
    g_clear_pointer (&message, g_free);
  }
  {
    const char *paths[] = { json, txt, NULL };

    message = core_test_assert_import_refused ("w3c", paths, &strict, "urn:uuid:a4", "strict");
    g_clear_pointer (&message, g_free);
  }
  {
    g_autofree char *bad = core_test_write_in (dir, "unknown.json",
      "{\"type\":\"Annotation\",\"body\":\"claim\",\"target\":{\"source\":\"file:///etc/passwd\","
      "\"selector\":{\"type\":\"TextPositionSelector\",\"start\":0,\"end\":4}}}");
    const char *paths[] = { bad, txt, NULL };

    message = core_test_assert_import_refused ("w3c", paths, NULL, "unknown.json", "file:///etc/passwd");
    g_clear_pointer (&message, g_free);
  }
  {
    g_autofree char *bad = core_test_write_in (dir, "beyond.json",
      "{\"type\":\"Annotation\",\"body\":\"claim\",\"target\":{\"source\":\"doc.txt\","
      "\"selector\":{\"type\":\"TextPositionSelector\",\"start\":40,\"end\":4000}}}");
    const char *paths[] = { bad, txt, NULL };

    message = core_test_assert_import_refused ("w3c", paths, NULL, "beyond.json", "outside the text");
    g_clear_pointer (&message, g_free);
  }
  {
    g_autofree char *bad = core_test_write_in (dir, "truncated.json", "{\"type\":\"AnnotationCollection\",\"first\":{\"items\":[{\"type\":");
    const char *paths[] = { bad, txt, NULL };

    message = core_test_assert_import_refused ("w3c", paths, NULL, "truncated.json", "invalid JSON");
  }
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/import-w3c/collection", test_collection);
  g_test_add_func ("/import-w3c/source-is-project-url", test_source_is_project_url);
  g_test_add_func ("/import-w3c/refusals", test_refusals);
  return g_test_run ();
}
