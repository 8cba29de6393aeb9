/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-agreement-align.c: aligning several coders' annotations of one
 * document into units — the matched units whose labels and attribute
 * values the coding measures compare, and the units curation decides on.
 *
 * Candidate pairs come from one sweep in start order; they are joined best
 * first, Kruskal-like, with a union–find whose sets carry their coders as a
 * bit mask: two sets join only when no coder is in both. With two coders
 * this is the greedy one-to-one matching of span P/R/F1 in overlap mode
 * (hearsay-agreement-spans.c), with the label no longer required to agree. */
#include <string.h>

#include "hearsay-agreement-private.h"

typedef struct {
  guint32 a;
  guint32 b;
  gint64  overlap;
  gint64  distance;
  gboolean same;
} Pair;

static int
compare_pairs (gconstpointer pa,
               gconstpointer pb)
{
  const Pair *x = pa, *y = pb;

  if (x->overlap != y->overlap)
    return x->overlap > y->overlap ? -1 : 1;
  if (x->distance != y->distance)
    return x->distance < y->distance ? -1 : 1;
  if (x->same != y->same)
    return x->same ? -1 : 1;
  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return x->b < y->b ? -1 : x->b > y->b;
}

static int
compare_starts (gconstpointer pa,
                gconstpointer pb,
                gpointer      data)
{
  const HearsayAgreementItem *items = data;
  const HearsayAgreementItem *x = &items[*(const guint32 *) pa];
  const HearsayAgreementItem *y = &items[*(const guint32 *) pb];

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  if (x->coder != y->coder)
    return x->coder < y->coder ? -1 : 1;
  return *(const guint32 *) pa < *(const guint32 *) pb ? -1 : 1;
}

static guint32
find (guint32 *parent,
      guint32  i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

/* Whether two items may share a unit, and how well they fit. */
static gboolean
make_pair (const HearsayAgreementItem *items,
           guint32                     a,
           guint32                     b,
           gboolean                    exact,
           Pair                       *pair)
{
  const HearsayAgreementItem *x = &items[a], *y = &items[b];
  gint64 overlap = MIN (x->end, y->end) - MAX (x->start, y->start);
  gint64 uni = MAX (x->end, y->end) - MIN (x->start, y->start);

  if (x->coder == y->coder || overlap <= 0)
    return FALSE;
  if (exact && (x->start != y->start || x->end != y->end))
    return FALSE;
  /* Different labels on merely overlapping text are two units, not one
   * unit the coders labelled differently. */
  if (x->label != y->label && 2 * overlap < uni)
    return FALSE;
  pair->a = MIN (a, b);
  pair->b = MAX (a, b);
  pair->overlap = overlap;
  pair->distance = ABS (x->start - y->start) + ABS (x->end - y->end);
  pair->same = x->label == y->label;
  return TRUE;
}

void
hearsay_agreement_align (const HearsayAgreementItem *items,
                         guint                       n_items,
                         gboolean                    exact,
                         GArray                     *units,
                         GArray                     *members)
{
  g_autofree guint32 *order = NULL;
  g_autofree guint32 *parent = NULL;
  g_autofree guint64 *mask = NULL;
  g_autofree guint32 *unit_of = NULL;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GArray) open = NULL;
  guint first_unit = units->len;

  if (n_items == 0)
    return;
  order = g_new (guint32, n_items);
  for (guint i = 0; i < n_items; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n_items, sizeof *order, compare_starts, (gpointer) items);

  pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  open = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint k = 0; k < n_items; k++)
    {
      guint32 i = order[k];
      guint kept = 0;

      for (guint o = 0; o < open->len; o++)
        {
          guint32 j = g_array_index (open, guint32, o);
          Pair pair;

          if (items[j].end <= items[i].start)
            continue;
          g_array_index (open, guint32, kept++) = j;
          if (make_pair (items, i, j, exact, &pair))
            g_array_append_val (pairs, pair);
        }
      g_array_set_size (open, kept);
      g_array_append_val (open, i);
    }
  g_array_sort (pairs, compare_pairs);

  parent = g_new (guint32, n_items);
  mask = g_new (guint64, n_items);
  for (guint i = 0; i < n_items; i++)
    {
      parent[i] = i;
      mask[i] = G_GUINT64_CONSTANT (1) << (items[i].coder & 63);
    }
  for (guint p = 0; p < pairs->len; p++)
    {
      const Pair *pair = &g_array_index (pairs, Pair, p);
      guint32 ra = find (parent, pair->a), rb = find (parent, pair->b);

      if (ra == rb || (mask[ra] & mask[rb]) != 0)
        continue;
      parent[rb] = ra;
      mask[ra] |= mask[rb];
    }

  /* Units in the order of their first item's start; members by coder. */
  unit_of = g_new (guint32, n_items);
  for (guint i = 0; i < n_items; i++)
    unit_of[i] = G_MAXUINT32;
  for (guint k = 0; k < n_items; k++)
    {
      guint32 root = find (parent, order[k]);

      if (unit_of[root] == G_MAXUINT32)
        {
          HearsayAgreementUnit unit = { 0, 0 };

          unit_of[root] = units->len;
          g_array_append_val (units, unit);
        }
    }
  /* Counts, then offsets, then members (coder order inside a unit). */
  for (guint i = 0; i < n_items; i++)
    g_array_index (units, HearsayAgreementUnit, unit_of[find (parent, i)]).n++;
  {
    guint offset = members->len;

    for (guint u = first_unit; u < units->len; u++)
      {
        HearsayAgreementUnit *unit = &g_array_index (units, HearsayAgreementUnit, u);

        unit->first = offset;
        offset += unit->n;
        unit->n = 0;
      }
    g_array_set_size (members, offset);
  }
  for (guint i = 0; i < n_items; i++)
    {
      HearsayAgreementUnit *unit = &g_array_index (units, HearsayAgreementUnit, unit_of[find (parent, i)]);
      guint32 *m = &g_array_index (members, guint32, unit->first);
      guint n = unit->n++;

      /* Insertion by coder: a unit has at most one member per coder. */
      while (n > 0 && items[m[n - 1]].coder > items[i].coder)
        {
          m[n] = m[n - 1];
          n--;
        }
      m[n] = i;
    }
}
