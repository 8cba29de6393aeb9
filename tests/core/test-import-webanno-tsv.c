/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-webanno-tsv.c: WebAnno TSV 3.3 as INCEpTION writes it —
 * span layers with features, stacked and multi-token annotations ([N]),
 * sub-token rows, chains, relations with [A_B] references, slot features,
 * escaped values, UTF-16 offsets over emoji, combining marks and Arabic,
 * an escaped CR, the text rebuilt from "#Text=" lines (a line feed or
 * spaces between sentences), INCEpTION's per-user layout, and refusals
 * that name the file and line and leave the project unchanged. The
 * fixtures are written from INCEpTION's format page (webannotsv.adoc) and
 * shaped like the files of its test suite (tsv3-suite/…/reference.tsv). */
#include "core-test-import.h"
#include "hearsay-relation.h"

#define NEWS_TEXT "Selon Reuters , l'arme\xCC\x81" "e \xF0\x9F\x91\x8D a d\xC3\xA9" "clar\xC3\xA9 que Deir ez-Zor est " \
  "libe\xCC\x81re\xCC\x81" "e .\n" \
  "\xD9\x82\xD8\xA7\xD9\x84 \xD8\xA7\xD9\x84\xD9\x85\xD8\xAA\xD8\xAD\xD8\xAF\xD8\xAB \xD8\xA8\xD8\xA7\xD8\xB3\xD9\x85 " \
  "\xD8\xA7\xD9\x84\xD8\xAC\xD9\x8A\xD8\xB4 .\n" \
  "  Fin de la d\xC3\xA9p\xC3\xAA" "che\r\nSuivez-nous ."
#define SPOKESMAN "\xD8\xA7\xD9\x84\xD9\x85\xD8\xAA\xD8\xAD\xD8\xAF\xD8\xAB \xD8\xA8\xD8\xA7\xD8\xB3\xD9\x85 " \
  "\xD8\xA7\xD9\x84\xD8\xAC\xD9\x8A\xD8\xB4"
#define ARMY "\xD8\xA7\xD9\x84\xD8\xAC\xD9\x8A\xD8\xB4"

/* The annotation of @anns labelled @label whose first fragment quotes
 * @quote; asserts it is there, and that the stored text has @quote there. */
static HearsayAnnotation *
find (GPtrArray  *anns,
      const char *text,
      const char *label,
      const char *quote)
{
  for (guint i = 0; i < anns->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (anns, i);
      const HearsayFragment *f = hearsay_annotation_get_fragment (ann, 0);
      const char *s = g_utf8_offset_to_pointer (text, f->start);
      const char *e = g_utf8_offset_to_pointer (text, f->end);

      if (g_strcmp0 (hearsay_annotation_get_label (ann), label) == 0 && g_str_equal (f->exact, quote))
        {
          /* text[start:end] == quote, on the stored text itself. */
          g_assert_cmpint (e - s, ==, strlen (quote));
          g_assert_true (memcmp (s, quote, e - s) == 0);
          return ann;
        }
    }
  g_error ("no %s annotation quoting “%s”", label, quote);
  return NULL;
}

static HearsayDocument *
only_document (HearsayProject *project,
               HearsayImportReport *report)
{
  g_assert_cmpuint (report->documents->len, ==, 1);
  return hearsay_project_load_document (project, hearsay_document_get_id (g_ptr_array_index (report->documents, 0)),
                                        NULL);
}

static gboolean
has_relation (GPtrArray         *relations,
              const char        *type,
              HearsayAnnotation *from,
              HearsayAnnotation *to)
{
  for (guint i = 0; i < relations->len; i++)
    {
      HearsayRelation *r = g_ptr_array_index (relations, i);

      if (g_str_equal (r->type, type) && r->from_id == hearsay_annotation_get_id (from) &&
          r->to_id == hearsay_annotation_get_id (to))
        return TRUE;
    }
  return FALSE;
}

/* Every kind of cell of the format, on a text with an astral emoji (2
 * UTF-16 units), combining acute accents, Arabic and an escaped CR. */
