/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-brat.c: brat standoff as brat reads it — a collection shaped
 * like brat's own tutorial data (tests/fixtures/import/brat: a tree with a
 * nested annotation.conf, events with nested events and numbered roles,
 * two events on one trigger, modifications, normalizations, Equiv, notes on
 * entities, events, relations and attributes, discontinuous spans across a
 * CRLF, a BOM, emoji, a combining mark, Arabic, two annotators, and a .ann
 * written by a tool that counts CR LF as one), the pairing of files given
 * alone, annotators named by a Hearsay export, and refusals that change
 * nothing. Every span is checked as text[start:end] == quote. */
#include <unistd.h>

#include "core-test-import.h"

static char *
brat_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", "brat", name, NULL);
}

/* Every fragment of every annotation of @doc is the text at its offsets. */
static void
assert_exact (HearsayProject *project,
              gint64          doc_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayDocument) doc = hearsay_project_load_document (project, doc_id, &error);
  g_autoptr(GPtrArray) anns = core_test_annotations (project, doc_id);
  const char *text;

  g_assert_no_error (error);
  text = hearsay_document_get_text (doc);
  for (guint i = 0; i < anns->len; i++)
    for (guint j = 0; j < hearsay_annotation_get_n_fragments (g_ptr_array_index (anns, i)); j++)
      {
        const HearsayFragment *f = hearsay_annotation_get_fragment (g_ptr_array_index (anns, i), j);
        g_autofree char *at = g_utf8_substring (text, f->start, f->end);

        g_assert_cmpstr (at, ==, f->exact);
      }
}

static HearsayAnnotation *
find (GPtrArray  *anns,
      const char *label,
      const char *exact,
      const char *annotator,
      guint       nth)
{
  for (guint i = 0; i < anns->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (anns, i);

      if (g_strcmp0 (hearsay_annotation_get_label (ann), label) == 0 &&
          g_strcmp0 (hearsay_annotation_get_fragment (ann, 0)->exact, exact) == 0 &&
          g_strcmp0 (hearsay_annotation_get_annotator (ann), annotator) == 0 && nth-- == 0)
        return ann;
    }
  g_error ("no %s “%s” by %s", label, exact, annotator);
  return NULL;
}

static guint
count_label (GPtrArray  *anns,
             const char *label)
{
  guint n = 0;

  for (guint i = 0; i < anns->len; i++)
    n += g_strcmp0 (hearsay_annotation_get_label (g_ptr_array_index (anns, i)), label) == 0;
  return n;
}

/* The targets of @from's relations of @type, in order. */
static GPtrArray *
targets (GPtrArray         *relations,
         HearsayAnnotation *from,
         const char        *type)
{
  GPtrArray *to = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < relations->len; i++)
    {
      HearsayRelation *r = g_ptr_array_index (relations, i);

      if (r->from_id == hearsay_annotation_get_id (from) && g_strcmp0 (r->type, type) == 0)
        g_ptr_array_add (to, g_memdup2 (&r->to_id, sizeof (gint64)));
    }
  return to;
}

static gint64
target (GPtrArray         *relations,
        HearsayAnnotation *from,
        const char        *type)
{
  g_autoptr(GPtrArray) to = targets (relations, from, type);

  g_assert_cmpuint (to->len, ==, 1);
  return *(gint64 *) g_ptr_array_index (to, 0);
}

static gboolean
report_has (HearsayImportReport *report,
            const char          *a,
            const char          *b)
{
  for (guint i = 0; i < report->skipped->len; i++)
    if (strstr (g_ptr_array_index (report->skipped, i), a) && (b == NULL || strstr (g_ptr_array_index (report->skipped, i), b)))
      return TRUE;
  return FALSE;
}

static HearsayDocument *
document_starting (HearsayImportReport *report,
                   const char          *prefix)
{
  for (guint i = 0; i < report->documents->len; i++)
    if (g_str_has_prefix (hearsay_document_get_text (g_ptr_array_index (report->documents, i)), prefix))
      return g_ptr_array_index (report->documents, i);
  g_error ("no document starting with %s", prefix);
  return NULL;
}

#define LIBEREE "libe\xCC\x81r\xC3\xA9" "e"

