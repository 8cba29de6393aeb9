/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-reader-view.c: a GtkTextView laid out as a centred reading column,
 * which draws the reader's overlay (overlap bars, outlines, relation arcs)
 * in its layer above the text, maps the reader's keys to the reader's own
 * actions (reader.*) and tells clicks on highlights from pointer
 * selections. */
#include "config.h"

#include "hearsay-reader-overlay-private.h"
#include "hearsay-reader-view.h"

#define COLUMN_EMS 42
#define MIN_MARGIN 24

struct _HearsayReaderView
{
  GtkTextView parent_instance;

  int column_margin;
  gboolean pressed;
  guint click_idle;
  int click_x;
  int click_y;
  HearsayOverlay *overlay;
};

G_DEFINE_FINAL_TYPE (HearsayReaderView, hearsay_reader_view, GTK_TYPE_TEXT_VIEW)

enum {
  PROP_0,
  PROP_COLUMN_MARGIN,
  N_PROPS
};

enum {
  SPAN_CLICKED,
  POINTER_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static int
get_em (HearsayReaderView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  double size;

  if (font == NULL || pango_font_description_get_size (font) == 0)
    return 16;
  size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (font))
    size = size * 96.0 / 72.0;
  return MAX (8, (int) (size + 0.5));
}

int
hearsay_reader_view_compute_margin (HearsayReaderView *self,
                                    int                width)
{
  int column;

  g_return_val_if_fail (HEARSAY_IS_READER_VIEW (self), MIN_MARGIN);
  column = COLUMN_EMS * get_em (self);
  return MAX (MIN_MARGIN, (width - column) / 2);
}

static void
hearsay_reader_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  HearsayReaderView *self = HEARSAY_READER_VIEW (widget);
  GtkTextView *view = GTK_TEXT_VIEW (widget);
  int margin = hearsay_reader_view_compute_margin (self, width);

  /* Only touch the margins when they change: setting them invalidates the
   * layout. */
  if (margin != self->column_margin)
    {
      self->column_margin = margin;
      gtk_text_view_set_left_margin (view, margin);
      gtk_text_view_set_right_margin (view, margin);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN_MARGIN]);
    }

  GTK_WIDGET_CLASS (hearsay_reader_view_parent_class)->size_allocate (widget, width, height, baseline);
}

/* Runs once GtkTextView has handled the release (placed the caret,
 * selected a word on a double click, ended a drag). */
static gboolean
emit_click (gpointer data)
{
  HearsayReaderView *self = data;
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;
  int bx, by, trailing;

  self->click_idle = 0;
  /* A drag, a double or triple click, a Shift+click: the pointer made a
   * selection, which is not a click on a highlight. A press and release
   * that selected nothing is a click, even if the hand moved a little. */
  if (gtk_text_buffer_get_has_selection (buffer))
    {
      g_signal_emit (self, signals[POINTER_SELECTED], 0);
      return G_SOURCE_REMOVE;
    }
  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET,
                                         self->click_x, self->click_y, &bx, &by);
  /* The character clicked, not the nearest cursor position. */
  if (gtk_text_view_get_iter_at_position (view, &iter, &trailing, bx, by))
    g_signal_emit (self, signals[SPAN_CLICKED], 0, gtk_text_iter_get_offset (&iter));
  else
    g_signal_emit (self, signals[SPAN_CLICKED], 0, -1);
  return G_SOURCE_REMOVE;
}

void
hearsay_reader_view_flush_click (HearsayReaderView *self)
{
  g_return_if_fail (HEARSAY_IS_READER_VIEW (self));

  if (self->click_idle == 0)
    return;
  g_clear_handle_id (&self->click_idle, g_source_remove);
  emit_click (self);
}

/* The text view claims its own click gesture, so watch the raw events in
 * the capture phase and let them through. What a release means is decided
 * once the text view has handled it, in an idle of high priority: at the
 * default idle priority it waited behind GtkTextView's relayout (125) for
 * up to half a second, and a key pressed meanwhile (Delete, F, L) acted on
 * the annotation selected before the click. The reader's actions also
 * flush a pending click first (hearsay_reader_view_flush_click). */
