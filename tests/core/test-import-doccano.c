/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-doccano.c: doccano JSONL — "label" triples and
 * "entities"/"relations", code-point offsets on emoji and Arabic, and
 * refusals that name the line. */
#include "core-test-import.h"

static void
test_both_shapes (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("doccano.hearsay");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "doccano", "corpus.jsonl", NULL);
  const char *paths[] = { path, NULL };
  HearsayImportReport report;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GError) error = NULL;
  HearsayDocument *doc1, *doc2;
  HearsayRelation *r;

  /* The format is guessed from the content of a ".jsonl" file. */
  g_assert_cmpstr (hearsay_import_guess_format (path), ==, "doccano");
  core_test_import_ok (project, NULL, paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 2);
  g_assert_cmpuint (report.n_annotations, ==, 4);
  g_assert_cmpuint (report.n_relations, ==, 1);
  doc1 = g_ptr_array_index (report.documents, 0);
  doc2 = g_ptr_array_index (report.documents, 1);

  first = core_test_annotations (project, hearsay_document_get_id (doc1));
  g_assert_cmpuint (first->len, ==, 2);
  g_assert_cmpstr (hearsay_annotation_get_label (g_ptr_array_index (first, 0)), ==, "source_mention");
  g_assert_cmpstr (hearsay_annotation_get_fragment (g_ptr_array_index (first, 0), 0)->exact, ==, "Damas");
  g_assert_cmpstr (hearsay_annotation_get_fragment (g_ptr_array_index (first, 1), 0)->exact, ==, "Deir ez-Zor");
  g_assert_cmpstr (hearsay_annotation_get_annotator (g_ptr_array_index (first, 0)), ==, "doccano");

  second = core_test_annotations (project, hearsay_document_get_id (doc2));
  g_assert_cmpuint (second->len, ==, 2);
  g_assert_cmpstr (hearsay_annotation_get_fragment (g_ptr_array_index (second, 0), 0)->exact, ==, "مرحبا");
  g_assert_cmpstr (hearsay_annotation_get_label (g_ptr_array_index (second, 1)), ==, "Custom-Label");
  relations = hearsay_project_list_relations (project, hearsay_document_get_id (doc2), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, ==, 1);
  r = g_ptr_array_index (relations, 0);
  g_assert_cmpstr (r->type, ==, "attributed_to");
  g_assert_cmpint (r->from_id, ==, hearsay_annotation_get_id (g_ptr_array_index (second, 1)));
  hearsay_import_report_clear (&report);
}

static void
test_refusals (void)
{
  struct { const char *content; const char *expect; const char *expect2; } cases[] = {
    { "{\"text\": \"Un texte.\", \"label\": [[0, 2, \"claim\"]]}\n{\"text\": \"Deux\", \"label\": [[0, 2, claim]]}\n",
      "bad.jsonl:2:", "invalid JSON at column" },
    { "{\"text\": \"Court.\", \"label\": [[0, 60, \"claim\"]]}\n", "bad.jsonl:1:", "outside the text" },
    { "{\"text\": \"Court.\", \"label\": [[0, \"2\", \"claim\"]]}\n", "bad.jsonl:1:", "label 1" },
    { "{\"label\": [[0, 2, \"claim\"]]}\n", "bad.jsonl:1:", "text" },
    { "{\"text\": \"Un texte.\", \"entities\": [{\"id\": 1, \"start_offset\": 0, \"end_offset\": 2, \"label\": \"a\"}],"
      " \"relations\": [{\"from_id\": 1, \"to_id\": 7, \"type\": \"r\"}]}\n", "bad.jsonl:1:", "entity 7" },
    { "{\"text\": \"Un texte.\", \"label\": [[0, 2, \"claim\"]]}\n{\"text\": \"Tron", "bad.jsonl:2:", "invalid JSON" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = core_test_path ("bad-doccano");
      g_autofree char *path = core_test_write_in (dir, "bad.jsonl", cases[i].content);
      const char *paths[] = { path, NULL };
      g_autofree char *message = core_test_assert_import_refused ("doccano", paths, NULL, cases[i].expect, cases[i].expect2);
    }
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/import-doccano/both-shapes", test_both_shapes);
  g_test_add_func ("/import-doccano/refusals", test_refusals);
  return g_test_run ();
}
