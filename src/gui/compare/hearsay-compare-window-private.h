/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-window-private.h: shared by the files of the comparison
 * window (hearsay-compare-window.c, hearsay-compare-export.c). */
#pragma once

#ifndef HEARSAY_GUI_COMPARE_COMPILATION
#error "hearsay-compare-window-private.h is private to src/gui/compare/; include its public headers instead."
#endif

#include "hearsay-compare-window.h"

G_BEGIN_DECLS

/* Shows @message under the title, or the comparison's summary when NULL. */
void hearsay_compare_window_show_message  (HearsayCompareWindow *self,
                                           const char           *message);

/* hearsay-compare-export.c: the compare.export-csv, -svg, -png and -html
 * actions, which ask for a file or a folder. */
void hearsay_compare_window_export_action (GtkWidget            *widget,
                                           const char           *action_name,
                                           GVariant             *parameter);

G_END_DECLS
