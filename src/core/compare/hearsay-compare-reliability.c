/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-reliability.c: the outlet comparison computed once per
 * coder's layer, and per figure (row) Krippendorff's α, interval metric,
 * over the outlets: how reliable the numbers a study reports are. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-agreement-stats.h"
#include "hearsay-annotation-json.h"
#include "hearsay-compare-private.h"
#include "hearsay-project-team.h"

struct _HearsayComparisonReliability
{
  GObject parent_instance;

  GStringChunk *strings;
  GPtrArray *coders;      /* char * */
  GPtrArray *outlets;     /* char *: titles */
  GArray *rows;           /* HearsayReliabilityRow */
  GPtrArray *values;      /* double * per row */
};

G_DEFINE_FINAL_TYPE (HearsayComparisonReliability, hearsay_comparison_reliability, G_TYPE_OBJECT)

/* The sections whose figures depend on the coding (not "size") and are
 * numbers per outlet. */
static const char * const sections[] = { "attribution", "sources", "persuasion", "frames", NULL };

static void
hearsay_comparison_reliability_finalize (GObject *object)
{
  HearsayComparisonReliability *self = HEARSAY_COMPARISON_RELIABILITY (object);

  g_string_chunk_free (self->strings);
  g_ptr_array_unref (self->coders);
  g_ptr_array_unref (self->outlets);
  g_array_unref (self->rows);
  g_ptr_array_unref (self->values);
  G_OBJECT_CLASS (hearsay_comparison_reliability_parent_class)->finalize (object);
}

static void
hearsay_comparison_reliability_class_init (HearsayComparisonReliabilityClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearsay_comparison_reliability_finalize;
}

static void
hearsay_comparison_reliability_init (HearsayComparisonReliability *self)
{
  self->strings = g_string_chunk_new (4096);
  self->coders = g_ptr_array_new_with_free_func (g_free);
  self->outlets = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_array_new (FALSE, TRUE, sizeof (HearsayReliabilityRow));
  self->values = g_ptr_array_new_with_free_func (g_free);
}

static char *
row_key (HearsayComparison *c,
         const char        *section,
         guint              row)
{
  GString *key = g_string_new (NULL);

  for (guint k = 0; k < hearsay_comparison_get_n_keys (c, section); k++)
    {
      const HearsayComparisonCell *cell = hearsay_comparison_get_cell (c, section, row, k);

      g_string_append_printf (key, "%s%s", k > 0 ? "\t" : "", cell->id ? cell->id : cell->text);
    }
  return g_string_free (key, FALSE);
}

static char *
row_name (HearsayComparison *c,
          const char        *section,
          guint              row)
{
  GString *name = g_string_new (NULL);

  for (guint k = 0; k < hearsay_comparison_get_n_keys (c, section); k++)
    g_string_append_printf (name, "%s%s", k > 0 ? " — " : "",
                            hearsay_comparison_get_cell (c, section, row, k)->text);
  return g_string_free (name, FALSE);
}

/* The coders of the selection: every coder with an annotation in it. */
static GStrv
selection_coders (HearsayProject  *project,
                  const gint64    *ids,
                  guint            n_ids,
                  GError         **error)
{
  g_autoptr(HearsayLayerRows) rows = hearsay_project_read_layers (project, ids, n_ids, NULL, HEARSAY_LAYER_READ_SPANS, error);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autofree gboolean *used = NULL;

  if (rows == NULL)
    return NULL;
  used = g_new0 (gboolean, MAX (rows->coders->len, 1));
  for (guint i = 0; i < rows->fragments->len; i++)
    used[g_array_index (rows->fragments, HearsayLayerFragment, i).coder] = TRUE;
  for (guint i = 0; i < rows->coders->len; i++)
    if (used[i] && hearsay_coder_get_role (g_ptr_array_index (rows->coders, i)) == HEARSAY_CODER_ROLE_CODER)
      g_strv_builder_add (names, hearsay_coder_get_name (g_ptr_array_index (rows->coders, i)));
  return g_strv_builder_end (names);
}

