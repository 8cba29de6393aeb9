/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-agreement-alpha.c: Krippendorff's α for coding, four metrics, missing values allowed. */
#include <string.h>

#include "hearsay-agreement-private.h"

/* Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability":
 * α = 1 − D_o / D_e with, over the pairable values only (units with
 * m_u ≥ 2 values),
 *   D_o = 1/n Σ_c Σ_k o_ck δ²_ck,   o_ck = Σ_u (pairs c–k in u) / (m_u − 1)
 *   D_e = 1/(n(n − 1)) Σ_c Σ_k n_c n_k δ²_ck
 * The coincidence matrix o is never stored: D_o is summed unit by unit
 * (O(Σ m_u²)), and D_e comes from the marginals n_c alone. */

/* Position of each distinct value on the axis its metric measures
 * differences along. Ordinal: Σ_{g=c..k} n_g − (n_c + n_k)/2 equals
 * x_k − x_c with x_c = Σ_{g<c} n_g + n_c/2, so ordinal is interval on x. */
static double *
metric_positions (HearsayAgreementMetric  metric,
                  const double           *values,
                  const guint64          *counts,
                  guint                   n_distinct)
{
  double *x = g_new (double, n_distinct);
  double below = 0;

  for (guint c = 0; c < n_distinct; c++)
    {
      if (metric == HEARSAY_AGREEMENT_ORDINAL)
        {
          x[c] = below + counts[c] / 2.0;
          below += counts[c];
        }
      else
        x[c] = values[c];
    }
  return x;
}

static inline double
delta2 (HearsayAgreementMetric metric,
        const double          *x,
        guint                  c,
        guint                  k)
{
  double d;

  if (c == k)
    return 0;
  switch (metric)
    {
    case HEARSAY_AGREEMENT_NOMINAL:
      return 1;
    case HEARSAY_AGREEMENT_RATIO:
      /* Values are ≥ 0 and distinct here, so x[c] + x[k] > 0. */
      d = (x[c] - x[k]) / (x[c] + x[k]);
      return d * d;
    case HEARSAY_AGREEMENT_ORDINAL:
    case HEARSAY_AGREEMENT_INTERVAL:
    default:
      d = x[c] - x[k];
      return d * d;
    }
}

/* Σ_c Σ_k n_c n_k δ²_ck from the marginals. */
static double
expected_sum (HearsayAgreementMetric  metric,
              const double           *x,
              const guint64          *counts,
              guint                   n_distinct,
              double                  n)
{
  double sum = 0;

  if (metric == HEARSAY_AGREEMENT_NOMINAL)
    {
      /* n² − Σ n_c² */
      for (guint c = 0; c < n_distinct; c++)
        sum += (double) counts[c] * counts[c];
      return n * n - sum;
    }
  if (metric == HEARSAY_AGREEMENT_RATIO)
    {
      /* No decomposition: the pairs of distinct values, O(values²). */
      for (guint c = 0; c < n_distinct; c++)
        for (guint k = c + 1; k < n_distinct; k++)
          sum += 2.0 * counts[c] * counts[k] * delta2 (metric, x, c, k);
      return sum;
    }
  /* Σ Σ n_c n_k (x_c − x_k)² = 2 n Σ n_c (x_c − x̄)²: centred, so no
   * cancellation between two large sums. */
  {
    double mean = 0;

    for (guint c = 0; c < n_distinct; c++)
      mean += counts[c] * x[c];
    mean /= n;
    for (guint c = 0; c < n_distinct; c++)
      sum += counts[c] * (x[c] - mean) * (x[c] - mean);
    return 2 * n * sum;
  }
}

gboolean
hearsay_agreement_krippendorff_alpha (const HearsayAgreementMatrix *matrix,
                                      HearsayAgreementMetric        metric,
                                      HearsayAgreementResult       *result,
                                      GError                      **error)
{
  g_autofree double *pairable = NULL;
  g_autofree gsize *unit_end = NULL;
  g_autofree guint32 *ranks = NULL;
  g_autofree double *values = NULL;
  g_autofree guint64 *counts = NULL;
  g_autofree double *x = NULL;
  guint n_distinct = 0;
  gsize n = 0;
  double observed = 0;

  g_return_val_if_fail (matrix != NULL, FALSE);
  g_return_val_if_fail (matrix->values != NULL || matrix->n_units == 0, FALSE);
  g_return_val_if_fail ((guint) metric <= HEARSAY_AGREEMENT_RATIO, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (result, 0, sizeof *result);
  if (!hearsay_agreement_check_matrix (matrix, error))
    return FALSE;

  /* The pairable values, unit after unit: those of units coded twice or more. */
  pairable = g_new (double, MAX ((gsize) matrix->n_coders * matrix->n_units, 1));
  unit_end = g_new (gsize, MAX (matrix->n_units, 1));
  for (guint u = 0; u < matrix->n_units; u++)
    {
      guint m = 0;

      for (guint c = 0; c < matrix->n_coders; c++)
        {
          double v = matrix->values[(gsize) c * matrix->n_units + u];

          if (hearsay_agreement_is_missing (v))
            continue;
          if (metric == HEARSAY_AGREEMENT_RATIO && v < 0)
            {
              g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_INVALID,
                           "Coder %u, unit %u: %g is negative, which a ratio scale cannot hold",
                           c, u, v);
              return FALSE;
            }
          pairable[n + m++] = v;
        }
      if (m >= 2)
        {
          n += m;
          unit_end[result->n_units++] = n;
        }
      else
        result->n_skipped++;
    }
  result->n_values = n;
  if (result->n_units == 0)
    {
      g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_NO_UNITS,
                   "No unit was coded by two coders or more: no pairable values");
      return FALSE;
    }

  ranks = g_new (guint32, n);
  values = hearsay_agreement_rank_values (pairable, n, ranks, &n_distinct);
  counts = g_new0 (guint64, n_distinct);
  for (gsize i = 0; i < n; i++)
    counts[ranks[i]]++;
  x = metric_positions (metric, values, counts, n_distinct);

  /* D_o, unit by unit: each ordered pair of values from different coders
   * weighs 1 / (m_u − 1). */
  for (guint u = 0; u < result->n_units; u++)
    {
      gsize first = u > 0 ? unit_end[u - 1] : 0;
      const guint32 *unit = ranks + first;
      guint m = (guint) (unit_end[u] - first);
      double sum = 0;

      for (guint i = 0; i < m; i++)
        for (guint j = i + 1; j < m; j++)
          sum += delta2 (metric, x, unit[i], unit[j]);
      observed += 2 * sum / (m - 1);
    }
  result->observed = observed / n;

  /* One value everywhere: D_e = D_o = 0, and α would be 0/0. */
  if (n_distinct < 2)
    {
      g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_NO_VARIATION,
                   "All %" G_GSIZE_FORMAT " pairable values are %g: with no variation α is"
                   " undefined (the coders agree on every unit)", n, values[0]);
      return FALSE;
    }
  result->expected = expected_sum (metric, x, counts, n_distinct, (double) n)
                     / ((double) n * (n - 1));
  result->value = 1 - result->observed / result->expected;
  return TRUE;
}
