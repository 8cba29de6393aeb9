/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-extract.c: article extraction on the development set (saved pages
 * with a reference article and metadata): the pages are imported as a user
 * would (one folder, hearsay_import_paths()), each document's article
 * (its text minus boilerplate and headline marks) is scored by the set's
 * score.py; metadata is compared with the reference; and the time of
 * decoding + extracting a page is measured, side by side with Readability.js
 * + jsdom when node is there (installed with npm under the build folder).
 * usage: bench-extract DEV_DIR NODE_DIR SCRIPT_DIR */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "hearsay-html.h"
#include "hearsay-import.h"
#include "hearsay-project.h"

#define RUNS 3

typedef struct
{
  char *name;
  GBytes *html;
  double ms;
} Page;

static void
page_free (gpointer data)
{
  Page *p = data;

  g_free (p->name);
  g_bytes_unref (p->html);
  g_free (p);
}

static GBytes *
gunzip (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GInputStream) in = G_INPUT_STREAM (g_file_read (file, NULL, NULL));
  g_autoptr(GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  g_autoptr(GInputStream) conv = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  if (in == NULL)
    return NULL;
  conv = g_converter_input_stream_new (in, G_CONVERTER (z));
  if (g_output_stream_splice (out, conv, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL) < 0)
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  if (values->len == 0)
    return 0;
  return g_array_index (values, double, MIN (values->len - 1, (guint) (p * (values->len - 1) + 0.5)));
}

/* Lowercase letters and digits only, so that punctuation and spacing do not count. */
static char *
squash (const char *s)
{
  g_autofree char *folded = g_utf8_casefold (s != NULL ? s : "", -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static gboolean
byline_agrees (const char *ours,
               const char *reference)
{
  g_autofree char *a = squash (ours);
  g_autofree char *b = squash (reference);

  if (g_str_has_prefix (b, "by"))
    memmove (b, b + 2, strlen (b + 2) + 1);
  if (*a == '\0' || *b == '\0')
    return FALSE;
  return strstr (a, b) != NULL || strstr (b, a) != NULL;
}

/* @ours is @reference without a " | Site" part at its end or start. */
static gboolean
suffix_only (const char *ours,
             const char *reference)
{
  static const char * const seps[] = { " | ", " - ", " – ", " — ", " :: ", " · ", " » ", NULL };
  gsize n = ours != NULL ? strlen (ours) : 0;

  if (n == 0)
    return FALSE;
  for (guint i = 0; seps[i]; i++)
    if ((g_str_has_prefix (reference, ours) && g_str_has_prefix (reference + n, seps[i])) ||
        (g_str_has_suffix (reference, ours) && strlen (reference) >= n + strlen (seps[i]) &&
         strncmp (reference + strlen (reference) - n - strlen (seps[i]), seps[i], strlen (seps[i])) == 0))
      return TRUE;
  return FALSE;
}

static char *
article_of (HearsayProject  *project,
            HearsayDocument *doc)
{
  g_autoptr(GPtrArray) anns = hearsay_project_list_annotations (project, hearsay_document_get_id (doc), NULL);
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (HearsayHtmlMark));
  guint w = 0;

  for (guint i = 0; anns != NULL && i < anns->len; i++)
    {
      HearsayAnnotation *ann = g_ptr_array_index (anns, i);
      const char *label = hearsay_annotation_get_label (ann);

      if (g_strcmp0 (label, "boilerplate") != 0 && g_strcmp0 (label, HEARSAY_HTML_HEADLINE_LABEL) != 0)
        continue;
      for (guint k = 0; k < hearsay_annotation_get_n_fragments (ann); k++)
        {
          const HearsayFragment *f = hearsay_annotation_get_fragment (ann, k);
          HearsayHtmlMark m = { f->start, f->end, label, NULL };

          g_array_append_val (marks, m);
        }
    }
  /* Sorted, overlaps merged. */
  for (guint i = 1; i < marks->len; i++)
    for (guint j = i; j > 0 && g_array_index (marks, HearsayHtmlMark, j - 1).start > g_array_index (marks, HearsayHtmlMark, j).start; j--)
      {
        HearsayHtmlMark t = g_array_index (marks, HearsayHtmlMark, j);

        g_array_index (marks, HearsayHtmlMark, j) = g_array_index (marks, HearsayHtmlMark, j - 1);
        g_array_index (marks, HearsayHtmlMark, j - 1) = t;
      }
  for (guint i = 0; i < marks->len; i++)
    {
      HearsayHtmlMark m = g_array_index (marks, HearsayHtmlMark, i);

      if (w > 0 && g_array_index (marks, HearsayHtmlMark, w - 1).end >= m.start)
        g_array_index (marks, HearsayHtmlMark, w - 1).end = MAX (g_array_index (marks, HearsayHtmlMark, w - 1).end, m.end);
      else
        g_array_index (marks, HearsayHtmlMark, w++) = m;
    }
  return hearsay_html_article_text (hearsay_document_get_text (doc), (HearsayHtmlMark *) marks->data, w);
}

/* Runs score.py on {name: text}; prints its lines after "# " and returns the F1 line. */
static char *
score (const char *dev,
       JsonObject *pred,
       const char *tmp,
       const char *tag,
       GString    *worst)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *path = g_strdup_printf ("%s/%s.json", tmp, tag);
  g_autofree char *script = g_build_filename (dev, "score.py", NULL);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  char *f1 = NULL;
  const char *argv[] = { "python3", script, path, "--worst", "10", NULL };

  json_node_set_object (root, pred);
  json_generator_set_root (gen, root);
  if (!json_generator_to_file (gen, path, NULL) ||
      !g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, NULL, NULL))
    return NULL;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      if (*lines[i] == '\0')
        continue;
      printf ("# %s: %s\n", tag, lines[i]);
      if (g_str_has_prefix (lines[i], "F1 ") && f1 == NULL)
        f1 = g_strdup (lines[i]);
      /* "  NAME  F1 0.123  P …": the worst pages, by name and F1. */
      if (worst != NULL && g_str_has_prefix (lines[i], "  "))
        {
          g_auto(GStrv) words = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
          const char *name = words[0], *f = NULL;

          for (guint k = 1; words[k] && words[k + 1]; k++)
            if (strcmp (words[k], "F1") == 0)
              f = words[k + 1];
          if (f != NULL)
            g_string_append_printf (worst, "%s%s %s", worst->len > 0 ? ", " : "", name, f);
        }
    }
  return f1;
}

