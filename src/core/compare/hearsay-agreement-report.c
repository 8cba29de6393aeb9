/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-agreement-report.c: the agreement report object, its figures and
 * accessors. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-agreement-report-private.h"

G_DEFINE_FINAL_TYPE (HearsayAgreementReport, hearsay_agreement_report, G_TYPE_OBJECT)

static const char * const measure_names[] = {
  "unitizing_alpha", "span_exact", "span_overlap", "percent", "cohen_kappa", "fleiss_kappa",
  "alpha_nominal", "alpha_ordinal", "alpha_interval", "alpha_ratio",
};

const char *
hearsay_agreement_measure_to_string (HearsayAgreementMeasure measure)
{
  g_return_val_if_fail ((guint) measure < G_N_ELEMENTS (measure_names), NULL);
  return measure_names[measure];
}

static void
hearsay_agreement_report_finalize (GObject *object)
{
  HearsayAgreementReport *self = HEARSAY_AGREEMENT_REPORT (object);

  g_string_chunk_free (self->strings);
  g_ptr_array_unref (self->coders);
  g_array_unref (self->documents);
  g_ptr_array_unref (self->titles);
  g_array_unref (self->figures);
  g_array_unref (self->confusions);
  g_ptr_array_unref (self->owned);
  g_array_unref (self->disagreements);
  g_array_unref (self->versions);
  g_array_unref (self->first_version);
  G_OBJECT_CLASS (hearsay_agreement_report_parent_class)->finalize (object);
}

static void
hearsay_agreement_report_class_init (HearsayAgreementReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hearsay_agreement_report_finalize;
}

static void
hearsay_agreement_report_init (HearsayAgreementReport *self)
{
  self->strings = g_string_chunk_new (4096);
  self->coders = g_ptr_array_new_with_free_func (g_object_unref);
  self->documents = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->titles = g_ptr_array_new ();
  self->figures = g_array_new (FALSE, TRUE, sizeof (HearsayAgreementFigure));
  self->confusions = g_array_new (FALSE, TRUE, sizeof (HearsayAgreementConfusionTable));
  self->owned = g_ptr_array_new_with_free_func (g_free);
  self->disagreements = g_array_new (FALSE, TRUE, sizeof (HearsayAgreementDisagreement));
  self->versions = g_array_new (FALSE, TRUE, sizeof (HearsayAgreementVersion));
  self->first_version = g_array_new (FALSE, FALSE, sizeof (guint));
}

HearsayAgreementReport *
hearsay_agreement_report_new (HearsayProject              *project,
                              const HearsayAgreementQuery *query,
                              GCancellable                *cancellable,
                              GError                     **error)
{
  g_autoptr(HearsayAgreementReport) self = NULL;
  static const HearsayAgreementQuery everything = { NULL };

  g_return_val_if_fail (HEARSAY_IS_PROJECT (project), NULL);

  self = g_object_new (HEARSAY_TYPE_AGREEMENT_REPORT, NULL);
  if (!hearsay_agreement_report_compute (self, project, query ? query : &everything, cancellable, error))
    return NULL;
  /* The versions array is complete: the disagreements may point into it. */
  for (guint i = 0; i < self->disagreements->len; i++)
    g_array_index (self->disagreements, HearsayAgreementDisagreement, i).versions =
      &g_array_index (self->versions, HearsayAgreementVersion, g_array_index (self->first_version, guint, i));
  return g_steal_pointer (&self);
}

const char *
hearsay_agreement_report_intern (HearsayAgreementReport *self,
                                 const char             *text)
{
  return text != NULL ? g_string_chunk_insert_const (self->strings, text) : NULL;
}

HearsayAgreementFigure *
hearsay_agreement_report_add_figure (HearsayAgreementReport  *self,
                                     HearsayAgreementMeasure  measure,
                                     gint64                   document_id,
                                     const char              *label,
                                     const char              *attribute,
                                     int                      coder_a,
                                     int                      coder_b)
{
  HearsayAgreementFigure figure = { 0 };

  figure.measure = measure;
  figure.document_id = document_id;
  figure.label = label;
  figure.attribute = attribute;
  figure.coder_a = coder_a;
  figure.coder_b = coder_b;
  g_array_append_val (self->figures, figure);
  return &g_array_index (self->figures, HearsayAgreementFigure, self->figures->len - 1);
}

void
hearsay_agreement_figure_undefined (HearsayAgreementReport *self,
                                    HearsayAgreementFigure *figure,
                                    const char             *note)
{
  figure->defined = FALSE;
  figure->value = 0;
  figure->note = hearsay_agreement_report_intern (self, note);
}

void
hearsay_agreement_figure_set (HearsayAgreementReport       *self,
                              HearsayAgreementFigure       *figure,
                              gboolean                      ok,
                              const HearsayAgreementResult *result,
                              GError                       *error)
{
  figure->observed = result->observed;
  figure->expected = result->expected;
  figure->n_units = result->n_units;
  figure->n_skipped = result->n_skipped;
  figure->n_values = result->n_values;
  if (ok)
    {
      figure->defined = TRUE;
      figure->value = result->value;
      return;
    }
  /* The statistics' own messages are for programmers; these say what it
   * means for the study. */
  if (g_error_matches (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_NO_VARIATION))
    hearsay_agreement_figure_undefined (self, figure,
                                        _("one and the same value throughout: chance agreement is perfect too"));
  else if (g_error_matches (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_NO_UNITS))
    hearsay_agreement_figure_undefined (self, figure, figure->measure == HEARSAY_AGREEMENT_MEASURE_FLEISS_KAPPA
                                        ? _("no unit coded by every coder")
                                        : _("no unit coded by two coders"));
  else if (g_error_matches (error, HEARSAY_AGREEMENT_ERROR, HEARSAY_AGREEMENT_ERROR_TOO_FEW_CODERS))
    hearsay_agreement_figure_undefined (self, figure, _("fewer than two coders"));
  else
    hearsay_agreement_figure_undefined (self, figure, error != NULL ? error->message : _("not computable"));
  g_clear_error (&error);
}

