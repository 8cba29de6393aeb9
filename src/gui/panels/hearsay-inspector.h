/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-inspector.h: the right pane — the selected annotation's label,
 * quote, attributes, note and times, edited in place. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-project.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_INSPECTOR (hearsay_inspector_get_type ())
G_DECLARE_FINAL_TYPE (HearsayInspector, hearsay_inspector, HEARSAY, INSPECTOR, GtkWidget)

void       hearsay_inspector_set_project          (HearsayInspector  *self,
                                                   HearsayProject    *project);
/* The "annotation" property: what the inspector shows and edits (NULL: the
 * empty page). Another copy of the same annotation (read after it
 * changed) refreshes the form in place. */
void       hearsay_inspector_set_annotation       (HearsayInspector  *self,
                                                   HearsayAnnotation *annotation);
/* The id of the annotation shown (0: none). For tests: the window's
 * "selected-annotation" is what the actions follow. */
gint64     hearsay_inspector_get_annotation_id    (HearsayInspector  *self);
/* Editing is off for a read-only project. */
void       hearsay_inspector_set_editable         (HearsayInspector  *self,
                                                   gboolean           editable);
/* Saves a note still being typed. */
void       hearsay_inspector_flush_note           (HearsayInspector  *self);

/* Moves the keyboard focus to the first control; FALSE without an annotation. */
gboolean   hearsay_inspector_focus_first          (HearsayInspector  *self);

/* For tests: the label name, and the editor of attribute @name. */
GtkLabel  *hearsay_inspector_get_label_label      (HearsayInspector  *self);
GtkWidget *hearsay_inspector_get_attribute_widget (HearsayInspector  *self,
                                                   const char        *name);
GtkTextView *hearsay_inspector_get_note_view      (HearsayInspector  *self);
GtkDropDown *hearsay_inspector_get_label_dropdown (HearsayInspector  *self);
/* The inline "Refers to …?" Accept button, or NULL when nothing is suggested. */
GtkButton *hearsay_inspector_get_suggestion_button (HearsayInspector *self);
GtkListBox *hearsay_inspector_get_relations_list  (HearsayInspector  *self);

G_END_DECLS
