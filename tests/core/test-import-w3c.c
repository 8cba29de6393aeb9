/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-w3c.c: W3C Web Annotation collections — position and quote
 * selectors, quote-only anchoring, discontinuous targets, bodies, linking
 * annotations, source matching, and refusals. */
#include "core-test-import.h"
#include "hearsay-export.h"
#include "hearsay-relation.h"

static char *
w3c_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", "w3c", name, NULL);
}

static HearsayAnnotation *
with_label (GPtrArray  *anns,
            const char *label)
{
  for (guint i = 0; i < anns->len; i++)
    if (g_strcmp0 (hearsay_annotation_get_label (g_ptr_array_index (anns, i)), label) == 0)
      return g_ptr_array_index (anns, i);
  g_error ("no %s annotation", label);
  return NULL;
}

static void
test_collection (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("w3c.hearsay");
  g_autofree char *json = w3c_fixture ("collection.jsonld");
  g_autofree char *txt = w3c_fixture ("doc.txt");
  const char *paths[] = { json, txt, NULL };
  HearsayImportReport report;
  g_autoptr(GPtrArray) anns = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GError) error = NULL;
  HearsayAnnotation *source, *content, *claim;
  HearsayRelation *r;
  const char *mismatch;

  core_test_import_ok (project, "w3c", paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 1);
  g_assert_cmpuint (report.n_annotations, ==, 3);
  g_assert_cmpuint (report.n_relations, ==, 1);
  g_assert_cmpuint (report.quote_mismatches->len, ==, 1);
  mismatch = g_ptr_array_index (report.quote_mismatches, 0);
  g_assert_nonnull (strstr (mismatch, "collection.jsonld"));
  g_assert_nonnull (strstr (mismatch, "urn:uuid:a4"));
  g_assert_nonnull (strstr (mismatch, "Alep"));

  anns = core_test_annotations (project, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)));
  source = with_label (anns, "source_mention");
  g_assert_cmpint (hearsay_annotation_get_start (source), ==, 0);
  g_assert_cmpint (hearsay_annotation_get_end (source), ==, 5);
  g_assert_cmpstr (hearsay_annotation_get_annotator (source), ==, "Alice");
  g_assert_cmpstr (hearsay_annotation_get_attribute (source, "identification"), ==, "named");
  g_assert_cmpstr (hearsay_annotation_get_note (source), ==, "la capitale");
  /* Anchored from a TextQuoteSelector alone. */
  content = with_label (anns, "attributed_content");
  g_assert_cmpstr (hearsay_annotation_get_fragment (content, 0)->exact, ==, "Deir ez-Zor");
  g_assert_cmpint (hearsay_annotation_get_start (content), ==, 23);
  /* Two targets: one discontinuous annotation; "Claim" maps to "claim". */
  claim = with_label (anns, "claim");
  g_assert_cmpuint (hearsay_annotation_get_n_fragments (claim), ==, 2);
  g_assert_cmpstr (hearsay_annotation_get_fragment (claim, 0)->exact, ==, "a déclaré");
  g_assert_cmpstr (hearsay_annotation_get_fragment (claim, 1)->exact, ==, "libérée");

  relations = hearsay_project_list_relations (project, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, ==, 1);
  r = g_ptr_array_index (relations, 0);
  g_assert_cmpstr (r->type, ==, "attributed_to");
  g_assert_cmpint (r->from_id, ==, hearsay_annotation_get_id (content));
  g_assert_cmpint (r->to_id, ==, hearsay_annotation_get_id (source));
  hearsay_import_report_clear (&report);
}

