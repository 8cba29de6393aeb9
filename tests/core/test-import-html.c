/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-html.c: saved web pages — the article and its metadata,
 * encodings found before parsing, hostile markup, folders with progress and
 * cancellation, and refusals that leave the project unchanged. */
#include <fcntl.h>
#include <unistd.h>

#include "hearsay-html.h"
#include "core-test-html.h"
#include "core-test-import.h"
#include "hearsay-xml-safety.h"

static char *
html_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", "html", name, NULL);
}

static HearsayDocument *
import_fixture (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = html_fixture (name);
  HearsayDocument *doc = hearsay_import_html_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* Imports one page file through the user's call and returns its document. */
static HearsayDocument *
import_page_file (HearsayProject *project,
                  const char     *path)
{
  const char *paths[] = { path, NULL };
  HearsayImportReport report;
  HearsayDocument *doc;

  core_test_import_ok (project, "html", paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 1);
  doc = g_object_ref (g_ptr_array_index (report.documents, 0));
  hearsay_import_report_clear (&report);
  return doc;
}

static void
test_article (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("article.hearsay");
  g_autofree char *page_path = html_fixture ("article.html");
  g_autoptr(HearsayDocument) doc = import_page_file (project, page_path);
  g_autofree char *expected_path = html_fixture ("article.expected.txt");
  g_autofree char *expected = core_test_read (expected_path, NULL);
  g_autofree char *sha = core_test_file_sha256 (page_path);
  g_autofree char *article = core_test_html_article (project, doc);
  const char * const *author = hearsay_document_get_field (doc, "author");

  /* The article is the text minus the marks; the furniture is still there, marked. */
  g_assert_cmpstr (article, ==, expected);
  core_test_html_assert_marked (project, doc, "Nous utilisons des cookies", "consent_notice");
  core_test_html_assert_marked (project, doc, "Tout accepter", "consent_notice");
  core_test_html_assert_marked (project, doc, "Accueil Monde", "navigation");
  core_test_html_assert_marked (project, doc, "Damas déclare Deir ez-Zor libérée", "headline");
  core_test_html_assert_marked (project, doc, "Partager sur Facebook", "promo_call_to_action");
  core_test_html_assert_marked (project, doc, "À lire aussi", "related_link");
  core_test_html_assert_marked (project, doc, "© Le Quotidien 2017", "footer");
  g_assert_null (strstr (hearsay_document_get_text (doc), "ne doit pas apparaître"));
  g_assert_cmpstr (hearsay_document_get_title (doc), ==, "Damas déclare Deir ez-Zor libérée");
  g_assert_cmpstr (hearsay_document_get_outlet (doc), ==, "Le Quotidien");
  g_assert_cmpstr (hearsay_document_get_published_at (doc), ==, "2017-11-03T10:30:00+01:00");
  g_assert_cmpstr (hearsay_document_get_url (doc), ==, "https://example.org/2017/11/03/deir-ez-zor");
  g_assert_cmpstr (hearsay_document_get_language (doc), ==, "fr");
  g_assert_cmpstr (hearsay_document_get_source_name (doc), ==, "article.html");
  g_assert_cmpstr (hearsay_document_get_source_sha256 (doc), ==, sha);
  g_assert_nonnull (author);
  /* JSON-LD's name comes first; the <meta name=author> is another name. */
  g_assert_cmpstr (author[0], ==, "Someone Else");
}

static void
test_metadata_fallbacks (void)
{
  const char *page =
    "<html><head><title>Titre de la page</title>"
    "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebSite\"},"
    "{\"@type\":\"NewsArticle\",\"datePublished\":\"2017-11-02\",\"author\":[{\"name\":\"Ali Haddad\"}],"
    "\"publisher\":{\"name\":\"Agence X\"}}]}</script></head>"
    "<body><div class=\"content\"><p>Un paragraphe assez long pour compter comme du texte d'article, avec des virgules.</p>"
    "<time datetime=\"2017-11-01\">hier</time></div></body></html>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, strlen (page));
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayDocument) doc = hearsay_import_html_bytes ("page.html", bytes, NULL, &error);

  g_assert_no_error (error);
  /* No og:title and no h1: the <title>. The article's JSON-LD date before a
   * <time> of the page (which may date anything: a comment, a related link). */
  g_assert_cmpstr (hearsay_document_get_title (doc), ==, "Titre de la page");
  g_assert_cmpstr (hearsay_document_get_published_at (doc), ==, "2017-11-02");
  g_assert_cmpstr (hearsay_document_get_field (doc, "author")[0], ==, "Ali Haddad");
  g_assert_cmpstr (hearsay_document_get_outlet (doc), ==, "Agence X");
  g_assert_cmpstr (hearsay_document_get_text (doc), ==,
                   "Un paragraphe assez long pour compter comme du texte d'article, avec des virgules.\n\nhier");
}

