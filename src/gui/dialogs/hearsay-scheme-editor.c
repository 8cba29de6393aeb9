/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-scheme-editor.c: the labels side of the scheme editor, the unknown
 * labels, files and Apply. Edits go to a working copy of the scheme. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-dialog-util.h"
#include "hearsay-error.h"
#include "hearsay-scheme-editor-private.h"

G_DEFINE_FINAL_TYPE (HearsaySchemeEditor, hearsay_scheme_editor, GTK_TYPE_WINDOW)

static const HearsayLabel *
selected_label (HearsaySchemeEditor *self)
{
  return self->selected_label ? hearsay_scheme_lookup_label (self->working, self->selected_label) : NULL;
}

static void
show_status (HearsaySchemeEditor *self,
             const char          *message,
             gboolean             is_error)
{
  hearsay_dialog_show_message (self->status_label, message, is_error);
}

void
hearsay_scheme_editor_mark_dirty (HearsaySchemeEditor *self)
{
  self->dirty = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), TRUE);
  /* Closing now discards the edits, and the button says so. */
  gtk_button_set_label (self->close_button, _("_Cancel"));
}

HearsayScheme *
hearsay_scheme_editor_get_working_scheme (HearsaySchemeEditor *self)
{
  return self->working;
}

static void
update_label_row (HearsaySchemeEditor *self,
                  GtkWidget           *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "hearsay-label-id");
  const HearsayLabel *label = hearsay_scheme_lookup_label (self->working, id);
  GtkWidget *swatch = g_object_get_data (G_OBJECT (row), "hearsay-swatch");
  GtkWidget *key = g_object_get_data (G_OBJECT (row), "hearsay-key");
  GtkWidget *name = g_object_get_data (G_OBJECT (row), "hearsay-name");
  char key_text[4] = "";

  if (label == NULL)
    return;
  if (label->key > 0)
    g_snprintf (key_text, sizeof key_text, "%u", label->key);
  hearsay_dialog_swatch_set_color (swatch, label->color);
  gtk_label_set_text (GTK_LABEL (key), key_text);
  gtk_label_set_text (GTK_LABEL (name), hearsay_dialog_label_name (self->working, id));
}

static void
update_label_rows (HearsaySchemeEditor *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->label_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      update_label_row (self, row);
}

static void
show_label (HearsaySchemeEditor *self)
{
  const HearsayLabel *label = selected_label (self);
  g_autofree char *question = NULL;
  GdkRGBA rgba;

  gtk_widget_set_sensitive (self->detail_box, label != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remove_label_button), label != NULL);
  gtk_revealer_set_reveal_child (self->remove_revealer, FALSE);

  self->updating = TRUE;
  gtk_label_set_text (self->id_value, label ? label->id : "");
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), label && label->name ? label->name : "");
  if (!gdk_rgba_parse (&rgba, label && label->color ? label->color : "#9a9996"))
    gdk_rgba_parse (&rgba, "#9a9996");
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  gtk_spin_button_set_value (self->key_spin, label ? label->key : 0);
  self->updating = FALSE;

  g_clear_pointer (&self->selected_attribute, g_free);
  hearsay_scheme_editor_show_attributes (self);
}

static void
on_label_selected (GtkListBox          *list,
                   GtkListBoxRow       *row,
                   HearsaySchemeEditor *self)
{
  if (self->updating)
    return;
  g_free (self->selected_label);
  self->selected_label = row ? g_strdup (g_object_get_data (G_OBJECT (row), "hearsay-label-id")) : NULL;
  show_label (self);
}

