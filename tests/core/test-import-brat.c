/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-brat.c: brat standoff — every line type, discontinuous spans
 * on text with a BOM, emoji, a combining mark, Arabic and CRLF, several
 * annotators, annotation.conf, and refusals that change nothing. */
#include "core-test-import.h"

static char *
brat_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", "brat", name, NULL);
}

static HearsayAnnotation *
find_annotation (GPtrArray  *anns,
                 const char *label,
                 const char *annotator)
{
  for (guint i = 0; i < anns->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (anns, i);

      if (g_strcmp0 (hearsay_annotation_get_label (ann), label) == 0 &&
          g_strcmp0 (hearsay_annotation_get_annotator (ann), annotator) == 0)
        return ann;
    }
  g_error ("no %s annotation by %s", label, annotator);
  return NULL;
}

static void
test_fixture (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("brat.hearsay");
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "brat", NULL);
  g_autofree char *txt = brat_fixture ("doc1.txt");
  g_autofree char *raw = core_test_read (txt, NULL);
  const char *paths[] = { dir, NULL };
  HearsayImportReport report;
  g_autoptr(GPtrArray) anns = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GError) error = NULL;
  HearsayAnnotation *source, *claim, *place, *coder_b;
  HearsayDocument *doc;
  HearsayScheme *scheme;
  const HearsayLabel *claim_label;
  const HearsayFragment *f;
  gboolean found_agent = FALSE, found_equiv = FALSE;

  core_test_import_ok (project, "brat", paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 1);
  g_assert_cmpuint (report.n_annotations, ==, 5);
  g_assert_cmpuint (report.n_relations, ==, 4);
  g_assert_cmpuint (report.quote_mismatches->len, ==, 0);
  g_assert_cmpuint (report.n_boilerplate, ==, 0);
  doc = g_ptr_array_index (report.documents, 0);
  g_assert_cmpstr (hearsay_document_get_text (doc), ==, raw);

  anns = core_test_annotations (project, hearsay_document_get_id (doc));
  g_assert_cmpuint (anns->len, ==, 5);
  source = find_annotation (anns, "source", "brat");
  g_assert_cmpint (hearsay_annotation_get_start (source), ==, 1);
  g_assert_cmpint (hearsay_annotation_get_end (source), ==, 6);
  g_assert_cmpstr (hearsay_annotation_get_note (source), ==, "la capitale");
  g_assert_cmpstr (hearsay_annotation_get_attribute (source, "normalization"), ==, "Wikidata:Q3766");
  claim = find_annotation (anns, "claim", "brat");
  g_assert_cmpuint (hearsay_annotation_get_n_fragments (claim), ==, 2);
  f = hearsay_annotation_get_fragment (claim, 1);
  g_assert_cmpstr (f->exact, ==, "libe\xCC\x81rée");
  g_assert_cmpstr (hearsay_annotation_get_attribute (claim, "negated"), ==, "true");
  g_assert_cmpstr (hearsay_annotation_get_attribute (claim, "status"), ==, "disputed");
  place = find_annotation (anns, "place", "brat");
  g_assert_cmpstr (hearsay_annotation_get_fragment (place, 0)->exact, ==, "مرحبا");
  coder_b = find_annotation (anns, "claim", "coderB");
  g_assert_cmpint (hearsay_annotation_get_start (coder_b), ==, 24);
  find_annotation (anns, "attribution_cue", "brat");

  relations = hearsay_project_list_relations (project, hearsay_document_get_id (doc), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, ==, 4);
  for (guint i = 0; i < relations->len; i++)
    {
      HearsayRelation *r = g_ptr_array_index (relations, i);

      if (g_strcmp0 (r->type, "Agent") == 0)
        found_agent = r->to_id == hearsay_annotation_get_id (source);
      if (g_strcmp0 (r->type, "equiv") == 0)
        found_equiv = r->from_id == hearsay_annotation_get_id (source) && r->to_id == hearsay_annotation_get_id (place);
    }
  g_assert_true (found_agent);
  g_assert_true (found_equiv);

  /* annotation.conf added what the scheme lacked. */
  scheme = hearsay_project_get_scheme (project);
  g_assert_nonnull (hearsay_scheme_lookup_label (scheme, "source"));
  g_assert_nonnull (hearsay_scheme_lookup_label (scheme, "place"));
  g_assert_nonnull (hearsay_scheme_lookup_label (scheme, "declare"));
  g_assert_nonnull (hearsay_scheme_lookup_relation_type (scheme, "located"));
  claim_label = hearsay_scheme_lookup_label (scheme, "claim");
  g_assert_nonnull (hearsay_label_lookup_attribute (claim_label, "negated"));
  g_assert_nonnull (hearsay_label_lookup_attribute (hearsay_scheme_lookup_label (scheme, "place"), "certainty"));
  hearsay_import_report_clear (&report);

  /* The scheme change is in the file, not only in memory. */
  {
    g_autofree char *path = g_strdup (hearsay_project_get_path (project));
    g_autoptr(HearsayProject) again = NULL;

    hearsay_project_close (project);
    again = core_test_open (path);
    g_assert_nonnull (hearsay_scheme_lookup_label (hearsay_project_get_scheme (again), "place"));
  }
}