static void
test_news (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("tsv-news.hearsay");
  g_autofree char *path = core_test_fixture ("webanno-tsv/news.tsv");
  const char *paths[] = { path, NULL };
  HearsayImportReport report;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(GPtrArray) anns = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  HearsayAnnotation *reuters, *coref_reuters, *coref_army, *spokesman, *claim, *ann;
  const char *text;

  /* A ".tsv" that starts with the format line is WebAnno TSV, not SemEval. */
  g_assert_cmpstr (hearsay_import_guess_format (path), ==, "webanno-tsv");
  core_test_import_ok (project, NULL, paths, NULL, &report);
  doc = only_document (project, &report);
  text = hearsay_document_get_text (doc);
  /* The text as INCEpTION rebuilds it: "\n" where the next sentence starts
   * one unit after the last, "\n" and spaces where it starts later, the
   * escaped CR kept, and no line feed after the last sentence. */
  g_assert_cmpstr (text, ==, NEWS_TEXT);
  g_assert_cmpstr (hearsay_document_get_title (doc), ==, "news");
  anns = core_test_annotations (project, hearsay_document_get_id (doc));
  g_assert_cmpuint (anns->len, ==, 11);
  g_assert_cmpuint (report.n_annotations, ==, 11);

  reuters = find (anns, text, "ORG", "Reuters");
  g_assert_null (hearsay_annotation_get_attribute (reuters, "identifier"));
  g_assert_cmpstr (hearsay_annotation_get_annotator (reuters), ==, "inception");
  /* A sub-token row: "armée" inside the token "l'armée". */
  find (anns, text, "ORG", "arme\xCC\x81" "e");
  /* A span layer named like a scheme label takes that label. */
  ann = find (anns, text, "claim", "\xF0\x9F\x91\x8D");
  g_assert_null (hearsay_annotation_get_attribute (ann, "status"));
  /* [2] over two rows, an escaped "->" in the identifier. */
  ann = find (anns, text, "LOC", "Deir ez-Zor");
  g_assert_cmpstr (hearsay_annotation_get_attribute (ann, "identifier"), ==, "Q3->wd");
  find (anns, text, "LOC", "Zor");
  /* [3] over four rows, stacked with [4] on the last, its value escaped. */
  claim = find (anns, text, "claim", "Deir ez-Zor est libe\xCC\x81re\xCC\x81" "e");
  g_assert_cmpstr (hearsay_annotation_get_attribute (claim, "status"), ==, "dis|puted_[x]");
  ann = find (anns, text, "claim", "libe\xCC\x81re\xCC\x81" "e");
  g_assert_cmpstr (hearsay_annotation_get_attribute (ann, "status"), ==, "false");
  spokesman = find (anns, text, "PER", SPOKESMAN);
  /* Across the escaped CR and the line feed of a two-line sentence. */
  find (anns, text, "claim", "d\xC3\xA9p\xC3\xAA" "che\r\nSuivez-nous");
  /* A chain: elements labelled after the layer, linked by referenceRelation. */
  coref_reuters = find (anns, text, "Coreference", "Reuters");
  g_assert_cmpstr (hearsay_annotation_get_attribute (coref_reuters, "referenceType"), ==, "nam");
  g_assert_null (hearsay_annotation_get_attribute (coref_reuters, "referenceRelation"));
  coref_army = find (anns, text, "Coreference", ARMY);

  relations = hearsay_project_list_relations (project, hearsay_document_get_id (doc), NULL);
  g_assert_cmpuint (relations->len, ==, 2);
  /* "1-2[0_5]" on the row of the target: from Reuters to [5]. */
  g_assert_true (has_relation (relations, "relayed_by", reuters, spokesman));
  g_assert_true (has_relation (relations, "coref", coref_reuters, coref_army));
  g_assert_cmpuint (report.skipped->len, ==, 0);
  hearsay_import_report_clear (&report);
}

/* INCEpTION's slot features (its spec's Frame/Lu example): each slot is a
 * relation from the span to the target, typed by its role. */
static void
test_slots (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("tsv-slots.hearsay");
  g_autofree char *path = core_test_fixture ("webanno-tsv/slots.tsv");
  const char *paths[] = { path, NULL };
  HearsayImportReport report;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(GPtrArray) anns = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  HearsayAnnotation *frame, *bob, *clock, *john;
  const char *text;

  core_test_import_ok (project, "webanno-tsv", paths, NULL, &report);
  doc = only_document (project, &report);
  text = hearsay_document_get_text (doc);
  anns = core_test_annotations (project, hearsay_document_get_id (doc));
  frame = find (anns, text, "Frame", "auctioned");
  g_assert_cmpstr (hearsay_annotation_get_attribute (frame, "FE"), ==, "transaction");
  bob = find (anns, text, "Lu", "Bob");
  clock = find (anns, text, "Lu", "the clock");
  g_assert_cmpstr (hearsay_annotation_get_attribute (clock, "luvalue"), ==, "clock");
  john = find (anns, text, "Lu", "John");
  relations = hearsay_project_list_relations (project, hearsay_document_get_id (doc), NULL);
  g_assert_cmpuint (relations->len, ==, 3);
  g_assert_true (has_relation (relations, "seller", frame, bob));
  g_assert_true (has_relation (relations, "goods", frame, clock));
  g_assert_true (has_relation (relations, "buyer", frame, john));
  hearsay_import_report_clear (&report);
}

/* A project export's layout: annotation/<document>/<user>.tsv and
 * curation/<document>/CURATION_USER.tsv are one document; each file's user
 * is the annotator of its annotations. */
