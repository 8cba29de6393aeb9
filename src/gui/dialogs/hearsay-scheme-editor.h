/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-scheme-editor.h: edits a copy of the project's scheme — labels,
 * colours, keys, attributes and their values — and applies it on "Apply". */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-project.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_SCHEME_EDITOR (hearsay_scheme_editor_get_type ())
G_DECLARE_FINAL_TYPE (HearsaySchemeEditor, hearsay_scheme_editor, HEARSAY, SCHEME_EDITOR, GtkWindow)

/* The project's "scheme-changed" signal tells the rest of the app about an Apply. */
HearsaySchemeEditor *hearsay_scheme_editor_new (GtkWindow      *parent,
                                                HearsayProject *project);
/* What "Remove" in the confirmation does: drops @label_id from the edited
 * copy (its annotations keep the label); "Apply" makes it the project's. */
gboolean             hearsay_scheme_editor_remove_label (HearsaySchemeEditor *self,
                                                         const char          *label_id,
                                                         GError             **error);

G_END_DECLS