static void
add_row (HearsayComparisonReliability *self,
         GPtrArray                    *comparisons,
         const char                   *section,
         const char                   *key,
         const char                   *name)
{
  guint n_coders = self->coders->len, n_outlets = self->outlets->len;
  double *values = g_new (double, MAX ((gsize) n_coders * n_outlets, 1));
  HearsayReliabilityRow row = { 0 };
  HearsayAgreementMatrix matrix = { n_coders, n_outlets, values };
  HearsayAgreementResult result;
  g_autoptr(GError) error = NULL;
  guint present = 0;

  for (guint c = 0; c < n_coders; c++)
    for (guint o = 0; o < n_outlets; o++)
      {
        const HearsayComparisonCell *cell = hearsay_comparison_lookup (g_ptr_array_index (comparisons, c), section, key,
                                                                       g_ptr_array_index (self->outlets, o));

        values[(gsize) c * n_outlets + o] = cell != NULL && isfinite (cell->value) ? cell->value
                                                                                   : HEARSAY_AGREEMENT_MISSING;
        present += cell != NULL && isfinite (cell->value);
      }
  if (present == 0)
    {
      g_free (values);
      return;
    }
  for (guint o = 0; o < n_outlets; o++)
    {
      double lo = INFINITY, hi = -INFINITY;

      for (guint c = 0; c < n_coders; c++)
        {
          double v = values[(gsize) c * n_outlets + o];

          if (!hearsay_agreement_is_missing (v))
            {
              lo = MIN (lo, v);
              hi = MAX (hi, v);
            }
        }
      if (hi >= lo)
        row.max_difference = MAX (row.max_difference, hi - lo);
    }
  row.section = g_string_chunk_insert_const (self->strings, section);
  row.row_key = g_string_chunk_insert_const (self->strings, key);
  row.row_name = g_string_chunk_insert_const (self->strings, name);
  row.values = values;
  if (hearsay_agreement_krippendorff_alpha (&matrix, HEARSAY_AGREEMENT_INTERVAL, &result, &error))
    {
      row.defined = TRUE;
      row.alpha = result.value;
    }
  else if (g_error_matches (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_NO_VARIATION))
    row.note = g_string_chunk_insert_const (self->strings,
                                            _("one value for every outlet and coder: nothing to tell apart"));
  else
    row.note = g_string_chunk_insert_const (self->strings,
                                            _("no outlet has this figure from two coders"));
  g_ptr_array_add (self->values, values);
  g_array_append_val (self->rows, row);
}

HearsayComparisonReliability *
hearsay_comparison_reliability_new (HearsayProject      *project,
                                    const char * const  *coders,
                                    const gint64        *document_ids,
                                    guint                n_documents,
                                    gint64               event_id,
                                    GError             **error)
{
  g_autoptr(HearsayComparisonReliability) self = NULL;
  g_autoptr(GArray) selection = NULL;
  g_autoptr(GPtrArray) comparisons = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) found = NULL;
  HearsayComparison *first;

  g_return_val_if_fail (HEARSAY_IS_PROJECT (project), NULL);

  selection = hearsay_project_select_documents (project, document_ids, n_documents, event_id, NULL, error);
  if (selection == NULL)
    return NULL;
  if (coders == NULL)
    {
      found = selection_coders (project, (const gint64 *) selection->data, selection->len, error);
      if (found == NULL)
        return NULL;
      coders = (const char * const *) found;
    }
  if (g_strv_length ((char **) coders) < 2)
    {
      g_set_error (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_TOO_FEW_CODERS,
                   coders[0] == NULL
                   ? _("The reliability of the figures needs at least two coders; the selection holds no coder’s annotations")
                   : _("The reliability of the figures needs at least two coders; the selection holds the annotations of %s only"),
                   coders[0]);
      return NULL;
    }
  self = g_object_new (HEARSAY_TYPE_COMPARISON_RELIABILITY, NULL);
  for (guint i = 0; coders[i] != NULL; i++)
    {
      HearsayComparison *c = hearsay_comparison_new_for_layer (project, coders[i], (const gint64 *) selection->data,
                                                              selection->len, 0, error);

      if (c == NULL)
        return NULL;
      g_ptr_array_add (comparisons, c);
      g_ptr_array_add (self->coders, g_strdup (coders[i]));
    }
  first = g_ptr_array_index (comparisons, 0);
  for (guint o = 0; o < hearsay_comparison_get_n_outlets (first); o++)
    g_ptr_array_add (self->outlets, g_strdup (hearsay_comparison_get_outlet_title (first, o)));
  /* Every row any coder's comparison has, in the first one's order. */
  for (guint s = 0; sections[s] != NULL; s++)
    for (guint c = 0; c < comparisons->len; c++)
      {
        HearsayComparison *cmp = g_ptr_array_index (comparisons, c);

        for (guint r = 0; r < hearsay_comparison_get_n_rows (cmp, sections[s]); r++)
          {
            g_autofree char *key = row_key (cmp, sections[s], r);
            g_autofree char *name = NULL;
            g_autofree char *seen_key = g_strconcat (sections[s], "\n", key, NULL);

            if (g_hash_table_contains (seen, seen_key))
              continue;
            g_hash_table_add (seen, g_steal_pointer (&seen_key));
            name = row_name (cmp, sections[s], r);
            add_row (self, comparisons, sections[s], key, name);
          }
      }
  return g_steal_pointer (&self);
}

