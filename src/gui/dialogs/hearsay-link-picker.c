/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-link-picker.c: the dialog behind "Link…" (L). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-dialog-util.h"
#include "hearsay-error.h"
#include "hearsay-link-picker-private.h"

G_DEFINE_FINAL_TYPE (HearsayLinkPicker, hearsay_link_picker, GTK_TYPE_WINDOW)

enum {
  LINKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkListBox *
visible_list (HearsayLinkPicker *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (name, "other") == 0)
    return self->other_list;
  if (g_strcmp0 (name, "entity") == 0)
    return self->entity_list;
  return self->document_list;
}

static GtkSearchEntry *
visible_search (HearsayLinkPicker *self)
{
  GtkListBox *list = visible_list (self);

  if (list == self->other_list)
    return self->other_search;
  if (list == self->entity_list)
    return self->entity_search;
  return self->document_search;
}

static void
update_types (HearsayLinkPicker *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(HearsayAnnotation) target = NULL;

  g_clear_pointer (&self->type_override, g_free);
  g_ptr_array_set_size (self->type_ids, 0);
  hearsay_dialog_show_message (self->message_label, NULL, FALSE);

  if (self->target_entity_id != 0)
    types = hearsay_link_picker_types_for (self, NULL, FALSE);
  else if (self->target_annotation_id != 0 &&
           (target = hearsay_project_get_annotation (self->project, self->target_annotation_id, NULL)) != NULL)
    types = hearsay_link_picker_types_for (self, target,
                                           hearsay_annotation_get_document_id (target) !=
                                           hearsay_annotation_get_document_id (self->source));

  for (guint i = 0; types && i < types->len; i++)
    {
      const HearsayRelationType *type = g_ptr_array_index (types, i);

      g_ptr_array_add (self->type_ids, g_strdup (type->id));
      gtk_string_list_append (names, hearsay_scheme_translate (type->name ? type->name : type->id));
    }
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->type_dropdown, self->type_ids->len > 0 ? 0 : GTK_INVALID_LIST_POSITION);
  gtk_widget_set_sensitive (GTK_WIDGET (self->type_dropdown), self->type_ids->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->link_button), self->type_ids->len > 0);
}

/* The target is the selected row of the page in view. */
static void
update_target (HearsayLinkPicker *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (visible_list (self));
  HearsayAnnotation *annotation = row ? g_object_get_data (G_OBJECT (row), "hearsay-annotation") : NULL;
  HearsayEntity *entity = row ? g_object_get_data (G_OBJECT (row), "hearsay-entity") : NULL;

  self->target_annotation_id = annotation ? hearsay_annotation_get_id (annotation) : 0;
  self->target_entity_id = entity ? hearsay_entity_get_id (entity) : 0;
  update_types (self);
}

static void
on_row_selected (GtkListBox        *list,
                 GtkListBoxRow     *row,
                 HearsayLinkPicker *self)
{
  if (!self->filling && list == visible_list (self))
    update_target (self);
}

static void
on_visible_child_changed (HearsayLinkPicker *self)
{
  if (self->filling)
    return;
  update_target (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (visible_search (self)));
}

static void
on_search_changed (GtkSearchEntry    *entry,
                   HearsayLinkPicker *self)
{
  if (entry == self->document_search)
    hearsay_link_picker_fill_document (self);
  else if (entry == self->other_search)
    hearsay_link_picker_fill_other (self);
  else
    hearsay_link_picker_fill_entities (self);
  update_target (self);
}

static void
scroll_to_row (GtkListBox    *list,
               GtkListBoxRow *row)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page;

  if (scrolled == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (list), &bounds))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  if (bounds.origin.y < value)
    gtk_adjustment_set_value (adjustment, bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > value + page)
    gtk_adjustment_set_value (adjustment, bounds.origin.y + bounds.size.height - page);
}

/* Up and Down in a search entry move through its list; focus stays put so
 * that typing goes on narrowing the search. */
