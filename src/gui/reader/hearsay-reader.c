/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-reader.c: the document heading, the reading column and the label
 * palette above it. */
#include "config.h"

#include <glib/gi18n.h>

#include "hearsay-widget-util.h"

#include "hearsay-reader-private.h"
#include "hearsay-scheme-ids.h"

G_DEFINE_FINAL_TYPE (HearsayReader, hearsay_reader, GTK_TYPE_WIDGET)

enum {
  ANNOTATION_SELECTED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_SELECTED_ANNOTATION,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

void
hearsay_reader_notify_selected (HearsayReader *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ANNOTATION]);
}

static void
hearsay_reader_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HearsayReader *self = HEARSAY_READER (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ANNOTATION:
      g_value_set_int64 (value, self->selected_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_reader_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HearsayReader *self = HEARSAY_READER (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ANNOTATION:
      hearsay_reader_set_selected_annotation (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
update_header (HearsayReader *self)
{
  HearsayDocument *doc = self->document;
  g_autoptr(GString) meta = g_string_new (NULL);
  g_autofree char *number = NULL;
  const char *fields[3];
  gint64 length;

  gtk_label_set_text (self->title_label, hearsay_document_get_title (doc) ?: _("Untitled"));

  fields[0] = hearsay_document_get_outlet (doc);
  fields[1] = hearsay_document_get_published_at (doc);
  fields[2] = hearsay_document_get_language (doc);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (fields[i] == NULL || fields[i][0] == '\0')
        continue;
      if (meta->len > 0)
        g_string_append (meta, " · ");
      g_string_append (meta, fields[i]);
    }
  if (meta->len > 0)
    g_string_append (meta, " · ");
  length = hearsay_document_get_length (doc);
  number = hearsay_format_count ((guint64) MAX (length, 0));
  /* Translators: %s is a number of characters (code points) */
  g_string_append_printf (meta, ngettext ("%s character", "%s characters", (gulong) length), number);
  gtk_label_set_text (self->meta_label, meta->str);
}

/* The heading lines up with the text column: set its margins before the
 * children are allocated, from the width the view will get. */
static void
hearsay_reader_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  HearsayReader *self = HEARSAY_READER (widget);
  int margin = hearsay_reader_view_compute_margin (self->view, width);

  if (margin != gtk_widget_get_margin_start (GTK_WIDGET (self->header)))
    {
      gtk_widget_set_margin_start (GTK_WIDGET (self->header), margin);
      gtk_widget_set_margin_end (GTK_WIDGET (self->header), margin);
    }
  gtk_widget_allocate (gtk_widget_get_first_child (widget), width, height, baseline, NULL);
}

/* Constant size: the minimum height is the one at the minimum width (the
 * most palette rows and heading lines), so a GtkPaned that hands the reader
 * less than that never sees the minimum grow with the width. The text
 * scrolls, so nothing is lost. */
static GtkSizeRequestMode
hearsay_reader_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

/* No layout manager: with one, GTK would not call size_allocate above. */
static void
hearsay_reader_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  gtk_widget_measure (gtk_widget_get_first_child (widget), orientation, -1,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
on_span_clicked (HearsayReaderView *view,
                 int                offset,
                 HearsayReader     *self)
{
  hearsay_reader_select_at_offset (self, offset);
}

/* Scrolled into lines the background pass has not reached: tag them now. */
static void
on_scrolled (GtkAdjustment *adjustment,
             HearsayReader *self)
{
  hearsay_reader_highlights_apply_visible (self);
}

static void
hearsay_reader_dispose (GObject *object)
{
  HearsayReader *self = HEARSAY_READER (object);

  g_clear_handle_id (&self->hint_timeout, g_source_remove);
  g_clear_handle_id (&self->apply_idle, g_source_remove);
  hearsay_reader_stop_reveal (self);
  hearsay_reader_loader_cancel (self);
  if (self->view != NULL)
    hearsay_reader_view_set_overlay (self->view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARSAY_TYPE_READER);
  /* The template's unnamed root child is ours to unparent. */
  hearsay_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->document);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (hearsay_reader_parent_class)->dispose (object);
}

static void
hearsay_reader_finalize (GObject *object)
{
  HearsayReader *self = HEARSAY_READER (object);

  g_clear_pointer (&self->annotations, g_hash_table_unref);
  g_clear_pointer (&self->label_tags, g_hash_table_unref);
  g_clear_pointer (&self->overlay, hearsay_overlay_free);
  g_clear_pointer (&self->selected_ranges, g_array_unref);
  G_OBJECT_CLASS (hearsay_reader_parent_class)->finalize (object);
}

static void
hearsay_reader_class_init (HearsayReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearsay_reader_dispose;
  object_class->finalize = hearsay_reader_finalize;
  object_class->get_property = hearsay_reader_get_property;
  object_class->set_property = hearsay_reader_set_property;
  widget_class->size_allocate = hearsay_reader_size_allocate;
  widget_class->measure = hearsay_reader_measure;
  widget_class->get_request_mode = hearsay_reader_get_request_mode;

  /* The user picked an annotation in the text: (id, 0 for none). */
  signals[ANNOTATION_SELECTED] =
    g_signal_new ("annotation-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /* The annotation outlined (0: none). Set by the window, which owns the
   * selection; the reader's own picks come as ::annotation-selected. */
  properties[PROP_SELECTED_ANNOTATION] =
    g_param_spec_int64 ("selected-annotation", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  hearsay_reader_actions_class_init (widget_class);

  g_type_ensure (HEARSAY_TYPE_LABEL_PALETTE);
  g_type_ensure (HEARSAY_TYPE_READER_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearsay/Hearsay/reader/hearsay-reader.ui");
  gtk_widget_class_bind_template_child (widget_class, HearsayReader, stack);
  gtk_widget_class_bind_template_child (widget_class, HearsayReader, palette);
  gtk_widget_class_bind_template_child (widget_class, HearsayReader, header);
  gtk_widget_class_bind_template_child (widget_class, HearsayReader, title_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayReader, meta_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayReader, view);
  gtk_widget_class_bind_template_child (widget_class, HearsayReader, hint_revealer);
  gtk_widget_class_bind_template_child (widget_class, HearsayReader, hint_label);
  gtk_widget_class_set_css_name (widget_class, "hearsay-reader");
  hearsay_reader_nav_class_init (widget_class);
}

static void
hearsay_reader_init (HearsayReader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hearsay_reader_highlights_init (self);
  g_signal_connect (self->view, "span-clicked", G_CALLBACK (on_span_clicked), self);
  hearsay_reader_nav_init (self);
  hearsay_reader_select_init (self);
  hearsay_reader_actions_update (self);
  if (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view)) != NULL)
    g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view)),
                             "value-changed", G_CALLBACK (on_scrolled), self, 0);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
hearsay_reader_set_project (HearsayReader  *self,
                            HearsayProject *project)
{
  g_return_if_fail (HEARSAY_IS_READER (self));
  g_return_if_fail (project == NULL || HEARSAY_IS_PROJECT (project));

  if (self->project == project)
    return;
  hearsay_reader_set_document (self, NULL);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  hearsay_reader_highlights_setup (self);
  hearsay_label_palette_set_scheme (self->palette,
                                    project != NULL ? hearsay_project_get_scheme (project) : NULL);
  if (project != NULL)
    hearsay_reader_highlights_connect (self);
}

void
hearsay_reader_set_document (HearsayReader   *self,
                             HearsayDocument *document)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextDirection direction;

  g_return_if_fail (HEARSAY_IS_READER (self));
  g_return_if_fail (document == NULL || HEARSAY_IS_DOCUMENT (document));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  g_set_object (&self->document, document);
  hearsay_reader_select_document_changed (self);
  hearsay_reader_actions_update (self);
  if (self->selected_id != 0)
    {
      self->selected_id = 0;
      hearsay_reader_notify_selected (self);
    }
  g_array_set_size (self->selected_ranges, 0);
  hearsay_reader_stop_reveal (self);
  /* Links name annotations of the document they were made for. */
  hearsay_overlay_clear_links (self->overlay);
  if (document == NULL)
    {
      g_hash_table_remove_all (self->annotations);
      hearsay_overlay_clear (self->overlay);
      g_clear_handle_id (&self->apply_idle, g_source_remove);
      hearsay_reader_loader_cancel (self);
      gtk_text_buffer_set_text (buffer, "", 0);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* The buffer holds the text verbatim and nothing else, so that iter
   * offsets are the stored offsets. */
  gtk_text_buffer_set_text (buffer, hearsay_document_get_text (document) ?: "", -1);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);

  direction = hearsay_document_get_direction (document) == HEARSAY_DIRECTION_RTL
              ? GTK_TEXT_DIR_RTL : GTK_TEXT_DIR_LTR;
  gtk_widget_set_direction (GTK_WIDGET (self->view), direction);
  /* The scrollbar goes where lines end, off the margin where they start
   * (links to other panes are marked there). */
  gtk_widget_set_direction (gtk_widget_get_parent (GTK_WIDGET (self->view)), direction);
  gtk_widget_set_direction (GTK_WIDGET (self->header), direction);
  gtk_widget_set_direction (GTK_WIDGET (self->title_label), direction);
  gtk_widget_set_direction (GTK_WIDGET (self->meta_label), direction);

  update_header (self);
  hearsay_reader_highlights_load (self);
  gtk_stack_set_visible_child_name (self->stack, "document");
  gtk_text_view_scroll_to_iter (GTK_TEXT_VIEW (self->view), &start, 0, FALSE, 0, 0);
}

