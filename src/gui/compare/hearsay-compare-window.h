/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-compare-window.h: the outlet comparison of an event or of chosen
 * documents — one column per outlet, a page per section, charts, exports. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-compare.h"
#include "hearsay-project.h"

G_BEGIN_DECLS

typedef enum {
  HEARSAY_COMPARE_EXPORT_CSV,    /* a file: the tables */
  HEARSAY_COMPARE_EXPORT_SVG,    /* a folder: sources.svg, persuasion.svg, chains.svg */
  HEARSAY_COMPARE_EXPORT_PNG,    /* a folder: sources.png, persuasion.png, chains.png */
  HEARSAY_COMPARE_EXPORT_HTML,   /* a file: the report */
} HearsayCompareExport;

#define HEARSAY_TYPE_COMPARE_WINDOW (hearsay_compare_window_get_type ())
G_DECLARE_FINAL_TYPE (HearsayCompareWindow, hearsay_compare_window, HEARSAY, COMPARE_WINDOW, GtkWindow)

HearsayCompareWindow *hearsay_compare_window_new            (GtkWindow            *parent,
                                                             HearsayProject       *project);
/* Compares the documents of @event_id, or all documents when it is 0. */
void                  hearsay_compare_window_set_event      (HearsayCompareWindow *self,
                                                             gint64                event_id);
void                  hearsay_compare_window_set_documents  (HearsayCompareWindow *self,
                                                             const gint64         *document_ids,
                                                             guint                 n_documents);
/* The comparison shown, or NULL while the first one is computed. */
HearsayComparison    *hearsay_compare_window_get_comparison (HearsayCompareWindow *self);
gboolean              hearsay_compare_window_is_busy        (HearsayCompareWindow *self);
GtkStack             *hearsay_compare_window_get_stack      (HearsayCompareWindow *self);
gboolean              hearsay_compare_window_export         (HearsayCompareWindow *self,
                                                             HearsayCompareExport  what,
                                                             const char           *path,
                                                             GError              **error);

G_END_DECLS