static void
rebuild_label_list (HearsaySchemeEditor *self,
                    const char          *select_id)
{
  g_autofree char *keep = g_strdup (select_id);
  GtkListBoxRow *select = NULL;
  GtkWidget *child;

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->label_list))) != NULL)
    gtk_list_box_remove (self->label_list, child);
  for (guint i = 0; i < hearsay_scheme_get_n_labels (self->working); i++)
    {
      const HearsayLabel *label = hearsay_scheme_get_label (self->working, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *swatch = hearsay_dialog_swatch_new (label->color);
      GtkWidget *key = gtk_label_new (NULL);
      GtkWidget *name = gtk_label_new (NULL);

      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 8);
      gtk_widget_set_margin_end (box, 8);
      gtk_label_set_width_chars (GTK_LABEL (key), 1);
      gtk_widget_add_css_class (key, "dim-label");
      gtk_widget_add_css_class (key, "numeric");
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_box_append (GTK_BOX (box), swatch);
      gtk_box_append (GTK_BOX (box), key);
      gtk_box_append (GTK_BOX (box), name);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "hearsay-label-id", g_strdup (label->id), g_free);
      g_object_set_data (G_OBJECT (row), "hearsay-swatch", swatch);
      g_object_set_data (G_OBJECT (row), "hearsay-key", key);
      g_object_set_data (G_OBJECT (row), "hearsay-name", name);
      gtk_list_box_append (self->label_list, row);
      update_label_row (self, row);
      if (g_strcmp0 (label->id, keep) == 0 || (select == NULL && keep == NULL))
        select = GTK_LIST_BOX_ROW (row);
    }
  if (select == NULL)
    select = gtk_list_box_get_row_at_index (self->label_list, 0);
  gtk_list_box_select_row (self->label_list, select);
  self->updating = FALSE;
  on_label_selected (self->label_list, select, self);
}

void
hearsay_scheme_editor_select_label (HearsaySchemeEditor *self,
                                    const char          *label_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->label_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) &&
        g_strcmp0 (g_object_get_data (G_OBJECT (row), "hearsay-label-id"), label_id) == 0)
      gtk_list_box_select_row (self->label_list, GTK_LIST_BOX_ROW (row));
}

/* Name, colour and key are stored together: set_label takes all three. */
static gboolean
store_label (HearsaySchemeEditor *self,
             const char          *name,
             const char          *color,
             guint                key)
{
  g_autoptr(GError) error = NULL;

  if (!hearsay_scheme_set_label (self->working, self->selected_label, name, color, key, &error))
    {
      show_status (self, error->message, TRUE);
      return FALSE;
    }
  show_status (self, NULL, FALSE);
  hearsay_scheme_editor_mark_dirty (self);
  update_label_rows (self);
  return TRUE;
}

static void
on_name_changed (HearsaySchemeEditor *self)
{
  const HearsayLabel *label = selected_label (self);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));

  if (self->updating || label == NULL || *name == '\0')
    return;
  store_label (self, name, NULL, label->key);
}

static void
on_color_set (HearsaySchemeEditor *self)
{
  const HearsayLabel *label = selected_label (self);
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  if (self->updating || label == NULL)
    return;
  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  color = g_strdup_printf ("#%02x%02x%02x",
                           (guint) CLAMP (rgba.red * 255 + 0.5, 0, 255),
                           (guint) CLAMP (rgba.green * 255 + 0.5, 0, 255),
                           (guint) CLAMP (rgba.blue * 255 + 0.5, 0, 255));
  store_label (self, NULL, color, label->key);
}

static void
on_key_changed (HearsaySchemeEditor *self)
{
  const HearsayLabel *label = selected_label (self);
  guint key = (guint) gtk_spin_button_get_value_as_int (self->key_spin);
  const HearsayLabel *holder;
  g_autofree char *holder_name = NULL;

  if (self->updating || label == NULL || key == label->key)
    return;
  holder = key > 0 ? hearsay_scheme_lookup_key (self->working, key) : NULL;
  if (holder != NULL)
    holder_name = g_strdup (hearsay_dialog_label_name (self->working, holder->id));
  if (store_label (self, NULL, NULL, key) && holder_name != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Key %u moved from “%s” to this label."), key, holder_name);

      show_status (self, message, FALSE);
    }
}

gboolean
hearsay_scheme_editor_add_label (HearsaySchemeEditor *self,
                                 const char          *label_id,
                                 GError             **error)
{
  g_autofree char *id = g_strdup (label_id);

  if (hearsay_scheme_lookup_label (self->working, id) != NULL)
    {
      g_set_error (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
                   _("The scheme already has a label “%s”"), id);
      return FALSE;
    }
  if (!hearsay_scheme_set_label (self->working, id, id, "#9a9996", 0, error))
    return FALSE;
  hearsay_scheme_editor_mark_dirty (self);
  rebuild_label_list (self, id);
  return TRUE;
}

