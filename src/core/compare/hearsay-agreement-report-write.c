/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-agreement-report-write.c: the agreement report as CSV, JSON,
 * Markdown and an HTML section. Markdown and HTML show the same tables,
 * built once; an undefined figure is "n/a" with its reason, never NaN. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-agreement-report-private.h"
#include "hearsay-annotation-json.h"
#include "hearsay-compare-private.h"

typedef struct
{
  char *title;
  char *intro;             /* or NULL */
  GStrv columns;
  GPtrArray *rows;         /* GStrv */
} Table;

static void
table_free (Table *t)
{
  g_free (t->title);
  g_free (t->intro);
  g_strfreev (t->columns);
  g_ptr_array_unref (t->rows);
  g_free (t);
}

static Table *
table_new (GPtrArray          *tables,
           const char         *title,
           const char * const *columns)
{
  Table *t = g_new0 (Table, 1);

  t->title = g_strdup (title);
  t->columns = g_strdupv ((char **) columns);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (tables, t);
  return t;
}

static void
table_add (Table *t,
           ...)
{
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  va_list args;

  va_start (args, t);
  for (guint i = 0; t->columns[i] != NULL; i++)
    {
      char *cell = va_arg (args, char *);

      g_strv_builder_add (row, cell != NULL ? cell : "");
      g_free (cell);
    }
  va_end (args);
  g_ptr_array_add (t->rows, g_strv_builder_end (row));
}

static char *
number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.3f", value));
}

/* αU's disagreements are small numbers (divided by the squared length). */
static char *
small (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.4g", value));
}

/* A figure as shown: its value, or "n/a (why)". */
static char *
shown (const HearsayAgreementFigure *f)
{
  if (f == NULL)
    return g_strdup ("—");
  if (!f->defined)
    return g_strdup_printf (_("n/a (%s)"), f->note);
  return number (f->value);
}

static const char *
coder_name (HearsayAgreementReport *self,
            int                     i)
{
  return i >= 0 ? hearsay_agreement_report_get_coder (self, i) : "";
}

static char *
target_name (const char *label,
             const char *attribute)
{
  if (label == NULL && attribute == NULL)
    return g_strdup (_("label"));
  if (attribute == NULL)
    return g_strdup_printf (_("label (%s)"), label);
  return g_strdup_printf ("%s.%s", label, attribute);
}

static const char *
document_title (HearsayAgreementReport *self,
                gint64                  id)
{
  for (guint i = 0; i < self->documents->len; i++)
    if (g_array_index (self->documents, gint64, i) == id)
      return g_ptr_array_index (self->titles, i);
  return "";
}

static char *
kinds_text (guint kinds)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  if (kinds & HEARSAY_AGREEMENT_UNMARKED)
    g_strv_builder_add (parts, _("not marked by all"));
  if (kinds & HEARSAY_AGREEMENT_LABEL)
    g_strv_builder_add (parts, _("label"));
  if (kinds & HEARSAY_AGREEMENT_SPAN)
    g_strv_builder_add (parts, _("span"));
  if (kinds & HEARSAY_AGREEMENT_ATTRIBUTE)
    g_strv_builder_add (parts, _("attribute"));
  strv = g_strv_builder_end (parts);
  return g_strjoinv (", ", strv);
}

static char *
version_text (const HearsayAgreementVersion *v)
{
  if (v->annotation_id == 0)
    return g_strdup ("—");
  return g_strdup_printf ("%s [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")%s%s", v->label, v->start, v->end,
                          v->values ? " " : "", v->values ? v->values : "");
}

