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
#include "hearsay-toast-overlay.h"
#include "hearsay-window.h"

G_BEGIN_DECLS

struct _HearsayWindow
{
  GtkApplicationWindow parent_instance;

  HearsayProject *project;
  GSettings *settings;
  /* The one selected annotation ("selected-annotation"): the reader, the
   * inspector, the annotation list and the actions follow it. */
  HearsayAnnotation *selected;

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
  HearsayToastOverlay *toast_overlay;
};

void hearsay_window_actions_init   (HearsayWindow *self);
/* Enables the editing actions unless the project is read-only. */
void hearsay_window_actions_update (HearsayWindow *self);
/* hearsay-window-edit.c: relations, fragments, the scheme, focus. */
void hearsay_window_edit_init      (HearsayWindow *self);
/* What the reader's keys ask for (hearsay-window-edit.c). */
void hearsay_window_add_fragment   (HearsayWindow *self);
void hearsay_window_open_link      (HearsayWindow *self);
/* hearsay-window-history.c: undo and redo in the document shown, of the
 * project-wide edits and of the latest edit anywhere, each shown where
 * it happens and told in a toast; deleting with an Undo toast. */
void hearsay_window_history_init   (HearsayWindow *self);
void hearsay_window_history_update (HearsayWindow *self);
/* Deletes the selected annotation (Delete) and says so in a toast. */
void hearsay_window_delete_selected (HearsayWindow *self);
/* Shows a toast; @button_label, @action and @target may be NULL. */
void hearsay_window_toast          (HearsayWindow *self,
                                    const char    *title,
                                    const char    *button_label,
                                    const char    *action,
                                    GVariant      *target);
/* The document's title for a message ("Untitled" without one). */
char *hearsay_window_dup_document_title (HearsayWindow *self,
                                         gint64         document_id);
/* Shows document @id in the reader, even when the sidebar's filters hide
 * it; FALSE when it cannot be read. */
gboolean hearsay_window_open_document (HearsayWindow *self,
                                       gint64         id);
/* The reader's document id, 0 for none. */
gint64 hearsay_window_get_document_id (HearsayWindow *self);
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
/* Connects to the project's history and scheme signals. */
void hearsay_window_edit_watch     (HearsayWindow *self);
/* A project is open and may be written to. */
gboolean hearsay_window_is_editable (HearsayWindow *self);
/* Enables or disables the window action @name, if it exists. */
void hearsay_window_set_action_enabled (HearsayWindow *self,
                                        const char    *name,
                                        gboolean       enabled);
void hearsay_window_show_error     (HearsayWindow *self,
                                    const char    *message,
                                    const GError  *error);

G_END_DECLS
