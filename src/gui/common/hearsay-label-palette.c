/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-label-palette.c: the label buttons above the reader. */
#include "config.h"

#include <glib/gi18n.h>

#include "hearsay-widget-util.h"

#include "hearsay-label-palette.h"

/* Buttons are laid out in a grid of 2–4 columns, chosen from the width
 * (a button needs about BUTTON_WIDTH pixels to show its name). */
#define MIN_COLUMNS 2
#define MAX_COLUMNS 4
#define BUTTON_WIDTH 200

struct _HearsayLabelPalette
{
  GtkWidget parent_instance;

  guint columns;
  guint relayout_idle;

  GtkGrid *grid;
};

G_DEFINE_FINAL_TYPE (HearsayLabelPalette, hearsay_label_palette, GTK_TYPE_WIDGET)

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  const GdkRGBA *rgba = data;
  double r = 3;

  cairo_new_sub_path (cr);
  cairo_arc (cr, width - r, r, r, -G_PI / 2, 0);
  cairo_arc (cr, width - r, height - r, r, 0, G_PI / 2);
  cairo_arc (cr, r, height - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, r, r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, rgba);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

GtkWidget *
hearsay_label_swatch_new (const char *color)
{
  GtkWidget *area = gtk_drawing_area_new ();
  GdkRGBA *rgba = g_new0 (GdkRGBA, 1);

  if (color == NULL || !gdk_rgba_parse (rgba, color))
    gdk_rgba_parse (rgba, "#c8c8c8");
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 14);
  gtk_widget_set_valign (area, GTK_ALIGN_CENTER);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_swatch, rgba, g_free);
  gtk_widget_add_css_class (area, "swatch");
  return area;
}

static GtkWidget *
create_button (const HearsayLabel *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *display = hearsay_scheme_translate (label->name);
  GtkWidget *name = gtk_label_new (display);

  gtk_box_append (GTK_BOX (box), hearsay_label_swatch_new (label->color));
  if (label->key > 0)
    {
      g_autofree char *key = g_strdup_printf ("%u", label->key);
      GtkWidget *key_label = gtk_label_new (key);

      gtk_widget_add_css_class (key_label, "key");
      gtk_box_append (GTK_BOX (box), key_label);
    }
  /* Ellipsized names let the palette fit a narrow pane. */
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (name), 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (box), name);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "label-button");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "reader.annotate");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", label->id);
  /* Clicking must not take the focus away from the reader's selection. */
  gtk_widget_set_focus_on_click (button, FALSE);
  {
    g_autofree char *tooltip = NULL;

    if (label->description != NULL)
      tooltip = g_strdup_printf ("%s (%u) — %s", display, label->key,
                                 hearsay_scheme_translate (label->description));
    else
      tooltip = g_strdup_printf ("%s (%u)", display, label->key);
    gtk_widget_set_tooltip_text (button, tooltip);
  }
  return button;
}

static void
attach_buttons (HearsayLabelPalette *self)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *child;

  /* Children come back in the order they were attached. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (buttons, g_object_ref (child));
  for (guint i = 0; i < buttons->len; i++)
    gtk_grid_remove (self->grid, g_ptr_array_index (buttons, i));
  for (guint i = 0; i < buttons->len; i++)
    gtk_grid_attach (self->grid, g_ptr_array_index (buttons, i),
                     i % self->columns, i / self->columns, 1, 1);
}

static gboolean
relayout_cb (gpointer data)
{
  HearsayLabelPalette *self = data;

  self->relayout_idle = 0;
  attach_buttons (self);
  return G_SOURCE_REMOVE;
}

static void
hearsay_label_palette_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  HearsayLabelPalette *self = HEARSAY_LABEL_PALETTE (widget);
  guint columns = CLAMP (width / BUTTON_WIDTH, MIN_COLUMNS, MAX_COLUMNS);

  /* Re-attaching changes the size request: do it after this allocation. */
  if (columns != self->columns && self->relayout_idle == 0)
    {
      self->columns = columns;
      self->relayout_idle = g_idle_add (relayout_cb, self);
    }
  gtk_widget_allocate (GTK_WIDGET (self->grid), width, height, baseline, NULL);
}

static void
hearsay_label_palette_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  HearsayLabelPalette *self = HEARSAY_LABEL_PALETTE (widget);

  gtk_widget_measure (GTK_WIDGET (self->grid), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

void
hearsay_label_palette_set_scheme (HearsayLabelPalette *self,
                                  HearsayScheme       *scheme)
{
  GtkWidget *child;

  g_return_if_fail (HEARSAY_IS_LABEL_PALETTE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  if (scheme == NULL)
    return;
  for (guint i = 0; i < hearsay_scheme_get_n_labels (scheme); i++)
    {
      GtkWidget *button = create_button (hearsay_scheme_get_label (scheme, i));

      gtk_grid_attach (self->grid, button, i % self->columns, i / self->columns, 1, 1);
    }
}

static void
hearsay_label_palette_dispose (GObject *object)
{
  HearsayLabelPalette *self = HEARSAY_LABEL_PALETTE (object);

  g_clear_handle_id (&self->relayout_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), HEARSAY_TYPE_LABEL_PALETTE);
  /* The template's unnamed root child is ours to unparent. */
  hearsay_widget_unparent_children (GTK_WIDGET (object));
  G_OBJECT_CLASS (hearsay_label_palette_parent_class)->dispose (object);
}

static void
hearsay_label_palette_class_init (HearsayLabelPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearsay_label_palette_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearsay/Hearsay/common/hearsay-label-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, HearsayLabelPalette, grid);
  /* No layout manager: size_allocate picks the number of columns. */
  widget_class->size_allocate = hearsay_label_palette_size_allocate;
  widget_class->measure = hearsay_label_palette_measure;
  gtk_widget_class_set_css_name (widget_class, "hearsay-label-palette");
}

static void
hearsay_label_palette_init (HearsayLabelPalette *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->columns = MAX_COLUMNS;
}
