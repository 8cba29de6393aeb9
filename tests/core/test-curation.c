/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-curation.c: curating a document into its gold layer — units and
 * their states, accepting a version (with its relations), all agreed ones
 * at once, rejecting, undecided again; each step one undoable edit; the
 * progress of every document; the gold layer as a layer like the others. */
#include <string.h>

#include "hearsay-agreement-report.h"
#include "hearsay-curation.h"
#include "hearsay-error.h"
#include "hearsay-export.h"
#include "core-test-team.h"
#include "core-test-util.h"

static HearsayCuration *
curate (CoreTestTeam *team,
        gint64        document)
{
  g_autoptr(GError) error = NULL;
  HearsayCuration *c = hearsay_curation_new (team->project, document, NULL, &error);

  g_assert_no_error (error);
  return c;
}

static guint
gold_size (CoreTestTeam *team,
           gint64        document)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) layer = hearsay_project_list_layer_annotations (team->project, document,
                                                                        HEARSAY_CODER_GOLD_NAME, &error);

  g_assert_no_error (error);
  return layer->len;
}

static void
add_agreed_cue (CoreTestTeam *team)
{
  gint64 start, end;

  core_test_team_span (core_test_team_french, "a déclaré", &start, &end);
  core_test_team_annotate (team->project, "ana", team->doc1, "attribution_cue", start, end, "cue_kind", "speech_verb");
  core_test_team_annotate (team->project, "ben", team->doc1, "attribution_cue", start, end, "cue_kind", "speech_verb");
}

static void
test_units (void)
{
  CoreTestTeam team;
  g_autoptr(HearsayCuration) c = NULL;
  HearsayCurationProgress progress;
  const HearsayCurationUnit *unit;
  int u;

  core_test_team_build (&team, "curation-units.hearsay");
  add_agreed_cue (&team);
  c = curate (&team, team.doc1);
  /* cleo marked nothing in this document: ana and ben are its coders. */
  g_assert_cmpuint (hearsay_curation_get_n_coders (c), ==, 2);
  g_assert_cmpstr (hearsay_curation_get_coder (c, 0), ==, "ana");
  g_assert_cmpuint (hearsay_curation_get_n_units (c), ==, 4);
  hearsay_curation_get_progress (c, &progress);
  g_assert_cmpuint (progress.n_agreed, ==, 1);
  g_assert_cmpuint (progress.n_disagreed, ==, 3);
  g_assert_cmpuint (progress.n_accepted + progress.n_rejected, ==, 0);

  /* The sources: one unit, two spans. */
  u = hearsay_curation_find_unit (c, team.ana_source);
  g_assert_cmpint (u, ==, hearsay_curation_find_unit (c, team.ben_source));
  unit = hearsay_curation_get_unit (c, u);
  g_assert_cmpint (unit->state, ==, HEARSAY_CURATION_DISAGREED);
  g_assert_cmpuint (unit->kinds, ==, HEARSAY_AGREEMENT_SPAN);
  g_assert_cmpuint (unit->n_versions, ==, 2);
  /* The claims differ in their status. */
  unit = hearsay_curation_get_unit (c, hearsay_curation_find_unit (c, team.ana_claim));
  g_assert_cmpuint (unit->kinds, ==, HEARSAY_AGREEMENT_ATTRIBUTE);
  g_assert_cmpstr (unit->versions[1].values, ==, "status=disputed");
  /* ben's claim alone. */
  unit = hearsay_curation_get_unit (c, hearsay_curation_find_unit (c, team.ben_extra));
  g_assert_cmpuint (unit->kinds, ==, HEARSAY_AGREEMENT_UNMARKED);
  /* Next disagreement, wrapping around. */
  g_assert_cmpint (hearsay_curation_next_unit (c, -1, HEARSAY_CURATION_DISAGREED), ==, 0);
  g_assert_cmpint (hearsay_curation_next_unit (c, 3, HEARSAY_CURATION_DISAGREED), ==, 0);
  g_assert_cmpint (hearsay_curation_next_unit (c, -1, HEARSAY_CURATION_ACCEPTED), ==, -1);
  core_test_team_clear (&team);
}

