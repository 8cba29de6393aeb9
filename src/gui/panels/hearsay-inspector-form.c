/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-inspector-form.c: the attribute form, generated from the scheme —
 * single-choice drop-downs, multi-choice check buttons, booleans, free text
 * and read-only derived values. Every change is saved at once. */
#include "config.h"

#include <glib/gi18n.h>

#include "hearsay-inspector-private.h"

static void
save_values (HearsayInspector          *self,
             const HearsayAttributeDef *def,
             const char * const        *values)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || self->annotation == NULL || self->project == NULL)
    return;
  if (!hearsay_project_set_attribute (self->project, hearsay_annotation_get_id (self->annotation),
                                      def->id, values != NULL && values[0] != NULL ? values : NULL, &error))
    hearsay_inspector_show_error (self, _("Could not save the attribute"), error);
}

static void
on_drop_down_selected (GtkDropDown      *drop_down,
                       GParamSpec       *pspec,
                       HearsayInspector *self)
{
  const HearsayAttributeDef *def = g_object_get_data (G_OBJECT (drop_down), "hearsay-attribute");
  guint selected = gtk_drop_down_get_selected (drop_down);
  const char *values[2] = { NULL, NULL };

  /* Item 0 is "—": unset. */
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= def->values->len)
    values[0] = ((HearsayValueDef *) g_ptr_array_index (def->values, selected - 1))->id;
  save_values (self, def, values);
}

static void
on_check_toggled (GtkCheckButton   *check,
                  HearsayInspector *self)
{
  const HearsayAttributeDef *def = g_object_get_data (G_OBJECT (check), "hearsay-attribute");
  const char *values[2] = { gtk_check_button_get_active (check) ? "true" : "false", NULL };

  save_values (self, def, values);
}

/* A multi-choice editor is a flow box of check buttons, one per value. */
static void
on_multi_toggled (GtkCheckButton   *check,
                  HearsayInspector *self)
{
  GtkWidget *flow = g_object_get_data (G_OBJECT (check), "hearsay-editor");
  const HearsayAttributeDef *def = g_object_get_data (G_OBJECT (flow), "hearsay-attribute");
  g_autoptr(GPtrArray) values = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (flow); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (button)))
        g_ptr_array_add (values, g_object_get_data (G_OBJECT (button), "hearsay-value"));
    }
  g_ptr_array_add (values, NULL);
  save_values (self, def, (const char * const *) values->pdata);
}

static void
save_text (HearsayInspector *self,
           GtkWidget        *entry)
{
  const HearsayAttributeDef *def = g_object_get_data (G_OBJECT (entry), "hearsay-attribute");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  const char *values[2] = { text, NULL };
  const char *stored;

  if (self->annotation == NULL)
    return;
  stored = hearsay_annotation_get_attribute (self->annotation, def->id);
  if (g_strcmp0 (stored ?: "", text) == 0)
    return;
  save_values (self, def, text[0] != '\0' ? values : NULL);
}

void
hearsay_inspector_flush_text (HearsayInspector *self)
{
  GtkWidget *entry = self->text_pending;

  g_clear_handle_id (&self->text_timeout, g_source_remove);
  self->text_pending = NULL;
  if (entry != NULL)
    save_text (self, entry);
}

static gboolean
text_timeout_cb (gpointer data)
{
  HearsayInspector *self = data;

  self->text_timeout = 0;
  hearsay_inspector_flush_text (self);
  return G_SOURCE_REMOVE;
}

static void
on_entry_changed (GtkEditable      *entry,
                  HearsayInspector *self)
{
  if (self->updating)
    return;
  if (self->text_pending != NULL && self->text_pending != GTK_WIDGET (entry))
    hearsay_inspector_flush_text (self);
  self->text_pending = GTK_WIDGET (entry);
  /* Saved once typing pauses, on Enter, and when the focus leaves. */
  g_clear_handle_id (&self->text_timeout, g_source_remove);
  self->text_timeout = g_timeout_add (HEARSAY_INSPECTOR_SAVE_DELAY_MS, text_timeout_cb, self);
}

