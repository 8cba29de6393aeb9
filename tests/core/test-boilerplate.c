/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-boilerplate.c: page furniture is marked, never deleted, and the
 * article body is left alone — on the sample article, on English furniture
 * and across documents of one outlet. */
#include "hearsay-boilerplate.h"
#include "core-test-import.h"

typedef struct
{
  const char *line;
  const char *kind;   /* NULL: must stay unmarked; "*": any furniture kind */
} Expect;

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "rt-deir-ez-zor-2017.txt", NULL);
}

/* The kind marked on the line that starts with @prefix (the first such line
 * after @from), or NULL. */
static const char *
kind_of_line (const char *text,
              GArray     *spans,
              const char *prefix,
              guint       occurrence)
{
  const char *p = text;

  for (guint n = 0; (p = strstr (p, prefix)) != NULL; p++)
    {
      gint64 start;

      if (p != text && p[-1] != '\n')
        continue;
      if (n++ < occurrence)
        continue;
      start = g_utf8_pointer_to_offset (text, p);
      for (guint i = 0; i < spans->len; i++)
        {
          HearsayBoilerplateSpan *s = &g_array_index (spans, HearsayBoilerplateSpan, i);

          if (s->start == start)
            return s->kind;
        }
      return NULL;
    }
  g_error ("no line starts with “%s”", prefix);
  return NULL;
}

static void
check_expectations (const char   *text,
                    GArray       *spans,
                    const Expect *expect,
                    guint         n)
{
  for (guint i = 0; i < n; i++)
    {
      const char *kind = kind_of_line (text, spans, expect[i].line, 0);

      if (expect[i].kind == NULL)
        g_assert_null (kind);
      else if (strcmp (expect[i].kind, "*") == 0)
        g_assert_nonnull (kind);
      else
        g_assert_cmpstr (kind, ==, expect[i].kind);
    }
}

static const Expect sample_expect[] = {
  { "Guerre en Syrie : Damas", NULL },
  { "Un soldat de l'Armée arabe syrienne", "caption" },
  { "Suivez RT en français surTelegram", "promo_call_to_action" },
  { "L'armée syrienne a annoncé", NULL },
  { "La télévision d’Etat", NULL },
  { "«Des unités", NULL },
  { "D'après Reuters", NULL },
  { "L'annonce marque", NULL },
  { "L'organisation terroriste", NULL },
  { "Lire aussi", "related_link" },
  { "Raconter l'actualité", "*" },
  { "En cliquant sur \"Tout Accepter\"", "consent_notice" },
  { "OK", "consent_notice" },
  { "RT en français utilise des cookies", "consent_notice" },
  { "Vous pouvez exprimer vos choix", "consent_notice" },
  { "Pour en savoir plus sur vos droits", "consent_notice" },
  { "Tout AccepterTout refuserParamétrer vos choix", "consent_notice" },
};

static void
test_sample_rules (void)
{
  g_autofree char *path = sample_path ();
  g_autofree char *text = core_test_read (path, NULL);
  g_autoptr(GArray) spans = hearsay_boilerplate_detect (text);

  check_expectations (text, spans, sample_expect, G_N_ELEMENTS (sample_expect));
  /* Both "Suivez" lines, and nothing else: 11 lines in all. */
  g_assert_cmpstr (kind_of_line (text, spans, "Suivez RT en français surTelegram", 1), ==, "promo_call_to_action");
  g_assert_cmpuint (spans->len, ==, 11);
  for (guint i = 0; i < spans->len; i++)
    {
      HearsayBoilerplateSpan *s = &g_array_index (spans, HearsayBoilerplateSpan, i);
      g_autofree char *quote = hearsay_text_substring (text, s->start, s->end);

      /* A span is one whole line, trimmed. */
      g_assert_null (strchr (quote, '\n'));
      g_assert_false (g_ascii_isspace (quote[0]));
      if (g_test_verbose ())
        g_printerr ("%" G_GINT64_FORMAT "–%" G_GINT64_FORMAT " %s: %.50s\n", s->start, s->end, s->kind, quote);
    }
}

static void
test_sample_import (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("sample.hearsay");
  g_autofree char *path = sample_path ();
  const char *paths[] = { path, NULL };
  HearsayImportReport report;
  g_autoptr(GPtrArray) anns = NULL;
  HearsayDocument *doc;
  g_autofree char *raw = core_test_read (path, NULL);

  core_test_import_ok (project, "text", paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 1);
  g_assert_cmpuint (report.n_boilerplate, ==, 11);
  doc = g_ptr_array_index (report.documents, 0);
  /* Never deleted: the text is the file's. */
  g_assert_cmpstr (hearsay_document_get_text (doc), ==, raw);
  anns = core_test_annotations (project, hearsay_document_get_id (doc));
  g_assert_cmpuint (anns->len, ==, 11);
  for (guint i = 0; i < anns->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (anns, i);

      g_assert_cmpstr (hearsay_annotation_get_label (ann), ==, "boilerplate");
      g_assert_cmpstr (hearsay_annotation_get_annotator (ann), ==, "importer");
      g_assert_nonnull (hearsay_annotation_get_attribute (ann, "kind"));
    }
  hearsay_import_report_clear (&report);
}

