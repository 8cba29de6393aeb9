/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-scheme-editor-attributes.c: the selected label's attributes and
 * the values of the selected attribute. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-dialog-util.h"
#include "hearsay-error.h"
#include "hearsay-scheme-editor-private.h"

/* The kinds offered in the drop-down, in its order. */
static const HearsayAttributeKind offered_kinds[] = {
  HEARSAY_ATTRIBUTE_SINGLE,
  HEARSAY_ATTRIBUTE_MULTI,
  HEARSAY_ATTRIBUTE_BOOLEAN,
  HEARSAY_ATTRIBUTE_TEXT,
};

static const char *
kind_name (HearsayAttributeKind kind)
{
  switch (kind)
    {
    case HEARSAY_ATTRIBUTE_SINGLE:
      return _("Single choice");
    case HEARSAY_ATTRIBUTE_MULTI:
      return _("Multiple choice");
    case HEARSAY_ATTRIBUTE_BOOLEAN:
      return _("Yes or no");
    case HEARSAY_ATTRIBUTE_TEXT:
      return _("Free text");
    case HEARSAY_ATTRIBUTE_DERIVED:
    default:
      return _("Derived");
    }
}

static const HearsayAttributeDef *
selected_attribute (HearsaySchemeEditor *self)
{
  const HearsayLabel *label = self->selected_label
                              ? hearsay_scheme_lookup_label (self->working, self->selected_label) : NULL;

  return label && self->selected_attribute ? hearsay_label_lookup_attribute (label, self->selected_attribute) : NULL;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
on_value_name_changed (GtkEditable         *entry,
                       HearsaySchemeEditor *self)
{
  const char *id = g_object_get_data (G_OBJECT (entry), "hearsay-value-id");
  const char *name = gtk_editable_get_text (entry);
  g_autoptr(GError) error = NULL;

  if (self->updating || *name == '\0')
    return;
  if (!hearsay_scheme_editor_rename_value (self, id, name, &error))
    hearsay_dialog_show_message (self->status_label, error->message, TRUE);
}

static void
on_value_remove (GtkButton           *button,
                 HearsaySchemeEditor *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "hearsay-value-id"));
  g_autoptr(GError) error = NULL;

  if (!hearsay_scheme_editor_remove_value (self, id, &error))
    hearsay_dialog_show_message (self->status_label, error->message, TRUE);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->value_id_entry));
}

