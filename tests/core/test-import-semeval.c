/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-semeval.c: SemEval span files, 2020 and 2023 layouts and one
 * TSV for several articles; offsets count the raw file (BOM and CR
 * included); technique names map onto the scheme. */
#include "core-test-import.h"
#include "hearsay-export.h"

static HearsayAnnotation *
annotation_with (GPtrArray  *anns,
                 const char *technique)
{
  for (guint i = 0; i < anns->len; i++)
    if (g_strcmp0 (hearsay_annotation_get_attribute (g_ptr_array_index (anns, i), "technique"), technique) == 0)
      return g_ptr_array_index (anns, i);
  g_error ("no annotation with technique %s", technique);
  return NULL;
}

static void
test_2020 (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("s2020.hearsay");
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "semeval", "2020", NULL);
  const char *paths[] = { dir, NULL };
  HearsayImportReport report;
  g_autoptr(GPtrArray) anns = NULL;
  HearsayAnnotation *ann;
  HearsayDocument *doc;

  core_test_import_ok (project, NULL, paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 1);
  g_assert_cmpuint (report.n_annotations, ==, 3);
  doc = g_ptr_array_index (report.documents, 0);
  g_assert_true (g_str_has_prefix (hearsay_document_get_text (doc), "\xEF\xBB\xBF" "Titre\r\n"));
  anns = core_test_annotations (project, hearsay_document_get_id (doc));
  ann = annotation_with (anns, "name_calling_labeling");
  g_assert_cmpstr (hearsay_annotation_get_label (ann), ==, "persuasion");
  g_assert_cmpstr (hearsay_annotation_get_annotator (ann), ==, "semeval");
  g_assert_cmpstr (hearsay_annotation_get_fragment (ann, 0)->exact, ==, "traîtres");
  ann = annotation_with (anns, "exaggeration_minimisation");
  g_assert_cmpstr (hearsay_annotation_get_fragment (ann, 0)->exact, ==, "par milliers");
  /* A 2020 name that 2023 renamed keeps the original in the note. */
  ann = annotation_with (anns, "false_dilemma_no_choice");
  g_assert_cmpstr (hearsay_annotation_get_fragment (ann, 0)->exact, ==, "Soit avec nous, soit contre nous");
  g_assert_nonnull (strstr (hearsay_annotation_get_note (ann), "Black-and-White_Fallacy"));
  hearsay_import_report_clear (&report);
}

static void
test_2023_and_end_inclusive (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("s2023.hearsay");
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "semeval", "2023",
                                                    "article222-labels-subtask-3.txt", NULL);
  g_autofree char *article = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "semeval", "2023",
                                                    "article222.txt", NULL);
  g_autofree char *dir = core_test_path ("inclusive");
  g_autofree char *text = core_test_read (article, NULL);
  g_autofree char *copy = core_test_write_in (dir, "article222.txt", text);
  g_autofree char *labels = core_test_write_in (dir, "article222-labels-subtask-3.txt",
                                         "222\tFlag_Waving\t25\t43\n222\tConversation_Killer\t47\t65\n");
  const char *paths[] = { fixture, NULL };
  const char *inclusive_paths[] = { labels, NULL };
  HearsayImportOptions inclusive = { .end_inclusive = TRUE };
  HearsayImportReport report;

  for (int round = 0; round < 2; round++)
    {
      g_autoptr(GPtrArray) anns = NULL;
      HearsayAnnotation *ann;

      core_test_import_ok (project, "semeval", round == 0 ? paths : inclusive_paths, round == 0 ? NULL : &inclusive, &report);
      g_assert_cmpuint (report.n_annotations, ==, 2);
      anns = core_test_annotations (project, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)));
      ann = annotation_with (anns, "flag_waving");
      g_assert_cmpstr (hearsay_annotation_get_fragment (ann, 0)->exact, ==, "La patrie d'abord !");
      ann = annotation_with (anns, "conversation_killer");
      g_assert_cmpstr (hearsay_annotation_get_fragment (ann, 0)->exact, ==, "Personne n'en doute");
      g_assert_null (hearsay_annotation_get_note (ann));
      hearsay_import_report_clear (&report);
    }
}

static char *
tsv_dir (const char *name,
         const char *tsv)
{
  char *dir = core_test_path (name);
  g_autofree char *a = core_test_write_in (dir, "article1.txt", "Premier article : des traîtres partout.\n");
  g_autofree char *b = core_test_write_in (dir, "article2.txt", "Second article, loaded language.\n");
  g_autofree char *t = core_test_write_in (dir, "all.tsv", tsv);

  return dir;
}

