/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-html-extract.c: each cause of a lost or polluted article, on a small
 * page written for it, imported as a user does: the exact article (text
 * minus marks), and the furniture still in the text, marked with its kind. */
#include "hearsay-html-private.h"
#include "core-test-html.h"

/* Imports @html as @name into @project; returns the document. */
static HearsayDocument *
import_html (HearsayProject *project,
             const char     *name,
             const char     *html,
             gssize          length)
{
  g_autofree char *dir = core_test_path ("pages");
  g_autofree char *path = g_build_filename (dir, name, NULL);
  const char *paths[] = { path, NULL };
  HearsayImportReport report;
  HearsayDocument *doc;

  g_mkdir_with_parents (dir, 0700);
  core_test_write (path, html, length);
  core_test_import_ok (project, "html", paths, NULL, &report);
  g_assert_cmpuint (report.documents->len, ==, 1);
  doc = g_object_ref (g_ptr_array_index (report.documents, 0));
  hearsay_import_report_clear (&report);
  return doc;
}

static HearsayDocument *
import_one (const char *html)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("extract.hearsay");
  HearsayDocument *doc = import_html (project, "page.html", html, -1);

  g_object_set_data_full (G_OBJECT (doc), "project", g_steal_pointer (&project), g_object_unref);
  return doc;
}

static HearsayProject *
project_of (HearsayDocument *doc)
{
  return g_object_get_data (G_OBJECT (doc), "project");
}

static void
assert_article (HearsayDocument *doc,
                const char      *expected)
{
  g_autofree char *article = core_test_html_article (project_of (doc), doc);

  g_assert_cmpstr (article, ==, expected);
}

#define LEDE "Le gouvernement a annoncé lundi une réforme du système de retraites, attendue depuis des mois par les syndicats."
#define P1 "La réforme prévoit un allongement progressif de la durée de cotisation, selon le texte présenté en conseil des ministres."
#define P2 "Les syndicats, qui dénoncent un passage en force, appellent à une journée de grève nationale jeudi prochain."
#define P3 "Le Premier ministre a défendu un texte « juste et nécessaire », tout en se disant ouvert à la discussion."

/* ASP.NET wraps the whole page in one <form>: the article inside it is kept. */
static void
test_page_wide_form (void)
{
  g_autoptr(HearsayDocument) doc = import_one (
    "<html><head><title>Retraites : la réforme présentée - Le Quotidien</title></head><body>"
    "<form id=\"aspnetForm\" method=\"post\" action=\"./article.aspx\">"
    "<div class=\"menu\"><ul><li><a href=\"/\">Accueil</a></li><li><a href=\"/politique\">Politique</a></li></ul></div>"
    "<div class=\"story\"><h1>Retraites : la réforme présentée</h1>"
    "<p>" LEDE "</p><p>" P1 "</p><p>" P2 "</p></div>"
    "<div class=\"footer\">Mentions légales et conditions d'utilisation du site</div>"
    "</form></body></html>");

  assert_article (doc, LEDE "\n\n" P1 "\n\n" P2);
  core_test_html_assert_marked (project_of (doc), doc, "Accueil", "navigation");
  core_test_html_assert_marked (project_of (doc), doc, "Politique", "navigation");
  core_test_html_assert_marked (project_of (doc), doc, "Retraites : la réforme présentée", "headline");
  core_test_html_assert_marked (project_of (doc), doc, "Mentions légales", "footer");
  g_assert_cmpstr (hearsay_document_get_title (doc), ==, "Retraites : la réforme présentée");
}

/* A page-wide "and-w-sidebar" wrapper: a class word, not a reason to drop the page. */
static void
test_sidebar_wrapper (void)
{
  g_autoptr(HearsayDocument) doc = import_one (
    "<html><body><div class=\"page and-w-sidebar non-ad-column\">"
    "<nav><a href=\"/\">Accueil</a> <a href=\"/monde\">Monde</a></nav>"
    "<div class=\"main-column\"><article><h1>Retraites : la réforme présentée</h1>"
    "<p class=\"byline\">Par Marie Martin</p>"
    "<p>" LEDE "</p><p>" P1 "</p><p>" P2 "</p></article></div>"
    "<aside class=\"sidebar\"><h3>Les plus lus</h3><ul><li><a href=\"/a\">Un autre article très lu cette semaine</a></li>"
    "<li><a href=\"/b\">Encore un article populaire du moment</a></li></ul></aside>"
    "</div></body></html>");

  assert_article (doc, LEDE "\n\n" P1 "\n\n" P2);
  core_test_html_assert_marked (project_of (doc), doc, "Accueil Monde", "navigation");
  core_test_html_assert_marked (project_of (doc), doc, "Par Marie Martin", "byline_dateline");
  core_test_html_assert_marked (project_of (doc), doc, "Les plus lus", "other");
  core_test_html_assert_marked (project_of (doc), doc, "Un autre article très lu", "other");
}

