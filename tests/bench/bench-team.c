/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-team.c: team annotation at the sizes of issue 14.
 *
 *   agreement   500 documents × 6 coders, 100,000 annotations (with a status
 *               or identification each): the whole report (unitizing, spans,
 *               coding of labels and attributes, confusions, disagreements)
 *               over the selection, then with every document's figures too;
 *               floor: the bare SQLite read of the same rows (fragments with
 *               their label and annotator, and the attribute values);
 *   merge       6 coders' copies of 20,000 annotations each, merged into the
 *               project; then merged again, which must add nothing;
 *   curation    aligning one document of 6 coders × 2,000 annotations for
 *               the curation view (hearsay_curation_new: the read and the
 *               alignment, the core part of the view's first paint); floor:
 *               the read alone (hearsay_project_read_layers).
 *
 * The coders work from one set of "true" units per document: each coder
 * marks about 5 in 6 of them, mostly on the same span, sometimes a word
 * shorter or longer, sometimes with another label or value, as coders do.
 * Medians of 5 runs (3 for the merge). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "hearsay-agreement-report.h"
#include "hearsay-curation.h"
#include "hearsay-project-bulk.h"
#include "hearsay-project-team.h"

#define N_CODERS 6
static const char *coders[N_CODERS] = { "ana", "ben", "cleo", "dan", "eva", "femi" };
static const char *labels[] = { "claim", "source_mention", "attribution_cue", "attributed_content" };
static const char *statuses[] = { "unverified", "supported", "disputed", "false" };
static const char *identifications[] = { "named", "described", "anonymous", "implicit" };

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

static gint64
add_document (HearsayProject *project,
              guint           n_words,
              GRand          *rand)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(HearsayDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  /* Words of 7 letters and a space: word w starts at 8 w. */
  for (guint w = 0; w < n_words; w++)
    g_string_append_printf (text, "w%06u ", g_rand_int_range (rand, 0, 999999));
  doc = hearsay_document_new (text->str);
  hearsay_document_set_length (doc, text->len);
  {
    g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, -1);

    hearsay_document_set_sha256 (doc, sha);
  }
  if (!hearsay_project_bulk_add_document (project, doc, &error))
    g_error ("%s", error->message);
  return hearsay_document_get_id (doc);
}

static void
add_annotation (HearsayProject *project,
                gint64          document,
                const char     *coder,
                const char     *label,
                guint           word,
                guint           n_words,
                const char     *attribute,
                const char     *value)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (document, label);
  g_autoptr(GError) error = NULL;

  hearsay_annotation_add_fragment_full (ann, 8 * word, 8 * (word + n_words) - 1, "", "", "");
  hearsay_annotation_set_annotator (ann, coder);
  hearsay_annotation_set_created_at (ann, "2024-01-01T00:00:00Z");
  hearsay_annotation_set_modified_at (ann, "2024-01-01T00:00:00Z");
  if (attribute != NULL)
    hearsay_annotation_set_attribute (ann, attribute, value);
  if (!hearsay_project_bulk_add_annotation (project, ann, &error))
    g_error ("%s", error->message);
}

/* @n_units true units on @document, each marked by about 5 coders in 6. */
static guint
code_document (HearsayProject *project,
               gint64          document,
               guint           n_units,
               GRand          *rand)
{
  guint n = 0;

  for (guint u = 0; u < n_units; u++)
    {
      guint label = g_rand_int_range (rand, 0, G_N_ELEMENTS (labels));
      guint value = g_rand_int_range (rand, 0, 4);
      guint word = 10 * u + 2;

      for (guint c = 0; c < N_CODERS; c++)
        {
          guint r = g_rand_int_range (rand, 0, 100);
          guint shift = r < 15 ? 1 : 0;
          const char *l = labels[r >= 90 ? (label + 1) % G_N_ELEMENTS (labels) : label];
          guint v = g_rand_int_range (rand, 0, 100) < 80 ? value : (guint) g_rand_int_range (rand, 0, 4);

          if (g_rand_int_range (rand, 0, 6) == 0)
            continue;
          if (g_str_equal (l, "claim"))
            add_annotation (project, document, coders[c], l, word, 4 + shift, "status", statuses[v]);
          else if (g_str_equal (l, "source_mention"))
            add_annotation (project, document, coders[c], l, word, 4 + shift, "identification", identifications[v]);
          else
            add_annotation (project, document, coders[c], l, word, 4 + shift, NULL, NULL);
          n++;
        }
    }
  return n;
}

