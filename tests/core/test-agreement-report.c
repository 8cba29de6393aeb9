/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-agreement-report.c: agreement on a project's layers — the units the
 * coders' annotations align into, the figures worked out by hand for the
 * three-coder fixture, the confusion tables and the disagreements, and the
 * cases without a number: fewer than two coders, a label nobody used, one
 * value everywhere — said, and never NaN in any format. */
#include <math.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "hearsay-agreement-report.h"
#include "hearsay-agreement-stats.h"
#include "hearsay-error.h"
#include "core-test-team.h"
#include "core-test-util.h"

enum { ANA, BEN, CLEO };

static HearsayAgreementReport *
report (CoreTestTeam                *team,
        const HearsayAgreementQuery *query)
{
  g_autoptr(GError) error = NULL;
  HearsayAgreementReport *r = hearsay_agreement_report_new (team->project, query, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

static const HearsayAgreementFigure *
figure (HearsayAgreementReport  *r,
        HearsayAgreementMeasure  measure,
        const char              *label,
        const char              *attribute,
        int                      a,
        int                      b)
{
  const HearsayAgreementFigure *f = hearsay_agreement_report_lookup (r, measure, 0, label, attribute, a, b);

  if (f == NULL)
    g_error ("no %s figure of %s.%s (%d, %d)", hearsay_agreement_measure_to_string (measure),
             label ? label : "*", attribute ? attribute : "*", a, b);
  return f;
}

static void
assert_value (const HearsayAgreementFigure *f,
              double                        expected)
{
  if (!f->defined)
    g_error ("%s is undefined: %s", hearsay_agreement_measure_to_string (f->measure), f->note);
  g_assert_cmpfloat_with_epsilon (f->value, expected, 1e-4);
}

static void
assert_undefined (const HearsayAgreementFigure *f,
                  const char                   *words)
{
  g_assert_false (f->defined);
  g_assert_nonnull (f->note);
  if (strstr (f->note, words) == NULL)
    g_error ("“%s” is not in: %s", words, f->note);
}

static char *
written (HearsayAgreementReport *r,
         HearsayAgreementFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_true (hearsay_agreement_report_write (r, format, out, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static void
assert_no_nan (HearsayAgreementReport *r)
{
  for (HearsayAgreementFormat format = HEARSAY_AGREEMENT_FORMAT_CSV; format <= HEARSAY_AGREEMENT_FORMAT_MARKDOWN; format++)
    {
      g_autofree char *text = written (r, format);
      g_autofree char *lower = g_ascii_strdown (text, -1);

      g_assert_null (strstr (lower, "nan"));
      g_assert_null (strstr (lower, "inf"));
    }
  {
    g_autoptr(GString) html = g_string_new (NULL);
    g_autofree char *lower = NULL;

    hearsay_agreement_report_append_html (r, html);
    lower = g_ascii_strdown (html->str, -1);
    g_assert_null (strstr (lower, "nan"));
  }
  for (guint i = 0; i < hearsay_agreement_report_get_n_figures (r); i++)
    {
      const HearsayAgreementFigure *f = hearsay_agreement_report_get_figure (r, i);

      g_assert_true (isfinite (f->value));
      g_assert_true (f->defined || f->note != NULL);
    }
}

static void
test_figures (void)
{
  CoreTestTeam team;
  HearsayAgreementQuery query = { NULL };
  g_autoptr(HearsayAgreementReport) r = NULL;
  const HearsayAgreementFigure *f;

  core_test_team_build (&team, "agreement.hearsay");
  r = report (&team, &query);
  /* The coders who coded, not the importer's furniture. */
  g_assert_cmpuint (hearsay_agreement_report_get_n_coders (r), ==, 3);
  g_assert_cmpstr (hearsay_agreement_report_get_coder (r, ANA), ==, "ana");
  g_assert_cmpstr (hearsay_agreement_report_get_coder (r, CLEO), ==, "cleo");
  g_assert_cmpuint (hearsay_agreement_report_get_n_documents (r), ==, 2);

  /* Labels: five units, four coded twice or more, all alike. */
  f = figure (r, HEARSAY_AGREEMENT_MEASURE_PERCENT, NULL, NULL, -1, -1);
  assert_value (f, 1.0);
  g_assert_cmpuint (f->n_units, ==, 4);
  g_assert_cmpuint (f->n_skipped, ==, 1);
  assert_value (figure (r, HEARSAY_AGREEMENT_MEASURE_ALPHA_NOMINAL, NULL, NULL, -1, -1), 1.0);
  assert_value (figure (r, HEARSAY_AGREEMENT_MEASURE_COHEN_KAPPA, NULL, NULL, ANA, BEN), 1.0);
  /* The one unit all three coded is a claim for all three. */
  assert_undefined (figure (r, HEARSAY_AGREEMENT_MEASURE_FLEISS_KAPPA, NULL, NULL, -1, -1), "one and the same value");
  assert_undefined (figure (r, HEARSAY_AGREEMENT_MEASURE_COHEN_KAPPA, NULL, NULL, ANA, CLEO), "one and the same value");

  /* claim.status: (unverified, disputed, —), (—, unverified, —),
   * (unverified, unverified, supported). */
  assert_value (figure (r, HEARSAY_AGREEMENT_MEASURE_PERCENT, "claim", "status", -1, -1), 1.0 / 6);
  f = figure (r, HEARSAY_AGREEMENT_MEASURE_ALPHA_NOMINAL, "claim", "status", -1, -1);
  assert_value (f, 1 - 0.8 / 0.7);
  g_assert_cmpfloat_with_epsilon (f->observed, 0.8, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->expected, 0.7, 1e-9);
  /* Ordinal, in the scheme's order (unverified, supported, disputed, false). */
  assert_value (figure (r, HEARSAY_AGREEMENT_MEASURE_ALPHA_ORDINAL, "claim", "status", -1, -1), 1 - 5.2 / 4);
  assert_undefined (figure (r, HEARSAY_AGREEMENT_MEASURE_ALPHA_INTERVAL, "claim", "status", -1, -1), "not numbers");
  assert_undefined (figure (r, HEARSAY_AGREEMENT_MEASURE_ALPHA_RATIO, "claim", "status", -1, -1), "not numbers");

  /* source_mention.identification: (anonymous, anonymous), (described, anonymous). */
  assert_value (figure (r, HEARSAY_AGREEMENT_MEASURE_PERCENT, "source_mention", "identification", -1, -1), 0.5);
  assert_value (figure (r, HEARSAY_AGREEMENT_MEASURE_ALPHA_NOMINAL, "source_mention", "identification", -1, -1), 0);
  assert_value (figure (r, HEARSAY_AGREEMENT_MEASURE_COHEN_KAPPA, "source_mention", "identification", ANA, BEN), 0);

  /* Spans, ana against ben: 4 and 5, 3 the same exactly, 4 overlapping. */
  f = figure (r, HEARSAY_AGREEMENT_MEASURE_SPAN_EXACT, NULL, NULL, ANA, BEN);
  assert_value (f, 6.0 / 9);
  g_assert_cmpfloat_with_epsilon (f->precision, 3.0 / 5, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->recall, 3.0 / 4, 1e-9);
  assert_value (figure (r, HEARSAY_AGREEMENT_MEASURE_SPAN_OVERLAP, NULL, NULL, ANA, BEN), 8.0 / 9);
  assert_value (figure (r, HEARSAY_AGREEMENT_MEASURE_SPAN_EXACT, NULL, NULL, ANA, CLEO), 2.0 / 5);
  assert_value (figure (r, HEARSAY_AGREEMENT_MEASURE_SPAN_EXACT, "claim", NULL, ANA, BEN), 4.0 / 5);

  /* Unitizing: defined, below 1 (the coders differ), per label too. */
  f = figure (r, HEARSAY_AGREEMENT_MEASURE_UNITIZING_ALPHA, NULL, NULL, -1, -1);
  g_assert_true (f->defined);
  g_assert_cmpfloat (f->value, <, 1);
  g_assert_cmpfloat (f->value, >, -1);
  g_assert_true (figure (r, HEARSAY_AGREEMENT_MEASURE_UNITIZING_ALPHA, "claim", NULL, -1, -1)->defined);

  /* The confusion of the labels, ana against ben. */
  for (guint i = 0; i < hearsay_agreement_report_get_n_confusions (r); i++)
    {
      const HearsayAgreementConfusionTable *c = hearsay_agreement_report_get_confusion (r, i);

      if (c->label != NULL || c->coder_a != ANA || c->coder_b != BEN)
        continue;
      g_assert_cmpuint (c->n_categories, ==, 2);
      g_assert_cmpstr (c->categories[0], ==, "claim");
      g_assert_cmpuint (c->counts[0], ==, 2);
      g_assert_cmpuint (c->counts[3], ==, 2);
      g_assert_cmpuint (c->counts[1] + c->counts[2], ==, 0);
    }

  /* Disagreements: every unit but none is coded alike by all three. */
  g_assert_cmpuint (hearsay_agreement_report_get_n_disagreements (r), ==, 5);
  {
    const HearsayAgreementDisagreement *d = hearsay_agreement_report_get_disagreement (r, 0);

    g_assert_cmpint (d->document_id, ==, team.doc1);
    g_assert_cmpuint (d->n_versions, ==, 3);
    g_assert_cmpint (d->versions[CLEO].annotation_id, ==, 0);
    g_assert_true (d->kinds & HEARSAY_AGREEMENT_UNMARKED);
  }
  for (guint i = 0; i < hearsay_agreement_report_get_n_disagreements (r); i++)
    {
      const HearsayAgreementDisagreement *d = hearsay_agreement_report_get_disagreement (r, i);

      if (d->kinds == HEARSAY_AGREEMENT_ATTRIBUTE)
        {
          g_assert_cmpint (d->document_id, ==, team.doc2);
          g_assert_cmpstr (d->attributes, ==, "status");
          g_assert_cmpstr (d->versions[CLEO].values, ==, "status=supported");
        }
      if (d->kinds & HEARSAY_AGREEMENT_SPAN)
        {
          g_assert_cmpint (d->versions[ANA].annotation_id, ==, team.ana_source);
          g_assert_cmpint (d->versions[BEN].annotation_id, ==, team.ben_source);
        }
    }
  assert_no_nan (r);
  core_test_team_clear (&team);
}

static void
test_selection (void)
{
  CoreTestTeam team;
  HearsayAgreementQuery query = { NULL };
  g_autoptr(HearsayAgreementReport) by_outlet = NULL;
  g_autoptr(HearsayAgreementReport) per_document = NULL;
  g_autoptr(HearsayAgreementReport) pair = NULL;
  g_autoptr(HearsayAgreementReport) exact = NULL;
  g_autofree char *json = NULL;
  const char * const ana_ben[] = { "ana", "ben", NULL };

  core_test_team_build (&team, "agreement-selection.hearsay");
  query.outlet = "SANA";
  by_outlet = report (&team, &query);
  g_assert_cmpuint (hearsay_agreement_report_get_n_documents (by_outlet), ==, 1);
  g_assert_cmpuint (hearsay_agreement_report_get_n_disagreements (by_outlet), ==, 2);

  query = (HearsayAgreementQuery) { NULL };
  query.per_document = TRUE;
  per_document = report (&team, &query);
  g_assert_nonnull (hearsay_agreement_report_lookup (per_document, HEARSAY_AGREEMENT_MEASURE_ALPHA_NOMINAL,
                                                     team.doc2, NULL, NULL, -1, -1));
  g_assert_nonnull (hearsay_agreement_report_lookup (per_document, HEARSAY_AGREEMENT_MEASURE_UNITIZING_ALPHA,
                                                     team.doc1, "claim", NULL, -1, -1));
  json = written (per_document, HEARSAY_AGREEMENT_FORMAT_JSON);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JsonParser) parser = json_parser_new ();

    g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
    g_assert_no_error (error);
  }

  /* Two named coders; the other layers are not read. */
  query = (HearsayAgreementQuery) { NULL };
  query.coders = ana_ben;
  pair = report (&team, &query);
  g_assert_cmpuint (hearsay_agreement_report_get_n_coders (pair), ==, 2);
  assert_value (figure (pair, HEARSAY_AGREEMENT_MEASURE_FLEISS_KAPPA, NULL, NULL, -1, -1), 1.0);

  /* Exact alignment: ana's and ben's sources are two units. */
  query.align = HEARSAY_AGREEMENT_ALIGN_EXACT;
  exact = report (&team, &query);
  g_assert_cmpuint (figure (exact, HEARSAY_AGREEMENT_MEASURE_PERCENT, NULL, NULL, -1, -1)->n_skipped, ==, 3);
  core_test_team_clear (&team);
}

static void
test_without_a_number (void)
{
  CoreTestTeam team;
  g_autoptr(GError) error = NULL;
  HearsayAgreementQuery query = { NULL };
  g_autoptr(HearsayAgreementReport) nobody = NULL;
  g_autoptr(HearsayAgreementReport) sources = NULL;
  const char * const ana[] = { "ana", NULL };

  core_test_team_build (&team, "agreement-nan.hearsay");
  /* Fewer than two coders: a message, no report. */
  query.coders = ana;
  g_assert_null (hearsay_agreement_report_new (team.project, &query, NULL, &error));
  g_assert_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_TOO_FEW_CODERS);
  g_assert_nonnull (strstr (error->message, "ana"));
  g_clear_error (&error);
  query.coders = NULL;
  query.document_ids = (const gint64[]) { team.doc2 };
  query.n_documents = 1;
  query.coders = (const char *[]) { "cleo", "dora", NULL };
  g_assert_null (hearsay_agreement_report_new (team.project, &query, NULL, &error));
  g_assert_nonnull (strstr (error->message, "“dora”"));
  g_clear_error (&error);

  /* A label nobody used: every figure undefined, and said. */
  query = (HearsayAgreementQuery) { NULL };
  query.label = "persuasion";
  nobody = report (&team, &query);
  assert_undefined (figure (nobody, HEARSAY_AGREEMENT_MEASURE_UNITIZING_ALPHA, "persuasion", NULL, -1, -1), "nobody");
  assert_undefined (figure (nobody, HEARSAY_AGREEMENT_MEASURE_SPAN_EXACT, "persuasion", NULL, ANA, BEN), "neither");
  assert_undefined (figure (nobody, HEARSAY_AGREEMENT_MEASURE_PERCENT, "persuasion", NULL, -1, -1), "no unit");
  assert_undefined (figure (nobody, HEARSAY_AGREEMENT_MEASURE_ALPHA_NOMINAL, "persuasion", "technique", -1, -1),
                    "no unit");
  g_assert_cmpuint (hearsay_agreement_report_get_n_disagreements (nobody), ==, 0);
  assert_no_nan (nobody);

  /* One value everywhere: the labels of the source units. */
  query.label = "source_mention";
  sources = report (&team, &query);
  assert_undefined (figure (sources, HEARSAY_AGREEMENT_MEASURE_ALPHA_NOMINAL, "source_mention", NULL, -1, -1),
                    "one and the same value");
  assert_value (figure (sources, HEARSAY_AGREEMENT_MEASURE_PERCENT, "source_mention", NULL, -1, -1), 1.0);
  assert_no_nan (sources);

  /* Unknown names are refused. */
  query.label = "rumour";
  g_assert_null (hearsay_agreement_report_new (team.project, &query, NULL, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_UNKNOWN_LABEL);
  g_clear_error (&error);
  query.label = NULL;
  query.attribute = "colour";
  g_assert_null (hearsay_agreement_report_new (team.project, &query, NULL, &error));
  g_assert_error (error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_UNKNOWN_ATTRIBUTE);
  g_clear_error (&error);

  /* Blind mode: other layers are not there to compare. */
  g_assert_true (hearsay_project_set_blind_coder (team.project, "ana", &error));
  query.attribute = NULL;
  g_assert_null (hearsay_agreement_report_new (team.project, &query, NULL, &error));
  g_assert_nonnull (strstr (error->message, "blind"));
  core_test_team_clear (&team);
}

static void
test_attribute_only (void)
{
  CoreTestTeam team;
  HearsayAgreementQuery query = { NULL };
  g_autoptr(HearsayAgreementReport) r = NULL;

  core_test_team_build (&team, "agreement-attribute.hearsay");
  query.attribute = "claim.status";
  r = report (&team, &query);
  assert_value (figure (r, HEARSAY_AGREEMENT_MEASURE_PERCENT, "claim", "status", -1, -1), 1.0 / 6);
  g_assert_null (hearsay_agreement_report_lookup (r, HEARSAY_AGREEMENT_MEASURE_PERCENT, 0, NULL, NULL, -1, -1));
  /* Only the units whose status differs. */
  g_assert_cmpuint (hearsay_agreement_report_get_n_disagreements (r), ==, 2);
  core_test_team_clear (&team);
}

int
main (int   argc,
      char *argv[])
{
  core_test_init (&argc, &argv);
  g_test_add_func ("/agreement-report/figures", test_figures);
  g_test_add_func ("/agreement-report/selection", test_selection);
  g_test_add_func ("/agreement-report/without-a-number", test_without_a_number);
  g_test_add_func ("/agreement-report/attribute-only", test_attribute_only);
  return g_test_run ();
}
