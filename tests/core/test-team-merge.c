/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-team-merge.c: coders' blind copies and merging them back — what a
 * copy holds and leaves out, a merge by stable id that adds nothing the
 * second time and only what changed later, the copy's and the project's
 * changes each kept where they happened, and every refusal with the
 * project byte for byte as it was. */
#define _GNU_SOURCE
#include <string.h>
#include <sqlite3.h>

#include "hearsay-error.h"
#include "core-test-team.h"
#include "core-test-util.h"

typedef struct
{
  CoreTestTeam team;
  char *dir;
  char *ana;   /* ana's copy */
  char *ben;   /* ben's copy */
} Fixture;

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  gsize length = 0;
  g_autofree char *data = core_test_read (path, &length);

  return memmem (data, length, needle, strlen (needle)) != NULL;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  static guint n;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("study%u.hearsay", ++n);
  g_autofree char *dir = g_strdup_printf ("copies%u", n);
  g_autoptr(GPtrArray) paths = NULL;
  const char * const coders[] = { "ana", "ben", NULL };

  core_test_team_build (&f->team, name);
  /* A note only ben wrote: no copy but his may hold it. */
  g_assert_true (hearsay_project_set_note (f->team.project, f->team.ben_extra, "ben-private-note", &error));
  f->dir = core_test_path (dir);
  paths = hearsay_project_prepare_coder_copies (f->team.project, coders, f->dir, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (paths->len, ==, 2);
  f->ana = g_strdup (g_ptr_array_index (paths, 0));
  f->ben = g_strdup (g_ptr_array_index (paths, 1));
  g_assert_true (g_str_has_suffix (f->ana, "-ana.hearsay"));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  core_test_team_clear (&f->team);
  g_free (f->dir);
  g_free (f->ana);
  g_free (f->ben);
}

static HearsayProject *
open_copy (const char *path)
{
  g_autoptr(GError) error = NULL;
  HearsayProject *copy = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return copy;
}

static HearsayMergeReport *
merge (Fixture            *f,
       const char * const *paths)
{
  g_autoptr(GError) error = NULL;
  HearsayMergeReport *report = hearsay_project_merge_coder_copies (f->team.project, paths, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static HearsayMergeFile *
file_report (HearsayMergeReport *report,
             guint               i)
{
  return g_ptr_array_index (report->files, i);
}

static guint
layer_size (HearsayProject *project,
            const char     *coder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) layer = hearsay_project_list_layer_annotations (project, 0, coder, &error);

  g_assert_no_error (error);
  return layer->len;
}

static void
test_copy_holds_one_layer (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HearsayProject) copy = open_copy (f->ana);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) coders = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autofree char *undo = NULL;

  g_assert_cmpstr (hearsay_project_get_copy_coder (copy), ==, "ana");
  g_assert_cmpstr (hearsay_project_get_blind_coder (copy), ==, "ana");
  g_assert_cmpstr (hearsay_project_get_annotator (copy), ==, "ana");
  g_assert_cmpuint (layer_size (copy, "ana"), ==, 4);
  g_assert_cmpuint (layer_size (copy, "importer"), ==, 1);
  g_assert_cmpuint (layer_size (copy, "ben"), ==, 0);
  documents = hearsay_project_list_documents (copy, &error);
  g_assert_cmpuint (documents->len, ==, 2);
  coders = hearsay_project_list_coders (copy, &error);
  g_assert_cmpuint (coders->len, ==, 2);
  /* No undo history: it holds the other coders' edits. */
  undo = hearsay_project_dup_undo_label (copy, HEARSAY_PROJECT_ANY_DOCUMENT);
  g_assert_null (undo);
  g_clear_object (&copy);
  /* Nothing of ben's, not even in the file's free pages. */
  g_assert_false (file_contains (f->ana, "ben-private-note"));
  g_assert_false (file_contains (f->ana, "\"ben\""));
  g_assert_true (file_contains (f->ben, "ben-private-note"));
}

