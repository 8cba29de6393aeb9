/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-document-panel.h: edits one document's metadata and fields. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-project.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_DOCUMENT_PANEL (hearsay_document_panel_get_type ())
G_DECLARE_FINAL_TYPE (HearsayDocumentPanel, hearsay_document_panel, HEARSAY, DOCUMENT_PANEL, GtkWidget)

GtkWidget      *hearsay_document_panel_new          (HearsayProject       *project);
HearsayProject *hearsay_document_panel_get_project  (HearsayDocumentPanel *self);
void            hearsay_document_panel_set_project  (HearsayDocumentPanel *self,
                                                     HearsayProject       *project);
/* 0 shows the empty state. */
void            hearsay_document_panel_set_document (HearsayDocumentPanel *self,
                                                     gint64                document_id);
gint64          hearsay_document_panel_get_document (HearsayDocumentPanel *self);

G_END_DECLS
