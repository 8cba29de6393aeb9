/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-window-server.c: the main window and a project on a server —
 * Connect to Server… and the recent servers in the main menu, following
 * the other members' changes, and the banner that says the connection is
 * lost (the project read-only meanwhile) with a Retry button. */
#include "config.h"

#include <glib/gi18n.h>

#include "hearsay-connect-dialog.h"
#include "hearsay-window-private.h"

#define MAX_RECENT_ITEMS 5

typedef struct
{
  HearsayWindow *window;     /* not a reference: the window owns this */
  HearsayProject *project;   /* the one whose signal is connected */
  gulong read_only_id;
  GtkWidget *banner;
  GtkLabel *banner_label;
  GtkButton *retry_button;
  GMenu *recent_menu;        /* "Recent Servers" */
  GMenu *file_section;
} Server;

static GQuark
server_quark (void)
{
  return g_quark_from_static_string ("hearsay-window-server");
}

static Server *
get_server (HearsayWindow *self)
{
  return g_object_get_qdata (G_OBJECT (self), server_quark ());
}

static void
server_free (Server *server)
{
  if (server->project != NULL)
    {
      g_clear_signal_handler (&server->read_only_id, server->project);
      g_clear_object (&server->project);
    }
  g_clear_object (&server->recent_menu);
  g_clear_object (&server->file_section);
  g_free (server);
}

/* The banner */

static void
update_banner (HearsayWindow *self)
{
  Server *server = get_server (self);
  gboolean offline = self->project != NULL && hearsay_project_is_offline (self->project);

  gtk_widget_set_visible (server->banner, offline);
  /* The file banner ("read-only") would say less than this one. */
  gtk_widget_set_visible (self->banner,
                          self->project != NULL && !offline && hearsay_project_get_read_only (self->project));
  if (offline)
    gtk_label_set_text (server->banner_label,
                        _("The connection to the server is lost: you can read, but changes cannot "
                          "be saved until it is back. Hearsay tries again every two seconds."));
  gtk_widget_set_sensitive (GTK_WIDGET (server->retry_button), TRUE);
}

static void
on_read_only_changed (HearsayProject *project,
                      Server         *server)
{
  update_banner (server->window);
  hearsay_window_actions_update (server->window);
}

static void
on_retry_clicked (GtkButton     *button,
                  HearsayWindow *self)
{
  Server *server = get_server (self);
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;
  if (!hearsay_project_retry_connection (self->project, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Still no connection to the server: %s"), error->message);

      gtk_label_set_text (server->banner_label, text);
      return;
    }
  update_banner (self);
  hearsay_window_actions_update (self);
}

static GtkWidget *
new_banner (HearsayWindow *self,
            Server        *server)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("network-offline-symbolic");
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *retry = gtk_button_new_with_mnemonic (_("_Retry"));

  gtk_widget_add_css_class (box, "banner");
  gtk_widget_set_name (box, "server-banner");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (retry, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), retry);
  g_signal_connect (retry, "clicked", G_CALLBACK (on_retry_clicked), self);
  gtk_widget_set_visible (box, FALSE);
  server->banner_label = GTK_LABEL (label);
  server->retry_button = GTK_BUTTON (retry);
  return box;
}

/* Connecting */

static void
on_connected (HearsayConnectDialog *dialog,
              HearsayProject       *project,
              HearsayWindow        *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (HEARSAY_IS_APPLICATION (app))
    hearsay_application_setup_project (HEARSAY_APPLICATION (app), project);
  hearsay_window_set_project (self, project);
}

static HearsayConnectDialog *
open_dialog (HearsayWindow *self)
{
  HearsayConnectDialog *dialog;

  hearsay_inspector_flush_note (self->inspector);
  dialog = hearsay_connect_dialog_new (GTK_WINDOW (self), self->settings);
  g_signal_connect_object (dialog, "connected", G_CALLBACK (on_connected), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

HearsayConnectDialog *
hearsay_window_connect_to_server (HearsayWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), NULL);
  return open_dialog (self);
}

static void
connect_server_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       data)
{
  open_dialog (data);
}

gboolean
hearsay_window_connect_recent (HearsayWindow *self,
                               int            index)
{
  g_autoptr(GVariant) recent = NULL;
  HearsayConnectDialog *dialog;
  const char *h, *p, *d, *j, *u;

  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), FALSE);
  if (self->settings == NULL)
    return FALSE;
  recent = g_settings_get_value (self->settings, "recent-servers");
  if (index < 0 || (gsize) index >= g_variant_n_children (recent))
    return FALSE;
  g_variant_get_child (recent, index, "(&s&s&s&s&s)", &h, &p, &d, &j, &u);
  /* The dialog shows the progress, and asks for a password if need be. */
  dialog = open_dialog (self);
  hearsay_connect_dialog_set_fields (dialog, h, p, d, j, u);
  hearsay_connect_dialog_connect (dialog);
  return TRUE;
}

