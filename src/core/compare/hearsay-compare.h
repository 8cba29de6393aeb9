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