static void
test_undeclared_windows_1252 (void)
{
  g_autoptr(HearsayDocument) doc = import_fixture ("cp1252.html");

  /* 0xE9 é, 0x80 €, 0x92 ’ — not Latin-1 control characters. */
  g_assert_cmpstr (hearsay_document_get_text (doc), ==,
                   "Le prix a augmenté de 5 € selon l’institut, a précisé le ministère.");
}

static void
test_stray_byte (void)
{
  g_autoptr(HearsayDocument) doc = import_fixture ("stray-byte.html");
  const char *text = hearsay_document_get_text (doc);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_nonnull (strstr (text, "Début correct, puis un octet isolé ici"));
  g_assert_nonnull (strstr (text, "reste en UTF-8 : été, €, œuvre."));
}

static void
test_declared_charset (void)
{
  g_autoptr(HearsayDocument) doc = import_fixture ("latin9.html");

  g_assert_cmpstr (hearsay_document_get_text (doc), ==, "Un billet coûte 10 € pour tout le monde, même le dimanche.");
}

static void
test_entities_never_read (void)
{
  g_autofree char *passwd = NULL;
  g_autoptr(HearsayDocument) doc = NULL;
  gint64 t0 = g_get_monotonic_time ();
  const char *text;

  g_file_get_contents ("/etc/passwd", &passwd, NULL, NULL);
  doc = import_fixture ("xxe.html");
  text = hearsay_document_get_text (doc);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 2 * G_USEC_PER_SEC);
  g_assert_null (strstr (text, "root:"));
  if (passwd != NULL)
    {
      char *eol = strchr (passwd, '\n');

      if (eol != NULL)
        *eol = '\0';
      g_assert_null (strstr (text, passwd));
    }
  g_assert_null (strstr (text, "lollol"));
  g_assert_nonnull (strstr (text, "puis la fin du paragraphe"));
  g_assert_cmpuint (strlen (text), <, 1000);
}

static void
test_xml_safety (void)
{
  g_autofree char *bomb_path = html_fixture ("bomb.xml");
  g_autofree char *xxe_path = html_fixture ("xxe.xml");
  g_autofree char *bomb = NULL, *xxe = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  gsize length;
  gint64 t0 = g_get_monotonic_time ();
  xmlChar *content;

  bomb = core_test_read (bomb_path, &length);
  doc = hearsay_xml_read (bomb, length, bomb_path, &error);
  g_assert_null (doc);
  g_assert_error (error, HEARSAY_IMPORT_ERROR, HEARSAY_IMPORT_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, bomb_path));
  g_assert_nonnull (strstr (error->message, "ENTITY"));
  g_assert_cmpint (g_get_monotonic_time () - t0, <, G_USEC_PER_SEC);
  g_clear_error (&error);

  /* An external DTD is not loaded; the document itself parses. */
  xxe = core_test_read (xxe_path, &length);
  doc = hearsay_xml_read (xxe, length, xxe_path, &error);
  g_assert_no_error (error);
  content = xmlNodeGetContent (xmlDocGetRootElement (doc));
  g_assert_cmpstr ((const char *) content, ==, "texte");
  xmlFree (content);
  g_clear_pointer (&doc, xmlFreeDoc);

  doc = hearsay_xml_read ("<a><b></a>", 10, "broken.xml", &error);
  g_assert_null (doc);
  g_assert_nonnull (strstr (error->message, "broken.xml:1:"));
}

