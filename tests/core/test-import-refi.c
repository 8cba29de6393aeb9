/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-refi.c: REFI-QDA projects as NVivo, QualCoder, ATLAS.ti and
 * MAXQDA write them (fixtures in tests/fixtures/import/refi/, written by
 * its generate.py from each tool's documented conventions; README.md there
 * says where each fact comes from), and the .qdc codebook.
 *
 * Each tool counts positions its own way: the importer must find it per
 * source from the file's evidence and say what it chose. Every span is
 * asserted as text[start:end] == quote on the stored text (BOM and CR LF
 * kept), on texts with emoji (astral, flags, a skin-tone modifier), a
 * combining mark and Arabic. Bad spans are reported with their place and
 * left out; broken archives are refused and leave the project as it was. */
#include "core-test-refi.h"

#define BOM "\xEF\xBB\xBF"
#define ARABIC "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85"
#define LIBEREE "libe\xCC\x81r\xC3\xA9" "e"

static HearsayProject *
import_fixture (const char          *name,
                const char          *format,
                const char          *path,
                HearsayImportReport *report)
{
  HearsayProject *project = core_test_new_project (name);
  const char *paths[] = { path, NULL };

  core_test_import_ok (project, format, paths, NULL, report);
  core_test_print_list ("note", report->notes);
  core_test_print_list ("skipped", report->skipped);
  core_test_print_list ("mismatch", report->quote_mismatches);
  return project;
}

static GPtrArray *
annotations_of (HearsayProject  *project,
                HearsayDocument *doc)
{
  return core_test_annotations (project, hearsay_document_get_id (doc));
}

/* NVivo 12.6: Sources/ with a capital S, empty selection names, UTF-16
 * positions over the text without its BOM with CR counted (chosen from the
 * word boundaries alone), the coder on the Coding, nested nodes, a case
 * node coded over the whole source with the case's classification values,
 * and an annotation as a Note linked to an uncoded selection. */
