/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-agreement-report-coding.c: coding of the aligned units — the
 * label each coder gave a unit, and each attribute's value among the coders
 * who gave it that attribute's label — as reliability-data matrices for the
 * statistics; their confusion tables; the units the coders did not code
 * alike. A coder without a member in a unit has a missing value there. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hearsay-agreement-report-private.h"

typedef struct
{
  const char *label;                 /* NULL: the labels themselves */
  const char *attribute;
  const HearsayAttributeDef *def;
} Target;

/* The unit's member of @coder, or NULL. */
static const HearsayReportItem *
member_of (HearsayReportContext        *ctx,
           const HearsayReportDocument *doc,
           const HearsayAgreementUnit  *unit,
           guint                        coder)
{
  for (guint k = 0; k < unit->n; k++)
    {
      const HearsayReportItem *it = hearsay_report_member (ctx, doc, unit, k);

      if (it->coder == coder)
        return it;
      if (it->coder > coder)
        break;
    }
  return NULL;
}

static gboolean
unit_has_label (HearsayReportContext        *ctx,
                const HearsayReportDocument *doc,
                const HearsayAgreementUnit  *unit,
                const char                  *label)
{
  for (guint k = 0; k < unit->n; k++)
    if (hearsay_report_member (ctx, doc, unit, k)->label == label)
      return TRUE;
  return FALSE;
}

/* The values of @name on annotation @id, ","-joined; NULL when none. */
static char *
joined_values (HearsayReportContext *ctx,
               gint64                id,
               const char           *name)
{
  guint n = 0;
  const HearsayLayerValue *v = hearsay_layer_rows_get_values (ctx->rows, id, &n);
  GString *s = NULL;

  for (guint i = 0; i < n; i++)
    if (v[i].name == name)
      {
        if (s == NULL)
          s = g_string_new (v[i].value);
        else
          g_string_append_printf (s, ",%s", v[i].value);
      }
  return s != NULL ? g_string_free (s, FALSE) : NULL;
}

/* What @coder said for @target on @unit: a label, a value, or NULL. */
static char *
coded_value (HearsayReportContext        *ctx,
             const Target                *target,
             const HearsayReportDocument *doc,
             const HearsayAgreementUnit  *unit,
             guint                        coder)
{
  const HearsayReportItem *it = member_of (ctx, doc, unit, coder);

  if (it == NULL)
    return NULL;
  if (target->label == NULL)
    return g_strdup (it->label);
  if (it->label != target->label)
    return NULL;
  return joined_values (ctx, it->annotation_id, target->attribute);
}

static gboolean
unit_counts (HearsayReportContext        *ctx,
             const Target                *target,
             const HearsayReportDocument *doc,
             const HearsayAgreementUnit  *unit)
{
  if (target->label != NULL)
    return unit_has_label (ctx, doc, unit, target->label);
  return ctx->label == NULL || unit_has_label (ctx, doc, unit, ctx->label);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

typedef struct
{
  guint n_coders;
  guint n_units;
  GPtrArray *cells;       /* char * per coder × unit (NULL: missing) */
  GArray *unit_document;  /* gint64 per unit */
  GPtrArray *categories;  /* distinct values, sorted */
  GHashTable *index;      /* value → position + 1 */
} Coded;

static void
coded_clear (Coded *c)
{
  g_clear_pointer (&c->cells, g_ptr_array_unref);
  g_clear_pointer (&c->unit_document, g_array_unref);
  g_clear_pointer (&c->categories, g_ptr_array_unref);
  g_clear_pointer (&c->index, g_hash_table_unref);
}

/* The coded values of @target, unit by unit over the selection. */
static void
collect (HearsayReportContext *ctx,
         const Target         *target,
         Coded                *c)
{
  g_autoptr(GPtrArray) units = g_ptr_array_new ();
  g_autoptr(GArray) docs = g_array_new (FALSE, FALSE, sizeof (guint));

  c->n_coders = ctx->n_coders;
  c->unit_document = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint d = 0; d < ctx->documents->len; d++)
    {
      const HearsayReportDocument *doc = &g_array_index (ctx->documents, HearsayReportDocument, d);

      for (guint u = 0; u < doc->n_units; u++)
        {
          const HearsayAgreementUnit *unit = &g_array_index (ctx->units, HearsayAgreementUnit, doc->first_unit + u);

          if (!unit_counts (ctx, target, doc, unit))
            continue;
          g_ptr_array_add (units, (gpointer) unit);
          g_array_append_val (docs, d);
          g_array_append_val (c->unit_document, doc->id);
        }
    }
  c->n_units = units->len;
  c->cells = g_ptr_array_new_full ((guint) c->n_coders * c->n_units, g_free);
  c->index = g_hash_table_new (g_str_hash, g_str_equal);
  c->categories = g_ptr_array_new ();
  for (guint coder = 0; coder < c->n_coders; coder++)
    for (guint u = 0; u < c->n_units; u++)
      {
        const HearsayReportDocument *doc = &g_array_index (ctx->documents, HearsayReportDocument,
                                                           g_array_index (docs, guint, u));
        char *value = coded_value (ctx, target, doc, g_ptr_array_index (units, u), coder);

        g_ptr_array_add (c->cells, value);
        if (value != NULL && !g_hash_table_contains (c->index, value))
          {
            g_hash_table_add (c->index, value);
            g_ptr_array_add (c->categories, value);
          }
      }
  g_ptr_array_sort (c->categories, compare_strings);
  for (guint i = 0; i < c->categories->len; i++)
    g_hash_table_insert (c->index, g_ptr_array_index (c->categories, i), GUINT_TO_POINTER (i + 1));
}

