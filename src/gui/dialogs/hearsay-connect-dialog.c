/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-connect-dialog.c: File ▸ Connect to Server…: server, port,
 * database, project and login; the recent ones offered again; the password
 * from the keyring or ~/.pgpass, else asked for when the server wants one
 * and kept in memory for this run only. The project opens on a worker
 * thread, so an unreachable server does not freeze the window. */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hearsay-connect-dialog.h"
#include "hearsay-connect-keyring.h"
#include "hearsay-dialog-util.h"
#include "hearsay-error.h"

#define MAX_RECENT 8

struct _HearsayConnectDialog
{
  GtkWindow parent_instance;

  GSettings *settings;
  GCancellable *cancellable;   /* the connection in progress, or NULL */
  char *location;              /* the location being opened */
  char *password;              /* typed or from the keyring, for this attempt */
  gboolean password_typed;
  gboolean asked;              /* the server asked: the field shows */

  GtkButton *connect_button;
  GtkButton *cancel_button;
  GtkSpinner *spinner;
  GtkWidget *recent_box;
  GtkListBox *recent_list;
  GtkEntry *host_entry;
  GtkEntry *port_entry;
  GtkEntry *database_entry;
  GtkEntry *project_entry;
  GtkEntry *user_entry;
  GtkWidget *password_label;
  GtkPasswordEntry *password_entry;
  GtkCheckButton *remember_check;
  GtkLabel *message_label;
};

G_DEFINE_FINAL_TYPE (HearsayConnectDialog, hearsay_connect_dialog, GTK_TYPE_WINDOW)

enum { CONNECTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
wipe (char **secret)
{
  if (*secret != NULL)
    {
      memset (*secret, 0, strlen (*secret));
      g_clear_pointer (secret, g_free);
    }
}

/* Locations */

static void
append_value (GString    *s,
              const char *keyword,
              const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  if (s->len > 0)
    g_string_append_c (s, ' ');
  g_string_append_printf (s, "%s='", keyword);
  for (const char *p = value; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '\'');
}

char *
hearsay_connect_build_location (const char *host,
                                const char *port,
                                const char *database,
                                const char *project,
                                const char *user)
{
  GString *s = g_string_new (NULL);

  append_value (s, "host", host);
  append_value (s, "port", port);
  append_value (s, "dbname", database);
  append_value (s, "user", user);
  /* The core reads project=NAME unquoted; a name is [a-z0-9_]. */
  if (project != NULL && *project != '\0')
    g_string_append_printf (s, "%sproject=%s", s->len > 0 ? " " : "", project);
  return g_string_free (s, FALSE);
}

char *
hearsay_connect_describe (const char *host,
                          const char *port,
                          const char *database,
                          const char *project,
                          const char *user)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (user != NULL && *user != '\0')
    g_string_append_printf (s, "%s@", user);
  g_string_append (s, host != NULL && *host != '\0' ? host : "localhost");
  if (port != NULL && *port != '\0')
    g_string_append_printf (s, ":%s", port);
  g_string_append_printf (s, "/%s", database != NULL ? database : "");
  /* Translators: a server location, then the project in it */
  return g_strdup_printf (_("%s · %s"), s->str, project != NULL && *project != '\0' ? project : "hearsay");
}

void
hearsay_connect_remember (GSettings  *settings,
                          const char *host,
                          const char *port,
                          const char *database,
                          const char *project,
                          const char *user)
{
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *h, *p, *d, *j, *u;
  guint n = 1;

  if (settings == NULL)
    return;
  old = g_settings_get_value (settings, "recent-servers");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(sssss)"));
  g_variant_builder_add (&builder, "(sssss)", host, port, database, project, user);
  g_variant_iter_init (&iter, old);
  while (n < MAX_RECENT && g_variant_iter_next (&iter, "(&s&s&s&s&s)", &h, &p, &d, &j, &u))
    {
      if (g_str_equal (h, host) && g_str_equal (p, port) && g_str_equal (d, database) &&
          g_str_equal (j, project) && g_str_equal (u, user))
        continue;
      g_variant_builder_add (&builder, "(sssss)", h, p, d, j, u);
      n++;
    }
  g_settings_set_value (settings, "recent-servers", g_variant_builder_end (&builder));
}

/* The fields */

static const char *
field (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static void
show_message (HearsayConnectDialog *self,
              const char           *message,
              gboolean              is_error)
{
  hearsay_dialog_show_message (self->message_label, message, is_error);
}

static void
update_sensitivity (HearsayConnectDialog *self)
{
  gboolean busy = self->cancellable != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button), !busy && *field (self->database_entry) != '\0');
  gtk_widget_set_sensitive (GTK_WIDGET (self->recent_list), !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

static void
on_field_changed (HearsayConnectDialog *self)
{
  update_sensitivity (self);
}

void
hearsay_connect_dialog_set_fields (HearsayConnectDialog *self,
                                   const char           *host,
                                   const char           *port,
                                   const char           *database,
                                   const char           *project,
                                   const char           *user)
{
  g_return_if_fail (HEARSAY_IS_CONNECT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->host_entry), host ? host : "");
  gtk_editable_set_text (GTK_EDITABLE (self->port_entry), port ? port : "");
  gtk_editable_set_text (GTK_EDITABLE (self->database_entry), database ? database : "");
  gtk_editable_set_text (GTK_EDITABLE (self->project_entry), project ? project : "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_entry), user ? user : "");
  /* Another location: its password is asked again if needed. */
  self->asked = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  gtk_widget_set_visible (self->password_label, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->password_entry), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->remember_check), FALSE);
  show_message (self, NULL, FALSE);
}

