/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-chart-chains.c: the attribution chains chart (see
 * hearsay-compare-chart.h), laid out from the comparison's chains table. */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <glib/gi18n-lib.h>

#include "hearsay-compare-chart-private.h"

/* Chains: a band per outlet, a column per depth (the outlet first), a box
 * per distinct path prefix, an arrow per link weighted by its count. The
 * chains table's rows are (outlet, "A → B → …", sources, count). */
#define BOX_W 190
#define BOX_H 28
#define COL_W 250
#define ROW_H 40
#define CHAIN_TOP 48
#define CHAIN_LEFT 16

typedef struct
{
  char *label;
  double x, y;
  guint depth, outlet;
  gint64 count;
  gboolean leaf;
} Node;

typedef struct
{
  Node *from, *to;
  gint64 count;
} Edge;

typedef struct
{
  GPtrArray *nodes;   /* Node * */
  GPtrArray *edges;   /* Edge * */
  GArray *bands;      /* double: the top of each outlet's band, then the end */
  int width, height;
} ChainLayout;

static void
node_free (gpointer data)
{
  Node *node = data;

  g_free (node->label);
  g_free (node);
}

static void
chain_layout_free (ChainLayout *layout)
{
  g_ptr_array_unref (layout->nodes);
  g_ptr_array_unref (layout->edges);
  g_array_unref (layout->bands);
  g_free (layout);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChainLayout, chain_layout_free)