static JsonObject *
load_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_file (parser, path, NULL) || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static double
time_pages (GPtrArray *pages,
            GArray    *ms)
{
  double total = 0;

  for (guint i = 0; i < pages->len; i++)
    {
      Page *p = g_ptr_array_index (pages, i);
      double runs[RUNS];

      for (int r = 0; r < RUNS; r++)
        {
          gsize size;
          const char *data = g_bytes_get_data (p->html, &size);
          gint64 t0 = g_get_monotonic_time ();
          g_autofree char *utf8 = hearsay_html_decode (p->name, data, size, NULL, NULL, NULL);
          g_autoptr(HearsayHtmlArticle) a = utf8 ? hearsay_html_extract (utf8, strlen (utf8), p->name, NULL) : NULL;

          runs[r] = (g_get_monotonic_time () - t0) / 1000.0;
        }
      qsort (runs, RUNS, sizeof (double), compare_doubles);
      p->ms = runs[RUNS / 2];
      total += p->ms;
      g_array_append_val (ms, p->ms);
    }
  return total;
}

static gboolean
readability (const char *node_dir,
             const char *script_dir,
             const char *dev,
             const char *tmp,
             JsonObject **result)
{
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *npm = g_find_program_in_path ("npm");
  g_autofree char *modules = g_build_filename (node_dir, "node_modules", NULL);
  g_autofree char *probe = g_build_filename (modules, "@mozilla", "readability", NULL);
  g_autofree char *jsdom = g_build_filename (modules, "jsdom", NULL);
  g_autofree char *script = g_build_filename (script_dir, "bench-readability.js", NULL);
  g_autofree char *pages = g_build_filename (dev, "pages", NULL);
  g_autofree char *out = g_build_filename (tmp, "readability.json", NULL);
  int status = 0;

  if (node == NULL)
    {
      printf ("# Readability.js: skipped, node is not installed\n");
      return FALSE;
    }
  if (!g_file_test (probe, G_FILE_TEST_IS_DIR) || !g_file_test (jsdom, G_FILE_TEST_IS_DIR))
    {
      const char *argv[] = { npm, "install", "--no-audit", "--no-fund", "--silent", "--prefix", node_dir,
                             "@mozilla/readability", "jsdom", NULL };

      g_mkdir_with_parents (node_dir, 0755);
      if (npm == NULL || !g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, NULL, NULL, &status, NULL) ||
          !g_spawn_check_wait_status (status, NULL))
        {
          printf ("# Readability.js: skipped, npm could not install @mozilla/readability and jsdom in %s\n", node_dir);
          return FALSE;
        }
    }
  {
    const char *argv[] = { node, script, modules, pages, out, "3", NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) ||
        !g_spawn_check_wait_status (status, NULL))
      {
        printf ("# Readability.js: skipped, %s failed\n", script);
        return FALSE;
      }
  }
  *result = load_json (out);
  return *result != NULL;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  const char *dev = argc > 1 ? argv[1] : "../shared/extraction-dev";
  const char *node_dir = argc > 2 ? argv[2] : "node";
  const char *script_dir = argc > 3 ? argv[3] : ".";
  g_autofree char *pages_dir = g_build_filename (dev, "pages", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL, *folder = NULL, *project_path = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (page_free);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(JsonObject) pred = json_object_new ();
  g_autoptr(JsonObject) rpred = json_object_new ();
  g_autoptr(JsonObject) rjson = NULL;
  g_autofree char *f1 = NULL;
  g_autoptr(GString) worst = g_string_new (NULL);
  HearsayImportReport report;
  GDir *d;
  const char *name;
  guint title_n = 0, title_ok = 0, title_site = 0, byline_n = 0, byline_ok = 0, date_n = 0, date_ok = 0, empty = 0;
  double total_ms, median, p90;
  const char *import_paths[2] = { NULL, NULL };

  d = g_dir_open (pages_dir, 0, NULL);
  if (d == NULL)
    {
      printf ("# bench-extract: skipped, no development set at %s\n", pages_dir);
      return 0;
    }
  tmp = g_dir_make_tmp ("hearsay-bench-extract-XXXXXX", &error);
  g_assert_no_error (error);
  folder = g_build_filename (tmp, "pages", NULL);
  g_mkdir (folder, 0700);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *gz = g_build_filename (pages_dir, name, "source.html.gz", NULL);
      g_autofree char *file = g_strdup_printf ("%s/%s.html", folder, name);
      GBytes *html = gunzip (gz);
      Page *p;

      if (html == NULL)
        continue;
      p = g_new0 (Page, 1);
      p->name = g_strdup (name);
      p->html = html;
      g_file_set_contents (file, g_bytes_get_data (html, NULL), g_bytes_get_size (html), NULL);
      g_ptr_array_add (pages, p);
      g_hash_table_insert (by_name, p->name, p);
    }
  g_dir_close (d);
  printf ("# %u pages from %s\n", pages->len, dev);

  /* Quality: the user's path, one folder import. */
  project_path = g_build_filename (tmp, "dev.hearsay", NULL);
  project = hearsay_project_create (project_path, &error);
  g_assert_no_error (error);
  import_paths[0] = folder;
  hearsay_import_report_init (&report);
  if (!hearsay_import_paths (project, import_paths, &(HearsayImportOptions) { .format = "html" }, NULL, NULL, NULL, &report, &error))
    {
      printf ("# bench-extract: the import failed: %s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < report.documents->len; i++)
    {
      HearsayDocument *doc = g_ptr_array_index (report.documents, i);
      g_autofree char *page_name = g_strndup (hearsay_document_get_source_name (doc),
                                              strlen (hearsay_document_get_source_name (doc)) - 5);
      g_autofree char *body = article_of (project, doc);
      g_autofree char *meta_path = g_build_filename (pages_dir, page_name, "metadata.json", NULL);
      g_autoptr(JsonObject) meta = load_json (meta_path);
      const char * const *author = hearsay_document_get_field (doc, "author");

      if (*body == '\0')
        empty++;
      json_object_set_string_member (pred, page_name, body);
      if (meta == NULL)
        continue;
      if (json_object_get_string_member_with_default (meta, "title", NULL) != NULL)
        {
          g_autofree char *a = squash (hearsay_document_get_title (doc));
          g_autofree char *b = squash (json_object_get_string_member (meta, "title"));

          title_n++;
          title_ok += strcmp (a, b) == 0;
          title_site += strcmp (a, b) == 0 || suffix_only (hearsay_document_get_title (doc), json_object_get_string_member (meta, "title"));
          if (strcmp (a, b) != 0 && g_getenv ("BENCH_VERBOSE"))
            printf ("# title %s: %s | %s\n", page_name, hearsay_document_get_title (doc), json_object_get_string_member (meta, "title"));
        }
      if (json_object_get_string_member_with_default (meta, "byline", NULL) != NULL)
        {
          g_autofree char *joined = author != NULL ? g_strjoinv (", ", (char **) author) : g_strdup ("");
          gboolean ok = byline_agrees (joined, json_object_get_string_member (meta, "byline"));

          byline_n++;
          byline_ok += ok;
          if (!ok && g_getenv ("BENCH_VERBOSE"))
            printf ("# byline %s: %s | %s\n", page_name, joined, json_object_get_string_member (meta, "byline"));
        }
      if (json_object_get_string_member_with_default (meta, "publishedTime", NULL) != NULL)
        {
          const char *ref = json_object_get_string_member (meta, "publishedTime");
          const char *ours = hearsay_document_get_published_at (doc);
          gboolean ok = ours != NULL && strlen (ref) >= 10 && strncmp (ours, ref, 10) == 0;

          date_n++;
          date_ok += ok;
          if (!ok && g_getenv ("BENCH_VERBOSE"))
            printf ("# date %s: %s | %s\n", page_name, ours, ref);
        }
    }
  printf ("# %u documents, %u boilerplate marks\n", report.documents->len, report.n_boilerplate);
  hearsay_import_report_clear (&report);
  f1 = score (dev, pred, tmp, "hearsay", worst);

  /* Speed: decoding and extraction of each page, the median of three runs. */
  total_ms = time_pages (pages, ms);
  median = percentile (ms, 0.5);
  p90 = percentile (ms, 0.9);

  printf ("bench: extract-dev %s, %u empty (target F1 >= 0.95, none empty)\n", f1 != NULL ? f1 : "F1 ?", empty);
  printf ("bench: extract-worst-pages %s\n", worst->str);
  printf ("bench: extract-metadata title %u/%u (%u/%u where the reference keeps a site suffix we drop), byline %u/%u, date %u/%u\n",
          title_ok, title_n, title_site, title_n, byline_ok, byline_n, date_ok, date_n);
  printf ("bench: extract-ms-per-page median %.2f, p90 %.2f, total %.0f ms\n", median, p90, total_ms);

  if (readability (node_dir, script_dir, dev, tmp, &rjson))
    {
      g_autoptr(GArray) rms = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GList) members = json_object_get_members (rjson);
      g_autofree char *rf1 = NULL;
      double rtotal = 0, rmedian, rp90;

      for (GList *l = members; l != NULL; l = l->next)
        {
          JsonObject *o = json_object_get_object_member (rjson, l->data);
          double v = json_object_get_double_member (o, "ms");

          rtotal += v;
          g_array_append_val (rms, v);
          json_object_set_string_member (rpred, l->data, json_object_get_string_member (o, "text"));
        }
      rf1 = score (dev, rpred, tmp, "readability", NULL);
      rmedian = percentile (rms, 0.5);
      rp90 = percentile (rms, 0.9);
      printf ("floor: readability-js-ms-per-page median %.1f, p90 %.1f, total %.0f ms; %s\n",
              rmedian, rp90, rtotal, rf1 != NULL ? rf1 : "F1 ?");
      printf ("bench: extract-speed-ratio %.0fx median, %.0fx total (target >= 30x)\n",
              median > 0 ? rmedian / median : 0, total_ms > 0 ? rtotal / total_ms : 0);
    }
  hearsay_project_close (project);
  if (g_getenv ("BENCH_KEEP") == NULL)
    remove_tree (tmp);
  else
    printf ("# kept %s\n", tmp);
  return 0;
}