static gboolean
on_legacy_event (GtkEventControllerLegacy *controller,
                 GdkEvent                 *event,
                 HearsayReaderView        *self)
{
  GdkEventType type = gdk_event_get_event_type (event);
  double x, y;

  if (type != GDK_BUTTON_PRESS && type != GDK_BUTTON_RELEASE)
    return GDK_EVENT_PROPAGATE;
  if (gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY)
    return GDK_EVENT_PROPAGATE;
  if (!gdk_event_get_position (event, &x, &y))
    return GDK_EVENT_PROPAGATE;
  gtk_widget_translate_coordinates (GTK_WIDGET (gtk_widget_get_native (GTK_WIDGET (self))),
                                    GTK_WIDGET (self), x, y, &x, &y);
  {
    /* Event positions are relative to the surface; the native's own
     * transform (e.g. CSD shadow) is taken into account here. */
    double nx, ny;

    gtk_native_get_surface_transform (gtk_widget_get_native (GTK_WIDGET (self)), &nx, &ny);
    x -= nx;
    y -= ny;
  }

  if (type == GDK_BUTTON_PRESS)
    {
      /* A click still pending belongs before this press. */
      hearsay_reader_view_flush_click (self);
      self->pressed = TRUE;
    }
  else if (self->pressed)
    {
      self->pressed = FALSE;
      self->click_x = (int) x;
      self->click_y = (int) y;
      g_clear_handle_id (&self->click_idle, g_source_remove);
      self->click_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, emit_click, self, NULL);
    }
  return GDK_EVENT_PROPAGATE;
}

static void
hearsay_reader_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HearsayReaderView *self = HEARSAY_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_COLUMN_MARGIN:
      g_value_set_int (value, self->column_margin);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_reader_view_dispose (GObject *object)
{
  HearsayReaderView *self = HEARSAY_READER_VIEW (object);

  g_clear_handle_id (&self->click_idle, g_source_remove);
  G_OBJECT_CLASS (hearsay_reader_view_parent_class)->dispose (object);
}

static void
hearsay_reader_view_snapshot_layer (GtkTextView      *view,
                                    GtkTextViewLayer  layer,
                                    GtkSnapshot      *snapshot)
{
  HearsayReaderView *self = HEARSAY_READER_VIEW (view);

  if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT && self->overlay != NULL)
    hearsay_overlay_snapshot (self->overlay, view, snapshot);
}