static void
ask_password (HearsayConnectDialog *self)
{
  self->asked = TRUE;
  gtk_widget_set_visible (self->password_label, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->password_entry), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->remember_check), hearsay_connect_keyring_available ());
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
}

/* Connecting */

static void
open_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  HearsayProject *project = hearsay_project_open (data, HEARSAY_PROJECT_OPEN_DEFAULT, &error);

  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(HearsayConnectDialog) self = data;
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gboolean cancelled = g_cancellable_is_cancelled (self->cancellable);

  project = g_task_propagate_pointer (G_TASK (result), &error);
  g_clear_object (&self->cancellable);
  /* Closed meanwhile: the project goes, unused. */
  if (cancelled)
    {
      hearsay_project_set_server_password (self->location, NULL);
      wipe (&self->password);
      return;
    }
  update_sensitivity (self);
  if (project == NULL)
    {
      /* A wrong password is not kept for the next attempt. */
      hearsay_project_set_server_password (self->location, NULL);
      if (g_error_matches (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_AUTH) && self->password == NULL)
        {
          g_autofree char *message = NULL;
          const char *user = field (self->user_entry);

          ask_password (self);
          message = *user != '\0'
            ? g_strdup_printf (_("The server asks for the password of %s."), user)
            : g_strdup (_("The server asks for a password."));
          show_message (self, message, FALSE);
        }
      else
        {
          if (g_error_matches (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_AUTH))
            ask_password (self);
          show_message (self, error->message, TRUE);
        }
      wipe (&self->password);
      return;
    }
  if (self->password_typed && gtk_check_button_get_active (self->remember_check))
    hearsay_connect_keyring_store (field (self->host_entry), field (self->port_entry),
                                   field (self->database_entry), field (self->user_entry),
                                   self->password);
  wipe (&self->password);
  hearsay_connect_remember (self->settings, field (self->host_entry), field (self->port_entry),
                            field (self->database_entry), field (self->project_entry),
                            field (self->user_entry));
  g_signal_emit (self, signals[CONNECTED], 0, project);
  gtk_window_close (GTK_WINDOW (self));
}

static void
start_open (HearsayConnectDialog *self)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, on_opened, g_object_ref (self));

  /* In memory only, for this process's connections to this location
   * (the reader's and the comparison's second connections too). */
  if (self->password != NULL)
    hearsay_project_set_server_password (self->location, self->password);
  g_task_set_task_data (task, g_strdup (self->location), g_free);
  g_task_run_in_thread (task, open_thread);
}

static void
on_keyring_answered (GObject      *source,
                     GAsyncResult *result,
                     gpointer      data)
{
  g_autoptr(HearsayConnectDialog) self = data;

  self->password = hearsay_connect_keyring_lookup_finish (result);
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      wipe (&self->password);
      g_clear_object (&self->cancellable);
      return;
    }
  start_open (self);
}

void
hearsay_connect_dialog_connect (HearsayConnectDialog *self)
{
  const char *typed;

  g_return_if_fail (HEARSAY_IS_CONNECT_DIALOG (self));
  if (self->cancellable != NULL || *field (self->database_entry) == '\0')
    return;
  g_free (self->location);
  self->location = hearsay_connect_build_location (field (self->host_entry), field (self->port_entry),
                                                   field (self->database_entry), field (self->project_entry),
                                                   field (self->user_entry));
  self->cancellable = g_cancellable_new ();
  wipe (&self->password);
  typed = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));
  self->password_typed = self->asked && *typed != '\0';
  show_message (self, _("Connecting…"), FALSE);
  update_sensitivity (self);
  if (self->password_typed)
    {
      self->password = g_strdup (typed);
      start_open (self);
      return;
    }
  /* First the keyring, then libpq's own ~/.pgpass, then the prompt. */
  hearsay_connect_keyring_lookup (field (self->host_entry), field (self->port_entry),
                                  field (self->database_entry), field (self->user_entry),
                                  self->cancellable, on_keyring_answered, g_object_ref (self));
}

static void
on_connect_clicked (HearsayConnectDialog *self)
{
  hearsay_connect_dialog_connect (self);
}