static char *
write_pair (const char *name,
            const char *text,
            const char *ann)
{
  g_autofree char *dir = core_test_path (name);
  g_autofree char *txt = core_test_write_in (dir, "doc.txt", text);
  g_autofree char *ann_path = core_test_write_in (dir, "doc.ann", ann);

  return g_steal_pointer (&dir);
}

static void
test_quote_mismatch (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("mismatch.hearsay");
  g_autofree char *dir = write_pair ("mismatch", "Damas a déclaré la fin.\n",
                                     "T1\tSource 0 5\tDamas\n"
                                     "T2\tClaim 16 22\tle début\n"
                                     "R1\tattributed_to Arg1:T2 Arg2:T1\n"
                                     "A1\tNegated T2\n");
  const char *paths[] = { dir, NULL };
  HearsayImportOptions strict = { .strict_quotes = TRUE };
  HearsayImportReport report;
  g_autofree char *message = NULL;
  const char *mismatch;

  core_test_import_ok (project, "brat", paths, NULL, &report);
  g_assert_cmpuint (report.n_annotations, ==, 1);
  g_assert_cmpuint (report.n_relations, ==, 0);
  g_assert_cmpuint (report.quote_mismatches->len, ==, 1);
  mismatch = g_ptr_array_index (report.quote_mismatches, 0);
  g_assert_nonnull (strstr (mismatch, "doc.ann:2:"));
  g_assert_nonnull (strstr (mismatch, "le début"));
  hearsay_import_report_clear (&report);

  message = core_test_assert_import_refused ("brat", paths, &strict, "doc.ann:2:", "strict");
}

static void
test_refusals (void)
{
  g_autofree char *message = NULL;
  g_autofree char *conf_dir = NULL;

  {
    g_autofree char *dir = write_pair ("malformed", "Un texte.\n", "T1\tSource 0 2\tUn\nT2\tSource zéro 5\tUn te\n");
    const char *paths[] = { dir, NULL };

    message = core_test_assert_import_refused ("brat", paths, NULL, "doc.ann:2:", "malformed T line");
    g_clear_pointer (&message, g_free);
  }
  {
    g_autofree char *dir = write_pair ("beyond", "Court.\n", "T1\tSource 0 60\tCourt.\n");
    const char *paths[] = { dir, NULL };

    message = core_test_assert_import_refused ("brat", paths, NULL, "doc.ann:1:", "outside the text");
    g_clear_pointer (&message, g_free);
  }
  {
    /* Cut in the middle of a line. */
    g_autofree char *dir = write_pair ("truncated", "Un texte assez long.\n", "T1\tSource 0 2\tUn\nT2\tSource 3 ");
    const char *paths[] = { dir, NULL };

    message = core_test_assert_import_refused ("brat", paths, NULL, "doc.ann:2:", NULL);
    g_clear_pointer (&message, g_free);
  }
  {
    g_autofree char *dir = write_pair ("unknown-type", "Un texte.\n", "X1\tSource 0 2\n");
    const char *paths[] = { dir, NULL };

    message = core_test_assert_import_refused ("brat", paths, NULL, "doc.ann:1:", "X1");
    g_clear_pointer (&message, g_free);
  }
  {
    g_autofree char *dir = write_pair ("dangling", "Un texte.\n", "T1\tSource 0 2\tUn\nR1\tr Arg1:T1 Arg2:T9\n");
    const char *paths[] = { dir, NULL };

    message = core_test_assert_import_refused ("brat", paths, NULL, "doc.ann:2:", "T9");
    g_clear_pointer (&message, g_free);
  }
  {
    /* A name that leads out of the folder is never followed. */
    g_autofree char *dir = core_test_path ("escape");
    g_autofree char *ann = core_test_write_in (dir, "evil.ann", "T1\tSource 0 4\troot\n");
    g_autofree char *link = g_build_filename (dir, "evil.txt", NULL);
    const char *paths[] = { dir, NULL };

    g_assert_cmpint (symlink ("/etc/passwd", link), ==, 0);
    message = core_test_assert_import_refused ("brat", paths, NULL, "evil.txt", "leads out of the folder");
    g_clear_pointer (&message, g_free);
  }
  {
    g_autofree char *dir = core_test_path ("orphan");
    g_autofree char *ann = core_test_write_in (dir, "alone.ann", "T1\tSource 0 4\troot\n");
    const char *paths[] = { ann, NULL };

    message = core_test_assert_import_refused ("brat", paths, NULL, "alone.ann", "no .txt");
    g_clear_pointer (&message, g_free);
  }
  /* A failing import with an annotation.conf leaves the scheme as it was
   * (core_test_assert_import_refused compares the scheme too). */
  conf_dir = write_pair ("conf-then-error", "Un texte.\n", "T1\tNewLabel 0 2\tUn\nT2\tNewLabel 0 99\tUn\n");
  {
    g_autofree char *conf = core_test_write_in (conf_dir, "annotation.conf", "[entities]\nNewLabel\n");
    const char *paths[] = { conf_dir, NULL };

    message = core_test_assert_import_refused ("brat", paths, NULL, "doc.ann:2:", NULL);
  }
}