void
hearsay_reader_view_set_overlay (HearsayReaderView *self,
                                 HearsayOverlay    *overlay)
{
  g_return_if_fail (HEARSAY_IS_READER_VIEW (self));
  self->overlay = overlay;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_hover (HearsayReaderView *self,
           gint64             id)
{
  if (self->overlay == NULL || self->overlay->hover_id == id)
    return;
  self->overlay->hover_id = id;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           HearsayReaderView        *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkTextIter iter;
  GdkRectangle location;
  int bx, by, trailing;

  if (self->overlay == NULL)
    return;
  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  /* Only over a character: the end of a short line is no hover. */
  if (!gtk_text_view_get_iter_at_position (view, &iter, &trailing, bx, by))
    {
      set_hover (self, 0);
      return;
    }
  gtk_text_view_get_iter_location (view, &iter, &location);
  /* Right-to-left characters come with a negative width. */
  if (location.width < 0)
    {
      location.x += location.width;
      location.width = -location.width;
    }
  if (bx < location.x - 1 || bx > location.x + location.width + 1 ||
      by < location.y || by > location.y + location.height)
    {
      set_hover (self, 0);
      return;
    }
  set_hover (self, hearsay_overlay_innermost_at (self->overlay, gtk_text_iter_get_offset (&iter)));
}

static void
on_leave (GtkEventControllerMotion *controller,
          HearsayReaderView        *self)
{
  set_hover (self, 0);
}

static void
hearsay_reader_view_class_init (HearsayReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hearsay_reader_view_get_property;
  object_class->dispose = hearsay_reader_view_dispose;
  widget_class->size_allocate = hearsay_reader_view_size_allocate;
  GTK_TEXT_VIEW_CLASS (klass)->snapshot_layer = hearsay_reader_view_snapshot_layer;

  properties[PROP_COLUMN_MARGIN] =
    g_param_spec_int ("column-margin", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A click without a drag at (code-point offset), -1 when not on text. */
  signals[SPAN_CLICKED] =
    g_signal_new ("span-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  /* The pointer ended a selection (a drag, a double click): the reader
   * snaps it to words, where it should, before anything reads it. Never
   * emitted for a selection made with the keyboard. */
  signals[POINTER_SELECTED] =
    g_signal_new ("pointer-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static guint
digit_of_keyval (guint keyval)
{
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    return keyval - GDK_KEY_0;
  if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    return keyval - GDK_KEY_KP_0;
  return 0;
}

/* On layouts whose digit row gives digits only with Shift (AZERTY: "&" is
 * the 1 key), the physical key still means its digit. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HearsayReaderView     *self)
{
  g_autofree GdkKeymapKey *keys = NULL;
  g_autofree guint *keyvals = NULL;
  guint group = gtk_event_controller_key_get_group (controller);
  int n_keys = 0;

  /* A click still being decided comes before any key: an arrow key or a
   * Shift selection after it must not be taken for part of the click. */
  hearsay_reader_view_flush_click (self);
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK))
    return GDK_EVENT_PROPAGATE;
  /* Real digits are the shortcut controller's. */
  if (digit_of_keyval (keyval) != 0)
    return GDK_EVENT_PROPAGATE;
  if (!gdk_display_map_keycode (gtk_widget_get_display (GTK_WIDGET (self)), keycode,
                                &keys, &keyvals, &n_keys))
    return GDK_EVENT_PROPAGATE;
  for (int i = 0; i < n_keys; i++)
    {
      guint digit = digit_of_keyval (keyvals[i]);

      if (digit != 0 && (guint) keys[i].group == group)
        return gtk_widget_activate_action (GTK_WIDGET (self), "reader.annotate-key", "u", digit);
    }
  return GDK_EVENT_PROPAGATE;
}

static void
add_shortcut_full (GtkShortcutController *controller,
                   guint                  keyval,
                   GdkModifierType        modifiers,
                   const char            *action,
                   GVariant              *args)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_named_action_new (action));

  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              const char            *action,
              GVariant              *args)
{
  add_shortcut_full (controller, keyval, 0, action, args);
}

static void
hearsay_reader_view_init (HearsayReaderView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self);
  GtkEventController *controller;

  gtk_text_view_set_editable (view, FALSE);
  gtk_text_view_set_cursor_visible (view, TRUE);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_pixels_above_lines (view, 2);
  /* Room under each line for the overlap bars (up to four levels). */
  gtk_text_view_set_pixels_below_lines (view, 14);
  gtk_text_view_set_pixels_inside_wrap (view, 12);
  gtk_text_view_set_top_margin (view, 8);
  gtk_text_view_set_bottom_margin (view, 48);
  gtk_widget_add_css_class (GTK_WIDGET (self), "reader-view");

  /* Captured on the view itself, so that digits and Delete are only taken
   * while the reader has the focus, and before GtkTextView's own Delete
   * binding. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint key = 1; key <= 9; key++)
    {
      add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_0 + key,
                    "reader.annotate-key", g_variant_new_uint32 (key));
      add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_0 + key,
                    "reader.annotate-key", g_variant_new_uint32 (key));
    }
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Delete, "reader.delete-annotation", NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_Delete, "reader.delete-annotation", NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_BackSpace, "reader.delete-annotation", NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Escape, "reader.clear-selection", NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Return, "reader.inspect", NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_Enter, "reader.inspect", NULL);
  /* Tab walks the annotations instead of leaving the text. */
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_Tab, "reader.next-annotation", NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_KP_Tab, "reader.next-annotation", NULL);
  /* Shift+Tab arrives as ISO_Left_Tab; the trigger stores it as Tab
   * (gdk_keyval_to_lower) and matches both. */
  add_shortcut_full (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK,
                     "reader.previous-annotation", NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_f, "reader.add-fragment", NULL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), GDK_KEY_l, "reader.link", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "event", G_CALLBACK (on_legacy_event), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
hearsay_reader_view_new (void)
{
  return g_object_new (HEARSAY_TYPE_READER_VIEW, NULL);
}

int
hearsay_reader_view_get_column_margin (HearsayReaderView *self)
{
  g_return_val_if_fail (HEARSAY_IS_READER_VIEW (self), 0);
  return self->column_margin;
}
