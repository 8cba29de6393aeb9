/* hearsay-compare-chart.c: see hearsay-compare-chart.h. The figures are the
 * cells of the comparison's tables, read as hearsay-compare-svg.c reads them;
 * every bar, node and link records a hit area whose tooltip gives its counts. */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <glib/gi18n-lib.h>

#include "hearsay-compare-chart.h"

typedef struct
{
  double x, y, w, h;
  char *tip;
} Hit;

static void
hit_free (gpointer data)
{
  Hit *hit = data;

  g_free (hit->tip);
  g_free (hit);
}

static void
add_hit (GPtrArray  *hits,
         double      x,
         double      y,
         double      w,
         double      h,
         char       *tip)
{
  Hit *hit;

  if (hits == NULL)
    {
      g_free (tip);
      return;
    }
  hit = g_new0 (Hit, 1);
  *hit = (Hit) { x, y, w, h, tip };
  g_ptr_array_add (hits, hit);
}

/* The palette of the core's SVG charts. */
static const guint32 palette[] = {
  0x3465a4, 0xf57900, 0x73d216, 0xcc0000, 0x75507b, 0xc17d11, 0xedd400,
  0x555753, 0x729fcf, 0xfcaf3e, 0x8ae234, 0xef2929, 0xad7fa8, 0xe9b96e,
};

static void
set_color (cairo_t *cr,
           guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

static void
set_palette (cairo_t *cr,
             guint    index)
{
  set_color (cr, palette[index % G_N_ELEMENTS (palette)]);
}

typedef enum { ALIGN_START, ALIGN_CENTER, ALIGN_END } Align;

/* Draws @text with its top at @y; returns its height. */
static double
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      max_width,
           Align       align,
           const char *font)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font ? font : "Sans 9");
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  if (align == ALIGN_CENTER)
    x -= w / 2.0;
  else if (align == ALIGN_END)
    x -= w;
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

static void
draw_title (cairo_t    *cr,
            const char *title)
{
  cairo_set_source_rgb (cr, 0.18, 0.2, 0.21);
  draw_text (cr, title, 16, 12, -1, ALIGN_START, "Sans Bold 11");
}

static void
draw_background (cairo_t *cr,
                 int      width,
                 int      height)
{
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

/* A round step for about five gridlines up to @max. */
static double
nice_step (double max)
{
  double raw = max / 5, magnitude, norm;

  if (raw <= 0)
    return 1;
  magnitude = pow (10, floor (log10 (raw)));
  norm = raw / magnitude;
  return magnitude * (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10);
}

static void
draw_grid (cairo_t    *cr,
           double      left,
           double      right,
           double      top,
           double      bottom,
           double      max,
           double      step,
           const char *unit)
{
  for (double v = 0; v <= max + step / 1000; v += step)
    {
      double y = bottom - (bottom - top) * v / max;
      g_autofree char *label = g_strdup_printf ("%g%s", v, unit);

      cairo_set_source_rgb (cr, v == 0 ? 0.33 : 0.87, v == 0 ? 0.34 : 0.87, v == 0 ? 0.33 : 0.85);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, left - 4, floor (y) + 0.5);
      cairo_line_to (cr, right, floor (y) + 0.5);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.33, 0.34, 0.33);
      draw_text (cr, label, left - 8, y - 7, -1, ALIGN_END, "Sans 8");
    }
}

static void
draw_legend (cairo_t           *cr,
             HearsayComparison *c,
             const char        *section,
             guint              first,
             guint              n,
             double             x,
             double             y,
             double             width)
{
  for (guint k = 0; k < n; k++)
    {
      set_palette (cr, k);
      cairo_rectangle (cr, x, y + 20 * k + 2, 12, 12);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.18, 0.2, 0.21);
      draw_text (cr, hearsay_comparison_get_cell (c, section, first + k, 0)->text,
                 x + 18, y + 20 * k, width - 18, ALIGN_START, "Sans 9");
    }
}

#define LEGEND_WIDTH 210

static void
draw_outlet_label (cairo_t           *cr,
                   HearsayComparison *c,
                   guint              o,
                   double             x,
                   double             y,
                   double             slot,
                   const char        *note)
{
  cairo_set_source_rgb (cr, 0.18, 0.2, 0.21);
  y += draw_text (cr, hearsay_comparison_get_outlet_title (c, o), x, y, slot - 4, ALIGN_CENTER, "Sans Bold 9");
  cairo_set_source_rgb (cr, 0.33, 0.34, 0.33);
  draw_text (cr, note, x, y + 1, slot - 4, ALIGN_CENTER, "Sans 8");
}

