/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-window-edit.c: the window's editing actions beyond annotating —
 * undo and redo (with the action's name in the menu), links to annotations
 * and entities, fragments, the scheme editor, and moving the keyboard
 * between the reader, the inspector and the right pane's pages. */
#include "config.h"

#include <glib/gi18n.h>

#include "hearsay-link-picker.h"
#include "hearsay-scheme-editor.h"
#include "hearsay-window-private.h"

static gboolean
is_editable (HearsayWindow *self)
{
  return self->project != NULL && !hearsay_project_get_read_only (self->project);
}

static void
set_enabled (HearsayWindow *self,
             const char    *name,
             gboolean       enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static gint64
selected_annotation (HearsayWindow *self)
{
  return hearsay_inspector_get_annotation_id (self->inspector);
}

/* Undo and redo stay within the document being read: an edit of another
 * document is undone there, where its effect can be seen. */

static gint64
history_scope (HearsayWindow *self)
{
  HearsayDocument *doc = hearsay_reader_get_document (self->reader);

  return doc != NULL ? hearsay_document_get_id (doc) : 0;
}

static void
update_history (HearsayWindow *self)
{
  g_autofree char *undo = NULL;
  g_autofree char *redo = NULL;
  g_autofree char *undo_text = NULL;
  g_autofree char *redo_text = NULL;
  gboolean editable = is_editable (self);

  if (self->project != NULL)
    {
      undo = hearsay_project_dup_undo_label (self->project, history_scope (self));
      redo = hearsay_project_dup_redo_label (self->project, history_scope (self));
    }
  /* Translators: a menu item, %s is what it undoes, e.g. "Undo Add Claim" */
  undo_text = undo != NULL ? g_strdup_printf (_("_Undo %s"), undo) : g_strdup (_("_Undo"));
  /* Translators: a menu item, %s is what it redoes, e.g. "Redo Delete Claim" */
  redo_text = redo != NULL ? g_strdup_printf (_("_Redo %s"), redo) : g_strdup (_("_Redo"));
  g_menu_remove_all (self->history_section);
  g_menu_append (self->history_section, undo_text, "win.undo");
  g_menu_append (self->history_section, redo_text, "win.redo");
  set_enabled (self, "undo", editable && undo != NULL);
  set_enabled (self, "redo", editable && redo != NULL);
}

/* What an undo or redo changed can be anywhere: read it all again. */
static void
refresh_after_history (HearsayWindow *self)
{
  hearsay_reader_reload_annotations (self->reader);
  hearsay_inspector_reload (self->inspector);
  hearsay_reader_set_selected_annotation (self->reader, selected_annotation (self));
  hearsay_window_actions_update (self);
}

static void
history_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  HearsayWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean redo = g_str_equal (g_action_get_name (G_ACTION (action)), "redo");

  if (!is_editable (self))
    return;
  hearsay_inspector_flush_note (self->inspector);
  if (!(redo ? hearsay_project_redo (self->project, history_scope (self), NULL, &error)
             : hearsay_project_undo (self->project, history_scope (self), NULL, &error)))
    {
      hearsay_window_show_error (self, redo ? _("Could not redo") : _("Could not undo"), error);
      return;
    }
  refresh_after_history (self);
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

  if (!is_editable (self))
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

static void
add_fragment_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  HearsayWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = selected_annotation (self);
  gboolean snap;
  gint64 start, end;

  if (!is_editable (self) || hearsay_reader_get_document (self->reader) == NULL)
    return;
  if (id == 0)
    {
      hearsay_reader_show_hint (self->reader, _("Select an annotation first"));
      return;
    }
  snap = self->settings == NULL || g_settings_get_boolean (self->settings, "snap-to-words");
  if (!hearsay_reader_get_annotation_span (self->reader, snap, &start, &end))
    {
      hearsay_reader_show_hint (self->reader, _("Select the text to add first"));
      return;
    }
  if (!hearsay_project_add_fragment (self->project, id, start, end, &error))
    {
      hearsay_window_show_error (self, _("Could not add the fragment"), error);
      return;
    }
  hearsay_reader_select_annotation (self->reader, id, FALSE);
  hearsay_inspector_reload (self->inspector);
}

/* Scheme */

static void
edit_scheme_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  HearsayWindow *self = user_data;
  HearsaySchemeEditor *editor;

  if (!is_editable (self))
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
  update_history (self);
}

void
hearsay_window_edit_watch (HearsayWindow *self)
{
  if (self->project != NULL)
    {
      g_signal_connect_object (self->project, "history-changed", G_CALLBACK (on_history_changed), self, 0);
      g_signal_connect_object (self->project, "scheme-changed", G_CALLBACK (on_scheme_changed), self, 0);
    }
  update_history (self);
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
  { "undo", history_action },
  { "redo", history_action },
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
  gboolean editable = is_editable (self);
  gboolean has_document = hearsay_reader_get_document (self->reader) != NULL;

  /* Enabled without a selected annotation, so that L and F can say what
   * is missing. */
  set_enabled (self, "link", editable && has_document);
  set_enabled (self, "link-entity", editable && selected_annotation (self) != 0);
  set_enabled (self, "add-fragment", editable && has_document);
  set_enabled (self, "edit-scheme", editable);
  set_enabled (self, "find", self->project != NULL);
  update_history (self);
}

void
hearsay_window_edit_init (HearsayWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), edit_actions,
                                   G_N_ELEMENTS (edit_actions), self);
  hearsay_window_edit_update (self);
}
