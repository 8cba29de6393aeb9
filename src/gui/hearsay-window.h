/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-window.h: the main window — documents, reader, inspector. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-annotation-list.h"
#include "hearsay-application.h"
#include "hearsay-connect-dialog.h"
#include "hearsay-document-panel.h"
#include "hearsay-entity-panel.h"
#include "hearsay-document-list.h"
#include "hearsay-inspector.h"
#include "hearsay-project.h"
#include "hearsay-reader.h"
#include "hearsay-toast-overlay.h"

G_BEGIN_DECLS

#define HEARSAY_TYPE_WINDOW (hearsay_window_get_type ())
G_DECLARE_FINAL_TYPE (HearsayWindow, hearsay_window, HEARSAY, WINDOW, GtkApplicationWindow)

/* @app may be NULL (tests); @project may be NULL (nothing could be opened). */
HearsayWindow       *hearsay_window_new               (HearsayApplication *app,
                                                       HearsayProject     *project);
/* Replaces the window's project, updates the title and last-project. */
void                 hearsay_window_set_project       (HearsayWindow      *self,
                                                       HearsayProject     *project);
HearsayProject      *hearsay_window_get_project       (HearsayWindow      *self);
/* Opens @file as the window's project; errors are shown, the current
 * project is kept. */
gboolean             hearsay_window_open_file         (HearsayWindow      *self,
                                                       GFile              *file);
/* Imports @paths in one transaction and shows the first one. */
gboolean             hearsay_window_import_files      (HearsayWindow      *self,
                                                       const char * const *paths,
                                                       GError            **error);
/* Imports @paths of @format (hearsay_import_guess_format()) in one
 * transaction and shows the first document. */
gboolean             hearsay_window_import_paths      (HearsayWindow      *self,
                                                       const char         *format,
                                                       const char * const *paths,
                                                       GError            **error);
/* Opens Connect to Server… over the window (win.connect-server). */
HearsayConnectDialog *hearsay_window_connect_to_server (HearsayWindow    *self);
/* Connects again to the @index-th recent server (win.connect-recent):
 * the dialog shows the progress and asks for a password if need be.
 * FALSE when there is no such recent server. */
gboolean             hearsay_window_connect_recent    (HearsayWindow      *self,
                                                       int                 index);
void                 hearsay_window_show_document     (HearsayWindow      *self,
                                                       gint64              id);
/* The "selected-annotation" property: the one annotation the reader
 * outlines, the inspector shows, the annotation list selects and Delete,
 * F, L and the inspector's buttons act on (NULL: none). */
void                 hearsay_window_set_selected_annotation (HearsayWindow     *self,
                                                             HearsayAnnotation *annotation);
HearsayAnnotation   *hearsay_window_get_selected_annotation (HearsayWindow     *self);
gint64               hearsay_window_get_selected_annotation_id (HearsayWindow  *self);
/* Reads annotation @id and makes it the selected one (0: none). */
void                 hearsay_window_select_annotation (HearsayWindow      *self,
                                                       gint64              id);

HearsayReader       *hearsay_window_get_reader        (HearsayWindow      *self);
HearsayInspector    *hearsay_window_get_inspector     (HearsayWindow      *self);
HearsayDocumentList *hearsay_window_get_document_list (HearsayWindow      *self);
GtkWidget           *hearsay_window_get_banner        (HearsayWindow      *self);
/* The banner shown while the connection to the server is lost, and its
 * Retry button. */
GtkWidget           *hearsay_window_get_server_banner (HearsayWindow      *self);
GtkButton           *hearsay_window_get_retry_button  (HearsayWindow      *self);
/* The right pane: "inspector", "annotations", "document", "entities". */
GtkStack            *hearsay_window_get_right_stack   (HearsayWindow      *self);
HearsayAnnotationList *hearsay_window_get_annotation_list (HearsayWindow  *self);
HearsayDocumentPanel *hearsay_window_get_document_panel (HearsayWindow    *self);
HearsayEntityPanel  *hearsay_window_get_entity_panel  (HearsayWindow      *self);
GMenuModel          *hearsay_window_get_primary_menu  (HearsayWindow      *self);
HearsayToastOverlay *hearsay_window_get_toast_overlay (HearsayWindow      *self);

G_END_DECLS
