/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-window-private.h: shared by hearsay-window.c and
 * hearsay-window-actions.c. */
#pragma once

#ifndef HEARSAY_GUI_COMPILATION
#error "hearsay-window-private.h is private to src/gui/; include its public headers instead."
#endif

#include "hearsay-annotation-list.h"
#include "hearsay-document-panel.h"
#include "hearsay-entity-panel.h"
#include "hearsay-window.h"

G_BEGIN_DECLS

struct _HearsayWindow
{
  GtkApplicationWindow parent_instance;

  HearsayProject *project;
  GSettings *settings;

  /* Template children */
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkMenuButton *menu_button;
  GtkWidget *banner;
  GtkPaned *outer_paned;
  GtkPaned *inner_paned;
  HearsayDocumentList *document_list;
  HearsayReader *reader;
  GtkStack *right_stack;
  HearsayInspector *inspector;
  HearsayAnnotationList *annotation_list;
  HearsayDocumentPanel *document_panel;
  HearsayEntityPanel *entity_panel;
  GMenu *history_section;
};

void hearsay_window_actions_init   (HearsayWindow *self);
/* Enables the editing actions unless the project is read-only. */
void hearsay_window_actions_update (HearsayWindow *self);
/* hearsay-window-edit.c: undo and redo, relations, fragments, the scheme. */
void hearsay_window_edit_init      (HearsayWindow *self);
/* hearsay-window-compare.c: win.compare opens the outlet comparison. */
void hearsay_window_compare_install_actions (HearsayWindow *self);
/* hearsay-window-corpus.c: win.events and win.parallel (side by side). */
void hearsay_window_corpus_install_actions (HearsayWindow *self);
void hearsay_window_edit_update    (HearsayWindow *self);
/* hearsay-window-server.c: Connect to Server…, the recent servers, the
 * others' changes followed, the banner of a lost connection. */
void hearsay_window_server_init    (HearsayWindow *self);
/* After the project changed: follows a server project's other clients. */
void hearsay_window_server_watch   (HearsayWindow *self);
/* Connects to the project's history, scheme and relation signals. */
void hearsay_window_edit_watch     (HearsayWindow *self);
void hearsay_window_show_error     (HearsayWindow *self,
                                    const char    *message,
                                    const GError  *error);

G_END_DECLS
