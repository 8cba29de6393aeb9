/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-widget-util.h: small helpers shared by the widgets. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Unparents every child of @widget (for dispose of a GtkWidget subclass). */
void hearsay_widget_unparent_children (GtkWidget *widget);

/* @n with the locale's thousands separator ("3,974", "3 974"; none in the
 * C locale). */
char *hearsay_format_count (guint64 n);

G_END_DECLS
