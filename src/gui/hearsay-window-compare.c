/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-window-compare.c: the main window's "win.compare" action, which
 * opens the outlet comparison (Ctrl+Shift+C). */
#include "config.h"

#include "hearsay-compare-window.h"
#include "hearsay-window-private.h"

static void
compare_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       data)
{
  HearsayWindow *self = HEARSAY_WINDOW (data);
  HearsayProject *project = hearsay_window_get_project (self);
  HearsayCompareWindow *window;

  if (project == NULL)
    return;
  window = hearsay_compare_window_new (GTK_WINDOW (self), project);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry compare_actions[] = {
  { "compare", compare_action },
};

void
hearsay_window_compare_install_actions (HearsayWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), compare_actions,
                                   G_N_ELEMENTS (compare_actions), self);
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>c"),
                                                          gtk_named_action_new ("win.compare")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