guint
hearsay_comparison_reliability_get_n_coders (HearsayComparisonReliability *self)
{
  g_return_val_if_fail (HEARSAY_IS_COMPARISON_RELIABILITY (self), 0);
  return self->coders->len;
}

const char *
hearsay_comparison_reliability_get_coder (HearsayComparisonReliability *self,
                                          guint                         index)
{
  g_return_val_if_fail (HEARSAY_IS_COMPARISON_RELIABILITY (self), NULL);
  g_return_val_if_fail (index < self->coders->len, NULL);
  return g_ptr_array_index (self->coders, index);
}

guint
hearsay_comparison_reliability_get_n_outlets (HearsayComparisonReliability *self)
{
  g_return_val_if_fail (HEARSAY_IS_COMPARISON_RELIABILITY (self), 0);
  return self->outlets->len;
}

const char *
hearsay_comparison_reliability_get_outlet (HearsayComparisonReliability *self,
                                           guint                         index)
{
  g_return_val_if_fail (HEARSAY_IS_COMPARISON_RELIABILITY (self), NULL);
  g_return_val_if_fail (index < self->outlets->len, NULL);
  return g_ptr_array_index (self->outlets, index);
}

guint
hearsay_comparison_reliability_get_n_rows (HearsayComparisonReliability *self)
{
  g_return_val_if_fail (HEARSAY_IS_COMPARISON_RELIABILITY (self), 0);
  return self->rows->len;
}

