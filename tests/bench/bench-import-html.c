/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-import-html.c: import 10,000 generated web pages of ~30 KB through
 * hearsay_import_paths() (the CLI's and the GUI's call), against
 * the floor of libxml2 parsing the same files in the same run. Three runs,
 * medians printed. HEARSAY_BENCH_PAGES overrides the number of pages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>

#include "hearsay-import.h"

#define RUNS 3

static const char * const words[] = {
  "armée", "syrienne", "a", "annoncé", "que", "la", "ville", "de", "Deir", "ez-Zor", "était", "libérée",
  "selon", "l'agence", "Sana", "les", "opérations", "continueront", "jusqu'à", "territoire", "déclaré",
  "porte-parole", "ministère", "Défense", "russe", "frappes", "aériennes", "Daesh", "terroristes", "civils",
  "offensive", "septembre", "Palmyre", "Hezbollah", "reconquête", "province", "bastion", "djihadistes",
  "Reuters", "AFP", "source", "militaire", "citée", "par", "télévision", "d'État", "combats", "quartiers",
  "siège", "forces", "gouvernementales", "coalition", "américaine", "illégale", "base", "région", "€",
};

static void
append_sentence (GString *s,
                 GRand   *rand,
                 guint    n_words)
{
  for (guint i = 0; i < n_words; i++)
    {
      const char *w = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      if (i == 0)
        {
          g_string_append_unichar (s, g_unichar_toupper (g_utf8_get_char (w)));
          g_string_append (s, g_utf8_next_char (w));
        }
      else
        {
          g_string_append_c (s, ' ');
          g_string_append (s, w);
        }
      if (i > 0 && i % 9 == 0 && i + 1 < n_words)
        g_string_append_c (s, ',');
    }
  g_string_append (s, ". ");
}