/* The tables of Markdown and HTML; @limit caps the disagreements (0: all). */
static GPtrArray *
build_tables (HearsayAgreementReport *self,
              guint                   limit)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_free);
  Table *t;

  /* The labels and coding targets the figures name, in their order. */
  for (guint i = 0; i < self->figures->len; i++)
    {
      const HearsayAgreementFigure *f = &g_array_index (self->figures, HearsayAgreementFigure, i);

      if (f->measure == HEARSAY_AGREEMENT_MEASURE_UNITIZING_ALPHA && f->document_id == 0 &&
          !g_ptr_array_find (labels, f->label, NULL))
        g_ptr_array_add (labels, (gpointer) f->label);
      if (f->measure == HEARSAY_AGREEMENT_MEASURE_PERCENT && f->document_id == 0)
        {
          g_ptr_array_add (targets, g_strdup (f->label ? f->label : ""));
          g_ptr_array_add (targets, g_strdup (f->attribute ? f->attribute : ""));
        }
    }

  if (labels->len > 0)
    {
      t = table_new (tables, _("Unitizing: Krippendorff’s αU"),
                     (const char *[]) { _("Label"), "αU", "D_o", "D_e", _("Segments"), NULL });
      for (guint i = 0; i < labels->len; i++)
        {
          const char *label = g_ptr_array_index (labels, i);
          const HearsayAgreementFigure *f = hearsay_agreement_report_lookup (self, HEARSAY_AGREEMENT_MEASURE_UNITIZING_ALPHA,
                                                                             0, label, NULL, -1, -1);

          table_add (t, g_strdup (label ? label : _("every label")), shown (f), small (f->observed),
                     small (f->expected), g_strdup_printf ("%u", f->n_units));
        }
      if (self->documents->len > 1 &&
          hearsay_agreement_report_lookup (self, HEARSAY_AGREEMENT_MEASURE_UNITIZING_ALPHA,
                                           g_array_index (self->documents, gint64, 0),
                                           g_ptr_array_index (labels, 0), NULL, -1, -1) != NULL)
        {
          t = table_new (tables, _("Unitizing per document"),
                         (const char *[]) { _("Document"), _("Title"), "αU", NULL });
          for (guint d = 0; d < self->documents->len; d++)
            {
              gint64 id = g_array_index (self->documents, gint64, d);

              table_add (t, g_strdup_printf ("%" G_GINT64_FORMAT, id), g_strdup (g_ptr_array_index (self->titles, d)),
                         shown (hearsay_agreement_report_lookup (self, HEARSAY_AGREEMENT_MEASURE_UNITIZING_ALPHA, id,
                                                                 g_ptr_array_index (labels, 0), NULL, -1, -1)));
            }
        }

      t = table_new (tables, _("Spans between coders: precision, recall, F1"),
                     (const char *[]) { _("Coders"), _("Label"), _("Exact P / R / F1"), _("Overlap P / R / F1"), NULL });
      for (guint a = 0; a < self->coders->len; a++)
        for (guint b = a + 1; b < self->coders->len; b++)
          for (guint i = 0; i < labels->len; i++)
            {
              const char *label = g_ptr_array_index (labels, i);
              const HearsayAgreementFigure *e = hearsay_agreement_report_lookup (self, HEARSAY_AGREEMENT_MEASURE_SPAN_EXACT,
                                                                                 0, label, NULL, a, b);
              const HearsayAgreementFigure *o = hearsay_agreement_report_lookup (self, HEARSAY_AGREEMENT_MEASURE_SPAN_OVERLAP,
                                                                                 0, label, NULL, a, b);
              char *cells[2];

              for (guint k = 0; k < 2; k++)
                {
                  const HearsayAgreementFigure *f = k == 0 ? e : o;
                  g_autofree char *p = NULL, *r = NULL, *f1 = NULL;

                  if (f == NULL || !f->defined)
                    {
                      cells[k] = shown (f);
                      continue;
                    }
                  p = number (f->precision);
                  r = number (f->recall);
                  f1 = number (f->value);
                  cells[k] = g_strdup_printf ("%s / %s / %s", p, r, f1);
                }
              table_add (t, g_strdup_printf ("%s – %s", coder_name (self, a), coder_name (self, b)),
                         g_strdup (label ? label : _("every label")), cells[0], cells[1]);
            }
    }

  if (targets->len > 0)
    {
      t = table_new (tables, _("Coding of matched units"),
                     (const char *[]) { _("Coded"), _("Units"), _("Percent"), _("Fleiss’ κ"), _("α nominal"),
                                        _("α ordinal"), _("α interval"), _("α ratio"), NULL });
      for (guint i = 0; i < targets->len; i += 2)
        {
          const char *label = *(char *) targets->pdata[i] ? targets->pdata[i] : NULL;
          const char *attribute = *(char *) targets->pdata[i + 1] ? targets->pdata[i + 1] : NULL;
          const HearsayAgreementFigure *percent = hearsay_agreement_report_lookup (self, HEARSAY_AGREEMENT_MEASURE_PERCENT,
                                                                                   0, label, attribute, -1, -1);

          table_add (t, attribute != NULL ? target_name (label, attribute) : target_name (NULL, NULL),
                     g_strdup_printf ("%u", percent->n_units + percent->n_skipped), shown (percent),
                     shown (hearsay_agreement_report_lookup (self, HEARSAY_AGREEMENT_MEASURE_FLEISS_KAPPA, 0, label, attribute, -1, -1)),
                     shown (hearsay_agreement_report_lookup (self, HEARSAY_AGREEMENT_MEASURE_ALPHA_NOMINAL, 0, label, attribute, -1, -1)),
                     shown (hearsay_agreement_report_lookup (self, HEARSAY_AGREEMENT_MEASURE_ALPHA_ORDINAL, 0, label, attribute, -1, -1)),
                     shown (hearsay_agreement_report_lookup (self, HEARSAY_AGREEMENT_MEASURE_ALPHA_INTERVAL, 0, label, attribute, -1, -1)),
                     shown (hearsay_agreement_report_lookup (self, HEARSAY_AGREEMENT_MEASURE_ALPHA_RATIO, 0, label, attribute, -1, -1)));
        }
      t = table_new (tables, _("Cohen’s κ per pair of coders"),
                     (const char *[]) { _("Coded"), _("Coders"), "κ", "P_o", "P_e", NULL });
      for (guint i = 0; i < targets->len; i += 2)
        {
          const char *label = *(char *) targets->pdata[i] ? targets->pdata[i] : NULL;
          const char *attribute = *(char *) targets->pdata[i + 1] ? targets->pdata[i + 1] : NULL;

          for (guint a = 0; a < self->coders->len; a++)
            for (guint b = a + 1; b < self->coders->len; b++)
              {
                const HearsayAgreementFigure *f = hearsay_agreement_report_lookup (self, HEARSAY_AGREEMENT_MEASURE_COHEN_KAPPA,
                                                                                   0, label, attribute, a, b);

                table_add (t, attribute != NULL ? target_name (label, attribute) : target_name (NULL, NULL),
                           g_strdup_printf ("%s – %s", coder_name (self, a), coder_name (self, b)), shown (f),
                           f != NULL && f->n_units > 0 ? number (f->observed) : g_strdup ("—"),
                           f != NULL && f->n_units > 0 ? number (f->expected) : g_strdup ("—"));
              }
        }
    }

  for (guint i = 0; i < self->confusions->len; i++)
    {
      const HearsayAgreementConfusionTable *c = &g_array_index (self->confusions, HearsayAgreementConfusionTable, i);
      g_autofree char *target = target_name (c->label, c->attribute);
      g_autofree char *title = g_strdup_printf (_("Confusion: %s, %s (rows) against %s (columns)"), target,
                                                coder_name (self, c->coder_a), coder_name (self, c->coder_b));
      g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      g_strv_builder_add (columns, "");
      for (guint k = 0; k < c->n_categories; k++)
        g_strv_builder_add (columns, c->categories[k]);
      strv = g_strv_builder_end (columns);
      t = table_new (tables, title, (const char * const *) strv);
      for (guint r = 0; r < c->n_categories; r++)
        {
          g_autoptr(GStrvBuilder) row = g_strv_builder_new ();

          g_strv_builder_add (row, c->categories[r]);
          for (guint k = 0; k < c->n_categories; k++)
            {
              g_autofree char *n = g_strdup_printf ("%" G_GUINT64_FORMAT, c->counts[(gsize) r * c->n_categories + k]);

              g_strv_builder_add (row, n);
            }
          g_ptr_array_add (t->rows, g_strv_builder_end (row));
        }
    }

  {
    g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
    g_auto(GStrv) strv = NULL;
    g_autofree char *title = g_strdup_printf (_("Disagreements (%u)"), self->disagreements->len);

    g_strv_builder_add (columns, _("Document"));
    g_strv_builder_add (columns, _("Span"));
    g_strv_builder_add (columns, _("Differs in"));
    for (guint c = 0; c < self->coders->len; c++)
      g_strv_builder_add (columns, coder_name (self, c));
    strv = g_strv_builder_end (columns);
    t = table_new (tables, title, (const char * const *) strv);
    for (guint i = 0; i < self->disagreements->len && (limit == 0 || i < limit); i++)
      {
        const HearsayAgreementDisagreement *d = &g_array_index (self->disagreements, HearsayAgreementDisagreement, i);
        g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
        g_autofree char *doc = g_strdup_printf ("%" G_GINT64_FORMAT " %s", d->document_id,
                                                document_title (self, d->document_id));
        g_autofree char *span = g_strdup_printf ("[%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")", d->start, d->end);
        g_autofree char *kinds = kinds_text (d->kinds);
        g_autofree char *what = d->attributes ? g_strdup_printf ("%s: %s", kinds, d->attributes) : g_strdup (kinds);

        g_strv_builder_add (row, doc);
        g_strv_builder_add (row, span);
        g_strv_builder_add (row, what);
        for (guint c = 0; c < d->n_versions; c++)
          {
            g_autofree char *v = version_text (&d->versions[c]);

            g_strv_builder_add (row, v);
          }
        g_ptr_array_add (t->rows, g_strv_builder_end (row));
      }
    if (limit > 0 && self->disagreements->len > limit)
      t->intro = g_strdup_printf (_("The first %u; every one is in `hearsay-cli agreement --format csv`."), limit);
  }
  return tables;
}

