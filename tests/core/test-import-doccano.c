/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-doccano.c: doccano JSONL — "label" triples and
 * "entities"/"relations", "Comments" and meta, columns named as doccano's
 * column_data/column_label; offsets in the unit the file was written in
 * (doccano's UI: UTF-16 code units, doccano issue #2290; grapheme clusters
 * when a project counts them; code points from Python tools), on emoji, a
 * combining mark, Arabic and CRLF; refusals that name the line and leave
 * the project unchanged. */
#include "core-test-import.h"

/* The quotes of the annotations of @doc, as "label«exact»" lines. */
static char *
quotes (HearsayProject  *project,
        HearsayDocument *doc)
{
  g_autoptr(GPtrArray) anns = core_test_annotations (project, hearsay_document_get_id (doc));
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < anns->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (anns, i);
      g_autofree char *exact = hearsay_annotation_dup_text (ann);

      g_string_append_printf (s, "%s«%s»\n", hearsay_annotation_get_label (ann), exact);
    }
  return g_strdup (s->str);
}

static HearsayProject *
import_fixture (const char                 *name,
                const HearsayImportOptions *options,
                HearsayImportReport        *report)
{
  g_autofree char *project_name = g_strconcat (name, ".hearsay", NULL);
  HearsayProject *project = core_test_new_project (project_name);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "doccano", name, NULL);
  const char *paths[] = { path, NULL };

  core_test_import_ok (project, "doccano", paths, options, report);
  return project;
}

#define WANT_T2 "source_mention«Damas»\nLOC«Deir ez-Zor»\nclaim«libe\xCC\x81r\xC3\xA9" "e»\nsource_mention«\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7»\n"

/* The same spans written in each unit doccano may use come back on the
 * same text; the unit is found from the spans themselves. */
static void
test_units (void)
{
  const char *names[] = { "utf16.jsonl", "python.jsonl", "grapheme.jsonl" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      HearsayImportReport report;
      g_autoptr(HearsayProject) project = import_fixture (names[i], NULL, &report);
      HearsayDocument *d1 = g_ptr_array_index (report.documents, 0);
      HearsayDocument *d2 = g_ptr_array_index (report.documents, 1);
      g_autofree char *q1 = quotes (project, d1);
      g_autofree char *q2 = quotes (project, d2);

      g_assert_cmpuint (report.documents->len, ==, 2);
      g_assert_cmpstr (q1, ==, "MISC«firetrucks»\n");
      g_assert_cmpstr (q2, ==, WANT_T2);
      g_assert_true (g_str_has_suffix (hearsay_document_get_text (d2), "\r\n\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 "
                                                                        "\xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85 \xE2\x80\x94 a dit le porte-parole."));
      hearsay_import_report_clear (&report);
    }
}

/* --offsets wins over detection: the UTF-16 file read as UTF-16 comes
 * back, read as code points its span runs past the text, and the
 * grapheme-cluster file read as UTF-16 splits a surrogate pair: both
 * refused with the line and the unit. */
static void
test_offsets_option (void)
{
  HearsayImportOptions options = { 0 };
  HearsayImportReport report;
  g_autofree char *utf16 = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "doccano", "utf16.jsonl", NULL);
  g_autofree char *grapheme = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "doccano", "grapheme.jsonl", NULL);
  const char *utf16_paths[] = { utf16, NULL };
  const char *grapheme_paths[] = { grapheme, NULL };
  g_autofree char *m1 = NULL, *m2 = NULL;

  options.offsets_given = TRUE;
  options.offsets.unit = HEARSAY_OFFSET_UTF16;
  {
    g_autoptr(HearsayProject) project = import_fixture ("utf16.jsonl", &options, &report);
    g_autofree char *q2 = quotes (project, g_ptr_array_index (report.documents, 1));

    g_assert_cmpstr (q2, ==, WANT_T2);
    hearsay_import_report_clear (&report);
  }
  m1 = core_test_assert_import_refused ("doccano", grapheme_paths, &options, "grapheme.jsonl:2:", "UTF-16 code units");
  options.offsets.unit = HEARSAY_OFFSET_CODEPOINT;
  m2 = core_test_assert_import_refused ("doccano", utf16_paths, &options, "utf16.jsonl:1:", "counted in code points");
}

/* "Comments" and meta are kept: comments as the field "comments", title
 * and outlet as metadata, other keys as fields (a list as its values). */