static void
test_source_is_project_url (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("w3c-url.hearsay");
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  HearsayDocument *doc = hearsay_document_new ("Le ministre a parlé.\n");
  g_autofree char *dir = core_test_path ("url");
  g_autofree char *json = core_test_write_in (dir, "one.json",
    "{\"type\":\"Annotation\",\"body\":{\"purpose\":\"tagging\",\"value\":\"source_mention\"},"
    "\"target\":{\"source\":\"https://example.org/a\",\"selector\":{\"type\":\"TextPositionSelector\",\"start\":3,\"end\":11}}}");
  const char *paths[] = { json, NULL };
  HearsayImportReport report;
  g_autoptr(GPtrArray) anns = NULL;

  hearsay_document_set_title (doc, "A");
  hearsay_document_set_url (doc, "https://example.org/a");
  g_ptr_array_add (docs, doc);
  g_assert_true (hearsay_project_add_documents (project, docs, &error));
  g_assert_no_error (error);

  /* The format is guessed from ".json". */
  core_test_import_ok (project, NULL, paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 0);
  g_assert_cmpuint (report.n_annotations, ==, 1);
  anns = core_test_annotations (project, hearsay_document_get_id (doc));
  g_assert_cmpstr (hearsay_annotation_get_fragment (g_ptr_array_index (anns, 0), 0)->exact, ==, "ministre");
  hearsay_import_report_clear (&report);
}

static void
test_refusals (void)
{
  g_autofree char *txt = w3c_fixture ("doc.txt");
  g_autofree char *json = w3c_fixture ("collection.jsonld");
  g_autofree char *dir = core_test_path ("bad-w3c");
  g_autofree char *message = NULL;
  HearsayImportOptions strict = { .strict_quotes = TRUE };

  {
    g_autofree char *bad = core_test_write_in (dir, "invalid.json", "{\"type\": \"Annotation\",\n  \"target\": [1, 2,,]\n}");
    const char *paths[] = { bad, txt, NULL };

    message = core_test_assert_import_refused ("w3c", paths, NULL, "invalid.json", ":2:");
    g_clear_pointer (&message, g_free);
  }
  {
    const char *paths[] = { json, txt, NULL };

    message = core_test_assert_import_refused ("w3c", paths, &strict, "urn:uuid:a4", "strict");
    g_clear_pointer (&message, g_free);
  }
  {
    g_autofree char *bad = core_test_write_in (dir, "unknown.json",
      "{\"type\":\"Annotation\",\"body\":\"claim\",\"target\":{\"source\":\"file:///etc/passwd\","
      "\"selector\":{\"type\":\"TextPositionSelector\",\"start\":0,\"end\":4}}}");
    const char *paths[] = { bad, txt, NULL };

    message = core_test_assert_import_refused ("w3c", paths, NULL, "unknown.json", "file:///etc/passwd");
    g_clear_pointer (&message, g_free);
  }
  {
    g_autofree char *bad = core_test_write_in (dir, "beyond.json",
      "{\"type\":\"Annotation\",\"body\":\"claim\",\"target\":{\"source\":\"doc.txt\","
      "\"selector\":{\"type\":\"TextPositionSelector\",\"start\":40,\"end\":4000}}}");
    const char *paths[] = { bad, txt, NULL };

    message = core_test_assert_import_refused ("w3c", paths, NULL, "beyond.json", "outside the text");
    g_clear_pointer (&message, g_free);
  }
  {
    g_autofree char *bad = core_test_write_in (dir, "truncated.json", "{\"type\":\"AnnotationCollection\",\"first\":{\"items\":[{\"type\":");
    const char *paths[] = { bad, txt, NULL };

    message = core_test_assert_import_refused ("w3c", paths, NULL, "truncated.json", "invalid JSON");
  }
}

#define SELECTORS_TEXT "Le ministre \xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD a parl\xC3\xA9. Le ministre a menti.\n"

static gboolean
listed (GPtrArray  *list,
        const char *a,
        const char *b)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (strstr (g_ptr_array_index (list, i), a) != NULL && (b == NULL || strstr (g_ptr_array_index (list, i), b) != NULL))
      return TRUE;
  return FALSE;
}

static const char *
exact_of (GPtrArray  *anns,
          const char *note)
{
  for (guint i = 0; i < anns->len; i++)
    if (g_strcmp0 (hearsay_annotation_get_note (g_ptr_array_index (anns, i)), note) == 0)
      return hearsay_annotation_get_fragment (g_ptr_array_index (anns, i), 0)->exact;
  return NULL;
}

/* Every selector shape a client writes, on a text with an emoji (two code
 * points, four UTF-16 units) and a word that occurs twice. Each annotation
 * carries its case in its note, so that the test finds it. */
