/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-workbench.c: relations and their rules, entities, undo/redo kept in the
 * project, scheme editing with unknown labels, annotation search. */
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hearsay-error.h"
#include "hearsay-export.h"
#include "hearsay-import.h"
#include "hearsay-project.h"
#include "core-test-util.h"

#define TEXT "Sana a dit que l'armée syrienne a repris Deir ez-Zor, d'après Reuters."

typedef struct
{
  char *dir;
  char *path;
  HearsayProject *project;
  gint64 doc;
} Fixture;

static gint64
annotate (HearsayProject *project,
          gint64          doc,
          const char     *label,
          gint64          start,
          gint64          end)
{
  g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (doc, label);
  g_autoptr(GError) error = NULL;

  hearsay_annotation_add_fragment (ann, start, end);
  g_assert_true (hearsay_project_create_annotation (project, ann, &error));
  g_assert_no_error (error);
  return hearsay_annotation_get_id (ann);
}

static gint64
add_document (HearsayProject *project,
              const char     *text)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (docs, hearsay_document_new (text));
  hearsay_document_set_title (docs->pdata[0], "Doc");
  g_assert_true (hearsay_project_add_documents (project, docs, &error));
  g_assert_no_error (error);
  return hearsay_document_get_id (docs->pdata[0]);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("hearsay-workbench-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "p.hearsay", NULL);
  f->project = hearsay_project_create (f->path, &error);
  g_assert_no_error (error);
  f->doc = add_document (f->project, TEXT);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->project);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);

      g_unlink (p);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static guint
count_annotations (HearsayProject *project,
                   gint64          doc)
{
  g_autoptr(GPtrArray) list = hearsay_project_list_annotations (project, doc, NULL);

  return list->len;
}

static void
test_relation_rules (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) types = NULL;
  gint64 source = annotate (f->project, f->doc, "source_mention", 0, 4);
  gint64 claim = annotate (f->project, f->doc, "claim", 15, 52);
  gint64 cue = annotate (f->project, f->doc, "attribution_cue", 54, 61);
  gint64 id;

  id = hearsay_project_create_relation (f->project, "attributed_to", claim, source, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  /* The wrong direction is refused, and the message states the rule. */
  id = hearsay_project_create_relation (f->project, "attributed_to", source, claim, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "goes from claim, attributed_content to source_mention"));
  g_clear_error (&error);

  id = hearsay_project_create_relation (f->project, "signalled_by", claim, cue, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);

  id = hearsay_project_create_relation (f->project, "no_such_type", claim, source, &error);
  g_assert_cmpint (id, ==, 0);
  g_assert_nonnull (strstr (error->message, "no_such_type"));
  g_clear_error (&error);

  relations = hearsay_project_list_annotation_relations (f->project, source, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (relations->len, ==, 1);

  types = hearsay_project_allowed_relation_types (f->project, "claim", "source_mention");
  g_assert_cmpuint (types->len, ==, 1);
  g_assert_cmpstr (((HearsayRelationType *) types->pdata[0])->id, ==, "attributed_to");
  g_clear_pointer (&types, g_ptr_array_unref);
  types = hearsay_project_allowed_relation_types (f->project, "source_mention", NULL);
  g_assert_cmpuint (types->len, ==, 1);
  g_assert_cmpstr (((HearsayRelationType *) types->pdata[0])->id, ==, "refers_to");
}