static void
check_news (HearsayProject      *project,
            HearsayImportReport *report)
{
  HearsayDocument *doc = document_starting (report, "\xEF\xBB\xBF" "Damas");
  gint64 id = hearsay_document_get_id (doc);
  g_autoptr(GPtrArray) anns = core_test_annotations (project, id);
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parties = NULL;
  g_autofree char *raw_path = brat_fixture ("news/000-report.txt");
  g_autofree char *raw = core_test_read (raw_path, NULL);
  HearsayAnnotation *damas, *deir, *lib0, *lib1, *negated, *other, *said, *selon, *sign, *moscou, *damas2, *t11, *t12;

  g_assert_cmpstr (hearsay_document_get_text (doc), ==, raw);
  assert_exact (project, id);
  g_assert_cmpuint (anns->len, ==, 16);
  relations = hearsay_project_list_relations (project, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, ==, 12);

  /* The BOM is one code point, as brat reads the file. */
  damas = find (anns, "GPE", "Damas", "brat", 0);
  g_assert_cmpint (hearsay_annotation_get_start (damas), ==, 1);
  g_assert_cmpstr (hearsay_annotation_get_attribute (damas, "normalization"), ==, "Wikidata:Q3766 Damascus");
  g_assert_cmpstr (hearsay_annotation_get_attribute (damas, "Mention"), ==, "Name");
  /* The note on R1 (brat's tutorial does this) is kept on its Arg1. */
  g_assert_cmpstr (hearsay_annotation_get_note (damas), ==, "Located → “Deir ez-Zor”: déduit du contexte");
  g_assert_true (report_has (report, "000-report.ann:24: #3", "kept in the note of its Arg1 T1"));
  deir = find (anns, "GPE", "Deir ez-Zor", "brat", 0);
  g_assert_cmpstr (hearsay_annotation_get_note (deir), ==, "ville de l'Est");
  g_assert_cmpint (target (relations, damas, "Located"), ==, hearsay_annotation_get_id (deir));

  /* Two events on one trigger: each its own annotation; A1 negates E2 only. */
  g_assert_cmpuint (count_label (anns, "Liberate"), ==, 2);
  lib0 = find (anns, "Liberate", LIBEREE, "brat", 0);
  lib1 = find (anns, "Liberate", LIBEREE, "brat", 1);
  negated = hearsay_annotation_get_attribute (lib0, "Negation") ? lib0 : lib1;
  other = negated == lib0 ? lib1 : lib0;
  g_assert_cmpstr (hearsay_annotation_get_attribute (negated, "Negation"), ==, "true");
  g_assert_null (hearsay_annotation_get_attribute (other, "Negation"));
  g_assert_cmpstr (hearsay_annotation_get_note (negated), ==, "Negation: négation implicite");
  g_assert_true (report_has (report, "#4", "kept in the note of E2"));
  g_assert_cmpint (target (relations, negated, "Place-Arg"), ==, hearsay_annotation_get_id (deir));
  moscou = find (anns, "GPE", "Moscou", "brat", 0);
  g_assert_cmpint (target (relations, other, "Agent-Arg"), ==, hearsay_annotation_get_id (moscou));
  g_assert_cmpstr (hearsay_annotation_get_attribute (moscou, "normalization"), ==, "Wikidata:Q649 Moscou");

  /* Nested events: a Report whose Event-Arg is an event. */
  said = find (anns, "Report", "a d\xC3\xA9" "clar\xC3\xA9", "brat", 0);
  g_assert_cmpstr (hearsay_annotation_get_attribute (said, "Confidence"), ==, "High");
  g_assert_cmpstr (hearsay_annotation_get_note (said), ==, "citation directe");
  g_assert_cmpint (target (relations, said, "Reporter-Arg"), ==, hearsay_annotation_get_id (damas));
  g_assert_cmpint (target (relations, said, "Event-Arg"), ==, hearsay_annotation_get_id (negated));
  selon = find (anns, "Report", "Selon", "brat", 0);
  sign = find (anns, "Sign-agreement", "sign\xC3\xA9", "brat", 0);
  g_assert_cmpint (target (relations, selon, "Event-Arg"), ==, hearsay_annotation_get_id (sign));
  /* brat's old modification line, on that event only. */
  g_assert_cmpstr (hearsay_annotation_get_attribute (sign, "Negation"), ==, "true");
  g_assert_null (hearsay_annotation_get_attribute (selon, "Negation"));
  /* "Party-Arg2" is the second Party-Arg. */
  parties = targets (relations, sign, "Party-Arg");
  damas2 = find (anns, "GPE", "Damas", "brat", 1);
  g_assert_cmpuint (parties->len, ==, 2);
  g_assert_cmpint (*(gint64 *) g_ptr_array_index (parties, 0), ==, hearsay_annotation_get_id (moscou));
  g_assert_cmpint (*(gint64 *) g_ptr_array_index (parties, 1), ==, hearsay_annotation_get_id (damas2));
  g_assert_cmpint (target (relations, damas, "Equiv"), ==, hearsay_annotation_get_id (damas2));

  /* Discontinuous, across the CRLF, with Arabic; an emoji flag. */
  t11 = find (anns, "Person", "Moscou", "brat", 0);
  g_assert_cmpuint (hearsay_annotation_get_n_fragments (t11), ==, 2);
  g_assert_cmpstr (hearsay_annotation_get_fragment (t11, 1)->exact, ==, "Damas");
  t12 = find (anns, "GPE", "Zor", "brat", 0);
  g_assert_cmpstr (hearsay_annotation_get_fragment (t12, 1)->exact, ==, "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7");
  find (anns, "Symbol", "\xF0\x9F\x87\xB8\xF0\x9F\x87\xBE", "brat", 0);
  find (anns, "Money", "5 millions", "brat", 0);

  /* The second annotator's file. */
  {
    HearsayAnnotation *b_deir = find (anns, "GPE", "Deir ez-Zor", "coderB", 0);
    HearsayAnnotation *b_damas = find (anns, "GPE", "Damas", "coderB", 0);

    g_assert_cmpstr (hearsay_annotation_get_note (b_deir), ==, "note de B");
    g_assert_cmpint (target (relations, b_damas, "Located"), ==, hearsay_annotation_get_id (b_deir));
  }
}