typedef enum { SCALE_NOMINAL, SCALE_ORDINAL, SCALE_NUMBER } Scale;

/* A cell's number on @scale; NAN when missing; FALSE when it has none. */
static gboolean
cell_number (const Coded               *c,
             const HearsayAttributeDef *def,
             Scale                      scale,
             const char                *value,
             double                    *out)
{
  if (value == NULL)
    {
      *out = HEARSAY_AGREEMENT_MISSING;
      return TRUE;
    }
  if (scale == SCALE_NOMINAL)
    {
      *out = GPOINTER_TO_UINT (g_hash_table_lookup (c->index, value)) - 1;
      return TRUE;
    }
  if (scale == SCALE_ORDINAL)
    {
      /* The scheme's order of values; a value it does not list cannot be
       * placed on it. */
      for (guint i = 0; def != NULL && def->values != NULL && i < def->values->len; i++)
        if (g_strcmp0 (((HearsayValueDef *) g_ptr_array_index (def->values, i))->id, value) == 0)
          {
            *out = i;
            return TRUE;
          }
      return FALSE;
    }
  {
    char *end = NULL;
    double v = g_ascii_strtod (value, &end);

    if (end == value || *end != '\0' || !isfinite (v))
      return FALSE;
    *out = v;
    return TRUE;
  }
}

/* The matrix of @scale over the units of @document_id (0: all); FALSE when
 * a value has no number on it. */
static gboolean
build_matrix (const Coded               *c,
              const HearsayAttributeDef *def,
              Scale                      scale,
              gint64                     document_id,
              GArray                    *values,
              guint                     *n_units)
{
  const gint64 *docs = (const gint64 *) c->unit_document->data;
  guint first = 0, last = c->n_units, n;

  /* Units come in document order, documents by id: a binary search. */
  if (document_id != 0)
    {
      guint lo = 0, hi = c->n_units;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (docs[mid] < document_id)
            lo = mid + 1;
          else
            hi = mid;
        }
      first = last = lo;
      while (last < c->n_units && docs[last] == document_id)
        last++;
    }
  n = *n_units = last - first;
  g_array_set_size (values, MAX ((gsize) c->n_coders * n, 1));
  for (guint coder = 0; coder < c->n_coders; coder++)
    for (guint k = 0; k < n; k++)
      {
        const char *value = g_ptr_array_index (c->cells, (gsize) coder * c->n_units + first + k);

        if (!cell_number (c, def, scale, value, &g_array_index (values, double, (gsize) coder * n + k)))
          return FALSE;
      }
  return TRUE;
}

static void
add_measure (HearsayReportContext   *ctx,
             const Target           *target,
             HearsayAgreementMeasure measure,
             gint64                  document_id,
             const HearsayAgreementMatrix *matrix,
             int                     a,
             int                     b)
{
  HearsayAgreementFigure *fig;
  HearsayAgreementResult result = { 0 };
  GError *error = NULL;
  gboolean ok;

  switch (measure)
    {
    case HEARSAY_AGREEMENT_MEASURE_PERCENT:
      ok = hearsay_agreement_percent (matrix, &result, &error);
      break;
    case HEARSAY_AGREEMENT_MEASURE_COHEN_KAPPA:
      ok = hearsay_agreement_cohen_kappa (matrix, a, b, &result, &error);
      break;
    case HEARSAY_AGREEMENT_MEASURE_FLEISS_KAPPA:
      ok = hearsay_agreement_fleiss_kappa (matrix, &result, &error);
      break;
    default:
      ok = hearsay_agreement_krippendorff_alpha (matrix, (HearsayAgreementMetric) (measure -
                                                 HEARSAY_AGREEMENT_MEASURE_ALPHA_NOMINAL), &result, &error);
      break;
    }
  fig = hearsay_agreement_report_add_figure (ctx->report, measure, document_id,
                                             target->label != NULL ? target->label : ctx->label,
                                             target->attribute, a, b);
  hearsay_agreement_figure_set (ctx->report, fig, ok, &result, error);
}