static double
bare_read (const char *path,
           guint64    *rows)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 t0 = g_get_monotonic_time ();
  static const char * const queries[] = {
    "SELECT f.document_id, f.annotation_id, f.start, f.\"end\", a.label, a.annotator_id "
    "FROM document d JOIN fragment f ON f.document_id = d.id JOIN annotation a ON a.id = f.annotation_id "
    "ORDER BY f.document_id, f.start, f.\"end\", f.annotation_id;",
    "SELECT aa.annotation_id, aa.name, aa.value FROM annotation a "
    "JOIN annotation_attribute aa ON aa.annotation_id = a.id;",
  };

  *rows = 0;
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          /* Read every column, as the store does. */
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            (void) sqlite3_column_text (stmt, c);
          (*rows)++;
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return (g_get_monotonic_time () - t0) / 1e6;
}

static void
bench_agreement (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "agreement.hearsay", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_create (path, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);
  g_autoptr(GArray) whole = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) per_document = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = 0, n_figures = 0, n_disagreements = 0;
  guint64 rows = 0;

  g_assert_no_error (error);
  if (!hearsay_project_bulk_begin (project, &error))
    g_error ("%s", error->message);
  for (guint d = 0; d < 500; d++)
    n += code_document (project, add_document (project, 400, rand), 40, rand);
  if (!hearsay_project_bulk_commit (project, &error))
    g_error ("%s", error->message);
  g_clear_object (&project);
  project = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  for (guint run = 0; run < 5; run++)
    {
      HearsayAgreementQuery query = { NULL };
      g_autoptr(HearsayAgreementReport) report = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double t;

      report = hearsay_agreement_report_new (project, &query, NULL, &error);
      g_assert_no_error (error);
      t = (g_get_monotonic_time () - t0) / 1e6;
      g_array_append_val (whole, t);
      n_figures = hearsay_agreement_report_get_n_figures (report);
      n_disagreements = hearsay_agreement_report_get_n_disagreements (report);
      g_clear_object (&report);

      query.per_document = TRUE;
      t0 = g_get_monotonic_time ();
      report = hearsay_agreement_report_new (project, &query, NULL, &error);
      g_assert_no_error (error);
      t = (g_get_monotonic_time () - t0) / 1e6;
      g_array_append_val (per_document, t);

      t = bare_read (path, &rows);
      g_array_append_val (floor, t);
    }
  printf ("bench: agreement, 500 documents × 6 coders, %u annotations: %.3f s (%u figures, %u disagreements) "
          "(target ≤ 1 s)\n", n, median (whole), n_figures, n_disagreements);
  printf ("bench: agreement with every document's figures too: %.3f s\n", median (per_document));
  printf ("floor: bare SQLite read of the same rows (%" G_GUINT64_FORMAT " rows): %.3f s\n", rows, median (floor));
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (from, &data, &length, &error) || !g_file_set_contents (to, data, length, &error))
    g_error ("%s", error->message);
}