static void
check_scheme (HearsayScheme *scheme)
{
  const HearsayLabel *label;
  const HearsayRelationType *type;

  /* Ids as brat writes them, aliases as display names. */
  g_assert_cmpstr (hearsay_scheme_lookup_label (scheme, "Person")->name, ==, "Personne");
  g_assert_cmpstr (hearsay_scheme_lookup_label (scheme, "ACC")->name, ==, "Accession");
  g_assert_cmpstr (hearsay_scheme_lookup_label (scheme, "Protein")->name, ==, "Prot\xC3\xA9ine");
  g_assert_nonnull (hearsay_scheme_lookup_label (scheme, "Protein-Component"));
  g_assert_false (hearsay_scheme_lookup_label (scheme, "GPE")->event);
  g_assert_true (hearsay_scheme_lookup_label (scheme, "Liberate")->event);
  g_assert_true (hearsay_scheme_lookup_label (scheme, "Phosphorylation")->event);
  /* "!Conflict" only groups its sub-types. */
  g_assert_null (hearsay_scheme_lookup_label (scheme, "Conflict"));
  type = hearsay_scheme_lookup_relation_type (scheme, "Party-Arg");
  g_assert_true (type->event_role);
  g_assert_true (g_strv_contains ((const char * const *) type->from_labels, "Sign-agreement"));
  /* The macro <POG> expanded. */
  g_assert_true (g_strv_contains ((const char * const *) type->to_labels, "Organization"));
  g_assert_false (hearsay_scheme_lookup_relation_type (scheme, "Located")->event_role);
  type = hearsay_scheme_lookup_relation_type (scheme, "Alias");
  g_assert_true (type->symmetric && type->transitive);
  type = hearsay_scheme_lookup_relation_type (scheme, "Equiv");
  g_assert_true (type->symmetric && type->transitive);
  g_assert_null (hearsay_scheme_lookup_relation_type (scheme, "<OVERLAP>"));
  label = hearsay_scheme_lookup_label (scheme, "Liberate");
  g_assert_nonnull (hearsay_label_lookup_attribute (label, "Negation"));
  g_assert_cmpuint (hearsay_label_lookup_attribute (hearsay_scheme_lookup_label (scheme, "Report"), "Confidence")->values->len, ==, 3);
  g_assert_nonnull (hearsay_label_lookup_attribute (hearsay_scheme_lookup_label (scheme, "Person"), "Mention"));
  g_assert_nonnull (hearsay_label_lookup_attribute (hearsay_scheme_lookup_label (scheme, "Phosphorylation"), "Speculation"));
}

