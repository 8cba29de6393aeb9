/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-labelstudio.c: Label Studio JSON tasks shaped like its own
 * export (docs/source/includes/task_format.md, result_format.md): data with
 * extra keys, completed_by as a user object and as a user id, labels
 * regions with per-region choices, text areas and region meta, a region
 * with two labels, a multi-line region whose text writes the line break as
 * "\n" (as Label Studio's own "NER - Emoji" test expects), relations right,
 * left and both ways with a note, task-level choices, text area and
 * taxonomy, an image result, predictions with scores, drafts; an older
 * annotation in UTF-16 code units beside code points (label-studio issues
 * #1347, #1008), on emoji, a combining mark, Arabic and CRLF; JSON-MIN; and
 * refusals that say where and leave the project unchanged. */
#include "core-test-import.h"

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", "labelstudio", name, NULL);
}

/* "label«exact» by=ANNOTATOR attr=values… note=…" per annotation. */
static char *
describe (HearsayProject *project,
          gint64          doc)
{
  g_autoptr(GPtrArray) anns = core_test_annotations (project, doc);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < anns->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (anns, i);
      g_autofree char *exact = hearsay_annotation_dup_text (ann);
      g_auto(GStrv) names = hearsay_annotation_dup_attribute_names (ann);

      g_string_append_printf (s, "%s«%s» by=%s", hearsay_annotation_get_label (ann), exact,
                              hearsay_annotation_get_annotator (ann));
      for (guint k = 0; names[k]; k++)
        {
          g_autofree char *values = g_strjoinv ("|", (char **) hearsay_annotation_get_attribute_values (ann, names[k]));

          g_string_append_printf (s, " %s=%s", names[k], values);
        }
      if (hearsay_annotation_get_note (ann) != NULL)
        g_string_append_printf (s, " note=%s", hearsay_annotation_get_note (ann));
      g_string_append_c (s, '\n');
    }
  return g_strdup (s->str);
}

#define T_QUOTE "\xC2\xAB Deir ez-Zor est libe\xCC\x81r\xC3\xA9" "e \xC2\xBB.\r\n\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7"
#define T_CLAIM "Deir ez-Zor est libe\xCC\x81r\xC3\xA9" "e"
#define T_ARABIC "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xD8\xA8\xD8\xA7\xD9\x84\xD8\xB9\xD8\xA7\xD9\x84\xD9\x85"
#define T_FAMILY "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"