static void
markdown_escape (GString    *s,
                 const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '|' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p == '\n' ? ' ' : *p);
    }
}

static void
write_markdown (HearsayAgreementReport *self,
                GString                *s)
{
  g_autoptr(GPtrArray) tables = build_tables (self, 0);

  g_string_append_printf (s, "# %s\n\n", _("Inter-coder agreement"));
  g_string_append_printf (s, "%s:", _("Coders"));
  for (guint i = 0; i < self->coders->len; i++)
    g_string_append_printf (s, "%s %s%s", i > 0 ? "," : "", coder_name (self, i),
                            hearsay_agreement_report_coder_is_gold (self, i) ? _(" (gold)") : "");
  g_string_append_printf (s, ". %s: %u.\n", _("Documents"), self->documents->len);
  for (guint i = 0; i < tables->len; i++)
    {
      Table *t = g_ptr_array_index (tables, i);
      guint n = g_strv_length (t->columns);

      g_string_append_printf (s, "\n## %s\n\n", t->title);
      if (t->intro)
        g_string_append_printf (s, "%s\n\n", t->intro);
      if (t->rows->len == 0)
        {
          g_string_append_printf (s, "%s\n", _("None."));
          continue;
        }
      g_string_append (s, "|");
      for (guint c = 0; c < n; c++)
        {
          g_string_append_c (s, ' ');
          markdown_escape (s, t->columns[c]);
          g_string_append (s, " |");
        }
      g_string_append (s, "\n|");
      for (guint c = 0; c < n; c++)
        g_string_append (s, c == 0 ? " --- |" : " ---: |");
      g_string_append_c (s, '\n');
      for (guint r = 0; r < t->rows->len; r++)
        {
          char **row = g_ptr_array_index (t->rows, r);

          g_string_append (s, "|");
          for (guint c = 0; c < n; c++)
            {
              g_string_append_c (s, ' ');
              markdown_escape (s, row[c]);
              g_string_append (s, " |");
            }
          g_string_append_c (s, '\n');
        }
    }
}