static void
test_nvivo (void)
{
  g_autofree char *path = core_test_refi_fixture ("nvivo");
  HearsayImportReport report;
  g_autoptr(HearsayProject) project = import_fixture ("refi-nvivo.hearsay", "qdpx", path, &report);
  g_autoptr(HearsayDocument) doc = core_test_load_document (project, 0);
  g_autoptr(HearsayDocument) doc2 = core_test_load_document (project, 1);
  g_autoptr(GPtrArray) anns = annotations_of (project, doc);
  g_autoptr(GPtrArray) anns2 = annotations_of (project, doc2);
  const char *text = hearsay_document_get_text (doc);
  HearsayScheme *scheme = hearsay_project_get_scheme (project);
  const HearsayLabel *label;
  HearsayAnnotation *ann;

  g_assert_cmpuint (report.documents->len, ==, 2);
  g_assert_cmpuint (report.skipped->len, ==, 0);
  /* A folder of projects is a folder of projects. */
  {
    g_autofree char *dir = g_path_get_dirname (path);

    g_assert_cmpstr (hearsay_import_guess_format (path), ==, "qdpx");
    g_assert_cmpstr (hearsay_import_guess_format (dir), ==, "qdpx");
  }
  g_assert_cmpuint (report.quote_mismatches->len, ==, 0);
  g_assert_true (core_test_list_has (report.notes, "written by NVivo", "NVivo for Windows 12.6"));
  g_assert_true (core_test_list_has (report.notes, "b984198a-72fa-59d3-8a2e-ae08187de359.txt: positions read as "
                                     "UTF-16 code units, from after the byte-order mark", "9 on word boundaries"));
  /* The text as the archive holds it. */
  g_assert_true (g_str_has_prefix (text, BOM "Deir ez-Zor \xF0\x9F\x87\xB8\xF0\x9F\x87\xBE :"));
  g_assert_nonnull (strstr (text, "\r\nSelon Sana"));
  g_assert_cmpstr (hearsay_document_get_title (doc), ==, "RT 2017-11-03");

  g_assert_cmpuint (anns->len, ==, 9);
  ann = core_test_find_quote (anns, text, "source", 0, "l'arm\xC3\xA9" "e syrienne");
  g_assert_cmpstr (hearsay_annotation_get_annotator (ann), ==, "Bastien");
  g_assert_cmpstr (hearsay_annotation_get_created_at (ann), ==, "2025-06-18T02:06:50Z");
  core_test_find_quote (anns, text, "attribution_cue", 0, "a d\xC3\xA9" "clar\xC3\xA9");
  core_test_find_quote (anns, text, "loaded_language", 0, "\xC2\xAB " LIBEREE " \xC2\xBB");
  core_test_find_quote (anns, text, "source", 0, "Sana");
  core_test_find_quote (anns, text, "loaded_language", 0, "les \xC2\xAB terroristes \xC2\xBB");
  core_test_find_quote (anns, text, "other", 0, "les \xC2\xAB terroristes \xC2\xBB");
  core_test_find_quote (anns, text, "securite", 0, ARABIC);
  core_test_find_quote (anns, text, "themes_other", 0, "base am\xC3\xA9ricaine ill\xC3\xA9gale");
  ann = core_test_find_quote (anns, text, "uncoded", 0, "t\xC3\xA9moin");
  g_assert_cmpstr (hearsay_annotation_get_note (ann), ==, "Le t\xC3\xA9moin n'est pas nomm\xC3\xA9.");
  g_assert_cmpstr (hearsay_annotation_get_annotator (ann), ==, "Amira");
  core_test_find_quote (anns2, hearsay_document_get_text (doc2), "source", 0, "Aucune victime civile");

  /* The case node is the document's case, with its classification. */
  core_test_assert_field (doc, "cases", "RT");
  g_assert_cmpstr (hearsay_document_get_outlet (doc), ==, "RT France");
  g_assert_cmpstr (hearsay_document_get_published_at (doc), ==, "2017-11-03");
  g_assert_cmpstr (hearsay_document_get_language (doc), ==, "fr");
  core_test_assert_field (doc, "tone", "negative");
  core_test_assert_field (doc2, "cases", NULL);

  /* Nested nodes are labels of their own; a repeated name is qualified. */
  label = hearsay_scheme_lookup_label (scheme, "source");
  g_assert_nonnull (label);
  g_assert_cmpstr (label->name, ==, "Source");
  g_assert_cmpstr (label->color, ==, "#3366cc");
  g_assert_cmpstr (label->description, ==, "Attribution \xE2\x80\xBA Source");
  label = hearsay_scheme_lookup_label (scheme, "securite");
  g_assert_cmpstr (label->name, ==, "S\xC3\xA9" "curit\xC3\xA9");
  label = hearsay_scheme_lookup_label (scheme, "themes_other");
  g_assert_cmpstr (label->name, ==, "Other");
  g_assert_cmpstr (label->description, ==, "Themes \xE2\x80\xBA Other");
  g_assert_null (hearsay_scheme_lookup_label (scheme, "rt"));
  hearsay_import_report_clear (&report);
}

/* QualCoder 3.6: sources/, a BOM it does not count, code points, names
 * holding the quote; its "MAXQDA" line-end option (CR LF in the file, LF
 * positions) on the second source, told apart by the names; categories
 * (isCodable false) and sub-codes; file variables on the TextSource, a
 * named case; annotations as Notes holding their span; a journal. */