static void
test_export (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("labelstudio.hearsay");
  g_autofree char *path = fixture ("export.json");
  const char *paths[] = { path, NULL };
  HearsayImportReport report;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) anns = NULL;
  g_autoptr(GString) skipped = g_string_new (NULL);
  g_autofree char *got = NULL;
  const char *want =
    "source_mention«Damas» by=coder.b@example.org identification=named note=v\xC3\xA9rifi\xC3\xA9 \xF0\x9F\x91\x80\n"
    "source_mention«Damas» by=prediction:ner-v2\n"
    "attribution_cue«a d\xC3\xA9" "clar\xC3\xA9» by=coder.b@example.org\n"
    "attributed_content«" T_QUOTE "» by=coder.b@example.org\n"
    "claim«" T_CLAIM "» by=coder.b@example.org note=m\xC3\xA9ta note\n"
    "frame_cue«" T_CLAIM "» by=coder.b@example.org note=m\xC3\xA9ta note\n"
    "source_mention«" T_ARABIC "» by=labelstudio-user-7\n"
    "claim«Fin» by=labelstudio-user-7\n"
    "frame_cue«" T_FAMILY "» by=labelstudio-user-7\n";

  g_assert_cmpstr (hearsay_import_guess_format (path), ==, "labelstudio");
  core_test_import_ok (project, NULL, paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 2);
  g_assert_cmpuint (report.quote_mismatches->len, ==, 0);
  doc = hearsay_project_load_document (project, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)), NULL);
  got = describe (project, hearsay_document_get_id (doc));
  g_assert_cmpstr (got, ==, want);
  /* Each annotation's quote is the text at its offsets. */
  anns = core_test_annotations (project, hearsay_document_get_id (doc));
  for (guint i = 0; i < anns->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (anns, i);
      g_autofree char *slice = hearsay_text_substring (hearsay_document_get_text (doc), hearsay_annotation_get_start (ann),
                                                       hearsay_annotation_get_end (ann));

      g_assert_cmpstr (slice, ==, hearsay_annotation_get_fragment (ann, 0)->exact);
    }

  /* Metadata, data keys and task-level results as fields; the first
   * annotator's sentiment wins, the other's is listed. */
  g_assert_cmpstr (hearsay_document_get_title (doc), ==, "Damas « libérée »");
  g_assert_cmpstr (hearsay_document_get_outlet (doc), ==, "RT en français");
  g_assert_cmpstr (hearsay_document_get_field (doc, "ref_id")[0], ==, "456");
  g_assert_nonnull (strstr (hearsay_document_get_field (doc, "meta_info")[0], "\"location\":\"North Pole\""));
  g_assert_cmpstr (hearsay_document_get_field (doc, "sentiment")[0], ==, "Negative");
  g_assert_cmpstr (hearsay_document_get_field (doc, "summary")[0], ==, "Une dépêche, pas un éditorial.");
  g_assert_cmpstr (hearsay_document_get_field (doc, "topic")[0], ==, "Guerre / Syrie");

  /* right: quote → Damas; left: quote → cue; bi (no label): claim → quote. */
  relations = hearsay_project_list_relations (project, hearsay_document_get_id (doc), NULL);
  g_assert_cmpuint (relations->len, ==, 3);
  {
    const char *types[3] = { "attributed_to", "signalled_by", "related" };
    const char *from[3] = { "attributed_content", "attributed_content", "claim" };
    const char *to[3] = { "source_mention", "attribution_cue", "attributed_content" };

    for (guint i = 0; i < 3; i++)
      {
        HearsayRelation *r = g_ptr_array_index (relations, i);
        g_autoptr(HearsayAnnotation) a = hearsay_project_get_annotation (project, r->from_id, NULL);
        g_autoptr(HearsayAnnotation) b = hearsay_project_get_annotation (project, r->to_id, NULL);

        g_assert_cmpstr (r->type, ==, types[i]);
        g_assert_cmpstr (hearsay_annotation_get_label (a), ==, from[i]);
        g_assert_cmpstr (hearsay_annotation_get_label (b), ==, to[i]);
      }
  }
  for (guint i = 0; i < report.skipped->len; i++)
    g_string_append_printf (skipped, "%s\n", (const char *) g_ptr_array_index (report.skipped, i));
  if (g_test_verbose ())
    g_printerr ("%s", skipped->str);
  g_assert_nonnull (strstr (skipped->str, "export.json: task 1, annotation 1: a “rectanglelabels” result is left out"));
  g_assert_nonnull (strstr (skipped->str, "task 1, annotation 1: the note of the relation r-claim → r-quote is left out"));
  g_assert_nonnull (strstr (skipped->str, "goes both ways"));
  g_assert_nonnull (strstr (skipped->str, "labelstudio-user-7's “sentiment” (Positive) is left out"));
  g_assert_nonnull (strstr (skipped->str, "task 1: 1 drafts are left out"));
  g_assert_nonnull (strstr (skipped->str, "2 prediction scores are left out"));
  g_assert_cmpuint (report.skipped->len, ==, 6);
  hearsay_import_report_clear (&report);
}

/* JSON-MIN: one row per annotation, the text and each control's values as
 * keys, the annotator as "annotator". */
static void
test_min (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("labelstudio-min.hearsay");
  g_autofree char *path = fixture ("min.json");
  const char *paths[] = { path, NULL };
  HearsayImportReport report;
  HearsayDocument *doc;
  g_autofree char *got = NULL;

  core_test_import_ok (project, "labelstudio", paths, NULL, &report);
  doc = g_ptr_array_index (report.documents, 0);
  got = describe (project, hearsay_document_get_id (doc));
  g_assert_cmpstr (got, ==, "source_mention«Damas» by=labelstudio-user-2\nsource_mention«Sana» by=labelstudio-user-2\n");
  g_assert_cmpstr (hearsay_document_get_field (doc, "sentiment")[0], ==, "Neutral");
  g_assert_null (hearsay_document_get_field (doc, "annotation_id"));
  g_assert_null (hearsay_document_get_field (doc, "label"));
  hearsay_import_report_clear (&report);
}

