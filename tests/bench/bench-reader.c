/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-reader.c: the reader on long documents, in a real window under the
 * X display that build-aux/run-bench.sh starts. A 1 MB article (2,000
 * paragraphs) with 10,000 annotations (a third overlapping others) and the
 * same text with 100,000, stored in one transaction. Prints medians as
 * "bench: <name> <value> <unit> (target <op> <value>)" and the plain
 * GtkTextView floor as "floor: …". */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "hearsay-project-bulk.h"
#include "hearsay-reader-private.h"

#define N_PARAGRAPHS 2000
#define PARAGRAPH_CHARS 500
#define RUNS 5

static const char *words[] = {
  "armée", "syrienne", "a", "déclaré", "que", "la", "ville", "de", "Deir", "ez-Zor",
  "était", "libérée", "selon", "une", "source", "militaire", "citée", "par", "Sana",
  "les", "forces", "gouvernementales", "ont", "repris", "contrôle", "du", "quartier",
  "après", "des", "combats", "avec", "terroristes", "d'après", "Reuters", "base",
  "américaine", "illégale", "l'agence", "officielle", "rapporte", "témoins",
};

typedef struct
{
  GtkWindow *window;
  HearsayReader *reader;
  GdkFrameClock *clock;
  gint64 frame_start;
  gint64 last_paint;
  GArray *frame_times;   /* double, ms */
  guint paints;
} Bench;

static char *
make_text (GRand *rand)
{
  GString *text = g_string_sized_new (N_PARAGRAPHS * (PARAGRAPH_CHARS + 20));

  for (guint p = 0; p < N_PARAGRAPHS; p++)
    {
      gsize start = text->len;

      while (text->len - start < PARAGRAPH_CHARS)
        {
          if (text->len > start)
            g_string_append_c (text, ' ');
          g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        }
      g_string_append (text, ".\n");
    }
  return g_string_free (text, FALSE);
}

/* Annotations inside paragraphs; every third one nests in or straddles the
 * one before it. */
static gint64
store_document (HearsayProject *project,
                const char     *text,
                guint           n_annotations,
                GRand          *rand)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (project);
  g_autoptr(HearsayDocument) document = hearsay_document_new (text);
  g_autoptr(GError) error = NULL;
  gint64 length = g_utf8_strlen (text, -1);
  gint64 previous_start = 0, previous_end = 0;
  guint n_labels = hearsay_scheme_get_n_labels (scheme);

  hearsay_document_set_title (document, "Benchmark");
  if (!hearsay_project_bulk_begin (project, &error) ||
      !hearsay_project_bulk_add_document (project, document, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < n_annotations; i++)
    {
      const HearsayLabel *label = hearsay_scheme_get_label (scheme, i % n_labels);
      g_autoptr(HearsayAnnotation) annotation =
        hearsay_annotation_new (hearsay_document_get_id (document), label->id);
      gint64 start, end;

      if (i % 3 == 2 && previous_end - previous_start > 4)
        {
          start = g_rand_int_range (rand, previous_start, previous_end - 2);
          end = MIN (length, start + g_rand_int_range (rand, 3, 40));
        }
      else
        {
          start = g_rand_int_range (rand, 0, length - 80);
          end = start + g_rand_int_range (rand, 4, 80);
        }
      hearsay_annotation_add_fragment (annotation, start, end);
      hearsay_annotation_set_annotator (annotation, "bench");
      hearsay_annotation_set_created_at (annotation, "2026-01-01T00:00:00Z");
      hearsay_annotation_set_modified_at (annotation, "2026-01-01T00:00:00Z");
      if (!hearsay_project_bulk_add_annotation (project, annotation, &error))
        g_error ("%s", error->message);
      previous_start = start;
      previous_end = end;
    }
  if (!hearsay_project_bulk_commit (project, &error))
    g_error ("%s", error->message);
  return hearsay_document_get_id (document);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  if (values->len == 0)
    return 0;
  return g_array_index (values, double, values->len / 2);
}

static void
on_before_paint (GdkFrameClock *clock,
                 Bench         *bench)
{
  bench->frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *bench)
{
  double ms;

  bench->last_paint = g_get_monotonic_time ();
  bench->paints++;
  ms = (bench->last_paint - bench->frame_start) / 1000.0;
  if (bench->frame_times != NULL)
    g_array_append_val (bench->frame_times, ms);
}

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until the next paint; returns its time. */
static gint64
wait_for_paint (Bench *bench)
{
  guint paints = bench->paints;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_widget_queue_draw (GTK_WIDGET (hearsay_reader_get_view (bench->reader)));
  while (bench->paints == paints && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return bench->last_paint;
}

static void
settle (Bench *bench,
        guint  ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      iterate ();
      g_usleep (1000);
    }
}