static gboolean
on_search_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       HearsayLinkPicker     *self)
{
  GtkListBox *list = visible_list (self);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);
  int step, index;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    step = 1;
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    step = -1;
  else
    return FALSE;

  index = row ? gtk_list_box_row_get_index (row) + step : 0;
  while ((row = gtk_list_box_get_row_at_index (list, MAX (index, 0))) != NULL &&
         !gtk_list_box_row_get_selectable (row) && index >= 0)
    index += step;
  if (row != NULL && index >= 0)
    {
      gtk_list_box_select_row (list, row);
      scroll_to_row (list, row);
    }
  return TRUE;
}

static void
on_activate (HearsayLinkPicker *self)
{
  hearsay_link_picker_link (self, NULL);
}

static void
on_new_entity_toggled (GtkToggleButton   *toggle,
                       HearsayLinkPicker *self)
{
  if (gtk_toggle_button_get_active (toggle))
    gtk_widget_grab_focus (GTK_WIDGET (self->new_entity_name));
}

static void
on_new_entity_add (HearsayLinkPicker *self)
{
  g_autoptr(GError) error = NULL;

  if (hearsay_link_picker_add_entity (self, &error) == 0)
    {
      hearsay_dialog_show_message (self->message_label, error->message, TRUE);
      return;
    }
  gtk_toggle_button_set_active (self->new_entity_toggle, FALSE);
  update_target (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entity_search));
}

static gboolean
switch_page (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  HearsayLinkPicker *self = HEARSAY_LINK_PICKER (widget);
  GtkStackPage *pages[] = { self->document_page, self->other_page, self->entity_page };
  int step = g_variant_get_int32 (args);
  int current = 0;

  for (int i = 0; i < 3; i++)
    if (gtk_stack_page_get_child (pages[i]) == gtk_stack_get_visible_child (self->stack))
      current = i;
  for (int i = 1; i < 3; i++)
    {
      GtkStackPage *page = pages[(current + step * i + 3) % 3];

      if (gtk_stack_page_get_visible (page))
        {
          gtk_stack_set_visible_child (self->stack, gtk_stack_page_get_child (page));
          break;
        }
    }
  return TRUE;
}

static void
hearsay_link_picker_dispose (GObject *object)
{
  HearsayLinkPicker *self = HEARSAY_LINK_PICKER (object);

  /* Tearing the lists down selects nothing: no handler may run now. */
  self->filling = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARSAY_TYPE_LINK_PICKER);
  g_clear_object (&self->project);
  g_clear_object (&self->source);
  g_clear_pointer (&self->document_annotations, g_ptr_array_unref);
  g_clear_pointer (&self->document_titles, g_hash_table_unref);
  g_clear_pointer (&self->type_ids, g_ptr_array_unref);
  g_clear_pointer (&self->kind_ids, g_ptr_array_unref);
  g_clear_pointer (&self->type_override, g_free);

  G_OBJECT_CLASS (hearsay_link_picker_parent_class)->dispose (object);
}

static void
hearsay_link_picker_class_init (HearsayLinkPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearsay_link_picker_dispose;

  /**
   * HearsayLinkPicker::linked:
   * @relation_id: the new relation
   */
  signals[LINKED] = g_signal_new ("linked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearsay/Hearsay/dialogs/hearsay-link-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, source_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, source_text);
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, message_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, document_page);
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, other_page);
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, entity_page);
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, document_search);
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, other_search);
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, entity_search);
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, document_list);
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, other_list);
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, entity_list);
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, new_entity_toggle);
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, new_entity_name);
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, new_entity_kind);
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, new_entity_add);
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearsayLinkPicker, link_button);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, switch_page, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, switch_page, "i", -1);
}

static void
entity_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  const char *section = g_object_get_data (G_OBJECT (row), "hearsay-section");
  GtkWidget *header;

  if (section == NULL)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  header = gtk_label_new (section);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_set_margin_start (header, 8);
  gtk_widget_set_margin_top (header, before ? 12 : 6);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_list_box_row_set_header (row, header);
}

