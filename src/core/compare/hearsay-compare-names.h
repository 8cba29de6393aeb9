/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-names.h: the display names of the comparison's rows. */
#pragma once

#include "hearsay-compare.h"
#include "hearsay-scheme.h"

G_BEGIN_DECLS

/* Gives the key cells that hold an identifier their display name: the
 * scheme's translated names of entity kinds, persuasion techniques, frame
 * dimensions, document fields and relation types, and translated names of
 * the fixed rows (metrics, "unlinked", "all"…). The identifier moves to the
 * cell's id, and rows are still looked up by it. */
void hearsay_comparison_name_rows (HearsayComparison *self,
                                   HearsayScheme     *scheme);

G_END_DECLS