static void
test_deep_nesting (void)
{
  g_autoptr(GString) page = g_string_new ("<html><body>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayDocument) doc = NULL;

  for (int i = 0; i < 2000; i++)
    g_string_append (page, "<div>");
  g_string_append (page, "<p>Un texte profondément imbriqué, que le parseur ne doit pas perdre.</p>");
  for (int i = 0; i < 2000; i++)
    g_string_append (page, "</div>");
  g_string_append (page, "</body></html>");
  bytes = g_bytes_new (page->str, page->len);
  doc = hearsay_import_html_bytes ("deep.html", bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_document_get_text (doc), ==,
                   "Un texte profondément imbriqué, que le parseur ne doit pas perdre.");
}

typedef struct
{
  GPtrArray *seen;
  GCancellable *cancel_after_first;
  guint last_done, last_total;
} Progress;

static void
on_progress (guint       done,
             guint       total,
             const char *path,
             gpointer    user_data)
{
  Progress *p = user_data;

  p->last_done = done;
  p->last_total = total;
  if (path != NULL)
    g_ptr_array_add (p->seen, g_path_get_basename (path));
  if (p->cancel_after_first != NULL && done == 1)
    g_cancellable_cancel (p->cancel_after_first);
}

static char *
make_page_dir (void)
{
  char *dir = core_test_path ("pages");
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  a = core_test_write_in (dir, "b-second.htm",
                   "<html><body><article><p>Deuxième page, un paragraphe assez long pour l'article.</p>"
                   "<p>Suivez-nous sur Telegram</p></article></body></html>");
  b = core_test_write_in (dir, "a-first.html",
                   "<html><body><article><p>Première page, un paragraphe assez long pour l'article.</p></article></body></html>");
  c = core_test_write_in (dir, "notes.txt", "Pas une page.\n");
  return dir;
}

static void
test_directory (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("dir.hearsay");
  g_autofree char *dir = make_page_dir ();
  const char *paths[] = { dir, NULL };
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  Progress progress = { seen, NULL, 0, 0 };
  HearsayImportReport report;
  g_autoptr(GError) error = NULL;
  HearsayDocument *second;

  hearsay_import_report_init (&report);
  g_assert_true (hearsay_import_paths (project, paths, NULL, on_progress, &progress, NULL, &report, &error));
  g_assert_no_error (error);
  /* Detected file by file: the pages, and the text file beside them. */
  g_assert_cmpuint (report.documents->len, ==, 3);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "a-first.html");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "b-second.htm");
  g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "notes.txt");
  g_assert_cmpuint (progress.last_done, ==, 3);
  g_assert_cmpuint (progress.last_total, ==, 3);
  second = g_ptr_array_index (report.documents, 1);
  g_assert_cmpstr (hearsay_document_get_source_name (second), ==, "b-second.htm");
  g_assert_nonnull (hearsay_document_get_imported_at (second));
  /* Boilerplate is marked in HTML imports too. */
  g_assert_cmpuint (report.n_boilerplate, ==, 1);
  hearsay_import_report_clear (&report);
}

/* A page with no text is refused with every other such page named; with
 * skip_unreadable the readable pages come in, and what a refused page had
 * already added (its boilerplate marks) is gone with it. */
static void
test_unreadable_pages (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("unreadable.hearsay");
  g_autofree char *dir = make_page_dir ();
  g_autofree char *b = core_test_write_in (dir, "c-empty.html", "<html><body></body></html>");
  g_autofree char *c = core_test_write_in (dir, "d-title.html", "<html><head><title>Rien</title></head></html>");
  const char *paths[] = { dir, NULL };
  HearsayImportReport report;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  g_assert_false (hearsay_import_paths (project, paths, &(HearsayImportOptions) { .format = "html" },
                                        NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "2 files cannot be imported"));
  g_assert_nonnull (strstr (error->message, "c-empty.html"));
  g_assert_nonnull (strstr (error->message, "d-title.html"));
  g_assert_cmpuint (core_test_count_documents (project), ==, 0);
  g_clear_error (&error);

  hearsay_import_report_init (&report);
  g_assert_true (hearsay_import_paths (project, paths,
                                       &(HearsayImportOptions) { .format = "html", .skip_unreadable = TRUE },
                                       NULL, NULL, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.documents->len, ==, 2);
  g_assert_cmpuint (report.skipped->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (report.skipped, 0), "c-empty.html"));
  g_assert_nonnull (strstr (g_ptr_array_index (report.skipped, 1), "d-title.html"));
  g_assert_cmpuint (report.n_boilerplate, ==, 1);
  hearsay_import_report_clear (&report);
  docs = hearsay_project_list_documents (project, NULL);
  g_assert_cmpuint (docs->len, ==, 2);
}

/* A folder that is no format's layout, detected file by file, subfolders
 * included: pages, a text, and W3C annotations with the text they target. */