static gboolean
valid_identifier (const char *id)
{
  if (id == NULL || *id == '\0')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
      return FALSE;
  return TRUE;
}

static void
on_new_label_changed (HearsaySchemeEditor *self)
{
  const char *id = gtk_editable_get_text (GTK_EDITABLE (self->new_label_entry));
  gboolean valid = valid_identifier (id);

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_label_button), valid);
  if (valid || *id == '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->new_label_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->new_label_entry), "error");
}

static void
on_add_label (HearsaySchemeEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_label_entry)));

  if (!hearsay_scheme_editor_add_label (self, id, &error))
    {
      show_status (self, error->message, TRUE);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_label_entry), "");
  show_status (self, NULL, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
on_remove_label (HearsaySchemeEditor *self)
{
  const HearsayLabel *label = selected_label (self);
  g_autofree char *text = NULL;

  if (label == NULL)
    return;
  text = g_strdup_printf (_("Remove “%s” from the scheme? Annotations labelled “%s” are kept: they keep "
                            "the label and show as unknown until you remap them, under “Unknown Labels” "
                            "after Apply."),
                          hearsay_dialog_label_name (self->working, label->id), label->id);
  gtk_label_set_text (self->remove_text, text);
  gtk_revealer_set_reveal_child (self->remove_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->remove_keep_button));
}

static void
on_remove_keep (HearsaySchemeEditor *self)
{
  gtk_revealer_set_reveal_child (self->remove_revealer, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->remove_label_button));
}

gboolean
hearsay_scheme_editor_remove_label (HearsaySchemeEditor *self,
                                    const char          *label_id,
                                    GError             **error)
{
  g_autofree char *id = g_strdup (label_id);
  int index = -1;

  g_return_val_if_fail (HEARSAY_IS_SCHEME_EDITOR (self), FALSE);

  for (guint i = 0; i < hearsay_scheme_get_n_labels (self->working); i++)
    if (g_strcmp0 (hearsay_scheme_get_label (self->working, i)->id, id) == 0)
      index = i;
  if (!hearsay_scheme_remove_label (self->working, id, error))
    return FALSE;
  hearsay_scheme_editor_mark_dirty (self);
  g_clear_pointer (&self->selected_label, g_free);
  if (index >= (int) hearsay_scheme_get_n_labels (self->working))
    index--;
  rebuild_label_list (self, index >= 0 ? hearsay_scheme_get_label (self->working, index)->id : NULL);
  return TRUE;
}

static void
on_remove_confirm (HearsaySchemeEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->selected_label);

  if (id == NULL)
    return;
  if (!hearsay_scheme_editor_remove_label (self, id, &error))
    show_status (self, error->message, TRUE);
  else
    {
      g_autofree char *message = g_strdup_printf (_("“%s” removed. Press Apply to store the scheme."), id);

      show_status (self, message, FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->label_list));
    }
}

/* Unknown labels: annotations whose label the applied scheme lacks. */

static void
on_remap_clicked (GtkButton           *button,
                  HearsaySchemeEditor *self)
{
  const char *from = g_object_get_data (G_OBJECT (button), "hearsay-from");
  GtkDropDown *drop_down = g_object_get_data (G_OBJECT (button), "hearsay-drop-down");
  HearsayScheme *scheme = hearsay_project_get_scheme (self->project);
  guint index = gtk_drop_down_get_selected (drop_down);
  g_autoptr(GError) error = NULL;
  g_autofree char *from_copy = g_strdup (from);

  if (index >= hearsay_scheme_get_n_labels (scheme))
    return;
  hearsay_scheme_editor_remap (self, from_copy, hearsay_scheme_get_label (scheme, index)->id, &error);
}