static void
test_selectors (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("w3c-selectors.hearsay");
  g_autofree char *dir = core_test_path ("selectors");
  g_autofree char *txt = core_test_write_in (dir, "doc.txt", SELECTORS_TEXT);
  g_autoptr(GString) json = g_string_new ("[");
  static const struct { const char *id, *selector; } cases[] = {
    /* A JavaScript client: UTF-16 units past the emoji. */
    { "utf16", "[{\"type\":\"TextPositionSelector\",\"start\":17,\"end\":24},{\"type\":\"TextQuoteSelector\",\"exact\":\"a parl\xC3\xA9\"}]" },
    /* A position that selects something else: the quote decides, nearest first. */
    { "by-quote", "[{\"type\":\"TextPositionSelector\",\"start\":0,\"end\":5},{\"type\":\"TextQuoteSelector\",\"exact\":\"menti\"}]" },
    { "near", "[{\"type\":\"TextPositionSelector\",\"start\":30,\"end\":38},{\"type\":\"TextQuoteSelector\",\"exact\":\"ministre\"}]" },
    /* Twice in the text, nothing to tell which. */
    { "ambiguous", "{\"type\":\"TextQuoteSelector\",\"exact\":\"ministre\"}" },
    /* The prefix tells. */
    { "prefix", "{\"type\":\"TextQuoteSelector\",\"exact\":\"ministre\",\"prefix\":\"parl\xC3\xA9. Le \"}" },
    /* A selector of the markup refined by a quote. */
    { "refined-xpath", "{\"type\":\"XPathSelector\",\"value\":\"/p[1]\",\"refinedBy\":{\"type\":\"TextQuoteSelector\",\"exact\":\"menti\"}}" },
    /* A position inside a quote: code points from the quote's start. */
    { "refined-quote", "{\"type\":\"TextQuoteSelector\",\"exact\":\"Le ministre a menti\",\"refinedBy\":{\"type\":\"TextPositionSelector\",\"start\":3,\"end\":11}}" },
    /* From the start of the first to the start of the second. */
    { "range", "{\"type\":\"RangeSelector\",\"startSelector\":{\"type\":\"TextQuoteSelector\",\"exact\":\"a parl\xC3\xA9\"},"
               "\"endSelector\":{\"type\":\"TextQuoteSelector\",\"exact\":\" Le ministre a menti\"}}" },
    { "char-fragment", "{\"type\":\"FragmentSelector\",\"conformsTo\":\"http://tools.ietf.org/rfc/rfc5147\",\"value\":\"char=0,2\"}" },
    /* Only the markup: nothing plain text can resolve. */
    { "css-only", "{\"type\":\"CssSelector\",\"value\":\"#main > p\"}" },
  };
  HearsayImportReport report;
  g_autoptr(GPtrArray) anns = NULL;
  const char *paths[] = { NULL, txt, NULL };
  g_autofree char *file = NULL;
  HearsayAnnotation *claim;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* The note names the case. */
      g_string_append_printf (json, "%s", i > 0 ? "," : "");
      g_string_append_printf (json, "{\"id\":\"%s\",\"type\":\"Annotation\",\"body\":[{\"purpose\":\"tagging\",\"value\":\"claim\"},"
                              "{\"purpose\":\"commenting\",\"value\":\"%s\"}],\"target\":{\"source\":\"doc.txt\",\"selector\":%s}}",
                              cases[i].id, cases[i].id, cases[i].selector);
    }
  /* A target that is the whole document, and one without a selector. */
  g_string_append (json, ",{\"id\":\"page-note\",\"type\":\"Annotation\",\"body\":\"claim\",\"target\":\"doc.txt\"}"
                         ",{\"id\":\"no-selector\",\"type\":\"Annotation\",\"body\":\"claim\",\"target\":{\"source\":\"doc.txt\"}}]");
  file = core_test_write_in (dir, "selectors.json", json->str);
  paths[0] = file;
  core_test_import_ok (project, "w3c", paths, NULL, &report);
  anns = core_test_annotations (project, hearsay_document_get_id (g_ptr_array_index (report.documents, 0)));

  g_assert_cmpstr (exact_of (anns, "utf16"), ==, "a parl\xC3\xA9");
  claim = NULL;
  for (guint i = 0; i < anns->len; i++)
    if (g_strcmp0 (hearsay_annotation_get_note (g_ptr_array_index (anns, i)), "utf16") == 0)
      claim = g_ptr_array_index (anns, i);
  g_assert_cmpint (hearsay_annotation_get_start (claim), ==, 15);
  g_assert_true (listed (report.notes, "1 position counted UTF-16 code units", NULL));
  g_assert_cmpstr (exact_of (anns, "by-quote"), ==, "menti");
  g_assert_true (listed (report.notes, "annotation by-quote: anchored by its quote", NULL));
  g_assert_cmpstr (exact_of (anns, "near"), ==, "ministre");
  for (guint i = 0; i < anns->len; i++)
    if (g_strcmp0 (hearsay_annotation_get_note (g_ptr_array_index (anns, i)), "near") == 0)
      g_assert_cmpint (hearsay_annotation_get_start (g_ptr_array_index (anns, i)), ==, 27);
  g_assert_null (exact_of (anns, "ambiguous"));
  g_assert_true (listed (report.quote_mismatches, "annotation ambiguous", "occurs 2 times"));
  g_assert_cmpstr (exact_of (anns, "prefix"), ==, "ministre");
  for (guint i = 0; i < anns->len; i++)
    if (g_strcmp0 (hearsay_annotation_get_note (g_ptr_array_index (anns, i)), "prefix") == 0)
      g_assert_cmpint (hearsay_annotation_get_start (g_ptr_array_index (anns, i)), ==, 27);
  g_assert_cmpstr (exact_of (anns, "refined-xpath"), ==, "menti");
  g_assert_cmpstr (exact_of (anns, "refined-quote"), ==, "ministre");
  for (guint i = 0; i < anns->len; i++)
    if (g_strcmp0 (hearsay_annotation_get_note (g_ptr_array_index (anns, i)), "refined-quote") == 0)
      g_assert_cmpint (hearsay_annotation_get_start (g_ptr_array_index (anns, i)), ==, 27);
  g_assert_cmpstr (exact_of (anns, "range"), ==, "a parl\xC3\xA9.");
  g_assert_cmpstr (exact_of (anns, "char-fragment"), ==, "Le");
  g_assert_null (exact_of (anns, "css-only"));
  g_assert_true (listed (report.skipped, "annotation css-only", "markup"));
  g_assert_true (listed (report.skipped, "annotation page-note", "whole document"));
  g_assert_true (listed (report.skipped, "annotation no-selector", "whole document"));
  g_assert_cmpuint (report.n_annotations, ==, 8);
  hearsay_import_report_clear (&report);

  /* --strict-quotes refuses the ambiguous one, naming it. */
  {
    HearsayImportOptions strict = { .strict_quotes = TRUE };
    g_autofree char *message = core_test_assert_import_refused ("w3c", paths, &strict, "annotation ambiguous",
                                                                "occurs 2 times");
  }
  /* --offsets utf16 from the user: no other unit is tried, so the quote
   * anchors the code-point positions… and the UTF-16 one is taken as is. */
  {
    g_autoptr(HearsayProject) p2 = core_test_new_project ("w3c-selectors-utf16.hearsay");
    HearsayImportOptions utf16 = { .offsets_given = TRUE, .offsets = { HEARSAY_OFFSET_UTF16, FALSE, FALSE } };

    core_test_import_ok (p2, "w3c", paths, &utf16, &report);
    g_assert_false (listed (report.notes, "counted UTF-16", NULL));
    hearsay_import_report_clear (&report);
  }
}