static void
test_tutorial (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("brat.hearsay");
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "import", "brat", NULL);
  const char *paths[] = { dir, NULL };
  HearsayImportReport report;
  HearsayDocument *bio, *windows;
  g_autoptr(GPtrArray) bio_anns = NULL;
  g_autoptr(GPtrArray) win_anns = NULL;
  g_autoptr(GPtrArray) bio_rels = NULL;
  g_autoptr(GError) error = NULL;
  HearsayAnnotation *phos, *alep;

  core_test_import_ok (project, NULL, paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 3);
  g_assert_cmpuint (report.n_annotations, ==, 22);
  g_assert_cmpuint (report.n_relations, ==, 15);
  g_assert_cmpuint (report.quote_mismatches->len, ==, 0);
  check_news (project, &report);
  check_scheme (hearsay_project_get_scheme (project));

  /* A subfolder with its own annotation.conf ([spans], Type|Alias). */
  bio = document_starting (&report, "The ACC");
  assert_exact (project, hearsay_document_get_id (bio));
  bio_anns = core_test_annotations (project, hearsay_document_get_id (bio));
  g_assert_cmpuint (bio_anns->len, ==, 4);
  find (bio_anns, "ACC", "ACC", "brat", 0);
  phos = find (bio_anns, "Phosphorylation", "phosphorylated", "brat", 0);
  g_assert_cmpstr (hearsay_annotation_get_attribute (phos, "Speculation"), ==, "true");
  bio_rels = hearsay_project_list_relations (project, hearsay_document_get_id (bio), &error);
  g_assert_no_error (error);
  g_assert_cmpint (target (bio_rels, phos, "Site"), ==,
                   hearsay_annotation_get_id (find (bio_anns, "Protein-Component", "Ser15", "brat", 0)));
  g_assert_cmpint (target (bio_rels, find (bio_anns, "Protein-Component", "Ser15", "brat", 0), "Part-of"), ==,
                   hearsay_annotation_get_id (find (bio_anns, "Protein", "p53", "brat", 0)));

  /* A CRLF text whose .ann counts CR LF as one (universal newlines): the
   * text stays verbatim, the spans land on the words. */
  windows = document_starting (&report, "Ligne un.\r\n");
  g_assert_cmpstr (hearsay_document_get_text (windows), ==, "Ligne un.\r\nDeux : Alep.\r\nTrois : Homs.\r\n");
  assert_exact (project, hearsay_document_get_id (windows));
  win_anns = core_test_annotations (project, hearsay_document_get_id (windows));
  alep = find (win_anns, "GPE", "Alep", "brat", 0);
  g_assert_cmpint (hearsay_annotation_get_start (alep), ==, 18);
  find (win_anns, "GPE", "Homs", "brat", 0);
  hearsay_import_report_clear (&report);

  /* The scheme change is in the file, not only in memory. */
  {
    g_autofree char *path = g_strdup (hearsay_project_get_path (project));
    g_autoptr(HearsayProject) again = NULL;

    hearsay_project_close (project);
    again = core_test_open (path);
    check_scheme (hearsay_project_get_scheme (again));
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
                                     "A1\tNegated T2\n"
                                     "T3\tSay 6 15\ta déclaré\n"
                                     "E1\tSay:T3 Theme:T2 Agent:T1\n");
  const char *paths[] = { dir, NULL };
  HearsayImportOptions strict = { .strict_quotes = TRUE };
  HearsayImportReport report;
  g_autofree char *message = NULL;
  const char *mismatch;

  core_test_import_ok (project, "brat", paths, NULL, &report);
  g_assert_cmpuint (report.n_annotations, ==, 2);
  g_assert_cmpuint (report.n_relations, ==, 1);
  g_assert_cmpuint (report.quote_mismatches->len, ==, 1);
  mismatch = g_ptr_array_index (report.quote_mismatches, 0);
  g_assert_nonnull (strstr (mismatch, "doc.ann:2:"));
  g_assert_nonnull (strstr (mismatch, "le début"));
  /* What depended on T2 is said to be left out with it. */
  g_assert_true (report_has (&report, "doc.ann:3: R1", "T2 was left out"));
  g_assert_true (report_has (&report, "doc.ann:4: A1", "T2 was left out"));
  g_assert_true (report_has (&report, "doc.ann:6: E1", "T2 was left out"));
  hearsay_import_report_clear (&report);

  message = core_test_assert_import_refused ("brat", paths, &strict, "doc.ann:2:", "strict");
}