static void
on_entry_activate (GtkEntry         *entry,
                   HearsayInspector *self)
{
  hearsay_inspector_flush_text (self);
  save_text (self, GTK_WIDGET (entry));
}

static void
on_entry_focus_leave (GtkEventControllerFocus *controller,
                      HearsayInspector        *self)
{
  hearsay_inspector_flush_text (self);
}

static char *
derived_value (HearsayInspector          *self,
               const HearsayLabel        *label,
               const HearsayAttributeDef *def)
{
  const HearsayAttributeDef *source;
  const HearsayValueDef *value, *category;
  const char *id;

  source = def->derived_from != NULL ? hearsay_label_lookup_attribute (label, def->derived_from) : NULL;
  id = hearsay_annotation_get_attribute (self->annotation, def->derived_from);
  if (source == NULL || id == NULL)
    return g_strdup ("—");
  value = hearsay_attribute_lookup_value (source, id);
  if (value == NULL || value->category == NULL)
    return g_strdup ("—");
  category = hearsay_attribute_lookup_value (def, value->category);
  return g_strdup (category != NULL ? hearsay_scheme_translate (category->name) : value->category);
}

static void
sync_multi (GtkWidget          *flow,
            const char * const *values)
{
  for (GtkWidget *child = gtk_widget_get_first_child (flow); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      const char *id = g_object_get_data (G_OBJECT (button), "hearsay-value");

      gtk_check_button_set_active (GTK_CHECK_BUTTON (button),
                                   values != NULL && g_strv_contains (values, id));
    }
}

/* Sets each editor from the annotation without saving anything back. */
void
hearsay_inspector_sync_editors (HearsayInspector *self)
{
  const HearsayLabel *label = hearsay_inspector_get_scheme_label (self);

  if (label == NULL)
    return;
  self->updating = TRUE;
  for (guint i = 0; i < label->attributes->len; i++)
    {
      const HearsayAttributeDef *def = g_ptr_array_index (label->attributes, i);
      GtkWidget *editor = g_hash_table_lookup (self->editors, def->id);
      const char *value = hearsay_annotation_get_attribute (self->annotation, def->id);

      if (editor == NULL)
        continue;
      switch (def->kind)
        {
        case HEARSAY_ATTRIBUTE_SINGLE:
          {
            guint selected = 0;

            for (guint j = 0; value != NULL && j < def->values->len; j++)
              if (g_strcmp0 (((HearsayValueDef *) g_ptr_array_index (def->values, j))->id, value) == 0)
                selected = j + 1;
            gtk_drop_down_set_selected (GTK_DROP_DOWN (editor), selected);
          }
          break;
        case HEARSAY_ATTRIBUTE_MULTI:
          sync_multi (editor, hearsay_annotation_get_attribute_values (self->annotation, def->id));
          break;
        case HEARSAY_ATTRIBUTE_BOOLEAN:
          gtk_check_button_set_active (GTK_CHECK_BUTTON (editor), g_strcmp0 (value, "true") == 0);
          break;
        case HEARSAY_ATTRIBUTE_TEXT:
          /* Never overwrite what the user is typing. */
          if (editor != self->text_pending)
            gtk_editable_set_text (GTK_EDITABLE (editor), value ?: "");
          break;
        case HEARSAY_ATTRIBUTE_DERIVED:
          {
            g_autofree char *text = derived_value (self, label, def);

            gtk_label_set_text (GTK_LABEL (editor), text);
          }
          break;
        default:
          break;
        }
    }
  self->updating = FALSE;
}

static void
setup_value_label (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_value_label (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static GtkListItemFactory *
value_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_value_label), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_value_label), NULL);
  return factory;
}

/* A drop-down of display strings with ellipsized items in the button. */
GtkWidget *
hearsay_inspector_drop_down_new (GtkStringList *list)
{
  g_autoptr(GtkListItemFactory) factory = value_factory (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = value_factory (FALSE);
  GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (list), NULL);

  gtk_drop_down_set_factory (GTK_DROP_DOWN (drop_down), factory);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (drop_down), list_factory);
  return drop_down;
}

