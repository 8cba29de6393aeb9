/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-label-palette.h: one button per label of the scheme, with its
 * colour, key and name; a click annotates the selection (win.annotate). */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-scheme.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_LABEL_PALETTE (hearsay_label_palette_get_type ())
G_DECLARE_FINAL_TYPE (HearsayLabelPalette, hearsay_label_palette, HEARSAY, LABEL_PALETTE, GtkWidget)

void       hearsay_label_palette_set_scheme (HearsayLabelPalette *self,
                                             HearsayScheme       *scheme);
/* A small rounded square of @color ("#rrggbb"). */
GtkWidget *hearsay_label_swatch_new         (const char          *color);

G_END_DECLS
