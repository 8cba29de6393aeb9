/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-agreement-stats.c: percent agreement, κ, α and span scores on published examples. */
#include <string.h>

#include "core-test-agreement.h"

#define assert_close hs_agreement_assert_close

static void
assert_result_finite (const HearsayAgreementResult *result)
{
  g_assert_true (isfinite (result->value));
  g_assert_true (isfinite (result->observed));
  g_assert_true (isfinite (result->expected));
}

/* ---- Krippendorff's α ---- */

/* Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section
 * C: 4 coders × 12 units with missing values. Published: α = 0.743 nominal,
 * 0.815 ordinal, 0.849 interval, 0.797 ratio. */
static const double krippendorff_2011[4 * 12] = {
  1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M,   /* A */
  1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3,   /* B */
  M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M,   /* C */
  1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M,   /* D */
};

static void
test_alpha_krippendorff_2011 (void)
{
  HearsayAgreementMatrix matrix = { 4, 12, krippendorff_2011 };
  static const struct { HearsayAgreementMetric metric; double alpha; } expected[] = {
    { HEARSAY_AGREEMENT_NOMINAL, 0.743 },
    { HEARSAY_AGREEMENT_ORDINAL, 0.815 },
    { HEARSAY_AGREEMENT_INTERVAL, 0.849 },
    { HEARSAY_AGREEMENT_RATIO, 0.797 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      HearsayAgreementResult result;
      g_autoptr(GError) error = NULL;
      g_autofree char *what = g_strdup_printf ("α %s",
                                               hearsay_agreement_metric_to_string (expected[i].metric));

      g_assert_true (hearsay_agreement_krippendorff_alpha (&matrix, expected[i].metric, &result, &error));
      g_assert_no_error (error);
      assert_close (result.value, expected[i].alpha, 0.0005, what);
      /* Unit 12 has one value only: 11 units, n = 40 pairable values. */
      g_assert_cmpuint (result.n_units, ==, 11);
      g_assert_cmpuint (result.n_skipped, ==, 1);
      g_assert_cmpuint (result.n_values, ==, 40);
    }
}

/* The same example's nominal figures as fractions: n = 40 pairable values
 * (n_1..n_5 = 9, 13, 10, 5, 3), 8 off-diagonal coincidences, so
 * D_o = 8/40, D_e = (40² − Σ n_c²)/(40 · 39) = 1216/1560 and
 * α = 1 − 39 · 8/1216 = 904/1216. */
static void
test_alpha_nominal_fraction (void)
{
  HearsayAgreementMatrix matrix = { 4, 12, krippendorff_2011 };
  HearsayAgreementResult result;

  g_assert_true (hearsay_agreement_krippendorff_alpha (&matrix, HEARSAY_AGREEMENT_NOMINAL, &result, NULL));
  assert_close (result.observed, 8.0 / 40, 1e-12, "D_o nominal");
  assert_close (result.expected, 1216.0 / 1560, 1e-12, "D_e nominal");
  assert_close (result.value, 904.0 / 1216, 1e-12, "α nominal (exact fraction)");
}

/* A plain coincidence-matrix α (the formula as printed, O(v²) per unit) to
 * check the shortcuts on random data with missing values. */
static double
naive_alpha (const HearsayAgreementMatrix *matrix,
             HearsayAgreementMetric        metric)
{
  double values[64];
  guint nv = 0;
  double o[64][64] = { { 0 } };
  double nc[64] = { 0 }, n = 0, num = 0, den = 0;

  for (gsize i = 0; i < (gsize) matrix->n_coders * matrix->n_units; i++)
    {
      double v = matrix->values[i];
      guint k;

      if (isnan (v))
        continue;
      for (k = 0; k < nv && values[k] != v; k++)
        ;
      if (k == nv)
        values[nv++] = v;
    }
  /* Sorted, for the ordinal metric. */
  for (guint a = 0; a < nv; a++)
    for (guint b = a + 1; b < nv; b++)
      if (values[b] < values[a])
        {
          double t = values[a];
          values[a] = values[b];
          values[b] = t;
        }
  for (guint u = 0; u < matrix->n_units; u++)
    {
      guint idx[16], m = 0;

      for (guint c = 0; c < matrix->n_coders; c++)
        {
          double v = matrix->values[(gsize) c * matrix->n_units + u];
          guint k;

          if (isnan (v))
            continue;
          for (k = 0; values[k] != v; k++)
            ;
          idx[m++] = k;
        }
      if (m < 2)
        continue;
      for (guint i = 0; i < m; i++)
        for (guint j = 0; j < m; j++)
          if (i != j)
            o[idx[i]][idx[j]] += 1.0 / (m - 1);
    }
  for (guint c = 0; c < nv; c++)
    for (guint k = 0; k < nv; k++)
      nc[c] += o[c][k];
  for (guint c = 0; c < nv; c++)
    n += nc[c];
  for (guint c = 0; c < nv; c++)
    for (guint k = 0; k < nv; k++)
      {
        double d = 0;

        switch (metric)
          {
          case HEARSAY_AGREEMENT_NOMINAL:
            d = c != k;
            break;
          case HEARSAY_AGREEMENT_ORDINAL:
            {
              guint lo = MIN (c, k), hi = MAX (c, k);
              double s = 0;

              for (guint g = lo; g <= hi; g++)
                s += nc[g];
              s -= (nc[c] + nc[k]) / 2;
              d = c == k ? 0 : s * s;
            }
            break;
          case HEARSAY_AGREEMENT_INTERVAL:
            d = (values[c] - values[k]) * (values[c] - values[k]);
            break;
          case HEARSAY_AGREEMENT_RATIO:
            d = c == k ? 0 : pow ((values[c] - values[k]) / (values[c] + values[k]), 2);
            break;
          }
        num += o[c][k] * d;
        den += nc[c] * nc[k] * d;
      }
  return 1 - (n - 1) * num / den;
}

static void
test_alpha_random_against_naive (void)
{
  GRand *rand = g_rand_new_with_seed (14);

  for (guint round = 0; round < 200; round++)
    {
      guint coders = g_rand_int_range (rand, 2, 7), units = g_rand_int_range (rand, 2, 40);
      guint range = g_rand_int_range (rand, 2, 9);
      g_autofree double *values = g_new (double, coders * units);
      HearsayAgreementMatrix matrix = { coders, units, values };

      for (guint i = 0; i < coders * units; i++)
        values[i] = g_rand_int_range (rand, 0, 5) == 0 ? M : g_rand_int_range (rand, 0, range) * 1.5;
      for (guint metric = 0; metric <= HEARSAY_AGREEMENT_RATIO; metric++)
        {
          HearsayAgreementResult result;
          g_autoptr(GError) error = NULL;

          if (!hearsay_agreement_krippendorff_alpha (&matrix, metric, &result, &error))
            {
              g_assert_error (error, HEARSAY_AGREEMENT_ERROR, error->code);
              assert_result_finite (&result);
              continue;
            }
          g_assert_cmpfloat_with_epsilon (result.value, naive_alpha (&matrix, metric), 1e-9);
        }
    }
  g_rand_free (rand);
}

/* ---- percent agreement, Cohen's κ, Fleiss' κ ---- */

/* Fleiss (1971, p. 379): 30 patients, 6 psychiatrists, 5 diagnoses, as in
 * DKPro Statistics' Fleiss1971Test. Published κ = 0.430, P̄ = 0.556,
 * P̄e = 0.220. Stored unit by unit here; transposed into the matrix. */
static const double fleiss_1971[30][6] = {
  { 4, 4, 4, 4, 4, 4 }, { 2, 2, 2, 5, 5, 5 }, { 2, 3, 3, 3, 3, 5 }, { 5, 5, 5, 5, 5, 5 },
  { 2, 2, 2, 4, 4, 4 }, { 1, 1, 3, 3, 3, 3 }, { 3, 3, 3, 3, 5, 5 }, { 1, 1, 3, 3, 3, 4 },
  { 1, 1, 4, 4, 4, 4 }, { 5, 5, 5, 5, 5, 5 }, { 1, 4, 4, 4, 4, 4 }, { 1, 2, 4, 4, 4, 4 },
  { 2, 2, 2, 3, 3, 3 }, { 1, 4, 4, 4, 4, 4 }, { 2, 2, 4, 4, 4, 5 }, { 3, 3, 3, 3, 3, 5 },
  { 1, 1, 1, 4, 5, 5 }, { 1, 1, 1, 1, 1, 2 }, { 2, 2, 4, 4, 4, 4 }, { 1, 3, 3, 5, 5, 5 },
  { 5, 5, 5, 5, 5, 5 }, { 2, 4, 4, 4, 4, 4 }, { 2, 2, 4, 5, 5, 5 }, { 1, 1, 4, 4, 4, 4 },
  { 1, 4, 4, 4, 4, 5 }, { 2, 2, 2, 2, 2, 4 }, { 1, 1, 1, 1, 5, 5 }, { 2, 2, 4, 4, 4, 4 },
  { 1, 3, 3, 3, 3, 3 }, { 5, 5, 5, 5, 5, 5 },
};

static double *
fleiss_1971_matrix (void)
{
  double *values = g_new (double, 6 * 30);

  for (guint u = 0; u < 30; u++)
    for (guint c = 0; c < 6; c++)
      values[c * 30 + u] = fleiss_1971[u][c];
  return values;
}

static void
test_fleiss_1971 (void)
{
  g_autofree double *values = fleiss_1971_matrix ();
  HearsayAgreementMatrix matrix = { 6, 30, values };
  HearsayAgreementResult result, percent;

  g_assert_true (hearsay_agreement_fleiss_kappa (&matrix, &result, NULL));
  assert_close (result.value, 0.430, 0.0005, "Fleiss 1971 κ");
  assert_close (result.observed, 0.5556, 0.0005, "Fleiss 1971 P̄");
  assert_close (result.expected, 0.2201, 0.0005, "Fleiss 1971 P̄e");
  g_assert_cmpuint (result.n_units, ==, 30);
  g_assert_cmpuint (result.n_skipped, ==, 0);

  /* With every unit complete, percent agreement is Fleiss' P̄. */
  g_assert_true (hearsay_agreement_percent (&matrix, &percent, NULL));
  g_assert_cmpfloat_with_epsilon (percent.value, result.observed, 1e-12);
}

/* Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters,
 * 5 categories. Published P̄ = 0.378, P̄e = 0.213, κ = 0.210. */
static const guint fleiss_wikipedia[10 * 5] = {
  0, 0, 0, 0, 14,
  0, 2, 6, 4, 2,
  0, 0, 3, 5, 6,
  0, 3, 9, 2, 0,
  2, 2, 8, 1, 1,
  7, 7, 0, 0, 0,
  3, 2, 6, 3, 0,
  2, 5, 3, 2, 2,
  6, 5, 2, 1, 0,
  0, 2, 2, 3, 7,
};

static void
test_fleiss_wikipedia (void)
{
  HearsayAgreementResult result;
  g_autofree double *values = g_new (double, 14 * 10);
  HearsayAgreementMatrix matrix = { 14, 10, values };
  HearsayAgreementResult from_matrix;

  g_assert_true (hearsay_agreement_fleiss_kappa_counts (fleiss_wikipedia, 10, 5, &result, NULL));
  assert_close (result.value, 0.210, 0.0005, "Fleiss (Wikipedia) κ");
  assert_close (result.observed, 0.378, 0.0005, "Fleiss (Wikipedia) P̄");
  assert_close (result.expected, 0.213, 0.0005, "Fleiss (Wikipedia) P̄e");

  /* The same table as 14 anonymous coders × 10 units. */
  for (guint u = 0; u < 10; u++)
    {
      guint c = 0;

      for (guint j = 0; j < 5; j++)
        for (guint k = 0; k < fleiss_wikipedia[u * 5 + j]; k++)
          values[(c++) * 10 + u] = j;
      g_assert_cmpuint (c, ==, 14);
    }
  g_assert_true (hearsay_agreement_fleiss_kappa (&matrix, &from_matrix, NULL));
  g_assert_cmpfloat_with_epsilon (from_matrix.value, result.value, 1e-12);
}

static void
test_fleiss_incomplete_units (void)
{
  /* Unit 2 lacks coder C: skipped, and κ is that of units 0, 1, 3. */
  static const double with_gap[3 * 4] = {
    0, 1, 1, 0,
    0, 1, 0, 1,
    0, 1, M, 0,
  };
  static const double complete[3 * 3] = {
    0, 1, 0,
    0, 1, 1,
    0, 1, 0,
  };
  HearsayAgreementMatrix a = { 3, 4, with_gap }, b = { 3, 3, complete };
  HearsayAgreementResult ra, rb;

  g_assert_true (hearsay_agreement_fleiss_kappa (&a, &ra, NULL));
  g_assert_true (hearsay_agreement_fleiss_kappa (&b, &rb, NULL));
  g_assert_cmpuint (ra.n_units, ==, 3);
  g_assert_cmpuint (ra.n_skipped, ==, 1);
  g_assert_cmpfloat_with_epsilon (ra.value, rb.value, 1e-12);
}

/* Cohen (1960, p. 45), as in DKPro Statistics' Cohen1960Test: 200 units,
 * 3 categories. Published P_o = 0.70, P_e = 0.41, κ = 0.492. */
static void
test_cohen_1960 (void)
{
  static const guint64 table[9] = {
    88, 14, 18,
    10, 40, 10,
     2,  6, 12,
  };
  HearsayAgreementResult result;

  g_assert_true (hearsay_agreement_cohen_kappa_table (table, 3, &result, NULL));
  assert_close (result.value, 0.492, 0.0005, "Cohen 1960 κ");
  assert_close (result.observed, 0.70, 0.005, "Cohen 1960 P_o");
  assert_close (result.expected, 0.41, 0.005, "Cohen 1960 P_e");
  g_assert_cmpuint (result.n_units, ==, 200);
}

/* Wikipedia, "Cohen's kappa", first example: 50 grant proposals, yes/yes 20,
 * yes/no 5, no/yes 10, no/no 15: P_o = 0.7, P_e = 0.5, κ = 0.4. Fed as
 * a 2 × 50 matrix, with 3 extra units only one reader scored. */
static void
test_cohen_wikipedia (void)
{
  g_autofree double *values = g_new (double, 2 * 53);
  HearsayAgreementMatrix matrix = { 2, 53, values };
  HearsayAgreementResult result;
  g_autoptr(HearsayAgreementConfusion) confusion = NULL;
  guint u = 0;

  for (guint i = 0; i < 20; i++, u++)
    values[u] = 1, values[53 + u] = 1;
  for (guint i = 0; i < 5; i++, u++)
    values[u] = 1, values[53 + u] = 0;
  for (guint i = 0; i < 10; i++, u++)
    values[u] = 0, values[53 + u] = 1;
  for (guint i = 0; i < 15; i++, u++)
    values[u] = 0, values[53 + u] = 0;
  for (guint i = 0; i < 3; i++, u++)
    values[u] = 1, values[53 + u] = M;

  g_assert_true (hearsay_agreement_cohen_kappa (&matrix, 0, 1, &result, NULL));
  assert_close (result.value, 0.4, 1e-12, "Cohen (Wikipedia) κ");
  assert_close (result.observed, 0.7, 1e-12, "Cohen (Wikipedia) P_o");
  assert_close (result.expected, 0.5, 1e-12, "Cohen (Wikipedia) P_e");
  g_assert_cmpuint (result.n_units, ==, 50);
  g_assert_cmpuint (result.n_skipped, ==, 3);

  confusion = hearsay_agreement_confusion_new (&matrix, 0, 1, NULL);
  g_assert_nonnull (confusion);
  g_assert_cmpuint (confusion->n_categories, ==, 2);
  g_assert_cmpfloat (confusion->categories[0], ==, 0);
  g_assert_cmpfloat (confusion->categories[1], ==, 1);
  g_assert_cmpuint (confusion->counts[0], ==, 15);   /* A no, B no */
  g_assert_cmpuint (confusion->counts[1], ==, 10);   /* A no, B yes */
  g_assert_cmpuint (confusion->counts[2], ==, 5);    /* A yes, B no */
  g_assert_cmpuint (confusion->counts[3], ==, 20);   /* A yes, B yes */
  g_assert_cmpuint (confusion->n_units, ==, 50);

  /* Two coders: percent agreement is P_o. */
  g_assert_true (hearsay_agreement_percent (&matrix, &result, NULL));
  assert_close (result.value, 0.7, 1e-12, "percent (Wikipedia Cohen)");
}

static void
test_percent_multi (void)
{
  /* Unit 0: 3 coders agree (1); unit 1: 2 of 3 (1/3 of pairs); unit 2:
   * 2 coders disagree (0); unit 3: one value, skipped. Mean 4/9. */
  static const double values[3 * 4] = {
    1, 2, 1, 7,
    1, 2, 2, M,
    1, 3, M, M,
  };
  HearsayAgreementMatrix matrix = { 3, 4, values };
  HearsayAgreementResult result;

  g_assert_true (hearsay_agreement_percent (&matrix, &result, NULL));
  assert_close (result.value, (1 + 1.0 / 3 + 0) / 3, 1e-12, "percent, 3 coders");
  g_assert_cmpuint (result.n_units, ==, 3);
  g_assert_cmpuint (result.n_skipped, ==, 1);
}

/* ---- error cases: a GError, never NaN ---- */

static void
test_coding_errors (void)
{
  static const double one_coder[3] = { 1, 2, 3 };
  static const double unpaired[2 * 3] = { 1, M, 2, M, 3, M };
  static const double constant[2 * 3] = { 2, 2, 2, 2, 2, M };
  static const double infinite[2 * 2] = { 1, INFINITY, 1, 2 };
  static const double negative[2 * 2] = { 1, -2, 1, 2 };
  static const guint64 empty_table[4] = { 0 };
  static const guint unequal[2 * 2] = { 2, 1, 1, 1 };
  HearsayAgreementMatrix m1 = { 1, 3, one_coder }, m2 = { 2, 3, unpaired };
  HearsayAgreementMatrix m3 = { 2, 3, constant }, m4 = { 2, 2, infinite }, m5 = { 2, 2, negative };
  HearsayAgreementResult result;
  GError *error = NULL;

#define EXPECT(call, code) \
  G_STMT_START { \
    g_assert_false (call); \
    g_assert_error (error, HEARSAY_AGREEMENT_ERROR, code); \
    g_test_message ("%s: %s", #call, error->message); \
    g_clear_error (&error); \
    assert_result_finite (&result); \
  } G_STMT_END

  EXPECT (hearsay_agreement_krippendorff_alpha (&m1, HEARSAY_AGREEMENT_NOMINAL, &result, &error),
          HEARSAY_AGREEMENT_ERROR_TOO_FEW_CODERS);
  EXPECT (hearsay_agreement_percent (&m1, &result, &error), HEARSAY_AGREEMENT_ERROR_TOO_FEW_CODERS);
  EXPECT (hearsay_agreement_fleiss_kappa (&m1, &result, &error), HEARSAY_AGREEMENT_ERROR_TOO_FEW_CODERS);

  EXPECT (hearsay_agreement_krippendorff_alpha (&m2, HEARSAY_AGREEMENT_INTERVAL, &result, &error),
          HEARSAY_AGREEMENT_ERROR_NO_UNITS);
  g_assert_cmpuint (result.n_skipped, ==, 3);
  EXPECT (hearsay_agreement_percent (&m2, &result, &error), HEARSAY_AGREEMENT_ERROR_NO_UNITS);
  EXPECT (hearsay_agreement_cohen_kappa (&m2, 0, 1, &result, &error), HEARSAY_AGREEMENT_ERROR_NO_UNITS);
  EXPECT (hearsay_agreement_fleiss_kappa (&m2, &result, &error), HEARSAY_AGREEMENT_ERROR_NO_UNITS);
  EXPECT (hearsay_agreement_cohen_kappa_table (empty_table, 2, &result, &error),
          HEARSAY_AGREEMENT_ERROR_NO_UNITS);

  for (guint metric = 0; metric <= HEARSAY_AGREEMENT_RATIO; metric++)
    {
      EXPECT (hearsay_agreement_krippendorff_alpha (&m3, metric, &result, &error),
              HEARSAY_AGREEMENT_ERROR_NO_VARIATION);
      g_assert_cmpfloat (result.observed, ==, 0);
      g_assert_cmpuint (result.n_values, ==, 4);
    }
  EXPECT (hearsay_agreement_cohen_kappa (&m3, 0, 1, &result, &error), HEARSAY_AGREEMENT_ERROR_NO_VARIATION);
  g_assert_cmpfloat (result.observed, ==, 1);
  EXPECT (hearsay_agreement_fleiss_kappa (&m3, &result, &error), HEARSAY_AGREEMENT_ERROR_NO_VARIATION);
  /* Percent agreement is defined there: 100 %. */
  g_assert_true (hearsay_agreement_percent (&m3, &result, NULL));
  g_assert_cmpfloat (result.value, ==, 1);

  EXPECT (hearsay_agreement_krippendorff_alpha (&m4, HEARSAY_AGREEMENT_INTERVAL, &result, &error),
          HEARSAY_AGREEMENT_ERROR_INVALID);
  EXPECT (hearsay_agreement_krippendorff_alpha (&m5, HEARSAY_AGREEMENT_RATIO, &result, &error),
          HEARSAY_AGREEMENT_ERROR_INVALID);
  g_assert_true (hearsay_agreement_krippendorff_alpha (&m5, HEARSAY_AGREEMENT_INTERVAL, &result, NULL));
  EXPECT (hearsay_agreement_fleiss_kappa_counts (unequal, 2, 2, &result, &error),
          HEARSAY_AGREEMENT_ERROR_INVALID);
#undef EXPECT
}

static void
test_metric_names (void)
{
  HearsayAgreementMetric metric;

  g_assert_true (hearsay_agreement_metric_from_string ("Ordinal", &metric));
  g_assert_cmpint (metric, ==, HEARSAY_AGREEMENT_ORDINAL);
  g_assert_false (hearsay_agreement_metric_from_string ("circular", &metric));
  g_assert_cmpstr (hearsay_agreement_metric_to_string (HEARSAY_AGREEMENT_RATIO), ==, "ratio");
}

/* ---- span precision, recall, F1 ---- */

static HearsayAgreementSpanScores
spans (const HearsayAgreementSegment *a,
       gsize                          n_a,
       const HearsayAgreementSegment *b,
       gsize                          n_b,
       HearsayAgreementMatchFlags     flags,
       gssize                        *matched)
{
  HearsayAgreementSpanScores scores;
  g_autoptr(GError) error = NULL;

  g_assert_true (hearsay_agreement_spans_compare (a, n_a, b, n_b, flags, &scores, matched, &error));
  g_assert_no_error (error);
  g_assert_true (isfinite (scores.precision) && isfinite (scores.recall) && isfinite (scores.f1));
  return scores;
}

static void
test_spans_exact_and_overlap (void)
{
  /* Same first span; the second differs by one character; the third
   * has the same span with another label. */
  static const HearsayAgreementSegment ref[] = {
    SEG (0, 0, 0, 5), SEG (0, 1, 10, 5), SEG (0, 0, 20, 5),
  };
  static const HearsayAgreementSegment cand[] = {
    SEG (1, 1, 10, 4), SEG (1, 0, 0, 5), SEG (1, 1, 20, 5),
  };
  gssize matched[3];
  HearsayAgreementSpanScores s;

  s = spans (ref, 3, cand, 3, HEARSAY_AGREEMENT_MATCH_EXACT, matched);
  g_assert_cmpuint (s.n_matched, ==, 1);
  g_assert_cmpint (matched[0], ==, 1);
  g_assert_cmpint (matched[1], ==, -1);
  g_assert_cmpint (matched[2], ==, -1);
  assert_close (s.precision, 1.0 / 3, 1e-12, "exact P");
  assert_close (s.recall, 1.0 / 3, 1e-12, "exact R");
  assert_close (s.f1, 1.0 / 3, 1e-12, "exact F1");

  s = spans (ref, 3, cand, 3, HEARSAY_AGREEMENT_MATCH_OVERLAP, matched);
  g_assert_cmpuint (s.n_matched, ==, 2);
  g_assert_cmpint (matched[1], ==, 0);
  assert_close (s.f1, 2.0 / 3, 1e-12, "overlap F1");

  s = spans (ref, 3, cand, 3, HEARSAY_AGREEMENT_MATCH_OVERLAP | HEARSAY_AGREEMENT_MATCH_ANY_CATEGORY, matched);
  g_assert_cmpuint (s.n_matched, ==, 3);
  g_assert_cmpint (matched[2], ==, 2);
  assert_close (s.f1, 1.0, 1e-12, "overlap, any label, F1");

  s = spans (ref, 3, cand, 3, HEARSAY_AGREEMENT_MATCH_EXACT | HEARSAY_AGREEMENT_MATCH_ANY_CATEGORY, matched);
  g_assert_cmpuint (s.n_matched, ==, 2);
}

static void
test_spans_greedy (void)
{
  /* One reference, two overlapping candidates: the larger overlap wins,
   * the other stays unmatched (one-to-one). */
  static const HearsayAgreementSegment r1[] = { SEG (0, 0, 0, 10) };
  static const HearsayAgreementSegment c1[] = { SEG (1, 0, 0, 4), SEG (1, 0, 3, 7) };
  /* Two references, one candidate overlapping both: 5 vs 4 characters. */
  static const HearsayAgreementSegment r2[] = { SEG (0, 0, 0, 10), SEG (0, 0, 8, 12) };
  static const HearsayAgreementSegment c2[] = { SEG (1, 0, 5, 7) };
  /* A full tie (2 characters, 4 apart each): the earlier reference. */
  static const HearsayAgreementSegment r3[] = { SEG (0, 0, 4, 4), SEG (0, 0, 0, 4) };
  static const HearsayAgreementSegment c3[] = { SEG (1, 0, 2, 4) };
  /* Touching is not overlapping. */
  static const HearsayAgreementSegment r4[] = { SEG (0, 0, 0, 5) };
  static const HearsayAgreementSegment c4[] = { SEG (1, 0, 5, 5) };
  /* Duplicates: one candidate cannot match two references. */
  static const HearsayAgreementSegment r5[] = { SEG (0, 0, 0, 5), SEG (0, 0, 0, 5) };
  static const HearsayAgreementSegment c5[] = { SEG (1, 0, 0, 5) };
  gssize m[2];
  HearsayAgreementSpanScores s;

  s = spans (r1, 1, c1, 2, HEARSAY_AGREEMENT_MATCH_OVERLAP, m);
  g_assert_cmpint (m[0], ==, 1);
  assert_close (s.precision, 0.5, 1e-12, "greedy P");
  assert_close (s.recall, 1.0, 1e-12, "greedy R");
  assert_close (s.f1, 2.0 / 3, 1e-12, "greedy F1");

  s = spans (r2, 2, c2, 1, HEARSAY_AGREEMENT_MATCH_OVERLAP, m);
  g_assert_cmpint (m[0], ==, 0);
  g_assert_cmpint (m[1], ==, -1);

  s = spans (r3, 2, c3, 1, HEARSAY_AGREEMENT_MATCH_OVERLAP, m);
  g_assert_cmpint (m[0], ==, 0);
  g_assert_cmpint (m[1], ==, -1);

  s = spans (r4, 1, c4, 1, HEARSAY_AGREEMENT_MATCH_OVERLAP, m);
  g_assert_cmpuint (s.n_matched, ==, 0);
  g_assert_cmpfloat (s.f1, ==, 0);

  s = spans (r5, 2, c5, 1, HEARSAY_AGREEMENT_MATCH_EXACT, m);
  g_assert_cmpuint (s.n_matched, ==, 1);
  assert_close (s.precision, 1.0, 1e-12, "duplicates P");
  assert_close (s.recall, 0.5, 1e-12, "duplicates R");
}

static void
test_spans_empty (void)
{
  static const HearsayAgreementSegment some[] = { SEG (1, 0, 0, 5), SEG (1, 0, 6, 2) };
  static const HearsayAgreementSegment bad[] = { SEG (1, 0, 5, 0) };
  HearsayAgreementSpanScores s;
  GError *error = NULL;

  /* Reference empty: recall is 0/0, reported undefined (0); F1 = 0. */
  s = spans (NULL, 0, some, 2, HEARSAY_AGREEMENT_MATCH_OVERLAP, NULL);
  g_assert_true (s.precision_defined);
  g_assert_false (s.recall_defined);
  g_assert_cmpfloat (s.precision, ==, 0);
  g_assert_cmpfloat (s.recall, ==, 0);
  g_assert_cmpfloat (s.f1, ==, 0);

  s = spans (some, 2, NULL, 0, HEARSAY_AGREEMENT_MATCH_EXACT, NULL);
  g_assert_false (s.precision_defined);
  g_assert_true (s.recall_defined);

  g_assert_false (hearsay_agreement_spans_compare (NULL, 0, NULL, 0, HEARSAY_AGREEMENT_MATCH_EXACT,
                                                   &s, NULL, &error));
  g_assert_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_NO_UNITS);
  g_clear_error (&error);
  g_assert_true (isfinite (s.f1));

  g_assert_false (hearsay_agreement_spans_compare (some, 2, bad, 1, HEARSAY_AGREEMENT_MATCH_EXACT,
                                                   &s, NULL, &error));
  g_assert_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_INVALID);
  g_clear_error (&error);
}