static void
test_copy_refusals (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = core_test_file_sha256 (f->team.path);
  g_autofree char *after = NULL;
  g_autofree char *gold = hearsay_project_ensure_gold_coder (f->team.project, &error);

  /* A copy that exists is never replaced. */
  g_assert_null (hearsay_project_prepare_coder_copies (f->team.project, (const char *[]) { "ana", NULL },
                                                       f->dir, NULL, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, f->ana));
  g_clear_error (&error);
  g_clear_pointer (&before, g_free);
  before = core_test_file_sha256 (f->team.path);
  g_assert_null (hearsay_project_prepare_coder_copies (f->team.project, (const char *[]) { gold, NULL },
                                                       f->dir, NULL, &error));
  g_assert_nonnull (strstr (error->message, "gold"));
  g_clear_error (&error);
  g_assert_null (hearsay_project_prepare_coder_copies (f->team.project, (const char *[]) { "x", "x", NULL },
                                                       f->dir, NULL, &error));
  g_clear_error (&error);
  after = core_test_file_sha256 (f->team.path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayMergeReport) first = NULL;
  g_autoptr(HearsayMergeReport) again = NULL;
  g_autoptr(HearsayMergeReport) later = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char * const both[] = { NULL, NULL, NULL };
  HearsayProject *copy;
  gint64 added, start, end;

  /* ana works in her copy: one new claim linked to her source, one edit,
   * one deletion; ben adds one. */
  copy = open_copy (f->ana);
  core_test_team_span (core_test_team_french, "Les terroristes ont fui vers l'est", &start, &end);
  added = core_test_team_annotate (copy, NULL, f->team.doc1, "attributed_content", start, end, NULL, NULL);
  g_assert_true (hearsay_project_set_attribute (copy, f->team.ana_claim, "status",
                                                (const char *[]) { "disputed", NULL }, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) layer = hearsay_project_list_layer_annotations (copy, f->team.doc2, "ana", &error);

    g_assert_true (hearsay_project_delete_annotation (copy, hearsay_annotation_get_id (g_ptr_array_index (layer, 0)),
                                                      &error));
  }
  g_assert_cmpint (hearsay_project_create_relation (copy, "attributed_to", added, f->team.ana_source, &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&copy);
  copy = open_copy (f->ben);
  core_test_team_annotate (copy, NULL, f->team.doc2, "claim", 0, 3, NULL, NULL);
  g_clear_object (&copy);

  ((const char **) both)[0] = f->ana;
  ((const char **) both)[1] = f->ben;
  first = merge (f, both);
  g_assert_cmpuint (first->files->len, ==, 2);
  g_assert_cmpstr (file_report (first, 0)->coder, ==, "ana");
  g_assert_cmpuint (file_report (first, 0)->annotations_added, ==, 1);
  g_assert_cmpuint (file_report (first, 0)->annotations_changed, ==, 1);
  g_assert_cmpuint (file_report (first, 0)->annotations_deleted, ==, 1);
  g_assert_cmpuint (file_report (first, 0)->relations_added, ==, 1);
  g_assert_cmpuint (file_report (first, 1)->annotations_added, ==, 1);
  g_assert_cmpuint (file_report (first, 1)->annotations_changed, ==, 0);
  g_assert_cmpuint (layer_size (f->team.project, "ana"), ==, 4);
  g_assert_cmpuint (layer_size (f->team.project, "ben"), ==, 6);
  {
    g_autoptr(HearsayAnnotation) claim = hearsay_project_get_annotation (f->team.project, f->team.ana_claim, &error);
    g_autoptr(GPtrArray) relations = hearsay_project_list_annotation_relations (f->team.project, f->team.ana_claim,
                                                                               &error);

    g_autoptr(GPtrArray) to_source = hearsay_project_list_annotation_relations (f->team.project, f->team.ana_source,
                                                                               &error);

    g_assert_cmpstr (hearsay_annotation_get_attribute (claim, "status"), ==, "disputed");
    g_assert_cmpuint (relations->len, ==, 1);
    g_assert_cmpuint (to_source->len, ==, 2);
  }

  /* The same files again: nothing, and the file is not even written. */
  before = core_test_file_sha256 (f->team.path);
  again = merge (f, both);
  for (guint i = 0; i < 2; i++)
    {
      HearsayMergeFile *r = file_report (again, i);

      g_assert_cmpuint (r->annotations_added + r->annotations_changed + r->annotations_deleted +
                        r->relations_added + r->relations_deleted + r->documents_added, ==, 0);
    }
  after = core_test_file_sha256 (f->team.path);
  g_assert_cmpstr (before, ==, after);

  /* A later merge brings what changed since, and only that; the project's
   * own edit of a coder's annotation stays when the copy did not touch it. */
  g_assert_true (hearsay_project_set_note (f->team.project, f->team.ana_source, "checked by the lead", &error));
  copy = open_copy (f->ana);
  g_assert_true (hearsay_project_set_label (copy, added, "claim", &error));
  g_assert_no_error (error);
  g_clear_object (&copy);
  later = merge (f, (const char *[]) { f->ana, NULL });
  g_assert_cmpuint (file_report (later, 0)->annotations_changed, ==, 1);
  g_assert_cmpuint (file_report (later, 0)->annotations_added, ==, 0);
  g_assert_cmpuint (file_report (later, 0)->annotations_kept, ==, 1);
  {
    g_autoptr(GPtrArray) layer = hearsay_project_list_layer_annotations (f->team.project, f->team.doc1, "ana", &error);
    g_autoptr(HearsayAnnotation) source = hearsay_project_get_annotation (f->team.project, f->team.ana_source, &error);
    guint claims = 0;

    for (guint i = 0; i < layer->len; i++)
      claims += g_strcmp0 (hearsay_annotation_get_label (g_ptr_array_index (layer, i)), "claim") == 0;
    g_assert_cmpuint (claims, ==, 2);
    g_assert_cmpstr (hearsay_annotation_get_note (source), ==, "checked by the lead");
  }
}

/* A document the coder imported comes along, with the importer's marks. */
static void
test_merge_new_document (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayMergeReport) report = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  HearsayProject *copy = open_copy (f->ben);
  gint64 doc = core_test_add_document (copy, "Un article que ben a trouvé lui-même.", "Nouveau");

  core_test_team_annotate (copy, NULL, doc, "claim", 0, 10, NULL, NULL);
  g_clear_object (&copy);
  report = merge (f, (const char *[]) { f->ben, NULL });
  g_assert_cmpuint (file_report (report, 0)->documents_added, ==, 1);
  g_assert_cmpuint (file_report (report, 0)->annotations_added, ==, 1);
  documents = hearsay_project_list_documents (f->team.project, &error);
  g_assert_cmpuint (documents->len, ==, 3);
}

