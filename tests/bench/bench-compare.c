/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-compare.c: the outlet comparison over 10,000 documents (~5 KB each,
 * 5 outlets) and 1,000,000 annotations with their attributes, relations and
 * entities, generated through the project API in one transaction; and
 * full-text search over the same documents.
 *
 * Per document, 100 annotations: 28 claims, 10 attributed contents, 10 source
 * mentions, 10 attribution cues, 10 persuasion, 10 frame cues, 20 entity
 * mentions, 2 boilerplate; 20 attributed_to, 2 relayed_by, 20 refers_to and
 * 1 same_claim_as relations; identification, technique and dimension
 * attributes. A mention names its entity with one of four surface forms, as
 * an outlet does ("Daesh", "ISIS"…), not with words of its own.
 *
 * Prints `bench:` lines: the first comparison, which builds the stored
 * per-document aggregates of every document; the median of 5 more; the
 * median of 5 comparisons each after an edit of one document; and search
 * (median of 20 queries). And the floors: the bare SQLite time of the main
 * GROUP BY over the raw annotations, and of reading the stored aggregates.
 *
 * HEARSAY_BENCH_PROJECT=PATH keeps the generated project at PATH and, when
 * it exists, reuses it instead of generating it again (for iterating). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "hearsay-compare.h"
#include "hearsay-project-bulk.h"

#define N_DOCUMENTS 10000
#define N_WORDS 2000
#define WORDS_PER_DOCUMENT 780

static const char *outlets[] = { "RT", "SANA", "Reuters", "AFP", "BBC" };
static const char *techniques[] = { "loaded_language", "name_calling_labeling", "doubt", "flag_waving",
                                    "appeal_to_fear_prejudice", "exaggeration_minimisation" };
static const char *dimensions[] = { "security_and_defense", "political", "morality", "legality_constitutionality_jurisprudence",
                                    "health_and_safety" };
static const char *identifications[] = { "named", "described", "anonymous", "implicit" };
static const char *kinds[] = { "government_official", "military_security", "state_media", "state_news_agency",
                               "wire_agency", "ngo_civil_society", "armed_group", "eyewitness_citizen" };

static char *vocabulary[N_WORDS];

static int
compare_doubles (gconstpointer a, gconstpointer b)
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
annotate (HearsayProject *project, gint64 doc, const char *text, const gint64 *starts,
          guint word, guint n_words, const char *label, const char *name, const char *value)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (doc, label);
  g_autoptr(GError) error = NULL;
  gint64 start = starts[word];
  gint64 end = starts[word + n_words - 1] + strlen (vocabulary[0]);  /* words have equal length */
  g_autofree char *exact = g_strndup (text + start, end - start);

  hearsay_annotation_add_fragment_full (ann, start, end, exact, "", "");
  hearsay_annotation_set_annotator (ann, "bench");
  hearsay_annotation_set_created_at (ann, "2024-01-01T00:00:00Z");
  hearsay_annotation_set_modified_at (ann, "2024-01-01T00:00:00Z");
  if (name != NULL)
    hearsay_annotation_set_attribute (ann, name, value);
  if (!hearsay_project_bulk_add_annotation (project, ann, &error))
    g_error ("%s", error->message);
  return hearsay_annotation_get_id (ann);
}

static void
relate (HearsayProject *project, const char *type, gint64 from, gint64 to, gint64 entity)
{
  HearsayRelation r = { 0, (char *) type, from, to, entity, (char *) "bench", (char *) "2024-01-01T00:00:00Z" };
  g_autoptr(GError) error = NULL;

  if (hearsay_project_bulk_add_relation (project, &r, &error) == 0)
    g_error ("%s", error->message);
}

