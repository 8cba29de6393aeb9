/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-agreement-unitizing.c: Krippendorff's unitizing αU on a character continuum. */
#include <string.h>

#include "hearsay-agreement-private.h"

/* The definition is that of DKPro Statistics' KrippendorffAlphaUnitizingAgreement
 * (after Krippendorff 1995, 2004), computed differently: per category c, each
 * coder's segments of c cut the continuum of length L into units and gaps.
 *
 * D_o(c) = 2 / (R (R − 1) L²) Σ_{coder pairs} Σ_{overlapping sections} δ², with
 *   unit–unit (any overlap): (start₁ − start₂)² + (end₁ − end₂)²
 *   unit inside the other coder's gap: length²
 *   anything else: 0.
 * A unit lies inside a gap exactly when it overlaps none of the other coder's
 * units, so gaps need not be built: a merge of the two sorted lists does it.
 *
 * D_e(c) = 2/L · Σ_units [ (N_c − 1) l(2l² − 3l + 1)/3 + l² Σ_{gaps g ≥ l} (g − l + 1) ]
 *          / (R L (R L − 1) − Σ_units l (l − 1))
 * where N_c counts every coder's units of c and the gaps are every coder's.
 * With the gaps sorted and summed, Σ_{g ≥ l} (g − l + 1) is one binary search.
 *
 * Overall: 1 − mean_c D_o(c) / mean_c D_e(c) over the categories used. */

typedef struct {
  gint64 start;
  gint64 end;
} Span;

static inline double
square (double v)
{
  return v * v;
}

/* Σ δ² between two coders' sorted, disjoint units of one category. */
static double
pair_disagreement (const Span *a,
                   gsize       n_a,
                   const Span *b,
                   gsize       n_b)
{
  gsize i = 0, j = 0;
  gboolean a_hit = FALSE, b_hit = FALSE;
  double sum = 0;

  while (i < n_a && j < n_b)
    {
      if (a[i].end <= b[j].start)
        {
          if (!a_hit)
            sum += square ((double) (a[i].end - a[i].start));
          i++, a_hit = FALSE;
        }
      else if (b[j].end <= a[i].start)
        {
          if (!b_hit)
            sum += square ((double) (b[j].end - b[j].start));
          j++, b_hit = FALSE;
        }
      else
        {
          gint64 end_a = a[i].end, end_b = b[j].end;

          sum += square ((double) (a[i].start - b[j].start)) + square ((double) (end_a - end_b));
          a_hit = b_hit = TRUE;
          /* The one that ends first can overlap nothing further. */
          if (end_a <= end_b)
            i++, a_hit = FALSE;
          if (end_b <= end_a)
            j++, b_hit = FALSE;
        }
    }
  for (; i < n_a; i++, a_hit = FALSE)
    if (!a_hit)
      sum += square ((double) (a[i].end - a[i].start));
  for (; j < n_b; j++, b_hit = FALSE)
    if (!b_hit)
      sum += square ((double) (b[j].end - b[j].start));
  return sum;
}

/* One category: @spans holds every coder's units, coder after coder, each
 * coder's sorted by start; @first[r] … @first[r + 1] are coder r's. */