/* Who speaks: one bar per outlet, its source mentions split by entity kind,
 * as shares of the outlet's mentions. Rows: the kinds (the last one
 * "unlinked" when present), then "all", "linked", "state_affiliated_share". */
static void
draw_sources (cairo_t           *cr,
              int                width,
              int                height,
              HearsayComparison *c,
              GPtrArray         *hits)
{
  const char *section = "sources";
  guint n_outlets = hearsay_comparison_get_n_outlets (c);
  guint n_rows = hearsay_comparison_get_n_rows (c, section);
  guint n_kinds = n_rows >= 3 ? n_rows - 3 : 0;
  double left = 64, top = 52, bottom = height - 56, right = width - LEGEND_WIDTH - 16;
  double slot = (right - left) / MAX (1, n_outlets), bar = MIN (84, slot * 0.62);

  draw_background (cr, width, height);
  draw_title (cr, _("Who speaks: source mentions by entity kind"));
  draw_grid (cr, left, right, top, bottom, 100, 25, "%");
  for (guint o = 0; o < n_outlets && n_rows >= 3; o++)
    {
      const HearsayComparisonCell *all = hearsay_comparison_get_cell (c, section, n_kinds, o + 1);
      const HearsayComparisonCell *state = hearsay_comparison_get_cell (c, section, n_rows - 1, o + 1);
      double cx = left + slot * (o + 0.5), x = cx - bar / 2, y = bottom;
      g_autofree char *note = NULL;

      for (guint k = 0; k < n_kinds && all->numerator > 0; k++)
        {
          const HearsayComparisonCell *cell = hearsay_comparison_get_cell (c, section, k, o + 1);
          const char *kind = hearsay_comparison_get_cell (c, section, k, 0)->text;
          double h = (bottom - top) * (double) cell->numerator / all->numerator;

          if (cell->numerator <= 0)
            continue;
          y -= h;
          set_palette (cr, k);
          cairo_rectangle (cr, x, y, bar, h);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          if (h >= 18)
            {
              g_autofree char *count = g_strdup_printf ("%" PRId64, cell->numerator);

              draw_text (cr, count, cx, y + h / 2 - 7, bar, ALIGN_CENTER, "Sans Bold 8");
            }
          add_hit (hits, x, y, bar, h,
                   g_strdup_printf ("%s — %s\n%" PRId64 " / %" PRId64 " (%.0f%%)",
                                    hearsay_comparison_get_outlet_title (c, o), kind,
                                    cell->numerator, all->numerator, 100.0 * cell->numerator / all->numerator));
        }
      if (all->numerator <= 0)
        {
          cairo_set_source_rgb (cr, 0.53, 0.54, 0.52);
          draw_text (cr, _("no sources"), cx, bottom - 20, slot, ALIGN_CENTER, "Sans Italic 8");
        }
      note = g_strdup_printf (_("n = %" PRId64 " · state %s"), MAX (all->numerator, 0), state->text);
      draw_outlet_label (cr, c, o, cx, bottom + 6, slot, note);
    }
  draw_legend (cr, c, section, 0, n_kinds, width - LEGEND_WIDTH, top, LEGEND_WIDTH - 8);
}

/* Persuasion: one bar per outlet, the techniques stacked, each per 1,000
 * words; row 0 is the outlet's total. */
