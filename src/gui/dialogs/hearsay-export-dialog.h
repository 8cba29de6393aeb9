/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-export-dialog.h: exports the project, or its current document, in
 * any format the core writes, on a worker thread, with progress and Cancel. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-export.h"
#include "hearsay-project.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_EXPORT_DIALOG (hearsay_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HearsayExportDialog, hearsay_export_dialog, HEARSAY, EXPORT_DIALOG, GtkWindow)

/* @current_document_id: the document “The current document” exports (0:
 * none, that choice is then unavailable). */
HearsayExportDialog *hearsay_export_dialog_new               (GtkWindow           *parent,
                                                              HearsayProject      *project,
                                                              gint64               current_document_id);
/* @format as in hearsay_export_format_from_string(); FALSE if unknown. */
gboolean             hearsay_export_dialog_set_format        (HearsayExportDialog *self,
                                                              const char          *format);
void                 hearsay_export_dialog_set_offset_unit   (HearsayExportDialog *self,
                                                              HearsayOffsetUnit    unit);
void                 hearsay_export_dialog_set_newlines      (HearsayExportDialog *self,
                                                              HearsayNewlines      newlines);
void                 hearsay_export_dialog_set_exclude_boilerplate (HearsayExportDialog *self,
                                                              gboolean             exclude);
void                 hearsay_export_dialog_set_current_only  (HearsayExportDialog *self,
                                                              gboolean             current_only);
/* The file name the chooser proposes (with its extension). */
char                *hearsay_export_dialog_dup_suggested_name (HearsayExportDialog *self);
/* What choosing @path in the file chooser does: starts the export. FALSE
 * when one is running. */
gboolean             hearsay_export_dialog_export_to_path    (HearsayExportDialog *self,
                                                              const char          *path);
void                 hearsay_export_dialog_cancel            (HearsayExportDialog *self);
gboolean             hearsay_export_dialog_is_running        (HearsayExportDialog *self);
/* The outcome (“Exported to …” or the error), NULL before; the warnings in
 * @details when not NULL. */
const char          *hearsay_export_dialog_get_result        (HearsayExportDialog *self,
                                                              char               **details);

G_END_DECLS