static char *
make_page (guint  n,
           GRand *rand)
{
  static const char * const outlets[] = { "Le Quotidien", "Agence Orient", "Daily Wire Service", "Le Matin", "Courrier" };
  const char *outlet = outlets[n % G_N_ELEMENTS (outlets)];
  GString *s = g_string_sized_new (34 * 1024);

  g_string_append_printf (s,
    "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<title>Article %u — %s</title>\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    "<meta property=\"og:title\" content=\"Deir ez-Zor : article numéro %u\">\n"
    "<meta property=\"og:site_name\" content=\"%s\">\n"
    "<meta property=\"og:type\" content=\"article\">\n"
    "<meta property=\"og:url\" content=\"https://example.org/%u\">\n"
    "<meta property=\"article:published_time\" content=\"2017-11-%02uT10:%02u:00+01:00\">\n"
    "<meta name=\"author\" content=\"Rédaction %u\">\n"
    "<link rel=\"canonical\" href=\"https://example.org/articles/%u\">\n"
    "<link rel=\"stylesheet\" href=\"/static/site.css\">\n"
    "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
    "\"headline\":\"Article %u\",\"datePublished\":\"2017-11-03\",\"author\":{\"@type\":\"Person\",\"name\":\"Rédaction\"},"
    "\"publisher\":{\"@type\":\"Organization\",\"name\":\"%s\"}}</script>\n"
    "<style>body{font-family:serif}.nav a{margin:0 1em}.share{display:flex}</style>\n",
    n, outlet, n, outlet, n, 1 + n % 28, n % 60, n % 40, n, n, outlet);
  g_string_append (s, "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}");
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (s, "gtag('config','UA-%u-%u');", 1000 + i, n);
  g_string_append (s, "</script>\n</head>\n<body class=\"page-article\">\n");
  g_string_append (s, "<div id=\"cookie-consent\" class=\"cmp-banner\"><p>Nous utilisons des cookies et des traceurs "
                      "pour mesurer l'audience et vous proposer des contenus adaptés.</p>"
                      "<button>Tout accepter</button><button>Tout refuser</button></div>\n");
  g_string_append (s, "<header class=\"site-header\"><a class=\"logo\" href=\"/\">Logo</a><nav class=\"nav\"><ul>");
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (s, "<li><a href=\"/rubrique/%u\">Rubrique %u</a></li>", i, i);
  g_string_append (s, "</ul></nav></header>\n<main id=\"content\">\n<article class=\"article\">\n");
  g_string_append_printf (s, "<h1 class=\"article-title\">Deir ez-Zor : article numéro %u</h1>\n", n);
  g_string_append (s, "<div class=\"byline\">Par <a href=\"/auteur\">la rédaction</a>, <time datetime=\"2017-11-03\">3 novembre 2017</time></div>\n");
  g_string_append (s, "<div class=\"share-buttons\"><a href=\"#\">Facebook</a><a href=\"#\">Twitter</a><a href=\"#\">Telegram</a></div>\n");
  g_string_append (s, "<figure><img src=\"/img/photo.jpg\" alt=\"\"><figcaption>Un soldat à Deir ez-Zor, photo © AFP</figcaption></figure>\n");
  g_string_append (s, "<div class=\"article-body\">\n");
  for (guint p = 0; p < 25; p++)
    {
      g_string_append (s, "<p>");
      for (guint k = 0; k < 5 + (p % 3 == 0); k++)
        append_sentence (s, rand, 14 + g_rand_int_range (rand, 0, 10));
      if (p % 5 == 2)
        g_string_append (s, "<a href=\"/lien\">un lien interne</a> ");
      g_string_append (s, "</p>\n");
      if (p == 12)
        g_string_append (s, "<h2>Un intertitre au milieu de l'article</h2>\n");
    }
  g_string_append (s, "</div>\n<aside class=\"related\"><h3>À lire aussi</h3><ul>");
  for (guint i = 0; i < 8; i++)
    g_string_append_printf (s, "<li><a href=\"/a/%u\">Un autre article sur la Syrie, numéro %u</a></li>", i, i);
  g_string_append (s, "</ul></aside>\n</article>\n</main>\n<footer class=\"site-footer\"><p>© Tous droits réservés.</p><ul>");
  for (guint i = 0; i < 15; i++)
    g_string_append_printf (s, "<li><a href=\"/page/%u\">Mentions %u</a></li>", i, i);
  g_string_append (s, "</ul></footer>\n<script src=\"/static/app.js\"></script>\n<script>");
  for (guint i = 0; i < 30; i++)
    g_string_append_printf (s, "document.querySelectorAll('.x%u').forEach(function(e){e.classList.add('y%u')});", i, i);
  g_string_append (s, "</script>\n</body>\n</html>\n");
  return g_string_free (s, FALSE);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *tmp = g_dir_make_tmp ("hearsay-bench-html-XXXXXX", &error);
  g_autofree char *pages = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  const char *env = g_getenv ("HEARSAY_BENCH_PAGES");
  guint n_pages = env ? (guint) atoi (env) : 10000;
  double import_s[RUNS], floor_s[RUNS];
  guint64 total_bytes = 0;

  g_assert_no_error (error);
  pages = g_build_filename (tmp, "pages", NULL);
  g_mkdir (pages, 0700);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page = make_page (i, rand);
      g_autofree char *name = g_strdup_printf ("article-%05u.html", i);
      char *path = g_build_filename (pages, name, NULL);

      g_file_set_contents (path, page, -1, &error);
      g_assert_no_error (error);
      total_bytes += strlen (page);
      g_ptr_array_add (files, path);
    }
  printf ("# %u pages, %.1f KB on average\n", n_pages, total_bytes / 1024.0 / n_pages);

  for (int run = 0; run < RUNS; run++)
    {
      g_autofree char *project_path = g_strdup_printf ("%s/run-%d.hearsay", tmp, run);
      g_autoptr(HearsayProject) project = hearsay_project_create (project_path, &error);
      const char *paths[] = { pages, NULL };
      HearsayImportReport report;
      gint64 t0;

      g_assert_no_error (error);
      /* The floor: read and parse each file with libxml2, nothing else. */
      t0 = g_get_monotonic_time ();
      for (guint i = 0; i < files->len; i++)
        {
          g_autofree char *data = NULL;
          gsize length;
          htmlDocPtr doc;

          g_file_get_contents (g_ptr_array_index (files, i), &data, &length, NULL);
          doc = htmlReadMemory (data, (int) length, NULL, "UTF-8",
                                HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
          xmlFreeDoc (doc);
        }
      floor_s[run] = (g_get_monotonic_time () - t0) / 1e6;

      hearsay_import_report_init (&report);
      t0 = g_get_monotonic_time ();
      if (!hearsay_import_paths (project, paths, &(HearsayImportOptions) { .format = "html" }, NULL, NULL, NULL, &report, &error))
        g_error ("import failed: %s", error->message);
      import_s[run] = (g_get_monotonic_time () - t0) / 1e6;
      g_assert_cmpuint (report.documents->len, ==, n_pages);
      printf ("# run %d: import %.2f s (%u documents, %u boilerplate spans), libxml2 parse %.2f s\n",
              run + 1, import_s[run], report.documents->len, report.n_boilerplate, floor_s[run]);
      fflush (stdout);
      hearsay_import_report_clear (&report);
      hearsay_project_close (project);
      g_unlink (project_path);
    }
  qsort (import_s, RUNS, sizeof (double), compare_doubles);
  qsort (floor_s, RUNS, sizeof (double), compare_doubles);
  printf ("bench: import-html-%uk %.2f s (target <= 15 s)\n", n_pages / 1000, import_s[RUNS / 2]);
  printf ("floor: libxml2-parse-%uk %.2f s\n", n_pages / 1000, floor_s[RUNS / 2]);

  remove_dir (pages);
  remove_dir (tmp);
  return 0;
}
