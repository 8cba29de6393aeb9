/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-svg.c: the comparison's charts as SVG, and the HTML
 * report that holds them inline with the tables. The bar charts follow the
 * GUI's (hearsay-compare-chart.c): the same palette, grid and legend. */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-chart-geometry.h"
#include "hearsay-compare-private.h"
#include "hearsay-xml-safety.h"

/* Tango, without grey: grey is kept for source mentions not linked to an entity. */
static const char * const palette[] = {
  "#3465a4", "#f57900", "#73d216", "#cc0000", "#75507b", "#c17d11", "#edd400",
  "#204a87", "#729fcf", "#fcaf3e", "#8ae234", "#ef2929", "#ad7fa8", "#e9b96e",
};
#define UNLINKED_COLOR "#555753"

#define FONT "font-family=\"sans-serif\" font-size=\"12\""
#define SMALL_FONT "font-family=\"sans-serif\" font-size=\"10\""

/* The layout of the bar charts, in pixels. */
#define BAR_LEFT 56
#define BAR_TOP 44
#define BAR_PLOT 240
#define BAR_SLOT 110
#define BAR_WIDTH 56
#define LEGEND_WIDTH 250
#define LABEL_CHARS 16

/* g_markup_escape_text() writes the controls XML 1.0 forbids as character
 * references, which parsers refuse as well (an outlet or entity name pasted
 * from a web page may hold one): they become U+FFFD first. Tooltips built
 * with g_markup_printf_escaped() get their arguments sanitized the same way. */
static char *
markup_escape (const char *text)
{
  g_autofree char *safe = hearsay_xml_sanitize (text, -1);

  return g_markup_escape_text (safe, -1);
}

static void
svg_open (GString  *s,
          int       width,
          int       height,
          gboolean  standalone,
          const char *title)
{
  g_autofree char *t = markup_escape (title);

  if (standalone)
    g_string_append (s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (s, "<svg%s width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">"
                          "<title>%s</title><rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>"
                          "<text x=\"10\" y=\"20\" " FONT " font-weight=\"bold\">%s</text>\n",
                          standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : "",
                          width, height, width, height, t, t);
}

static void
svg_text_full (GString    *s,
               double      x,
               double      y,
               const char *anchor,
               const char *font,
               const char *extra,
               const char *text)
{
  g_autofree char *t = markup_escape (text);

  g_string_append_printf (s, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s%s>%s</text>\n",
                          x, y, anchor, font, extra ? extra : "", t);
}

static void
svg_text (GString    *s,
          double      x,
          double      y,
          const char *anchor,
          const char *text)
{
  svg_text_full (s, x, y, anchor, FONT, NULL, text);
}

static char *
shorten (const char *text,
         glong       max)
{
  g_autofree char *head = NULL;

  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  head = g_utf8_substring (text, 0, max - 1);
  return g_strconcat (head, "…", NULL);
}

/* @text on at most two lines of about @max characters, broken at a space;
 * what does not fit ends in "…". */
static void
svg_text_lines (GString    *s,
                double      x,
                double      y,
                const char *text,
                glong       max)
{
  glong length = g_utf8_strlen (text, -1), cut = -1, i = 0;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  if (length <= max)
    {
      svg_text_full (s, x, y, "middle", FONT, " font-weight=\"bold\"", text);
      return;
    }
  for (const char *p = text; *p && i <= max; p = g_utf8_next_char (p), i++)
    if (*p == ' ')
      cut = i;
  if (cut <= 0)
    cut = max;
  first = g_utf8_substring (text, 0, cut);
  second = g_utf8_substring (text, cut + (g_utf8_get_char (g_utf8_offset_to_pointer (text, cut)) == ' '), length);
  svg_text_full (s, x, y, "middle", FONT, " font-weight=\"bold\"", first);
  {
    g_autofree char *rest = shorten (second, max);

    svg_text_full (s, x, y + 14, "middle", FONT, " font-weight=\"bold\"", rest);
  }
}

/* White or dark text, whichever reads on @color ("#rrggbb"). */
static const char *
text_color_on (const char *color)
{
  guint32 rgb = (guint32) g_ascii_strtoull (color + 1, NULL, 16);
  double luminance = (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff)) / 255;

  return luminance > 0.6 ? "#2e3436" : "#ffffff";
}