static void
draw_persuasion (cairo_t           *cr,
                 int                width,
                 int                height,
                 HearsayComparison *c,
                 GPtrArray         *hits)
{
  const char *section = "persuasion";
  guint n_outlets = hearsay_comparison_get_n_outlets (c);
  guint n_rows = hearsay_comparison_get_n_rows (c, section);
  double left = 64, top = 52, bottom = height - 56, right = width - LEGEND_WIDTH - 16;
  double slot = (right - left) / MAX (1, n_outlets), bar = MIN (84, slot * 0.62);
  double max = 0, step;

  draw_background (cr, width, height);
  draw_title (cr, _("Persuasion techniques per 1,000 words"));
  for (guint o = 0; o < n_outlets && n_rows > 0; o++)
    {
      double v = hearsay_comparison_get_cell (c, section, 0, o + 1)->value;

      if (!isnan (v))
        max = MAX (max, v);
    }
  step = nice_step (max > 0 ? max : 1);
  max = step * ceil ((max > 0 ? max : 1) / step);
  draw_grid (cr, left, right, top + 14, bottom, max, step, "");
  for (guint o = 0; o < n_outlets && n_rows > 0; o++)
    {
      const HearsayComparisonCell *total = hearsay_comparison_get_cell (c, section, 0, o + 1);
      double cx = left + slot * (o + 0.5), x = cx - bar / 2, y = bottom;
      g_autofree char *note = NULL;

      for (guint k = 1; k < n_rows; k++)
        {
          const HearsayComparisonCell *cell = hearsay_comparison_get_cell (c, section, k, o + 1);
          double h;

          if (isnan (cell->value) || cell->value <= 0)
            continue;
          h = (bottom - top - 14) * cell->value / max;
          y -= h;
          set_palette (cr, k - 1);
          cairo_rectangle (cr, x, y, bar, h);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          add_hit (hits, x, y, bar, h,
                   g_strdup_printf (_("%s — %s\n%s per 1,000 words (%" PRId64 " / %" PRId64 " words)"),
                                    hearsay_comparison_get_outlet_title (c, o),
                                    hearsay_comparison_get_cell (c, section, k, 0)->text,
                                    cell->text, cell->numerator, cell->denominator));
        }
      cairo_set_source_rgb (cr, 0.18, 0.2, 0.21);
      draw_text (cr, total->text, cx, y - 18, slot, ALIGN_CENTER, "Sans Bold 9");
      add_hit (hits, x, y - 18, bar, 16,
               g_strdup_printf (_("%s — all techniques\n%s per 1,000 words (%" PRId64 " / %" PRId64 " words)"),
                                hearsay_comparison_get_outlet_title (c, o),
                                total->text, total->numerator, total->denominator));
      note = g_strdup_printf (_("%" PRId64 " words"), MAX (total->denominator, 0));
      draw_outlet_label (cr, c, o, cx, bottom + 6, slot, note);
    }
  draw_legend (cr, c, section, 1, n_rows > 1 ? n_rows - 1 : 0, width - LEGEND_WIDTH, top, LEGEND_WIDTH - 8);
}

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

static void
draw_chains (cairo_t           *cr,
             int                width,
             int                height,
             HearsayComparison *c,
             GPtrArray         *hits)
{
  g_autoptr(ChainLayout) layout = chain_layout_new (c);

  draw_background (cr, width, height);
  draw_title (cr, _("Attribution chains (relayed_by)"));
  if (layout->nodes->len == 0)
    {
      cairo_set_source_rgb (cr, 0.33, 0.34, 0.33);
      draw_text (cr, _("No relayed_by chains."), CHAIN_LEFT, CHAIN_TOP, -1, ALIGN_START, "Sans 10");
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

          draw_text (cr, times, mx, (y1 + y2) / 2 - 16, -1, ALIGN_CENTER, "Sans Bold 8");
        }
      add_hit (hits, mx - 20, MIN (y1, y2) - 4, 40, fabs (y2 - y1) + 8,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s relayed by %s\n%" PRId64 " time",
                                             "%s relayed by %s\n%" PRId64 " times", edge->count),
                                edge->from->label, edge->to->label, edge->count));
    }
  for (guint i = 0; i < layout->nodes->len; i++)
    {
      Node *node = g_ptr_array_index (layout->nodes, i);

      rounded_rect (cr, node->x, node->y, BOX_W, BOX_H, 5);
      if (node->depth == 0)
        set_palette (cr, node->outlet);
      else if (node->leaf)
        set_color (cr, 0xfff3c4);
      else
        set_color (cr, 0xeeeeec);
      cairo_fill_preserve (cr);
      set_color (cr, node->depth == 0 ? 0x2e3436 : 0x888a85);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      if (node->depth == 0)
        cairo_set_source_rgb (cr, 1, 1, 1);
      else
        set_color (cr, 0x2e3436);
      draw_text (cr, node->label, node->x + 10, node->y + 6, BOX_W - 20, ALIGN_START,
                 node->depth == 0 ? "Sans Bold 9" : "Sans 9");
      add_hit (hits, node->x, node->y, BOX_W, BOX_H,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s\nin %" PRId64 " chain",
                                             "%s\nin %" PRId64 " chains", node->count),
                                node->label, node->count));
    }
}

void
hearsay_compare_chart_get_size (HearsayComparison      *comparison,
                                HearsayComparisonChart  chart,
                                int                    *width,
                                int                    *height)
{
  guint n_outlets = hearsay_comparison_get_n_outlets (comparison);

  if (chart == HEARSAY_COMPARISON_CHART_CHAINS)
    {
      g_autoptr(ChainLayout) layout = chain_layout_new (comparison);

      *width = layout->width;
      *height = layout->height;
      return;
    }
  *width = MAX (640, 80 + (int) n_outlets * 120 + LEGEND_WIDTH + 16);
  *height = MAX (360, 52 + 20 * (int) hearsay_comparison_get_n_rows (comparison, chart == HEARSAY_COMPARISON_CHART_SOURCES
                                                                     ? "sources" : "persuasion") + 40);
}