static void
add_undefined (HearsayReportContext   *ctx,
               const Target           *target,
               HearsayAgreementMeasure measure,
               gint64                  document_id,
               const char             *note)
{
  HearsayAgreementFigure *fig = hearsay_agreement_report_add_figure (ctx->report, measure, document_id,
                                                                     target->label != NULL ? target->label : ctx->label,
                                                                     target->attribute, -1, -1);

  hearsay_agreement_figure_undefined (ctx->report, fig, note);
}

/* The figures of @target on one document's units (or all, 0). */
static void
measure_target (HearsayReportContext *ctx,
                const Target         *target,
                const Coded          *c,
                gint64                document_id)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean whole = document_id == 0;
  HearsayAgreementMatrix matrix = { c->n_coders, 0, NULL };
  guint n_units;

  build_matrix (c, target->def, SCALE_NOMINAL, document_id, values, &n_units);
  matrix.n_units = n_units;
  matrix.values = (const double *) values->data;
  add_measure (ctx, target, HEARSAY_AGREEMENT_MEASURE_PERCENT, document_id, &matrix, -1, -1);
  add_measure (ctx, target, HEARSAY_AGREEMENT_MEASURE_FLEISS_KAPPA, document_id, &matrix, -1, -1);
  add_measure (ctx, target, HEARSAY_AGREEMENT_MEASURE_ALPHA_NOMINAL, document_id, &matrix, -1, -1);
  /* Per document, the pairs' κ of the labels only: the figures a reader
   * looks up document by document. */
  if (whole || target->attribute == NULL)
    for (guint a = 0; a < c->n_coders; a++)
      for (guint b = a + 1; b < c->n_coders; b++)
        add_measure (ctx, target, HEARSAY_AGREEMENT_MEASURE_COHEN_KAPPA, document_id, &matrix, a, b);
  if (!whole || target->attribute == NULL)
    return;

  if (target->def != NULL && target->def->values != NULL && target->def->values->len > 0)
    {
      if (build_matrix (c, target->def, SCALE_ORDINAL, 0, values, &n_units))
        {
          matrix.values = (const double *) values->data;
          add_measure (ctx, target, HEARSAY_AGREEMENT_MEASURE_ALPHA_ORDINAL, 0, &matrix, -1, -1);
        }
      else
        add_undefined (ctx, target, HEARSAY_AGREEMENT_MEASURE_ALPHA_ORDINAL, 0,
                       _("a value is not one the scheme lists, so it has no place in its order"));
    }
  if (build_matrix (c, target->def, SCALE_NUMBER, 0, values, &n_units))
    {
      matrix.values = (const double *) values->data;
      add_measure (ctx, target, HEARSAY_AGREEMENT_MEASURE_ALPHA_INTERVAL, 0, &matrix, -1, -1);
      add_measure (ctx, target, HEARSAY_AGREEMENT_MEASURE_ALPHA_RATIO, 0, &matrix, -1, -1);
    }
  else
    {
      add_undefined (ctx, target, HEARSAY_AGREEMENT_MEASURE_ALPHA_INTERVAL, 0, _("the values are not numbers"));
      add_undefined (ctx, target, HEARSAY_AGREEMENT_MEASURE_ALPHA_RATIO, 0, _("the values are not numbers"));
    }
}

