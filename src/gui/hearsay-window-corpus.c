/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-window-corpus.c: the main window's corpus actions — "win.events"
 * opens the events window (Ctrl+Shift+V) and "win.parallel" the side-by-side
 * reader (Ctrl+Shift+P), starting with the document shown. */
#include "config.h"

#include "hearsay-events-dialog.h"
#include "hearsay-parallel-window.h"
#include "hearsay-window-private.h"

static void
events_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       data)
{
  HearsayWindow *self = HEARSAY_WINDOW (data);
  HearsayProject *project = hearsay_window_get_project (self);
  HearsayEventsDialog *dialog;
  HearsayDocument *doc;

  if (project == NULL)
    return;
  dialog = hearsay_events_dialog_new (GTK_WINDOW (self), project);
  doc = hearsay_reader_get_document (self->reader);
  if (doc != NULL)
    {
      gint64 event = hearsay_project_get_document_event (project, hearsay_document_get_id (doc));

      if (event != 0)
        hearsay_events_dialog_select_event (dialog, event);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
parallel_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       data)
{
  HearsayWindow *self = HEARSAY_WINDOW (data);
  HearsayProject *project = hearsay_window_get_project (self);
  HearsayParallelWindow *window;
  HearsayDocument *doc;

  if (project == NULL)
    return;
  window = hearsay_parallel_window_new (GTK_WINDOW (self), project);
  doc = hearsay_reader_get_document (self->reader);
  if (doc != NULL)
    {
      gint64 id = hearsay_document_get_id (doc);

      hearsay_parallel_window_set_documents (window, &id, 1);
    }
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry corpus_actions[] = {
  { "events", events_action },
  { "parallel", parallel_action },
};

void
hearsay_window_corpus_install_actions (HearsayWindow *self)
{
  static const struct { const char *trigger; const char *action; } shortcuts[] = {
    { "<Control><Shift>v", "win.events" },
    { "<Control><Shift>p", "win.parallel" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), corpus_actions,
                                   G_N_ELEMENTS (corpus_actions), self);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_shortcut_trigger_parse_string (shortcuts[i].trigger),
                                                            gtk_named_action_new (shortcuts[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
