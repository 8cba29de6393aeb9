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

G_END_DECLS