static void
add_confusions (HearsayReportContext *ctx,
                const Target         *target,
                const Coded          *c)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  HearsayAgreementMatrix matrix = { c->n_coders, 0, NULL };
  guint n_units, n = c->categories->len;
  const char **names;

  if (n == 0)
    return;
  build_matrix (c, target->def, SCALE_NOMINAL, 0, values, &n_units);
  matrix.n_units = n_units;
  matrix.values = (const double *) values->data;
  names = g_new (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    names[i] = hearsay_agreement_report_intern (ctx->report, g_ptr_array_index (c->categories, i));
  names[n] = NULL;
  g_ptr_array_add (ctx->report->owned, names);
  for (guint a = 0; a < c->n_coders; a++)
    for (guint b = a + 1; b < c->n_coders; b++)
      {
        HearsayAgreementConfusionTable table = { target->label, target->attribute, a, b, n, names, NULL };
        guint64 *counts = g_new0 (guint64, (gsize) n * n);

        /* Counted here, on the category numbers: the statistics' own table
         * has only the values present. */
        for (guint u = 0; u < n_units; u++)
          {
            double x = matrix.values[(gsize) a * n_units + u], y = matrix.values[(gsize) b * n_units + u];

            if (!hearsay_agreement_is_missing (x) && !hearsay_agreement_is_missing (y))
              counts[(gsize) x * n + (gsize) y]++;
          }
        table.counts = counts;
        g_ptr_array_add (ctx->report->owned, counts);
        g_array_append_val (ctx->report->confusions, table);
      }
}

static gboolean
label_is_used (HearsayReportContext *ctx,
               const char           *label)
{
  for (guint i = 0; i < ctx->items->len; i++)
    if (g_array_index (ctx->items, HearsayReportItem, i).label == label)
      return TRUE;
  return FALSE;
}

static GArray *
targets (HearsayReportContext *ctx)
{
  GArray *list = g_array_new (FALSE, TRUE, sizeof (Target));
  const char *wanted = ctx->query->attribute;
  const char *dot = wanted != NULL ? strchr (wanted, '.') : NULL;

  if (wanted == NULL)
    {
      Target labels = { NULL, NULL, NULL };

      g_array_append_val (list, labels);
    }
  for (guint i = 0; i < hearsay_scheme_get_n_labels (ctx->scheme); i++)
    {
      const HearsayLabel *label = hearsay_scheme_get_label (ctx->scheme, i);
      const char *id = g_intern_string (label->id);

      if ((ctx->label != NULL && id != ctx->label) ||
          (dot != NULL && (strncmp (id, wanted, dot - wanted) != 0 || id[dot - wanted] != '\0')))
        continue;
      /* Without a filter, only the labels someone used. */
      if (ctx->label == NULL && wanted == NULL && !label_is_used (ctx, id))
        continue;
      for (guint k = 0; label->attributes != NULL && k < label->attributes->len; k++)
        {
          const HearsayAttributeDef *def = g_ptr_array_index (label->attributes, k);
          Target target = { id, g_intern_string (def->id), def };

          if (def->kind == HEARSAY_ATTRIBUTE_TEXT || def->kind == HEARSAY_ATTRIBUTE_DERIVED)
            continue;
          if (wanted != NULL && g_strcmp0 (def->id, dot != NULL ? dot + 1 : wanted) != 0)
            continue;
          g_array_append_val (list, target);
        }
    }
  return list;
}

gboolean
hearsay_agreement_report_code (HearsayReportContext  *ctx,
                               GError               **error)
{
  g_autoptr(GArray) list = targets (ctx);
  gboolean per_document = ctx->query->per_document && ctx->documents->len > 1;

  for (guint t = 0; t < list->len; t++)
    {
      const Target *target = &g_array_index (list, Target, t);
      Coded c = { 0 };

      if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
        return FALSE;
      collect (ctx, target, &c);
      /* An attribute nobody gave a value is left out, unless asked for. */
      if (target->attribute != NULL && c.categories->len == 0 && ctx->query->attribute == NULL &&
          ctx->label == NULL)
        {
          coded_clear (&c);
          continue;
        }
      measure_target (ctx, target, &c, 0);
      for (guint d = 0; per_document && d < ctx->documents->len; d++)
        measure_target (ctx, target, &c, g_array_index (ctx->documents, HearsayReportDocument, d).id);
      add_confusions (ctx, target, &c);
      coded_clear (&c);
    }
  return TRUE;
}

/* "status=disputed; identification=anonymous" */
static char *
describe_values (HearsayReportContext *ctx,
                 gint64                id)
{
  guint n = 0;
  const HearsayLayerValue *v = hearsay_layer_rows_get_values (ctx->rows, id, &n);
  GString *s;

  if (n == 0)
    return NULL;
  s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && v[i].name == v[i - 1].name)
        g_string_append_printf (s, ",%s", v[i].value);
      else
        g_string_append_printf (s, "%s%s=%s", i > 0 ? "; " : "", v[i].name, v[i].value);
    }
  return g_string_free (s, FALSE);
}