static void
test_refusals (void)
{
  static const struct { const char *name, *text, *ann, *expect, *expect2; } cases[] = {
    { "malformed", "Un texte.\n", "T1\tSource 0 2\tUn\nT2\tSource zéro 5\tUn te\n", "doc.ann:2:", "malformed T line" },
    { "beyond", "Court.\n", "T1\tSource 0 60\tCourt.\n", "doc.ann:1:", "outside the text" },
    /* Cut in the middle of a line. */
    { "truncated", "Un texte assez long.\n", "T1\tSource 0 2\tUn\nT2\tSource 3 ", "doc.ann:2:", NULL },
    { "unknown-type", "Un texte.\n", "X1\tSource 0 2\n", "doc.ann:1:", "X1" },
    { "dangling", "Un texte.\n", "T1\tSource 0 2\tUn\nR1\tr Arg1:T1 Arg2:T9\n", "doc.ann:2:", "T9" },
    { "twice", "Un texte.\n", "T1\tSource 0 2\tUn\nT1\tSource 3 8\ttexte\n", "doc.ann:2:", "used twice" },
    /* brat refuses these documents too. */
    { "no-trigger", "Un texte.\n", "T1\tSource 0 2\tUn\nE1\tSay:T7 Agent:T1\n", "doc.ann:2:", "trigger T7" },
    { "wrong-trigger", "Un texte.\n", "T1\tSource 0 2\tUn\nE1\tSay:T1\n", "doc.ann:2:", "brat refuses" },
    { "inside-emoji", "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD ok\n", "T1\tX 0 1\t\xF0\x9F\x91\x8D\n", "doc.ann:1:", "splits a character" },
  };
  g_autofree char *message = NULL;
  g_autofree char *conf_dir = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = write_pair (cases[i].name, cases[i].text, cases[i].ann);
      const char *paths[] = { dir, NULL };

      g_test_message ("%s", cases[i].name);
      g_clear_pointer (&message, g_free);
      message = core_test_assert_import_refused ("brat", paths, NULL, cases[i].expect, cases[i].expect2);
    }
  {
    /* A name that leads out of the folder is never followed. */
    g_autofree char *dir = core_test_path ("escape");
    g_autofree char *ann = core_test_write_in (dir, "evil.ann", "T1\tSource 0 4\troot\n");
    g_autofree char *link = g_build_filename (dir, "evil.txt", NULL);
    const char *paths[] = { dir, NULL };

    g_assert_cmpint (symlink ("/etc/passwd", link), ==, 0);
    g_clear_pointer (&message, g_free);
    message = core_test_assert_import_refused ("brat", paths, NULL, "evil.txt", "leads out of the folder");
  }
  {
    /* Nor a folder link that does. */
    g_autofree char *dir = write_pair ("escape-dir", "Un texte.\n", "T1\tSource 0 2\tUn\n");
    g_autofree char *link = g_build_filename (dir, "etc", NULL);
    const char *paths[] = { dir, NULL };

    g_assert_cmpint (symlink ("/etc", link), ==, 0);
    g_clear_pointer (&message, g_free);
    message = core_test_assert_import_refused ("brat", paths, NULL, "etc", "leads out of the folder");
  }
  {
    g_autofree char *dir = core_test_path ("orphan");
    g_autofree char *ann = core_test_write_in (dir, "alone.ann", "T1\tSource 0 4\troot\n");
    const char *paths[] = { ann, NULL };

    g_clear_pointer (&message, g_free);
    message = core_test_assert_import_refused ("brat", paths, NULL, "alone.ann", "no .txt");
  }
  /* A failing import with an annotation.conf leaves the scheme as it was
   * (core_test_assert_import_refused compares the scheme too). */
  conf_dir = write_pair ("conf-then-error", "Un texte.\n", "T1\tNewLabel 0 2\tUn\nT2\tNewLabel 0 99\tUn\n");
  {
    g_autofree char *conf = core_test_write_in (conf_dir, "annotation.conf", "[entities]\nNewLabel\n");
    const char *paths[] = { conf_dir, NULL };

    g_clear_pointer (&message, g_free);
    message = core_test_assert_import_refused ("brat", paths, NULL, "doc.ann:2:", NULL);
  }
}

