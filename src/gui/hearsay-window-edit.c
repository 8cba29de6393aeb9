/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-window-edit.c: the window's editing actions beyond annotating —
 * links to annotations and entities, fragments, the scheme editor, word
 * snapping, and moving the keyboard between the reader, the inspector and
 * the right pane's pages. */
#include "config.h"

#include <glib/gi18n.h>

#include "hearsay-link-picker.h"
#include "hearsay-scheme-editor.h"
#include "hearsay-window-private.h"

static gint64
selected_annotation (HearsayWindow *self)
{
  return hearsay_window_get_selected_annotation_id (self);
}

/* Links */

static void
on_linked (HearsayLinkPicker *picker,
           gint64             relation_id,
           HearsayWindow     *self)
{
  /* The project's "relations-changed" already refreshed the inspector. */
  hearsay_window_actions_update (self);
}

static HearsayLinkPicker *
open_link_picker (HearsayWindow *self)
{
  HearsayLinkPicker *picker;
  gint64 id = selected_annotation (self);

  if (!hearsay_window_is_editable (self))
    return NULL;
  if (id == 0)
    {
      hearsay_reader_show_hint (self->reader, _("Select an annotation first"));
      return NULL;
    }
  hearsay_inspector_flush_note (self->inspector);
  picker = hearsay_link_picker_new (GTK_WINDOW (self), self->project, id);
  gtk_window_set_modal (GTK_WINDOW (picker), TRUE);
  g_signal_connect_object (picker, "linked", G_CALLBACK (on_linked), self, 0);
  gtk_window_present (GTK_WINDOW (picker));
  return picker;
}

void
hearsay_window_open_link (HearsayWindow *self)
{
  open_link_picker (self);
}

static void
link_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  open_link_picker (user_data);
}

static void
link_entity_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  /* For a mention the picker opens on its Entity page. */
  open_link_picker (user_data);
}

/* Fragments */

void
hearsay_window_add_fragment (HearsayWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = selected_annotation (self);
  gint64 start, end;

  if (!hearsay_window_is_editable (self) || hearsay_reader_get_document (self->reader) == NULL)
    return;
  if (id == 0)
    {
      hearsay_reader_show_hint (self->reader, _("Select an annotation first"));
      return;
    }
  if (!hearsay_reader_get_annotation_span (self->reader, &start, &end))
    {
      hearsay_reader_show_hint (self->reader, _("Select the text to add first"));
      return;
    }
  /* The project's ::annotation-changed refreshes the selection (and so the
   * inspector) and the reader's highlight. */
  if (!hearsay_project_add_fragment (self->project, id, start, end, &error))
    {
      hearsay_window_show_error (self, _("Could not add the fragment"), error);
      return;
    }
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (hearsay_reader_get_view (self->reader)));
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) end);
    gtk_text_buffer_select_range (buffer, &iter, &iter);
  }
}

static void
add_fragment_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  hearsay_window_add_fragment (user_data);
}

/* Scheme */

static void
edit_scheme_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  HearsayWindow *self = user_data;
  HearsaySchemeEditor *editor;

  if (!hearsay_window_is_editable (self))
    return;
  editor = hearsay_scheme_editor_new (GTK_WINDOW (self), self->project);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
on_scheme_changed (HearsayProject *project,
                   HearsayWindow  *self)
{
  hearsay_reader_reload_scheme (self->reader);
  hearsay_reader_set_selected_annotation (self->reader, selected_annotation (self));
  /* The inspector rebuilds its form on the same signal. */
}

static void
on_history_changed (HearsayProject *project,
                    HearsayWindow  *self)
{
  hearsay_window_history_update (self);
}

void
hearsay_window_edit_watch (HearsayWindow *self)
{
  if (self->project != NULL)
    {
      g_signal_connect_object (self->project, "history-changed", G_CALLBACK (on_history_changed), self, 0);
      g_signal_connect_object (self->project, "scheme-changed", G_CALLBACK (on_scheme_changed), self, 0);
    }
  hearsay_window_history_update (self);
}

