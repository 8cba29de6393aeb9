/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-agreement-stats.c: percent agreement, Cohen's and Fleiss' κ, confusion matrices. */
#include <string.h>

#include "hearsay-agreement-private.h"

G_DEFINE_QUARK (hearsay-agreement-error-quark, hearsay_agreement_error)

static const char *metric_names[] = { "nominal", "ordinal", "interval", "ratio" };

gboolean
hearsay_agreement_metric_from_string (const char             *name,
                                      HearsayAgreementMetric *metric)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (metric != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (metric_names); i++)
    if (g_ascii_strcasecmp (name, metric_names[i]) == 0)
      {
        *metric = (HearsayAgreementMetric) i;
        return TRUE;
      }
  return FALSE;
}

const char *
hearsay_agreement_metric_to_string (HearsayAgreementMetric metric)
{
  g_return_val_if_fail ((guint) metric < G_N_ELEMENTS (metric_names), NULL);

  return metric_names[metric];
}

gboolean
hearsay_agreement_check_matrix (const HearsayAgreementMatrix *matrix,
                                GError                      **error)
{
  gsize n = (gsize) matrix->n_coders * matrix->n_units;

  if (matrix->n_coders < 2)
    {
      g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_TOO_FEW_CODERS,
                   "Agreement needs at least two coders (%u given)", matrix->n_coders);
      return FALSE;
    }
  /* Ranks are 32-bit. */
  if (n > G_MAXUINT32)
    {
      g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_INVALID,
                   "%u coders × %u units is too many values", matrix->n_coders, matrix->n_units);
      return FALSE;
    }
  for (gsize i = 0; i < n; i++)
    {
      double v = matrix->values[i];

      if (!hearsay_agreement_is_missing (v) && !isfinite (v))
        {
          g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_INVALID,
                       "Coder %u, unit %u: the value is infinite",
                       (guint) (i / matrix->n_units), (guint) (i % matrix->n_units));
          return FALSE;
        }
    }
  return TRUE;
}

static void
result_clear (HearsayAgreementResult *result)
{
  memset (result, 0, sizeof *result);
}

/* ---- percent agreement ---- */

gboolean
hearsay_agreement_percent (const HearsayAgreementMatrix *matrix,
                           HearsayAgreementResult       *result,
                           GError                      **error)
{
  g_autofree double *unit = NULL;
  double sum = 0;

  g_return_val_if_fail (matrix != NULL, FALSE);
  g_return_val_if_fail (matrix->values != NULL || matrix->n_units == 0, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result_clear (result);
  if (!hearsay_agreement_check_matrix (matrix, error))
    return FALSE;

  unit = g_new (double, matrix->n_coders);
  for (guint u = 0; u < matrix->n_units; u++)
    {
      guint m = 0;
      guint64 agreeing = 0;

      for (guint c = 0; c < matrix->n_coders; c++)
        {
          double v = matrix->values[(gsize) c * matrix->n_units + u];

          if (!hearsay_agreement_is_missing (v))
            unit[m++] = v;
        }
      if (m < 2)
        {
          result->n_skipped++;
          continue;
        }
      /* m is the number of coders: comparing every pair beats sorting. */
      for (guint i = 0; i < m; i++)
        for (guint j = i + 1; j < m; j++)
          agreeing += unit[i] == unit[j];
      sum += 2.0 * agreeing / ((double) m * (m - 1));
      result->n_units++;
      result->n_values += m;
    }
  if (result->n_units == 0)
    {
      g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_NO_UNITS,
                   "No unit was coded by two coders or more");
      return FALSE;
    }
  result->value = result->observed = sum / result->n_units;
  return TRUE;
}

/* ---- confusion matrix and Cohen's κ ---- */