/* A link to an entity, as Hearsay writes it ("identifying" body): the
 * entity is found by name and kind, or created; importing the file again
 * does not add it twice, nor the annotation (already present). */
static void
test_entity_links (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("w3c-entities.hearsay");
  g_autofree char *dir = core_test_path ("entities");
  g_autofree char *txt = core_test_write_in (dir, "doc.txt", SELECTORS_TEXT);
  g_autofree char *json = core_test_write_in (dir, "links.json",
    "[{\"id\":\"urn:x:annotation:1\",\"type\":\"Annotation\",\"body\":\"source_mention\","
    "\"target\":{\"source\":\"doc.txt\",\"selector\":{\"type\":\"TextPositionSelector\",\"start\":0,\"end\":11}}},"
    "{\"id\":\"urn:x:relation:1\",\"type\":\"Annotation\",\"motivation\":\"linking\","
    "\"body\":[{\"type\":\"TextualBody\",\"purpose\":\"linking\",\"value\":\"refers_to\"},"
    "{\"type\":\"TextualBody\",\"purpose\":\"identifying\",\"value\":\"entity: Minist\xC3\xA8re (de la D\xC3\xA9" "fense) (government_official)\"}],"
    "\"target\":[\"urn:x:annotation:1\",\"urn:x:entity:9\"]}]");
  const char *paths[] = { json, txt, NULL };
  const char *again[] = { json, NULL };
  HearsayImportReport report;
  g_autoptr(GPtrArray) entities = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GError) error = NULL;
  HearsayRelation *r;

  core_test_import_ok (project, "w3c", paths, NULL, &report);
  g_assert_cmpuint (report.n_relations, ==, 1);
  hearsay_import_report_clear (&report);
  entities = hearsay_project_list_entities (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entities->len, ==, 1);
  g_assert_cmpstr (hearsay_entity_get_name (g_ptr_array_index (entities, 0)), ==, "Minist\xC3\xA8re (de la D\xC3\xA9" "fense)");
  g_assert_cmpstr (hearsay_entity_get_kind (g_ptr_array_index (entities, 0)), ==, "government_official");
  relations = hearsay_project_list_relations (project, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, ==, 1);
  r = g_ptr_array_index (relations, 0);
  g_assert_cmpstr (r->type, ==, "refers_to");
  g_assert_cmpint (r->to_entity_id, ==, hearsay_entity_get_id (g_ptr_array_index (entities, 0)));

  /* Again, onto the document now in the project (by its file name). */
  core_test_import_ok (project, "w3c", again, NULL, &report);
  g_assert_cmpuint (report.n_annotations, ==, 0);
  g_assert_cmpuint (report.n_relations, ==, 0);
  g_assert_true (listed (report.notes, "1 relation was in the project already", NULL));
  g_assert_true (listed (report.notes, "1 annotation was in the project already", NULL));
  hearsay_import_report_clear (&report);
  g_clear_pointer (&entities, g_ptr_array_unref);
  entities = hearsay_project_list_entities (project, &error);
  g_assert_cmpuint (entities->len, ==, 1);

  /* Hearsay's own export of it comes back with the link to the entity. */
  {
    g_autoptr(HearsayProject) copy = core_test_new_project ("w3c-entities-copy.hearsay");
    g_autofree char *exported = g_build_filename (dir, "exported.jsonld", NULL);
    const char *back[] = { exported, txt, NULL };
    g_autoptr(GPtrArray) copied = NULL;
    g_autoptr(GPtrArray) copied_relations = NULL;

    g_assert_true (hearsay_export_project_to_path (project, HEARSAY_EXPORT_W3C, NULL, exported, NULL, &error));
    g_assert_no_error (error);
    core_test_import_ok (copy, "w3c", back, NULL, &report);
    g_assert_cmpuint (report.n_relations, ==, 1);
    hearsay_import_report_clear (&report);
    copied = hearsay_project_list_entities (copy, &error);
    g_assert_cmpuint (copied->len, ==, 1);
    g_assert_cmpstr (hearsay_entity_get_name (g_ptr_array_index (copied, 0)), ==, "Minist\xC3\xA8re (de la D\xC3\xA9" "fense)");
    copied_relations = hearsay_project_list_relations (copy, 1, &error);
    g_assert_cmpuint (copied_relations->len, ==, 1);
    g_assert_cmpint (((HearsayRelation *) g_ptr_array_index (copied_relations, 0))->to_entity_id, ==,
                     hearsay_entity_get_id (g_ptr_array_index (copied, 0)));
  }
}