static guint64
count_rows (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint64 n = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (db, "SELECT (SELECT count(*) FROM annotation) + (SELECT count(*) FROM fragment) + "
                      "(SELECT count(*) FROM annotation_attribute) + (SELECT count(*) FROM relation) + "
                      "(SELECT count(*) FROM document);", -1, &stmt, NULL);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
bench_merge (const char *dir)
{
  g_autofree char *pristine = g_build_filename (dir, "merge.hearsay", NULL);
  g_autofree char *copies = g_build_filename (dir, "copies", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_create (pristine, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) second = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint64 added = 0, added_again = 0;

  g_assert_no_error (error);
  if (!hearsay_project_bulk_begin (project, &error))
    g_error ("%s", error->message);
  for (guint d = 0; d < 200; d++)
    {
      gint64 id = add_document (project, 1000, rand);

      g_array_append_val (ids, id);
    }
  if (!hearsay_project_bulk_commit (project, &error))
    g_error ("%s", error->message);
  paths = hearsay_project_prepare_coder_copies (project, (const char *[]) { coders[0], coders[1], coders[2],
                                                                            coders[3], coders[4], coders[5], NULL },
                                                 copies, NULL, &error);
  g_assert_no_error (error);
  /* The merge takes a NULL-terminated list. */
  g_ptr_array_add (paths, NULL);
  g_clear_object (&project);

  /* Each coder codes 20,000 annotations in their copy: 100 per document. */
  for (guint c = 0; c < N_CODERS; c++)
    {
      gint64 tg = g_get_monotonic_time ();
      g_autoptr(HearsayProject) copy = hearsay_project_open (g_ptr_array_index (paths, c),
                                                             HEARSAY_PROJECT_OPEN_DEFAULT, &error);

      g_assert_no_error (error);
      if (!hearsay_project_bulk_begin (copy, &error))
        g_error ("%s", error->message);
      for (guint d = 0; d < ids->len; d++)
        for (guint u = 0; u < 100; u++)
          add_annotation (copy, g_array_index (ids, gint64, d), coders[c], labels[u % G_N_ELEMENTS (labels)],
                          10 * u, 3 + g_rand_int_range (rand, 0, 2), u % 4 == 0 ? "status" : NULL,
                          statuses[g_rand_int_range (rand, 0, 4)]);
      if (!hearsay_project_bulk_commit (copy, &error))
        g_error ("%s", error->message);
      g_printerr ("generate %.3f\n", (g_get_monotonic_time () - tg) / 1e6);
    }

  for (guint run = 0; run < 3; run++)
    {
      g_autofree char *target = g_build_filename (dir, "merged.hearsay", NULL);
      g_autoptr(HearsayProject) master = NULL;
      g_autoptr(HearsayMergeReport) report = NULL;
      guint64 before, after, again;
      gint64 t0;
      double t;

      g_unlink (target);
      copy_file (pristine, target);
      master = hearsay_project_open (target, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      before = count_rows (target);
      t0 = g_get_monotonic_time ();
      report = hearsay_project_merge_coder_copies (master, (const char * const *) paths->pdata, NULL, &error);
      g_assert_no_error (error);
      t = (g_get_monotonic_time () - t0) / 1e6;
      g_array_append_val (first, t);
      after = count_rows (target);
      g_clear_pointer (&report, hearsay_merge_report_free);
      t0 = g_get_monotonic_time ();
      report = hearsay_project_merge_coder_copies (master, (const char * const *) paths->pdata, NULL, &error);
      g_assert_no_error (error);
      t = (g_get_monotonic_time () - t0) / 1e6;
      g_array_append_val (second, t);
      again = count_rows (target);
      added = after - before;
      added_again = again - after;
    }
  printf ("bench: merging 6 coders' copies of 20,000 annotations each: %.3f s, %" G_GUINT64_FORMAT
          " rows added (target ≤ 2 s)\n", median (first), added);
  printf ("bench: merging the same copies again: %.3f s, %" G_GUINT64_FORMAT " rows added (target: 0)\n",
          median (second), added_again);
}

static void
bench_curation (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "curation.hearsay", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = hearsay_project_create (path, &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (16);
  g_autoptr(GArray) align = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));
  guint n, n_units = 0;
  gint64 doc;

  g_assert_no_error (error);
  if (!hearsay_project_bulk_begin (project, &error))
    g_error ("%s", error->message);
  doc = add_document (project, 24000, rand);
  n = code_document (project, doc, 2400, rand);
  if (!hearsay_project_bulk_commit (project, &error))
    g_error ("%s", error->message);
  for (guint run = 0; run < 5; run++)
    {
      g_autoptr(HearsayCuration) curation = NULL;
      g_autoptr(HearsayLayerRows) rows = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double t;

      curation = hearsay_curation_new (project, doc, NULL, &error);
      g_assert_no_error (error);
      t = (g_get_monotonic_time () - t0) / 1e3;
      g_array_append_val (align, t);
      n_units = hearsay_curation_get_n_units (curation);
      t0 = g_get_monotonic_time ();
      rows = hearsay_project_read_layers (project, &doc, 1, NULL, HEARSAY_LAYER_READ_VALUES, &error);
      g_assert_no_error (error);
      t = (g_get_monotonic_time () - t0) / 1e3;
      g_array_append_val (floor, t);
    }
  printf ("bench: curation, one document of 6 coders × %u annotations: read and align into %u units: %.1f ms "
          "(the view's first paint target: ≤ 150 ms)\n", n / N_CODERS, n_units, median (align));
  printf ("floor: reading the document's layers alone: %.1f ms\n", median (floor));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hearsay-bench-team-XXXXXX", &error);
  const char *only = g_getenv ("HEARSAY_BENCH_ONLY");

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  /* HEARSAY_BENCH_ONLY=agreement, merge or curation runs that part alone. */
  if (only == NULL || g_str_equal (only, "agreement"))
    bench_agreement (dir);
  if (only == NULL || g_str_equal (only, "merge"))
    bench_merge (dir);
  if (only == NULL || g_str_equal (only, "curation"))
    bench_curation (dir);
  /* The generated projects are large: leave nothing behind. */
  remove_tree (dir);
  return 0;
}
