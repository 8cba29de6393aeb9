/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-chart-chains.c: the attribution chains chart (see
 * hearsay-compare-chart.h), drawn from the core's layout of it
 * (hearsay-chart-geometry.h), which the SVG writer draws too. */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <glib/gi18n-lib.h>

#include "hearsay-chart-geometry.h"
#include "hearsay-compare-chart-private.h"

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

#define BOX(i) (&g_array_index (layout->boxes, HearsayChainBox, (i)))

void
hearsay_compare_chart_draw_chains_hits (cairo_t           *cr,
                                        int                width,
                                        int                height,
                                        HearsayComparison *c,
                                        GPtrArray         *hits)
{
  g_autoptr(HearsayChainLayout) layout = hearsay_chain_layout_new (c);
  double box_w = layout->box_width, box_h = layout->box_height;

  hearsay_chart_draw_background (cr, width, height);
  hearsay_chart_draw_title (cr, _("Attribution chains (relayed_by)"));
  if (layout->boxes->len == 0)
    {
      cairo_set_source_rgb (cr, 0.33, 0.34, 0.33);
      hearsay_chart_draw_text (cr, _("No relayed_by chains."), layout->left, layout->top, -1,
                               HEARSAY_CHART_ALIGN_START, "Sans 10");
      return;
    }
  for (guint b = 0; b + 1 < layout->bands->len; b += 2)
    {
      double top = g_array_index (layout->bands, double, b);
      double bottom = g_array_index (layout->bands, double, b + 1);

      cairo_set_source_rgb (cr, 0.965, 0.965, 0.955);
      cairo_rectangle (cr, 0, top, width, bottom - top);
      cairo_fill (cr);
    }
  for (guint e = 0; e < layout->links->len; e++)
    {
      const HearsayChainLink *link = &g_array_index (layout->links, HearsayChainLink, e);
      const HearsayChainBox *from = BOX (link->from), *to = BOX (link->to);
      double x1 = from->x + box_w, y1 = from->y + box_h / 2.0;
      double x2 = to->x - 2, y2 = to->y + box_h / 2.0, mx = (x1 + x2) / 2;

      cairo_set_source_rgb (cr, 0.33, 0.34, 0.33);
      cairo_set_line_width (cr, 1.5 + MIN (4.0, log2 ((double) link->count)));
      cairo_move_to (cr, x1, y1);
      cairo_curve_to (cr, mx, y1, mx, y2, x2 - 8, y2);
      cairo_stroke (cr);
      cairo_move_to (cr, x2, y2);
      cairo_line_to (cr, x2 - 10, y2 - 5);
      cairo_line_to (cr, x2 - 10, y2 + 5);
      cairo_close_path (cr);
      cairo_fill (cr);
      if (link->count > 1)
        {
          g_autofree char *times = g_strdup_printf ("×%" PRId64, link->count);

          hearsay_chart_draw_text (cr, times, mx, (y1 + y2) / 2 - 16, -1,
                                   HEARSAY_CHART_ALIGN_CENTER, "Sans Bold 8");
        }
      hearsay_chart_add_hit (hits, mx - 20, MIN (y1, y2) - 4, 40, fabs (y2 - y1) + 8,
                             /* The right-hand source is relayed by the left-hand one. */
                             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s relayed by %s\n%" PRId64 " time",
                                                           "%s relayed by %s\n%" PRId64 " times", link->count),
                                              to->label, from->label, link->count));
    }
  for (guint i = 0; i < layout->boxes->len; i++)
    {
      const HearsayChainBox *box = BOX (i);

      rounded_rect (cr, box->x, box->y, box_w, box_h, 5);
      if (box->depth == 0)
        hearsay_chart_set_palette (cr, box->outlet);
      else if (box->leaf)
        hearsay_chart_set_color (cr, 0xfff3c4);
      else
        hearsay_chart_set_color (cr, 0xeeeeec);
      cairo_fill_preserve (cr);
      hearsay_chart_set_color (cr, box->depth == 0 ? 0x2e3436 : 0x888a85);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      if (box->depth == 0)
        cairo_set_source_rgb (cr, 1, 1, 1);
      else
        hearsay_chart_set_color (cr, 0x2e3436);
      hearsay_chart_draw_text (cr, box->label, box->x + 10, box->y + 6, box_w - 20, HEARSAY_CHART_ALIGN_START,
                               box->depth == 0 ? "Sans Bold 9" : "Sans 9");
      hearsay_chart_add_hit (hits, box->x, box->y, box_w, box_h,
                             g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\nin %" PRId64 " chain",
                                                           "%s\nin %" PRId64 " chains", box->count),
                                              box->label, box->count));
    }
}

void
hearsay_compare_chart_get_chains_size (HearsayComparison *comparison,
                                       int               *width,
                                       int               *height)
{
  g_autoptr(HearsayChainLayout) layout = hearsay_chain_layout_new (comparison);

  *width = (int) layout->width;
  *height = (int) layout->height;
}