static void
html_escape (GString    *s,
             const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (s, escaped);
}

void
hearsay_agreement_report_append_html (HearsayAgreementReport *self,
                                      GString                *s)
{
  g_autoptr(GPtrArray) tables = NULL;

  g_return_if_fail (HEARSAY_IS_AGREEMENT_REPORT (self));

  tables = build_tables (self, 200);
  g_string_append (s, "<h2>");
  html_escape (s, _("Inter-coder agreement"));
  g_string_append (s, "</h2>\n<p>");
  for (guint i = 0; i < self->coders->len; i++)
    {
      g_string_append_printf (s, "%s<span style=\"border-left: 0.8em solid %s; padding-left: 0.3em\">",
                              i > 0 ? " " : "", hearsay_agreement_report_get_coder_color (self, i));
      html_escape (s, coder_name (self, i));
      g_string_append (s, "</span>");
    }
  g_string_append (s, "</p>\n");
  for (guint i = 0; i < tables->len; i++)
    {
      Table *t = g_ptr_array_index (tables, i);
      guint n = g_strv_length (t->columns);

      g_string_append (s, "<h3>");
      html_escape (s, t->title);
      g_string_append (s, "</h3>\n");
      if (t->intro != NULL)
        {
          g_string_append (s, "<p>");
          html_escape (s, t->intro);
          g_string_append (s, "</p>\n");
        }
      if (t->rows->len == 0)
        {
          g_string_append (s, "<p>");
          html_escape (s, _("None."));
          g_string_append (s, "</p>\n");
          continue;
        }
      g_string_append (s, "<div class=\"table\"><table>\n<tr>");
      for (guint c = 0; c < n; c++)
        {
          g_string_append (s, "<th>");
          html_escape (s, t->columns[c]);
          g_string_append (s, "</th>");
        }
      g_string_append (s, "</tr>\n");
      for (guint r = 0; r < t->rows->len; r++)
        {
          char **row = g_ptr_array_index (t->rows, r);

          g_string_append (s, "<tr>");
          for (guint c = 0; c < n; c++)
            {
              g_string_append (s, c == 0 ? "<th scope=\"row\">" : "<td>");
              html_escape (s, row[c]);
              g_string_append (s, c == 0 ? "</th>" : "</td>");
            }
          g_string_append (s, "</tr>\n");
        }
      g_string_append (s, "</table></div>\n");
    }
}