static void
category_disagreements (const Span                    *spans,
                        const gsize                   *first,
                        guint                          n_coders,
                        gint64                         begin,
                        gint64                         length,
                        HearsayAgreementCategoryAlpha *out)
{
  gsize n_units = first[n_coders];
  g_autofree guint64 *gaps = g_new (guint64, n_units + n_coders);
  g_autofree gint64 *suffix = NULL;
  gsize n_gaps = 0;
  double observed = 0, expected = 0, squared_lengths = 0;
  double r = n_coders, l = (double) length;

  for (guint r1 = 0; r1 < n_coders; r1++)
    for (guint r2 = r1 + 1; r2 < n_coders; r2++)
      observed += pair_disagreement (spans + first[r1], first[r1 + 1] - first[r1],
                                     spans + first[r2], first[r2 + 1] - first[r2]);
  out->observed = 2 * observed / (r * (r - 1) * l * l);

  /* Every coder's gaps, including one of the whole continuum for a coder
   * without any unit of this category. */
  for (guint c = 0; c < n_coders; c++)
    {
      gint64 pos = begin;

      for (gsize i = first[c]; i < first[c + 1]; i++)
        {
          if (spans[i].start > pos)
            gaps[n_gaps++] = spans[i].start - pos;
          pos = spans[i].end;
        }
      if (begin + length > pos)
        gaps[n_gaps++] = begin + length - pos;
    }
  hearsay_agreement_radix_sort (gaps, NULL, n_gaps);
  /* suffix[k] = Σ gaps[k …]: sums up to R·L, well inside gint64. */
  suffix = g_new (gint64, n_gaps + 1);
  suffix[n_gaps] = 0;
  for (gsize k = n_gaps; k-- > 0;)
    suffix[k] = suffix[k + 1] + gaps[k];

  for (gsize i = 0; i < n_units; i++)
    {
      gint64 len = spans[i].end - spans[i].start;
      double dl = (double) len;
      gsize lo = 0, hi = n_gaps;

      /* The first gap ≥ len. */
      while (lo < hi)
        {
          gsize mid = lo + (hi - lo) / 2;

          if (gaps[mid] < (guint64) len)
            lo = mid + 1;
          else
            hi = mid;
        }
      expected += (n_units - 1.0) * dl * (dl - 1) * (2 * dl - 1) / 3
                  + dl * dl * ((double) suffix[lo] - (double) (n_gaps - lo) * (dl - 1));
      squared_lengths += dl * (dl - 1);
    }
  out->expected = 2 / l * expected / (r * l * (r * l - 1) - squared_lengths);
  out->n_segments = (guint) n_units;
  out->defined = out->expected > 0;
  out->alpha = out->defined ? 1 - out->observed / out->expected : 0;
}