static void
test_accept (void)
{
  CoreTestTeam team;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayCuration) c = NULL;
  g_autofree char *undo = NULL;
  HearsayCurationProgress progress;
  guint n = 0;
  int claim, source;

  core_test_team_build (&team, "curation-accept.hearsay");
  add_agreed_cue (&team);
  c = curate (&team, team.doc1);

  /* All agreed units, one edit, undone and redone. */
  g_assert_true (hearsay_curation_accept_agreed (c, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (gold_size (&team, team.doc1), ==, 1);
  undo = hearsay_project_dup_undo_label (team.project, team.doc1);
  g_assert_cmpstr (undo, ==, "Accept Agreed");
  g_assert_true (hearsay_project_undo (team.project, team.doc1, NULL, &error));
  g_assert_cmpuint (gold_size (&team, team.doc1), ==, 0);
  g_assert_true (hearsay_project_redo (team.project, team.doc1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hearsay_curation_reload (c, &error));
  hearsay_curation_get_progress (c, &progress);
  g_assert_cmpuint (progress.n_accepted, ==, 1);
  g_assert_cmpuint (progress.n_agreed, ==, 0);
  g_assert_true (hearsay_curation_accept_agreed (c, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  /* ana's claim, then ana's source: the relation between them comes along. */
  claim = hearsay_curation_find_unit (c, team.ana_claim);
  g_assert_true (hearsay_curation_accept (c, claim, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&undo, g_free);
  undo = hearsay_project_dup_undo_label (team.project, team.doc1);
  g_assert_cmpstr (undo, ==, "Accept ana’s Version");
  source = hearsay_curation_find_unit (c, team.ana_source);
  g_assert_true (hearsay_curation_accept (c, source, 0, &error));
  g_assert_no_error (error);
  {
    const HearsayCurationUnit *unit = hearsay_curation_get_unit (c, hearsay_curation_find_unit (c, team.ana_claim));
    g_autoptr(GPtrArray) relations = hearsay_project_list_annotation_relations (team.project, unit->gold_id, &error);
    g_autoptr(HearsayAnnotation) gold = hearsay_project_get_annotation (team.project, unit->gold_id, &error);

    g_assert_cmpint (unit->state, ==, HEARSAY_CURATION_ACCEPTED);
    g_assert_cmpstr (hearsay_annotation_get_annotator (gold), ==, HEARSAY_CODER_GOLD_NAME);
    g_assert_cmpstr (hearsay_annotation_get_attribute (gold, "status"), ==, "unverified");
    g_assert_cmpuint (relations->len, ==, 1);
    g_assert_cmpstr (((HearsayRelation *) g_ptr_array_index (relations, 0))->annotator, ==, HEARSAY_CODER_GOLD_NAME);
  }

  /* ben's claim instead: it replaces ana's in the gold layer. */
  claim = hearsay_curation_find_unit (c, team.ana_claim);
  g_assert_true (hearsay_curation_accept (c, claim, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (gold_size (&team, team.doc1), ==, 3);
  {
    const HearsayCurationUnit *unit = hearsay_curation_get_unit (c, hearsay_curation_find_unit (c, team.ana_claim));
    g_autoptr(HearsayAnnotation) gold = hearsay_project_get_annotation (team.project, unit->gold_id, &error);

    g_assert_cmpstr (hearsay_annotation_get_attribute (gold, "status"), ==, "disputed");
  }
  /* Undoing the replacement brings ana's version back, with its relation. */
  g_assert_true (hearsay_project_undo (team.project, team.doc1, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hearsay_curation_reload (c, &error));
  {
    const HearsayCurationUnit *unit = hearsay_curation_get_unit (c, hearsay_curation_find_unit (c, team.ana_claim));
    g_autoptr(GPtrArray) relations = hearsay_project_list_annotation_relations (team.project, unit->gold_id, &error);

    g_assert_cmpuint (relations->len, ==, 1);
  }

  /* Rejected, then undecided again. */
  {
    int extra = hearsay_curation_find_unit (c, team.ben_extra);

    g_assert_true (hearsay_curation_reject (c, extra, &error));
    g_assert_cmpint (hearsay_curation_get_unit (c, hearsay_curation_find_unit (c, team.ben_extra))->state, ==,
                     HEARSAY_CURATION_REJECTED);
    g_assert_true (hearsay_curation_reset (c, hearsay_curation_find_unit (c, team.ben_extra), &error));
    g_assert_no_error (error);
    g_assert_cmpint (hearsay_curation_get_unit (c, hearsay_curation_find_unit (c, team.ben_extra))->state, ==,
                     HEARSAY_CURATION_DISAGREED);
    g_assert_true (hearsay_curation_reject (c, hearsay_curation_find_unit (c, team.ben_extra), &error));
  }
  hearsay_curation_get_progress (c, &progress);
  g_assert_cmpuint (progress.n_disagreed, ==, 0);
  g_assert_cmpuint (progress.n_accepted, ==, 3);
  g_assert_cmpuint (progress.n_rejected, ==, 1);

  /* Refusals. */
  g_assert_false (hearsay_curation_accept (c, 99, 0, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (hearsay_curation_accept (c, hearsay_curation_find_unit (c, team.ben_extra), 0, &error));
  g_assert_nonnull (strstr (error->message, "ana"));
  core_test_team_clear (&team);
}

static void
test_gold_is_a_layer (void)
{
  CoreTestTeam team;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayCuration) c = NULL;
  g_autoptr(GArray) progress = NULL;
  g_autoptr(HearsayAgreementReport) r = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  HearsayAgreementQuery query = { NULL };
  HearsayExportOptions options = { NULL };
  const char * const gold[] = { HEARSAY_CODER_GOLD_NAME, NULL };
  g_autofree char *jsonl = NULL;

  core_test_team_build (&team, "curation-gold.hearsay");
  c = curate (&team, team.doc1);
  for (guint u = 0; u < hearsay_curation_get_n_units (c); u++)
    g_assert_true (hearsay_curation_accept (c, u, hearsay_curation_get_unit (c, u)->versions[0].coder, &error));
  g_assert_no_error (error);

  /* Progress of every document. */
  progress = hearsay_curation_list_progress (team.project, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (progress->len, ==, 2);
  g_assert_cmpuint (g_array_index (progress, HearsayCurationProgress, 0).n_accepted, ==, 3);
  g_assert_cmpuint (g_array_index (progress, HearsayCurationProgress, 0).n_disagreed, ==, 0);
  g_assert_cmpuint (g_array_index (progress, HearsayCurationProgress, 1).n_disagreed, ==, 2);

  /* Coders against gold. */
  query.document_ids = &team.doc1;
  query.n_documents = 1;
  query.gold = TRUE;
  r = hearsay_agreement_report_new (team.project, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hearsay_agreement_report_get_n_coders (r), ==, 3);
  g_assert_true (hearsay_agreement_report_coder_is_gold (r, 2));
  g_assert_nonnull (hearsay_agreement_report_lookup (r, HEARSAY_AGREEMENT_MEASURE_SPAN_EXACT, 0, NULL, NULL, 0, 2));

  /* Exported alone. */
  options.layers = gold;
  g_assert_true (hearsay_export_project (team.project, HEARSAY_EXPORT_JSONL, &options, out, NULL, &error));
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  jsonl = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_nonnull (strstr (jsonl, "\"annotator\":\"gold\""));
  g_assert_null (strstr (jsonl, "\"annotator\":\"ana\""));

  /* Not in blind mode. */
  g_assert_true (hearsay_project_set_blind_coder (team.project, "ana", &error));
  g_assert_null (hearsay_curation_new (team.project, team.doc1, NULL, &error));
  g_assert_nonnull (strstr (error->message, "blind"));
  core_test_team_clear (&team);
}

int
main (int   argc,
      char *argv[])
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/curation/units", test_units);
  g_test_add_func ("/curation/accept", test_accept);
  g_test_add_func ("/curation/gold-is-a-layer", test_gold_is_a_layer);
  return g_test_run ();
}