static void
json_number (GString *s,
             gboolean defined,
             double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!defined)
    g_string_append (s, "null");
  else
    g_string_append (s, g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
}

static gboolean
is_span (HearsayAgreementMeasure m)
{
  return m == HEARSAY_AGREEMENT_MEASURE_SPAN_EXACT || m == HEARSAY_AGREEMENT_MEASURE_SPAN_OVERLAP;
}

static void
write_json (HearsayAgreementReport *self,
            GString                *s)
{
  g_string_append (s, "{\"coders\":[");
  for (guint i = 0; i < self->coders->len; i++)
    {
      g_string_append (s, i > 0 ? ",{\"name\":" : "{\"name\":");
      hearsay_json_append_string (s, coder_name (self, i));
      g_string_append (s, ",\"color\":");
      hearsay_json_append_string (s, hearsay_agreement_report_get_coder_color (self, i));
      g_string_append_printf (s, ",\"gold\":%s}", hearsay_agreement_report_coder_is_gold (self, i) ? "true" : "false");
    }
  g_string_append (s, "],\n\"documents\":[");
  for (guint i = 0; i < self->documents->len; i++)
    {
      g_string_append_printf (s, "%s{\"id\":%" G_GINT64_FORMAT ",\"title\":", i > 0 ? "," : "",
                              g_array_index (self->documents, gint64, i));
      hearsay_json_append_string (s, g_ptr_array_index (self->titles, i));
      g_string_append_c (s, '}');
    }
  g_string_append (s, "],\n\"figures\":[");
  for (guint i = 0; i < self->figures->len; i++)
    {
      const HearsayAgreementFigure *f = &g_array_index (self->figures, HearsayAgreementFigure, i);

      g_string_append (s, i > 0 ? ",\n{" : "\n{");
      if (f->document_id > 0)
        g_string_append_printf (s, "\"document\":%" G_GINT64_FORMAT, f->document_id);
      else
        g_string_append (s, "\"document\":null");
      g_string_append (s, ",\"label\":");
      hearsay_json_append_string (s, f->label);
      g_string_append (s, ",\"attribute\":");
      hearsay_json_append_string (s, f->attribute);
      g_string_append_printf (s, ",\"measure\":\"%s\",\"coders\":", hearsay_agreement_measure_to_string (f->measure));
      if (f->coder_a >= 0)
        {
          g_string_append_c (s, '[');
          hearsay_json_append_string (s, coder_name (self, f->coder_a));
          g_string_append_c (s, ',');
          hearsay_json_append_string (s, coder_name (self, f->coder_b));
          g_string_append_c (s, ']');
        }
      else
        g_string_append (s, "null");
      g_string_append (s, ",\"value\":");
      json_number (s, f->defined, f->value);
      if (is_span (f->measure))
        {
          g_string_append (s, ",\"precision\":");
          json_number (s, f->defined, f->precision);
          g_string_append (s, ",\"recall\":");
          json_number (s, f->defined, f->recall);
        }
      else
        {
          g_string_append (s, ",\"observed\":");
          json_number (s, f->n_units > 0, f->observed);
          g_string_append (s, ",\"expected\":");
          json_number (s, f->defined, f->expected);
        }
      g_string_append_printf (s, ",\"units\":%u,\"skipped\":%u,\"note\":", f->n_units, f->n_skipped);
      hearsay_json_append_string (s, f->note);
      g_string_append_c (s, '}');
    }
  g_string_append (s, "],\n\"confusions\":[");
  for (guint i = 0; i < self->confusions->len; i++)
    {
      const HearsayAgreementConfusionTable *c = &g_array_index (self->confusions, HearsayAgreementConfusionTable, i);

      g_string_append (s, i > 0 ? ",\n{\"label\":" : "\n{\"label\":");
      hearsay_json_append_string (s, c->label);
      g_string_append (s, ",\"attribute\":");
      hearsay_json_append_string (s, c->attribute);
      g_string_append (s, ",\"coders\":[");
      hearsay_json_append_string (s, coder_name (self, c->coder_a));
      g_string_append_c (s, ',');
      hearsay_json_append_string (s, coder_name (self, c->coder_b));
      g_string_append (s, "],\"categories\":[");
      for (guint k = 0; k < c->n_categories; k++)
        {
          if (k > 0)
            g_string_append_c (s, ',');
          hearsay_json_append_string (s, c->categories[k]);
        }
      g_string_append (s, "],\"counts\":[");
      for (guint r = 0; r < c->n_categories; r++)
        {
          g_string_append (s, r > 0 ? ",[" : "[");
          for (guint k = 0; k < c->n_categories; k++)
            g_string_append_printf (s, "%s%" G_GUINT64_FORMAT, k > 0 ? "," : "",
                                    c->counts[(gsize) r * c->n_categories + k]);
          g_string_append_c (s, ']');
        }
      g_string_append (s, "]}");
    }
  g_string_append (s, "],\n\"disagreements\":[");
  for (guint i = 0; i < self->disagreements->len; i++)
    {
      const HearsayAgreementDisagreement *d = &g_array_index (self->disagreements, HearsayAgreementDisagreement, i);
      static const char * const kind_ids[] = { "unmarked", "label", "span", "attribute" };
      gboolean first = TRUE;

      g_string_append_printf (s, "%s{\"document\":%" G_GINT64_FORMAT ",\"start\":%" G_GINT64_FORMAT
                              ",\"end\":%" G_GINT64_FORMAT ",\"kinds\":[", i > 0 ? ",\n" : "\n",
                              d->document_id, d->start, d->end);
      for (guint k = 0; k < G_N_ELEMENTS (kind_ids); k++)
        if (d->kinds & (1u << k))
          {
            g_string_append_printf (s, "%s\"%s\"", first ? "" : ",", kind_ids[k]);
            first = FALSE;
          }
      g_string_append (s, "],\"attributes\":");
      hearsay_json_append_string (s, d->attributes);
      g_string_append (s, ",\"versions\":[");
      for (guint c = 0; c < d->n_versions; c++)
        {
          const HearsayAgreementVersion *v = &d->versions[c];

          g_string_append (s, c > 0 ? ",{\"coder\":" : "{\"coder\":");
          hearsay_json_append_string (s, coder_name (self, v->coder));
          if (v->annotation_id == 0)
            g_string_append (s, ",\"annotation\":null}");
          else
            {
              g_string_append_printf (s, ",\"annotation\":%" G_GINT64_FORMAT ",\"start\":%" G_GINT64_FORMAT
                                      ",\"end\":%" G_GINT64_FORMAT ",\"label\":", v->annotation_id, v->start, v->end);
              hearsay_json_append_string (s, v->label);
              g_string_append (s, ",\"values\":");
              hearsay_json_append_string (s, v->values);
              g_string_append_c (s, '}');
            }
        }
      g_string_append (s, "]}");
    }
  g_string_append (s, "]}\n");
}