const HearsayReliabilityRow *
hearsay_comparison_reliability_get_row (HearsayComparisonReliability *self,
                                        guint                         index)
{
  g_return_val_if_fail (HEARSAY_IS_COMPARISON_RELIABILITY (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return &g_array_index (self->rows, HearsayReliabilityRow, index);
}

const HearsayReliabilityRow *
hearsay_comparison_reliability_lookup (HearsayComparisonReliability *self,
                                       const char                   *section,
                                       const char                   *key)
{
  g_return_val_if_fail (HEARSAY_IS_COMPARISON_RELIABILITY (self), NULL);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const HearsayReliabilityRow *row = &g_array_index (self->rows, HearsayReliabilityRow, i);

      if (g_strcmp0 (row->section, section) == 0 && g_strcmp0 (row->row_key, key) == 0)
        return row;
    }
  return NULL;
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return g_strdup ("");
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4f", value));
}

/* "0.412 / 0.398" for one outlet, coder after coder. */
static char *
outlet_values (HearsayComparisonReliability *self,
               const HearsayReliabilityRow  *row,
               guint                         outlet)
{
  GString *s = g_string_new (NULL);

  for (guint c = 0; c < self->coders->len; c++)
    {
      double v = row->values[(gsize) c * self->outlets->len + outlet];
      g_autofree char *text = isfinite (v) ? format_number (v) : g_strdup (_("n/a"));

      g_string_append_printf (s, "%s%s", c > 0 ? " / " : "", text);
    }
  return g_string_free (s, FALSE);
}

static char *
alpha_text (const HearsayReliabilityRow *row)
{
  return row->defined ? format_number (row->alpha) : g_strdup_printf (_("n/a (%s)"), row->note);
}

#define csv_field hearsay_compare_csv_field

static void
escape_markdown (GString    *s,
                 const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '|' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
}

gboolean
hearsay_comparison_reliability_write (HearsayComparisonReliability  *self,
                                      HearsayComparisonFormat        format,
                                      GOutputStream                 *out,
                                      GError                       **error)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_return_val_if_fail (HEARSAY_IS_COMPARISON_RELIABILITY (self), FALSE);

  if (format == HEARSAY_COMPARISON_FORMAT_CSV)
    {
      g_string_append (s, "section,row,row_name,alpha,max_difference,note");
      for (guint c = 0; c < self->coders->len; c++)
        for (guint o = 0; o < self->outlets->len; o++)
          {
            g_autofree char *column = g_strdup_printf ("%s: %s", (char *) g_ptr_array_index (self->coders, c),
                                                       (char *) g_ptr_array_index (self->outlets, o));

            g_string_append_c (s, ',');
            csv_field (s, column);
          }
      g_string_append (s, "\r\n");
      for (guint i = 0; i < self->rows->len; i++)
        {
          const HearsayReliabilityRow *row = &g_array_index (self->rows, HearsayReliabilityRow, i);
          g_autofree char *alpha = row->defined ? format_number (row->alpha) : g_strdup ("");
          g_autofree char *spread = format_number (row->max_difference);

          csv_field (s, row->section);
          g_string_append_c (s, ',');
          csv_field (s, row->row_key);
          g_string_append_c (s, ',');
          csv_field (s, row->row_name);
          g_string_append_printf (s, ",%s,%s,", alpha, spread);
          csv_field (s, row->note);
          for (guint k = 0; k < self->coders->len * self->outlets->len; k++)
            {
              g_autofree char *v = format_number (row->values[k]);

              g_string_append_printf (s, ",%s", v);
            }
          g_string_append (s, "\r\n");
        }
    }
  else if (format == HEARSAY_COMPARISON_FORMAT_JSON)
    {
      g_string_append (s, "{\"coders\":[");
      for (guint c = 0; c < self->coders->len; c++)
        {
          if (c > 0)
            g_string_append_c (s, ',');
          hearsay_json_append_string (s, g_ptr_array_index (self->coders, c));
        }
      g_string_append (s, "],\"outlets\":[");
      for (guint o = 0; o < self->outlets->len; o++)
        {
          if (o > 0)
            g_string_append_c (s, ',');
          hearsay_json_append_string (s, g_ptr_array_index (self->outlets, o));
        }
      g_string_append (s, "],\"rows\":[");
      for (guint i = 0; i < self->rows->len; i++)
        {
          const HearsayReliabilityRow *row = &g_array_index (self->rows, HearsayReliabilityRow, i);
          g_autofree char *alpha = row->defined ? format_number (row->alpha) : g_strdup ("null");
          g_autofree char *spread = format_number (row->max_difference);

          g_string_append (s, i > 0 ? ",\n{\"section\":" : "\n{\"section\":");
          hearsay_json_append_string (s, row->section);
          g_string_append (s, ",\"row\":");
          hearsay_json_append_string (s, row->row_key);
          g_string_append (s, ",\"row_name\":");
          hearsay_json_append_string (s, row->row_name);
          g_string_append_printf (s, ",\"alpha\":%s,\"max_difference\":%s,\"note\":", alpha, spread);
          hearsay_json_append_string (s, row->note);
          g_string_append (s, ",\"values\":[");
          for (guint c = 0; c < self->coders->len; c++)
            {
              g_string_append (s, c > 0 ? ",[" : "[");
              for (guint o = 0; o < self->outlets->len; o++)
                {
                  double v = row->values[(gsize) c * self->outlets->len + o];
                  g_autofree char *text = isfinite (v) ? format_number (v) : g_strdup ("null");

                  g_string_append_printf (s, "%s%s", o > 0 ? "," : "", text);
                }
              g_string_append_c (s, ']');
            }
          g_string_append (s, "]}");
        }
      g_string_append (s, "]}\n");
    }
  else
    {
      g_string_append_printf (s, "## %s\n\n", _("Reliability of the figures across coders"));
      g_string_append_printf (s, "%s\n\n", _("Each figure computed on each coder’s layer alone; α (interval) over "
                                             "the outlets; the values are given coder after coder."));
      g_string_append_printf (s, "| %s | %s | α | %s |", _("Section"), _("Figure"), _("Widest spread"));
      for (guint o = 0; o < self->outlets->len; o++)
        {
          g_string_append_c (s, ' ');
          escape_markdown (s, g_ptr_array_index (self->outlets, o));
          g_string_append (s, " |");
        }
      g_string_append (s, "\n| --- | --- | ---: | ---: |");
      for (guint o = 0; o < self->outlets->len; o++)
        g_string_append (s, " ---: |");
      g_string_append_c (s, '\n');
      for (guint i = 0; i < self->rows->len; i++)
        {
          const HearsayReliabilityRow *row = &g_array_index (self->rows, HearsayReliabilityRow, i);
          g_autofree char *alpha = alpha_text (row);
          g_autofree char *spread = format_number (row->max_difference);

          g_string_append_printf (s, "| %s | ", hearsay_comparison_get_section_title (row->section));
          escape_markdown (s, row->row_name);
          g_string_append (s, " | ");
          escape_markdown (s, alpha);
          g_string_append_printf (s, " | %s |", spread);
          for (guint o = 0; o < self->outlets->len; o++)
            {
              g_autofree char *v = outlet_values (self, row, o);

              g_string_append_printf (s, " %s |", v);
            }
          g_string_append_c (s, '\n');
        }
    }
  return g_output_stream_write_all (out, s->str, s->len, NULL, NULL, error);
}

