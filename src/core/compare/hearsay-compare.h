/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare.h: the outlet comparison of an event or of any selection
 * of documents — one code path for the GUI view, the CLI and the exports.
 *
 * Every figure is a table cell that keeps its counts (numerator and
 * denominator), so that a reader can check it. The sections, in order:
 *   size         documents and words per outlet
 *   attribution  claims per 1,000 words; shares attributed, asserted by the
 *                outlet, and attributed to anonymous or described sources only
 *   sources      source mentions by the kind of the entity they refer to;
 *                the state-affiliated share of the linked ones
 *   chains       relayed_by chains per outlet
 *   persuasion   persuasion techniques per 1,000 words
 *   frames       frame_cue dimensions and the documents' frames fields
 *   naming       the surface forms each outlet uses for each entity
 *   claims       same_claim_as clusters and contradicts pairs across outlets
 *   wording      distinctive words of persuasion and frame_cue spans
 *                (weighted log-odds, informative Dirichlet prior)
 *
 * Rules: documents without an outlet form the column "(no outlet)". Words
 * are those of hearsay-words.h. Boilerplate is excluded everywhere: words in
 * boilerplate spans are not counted, and an annotation is not counted when
 * each of its fragments lies inside one boilerplate span. A rate over zero
 * is not available (value NAN, shown as "n/a"). */
#pragma once

#include <gio/gio.h>

#include "hearsay-agreement-report.h"
#include "hearsay-project.h"

G_BEGIN_DECLS

typedef enum {
  HEARSAY_COMPARISON_FORMAT_CSV,
  HEARSAY_COMPARISON_FORMAT_JSON,
  HEARSAY_COMPARISON_FORMAT_MARKDOWN,
} HearsayComparisonFormat;

typedef enum {
  HEARSAY_COMPARISON_CHART_SOURCES,     /* stacked bars: who speaks, by entity kind */
  HEARSAY_COMPARISON_CHART_PERSUASION,  /* bars: persuasion per 1,000 words */
  HEARSAY_COMPARISON_CHART_CHAINS,      /* layered graph of relayed_by chains */
} HearsayComparisonChart;

typedef struct
{
  char *text;           /* as shown */
  double value;         /* NAN when the cell is not a number or not available */
  gint64 numerator;     /* the count behind the figure, or -1 */
  gint64 denominator;   /* what it is divided by, or -1 */
  /* A key cell whose text is a translated name keeps the row's identifier
   * here (e.g. "government_official", "claims_per_1000_words"); NULL when
   * the text is itself the key (an entity, an outlet, a word). */
  char *id;
} HearsayComparisonCell;

#define HEARSAY_TYPE_COMPARISON (hearsay_comparison_get_type ())
G_DECLARE_FINAL_TYPE (HearsayComparison, hearsay_comparison, HEARSAY, COMPARISON, GObject)

HearsayComparison  *hearsay_comparison_new               (HearsayProject          *project,
                                                          const gint64            *document_ids,
                                                          guint                    n_documents,
                                                          GError                 **error);
HearsayComparison  *hearsay_comparison_new_for_event     (HearsayProject          *project,
                                                          gint64                   event_id,
                                                          GError                 **error);

/* The comparison counted on one layer only: @layer is a coder's name or
 * the gold layer's (NULL: every layer). Boilerplate stays excluded
 * whoever marked it. @document_ids, or else the documents of @event_id. */
HearsayComparison  *hearsay_comparison_new_for_layer     (HearsayProject          *project,
                                                          const char              *layer,
                                                          const gint64            *document_ids,
                                                          guint                    n_documents,
                                                          gint64                   event_id,
                                                          GError                 **error);
/* The layer counted, or NULL for all. */
const char         *hearsay_comparison_get_layer         (HearsayComparison       *self);

/* hearsay-compare-reliability.c: how reliable the comparison's figures
 * are. Every numeric figure of the sections (attribution, sources,
 * persuasion, frames: a row × an outlet) is computed again on each coder's
 * layer alone; per figure, Krippendorff's α (interval) over the outlets
 * says how far the coders' figures agree. A figure a coder's layer does
 * not have (a technique the coder never used) is missing for that coder. */
typedef struct
{
  const char *section;
  const char *row_key;      /* the row's keys, as hearsay_comparison_lookup() takes them */
  const char *row_name;     /* as the tables show it */
  gboolean defined;
  double alpha;             /* α interval over the outlets; 0 when !defined */
  const char *note;         /* why not, translated */
  double max_difference;    /* the widest spread of one outlet's figure across coders */
  const double *values;     /* [coder * n_outlets + outlet], NAN where not available */
} HearsayReliabilityRow;

#define HEARSAY_TYPE_COMPARISON_RELIABILITY (hearsay_comparison_reliability_get_type ())
G_DECLARE_FINAL_TYPE (HearsayComparisonReliability, hearsay_comparison_reliability, HEARSAY,
                      COMPARISON_RELIABILITY, GObject)

/* @coders NULL: every coder of the coders' role with annotations in the
 * selection (at least two). */
HearsayComparisonReliability *
                    hearsay_comparison_reliability_new   (HearsayProject          *project,
                                                          const char * const      *coders,
                                                          const gint64            *document_ids,
                                                          guint                    n_documents,
                                                          gint64                   event_id,
                                                          GError                 **error);
guint               hearsay_comparison_reliability_get_n_coders  (HearsayComparisonReliability *self);
const char         *hearsay_comparison_reliability_get_coder     (HearsayComparisonReliability *self,
                                                                  guint                         index);