/* The lede in a block of its own, beside the body's block. */
static void
test_split_siblings (void)
{
  g_autoptr(HearsayDocument) doc = import_one (
    "<html><body><header><a href=\"/\">Le Quotidien</a></header>"
    "<div class=\"wrap\"><h1>Retraites : la réforme présentée</h1>"
    "<div class=\"chapo\"><p>" LEDE "</p></div>"
    "<div class=\"article-body\"><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></div>"
    "<div class=\"share\"><a href=\"#\">Partager sur Facebook</a> <a href=\"#\">Partager sur X</a></div>"
    "</div></body></html>");

  assert_article (doc, LEDE "\n\n" P1 "\n\n" P2 "\n\n" P3);
  core_test_html_assert_marked (project_of (doc), doc, "Le Quotidien", "navigation");
  core_test_html_assert_marked (project_of (doc), doc, "Partager sur Facebook", "promo_call_to_action");
}

/* Paragraphs made of <br><br>, as old content systems write them. */
static void
test_br_paragraphs (void)
{
  g_autoptr(HearsayDocument) doc = import_one (
    "<html><body><div id=\"menu\"><a href=\"/\">Accueil</a></div>"
    "<div id=\"texte\">" LEDE "<br><br>" P1 "<br/><br/>\n" P2 "<br>\n<br>" P3 "</div>"
    "<div id=\"footer\">© Le Quotidien</div></body></html>");

  assert_article (doc, LEDE "\n\n" P1 "\n\n" P2 "\n\n" P3);
  core_test_html_assert_marked (project_of (doc), doc, "Accueil", "navigation");
  core_test_html_assert_marked (project_of (doc), doc, "© Le Quotidien", "footer");
}

/* Paragraphs made of <div>s. */
static void
test_div_paragraphs (void)
{
  g_autoptr(HearsayDocument) doc = import_one (
    "<html><body><div class=\"breadcrumb\"><a href=\"/\">Accueil</a> › <a href=\"/eco\">Économie</a></div>"
    "<div class=\"post\"><div>" LEDE "</div><div>" P1 "</div><div>" P2 "</div></div>"
    "<div class=\"related\"><div><a href=\"/x\">Retraites : ce qui change pour vous</a></div>"
    "<div><a href=\"/y\">Les chiffres de la réforme</a></div></div></body></html>");

  assert_article (doc, LEDE "\n\n" P1 "\n\n" P2);
  core_test_html_assert_marked (project_of (doc), doc, "Accueil › Économie", "navigation");
  core_test_html_assert_marked (project_of (doc), doc, "Retraites : ce qui change pour vous", "related_link");
}

/* A page that says gb2312 and holds a character only GBK has (镕): browsers
 * read every GB2312 label as GBK (GB18030), and so does the import. */
static void
test_gbk_declared_gb2312 (void)
{
  const char *utf8 =
    "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
    "<title>朱镕基访问上海</title></head><body><div class=\"nav\"><a href=\"/\">首页</a></div>"
    "<div class=\"content\"><p>前总理朱镕基今天访问上海，会见了当地的企业家和学者，并发表了讲话。</p>"
    "<p>他表示，经济改革必须继续推进，同时要重视民生问题，保障人民的基本生活。</p></div></body></html>";
  g_autoptr(GError) error = NULL;
  gsize n = 0;
  g_autofree char *gbk = g_convert (utf8, -1, "GBK", "UTF-8", NULL, &n, &error);
  g_autoptr(HearsayProject) project = core_test_new_project ("gbk.hearsay");
  g_autoptr(HearsayDocument) doc = NULL;
  g_autofree char *article = NULL;

  g_assert_no_error (error);
  /* Not valid GB2312: the strict decoder would refuse it. */
  g_assert_null (g_convert (gbk, n, "UTF-8", "GB2312", NULL, NULL, NULL));
  doc = import_html (project, "gbk.html", gbk, n);
  article = core_test_html_article (project, doc);
  g_assert_cmpstr (article, ==,
                   "前总理朱镕基今天访问上海，会见了当地的企业家和学者，并发表了讲话。\n\n"
                   "他表示，经济改革必须继续推进，同时要重视民生问题，保障人民的基本生活。");
  core_test_html_assert_marked (project, doc, "首页", "navigation");
  g_assert_cmpstr (hearsay_document_get_title (doc), ==, "朱镕基访问上海");
}

