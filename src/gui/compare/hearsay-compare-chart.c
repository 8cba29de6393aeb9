/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-chart.c: see hearsay-compare-chart.h. The figures are the
 * cells of the comparison's tables, read as hearsay-compare-svg.c reads them;
 * every bar, node and link records a hit area whose tooltip gives its counts.
 * The bar charts are here, the chains in hearsay-compare-chart-chains.c. */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-compare-chart-private.h"

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

void
hearsay_chart_add_hit (GPtrArray *hits,
                       double     x,
                       double     y,
                       double     w,
                       double     h,
                       char      *tip)
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

/* The palette of the core's SVG charts: Tango without grey, which is kept
 * for source mentions not linked to an entity. */
static const guint32 palette[] = {
  0x3465a4, 0xf57900, 0x73d216, 0xcc0000, 0x75507b, 0xc17d11, 0xedd400,
  0x204a87, 0x729fcf, 0xfcaf3e, 0x8ae234, 0xef2929, 0xad7fa8, 0xe9b96e,
};
#define UNLINKED_COLOR 0x555753

void
hearsay_chart_set_color (cairo_t *cr,
                         guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

void
hearsay_chart_set_palette (cairo_t *cr,
                           guint    index)
{
  hearsay_chart_set_color (cr, palette[index % G_N_ELEMENTS (palette)]);
}

/* The colour of row @row of a bar chart's legend, @k-th in it. */
static guint32
row_color (HearsayComparison *c,
           const char        *section,
           guint              row,
           guint              k)
{
  const HearsayComparisonCell *key = hearsay_comparison_get_cell (c, section, row, 0);

  if (g_str_equal (section, "sources") && g_strcmp0 (key->id, "unlinked") == 0)
    return UNLINKED_COLOR;
  return palette[k % G_N_ELEMENTS (palette)];
}

/* White or dark text, whichever reads on @rgb. */
static void
set_text_color_on (cairo_t *cr,
                   guint32  rgb)
{
  double luminance = (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff)) / 255;

  if (luminance > 0.6)
    cairo_set_source_rgb (cr, 0.18, 0.2, 0.21);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
}

/* Draws @text with its top at @y, on at most @lines lines of @max_width
 * (ellipsized after that); returns its height. */
static double
draw_text_lines (cairo_t           *cr,
                 const char        *text,
                 double             x,
                 double             y,
                 double             max_width,
                 int                lines,
                 HearsayChartAlign  align,
                 const char        *font)
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
      if (lines > 1)
        {
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_height (layout, -lines);
          pango_layout_set_alignment (layout, align == HEARSAY_CHART_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                              : align == HEARSAY_CHART_ALIGN_END ? PANGO_ALIGN_RIGHT
                                              : PANGO_ALIGN_LEFT);
        }
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  /* Wrapped lines are aligned by Pango inside the whole width. */
  if (max_width > 0 && lines > 1)
    w = max_width;
  if (align == HEARSAY_CHART_ALIGN_CENTER)
    x -= w / 2.0;
  else if (align == HEARSAY_CHART_ALIGN_END)
    x -= w;
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

double
hearsay_chart_draw_text (cairo_t           *cr,
                         const char        *text,
                         double             x,
                         double             y,
                         double             max_width,
                         HearsayChartAlign  align,
                         const char        *font)
{
  return draw_text_lines (cr, text, x, y, max_width, 1, align, font);
}

void
hearsay_chart_draw_title (cairo_t    *cr,
                          const char *title)
{
  cairo_set_source_rgb (cr, 0.18, 0.2, 0.21);
  hearsay_chart_draw_text (cr, title, 16, 12, -1, HEARSAY_CHART_ALIGN_START, "Sans Bold 11");
}

void
hearsay_chart_draw_background (cairo_t *cr,
                               int      width,
                               int      height)
{
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
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
      hearsay_chart_draw_text (cr, label, left - 8, y - 7, -1, HEARSAY_CHART_ALIGN_END, "Sans 8");
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
      hearsay_chart_set_color (cr, row_color (c, section, first + k, k));
      cairo_rectangle (cr, x, y + 20 * k + 2, 12, 12);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0.18, 0.2, 0.21);
      hearsay_chart_draw_text (cr, hearsay_comparison_get_cell (c, section, first + k, 0)->text,
                               x + 18, y + 20 * k, width - 18, HEARSAY_CHART_ALIGN_START, "Sans 9");
    }
}

