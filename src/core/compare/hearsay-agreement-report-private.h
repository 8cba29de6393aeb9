/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-agreement-report-private.h: shared by the files of the agreement
 * report (object, computation, coding, writers). */
#pragma once

#ifndef HEARSAY_COMPARE_COMPILATION
#error "hearsay-agreement-report-private.h is private to src/core/compare"
#endif

#include "hearsay-agreement-private.h"
#include "hearsay-agreement-report.h"
#include "hearsay-layer-rows.h"

G_BEGIN_DECLS

struct _HearsayAgreementReport
{
  GObject parent_instance;

  GStringChunk *strings;
  GPtrArray *coders;          /* HearsayCoder * */
  GArray *documents;          /* gint64 */
  GPtrArray *titles;          /* char * (in strings) */
  GArray *figures;            /* HearsayAgreementFigure */
  GArray *confusions;         /* HearsayAgreementConfusionTable */
  GPtrArray *owned;           /* what the confusion tables point into */
  GArray *disagreements;      /* HearsayAgreementDisagreement; versions set at the end */
  GArray *versions;           /* HearsayAgreementVersion */
  GArray *first_version;      /* guint per disagreement */
};

/* One coder's annotation in the computation. */
typedef struct
{
  gint64 annotation_id;
  gint64 start;               /* first character */
  gint64 end;                 /* after the last */
  const char *label;          /* interned */
  guint coder;                /* index into the report's coders */
} HearsayReportItem;

/* One document of the selection. */
typedef struct
{
  gint64 id;
  gint64 length;
  gint64 offset;              /* where it starts on the selection's continuum */
  guint first_item;
  guint n_items;
  guint first_unit;
  guint n_units;
} HearsayReportDocument;

typedef struct
{
  HearsayAgreementReport *report;
  const HearsayAgreementQuery *query;
  HearsayScheme *scheme;
  HearsayLayerRows *rows;
  int *coder_of_row;          /* rows->coders index → report coder, or −1 */
  guint n_coders;
  GArray *documents;          /* HearsayReportDocument */
  GArray *items;              /* HearsayReportItem, per document */
  GArray *units;              /* HearsayAgreementUnit, per document; members index items of the document */
  GArray *members;            /* guint32: item index within the document */
  const char *label;          /* interned query label, or NULL */
  GCancellable *cancellable;
} HearsayReportContext;

static inline const HearsayReportItem *
hearsay_report_member (HearsayReportContext        *ctx,
                       const HearsayReportDocument *doc,
                       const HearsayAgreementUnit  *unit,
                       guint                        k)
{
  guint32 item = g_array_index (ctx->members, guint32, unit->first + k);

  return &g_array_index (ctx->items, HearsayReportItem, doc->first_item + item);
}

/* hearsay-agreement-report.c */
const char *hearsay_agreement_report_intern   (HearsayAgreementReport     *self,
                                               const char                 *text);
HearsayAgreementFigure *hearsay_agreement_report_add_figure (HearsayAgreementReport *self,
                                               HearsayAgreementMeasure     measure,
                                               gint64                      document_id,
                                               const char                 *label,
                                               const char                 *attribute,
                                               int                         coder_a,
                                               int                         coder_b);
/* Sets the figure from a statistic's result, or undefined with the reason
 * @error gives (then frees @error). */
void        hearsay_agreement_figure_set      (HearsayAgreementReport     *self,
                                               HearsayAgreementFigure     *figure,
                                               gboolean                    ok,
                                               const HearsayAgreementResult *result,
                                               GError                     *error);
void        hearsay_agreement_figure_undefined (HearsayAgreementReport    *self,
                                               HearsayAgreementFigure     *figure,
                                               const char                 *note);

/* hearsay-agreement-report-compute.c: the whole computation. */
gboolean    hearsay_agreement_report_compute  (HearsayAgreementReport     *self,
                                               HearsayProject             *project,
                                               const HearsayAgreementQuery *query,
                                               GCancellable               *cancellable,
                                               GError                    **error);

/* hearsay-agreement-report-coding.c: matched-unit coding, confusion tables
 * and disagreements, on the aligned units. */
gboolean    hearsay_agreement_report_code     (HearsayReportContext       *ctx,
                                               GError                    **error);
void        hearsay_agreement_report_disagreements (HearsayReportContext  *ctx);

G_END_DECLS