static void
test_whatwg_labels (void)
{
  /* Labels that name windows-1252 for a browser: 0x80 is €, not a control. */
  const char * const labels[] = { "iso-8859-1", "latin1", "us-ascii", "ascii", "ISO_8859-1" };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *page = g_strdup_printf ("<meta charset=\"%s\"><p>Prix : 5 \x80.</p>", labels[i]);
      g_autoptr(GError) error = NULL;
      const char *used = NULL;
      g_autofree char *text = hearsay_html_decode ("p.html", page, strlen (page), NULL, &used, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (used, ==, "windows-1252");
      g_assert_nonnull (strstr (text, "Prix : 5 €."));
    }
}

/* JSON-LD authors given as @id references into the @graph, beside a profile
 * URL in article:author: the names, all of them, and no URL. */
static void
test_json_ld_author_references (void)
{
  g_autoptr(HearsayDocument) doc = import_one (
    "<html><head><meta property=\"article:author\" content=\"https://example.org/auteurs/marie-martin\">"
    "<script type=\"application/ld+json\">//<![CDATA[\n{\"@context\":\"https://schema.org\",\"@graph\":["
    "{\"@type\":\"NewsArticle\",\"@id\":\"#article\",\"headline\":\"Retraites : la réforme présentée\","
    "\"datePublished\":\"2017-11-03T10:30:00+01:00\",\"author\":[{\"@id\":\"#marie\"},{\"@id\":\"#ali\"}],"
    "\"publisher\":{\"@id\":\"#org\"}},"
    "{\"@type\":\"Person\",\"@id\":\"#marie\",\"name\":\"Marie Martin\",\"url\":\"https://example.org/auteurs/marie-martin\"},"
    "{\"@type\":\"Person\",\"@id\":\"#ali\",\"name\":\"Ali Haddad\"},"
    "{\"@type\":\"NewsMediaOrganization\",\"@id\":\"#org\",\"name\":\"Le Quotidien\"}]}\n//]]></script>"
    "</head><body><article><h1>Retraites : la réforme présentée</h1><p>" LEDE "</p><p>" P1 "</p></article></body></html>");
  const char * const *authors = hearsay_document_get_field (doc, "author");

  g_assert_nonnull (authors);
  g_assert_cmpstr (authors[0], ==, "Marie Martin");
  g_assert_cmpstr (authors[1], ==, "Ali Haddad");
  g_assert_null (authors[2]);
  g_assert_cmpstr (hearsay_document_get_outlet (doc), ==, "Le Quotidien");
  g_assert_cmpstr (hearsay_document_get_published_at (doc), ==, "2017-11-03T10:30:00+01:00");
  assert_article (doc, LEDE "\n\n" P1);
  core_test_html_assert_marked (project_of (doc), doc, "Retraites : la réforme présentée", "headline");
}