static void
test_comments_meta (void)
{
  HearsayImportReport report;
  g_autoptr(HearsayProject) project = import_fixture ("utf16.jsonl", NULL, &report);
  g_autoptr(HearsayDocument) doc = hearsay_project_load_document (project,
                                                                  hearsay_document_get_id (g_ptr_array_index (report.documents, 1)),
                                                                  NULL);
  const char * const *comments = hearsay_document_get_field (doc, "comments");
  const char * const *tags = hearsay_document_get_field (doc, "tags");

  g_assert_cmpstr (hearsay_document_get_title (doc), ==, "Damas « libérée »");
  g_assert_cmpstr (hearsay_document_get_outlet (doc), ==, "RT en français");
  g_assert_cmpstr (hearsay_document_get_field (doc, "source")[0], ==, "rss");
  g_assert_cmpuint (g_strv_length ((char **) tags), ==, 2);
  g_assert_cmpstr (tags[0], ==, "guerre");  /* a field keeps its values sorted */
  g_assert_cmpuint (g_strv_length ((char **) comments), ==, 2);
  g_assert_cmpstr (comments[1], ==, "à vérifier \xF0\x9F\x91\x80");
  g_assert_null (hearsay_document_get_field (doc, "id"));
  g_assert_null (hearsay_document_get_field (doc, "label"));
  hearsay_import_report_clear (&report);
}

/* The relation shape: {"id", "comment"} comments, an older export's nested
 * "meta", relations between the line's entities, UTF-16 offsets. */
static void
test_relations (void)
{
  HearsayImportReport report;
  g_autoptr(HearsayProject) project = import_fixture ("relations.jsonl", NULL, &report);
  HearsayDocument *listed = g_ptr_array_index (report.documents, 0);
  g_autoptr(HearsayDocument) doc = hearsay_project_load_document (project, hearsay_document_get_id (listed), NULL);
  g_autofree char *q = quotes (project, doc);
  g_autoptr(GPtrArray) relations = hearsay_project_list_relations (project, hearsay_document_get_id (doc), NULL);

  g_assert_cmpstr (q, ==, "source_mention«Damas»\nattribution_cue«a d\xC3\xA9" "clar\xC3\xA9»\n"
                          "attributed_content«\xC2\xAB Deir ez-Zor est libe\xCC\x81r\xC3\xA9" "e \xC2\xBB»\n");
  g_assert_cmpuint (relations->len, ==, 2);
  g_assert_cmpuint (report.n_relations, ==, 2);
  g_assert_cmpstr (hearsay_document_get_field (doc, "comments")[0], ==, "relu par B");
  g_assert_cmpstr (hearsay_document_get_url (doc), ==, "https://example.org/a");
  g_assert_cmpstr (hearsay_document_get_published_at (doc), ==, "2017-11-03");
  g_assert_cmpstr (hearsay_document_get_field (doc, "lang_hint")[0], ==, "fr");
  hearsay_import_report_clear (&report);
}

/* Columns named as doccano's column_data and column_label. */
static void
test_columns (void)
{
  HearsayImportOptions options = { 0 };
  HearsayImportReport report;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "doccano", "columns.jsonl", NULL);
  const char *paths[] = { path, NULL };
  g_autofree char *message = core_test_assert_import_refused ("doccano", paths, NULL, "columns.jsonl:1:", "--text-column");

  options.text_column = "sentence";
  options.label_column = "tags";
  {
    g_autoptr(HearsayProject) project = import_fixture ("columns.jsonl", &options, &report);
    HearsayDocument *doc = g_ptr_array_index (report.documents, 0);
    g_autofree char *q = quotes (project, doc);

    g_assert_cmpstr (q, ==, "PER«firemen»\n");
    g_assert_null (hearsay_document_get_field (doc, "sentence"));
    g_assert_cmpstr (hearsay_document_get_field (doc, "source")[0], ==, "x");
    hearsay_import_report_clear (&report);
  }
}

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
  g_test_add_func ("/import-doccano/units", test_units);
  g_test_add_func ("/import-doccano/offsets-option", test_offsets_option);
  g_test_add_func ("/import-doccano/comments-meta", test_comments_meta);
  g_test_add_func ("/import-doccano/relations", test_relations);
  g_test_add_func ("/import-doccano/columns", test_columns);
  return g_test_run ();
}
