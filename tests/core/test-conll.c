/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-conll.c: the CoNLL export as NLTK's ConllCorpusReader reads it (two
 * columns on every line, no comment unless asked, no grapheme cluster split
 * between tokens: flags, emoji sequences, combining marks), and the
 * CoNLL-2003 and CoNLL-U imports: the shared task's IOB1 files, BIO/IOBES
 * tags, tokens anchored on a text given alongside (BOM, CRLF, emoji,
 * Arabic) or on the text rebuilt from "# text", SpaceAfter=No and
 * SpacesAfter, multiword tokens and empty nodes, CoNLL-U Plus columns;
 * refusals that name the line; and the round trip Hearsay → CoNLL →
 * Hearsay on the original texts. With "--write-sample FILE" it writes one
 * export for tests/core/validate-conll-nltk.sh. */
#include <string.h>

#include "hearsay-export.h"
#include "hearsay-project-bulk.h"
#include "core-test-import.h"

#define TEXT "Damas \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD a d\xC3\xA9" "clar\xC3\xA9 : \xC2\xAB Deir ez-Zor est libe\xCC\x81r\xC3\xA9" "e \xC2\xBB.\r\n" \
  "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85 " \
  "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA x\xC2\x85y fin.\r\n"
#define FLAGS "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA"

static void
annotate (HearsayProject *project,
          gint64          doc,
          const char     *text,
          const char     *label,
          const char     *quote)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (doc, label);
  g_autoptr(GError) error = NULL;
  gint64 start = core_test_offset_of (text, quote);

  hearsay_annotation_add_fragment (ann, start, start + g_utf8_strlen (quote, -1));
  hearsay_project_create_annotation (project, ann, &error);
  g_assert_no_error (error);
}

static HearsayProject *
conll_project (const char *name)
{
  HearsayProject *project = core_test_new_project (name);
  g_autoptr(GError) error = NULL;
  gint64 d = core_test_add_document (project, TEXT, "Damas");
  gint64 d2 = core_test_add_document (project, "Second texte.\n", "Second");
  g_autoptr(HearsayAnnotation) custom = hearsay_annotation_new (d, "Custom Label");
  g_autoptr(HearsayTextIndex) index = hearsay_text_index_new (TEXT);
  gint64 fin = core_test_offset_of (TEXT, "fin");

  annotate (project, d, TEXT, "source_mention", "Damas");
  annotate (project, d, TEXT, "claim", "Deir ez-Zor est libe\xCC\x81r\xC3\xA9" "e");
  annotate (project, d, TEXT, "source_mention", "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7");
  annotate (project, d, TEXT, "frame_cue", FLAGS);
  annotate (project, d2, "Second texte.\n", "claim", "Second texte");
  /* A label outside the scheme, with a space, as another tool may bring. */
  hearsay_annotation_add_fragment (custom, fin, fin + 3);
  hearsay_annotation_fill_quotes (custom, index);
  hearsay_annotation_set_annotator (custom, "other");
  hearsay_annotation_set_created_at (custom, "2026-01-01T00:00:00Z");
  hearsay_annotation_set_modified_at (custom, "2026-01-01T00:00:00Z");
  g_assert_true (hearsay_project_bulk_begin (project, &error));
  g_assert_true (hearsay_project_bulk_add_annotation (project, custom, &error));
  g_assert_true (hearsay_project_bulk_commit (project, &error));
  g_assert_no_error (error);
  return project;
}

