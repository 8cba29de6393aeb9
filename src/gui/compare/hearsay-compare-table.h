/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-table.h: one section of a comparison as a table — a
 * column per key and per outlet, each figure's counts in its tooltip. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-compare.h"

G_BEGIN_DECLS

/* A GtkColumnView in a scrolled window, or a "Nothing to compare." label
 * when the section has no rows. @section is one of
 * hearsay_comparison_get_sections(), which it keeps. */
GtkWidget *hearsay_compare_table_new (HearsayComparison *comparison,
                                      const char        *section);

G_END_DECLS