HearsayAgreementConfusion *
hearsay_agreement_confusion_new (const HearsayAgreementMatrix *matrix,
                                 guint                         coder_a,
                                 guint                         coder_b,
                                 GError                      **error)
{
  g_autoptr(HearsayAgreementConfusion) self = NULL;
  g_autofree guint32 *ranks = NULL;
  const guint32 *row_a, *row_b;
  gsize n;

  g_return_val_if_fail (matrix != NULL, NULL);
  g_return_val_if_fail (matrix->values != NULL || matrix->n_units == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!hearsay_agreement_check_matrix (matrix, error))
    return NULL;
  g_return_val_if_fail (coder_a < matrix->n_coders && coder_b < matrix->n_coders, NULL);
  g_return_val_if_fail (coder_a != coder_b, NULL);

  n = (gsize) matrix->n_coders * matrix->n_units;
  self = g_new0 (HearsayAgreementConfusion, 1);
  /* Every value of the matrix, so that all pairs' tables share their axes. */
  ranks = g_new (guint32, MAX (n, 1));
  self->categories = hearsay_agreement_rank_values (matrix->values, n, ranks, &self->n_categories);
  self->counts = g_new0 (guint64, MAX ((gsize) self->n_categories * self->n_categories, 1));
  row_a = ranks + (gsize) coder_a * matrix->n_units;
  row_b = ranks + (gsize) coder_b * matrix->n_units;
  for (guint u = 0; u < matrix->n_units; u++)
    {
      if (row_a[u] == HEARSAY_AGREEMENT_NO_RANK || row_b[u] == HEARSAY_AGREEMENT_NO_RANK)
        continue;
      self->counts[(gsize) row_a[u] * self->n_categories + row_b[u]]++;
      self->n_units++;
    }
  return g_steal_pointer (&self);
}

void
hearsay_agreement_confusion_free (HearsayAgreementConfusion *self)
{
  if (self == NULL)
    return;
  g_free (self->categories);
  g_free (self->counts);
  g_free (self);
}

gboolean
hearsay_agreement_cohen_kappa_table (const guint64          *counts,
                                     guint                   n_categories,
                                     HearsayAgreementResult *result,
                                     GError                **error)
{
  g_autofree guint64 *rows = NULL;
  g_autofree guint64 *columns = NULL;
  guint64 n = 0, diagonal = 0;
  double chance = 0;

  g_return_val_if_fail (counts != NULL || n_categories == 0, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result_clear (result);
  rows = g_new0 (guint64, MAX (n_categories, 1));
  columns = g_new0 (guint64, MAX (n_categories, 1));
  for (guint i = 0; i < n_categories; i++)
    for (guint j = 0; j < n_categories; j++)
      {
        guint64 c = counts[(gsize) i * n_categories + j];

        rows[i] += c;
        columns[j] += c;
        n += c;
        if (i == j)
          diagonal += c;
      }
  if (n == 0)
    {
      g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_NO_UNITS,
                   "No unit was coded by both coders");
      return FALSE;
    }
  result->n_units = (guint) MIN (n, G_MAXUINT);
  result->n_values = 2 * n;
  result->observed = (double) diagonal / n;
  for (guint i = 0; i < n_categories; i++)
    {
      /* P_e = 1 exactly when both coders used one and the same category. */
      if (rows[i] == n && columns[i] == n)
        {
          result->expected = 1;
          g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_NO_VARIATION,
                       "Both coders used one and the same category for all %" G_GUINT64_FORMAT
                       " units: chance agreement is 1 and κ is undefined", n);
          return FALSE;
        }
      chance += ((double) rows[i] / n) * ((double) columns[i] / n);
    }
  result->expected = chance;
  result->value = (result->observed - chance) / (1 - chance);
  return TRUE;
}

