/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-xmi.c: UIMA CAS XMI as INCEpTION exports it (the DKPro Core
 * types; the fixture is shaped like the reference.xmi files of INCEpTION's
 * tsv3-suite): the sofaString with an astral emoji as a character
 * reference, CR LF as &#13;&#10;, combining marks and Arabic; UTF-16 begin
 * and end; NamedEntity, a custom layer with a multi-valued feature (inline
 * and as a cas:StringArray), a relation (Governor/Dependent), a chain
 * (first/next), slot links, DocumentMetaData and a document-level layer;
 * per-user files; exports of several annotators read back; refusals that
 * name the file and place and leave the project unchanged. */
#include "core-test-import.h"
#include "hearsay-export.h"
#include "hearsay-relation.h"

#define DEIR_TEXT "Selon Reuters \xF0\x9F\x98\x8A, Deir ez-Zor est libe\xCC\x81r\xC3\xA9" "e.\r\n" \
  "\xD9\x82\xD8\xA7\xD9\x84 \xD8\xA7\xD9\x84\xD9\x85\xD8\xAA\xD8\xAD\xD8\xAF\xD8\xAB."
#define SPOKESMAN "\xD8\xA7\xD9\x84\xD9\x85\xD8\xAA\xD8\xAD\xD8\xAF\xD8\xAB"

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
          g_assert_cmpint (e - s, ==, strlen (quote));
          g_assert_true (memcmp (s, quote, e - s) == 0);
          return ann;
        }
    }
  g_error ("no %s annotation quoting “%s”", label, quote);
  return NULL;
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

static void
test_inception_export (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("xmi.hearsay");
  g_autofree char *path = core_test_fixture ("xmi/deir.xmi");
  const char *paths[] = { path, NULL };
  HearsayImportReport report;
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(GPtrArray) anns = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  HearsayAnnotation *org, *per, *claim, *ann, *event, *coref1, *coref2;
  const char * const *values;
  const char *text;

  g_assert_cmpstr (hearsay_import_guess_format (path), ==, "xmi");
  core_test_import_ok (project, NULL, paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 1);
  doc = hearsay_project_load_document (project, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)),
                                       NULL);
  text = hearsay_document_get_text (doc);
  g_assert_cmpstr (text, ==, DEIR_TEXT);
  g_assert_cmpstr (hearsay_document_get_title (doc), ==, "Deir ez-Zor");
  g_assert_cmpstr (hearsay_document_get_language (doc), ==, "fr");
  g_assert_cmpstr (hearsay_document_get_url (doc), ==, "https://example.org/deir");
  values = hearsay_document_get_field (doc, "Genre");
  g_assert_nonnull (values);
  g_assert_cmpstr (values[0], ==, "reporting");

  anns = core_test_annotations (project, hearsay_document_get_id (doc));
  g_assert_cmpuint (anns->len, ==, 7);
  org = find (anns, text, "ORG", "Reuters");
  g_assert_cmpstr (hearsay_annotation_get_attribute (org, "identifier"), ==, "https://www.wikidata.org/wiki/Q130879");
  g_assert_cmpstr (hearsay_annotation_get_annotator (org), ==, "inception");
  per = find (anns, text, "PER", SPOKESMAN);
  claim = find (anns, text, "claim", "Deir ez-Zor est libe\xCC\x81r\xC3\xA9" "e");
  g_assert_cmpstr (hearsay_annotation_get_attribute (claim, "status"), ==, "disputed");
  /* A multi-valued string feature, inline. */
  values = hearsay_annotation_get_attribute_values (claim, "frames");
  g_assert_cmpuint (g_strv_length ((char **) values), ==, 2);
  g_assert_true (g_strv_contains (values, "security") && g_strv_contains (values, "morality"));
  /* …and as a cas:StringArray; the emoji is a character reference. */
  ann = find (anns, text, "claim", "\xF0\x9F\x98\x8A");
  values = hearsay_annotation_get_attribute_values (ann, "tags");
  g_assert_cmpuint (g_strv_length ((char **) values), ==, 2);
  g_assert_true (g_strv_contains (values, "irony") && g_strv_contains (values, "emoji & co"));
  event = find (anns, text, "Event", "est");
  g_assert_cmpstr (hearsay_annotation_get_attribute (event, "trigger"), ==, "be");
  g_assert_null (hearsay_annotation_get_attribute (event, "roles"));
  coref1 = find (anns, text, "Coref", "Reuters");
  g_assert_cmpstr (hearsay_annotation_get_attribute (coref1, "referenceType"), ==, "nam");
  coref2 = find (anns, text, "Coref", SPOKESMAN);

  relations = hearsay_project_list_relations (project, hearsay_document_get_id (doc), NULL);
  g_assert_cmpuint (relations->len, ==, 4);
  g_assert_true (has_relation (relations, "attributed_to", claim, org));
  g_assert_true (has_relation (relations, "coref", coref1, coref2));
  g_assert_true (has_relation (relations, "theme", event, claim));
  /* A slot without a role is typed by its feature. */
  g_assert_true (has_relation (relations, "roles", event, per));
  /* The relation's other feature has no place, and says so. */
  g_assert_cmpuint (report.skipped->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (report.skipped, 0), "“confidence” of 1 relations"));
  hearsay_import_report_clear (&report);
}