/* Word snapping: the View menu's choice, kept in GSettings. */

static HearsayReaderSnap
snap_from_string (const char *mode)
{
  if (g_strcmp0 (mode, "always") == 0)
    return HEARSAY_READER_SNAP_ALWAYS;
  if (g_strcmp0 (mode, "automatic") == 0)
    return HEARSAY_READER_SNAP_AUTOMATIC;
  return HEARSAY_READER_SNAP_NEVER;
}

static void
on_word_snapping_changed (GSettings     *settings,
                          const char    *key,
                          HearsayWindow *self)
{
  g_autofree char *mode = g_settings_get_string (settings, "word-snapping");

  hearsay_reader_set_word_snapping (self->reader, snap_from_string (mode));
}

/* Without the installed schema (a test), a stateful action of its own. */
static void
change_snapping_state (GSimpleAction *action,
                       GVariant      *value,
                       gpointer       user_data)
{
  HearsayWindow *self = user_data;

  g_simple_action_set_state (action, value);
  hearsay_reader_set_word_snapping (self->reader, snap_from_string (g_variant_get_string (value, NULL)));
}

static void
install_snapping (HearsayWindow *self)
{
  g_autoptr(GAction) action = NULL;

  if (self->settings != NULL)
    {
      action = g_settings_create_action (self->settings, "word-snapping");
      g_signal_connect_object (self->settings, "changed::word-snapping",
                               G_CALLBACK (on_word_snapping_changed), self, 0);
      on_word_snapping_changed (self->settings, "word-snapping", self);
    }
  else
    {
      action = G_ACTION (g_simple_action_new_stateful ("word-snapping", G_VARIANT_TYPE_STRING,
                                                       g_variant_new_string ("never")));
      g_signal_connect (action, "change-state", G_CALLBACK (change_snapping_state), self);
    }
  g_action_map_add_action (G_ACTION_MAP (self), action);
}

/* Focus */

static void
focus_reader_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  HearsayWindow *self = user_data;

  gtk_widget_grab_focus (GTK_WIDGET (hearsay_reader_get_view (self->reader)));
}

static void
show_panel_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  HearsayWindow *self = user_data;
  const char *name = g_variant_get_string (param, NULL);

  if (gtk_stack_get_child_by_name (self->right_stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->right_stack, name);
}

static void
find_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  HearsayWindow *self = user_data;

  gtk_stack_set_visible_child_name (self->right_stack, "annotations");
  hearsay_annotation_list_focus_search (self->annotation_list);
}

static const GActionEntry edit_actions[] = {
  { "link", link_action },
  { "link-entity", link_entity_action },
  { "add-fragment", add_fragment_action },
  { "edit-scheme", edit_scheme_action },
  { "focus-reader", focus_reader_action },
  { "show-panel", show_panel_action, "s" },
  { "find", find_action },
};

void
hearsay_window_edit_update (HearsayWindow *self)
{
  gboolean editable = hearsay_window_is_editable (self);
  gboolean has_document = hearsay_reader_get_document (self->reader) != NULL;

  /* Enabled without a selected annotation, so that L and F can say what
   * is missing. */
  hearsay_window_set_action_enabled (self, "link", editable && has_document);
  hearsay_window_set_action_enabled (self, "link-entity", editable && selected_annotation (self) != 0);
  hearsay_window_set_action_enabled (self, "add-fragment", editable && has_document);
  hearsay_window_set_action_enabled (self, "edit-scheme", editable);
  hearsay_window_set_action_enabled (self, "find", self->project != NULL);
}

void
hearsay_window_edit_init (HearsayWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), edit_actions,
                                   G_N_ELEMENTS (edit_actions), self);
  install_snapping (self);
  hearsay_window_edit_update (self);
}