static void
test_per_user_layout (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("tsv-users.hearsay");
  g_autofree char *dir = core_test_fixture ("webanno-tsv/project");
  const char *paths[] = { dir, NULL };
  HearsayImportReport report;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(GPtrArray) anns = NULL;
  const char *text;

  g_assert_cmpstr (hearsay_import_guess_format (dir), ==, "webanno-tsv");
  core_test_import_ok (project, NULL, paths, NULL, &report);
  doc = only_document (project, &report);
  text = hearsay_document_get_text (doc);
  g_assert_cmpstr (hearsay_document_get_title (doc), ==, "article.txt");
  anns = core_test_annotations (project, hearsay_document_get_id (doc));
  g_assert_cmpuint (anns->len, ==, 3);
  g_assert_cmpstr (hearsay_annotation_get_annotator (find (anns, text, "claim", "Damas est libre")), ==, "alice");
  g_assert_cmpstr (hearsay_annotation_get_annotator (find (anns, text, "claim", "libre")), ==, "bob");
  g_assert_cmpstr (hearsay_annotation_get_annotator (find (anns, text, "source_mention", "Damas")), ==,
                   "CURATION_USER");
  hearsay_import_report_clear (&report);
}

/* The user's --offsets wins over the format's UTF-16: a file written by a
 * tool counting code points reads right only so. */
static void
test_offsets_option (void)
{
  const char *content = "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Claim|status\n\n\n"
                        "#Text=\xF0\x9F\x91\x8D ok\n1-1\t0-1\t\xF0\x9F\x91\x8D\t_\t\n1-2\t2-4\tok\tfalse\t\n";
  g_autofree char *dir = core_test_path ("tsv-codepoints");
  g_autofree char *path = core_test_write_in (dir, "cp.tsv", content);
  const char *paths[] = { path, NULL };
  HearsayImportOptions options = { .offsets_given = TRUE, .offsets = { HEARSAY_OFFSET_CODEPOINT, FALSE, FALSE } };
  g_autoptr(HearsayProject) project = core_test_new_project ("tsv-cp.hearsay");
  HearsayImportReport report;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(GPtrArray) anns = NULL;
  g_autofree char *message = NULL;

  /* As UTF-16 (the default), 0-1 is half the emoji: refused, not shifted. */
  message = core_test_assert_import_refused ("webanno-tsv", paths, NULL, "cp.tsv:6:", "UTF-16");
  core_test_import_ok (project, "webanno-tsv", paths, &options, &report);
  doc = only_document (project, &report);
  anns = core_test_annotations (project, hearsay_document_get_id (doc));
  find (anns, hearsay_document_get_text (doc), "claim", "ok");
  hearsay_import_report_clear (&report);
}