/* The attributes whose values differ among the members (which share one
 * label); NULL when none. */
static char *
differing_attributes (HearsayReportContext        *ctx,
                      const HearsayReportDocument *doc,
                      const HearsayAgreementUnit  *unit)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GString *out = NULL;

  for (guint k = 0; k < unit->n; k++)
    {
      guint n = 0;
      const HearsayLayerValue *v = hearsay_layer_rows_get_values (ctx->rows,
                                                                  hearsay_report_member (ctx, doc, unit, k)->annotation_id, &n);

      for (guint i = 0; i < n; i++)
        if (!g_ptr_array_find (names, v[i].name, NULL))
          g_ptr_array_add (names, (gpointer) v[i].name);
    }
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autofree char *first = joined_values (ctx, hearsay_report_member (ctx, doc, unit, 0)->annotation_id, name);
      gboolean differ = FALSE;

      if (ctx->query->attribute != NULL)
        {
          const char *dot = strchr (ctx->query->attribute, '.');

          if (g_strcmp0 (name, dot != NULL ? dot + 1 : ctx->query->attribute) != 0)
            continue;
        }
      for (guint k = 1; k < unit->n && !differ; k++)
        {
          g_autofree char *other = joined_values (ctx, hearsay_report_member (ctx, doc, unit, k)->annotation_id, name);

          differ = g_strcmp0 (first, other) != 0;
        }
      if (!differ)
        continue;
      if (out == NULL)
        out = g_string_new (name);
      else
        g_string_append_printf (out, ", %s", name);
    }
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

void
hearsay_agreement_report_disagreements (HearsayReportContext *ctx)
{
  HearsayAgreementReport *self = ctx->report;

  for (guint d = 0; d < ctx->documents->len; d++)
    {
      const HearsayReportDocument *doc = &g_array_index (ctx->documents, HearsayReportDocument, d);

      for (guint u = 0; u < doc->n_units; u++)
        {
          const HearsayAgreementUnit *unit = &g_array_index (ctx->units, HearsayAgreementUnit, doc->first_unit + u);
          const HearsayReportItem *first = hearsay_report_member (ctx, doc, unit, 0);
          HearsayAgreementDisagreement dis = { doc->id, 0, NULL, first->start, first->end, ctx->n_coders, NULL };
          g_autofree char *attributes = NULL;
          guint first_version = self->versions->len;
          gboolean same_label = TRUE;

          if (ctx->label != NULL && !unit_has_label (ctx, doc, unit, ctx->label))
            continue;
          if (unit->n < ctx->n_coders)
            dis.kinds |= HEARSAY_AGREEMENT_UNMARKED;
          for (guint k = 1; k < unit->n; k++)
            {
              const HearsayReportItem *it = hearsay_report_member (ctx, doc, unit, k);

              if (it->label != first->label)
                same_label = FALSE;
              if (it->start != first->start || it->end != first->end)
                dis.kinds |= HEARSAY_AGREEMENT_SPAN;
              dis.start = MIN (dis.start, it->start);
              dis.end = MAX (dis.end, it->end);
            }
          if (!same_label)
            dis.kinds |= HEARSAY_AGREEMENT_LABEL;
          else if (unit->n > 1 && (attributes = differing_attributes (ctx, doc, unit)) != NULL)
            dis.kinds |= HEARSAY_AGREEMENT_ATTRIBUTE;
          /* With an attribute chosen, only its disagreements. */
          if (ctx->query->attribute != NULL)
            dis.kinds &= HEARSAY_AGREEMENT_ATTRIBUTE;
          if (dis.kinds == 0)
            continue;
          dis.attributes = hearsay_agreement_report_intern (self, attributes);
          for (guint coder = 0; coder < ctx->n_coders; coder++)
            {
              const HearsayReportItem *it = member_of (ctx, doc, unit, coder);
              HearsayAgreementVersion version = { (int) coder, 0, 0, 0, NULL, NULL };

              if (it != NULL)
                {
                  g_autofree char *values = describe_values (ctx, it->annotation_id);

                  version.annotation_id = it->annotation_id;
                  version.start = it->start;
                  version.end = it->end;
                  version.label = it->label;
                  version.values = hearsay_agreement_report_intern (self, values);
                }
              g_array_append_val (self->versions, version);
            }
          g_array_append_val (self->disagreements, dis);
          g_array_append_val (self->first_version, first_version);
        }
    }
}