static void
show_values (HearsaySchemeEditor *self)
{
  const HearsayAttributeDef *attribute = selected_attribute (self);
  gboolean has_values = attribute && (attribute->kind == HEARSAY_ATTRIBUTE_SINGLE ||
                                      attribute->kind == HEARSAY_ATTRIBUTE_MULTI);
  g_autofree char *heading = NULL;
  GtkWidget *empty;

  self->updating = TRUE;
  clear_list (self->value_list);
  if (attribute != NULL)
    heading = g_strdup_printf (_("Values of “%s”"), attribute->id);
  gtk_label_set_text (self->values_heading, heading ? heading : _("Values"));
  empty = gtk_label_new (attribute == NULL ? _("Select an attribute to edit its values.")
                               : has_values ? _("No values yet: add the first one below.")
                               : _("This kind of attribute has no list of values."));
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_label_set_justify (GTK_LABEL (empty), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (empty, 18);
  gtk_widget_set_margin_bottom (empty, 18);
  gtk_widget_set_margin_start (empty, 12);
  gtk_widget_set_margin_end (empty, 12);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_list_box_set_placeholder (self->value_list, empty);

  for (guint i = 0; has_values && attribute->values && i < attribute->values->len; i++)
    {
      const HearsayValueDef *value = g_ptr_array_index (attribute->values, i);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *id = gtk_label_new (value->id);
      GtkWidget *name = gtk_entry_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

      gtk_widget_set_margin_top (box, 4);
      gtk_widget_set_margin_bottom (box, 4);
      gtk_widget_set_margin_start (box, 8);
      gtk_widget_set_margin_end (box, 4);
      gtk_label_set_xalign (GTK_LABEL (id), 0);
      /* One width for every id, so that the name entries line up. */
      gtk_label_set_width_chars (GTK_LABEL (id), 14);
      gtk_label_set_max_width_chars (GTK_LABEL (id), 14);
      gtk_editable_set_width_chars (GTK_EDITABLE (name), 12);
      gtk_label_set_ellipsize (GTK_LABEL (id), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (id, value->id);
      gtk_widget_add_css_class (id, "monospace");
      gtk_editable_set_text (GTK_EDITABLE (name), value->name ? value->name : value->id);
      gtk_widget_set_hexpand (name, TRUE);
      gtk_widget_set_tooltip_text (remove, _("Remove Value"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove Value"), -1);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data_full (G_OBJECT (name), "hearsay-value-id", g_strdup (value->id), g_free);
      g_object_set_data_full (G_OBJECT (remove), "hearsay-value-id", g_strdup (value->id), g_free);
      g_signal_connect (name, "changed", G_CALLBACK (on_value_name_changed), self);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_value_remove), self);
      gtk_box_append (GTK_BOX (box), id);
      gtk_box_append (GTK_BOX (box), name);
      gtk_box_append (GTK_BOX (box), remove);
      gtk_list_box_append (self->value_list, box);
      gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (self->value_list, i), FALSE);
      gtk_widget_set_focusable (GTK_WIDGET (gtk_list_box_get_row_at_index (self->value_list, i)), FALSE);
    }
  gtk_widget_set_sensitive (self->value_add_box, has_values);
  self->updating = FALSE;
}

static void
on_attribute_selected (GtkListBox          *list,
                       GtkListBoxRow       *row,
                       HearsaySchemeEditor *self)
{
  if (self->updating)
    return;
  g_free (self->selected_attribute);
  self->selected_attribute = row ? g_strdup (g_object_get_data (G_OBJECT (row), "hearsay-attribute-id")) : NULL;
  show_values (self);
}

void
hearsay_scheme_editor_show_attributes (HearsaySchemeEditor *self)
{
  const HearsayLabel *label = self->selected_label
                              ? hearsay_scheme_lookup_label (self->working, self->selected_label) : NULL;
  g_autofree char *keep = g_strdup (self->selected_attribute);
  GtkListBoxRow *select = NULL;
  GtkWidget *empty = gtk_label_new (_("No attributes"));

  self->updating = TRUE;
  clear_list (self->attribute_list);
  gtk_widget_set_margin_top (empty, 18);
  gtk_widget_set_margin_bottom (empty, 18);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_list_box_set_placeholder (self->attribute_list, empty);
  for (guint i = 0; label && label->attributes && i < label->attributes->len; i++)
    {
      const HearsayAttributeDef *attribute = g_ptr_array_index (label->attributes, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *id = gtk_label_new (attribute->id);
      GtkWidget *kind = gtk_label_new (kind_name (attribute->kind));

      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 8);
      gtk_widget_set_margin_end (box, 8);
      gtk_label_set_xalign (GTK_LABEL (id), 0);
      gtk_label_set_ellipsize (GTK_LABEL (id), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (kind), 0);
      gtk_widget_add_css_class (id, "monospace");
      gtk_widget_add_css_class (kind, "dim-label");
      gtk_widget_add_css_class (kind, "caption");
      gtk_box_append (GTK_BOX (box), id);
      gtk_box_append (GTK_BOX (box), kind);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      g_object_set_data_full (G_OBJECT (row), "hearsay-attribute-id", g_strdup (attribute->id), g_free);
      gtk_list_box_append (self->attribute_list, row);
      if (select == NULL || g_strcmp0 (attribute->id, keep) == 0)
        select = GTK_LIST_BOX_ROW (row);
    }
  gtk_list_box_select_row (self->attribute_list, select);
  self->updating = FALSE;
  on_attribute_selected (self->attribute_list, select, self);
}

void
hearsay_scheme_editor_select_attribute (HearsaySchemeEditor *self,
                                        const char          *attribute_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->attribute_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) &&
        g_strcmp0 (g_object_get_data (G_OBJECT (row), "hearsay-attribute-id"), attribute_id) == 0)
      gtk_list_box_select_row (self->attribute_list, GTK_LIST_BOX_ROW (row));
}

gboolean
hearsay_scheme_editor_add_attribute (HearsaySchemeEditor  *self,
                                     const char           *attribute_id,
                                     HearsayAttributeKind  kind,
                                     GError              **error)
{
  g_autofree char *id = g_strdup (attribute_id);

  if (self->selected_label == NULL)
    {
      g_set_error_literal (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
                           _("Select a label first"));
      return FALSE;
    }
  if (!hearsay_scheme_add_attribute (self->working, self->selected_label, id, id, kind, error))
    return FALSE;
  hearsay_scheme_editor_mark_dirty (self);
  g_free (self->selected_attribute);
  self->selected_attribute = g_steal_pointer (&id);
  hearsay_scheme_editor_show_attributes (self);
  return TRUE;
}

/* Replaces the selected attribute's values with @ids/@names (copies: the
 * scheme frees its own strings when it reloads). */
static gboolean
store_values (HearsaySchemeEditor *self,
              GPtrArray           *ids,
              GPtrArray           *names,
              GError             **error)
{
  g_autofree char *label = g_strdup (self->selected_label);
  g_autofree char *attribute = g_strdup (self->selected_attribute);

  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (names, NULL);
  if (!hearsay_scheme_set_attribute_values (self->working, label, attribute,
                                            (const char * const *) ids->pdata,
                                            (const char * const *) names->pdata, error))
    return FALSE;
  hearsay_scheme_editor_mark_dirty (self);
  hearsay_dialog_show_message (self->status_label, NULL, FALSE);
  return TRUE;
}