static char *
export_conll (HearsayProject *project,
              const char     *name,
              gboolean        comments,
              GPtrArray      *warnings)
{
  HearsayExportOptions options = { 0 };
  g_autofree char *path = core_test_path (name);
  g_autoptr(GError) error = NULL;

  options.comments = comments;
  options.warnings = warnings;
  g_assert_true (hearsay_export_project_to_path (project, HEARSAY_EXPORT_CONLL, &options, path, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

/* Two columns on every non-blank line (split as Python's str.split()
 * does), -DOCSTART- as its own block, each flag pair one token. */
static void
test_export_shape (void)
{
  g_autoptr(HearsayProject) project = conll_project ("conll-shape.hearsay");
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *path = export_conll (project, "shape.conll", FALSE, warnings);
  g_autofree char *data = core_test_read (path, NULL);
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  gboolean said = FALSE;

  g_assert_true (g_str_has_prefix (data, "-DOCSTART-\tO\n\nDamas\tB-source_mention\n"));
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) columns = NULL;

      if (*lines[i] == '\0')
        continue;
      columns = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (columns), ==, 2);
      /* Nothing Python splits on is left inside a column. */
      g_assert_null (strstr (lines[i], " "));
      g_assert_null (strstr (lines[i], "\xC2\x85"));
      g_assert_null (strstr (lines[i], "\r"));
    }
  /* The two flags are two clusters, each one token; none is split. */
  g_assert_nonnull (strstr (data, "\n\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7\tB-frame_cue\n\xF0\x9F\x87\xA9\xF0\x9F\x87\xAA\tI-frame_cue\n"));
  g_assert_nonnull (strstr (data, "\nlibe\xCC\x81r\xC3\xA9" "e\tI-claim\n"));
  g_assert_nonnull (strstr (data, "\n\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD\tO\n"));
  /* U+0085 (NEL) separates tokens and, as Python's splitlines() breaks
   * lines there, ends the sentence. */
  g_assert_nonnull (strstr (data, "\nx\tO\n\ny\tO\n"));
  g_assert_nonnull (strstr (data, "\nfin\tB-Custom_Label\n"));
  for (guint i = 0; i < warnings->len; i++)
    said = said || strstr (g_ptr_array_index (warnings, i), "“Custom Label” is written “Custom_Label”") != NULL;
  g_assert_true (said);
}

/* The shared task's own shape: four columns, IOB1 (I- unless two entities
 * touch), -DOCSTART- between documents; the text is rebuilt. */
static void
test_conll2003_iob1 (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("conll-iob1.hearsay");
  g_autofree char *path = core_test_fixture ("conll2003/eng-iob1.conll");
  const char *paths[] = { path, NULL };
  HearsayImportReport report;
  g_autoptr(GPtrArray) first = NULL, second = NULL;
  HearsayDocument *d1, *d2;
  const char *want1[] = { "ORG«EU»", "MISC«German»", "MISC«British»", "PER«Peter Blackburn»" };
  const char *want2[] = { "LOC«BRUSSELS»", "ORG«European Commission»", "LOC«Germany»", "LOC«France»" };

  g_assert_cmpstr (hearsay_import_guess_format (path), ==, "conll2003");
  core_test_import_ok (project, NULL, paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 2);
  d1 = g_ptr_array_index (report.documents, 0);
  d2 = g_ptr_array_index (report.documents, 1);
  g_assert_cmpstr (hearsay_document_get_text (d1), ==,
                   "EU rejects German call to boycott British lamb .\nPeter Blackburn\n");
  first = core_test_annotations (project, hearsay_document_get_id (d1));
  second = core_test_annotations (project, hearsay_document_get_id (d2));
  g_assert_cmpuint (first->len, ==, G_N_ELEMENTS (want1));
  g_assert_cmpuint (second->len, ==, G_N_ELEMENTS (want2));
  for (guint i = 0; i < first->len; i++)
    {
      g_autofree char *exact = hearsay_annotation_dup_text (g_ptr_array_index (first, i));
      g_autofree char *got = g_strdup_printf ("%s«%s»", hearsay_annotation_get_label (g_ptr_array_index (first, i)), exact);

      g_assert_cmpstr (got, ==, want1[i]);
    }
  for (guint i = 0; i < second->len; i++)
    {
      g_autofree char *exact = hearsay_annotation_dup_text (g_ptr_array_index (second, i));
      g_autofree char *got = g_strdup_printf ("%s«%s»", hearsay_annotation_get_label (g_ptr_array_index (second, i)), exact);

      g_assert_cmpstr (got, ==, want2[i]);
    }
  hearsay_import_report_clear (&report);
}

static char *
quotes (HearsayProject *project,
        gint64          doc)
{
  g_autoptr(GPtrArray) anns = core_test_annotations (project, doc);
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(HearsayDocument) d = hearsay_project_load_document (project, doc, NULL);

  for (guint i = 0; i < anns->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (anns, i);
      g_autofree char *slice = hearsay_text_substring (hearsay_document_get_text (d), hearsay_annotation_get_start (ann),
                                                       hearsay_annotation_get_end (ann));

      /* text[start:end] is the quote. */
      g_assert_cmpstr (slice, ==, hearsay_annotation_get_fragment (ann, 0)->exact);
      g_string_append_printf (s, "%s«%s»\n", hearsay_annotation_get_label (ann), slice);
    }
  return g_strdup (s->str);
}