/* A page saved as text, annotated in a browser: the target is the page's
 * http URL, the text file has another name. The file whose text holds the
 * quotes is the page; it takes the URL. */
static void
test_http_pairing (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("w3c-http.hearsay");
  g_autofree char *dir = core_test_path ("http");
  g_autofree char *other = core_test_write_in (dir, "other.txt", "Rien \xC3\xA0 voir.\n");
  g_autofree char *txt = core_test_write_in (dir, "saved-page.txt", SELECTORS_TEXT);
  g_autofree char *json = core_test_write_in (dir, "hypothesis.json",
    "[{\"id\":\"h1\",\"type\":\"Annotation\",\"body\":\"claim\",\"target\":{\"source\":\"https://news.example.org/2017/11/ministre/\","
    "\"selector\":[{\"type\":\"TextPositionSelector\",\"start\":29,\"end\":36},{\"type\":\"TextQuoteSelector\",\"exact\":\"a menti\"}]}}]");
  const char *paths[] = { json, other, txt, NULL };
  HearsayImportReport report;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) anns = NULL;
  HearsayDocument *page = NULL;

  core_test_import_ok (project, "w3c", paths, NULL, &report);
  g_assert_cmpuint (report.n_annotations, ==, 1);
  g_assert_true (listed (report.notes, "saved-page.txt", "https://news.example.org/2017/11/ministre/"));
  hearsay_import_report_clear (&report);
  docs = hearsay_project_list_documents (project, NULL);
  for (guint i = 0; i < docs->len; i++)
    if (g_strcmp0 (hearsay_document_get_source_name (g_ptr_array_index (docs, i)), "saved-page.txt") == 0)
      page = g_ptr_array_index (docs, i);
  g_assert_nonnull (page);
  g_assert_cmpstr (hearsay_document_get_url (page), ==, "https://news.example.org/2017/11/ministre/");
  anns = core_test_annotations (project, hearsay_document_get_id (page));
  g_assert_cmpuint (anns->len, ==, 1);
  g_assert_cmpstr (hearsay_annotation_get_fragment (g_ptr_array_index (anns, 0), 0)->exact, ==, "a menti");
}

