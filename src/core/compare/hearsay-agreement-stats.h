/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-agreement-stats.h: inter-coder agreement statistics on plain arrays (no storage). */
#pragma once

#include <math.h>
#include <glib.h>

G_BEGIN_DECLS

/* The module's own error domain: it depends on nothing but GLib, so that
 * any store or test can feed it. */
#define HEARSAY_AGREEMENT_ERROR (hearsay_agreement_error_quark ())

typedef enum {
  HEARSAY_AGREEMENT_ERROR_TOO_FEW_CODERS,  /* fewer than two coders */
  HEARSAY_AGREEMENT_ERROR_NO_UNITS,        /* nothing pairable: no unit coded by two coders, no segment */
  HEARSAY_AGREEMENT_ERROR_NO_VARIATION,    /* expected disagreement 0 (one value everywhere): undefined */
  HEARSAY_AGREEMENT_ERROR_INVALID,         /* a value, segment or table the measure cannot take */
} HearsayAgreementError;

GQuark hearsay_agreement_error_quark (void);

/* ------------------------------------------------------------------ */
/* Coding of units: a reliability-data matrix, coders × units.         */
/* ------------------------------------------------------------------ */

/* A missing value in a matrix (the coder did not code that unit). */
#define HEARSAY_AGREEMENT_MISSING ((double) NAN)
#define hearsay_agreement_is_missing(v) (isnan (v))

/* values[coder * n_units + unit]: a number (interval, ratio), a rank
 * (ordinal) or a category index (nominal), HEARSAY_AGREEMENT_MISSING where
 * absent. Values are compared exactly; infinities are refused. */
typedef struct {
  guint         n_coders;
  guint         n_units;
  const double *values;
} HearsayAgreementMatrix;

typedef enum {
  HEARSAY_AGREEMENT_NOMINAL,   /* δ² = 0 if equal, else 1 */
  HEARSAY_AGREEMENT_ORDINAL,   /* δ² = (Σ_{g=c..k} n_g − (n_c + n_k)/2)² */
  HEARSAY_AGREEMENT_INTERVAL,  /* δ² = (c − k)² */
  HEARSAY_AGREEMENT_RATIO,     /* δ² = ((c − k)/(c + k))², values ≥ 0 */
} HearsayAgreementMetric;

/* "nominal", "ordinal", "interval", "ratio". */
gboolean    hearsay_agreement_metric_from_string (const char             *name,
                                                  HearsayAgreementMetric *metric);
const char *hearsay_agreement_metric_to_string   (HearsayAgreementMetric  metric);

/* One coefficient and what it was made of. Never NaN: a coefficient that
 * would be 0/0 is an error instead. After an error the counts gathered so
 * far stay, and after NO_VARIATION `observed` too (value stays 0), so a
 * caller can say "all 40 values agree". */
typedef struct {
  double  value;     /* percent agreement (0…1), κ or α */
  double  observed;  /* κ, percent: observed agreement P_o; α: observed disagreement D_o */
  double  expected;  /* κ: chance agreement P_e; α: expected disagreement D_e; percent: 0 */
  guint   n_units;   /* units that entered the computation */
  guint   n_skipped; /* units left out (fewer than two values; Fleiss: incomplete) */
  guint64 n_values;  /* values that entered (α: the pairable values n) */
} HearsayAgreementResult;

/* Mean over units coded by ≥ 2 coders of the share of agreeing coder pairs. */
gboolean hearsay_agreement_percent          (const HearsayAgreementMatrix *matrix,
                                             HearsayAgreementResult       *result,
                                             GError                      **error);
/* Cohen's κ between two rows of @matrix, over the units both coded. */
gboolean hearsay_agreement_cohen_kappa      (const HearsayAgreementMatrix *matrix,
                                             guint                         coder_a,
                                             guint                         coder_b,
                                             HearsayAgreementResult       *result,
                                             GError                      **error);
/* Cohen's κ from a contingency table: counts[i * n_categories + j] units
 * that coder A put in category i and coder B in j. */
gboolean hearsay_agreement_cohen_kappa_table (const guint64          *counts,
                                              guint                   n_categories,
                                              HearsayAgreementResult *result,
                                              GError                **error);
/* Fleiss' κ over the units coded by every coder of @matrix; units with a
 * missing value are skipped (counted in n_skipped). Use α for missing data. */
gboolean hearsay_agreement_fleiss_kappa     (const HearsayAgreementMatrix *matrix,
                                             HearsayAgreementResult       *result,
                                             GError                      **error);
/* Fleiss' κ from his table: counts[unit * n_categories + category] coders
 * who put the unit in the category; every row must have the same sum ≥ 2. */
gboolean hearsay_agreement_fleiss_kappa_counts (const guint            *counts,
                                                guint                   n_units,
                                                guint                   n_categories,
                                                HearsayAgreementResult *result,
                                                GError                **error);
/* Krippendorff's α (coincidence matrix, Krippendorff 2011), missing values
 * allowed; units with fewer than two values are not pairable and skipped. */