/* A configuration of thousands of types: each new label used to parse
 * the whole scheme again (4,000 types took 160 s); now a new label is read
 * alone. The fuzzer found it; the time is printed, not asserted. */
static void
test_large_conf (void)
{
  g_autoptr(GString) conf = g_string_new ("[entities]\n");
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(HearsayProject) project = core_test_new_project ("large-conf.hearsay");
  g_autofree char *dir = write_pair ("large-conf", "Un texte.\n", "T1\tType-1 0 2\tUn\n");
  g_autofree char *path = NULL;
  const char *paths[] = { dir, NULL };
  HearsayImportReport report;

  for (guint i = 1; i <= 4000; i++)
    g_string_append_printf (conf, "Type-%u\n", i);
  g_string_append (conf, "[attributes]\nShade\tArg:<ENTITY>, Value:light|dark\n");
  path = core_test_write_in (dir, "annotation.conf", conf->str);
  core_test_import_ok (project, "brat", paths, NULL, &report);
  g_assert_nonnull (hearsay_scheme_lookup_label (hearsay_project_get_scheme (project), "Type-4000"));
  g_assert_nonnull (hearsay_scheme_lookup_label (hearsay_project_get_scheme (project), "Type-1"));
  hearsay_import_report_clear (&report);
  g_test_message ("4,000 new labels: %.2f s", g_timer_elapsed (timer, NULL));
}

static void
test_explicit_files (void)
{
  g_autofree char *dir = write_pair ("explicit", "Damas a déclaré.\n", "T1\tsource-mention 0 5\tDamas\n");
  g_autofree char *ann = g_build_filename (dir, "doc.ann", NULL);
  g_autofree char *txt = g_build_filename (dir, "doc.txt", NULL);
  g_autofree char *other = core_test_write_in (dir, "doc_alice.ann", "T1\tAttribution_Cue 6 15\ta déclaré\n");
  const char *one[] = { ann, NULL };
  const char *text_only[] = { txt, NULL };
  const char *both[] = { txt, ann, other, NULL };
  const char * const *cases[] = { one, text_only, both };

  g_assert_cmpstr (hearsay_import_guess_format (txt), ==, "brat");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("explicit-%u.hearsay", i);
      g_autoptr(HearsayProject) project = core_test_new_project (name);
      HearsayImportReport report;
      g_autoptr(GPtrArray) anns = NULL;

      /* Format guessed from ".ann" and from the .ann beside the ".txt". */
      core_test_import_ok (project, NULL, cases[i], NULL, &report);
      g_assert_cmpuint (report.documents->len, ==, 1);
      anns = core_test_annotations (project, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)));
      g_assert_cmpuint (anns->len, ==, 2);
      /* Labels exactly as brat writes them. */
      find (anns, "source-mention", "Damas", "brat", 0);
      find (anns, "Attribution_Cue", "a d\xC3\xA9" "clar\xC3\xA9", "alice", 0);
      hearsay_import_report_clear (&report);
    }
}

/* Whose <stem>.ann a Hearsay export says it is, and annotators' names
 * with characters a file name cannot hold. */
