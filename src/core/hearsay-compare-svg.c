/* hearsay-compare-svg.c: the comparison's charts as SVG, and the HTML
 * report that holds them inline with the tables. */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-compare-private.h"

static const char * const palette[] = {
  "#3465a4", "#f57900", "#73d216", "#cc0000", "#75507b", "#c17d11", "#edd400",
  "#555753", "#729fcf", "#fcaf3e", "#8ae234", "#ef2929", "#ad7fa8", "#e9b96e",
};

#define FONT "font-family=\"sans-serif\" font-size=\"12\""

static void
svg_open (GString  *s,
          int       width,
          int       height,
          gboolean  standalone,
          const char *title)
{
  g_autofree char *t = g_markup_escape_text (title, -1);

  if (standalone)
    g_string_append (s, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (s, "<svg%s width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">"
                          "<title>%s</title><rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>"
                          "<text x=\"10\" y=\"20\" " FONT " font-weight=\"bold\">%s</text>\n",
                          standalone ? " xmlns=\"http://www.w3.org/2000/svg\"" : "",
                          width, height, width, height, t, t);
}

static void
svg_text (GString    *s,
          double      x,
          double      y,
          const char *anchor,
          const char *text)
{
  g_autofree char *t = g_markup_escape_text (text, -1);

  g_string_append_printf (s, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" " FONT ">%s</text>\n",
                          x, y, anchor, t);
}

static char *
shorten (const char *text,
         glong       max)
{
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  return g_strconcat (g_utf8_substring (text, 0, max - 1), "…", NULL);
}

static void
sources_chart (HearsayComparison *self,
               GString           *s,
               gboolean           standalone)
{
  const char *section = "sources";
  guint n_outlets = self->outlets->len, n_rows = hearsay_comparison_get_n_rows (self, section);
  guint n_kinds = n_rows >= 3 ? n_rows - 3 : 0;
  int bar = 48, gap = 40, plot = 240, left = 60, top = 40;
  int width = left + MAX (1, n_outlets) * (bar + gap) + 220, height = top + plot + 60;

  height = MAX (height, top + 20 * (int) n_kinds + 40);
  svg_open (s, width, height, standalone, _("Who speaks: source mentions by entity kind"));
  for (guint o = 0; o < n_outlets; o++)
    {
      const HearsayComparisonCell *all = hearsay_comparison_get_cell (self, section, n_kinds, o + 1);
      double x = left + o * (bar + gap), y = top + plot;
      g_autofree char *name = shorten (g_ptr_array_index (self->outlet_titles, o), 12);

      for (guint k = 0; k < n_kinds && all->numerator > 0; k++)
        {
          const HearsayComparisonCell *cell = hearsay_comparison_get_cell (self, section, k, o + 1);
          const char *kind = hearsay_comparison_get_cell (self, section, k, 0)->text;
          double h = plot * (double) cell->numerator / all->numerator;
          g_autofree char *tip = NULL;

          if (cell->numerator <= 0)
            continue;
          y -= h;
          tip = g_markup_printf_escaped ("%s — %s: %" PRId64 " / %" PRId64,
                                         (char *) g_ptr_array_index (self->outlet_titles, o), kind,
                                         cell->numerator, all->numerator);
          g_string_append_printf (s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" "
                                  "fill=\"%s\" stroke=\"#ffffff\"><title>%s</title></rect>\n",
                                  x, y, bar, h, palette[k % G_N_ELEMENTS (palette)], tip);
        }
      svg_text (s, x + bar / 2.0, top + plot + 16, "middle", name);
      {
        g_autofree char *n = g_strdup_printf ("n = %" PRId64, all->numerator);

        svg_text (s, x + bar / 2.0, top + plot + 32, "middle", n);
      }
    }
  g_string_append_printf (s, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000000\"/>\n",
                          left - 10, top + plot, left + (int) n_outlets * (bar + gap), top + plot);
  for (guint k = 0; k < n_kinds; k++)
    {
      int lx = left + (int) n_outlets * (bar + gap) + 10, ly = top + 20 * (int) k;

      g_string_append_printf (s, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>\n",
                              lx, ly, palette[k % G_N_ELEMENTS (palette)]);
      svg_text (s, lx + 18, ly + 11, "start", hearsay_comparison_get_cell (self, section, k, 0)->text);
    }
  g_string_append (s, "</svg>\n");
}

static void
persuasion_chart (HearsayComparison *self,
                  GString           *s,
                  gboolean           standalone)
{
  const char *section = "persuasion";
  guint n_outlets = self->outlets->len;
  int bar = 48, gap = 40, plot = 200, left = 60, top = 40;
  double max = 0;

  svg_open (s, left + MAX (1, n_outlets) * (bar + gap) + 20, top + plot + 60, standalone,
            _("Persuasion techniques per 1,000 words"));
  for (guint o = 0; o < n_outlets && hearsay_comparison_get_n_rows (self, section) > 0; o++)
    {
      double v = hearsay_comparison_get_cell (self, section, 0, o + 1)->value;

      if (!isnan (v))
        max = MAX (max, v);
    }
  for (guint o = 0; o < n_outlets && hearsay_comparison_get_n_rows (self, section) > 0; o++)
    {
      const HearsayComparisonCell *cell = hearsay_comparison_get_cell (self, section, 0, o + 1);
      double x = left + o * (bar + gap);
      double h = max > 0 && !isnan (cell->value) ? plot * cell->value / max : 0;
      g_autofree char *name = shorten (g_ptr_array_index (self->outlet_titles, o), 12);
      g_autofree char *tip = g_markup_printf_escaped ("%s: %s (%" PRId64 " / %" PRId64
                                                      " words)", (char *) g_ptr_array_index (self->outlet_titles, o),
                                                      cell->text, cell->numerator, cell->denominator);

      g_string_append_printf (s, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\">"
                              "<title>%s</title></rect>\n",
                              x, top + plot - h, bar, h, palette[o % G_N_ELEMENTS (palette)], tip);
      svg_text (s, x + bar / 2.0, top + plot - h - 4, "middle", cell->text);
      svg_text (s, x + bar / 2.0, top + plot + 16, "middle", name);
    }
  g_string_append_printf (s, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000000\"/>\n",
                          left - 10, top + plot, left + (int) n_outlets * (bar + gap), top + plot);
  g_string_append (s, "</svg>\n");
}

/* Chains: one band per outlet, a column per depth (the outlet first), a box
 * per distinct source at that depth, a line per link with its count. */
static void
chains_chart (HearsayComparison *self,
              GString           *s,
              gboolean           standalone)
{
  int box_w = 180, box_h = 26, col = 230, row = 36, top = 40, left = 10;
  g_autoptr(GString) body = g_string_new (NULL);
  guint max_depth = 1;
  int y0 = top;

  for (guint o = 0; o < self->outlets->len; o++)
    {
      g_autoptr(GHashTable) slots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_autoptr(GHashTable) edges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_autoptr(GPtrArray) edge_order = g_ptr_array_new ();
      g_autoptr(GArray) per_col = g_array_new (FALSE, TRUE, sizeof (int));
      int rows = 0;

      for (guint i = 0; i < self->chains->len; i++)
        {
          HearsayComparisonChain *chain = g_ptr_array_index (self->chains, i);
          guint n = g_strv_length (chain->nodes);
          g_autofree char *prev = NULL;

          if (chain->outlet != o)
            continue;
          max_depth = MAX (max_depth, n);
          for (guint d = 0; d < n; d++)
            {
              /* A node is its path so far: the same source under two relayers shows twice. */
              g_autoptr(GPtrArray) parts = g_ptr_array_new ();
              char *key;

              for (guint k = 0; k <= d; k++)
                g_ptr_array_add (parts, chain->nodes[k]);
              g_ptr_array_add (parts, NULL);
              key = g_strjoinv ("\t", (char **) parts->pdata);
              if (!g_hash_table_contains (slots, key))
                {
                  int x = left + (int) d * col, y;

                  if (per_col->len <= d)
                    g_array_set_size (per_col, d + 1);
                  y = y0 + 20 + g_array_index (per_col, int, d)++ * row;
                  rows = MAX (rows, g_array_index (per_col, int, d));
                  g_hash_table_insert (slots, g_strdup (key), GINT_TO_POINTER (y));
                  {
                    g_autofree char *label = shorten (chain->nodes[d], 24);
                    g_autofree char *tip = g_markup_escape_text (chain->nodes[d], -1);

                    g_string_append_printf (body, "<g><title>%s</title><rect x=\"%d\" y=\"%d\" width=\"%d\" "
                                            "height=\"%d\" rx=\"4\" fill=\"%s\" stroke=\"#2e3436\"/>",
                                            tip, x, y, box_w, box_h, d == 0 ? "#d3d7cf" : "#eeeeec");
                    svg_text (body, x + 8, y + 17, "start", label);
                    g_string_append (body, "</g>\n");
                  }
                }
              if (prev != NULL)
                {
                  g_autofree char *edge = g_strconcat (prev, "\n", key, NULL);
                  gint64 *count = g_hash_table_lookup (edges, edge);

                  if (count == NULL)
                    {
                      count = g_new0 (gint64, 1);
                      g_ptr_array_add (edge_order, g_strdup (edge));
                      g_hash_table_insert (edges, g_steal_pointer (&edge), count);
                    }
                  *count += chain->count;
                }
              g_free (prev);
              prev = key;
            }
        }
      for (guint e = 0; e < edge_order->len; e++)
        {
          g_autofree char *edge = g_ptr_array_index (edge_order, e);
          g_auto(GStrv) ends = g_strsplit (edge, "\n", 2);
          int ya = GPOINTER_TO_INT (g_hash_table_lookup (slots, ends[0])) + box_h / 2;
          int yb = GPOINTER_TO_INT (g_hash_table_lookup (slots, ends[1])) + box_h / 2;
          guint da = 0;
          gint64 count = *(gint64 *) g_hash_table_lookup (edges, edge);

          for (const char *p = ends[0]; *p; p++)
            da += *p == '\t';
          g_string_append_printf (body, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555753\" "
                                  "stroke-width=\"%.1f\" marker-end=\"url(#arrow)\"><title>%" PRId64
                                  "</title></line>\n",
                                  left + (int) da * col + box_w, ya, left + (int) (da + 1) * col - 4, yb,
                                  1.0 + MIN (4.0, log2 ((double) count)), count);
        }
      if (rows > 0)
        y0 += 20 + rows * row + 16;
    }
  svg_open (s, left + (int) max_depth * col + 20, MAX (y0, top + 40) + 10, standalone,
            _("Attribution chains (relayed_by)"));
  g_string_append (s, "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                   "markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" "
                   "fill=\"#555753\"/></marker></defs>\n");
  if (self->chains->len == 0)
    svg_text (s, 10, 50, "start", _("No relayed_by chains."));
  g_string_append (s, body->str);
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
  g_autofree char *escaped = g_markup_escape_text (text, -1);

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
  g_string_append (s, "<table>\n<tr>");
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
  g_string_append (s, "</table>\n");
}

gboolean
hearsay_comparison_write_html_report (HearsayComparison  *self,
                                      GOutputStream      *out,
                                      GError            **error)
{
  const char * const *sections = hearsay_comparison_get_sections ();
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *summary = NULL;

  g_return_val_if_fail (HEARSAY_IS_COMPARISON (self), FALSE);

  g_string_append (s, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>");
  html_escape (s, _("Outlet comparison"));
  g_string_append (s, "</title>\n<style>\n"
                   "body { font-family: sans-serif; margin: 2em; color: #2e3436; }\n"
                   "table { border-collapse: collapse; margin: 0.5em 0 1.5em; }\n"
                   "th, td { border: 1px solid #babdb6; padding: 0.25em 0.6em; vertical-align: top; }\n"
                   "th { background: #eeeeec; text-align: left; }\n"
                   "td.n { text-align: right; font-variant-numeric: tabular-nums; }\n"
                   "small { color: #555753; }\n"
                   "figure { margin: 1em 0; }\n"
                   "</style>\n</head>\n<body>\n<h1>");
  html_escape (s, _("Outlet comparison"));
  g_string_append (s, "</h1>\n<p>");
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document, %u outlets.",
                                          "%u documents, %u outlets.", self->n_documents),
                             self->n_documents, self->outlets->len);
  html_escape (s, summary);
  g_string_append (s, " ");
  html_escape (s, _("Boilerplate is excluded everywhere; hover a figure for its counts."));
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
  g_string_append (s, "</body>\n</html>\n");
  return g_output_stream_write_all (out, s->str, s->len, NULL, NULL, error);
}
