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

char *
hearsay_format_count (guint64 n)
{
  /* glibc's ' flag groups digits as LC_NUMERIC says. */
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, n);
}