static void
hearsay_link_picker_init (HearsayLinkPicker *self)
{
  GtkSearchEntry *entries[3];
  GtkListBox *lists[3];

  gtk_widget_init_template (GTK_WIDGET (self));
  hearsay_dialog_add_close_shortcut (GTK_WINDOW (self));

  self->type_ids = g_ptr_array_new_with_free_func (g_free);
  self->kind_ids = g_ptr_array_new_with_free_func (g_free);
  self->document_titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  entries[0] = self->document_search;
  entries[1] = self->other_search;
  entries[2] = self->entity_search;
  lists[0] = self->document_list;
  lists[1] = self->other_list;
  lists[2] = self->entity_list;
  for (guint i = 0; i < 3; i++)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();

      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed), self);
      gtk_widget_add_controller (GTK_WIDGET (entries[i]), keys);
      g_signal_connect (entries[i], "search-changed", G_CALLBACK (on_search_changed), self);
      g_signal_connect_swapped (entries[i], "activate", G_CALLBACK (on_activate), self);
      g_signal_connect_swapped (entries[i], "stop-search", G_CALLBACK (gtk_window_close), self);
      g_signal_connect (lists[i], "row-selected", G_CALLBACK (on_row_selected), self);
      g_signal_connect_swapped (lists[i], "row-activated", G_CALLBACK (on_activate), self);
    }
  gtk_list_box_set_header_func (self->entity_list, entity_header, NULL, NULL);
  g_signal_connect_swapped (self->stack, "notify::visible-child", G_CALLBACK (on_visible_child_changed), self);
  g_signal_connect_swapped (self->link_button, "clicked", G_CALLBACK (on_activate), self);
  g_signal_connect (self->new_entity_toggle, "toggled", G_CALLBACK (on_new_entity_toggled), self);
  g_signal_connect_swapped (self->new_entity_add, "clicked", G_CALLBACK (on_new_entity_add), self);
  g_signal_connect_swapped (self->new_entity_name, "activate", G_CALLBACK (on_new_entity_add), self);
}

static gboolean
has_types (HearsayLinkPicker *self,
           gboolean           to_entity,
           gboolean           cross_document)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (self->project);
  const char *from = hearsay_annotation_get_label (self->source);

  for (guint i = 0; i < hearsay_scheme_get_n_relation_types (scheme); i++)
    {
      const HearsayRelationType *type = hearsay_scheme_get_relation_type (scheme, i);

      if (type->from_labels != NULL && g_strv_contains ((const char * const *) type->from_labels, from) &&
          !type->to_entity == !to_entity && (!cross_document || type->cross_document))
        return TRUE;
    }
  return FALSE;
}