HearsayAgreementUnitizing *
hearsay_agreement_unitizing_alpha (const HearsayAgreementSegment *segments,
                                   gsize                          n_segments,
                                   guint                          n_coders,
                                   guint                          n_categories,
                                   gint64                         begin,
                                   gint64                         length,
                                   GError                       **error)
{
  g_autoptr(HearsayAgreementUnitizing) self = NULL;
  g_autofree guint32 *by_coder = NULL;
  g_autofree guint32 *order = NULL;
  g_autofree gsize *count = NULL;
  g_autofree Span *spans = NULL;
  g_autofree guint64 *keys = NULL;
  g_autofree guint32 *items = NULL;
  g_autofree gsize *first = NULL;
  gsize n = 0;
  double observed = 0, expected = 0;

  g_return_val_if_fail (segments != NULL || n_segments == 0, NULL);
  g_return_val_if_fail (n_segments <= G_MAXUINT32, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_coders < 2)
    {
      g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_TOO_FEW_CODERS,
                   "Unitizing agreement needs at least two coders (%u given)", n_coders);
      return NULL;
    }
  if (length < 0 || begin < 0 || begin > G_MAXINT64 - length)
    {
      g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_INVALID,
                   "The continuum [%" G_GINT64_FORMAT ", +%" G_GINT64_FORMAT ") is not valid",
                   begin, length);
      return NULL;
    }
  for (gsize i = 0; i < n_segments; i++)
    {
      const HearsayAgreementSegment *s = &segments[i];

      if (s->coder >= n_coders || s->category >= n_categories ||
          s->start < begin || s->end > begin + length || s->start >= s->end)
        {
          g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_INVALID,
                       "Segment %" G_GSIZE_FORMAT " (coder %u, category %u, [%" G_GINT64_FORMAT
                       ", %" G_GINT64_FORMAT ")) is empty or outside the %u coders, %u categories"
                       " or the continuum [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                       i, s->coder, s->category, s->start, s->end, n_coders, n_categories,
                       begin, begin + length);
          return NULL;
        }
    }
  if (n_segments == 0)
    {
      g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_NO_UNITS,
                   "No coder marked any segment: αU is undefined");
      return NULL;
    }

  self = g_new0 (HearsayAgreementUnitizing, 1);
  self->n_coders = n_coders;
  self->n_categories = n_categories;
  self->categories = g_new0 (HearsayAgreementCategoryAlpha, MAX (n_categories, 1));

  /* Group by category, then coder, keeping the input order inside a group:
   * two stable counting sorts, O(n + categories + coders). */
  by_coder = g_new (guint32, n_segments);
  order = g_new (guint32, n_segments);
  count = g_new0 (gsize, MAX (n_coders, n_categories) + 1);
  for (gsize i = 0; i < n_segments; i++)
    count[segments[i].coder + 1]++;
  for (guint c = 0; c < n_coders; c++)
    count[c + 1] += count[c];
  for (gsize i = 0; i < n_segments; i++)
    by_coder[count[segments[i].coder]++] = (guint32) i;
  memset (count, 0, (MAX (n_coders, n_categories) + 1) * sizeof *count);
  for (gsize i = 0; i < n_segments; i++)
    count[segments[by_coder[i]].category + 1]++;
  for (guint k = 0; k < n_categories; k++)
    count[k + 1] += count[k];
  for (gsize i = 0; i < n_segments; i++)
    order[count[segments[by_coder[i]].category]++] = by_coder[i];

  spans = g_new (Span, n_segments);
  keys = g_new (guint64, n_segments);
  items = g_new (guint32, n_segments);
  first = g_new (gsize, n_coders + 1);
  for (gsize i = 0; i < n_segments;)
    {
      guint category = segments[order[i]].category;
      gsize base = n;

      for (guint c = 0; c < n_coders; c++)
        {
          gsize lo = i, run = n;
          gboolean sorted = TRUE;

          first[c] = n - base;
          for (; i < n_segments && segments[order[i]].category == category &&
                 segments[order[i]].coder == c; i++)
            {
              const HearsayAgreementSegment *s = &segments[order[i]];

              sorted = sorted && (i == lo || s->start >= spans[n - 1].start);
              spans[n].start = s->start;
              spans[n].end = s->end;
              n++;
            }
          /* Stores read rows sorted by start already; anything else is sorted here. */
          if (!sorted)
            {
              g_autofree Span *copy = g_memdup2 (spans + run, (n - run) * sizeof *spans);

              for (gsize k = 0; k < n - run; k++)
                {
                  keys[k] = (guint64) (copy[k].start - begin);
                  items[k] = (guint32) k;
                }
              hearsay_agreement_radix_sort (keys, items, n - run);
              for (gsize k = 0; k < n - run; k++)
                spans[run + k] = copy[items[k]];
            }
          /* One coder's overlapping segments of one category become their
           * union: a character is marked c by that coder or it is not. */
          if (n > run)
            {
              gsize kept = run + 1;

              for (gsize k = run + 1; k < n; k++)
                {
                  if (spans[k].start < spans[kept - 1].end)
                    {
                      spans[kept - 1].end = MAX (spans[kept - 1].end, spans[k].end);
                      self->n_merged++;
                    }
                  else
                    spans[kept++] = spans[k];
                }
              n = kept;
            }
        }
      first[n_coders] = n - base;
      category_disagreements (spans + base, first, n_coders, begin, length,
                              &self->categories[category]);
      observed += self->categories[category].observed;
      expected += self->categories[category].expected;
      self->n_used++;
    }

  self->observed = observed / self->n_used;
  self->expected = expected / self->n_used;
  if (!(self->expected > 0))
    {
      g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_NO_VARIATION,
                   "Expected disagreement is 0 (every coder's segments have length 1 and"
                   " leave no gap): αU is undefined");
      return NULL;
    }
  self->alpha = 1 - self->observed / self->expected;
  return g_steal_pointer (&self);
}

void
hearsay_agreement_unitizing_free (HearsayAgreementUnitizing *self)
{
  if (self == NULL)
    return;
  g_free (self->categories);
  g_free (self);
}
