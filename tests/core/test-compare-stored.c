/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-compare-stored.c: the comparison reads per-document aggregates that
 * the project keeps (schema step 4). After each kind of edit, through the
 * same calls the window and the CLI make, the comparison of the edited
 * project must equal one computed from scratch on a copy whose aggregates
 * were all thrown away; and a read-only project with stale aggregates must
 * give the same figures without its file changing. */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "hearsay-compare.h"
#include "core-test-compare-fixture.h"
#include "hearsay-error.h"
#include "core-test-util.h"

static char *
comparison_json (HearsayProject *project,
                 gint64          event_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayComparison) c = hearsay_comparison_new_for_event (project, event_id, &error);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_no_error (error);
  g_assert_true (hearsay_comparison_write (c, HEARSAY_COMPARISON_FORMAT_JSON, NULL, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

/* The comparison of a copy of @project whose aggregates are all rebuilt. */
static char *
rebuilt_json (HearsayProject *project,
              gint64          event_id)
{
  g_autofree char *path = core_test_path ("rebuilt.hearsay");
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayProject) copy = NULL;
  sqlite3 *db;

  g_assert_true (hearsay_project_save_copy (project, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM compare_document; DELETE FROM compare_edge;"
                   "DELETE FROM compare_excluded; DELETE FROM compare_key;"
                   "INSERT OR IGNORE INTO compare_dirty SELECT id FROM document;",
                   NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  copy = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  return comparison_json (copy, event_id);
}

static void
assert_up_to_date (HearsayProject *project,
                   gint64          event_id,
                   const char     *edit)
{
  g_autofree char *incremental = comparison_json (project, event_id);
  g_autofree char *rebuilt = rebuilt_json (project, event_id);

  g_test_message ("after: %s", edit);
  g_assert_cmpstr (incremental, ==, rebuilt);
}

/* The first annotation of @document labelled @label whose text is @text. */
static HearsayAnnotation *
find (HearsayProject *project,
      gint64          document,
      const char     *label,
      const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = hearsay_project_list_annotations (project, document, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      HearsayAnnotation *a = g_ptr_array_index (all, i);
      g_autofree char *quote = hearsay_annotation_dup_text (a);

      if (g_str_equal (hearsay_annotation_get_label (a), label) && g_str_equal (quote, text))
        return g_object_ref (a);
    }
  g_error ("no %s \"%s\"", label, text);
}

static gint64
add (HearsayProject *project,
     gint64          document,
     const char     *label,
     gint64          start,
     gint64          end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayAnnotation) a = hearsay_annotation_new (document, label);

  hearsay_annotation_add_fragment (a, start, end);
  g_assert_true (hearsay_project_create_annotation (project, a, &error));
  g_assert_no_error (error);
  return hearsay_annotation_get_id (a);
}

static void
test_edits (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("edits.hearsay");
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayAnnotation) source = NULL, claim = NULL, mention = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(HearsayEntity) entity = NULL;
  g_autofree char *before = NULL, *after = NULL;
  CoreTestCompareFixture f;
  const char *anonymous[] = { "anonymous", NULL };

  core_test_compare_fixture_build (project, &f);
  before = comparison_json (project, f.event_id);
  assert_up_to_date (project, f.event_id, "the fixture");

  /* A new claim in Reuters ("The Syrian army said", 0–20). */
  add (project, f.reuters, "claim", 0, 20);
  after = comparison_json (project, f.event_id);
  g_assert_cmpstr (after, !=, before);
  assert_up_to_date (project, f.event_id, "a new claim");

  /* A source's identification (weak attribution changes). */
  source = find (project, f.reuters, "source_mention", "The Syrian army");
  g_assert_true (hearsay_project_set_attribute (project, hearsay_annotation_get_id (source),
                                                "identification", anonymous, &error));
  g_assert_no_error (error);
  assert_up_to_date (project, f.event_id, "an attribute");

  /* An attribution link removed. */
  relations = hearsay_project_list_annotation_relations (project, hearsay_annotation_get_id (source), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < relations->len; i++)
    {
      HearsayRelation *r = g_ptr_array_index (relations, i);

      if (g_str_equal (r->type, "attributed_to"))
        {
          g_assert_true (hearsay_project_delete_relation (project, r->id, &error));
          g_assert_no_error (error);
          break;
        }
    }
  assert_up_to_date (project, f.event_id, "a relation deleted");

  /* An entity renamed: the naming table and the chains show the new name. */
  mention = find (project, f.rt, "entity_mention", "Daesh");
  g_clear_pointer (&relations, g_ptr_array_unref);
  relations = hearsay_project_list_annotation_relations (project, hearsay_annotation_get_id (mention), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, >, 0);
  entity = hearsay_project_get_entity (project, ((HearsayRelation *) relations->pdata[0])->to_entity_id, &error);
  g_assert_no_error (error);
  hearsay_entity_set_name (entity, "Islamic State (renamed)");
  g_assert_true (hearsay_project_update_entity (project, entity, &error));
  g_assert_no_error (error);
  assert_up_to_date (project, f.event_id, "an entity renamed");

  /* Boilerplate laid over a linked claim: it leaves the counts and the
   * claim links of the other document's aggregates. */
  claim = find (project, f.rt, "claim", "Daesh fled in panic");
  add (project, f.rt, "boilerplate", hearsay_annotation_get_start (claim), hearsay_annotation_get_end (claim));
  assert_up_to_date (project, f.event_id, "boilerplate over a claim");

  /* A label changed, an annotation deleted, then undone and redone. */
  g_assert_true (hearsay_project_set_label (project, hearsay_annotation_get_id (source), "entity_mention", &error));
  g_assert_no_error (error);
  assert_up_to_date (project, f.event_id, "a label changed");
  g_clear_object (&claim);
  claim = find (project, f.afp, "claim", "ISIS lost its last stronghold");
  g_assert_true (hearsay_project_delete_annotation (project, hearsay_annotation_get_id (claim), &error));
  g_assert_no_error (error);
  assert_up_to_date (project, f.event_id, "a linked claim deleted");
  g_assert_true (hearsay_project_undo (project, HEARSAY_PROJECT_ANY_DOCUMENT, NULL, &error));
  g_assert_no_error (error);
  assert_up_to_date (project, f.event_id, "the deletion undone");
  g_assert_true (hearsay_project_redo (project, HEARSAY_PROJECT_ANY_DOCUMENT, NULL, &error));
  g_assert_no_error (error);
  assert_up_to_date (project, f.event_id, "the deletion redone");
}

static void
test_read_only (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("readonly.hearsay");
  g_autofree char *path = g_strdup (hearsay_project_get_path (project));
  g_autoptr(HearsayProject) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL, *got = NULL, *again = NULL, *sum = NULL, *sum_after = NULL;
  CoreTestCompareFixture f;

  core_test_compare_fixture_build (project, &f);
  g_free (comparison_json (project, f.event_id));
  /* Edited after the last comparison: its aggregates are stale on disk. */
  add (project, f.afp, "persuasion", 0, 6);
  expected = rebuilt_json (project, f.event_id);
  g_clear_object (&project);
  sum = core_test_file_sha256 (path);

  reader = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  got = comparison_json (reader, f.event_id);
  g_assert_cmpstr (got, ==, expected);
  /* Twice: the temporary aggregates of the first are gone, not reused stale. */
  again = comparison_json (reader, f.event_id);
  g_assert_cmpstr (again, ==, expected);
  g_clear_object (&reader);
  sum_after = core_test_file_sha256 (path);
  g_assert_cmpstr (sum, ==, sum_after);
}

/* A selection naming a document the project does not hold is refused by
 * name, whatever its position in the selection. */
static void
test_missing_document (void)
{
  g_autoptr(HearsayProject) project = core_test_new_project ("missing.hearsay");
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayComparison) c = NULL;
  g_autofree char *missing = NULL;
  CoreTestCompareFixture f;
  gint64 ids[3];

  core_test_compare_fixture_build (project, &f);
  ids[0] = f.rt;
  ids[1] = f.afp + 1000;
  ids[2] = f.afp;
  c = hearsay_comparison_new (project, ids, G_N_ELEMENTS (ids), &error);
  g_assert_null (c);
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "There is no document"));
  missing = g_strdup_printf ("%" G_GINT64_FORMAT, ids[1]);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* The same documents twice are one selection, not an error. */
  ids[1] = f.rt;
  c = hearsay_comparison_new (project, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hearsay_comparison_get_n_documents (c), ==, 2);
}

int
main (int argc, char **argv)
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/compare-stored/edits", test_edits);
  g_test_add_func ("/compare-stored/read-only", test_read_only);
  g_test_add_func ("/compare-stored/missing-document", test_missing_document);
  return g_test_run ();
}