#define LEGEND_WIDTH 230
/* Below the plot: the outlet's name, then a note, each on up to two lines. */
#define BOTTOM_MARGIN 76

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
  y += draw_text_lines (cr, hearsay_comparison_get_outlet_title (c, o), x, y, slot - 4, 2, HEARSAY_CHART_ALIGN_CENTER,
                        "Sans Bold 9");
  cairo_set_source_rgb (cr, 0.33, 0.34, 0.33);
  if (strstr (note, " · ") != NULL)
    {
      g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
      g_autoptr(PangoFontDescription) desc = pango_font_description_from_string ("Sans 8");
      int width;

      /* A note too wide for the slot breaks at its separator, not anywhere. */
      pango_layout_set_font_description (layout, desc);
      pango_layout_set_text (layout, note, -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      if (width > slot - 4)
        {
          g_auto(GStrv) parts = g_strsplit (note, " · ", 2);
          g_autofree char *lines = g_strjoinv ("\n", parts);

          draw_text_lines (cr, lines, x, y + 1, slot - 4, 2, HEARSAY_CHART_ALIGN_CENTER, "Sans 8");
          return;
        }
    }
  draw_text_lines (cr, note, x, y + 1, slot - 4, 2, HEARSAY_CHART_ALIGN_CENTER, "Sans 8");
}