/* --offsets utf16 on code-point regions: their texts no longer match, each
 * is listed (not shifted); with --strict-quotes the import stops there. */
static void
test_mismatch (void)
{
  g_autofree char *dir = core_test_path ("ls-mismatch");
  g_autofree char *path = core_test_write_in (dir, "tasks.json",
    "[{\"data\": {\"text\": \"\xF0\x9F\x90\xB1 Warning: This is a test text\"},"
    " \"annotations\": [{\"result\": [{\"id\": \"a\", \"type\": \"labels\", \"from_name\": \"tag\", \"to_name\": \"text\","
    " \"value\": {\"start\": 21, \"end\": 25, \"text\": \"test\", \"labels\": [\"region\"]}}]}]}]");
  const char *paths[] = { path, NULL };
  HearsayImportOptions options = { 0 };
  g_autoptr(HearsayProject) project = core_test_new_project ("labelstudio-mismatch.hearsay");
  HearsayImportReport report;
  g_autofree char *message = NULL;

  /* As Label Studio's frontend test has it: "test" at 21–25 in code points. */
  core_test_import_ok (project, "labelstudio", paths, NULL, &report);
  g_assert_cmpuint (report.n_annotations, ==, 1);
  hearsay_import_report_clear (&report);

  options.offsets_given = TRUE;
  options.offsets.unit = HEARSAY_OFFSET_UTF16;
  {
    g_autoptr(HearsayProject) p2 = core_test_new_project ("labelstudio-mismatch-2.hearsay");

    core_test_import_ok (p2, "labelstudio", paths, &options, &report);
    g_assert_cmpuint (report.n_annotations, ==, 0);
    g_assert_cmpuint (report.quote_mismatches->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (report.quote_mismatches, 0), "tasks.json: task 1, annotation 1, region “a”"));
    hearsay_import_report_clear (&report);
  }
  options.strict_quotes = TRUE;
  message = core_test_assert_import_refused ("labelstudio", paths, &options, "tasks.json: task 1", "strict quotes");
}

static void
test_refusals (void)
{
  struct { const char *content; const char *expect; const char *expect2; } cases[] = {
    { "[{\"data\": {\"text\": \"a\"}}, 3]", "bad.json: task 2 is not an object", NULL },
    { "[{\"data\": {\"body\": \"a\", \"title\": \"b\"}}]", "bad.json: task 1: which of its data", "--text-column" },
    { "[{\"data\": {\"text\": \"Court.\"}, \"annotations\": [{\"result\": [{\"id\": \"x\", \"type\": \"labels\","
      " \"value\": {\"start\": \"0\", \"end\": 2, \"labels\": [\"a\"]}}]}]}]", "bad.json: task 1, annotation 1, region “x”",
      "value.start" },
    { "[{\"data\": {\"text\": \"Court.\"}, \"annotations\": [{\"result\": [{\"id\": \"x\", \"type\": \"labels\","
      " \"value\": {\"start\": 0, \"end\": 60, \"labels\": [\"a\"]}}]}]}]", "bad.json: task 1, annotation 1, region “x”",
      "does not fall on characters" },
    { "[{\"data\": {\"text\": \"a\"}", "bad.json", "invalid JSON" },
    { "[]", "holds no Label Studio task", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = core_test_path ("bad-labelstudio");
      g_autofree char *path = core_test_write_in (dir, "bad.json", cases[i].content);
      const char *paths[] = { path, NULL };
      g_autofree char *message = core_test_assert_import_refused ("labelstudio", paths, NULL, cases[i].expect,
                                                                  cases[i].expect2);
    }
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/import-labelstudio/export", test_export);
  g_test_add_func ("/import-labelstudio/min", test_min);
  g_test_add_func ("/import-labelstudio/mismatch", test_mismatch);
  g_test_add_func ("/import-labelstudio/refusals", test_refusals);
  return g_test_run ();
}
