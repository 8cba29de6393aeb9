/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-agreement-spans.c: span precision, recall and F1 between two coders. */
#include <string.h>

#include "hearsay-agreement-private.h"

/* Candidate pairs are found by one sweep over both coders' spans sorted by
 * start (per category unless any category may match): each new span pairs
 * with the other coder's spans still open. Then the pairs are taken
 * greedily, best first, each span at most once. The cost is
 * O(n log n + K log K) for K overlapping pairs. */

typedef struct {
  gsize  reference;
  gsize  candidate;
  gint64 overlap;   /* characters in common */
  gint64 distance;  /* |Δstart| + |Δend| */
  gboolean same;    /* same category */
} Pair;

typedef struct {
  const HearsayAgreementSegment *spans;
  gboolean                       by_category;
} SortContext;

static int
compare_by_start (gconstpointer pa,
                  gconstpointer pb,
                  gpointer      data)
{
  const SortContext *ctx = data;
  const HearsayAgreementSegment *a = &ctx->spans[*(const gsize *) pa];
  const HearsayAgreementSegment *b = &ctx->spans[*(const gsize *) pb];

  if (ctx->by_category && a->category != b->category)
    return a->category < b->category ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  return *(const gsize *) pa < *(const gsize *) pb ? -1 : 1;
}

static int
compare_pairs (gconstpointer pa,
               gconstpointer pb)
{
  const Pair *a = pa, *b = pb;

  if (a->overlap != b->overlap)
    return a->overlap > b->overlap ? -1 : 1;
  if (a->distance != b->distance)
    return a->distance < b->distance ? -1 : 1;
  if (a->same != b->same)
    return a->same ? -1 : 1;
  if (a->reference != b->reference)
    return a->reference < b->reference ? -1 : 1;
  if (a->candidate != b->candidate)
    return a->candidate < b->candidate ? -1 : 1;
  return 0;
}

static gsize *
sorted_indexes (const HearsayAgreementSegment *spans,
                gsize                          n,
                gboolean                       by_category)
{
  gsize *order = g_new (gsize, MAX (n, 1));
  SortContext ctx = { spans, by_category };

  for (gsize i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n, sizeof (gsize), compare_by_start, &ctx);
  return order;
}

static gboolean
check_spans (const HearsayAgreementSegment *spans,
             gsize                          n,
             const char                    *which,
             GError                       **error)
{
  for (gsize i = 0; i < n; i++)
    if (spans[i].start < 0 || spans[i].end <= spans[i].start)
      {
        g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_INVALID,
                     "%s span %" G_GSIZE_FORMAT " [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                     ") is empty or negative", which, i, spans[i].start, spans[i].end);
        return FALSE;
      }
  return TRUE;
}

/* Drops from @open (indexes into @spans) those that end at or before @pos. */
static void
prune (GArray                        *open,
       const HearsayAgreementSegment *spans,
       gint64                         pos)
{
  guint kept = 0;

  for (guint i = 0; i < open->len; i++)
    {
      gsize k = g_array_index (open, gsize, i);

      if (spans[k].end > pos)
        g_array_index (open, gsize, kept++) = k;
    }
  g_array_set_size (open, kept);
}

static void
add_pair (GArray                        *pairs,
          const HearsayAgreementSegment *reference,
          gsize                          r,
          const HearsayAgreementSegment *candidate,
          gsize                          c,
          gboolean                       exact)
{
  const HearsayAgreementSegment *a = &reference[r], *b = &candidate[c];
  Pair pair;

  if (exact && (a->start != b->start || a->end != b->end))
    return;
  pair.reference = r;
  pair.candidate = c;
  pair.overlap = MIN (a->end, b->end) - MAX (a->start, b->start);
  pair.distance = ABS (a->start - b->start) + ABS (a->end - b->end);
  pair.same = a->category == b->category;
  g_array_append_val (pairs, pair);
}