/* Overlap matching against an exhaustive greedy on random spans. */
static void
test_spans_random_against_naive (void)
{
  GRand *rand = g_rand_new_with_seed (3);

  for (guint round = 0; round < 300; round++)
    {
      guint na = g_rand_int_range (rand, 0, 12), nb = g_rand_int_range (rand, 1, 12);
      HearsayAgreementSegment a[12], b[12];
      gboolean any = g_rand_boolean (rand);
      HearsayAgreementMatchFlags flags = HEARSAY_AGREEMENT_MATCH_OVERLAP |
                                         (any ? HEARSAY_AGREEMENT_MATCH_ANY_CATEGORY : 0);
      gssize m[12];
      gssize want[12];
      gboolean used_a[12] = { 0 }, used_b[12] = { 0 };
      HearsayAgreementSpanScores s;

      for (guint i = 0; i < na; i++)
        {
          gint64 st = g_rand_int_range (rand, 0, 40);
          a[i] = (HearsayAgreementSegment) { 0, g_rand_int_range (rand, 0, 2), st, st + g_rand_int_range (rand, 1, 10) };
        }
      for (guint i = 0; i < nb; i++)
        {
          gint64 st = g_rand_int_range (rand, 0, 40);
          b[i] = (HearsayAgreementSegment) { 1, g_rand_int_range (rand, 0, 2), st, st + g_rand_int_range (rand, 1, 10) };
        }
      s = spans (a, na, b, nb, flags, m);

      /* Exhaustive: repeatedly take the best remaining pair. */
      for (guint i = 0; i < na; i++)
        want[i] = -1;
      for (;;)
        {
          gint best_i = -1, best_j = -1;
          gint64 bo = 0, bd = 0;
          gboolean bs = FALSE;

          for (guint i = 0; i < na; i++)
            for (guint j = 0; j < nb; j++)
              {
                gint64 o = MIN (a[i].end, b[j].end) - MAX (a[i].start, b[j].start);
                gint64 d = ABS (a[i].start - b[j].start) + ABS (a[i].end - b[j].end);
                gboolean same = a[i].category == b[j].category;

                if (used_a[i] || used_b[j] || o <= 0 || (!any && !same))
                  continue;
                if (best_i < 0 || o > bo || (o == bo && (d < bd || (d == bd && same && !bs))))
                  best_i = i, best_j = j, bo = o, bd = d, bs = same;
              }
          if (best_i < 0)
            break;
          used_a[best_i] = used_b[best_j] = TRUE;
          want[best_i] = best_j;
        }
      for (guint i = 0; i < na; i++)
        g_assert_cmpint (m[i], ==, want[i]);
      (void) s;
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agreement/alpha/krippendorff-2011", test_alpha_krippendorff_2011);
  g_test_add_func ("/agreement/alpha/nominal-fraction", test_alpha_nominal_fraction);
  g_test_add_func ("/agreement/alpha/random-against-naive", test_alpha_random_against_naive);
  g_test_add_func ("/agreement/kappa/fleiss-1971", test_fleiss_1971);
  g_test_add_func ("/agreement/kappa/fleiss-wikipedia", test_fleiss_wikipedia);
  g_test_add_func ("/agreement/kappa/fleiss-incomplete", test_fleiss_incomplete_units);
  g_test_add_func ("/agreement/kappa/cohen-1960", test_cohen_1960);
  g_test_add_func ("/agreement/kappa/cohen-wikipedia", test_cohen_wikipedia);
  g_test_add_func ("/agreement/percent/multi", test_percent_multi);
  g_test_add_func ("/agreement/coding/errors", test_coding_errors);
  g_test_add_func ("/agreement/coding/metric-names", test_metric_names);
  g_test_add_func ("/agreement/spans/exact-and-overlap", test_spans_exact_and_overlap);
  g_test_add_func ("/agreement/spans/greedy", test_spans_greedy);
  g_test_add_func ("/agreement/spans/empty", test_spans_empty);
  g_test_add_func ("/agreement/spans/random-against-naive", test_spans_random_against_naive);

  return g_test_run ();
}
