/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-chart-geometry.c: the layout of the chains chart, from the
 * comparison's chains as structure (outlet, nodes, count). */
#include "config.h"

#include "hearsay-chart-geometry.h"
#include "hearsay-compare-private.h"

#define BOX_W 190
#define BOX_H 28
#define COL_W 250
#define ROW_H 40
#define CHAIN_TOP 48
#define CHAIN_LEFT 16
#define BAND_PAD_TOP 12
#define BAND_PAD_BOTTOM 14
#define MIN_WIDTH 480

HearsayChainLayout *
hearsay_chain_layout_new (HearsayComparison *comparison)
{
  HearsayChainLayout *layout = g_new0 (HearsayChainLayout, 1);
  g_autoptr(GHashTable) slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) links = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) per_col = g_array_new (FALSE, TRUE, sizeof (int));
  guint max_depth = 1, n_chains;
  gint band_outlet = -1;
  double y0 = CHAIN_TOP;
  int rows = 0;

  g_return_val_if_fail (HEARSAY_IS_COMPARISON (comparison), NULL);

  layout->boxes = g_array_new (FALSE, TRUE, sizeof (HearsayChainBox));
  layout->links = g_array_new (FALSE, TRUE, sizeof (HearsayChainLink));
  layout->bands = g_array_new (FALSE, FALSE, sizeof (double));
  layout->box_width = BOX_W;
  layout->box_height = BOX_H;
  layout->top = CHAIN_TOP;
  layout->left = CHAIN_LEFT;
  n_chains = hearsay_comparison_get_n_chains (comparison);
  for (guint i = 0; i < n_chains; i++)
    {
      guint outlet, n;
      gint64 count;
      const char * const *nodes = hearsay_comparison_get_chain (comparison, i, &outlet, &count);
      g_autoptr(GString) key = g_string_new (NULL);
      gint prev = -1;

      count = MAX (1, count);
      n = g_strv_length ((char **) nodes);
      if (band_outlet != (gint) outlet)
        {
          if (band_outlet >= 0)
            y0 += BAND_PAD_TOP + rows * ROW_H + BAND_PAD_BOTTOM;
          g_array_append_val (layout->bands, y0);
          band_outlet = outlet;
          g_array_set_size (per_col, 0);
          rows = 0;
        }
      max_depth = MAX (max_depth, n);
      g_string_printf (key, "%u", outlet);
      for (guint d = 0; d < n; d++)
        {
          gpointer found;
          guint index;

          /* A box is its path so far: a source under two relayers shows twice. */
          g_string_append_printf (key, "\t%s", nodes[d]);
          if (!g_hash_table_lookup_extended (slots, key->str, NULL, &found))
            {
              HearsayChainBox box = { nodes[d], CHAIN_LEFT + d * COL_W, 0, outlet, d, 0, FALSE };

              if (per_col->len <= d)
                g_array_set_size (per_col, d + 1);
              box.y = y0 + BAND_PAD_TOP + g_array_index (per_col, int, d)++ * ROW_H;
              rows = MAX (rows, g_array_index (per_col, int, d));
              found = GUINT_TO_POINTER (layout->boxes->len);
              g_hash_table_insert (slots, g_strdup (key->str), found);
              g_array_append_val (layout->boxes, box);
            }
          index = GPOINTER_TO_UINT (found);
          g_array_index (layout->boxes, HearsayChainBox, index).count += count;
          g_array_index (layout->boxes, HearsayChainBox, index).leaf |= d == n - 1;
          if (prev >= 0)
            {
              /* A box has one parent: the link is keyed by its end. */
              gpointer link_index;

              if (!g_hash_table_lookup_extended (links, found, NULL, &link_index))
                {
                  HearsayChainLink link = { prev, index, 0 };

                  link_index = GUINT_TO_POINTER (layout->links->len);
                  g_hash_table_insert (links, found, link_index);
                  g_array_append_val (layout->links, link);
                }
              g_array_index (layout->links, HearsayChainLink, GPOINTER_TO_UINT (link_index)).count += count;
            }
          prev = index;
        }
    }
  if (band_outlet >= 0)
    y0 += BAND_PAD_TOP + rows * ROW_H + BAND_PAD_BOTTOM;
  g_array_append_val (layout->bands, y0);
  layout->width = MAX (CHAIN_LEFT * 2 + (max_depth - 1) * COL_W + BOX_W, MIN_WIDTH);
  layout->height = MAX (y0, CHAIN_TOP + 40) + 8;
  return layout;
}

void
hearsay_chain_layout_free (HearsayChainLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->boxes);
  g_array_unref (layout->links);
  g_array_unref (layout->bands);
  g_free (layout);
}
