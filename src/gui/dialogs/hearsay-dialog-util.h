/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-dialog-util.h: small pieces the dialogs share. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-scheme.h"

G_BEGIN_DECLS

/* A small square of @color ("#rrggbb"; NULL draws grey). */
GtkWidget  *hearsay_dialog_swatch_new       (const char    *color);
void        hearsay_dialog_swatch_set_color (GtkWidget     *swatch,
                                             const char    *color);
/* The translated display name of a label, or its id when it has none. */
const char *hearsay_dialog_label_name       (HearsayScheme *scheme,
                                             const char    *label_id);
/* Shows @message in @label (hidden when NULL), styled as an error or not. */
void        hearsay_dialog_show_message     (GtkLabel      *label,
                                             const char    *message,
                                             gboolean       is_error);
/* Case-insensitive substring test; NULL or "" @needle matches. */
gboolean    hearsay_dialog_text_matches     (const char    *haystack,
                                             const char    *needle);
/* Lets Escape close @window. */
void        hearsay_dialog_add_close_shortcut (GtkWindow   *window);

G_END_DECLS