static void
on_cancel_clicked (HearsayConnectDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

gboolean
hearsay_connect_dialog_is_busy (HearsayConnectDialog *self)
{
  g_return_val_if_fail (HEARSAY_IS_CONNECT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

const char *
hearsay_connect_dialog_get_message (HearsayConnectDialog *self)
{
  g_return_val_if_fail (HEARSAY_IS_CONNECT_DIALOG (self), NULL);
  return gtk_label_get_text (self->message_label);
}

gboolean
hearsay_connect_dialog_wants_password (HearsayConnectDialog *self)
{
  g_return_val_if_fail (HEARSAY_IS_CONNECT_DIALOG (self), FALSE);
  return self->asked;
}

void
hearsay_connect_dialog_set_password (HearsayConnectDialog *self,
                                     const char           *password)
{
  g_return_if_fail (HEARSAY_IS_CONNECT_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), password ? password : "");
}

/* The recent ones */

static void
on_recent_activated (HearsayConnectDialog *self,
                     GtkListBoxRow        *row)
{
  GVariant *entry = g_object_get_data (G_OBJECT (row), "location");
  const char *h, *p, *d, *j, *u;

  g_variant_get (entry, "(&s&s&s&s&s)", &h, &p, &d, &j, &u);
  hearsay_connect_dialog_set_fields (self, h, p, d, j, u);
  hearsay_connect_dialog_connect (self);
}

static void
fill_recent (HearsayConnectDialog *self)
{
  g_autoptr(GVariant) recent = NULL;
  GVariantIter iter;
  GVariant *entry;
  gboolean first = TRUE;

  if (self->settings == NULL)
    return;
  recent = g_settings_get_value (self->settings, "recent-servers");
  g_variant_iter_init (&iter, recent);
  while ((entry = g_variant_iter_next_value (&iter)) != NULL)
    {
      const char *h, *p, *d, *j, *u;
      g_autofree char *text = NULL;
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label;

      g_variant_get (entry, "(&s&s&s&s&s)", &h, &p, &d, &j, &u);
      text = hearsay_connect_describe (h, p, d, j, u);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_set_margin_start (label, 8);
      gtk_widget_set_margin_end (label, 8);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_widget_set_tooltip_text (row, _("Connect again"));
      g_object_set_data_full (G_OBJECT (row), "location", entry, (GDestroyNotify) g_variant_unref);
      gtk_list_box_append (self->recent_list, row);
      /* The last one is proposed in the fields too. */
      if (first)
        hearsay_connect_dialog_set_fields (self, h, p, d, j, u);
      first = FALSE;
    }
  gtk_widget_set_visible (self->recent_box, !first);
}

HearsayConnectDialog *
hearsay_connect_dialog_new (GtkWindow *parent,
                            GSettings *settings)
{
  HearsayConnectDialog *self = g_object_new (HEARSAY_TYPE_CONNECT_DIALOG,
                                             "transient-for", parent,
                                             NULL);

  g_set_object (&self->settings, settings);
  fill_recent (self);
  if (*field (self->user_entry) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->user_entry), g_get_user_name ());
  update_sensitivity (self);
  return self;
}

static gboolean
hearsay_connect_dialog_close_request (GtkWindow *window)
{
  HearsayConnectDialog *self = HEARSAY_CONNECT_DIALOG (window);

  /* A connection still being made is dropped when it arrives. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (hearsay_connect_dialog_parent_class)->close_request (window);
}

static void
hearsay_connect_dialog_dispose (GObject *object)
{
  HearsayConnectDialog *self = HEARSAY_CONNECT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARSAY_TYPE_CONNECT_DIALOG);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (hearsay_connect_dialog_parent_class)->dispose (object);
}

static void
hearsay_connect_dialog_finalize (GObject *object)
{
  HearsayConnectDialog *self = HEARSAY_CONNECT_DIALOG (object);

  wipe (&self->password);
  g_clear_object (&self->cancellable);
  g_free (self->location);
  G_OBJECT_CLASS (hearsay_connect_dialog_parent_class)->finalize (object);
}

static void
hearsay_connect_dialog_class_init (HearsayConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hearsay_connect_dialog_dispose;
  object_class->finalize = hearsay_connect_dialog_finalize;
  window_class->close_request = hearsay_connect_dialog_close_request;

  /* The project just opened; the handler takes its own reference. */
  signals[CONNECTED] =
    g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, HEARSAY_TYPE_PROJECT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearsay/Hearsay/dialogs/hearsay-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HearsayConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayConnectDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayConnectDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, HearsayConnectDialog, recent_box);
  gtk_widget_class_bind_template_child (widget_class, HearsayConnectDialog, recent_list);
  gtk_widget_class_bind_template_child (widget_class, HearsayConnectDialog, host_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayConnectDialog, port_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayConnectDialog, database_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayConnectDialog, project_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayConnectDialog, user_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayConnectDialog, password_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayConnectDialog, password_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayConnectDialog, remember_check);
  gtk_widget_class_bind_template_child (widget_class, HearsayConnectDialog, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_connect_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_activated);
}

static void
hearsay_connect_dialog_init (HearsayConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->connect_button));
  hearsay_dialog_add_close_shortcut (GTK_WINDOW (self));
}
