/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-entity-panel.h: the registry of sources, outlets and actors. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-project.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_ENTITY_PANEL (hearsay_entity_panel_get_type ())
G_DECLARE_FINAL_TYPE (HearsayEntityPanel, hearsay_entity_panel, HEARSAY, ENTITY_PANEL, GtkWidget)

GtkWidget      *hearsay_entity_panel_new           (HearsayProject     *project);
HearsayProject *hearsay_entity_panel_get_project   (HearsayEntityPanel *self);
void            hearsay_entity_panel_set_project   (HearsayEntityPanel *self,
                                                    HearsayProject     *project);
/* Selects the entity's row (clearing the search if it hides it); FALSE if unknown. */
gboolean        hearsay_entity_panel_select_entity (HearsayEntityPanel *self,
                                                    gint64              id);
gint64          hearsay_entity_panel_get_selected  (HearsayEntityPanel *self);

G_END_DECLS