gboolean hearsay_agreement_krippendorff_alpha (const HearsayAgreementMatrix *matrix,
                                               HearsayAgreementMetric        metric,
                                               HearsayAgreementResult       *result,
                                               GError                      **error);

/* Confusion matrix of two coders over the units both coded. */
typedef struct {
  guint    n_categories;
  double  *categories;  /* every distinct value of the matrix, ascending */
  guint64 *counts;      /* [i * n_categories + j]: coder A said categories[i], coder B categories[j] */
  guint    n_units;     /* units both coders coded */
} HearsayAgreementConfusion;

HearsayAgreementConfusion *hearsay_agreement_confusion_new  (const HearsayAgreementMatrix *matrix,
                                                             guint                         coder_a,
                                                             guint                         coder_b,
                                                             GError                      **error);
void                       hearsay_agreement_confusion_free (HearsayAgreementConfusion    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayAgreementConfusion, hearsay_agreement_confusion_free)

/* ------------------------------------------------------------------ */
/* Segments on a character continuum: unitizing α and span matching.   */
/* ------------------------------------------------------------------ */

/* One coder's segment: [start, end) in code points (DESIGN §5). */
typedef struct {
  guint  coder;     /* 0 … n_coders − 1 (ignored by span matching) */
  guint  category;  /* 0 … n_categories − 1: a label, or a label's value */
  gint64 start;
  gint64 end;       /* exclusive, > start */
} HearsayAgreementSegment;

typedef struct {
  guint    n_segments;  /* after merging */
  double   observed;    /* D_o of this category */
  double   expected;    /* D_e of this category */
  double   alpha;       /* 1 − D_o/D_e; 0 when !defined */
  gboolean defined;     /* FALSE: no segment of this category, or D_e = 0 */
} HearsayAgreementCategoryAlpha;

typedef struct {
  double  alpha;          /* 1 − mean D_o / mean D_e over the categories used */
  double  observed;       /* mean D_o over the categories used */
  double  expected;       /* mean D_e over the categories used */
  guint   n_coders;
  guint   n_categories;   /* as given; categories[] has this many entries */
  guint   n_used;         /* categories with at least one segment */
  guint   n_merged;       /* overlapping segments of one coder and category merged */
  HearsayAgreementCategoryAlpha *categories;
} HearsayAgreementUnitizing;

/* Krippendorff's αU as DKPro Statistics computes it
 * (KrippendorffAlphaUnitizingAgreement), over [begin, begin + length).
 * Segments of one coder and category that overlap are merged into their
 * union first (n_merged counts them); touching ones stay two units. */
HearsayAgreementUnitizing *hearsay_agreement_unitizing_alpha (const HearsayAgreementSegment *segments,
                                                              gsize                          n_segments,
                                                              guint                          n_coders,
                                                              guint                          n_categories,
                                                              gint64                         begin,
                                                              gint64                         length,
                                                              GError                       **error);
void                       hearsay_agreement_unitizing_free  (HearsayAgreementUnitizing    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HearsayAgreementUnitizing, hearsay_agreement_unitizing_free)

typedef enum {
  HEARSAY_AGREEMENT_MATCH_EXACT        = 0,       /* same start, end and category */
  HEARSAY_AGREEMENT_MATCH_OVERLAP      = 1 << 0,  /* ≥ 1 character in common and the same category */
  HEARSAY_AGREEMENT_MATCH_ANY_CATEGORY = 1 << 1,  /* with either: the category need not agree */
} HearsayAgreementMatchFlags;

typedef struct {
  guint    n_reference;       /* spans of the reference coder (A) */
  guint    n_candidate;       /* spans of the other coder (B) */
  guint    n_matched;         /* pairs matched one-to-one */
  double   precision;         /* n_matched / n_candidate; 0 when !precision_defined */
  double   recall;            /* n_matched / n_reference; 0 when !recall_defined */
  double   f1;                /* 2 n_matched / (n_reference + n_candidate) */
  gboolean precision_defined; /* n_candidate > 0 */
  gboolean recall_defined;    /* n_reference > 0 */
} HearsayAgreementSpanScores;

/* Matches @candidate's spans to @reference's one-to-one and scores them.
 * Overlap matching is greedy: of all overlapping pairs, the one with the
 * most characters in common is taken first (ties: fewer boundary
 * characters apart, then the same category, then the earlier reference and
 * candidate). @matched (n_reference entries, or NULL) receives the index of
 * each reference span's candidate, −1 when unmatched. Both sets empty:
 * NO_UNITS (F1 would be 0/0). */
gboolean hearsay_agreement_spans_compare (const HearsayAgreementSegment *reference,
                                          gsize                          n_reference,
                                          const HearsayAgreementSegment *candidate,
                                          gsize                          n_candidate,
                                          HearsayAgreementMatchFlags     flags,
                                          HearsayAgreementSpanScores    *scores,
                                          gssize                        *matched,
                                          GError                       **error);

G_END_DECLS