static void
test_cross_document (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  gint64 other = add_document (f->project, "Reuters: Syrian army retakes Deir ez-Zor from Islamic State.");
  gint64 claim_a = annotate (f->project, f->doc, "claim", 15, 52);
  gint64 claim_b = annotate (f->project, other, "claim", 9, 60);
  gint64 source_b = annotate (f->project, other, "source_mention", 0, 7);

  found = hearsay_project_search_annotations (f->project, "claim", "deir", f->doc, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (hearsay_annotation_get_id (found->pdata[0]), ==, claim_b);

  g_assert_cmpint (hearsay_project_create_relation (f->project, "same_claim_as", claim_a, claim_b, &error), >, 0);
  g_assert_no_error (error);
  /* attributed_to stays inside one document. */
  g_assert_cmpint (hearsay_project_create_relation (f->project, "attributed_to", claim_a, source_b, &error), ==, 0);
  g_assert_nonnull (strstr (error->message, "in the same document"));
}

static void
test_entities (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayEntity) sana = hearsay_entity_new ("SANA", "state_news_agency");
  g_autoptr(HearsayEntity) bad = hearsay_entity_new ("X", "not_a_kind");
  g_autoptr(HearsayEntity) loaded = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  gint64 source = annotate (f->project, f->doc, "source_mention", 0, 4);
  gint64 claim = annotate (f->project, f->doc, "claim", 15, 52);

  hearsay_entity_set_state_affiliated (sana, "yes");
  hearsay_entity_add_alias (sana, "Syrian Arab News Agency");
  g_assert_true (hearsay_project_add_entity (f->project, sana, &error));
  g_assert_no_error (error);

  g_assert_false (hearsay_project_add_entity (f->project, bad, &error));
  g_assert_nonnull (strstr (error->message, "not_a_kind"));
  g_clear_error (&error);

  suggestions = hearsay_project_suggest_entities (f->project, "l'agence de presse d'Etat syrienne Sana", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, ==, 1);

  g_assert_cmpint (hearsay_project_link_entity (f->project, NULL, source, hearsay_entity_get_id (sana), &error), >, 0);
  g_assert_no_error (error);
  /* A claim cannot refer to an entity. */
  g_assert_cmpint (hearsay_project_link_entity (f->project, NULL, claim, hearsay_entity_get_id (sana), &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);

  relations = hearsay_project_list_annotation_relations (f->project, source, &error);
  g_assert_cmpuint (relations->len, ==, 1);
  g_assert_cmpint (((HearsayRelation *) relations->pdata[0])->to_entity_id, ==, hearsay_entity_get_id (sana));

  hearsay_entity_set_name (sana, "SANA (agency)");
  g_assert_true (hearsay_project_update_entity (f->project, sana, &error));
  loaded = hearsay_project_get_entity (f->project, hearsay_entity_get_id (sana), &error);
  g_assert_cmpstr (hearsay_entity_get_name (loaded), ==, "SANA (agency)");
  g_assert_cmpstr (hearsay_entity_get_aliases (loaded)[0], ==, "Syrian Arab News Agency");
  g_assert_cmpstr (hearsay_entity_get_state_affiliated (loaded), ==, "yes");
}

static void
test_undo_redo_restart (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayAnnotation) ann = NULL;
  g_autofree char *label = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  const char *supported[] = { "supported", NULL };
  gint64 source = annotate (f->project, f->doc, "source_mention", 0, 4);
  gint64 claim = annotate (f->project, f->doc, "claim", 15, 52);
  gint64 relation;

  relation = hearsay_project_create_relation (f->project, "attributed_to", claim, source, &error);
  g_assert_cmpint (relation, >, 0);
  g_assert_true (hearsay_project_set_attribute (f->project, claim, "status", supported, &error));
  g_assert_true (hearsay_project_set_note (f->project, claim, "checked against SANA", &error));
  g_assert_true (hearsay_project_add_fragment (f->project, claim, 62, 69, &error));
  g_assert_no_error (error);
  g_assert_true (hearsay_project_delete_annotation (f->project, claim, &error));
  g_assert_cmpuint (count_annotations (f->project, f->doc), ==, 1);

  label = hearsay_project_dup_undo_label (f->project, HEARSAY_PROJECT_ANY_DOCUMENT);
  g_assert_cmpstr (label, ==, "Delete Claim");
  g_clear_pointer (&label, g_free);

  /* The history is in the file: it survives closing and reopening. */
  g_clear_object (&f->project);
  f->project = hearsay_project_open (f->path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  g_assert_true (hearsay_project_undo (f->project, HEARSAY_PROJECT_ANY_DOCUMENT, NULL, &error));
  g_assert_no_error (error);
  ann = hearsay_project_get_annotation (f->project, claim, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hearsay_annotation_get_n_fragments (ann), ==, 2);
  g_assert_cmpstr (hearsay_annotation_get_attribute (ann, "status"), ==, "supported");
  g_assert_cmpstr (hearsay_annotation_get_note (ann), ==, "checked against SANA");
  relations = hearsay_project_list_annotation_relations (f->project, claim, &error);
  g_assert_cmpuint (relations->len, ==, 1);
  g_assert_cmpint (((HearsayRelation *) relations->pdata[0])->id, ==, relation);
  g_clear_object (&ann);

  label = hearsay_project_dup_redo_label (f->project, HEARSAY_PROJECT_ANY_DOCUMENT);
  g_assert_cmpstr (label, ==, "Delete Claim");
  g_clear_pointer (&label, g_free);

  /* Fragment, note, attribute, relation, two annotations. */
  for (int i = 0; i < 6; i++)
    {
      g_assert_true (hearsay_project_undo (f->project, HEARSAY_PROJECT_ANY_DOCUMENT, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (count_annotations (f->project, f->doc), ==, 0);
  g_assert_false (hearsay_project_undo (f->project, HEARSAY_PROJECT_ANY_DOCUMENT, NULL, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (hearsay_project_dup_undo_label (f->project, HEARSAY_PROJECT_ANY_DOCUMENT));

  for (int i = 0; i < 7; i++)
    g_assert_true (hearsay_project_redo (f->project, HEARSAY_PROJECT_ANY_DOCUMENT, NULL, &error));
  g_assert_cmpuint (count_annotations (f->project, f->doc), ==, 1);
  g_assert_false (hearsay_project_redo (f->project, HEARSAY_PROJECT_ANY_DOCUMENT, NULL, NULL));

  /* A new edit after undo drops the redo stack. */
  g_assert_true (hearsay_project_undo (f->project, HEARSAY_PROJECT_ANY_DOCUMENT, NULL, &error));
  annotate (f->project, f->doc, "frame_cue", 5, 8);
  g_assert_null (hearsay_project_dup_redo_label (f->project, HEARSAY_PROJECT_ANY_DOCUMENT));
}

static void
test_signals (Fixture       *f,
              gconstpointer  data)
{
  guint history = 0, removed = 0;
  gint64 claim;

  g_signal_connect_swapped (f->project, "history-changed", G_CALLBACK (g_atomic_int_inc), &history);
  g_signal_connect_swapped (f->project, "annotation-removed", G_CALLBACK (g_atomic_int_inc), &removed);
  claim = annotate (f->project, f->doc, "claim", 15, 52);
  g_assert_cmpuint (history, ==, 1);
  g_assert_true (hearsay_project_undo (f->project, HEARSAY_PROJECT_ANY_DOCUMENT, NULL, NULL));
  g_assert_cmpuint (history, ==, 2);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpint (claim, >, 0);
}

static void
test_scheme_edit (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayScheme) scheme = hearsay_scheme_copy (hearsay_project_get_scheme (f->project));
  g_autoptr(HearsayScheme) reread = NULL;
  g_auto(GStrv) unknown = NULL;
  g_autofree char *file = g_build_filename (f->dir, "scheme.json", NULL);
  const char *ids[] = { "low", "high", NULL };
  const char *names[] = { "Low", "High", NULL };
  gint64 claim = annotate (f->project, f->doc, "claim", 15, 52);
  g_autoptr(HearsayAnnotation) ann = NULL;

  g_assert_true (hearsay_scheme_set_label (scheme, "quote_marker", "Quote marker", "#112233", 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hearsay_scheme_lookup_label (scheme, "quote_marker")->key, ==, 1);
  /* The claim label gave its key away. */
  g_assert_cmpuint (hearsay_scheme_lookup_label (scheme, "claim")->key, ==, 0);
  g_assert_true (hearsay_scheme_add_attribute (scheme, "quote_marker", "salience", "Salience",
                 HEARSAY_ATTRIBUTE_SINGLE, &error));
  g_assert_true (hearsay_scheme_set_attribute_values (scheme, "quote_marker", "salience", ids, names, &error));
  g_assert_no_error (error);
  g_assert_false (hearsay_scheme_set_label (scheme, "Bad Id", NULL, NULL, 0, &error));
  g_clear_error (&error);
  g_assert_false (hearsay_scheme_set_label (scheme, "x", NULL, "red", 0, &error));
  g_clear_error (&error);

  g_assert_true (hearsay_scheme_remove_label (scheme, "claim", &error));
  g_assert_true (hearsay_project_set_scheme (f->project, scheme, &error));
  g_assert_no_error (error);

  /* The annotation keeps its label, now unknown to the scheme. */
  ann = hearsay_project_get_annotation (f->project, claim, &error);
  g_assert_cmpstr (hearsay_annotation_get_label (ann), ==, "claim");
  unknown = hearsay_project_dup_unknown_labels (f->project);
  g_assert_cmpstrv (unknown, ((const char *[]) { "claim", NULL }));
  g_assert_cmpint (hearsay_project_remap_label (f->project, "claim", "quote_marker", &error), ==, 1);
  g_clear_pointer (&unknown, g_strfreev);
  unknown = hearsay_project_dup_unknown_labels (f->project);
  g_assert_cmpuint (g_strv_length (unknown), ==, 0);

  /* The scheme survives a restart and a round trip through a file. */
  g_clear_object (&f->project);
  f->project = hearsay_project_open (f->path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hearsay_scheme_lookup_label (hearsay_project_get_scheme (f->project), "quote_marker"));
  g_assert_true (hearsay_scheme_save_to_file (hearsay_project_get_scheme (f->project), file, &error));
  reread = hearsay_scheme_new_from_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hearsay_scheme_get_n_labels (reread), ==,
                    hearsay_scheme_get_n_labels (hearsay_project_get_scheme (f->project)));
}

static void
test_migration_v1 (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  if (core_test_skip_on_server ("rewinds the file's schema with SQLite"))
    return;
  annotate (f->project, f->doc, "claim", 15, 52);
  g_clear_object (&f->project);

  /* Make the file look like a version-1 project. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  /* Steps 2–5 are written to be rerun; step 6 adds columns, which a
   * version-1 file does not have yet. */
  g_assert_cmpint (sqlite3_exec (db, "DROP TABLE history; DROP TABLE team_base; DROP TABLE curation_rejected;"
                                 "DROP INDEX document_uuid; DROP INDEX annotation_uuid; DROP INDEX relation_uuid;"
                                 "DROP INDEX entity_uuid; DROP INDEX annotator_gold; DROP INDEX annotation_annotator;"
                                 "ALTER TABLE document DROP COLUMN uuid; ALTER TABLE annotation DROP COLUMN uuid;"
                                 "ALTER TABLE relation DROP COLUMN uuid; ALTER TABLE entity DROP COLUMN uuid;"
                                 "ALTER TABLE annotator DROP COLUMN color; ALTER TABLE annotator DROP COLUMN role;"
                                 "PRAGMA user_version = 1;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  f->project = hearsay_project_open (f->path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_annotations (f->project, f->doc), ==, 1);
  annotate (f->project, f->doc, "frame_cue", 5, 8);
  g_assert_true (hearsay_project_undo (f->project, HEARSAY_PROJECT_ANY_DOCUMENT, NULL, &error));
  g_assert_cmpuint (count_annotations (f->project, f->doc), ==, 1);
}

static void
test_jsonl_entities (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayEntity) sana = hearsay_entity_new ("SANA", "state_news_agency");
  g_autoptr(HearsayProject) copy = NULL;
  g_autofree char *out1 = g_build_filename (f->dir, "a.jsonl", NULL);
  g_autofree char *out2 = g_build_filename (f->dir, "b.jsonl", NULL);
  g_autofree char *path2 = g_build_filename (f->dir, "copy.hearsay", NULL);
  g_autofree char *a = NULL, *b = NULL;
  gint64 source = annotate (f->project, f->doc, "source_mention", 0, 4);
  gint64 claim = annotate (f->project, f->doc, "claim", 15, 52);

  g_assert_true (hearsay_project_add_entity (f->project, sana, &error));
  g_assert_cmpint (hearsay_project_link_entity (f->project, "refers_to", source, hearsay_entity_get_id (sana), &error), >, 0);
  g_assert_cmpint (hearsay_project_create_relation (f->project, "attributed_to", claim, source, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (hearsay_export_project_to_path (f->project, HEARSAY_EXPORT_JSONL, NULL, out1, NULL, &error));
  copy = hearsay_project_create (path2, &error);
  g_assert_true (core_test_import_jsonl (copy, out1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hearsay_export_project_to_path (copy, HEARSAY_EXPORT_JSONL, NULL, out2, NULL, &error));
  g_file_get_contents (out1, &a, NULL, NULL);
  g_file_get_contents (out2, &b, NULL, NULL);
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "\"entities\":[{\"id\":1,\"name\":\"SANA\",\"kind\":\"state_news_agency\""));

  /* Importing again reuses the entity of the same name and kind. */
  g_assert_true (core_test_import_jsonl (copy, out1, NULL, &error));
  {
    g_autoptr(GPtrArray) entities = hearsay_project_list_entities (copy, &error);

    g_assert_cmpuint (entities->len, ==, 1);
  }
  g_clear_object (&copy);
  g_unlink (path2);
}

int
main (int   argc,
      char *argv[])
{
  core_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/workbench/relation-rules", test_relation_rules);
  ADD ("/workbench/cross-document", test_cross_document);
  ADD ("/workbench/entities", test_entities);
  ADD ("/workbench/undo-redo-restart", test_undo_redo_restart);
  ADD ("/workbench/signals", test_signals);
  ADD ("/workbench/scheme-edit", test_scheme_edit);
  ADD ("/workbench/migration-v1", test_migration_v1);
  ADD ("/workbench/jsonl-entities", test_jsonl_entities);
#undef ADD

  return g_test_run ();
}
