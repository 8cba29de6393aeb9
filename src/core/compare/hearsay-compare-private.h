/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-private.h: shared by the files of the comparison. */
#pragma once

#ifndef HEARSAY_COMPARE_COMPILATION
#error "hearsay-compare-private.h is private to src/core/compare"
#endif

#include "hearsay-compare.h"
#include "hearsay-scheme-ids.h"

G_BEGIN_DECLS

typedef enum {
  HEARSAY_SECTION_SIZE,
  HEARSAY_SECTION_ATTRIBUTION,
  HEARSAY_SECTION_SOURCES,
  HEARSAY_SECTION_CHAINS,
  HEARSAY_SECTION_PERSUASION,
  HEARSAY_SECTION_FRAMES,
  HEARSAY_SECTION_NAMING,
  HEARSAY_SECTION_CLAIMS,
  HEARSAY_SECTION_WORDING,
  HEARSAY_N_SECTIONS
} HearsaySection;

typedef struct
{
  guint n_keys;
  GPtrArray *columns;   /* char * */
  GPtrArray *rows;      /* HearsayComparisonCell[n_columns] */
  GHashTable *index;    /* row key → row number + 1 */
} HearsayComparisonTable;

/* One relayed_by chain: the outlet, then the relaying sources outermost first. */
typedef struct
{
  guint outlet;
  GStrv nodes;
  gint64 count;
} HearsayComparisonChain;

struct _HearsayComparison
{
  GObject parent_instance;

  guint n_documents;
  GPtrArray *outlets;         /* char *, "" for no outlet */
  GPtrArray *outlet_titles;   /* char * */
  HearsayComparisonTable *tables[HEARSAY_N_SECTIONS];
  GPtrArray *chains;          /* HearsayComparisonChain * */
  char *layer;                /* the one layer counted, or NULL: all */
  GObject *agreement;         /* HearsayAgreementReport for the HTML report, or NULL */
  GObject *reliability;       /* HearsayComparisonReliability, or NULL */
};

int                     hearsay_comparison_section_from_name (const char *section);
HearsayComparisonTable *hearsay_comparison_table_new   (HearsayComparison      *self,
                                                        HearsaySection          section,
                                                        guint                   n_keys,
                                                        const char * const     *key_columns,
                                                        gboolean                outlet_columns,
                                                        const char * const     *more_columns);
/* Appends a row named by @keys (n_keys strings); its other cells start empty. */
HearsayComparisonCell  *hearsay_comparison_table_add_row (HearsayComparisonTable *table,
                                                        const char * const     *keys);
void                    hearsay_cell_set_count         (HearsayComparisonCell  *cell,
                                                        gint64                  count,
                                                        gint64                  total);
/* @scale 1000: per 1,000; 100: a share shown as a percentage (value 0–1). */
void                    hearsay_cell_set_rate          (HearsayComparisonCell  *cell,
                                                        gint64                  numerator,
                                                        gint64                  denominator,
                                                        int                     scale);
void                    hearsay_cell_set_number        (HearsayComparisonCell  *cell,
                                                        double                  value);
void                    hearsay_cell_set_text          (HearsayComparisonCell  *cell,
                                                        const char             *text,
                                                        gint64                  count);

/* What the queries give per outlet (hearsay-compare-compute.c). */
typedef struct
{
  gint64 documents, words;
  gint64 claims, persuasion, frame_cues;
  gint64 attributable, attributed, weak;
  gint64 sources, linked, state;
  gint64 span_words;
  GHashTable *kinds;        /* kind ("" when not linked) → gint64 * */
  GHashTable *techniques;   /* technique → gint64 * */
  GHashTable *dimensions;   /* frame_cue dimension → gint64 * */
  GHashTable *doc_frames;   /* "name\tvalue" → gint64 * */
  GHashTable *vocabulary;   /* lowercased word of a span → gint64 * */
} OutletStats;

typedef struct
{
  char *name;
  GPtrArray *forms;         /* GString * per outlet: "form (n); …" */
  GArray *totals;           /* gint64 per outlet */
} NamingEntry;

static inline gint64
hearsay_count_get (GHashTable *counts,
                   const char *key)
{
  gint64 *value = g_hash_table_lookup (counts, key);

  return value ? *value : 0;
}

/* hearsay-compare-compute.c */
gboolean                hearsay_comparison_compute     (HearsayComparison      *self,
                                                        HearsayProject         *project,
                                                        const gint64           *document_ids,
                                                        guint                   n_documents,
                                                        gint64                  event_id,
                                                        GError                **error);

/* hearsay-compare-tables.c: @chain_edges (HearsaySumChainEdge) and
 * @claim_links (HearsaySumClaimLink) as the project's sums give them. */
void                    hearsay_comparison_build_tables (HearsayComparison *self,
                                                        GPtrArray         *stats,
                                                        GPtrArray         *naming_order,
                                                        GArray            *chain_edges,
                                                        GArray            *claim_links);

/* hearsay-compare-write.c */
void                    hearsay_comparison_append_markdown_cell (GString                     *out,
                                                        const HearsayComparisonCell *cell);

/* hearsay-compare-svg.c */
/* @standalone: with the XML namespace, for a file of its own rather than
 * inline in HTML. */
char                   *hearsay_comparison_dup_svg     (HearsayComparison      *self,
                                                        HearsayComparisonChart  chart,
                                                        gboolean                standalone);

/* hearsay-compare-write.c: one CSV field, quoted as RFC 4180 wants. */
void hearsay_compare_csv_field (GString    *out,
                                const char *text);

G_END_DECLS