/* Who speaks: one bar per outlet, its source mentions split by entity kind,
 * as shares of the outlet's mentions. Rows: the kinds (the last one
 * "unlinked" when present), then "all", "linked", "state_affiliated_share";
 * the key cells show their names and keep these ids. */
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
  double left = 64, top = 52, bottom = height - BOTTOM_MARGIN, right = width - LEGEND_WIDTH - 16;
  double slot = (right - left) / MAX (1, n_outlets), bar = MIN (84, slot * 0.62);

  hearsay_chart_draw_background (cr, width, height);
  hearsay_chart_draw_title (cr, _("Who speaks: source mentions by entity kind"));
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
          char *tip;

          if (cell->numerator <= 0)
            continue;
          y -= h;
          hearsay_chart_set_color (cr, row_color (c, section, k, k));
          cairo_rectangle (cr, x, y, bar, h);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          if (h >= 18)
            {
              g_autofree char *count = g_strdup_printf ("%" PRId64, cell->numerator);

              set_text_color_on (cr, row_color (c, section, k, k));
              hearsay_chart_draw_text (cr, count, cx, y + h / 2 - 7, bar,
                                       HEARSAY_CHART_ALIGN_CENTER, "Sans Bold 8");
            }
          tip = g_strdup_printf ("%s — %s\n%" PRId64 " / %" PRId64 " (%.0f%%)",
                                 hearsay_comparison_get_outlet_title (c, o), kind,
                                 cell->numerator, all->numerator, 100.0 * cell->numerator / all->numerator);
          hearsay_chart_add_hit (hits, x, y, bar, h, tip);
        }
      if (all->numerator <= 0)
        {
          cairo_set_source_rgb (cr, 0.53, 0.54, 0.52);
          hearsay_chart_draw_text (cr, _("no sources"), cx, bottom - 20, slot,
                                   HEARSAY_CHART_ALIGN_CENTER, "Sans Italic 8");
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
  double left = 64, top = 52, bottom = height - BOTTOM_MARGIN, right = width - LEGEND_WIDTH - 16;
  double slot = (right - left) / MAX (1, n_outlets), bar = MIN (84, slot * 0.62);
  double max = 0, step;

  hearsay_chart_draw_background (cr, width, height);
  hearsay_chart_draw_title (cr, _("Persuasion techniques per 1,000 words"));
  for (guint o = 0; o < n_outlets && n_rows > 0; o++)
    {
      double v = hearsay_comparison_get_cell (c, section, 0, o + 1)->value;

      if (!isnan (v))
        max = MAX (max, v);
    }
  step = hearsay_chart_nice_step (max > 0 ? max : 1);
  max = step * ceil ((max > 0 ? max : 1) / step);
  draw_grid (cr, left, right, top + 14, bottom, max, step, "");
  for (guint o = 0; o < n_outlets && n_rows > 0; o++)
    {
      const HearsayComparisonCell *total = hearsay_comparison_get_cell (c, section, 0, o + 1);
      double cx = left + slot * (o + 0.5), x = cx - bar / 2, y = bottom;
      g_autofree char *note = NULL;
      char *tip;

      for (guint k = 1; k < n_rows; k++)
        {
          const HearsayComparisonCell *cell = hearsay_comparison_get_cell (c, section, k, o + 1);
          double h;

          if (isnan (cell->value) || cell->value <= 0)
            continue;
          h = (bottom - top - 14) * cell->value / max;
          y -= h;
          hearsay_chart_set_palette (cr, k - 1);
          cairo_rectangle (cr, x, y, bar, h);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          tip = g_strdup_printf (_("%s — %s\n%s per 1,000 words (%" PRId64 " / %" PRId64 " words)"),
                                 hearsay_comparison_get_outlet_title (c, o),
                                 hearsay_comparison_get_cell (c, section, k, 0)->text,
                                 cell->text, cell->numerator, cell->denominator);
          hearsay_chart_add_hit (hits, x, y, bar, h, tip);
        }
      cairo_set_source_rgb (cr, 0.18, 0.2, 0.21);
      hearsay_chart_draw_text (cr, total->text, cx, y - 18, slot,
                               HEARSAY_CHART_ALIGN_CENTER, "Sans Bold 9");
      tip = g_strdup_printf (_("%s — all techniques\n%s per 1,000 words (%" PRId64 " / %" PRId64 " words)"),
                             hearsay_comparison_get_outlet_title (c, o),
                             total->text, total->numerator, total->denominator);
      hearsay_chart_add_hit (hits, x, y - 18, bar, 16, tip);
      note = g_strdup_printf (_("%" PRId64 " words"), MAX (total->denominator, 0));
      draw_outlet_label (cr, c, o, cx, bottom + 6, slot, note);
    }
  draw_legend (cr, c, section, 1, n_rows > 1 ? n_rows - 1 : 0, width - LEGEND_WIDTH, top, LEGEND_WIDTH - 8);
}

void
hearsay_compare_chart_get_size (HearsayComparison      *comparison,
                                HearsayComparisonChart  chart,
                                int                    *width,
                                int                    *height)
{
  guint n_outlets = hearsay_comparison_get_n_outlets (comparison), n_rows;

  if (chart == HEARSAY_COMPARISON_CHART_CHAINS)
    {
      hearsay_compare_chart_get_chains_size (comparison, width, height);
      return;
    }
  *width = MAX (640, 80 + (int) n_outlets * 120 + LEGEND_WIDTH + 16);
  n_rows = hearsay_comparison_get_n_rows (comparison, chart == HEARSAY_COMPARISON_CHART_SOURCES
                                                      ? "sources" : "persuasion");
  *height = MAX (360, 52 + 20 * (int) n_rows + 40);
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
    hearsay_compare_chart_draw_chains_hits (cr, width, height, comparison, hits);
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
  /* The bar charts stretch to the width they get (the area expands): ask
   * only for narrower outlet slots than an export's, so that the legend
   * stays in view in a smaller window. */
  if (chart != HEARSAY_COMPARISON_CHART_CHAINS)
    width = MIN (width, 80 + (int) hearsay_comparison_get_n_outlets (comparison) * 84 + LEGEND_WIDTH + 16);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), width);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), height);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), chart_draw_cb, cd, chart_data_free);
  gtk_widget_set_has_tooltip (area, TRUE);
  g_signal_connect (area, "query-tooltip", G_CALLBACK (chart_query_tooltip), cd);
  gtk_widget_add_css_class (area, "hearsay-compare-chart");
  return area;
}
