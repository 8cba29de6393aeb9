/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-team.c: coders and layers, blind mode, the schema step that gives
 * old projects their stable ids, blind copies and what they leave out. */
#include <string.h>
#include <sqlite3.h>

#include "hearsay-error.h"
#include "hearsay-export.h"
#include "core-test-team.h"
#include "core-test-util.h"

static HearsayCoder *
find (GPtrArray  *coders,
      const char *name)
{
  for (guint i = 0; i < coders->len; i++)
    if (g_strcmp0 (hearsay_coder_get_name (g_ptr_array_index (coders, i)), name) == 0)
      return g_ptr_array_index (coders, i);
  return NULL;
}

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

static void
test_coders (void)
{
  CoreTestTeam team;
  g_autoptr(GPtrArray) coders = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayCoder) dora = NULL;
  g_autoptr(GPtrArray) layer = NULL;
  g_autofree char *gold = NULL;
  int changed = 0;

  core_test_team_build (&team, "coders.hearsay");
  g_signal_connect_swapped (team.project, "coders-changed", G_CALLBACK (g_atomic_int_inc), &changed);

  /* The coders are the annotators present, each with a colour. */
  coders = hearsay_project_list_coders (team.project, &error);
  g_assert_no_error (error);
  g_assert_nonnull (find (coders, "ana"));
  g_assert_cmpuint (hearsay_coder_get_n_annotations (find (coders, "ana")), ==, 4);
  g_assert_cmpuint (hearsay_coder_get_n_annotations (find (coders, "ben")), ==, 5);
  g_assert_cmpint (hearsay_coder_get_role (find (coders, "importer")), ==, HEARSAY_CODER_ROLE_AUTO);
  g_assert_cmpint (hearsay_coder_get_role (find (coders, "ana")), ==, HEARSAY_CODER_ROLE_CODER);
  for (guint i = 0; i < coders->len; i++)
    g_assert_true (hearsay_coder_color_is_valid (hearsay_coder_get_color (g_ptr_array_index (coders, i))));
  g_assert_cmpstr (hearsay_coder_get_color (find (coders, "ana")), !=,
                   hearsay_coder_get_color (find (coders, "ben")));

  /* Added, recoloured, renamed: the layer follows the name. */
  dora = hearsay_project_add_coder (team.project, "dora", "#112233", HEARSAY_CODER_ROLE_CODER, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearsay_coder_get_id (dora), >, 0);
  g_assert_true (hearsay_project_set_coder_color (team.project, "ana", "#aa0011", &error));
  g_assert_true (hearsay_project_rename_coder (team.project, "ben", "benoît", &error));
  g_assert_no_error (error);
  layer = hearsay_project_list_layer_annotations (team.project, 0, "benoît", &error);
  g_assert_cmpuint (layer->len, ==, 5);
  g_assert_cmpstr (hearsay_annotation_get_annotator (g_ptr_array_index (layer, 0)), ==, "benoît");
  g_clear_pointer (&coders, g_ptr_array_unref);
  coders = hearsay_project_list_coders (team.project, &error);
  g_assert_cmpstr (hearsay_coder_get_color (find (coders, "ana")), ==, "#aa0011");
  g_assert_null (find (coders, "ben"));
  g_assert_cmpint (changed, ==, 3);

  /* Refused, and said. */
  g_assert_null (hearsay_project_add_coder (team.project, "ana", NULL, HEARSAY_CODER_ROLE_CODER, &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "“ana”"));
  g_clear_error (&error);
  g_assert_false (hearsay_project_rename_coder (team.project, "ana", "cleo", &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (hearsay_project_set_coder_color (team.project, "ana", "red", &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "#rrggbb"));
  g_clear_error (&error);
  g_assert_null (hearsay_project_add_coder (team.project, " padded", NULL, HEARSAY_CODER_ROLE_CODER, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_false (hearsay_project_rename_coder (team.project, "nobody", "x", &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* One gold layer, made on demand. */
  g_assert_null (hearsay_project_dup_gold_coder (team.project));
  gold = hearsay_project_ensure_gold_coder (team.project, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gold, ==, HEARSAY_CODER_GOLD_NAME);
  g_clear_pointer (&gold, g_free);
  gold = hearsay_project_ensure_gold_coder (team.project, &error);
  g_assert_cmpstr (gold, ==, HEARSAY_CODER_GOLD_NAME);
  g_assert_null (hearsay_project_add_coder (team.project, "gold2", NULL, HEARSAY_CODER_ROLE_GOLD, &error));
  g_assert_error (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "gold"));
  core_test_team_clear (&team);
}

static void
test_layers (void)
{
  CoreTestTeam team;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayLayerRows) rows = NULL;
  g_autoptr(GArray) spans = NULL;
  const char * const ana[] = { "ana", NULL };
  g_autoptr(GArray) selection = NULL;
  guint n_values = 0;

  core_test_team_build (&team, "layers.hearsay");
  /* Spans say whose they are. */
  spans = hearsay_project_list_spans (team.project, team.doc1, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < spans->len; i++)
    g_assert_nonnull (g_array_index (spans, HearsaySpan, i).annotator);

  rows = hearsay_project_read_layers (team.project, NULL, 0, ana, HEARSAY_LAYER_READ_VALUES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->coders->len, ==, 1);
  g_assert_cmpuint (rows->documents->len, ==, 2);
  g_assert_cmpuint (rows->fragments->len, ==, 4);
  g_assert_nonnull (hearsay_layer_rows_get_values (rows, team.ana_claim, &n_values));
  g_assert_cmpuint (n_values, ==, 1);
  g_assert_cmpstr (hearsay_layer_rows_get_values (rows, team.ana_claim, &n_values)->value, ==, "unverified");
  g_clear_pointer (&rows, hearsay_layer_rows_free);
  rows = hearsay_project_read_layers (team.project, NULL, 0, (const char *[]) { "zed", NULL }, HEARSAY_LAYER_READ_SPANS, &error);
  g_assert_null (rows);
  g_assert_nonnull (strstr (error->message, "“zed”"));
  g_clear_error (&error);

  /* A selection by outlet; "" is the documents without one. */
  selection = hearsay_project_select_documents (team.project, NULL, 0, 0, "SANA", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (selection->len, ==, 1);
  g_assert_cmpint (g_array_index (selection, gint64, 0), ==, team.doc2);
  g_clear_pointer (&selection, g_array_unref);
  selection = hearsay_project_select_documents (team.project, NULL, 0, 0, "", &error);
  g_assert_cmpuint (selection->len, ==, 0);
  g_clear_pointer (&selection, g_array_unref);
  g_assert_null (hearsay_project_select_documents (team.project, NULL, 0, 42, NULL, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The view's layers filter nothing by themselves. */
  hearsay_project_set_visible_layers (team.project, ana);
  g_assert_true (hearsay_project_layer_is_visible (team.project, "ana"));
  g_assert_false (hearsay_project_layer_is_visible (team.project, "ben"));
  {
    g_autoptr(GPtrArray) all = hearsay_project_list_annotations (team.project, team.doc1, &error);

    g_assert_cmpuint (all->len, ==, 6);
  }
  hearsay_project_set_visible_layers (team.project, NULL);
  g_assert_true (hearsay_project_layer_is_visible (team.project, "ben"));
  core_test_team_clear (&team);
}

static guint
count_annotations (HearsayProject *project,
                   gint64          doc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = hearsay_project_list_annotations (project, doc, &error);

  g_assert_no_error (error);
  return list->len;
}

static void
test_blind (void)
{
  CoreTestTeam team;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(HearsayAnnotation) hidden = NULL;
  g_autoptr(HearsayLayerRows) rows = NULL;
  g_autofree char *jsonl = NULL;
  gint64 mine;

  core_test_team_build (&team, "blind.hearsay");
  g_assert_true (hearsay_project_set_blind_coder (team.project, "ana", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_project_get_blind_coder (team.project), ==, "ana");
  /* ana's two and the importer's furniture. */
  g_assert_cmpuint (count_annotations (team.project, team.doc1), ==, 3);
  spans = hearsay_project_list_spans (team.project, team.doc1, &error);
  g_assert_cmpuint (spans->len, ==, 3);
  hidden = hearsay_project_get_annotation (team.project, team.ben_claim, &error);
  g_assert_null (hidden);
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  relations = hearsay_project_list_relations (team.project, team.doc1, &error);
  g_assert_cmpuint (relations->len, ==, 1);
  jsonl = core_test_export (team.project, HEARSAY_EXPORT_JSONL, FALSE);
  g_assert_null (strstr (jsonl, "\"ben\""));
  g_assert_nonnull (strstr (jsonl, "\"ana\""));
  rows = hearsay_project_read_layers (team.project, NULL, 0, NULL, HEARSAY_LAYER_READ_SPANS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hearsay_layer_rows_find_coder (rows, "ben"), ==, -1);
  g_assert_null (hearsay_project_read_layers (team.project, NULL, 0, (const char *[]) { "ben", NULL }, HEARSAY_LAYER_READ_SPANS, &error));
  g_assert_nonnull (strstr (error->message, "blind"));
  g_clear_error (&error);

  /* Nothing goes into another coder's layer. */
  {
    g_autoptr(HearsayAnnotation) ann = hearsay_annotation_new (team.doc2, "claim");

    hearsay_annotation_add_fragment (ann, 0, 3);
    hearsay_annotation_set_annotator (ann, "ben");
    g_assert_false (hearsay_project_create_annotation (team.project, ann, &error));
    g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE);
    g_assert_nonnull (strstr (error->message, "ben"));
    g_clear_error (&error);
  }

  /* What the coder adds is theirs; blind mode survives a restart. */
  mine = core_test_team_annotate (team.project, NULL, team.doc2, "claim", 0, 3, NULL, NULL);
  g_clear_object (&team.project);
  team.project = hearsay_project_open (team.path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hearsay_project_get_blind_coder (team.project), ==, "ana");
  g_assert_cmpstr (hearsay_project_get_annotator (team.project), ==, "ana");
  {
    g_autoptr(HearsayAnnotation) ann = hearsay_project_get_annotation (team.project, mine, &error);

    g_assert_cmpstr (hearsay_annotation_get_annotator (ann), ==, "ana");
  }
  g_assert_false (hearsay_project_set_blind_coder (team.project, "importer", &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  g_assert_true (hearsay_project_set_blind_coder (team.project, NULL, &error));
  g_assert_null (hearsay_project_get_blind_coder (team.project));
  g_assert_cmpuint (count_annotations (team.project, team.doc1), ==, 6);
  core_test_team_clear (&team);
}

/* A project of schema 5 gets stable ids for what it holds. */
static void
test_migration (void)
{
  CoreTestTeam team;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) anns = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) coders = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  core_test_team_build (&team, "schema5.hearsay");
  g_clear_object (&team.project);
  /* Back to schema 5, on the file or on the server: the same step 6 then
   * runs on open. */
  if (core_test_backend_is_server ())
    core_test_server_exec (team.path,
                           "DROP TABLE team_base; DROP TABLE curation_rejected;"
                           "ALTER TABLE document DROP COLUMN uuid; ALTER TABLE annotation DROP COLUMN uuid;"
                           "ALTER TABLE relation DROP COLUMN uuid; ALTER TABLE entity DROP COLUMN uuid;"
                           "DROP INDEX annotation_annotator;"
                           "ALTER TABLE annotator DROP COLUMN color; ALTER TABLE annotator DROP COLUMN role;"
                           "DELETE FROM meta WHERE key = 'project_uuid'; UPDATE hearsay_format SET version = 5;");
  else
  raw_exec (team.path, "DROP TABLE team_base; DROP TABLE curation_rejected;"
            "DROP INDEX document_uuid; DROP INDEX annotation_uuid; DROP INDEX relation_uuid;"
            "DROP INDEX entity_uuid; DROP INDEX annotator_gold; DROP INDEX annotation_annotator;"
            "ALTER TABLE document DROP COLUMN uuid; ALTER TABLE annotation DROP COLUMN uuid;"
            "ALTER TABLE relation DROP COLUMN uuid; ALTER TABLE entity DROP COLUMN uuid;"
            "ALTER TABLE annotator DROP COLUMN color; ALTER TABLE annotator DROP COLUMN role;"
            "DELETE FROM meta WHERE key = 'project_uuid'; PRAGMA user_version = 5;");
  team.project = hearsay_project_open (team.path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (hearsay_project_get_uuid (team.project)));
  anns = hearsay_project_list_annotations (team.project, team.doc1, &error);
  for (guint i = 0; i < anns->len; i++)
    {
      const char *uuid = hearsay_annotation_get_uuid (g_ptr_array_index (anns, i));

      g_assert_true (g_uuid_string_is_valid (uuid));
      g_assert_false (g_hash_table_contains (seen, uuid));
      g_hash_table_add (seen, (gpointer) uuid);
    }
  docs = hearsay_project_list_documents (team.project, &error);
  g_assert_true (g_uuid_string_is_valid (hearsay_document_get_uuid (g_ptr_array_index (docs, 0))));
  coders = hearsay_project_list_coders (team.project, &error);
  g_assert_cmpint (hearsay_coder_get_role (find (coders, "importer")), ==, HEARSAY_CODER_ROLE_AUTO);
  core_test_team_clear (&team);
}

/* Undo gives a deleted annotation back its stable id. */
static void
test_undo_keeps_identity (void)
{
  CoreTestTeam team;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayAnnotation) before = NULL;
  g_autoptr(HearsayAnnotation) after = NULL;
  g_autoptr(HearsayAnnotation) redone = NULL;
  gint64 id;

  core_test_team_build (&team, "undo-uuid.hearsay");
  before = hearsay_project_get_annotation (team.project, team.ana_claim, &error);
  g_assert_true (hearsay_project_delete_annotation (team.project, team.ana_claim, &error));
  g_assert_true (hearsay_project_undo (team.project, team.doc1, NULL, &error));
  g_assert_no_error (error);
  after = hearsay_project_get_annotation (team.project, team.ana_claim, &error);
  g_assert_cmpstr (hearsay_annotation_get_uuid (after), ==, hearsay_annotation_get_uuid (before));
  {
    g_autoptr(GPtrArray) relations = hearsay_project_list_annotation_relations (team.project, team.ana_claim, &error);

    g_assert_cmpuint (relations->len, ==, 1);
    g_assert_true (g_uuid_string_is_valid (((HearsayRelation *) g_ptr_array_index (relations, 0))->uuid));
  }
  /* An annotation made, undone and redone keeps the id it was made with. */
  id = core_test_team_annotate (team.project, "ana", team.doc2, "claim", 0, 3, NULL, NULL);
  g_clear_object (&before);
  before = hearsay_project_get_annotation (team.project, id, &error);
  g_assert_true (hearsay_project_undo (team.project, team.doc2, NULL, &error));
  g_assert_true (hearsay_project_redo (team.project, team.doc2, NULL, &error));
  g_assert_no_error (error);
  redone = hearsay_project_get_annotation (team.project, id, &error);
  g_assert_cmpstr (hearsay_annotation_get_uuid (redone), ==, hearsay_annotation_get_uuid (before));
  core_test_team_clear (&team);
}

static void
test_export_layers (void)
{
  CoreTestTeam team;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  const char * const ben[] = { "ben", NULL };
  HearsayExportOptions options = { NULL };
  g_autofree char *csv = NULL;

  core_test_team_build (&team, "export-layers.hearsay");
  options.layers = ben;
  g_assert_true (hearsay_export_project (team.project, HEARSAY_EXPORT_CSV, &options, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  csv = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_nonnull (strstr (csv, "ben"));
  g_assert_null (strstr (csv, ",ana,"));
  g_assert_null (strstr (csv, "importer"));
  core_test_team_clear (&team);
}

int
main (int   argc,
      char *argv[])
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/team/coders", test_coders);
  g_test_add_func ("/team/layers", test_layers);
  g_test_add_func ("/team/blind", test_blind);
  g_test_add_func ("/team/migration", test_migration);
  g_test_add_func ("/team/undo-keeps-identity", test_undo_keeps_identity);
  g_test_add_func ("/team/export-layers", test_export_layers);
  return g_test_run ();
}
