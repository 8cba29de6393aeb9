/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-events-dialog.h: a window to create, rename and delete events and
 * to assign documents to them, with suggestions from shared entities and
 * nearby dates. Every change is saved at once. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-project.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_EVENTS_DIALOG (hearsay_events_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HearsayEventsDialog, hearsay_events_dialog, HEARSAY, EVENTS_DIALOG, GtkWindow)

HearsayEventsDialog *hearsay_events_dialog_new                (GtkWindow           *parent,
                                                               HearsayProject      *project);
/* Selects event @id (0: none) in the list. */
void                 hearsay_events_dialog_select_event       (HearsayEventsDialog *self,
                                                               gint64               id);
gint64               hearsay_events_dialog_get_selected_event (HearsayEventsDialog *self);
/* The name and date entries that New and Rename read. */
GtkEditable         *hearsay_events_dialog_get_name_entry     (HearsayEventsDialog *self);
GtkEditable         *hearsay_events_dialog_get_date_entry     (HearsayEventsDialog *self);
/* Ids of the documents listed as suggestions for the selected event. */
GArray              *hearsay_events_dialog_dup_suggested      (HearsayEventsDialog *self);

G_END_DECLS
