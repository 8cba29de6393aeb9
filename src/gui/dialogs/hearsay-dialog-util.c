/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-dialog-util.c: small pieces the dialogs share. */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hearsay-dialog-util.h"

static void
swatch_draw (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  const char *color = g_object_get_data (G_OBJECT (area), "hearsay-color");
  GdkRGBA rgba;

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    gdk_rgba_parse (&rgba, "#9a9996");
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

GtkWidget *
hearsay_dialog_swatch_new (const char *color)
{
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 14);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), swatch_draw, NULL, NULL);
  hearsay_dialog_swatch_set_color (area, color);
  return area;
}

void
hearsay_dialog_swatch_set_color (GtkWidget  *swatch,
                                 const char *color)
{
  g_object_set_data_full (G_OBJECT (swatch), "hearsay-color", g_strdup (color), g_free);
  gtk_widget_queue_draw (swatch);
}

const char *
hearsay_dialog_label_name (HearsayScheme *scheme,
                           const char    *label_id)
{
  const HearsayLabel *label = scheme ? hearsay_scheme_lookup_label (scheme, label_id) : NULL;

  if (label == NULL || label->name == NULL || *label->name == '\0')
    return label_id;
  return hearsay_scheme_translate (label->name);
}

void
hearsay_dialog_show_message (GtkLabel   *label,
                             const char *message,
                             gboolean    is_error)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL && *message != '\0');
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

gboolean
hearsay_dialog_text_matches (const char *haystack,
                             const char *needle)
{
  g_autofree char *h = NULL;
  g_autofree char *n = NULL;

  if (needle == NULL || *needle == '\0')
    return TRUE;
  if (haystack == NULL)
    return FALSE;
  h = g_utf8_casefold (haystack, -1);
  n = g_utf8_casefold (needle, -1);
  return strstr (h, n) != NULL;
}

void
hearsay_dialog_add_close_shortcut (GtkWindow *window)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}
