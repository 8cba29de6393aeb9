/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-filter-bar.h: the sidebar's filters — a full-text query and, in a
 * popover, outlet, event, date range and label present. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-project.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_FILTER_BAR (hearsay_filter_bar_get_type ())
G_DECLARE_FINAL_TYPE (HearsayFilterBar, hearsay_filter_bar, HEARSAY, FILTER_BAR, GtkWidget)

void          hearsay_filter_bar_set_project      (HearsayFilterBar      *self,
                                                   HearsayProject        *project);
/* Fills @filter with strings owned by @self, valid until the next ::changed. */
void          hearsay_filter_bar_get_filter       (HearsayFilterBar      *self,
                                                   HearsayDocumentFilter *filter);
gboolean      hearsay_filter_bar_is_active        (HearsayFilterBar      *self);
/* The applied full-text query, or NULL. */
const char   *hearsay_filter_bar_get_query        (HearsayFilterBar      *self);
/* Shows @message under the query entry; NULL hides it. */
void          hearsay_filter_bar_set_error        (HearsayFilterBar      *self,
                                                   const char            *message);
/* Resets every filter (emits ::changed once). */
void          hearsay_filter_bar_clear            (HearsayFilterBar      *self);

/* The widgets, for the tests. */
GtkEditable  *hearsay_filter_bar_get_query_entry  (HearsayFilterBar      *self);
GtkDropDown  *hearsay_filter_bar_get_outlet_drop_down (HearsayFilterBar  *self);
GtkDropDown  *hearsay_filter_bar_get_event_drop_down  (HearsayFilterBar  *self);
GtkDropDown  *hearsay_filter_bar_get_label_drop_down  (HearsayFilterBar  *self);
GtkEditable  *hearsay_filter_bar_get_date_entry   (HearsayFilterBar      *self,
                                                   gboolean               to);
GtkLabel     *hearsay_filter_bar_get_error_label  (HearsayFilterBar      *self);
GtkMenuButton *hearsay_filter_bar_get_menu_button (HearsayFilterBar      *self);

G_END_DECLS