static void
test_refusals (void)
{
  struct { const char *content; const char *expect; const char *expect2; } cases[] = {
    /* Not TSV 3. */
    { "#FORMAT=WebAnno TSV 2\n", "bad.tsv:1:", "first line" },
    { "#FORMAT=WebAnno TSV 3.1\n\n\n#Text=a\n1-1\t0-1\ta\t\n", "bad.tsv:1:", "3.3" },
    /* A header line that is no layer. */
    { "#FORMAT=WebAnno TSV 3.3\n#T_XX=foo\n\n\n", "bad.tsv:2:", "layer declaration" },
    { "#FORMAT=WebAnno TSV 3.3\n#T_RL=webanno.custom.R|value\n\n\n", "bad.tsv:2:", "BT_" },
    /* A row's text that is not the text at its offsets. */
    { "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.S|value\n\n\n#Text=Hello world\n"
      "1-1\t0-5\tHello\t_\t\n1-2\t6-11\tWorld\tX\t\n", "bad.tsv:7:", "“World”" },
    /* Beyond the text. */
    { "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.S|value\n\n\n#Text=Hi\n1-1\t0-9\tHi\t_\t\n",
      "bad.tsv:6:", "outside the text" },
    /* Too few fields for the declared columns. */
    { "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.S|a|b\n\n\n#Text=Hi\n1-1\t0-2\tHi\t_\n",
      "bad.tsv:6:", "4 fields" },
    /* A sentence that starts inside the one before. */
    { "#FORMAT=WebAnno TSV 3.3\n\n\n#Text=One two\n1-1\t0-3\tOne\t\n1-2\t4-7\ttwo\t\n\n"
      "#Text=Three\n2-1\t5-10\tThree\t\n", "bad.tsv:9:", "inside the sentence before" },
    /* Token ids out of order. */
    { "#FORMAT=WebAnno TSV 3.3\n\n\n#Text=One two\n1-1\t0-3\tOne\t\n1-3\t4-7\ttwo\t\n", "bad.tsv:6:", "token 2" },
    /* A relation to a row without an annotation of its base type. */
    { "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.S|value\n#T_RL=webanno.custom.R|value|BT_webanno.custom.S\n\n\n"
      "#Text=One two\n1-1\t0-3\tOne\t_\t_\t_\t\n1-2\t4-7\ttwo\tX\trel\t1-1\t\n", "bad.tsv:8:", "row 1-1 has no" },
    /* An id that no annotation has. */
    { "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.S|value\n#T_RL=webanno.custom.R|value|BT_webanno.custom.S\n\n\n"
      "#Text=One two\n1-1\t0-3\tOne\tX\t_\t_\t\n1-2\t4-7\ttwo\tX\trel\t1-1[7_0]\t\n", "bad.tsv:8:", "[7]" },
    /* Tokens without a sentence header. */
    { "#FORMAT=WebAnno TSV 3.3\n\n\n1-1\t0-3\tOne\t\n", "bad.tsv:4:", "sentence header" },
    /* No sentence at all. */
    { "#FORMAT=WebAnno TSV 3.3\n\n\n", "bad.tsv", "no sentence" },
    /* Invalid UTF-8. */
    { "#FORMAT=WebAnno TSV 3.3\n\n\n#Text=caf\xE9\n1-1\t0-4\tcaf\xE9\t\n", "bad.tsv:4:", "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = core_test_path ("bad-tsv");

      g_test_message ("case %u", i);
      g_autofree char *path = core_test_write_in (dir, "bad.tsv", cases[i].content);
      const char *paths[] = { path, NULL };
      g_autofree char *message = core_test_assert_import_refused ("webanno-tsv", paths, NULL, cases[i].expect,
                                                                  cases[i].expect2);
    }
}

/* A layer without features (INCEpTION writes "Type|" and "*") and a
 * zero-width span (a "0-0" sub-token row, as in INCEpTION's
 * testZeroLengthSpansWithoutFeatures): the span has no text to annotate in
 * Hearsay, and the report says it was left out. */
static void
test_zero_width (void)
{
  const char *content = "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.SimpleSpan|\n\n\n"
                        "#Text=This is a test .\n1-1\t0-4\tThis\t_\t\n1-1.1\t0-0\t\t*\t\n1-2\t5-7\tis\t*\t\n"
                        "1-3\t8-9\ta\t_\t\n1-4\t10-14\ttest\t_\t\n1-5\t15-16\t.\t_\t\n1-5.1\t16-16\t\t*\t\n";
  g_autofree char *dir = core_test_path ("tsv-zero");
  g_autofree char *path = core_test_write_in (dir, "zero.tsv", content);
  const char *paths[] = { path, NULL };
  g_autoptr(HearsayProject) project = core_test_new_project ("tsv-zero.hearsay");
  HearsayImportReport report;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(GPtrArray) anns = NULL;

  core_test_import_ok (project, NULL, paths, NULL, &report);
  doc = only_document (project, &report);
  anns = core_test_annotations (project, hearsay_document_get_id (doc));
  g_assert_cmpuint (anns->len, ==, 1);
  find (anns, hearsay_document_get_text (doc), "SimpleSpan", "is");
  g_assert_cmpuint (report.skipped->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (report.skipped, 0), "zero.tsv: 2 zero-width spans are left out"));
  hearsay_import_report_clear (&report);
}

/* Two users' files of one document whose texts differ are refused. */
static void
test_users_disagree (void)
{
  const char *alice = "#FORMAT=WebAnno TSV 3.3\n\n\n#Text=One two\n1-1\t0-3\tOne\t\n1-2\t4-7\ttwo\t\n";
  const char *bob = "#FORMAT=WebAnno TSV 3.3\n\n\n#Text=One too\n1-1\t0-3\tOne\t\n1-2\t4-7\ttoo\t\n";
  g_autofree char *root = core_test_path ("tsv-disagree");
  g_autofree char *dir = g_build_filename (root, "annotation", "doc.txt", NULL);
  g_autofree char *a = core_test_write_in (dir, "alice.tsv", alice);
  g_autofree char *b = core_test_write_in (dir, "bob.tsv", bob);
  const char *paths[] = { root, NULL };
  g_autofree char *message = core_test_assert_import_refused ("webanno-tsv", paths, NULL, "bob.tsv", "character 5");
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/import-webanno-tsv/news", test_news);
  g_test_add_func ("/import-webanno-tsv/slots", test_slots);
  g_test_add_func ("/import-webanno-tsv/per-user-layout", test_per_user_layout);
  g_test_add_func ("/import-webanno-tsv/offsets-option", test_offsets_option);
  g_test_add_func ("/import-webanno-tsv/refusals", test_refusals);
  g_test_add_func ("/import-webanno-tsv/users-disagree", test_users_disagree);
  g_test_add_func ("/import-webanno-tsv/zero-width", test_zero_width);
  return g_test_run ();
}
