/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-annotation-list.h: a document's annotations as a filterable table.
 * ::annotation-activated (id): a row was activated (Enter, double click);
 * ::annotation-selected (id): the user moved the selection in the list. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-project.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_ANNOTATION_LIST (hearsay_annotation_list_get_type ())
G_DECLARE_FINAL_TYPE (HearsayAnnotationList, hearsay_annotation_list, HEARSAY, ANNOTATION_LIST, GtkWidget)

GtkWidget      *hearsay_annotation_list_new          (HearsayProject        *project);
HearsayProject *hearsay_annotation_list_get_project  (HearsayAnnotationList *self);
void            hearsay_annotation_list_set_project  (HearsayAnnotationList *self,
                                                      HearsayProject        *project);
/* 0 shows no document. */
void            hearsay_annotation_list_set_document (HearsayAnnotationList *self,
                                                      gint64                 document_id);
gint64          hearsay_annotation_list_get_document (HearsayAnnotationList *self);
/* Selects and scrolls to the annotation's row, clearing filters that hide it;
 * FALSE when the document has no such annotation. */
gboolean        hearsay_annotation_list_select       (HearsayAnnotationList *self,
                                                      gint64                 annotation_id);
gint64          hearsay_annotation_list_get_selected (HearsayAnnotationList *self);
/* The "selected-annotation" property: selects the annotation's row when
 * the filters show it, else no row; emits no signal. */
void            hearsay_annotation_list_set_selected_annotation (HearsayAnnotationList *self,
                                                                 gint64                 annotation_id);
/* Moves the keyboard focus to the text filter (win.find). */
void            hearsay_annotation_list_focus_search (HearsayAnnotationList *self);

G_END_DECLS
