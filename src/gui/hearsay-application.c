/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-application.c: start-up, the project opened first, app actions. */
#include "config.h"

#include <glib/gi18n.h>

#include "hearsay-application.h"
#include "hearsay-error.h"
#include "hearsay-import.h"
#include "hearsay-window.h"

struct _HearsayApplication
{
  GtkApplication parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (HearsayApplication, hearsay_application, GTK_TYPE_APPLICATION)

void
hearsay_show_error (GtkWindow  *parent,
                    const char *message,
                    const char *detail)
{
  GtkWidget *dialog;

  dialog = gtk_message_dialog_new (parent,
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                   "%s", message);
  if (detail != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", detail);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

GSettings *
hearsay_application_get_settings (HearsayApplication *self)
{
  g_return_val_if_fail (HEARSAY_IS_APPLICATION (self), NULL);
  return self->settings;
}

void
hearsay_application_setup_project (HearsayApplication *self,
                                   HearsayProject     *project)
{
  g_autofree char *name = g_settings_get_string (self->settings, "annotator-name");

  if (name[0] != '\0')
    hearsay_project_set_annotator (project, name);
}

static HearsayWindow *
get_window (HearsayApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return HEARSAY_IS_WINDOW (window) ? HEARSAY_WINDOW (window) : NULL;
}

/* Opens the last project, or the default one; a failure is shown once the
 * window exists, and the default project is used instead. */
static void
hearsay_application_activate (GApplication *app)
{
  HearsayApplication *self = HEARSAY_APPLICATION (app);
  g_autoptr(HearsayProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) default_error = NULL;
  g_autofree char *last = NULL;
  HearsayWindow *window;

  if ((window = get_window (self)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  last = g_settings_get_string (self->settings, "last-project");
  if (last[0] != '\0')
    project = hearsay_project_open (last, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
  if (project == NULL)
    project = hearsay_import_open_default_project (&default_error);
  if (project != NULL)
    hearsay_application_setup_project (self, project);

  window = hearsay_window_new (self, project);
  gtk_window_present (GTK_WINDOW (window));

  /* A server that wants a password libpq did not find: Connect to
   * Server… asks for it (or finds it in the keyring), over the default
   * project. */
  if (error != NULL && hearsay_project_location_is_server (last) &&
      g_error_matches (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_AUTH) &&
      hearsay_window_connect_recent (window, 0))
    g_clear_error (&error);
  if (error != NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("Could not open the project “%s”"), last);
      hearsay_show_error (GTK_WINDOW (window), msg, error->message);
    }
  if (default_error != NULL)
    hearsay_show_error (GTK_WINDOW (window), _("Could not open the default project"),
                        default_error->message);
}

/* Articles given on the command line or by the file manager (an article.txt,
 * page.html, a brat folder…) are imported into the open project, or the last
 * one, as an analyst expects; only other files are opened as projects. The
 * format of the first file decides, as in the import dialog. */
static gboolean
import_files (HearsayApplication  *self,
              GFile              **files,
              int                  n_files)
{
  g_autofree char *first = g_file_get_path (files[0]);
  const char *format = first != NULL ? hearsay_import_guess_format (first) : NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  HearsayWindow *window;

  if (format == NULL)
    return FALSE;
  for (int i = 0; i < n_files; i++)
    {
      char *path = g_file_get_path (files[i]);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  if ((window = get_window (self)) == NULL)
    {
      hearsay_application_activate (G_APPLICATION (self));
      window = get_window (self);
    }
  if (window == NULL)
    return TRUE;
  gtk_window_present (GTK_WINDOW (window));
  if (!hearsay_window_import_paths (window, format, (const char * const *) paths->pdata, &error)
      && error != NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("Could not import “%s”"), first);

      hearsay_show_error (GTK_WINDOW (window), msg, error->message);
    }
  return TRUE;
}

/* A file's path, or the location of a server project given as a
 * postgresql:// URL (GIO makes it a GFile without a path). */
static char *
project_location (GFile *file)
{
  g_autofree char *uri = NULL;

  if (g_file_is_native (file))
    return g_file_get_path (file);
  uri = g_file_get_uri (file);
  if (uri != NULL && hearsay_project_location_is_server (uri))
    return g_steal_pointer (&uri);
  return g_file_get_path (file);
}

static void
hearsay_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  HearsayApplication *self = HEARSAY_APPLICATION (app);
  HearsayWindow *window;

  if (import_files (self, files, n_files))
    return;
  if ((window = get_window (self)) == NULL)
    {
      g_autoptr(HearsayProject) project = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *path = project_location (files[0]);
      g_autofree char *uri = g_file_get_uri (files[0]);

      if (path != NULL)
        project = hearsay_project_open (path, HEARSAY_PROJECT_OPEN_DEFAULT, &error);
      if (project == NULL)
        {
          g_autofree char *msg = NULL;

          /* Keep the user's file untouched, show the default project instead. */
          hearsay_application_activate (app);
          msg = g_strdup_printf (_("Could not open the project “%s”"),
                                 path != NULL ? path : uri);
          hearsay_show_error (gtk_application_get_active_window (GTK_APPLICATION (app)),
                              msg, error != NULL ? error->message : NULL);
          return;
        }
      hearsay_application_setup_project (self, project);
      window = hearsay_window_new (self, project);
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  hearsay_window_open_file (window, files[0]);
  gtk_window_present (GTK_WINDOW (window));
}

static void
forward_to_window (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  HearsayApplication *self = user_data;
  HearsayWindow *window = get_window (self);

  if (window != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (window),
                                    g_action_get_name (G_ACTION (action)), NULL);
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  HearsayApplication *self = user_data;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource ("/org/hearsay/Hearsay/hearsay-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts"));
  gtk_window_set_transient_for (shortcuts, gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (shortcuts);
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  HearsayApplication *self = user_data;
  static const char *authors[] = { "The Hearsay authors", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "program-name", "Hearsay",
                         "version", PACKAGE_VERSION,
                         "comments", _("Highlight and tag claims, sources, attribution and framing in news articles"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "logo-icon-name", APP_ID,
                         "authors", authors,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing the windows lets them save their state first. */
  while (windows != NULL)
    {
      GList *next = windows->next;

      gtk_window_close (windows->data);
      windows = next;
    }
  g_application_quit (app);
}

static const GActionEntry app_actions[] = {
  { "new-project", forward_to_window },
  { "open-project", forward_to_window },
  { "save-copy", forward_to_window },
  { "import-text", forward_to_window },
  { "export", forward_to_window },
  { "shortcuts", shortcuts_action },
  { "about", about_action },
  { "quit", quit_action },
};

void
hearsay_application_load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) css = NULL;

  if (loaded)
    return;
  loaded = TRUE;
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/org/hearsay/Hearsay/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
hearsay_application_startup (GApplication *app)
{
  static const struct { const char *action; const char *accels[2]; } accels[] = {
    { "app.new-project", { "<Control>n", NULL } },
    { "app.open-project", { "<Control>o", NULL } },
    { "app.save-copy", { "<Shift><Control>s", NULL } },
    { "app.import-text", { "<Control>i", NULL } },
    { "app.export", { "<Shift><Control>e", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.edit-scheme", { "<Control>e", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.undo-project", { "<Control><Alt>z", NULL } },
    { "win.redo-project", { "<Shift><Control><Alt>z", NULL } },
    { "win.focus-toast", { "F6", NULL } },
  };
  static const char *redo_accels[] = { "<Shift><Control>z", "<Control>y", NULL };
  G_APPLICATION_CLASS (hearsay_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app),
                                           accels[i].action, accels[i].accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.redo", redo_accels);

  gtk_window_set_default_icon_name (APP_ID);
  hearsay_application_load_css ();
}

static void
hearsay_application_dispose (GObject *object)
{
  HearsayApplication *self = HEARSAY_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (hearsay_application_parent_class)->dispose (object);
}

static void
hearsay_application_class_init (HearsayApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = hearsay_application_dispose;
  app_class->activate = hearsay_application_activate;
  app_class->open = hearsay_application_open;
  app_class->startup = hearsay_application_startup;
}

static void
hearsay_application_init (HearsayApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}

HearsayApplication *
hearsay_application_new (void)
{
  return g_object_new (HEARSAY_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/hearsay/Hearsay",
                       NULL);
}