/* IOBES tags, tokens anchored on the text given alongside: its BOM, CRLF,
 * emoji with a modifier, combining mark and Arabic. */
static void
test_conll2003_text (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("conll-text.hearsay");
  g_autofree char *conll = core_test_fixture ("conll2003/article.conll");
  g_autofree char *txt = core_test_fixture ("conll2003/article.txt");
  const char *paths[] = { conll, txt, NULL };
  HearsayImportReport report;
  HearsayDocument *doc;
  g_autofree char *got = NULL;

  core_test_import_ok (project, "conll2003", paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 1);
  doc = g_ptr_array_index (report.documents, 0);
  g_assert_true (g_str_has_prefix (hearsay_document_get_text (doc), "\xEF\xBB\xBF" "Damas"));
  got = quotes (project, hearsay_document_get_id (doc));
  g_assert_cmpstr (got, ==, "PER«Damas»\nLOC«Deir ez-Zor»\n"
                            "MISC«\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85»\n");
  hearsay_import_report_clear (&report);
}

/* UD's shape: # newdoc, # newpar, # text, SpaceAfter=No, SpacesAfter, a
 * multiword token ("au" = à le) holding an entity, an empty node, NER= in
 * MISC; and a CoNLL-U Plus file with a NER column and CRLF lines. */
static void
test_conllu (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("conllu.hearsay");
  g_autofree char *ud = core_test_fixture ("conllu/ud-fr.conllu");
  g_autofree char *plus = core_test_fixture ("conllu/plus.conllu");
  const char *paths[] = { ud, plus, NULL };
  HearsayImportReport report;
  HearsayDocument *d1, *d2, *d3;
  g_autofree char *q1 = NULL, *q2 = NULL, *q3 = NULL;

  g_assert_cmpstr (hearsay_import_guess_format (ud), ==, "conllu");
  core_test_import_ok (project, NULL, paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 3);
  d1 = g_ptr_array_index (report.documents, 0);
  d2 = g_ptr_array_index (report.documents, 1);
  d3 = g_ptr_array_index (report.documents, 2);
  g_assert_cmpstr (hearsay_document_get_title (d1), ==, "rt-2017-11-03");
  g_assert_cmpstr (hearsay_document_get_text (d1), ==,
                   "Damas a d\xC3\xA9" "clar\xC3\xA9 : \xC2\xAB Deir ez-Zor est libe\xCC\x81r\xC3\xA9" "e \xC2\xBB.\n"
                   "Selon Sana, au nord \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 : "
                   "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7.\n");
  g_assert_cmpstr (hearsay_document_get_text (d2), ==, "Second texte!\n\nFin.\n");
  g_assert_cmpstr (hearsay_document_get_text (d3), ==, "Fin " FLAGS "\n");
  q1 = quotes (project, hearsay_document_get_id (d1));
  q2 = quotes (project, hearsay_document_get_id (d2));
  q3 = quotes (project, hearsay_document_get_id (d3));
  g_assert_cmpstr (q1, ==, "LOC«Damas»\nLOC«Deir ez-Zor»\nORG«Sana»\nLOC«au nord»\n"
                           "PER«\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7»\n");
  g_assert_cmpstr (q2, ==, "MISC«Fin»\n");
  g_assert_cmpstr (q3, ==, "MISC«Fin " FLAGS "»\n");
  hearsay_import_report_clear (&report);
}

