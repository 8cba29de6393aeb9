/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-import-dialog.h: imports files and folders in any format the
 * core reads, on a worker thread, with progress and Cancel. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-project.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_IMPORT_DIALOG (hearsay_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HearsayImportDialog, hearsay_import_dialog, HEARSAY, IMPORT_DIALOG, GtkWindow)

/* Emits "imported" (gint64 id of the first new document, 0 if none) after a
 * successful import, once @project has been refreshed. */
HearsayImportDialog *hearsay_import_dialog_new            (GtkWindow           *parent,
                                                           HearsayProject      *project);
void                 hearsay_import_dialog_add_path       (HearsayImportDialog *self,
                                                           const char          *path);
void                 hearsay_import_dialog_remove_path    (HearsayImportDialog *self,
                                                           guint                index);
guint                hearsay_import_dialog_get_n_paths    (HearsayImportDialog *self);
/* @format: "text", "html", "jsonl", "brat", "semeval", "w3c", "doccano", or
 * NULL to detect it from the file names. FALSE if unknown. */
gboolean             hearsay_import_dialog_set_format     (HearsayImportDialog *self,
                                                           const char          *format);
void                 hearsay_import_dialog_set_strict_quotes (HearsayImportDialog *self,
                                                           gboolean             strict);
/* Import the readable files and list the others, instead of refusing. */
void                 hearsay_import_dialog_set_skip_unreadable (HearsayImportDialog *self,
                                                           gboolean             skip);
/* TRUE when the result names unreadable files and offers to import the
 * others; import_others does what its button does. */
gboolean             hearsay_import_dialog_can_import_others (HearsayImportDialog *self);
void                 hearsay_import_dialog_import_others  (HearsayImportDialog *self);
/* What the Import button does; FALSE when there is nothing to import or an
 * import is running. */
gboolean             hearsay_import_dialog_start          (HearsayImportDialog *self);
void                 hearsay_import_dialog_cancel         (HearsayImportDialog *self);
gboolean             hearsay_import_dialog_is_running     (HearsayImportDialog *self);
/* The progress bar's text ("File 3 of 120: name"). */
const char          *hearsay_import_dialog_get_progress_text (HearsayImportDialog *self);
/* The outcome shown at the end (summary, or error naming file and place),
 * NULL before; the details view's text in @details when not NULL. */
const char          *hearsay_import_dialog_get_result     (HearsayImportDialog *self,
                                                           char               **details);

G_END_DECLS