static void
test_single_tsv (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("tsv.hearsay");
  g_autofree char *dir = tsv_dir ("tsv", "article_id\ttechnique\tstart\tend\n"
                                         "1\tName_Calling-Labeling\t22\t30\n"
                                         "2\tLoaded_Language\t16\t31\n"
                                         "1\tDoubt\t0\t7\n");
  const char *paths[] = { dir, NULL };
  HearsayImportReport report;

  core_test_import_ok (project, "semeval", paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 2);
  g_assert_cmpuint (report.n_annotations, ==, 3);
  g_assert_cmpuint (hearsay_document_get_n_annotations (g_ptr_array_index (report.documents, 0)), ==, 2);
  hearsay_import_report_clear (&report);
}

static void
test_refusals (void)
{
  struct { const char *tsv; const char *expect; const char *expect2; } cases[] = {
    { "1\tDoubt\t0\t7\n9\tDoubt\t0\t3\n", "all.tsv:2:", "article9.txt" },
    { "1\tMade_Up_Technique\t0\t7\n", "all.tsv:1:", "Made_Up_Technique" },
    { "../../etc/passwd\tDoubt\t0\t4\n", "all.tsv:1:", "not a plain name" },
    { "1\tDoubt\t0\t7\n1\tDoubt\t30\t400\n", "all.tsv:2:", "outside the text" },
    { "1\tDoubt\t0\tseven\n", "all.tsv:1:", "not numbers" },
    { "1\tDoubt\t0\t7\n1\tDoubt\t0", "all.tsv:2:", "not numbers" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = tsv_dir ("bad", cases[i].tsv);
      g_autofree char *tsv = g_build_filename (dir, "all.tsv", NULL);
      const char *paths[] = { tsv, NULL };
      g_autofree char *message = core_test_assert_import_refused ("semeval", paths, NULL, cases[i].expect, cases[i].expect2);
    }
}

/* The distributed layout: articles and labels in sibling folders, an
 * article no label names imported too (it was left out silently). */
static void
test_release_tree (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("tree.hearsay");
  g_autofree char *root = core_test_path ("release");
  g_autofree char *articles = g_build_filename (root, "train-articles", NULL);
  g_autofree char *labels = g_build_filename (root, "train-labels-subtask-3-spans", NULL);
  g_autofree char *a = core_test_write_in (articles, "article10.txt", "Une menace existentielle, dit-il.\n");
  g_autofree char *b = core_test_write_in (articles, "article11.txt", "Un article sans technique.\n");
  g_autofree char *l = core_test_write_in (labels, "train-labels-subtask-3-spans.txt",
                                           "10\tLoaded_Language\t4\t24\n");
  const char *paths[] = { root, NULL };
  HearsayImportReport report;
  g_autoptr(GPtrArray) anns = NULL;

  g_assert_cmpstr (hearsay_import_guess_format (root), ==, "semeval");
  core_test_import_ok (project, NULL, paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 2);
  g_assert_cmpuint (report.n_annotations, ==, 1);
  anns = core_test_annotations (project, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)));
  g_assert_cmpstr (hearsay_annotation_get_fragment (g_ptr_array_index (anns, 0), 0)->exact, ==, "menace existentielle");
  g_assert_cmpstr (hearsay_document_get_source_name (g_ptr_array_index (report.documents, 1)), ==, "article11.txt");
  hearsay_import_report_clear (&report);
}

/* SemEval-2025 Task 10 entity framing: roles per mention, END inclusive,
 * articles named by file in raw-documents/. */
static void
test_entity_framing (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("roles.hearsay");
  g_autofree char *root = core_test_path ("framing");
  g_autofree char *en = g_build_filename (root, "EN", NULL);
  g_autofree char *docs = g_build_filename (en, "raw-documents", NULL);
  g_autofree char *a = core_test_write_in (docs, "EN_UA_100.txt",
                                           "Kyiv 👍🏽 accused Moscow; the villagers suffered.\n");
  g_autofree char *l = core_test_write_in (en, "subtask-1-annotations.txt",
                                           "EN_UA_100.txt\tMoscow\t16\t21\tAntagonist\tForeign Adversary\tTyrant\n"
                                           "EN_UA_100.txt\tvillagers\t28\t36\tInnocent\tVictim\n"
                                           "EN_UA_100.txt\tKyiv\t0\t3\tProtagonist\tGuardian\n");
  const char *paths[] = { root, NULL };
  HearsayImportReport report;
  g_autoptr(GPtrArray) anns = NULL;
  const char *text;

  core_test_import_ok (project, NULL, paths, NULL, &report);
  g_assert_cmpuint (report.n_annotations, ==, 3);
  text = hearsay_document_get_text (g_ptr_array_index (report.documents, 0));
  anns = core_test_annotations (project, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)));
  for (guint i = 0; i < anns->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (anns, i);
      const HearsayFragment *f = hearsay_annotation_get_fragment (ann, 0);
      g_autofree char *span = g_utf8_substring (text, f->start, f->end);

      g_assert_cmpstr (hearsay_annotation_get_label (ann), ==, "entity_mention");
      g_assert_cmpstr (span, ==, f->exact);
      if (g_str_equal (f->exact, "Moscow"))
        {
          g_assert_cmpstr (hearsay_annotation_get_attribute (ann, "role"), ==, "antagonist");
          g_assert_cmpstr (hearsay_annotation_get_attribute_values (ann, "fine_roles")[0], ==, "foreign_adversary");
          g_assert_cmpstr (hearsay_annotation_get_attribute_values (ann, "fine_roles")[1], ==, "tyrant");
        }
    }
  g_assert_cmpuint (anns->len, ==, 3);
  hearsay_import_report_clear (&report);
}

