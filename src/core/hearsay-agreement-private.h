/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-agreement-private.h: helpers shared by the agreement statistics files. */
#pragma once

#include "hearsay-agreement-stats.h"

G_BEGIN_DECLS

/* At least two coders and only finite or missing values. */
gboolean hearsay_agreement_check_matrix     (const HearsayAgreementMatrix *matrix,
                                             GError                      **error);
/* The distinct non-missing values of @values, ascending (NULL when none). */
double  *hearsay_agreement_distinct_values  (const double                *values,
                                             gsize                        n_values,
                                             guint                       *n_distinct);
/* The index of @value in @sorted, which must hold it. */
guint    hearsay_agreement_value_index      (const double                *sorted,
                                             guint                        n_sorted,
                                             double                       value);
int      hearsay_agreement_compare_doubles  (gconstpointer                a,
                                             gconstpointer                b);

G_END_DECLS
