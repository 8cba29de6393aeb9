/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-document-list.h: the sidebar of the project's documents. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-filter-bar.h"
#include "hearsay-project.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_DOCUMENT_LIST (hearsay_document_list_get_type ())
G_DECLARE_FINAL_TYPE (HearsayDocumentList, hearsay_document_list, HEARSAY, DOCUMENT_LIST, GtkWidget)

void        hearsay_document_list_set_project     (HearsayDocumentList *self,
                                                   HearsayProject      *project);
/* Selects the document @id (emits ::document-selected); FALSE if unknown. */
gboolean    hearsay_document_list_select_document (HearsayDocumentList *self,
                                                   gint64               id);
gint64      hearsay_document_list_get_selected_id (HearsayDocumentList *self);
guint       hearsay_document_list_get_n_documents (HearsayDocumentList *self);
/* The id of the document at @position, or 0. */
gint64      hearsay_document_list_get_id_at       (HearsayDocumentList *self,
                                                   guint                position);
HearsayFilterBar *hearsay_document_list_get_filter_bar (HearsayDocumentList *self);
/* "N of M documents" */
GtkLabel   *hearsay_document_list_get_count_label (HearsayDocumentList *self);
/* The search hits: a header row per document, then a row per passage. */
GtkListBox *hearsay_document_list_get_passages    (HearsayDocumentList *self);
guint       hearsay_document_list_get_n_hits      (HearsayDocumentList *self);

G_END_DECLS