static GArray *
candidate_pairs (const HearsayAgreementSegment *reference,
                 gsize                          n_reference,
                 const HearsayAgreementSegment *candidate,
                 gsize                          n_candidate,
                 HearsayAgreementMatchFlags     flags)
{
  gboolean by_category = !(flags & HEARSAY_AGREEMENT_MATCH_ANY_CATEGORY);
  gboolean exact = !(flags & HEARSAY_AGREEMENT_MATCH_OVERLAP);
  g_autofree gsize *ra = sorted_indexes (reference, n_reference, by_category);
  g_autofree gsize *cb = sorted_indexes (candidate, n_candidate, by_category);
  g_autoptr(GArray) open_a = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GArray) open_b = g_array_new (FALSE, FALSE, sizeof (gsize));
  GArray *pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  gsize i = 0, j = 0;

  while (i < n_reference || j < n_candidate)
    {
      const HearsayAgreementSegment *a = i < n_reference ? &reference[ra[i]] : NULL;
      const HearsayAgreementSegment *b = j < n_candidate ? &candidate[cb[j]] : NULL;
      gboolean take_a;

      /* Next by (category,) start; the reference first on ties. */
      if (a == NULL)
        take_a = FALSE;
      else if (b == NULL)
        take_a = TRUE;
      else if (by_category && a->category != b->category)
        take_a = a->category < b->category;
      else
        take_a = a->start <= b->start;

      if (take_a)
        {
          /* A new category closes every open span of the previous one. */
          if (by_category && open_b->len > 0 &&
              candidate[g_array_index (open_b, gsize, 0)].category != a->category)
            g_array_set_size (open_b, 0);
          prune (open_b, candidate, a->start);
          for (guint k = 0; k < open_b->len; k++)
            add_pair (pairs, reference, ra[i], candidate, g_array_index (open_b, gsize, k), exact);
          if (by_category && open_a->len > 0 &&
              reference[g_array_index (open_a, gsize, 0)].category != a->category)
            g_array_set_size (open_a, 0);
          g_array_append_val (open_a, ra[i]);
          i++;
        }
      else
        {
          if (by_category && open_a->len > 0 &&
              reference[g_array_index (open_a, gsize, 0)].category != b->category)
            g_array_set_size (open_a, 0);
          prune (open_a, reference, b->start);
          for (guint k = 0; k < open_a->len; k++)
            add_pair (pairs, reference, g_array_index (open_a, gsize, k), candidate, cb[j], exact);
          if (by_category && open_b->len > 0 &&
              candidate[g_array_index (open_b, gsize, 0)].category != b->category)
            g_array_set_size (open_b, 0);
          g_array_append_val (open_b, cb[j]);
          j++;
        }
    }
  return pairs;
}

gboolean
hearsay_agreement_spans_compare (const HearsayAgreementSegment *reference,
                                 gsize                          n_reference,
                                 const HearsayAgreementSegment *candidate,
                                 gsize                          n_candidate,
                                 HearsayAgreementMatchFlags     flags,
                                 HearsayAgreementSpanScores    *scores,
                                 gssize                        *matched,
                                 GError                       **error)
{
  g_autoptr(GArray) pairs = NULL;
  g_autofree gboolean *taken = NULL;
  g_autofree gssize *match = NULL;

  g_return_val_if_fail (reference != NULL || n_reference == 0, FALSE);
  g_return_val_if_fail (candidate != NULL || n_candidate == 0, FALSE);
  g_return_val_if_fail (scores != NULL, FALSE);
  g_return_val_if_fail (n_reference <= G_MAXINT && n_candidate <= G_MAXINT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (scores, 0, sizeof *scores);
  if (!check_spans (reference, n_reference, "Reference", error) ||
      !check_spans (candidate, n_candidate, "Candidate", error))
    return FALSE;
  scores->n_reference = (guint) n_reference;
  scores->n_candidate = (guint) n_candidate;
  if (n_reference + n_candidate == 0)
    {
      g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_NO_UNITS,
                   "Neither coder marked a span: precision, recall and F1 are undefined");
      return FALSE;
    }

  pairs = candidate_pairs (reference, n_reference, candidate, n_candidate, flags);
  g_array_sort (pairs, compare_pairs);
  taken = g_new0 (gboolean, MAX (n_candidate, 1));
  match = g_new (gssize, MAX (n_reference, 1));
  for (gsize r = 0; r < n_reference; r++)
    match[r] = -1;
  for (guint k = 0; k < pairs->len; k++)
    {
      const Pair *p = &g_array_index (pairs, Pair, k);

      if (match[p->reference] >= 0 || taken[p->candidate])
        continue;
      match[p->reference] = (gssize) p->candidate;
      taken[p->candidate] = TRUE;
      scores->n_matched++;
    }

  scores->precision_defined = n_candidate > 0;
  scores->recall_defined = n_reference > 0;
  scores->precision = n_candidate > 0 ? (double) scores->n_matched / n_candidate : 0;
  scores->recall = n_reference > 0 ? (double) scores->n_matched / n_reference : 0;
  scores->f1 = 2.0 * scores->n_matched / (double) (n_reference + n_candidate);
  if (matched != NULL && n_reference > 0)
    memcpy (matched, match, n_reference * sizeof *match);
  return TRUE;
}