static void
setup (HearsayLinkPicker *self)
{
  HearsayScheme *scheme = hearsay_project_get_scheme (self->project);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = hearsay_annotation_dup_text (self->source);
  g_autofree char *quoted = g_strdup_printf (_("“%s”"), text);
  const char *label = hearsay_annotation_get_label (self->source);
  const HearsayLabel *def = hearsay_scheme_lookup_label (scheme, label);
  GtkWidget *swatch = hearsay_dialog_swatch_new (def ? def->color : NULL);
  gboolean to_annotations = has_types (self, FALSE, FALSE);
  gboolean to_other = has_types (self, FALSE, TRUE);
  gboolean to_entity = has_types (self, TRUE, FALSE);

  gtk_widget_set_margin_top (swatch, 3);
  gtk_widget_set_valign (swatch, GTK_ALIGN_START);
  gtk_widget_insert_after (swatch, gtk_widget_get_parent (GTK_WIDGET (self->source_label)),
                           gtk_widget_get_prev_sibling (GTK_WIDGET (self->source_label)));
  gtk_label_set_text (self->source_label, def ? hearsay_dialog_label_name (scheme, label) : label);
  gtk_label_set_text (self->source_text, quoted);
  gtk_editable_set_text (GTK_EDITABLE (self->new_entity_name), text);

  documents = hearsay_project_list_documents (self->project, &error);
  for (guint i = 0; documents && i < documents->len; i++)
    {
      HearsayDocument *document = g_ptr_array_index (documents, i);
      gint64 *id = g_new (gint64, 1);

      *id = hearsay_document_get_id (document);
      g_hash_table_insert (self->document_titles, id, g_strdup (hearsay_document_get_title (document)));
    }
  self->document_annotations = hearsay_project_list_annotations (self->project,
                                                                 hearsay_annotation_get_document_id (self->source),
                                                                 error ? NULL : &error);
  if (self->document_annotations == NULL)
    self->document_annotations = g_ptr_array_new ();

  for (guint i = 0; i < hearsay_scheme_get_n_entity_kinds (scheme); i++)
    {
      const HearsayEntityKind *kind = hearsay_scheme_get_entity_kind (scheme, i);

      g_ptr_array_add (self->kind_ids, g_strdup (kind->id));
      gtk_string_list_append (kinds, hearsay_scheme_translate (kind->name ? kind->name : kind->id));
    }
  gtk_drop_down_set_model (self->new_entity_kind, G_LIST_MODEL (kinds));

  gtk_stack_page_set_visible (self->other_page, to_other);
  gtk_stack_page_set_visible (self->entity_page, to_entity);
  gtk_stack_page_set_visible (self->document_page, to_annotations || !to_entity);

  hearsay_link_picker_fill_document (self);
  if (to_other)
    hearsay_link_picker_fill_other (self);
  if (to_entity)
    hearsay_link_picker_fill_entities (self);

  /* A mention is linked to its entity far more often than to a span. */
  if (to_entity)
    gtk_stack_set_visible_child_name (self->stack, "entity");
  else
    gtk_stack_set_visible_child_name (self->stack, "document");
  update_target (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (visible_search (self)));

  if (error != NULL)
    hearsay_dialog_show_message (self->message_label, error->message, TRUE);
  else if (!to_annotations && !to_entity)
    {
      g_autofree char *message =
        g_strdup_printf (_("The scheme defines no relation from “%s” annotations."),
                         hearsay_dialog_label_name (scheme, label));

      hearsay_dialog_show_message (self->message_label, message, FALSE);
    }
}

HearsayLinkPicker *
hearsay_link_picker_new (GtkWindow      *parent,
                         HearsayProject *project,
                         gint64          from_annotation_id)
{
  HearsayLinkPicker *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HEARSAY_IS_PROJECT (project), NULL);

  self = g_object_new (HEARSAY_TYPE_LINK_PICKER, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  self->source = hearsay_project_get_annotation (project, from_annotation_id, &error);
  if (self->source == NULL)
    {
      self->document_annotations = g_ptr_array_new ();
      gtk_widget_set_sensitive (GTK_WIDGET (self->stack), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->link_button), FALSE);
      hearsay_dialog_show_message (self->message_label, error->message, TRUE);
      return self;
    }
  setup (self);
  return self;
}

void
hearsay_link_picker_select_target (HearsayLinkPicker *self,
                                   gint64             annotation_id)
{
  g_autoptr(HearsayAnnotation) target = NULL;
  GtkSearchEntry *search;
  GtkListBox *list;
  GtkListBoxRow *row;
  gboolean same_document;

  g_return_if_fail (HEARSAY_IS_LINK_PICKER (self));

  if (self->source == NULL || (target = hearsay_project_get_annotation (self->project, annotation_id, NULL)) == NULL)
    return;
  same_document = hearsay_annotation_get_document_id (target) == hearsay_annotation_get_document_id (self->source);
  list = same_document ? self->document_list : self->other_list;
  search = same_document ? self->document_search : self->other_search;

  self->target_annotation_id = annotation_id;
  self->target_entity_id = 0;
  self->filling = TRUE;
  if (same_document || gtk_stack_page_get_visible (self->other_page))
    gtk_stack_set_visible_child_name (self->stack, same_document ? "document" : "other");
  self->filling = FALSE;

  row = hearsay_link_picker_find_row (list, "hearsay-annotation", annotation_id);
  if (row == NULL && *gtk_editable_get_text (GTK_EDITABLE (search)) != '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (search), "");
      if (same_document)
        hearsay_link_picker_fill_document (self);
      else
        hearsay_link_picker_fill_other (self);
      row = hearsay_link_picker_find_row (list, "hearsay-annotation", annotation_id);
    }
  if (row != NULL)
    {
      gtk_list_box_select_row (list, row);
      scroll_to_row (list, row);
      update_target (self);
      return;
    }
  /* Not a target the lists offer: keep it, and let the core judge on "Link". */
  self->filling = TRUE;
  gtk_list_box_unselect_all (list);
  self->filling = FALSE;
  self->target_annotation_id = annotation_id;
  update_types (self);
}