static void
test_annotators (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("annotators.hearsay");
  g_autofree char *dir = core_test_path ("annotators");
  g_autofree char *a = core_test_write_in (dir, "0001-a.txt", "Un texte.\n");
  g_autofree char *b = core_test_write_in (dir, "0002-b.txt", "Deux textes.\n");
  g_autofree char *a_ann = core_test_write_in (dir, "0001-a.ann", "T1\tX 0 2\tUn\n");
  g_autofree char *b_ann = core_test_write_in (dir, "0002-b.ann", "T1\tX 0 4\tDeux\n");
  g_autofree char *b_other = core_test_write_in (dir, "0002-b_J%C3%A9r%C3%B4me %2F 2.ann", "T1\tX 5 11\ttextes\n");
  g_autofree char *conf = core_test_write_in (dir, "annotation.conf",
                                              "# offsets: codepoint, end exclusive\n"
                                              "# annotator: Anne Dupont\n"
                                              "# annotator 0002-b: brat\n"
                                              "[entities]\nX\n");
  const char *paths[] = { dir, NULL };
  HearsayImportReport report;

  core_test_import_ok (project, "brat", paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 2);
  {
    g_autoptr(GPtrArray) one = core_test_annotations (project, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)));
    g_autoptr(GPtrArray) two = core_test_annotations (project, hearsay_document_get_id (g_ptr_array_index (report.documents, 1)));

    find (one, "X", "Un", "Anne Dupont", 0);
    find (two, "X", "Deux", "brat", 0);
    find (two, "X", "textes", "J\xC3\xA9r\xC3\xB4me / 2", 0);
  }
  hearsay_import_report_clear (&report);
}

/* Offsets counted from after the BOM (a tool that read "utf-8-sig"), and
 * the user's --newlines, which wins over what the T lines suggest. */
static void
test_conventions (void)
{
  {
    g_autoptr(HearsayProject) project = core_test_new_project ("bom.hearsay");
    g_autofree char *dir = write_pair ("bom", "\xEF\xBB\xBF" "Alep et Homs.\n", "T1\tGPE 0 4\tAlep\nT2\tGPE 8 12\tHoms\n");
    const char *paths[] = { dir, NULL };
    HearsayImportReport report;
    g_autoptr(GPtrArray) anns = NULL;

    core_test_import_ok (project, "brat", paths, NULL, &report);
    g_assert_cmpuint (report.quote_mismatches->len, ==, 0);
    anns = core_test_annotations (project, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)));
    g_assert_cmpint (hearsay_annotation_get_start (find (anns, "GPE", "Alep", "brat", 0)), ==, 1);
    assert_exact (project, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)));
    hearsay_import_report_clear (&report);
  }
  {
    /* No text on the T lines: nothing to tell by; the user says CR LF is one. */
    g_autoptr(HearsayProject) project = core_test_new_project ("newlines.hearsay");
    g_autofree char *dir = write_pair ("newlines", "Un.\r\nAlep.\r\n", "T1\tGPE 4 8\n");
    const char *paths[] = { dir, NULL };
    HearsayImportOptions options = { .offsets_given = TRUE, .offsets = { HEARSAY_OFFSET_CODEPOINT, TRUE, FALSE } };
    HearsayImportReport report;
    g_autoptr(GPtrArray) anns = NULL;

    core_test_import_ok (project, "brat", paths, &options, &report);
    anns = core_test_annotations (project, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)));
    g_assert_cmpstr (hearsay_annotation_get_fragment (g_ptr_array_index (anns, 0), 0)->exact, ==, "Alep");
    hearsay_import_report_clear (&report);
  }
}

/* brat lists every .txt as a document: one without .ann comes in without
 * annotations, and the report says so. */
static void
test_bare_text (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("bare.hearsay");
  g_autofree char *dir = write_pair ("bare", "Un texte.\n", "T1\tX 0 2\tUn\n");
  g_autofree char *sub = g_build_filename (dir, "deeper", "still", NULL);
  g_autofree char *readme = core_test_write_in (sub, "README.txt", "Lisez-moi.\n");
  const char *paths[] = { dir, NULL };
  HearsayImportReport report;

  core_test_import_ok (project, "brat", paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 2);
  g_assert_cmpuint (report.n_annotations, ==, 1);
  g_assert_true (report_has (&report, "README.txt", "no .ann file beside it"));
  hearsay_import_report_clear (&report);
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/import-brat/tutorial", test_tutorial);
  g_test_add_func ("/import-brat/quote-mismatch", test_quote_mismatch);
  g_test_add_func ("/import-brat/refusals", test_refusals);
  g_test_add_func ("/import-brat/explicit-files", test_explicit_files);
  g_test_add_func ("/import-brat/large-conf", test_large_conf);
  g_test_add_func ("/import-brat/annotators", test_annotators);
  g_test_add_func ("/import-brat/conventions", test_conventions);
  g_test_add_func ("/import-brat/bare-text", test_bare_text);
  return g_test_run ();
}
