/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-compare-layers.c: the outlet comparison counted on one layer (a
 * coder's, the gold one, the blind coder's own), with every layer's
 * boilerplate still excluded and nothing written; and the reliability of
 * its figures across coders (α over the outlets), checked by hand. */
#include <math.h>
#include <string.h>

#include "hearsay-agreement-stats.h"
#include "hearsay-compare.h"
#include "hearsay-error.h"
#include "core-test-team.h"
#include "core-test-util.h"

static double
value (HearsayComparison *c,
       const char        *section,
       const char        *row,
       const char        *outlet)
{
  const HearsayComparisonCell *cell = hearsay_comparison_lookup (c, section, row, outlet);

  g_assert_nonnull (cell);
  return cell->value;
}

static HearsayComparison *
compare (HearsayProject *project,
         const char     *layer)
{
  g_autoptr(GError) error = NULL;
  HearsayComparison *c = hearsay_comparison_new_for_layer (project, layer, NULL, 0, 0, &error);

  g_assert_no_error (error);
  return c;
}

static HearsayComparison *
compare_all_documents (HearsayProject *project,
                       const char     *layer,
                       CoreTestTeam   *team)
{
  g_autoptr(GError) error = NULL;
  const gint64 ids[] = { team->doc1, team->doc2 };
  HearsayComparison *c = hearsay_comparison_new_for_layer (project, layer, ids, 2, 0, &error);

  g_assert_no_error (error);
  return c;
}

static void
test_layer (void)
{
  CoreTestTeam team;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayComparison) all = NULL;
  g_autoptr(HearsayComparison) ana = NULL;
  g_autoptr(HearsayComparison) ben = NULL;
  g_autoptr(HearsayComparison) blind = NULL;
  g_autoptr(HearsayProject) read_only = NULL;
  g_autoptr(HearsayComparison) ro = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  core_test_team_build (&team, "compare-layers.hearsay");
  all = compare_all_documents (team.project, NULL, &team);
  ana = compare_all_documents (team.project, "ana", &team);
  ben = compare_all_documents (team.project, "ben", &team);
  g_assert_cmpstr (hearsay_comparison_get_layer (ana), ==, "ana");
  g_assert_cmpfloat (value (all, "attribution", "claims", "RT"), ==, 3);
  g_assert_cmpfloat (value (ana, "attribution", "claims", "RT"), ==, 1);
  g_assert_cmpfloat (value (ben, "attribution", "claims", "RT"), ==, 2);
  /* ana's claim is attributed to an anonymous source; ben linked none. */
  g_assert_cmpfloat (value (ana, "attribution", "anonymous_or_described_share", "RT"), ==, 1);
  g_assert_cmpfloat (value (ben, "attribution", "attributed_share", "RT"), ==, 0);
  /* The importer's furniture is excluded from every layer's words. */
  g_assert_cmpfloat (value (ana, "size", "words", "RT"), ==, value (all, "size", "words", "RT"));

  /* Nothing of the project was written; a read-only file works too. */
  g_clear_object (&team.project);
  before = core_test_file_sha256 (team.path);
  read_only = hearsay_project_open (team.path, HEARSAY_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  ro = compare_all_documents (read_only, "cleo", &team);
  g_assert_cmpfloat (value (ro, "attribution", "claims", "SANA"), ==, 1);
  g_clear_object (&read_only);
  after = core_test_file_sha256 (team.path);
  g_assert_cmpstr (before, ==, after);

  team.project = hearsay_project_open (team.path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  g_assert_null (hearsay_comparison_new_for_layer (team.project, "zed", NULL, 0, 0, &error));
  g_assert_nonnull (strstr (error->message, "“zed”"));
  g_clear_error (&error);

  /* In blind mode the comparison is the coder's own. */
  g_assert_true (hearsay_project_set_blind_coder (team.project, "ben", &error));
  blind = compare_all_documents (team.project, NULL, &team);
  g_assert_cmpfloat (value (blind, "attribution", "claims", "RT"), ==, 2);
  core_test_team_clear (&team);
}

static void
test_reliability (void)
{
  CoreTestTeam team;
  g_autoptr(GError) error = NULL;
  g_autoptr(HearsayComparisonReliability) r = NULL;
  g_autoptr(HearsayComparison) c = NULL;
  g_autoptr(GOutputStream) html = g_memory_output_stream_new_resizable ();
  const HearsayReliabilityRow *row;
  g_autofree char *page = NULL;

  core_test_team_build (&team, "compare-reliability.hearsay");
  r = hearsay_comparison_reliability_new (team.project, NULL, (const gint64[]) { team.doc1, team.doc2 }, 2, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hearsay_comparison_reliability_get_n_coders (r), ==, 3);
  g_assert_cmpuint (hearsay_comparison_reliability_get_n_outlets (r), ==, 2);
  /* Claims per outlet: RT 1, 2, 0 and SANA 1, 1, 1 (ana, ben, cleo):
   * D_o = 1, D_e = 0.8, α = −0.25. */
  row = hearsay_comparison_reliability_lookup (r, "attribution", "claims");
  g_assert_nonnull (row);
  g_assert_true (row->defined);
  g_assert_cmpfloat_with_epsilon (row->alpha, -0.25, 1e-9);
  g_assert_cmpfloat (row->max_difference, ==, 2);
  for (guint i = 0; i < hearsay_comparison_reliability_get_n_rows (r); i++)
    {
      row = hearsay_comparison_reliability_get_row (r, i);
      g_assert_true (row->defined || row->note != NULL);
      g_assert_true (isfinite (row->alpha));
    }

  /* In the HTML report, beside the comparison. */
  c = compare (team.project, NULL);
  hearsay_comparison_set_reliability (c, r);
  g_assert_true (hearsay_comparison_write_html_report (c, html, &error));
  g_output_stream_write_all (html, "", 1, NULL, NULL, NULL);
  g_output_stream_close (html, NULL, NULL);
  page = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (html));
  g_assert_nonnull (strstr (page, "Reliability of the figures across coders"));
  g_assert_null (strstr (page, "nan"));

  /* Fewer than two coders: a message. */
  g_clear_object (&r);
  r = hearsay_comparison_reliability_new (team.project, (const char *[]) { "ana", NULL }, NULL, 0, 0, &error);
  g_assert_null (r);
  g_assert_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_TOO_FEW_CODERS);
  core_test_team_clear (&team);
}

int
main (int   argc,
      char *argv[])
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/compare-layers/layer", test_layer);
  g_test_add_func ("/compare-layers/reliability", test_reliability);
  return g_test_run ();
}