static void
refresh_unknown (HearsaySchemeEditor *self)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (self->project);
  g_auto(GStrv) unknown = hearsay_project_dup_unknown_labels (self->project);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->unknown_list))) != NULL)
    gtk_list_box_remove (self->unknown_list, child);
  for (guint i = 0; unknown && unknown[i]; i++)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *id = gtk_label_new (unknown[i]);
      GtkWidget *arrow = gtk_label_new ("→");
      GtkWidget *drop_down;
      GtkWidget *button = gtk_button_new_with_label (_("Remap"));

      for (guint l = 0; l < hearsay_scheme_get_n_labels (scheme); l++)
        gtk_string_list_append (names, hearsay_dialog_label_name (scheme, hearsay_scheme_get_label (scheme, l)->id));
      drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 8);
      gtk_widget_set_margin_end (box, 8);
      gtk_label_set_xalign (GTK_LABEL (id), 0);
      gtk_widget_set_hexpand (id, TRUE);
      gtk_widget_add_css_class (id, "monospace");
      gtk_widget_add_css_class (arrow, "dim-label");
      gtk_box_append (GTK_BOX (box), id);
      gtk_box_append (GTK_BOX (box), arrow);
      gtk_box_append (GTK_BOX (box), drop_down);
      gtk_box_append (GTK_BOX (box), button);
      g_object_set_data_full (G_OBJECT (button), "hearsay-from", g_strdup (unknown[i]), g_free);
      g_object_set_data (G_OBJECT (button), "hearsay-drop-down", drop_down);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remap_clicked), self);
      gtk_list_box_append (self->unknown_list, box);
      gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (self->unknown_list, i), FALSE);
    }
  gtk_widget_set_visible (self->unknown_box, unknown != NULL && unknown[0] != NULL);
}

gint64
hearsay_scheme_editor_remap (HearsaySchemeEditor *self,
                             const char          *from,
                             const char          *to,
                             GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  gint64 n;

  n = hearsay_project_remap_label (self->project, from, to, &local_error);
  if (local_error != NULL)
    {
      show_status (self, local_error->message, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " annotation changed from “%s” to “%s”.",
                                          "%" PRId64 " annotations changed from “%s” to “%s”.", n),
                             n, from, hearsay_dialog_label_name (hearsay_project_get_scheme (self->project), to));
  show_status (self, message, FALSE);
  refresh_unknown (self);
  return n;
}

gboolean
hearsay_scheme_editor_apply (HearsaySchemeEditor *self,
                             GError             **error)
{
  if (!hearsay_project_set_scheme (self->project, self->working, error))
    return FALSE;
  self->dirty = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), FALSE);
  gtk_button_set_label (self->close_button, _("_Close"));
  refresh_unknown (self);
  return TRUE;
}

static void
on_apply (HearsaySchemeEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!hearsay_scheme_editor_apply (self, &error))
    show_status (self, error->message, TRUE);
  else
    show_status (self, _("The scheme is applied to the project."), FALSE);
}

/* Files */

gboolean
hearsay_scheme_editor_import_file (HearsaySchemeEditor *self,
                                   const char          *path,
                                   GError             **error)
{
  HearsayScheme *scheme = hearsay_scheme_new_from_file (path, error);

  if (scheme == NULL)
    return FALSE;
  g_clear_object (&self->working);
  self->working = scheme;
  hearsay_scheme_editor_mark_dirty (self);
  rebuild_label_list (self, self->selected_label);
  return TRUE;
}

gboolean
hearsay_scheme_editor_export_file (HearsaySchemeEditor *self,
                                   const char          *path,
                                   GError             **error)
{
  return hearsay_scheme_save_to_file (self->working, path, error);
}

static void
on_chooser_response (GtkNativeDialog     *chooser,
                     int                  response,
                     HearsaySchemeEditor *self)
{
  gboolean saving = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (saving ? !hearsay_scheme_editor_export_file (self, path, &error)
             : !hearsay_scheme_editor_import_file (self, path, &error))
    {
      show_status (self, error->message, TRUE);
      return;
    }
  message = g_strdup_printf (saving ? _("The scheme is saved as %s.")
                                    : _("%s is loaded. Press Apply to use it in the project."), path);
  show_status (self, message, FALSE);
}