guint
hearsay_agreement_report_get_n_coders (HearsayAgreementReport *self)
{
  g_return_val_if_fail (HEARSAY_IS_AGREEMENT_REPORT (self), 0);
  return self->coders->len;
}

const char *
hearsay_agreement_report_get_coder (HearsayAgreementReport *self,
                                    guint                   index)
{
  g_return_val_if_fail (HEARSAY_IS_AGREEMENT_REPORT (self), NULL);
  g_return_val_if_fail (index < self->coders->len, NULL);
  return hearsay_coder_get_name (g_ptr_array_index (self->coders, index));
}

const char *
hearsay_agreement_report_get_coder_color (HearsayAgreementReport *self,
                                          guint                   index)
{
  g_return_val_if_fail (HEARSAY_IS_AGREEMENT_REPORT (self), NULL);
  g_return_val_if_fail (index < self->coders->len, NULL);
  return hearsay_coder_get_color (g_ptr_array_index (self->coders, index));
}

gboolean
hearsay_agreement_report_coder_is_gold (HearsayAgreementReport *self,
                                        guint                   index)
{
  g_return_val_if_fail (HEARSAY_IS_AGREEMENT_REPORT (self), FALSE);
  g_return_val_if_fail (index < self->coders->len, FALSE);
  return hearsay_coder_is_gold (g_ptr_array_index (self->coders, index));
}

guint
hearsay_agreement_report_get_n_documents (HearsayAgreementReport *self)
{
  g_return_val_if_fail (HEARSAY_IS_AGREEMENT_REPORT (self), 0);
  return self->documents->len;
}

gint64
hearsay_agreement_report_get_document (HearsayAgreementReport *self,
                                       guint                   index)
{
  g_return_val_if_fail (HEARSAY_IS_AGREEMENT_REPORT (self), 0);
  g_return_val_if_fail (index < self->documents->len, 0);
  return g_array_index (self->documents, gint64, index);
}

const char *
hearsay_agreement_report_get_document_title (HearsayAgreementReport *self,
                                             guint                   index)
{
  g_return_val_if_fail (HEARSAY_IS_AGREEMENT_REPORT (self), NULL);
  g_return_val_if_fail (index < self->titles->len, NULL);
  return g_ptr_array_index (self->titles, index);
}

guint
hearsay_agreement_report_get_n_figures (HearsayAgreementReport *self)
{
  g_return_val_if_fail (HEARSAY_IS_AGREEMENT_REPORT (self), 0);
  return self->figures->len;
}

const HearsayAgreementFigure *
hearsay_agreement_report_get_figure (HearsayAgreementReport *self,
                                     guint                   index)
{
  g_return_val_if_fail (HEARSAY_IS_AGREEMENT_REPORT (self), NULL);
  g_return_val_if_fail (index < self->figures->len, NULL);
  return &g_array_index (self->figures, HearsayAgreementFigure, index);
}

const HearsayAgreementFigure *
hearsay_agreement_report_lookup (HearsayAgreementReport  *self,
                                 HearsayAgreementMeasure  measure,
                                 gint64                   document_id,
                                 const char              *label,
                                 const char              *attribute,
                                 int                      coder_a,
                                 int                      coder_b)
{
  g_return_val_if_fail (HEARSAY_IS_AGREEMENT_REPORT (self), NULL);

  for (guint i = 0; i < self->figures->len; i++)
    {
      const HearsayAgreementFigure *f = &g_array_index (self->figures, HearsayAgreementFigure, i);

      if (f->measure == measure && f->document_id == document_id && g_strcmp0 (f->label, label) == 0 &&
          g_strcmp0 (f->attribute, attribute) == 0 && f->coder_a == coder_a && f->coder_b == coder_b)
        return f;
    }
  return NULL;
}

guint
hearsay_agreement_report_get_n_confusions (HearsayAgreementReport *self)
{
  g_return_val_if_fail (HEARSAY_IS_AGREEMENT_REPORT (self), 0);
  return self->confusions->len;
}

const HearsayAgreementConfusionTable *
hearsay_agreement_report_get_confusion (HearsayAgreementReport *self,
                                        guint                   index)
{
  g_return_val_if_fail (HEARSAY_IS_AGREEMENT_REPORT (self), NULL);
  g_return_val_if_fail (index < self->confusions->len, NULL);
  return &g_array_index (self->confusions, HearsayAgreementConfusionTable, index);
}

guint
hearsay_agreement_report_get_n_disagreements (HearsayAgreementReport *self)
{
  g_return_val_if_fail (HEARSAY_IS_AGREEMENT_REPORT (self), 0);
  return self->disagreements->len;
}

const HearsayAgreementDisagreement *
hearsay_agreement_report_get_disagreement (HearsayAgreementReport *self,
                                           guint                   index)
{
  g_return_val_if_fail (HEARSAY_IS_AGREEMENT_REPORT (self), NULL);
  g_return_val_if_fail (index < self->disagreements->len, NULL);
  return &g_array_index (self->disagreements, HearsayAgreementDisagreement, index);
}