static gint64
wait_for_highlights (Bench *bench)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (hearsay_reader_highlights_pending (bench->reader) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return g_get_monotonic_time ();
}

static void
bench_init (Bench          *bench,
            HearsayProject *project)
{
  bench->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (bench->window, 1200, 850);
  bench->reader = g_object_new (HEARSAY_TYPE_READER, NULL);
  gtk_window_set_child (bench->window, GTK_WIDGET (bench->reader));
  hearsay_reader_set_project (bench->reader, project);
  gtk_window_present (bench->window);
  settle (bench, 300);
  bench->clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench->window));
  g_signal_connect (bench->clock, "before-paint", G_CALLBACK (on_before_paint), bench);
  g_signal_connect (bench->clock, "after-paint", G_CALLBACK (on_after_paint), bench);
}

static void
print_bench (const char *name,
             double      value,
             const char *unit,
             const char *op,
             double      target)
{
  printf ("bench: %s %.1f %s (target %s %g)\n", name, value, unit, op, target);
  fflush (stdout);
}

typedef struct
{
  gint64 last;
  gint64 max_gap;
} Stall;

static gboolean
on_tick (gpointer data)
{
  Stall *stall = data;
  gint64 now = g_get_monotonic_time ();

  stall->max_gap = MAX (stall->max_gap, now - stall->last);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

/* A "VmRSS:"-style field of /proc/self/status, in MB. */
static double
status_mb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, field);
  return line != NULL ? g_ascii_strtod (line + strlen (field), NULL) / 1024.0 : 0;
}

static double
rss_mb (void)
{
  return status_mb ("VmRSS:");
}

static gint64 t_added;

static void
on_added_first (void)
{
  t_added = g_get_monotonic_time ();
}

static void
run_edits (Bench          *bench,
           HearsayProject *project,
           gint64          doc_id,
           GArray         *total,
           GArray         *reader_only)
{
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(HearsayAnnotation) annotation = hearsay_annotation_new (doc_id, "claim");
      g_autoptr(GError) error = NULL;
      gint64 t0;
      double ms;

      hearsay_annotation_add_fragment (annotation, 1000 + i * 5000, 1040 + i * 5000);
      t0 = g_get_monotonic_time ();
      if (!hearsay_project_create_annotation (project, annotation, &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (total, ms);
      ms = (g_get_monotonic_time () - t_added) / 1000.0;
      g_array_append_val (reader_only, ms);

      t0 = g_get_monotonic_time ();
      if (!hearsay_project_delete_annotation (project, hearsay_annotation_get_id (annotation), &error))
        g_error ("%s", error->message);
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (total, ms);
      ms = (g_get_monotonic_time () - t_added) / 1000.0;
      g_array_append_val (reader_only, ms);
      iterate ();
    }
}

static void
run_scroll (Bench  *bench,
            GArray *frames)
{
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (hearsay_reader_get_view (bench->reader)));
  double step = gtk_adjustment_get_page_size (vadj) / 4;

  /* The same stretch of text each time, laid out already. */
  gtk_adjustment_set_value (vadj, 0);
  settle (bench, 200);
  bench->frame_times = frames;
  for (guint i = 0; i < 120; i++)
    {
      gtk_adjustment_set_value (vadj, gtk_adjustment_get_value (vadj) + step);
      wait_for_paint (bench);
    }
  bench->frame_times = NULL;
}

/* The 100k document in a fresh process: three opens, then its resident
 * memory now (VmRSS) and at its peak (VmHWM). */