/* RFC 4180; NULL is an empty field. */
#define csv_field hearsay_compare_csv_field

static void
csv_number (GString *s,
            gboolean defined,
            double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (s, ',');
  if (defined)
    g_string_append (s, g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
}

static void
write_csv (HearsayAgreementReport *self,
           GString                *s)
{
  g_string_append (s, "document,label,attribute,measure,coder_a,coder_b,value,precision,recall,observed,"
                   "expected,units,skipped,note\r\n");
  for (guint i = 0; i < self->figures->len; i++)
    {
      const HearsayAgreementFigure *f = &g_array_index (self->figures, HearsayAgreementFigure, i);

      if (f->document_id > 0)
        g_string_append_printf (s, "%" G_GINT64_FORMAT, f->document_id);
      else
        g_string_append (s, "all");
      g_string_append_c (s, ',');
      csv_field (s, f->label);
      g_string_append_c (s, ',');
      csv_field (s, f->attribute);
      g_string_append_printf (s, ",%s,", hearsay_agreement_measure_to_string (f->measure));
      csv_field (s, coder_name (self, f->coder_a));
      g_string_append_c (s, ',');
      csv_field (s, coder_name (self, f->coder_b));
      csv_number (s, f->defined, f->value);
      csv_number (s, f->defined && is_span (f->measure), f->precision);
      csv_number (s, f->defined && is_span (f->measure), f->recall);
      csv_number (s, !is_span (f->measure) && f->n_units > 0, f->observed);
      csv_number (s, f->defined && !is_span (f->measure), f->expected);
      g_string_append_printf (s, ",%u,%u,", f->n_units, f->n_skipped);
      csv_field (s, f->note);
      g_string_append (s, "\r\n");
    }
  g_string_append (s, "\r\ndocument,start,end,kinds,attributes,coder,annotation,coder_start,coder_end,label,values\r\n");
  for (guint i = 0; i < self->disagreements->len; i++)
    {
      const HearsayAgreementDisagreement *d = &g_array_index (self->disagreements, HearsayAgreementDisagreement, i);
      static const char * const kind_ids[] = { "unmarked", "label", "span", "attribute" };
      g_autoptr(GString) kinds = g_string_new (NULL);

      for (guint k = 0; k < G_N_ELEMENTS (kind_ids); k++)
        if (d->kinds & (1u << k))
          g_string_append_printf (kinds, "%s%s", kinds->len > 0 ? " " : "", kind_ids[k]);
      for (guint c = 0; c < d->n_versions; c++)
        {
          const HearsayAgreementVersion *v = &d->versions[c];

          g_string_append_printf (s, "%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%s,",
                                  d->document_id, d->start, d->end, kinds->str);
          csv_field (s, d->attributes);
          g_string_append_c (s, ',');
          csv_field (s, coder_name (self, v->coder));
          if (v->annotation_id == 0)
            g_string_append (s, ",,,,,\r\n");
          else
            {
              g_string_append_printf (s, ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",",
                                      v->annotation_id, v->start, v->end);
              csv_field (s, v->label);
              g_string_append_c (s, ',');
              csv_field (s, v->values);
              g_string_append (s, "\r\n");
            }
        }
    }
}

gboolean
hearsay_agreement_report_write (HearsayAgreementReport  *self,
                                HearsayAgreementFormat   format,
                                GOutputStream           *out,
                                GError                 **error)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_return_val_if_fail (HEARSAY_IS_AGREEMENT_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  if (format == HEARSAY_AGREEMENT_FORMAT_CSV)
    write_csv (self, s);
  else if (format == HEARSAY_AGREEMENT_FORMAT_JSON)
    write_json (self, s);
  else
    write_markdown (self, s);
  return g_output_stream_write_all (out, s->str, s->len, NULL, NULL, error);
}
