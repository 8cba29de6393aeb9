/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gui-test-util.h: what the GUI tests share. */
#pragma once

#include <gtk/gtk.h>

#include "hearsay-window.h"

G_BEGIN_DECLS

/* gtk_test_init plus a log writer that makes criticals fatal. */
void     gui_test_init           (int          *argc,
                                  char       ***argv);
/* Runs the main loop until nothing is pending. */
void     gui_test_iterate        (void);
/* Runs the main loop until @done returns TRUE (or 5 s pass). */
gboolean gui_test_wait_for       (gboolean   (*done) (gpointer),
                                  gpointer      data);

/* gui_test_init() with a new temporary directory as $XDG_DATA_HOME
 * (set before GLib reads it): the default project and the tests' files go
 * there. Returns the directory. */
const char *gui_test_init_data_home (int          *argc,
                                     char       ***argv,
                                     const char   *tmpl);
/* g_test_run(), then deletes the data home of gui_test_init_data_home(). */
int         gui_test_run            (void);
/* Deletes @path and everything below it (not what symbolic links point to). */
void        gui_test_remove_tree    (const char   *path);

/* Presents a window on @project and waits until it shows a document. */
HearsayWindow *gui_test_open_window        (HearsayProject *project);
/* For gui_test_wait_for(): TRUE once the HearsayWindow shows a document. */
gboolean       gui_test_window_has_document (gpointer       window);
/* Destroys every toplevel of the process (dialogs too) and lets them go. */
void           gui_test_destroy_all_windows (void);

/* The code-point offset of the first @needle in @text (which must hold it). */
gint64   gui_test_offset_of      (const char    *text,
                                  const char    *needle);
/* Selects code points @start to @end of the reader's text, as a drag would. */
void     gui_test_select_range   (HearsayReader *reader,
                                  gint64         start,
                                  gint64         end);
/* @widget's own shortcut (a new reference) for @keyval with exactly
 * @modifiers, or NULL. */
GtkShortcut *gui_test_find_shortcut (GtkWidget       *widget,
                                     guint            keyval,
                                     GdkModifierType  modifiers);
/* Does what pressing @keyval (no modifier) in @widget does: finds the
 * widget's own shortcut for that key and activates its action from there. */
gboolean gui_test_press_shortcut (GtkWidget     *widget,
                                  guint          keyval);


/* Real pointer and key events, through the X server (xdotool, XTest):
 * what GTK gets from a user, in the order a user makes them. Tests that
 * need them are skipped (with the reason) without xdotool or off X11. */
gboolean gui_test_can_send_events (void);
/* Runs xdotool with @args (NULL-terminated); the events are queued for
 * this process when it returns. */
void     gui_test_xdotool        (const char * const *args);
/* Scrolls code point @offset of the reader's text into view and waits for
 * it to be laid out and shown. */
void     gui_test_show_offset    (HearsayReader *reader,
                                  gint64         offset);
/* A press and release of button 1 on the character at @offset (its
 * middle), as the hand does it. */
void     gui_test_click_text     (HearsayReader *reader,
                                  gint64         offset);
/* A drag with button 1 from the middle of the character at @from to the
 * middle of the one at @to. */
void     gui_test_drag_text      (HearsayReader *reader,
                                  gint64         from,
                                  gint64         to);
/* A drag with button 1 from the boundary before code point @start to the
 * one before @end (a pixel inside each character's leading edge): what the
 * hand covers is exactly [@start, @end). @end must not end a line. */
void     gui_test_drag_span      (HearsayReader *reader,
                                  gint64         start,
                                  gint64         end);
/* Presses the xdotool key names in @keys ("Delete", "shift+Right", "1"). */
void     gui_test_press_keys     (const char * const *keys);

G_END_DECLS