static void
open_chooser (HearsaySchemeEditor *self,
              gboolean             saving)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  gtk_file_filter_set_name (filter, _("Schemes (*.json)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  chooser = gtk_file_chooser_native_new (saving ? _("Export Scheme") : _("Import Scheme"),
                                         GTK_WINDOW (self),
                                         saving ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         saving ? _("_Export") : _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (saving)
    {
      g_autofree char *name = g_strdup_printf ("%s.json", hearsay_scheme_get_id (self->working)
                                                          ? hearsay_scheme_get_id (self->working) : "scheme");

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), self);
  g_clear_object (&self->chooser);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
on_export (HearsaySchemeEditor *self)
{
  open_chooser (self, TRUE);
}

static void
on_import (HearsaySchemeEditor *self)
{
  open_chooser (self, FALSE);
}

static void
hearsay_scheme_editor_dispose (GObject *object)
{
  HearsaySchemeEditor *self = HEARSAY_SCHEME_EDITOR (object);

  /* Tearing the lists down selects nothing: no handler may run now. */
  self->updating = TRUE;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARSAY_TYPE_SCHEME_EDITOR);
  g_clear_object (&self->project);
  g_clear_object (&self->working);
  g_clear_pointer (&self->selected_label, g_free);
  g_clear_pointer (&self->selected_attribute, g_free);

  G_OBJECT_CLASS (hearsay_scheme_editor_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, HearsaySchemeEditor, name)

static void
hearsay_scheme_editor_class_init (HearsaySchemeEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearsay_scheme_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearsay/Hearsay/dialogs/hearsay-scheme-editor.ui");
  BIND (label_list);
  BIND (new_label_entry);
  BIND (add_label_button);
  BIND (remove_label_button);
  BIND (remove_revealer);
  BIND (remove_text);
  BIND (remove_keep_button);
  BIND (remove_confirm_button);
  BIND (detail_box);
  BIND (id_value);
  BIND (name_entry);
  BIND (color_button);
  BIND (key_spin);
  BIND (attribute_list);
  BIND (attribute_id_entry);
  BIND (attribute_kind);
  BIND (add_attribute_button);
  BIND (values_heading);
  BIND (value_list);
  BIND (value_add_box);
  BIND (value_id_entry);
  BIND (value_name_entry);
  BIND (add_value_button);
  BIND (unknown_box);
  BIND (unknown_list);
  BIND (status_label);
  BIND (import_button);
  BIND (export_button);
  BIND (close_button);
  BIND (apply_button);
}

#undef BIND

static void
hearsay_scheme_editor_init (HearsaySchemeEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hearsay_dialog_add_close_shortcut (GTK_WINDOW (self));

  g_signal_connect (self->label_list, "row-selected", G_CALLBACK (on_label_selected), self);
  g_signal_connect_swapped (self->new_label_entry, "changed", G_CALLBACK (on_new_label_changed), self);
  g_signal_connect_swapped (self->new_label_entry, "activate", G_CALLBACK (on_add_label), self);
  g_signal_connect_swapped (self->add_label_button, "clicked", G_CALLBACK (on_add_label), self);
  g_signal_connect_swapped (self->remove_label_button, "clicked", G_CALLBACK (on_remove_label), self);
  g_signal_connect_swapped (self->remove_keep_button, "clicked", G_CALLBACK (on_remove_keep), self);
  g_signal_connect_swapped (self->remove_confirm_button, "clicked", G_CALLBACK (on_remove_confirm), self);
  g_signal_connect_swapped (self->name_entry, "changed", G_CALLBACK (on_name_changed), self);
  g_signal_connect_swapped (self->color_button, "color-set", G_CALLBACK (on_color_set), self);
  g_signal_connect_swapped (self->key_spin, "value-changed", G_CALLBACK (on_key_changed), self);
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (on_apply), self);
  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (on_import), self);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (on_export), self);
  hearsay_scheme_editor_init_attributes (self);
}

HearsaySchemeEditor *
hearsay_scheme_editor_new (GtkWindow      *parent,
                           HearsayProject *project)
{
  HearsaySchemeEditor *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEARSAY_IS_PROJECT (project), NULL);

  self = g_object_new (HEARSAY_TYPE_SCHEME_EDITOR, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  self->working = hearsay_scheme_copy (hearsay_project_get_scheme (project));
  rebuild_label_list (self, NULL);
  refresh_unknown (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->label_list));
  return self;
}