static void
test_qualcoder (void)
{
  g_autofree char *path = core_test_refi_fixture ("qualcoder");
  HearsayImportReport report;
  g_autoptr(HearsayProject) project = import_fixture ("refi-qualcoder.hearsay", "qdpx", path, &report);
  g_autoptr(HearsayDocument) doc = core_test_load_document (project, 0);
  g_autoptr(HearsayDocument) doc2 = core_test_load_document (project, 1);
  g_autoptr(GPtrArray) anns = annotations_of (project, doc);
  g_autoptr(GPtrArray) anns2 = annotations_of (project, doc2);
  const char *text = hearsay_document_get_text (doc);
  const char *text2 = hearsay_document_get_text (doc2);
  HearsayScheme *scheme = hearsay_project_get_scheme (project);
  HearsayAnnotation *ann;

  g_assert_cmpuint (report.quote_mismatches->len, ==, 0);
  g_assert_true (core_test_list_has (report.notes, "9ca84b7d-8109-5257-8405-43f49012aeff.txt: positions read as "
                                     "code points, CR LF counted as one, from after the byte-order mark",
                                     "4 of 4 names hold their selection's text"));
  /* The journal and the project's memo are no annotation's note: said,
   * not dropped silently. */
  g_assert_cmpuint (report.skipped->len, ==, 2);
  g_assert_true (core_test_list_has (report.skipped, "qualcoder.qdpx:project.qde:", "the project's description"));
  g_assert_true (core_test_list_has (report.skipped, "qualcoder.qdpx:project.qde:", "\xE2\x80\x9CJournal de codage\xE2\x80\x9D"));

  g_assert_true (g_str_has_prefix (text, BOM "Damas \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD"));
  core_test_find_quote (anns, text, "source", 0, "Damas");
  ann = core_test_find_quote (anns, text, "cue", 0, "a d\xC3\xA9" "clar\xC3\xA9");
  /* The coding memo, then the annotation Note on the same span. */
  g_assert_cmpstr (hearsay_annotation_get_note (ann), ==, "verbe de parole\n\nAttribution directe, sans distance");
  g_assert_cmpstr (hearsay_annotation_get_annotator (ann), ==, "colin");
  core_test_find_quote (anns, text, "loaded_language", 0, LIBEREE);
  core_test_find_quote (anns, text, "source", 0, "Sana");
  core_test_find_quote (anns, text, "source", 0, "une source militaire");
  g_assert_cmpuint (anns->len, ==, 5);

  g_assert_nonnull (strstr (text2, "d\xC3\xA9ment.\r\nUne"));
  core_test_find_quote (anns2, text2, "source", 0, "Le Pentagone");
  core_test_find_quote (anns2, text2, "cue", 0, "d\xC3\xA9ment");
  core_test_find_quote (anns2, text2, "loaded_language", 0, "\xC2\xAB base ill\xC3\xA9gale \xC2\xBB");
  core_test_find_quote (anns2, text2, "source", 0, "Damas");
  ann = core_test_find_quote (anns2, text2, "uncoded", 0, "Une \xC2\xAB base ill\xC3\xA9gale \xC2\xBB");
  g_assert_cmpstr (hearsay_annotation_get_note (ann), ==, "\xC3\x80 v\xC3\xA9rifier");

  g_assert_cmpstr (hearsay_document_get_outlet (doc), ==, "SANA");
  core_test_assert_field (doc, "genre", "reporting");
  core_test_assert_field (doc, "frames", "political|security_and_defense");
  core_test_assert_field (doc, "event", "deir-ez-zor-2017");
  core_test_assert_field (doc, "cases", "Deir ez-Zor coverage");
  core_test_assert_field (doc, "description", "D\xC3\xA9p\xC3\xAA" "che reprise par SANA");
  g_assert_null (hearsay_document_get_outlet (doc2));

  /* A category is a folder: no label unless something is coded with it. */
  g_assert_null (hearsay_scheme_lookup_label (scheme, "attribution"));
  g_assert_cmpstr (hearsay_scheme_lookup_label (scheme, "framing")->color, ==, "#ff00aa");
  g_assert_cmpstr (hearsay_scheme_lookup_label (scheme, "loaded_language")->description, ==,
                   "framing \xE2\x80\xBA loaded language");
  hearsay_import_report_clear (&report);
}

/* ATLAS.ti: the project file named after the project (Trial.qde), CR LF
 * in the source counted as one, quotation names cut with "...", a comment
 * as the selection's Description, a free quotation, "contradicts" and
 * "continued by" links, a link from a code to a source, document and code
 * groups as Sets. */