/* A text with its boilerplate marks, and its W3C export imported onto it:
 * the marks are not added a second time. A text imported with the export
 * gets the marks from the export, once. */
static void
test_boilerplate_once (void)
{
  g_autoptr(HearsayProject) first = core_test_new_project ("w3c-bp-1.hearsay");
  g_autoptr(HearsayProject) second = core_test_new_project ("w3c-bp-2.hearsay");
  g_autofree char *dir = core_test_path ("bp");
  g_autofree char *txt = core_test_write_in (dir, "page.txt",
    "Le ministre a parl\xC3\xA9 hier soir devant la presse.\n\nSuivez-nous sur Telegram\n");
  g_autofree char *exported = g_build_filename (dir, "page.jsonld", NULL);
  const char *text_only[] = { txt, NULL };
  const char *export_only[] = { exported, NULL };
  const char *both[] = { exported, txt, NULL };
  HearsayImportReport report;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) a1 = NULL;
  g_autoptr(GPtrArray) a2 = NULL;
  g_autoptr(GPtrArray) after = NULL;
  guint marked;

  core_test_import_ok (first, "text", text_only, NULL, &report);
  marked = report.n_boilerplate;
  g_assert_cmpuint (marked, >, 0);
  hearsay_import_report_clear (&report);
  g_assert_true (hearsay_export_project_to_path (first, HEARSAY_EXPORT_W3C, NULL, exported, NULL, &error));
  g_assert_no_error (error);
  a1 = core_test_annotations (first, 1);

  core_test_import_ok (first, "w3c", export_only, NULL, &report);
  g_assert_cmpuint (report.n_annotations, ==, 0);
  g_assert_true (listed (report.notes, "were in the project already", NULL) ||
                 listed (report.notes, "was in the project already", NULL));
  hearsay_import_report_clear (&report);
  after = core_test_annotations (first, 1);
  g_assert_cmpuint (after->len, ==, a1->len);

  core_test_import_ok (second, "w3c", both, NULL, &report);
  g_assert_cmpuint (report.n_annotations, ==, a1->len);
  hearsay_import_report_clear (&report);
  a2 = core_test_annotations (second, 1);
  g_assert_cmpuint (a2->len, ==, a1->len);
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/import-w3c/collection", test_collection);
  g_test_add_func ("/import-w3c/source-is-project-url", test_source_is_project_url);
  g_test_add_func ("/import-w3c/refusals", test_refusals);
  g_test_add_func ("/import-w3c/selectors", test_selectors);
  g_test_add_func ("/import-w3c/entity-links", test_entity_links);
  g_test_add_func ("/import-w3c/http-pairing", test_http_pairing);
  g_test_add_func ("/import-w3c/boilerplate-once", test_boilerplate_once);
  return g_test_run ();
}
