/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-parallel-window.h: two or three documents read side by side;
 * claims linked by same_claim_as or contradicts across the panes are marked
 * in the text of both panes and listed under each, and activating one (a
 * click, Tab, Return, the list) selects its partners in the other panes and
 * scrolls to them. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-project.h"
#include "hearsay-reader.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_PARALLEL_WINDOW (hearsay_parallel_window_get_type ())
G_DECLARE_FINAL_TYPE (HearsayParallelWindow, hearsay_parallel_window, HEARSAY, PARALLEL_WINDOW, GtkWindow)

#define HEARSAY_PARALLEL_MAX_PANES 3

HearsayParallelWindow *hearsay_parallel_window_new             (GtkWindow             *parent,
                                                                HearsayProject        *project);
/* Shows @document_ids (up to three; a third turns the third pane on). */
void                   hearsay_parallel_window_set_documents   (HearsayParallelWindow *self,
                                                                const gint64          *document_ids,
                                                                guint                  n_documents);
HearsayReader         *hearsay_parallel_window_get_reader      (HearsayParallelWindow *self,
                                                                guint                  pane);
/* The number of linked claims listed under @pane. */
guint                  hearsay_parallel_window_get_n_links     (HearsayParallelWindow *self,
                                                                guint                  pane);
/* What activating a linked claim does: selects @annotation_id in @pane and
 * its partners in the other panes, scrolling them into view; a partner
 * outlined for an earlier claim is unselected (also for 0: none). */
void                   hearsay_parallel_window_activate_claim  (HearsayParallelWindow *self,
                                                                guint                  pane,
                                                                gint64                 annotation_id);

G_END_DECLS