static void
html_escape (GString    *s,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (s, escaped);
}

void
hearsay_comparison_reliability_append_html (HearsayComparisonReliability *self,
                                            GString                      *s)
{
  g_return_if_fail (HEARSAY_IS_COMPARISON_RELIABILITY (self));

  g_string_append (s, "<h2>");
  html_escape (s, _("Reliability of the figures across coders"));
  g_string_append (s, "</h2>\n<p>");
  html_escape (s, _("Each figure computed on each coder’s layer alone; α (interval) over the outlets; the values "
                    "are given coder after coder:"));
  for (guint c = 0; c < self->coders->len; c++)
    {
      g_string_append (s, c > 0 ? ", " : " ");
      html_escape (s, g_ptr_array_index (self->coders, c));
    }
  g_string_append (s, ".</p>\n<div class=\"table\"><table>\n<tr><th>");
  html_escape (s, _("Figure"));
  g_string_append (s, "</th><th>α</th>");
  for (guint o = 0; o < self->outlets->len; o++)
    {
      g_string_append (s, "<th>");
      html_escape (s, g_ptr_array_index (self->outlets, o));
      g_string_append (s, "</th>");
    }
  g_string_append (s, "</tr>\n");
  for (guint i = 0; i < self->rows->len; i++)
    {
      const HearsayReliabilityRow *row = &g_array_index (self->rows, HearsayReliabilityRow, i);
      g_autofree char *alpha = alpha_text (row);
      g_autofree char *name = g_strdup_printf ("%s: %s", hearsay_comparison_get_section_title (row->section),
                                               row->row_name);

      g_string_append (s, "<tr><th scope=\"row\">");
      html_escape (s, name);
      g_string_append (s, "</th><td class=\"n\">");
      html_escape (s, alpha);
      g_string_append (s, "</td>");
      for (guint o = 0; o < self->outlets->len; o++)
        {
          g_autofree char *v = outlet_values (self, row, o);

          g_string_append (s, "<td class=\"n\">");
          html_escape (s, v);
          g_string_append (s, "</td>");
        }
      g_string_append (s, "</tr>\n");
    }
  g_string_append (s, "</table></div>\n");
}