static void
test_refusals (void)
{
  struct { const char *format, *content, *text, *expect, *expect2; } cases[] = {
    { "conll2003", "EU B-ORG\nrejects O\n", "EU refuses.\n", "bad.conll:2:", "the token “rejects” is not the text" },
    { "conll2003", "EU B-ORG\n", "EU rejects.\n", "bad.conll:", "goes on after the document's last token" },
    { "conll2003", "EU NNP B-ORG\nrejects O\n", NULL, "bad.conll:2:", "2 columns, where the lines before have 3" },
    { "conll2003", "EU X-ORG\n", NULL, "bad.conll:1:", "not an IOB tag" },
    { "conll2003", "-DOCSTART- O\n\nEU B-ORG\n\n-DOCSTART- O\n\nUN B-ORG\n", "EU\n", "bad.conll:", "2 documents, and 1 texts" },
    { "conllu", "1\tEU\t_\t_\t_\t_\t_\t_\t_\n", NULL, "bad.conll:1:", "9 columns, where CoNLL-U has 10" },
    { "conllu", "# text = EU rejects it.\n1\tEU\t_\t_\t_\t_\t_\t_\t_\tNER=B-ORG\n2\trefuses\t_\t_\t_\t_\t_\t_\t_\t_\n",
      NULL, "bad.conll:3:", "the token “refuses” is not the text" },
    /* A tokenizer that split "é" from its combining mark. */
    { "conll2003", "libe\tB-LOC\n\xCC\x81r\xC3\xA9" "e\tO\n", "libe\xCC\x81r\xC3\xA9" "e\n", "bad.conll:1:", "splits a character" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = core_test_path ("bad-conll");
      g_autofree char *path = core_test_write_in (dir, "bad.conll", cases[i].content);
      g_autofree char *txt = cases[i].text ? core_test_write_in (dir, "bad.txt", cases[i].text) : NULL;
      const char *paths[] = { path, txt, NULL };
      g_autofree char *message = core_test_assert_import_refused (cases[i].format, paths, NULL, cases[i].expect,
                                                                  cases[i].expect2);
    }
}

/* Hearsay → CoNLL → Hearsay with the original texts given alongside: the
 * labels of token-aligned annotations come back on the same spans ("Custom
 * Label" as "Custom_Label", as the export said); the texts are the
 * originals, CRLF included. CoNLL carries no attributes, notes,
 * relations, annotators or overlapping spans. */
static void
test_roundtrip (void)
{
  g_autoptr(HearsayProject) project = conll_project ("conll-rt.hearsay");
  g_autofree char *path = export_conll (project, "rt.conll", FALSE, NULL);
  g_autofree char *dir = core_test_path ("conll-rt-texts");
  g_autofree char *t1 = core_test_write_in (dir, "1.txt", TEXT);
  g_autofree char *t2 = core_test_write_in (dir, "2.txt", "Second texte.\n");
  const char *paths[] = { path, t1, t2, NULL };
  g_autoptr(HearsayProject) back = core_test_new_project ("conll-rt-back.hearsay");
  HearsayImportReport report;
  g_autofree char *q1 = NULL, *q2 = NULL;

  core_test_import_ok (back, "conll2003", paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 2);
  g_assert_cmpstr (hearsay_document_get_text (g_ptr_array_index (report.documents, 0)), ==, TEXT);
  q1 = quotes (back, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)));
  q2 = quotes (back, hearsay_document_get_id (g_ptr_array_index (report.documents, 1)));
  g_assert_cmpstr (q1, ==, "source_mention«Damas»\nclaim«Deir ez-Zor est libe\xCC\x81r\xC3\xA9" "e»\n"
                           "source_mention«\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7»\nframe_cue«" FLAGS "»\n"
                           "Custom_Label«fin»\n");
  g_assert_cmpstr (q2, ==, "claim«Second texte»\n");
  hearsay_import_report_clear (&report);
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  if (argc == 3 && g_str_equal (argv[1], "--write-sample"))
    {
      g_autoptr(HearsayProject) project = conll_project ("conll-sample.hearsay");
      g_autofree char *path = export_conll (project, "sample.conll", FALSE, NULL);
      g_autofree char *data = core_test_read (path, NULL);

      core_test_write (argv[2], data, -1);
      return 0;
    }
  g_test_add_func ("/conll/export-shape", test_export_shape);
  g_test_add_func ("/conll/conll2003-iob1", test_conll2003_iob1);
  g_test_add_func ("/conll/conll2003-text", test_conll2003_text);
  g_test_add_func ("/conll/conllu", test_conllu);
  g_test_add_func ("/conll/refusals", test_refusals);
  g_test_add_func ("/conll/roundtrip", test_roundtrip);
  return g_test_run ();
}