static void
test_non_iso_dates (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "2017-11-03T10:30:00+01:00", "2017-11-03T10:30:00+01:00" },
    { "2017-11-03 10:30", "2017-11-03T10:30:00" },
    { "2017-11-03T09:30:00.000Z", "2017-11-03T09:30:00Z" },
    { "2017/11/03", "2017-11-03" },
    { "20171103", "2017-11-03" },
    { "November 3, 2017", "2017-11-03" },
    { "Nov. 3, 2017 10:30 AM", "2017-11-03T10:30:00" },
    { "Friday, November 3, 2017 4:05 PM", "2017-11-03T16:05:00" },
    { "Fri, 03 Nov 2017 10:30:00 GMT", "2017-11-03T10:30:00Z" },
    { "Fri, 03 Nov 2017 10:30:00 +0100", "2017-11-03T10:30:00+01:00" },
    { "3 novembre 2017", "2017-11-03" },
    { "mardi 7 novembre 2017 à 10h30", "2017-11-07T10:30:00" },
    { "7 de noviembre de 2017", "2017-11-07" },
    { "1509701400", "2017-11-03T09:30:00Z" },
    { "25/12/2017", "2017-12-25" },
    { "03/11/2017", NULL },       /* day and month cannot be told apart */
    { "yesterday", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = hearsay_html_normalize_date (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* Dates in the places pages put them, through the import. */
static void
test_date_places (void)
{
  const struct { const char *head, *body, *date; } cases[] = {
    { "<meta property=\"article:published\" content=\"Fri, 03 Nov 2017 10:30:00 GMT\">", "", "2017-11-03T10:30:00Z" },
    { "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"November 3, 2017\"}</script>", "",
      "2017-11-03" },
    { "", "<span itemprop=\"datePublished\" content=\"2017-11-03\">3 nov.</span>", "2017-11-03" },
    { "", "<time datetime=\"2017-11-03T10:30:00+01:00\">3 novembre</time>", "2017-11-03T10:30:00+01:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *page = g_strdup_printf ("<html><head>%s</head><body>%s<article><p>%s</p></article></body></html>",
                                               cases[i].head, cases[i].body, LEDE);
      g_autoptr(HearsayDocument) doc = import_one (page);

      g_assert_cmpstr (hearsay_document_get_published_at (doc), ==, cases[i].date);
      assert_article (doc, LEDE);
    }
}

static void
test_title_suffix (void)
{
  const struct { const char *title, *site, *expected; } cases[] = {
    { "Retraites : la réforme présentée - Le Quotidien", "Le Quotidien", "Retraites : la réforme présentée" },
    { "Retraites : la réforme présentée | LQ", NULL, "Retraites : la réforme présentée" },
    { "Le Quotidien | Retraites : la réforme présentée", "Le Quotidien", "Retraites : la réforme présentée" },
    { "Retraites – la réforme présentée", NULL, "Retraites – la réforme présentée" },
    { "Obama admits US gun laws are his 'biggest frustration' - BBC News", "BBC News",
      "Obama admits US gun laws are his 'biggest frustration'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *site = cases[i].site != NULL ? g_strdup_printf ("<meta property=\"og:site_name\" content=\"%s\">", cases[i].site)
                                                    : g_strdup ("");
      g_autofree char *page = g_strdup_printf ("<html><head><title>%s</title>%s</head><body><p>%s</p></body></html>",
                                               cases[i].title, site, LEDE);
      g_autoptr(HearsayDocument) doc = import_one (page);

      g_assert_cmpstr (hearsay_document_get_title (doc), ==, cases[i].expected);
    }
}

/* The outlet falls back to the page's host. */
static void
test_outlet_from_host (void)
{
  g_autoptr(HearsayDocument) doc = import_one (
    "<html><head><link rel=\"canonical\" href=\"https://www.lequotidien.example/2017/11/03/retraites\"></head>"
    "<body><p>" LEDE "</p></body></html>");

  g_assert_cmpstr (hearsay_document_get_outlet (doc), ==, "lequotidien.example");
}

/* Comments under the article are kept and marked, however much prose they hold. */
static void
test_comments_marked (void)
{
  g_autoptr(HearsayDocument) doc = import_one (
    "<html><body><article><p>" LEDE "</p><p>" P1 "</p></article>"
    "<section id=\"comments\"><h2>12 commentaires</h2>"
    "<div class=\"comment\"><p>Je ne suis pas d'accord avec cette réforme, qui pénalise encore une fois ceux qui ont commencé tôt.</p></div>"
    "<div class=\"comment\"><p>Enfin une réforme courageuse, même si elle arrive bien tard et reste incomplète, à mon avis.</p></div>"
    "</section><footer><p>© Le Quotidien</p></footer></body></html>");

  assert_article (doc, LEDE "\n\n" P1);
  core_test_html_assert_marked (project_of (doc), doc, "12 commentaires", "comments");
  core_test_html_assert_marked (project_of (doc), doc, "Je ne suis pas d'accord", "comments");
  core_test_html_assert_marked (project_of (doc), doc, "© Le Quotidien", "footer");
}

#define G1 "Première image de la galerie, où l'on voit la manifestation devant l'Assemblée, avec des milliers de personnes."
#define G2 "Deuxième image de la galerie, où l'on voit les syndicats réunis, avec leurs banderoles, devant la gare de Lyon."

/* A gallery widget inside the article, whose captions are sentences too:
 * marked, because the article reads well without it and its best
 * paragraphs are elsewhere. The part behind a "paywall" class stays. */
static void
test_widget_in_article (void)
{
  g_autoptr(HearsayDocument) doc = import_one (
    "<html><body><article><div class=\"text\"><p>" LEDE "</p><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p>"
    "<div class=\"widget type-gallery\"><h2>La mobilisation en images</h2><ul>"
    "<li><p>" G1 "</p></li><li><p>" G2 "</p></li><li><p>" G1 "</p></li><li><p>" G2 "</p></li></ul></div>"
    "<div class=\"paywall\"><p>" LEDE "</p><p>" P1 "</p></div></div></article></body></html>");

  assert_article (doc, LEDE "\n\n" P1 "\n\n" P2 "\n\n" P3 "\n\n" LEDE "\n\n" P1);
  core_test_html_assert_marked (project_of (doc), doc, "La mobilisation en images", "other");
  core_test_html_assert_marked (project_of (doc), doc, "Première image de la galerie", "other");
}

/* JSON-LD's articleBody holds a paragraph that the page put in a box of its
 * own, with a class that would keep it out: the page's word wins. */
static void
test_article_body_cross_check (void)
{
  g_autoptr(HearsayDocument) doc = import_one (
    "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"articleBody\":\""
    LEDE " " P1 " " P2 " " P3 "\"}</script></head><body>"
    "<div class=\"promo-box\"><p>" LEDE "</p></div>"
    "<div class=\"main\"><div class=\"body\"><p>" P1 "</p><p>" P2 "</p><p>" P3 "</p></div></div>"
    "<div class=\"promo-box\"><p>Abonnez-vous pour lire tous nos articles sans publicité, dès 1 € par mois.</p></div>"
    "</body></html>");

  assert_article (doc, LEDE "\n\n" P1 "\n\n" P2 "\n\n" P3);
  core_test_html_assert_marked (project_of (doc), doc, "Abonnez-vous pour lire", "promo_call_to_action");
}

/* Bylines and datelines written as plain paragraphs, without a class to say so. */
static void
test_datelines (void)
{
  g_autoptr(HearsayDocument) doc = import_one (
    "<html><head><meta name=\"author\" content=\"Marie Martin\"></head><body><article>"
    "<h1>Retraites : la réforme présentée</h1>"
    "<p>Le Quotidien | 03.11.2017 à 10h30 • Mis à jour le 04.11.2017 | Par Marie Martin et Ali Haddad</p>"
    "<p>" LEDE "</p><p>" P1 "</p><p>Publié le 3 novembre 2017</p></article></body></html>");

  assert_article (doc, LEDE "\n\n" P1);
  core_test_html_assert_marked (project_of (doc), doc, "Le Quotidien | 03.11.2017", "byline_dateline");
  core_test_html_assert_marked (project_of (doc), doc, "Publié le 3 novembre 2017", "byline_dateline");
}

/* A page without a paragraph of prose is still imported: its text is the article. */
static void
test_no_page_refused (void)
{
  g_autoptr(HearsayDocument) doc = import_one (
    "<html><body><h1>Brèves</h1><ul><li>Grève jeudi</li><li>Vote reporté</li></ul></body></html>");

  assert_article (doc, "Grève jeudi\n\nVote reporté");
  core_test_html_assert_marked (project_of (doc), doc, "Brèves", "headline");
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The marks of every document of an outlet, as "kind:line" strings in text order. */
static char *
outlet_marks (HearsayProject *project)
{
  g_autoptr(GPtrArray) docs = hearsay_project_list_documents (project, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < docs->len; i++)
    {
      g_autoptr(HearsayDocument) doc = hearsay_project_load_document (project,
                                                                      hearsay_document_get_id (g_ptr_array_index (docs, i)), NULL);
      g_autoptr(GArray) marks = core_test_html_marks (project, doc);

      for (guint k = 0; k < marks->len; k++)
        {
          const HearsayHtmlMark *m = &g_array_index (marks, HearsayHtmlMark, k);
          g_autofree char *quote = hearsay_text_substring (hearsay_document_get_text (doc), m->start, m->end);

          g_ptr_array_add (rows, g_strdup_printf ("%s %s: %s", hearsay_document_get_source_name (doc),
                                                  m->kind != NULL ? m->kind : "headline", quote));
        }
    }
  g_ptr_array_sort (rows, compare_rows);
  for (guint i = 0; i < rows->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (rows, i));
  return g_string_free (out, FALSE);
}

static char *
outlet_page (const char *paragraph)
{
  return g_strdup_printf ("<html><head><meta property=\"og:site_name\" content=\"Le Quotidien\"></head><body>"
                          "<article><p>%s</p><p>Abonnez-vous à notre lettre</p><p>Tous droits réservés au Quotidien</p>"
                          "<p>La rédaction vous remercie de votre fidélité, chaque jour.</p></article></body></html>",
                          paragraph);
}

/* Lines an outlet repeats are marked alike whatever the order and the
 * grouping of the imports. */
static void
test_outlet_order (void)
{
  const char *paragraphs[] = { LEDE, P1, P2 };
  g_autofree char *dir = core_test_path ("outlet-pages");
  g_autofree char *expected = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    {
      g_autofree char *name = g_strdup_printf ("page-%u.html", i);
      g_autofree char *html = outlet_page (paragraphs[i]);
      g_autofree char *path = core_test_write_in (dir, name, html);
    }
  /* One folder import, in name order. */
  {
    g_autoptr(HearsayProject) project = core_test_new_project ("outlet-a.hearsay");
    const char *paths[] = { dir, NULL };
    HearsayImportReport report;

    core_test_import_ok (project, "html", paths, NULL, &report);
    hearsay_import_report_clear (&report);
    expected = outlet_marks (project);
  }
  /* Three imports, in the other order. */
  {
    g_autoptr(HearsayProject) project = core_test_new_project ("outlet-b.hearsay");
    g_autofree char *marks = NULL;

    for (guint i = G_N_ELEMENTS (paragraphs); i-- > 0;)
      {
        g_autofree char *name = g_strdup_printf ("page-%u.html", i);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        const char *paths[] = { path, NULL };
        HearsayImportReport report;

        core_test_import_ok (project, "html", paths, NULL, &report);
        hearsay_import_report_clear (&report);
      }
    marks = outlet_marks (project);
    g_assert_cmpstr (marks, ==, expected);
  }
  /* The sentence every page repeats is marked in all three, the first one included. */
  g_assert_nonnull (strstr (expected, "page-0.html other: La rédaction vous remercie"));
  g_assert_nonnull (strstr (expected, "page-2.html other: La rédaction vous remercie"));
  g_assert_nonnull (strstr (expected, "page-0.html promo_call_to_action: Abonnez-vous"));
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/html-extract/page-wide-form", test_page_wide_form);
  g_test_add_func ("/html-extract/sidebar-wrapper", test_sidebar_wrapper);
  g_test_add_func ("/html-extract/split-siblings", test_split_siblings);
  g_test_add_func ("/html-extract/br-paragraphs", test_br_paragraphs);
  g_test_add_func ("/html-extract/div-paragraphs", test_div_paragraphs);
  g_test_add_func ("/html-extract/gbk-declared-gb2312", test_gbk_declared_gb2312);
  g_test_add_func ("/html-extract/whatwg-labels", test_whatwg_labels);
  g_test_add_func ("/html-extract/json-ld-author-references", test_json_ld_author_references);
  g_test_add_func ("/html-extract/non-iso-dates", test_non_iso_dates);
  g_test_add_func ("/html-extract/date-places", test_date_places);
  g_test_add_func ("/html-extract/title-suffix", test_title_suffix);
  g_test_add_func ("/html-extract/outlet-from-host", test_outlet_from_host);
  g_test_add_func ("/html-extract/comments-marked", test_comments_marked);
  g_test_add_func ("/html-extract/widget-in-article", test_widget_in_article);
  g_test_add_func ("/html-extract/datelines", test_datelines);
  g_test_add_func ("/html-extract/article-body-cross-check", test_article_body_cross_check);
  g_test_add_func ("/html-extract/no-page-refused", test_no_page_refused);
  g_test_add_func ("/html-extract/outlet-order", test_outlet_order);
  return g_test_run ();
}
