/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-reader-actions.c: the reader's own actions (reader.*), which its
 * keys and its palette activate. Each hands a pending click on a highlight
 * to the reader first, so that Delete, F or L pressed right after a click
 * act on what was clicked, then says what the user asked for with a
 * signal; whoever shows the reader (the window) does it. */
#include "config.h"

#include "hearsay-reader-private.h"

enum {
  ANNOTATE_REQUESTED,
  DELETE_REQUESTED,
  FRAGMENT_REQUESTED,
  LINK_REQUESTED,
  INSPECT_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
annotate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HearsayReader *self = HEARSAY_READER (widget);

  hearsay_reader_view_flush_click (self->view);
  g_signal_emit (self, signals[ANNOTATE_REQUESTED], 0, g_variant_get_string (parameter, NULL));
}

static void
annotate_key_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HearsayReader *self = HEARSAY_READER (widget);
  const HearsayLabel *label;

  if (self->project == NULL)
    return;
  hearsay_reader_view_flush_click (self->view);
  label = hearsay_scheme_lookup_key (hearsay_project_get_scheme (self->project),
                                     g_variant_get_uint32 (parameter));
  if (label != NULL)
    g_signal_emit (self, signals[ANNOTATE_REQUESTED], 0, label->id);
}

static void
request_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HearsayReader *self = HEARSAY_READER (widget);
  guint signal;

  hearsay_reader_view_flush_click (self->view);
  if (g_str_equal (action_name, "reader.delete-annotation"))
    signal = signals[DELETE_REQUESTED];
  else if (g_str_equal (action_name, "reader.add-fragment"))
    signal = signals[FRAGMENT_REQUESTED];
  else if (g_str_equal (action_name, "reader.link"))
    signal = signals[LINK_REQUESTED];
  else
    signal = signals[INSPECT_REQUESTED];
  g_signal_emit (self, signal, 0);
}

/* Escape drops the text selection first, then the selected annotation. */
static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HearsayReader *self = HEARSAY_READER (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->view));
  GtkTextIter iter;

  hearsay_reader_view_flush_click (self->view);
  if (gtk_text_buffer_get_has_selection (buffer))
    {
      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      gtk_text_buffer_select_range (buffer, &iter, &iter);
      return;
    }
  hearsay_reader_highlights_select (self, 0);
  g_signal_emit_by_name (self, "annotation-selected", (gint64) 0);
}

void
hearsay_reader_actions_update (HearsayReader *self)
{
  gboolean edit = self->editable && self->document != NULL;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "reader.annotate", edit);
  gtk_widget_action_set_enabled (widget, "reader.annotate-key", edit);
  /* Delete, F and L stay enabled without a selected annotation: a click
   * may be about to select one (flushed first), and F and L say what is
   * missing. */
  gtk_widget_action_set_enabled (widget, "reader.delete-annotation", edit);
  gtk_widget_action_set_enabled (widget, "reader.add-fragment", edit);
  gtk_widget_action_set_enabled (widget, "reader.link", edit);
}

void
hearsay_reader_set_editable (HearsayReader *self,
                             gboolean       editable)
{
  g_return_if_fail (HEARSAY_IS_READER (self));

  self->editable = editable;
  hearsay_reader_actions_update (self);
}

void
hearsay_reader_actions_class_init (GtkWidgetClass *widget_class)
{
  GType type = G_TYPE_FROM_CLASS (widget_class);

  /* A label to annotate the selection with (its id). */
  signals[ANNOTATE_REQUESTED] =
    g_signal_new ("annotate-requested", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FRAGMENT_REQUESTED] =
    g_signal_new ("fragment-requested", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[LINK_REQUESTED] =
    g_signal_new ("link-requested", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[INSPECT_REQUESTED] =
    g_signal_new ("inspect-requested", type, G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "reader.annotate", "s", annotate_action);
  gtk_widget_class_install_action (widget_class, "reader.annotate-key", "u", annotate_key_action);
  gtk_widget_class_install_action (widget_class, "reader.delete-annotation", NULL, request_action);
  gtk_widget_class_install_action (widget_class, "reader.add-fragment", NULL, request_action);
  gtk_widget_class_install_action (widget_class, "reader.link", NULL, request_action);
  gtk_widget_class_install_action (widget_class, "reader.inspect", NULL, request_action);
  gtk_widget_class_install_action (widget_class, "reader.clear-selection", NULL, clear_selection_action);
}
