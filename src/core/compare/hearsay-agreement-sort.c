/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-agreement-sort.c: radix sorting and value ranking for the agreement statistics. */
#include <stdlib.h>
#include <string.h>

#include "hearsay-agreement-private.h"

/* qsort with a comparison callback cost 60 % of α and κ on 600,000 values;
 * an LSD radix sort on 16-bit digits, skipping the digits every key shares
 * (the high ones, for lengths and small offsets), is linear. */

#define RADIX_BITS 16
#define RADIX_SIZE (1u << RADIX_BITS)
#define SMALL_SORT 2048

typedef struct {
  guint64 key;
  guint32 item;
} KeyItem;

static int
compare_key_items (gconstpointer pa,
                   gconstpointer pb)
{
  const KeyItem *a = pa, *b = pb;

  if (a->key != b->key)
    return a->key < b->key ? -1 : 1;
  return a->item < b->item ? -1 : a->item > b->item;
}

void
hearsay_agreement_radix_sort (guint64 *keys,
                              guint32 *items,
                              gsize    n)
{
  g_autofree guint64 *key_tmp = NULL;
  g_autofree guint32 *item_tmp = NULL;
  g_autofree gsize *histogram = NULL;
  guint64 *src_k = keys, *dst_k;
  guint32 *src_i = items, *dst_i;

  if (n < 2)
    return;
  if (n < SMALL_SORT)
    {
      g_autofree KeyItem *pairs = g_new (KeyItem, n);

      for (gsize i = 0; i < n; i++)
        pairs[i] = (KeyItem) { keys[i], items != NULL ? items[i] : 0 };
      qsort (pairs, n, sizeof *pairs, compare_key_items);
      for (gsize i = 0; i < n; i++)
        {
          keys[i] = pairs[i].key;
          if (items != NULL)
            items[i] = pairs[i].item;
        }
      return;
    }

  key_tmp = g_new (guint64, n);
  item_tmp = items != NULL ? g_new (guint32, n) : NULL;
  dst_k = key_tmp;
  dst_i = item_tmp;
  histogram = g_new0 (gsize, 4 * RADIX_SIZE);
  for (gsize i = 0; i < n; i++)
    for (guint d = 0; d < 4; d++)
      histogram[d * RADIX_SIZE + ((keys[i] >> (d * RADIX_BITS)) & (RADIX_SIZE - 1))]++;

  for (guint d = 0; d < 4; d++)
    {
      gsize *count = histogram + d * RADIX_SIZE;
      gsize sum = 0;
      guint shift = d * RADIX_BITS;

      if (count[(src_k[0] >> shift) & (RADIX_SIZE - 1)] == n)
        continue;  /* every key has this digit */
      for (guint b = 0; b < RADIX_SIZE; b++)
        {
          gsize c = count[b];

          count[b] = sum;
          sum += c;
        }
      for (gsize i = 0; i < n; i++)
        {
          gsize to = count[(src_k[i] >> shift) & (RADIX_SIZE - 1)]++;

          dst_k[to] = src_k[i];
          if (items != NULL)
            dst_i[to] = src_i[i];
        }
      { guint64 *t = src_k; src_k = dst_k; dst_k = t; }
      { guint32 *t = src_i; src_i = dst_i; dst_i = t; }
    }
  if (src_k != keys)
    {
      memcpy (keys, src_k, n * sizeof *keys);
      if (items != NULL)
        memcpy (items, src_i, n * sizeof *items);
    }
}

/* Doubles ordered as unsigned integers: flip all bits of negatives, the
 * sign bit of the others. */
static inline guint64
double_key (double v)
{
  guint64 bits;

  if (v == 0)
    v = 0;  /* −0 and +0 are one value */
  memcpy (&bits, &v, sizeof bits);
  return (bits >> 63) ? ~bits : bits | G_GUINT64_CONSTANT (0x8000000000000000);
}

#define FEW_VALUES 64

double *
hearsay_agreement_rank_values (const double *values,
                               gsize         n,
                               guint32      *ranks,
                               guint        *n_distinct)
{
  double few[FEW_VALUES];
  guint32 few_id[FEW_VALUES], id_rank[FEW_VALUES];
  guint n_few = 0;
  gsize i;
  g_autofree guint64 *keys = NULL;
  g_autofree guint32 *order = NULL;
  double *distinct;
  gsize n_present = 0, k = 0;

  /* Categories and scales: a handful of values, kept sorted as they come,
   * each cell given the id of its value's first appearance. */
  for (i = 0; i < n; i++)
    {
      double v = values[i];
      guint lo = 0, hi = n_few;

      if (hearsay_agreement_is_missing (v))
        {
          ranks[i] = HEARSAY_AGREEMENT_NO_RANK;
          continue;
        }
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (few[mid] < v)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo < n_few && few[lo] == v)
        {
          ranks[i] = few_id[lo];
          continue;
        }
      if (n_few == FEW_VALUES)
        break;
      memmove (few + lo + 1, few + lo, (n_few - lo) * sizeof *few);
      memmove (few_id + lo + 1, few_id + lo, (n_few - lo) * sizeof *few_id);
      few[lo] = v;
      few_id[lo] = n_few;
      ranks[i] = n_few++;
    }
  if (i == n)
    {
      for (guint r = 0; r < n_few; r++)
        id_rank[few_id[r]] = r;
      for (i = 0; i < n; i++)
        if (ranks[i] != HEARSAY_AGREEMENT_NO_RANK)
          ranks[i] = id_rank[ranks[i]];
      *n_distinct = n_few;
      return n_few > 0 ? g_memdup2 (few, n_few * sizeof *few) : NULL;
    }

  /* Many values: sort them all. */
  keys = g_new (guint64, n);
  order = g_new (guint32, n);
  for (i = 0; i < n; i++)
    if (!hearsay_agreement_is_missing (values[i]))
      {
        keys[n_present] = double_key (values[i]);
        order[n_present++] = (guint32) i;
      }
  hearsay_agreement_radix_sort (keys, order, n_present);
  distinct = g_new (double, n_present);
  for (gsize j = 0; j < n_present; j++)
    {
      double v = values[order[j]];

      if (k == 0 || distinct[k - 1] != v)
        distinct[k++] = v == 0 ? 0 : v;
      ranks[order[j]] = (guint32) (k - 1);
    }
  *n_distinct = (guint) k;
  return g_realloc (distinct, k * sizeof *distinct);
}