static void
test_mixed_tree (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("mixed.hearsay");
  g_autofree char *dir = core_test_path ("mixed");
  g_autofree char *pages = g_build_filename (dir, "rt", "2017", NULL);
  g_autofree char *w3c = g_build_filename (dir, "browser", NULL);
  g_autoptr(GPtrArray) anns = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;
  const char *paths[] = { dir, NULL };
  HearsayImportReport report;
  g_autoptr(GError) error = NULL;

  a = core_test_write_in (pages, "page.html",
                          "<html><body><article><p>Une page assez longue pour \xC3\xAAtre un article.</p></article></body></html>");
  b = core_test_write_in (dir, "notes.txt", "Des notes.\n");
  c = core_test_write_in (w3c, "saved.txt", "Le ministre a menti.\n");
  d = core_test_write_in (w3c, "annotations.json",
                          "{\"type\":\"Annotation\",\"body\":\"claim\",\"target\":{\"source\":\"saved.txt\","
                          "\"selector\":{\"type\":\"TextQuoteSelector\",\"exact\":\"a menti\"}}}");
  {
    g_autofree char *hidden = g_build_filename (dir, ".hidden", NULL);

    e = core_test_write_in (hidden, "ignored.txt", "Pas ceci.\n");
  }
  hearsay_import_report_init (&report);
  g_assert_true (hearsay_import_paths (project, paths, NULL, NULL, NULL, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.documents->len, ==, 3);
  g_assert_cmpuint (report.n_annotations, ==, 1);
  hearsay_import_report_clear (&report);
  /* The annotation is on the text beside it, at its quote. */
  for (gint64 id = 1; id <= 3; id++)
    {
      g_autoptr(GPtrArray) some = core_test_annotations (project, id);

      for (guint i = 0; i < some->len; i++)
        if (g_strcmp0 (hearsay_annotation_get_label (g_ptr_array_index (some, i)), "claim") == 0)
          anns = g_ptr_array_ref (some);
    }
  g_assert_nonnull (anns);
  g_assert_cmpstr (hearsay_annotation_get_fragment (g_ptr_array_index (anns, 0), 0)->exact, ==, "a menti");
}

static void
test_cancel (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("cancel.hearsay");
  g_autofree char *dir = make_page_dir ();
  const char *paths[] = { dir, NULL };
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { seen, cancellable, 0, 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (hearsay_import_paths (project, paths, &(HearsayImportOptions) { .format = "html" },
                                        on_progress, &progress, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* The first page was stored, then rolled back with the rest. */
  g_assert_cmpuint (core_test_count_documents (project), ==, 0);
}

static void
test_refusals (void)
{
  g_autofree char *big = core_test_path ("huge.html");
  g_autofree char *truncated = html_fixture ("truncated.html");
  g_autofree char *dir = make_page_dir ();
  g_autofree char *bad_in_dir = NULL;
  g_autofree char *message = NULL;
  int fd;

  /* 200 MB, sparse: refused by its size, never read. */
  fd = open (big, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 200 * 1024 * 1024), ==, 0);
  close (fd);
  {
    const char *paths[] = { big, NULL };

    message = core_test_assert_import_refused ("html", paths, NULL, big, "too large");
    g_clear_pointer (&message, g_free);
  }
  {
    const char *paths[] = { truncated, NULL };

    message = core_test_assert_import_refused ("html", paths, NULL, truncated, "no visible text");
    g_clear_pointer (&message, g_free);
  }
  /* One bad page in a folder: the good ones are not kept either. A page
   * with only a menu has visible text and is imported; one that shows
   * nothing is refused. */
  bad_in_dir = core_test_write_in (dir, "c-empty.html", "<html><body><img src=\"a.png\"><script>var x;</script></body></html>");
  {
    const char *paths[] = { dir, NULL };

    message = core_test_assert_import_refused ("html", paths, NULL, "c-empty.html", "no visible text");
  }
  g_unlink (big);
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/import-html/article", test_article);
  g_test_add_func ("/import-html/metadata-fallbacks", test_metadata_fallbacks);
  g_test_add_func ("/import-html/undeclared-windows-1252", test_undeclared_windows_1252);
  g_test_add_func ("/import-html/stray-byte", test_stray_byte);
  g_test_add_func ("/import-html/declared-charset", test_declared_charset);
  g_test_add_func ("/import-html/entities-never-read", test_entities_never_read);
  g_test_add_func ("/import-html/xml-safety", test_xml_safety);
  g_test_add_func ("/import-html/deep-nesting", test_deep_nesting);
  g_test_add_func ("/import-html/directory", test_directory);
  g_test_add_func ("/import-html/cancel", test_cancel);
  g_test_add_func ("/import-html/mixed-tree", test_mixed_tree);
  g_test_add_func ("/import-html/unreadable-pages", test_unreadable_pages);
  g_test_add_func ("/import-html/refusals", test_refusals);
  return g_test_run ();
}