static void
generate (HearsayProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  gint64 entities[40];
  gint64 previous_claim = 0;

  if (!hearsay_project_bulk_begin (project, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    {
      g_autofree char *name = g_strdup_printf ("Entity %u", i);
      g_autoptr(HearsayEntity) e = hearsay_entity_new (name, kinds[i % G_N_ELEMENTS (kinds)]);

      hearsay_entity_set_state_affiliated (e, i % 3 == 0 ? "yes" : "no");
      if (!hearsay_project_bulk_add_entity (project, e, &error))
        g_error ("%s", error->message);
      entities[i] = hearsay_entity_get_id (e);
    }
  for (guint d = 0; d < N_DOCUMENTS; d++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(HearsayDocument) doc = NULL;
      gint64 starts[WORDS_PER_DOCUMENT];
      gint64 id, sources[10], content[38];
      guint w = 0, n_content = 0;
      guint entity_of[98];
      int forced[WORDS_PER_DOCUMENT];

      /* Source mentions (38–47, 3 words) and entity mentions (78–97, 2
       * words) write one of their entity's four forms into the text. */
      memset (forced, -1, sizeof forced);
      for (guint a = 38; a < 98; a++)
        {
          guint variant = g_rand_int_range (rand, 0, 4);

          if (a >= 48 && a < 78)
            continue;
          entity_of[a] = g_rand_int_range (rand, 0, G_N_ELEMENTS (entities));
          for (guint j = 0; j < (a < 48 ? 3u : 2u); j++)
            forced[7 + a * 7 + j] = (entity_of[a] * 8 + variant * 2 + j) % N_WORDS;
        }
      for (guint k = 0; k < WORDS_PER_DOCUMENT; k++)
        {
          starts[k] = text->len;
          g_string_append (text, vocabulary[forced[k] >= 0 ? forced[k] : g_rand_int_range (rand, 0, N_WORDS)]);
          g_string_append (text, k % 15 == 14 ? ". " : " ");
        }
      doc = hearsay_document_new (text->str);
      hearsay_document_set_length (doc, text->len);
      hearsay_document_set_sha256 (doc, "0");
      hearsay_document_set_outlet (doc, outlets[d % G_N_ELEMENTS (outlets)]);
      if (!hearsay_project_bulk_add_document (project, doc, &error))
        g_error ("%s", error->message);
      id = hearsay_document_get_id (doc);

      /* 100 annotations over the 780 words, 7 words apart, spans of 3 words. */
      annotate (project, id, text->str, starts, 0, 6, "boilerplate", "kind", "navigation");
      annotate (project, id, text->str, starts, 770, 8, "boilerplate", "kind", "related_link");
      for (guint a = 0; a < 98; a++)
        {
          const char *label;
          guint start = 7 + a * 7;

          if (a < 28)
            label = "claim";
          else if (a < 38)
            label = "attributed_content";
          else if (a < 48)
            label = "source_mention";
          else if (a < 58)
            label = "attribution_cue";
          else if (a < 68)
            label = "persuasion";
          else if (a < 78)
            label = "frame_cue";
          else
            label = "entity_mention";
          if (a < 38)
            content[n_content++] = annotate (project, id, text->str, starts, start, 3, label, NULL, NULL);
          else if (a < 48)
            sources[a - 38] = annotate (project, id, text->str, starts, start, 3, label, "identification",
                                        identifications[a % G_N_ELEMENTS (identifications)]);
          else if (a < 58)
            annotate (project, id, text->str, starts, start, 3, label, "cue_kind", "speech_verb");
          else if (a < 68)
            annotate (project, id, text->str, starts, start, 3, label, "technique",
                      techniques[g_rand_int_range (rand, 0, G_N_ELEMENTS (techniques))]);
          else if (a < 78)
            annotate (project, id, text->str, starts, start, 3, label, "dimension",
                      dimensions[g_rand_int_range (rand, 0, G_N_ELEMENTS (dimensions))]);
          else
            {
              gint64 m = annotate (project, id, text->str, starts, start, 2, label, NULL, NULL);

              relate (project, "refers_to", m, 0, entities[entity_of[a]]);
            }
          w++;
        }
      for (guint k = 0; k < 20; k++)
        relate (project, "attributed_to", content[k], sources[k % 10], 0);
      for (guint k = 0; k < 10; k++)
        relate (project, "refers_to", sources[k], 0, entities[entity_of[38 + k]]);
      relate (project, "relayed_by", sources[0], sources[1], 0);
      relate (project, "relayed_by", sources[1], sources[2], 0);
      if (previous_claim > 0)
        relate (project, "same_claim_as", content[0], previous_claim, 0);
      previous_claim = content[0];
      (void) w;
    }
  if (!hearsay_project_bulk_commit (project, &error))
    g_error ("%s", error->message);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static double
compare_once (HearsayProject *project,
              GArray         *ids)
{
  g_autoptr(HearsayComparison) c = NULL;
  g_autoptr(GError) error = NULL;
  double t = now_ms ();

  c = hearsay_comparison_new (project, (const gint64 *) ids->data, ids->len, &error);
  t = now_ms () - t;
  g_assert_no_error (error);
  g_assert_cmpuint (hearsay_comparison_get_n_outlets (c), ==, G_N_ELEMENTS (outlets));
  return t;
}

int
main (int argc, char **argv)
{
  const char *keep = g_getenv ("HEARSAY_BENCH_PROJECT");
  g_autofree char *dir = keep ? NULL : g_dir_make_tmp ("hearsay-bench-XXXXXX", NULL);
  g_autofree char *path = keep ? g_strdup (keep) : g_build_filename (dir, "bench.hearsay", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db;
  double t;

  for (guint i = 0; i < N_WORDS; i++)
    vocabulary[i] = g_strdup_printf ("w%c%c%c%04u", 'a' + i % 26, 'a' + (i / 26) % 26, 'a' + (i / 676) % 26, i);
  if (keep != NULL && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      project = hearsay_project_open (path, 0, &error);
      g_assert_no_error (error);
      printf ("# reusing %s\n", path);
    }
  else
    {
      project = hearsay_project_create (path, &error);
      g_assert_no_error (error);
      t = now_ms ();
      generate (project);
      printf ("# generated %d documents and 1,000,000 annotations in %.1f s\n", N_DOCUMENTS, (now_ms () - t) / 1000);
    }
  documents = hearsay_project_list_documents (project, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      gint64 id = hearsay_document_get_id (g_ptr_array_index (documents, i));

      g_array_append_val (ids, id);
    }

  for (guint run = 0; run < 6; run++)
    {
      t = compare_once (project, ids);
      /* The first run builds the aggregates of every document (once per
       * project, after an import or an upgrade) and warms the page cache. */
      if (run == 0)
        printf ("bench: compare-first-run-builds-aggregates %.1f ms\n", t);
      else
        g_array_append_val (times, t);
    }
  printf ("bench: compare-10k-docs-1M-annotations %.1f ms (target <= 500 ms)\n", median (times));

  /* An analyst edits, then looks again: one document's aggregates are rebuilt. */
  g_array_set_size (times, 0);
  for (guint run = 0; run < 5; run++)
    {
      gint64 doc = g_array_index (ids, gint64, run * 997 % ids->len);
      g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (doc, "persuasion");

      hearsay_annotation_add_fragment (ann, 0, 8);
      hearsay_annotation_set_attribute (ann, "technique", "doubt");
      if (!hearsay_project_create_annotation (project, ann, &error))
        g_error ("%s", error->message);
      t = compare_once (project, ids);
      g_array_append_val (times, t);
    }
  printf ("bench: compare-after-one-edit %.1f ms (target <= 500 ms)\n", median (times));

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_array_set_size (times, 0);
  for (guint run = 0; run < 6; run++)
    {
      t = now_ms ();
      g_assert_cmpint (sqlite3_exec (db, "SELECT coalesce (d.outlet, ''), a.label, count(*) FROM document d "
                                     "JOIN annotation a ON a.document_id = d.id GROUP BY 1, 2;",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      t = now_ms () - t;
      if (run > 0)
        g_array_append_val (times, t);
    }
  printf ("floor: sqlite-aggregate %.1f ms\n", median (times));
  g_array_set_size (times, 0);
  for (guint run = 0; run < 6; run++)
    {
      t = now_ms ();
      g_assert_cmpint (sqlite3_exec (db, "SELECT d.outlet, sum (length (c.bag)) FROM document d "
                                     "JOIN compare_document c ON c.document_id = d.id GROUP BY 1;",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      t = now_ms () - t;
      if (run > 0)
        g_array_append_val (times, t);
    }
  sqlite3_close (db);
  printf ("floor: sqlite-read-stored-aggregates %.1f ms\n", median (times));

  for (guint pass = 0; pass < 2; pass++)
    {
      g_array_set_size (times, 0);
      for (guint q = 0; q < 20; q++)
        {
          g_autoptr(GPtrArray) hits = NULL;
          g_autofree char *query = pass == 0 ? g_strdup (vocabulary[q * 97 % N_WORDS])
                                             : g_strdup_printf ("w%c%c*", 'a' + q % 26, 'a' + (q * 7) % 26);

          t = now_ms ();
          hits = hearsay_project_search (project, query, 20, &error);
          t = now_ms () - t;
          g_assert_no_error (error);
          g_assert_cmpuint (hits->len, >, 0);
          g_array_append_val (times, t);
        }
      if (pass == 0)
        printf ("bench: search-word-10k %.1f ms (target <= 20 ms)\n", median (times));
      else
        printf ("bench: search-prefix-10k %.1f ms (target <= 50 ms)\n", median (times));
    }

  g_clear_object (&project);
  if (keep == NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (path);
      g_rmdir (dir);
    }
  return 0;
}