double
hearsay_chart_nice_step (double max)
{
  double raw = max / 5, magnitude, norm;

  if (raw <= 0)
    return 1;
  magnitude = pow (10, floor (log10 (raw)));
  norm = raw / magnitude;
  return magnitude * (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10);
}

static void
svg_grid (GString    *s,
          double      right,
          double      max,
          double      step,
          const char *unit)
{
  for (double v = 0; v <= max + step / 1000; v += step)
    {
      double y = BAR_TOP + BAR_PLOT - BAR_PLOT * v / max;
      g_autofree char *label = g_strdup_printf ("%g%s", v, unit);

      g_string_append_printf (s, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>\n",
                              BAR_LEFT - 4, y, right, y, v == 0 ? "#555753" : "#dededa");
      svg_text_full (s, BAR_LEFT - 8, y + 4, "end", SMALL_FONT, " fill=\"#555753\"", label);
    }
}

static void
svg_legend (GString     *s,
            double       x,
            const char  *const *names,
            const char  *const *colors,
            guint        n)
{
  for (guint k = 0; k < n; k++)
    {
      double y = BAR_TOP + 20 * k;
      g_autofree char *name = shorten (names[k], 34);

      g_string_append_printf (s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"12\" height=\"12\" fill=\"%s\"/>\n",
                              x, y, colors[k]);
      svg_text (s, x + 18, y + 11, "start", name);
    }
}

static int
bar_chart_width (HearsayComparison *self)
{
  return BAR_LEFT + MAX (1, (int) self->outlets->len) * BAR_SLOT + 16 + LEGEND_WIDTH;
}

static int
bar_chart_height (guint n_legend)
{
  return MAX (BAR_TOP + BAR_PLOT + 56, BAR_TOP + 20 * (int) n_legend + 16);
}

static void
bar_segment (GString    *s,
             double      x,
             double      y,
             double      h,
             const char *color,
             gint64      count,
             const char *tip)
{
  g_string_append_printf (s, "<g><title>%s</title><rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" "
                          "fill=\"%s\" stroke=\"#ffffff\"/>", tip, x, y, BAR_WIDTH, h, color);
  if (count >= 0 && h >= 16)
    {
      g_autofree char *n = g_strdup_printf ("%" PRId64, count);
      g_autofree char *fill = g_strdup_printf (" font-weight=\"bold\" fill=\"%s\"", text_color_on (color));

      svg_text_full (s, x + BAR_WIDTH / 2.0, y + h / 2 + 4, "middle", SMALL_FONT, fill, n);
    }
  g_string_append (s, "</g>\n");
}

/* Who speaks: rows are the kinds ("unlinked" last when present), then
 * "all", "linked" and "state_affiliated_share". */