static GtkWidget *
create_multi_editor (HearsayInspector          *self,
                     const HearsayAttributeDef *def)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 4);
  gtk_widget_add_css_class (flow, "multi-choice");
  for (guint j = 0; j < def->values->len; j++)
    {
      const HearsayValueDef *value = g_ptr_array_index (def->values, j);
      GtkWidget *check = gtk_check_button_new_with_label (hearsay_scheme_translate (value->name));

      g_object_set_data (G_OBJECT (check), "hearsay-value", value->id);
      g_object_set_data (G_OBJECT (check), "hearsay-editor", flow);
      g_signal_connect (check, "toggled", G_CALLBACK (on_multi_toggled), self);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), check);
    }
  return flow;
}

static GtkWidget *
create_editor (HearsayInspector          *self,
               const HearsayAttributeDef *def)
{
  GtkWidget *editor = NULL;

  switch (def->kind)
    {
    case HEARSAY_ATTRIBUTE_SINGLE:
      {
        g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

        /* The first entry means "not set". */
        gtk_string_list_append (list, "—");
        for (guint j = 0; j < def->values->len; j++)
          gtk_string_list_append (list, hearsay_scheme_translate (((HearsayValueDef *) g_ptr_array_index (def->values, j))->name));
        editor = hearsay_inspector_drop_down_new (g_steal_pointer (&list));
        g_signal_connect (editor, "notify::selected", G_CALLBACK (on_drop_down_selected), self);
      }
      break;
    case HEARSAY_ATTRIBUTE_MULTI:
      editor = create_multi_editor (self, def);
      break;
    case HEARSAY_ATTRIBUTE_BOOLEAN:
      editor = gtk_check_button_new_with_label (hearsay_scheme_translate (def->name));
      g_signal_connect (editor, "toggled", G_CALLBACK (on_check_toggled), self);
      break;
    case HEARSAY_ATTRIBUTE_TEXT:
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();

        editor = gtk_entry_new ();
        g_signal_connect (editor, "changed", G_CALLBACK (on_entry_changed), self);
        g_signal_connect (editor, "activate", G_CALLBACK (on_entry_activate), self);
        g_signal_connect (focus, "leave", G_CALLBACK (on_entry_focus_leave), self);
        gtk_widget_add_controller (editor, focus);
      }
      break;
    case HEARSAY_ATTRIBUTE_DERIVED:
      editor = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (editor), 0);
      gtk_label_set_selectable (GTK_LABEL (editor), TRUE);
      gtk_widget_add_css_class (editor, "derived-value");
      break;
    default:
      return NULL;
    }
  g_object_set_data (G_OBJECT (editor), "hearsay-attribute", (gpointer) def);
  return editor;
}

void
hearsay_inspector_build_editors (HearsayInspector   *self,
                                 const HearsayLabel *label)
{
  GtkWidget *child;

  hearsay_inspector_flush_text (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attributes_box))) != NULL)
    gtk_box_remove (self->attributes_box, child);
  g_hash_table_remove_all (self->editors);
  if (label == NULL)
    return;

  for (guint i = 0; i < label->attributes->len; i++)
    {
      const HearsayAttributeDef *def = g_ptr_array_index (label->attributes, i);
      GtkWidget *editor = create_editor (self, def);
      GtkWidget *box, *name;

      if (editor == NULL)
        continue;
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      if (def->kind != HEARSAY_ATTRIBUTE_BOOLEAN)
        {
          name = gtk_label_new (hearsay_scheme_translate (def->name));
          gtk_label_set_xalign (GTK_LABEL (name), 0);
          gtk_widget_add_css_class (name, "heading");
          gtk_widget_add_css_class (name, "field-name");
          gtk_box_append (GTK_BOX (box), name);
        }
      gtk_widget_set_sensitive (editor, self->editable || def->kind == HEARSAY_ATTRIBUTE_DERIVED);
      gtk_box_append (GTK_BOX (box), editor);
      gtk_box_append (self->attributes_box, box);
      g_hash_table_insert (self->editors, g_strdup (def->id), editor);
    }
}