static void
test_atlasti (void)
{
  g_autofree char *path = core_test_refi_fixture ("atlasti");
  HearsayImportReport report;
  g_autoptr(HearsayProject) project = import_fixture ("refi-atlasti.hearsay", "qdpx", path, &report);
  g_autoptr(HearsayDocument) doc = core_test_load_document (project, 0);
  g_autoptr(GPtrArray) anns = annotations_of (project, doc);
  g_autoptr(GPtrArray) relations = hearsay_project_list_relations (project, hearsay_document_get_id (doc), NULL);
  const char *text = hearsay_document_get_text (doc);
  HearsayAnnotation *first, *second, *ann;
  const HearsayRelation *rel;

  g_assert_true (core_test_list_has (report.notes, "atlasti.qdpx:Trial.qde: written by ATLAS.ti", NULL));
  g_assert_true (core_test_list_has (report.notes, "positions read as UTF-16 code units, CR LF counted as one",
                                     "5 of 5 names hold their selection's text"));
  g_assert_cmpuint (report.skipped->len, ==, 2);
  g_assert_true (core_test_list_has (report.skipped, "Trial.qde:42:", "joins a code and a source"));
  g_assert_true (core_test_list_has (report.skipped, "Trial.qde:48:", "\xE2\x80\x9C" "Affirmations\xE2\x80\x9D groups 1 codes"));
  g_assert_nonnull (strstr (text, "\xF0\x9F\xA4\x94.\r\nWashington"));

  g_assert_cmpuint (anns->len, ==, 4);
  /* "Claim" is the scheme's claim. */
  first = core_test_find_quote (anns, text, "claim", 0, "que la base est \xC2\xAB ill\xC3\xA9gale \xC2\xBB");
  second = core_test_find_quote (anns, text, "claim", 0, "Washington d\xC3\xA9ment toute pr\xC3\xA9sence ill\xC3\xA9gale");
  ann = core_test_find_quote (anns, text, "contradiction", 0, "Les deux versions");
  g_assert_cmpuint (hearsay_annotation_get_n_fragments (ann), ==, 2);
  core_test_find_quote (anns, text, "contradiction", 1, "le statut de la base");
  ann = core_test_find_quote (anns, text, "uncoded", 0, "Le minist\xC3\xA8re russe");
  g_assert_cmpstr (hearsay_annotation_get_note (ann), ==, "Source officielle, non v\xC3\xA9rifi\xC3\xA9" "e");

  g_assert_cmpuint (relations->len, ==, 1);
  rel = g_ptr_array_index (relations, 0);
  g_assert_cmpstr (rel->type, ==, "contradicts");
  g_assert_cmpint (rel->from_id, ==, hearsay_annotation_get_id (second));
  g_assert_cmpint (rel->to_id, ==, hearsay_annotation_get_id (first));
  g_assert_cmpstr (rel->annotator, ==, "Claire");
  core_test_assert_field (doc, "sets", "Syrie 2017");
  hearsay_import_report_clear (&report);
}

/* MAXQDA: a document's variables as an unnamed Case of one source, a
 * memo on a selection without a code, parent and child codes. */
static void
test_maxqda (void)
{
  g_autofree char *path = core_test_refi_fixture ("maxqda");
  HearsayImportReport report;
  g_autoptr(HearsayProject) project = import_fixture ("refi-maxqda.hearsay", "qdpx", path, &report);
  g_autoptr(HearsayDocument) doc = core_test_load_document (project, 0);
  g_autoptr(GPtrArray) anns = annotations_of (project, doc);
  const char *text = hearsay_document_get_text (doc);
  HearsayAnnotation *ann;

  g_assert_cmpuint (report.skipped->len, ==, 0);
  g_assert_cmpstr (hearsay_document_get_outlet (doc), ==, "AFP");
  g_assert_cmpstr (hearsay_document_get_published_at (doc), ==, "2017-11-04");
  core_test_assert_field (doc, "cases", NULL);
  core_test_find_quote (anns, text, "ngo", 0, "l'OSDH");
  core_test_find_quote (anns, text, "quellen", 0, "12 civils ont \xC3\xA9t\xC3\xA9 tu\xC3\xA9s");
  ann = core_test_find_quote (anns, text, "uncoded", 0, "\xC2\xAB les terroristes \xC2\xBB");
  g_assert_cmpstr (hearsay_annotation_get_note (ann), ==, "Citation du r\xC3\xA9gime");
  g_assert_cmpstr (hearsay_annotation_get_annotator (ann), ==, "Maxime");
  hearsay_import_report_clear (&report);
}