static void
sources_chart (HearsayComparison *self,
               GString           *s,
               gboolean           standalone)
{
  const char *section = "sources";
  guint n_outlets = self->outlets->len, n_rows = hearsay_comparison_get_n_rows (self, section);
  guint n_kinds = n_rows >= 3 ? n_rows - 3 : 0;
  int width = bar_chart_width (self), right = BAR_LEFT + MAX (1, (int) n_outlets) * BAR_SLOT;
  g_autofree const char **names = g_new0 (const char *, n_kinds + 1);
  g_autofree const char **colors = g_new0 (const char *, n_kinds + 1);

  for (guint k = 0; k < n_kinds; k++)
    {
      const HearsayComparisonCell *key = hearsay_comparison_get_cell (self, section, k, 0);

      names[k] = key->text;
      colors[k] = g_strcmp0 (key->id, "unlinked") == 0 ? UNLINKED_COLOR : palette[k % G_N_ELEMENTS (palette)];
    }
  svg_open (s, width, bar_chart_height (n_kinds), standalone, _("Who speaks: source mentions by entity kind"));
  svg_grid (s, right, 100, 25, "%");
  for (guint o = 0; o < n_outlets && n_rows >= 3; o++)
    {
      const HearsayComparisonCell *all = hearsay_comparison_get_cell (self, section, n_kinds, o + 1);
      const HearsayComparisonCell *state = hearsay_comparison_get_cell (self, section, n_rows - 1, o + 1);
      const char *outlet = g_ptr_array_index (self->outlet_titles, o);
      double cx = BAR_LEFT + (o + 0.5) * BAR_SLOT, x = cx - BAR_WIDTH / 2.0, y = BAR_TOP + BAR_PLOT;
      g_autofree char *note = NULL;

      for (guint k = 0; k < n_kinds && all->numerator > 0; k++)
        {
          const HearsayComparisonCell *cell = hearsay_comparison_get_cell (self, section, k, o + 1);
          double h = BAR_PLOT * (double) cell->numerator / all->numerator;
          g_autofree char *tip = NULL;
          g_autofree char *safe_outlet = NULL, *safe_name = NULL;

          if (cell->numerator <= 0)
            continue;
          y -= h;
          safe_outlet = hearsay_xml_sanitize (outlet, -1);
          safe_name = hearsay_xml_sanitize (names[k], -1);
          tip = g_markup_printf_escaped ("%s — %s: %" PRId64 " / %" PRId64, safe_outlet, safe_name,
                                         cell->numerator, all->numerator);
          bar_segment (s, x, y, h, colors[k], cell->numerator, tip);
        }
      svg_text_lines (s, cx, BAR_TOP + BAR_PLOT + 16, outlet, LABEL_CHARS);
      note = g_strdup_printf (_("n = %" PRId64 " · state %s"), MAX (all->numerator, 0), state->text);
      svg_text_full (s, cx, BAR_TOP + BAR_PLOT + 44, "middle", SMALL_FONT, " fill=\"#555753\"", note);
    }
  svg_legend (s, right + 16, names, colors, n_kinds);
  g_string_append (s, "</svg>\n");
}

/* Persuasion: a bar per outlet, its techniques stacked, per 1,000 words;
 * row 0 is the outlet's total. */
static void
persuasion_chart (HearsayComparison *self,
                  GString           *s,
                  gboolean           standalone)
{
  const char *section = "persuasion";
  guint n_outlets = self->outlets->len, n_rows = hearsay_comparison_get_n_rows (self, section);
  guint n_techniques = n_rows > 0 ? n_rows - 1 : 0;
  int width = bar_chart_width (self), right = BAR_LEFT + MAX (1, (int) n_outlets) * BAR_SLOT;
  g_autofree const char **names = g_new0 (const char *, n_techniques + 1);
  g_autofree const char **colors = g_new0 (const char *, n_techniques + 1);
  double max = 0, step;

  for (guint k = 0; k < n_techniques; k++)
    {
      names[k] = hearsay_comparison_get_cell (self, section, k + 1, 0)->text;
      colors[k] = palette[k % G_N_ELEMENTS (palette)];
    }
  for (guint o = 0; o < n_outlets && n_rows > 0; o++)
    {
      double v = hearsay_comparison_get_cell (self, section, 0, o + 1)->value;

      if (!isnan (v))
        max = MAX (max, v);
    }
  /* Room above the tallest bar for its figure. */
  step = hearsay_chart_nice_step (max > 0 ? max * 1.08 : 1);
  max = step * ceil ((max > 0 ? max * 1.08 : 1) / step);
  svg_open (s, width, bar_chart_height (n_techniques), standalone, _("Persuasion techniques per 1,000 words"));
  svg_grid (s, right, max, step, "");
  for (guint o = 0; o < n_outlets && n_rows > 0; o++)
    {
      const HearsayComparisonCell *total = hearsay_comparison_get_cell (self, section, 0, o + 1);
      const char *outlet = g_ptr_array_index (self->outlet_titles, o);
      double cx = BAR_LEFT + (o + 0.5) * BAR_SLOT, x = cx - BAR_WIDTH / 2.0, y = BAR_TOP + BAR_PLOT;
      g_autofree char *note = g_strdup_printf (_("%" PRId64 " words"), MAX (total->denominator, 0));

      for (guint k = 0; k < n_techniques; k++)
        {
          const HearsayComparisonCell *cell = hearsay_comparison_get_cell (self, section, k + 1, o + 1);
          double h;
          g_autofree char *tip = NULL;
          g_autofree char *safe_outlet = NULL, *safe_name = NULL;

          if (isnan (cell->value) || cell->value <= 0)
            continue;
          h = BAR_PLOT * cell->value / max;
          y -= h;
          safe_outlet = hearsay_xml_sanitize (outlet, -1);
          safe_name = hearsay_xml_sanitize (names[k], -1);
          tip = g_markup_printf_escaped (_("%s — %s: %s per 1,000 words (%" PRId64 " / %" PRId64 " words)"),
                                         safe_outlet, safe_name, cell->text, cell->numerator, cell->denominator);
          bar_segment (s, x, y, h, colors[k], -1, tip);
        }
      svg_text_full (s, cx, y - 5, "middle", FONT, " font-weight=\"bold\"", total->text);
      svg_text_lines (s, cx, BAR_TOP + BAR_PLOT + 16, outlet, LABEL_CHARS);
      svg_text_full (s, cx, BAR_TOP + BAR_PLOT + 44, "middle", SMALL_FONT, " fill=\"#555753\"", note);
    }
  svg_legend (s, right + 16, names, colors, n_techniques);
  g_string_append (s, "</svg>\n");
}

