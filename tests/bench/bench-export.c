/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-export.c: exporting 1,000,000 annotations (2,000 documents × 500).
 * Each export runs in a child process (this program, re-executed) so that
 * its peak RSS (VmHWM) is its own; the wall time is the median of 3 runs.
 * The floor is the sqlite3 CLI dumping the same rows as CSV. */
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "hearsay-export.h"
#include "hearsay-project-bulk.h"

#define N_DOCUMENTS 2000
#define N_ANNOTATIONS 500
#define N_WORDS 1100

static const char *labels[] = { "claim", "source_mention", "attribution_cue", "frame_cue" };

static void
generate (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_create (path, &error);

  if (project == NULL)
    g_error ("%s", error->message);
  if (!hearsay_project_bulk_begin (project, &error))
    g_error ("%s", error->message);
  for (guint d = 0; d < N_DOCUMENTS; d++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(HearsayDocument) doc = NULL;
      gint64 id;

      for (guint w = 0; w < N_WORDS; w++)
        g_string_append (text, w % 12 == 11 ? "word. " : "word ");
      doc = hearsay_document_new (text->str);
      hearsay_document_set_length (doc, text->len);
      hearsay_document_set_sha256 (doc, "0");
      hearsay_document_set_title (doc, "Bench article");
      hearsay_document_set_outlet (doc, "Bench");
      if (!hearsay_project_bulk_add_document (project, doc, &error))
        g_error ("%s", error->message);
      id = hearsay_document_get_id (doc);
      for (guint a = 0; a < N_ANNOTATIONS; a++)
        {
          g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (id, labels[a % G_N_ELEMENTS (labels)]);
          gint64 start = (gint64) a * 2 * 5;

          hearsay_annotation_add_fragment_full (ann, start, start + 4, "word", "", " ");
          hearsay_annotation_set_annotator (ann, "bench");
          hearsay_annotation_set_created_at (ann, "2024-01-01T00:00:00Z");
          hearsay_annotation_set_modified_at (ann, "2024-01-01T00:00:00Z");
          if (!hearsay_project_bulk_add_annotation (project, ann, &error))
            g_error ("%s", error->message);
        }
    }
  if (!hearsay_project_bulk_commit (project, &error))
    g_error ("%s", error->message);
}

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *p;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (p = strstr (status, "VmHWM:")) == NULL)
    return -1;
  return strtol (p + 6, NULL, 10);
}

/* Child: one export, then "seconds peak_kb" on stdout. */
static int
run_one (const char *format_name,
         const char *project_path,
         const char *out_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_open (project_path, HEARSAY_PROJECT_OPEN_READ_ONLY, &error);
  HearsayExportFormat format;
  gint64 t0;

  if (project == NULL || !hearsay_export_format_from_string (format_name, &format))
    g_error ("%s", error ? error->message : format_name);
  t0 = g_get_monotonic_time ();
  if (!hearsay_export_project_to_path (project, format, NULL, out_path, NULL, &error))
    g_error ("%s", error->message);
  printf ("%.3f %ld\n", (g_get_monotonic_time () - t0) / 1e6, peak_rss_kb ());
  return 0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  static const struct { const char *name; double target; } formats[] = {
    { "jsonl", 3 }, { "csv", 3 }, { "brat", 5 }, { "w3c", 5 }, { "tei", 6 },
  };
  g_autofree char *dir = NULL;
  g_autofree char *project = NULL;
  g_autofree char *self = NULL;
  g_autofree char *floor_cmd = NULL;
  double floor_times[3];
  gint64 t0;

  if (argc == 5 && g_str_equal (argv[1], "--run"))
    return run_one (argv[2], argv[3], argv[4]);

  self = g_canonicalize_filename (argv[0], NULL);
  dir = g_dir_make_tmp ("hearsay-bench-export-XXXXXX", NULL);
  project = g_build_filename (dir, "bench.hearsay", NULL);
  t0 = g_get_monotonic_time ();
  generate (project);
  printf ("# generated %d annotations in %.1f s\n", N_DOCUMENTS * N_ANNOTATIONS,
          (g_get_monotonic_time () - t0) / 1e6);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      double times[3];
      long peak = 0;

      for (guint r = 0; r < 3; r++)
        {
          g_autofree char *out = g_build_filename (dir, formats[f].name, NULL);
          const char *child_argv[] = { self, "--run", formats[f].name, project, out, NULL };
          g_autofree char *child_out = NULL;
          g_autoptr(GError) error = NULL;
          long kb = 0;
          int status;

          if (!g_spawn_sync (NULL, (char **) child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                             &child_out, NULL, &status, &error) ||
              !g_spawn_check_wait_status (status, &error) ||
              sscanf (child_out, "%lf %ld", &times[r], &kb) != 2)
            g_error ("%s export failed: %s", formats[f].name, error ? error->message : child_out);
          peak = MAX (peak, kb);
        }
      qsort (times, 3, sizeof (double), compare_double);
      printf ("bench: export-%s-1M %.2f s (target <= %.0f s)\n", formats[f].name, times[1], formats[f].target);
      printf ("bench: export-peak-rss-%s %.1f MB (target < 100 MB)\n", formats[f].name, peak / 1024.0);
      fflush (stdout);
    }

  floor_cmd = g_strdup_printf ("sqlite3 -csv '%s' \"SELECT a.document_id, a.id, a.label, f.start, f.\\\"end\\\", "
                               "f.exact, a.note FROM fragment f JOIN annotation a ON a.id = f.annotation_id\" > /dev/null",
                               project);
  for (guint r = 0; r < 3; r++)
    {
      const char *sh_argv[] = { "/bin/sh", "-c", floor_cmd, NULL };
      int status;

      t0 = g_get_monotonic_time ();
      if (!g_spawn_sync (NULL, (char **) sh_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, NULL))
        g_error ("sqlite3 failed");
      floor_times[r] = (g_get_monotonic_time () - t0) / 1e6;
    }
  qsort (floor_times, 3, sizeof (double), compare_double);
  printf ("floor: sqlite3-csv-1M %.2f s\n", floor_times[1]);

  {
    const char *rm_argv[] = { "rm", "-rf", dir, NULL };

    g_spawn_sync (NULL, (char **) rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return 0;
}