/* Where @needle starts in @text, in UTF-16 code units or code points. */
static gint64
units_before (const char *text,
              const char *needle,
              gboolean    utf16)
{
  const char *at = strstr (text, needle);
  gint64 n = 0;

  g_assert_nonnull (at);
  for (const char *p = text; p < at; p = g_utf8_next_char (p))
    n += utf16 && g_utf8_next_char (p) - p == 4 ? 2 : 1;
  return n;
}

#define EV_TEXT "Un drapeau \xF0\x9F\x87\xB8\xF0\x9F\x87\xBE puis un pouce \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD : " \
  "Sana affirme que Damas contr\xC3\xB4le la ville \xF0\x9F\x98\x80 depuis hier soir.\n"

/* A selection of @quote in UTF-16 units (or code points) of EV_TEXT. */
static char *
ev_selection (guint       n,
              const char *quote,
              gboolean    utf16)
{
  /* The quotes hold no character outside the BMP. */
  gint64 s = units_before (EV_TEXT, quote, utf16);
  gint64 e = s + g_utf8_strlen (quote, -1);

  return g_strdup_printf ("<PlainTextSelection guid=\"00000000-0000-4000-8000-0000000001%02u\" name=\"\" "
                          "startPosition=\"%" G_GINT64_FORMAT "\" endPosition=\"%" G_GINT64_FORMAT "\">"
                          "<Coding guid=\"00000000-0000-4000-8000-0000000002%02u\"><CodeRef "
                          "targetGUID=\"00000000-0000-4000-8000-000000000001\"/></Coding></PlainTextSelection>\n",
                          n, s, e, n);
}

static char *
ev_project (const char *origin,
            gboolean    utf16)
{
  static const char *quotes[] = { "puis un pouce", "Sana", "affirme", "Damas", "la ville", "depuis hier soir" };
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"ev\" origin=\"%s\">\n"
                          "<CodeBook><Codes><Code guid=\"00000000-0000-4000-8000-000000000001\" name=\"Quote\" "
                          "isCodable=\"true\"/></Codes></CodeBook>\n<Sources>\n"
                          "<TextSource guid=\"00000000-0000-4000-8000-000000000002\" name=\"ev\" "
                          "plainTextPath=\"internal://ev.txt\">\n", origin);
  for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
    {
      g_autofree char *sel = ev_selection (i, quotes[i], utf16);

      g_string_append (s, sel);
    }
  g_string_append (s, "</TextSource>\n</Sources>\n</Project>\n");
  return g_string_free (s, FALSE);
}

/* A tool Hearsay does not know (code points by default) that counts UTF-16
 * units: the spans' own evidence wins, and the note says so. */
static void
test_evidence (void)
{
  g_autofree char *qde = ev_project ("SomeTool 1.0", TRUE);
  const char *entries[] = { "project.qde", qde, "sources/ev.txt", EV_TEXT, NULL };
  g_autofree char *path = core_test_refi_zip ("evidence.qdpx", entries);
  HearsayImportReport report;
  g_autoptr(HearsayProject) project = import_fixture ("refi-evidence.hearsay", "qdpx", path, &report);
  g_autoptr(HearsayDocument) doc = core_test_load_document (project, 0);
  g_autoptr(GPtrArray) anns = annotations_of (project, doc);
  const char *text = hearsay_document_get_text (doc);

  g_assert_true (core_test_list_has (report.notes, "a tool Hearsay does not know", NULL));
  g_assert_true (core_test_list_has (report.notes, "ev.txt: positions read as UTF-16 code units",
                                     "6 of 6 selections fall on characters and 6 on word boundaries"));
  g_assert_cmpuint (anns->len, ==, 6);
  core_test_find_quote (anns, text, "quote", 0, "Sana");
  core_test_find_quote (anns, text, "quote", 0, "Damas");
  core_test_find_quote (anns, text, "quote", 0, "depuis hier soir");
  hearsay_import_report_clear (&report);
}

