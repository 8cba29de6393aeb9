/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-widget-util.c: small helpers shared by the widgets. */
#include "config.h"

#include "hearsay-widget-util.h"

void
hearsay_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}