static void
expect_refusal (Fixture            *f,
                const char * const *paths,
                const char * const *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = core_test_file_sha256 (f->team.path);
  g_autofree char *after = NULL;
  g_autoptr(HearsayMergeReport) report = hearsay_project_merge_coder_copies (f->team.project, paths, NULL, &error);

  g_assert_null (report);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (error->message, words[i]) == NULL)
      g_error ("“%s” is not in: %s", words[i], error->message);
  after = core_test_file_sha256 (f->team.path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (layer_size (f->team.project, "ana"), ==, 4);
}

static char *
copy_file (Fixture    *f,
           const char *from,
           const char *name)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  char *to = g_build_filename (f->dir, name, NULL);

  data = core_test_read (from, &length);
  core_test_write (to, data, length);
  return to;
}

static void
test_merge_refusals (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *newer = copy_file (f, f->ana, "newer.hearsay");
  g_autofree char *twice = copy_file (f, f->ana, "ana-again.hearsay");
  g_autofree char *scheme = copy_file (f, f->ana, "scheme.hearsay");
  g_autofree char *text = copy_file (f, f->ana, "text.hearsay");
  g_autofree char *other = copy_file (f, f->ana, "other.hearsay");
  g_autofree char *mixed = copy_file (f, f->ana, "mixed.hearsay");
  g_autofree char *plain = core_test_path ("plain.hearsay");
  g_autofree char *missing = core_test_path ("missing.hearsay");
  HearsayProject *copy;

  /* A file of a newer Hearsay. */
  raw_exec (newer, "PRAGMA user_version = 99;");
  expect_refusal (f, (const char *[]) { newer, NULL }, (const char *[]) { newer, "newer version", NULL });

  /* The same coder twice. */
  expect_refusal (f, (const char *[]) { f->ana, twice, NULL },
                  (const char *[]) { f->ana, twice, "“ana”", NULL });

  /* Another scheme: each difference is said, nothing guessed. */
  copy = open_copy (scheme);
  {
    g_autoptr(HearsayScheme) s = hearsay_scheme_copy (hearsay_project_get_scheme (copy));

    g_assert_true (hearsay_scheme_set_label (s, "rumour", "Rumour", "#123456", 0, &error));
    g_assert_true (hearsay_scheme_set_attribute_values (s, "claim", "status",
                                                        (const char *[]) { "unverified", "supported", NULL },
                                                        NULL, &error));
    g_assert_true (hearsay_project_set_scheme (copy, s, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&copy);
  expect_refusal (f, (const char *[]) { f->ben, scheme, NULL },
                  (const char *[]) { scheme, "scheme", "“rumour”", "claim.status", NULL });

  /* A different text under the same document. */
  raw_exec (text, "UPDATE document SET text = text || ' Et une phrase de plus.', "
            "sha256 = 'feedfacefeedfacefeedfacefeedfacefeedfacefeedfacefeedfacefeedface' WHERE id = 1;");
  expect_refusal (f, (const char *[]) { text, NULL },
                  (const char *[]) { text, "Deir ez-Zor", "another text", "feedfacefeed", NULL });

  /* Another project's copy, a file that is no copy, a file that is not there. */
  raw_exec (other, "UPDATE meta SET value = 'not-this-project' WHERE key = 'team.origin';");
  expect_refusal (f, (const char *[]) { other, NULL }, (const char *[]) { other, "another project", NULL });
  g_object_unref (hearsay_project_create (plain, &error));
  expect_refusal (f, (const char *[]) { plain, NULL }, (const char *[]) { plain, "not a coder", NULL });
  expect_refusal (f, (const char *[]) { missing, NULL }, (const char *[]) { missing, NULL });

  /* A copy that holds another coder's work. */
  copy = open_copy (mixed);
  g_assert_true (hearsay_project_set_blind_coder (copy, NULL, &error));
  core_test_team_annotate (copy, "zoe", f->team.doc1, "claim", 0, 5, NULL, NULL);
  g_clear_object (&copy);
  expect_refusal (f, (const char *[]) { mixed, NULL }, (const char *[]) { mixed, "zoe", NULL });
}

int
main (int   argc,
      char *argv[])
{
  core_test_init (&argc, &argv);
  g_test_add ("/team-merge/copy-holds-one-layer", Fixture, NULL, fixture_setup, test_copy_holds_one_layer,
              fixture_teardown);
  g_test_add ("/team-merge/copy-refusals", Fixture, NULL, fixture_setup, test_copy_refusals, fixture_teardown);
  g_test_add ("/team-merge/merge", Fixture, NULL, fixture_setup, test_merge, fixture_teardown);
  g_test_add ("/team-merge/new-document", Fixture, NULL, fixture_setup, test_merge_new_document, fixture_teardown);
  g_test_add ("/team-merge/refusals", Fixture, NULL, fixture_setup, test_merge_refusals, fixture_teardown);
  return g_test_run ();
}