/* Chains: drawn from the layout the window's chart uses
 * (hearsay-chart-geometry.c), in the same colours. */
static void
chains_chart (HearsayComparison *self,
              GString           *s,
              gboolean           standalone)
{
  g_autoptr(HearsayChainLayout) layout = hearsay_chain_layout_new (self);
  int box_w = (int) layout->box_width, box_h = (int) layout->box_height;

  svg_open (s, (int) layout->width, (int) layout->height, standalone, _("Attribution chains (relayed_by)"));
  g_string_append (s, "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                   "markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" "
                   "fill=\"#555753\"/></marker></defs>\n");
  if (layout->boxes->len == 0)
    {
      svg_text (s, (int) layout->left, (int) layout->top + 12, "start", _("No relayed_by chains."));
      g_string_append (s, "</svg>\n");
      return;
    }
  for (guint b = 0; b + 1 < layout->bands->len; b += 2)
    {
      double top = g_array_index (layout->bands, double, b);
      double bottom = g_array_index (layout->bands, double, b + 1);

      g_string_append_printf (s, "<rect x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f6f6f4\"/>\n",
                              (int) top, (int) layout->width, (int) (bottom - top));
    }
  for (guint e = 0; e < layout->links->len; e++)
    {
      const HearsayChainLink *link = &g_array_index (layout->links, HearsayChainLink, e);
      const HearsayChainBox *from = &g_array_index (layout->boxes, HearsayChainBox, link->from);
      const HearsayChainBox *to = &g_array_index (layout->boxes, HearsayChainBox, link->to);
      int x1 = (int) from->x + box_w, y1 = (int) from->y + box_h / 2;
      int x2 = (int) to->x - 2, y2 = (int) to->y + box_h / 2, mx = (x1 + x2) / 2;
      g_autofree char *safe_relayed = hearsay_xml_sanitize (to->label, -1);
      g_autofree char *safe_relayer = hearsay_xml_sanitize (from->label, -1);
      /* The right-hand source is relayed by the left-hand one. */
      g_autofree char *tip = g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE, "%s relayed by %s\n%" PRId64 " time",
                                                                   "%s relayed by %s\n%" PRId64 " times", link->count),
                                                      safe_relayed, safe_relayer, link->count);

      g_string_append_printf (s, "<path d=\"M%d,%d C%d,%d %d,%d %d,%d\" fill=\"none\" stroke=\"#555753\" "
                              "stroke-width=\"%.1f\" marker-end=\"url(#arrow)\"><title>%s</title></path>\n",
                              x1, y1, mx, y1, mx, y2, x2, y2,
                              1.5 + MIN (4.0, log2 ((double) link->count)), tip);
      if (link->count > 1)
        {
          g_autofree char *times = g_strdup_printf ("×%" PRId64, link->count);

          svg_text_full (s, mx, (y1 + y2) / 2 - 6, "middle", SMALL_FONT, " font-weight=\"bold\"", times);
        }
    }
  for (guint i = 0; i < layout->boxes->len; i++)
    {
      const HearsayChainBox *box = &g_array_index (layout->boxes, HearsayChainBox, i);
      g_autofree char *label = shorten (box->label, 26);
      g_autofree char *tip = markup_escape (box->label);
      /* As the window draws them: the outlet in its band's colour, the original sources pale yellow. */
      const char *fill = box->depth == 0 ? palette[box->outlet % G_N_ELEMENTS (palette)]
                       : box->leaf ? "#fff3c4" : "#eeeeec";

      g_string_append_printf (s, "<g><title>%s</title><rect x=\"%d\" y=\"%d\" width=\"%d\" "
                              "height=\"%d\" rx=\"5\" fill=\"%s\" stroke=\"%s\"/>",
                              tip, (int) box->x, (int) box->y, box_w, box_h, fill,
                              box->depth == 0 ? "#2e3436" : "#888a85");
      svg_text_full (s, (int) box->x + 10, (int) box->y + 18, "start", FONT,
                     box->depth == 0 ? " font-weight=\"bold\" fill=\"#ffffff\"" : NULL, label);
      g_string_append (s, "</g>\n");
    }
  g_string_append (s, "</svg>\n");
}

