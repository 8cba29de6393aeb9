/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-reader-view.h: the text view that shows one article as a reading
 * column. The buffer holds the document text verbatim: iter offsets are the
 * core's code-point offsets. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HEARSAY_TYPE_READER_VIEW (hearsay_reader_view_get_type ())
G_DECLARE_FINAL_TYPE (HearsayReaderView, hearsay_reader_view, HEARSAY, READER_VIEW, GtkTextView)

GtkWidget *hearsay_reader_view_new               (void);
/* The left and right margin that centres the column, in pixels. */
int        hearsay_reader_view_get_column_margin (HearsayReaderView *self);
/* The margin that centres the column in @width pixels. */
int        hearsay_reader_view_compute_margin    (HearsayReaderView *self,
                                                  int                width);

/* Handles at once a click the view is still deciding about (see
 * ::span-clicked), so that what follows acts on what was clicked. */
void       hearsay_reader_view_flush_click       (HearsayReaderView *self);

G_END_DECLS