/* Each scheme edit parses the scheme again: 4,000 types took 160 s. Up
 * to 1,000 edits are taken (in seconds), more are refused. */
static void
test_large_conf (void)
{
  g_autoptr(GString) conf = g_string_new ("[entities]\n");
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(HearsayProject) project = core_test_new_project ("large-conf.hearsay");
  g_autofree char *dir = write_pair ("large-conf", "Un texte.\n", "T1\tType-1 0 2\tUn\n");
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  const char *paths[] = { dir, NULL };
  HearsayImportReport report;

  for (guint i = 1; i <= 300; i++)
    g_string_append_printf (conf, "Type-%u\n", i);
  path = core_test_write_in (dir, "annotation.conf", conf->str);
  core_test_import_ok (project, "brat", paths, NULL, &report);
  g_assert_true (hearsay_scheme_lookup_label (hearsay_project_get_scheme (project), "type_300") != NULL);
  hearsay_import_report_clear (&report);
  g_test_message ("300 new labels: %.2f s", g_timer_elapsed (timer, NULL));

  for (guint i = 301; i <= 1100; i++)
    g_string_append_printf (conf, "Type-%u\n", i);
  g_string_append (conf, "[attributes]\nShade\tArg:<ENTITY>, Value:light|dark\n");
  g_free (path);
  path = core_test_write_in (dir, "annotation.conf", conf->str);
  message = core_test_assert_import_refused ("brat", paths, NULL, "annotation.conf:", "more than 1000");
}

static void
test_explicit_files (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("explicit.hearsay");
  g_autofree char *dir = write_pair ("explicit", "Damas a déclaré.\n", "T1\tsource-mention 0 5\tDamas\n");
  g_autofree char *ann = g_build_filename (dir, "doc.ann", NULL);
  g_autofree char *other = core_test_write_in (dir, "doc_alice.ann", "T1\tAttribution_Cue 6 15\ta déclaré\n");
  const char *paths[] = { ann, NULL };
  HearsayImportReport report;
  g_autoptr(GPtrArray) anns = NULL;

  /* Format guessed from ".ann"; the .txt and its other .ann come along. */
  core_test_import_ok (project, NULL, paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 1);
  anns = core_test_annotations (project, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)));
  g_assert_cmpuint (anns->len, ==, 2);
  /* Labels map onto the scheme's ids. */
  find_annotation (anns, "source_mention", "brat");
  find_annotation (anns, "attribution_cue", "alice");
  hearsay_import_report_clear (&report);
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/import-brat/fixture", test_fixture);
  g_test_add_func ("/import-brat/quote-mismatch", test_quote_mismatch);
  g_test_add_func ("/import-brat/refusals", test_refusals);
  g_test_add_func ("/import-brat/explicit-files", test_explicit_files);
  g_test_add_func ("/import-brat/large-conf", test_large_conf);
  return g_test_run ();
}