HearsayDocument *
hearsay_reader_get_document (HearsayReader *self)
{
  g_return_val_if_fail (HEARSAY_IS_READER (self), NULL);
  return self->document;
}

HearsayReaderView *
hearsay_reader_get_view (HearsayReader *self)
{
  g_return_val_if_fail (HEARSAY_IS_READER (self), NULL);
  return self->view;
}

GtkLabel *
hearsay_reader_get_title_label (HearsayReader *self)
{
  g_return_val_if_fail (HEARSAY_IS_READER (self), NULL);
  return self->title_label;
}

void
hearsay_reader_set_selected_annotation (HearsayReader *self,
                                        gint64         id)
{
  g_return_if_fail (HEARSAY_IS_READER (self));
  hearsay_reader_select_annotation (self, id, FALSE);
}

gint64
hearsay_reader_get_selected_annotation (HearsayReader *self)
{
  g_return_val_if_fail (HEARSAY_IS_READER (self), 0);
  return self->selected_id;
}

void
hearsay_reader_select_at_offset (HearsayReader *self,
                                 gint64         offset)
{
  gint64 id;

  g_return_if_fail (HEARSAY_IS_READER (self));

  id = offset >= 0 ? hearsay_reader_annotation_at_offset (self, offset) : 0;
  hearsay_reader_highlights_select (self, id);
  g_signal_emit (self, signals[ANNOTATION_SELECTED], 0, id);
}

