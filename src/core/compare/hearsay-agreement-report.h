/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-agreement-report.h: inter-coder agreement on a selection of a
 * project's documents — one code path for `hearsay-cli agreement`, the
 * window's agreement page and the HTML report. It reads the coders' layers
 * once (hearsay_project_read_layers) and feeds the statistics of
 * hearsay-agreement-stats.h:
 *
 *   unitizing    Krippendorff's αU on the character continuum, per label and
 *                over every label, per document and over the selection (its
 *                documents laid end to end); span precision, recall and F1
 *                between every pair of coders, exact and overlap matching;
 *   coding       on the units the coders' annotations align into
 *                (hearsay-agreement-align.c): which label each coder gave
 *                (nominal), and for each label's attributes which value —
 *                percent agreement, Cohen's κ per pair, Fleiss' κ and
 *                Krippendorff's α (nominal; ordinal in the scheme's order of
 *                values; interval and ratio when the values are numbers);
 *   confusion    per pair of coders and coded target, over the selection;
 *   disagreements every unit the coders did not code alike: its document, its
 *                span, each coder's version (annotation, span, label,
 *                values) — enough to open each in the reader.
 *
 * A figure that cannot be computed (fewer than two coders on it, nothing
 * coded, one value everywhere) is not a number: it is marked undefined with
 * the reason, and no writer ever prints NaN. */
#pragma once

#include <gio/gio.h>

#include "hearsay-project.h"

G_BEGIN_DECLS

typedef enum {
  HEARSAY_AGREEMENT_ALIGN_OVERLAP,  /* overlapping spans may form a unit (the default) */
  HEARSAY_AGREEMENT_ALIGN_EXACT,    /* only identical spans */
} HearsayAgreementAlign;

/* What to measure agreement on; NULL and 0 members do not restrict. */
typedef struct
{
  const gint64 *document_ids;   /* these documents, else those of: */
  guint n_documents;
  gint64 event_id;              /* the event's documents */
  const char *outlet;           /* the outlet's ("" for documents without one) */
  const char * const *coders;   /* these layers; NULL: every coder with annotations in the selection */
  gboolean gold;                /* the gold layer too (coder vs gold) */
  const char *label;            /* only this label */
  const char *attribute;        /* only this attribute ("status" or "claim.status") */
  HearsayAgreementAlign align;
  gboolean per_document;        /* each document's figures too */
} HearsayAgreementQuery;

typedef enum {
  HEARSAY_AGREEMENT_MEASURE_UNITIZING_ALPHA,
  HEARSAY_AGREEMENT_MEASURE_SPAN_EXACT,     /* a pair's P, R and F1 (value) */
  HEARSAY_AGREEMENT_MEASURE_SPAN_OVERLAP,
  HEARSAY_AGREEMENT_MEASURE_PERCENT,
  HEARSAY_AGREEMENT_MEASURE_COHEN_KAPPA,    /* a pair's */
  HEARSAY_AGREEMENT_MEASURE_FLEISS_KAPPA,
  HEARSAY_AGREEMENT_MEASURE_ALPHA_NOMINAL,
  HEARSAY_AGREEMENT_MEASURE_ALPHA_ORDINAL,
  HEARSAY_AGREEMENT_MEASURE_ALPHA_INTERVAL,
  HEARSAY_AGREEMENT_MEASURE_ALPHA_RATIO,
} HearsayAgreementMeasure;

/* "unitizing_alpha", "span_f1_exact", …, "alpha_ratio". */
const char *hearsay_agreement_measure_to_string (HearsayAgreementMeasure measure);

typedef struct
{
  HearsayAgreementMeasure measure;
  gint64 document_id;       /* 0: the whole selection */
  const char *label;        /* NULL: every label */
  const char *attribute;    /* NULL: the labels themselves; else this attribute of @label */
  int coder_a;              /* a pair's figure: its coders; -1: every coder */
  int coder_b;
  gboolean defined;         /* FALSE: @value is meaningless, @note says why */
  double value;             /* αU, α, κ, percent (0–1) or F1 */
  double precision;         /* span measures: coder_b against coder_a */
  double recall;
  double observed;          /* κ: P_o; α: D_o */
  double expected;          /* κ: P_e; α: D_e */
  guint n_units;            /* units (coding), segments (αU), matched pairs (spans) */
  guint n_skipped;          /* units left out (one coder only; Fleiss: incomplete) */
  guint64 n_values;
  const char *note;         /* translated; NULL when defined */
} HearsayAgreementFigure;

typedef struct
{
  const char *label;        /* NULL: the label coding */
  const char *attribute;    /* NULL: the labels themselves */
  int coder_a;
  int coder_b;
  guint n_categories;
  const char * const *categories;
  const guint64 *counts;    /* [a * n_categories + b]: coder_a said categories[a], coder_b categories[b] */
} HearsayAgreementConfusionTable;