guint               hearsay_comparison_reliability_get_n_outlets (HearsayComparisonReliability *self);
const char         *hearsay_comparison_reliability_get_outlet    (HearsayComparisonReliability *self,
                                                                  guint                         index);
guint               hearsay_comparison_reliability_get_n_rows    (HearsayComparisonReliability *self);
const HearsayReliabilityRow *
                    hearsay_comparison_reliability_get_row       (HearsayComparisonReliability *self,
                                                                  guint                         index);
const HearsayReliabilityRow *
                    hearsay_comparison_reliability_lookup        (HearsayComparisonReliability *self,
                                                                  const char                   *section,
                                                                  const char                   *row_key);
/* CSV ("section,row,row_name,alpha,max_difference,note" then one column per
 * coder and outlet), JSON or Markdown; never NaN (n/a, null, empty). */
gboolean            hearsay_comparison_reliability_write         (HearsayComparisonReliability *self,
                                                                  HearsayComparisonFormat       format,
                                                                  GOutputStream                *out,
                                                                  GError                      **error);
void                hearsay_comparison_reliability_append_html   (HearsayComparisonReliability *self,
                                                                  GString                      *html);

/* The HTML report also shows these when set (NULL removes them). */
void                hearsay_comparison_set_agreement     (HearsayComparison       *self,
                                                          HearsayAgreementReport  *report);
void                hearsay_comparison_set_reliability   (HearsayComparison       *self,
                                                          HearsayComparisonReliability *reliability);

/* The section names, NULL-terminated, in order. */
const char * const *hearsay_comparison_get_sections      (void);
const char         *hearsay_comparison_get_section_title (const char              *section);
gboolean            hearsay_comparison_is_section        (const char              *section);

guint               hearsay_comparison_get_n_documents   (HearsayComparison       *self);
/* Outlets in column order; "" stands for documents without an outlet. */
guint               hearsay_comparison_get_n_outlets     (HearsayComparison       *self);
const char         *hearsay_comparison_get_outlet        (HearsayComparison       *self,
                                                          guint                    index);
/* The column heading of an outlet: its name, or "(no outlet)". */
const char         *hearsay_comparison_get_outlet_title  (HearsayComparison       *self,
                                                          guint                    index);

/* A section's table: its first get_n_keys() columns name the row. */
guint               hearsay_comparison_get_n_columns     (HearsayComparison       *self,
                                                          const char              *section);
guint               hearsay_comparison_get_n_keys        (HearsayComparison       *self,
                                                          const char              *section);
const char         *hearsay_comparison_get_column        (HearsayComparison       *self,
                                                          const char              *section,
                                                          guint                    column);
guint               hearsay_comparison_get_n_rows        (HearsayComparison       *self,
                                                          const char              *section);
const HearsayComparisonCell *
                    hearsay_comparison_get_cell          (HearsayComparison       *self,
                                                          const char              *section,
                                                          guint                    row,
                                                          guint                    column);
/* The cell in the row whose keys (each key cell's id, or its text when it
 * has none), joined by tabs, are @row_key, and in the column headed
 * @column; NULL when there is none. */
const HearsayComparisonCell *
                    hearsay_comparison_lookup            (HearsayComparison       *self,
                                                          const char              *section,
                                                          const char              *row_key,
                                                          const char              *column);

/* The relayed_by chains as structure: chain @index of the chains section
 * is its outlet's (index into the outlets) and @count times, its nodes
 * the outlet's title then the sources it relays, outermost first,
 * NULL-terminated. */
guint               hearsay_comparison_get_n_chains      (HearsayComparison       *self);
const char * const *hearsay_comparison_get_chain         (HearsayComparison       *self,
                                                          guint                    index,
                                                          guint                   *outlet,
                                                          gint64                  *count);

/* CSV: one RFC 4180 table in long form, "section,row,column,value,numerator,
 * denominator,text,row_name", one line per non-key cell; row holds the keys
 * (ids), row_name what the tables show. JSON: an object with one member per
 * section; its rows hold the keys and its row_names the names. Markdown: a
 * heading and a pipe table per section, with the names. @section NULL
 * writes all sections. */
gboolean            hearsay_comparison_write             (HearsayComparison       *self,
                                                          HearsayComparisonFormat  format,
                                                          const char              *section,
                                                          GOutputStream           *out,
                                                          GError                 **error);
/* A round step (1, 2 or 5 times a power of ten) for about five gridlines
 * up to @max, shared by the window's charts and the SVG ones. */
double              hearsay_chart_nice_step              (double                   max);
gboolean            hearsay_comparison_write_svg         (HearsayComparison       *self,
                                                          HearsayComparisonChart   chart,
                                                          GOutputStream           *out,
                                                          GError                 **error);
/* One self-contained HTML page: inline CSS, the tables and the SVG charts. */
gboolean            hearsay_comparison_write_html_report (HearsayComparison       *self,
                                                          GOutputStream           *out,
                                                          GError                 **error);

/* Atomic writes to a path: the report, or the three charts into @directory
 * as sources.svg, persuasion.svg and chains.svg. */
gboolean            hearsay_comparison_save              (HearsayComparison       *self,
                                                          HearsayComparisonFormat  format,
                                                          const char              *section,
                                                          const char              *path,
                                                          GError                 **error);
gboolean            hearsay_comparison_save_html_report  (HearsayComparison       *self,
                                                          const char              *path,
                                                          GError                 **error);
gboolean            hearsay_comparison_save_svg_charts   (HearsayComparison       *self,
                                                          const char              *directory,
                                                          GError                 **error);

G_END_DECLS