/* Two annotators and a document without annotations, exported as XMI (and
 * TSV) and read back: one document each, each file's annotations by its
 * annotator; the export's folder is guessed from its content. */
static void
test_annotators (void)
{
  const char *formats[] = { "xmi", "webanno-tsv" };
  const HearsayExportFormat exports[] = { HEARSAY_EXPORT_XMI, HEARSAY_EXPORT_WEBANNO_TSV };

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *name = g_strdup_printf ("annotators-%s.hearsay", formats[f]);
      g_autoptr(HearsayProject) project = core_test_new_project (name);
      g_autofree char *fresh_name = g_strdup_printf ("annotators-%s-2.hearsay", formats[f]);
      g_autoptr(HearsayProject) fresh = core_test_new_project (fresh_name);
      g_autofree char *out_name = g_strdup_printf ("annotators-%s", formats[f]);
      g_autofree char *out = core_test_path (out_name);
      const char *text = "Damas \xF0\x9F\x91\x8D est libre.\r\n";
      gint64 doc = core_test_add_document (project, text, "Un titre/avec barre");
      HearsayExportOptions options = { 0 };
      const char *paths[] = { out, NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) anns = NULL;
      g_autoptr(GPtrArray) docs = NULL;
      HearsayImportReport report;
      const char *by[] = { "alice", "bob" };

      core_test_add_document (project, "Sans annotation.\n", "Vide");
      for (guint i = 0; i < 2; i++)
        {
          g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (doc, "claim");

          hearsay_annotation_add_fragment (ann, 0, i == 0 ? 5 : 17);
          hearsay_annotation_set_annotator (ann, by[i]);
          g_assert_true (hearsay_project_create_annotation (project, ann, &error));
          g_assert_no_error (error);
        }
      g_assert_true (hearsay_export_project_to_path (project, exports[f], &options, out, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (hearsay_import_guess_format (out), ==, formats[f]);
      core_test_import_ok (fresh, NULL, paths, NULL, &report);
      g_assert_cmpuint (report.documents->len, ==, 2);
      docs = hearsay_project_list_documents (fresh, NULL);
      anns = core_test_annotations (fresh, hearsay_document_get_id (g_ptr_array_index (docs, 0)));
      g_assert_cmpuint (anns->len, ==, 2);
      g_assert_cmpstr (hearsay_annotation_get_annotator (g_ptr_array_index (anns, 0)), ==, "alice");
      g_assert_cmpstr (hearsay_annotation_get_fragment (g_ptr_array_index (anns, 0), 0)->exact, ==, "Damas");
      g_assert_cmpstr (hearsay_annotation_get_annotator (g_ptr_array_index (anns, 1)), ==, "bob");
      g_assert_cmpstr (hearsay_annotation_get_fragment (g_ptr_array_index (anns, 1), 0)->exact, ==,
                       "Damas \xF0\x9F\x91\x8D est libre");
      /* XMI's DocumentMetaData keeps the title; TSV has only the folder
       * name, which cannot hold "/". */
      g_assert_cmpstr (hearsay_document_get_title (g_ptr_array_index (docs, 0)), ==,
                       exports[f] == HEARSAY_EXPORT_XMI ? "Un titre/avec barre" : "Un titre_avec barre");
      g_assert_cmpstr (hearsay_document_get_title (g_ptr_array_index (docs, 1)), ==, "Vide");
      hearsay_import_report_clear (&report);
    }
}

static void
test_refusals (void)
{
  struct { const char *content; const char *expect; const char *expect2; } cases[] = {
    { "<root/>", "bad.xmi:1:", "xmi:XMI" },
    { "<xmi:XMI xmlns:xmi=\"http://www.omg.org/XMI\"></xmi:XMI>", "bad.xmi", "cas:Sofa" },
    { "<xmi:XMI xmlns:xmi=\"http://www.omg.org/XMI\" xmlns:cas=\"http:///uima/cas.ecore\">\n"
      "<cas:Sofa xmi:id=\"1\" sofaID=\"_InitialView\" sofaURI=\"file:/etc/passwd\"/></xmi:XMI>",
      "bad.xmi:2:", "sofaString" },
    /* Half of the emoji (UTF-16): refused, not rounded. */
    { "<xmi:XMI xmlns:xmi=\"http://www.omg.org/XMI\" xmlns:cas=\"http:///uima/cas.ecore\" "
      "xmlns:custom=\"http:///webanno/custom.ecore\">\n"
      "<custom:Claim xmi:id=\"3\" sofa=\"1\" begin=\"0\" end=\"1\"/>\n"
      "<cas:Sofa xmi:id=\"1\" sofaID=\"_InitialView\" sofaString=\"&#128522; ok\"/></xmi:XMI>",
      "bad.xmi:2:", "inside a character" },
    { "<xmi:XMI xmlns:xmi=\"http://www.omg.org/XMI\" xmlns:cas=\"http:///uima/cas.ecore\" "
      "xmlns:custom=\"http:///webanno/custom.ecore\">\n"
      "<custom:Claim xmi:id=\"3\" sofa=\"1\" begin=\"0\" end=\"40\"/>\n"
      "<cas:Sofa xmi:id=\"1\" sofaID=\"_InitialView\" sofaString=\"court\"/></xmi:XMI>",
      "bad.xmi:2:", "outside the text" },
    { "<xmi:XMI xmlns:xmi=\"http://www.omg.org/XMI\" xmlns:cas=\"http:///uima/cas.ecore\" "
      "xmlns:custom=\"http:///webanno/custom.ecore\">\n"
      "<custom:Claim xmi:id=\"3\" sofa=\"1\" begin=\"x\" end=\"4\"/>\n"
      "<cas:Sofa xmi:id=\"1\" sofaID=\"_InitialView\" sofaString=\"court\"/></xmi:XMI>",
      "bad.xmi:2:", "not a number" },
    /* Entities are refused by hearsay_xml_read(). */
    { "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xmi:XMI xmlns:xmi=\"http://www.omg.org/XMI\"/>",
      "bad.xmi", "entit" },
    { "<xmi:XMI xmlns:xmi=\"http://www.omg.org/XMI\"", "bad.xmi", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *dir = core_test_path ("bad-xmi");
      g_autofree char *path = core_test_write_in (dir, "bad.xmi", cases[i].content);
      const char *paths[] = { path, NULL };
      g_autofree char *message = NULL;

      g_test_message ("case %u", i);
      message = core_test_assert_import_refused ("xmi", paths, NULL, cases[i].expect, cases[i].expect2);
    }
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/import-xmi/inception-export", test_inception_export);
  g_test_add_func ("/import-xmi/annotators", test_annotators);
  g_test_add_func ("/import-xmi/refusals", test_refusals);
  return g_test_run ();
}