/* --offsets decides: the same UTF-16 file read as code points lands where
 * the user said, every span two or more characters after its quote (the
 * flag counts 4 units but 2 code points); spans that would split an emoji
 * are reported, not moved. */
static void
test_forced_offsets (void)
{
  static const char *quotes[] = { "puis un pouce", "Sana", "affirme", "Damas", "la ville", "depuis hier soir" };
  g_autofree char *qde = ev_project ("NVivo for Windows 12.6", TRUE);
  const char *entries[] = { "project.qde", qde, "Sources/ev.txt", EV_TEXT, NULL };
  g_autofree char *path = core_test_refi_zip ("forced.qdpx", entries);
  g_autoptr(HearsayProject) project = core_test_new_project ("refi-forced.hearsay");
  HearsayImportOptions options = { 0 };
  HearsayImportReport report;
  const char *paths[] = { path, NULL };
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(GPtrArray) anns = NULL;

  options.offsets_given = TRUE;
  options.offsets.unit = HEARSAY_OFFSET_CODEPOINT;
  core_test_import_ok (project, "qdpx", paths, &options, &report);
  core_test_print_list ("note", report.notes);
  g_assert_true (core_test_list_has (report.notes, "positions read as code points, as --offsets/--newlines say", NULL));
  doc = core_test_load_document (project, 0);
  anns = annotations_of (project, doc);
  g_assert_cmpuint (anns->len, >, 0);
  g_assert_cmpuint (anns->len + report.skipped->len, ==, G_N_ELEMENTS (quotes));
  for (guint i = 0; i < anns->len; i++)
    {
      const HearsayFragment *f = hearsay_annotation_get_fragment (g_ptr_array_index (anns, i), 0);
      g_autofree char *at = g_utf8_substring (hearsay_document_get_text (doc), f->start, f->end);

      g_assert_cmpstr (at, ==, f->exact);
      for (guint k = 0; k < G_N_ELEMENTS (quotes); k++)
        g_assert_cmpstr (f->exact, !=, quotes[k]);
    }
  hearsay_import_report_clear (&report);
}

#define BAD_TEXT "Voici \xF0\x9F\x91\x8D un pouce, puis Sana, puis Damas et \xC2\xAB " "cafe\xCC\x81 \xC2\xBB fin.\n"

/* Selections that fall inside an emoji's surrogate pair, past the end,
 * are empty or split a letter from its accent are reported with the file
 * and line and left out; the others come in at their place. */