static void
draw_chart (HearsayComparisonChart  chart,
            cairo_t                *cr,
            int                     width,
            int                     height,
            HearsayComparison      *comparison,
            GPtrArray              *hits)
{
  cairo_save (cr);
  if (chart == HEARSAY_COMPARISON_CHART_SOURCES)
    draw_sources (cr, width, height, comparison, hits);
  else if (chart == HEARSAY_COMPARISON_CHART_PERSUASION)
    draw_persuasion (cr, width, height, comparison, hits);
  else
    draw_chains (cr, width, height, comparison, hits);
  cairo_restore (cr);
}

void
hearsay_compare_chart_draw (HearsayComparisonChart  chart,
                            cairo_t                *cr,
                            int                     width,
                            int                     height,
                            HearsayComparison      *comparison)
{
  g_return_if_fail (HEARSAY_IS_COMPARISON (comparison));
  draw_chart (chart, cr, width, height, comparison, NULL);
}

void
hearsay_compare_chart_draw_sources (cairo_t           *cr,
                                    int                width,
                                    int                height,
                                    HearsayComparison *comparison)
{
  hearsay_compare_chart_draw (HEARSAY_COMPARISON_CHART_SOURCES, cr, width, height, comparison);
}

void
hearsay_compare_chart_draw_persuasion (cairo_t           *cr,
                                       int                width,
                                       int                height,
                                       HearsayComparison *comparison)
{
  hearsay_compare_chart_draw (HEARSAY_COMPARISON_CHART_PERSUASION, cr, width, height, comparison);
}

void
hearsay_compare_chart_draw_chains (cairo_t           *cr,
                                   int                width,
                                   int                height,
                                   HearsayComparison *comparison)
{
  hearsay_compare_chart_draw (HEARSAY_COMPARISON_CHART_CHAINS, cr, width, height, comparison);
}

gboolean
hearsay_compare_chart_save_png (HearsayComparison       *comparison,
                                HearsayComparisonChart   chart,
                                const char              *path,
                                GError                 **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int width, height;

  g_return_val_if_fail (HEARSAY_IS_COMPARISON (comparison), FALSE);

  hearsay_compare_chart_get_size (comparison, chart, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * 2, height * 2);
  cairo_surface_set_device_scale (surface, 2, 2);
  cr = cairo_create (surface);
  draw_chart (chart, cr, width, height, comparison, NULL);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                   name, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  HearsayComparison *comparison;
  HearsayComparisonChart chart;
  GPtrArray *hits;
} ChartData;

static void
chart_data_free (gpointer data)
{
  ChartData *cd = data;

  g_object_unref (cd->comparison);
  g_ptr_array_unref (cd->hits);
  g_free (cd);
}

static void
chart_draw_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        data)
{
  ChartData *cd = data;

  g_ptr_array_set_size (cd->hits, 0);
  draw_chart (cd->chart, cr, width, height, cd->comparison, cd->hits);
}

static gboolean
chart_query_tooltip (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     gpointer    data)
{
  ChartData *cd = data;

  /* Later hits are drawn on top: look from the end. */
  for (guint i = cd->hits->len; !keyboard && i > 0; i--)
    {
      Hit *hit = g_ptr_array_index (cd->hits, i - 1);

      if (x >= hit->x && x < hit->x + hit->w && y >= hit->y && y < hit->y + hit->h)
        {
          gtk_tooltip_set_text (tooltip, hit->tip);
          gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) hit->x, (int) hit->y,
                                                               MAX (1, (int) hit->w), MAX (1, (int) hit->h) });
          return TRUE;
        }
    }
  return FALSE;
}

GtkWidget *
hearsay_compare_chart_new (HearsayComparison      *comparison,
                           HearsayComparisonChart  chart)
{
  GtkWidget *area = gtk_drawing_area_new ();
  ChartData *cd = g_new0 (ChartData, 1);
  int width, height;

  g_return_val_if_fail (HEARSAY_IS_COMPARISON (comparison), NULL);

  cd->comparison = g_object_ref (comparison);
  cd->chart = chart;
  cd->hits = g_ptr_array_new_with_free_func (hit_free);
  hearsay_compare_chart_get_size (comparison, chart, &width, &height);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), width);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), height);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), chart_draw_cb, cd, chart_data_free);
  gtk_widget_set_has_tooltip (area, TRUE);
  g_signal_connect (area, "query-tooltip", G_CALLBACK (chart_query_tooltip), cd);
  gtk_widget_add_css_class (area, "hearsay-compare-chart");
  return area;
}