static ChainLayout *
chain_layout_new (HearsayComparison *c)
{
  const char *section = "chains";
  guint n_rows = hearsay_comparison_get_n_rows (c, section);
  ChainLayout *layout = g_new0 (ChainLayout, 1);
  g_autoptr(GHashTable) slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) edges = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GArray) per_col = g_array_new (FALSE, TRUE, sizeof (int));
  g_autofree char *band_outlet = NULL;
  guint max_depth = 1, outlet = 0;
  double y0 = CHAIN_TOP;
  int rows = 0;

  layout->nodes = g_ptr_array_new_with_free_func (node_free);
  layout->edges = g_ptr_array_new_with_free_func (g_free);
  layout->bands = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint r = 0; r < n_rows; r++)
    {
      const char *title = hearsay_comparison_get_cell (c, section, r, 0)->text;
      const char *chain = hearsay_comparison_get_cell (c, section, r, 1)->text;
      gint64 count = MAX (1, hearsay_comparison_get_cell (c, section, r, 3)->numerator);
      g_auto(GStrv) parts = g_strsplit (chain, " → ", -1);
      guint n = g_strv_length (parts) + 1;
      g_autoptr(GString) key = g_string_new (title);
      Node *prev = NULL;

      if (band_outlet == NULL || !g_str_equal (band_outlet, title))
        {
          if (band_outlet != NULL)
            {
              y0 += 12 + rows * ROW_H + 14;
              outlet++;
            }
          g_array_append_val (layout->bands, y0);
          g_free (band_outlet);
          band_outlet = g_strdup (title);
          g_array_set_size (per_col, 0);
          rows = 0;
        }
      max_depth = MAX (max_depth, n);
      for (guint d = 0; d < n; d++)
        {
          Node *node;

          if (d > 0)
            g_string_append_printf (key, "\t%s", parts[d - 1]);
          node = g_hash_table_lookup (slots, key->str);
          if (node == NULL)
            {
              if (per_col->len <= d)
                g_array_set_size (per_col, d + 1);
              node = g_new0 (Node, 1);
              node->label = g_strdup (d == 0 ? title : parts[d - 1]);
              node->depth = d;
              node->outlet = outlet;
              node->x = CHAIN_LEFT + d * COL_W;
              node->y = y0 + 12 + g_array_index (per_col, int, d)++ * ROW_H;
              rows = MAX (rows, g_array_index (per_col, int, d));
              g_hash_table_insert (slots, g_strdup (key->str), node);
              g_ptr_array_add (layout->nodes, node);
            }
          node->count += count;
          node->leaf = node->leaf || d == n - 1;
          if (prev != NULL)
            {
              /* A node has one parent: key the link by its end. */
              Edge *edge = g_hash_table_lookup (edges, node);

              if (edge == NULL)
                {
                  edge = g_new0 (Edge, 1);
                  edge->from = prev;
                  edge->to = node;
                  g_hash_table_insert (edges, node, edge);
                  g_ptr_array_add (layout->edges, edge);
                }
              edge->count += count;
            }
          prev = node;
        }
    }
  if (band_outlet != NULL)
    y0 += 12 + rows * ROW_H + 14;
  g_array_append_val (layout->bands, y0);
  layout->width = CHAIN_LEFT * 2 + (max_depth - 1) * COL_W + BOX_W;
  layout->width = MAX (layout->width, 480);
  layout->height = MAX ((int) y0, CHAIN_TOP + 40) + 8;
  return layout;
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
hearsay_compare_chart_draw_chains_hits (cairo_t           *cr,
                                        int                width,
                                        int                height,
                                        HearsayComparison *c,
                                        GPtrArray         *hits)
{
  g_autoptr(ChainLayout) layout = chain_layout_new (c);

  hearsay_chart_draw_background (cr, width, height);
  hearsay_chart_draw_title (cr, _("Attribution chains (relayed_by)"));
  if (layout->nodes->len == 0)
    {
      cairo_set_source_rgb (cr, 0.33, 0.34, 0.33);
      hearsay_chart_draw_text (cr, _("No relayed_by chains."), CHAIN_LEFT, CHAIN_TOP, -1,
                               HEARSAY_CHART_ALIGN_START, "Sans 10");
      return;
    }
  for (guint b = 0; b + 1 < layout->bands->len; b++)
    {
      double top = g_array_index (layout->bands, double, b);
      double bottom = g_array_index (layout->bands, double, b + 1);

      if (b % 2 == 0)
        {
          cairo_set_source_rgb (cr, 0.965, 0.965, 0.955);
          cairo_rectangle (cr, 0, top, width, bottom - top);
          cairo_fill (cr);
        }
    }
  for (guint e = 0; e < layout->edges->len; e++)
    {
      Edge *edge = g_ptr_array_index (layout->edges, e);
      double x1 = edge->from->x + BOX_W, y1 = edge->from->y + BOX_H / 2.0;
      double x2 = edge->to->x - 2, y2 = edge->to->y + BOX_H / 2.0, mx = (x1 + x2) / 2;

      cairo_set_source_rgb (cr, 0.33, 0.34, 0.33);
      cairo_set_line_width (cr, 1.5 + MIN (4.0, log2 ((double) edge->count)));
      cairo_move_to (cr, x1, y1);
      cairo_curve_to (cr, mx, y1, mx, y2, x2 - 8, y2);
      cairo_stroke (cr);
      cairo_move_to (cr, x2, y2);
      cairo_line_to (cr, x2 - 10, y2 - 5);
      cairo_line_to (cr, x2 - 10, y2 + 5);
      cairo_close_path (cr);
      cairo_fill (cr);
      if (edge->count > 1)
        {
          g_autofree char *times = g_strdup_printf ("×%" PRId64, edge->count);

          hearsay_chart_draw_text (cr, times, mx, (y1 + y2) / 2 - 16, -1,
                                   HEARSAY_CHART_ALIGN_CENTER, "Sans Bold 8");
        }
      hearsay_chart_add_hit (hits, mx - 20, MIN (y1, y2) - 4, 40, fabs (y2 - y1) + 8,
                             /* The right-hand source is relayed by the left-hand one. */
                             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s relayed by %s\n%" PRId64 " time",
                                                           "%s relayed by %s\n%" PRId64 " times", edge->count),
                                              edge->to->label, edge->from->label, edge->count));
    }
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      Node *node = g_ptr_array_index (layout->nodes, i);

      rounded_rect (cr, node->x, node->y, BOX_W, BOX_H, 5);
      if (node->depth == 0)
        hearsay_chart_set_palette (cr, node->outlet);
      else if (node->leaf)
        hearsay_chart_set_color (cr, 0xfff3c4);
      else
        hearsay_chart_set_color (cr, 0xeeeeec);
      cairo_fill_preserve (cr);
      hearsay_chart_set_color (cr, node->depth == 0 ? 0x2e3436 : 0x888a85);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      if (node->depth == 0)
        cairo_set_source_rgb (cr, 1, 1, 1);
      else
        hearsay_chart_set_color (cr, 0x2e3436);
      hearsay_chart_draw_text (cr, node->label, node->x + 10, node->y + 6, BOX_W - 20, HEARSAY_CHART_ALIGN_START,
                               node->depth == 0 ? "Sans Bold 9" : "Sans 9");
      hearsay_chart_add_hit (hits, node->x, node->y, BOX_W, BOX_H,
                             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\nin %" PRId64 " chain",
                                                           "%s\nin %" PRId64 " chains", node->count),
                                              node->label, node->count));
    }
}

void
hearsay_compare_chart_get_chains_size (HearsayComparison *comparison,
                                       int               *width,
                                       int               *height)
{
  g_autoptr(ChainLayout) layout = chain_layout_new (comparison);

  *width = layout->width;
  *height = layout->height;
}