static void
test_bad_spans (void)
{
  gint64 thumb = units_before (BAD_TEXT, "\xF0\x9F\x91\x8D", TRUE);
  gint64 cafe = units_before (BAD_TEXT, "cafe", TRUE);
  g_autofree char *qde = NULL;
  g_autoptr(GString) s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                       "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"bad\" origin=\"NVivo 12\">\n"
                                       "<CodeBook><Codes><Code guid=\"00000000-0000-4000-8000-000000000001\" "
                                       "name=\"Quote\" isCodable=\"true\"/></Codes></CodeBook>\n<Sources>\n"
                                       "<TextSource guid=\"00000000-0000-4000-8000-000000000002\" name=\"bad\" "
                                       "plainTextPath=\"internal://bad.txt\">\n");
  const char *good[] = { "un pouce", "Sana", "Damas" };
  const gint64 bad[][2] = { { thumb + 1, thumb + 2 }, { 5, 999 }, { 10, 10 }, { cafe, cafe + 4 } };
  HearsayImportReport report;
  g_autofree char *path = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(GPtrArray) anns = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good) + G_N_ELEMENTS (bad); i++)
    {
      gint64 start = i < G_N_ELEMENTS (good) ? units_before (BAD_TEXT, good[i], TRUE) : bad[i - 3][0];
      gint64 end = i < G_N_ELEMENTS (good) ? start + (gint64) strlen (good[i]) : bad[i - 3][1];

      g_string_append_printf (s, "<PlainTextSelection guid=\"00000000-0000-4000-8000-0000000001%02u\" "
                              "startPosition=\"%" G_GINT64_FORMAT "\" endPosition=\"%" G_GINT64_FORMAT "\"><Coding "
                              "guid=\"00000000-0000-4000-8000-0000000002%02u\"><CodeRef "
                              "targetGUID=\"00000000-0000-4000-8000-000000000001\"/></Coding></PlainTextSelection>\n",
                              i, start, end, i);
    }
  g_string_append (s, "</TextSource>\n</Sources>\n</Project>\n");
  qde = g_string_free (g_steal_pointer (&s), FALSE);
  {
    const char *entries[] = { "project.qde", qde, "Sources/bad.txt", BAD_TEXT, NULL };

    path = core_test_refi_zip ("bad-spans.qdpx", entries);
  }
  project = import_fixture ("refi-bad-spans.hearsay", "qdpx", path, &report);
  doc = core_test_load_document (project, 0);
  anns = annotations_of (project, doc);
  g_assert_cmpuint (anns->len, ==, 3);
  core_test_find_quote (anns, hearsay_document_get_text (doc), "quote", 0, "un pouce");
  core_test_find_quote (anns, hearsay_document_get_text (doc), "quote", 0, "Sana");
  core_test_find_quote (anns, hearsay_document_get_text (doc), "quote", 0, "Damas");
  g_assert_cmpuint (report.skipped->len, ==, 4);
  g_assert_true (core_test_list_has (report.skipped, "bad-spans.qdpx:project.qde:9:", "falls inside a character"));
  g_assert_true (core_test_list_has (report.skipped, "bad-spans.qdpx:project.qde:10:", "ends past the source's text"));
  g_assert_true (core_test_list_has (report.skipped, "bad-spans.qdpx:project.qde:11:", "is empty"));
  g_assert_true (core_test_list_has (report.skipped, "bad-spans.qdpx:project.qde:12:", "splits a character"));
  hearsay_import_report_clear (&report);
}

#define SMALL_QDE(SOURCE, START) "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"small\" origin=\"QualCoder 3.6\">\n" \
  "<CodeBook><Codes><Code guid=\"00000000-0000-4000-8000-000000000001\" name=\"q\" isCodable=\"true\"/>" \
  "</Codes></CodeBook>\n<Sources>\n<TextSource guid=\"00000000-0000-4000-8000-000000000002\" name=\"s\" " \
  "plainTextPath=\"internal://" SOURCE "\">\n<PlainTextSelection guid=\"00000000-0000-4000-8000-000000000003\" " \
  "startPosition=\"" START "\" endPosition=\"5\"/>\n</TextSource>\n</Sources>\n</Project>\n"

/* Broken archives are refused with the file and place, and the project
 * file stays byte for byte as it was. */