char *
hearsay_comparison_dup_svg (HearsayComparison      *self,
                            HearsayComparisonChart  chart,
                            gboolean                standalone)
{
  GString *s = g_string_new (NULL);

  if (chart == HEARSAY_COMPARISON_CHART_SOURCES)
    sources_chart (self, s, standalone);
  else if (chart == HEARSAY_COMPARISON_CHART_PERSUASION)
    persuasion_chart (self, s, standalone);
  else
    chains_chart (self, s, standalone);
  return g_string_free (s, FALSE);
}

gboolean
hearsay_comparison_write_svg (HearsayComparison       *self,
                              HearsayComparisonChart   chart,
                              GOutputStream           *out,
                              GError                 **error)
{
  g_autofree char *svg = NULL;

  g_return_val_if_fail (HEARSAY_IS_COMPARISON (self), FALSE);

  svg = hearsay_comparison_dup_svg (self, chart, TRUE);
  return g_output_stream_write_all (out, svg, strlen (svg), NULL, NULL, error);
}

static void
html_escape (GString    *s,
             const char *text)
{
  g_autofree char *escaped = markup_escape (text);

  g_string_append (s, escaped);
}

static void
html_table (HearsayComparison *self,
            const char        *section,
            GString           *s)
{
  guint n_columns = hearsay_comparison_get_n_columns (self, section);
  guint n_keys = hearsay_comparison_get_n_keys (self, section);

  g_string_append (s, "<h2>");
  html_escape (s, hearsay_comparison_get_section_title (section));
  g_string_append (s, "</h2>\n");
  if (hearsay_comparison_get_n_rows (self, section) == 0)
    {
      g_string_append (s, "<p>");
      html_escape (s, _("Nothing to compare."));
      g_string_append (s, "</p>\n");
      return;
    }
  /* A wide table scrolls by itself instead of widening the page. */
  g_string_append (s, "<div class=\"table\"><table>\n<tr>");
  for (guint c = 0; c < n_columns; c++)
    {
      g_string_append (s, "<th>");
      html_escape (s, hearsay_comparison_get_column (self, section, c));
      g_string_append (s, "</th>");
    }
  g_string_append (s, "</tr>\n");
  for (guint r = 0; r < hearsay_comparison_get_n_rows (self, section); r++)
    {
      g_string_append (s, "<tr>");
      for (guint c = 0; c < n_columns; c++)
        {
          const HearsayComparisonCell *cell = hearsay_comparison_get_cell (self, section, r, c);

          if (c < n_keys)
            g_string_append (s, "<th scope=\"row\">");
          else if (cell->numerator >= 0 && cell->denominator >= 0)
            g_string_append_printf (s, "<td class=\"n\" title=\"%" PRId64 " / %" PRId64 "\">",
                                    cell->numerator, cell->denominator);
          else
            g_string_append (s, isnan (cell->value) ? "<td>" : "<td class=\"n\">");
          html_escape (s, cell->text);
          if (c >= n_keys && cell->numerator >= 0 && cell->denominator >= 0)
            g_string_append_printf (s, " <small>(%" PRId64 "/%" PRId64 ")</small>",
                                    cell->numerator, cell->denominator);
          g_string_append (s, c < n_keys ? "</th>" : "</td>");
        }
      g_string_append (s, "</tr>\n");
    }
  g_string_append (s, "</table></div>\n");
}

