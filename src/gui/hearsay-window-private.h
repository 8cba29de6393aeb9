/* hearsay-window-private.h: shared by hearsay-window.c and
 * hearsay-window-actions.c. */
#pragma once

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
  HearsayInspector *inspector;
};

void hearsay_window_actions_init   (HearsayWindow *self);
/* Enables the editing actions unless the project is read-only. */
void hearsay_window_actions_update (HearsayWindow *self);
void hearsay_window_show_error     (HearsayWindow *self,
                                    const char    *message,
                                    const GError  *error);

G_END_DECLS