static void
connect_recent_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       data)
{
  hearsay_window_connect_recent (data, g_variant_get_int32 (param));
}

/* The main menu */

static void
fill_recent_menu (HearsayWindow *self)
{
  Server *server = get_server (self);
  g_autoptr(GVariant) recent = NULL;
  gsize n;
  int at = -1;

  g_menu_remove_all (server->recent_menu);
  recent = g_settings_get_value (self->settings, "recent-servers");
  n = MIN (g_variant_n_children (recent), MAX_RECENT_ITEMS);
  for (gsize i = 0; i < n; i++)
    {
      const char *h, *p, *d, *j, *u;
      g_autofree char *text = NULL;
      g_autoptr(GMenuItem) item = NULL;

      g_variant_get_child (recent, i, "(&s&s&s&s&s)", &h, &p, &d, &j, &u);
      text = hearsay_connect_describe (h, p, d, j, u);
      item = g_menu_item_new (text, NULL);
      g_menu_item_set_action_and_target_value (item, "win.connect-recent", g_variant_new_int32 ((gint32) i));
      g_menu_append_item (server->recent_menu, item);
    }
  /* The submenu is there only when it has something. */
  for (int i = 0; i < g_menu_model_get_n_items (G_MENU_MODEL (server->file_section)); i++)
    {
      g_autoptr(GMenuModel) link = g_menu_model_get_item_link (G_MENU_MODEL (server->file_section), i,
                                                               G_MENU_LINK_SUBMENU);

      if (link == G_MENU_MODEL (server->recent_menu))
        at = i;
    }
  if (n == 0 && at >= 0)
    g_menu_remove (server->file_section, at);
  else if (n > 0 && at < 0)
    g_menu_insert_submenu (server->file_section, 3, _("Recent _Servers"), G_MENU_MODEL (server->recent_menu));
}

static void
on_recent_changed (GSettings     *settings,
                   const char    *key,
                   HearsayWindow *self)
{
  fill_recent_menu (self);
}

static void
install_menu (HearsayWindow *self,
              Server        *server)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (self->menu_button);
  g_autoptr(GMenuModel) section = NULL;

  if (menu == NULL || g_menu_model_get_n_items (menu) == 0)
    return;
  /* After Open Project… in the first (file) section. */
  section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  if (!G_IS_MENU (section))
    return;
  server->file_section = G_MENU (g_object_ref (section));
  g_menu_insert (server->file_section, 2, _("Connect to _Server…"), "win.connect-server");
  server->recent_menu = g_menu_new ();
  if (self->settings != NULL)
    {
      fill_recent_menu (self);
      g_signal_connect_object (self->settings, "changed::recent-servers", G_CALLBACK (on_recent_changed), self, 0);
    }
}

static const GActionEntry server_actions[] = {
  { "connect-server", connect_server_action },
  { "connect-recent", connect_recent_action, "i" },
};

void
hearsay_window_server_init (HearsayWindow *self)
{
  Server *server = g_new0 (Server, 1);
  GtkWidget *parent = gtk_widget_get_parent (self->banner);

  server->window = self;
  g_object_set_qdata_full (G_OBJECT (self), server_quark (), server, (GDestroyNotify) server_free);
  server->banner = new_banner (self, server);
  gtk_box_insert_child_after (GTK_BOX (parent), server->banner, self->banner);
  g_action_map_add_action_entries (G_ACTION_MAP (self), server_actions, G_N_ELEMENTS (server_actions), self);
  install_menu (self, server);
}

void
hearsay_window_server_watch (HearsayWindow *self)
{
  Server *server = get_server (self);

  if (server->project != NULL)
    {
      g_clear_signal_handler (&server->read_only_id, server->project);
      g_clear_object (&server->project);
    }
  if (self->project != NULL && hearsay_project_is_server (self->project))
    {
      server->project = g_object_ref (self->project);
      /* Connected for the server state, not the window: the window drops
       * its own handlers on the old project before this is called. */
      server->read_only_id = g_signal_connect (self->project, "read-only-changed",
                                               G_CALLBACK (on_read_only_changed), server);
      /* The others' edits arrive as the project's usual signals, which
       * the reader, the lists and the inspector already follow. */
      hearsay_project_follow_changes (self->project);
    }
  update_banner (self);
}

GtkWidget *
hearsay_window_get_server_banner (HearsayWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), NULL);
  return get_server (self)->banner;
}

GtkButton *
hearsay_window_get_retry_button (HearsayWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), NULL);
  return get_server (self)->retry_button;
}
