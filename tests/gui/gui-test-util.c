/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gui-test-util.c: start-up, logging, main-loop, window and text
 * helpers for the GUI tests. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

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

/* Real events */

gboolean
gui_test_can_send_events (void)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

#ifdef GDK_WINDOWING_X11
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
#endif
    {
      g_test_skip ("real pointer and key events need an X11 display (Xvfb)");
      return FALSE;
    }
  if (xdotool == NULL)
    {
      g_test_skip ("real pointer and key events need xdotool (apt-get install xdotool)");
      return FALSE;
    }
  return TRUE;
}

void
gui_test_xdotool (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  /* What GTK sent the X server (a new window, a grab) is there first. */
  gdk_display_flush (gdk_display_get_default ());
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("xdotool failed: %s %s", error->message, err != NULL ? err : "");
}

typedef struct
{
  HearsayReader *reader;
  gint64 offset;
} ShowWait;

static gboolean
offset_shown (gpointer data)
{
  ShowWait *wait = data;
  GtkTextView *view = GTK_TEXT_VIEW (hearsay_reader_get_view (wait->reader));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GdkRectangle visible, location;
  GtkTextIter iter;

  if (!gtk_widget_get_mapped (GTK_WIDGET (view)))
    return FALSE;
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) wait->offset);
  gtk_text_view_get_iter_location (view, &iter, &location);
  return visible.height > 0 && location.height > 0 &&
         location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

void
gui_test_show_offset (HearsayReader *reader,
                      gint64         offset)
{
  ShowWait wait = { reader, offset };

  if (!offset_shown (&wait))
    hearsay_reader_scroll_to_offset (reader, offset);
  g_assert_true (gui_test_wait_for (offset_shown, &wait));
}

/* The middle of the character at @offset (with @leading_edge, a pixel
 * inside its leading edge: the boundary before it, where a press puts the
 * caret), in the coordinates of the X window under the reader's toplevel,
 * as decimal strings for xdotool. */
static void
text_point (HearsayReader  *reader,
            gint64          offset,
            gboolean        leading_edge,
            char          **xid,
            char          **x,
            char          **y)
{
  GtkTextView *view = GTK_TEXT_VIEW (hearsay_reader_get_view (reader));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (view));
  GdkRectangle location;
  GtkTextIter iter;
  graphene_point_t point, in_native;
  double sx, sy;
  int wx, wy;

  gui_test_show_offset (reader, offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  gtk_text_view_get_iter_location (view, &iter, &location);
  /* Right-to-left characters come with a negative width: x is their
   * leading (right) edge then. */
  if (leading_edge)
    location.x += location.width < 0 ? -1 : 1;
  else
    location.x += location.width / 2;
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x, location.y + location.height / 2,
                                         &wx, &wy);
  point = GRAPHENE_POINT_INIT (wx, wy);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), GTK_WIDGET (native), &point, &in_native));
  gtk_native_get_surface_transform (native, &sx, &sy);
#ifdef GDK_WINDOWING_X11
  *xid = g_strdup_printf ("%lu", (unsigned long) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
#else
  g_assert_not_reached ();
#endif
  *x = g_strdup_printf ("%d", (int) (in_native.x + sx));
  *y = g_strdup_printf ("%d", (int) (in_native.y + sy));
}

void
gui_test_click_text (HearsayReader *reader,
                     gint64         offset)
{
  g_autofree char *xid = NULL, *x = NULL, *y = NULL;

  text_point (reader, offset, FALSE, &xid, &x, &y);
  {
    const char *args[] = { "mousemove", "--window", xid, x, y, "click", "1", NULL };

    gui_test_xdotool (args);
  }
}

static void
drag (HearsayReader *reader,
      gint64         from,
      gint64         to,
      gboolean       boundaries)
{
  g_autofree char *xid = NULL, *x1 = NULL, *y1 = NULL, *x2 = NULL, *y2 = NULL;

  text_point (reader, from, boundaries, &xid, &x1, &y1);
  g_free (xid);
  text_point (reader, to, boundaries, &xid, &x2, &y2);
  {
    const char *args[] = { "mousemove", "--window", xid, x1, y1, "mousedown", "1",
                           "mousemove", "--window", xid, x2, y2, "mouseup", "1", NULL };

    gui_test_xdotool (args);
  }
}

void
gui_test_drag_text (HearsayReader *reader,
                    gint64         from,
                    gint64         to)
{
  drag (reader, from, to, FALSE);
}

void
gui_test_drag_span (HearsayReader *reader,
                    gint64         start,
                    gint64         end)
{
  drag (reader, start, end, TRUE);
}

void
gui_test_press_keys (const char * const *keys)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "key");
  for (guint i = 0; keys[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) keys[i]);
  g_ptr_array_add (args, NULL);
  gui_test_xdotool ((const char * const *) args->pdata);
}