static void
test_no_boilerplate_option (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("plain.hearsay");
  g_autofree char *path = sample_path ();
  const char *paths[] = { path, NULL };
  HearsayImportOptions options = { .no_boilerplate = TRUE };
  HearsayImportOptions text_options = { .no_boilerplate = TRUE };
  HearsayImportReport report;
  g_autoptr(GError) error = NULL;

  core_test_import_ok (project, "text", paths, &options, &report);
  g_assert_cmpuint (report.n_boilerplate, ==, 0);
  g_assert_cmpuint (hearsay_document_get_n_annotations (g_ptr_array_index (report.documents, 0)), ==, 0);
  hearsay_import_report_clear (&report);

  hearsay_import_report_init (&report);
  g_assert_true (core_test_import (project, "text", paths, &text_options, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_boilerplate, ==, 0);
  hearsay_import_report_clear (&report);
}

static void
test_default_project_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_import_open_default_project (&error);
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) anns = NULL;

  g_assert_no_error (error);
  docs = hearsay_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  anns = core_test_annotations (project, hearsay_document_get_id (g_ptr_array_index (docs, 0)));
  g_assert_cmpuint (anns->len, ==, 11);
}

static void
test_english_rules (void)
{
  const char *text =
    "Ministers agree on a ceasefire plan\n"
    "\n"
    "Follow us on Twitter\n"
    "The ministers met on Tuesday, and the talks lasted well into the night, officials said.\n"
    "Read more: Earlier talks collapsed in May\n"
    "Related: What the plan says\n"
    "Officials said a cookie-cutter approach would not work for the region, and they asked for time.\n"
    "Subscribe to our newsletter\n"
    "We use cookies to improve your experience.\n"
    "Accept all\n"
    "Photo: Jane Doe / Reuters\n"
    "Read the full statement, the minister said.\n";
  const Expect expect[] = {
    { "Ministers agree", NULL },
    { "Follow us on Twitter", "promo_call_to_action" },
    { "The ministers met", NULL },
    { "Read more:", "related_link" },
    { "Related:", "related_link" },
    { "Subscribe to our newsletter", "promo_call_to_action" },
    { "We use cookies", "consent_notice" },
    { "Accept all", "consent_notice" },
    { "Photo: Jane Doe", "caption" },
    { "Read the full statement", NULL },
  };
  g_autoptr(GArray) spans = hearsay_boilerplate_detect (text);

  check_expectations (text, spans, expect, G_N_ELEMENTS (expect));
  /* A long body paragraph that names cookies once is text, not a notice. */
  g_assert_null (kind_of_line (text, spans, "Officials said a cookie-cutter", 0));
}

static gint64
import_text (HearsayProject *project,
             const char     *name,
             const char     *text,
             const char     *outlet)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = core_test_path (name);
  const char *paths[] = { path, NULL };
  HearsayImportOptions options = { .outlet = outlet };
  HearsayImportReport report;
  gint64 id;

  core_test_write (path, text, -1);
  hearsay_import_report_init (&report);
  g_assert_true (core_test_import (project, "text", paths, &options, &report, &error));
  g_assert_no_error (error);
  id = hearsay_document_get_id (g_ptr_array_index (report.documents, 0));
  hearsay_import_report_clear (&report);
  return id;
}

static guint
count_marked (HearsayProject *project,
              gint64          doc,
              const char     *kind)
{
  g_autoptr(GPtrArray) anns = core_test_annotations (project, doc);
  guint n = 0;

  for (guint i = 0; i < anns->len; i++)
    if (kind == NULL || g_strcmp0 (hearsay_annotation_get_attribute (g_ptr_array_index (anns, i), "kind"), kind) == 0)
      n++;
  return n;
}

static void
test_repeated_lines (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("outlet.hearsay");
  gint64 a, b, c, d, other;

  a = import_text (project, "a.txt", "Accueil Monde Politique\nFirst story text about a town.\nTous droits réservés\n", "Le Quotidien");
  g_assert_cmpuint (count_marked (project, a, NULL), ==, 0);
  /* A short line without final punctuation in two documents of the outlet
   * is furniture: marked in the new one and in the one imported before. */
  b = import_text (project, "b.txt", "Accueil Monde Politique\nSecond story, about a river.\nTous droits réservés\n", "Le Quotidien");
  g_assert_cmpuint (count_marked (project, b, "navigation"), ==, 2);
  g_assert_cmpuint (count_marked (project, a, "navigation"), ==, 2);
  /* Another outlet does not count. */
  other = import_text (project, "o.txt", "Accueil Monde Politique\nA story elsewhere.\n", "Autre Journal");
  g_assert_cmpuint (count_marked (project, other, NULL), ==, 0);
  /* A sentence needs three documents: in two it is text. */
  c = import_text (project, "c.txt", "Accueil Monde Politique\nSecond story, about a river.\nThird story.\n", "Le Quotidien");
  g_assert_cmpuint (count_marked (project, c, NULL), ==, 1);
  g_assert_cmpuint (count_marked (project, b, NULL), ==, 2);
  d = import_text (project, "d.txt", "Tous droits réservés\nFourth story with its own words.\nSecond story, about a river.\n", "Le Quotidien");
  g_assert_cmpuint (count_marked (project, d, NULL), ==, 2);
  /* …and with the third, the two before it are marked too. */
  g_assert_cmpuint (count_marked (project, b, "other"), ==, 1);
  g_assert_cmpuint (count_marked (project, c, "other"), ==, 1);
  g_assert_cmpuint (count_marked (project, a, NULL), ==, 2);
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/boilerplate/sample-rules", test_sample_rules);
  g_test_add_func ("/boilerplate/sample-import", test_sample_import);
  g_test_add_func ("/boilerplate/no-boilerplate-option", test_no_boilerplate_option);
  g_test_add_func ("/boilerplate/default-project-sample", test_default_project_sample);
  g_test_add_func ("/boilerplate/english-rules", test_english_rules);
  g_test_add_func ("/boilerplate/repeated-lines", test_repeated_lines);
  return g_test_run ();
}