void
hearsay_link_picker_select_entity (HearsayLinkPicker *self,
                                   gint64             entity_id)
{
  GtkListBoxRow *row;

  g_return_if_fail (HEARSAY_IS_LINK_PICKER (self));

  if (self->source == NULL)
    return;
  self->target_annotation_id = 0;
  self->target_entity_id = entity_id;
  if (gtk_stack_page_get_visible (self->entity_page))
    gtk_stack_set_visible_child_name (self->stack, "entity");
  row = hearsay_link_picker_find_row (self->entity_list, "hearsay-entity", entity_id);
  if (row == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entity_search), "");
      hearsay_link_picker_fill_entities (self);
      row = hearsay_link_picker_find_row (self->entity_list, "hearsay-entity", entity_id);
    }
  if (row != NULL && gtk_stack_page_get_visible (self->entity_page))
    {
      gtk_list_box_select_row (self->entity_list, row);
      update_target (self);
      return;
    }
  self->target_annotation_id = 0;
  self->target_entity_id = entity_id;
  update_types (self);
}

gboolean
hearsay_link_picker_set_relation_type (HearsayLinkPicker *self,
                                       const char        *type_id)
{
  guint index;

  g_return_val_if_fail (HEARSAY_IS_LINK_PICKER (self), FALSE);
  g_return_val_if_fail (type_id != NULL, FALSE);

  g_clear_pointer (&self->type_override, g_free);
  if (g_ptr_array_find_with_equal_func (self->type_ids, type_id, g_str_equal, &index))
    {
      gtk_drop_down_set_selected (self->type_dropdown, index);
      return TRUE;
    }
  self->type_override = g_strdup (type_id);
  return FALSE;
}

const char *
hearsay_link_picker_get_relation_type (HearsayLinkPicker *self)
{
  guint index;

  g_return_val_if_fail (HEARSAY_IS_LINK_PICKER (self), NULL);

  index = gtk_drop_down_get_selected (self->type_dropdown);
  return index < self->type_ids->len ? g_ptr_array_index (self->type_ids, index) : NULL;
}

gint64
hearsay_link_picker_link (HearsayLinkPicker *self,
                          GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *type_id;
  gint64 id = 0;

  g_return_val_if_fail (HEARSAY_IS_LINK_PICKER (self), 0);

  type_id = self->type_override ? self->type_override : hearsay_link_picker_get_relation_type (self);
  if (self->source == NULL)
    g_set_error_literal (&local_error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_NOT_FOUND,
                         _("The annotation to link from no longer exists"));
  else if (self->target_annotation_id == 0 && self->target_entity_id == 0)
    g_set_error_literal (&local_error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                         _("Choose an annotation or an entity to link to"));
  else if (type_id == NULL)
    g_set_error_literal (&local_error, HEARSAY_PROJECT_ERROR, HEARSAY_PROJECT_ERROR_INVALID_VALUE,
                         _("The scheme allows no relation between these two"));
  else if (self->target_entity_id != 0)
    id = hearsay_project_link_entity (self->project, type_id, hearsay_annotation_get_id (self->source),
                                      self->target_entity_id, &local_error);
  else
    id = hearsay_project_create_relation (self->project, type_id, hearsay_annotation_get_id (self->source),
                                          self->target_annotation_id, &local_error);

  if (id == 0)
    {
      hearsay_dialog_show_message (self->message_label, local_error->message, TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }
  g_signal_emit (self, signals[LINKED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return id;
}