typedef enum {
  HEARSAY_AGREEMENT_UNMARKED  = 1 << 0,  /* some coders marked nothing here */
  HEARSAY_AGREEMENT_LABEL     = 1 << 1,  /* the labels differ */
  HEARSAY_AGREEMENT_SPAN      = 1 << 2,  /* the spans differ */
  HEARSAY_AGREEMENT_ATTRIBUTE = 1 << 3,  /* an attribute's values differ */
} HearsayAgreementKind;

typedef struct
{
  int coder;
  gint64 annotation_id;     /* 0: this coder marked nothing here */
  gint64 start;             /* code points, end exclusive (the annotation's first and last character) */
  gint64 end;
  const char *label;
  const char *values;       /* "status=disputed; …" or NULL */
} HearsayAgreementVersion;

typedef struct
{
  gint64 document_id;
  guint kinds;              /* HearsayAgreementKind */
  const char *attributes;   /* the attributes whose values differ, ", "-joined, or NULL */
  gint64 start;             /* the unit: from its first character to its last */
  gint64 end;
  guint n_versions;         /* one per coder, in coder order */
  const HearsayAgreementVersion *versions;
} HearsayAgreementDisagreement;

typedef enum {
  HEARSAY_AGREEMENT_FORMAT_CSV,
  HEARSAY_AGREEMENT_FORMAT_JSON,
  HEARSAY_AGREEMENT_FORMAT_MARKDOWN,
} HearsayAgreementFormat;

#define HEARSAY_TYPE_AGREEMENT_REPORT (hearsay_agreement_report_get_type ())
G_DECLARE_FINAL_TYPE (HearsayAgreementReport, hearsay_agreement_report, HEARSAY, AGREEMENT_REPORT, GObject)

/* Refused with a message: fewer than two coders, a project in blind mode,
 * a coder, document, event, label or attribute that is not there. Safe on
 * a worker thread with a project of its own. */
HearsayAgreementReport *hearsay_agreement_report_new           (HearsayProject              *project,
                                                                const HearsayAgreementQuery *query,
                                                                GCancellable                *cancellable,
                                                                GError                     **error);

guint                   hearsay_agreement_report_get_n_coders  (HearsayAgreementReport *self);
const char             *hearsay_agreement_report_get_coder     (HearsayAgreementReport *self,
                                                                guint                   index);
const char             *hearsay_agreement_report_get_coder_color (HearsayAgreementReport *self,
                                                                guint                   index);
gboolean                hearsay_agreement_report_coder_is_gold (HearsayAgreementReport *self,
                                                                guint                   index);
guint                   hearsay_agreement_report_get_n_documents (HearsayAgreementReport *self);
gint64                  hearsay_agreement_report_get_document  (HearsayAgreementReport *self,
                                                                guint                   index);
const char             *hearsay_agreement_report_get_document_title (HearsayAgreementReport *self,
                                                                guint                   index);

guint                   hearsay_agreement_report_get_n_figures (HearsayAgreementReport *self);
const HearsayAgreementFigure *
                        hearsay_agreement_report_get_figure    (HearsayAgreementReport *self,
                                                                guint                   index);
/* The figure of @measure on @label/@attribute (NULL: all / the labels) of
 * @document_id (0: the selection), for coders @coder_a, @coder_b (-1, -1:
 * every coder); NULL when the report has none. */
const HearsayAgreementFigure *
                        hearsay_agreement_report_lookup        (HearsayAgreementReport *self,
                                                                HearsayAgreementMeasure measure,
                                                                gint64                  document_id,
                                                                const char             *label,
                                                                const char             *attribute,
                                                                int                     coder_a,
                                                                int                     coder_b);

guint                   hearsay_agreement_report_get_n_confusions (HearsayAgreementReport *self);
const HearsayAgreementConfusionTable *
                        hearsay_agreement_report_get_confusion (HearsayAgreementReport *self,
                                                                guint                   index);
guint                   hearsay_agreement_report_get_n_disagreements (HearsayAgreementReport *self);
const HearsayAgreementDisagreement *
                        hearsay_agreement_report_get_disagreement (HearsayAgreementReport *self,
                                                                guint                   index);

/* CSV: one RFC 4180 table of figures, "document,label,attribute,measure,
 * coder_a,coder_b,value,precision,recall,observed,expected,units,skipped,
 * note" (an undefined figure has an empty value and its note), then, after
 * a blank line, the disagreements in long form. JSON: {"coders", "documents",
 * "figures", "confusions", "disagreements"}, undefined values null. Markdown:
 * headings and pipe tables. */
gboolean                hearsay_agreement_report_write         (HearsayAgreementReport *self,
                                                                HearsayAgreementFormat  format,
                                                                GOutputStream          *out,
                                                                GError                **error);
/* The report as a section of an HTML page (h2, tables; text escaped). */
void                    hearsay_agreement_report_append_html   (HearsayAgreementReport *self,
                                                                GString                *html);

G_END_DECLS