static void
run_big (Bench          *bench,
         HearsayProject *project,
         gint64          doc_100k)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) big_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) big_applied = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) big_stall = g_array_new (FALSE, FALSE, sizeof (double));
  double rss = 0, empty_rss = rss_mb ();

  /* 100k: the longest the main loop goes without running a 1 ms timeout. */
  for (guint run = 0; run < 3; run++)
    {
      g_autoptr(HearsayDocument) document = hearsay_project_load_document (project, doc_100k, &error);
      Stall stall = { 0, };
      guint tick;
      gint64 t0, t1;
      double ms;

      hearsay_reader_set_document (bench->reader, NULL);
      settle (bench, 200);
      stall.last = g_get_monotonic_time ();
      tick = g_timeout_add_full (G_PRIORITY_HIGH, 1, on_tick, &stall, NULL);
      t0 = g_get_monotonic_time ();
      hearsay_reader_set_document (bench->reader, document);
      /* The first paint that has the visible highlights: after the
       * annotations are read (in a thread for a document this large). */
      if (g_getenv ("BENCH_DEBUG"))
        g_printerr ("rss before load %.1f\n", rss_mb ());
      while (bench->reader->loading)
        g_main_context_iteration (NULL, TRUE);
      if (g_getenv ("BENCH_DEBUG"))
        g_printerr ("rss after load %.1f\n", rss_mb ());
      t1 = wait_for_paint (bench);
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (big_paint, ms);

      t1 = wait_for_highlights (bench);
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (big_applied, ms);
      if (g_getenv ("BENCH_DEBUG"))
        g_printerr ("rss after highlights %.1f\n", rss_mb ());
      settle (bench, 300);
      g_source_remove (tick);
      ms = stall.max_gap / 1000.0;
      g_array_append_val (big_stall, ms);
      rss = MAX (rss, rss_mb ());
    }
  print_bench ("open-100k-first-paint", median (big_paint), "ms", "<=", 1000);
  print_bench ("open-100k-all-highlights", median (big_applied), "ms", "<=", 3000);
  print_bench ("open-100k-max-stall", median (big_stall), "ms", "<=", 50);
  print_bench ("open-100k-rss", rss, "MB", "<=", 200);

  print_bench ("open-100k-peak-rss", status_mb ("VmHWM:"), "MB", "<=", 200);
  printf ("floor: empty-window-rss-100k-process %.1f MB\n", empty_rss);
}

/* The 10k document scrolled as in the parent, under the renderer that
 * GSK_RENDERER names (set by the parent before the exec). */
static void
run_scroll_only (Bench          *bench,
                 HearsayProject *project,
                 gint64          doc_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayDocument) document = hearsay_project_load_document (project, doc_id, &error);
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *name = g_strdup_printf ("scroll-frame-median-%s", g_getenv ("GSK_RENDERER"));

  if (document == NULL)
    g_error ("%s", error->message);
  hearsay_reader_set_document (bench->reader, document);
  wait_for_paint (bench);
  wait_for_highlights (bench);
  settle (bench, 100);
  run_scroll (bench, frames);
  print_bench (name, median (frames), "ms", "<=", 8);
}

static int
child_main (const char *mode,
            const char *path,
            gint64      doc_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = NULL;
  Bench bench = { 0, };

  gtk_init ();
  project = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  if (project == NULL)
    g_error ("%s", error->message);
  bench_init (&bench, project);
  if (strcmp (mode, "big") == 0)
    run_big (&bench, project, doc_id);
  else
    run_scroll_only (&bench, project, doc_id);
  gtk_window_destroy (bench.window);
  hearsay_project_close (project);
  return 0;
}

/* Runs this benchmark again as "--child @mode @path @doc_id"; its lines go
 * straight to our standard output. @renderer, when set, is GSK_RENDERER. */
