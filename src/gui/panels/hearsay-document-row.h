/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-document-row.h: one document in the sidebar. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-document.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_DOCUMENT_ROW (hearsay_document_row_get_type ())
G_DECLARE_FINAL_TYPE (HearsayDocumentRow, hearsay_document_row, HEARSAY, DOCUMENT_ROW, GtkWidget)

GtkWidget       *hearsay_document_row_new          (void);
void             hearsay_document_row_set_document (HearsayDocumentRow *self,
                                                    HearsayDocument    *document);
HearsayDocument *hearsay_document_row_get_document (HearsayDocumentRow *self);
/* Re-reads the document's title, metadata and annotation count. */
void             hearsay_document_row_update       (HearsayDocumentRow *self);

G_END_DECLS