static gboolean
hide_hint (gpointer data)
{
  HearsayReader *self = data;

  self->hint_timeout = 0;
  gtk_revealer_set_reveal_child (self->hint_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

void
hearsay_reader_reload_scheme (HearsayReader *self)
{
  g_return_if_fail (HEARSAY_IS_READER (self));

  hearsay_label_palette_set_scheme (self->palette,
                                    self->project != NULL ? hearsay_project_get_scheme (self->project) : NULL);
  hearsay_reader_reload_annotations (self);
}

void
hearsay_reader_set_furniture_hidden (HearsayReader *self,
                                     gboolean       hidden)
{
  GtkTextTag *tag;

  g_return_if_fail (HEARSAY_IS_READER (self));

  self->furniture_hidden = hidden;
  tag = g_hash_table_lookup (self->label_tags, HEARSAY_LABEL_BOILERPLATE);
  if (tag != NULL)
    g_object_set (tag, "invisible", hidden, NULL);
  self->overlay->hidden_label = hidden ? g_intern_static_string (HEARSAY_LABEL_BOILERPLATE) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

gboolean
hearsay_reader_get_furniture_hidden (HearsayReader *self)
{
  g_return_val_if_fail (HEARSAY_IS_READER (self), FALSE);
  return self->furniture_hidden;
}

gboolean
hearsay_reader_range_is_hidden (HearsayReader *self,
                                gint64         start,
                                gint64         end)
{
  GtkTextBuffer *buffer;
  GtkTextTag *tag;
  GtkTextIter iter, limit;

  g_return_val_if_fail (HEARSAY_IS_READER (self), FALSE);

  tag = g_hash_table_lookup (self->label_tags, HEARSAY_LABEL_BOILERPLATE);
  if (!self->furniture_hidden || tag == NULL || self->document == NULL)
    return FALSE;
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) CLAMP (start, 0, G_MAXINT));
  gtk_text_buffer_get_iter_at_offset (buffer, &limit, (int) CLAMP (end, start, G_MAXINT));
  if (gtk_text_iter_has_tag (&iter, tag))
    return TRUE;
  return gtk_text_iter_forward_to_tag_toggle (&iter, tag) && gtk_text_iter_compare (&iter, &limit) < 0;
}

void
hearsay_reader_set_palette_visible (HearsayReader *self,
                                    gboolean       visible)
{
  g_return_if_fail (HEARSAY_IS_READER (self));

  gtk_widget_set_visible (GTK_WIDGET (self->palette), visible);
}

void
hearsay_reader_show_hint (HearsayReader *self,
                          const char    *message)
{
  g_return_if_fail (HEARSAY_IS_READER (self));

  gtk_label_set_text (self->hint_label, message);
  gtk_revealer_set_reveal_child (self->hint_revealer, TRUE);
  g_clear_handle_id (&self->hint_timeout, g_source_remove);
  self->hint_timeout = g_timeout_add (2500, hide_hint, self);
}