gboolean
hearsay_agreement_cohen_kappa (const HearsayAgreementMatrix *matrix,
                               guint                         coder_a,
                               guint                         coder_b,
                               HearsayAgreementResult       *result,
                               GError                      **error)
{
  g_autoptr(HearsayAgreementConfusion) confusion = NULL;

  g_return_val_if_fail (matrix != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result_clear (result);
  confusion = hearsay_agreement_confusion_new (matrix, coder_a, coder_b, error);
  if (confusion == NULL)
    return FALSE;
  if (!hearsay_agreement_cohen_kappa_table (confusion->counts, confusion->n_categories,
                                            result, error))
    {
      result->n_skipped = matrix->n_units - confusion->n_units;
      return FALSE;
    }
  result->n_skipped = matrix->n_units - confusion->n_units;
  return TRUE;
}

/* ---- Fleiss' κ ---- */

gboolean
hearsay_agreement_fleiss_kappa_counts (const guint            *counts,
                                       guint                   n_units,
                                       guint                   n_categories,
                                       HearsayAgreementResult *result,
                                       GError                **error)
{
  g_autofree guint64 *columns = NULL;
  guint64 raters = 0, total;
  double p_bar = 0, chance = 0;

  g_return_val_if_fail (counts != NULL || n_units == 0 || n_categories == 0, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result_clear (result);
  columns = g_new0 (guint64, MAX (n_categories, 1));
  for (guint u = 0; u < n_units; u++)
    {
      const guint *row = counts + (gsize) u * n_categories;
      guint64 sum = 0, squares = 0;

      for (guint j = 0; j < n_categories; j++)
        {
          sum += row[j];
          squares += (guint64) row[j] * row[j];
          columns[j] += row[j];
        }
      if (u == 0)
        raters = sum;
      else if (sum != raters)
        {
          g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_INVALID,
                       "Fleiss' κ needs the same number of coders for every unit: unit %u has %"
                       G_GUINT64_FORMAT ", unit 0 has %" G_GUINT64_FORMAT, u, sum, raters);
          return FALSE;
        }
      if (raters >= 2)
        p_bar += (double) (squares - raters) / ((double) raters * (raters - 1));
    }
  if (n_units == 0 || raters == 0)
    {
      g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_NO_UNITS,
                   "No coded unit");
      return FALSE;
    }
  if (raters < 2)
    {
      g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_TOO_FEW_CODERS,
                   "Fleiss' κ needs at least two coders per unit (%" G_GUINT64_FORMAT " given)",
                   raters);
      return FALSE;
    }
  total = raters * n_units;
  result->n_units = n_units;
  result->n_values = total;
  result->observed = p_bar / n_units;
  for (guint j = 0; j < n_categories; j++)
    {
      double p = (double) columns[j] / total;

      if (columns[j] == total)
        {
          result->expected = 1;
          g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_NO_VARIATION,
                       "Every coder put all %u units in one category: chance agreement is 1"
                       " and κ is undefined", n_units);
          return FALSE;
        }
      chance += p * p;
    }
  result->expected = chance;
  result->value = (result->observed - chance) / (1 - chance);
  return TRUE;
}

gboolean
hearsay_agreement_fleiss_kappa (const HearsayAgreementMatrix *matrix,
                                HearsayAgreementResult       *result,
                                GError                      **error)
{
  g_autofree double *categories = NULL;
  g_autofree guint *counts = NULL;
  g_autofree guint *complete = NULL;
  g_autofree guint32 *ranks = NULL;
  guint n_categories = 0, n_complete = 0;
  gboolean ok;

  g_return_val_if_fail (matrix != NULL, FALSE);
  g_return_val_if_fail (matrix->values != NULL || matrix->n_units == 0, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  result_clear (result);
  if (!hearsay_agreement_check_matrix (matrix, error))
    return FALSE;

  /* Only units every coder coded: Fleiss' chance model assumes a fixed
   * number of ratings per unit. */
  complete = g_new (guint, MAX (matrix->n_units, 1));
  for (guint u = 0; u < matrix->n_units; u++)
    {
      gboolean full = TRUE;

      for (guint c = 0; c < matrix->n_coders && full; c++)
        full = !hearsay_agreement_is_missing (matrix->values[(gsize) c * matrix->n_units + u]);
      if (full)
        complete[n_complete++] = u;
    }
  if (n_complete == 0)
    {
      result->n_skipped = matrix->n_units;
      g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_NO_UNITS,
                   "No unit was coded by all %u coders (Fleiss' κ uses complete units only)",
                   matrix->n_coders);
      return FALSE;
    }

  ranks = g_new (guint32, (gsize) matrix->n_coders * matrix->n_units);
  categories = hearsay_agreement_rank_values (matrix->values,
                                              (gsize) matrix->n_coders * matrix->n_units,
                                              ranks, &n_categories);
  counts = g_new0 (guint, (gsize) n_complete * n_categories);
  for (guint i = 0; i < n_complete; i++)
    for (guint c = 0; c < matrix->n_coders; c++)
      counts[(gsize) i * n_categories + ranks[(gsize) c * matrix->n_units + complete[i]]]++;
  ok = hearsay_agreement_fleiss_kappa_counts (counts, n_complete, n_categories, result, error);
  result->n_skipped = matrix->n_units - n_complete;
  return ok;
}