static void
test_refused (void)
{
  const char *two[] = { "One.qde", SMALL_QDE ("a.txt", "0"), "Two.qde", SMALL_QDE ("a.txt", "0"),
                        "sources/a.txt", "Hello world", NULL };
  const char *missing[] = { "project.qde", SMALL_QDE ("missing.txt", "0"), "sources/a.txt", "Hello world", NULL };
  const char *numeric[] = { "project.qde", SMALL_QDE ("a.txt", "zero"), "sources/a.txt", "Hello world", NULL };
  g_autofree char *p_two = core_test_refi_zip ("two-qde.qdpx", two);
  g_autofree char *p_missing = core_test_refi_zip ("missing.qdpx", missing);
  g_autofree char *p_numeric = core_test_refi_zip ("numeric.qdpx", numeric);
  g_autofree char *p_qdc = core_test_path ("project-as.qdc");
  const char *paths_two[] = { p_two, NULL };
  const char *paths_missing[] = { p_missing, NULL };
  const char *paths_numeric[] = { p_numeric, NULL };
  const char *paths_qdc[] = { p_qdc, NULL };
  g_autofree char *m1 = NULL, *m2 = NULL, *m3 = NULL, *m4 = NULL;

  m1 = core_test_assert_import_refused ("qdpx", paths_two, NULL, "two-qde.qdpx", "2 .qde files (One.qde, Two.qde");
  m2 = core_test_assert_import_refused ("qdpx", paths_missing, NULL, "missing.qdpx:project.qde:5:",
                                        "is not in the archive (neither sources/missing.txt nor Sources/missing.txt)");
  m3 = core_test_assert_import_refused ("qdpx", paths_numeric, NULL, "numeric.qdpx:project.qde:6:",
                                        "numeric startPosition");
  core_test_write (p_qdc, SMALL_QDE ("a.txt", "0"), -1);
  m4 = core_test_assert_import_refused (NULL, paths_qdc, NULL, "project-as.qdc", "not a REFI-QDA CodeBook");
}

/* A .qdc codebook (QualCoder's export) into the scheme: colours, nested
 * codes with their path, categories as folders, a name the scheme has
 * ("Claim"), a repeated name qualified by its folder, a name with no Latin
 * letter. No document comes in. */
static void
test_qdc (void)
{
  g_autofree char *path = core_test_fixture ("refi/qualcoder-codebook.qdc");
  HearsayImportReport report;
  g_autoptr(HearsayProject) project = import_fixture ("refi-qdc.hearsay", NULL, path, &report);
  HearsayScheme *scheme = hearsay_project_get_scheme (project);
  g_autoptr(HearsayScheme) defaults = hearsay_scheme_new_default ();
  const HearsayLabel *label;

  g_assert_cmpstr (hearsay_import_guess_format (path), ==, "qdc");
  g_assert_cmpuint (report.documents->len, ==, 0);
  g_assert_true (core_test_list_has (report.notes, "codebook: 8 codes; labels added to the scheme: 6", "already had: 1"));
  label = hearsay_scheme_lookup_label (scheme, "framing");
  g_assert_cmpstr (label->color, ==, "#ff00aa");
  g_assert_cmpstr (label->description, ==, "Mots qui cadrent l'\xC3\xA9v\xC3\xA9nement");
  g_assert_cmpstr (hearsay_scheme_lookup_label (scheme, "other")->description, ==, "framing \xE2\x80\xBA Other");
  g_assert_cmpstr (hearsay_scheme_lookup_label (scheme, "attribution_other")->description, ==,
                   "Attribution \xE2\x80\xBA Other");
  g_assert_cmpstr (hearsay_scheme_lookup_label (scheme, "cue")->name, ==, "cue");
  g_assert_cmpstr (hearsay_scheme_lookup_label (scheme, "code")->name, ==, "\xD9\x85\xD8\xB5\xD8\xAF\xD8\xB1");
  /* The scheme's own claim is kept as it was. */
  g_assert_cmpstr (hearsay_scheme_lookup_label (scheme, "claim")->name, ==,
                   hearsay_scheme_lookup_label (defaults, "claim")->name);
  g_assert_null (hearsay_scheme_lookup_label (scheme, "attribution"));
  hearsay_import_report_clear (&report);
}

int
main (int    argc,
      char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/import-refi/nvivo", test_nvivo);
  g_test_add_func ("/import-refi/qualcoder", test_qualcoder);
  g_test_add_func ("/import-refi/atlasti", test_atlasti);
  g_test_add_func ("/import-refi/maxqda", test_maxqda);
  g_test_add_func ("/import-refi/evidence", test_evidence);
  g_test_add_func ("/import-refi/forced-offsets", test_forced_offsets);
  g_test_add_func ("/import-refi/bad-spans", test_bad_spans);
  g_test_add_func ("/import-refi/refused", test_refused);
  g_test_add_func ("/import-refi/qdc", test_qdc);
  return g_test_run ();
}