static void
run_child (const char *self_path,
           const char *mode,
           const char *path,
           gint64      doc_id,
           const char *renderer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, doc_id);
  g_auto(GStrv) envp = g_get_environ ();
  const char *child_argv[] = { self_path, "--child", mode, path, id, NULL };
  int status = 0;

  if (renderer != NULL)
    envp = g_environ_setenv (envp, "GSK_RENDERER", renderer, TRUE);
  fflush (stdout);
  if (!g_spawn_sync (NULL, (char **) child_argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                     NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("The %s benchmark failed: %s", mode, error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20171103);
  g_autofree char *dir = g_dir_make_tmp ("hearsay-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GArray) first_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) all_applied = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) edit_total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) edit_reader = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frames_plain = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor_paint = g_array_new (FALSE, FALSE, sizeof (double));
  Bench bench = { 0, };
  gint64 doc_10k, doc_100k;
  double empty_rss;

  g_setenv ("GTK_A11Y", "none", FALSE);
  if (argc == 5 && strcmp (argv[1], "--child") == 0)
    {
      g_rmdir (dir);
      return child_main (argv[2], argv[3], g_ascii_strtoll (argv[4], NULL, 10));
    }
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  gtk_init ();

  path = g_build_filename (dir, "bench.hearsay", NULL);
  project = hearsay_project_create (path, &error);
  if (project == NULL)
    g_error ("%s", error->message);
  text = make_text (rand);
  doc_10k = store_document (project, text, 10000, rand);
  doc_100k = store_document (project, text, 100000, rand);

#ifdef __GLIBC__
  /* The generator's garbage is not the reader's. */
  malloc_trim (0);
#endif
  bench_init (&bench, project);
  empty_rss = rss_mb ();
  g_signal_connect_swapped (project, "annotation-added", G_CALLBACK (on_added_first), NULL);
  g_signal_connect_swapped (project, "annotation-removed", G_CALLBACK (on_added_first), NULL);
  /* Connected after the reader's own handlers: what they take is the
   * difference to the signal's start. Re-connect the reader so that the
   * stamp above runs first. */
  hearsay_reader_set_project (bench.reader, NULL);
  hearsay_reader_set_project (bench.reader, project);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autoptr(HearsayDocument) document = hearsay_project_load_document (project, doc_10k, &error);
      gint64 t0, t1;
      double ms;

      hearsay_reader_set_document (bench.reader, NULL);
      settle (&bench, 100);
      t0 = g_get_monotonic_time ();
      hearsay_reader_set_document (bench.reader, document);
      t1 = wait_for_paint (&bench);
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (first_paint, ms);
      t1 = wait_for_highlights (&bench);
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (all_applied, ms);
      settle (&bench, 100);
      if (run == 0)
        {
          run_edits (&bench, project, doc_10k, edit_total, edit_reader);
          run_scroll (&bench, frames);
          /* The same with the view drawing no overlay: its share. */
          hearsay_reader_view_set_overlay (hearsay_reader_get_view (bench.reader), NULL);
          run_scroll (&bench, frames_plain);
          hearsay_reader_view_set_overlay (hearsay_reader_get_view (bench.reader), bench.reader->overlay);
        }
    }
  print_bench ("open-10k-first-paint", median (first_paint), "ms", "<=", 150);
  print_bench ("open-10k-all-highlights", median (all_applied), "ms", "<=", 300);
  print_bench ("edit-10k-add-delete-one", median (edit_total), "ms", "<=", 5);
  print_bench ("edit-10k-add-delete-one-reader-only", median (edit_reader), "ms", "<=", 5);
  /* The headline: GTK's default renderer, as the product runs. */
  print_bench ("scroll-frame-median", median (frames), "ms", "<=", 8);
  printf ("floor: scroll-frame-median-no-overlay %.1f ms\n", median (frames_plain));

  /* 100k in a process of its own: what the 10k runs above leave behind
   * (allocator arenas, GL caches) is not the reader's. */
  run_child (argv[0], "big", path, doc_100k, NULL);
  /* Where the scroll frame goes: the same scroll with GSK's cairo
   * renderer, in a child (the renderer is chosen once per process). */
  run_child (argv[0], "scroll", path, doc_10k, "cairo");

  /* The floor: a plain GtkTextView with the same text, no annotations. */
  hearsay_reader_set_document (bench.reader, NULL);
  for (guint run = 0; run < RUNS; run++)
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *view = gtk_text_view_new ();
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
      gint64 t0, t1;
      double ms;

      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
      gtk_window_set_child (bench.window, scrolled);
      bench.reader = NULL;
      settle (&bench, 100);
      t0 = g_get_monotonic_time ();
      gtk_text_buffer_set_text (buffer, text, -1);
      {
        guint paints = bench.paints;

        gtk_widget_queue_draw (view);
        while (bench.paints == paints)
          g_main_context_iteration (NULL, TRUE);
        t1 = bench.last_paint;
      }
      ms = (t1 - t0) / 1000.0;
      g_array_append_val (floor_paint, ms);
    }
  printf ("floor: textview-plain-first-paint %.1f ms\n", median (floor_paint));
  /* What GTK itself holds under Xvfb (the GL renderer on llvmpipe is most
   * of it): the process with the window up and no document yet. */
  printf ("floor: empty-window-rss %.1f MB\n", empty_rss);

  gtk_window_destroy (bench.window);
  hearsay_project_close (project);
  g_unlink (path);
  return 0;
}
