/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-link-picker.h: picks the target of a relation from an annotation —
 * another annotation of the document, a claim in another document, or an
 * entity — and offers only the relation types the scheme allows. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-project.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_LINK_PICKER (hearsay_link_picker_get_type ())
G_DECLARE_FINAL_TYPE (HearsayLinkPicker, hearsay_link_picker, HEARSAY, LINK_PICKER, GtkWindow)

/* Emits "linked" (gint64 relation id) after a relation was created, then closes. */
HearsayLinkPicker *hearsay_link_picker_new               (GtkWindow         *parent,
                                                          HearsayProject    *project,
                                                          gint64             from_annotation_id);
/* Selects @annotation_id as the target (switching to the page that lists it). */
void               hearsay_link_picker_select_target     (HearsayLinkPicker *self,
                                                          gint64             annotation_id);
void               hearsay_link_picker_select_entity     (HearsayLinkPicker *self,
                                                          gint64             entity_id);
/* Chooses the relation type; FALSE when the type is not one of those offered
 * for the current target (the core then judges it on "Link"). */
gboolean           hearsay_link_picker_set_relation_type (HearsayLinkPicker *self,
                                                          const char        *type_id);
/* The offered type currently chosen, or NULL. */
const char        *hearsay_link_picker_get_relation_type (HearsayLinkPicker *self);
/* What "Link" does: creates the relation, emits "linked" and closes; on
 * failure shows the error in the dialog and returns 0. */
gint64             hearsay_link_picker_link              (HearsayLinkPicker *self,
                                                          GError           **error);

G_END_DECLS