gboolean
hearsay_comparison_write_html_report (HearsayComparison  *self,
                                      GOutputStream      *out,
                                      GError            **error)
{
  const char * const *sections = hearsay_comparison_get_sections ();
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *summary = NULL, *documents = NULL, *outlets = NULL;

  g_return_val_if_fail (HEARSAY_IS_COMPARISON (self), FALSE);

  g_string_append (s, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>");
  html_escape (s, _("Outlet comparison"));
  g_string_append (s, "</title>\n<style>\n"
                   "body { font-family: sans-serif; margin: 2em; color: #2e3436; background: #ffffff; }\n"
                   "h2 { margin: 1.5em 0 0.5em; }\n"
                   "div.table { overflow-x: auto; margin: 0.5em 0 1em; }\n"
                   "table { border-collapse: collapse; }\n"
                   "th, td { border: 1px solid #babdb6; padding: 0.25em 0.6em; vertical-align: top; }\n"
                   "th { background: #eeeeec; text-align: left; }\n"
                   "td { max-width: 24em; }\n"
                   "td.n { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }\n"
                   "small { color: #555753; }\n"
                   "figure { margin: 1em 0 2em; }\n"
                   "figure svg { display: block; max-width: 100%; height: auto; }\n"
                   "@media print { h2 { break-after: avoid; } figure, tr { break-inside: avoid; } }\n"
                   "</style>\n</head>\n<body>\n<h1>");
  html_escape (s, _("Outlet comparison"));
  g_string_append (s, "</h1>\n<p>");
  documents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", self->n_documents),
                               self->n_documents);
  outlets = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u outlet", "%u outlets", self->outlets->len),
                             self->outlets->len);
  /* TRANSLATORS: "5 documents, 4 outlets." */
  summary = g_strdup_printf (_("%s, %s."), documents, outlets);
  html_escape (s, summary);
  g_string_append (s, " ");
  html_escape (s, _("Boilerplate is excluded everywhere; hover a figure for its counts."));
  if (self->layer != NULL)
    {
      g_autofree char *layer = g_strdup_printf (_("Counted on %s’s layer only."), self->layer);

      g_string_append (s, " ");
      html_escape (s, layer);
    }
  g_string_append (s, "</p>\n");
  for (guint i = 0; sections[i] != NULL; i++)
    {
      int chart = g_str_equal (sections[i], "sources") ? HEARSAY_COMPARISON_CHART_SOURCES
                : g_str_equal (sections[i], "persuasion") ? HEARSAY_COMPARISON_CHART_PERSUASION
                : g_str_equal (sections[i], "chains") ? HEARSAY_COMPARISON_CHART_CHAINS : -1;

      html_table (self, sections[i], s);
      if (chart >= 0)
        {
          g_autofree char *svg = hearsay_comparison_dup_svg (self, chart, FALSE);

          g_string_append_printf (s, "<figure>\n%s</figure>\n", svg);
        }
    }
  if (self->reliability != NULL)
    hearsay_comparison_reliability_append_html (HEARSAY_COMPARISON_RELIABILITY (self->reliability), s);
  if (self->agreement != NULL)
    hearsay_agreement_report_append_html (HEARSAY_AGREEMENT_REPORT (self->agreement), s);
  g_string_append (s, "</body>\n</html>\n");
  return g_output_stream_write_all (out, s->str, s->len, NULL, NULL, error);
}