static void
copy_values (const HearsayAttributeDef *attribute,
             GPtrArray                 *ids,
             GPtrArray                 *names)
{
  for (guint i = 0; attribute->values && i < attribute->values->len; i++)
    {
      const HearsayValueDef *value = g_ptr_array_index (attribute->values, i);

      g_ptr_array_add (ids, g_strdup (value->id));
      g_ptr_array_add (names, g_strdup (value->name ? value->name : value->id));
    }
}

static const HearsayAttributeDef *
attribute_or_error (HearsaySchemeEditor *self,
                    GError             **error)
{
  const HearsayAttributeDef *attribute = selected_attribute (self);

  if (attribute == NULL)
    g_set_error_literal (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
                         _("Select an attribute first"));
  return attribute;
}

gboolean
hearsay_scheme_editor_add_value (HearsaySchemeEditor *self,
                                 const char          *value_id,
                                 const char          *name,
                                 GError             **error)
{
  const HearsayAttributeDef *attribute = attribute_or_error (self, error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (attribute == NULL)
    return FALSE;
  if (value_id == NULL || *value_id == '\0' || hearsay_attribute_lookup_value (attribute, value_id) != NULL)
    {
      g_set_error (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
                   value_id && *value_id ? _("The attribute already has a value “%s”") : _("A value needs an identifier"),
                   value_id);
      return FALSE;
    }
  copy_values (attribute, ids, names);
  g_ptr_array_add (ids, g_strdup (value_id));
  g_ptr_array_add (names, g_strdup (name && *name ? name : value_id));
  if (!store_values (self, ids, names, error))
    return FALSE;
  show_values (self);
  return TRUE;
}

gboolean
hearsay_scheme_editor_rename_value (HearsaySchemeEditor *self,
                                    const char          *value_id,
                                    const char          *name,
                                    GError             **error)
{
  const HearsayAttributeDef *attribute = attribute_or_error (self, error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint index;

  if (attribute == NULL)
    return FALSE;
  copy_values (attribute, ids, names);
  if (!g_ptr_array_find_with_equal_func (ids, value_id, g_str_equal, &index))
    {
      g_set_error (error, HEARSAY_SCHEME_ERROR, HEARSAY_SCHEME_ERROR_INVALID,
                   _("The attribute has no value “%s”"), value_id);
      return FALSE;
    }
  g_free (names->pdata[index]);
  names->pdata[index] = g_strdup (name);
  /* The rows stay: rebuilding them would take the focus from the entry. */
  return store_values (self, ids, names, error);
}

gboolean
hearsay_scheme_editor_remove_value (HearsaySchemeEditor *self,
                                    const char          *value_id,
                                    GError             **error)
{
  const HearsayAttributeDef *attribute = attribute_or_error (self, error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint index;

  if (attribute == NULL)
    return FALSE;
  copy_values (attribute, ids, names);
  if (g_ptr_array_find_with_equal_func (ids, value_id, g_str_equal, &index))
    {
      g_ptr_array_remove_index (ids, index);
      g_ptr_array_remove_index (names, index);
    }
  if (!store_values (self, ids, names, error))
    return FALSE;
  show_values (self);
  return TRUE;
}

static void
on_add_attribute (HearsaySchemeEditor *self)
{
  g_autofree char *id = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->attribute_id_entry)));
  guint kind = gtk_drop_down_get_selected (self->attribute_kind);
  g_autoptr(GError) error = NULL;

  if (!hearsay_scheme_editor_add_attribute (self, id,
                                            offered_kinds[MIN (kind, G_N_ELEMENTS (offered_kinds) - 1)],
                                            &error))
    {
      hearsay_dialog_show_message (self->status_label, error->message, TRUE);
      return;
    }
  hearsay_dialog_show_message (self->status_label, NULL, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->attribute_id_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (gtk_widget_get_sensitive (self->value_add_box)
                                     ? self->value_id_entry : self->attribute_id_entry));
}

static void
on_add_value (HearsaySchemeEditor *self)
{
  g_autofree char *id = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->value_id_entry)));
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->value_name_entry)));
  g_autoptr(GError) error = NULL;

  g_strstrip (id);
  if (!hearsay_scheme_editor_add_value (self, id, name, &error))
    {
      hearsay_dialog_show_message (self->status_label, error->message, TRUE);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->value_id_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->value_name_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->value_id_entry));
}

void
hearsay_scheme_editor_init_attributes (HearsaySchemeEditor *self)
{
  g_signal_connect (self->attribute_list, "row-selected", G_CALLBACK (on_attribute_selected), self);
  g_signal_connect_swapped (self->add_attribute_button, "clicked", G_CALLBACK (on_add_attribute), self);
  g_signal_connect_swapped (self->attribute_id_entry, "activate", G_CALLBACK (on_add_attribute), self);
  g_signal_connect_swapped (self->add_value_button, "clicked", G_CALLBACK (on_add_value), self);
  g_signal_connect_swapped (self->value_id_entry, "activate", G_CALLBACK (on_add_value), self);
  g_signal_connect_swapped (self->value_name_entry, "activate", G_CALLBACK (on_add_value), self);
}
