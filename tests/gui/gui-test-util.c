/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gui-test-util.c: start-up, logging, main-loop, window and text
 * helpers for the GUI tests. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"

static char *data_home;

static const char *
get_domain (const GLogField *fields,
            gsize            n_fields)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
      return fields[i].value;
  return NULL;
}

/* Every warning and critical fails the test, whatever its domain: a GTK
 * CRITICAL or a GLib "invalid cast" warning is a bug of ours. Debug and info
 * messages pass. */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  GLogWriterOutput ret = g_log_writer_default (level, fields, n_fields, user_data);

  if (level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    {
      const char *domain = get_domain (fields, n_fields);

      g_printerr ("Bail out! Unexpected %s message (see above)\n", domain != NULL ? domain : "Hearsay");
      abort ();
    }
  return ret;
}

void
gui_test_init (int    *argc,
               char ***argv)
{
  /* GTK 4 would look for the accessibility bus on the session bus. */
  g_setenv ("GTK_A11Y", "none", FALSE);
  g_log_set_writer_func (log_writer, NULL, NULL);
  gtk_test_init (argc, argv, NULL);
  /* g_test_init() made warnings and criticals fatal already; the writer
   * also catches those logged with g_log_structured () and says so in TAP. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
}

void
gui_test_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

gboolean
gui_test_wait_for (gboolean (*done) (gpointer),
                   gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  gui_test_iterate ();
  return TRUE;
}

const char *
gui_test_init_data_home (int          *argc,
                         char       ***argv,
                         const char   *tmpl)
{
  g_autoptr(GError) error = NULL;

  data_home = g_dir_make_tmp (tmpl, &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  gui_test_init (argc, argv);
  return data_home;
}

int
gui_test_run (void)
{
  int ret = g_test_run ();

  if (data_home != NULL)
    gui_test_remove_tree (data_home);
  g_clear_pointer (&data_home, g_free);
  return ret;
}

void
gui_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        gui_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

gboolean
gui_test_window_has_document (gpointer window)
{
  return hearsay_reader_get_document (hearsay_window_get_reader (window)) != NULL;
}

HearsayWindow *
gui_test_open_window (HearsayProject *project)
{
  HearsayWindow *window = hearsay_window_new (NULL, project);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_for (gui_test_window_has_document, window));
  return window;
}

void
gui_test_destroy_all_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (toplevel);
    }
  gui_test_iterate ();
}

gint64
gui_test_offset_of (const char *text,
                    const char *needle)
{
  const char *at = strstr (text, needle);

  g_assert_nonnull (at);
  return g_utf8_pointer_to_offset (text, at);
}

void
gui_test_select_range (HearsayReader *reader,
                       gint64         start,
                       gint64         end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (hearsay_reader_get_view (reader)));
  GtkTextIter s, e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, (int) start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, (int) end);
  gtk_text_buffer_select_range (buffer, &s, &e);
}

GtkShortcut *
gui_test_find_shortcut (GtkWidget       *widget,
                        guint            keyval,
                        GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  /* Triggers store a normalized keyval (ISO_Left_Tab becomes Tab). */
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && gtk_shortcut_trigger_equal (trigger, wanted))
            return g_steal_pointer (&shortcut);
        }
    }
  return NULL;
}

gboolean
gui_test_press_shortcut (GtkWidget *widget,
                         guint      keyval)
{
  g_autoptr(GtkShortcut) shortcut = gui_test_find_shortcut (widget, keyval, 0);

  g_assert_nonnull (shortcut);
  return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                       gtk_shortcut_get_arguments (shortcut));
}
