/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-agreement-private.h: helpers shared by the agreement statistics files. */
#pragma once

#ifndef HEARSAY_COMPARE_COMPILATION
#error "hearsay-agreement-private.h is private to src/core/compare"
#endif

#include "hearsay-agreement-stats.h"

G_BEGIN_DECLS

/* At least two coders and only finite or missing values. */
gboolean hearsay_agreement_check_matrix (const HearsayAgreementMatrix *matrix,
                                         GError                      **error);

#define HEARSAY_AGREEMENT_NO_RANK G_MAXUINT32

/* The distinct non-missing values of @values, ascending (NULL when none),
 * and in @ranks (n entries) each value's index among them, or
 * HEARSAY_AGREEMENT_NO_RANK for a missing one. @n < 2³². */
double  *hearsay_agreement_rank_values  (const double *values,
                                         gsize         n,
                                         guint32      *ranks,
                                         guint        *n_distinct);
/* Sorts @keys ascending, carrying @items (or NULL) along; equal keys keep
 * their order when @items ascend. */
void     hearsay_agreement_radix_sort   (guint64      *keys,
                                         guint32      *items,
                                         gsize         n);

/* hearsay-agreement-align.c: the units of matched-unit coding and of
 * curation. One coder's annotation of a document, as one span from its
 * first character to its last. */
typedef struct {
  guint       coder;
  gint64      start;
  gint64      end;
  const char *label;      /* interned */
} HearsayAgreementItem;

/* A unit: @n members (indexes into the items), at most one per coder,
 * ascending by coder, laid out from @first in the members array. */
typedef struct {
  guint first;
  guint n;
} HearsayAgreementUnit;

/* Aligns one document's items (any order) into units. Two items of
 * different coders may share a unit when they overlap — with different
 * labels only when they share at least half of their union (exact: only
 * when their spans are the same). The best pairs are joined first (most
 * characters in common, then fewest boundary characters apart, then the
 * same label, then the earlier items), never two items of one coder; an
 * item that joins no other is a unit of its own. Appends to @units and
 * @members; units come by their first member's start. At most 64 coders. */
void     hearsay_agreement_align        (const HearsayAgreementItem *items,
                                         guint                       n_items,
                                         gboolean                    exact,
                                         GArray                     *units,
                                         GArray                     *members);

G_END_DECLS