/* A Hearsay export states its unit in README.txt; the import reads it, so
 * UTF-16 and byte exports come back on the same characters. Entity roles
 * come back; other labels are left out with a count. */
static void
test_export_units_round_trip (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("units.hearsay");
  gint64 doc = core_test_add_document (project, "Émoji 👍🏽 : une menace existentielle, selon Moscou.", "U");
  g_autoptr(GError) error = NULL;
  const HearsayOffsetUnit units[] = { HEARSAY_OFFSET_UTF16, HEARSAY_OFFSET_BYTE };

  {
    g_autoptr(HearsayAnnotation) p = hearsay_annotation_new (doc, "persuasion");
    g_autoptr(HearsayAnnotation) m = hearsay_annotation_new (doc, "entity_mention");
    g_autoptr(HearsayAnnotation) c = hearsay_annotation_new (doc, "claim");

    hearsay_annotation_add_fragment (p, core_test_offset_of ("Émoji 👍🏽 : une menace existentielle, selon Moscou.", "menace"),
                                     core_test_offset_of ("Émoji 👍🏽 : une menace existentielle, selon Moscou.", ", selon"));
    hearsay_annotation_set_attribute (p, "technique", "loaded_language");
    g_assert_true (hearsay_project_create_annotation (project, p, &error));
    hearsay_annotation_add_fragment (m, core_test_offset_of ("Émoji 👍🏽 : une menace existentielle, selon Moscou.", "Moscou"),
                                     core_test_offset_of ("Émoji 👍🏽 : une menace existentielle, selon Moscou.", "."));
    hearsay_annotation_set_attribute (m, "role", "antagonist");
    g_assert_true (hearsay_project_create_annotation (project, m, &error));
    hearsay_annotation_add_fragment (c, 0, 5);
    g_assert_true (hearsay_project_create_annotation (project, c, &error));
    g_assert_no_error (error);
  }
  for (guint u = 0; u < G_N_ELEMENTS (units); u++)
    {
      g_autofree char *name = g_strdup_printf ("units-%u", u);
      g_autofree char *dir = core_test_path (name);
      g_autofree char *fresh_name = g_strdup_printf ("units-%u.hearsay", u);
      g_autoptr(HearsayProject) fresh = core_test_new_project (fresh_name);
      g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      HearsayExportOptions options = { .offset_unit = units[u], .warnings = warnings };
      const char *paths[] = { dir, NULL };
      HearsayImportReport report;
      g_autoptr(GPtrArray) anns = NULL;

      g_assert_true (hearsay_export_project_to_path (project, HEARSAY_EXPORT_SEMEVAL, &options, dir, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (warnings->len, ==, 1);
      g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "claim: 1"));
      core_test_import_ok (fresh, "semeval", paths, NULL, &report);
      g_assert_cmpuint (report.n_annotations, ==, 2);
      anns = core_test_annotations (fresh, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)));
      for (guint i = 0; i < anns->len; i++)
        {
          HearsayAnnotation *ann = g_ptr_array_index (anns, i);
          const char *exact = hearsay_annotation_get_fragment (ann, 0)->exact;

          if (g_str_equal (hearsay_annotation_get_label (ann), "persuasion"))
            g_assert_cmpstr (exact, ==, "menace existentielle");
          else
            {
              g_assert_cmpstr (exact, ==, "Moscou");
              g_assert_cmpstr (hearsay_annotation_get_attribute (ann, "role"), ==, "antagonist");
            }
        }
      hearsay_import_report_clear (&report);
    }
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/import-semeval/2020", test_2020);
  g_test_add_func ("/import-semeval/2023-and-end-inclusive", test_2023_and_end_inclusive);
  g_test_add_func ("/import-semeval/single-tsv", test_single_tsv);
  g_test_add_func ("/import-semeval/refusals", test_refusals);
  g_test_add_func ("/import-semeval/release-tree", test_release_tree);
  g_test_add_func ("/import-semeval/entity-framing", test_entity_framing);
  g_test_add_func ("/import-semeval/export-units-round-trip", test_export_units_round_trip);
  return g_test_run ();
}
