/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-document-panel.c: a form for one document's metadata and the
 * scheme's document fields; each change is one hearsay_project_update_document. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n-lib.h>

#include "hearsay-document-panel.h"
#include "hearsay-date.h"

#define SAVE_DELAY_MS 500

struct _HearsayDocumentPanel
{
  GtkWidget parent_instance;

  HearsayProject *project;
  HearsayScheme *scheme;          /* keeps the field definitions alive */
  gint64 document_id;
  HearsayDocument *document;
  GPtrArray *entities;            /* HearsayEntity, the whole registry */
  GPtrArray *field_widgets;       /* one editor per document field */
  gboolean filling;
  GtkWidget *pending_entry;
  guint save_source;

  GtkStack *stack;
  GtkEntry *title_entry;
  GtkEntry *outlet_entry;
  GtkMenuButton *outlet_menu;
  GtkListBox *outlet_list;
  GtkButton *create_outlet_button;
  GtkEntry *url_entry;
  GtkEntry *date_entry;
  GtkLabel *date_error;
  GtkEntry *language_entry;
  GtkGrid *fields_grid;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (HearsayDocumentPanel, hearsay_document_panel, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_PROJECT, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* Entity kinds that can be a document's outlet. */
static const char *media_kinds[] = { "state_media", "state_news_agency", "wire_agency", "independent_media", NULL };

typedef void (*ApplyFunc) (HearsayDocumentPanel *self, HearsayDocument *document, gpointer data);

static void
show_error (HearsayDocumentPanel *self,
            const GError         *error)
{
  gtk_label_set_text (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

/* Applies one change to a fresh copy of the document and stores it. */
static void
edit_document (HearsayDocumentPanel *self,
               ApplyFunc             apply,
               gpointer              data)
{
  g_autoptr(HearsayDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (self->filling || self->project == NULL || self->document_id == 0)
    return;
  document = hearsay_project_load_document (self->project, self->document_id, &error);
  if (document != NULL)
    {
      apply (self, document, data);
      if (hearsay_project_update_document (self->project, document, &error))
        return;
    }
  show_error (self, error);
}

static char *
entry_text (GtkEntry *entry)
{
  char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  g_strstrip (text);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
set_entry_text (GtkEntry   *entry,
                const char *text)
{
  /* Leaves the caret alone when a save comes back with what is typed. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

static gboolean
is_media_kind (const char *kind)
{
  return kind != NULL && g_strv_contains (media_kinds, kind);
}

static gboolean
entity_named (HearsayDocumentPanel *self,
              const char           *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; self->entities != NULL && i < self->entities->len; i++)
    {
      HearsayEntity *entity = g_ptr_array_index (self->entities, i);
      const char * const *aliases = hearsay_entity_get_aliases (entity);
      g_autofree char *entity_name = g_utf8_casefold (hearsay_entity_get_name (entity), -1);

      if (g_strcmp0 (entity_name, folded) == 0)
        return TRUE;
      for (guint j = 0; aliases != NULL && aliases[j] != NULL; j++)
        {
          g_autofree char *alias = g_utf8_casefold (aliases[j], -1);

          if (g_strcmp0 (alias, folded) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static void
update_create_outlet (HearsayDocumentPanel *self)
{
  g_autofree char *outlet = entry_text (self->outlet_entry);

  gtk_widget_set_visible (GTK_WIDGET (self->create_outlet_button),
                          outlet != NULL && self->project != NULL && !entity_named (self, outlet));
}

static void
apply_text (HearsayDocumentPanel *self,
            HearsayDocument      *document,
            gpointer              data)
{
  GtkEntry *entry = data;
  g_autofree char *text = entry_text (entry);

  if (entry == self->title_entry)
    hearsay_document_set_title (document, text);
  else if (entry == self->outlet_entry)
    hearsay_document_set_outlet (document, text);
  else if (entry == self->url_entry)
    hearsay_document_set_url (document, text);
  else if (entry == self->date_entry)
    hearsay_document_set_published_at (document, text);
  else if (entry == self->language_entry)
    hearsay_document_set_language (document, text);
  else
    {
      const HearsayAttributeDef *field = g_object_get_data (G_OBJECT (entry), "field");
      const char *values[] = { text, NULL };

      hearsay_document_set_field (document, field->id, values);
    }
}

static const char *
stored_text (HearsayDocumentPanel *self,
             GtkEntry             *entry)
{
  HearsayDocument *doc = self->document;
  const HearsayAttributeDef *field;
  const char * const *values;

  if (doc == NULL)
    return NULL;
  if (entry == self->title_entry)
    return hearsay_document_get_title (doc);
  if (entry == self->outlet_entry)
    return hearsay_document_get_outlet (doc);
  if (entry == self->url_entry)
    return hearsay_document_get_url (doc);
  if (entry == self->date_entry)
    return hearsay_document_get_published_at (doc);
  if (entry == self->language_entry)
    return hearsay_document_get_language (doc);
  field = g_object_get_data (G_OBJECT (entry), "field");
  values = field ? hearsay_document_get_field (doc, field->id) : NULL;
  return values ? values[0] : NULL;
}

static void
commit_entry (HearsayDocumentPanel *self,
              GtkWidget            *widget)
{
  GtkEntry *entry = GTK_ENTRY (widget);
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (widget == NULL || widget != self->pending_entry)
    return;
  self->pending_entry = NULL;
  text = entry_text (entry);
  if (entry == self->date_entry)
    {
      g_autoptr(GError) error = NULL;

      /* A malformed date is shown, never stored. */
      if (text != NULL && !hearsay_date_check (text, &error))
        {
          gtk_label_set_text (self->date_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->date_error), TRUE);
          gtk_widget_add_css_class (widget, "error");
          return;
        }
      gtk_widget_set_visible (GTK_WIDGET (self->date_error), FALSE);
      gtk_widget_remove_css_class (widget, "error");
    }
  if (g_strcmp0 (text, stored_text (self, entry)) != 0)
    edit_document (self, apply_text, entry);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  HearsayDocumentPanel *self = user_data;

  self->save_source = 0;
  commit_entry (self, self->pending_entry);
  return G_SOURCE_REMOVE;
}

static void
entry_changed_cb (GtkEditable          *entry,
                  HearsayDocumentPanel *self)
{
  if (GTK_ENTRY (entry) == self->outlet_entry)
    update_create_outlet (self);
  if (self->filling)
    return;
  if (self->pending_entry != NULL && self->pending_entry != GTK_WIDGET (entry))
    commit_entry (self, self->pending_entry);
  self->pending_entry = GTK_WIDGET (entry);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
entry_activate_cb (GtkEntry             *entry,
                   HearsayDocumentPanel *self)
{
  commit_entry (self, GTK_WIDGET (entry));
}

static void
entry_leave_cb (GtkEventControllerFocus *controller,
                HearsayDocumentPanel    *self)
{
  commit_entry (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
watch_entry (HearsayDocumentPanel *self,
             GtkEntry             *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (entry_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
}

/* Document fields */

static void
apply_values (HearsayDocumentPanel *self,
              HearsayDocument      *document,
              gpointer              data)
{
  GtkWidget *editor = data;
  const HearsayAttributeDef *field = g_object_get_data (G_OBJECT (editor), "field");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) values = NULL;

  if (GTK_IS_DROP_DOWN (editor))
    {
      guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (editor));

      /* Position 0 is "—": no value. */
      if (i > 0 && i <= field->values->len)
        g_strv_builder_add (builder, ((HearsayValueDef *) g_ptr_array_index (field->values, i - 1))->id);
    }
  else if (GTK_IS_CHECK_BUTTON (editor))
    {
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (editor)))
        g_strv_builder_add (builder, "true");
    }
  else
    {
      for (GtkWidget *child = gtk_widget_get_first_child (editor); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          GtkWidget *check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

          if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
            g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "value"));
        }
    }
  values = g_strv_builder_end (builder);
  hearsay_document_set_field (document, field->id, (const char * const *) values);
}

static void
field_changed_cb (GtkWidget            *editor,
                  GParamSpec           *pspec,
                  HearsayDocumentPanel *self)
{
  if (!self->filling)
    edit_document (self, apply_values, editor);
}

static void
frame_toggled_cb (GtkCheckButton       *check,
                  HearsayDocumentPanel *self)
{
  /* The flow box holds every value of the multi-choice field. */
  GtkWidget *editor = gtk_widget_get_ancestor (GTK_WIDGET (check), GTK_TYPE_FLOW_BOX);

  if (!self->filling)
    edit_document (self, apply_values, editor);
}

static GtkWidget *
create_editor (HearsayDocumentPanel      *self,
               const HearsayAttributeDef *field)
{
  GtkWidget *editor = NULL;

  switch (field->kind)
    {
    case HEARSAY_ATTRIBUTE_SINGLE:
      {
        g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

        gtk_string_list_append (names, "—");
        for (guint i = 0; i < field->values->len; i++)
          gtk_string_list_append (names, hearsay_scheme_translate (((HearsayValueDef *) g_ptr_array_index (field->values, i))->name));
        editor = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&names)), NULL);
        gtk_widget_set_hexpand (editor, TRUE);
        g_signal_connect (editor, "notify::selected", G_CALLBACK (field_changed_cb), self);
      }
      break;
    case HEARSAY_ATTRIBUTE_MULTI:
      editor = gtk_flow_box_new ();
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (editor), GTK_SELECTION_NONE);
      gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (editor), FALSE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (editor), 2);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (editor), 12);
      gtk_widget_set_hexpand (editor, TRUE);
      for (guint i = 0; i < field->values->len; i++)
        {
          const HearsayValueDef *value = g_ptr_array_index (field->values, i);
          GtkWidget *check = gtk_check_button_new ();
          GtkWidget *label = gtk_label_new (hearsay_scheme_translate (value->name));

          /* Long frame names wrap rather than widen a narrow sidebar. */
          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);

          g_object_set_data_full (G_OBJECT (check), "value", g_strdup (value->id), g_free);
          g_signal_connect (check, "toggled", G_CALLBACK (frame_toggled_cb), self);
          gtk_flow_box_append (GTK_FLOW_BOX (editor), check);
        }
      break;
    case HEARSAY_ATTRIBUTE_BOOLEAN:
      editor = gtk_check_button_new ();
      g_signal_connect (editor, "notify::active", G_CALLBACK (field_changed_cb), self);
      break;
    case HEARSAY_ATTRIBUTE_TEXT:
      editor = gtk_entry_new ();
      gtk_widget_set_hexpand (editor, TRUE);
      watch_entry (self, GTK_ENTRY (editor));
      break;
    case HEARSAY_ATTRIBUTE_DERIVED:
    default:
      return NULL;   /* computed, not edited */
    }
  g_object_set_data (G_OBJECT (editor), "field", (gpointer) field);
  /* Named after the field, for style sheets and tests. */
  gtk_widget_set_name (editor, field->id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (editor), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hearsay_scheme_translate (field->name), -1);
  return editor;
}

static void
rebuild_fields (HearsayDocumentPanel *self)
{
  GtkWidget *child;
  guint row = 0;

  /* A field entry with unsaved text is about to go: save it first. */
  commit_entry (self, self->pending_entry);
  self->pending_entry = NULL;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_grid))) != NULL)
    gtk_grid_remove (self->fields_grid, child);
  g_ptr_array_set_size (self->field_widgets, 0);
  g_clear_object (&self->scheme);
  if (self->project != NULL)
    self->scheme = g_object_ref (hearsay_project_get_scheme (self->project));

  for (guint i = 0; self->scheme != NULL && i < hearsay_scheme_get_n_document_fields (self->scheme); i++)
    {
      const HearsayAttributeDef *field = hearsay_scheme_get_document_field (self->scheme, i);
      GtkWidget *editor = create_editor (self, field);
      GtkWidget *label;

      if (editor == NULL)
        continue;
      label = gtk_label_new (hearsay_scheme_translate (field->name));
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_set_valign (label, field->kind == HEARSAY_ATTRIBUTE_MULTI ? GTK_ALIGN_START : GTK_ALIGN_CENTER);
      if (field->kind == HEARSAY_ATTRIBUTE_MULTI)
        gtk_widget_set_margin_top (label, 4);
      gtk_grid_attach (self->fields_grid, label, 0, row, 1, 1);
      gtk_grid_attach (self->fields_grid, editor, 1, row, 1, 1);
      g_ptr_array_add (self->field_widgets, editor);
      row++;
    }
}

static void
fill_editor (HearsayDocumentPanel *self,
             GtkWidget            *editor)
{
  const HearsayAttributeDef *field = g_object_get_data (G_OBJECT (editor), "field");
  const char * const *values = hearsay_document_get_field (self->document, field->id);
  const char *first = values ? values[0] : NULL;

  if (GTK_IS_DROP_DOWN (editor))
    {
      guint selected = 0;

      for (guint i = 0; first != NULL && i < field->values->len; i++)
        if (g_strcmp0 (((HearsayValueDef *) g_ptr_array_index (field->values, i))->id, first) == 0)
          selected = i + 1;
      gtk_drop_down_set_selected (GTK_DROP_DOWN (editor), selected);
    }
  else if (GTK_IS_CHECK_BUTTON (editor))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (editor), g_strcmp0 (first, "true") == 0);
  else if (GTK_IS_ENTRY (editor))
    set_entry_text (GTK_ENTRY (editor), first);
  else
    for (GtkWidget *child = gtk_widget_get_first_child (editor); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        GtkWidget *check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
        const char *value = g_object_get_data (G_OBJECT (check), "value");

        gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                     values != NULL && g_strv_contains (values, value));
      }
}

static void
fill_form (HearsayDocumentPanel *self)
{
  HearsayDocument *doc = self->document;

  gtk_stack_set_visible_child_name (self->stack, doc ? "form" : "empty");
  if (doc == NULL)
    return;
  self->filling = TRUE;
  set_entry_text (self->title_entry, hearsay_document_get_title (doc));
  set_entry_text (self->outlet_entry, hearsay_document_get_outlet (doc));
  set_entry_text (self->url_entry, hearsay_document_get_url (doc));
  set_entry_text (self->date_entry, hearsay_document_get_published_at (doc));
  set_entry_text (self->language_entry, hearsay_document_get_language (doc));
  for (guint i = 0; i < self->field_widgets->len; i++)
    fill_editor (self, g_ptr_array_index (self->field_widgets, i));
  self->filling = FALSE;
  update_create_outlet (self);
}

static void
reload_document (HearsayDocumentPanel *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->document);
  if (self->project != NULL && self->document_id != 0)
    self->document = hearsay_project_load_document (self->project, self->document_id, &error);
  if (error != NULL)
    g_debug ("Document %" PRId64 " is gone: %s", self->document_id, error->message);
  fill_form (self);
}

/* Outlets */

static void
reload_entities (HearsayDocumentPanel *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n_outlets = 0;

  g_clear_pointer (&self->entities, g_ptr_array_unref);
  if (self->project != NULL)
    self->entities = hearsay_project_list_entities (self->project, &error);
  if (error != NULL)
    g_warning ("Could not list entities: %s", error->message);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outlet_list))) != NULL)
    gtk_list_box_remove (self->outlet_list, child);
  for (guint i = 0; self->entities != NULL && i < self->entities->len; i++)
    {
      HearsayEntity *entity = g_ptr_array_index (self->entities, i);
      GtkWidget *label;

      if (!is_media_kind (hearsay_entity_get_kind (entity)))
        continue;
      label = gtk_label_new (hearsay_entity_get_name (entity));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 4);
      gtk_widget_set_margin_bottom (label, 4);
      gtk_list_box_append (self->outlet_list, label);
      g_object_set_data_full (G_OBJECT (gtk_widget_get_parent (label)), "name",
                              g_strdup (hearsay_entity_get_name (entity)), g_free);
      n_outlets++;
    }
  if (n_outlets == 0)
    {
      GtkWidget *label = gtk_label_new (_("No outlets in the entity registry"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_list_box_append (self->outlet_list, label);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (gtk_widget_get_parent (label)), FALSE);
    }
  update_create_outlet (self);
}

static void
outlet_picked_cb (HearsayDocumentPanel *self,
                  GtkListBoxRow        *row)
{
  const char *name = g_object_get_data (G_OBJECT (row), "name");

  gtk_menu_button_popdown (self->outlet_menu);
  if (name == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->outlet_entry), name);
  commit_entry (self, GTK_WIDGET (self->outlet_entry));
}

static void
create_outlet_cb (HearsayDocumentPanel *self)
{
  g_autofree char *name = entry_text (self->outlet_entry);
  g_autoptr(HearsayEntity) entity = NULL;
  g_autoptr(GError) error = NULL;

  if (name == NULL || self->project == NULL)
    return;
  /* The kind is a guess; the entity panel is where it gets corrected. */
  entity = hearsay_entity_new (name, "independent_media");
  if (!hearsay_project_add_entity (self->project, entity, &error))
    {
      show_error (self, error);
      return;
    }
  self->pending_entry = GTK_WIDGET (self->outlet_entry);
  commit_entry (self, GTK_WIDGET (self->outlet_entry));
}

static void
document_changed_cb (HearsayDocumentPanel *self,
                     gint64                document_id)
{
  if (document_id == self->document_id && self->document_id != 0)
    reload_document (self);
}

static void
scheme_changed_cb (HearsayDocumentPanel *self)
{
  rebuild_fields (self);
  reload_document (self);
}

static void
hearsay_document_panel_dispose (GObject *object)
{
  HearsayDocumentPanel *self = HEARSAY_DOCUMENT_PANEL (object);

  commit_entry (self, self->pending_entry);
  g_clear_handle_id (&self->save_source, g_source_remove);
  hearsay_document_panel_set_project (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARSAY_TYPE_DOCUMENT_PANEL);
  g_clear_object (&self->document);
  g_clear_object (&self->scheme);
  g_clear_pointer (&self->entities, g_ptr_array_unref);
  g_clear_pointer (&self->field_widgets, g_ptr_array_unref);

  G_OBJECT_CLASS (hearsay_document_panel_parent_class)->dispose (object);
}

static void
hearsay_document_panel_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  HearsayDocumentPanel *self = HEARSAY_DOCUMENT_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_document_panel_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  HearsayDocumentPanel *self = HEARSAY_DOCUMENT_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      hearsay_document_panel_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_document_panel_class_init (HearsayDocumentPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearsay_document_panel_dispose;
  object_class->get_property = hearsay_document_panel_get_property;
  object_class->set_property = hearsay_document_panel_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, HEARSAY_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hearsay/Hearsay/panels/hearsay-document-panel.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentPanel, title_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentPanel, outlet_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentPanel, outlet_menu);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentPanel, outlet_list);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentPanel, create_outlet_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentPanel, url_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentPanel, date_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentPanel, date_error);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentPanel, language_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentPanel, fields_grid);
  gtk_widget_class_bind_template_child (widget_class, HearsayDocumentPanel, error_label);
  gtk_widget_class_bind_template_callback (widget_class, outlet_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_outlet_cb);
}

static void
hearsay_document_panel_init (HearsayDocumentPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_widgets = g_ptr_array_new ();
  watch_entry (self, self->title_entry);
  watch_entry (self, self->outlet_entry);
  watch_entry (self, self->url_entry);
  watch_entry (self, self->date_entry);
  watch_entry (self, self->language_entry);
  fill_form (self);
}

GtkWidget *
hearsay_document_panel_new (HearsayProject *project)
{
  g_return_val_if_fail (project == NULL || HEARSAY_IS_PROJECT (project), NULL);
  return g_object_new (HEARSAY_TYPE_DOCUMENT_PANEL, "project", project, NULL);
}

HearsayProject *
hearsay_document_panel_get_project (HearsayDocumentPanel *self)
{
  g_return_val_if_fail (HEARSAY_IS_DOCUMENT_PANEL (self), NULL);
  return self->project;
}

void
hearsay_document_panel_set_project (HearsayDocumentPanel *self,
                                    HearsayProject       *project)
{
  g_return_if_fail (HEARSAY_IS_DOCUMENT_PANEL (self));
  g_return_if_fail (project == NULL || HEARSAY_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project != NULL)
    {
      commit_entry (self, self->pending_entry);
      g_signal_handlers_disconnect_by_data (self->project, self);
    }
  g_set_object (&self->project, project);
  self->document_id = 0;
  if (project != NULL)
    {
      g_signal_connect_swapped (project, "document-changed", G_CALLBACK (document_changed_cb), self);
      g_signal_connect_swapped (project, "documents-changed", G_CALLBACK (reload_document), self);
      g_signal_connect_swapped (project, "entities-changed", G_CALLBACK (reload_entities), self);
      g_signal_connect_swapped (project, "scheme-changed", G_CALLBACK (scheme_changed_cb), self);
    }
  if (self->field_widgets != NULL)
    {
      rebuild_fields (self);
      reload_entities (self);
      reload_document (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

void
hearsay_document_panel_set_document (HearsayDocumentPanel *self,
                                     gint64                document_id)
{
  g_return_if_fail (HEARSAY_IS_DOCUMENT_PANEL (self));

  if (self->document_id == document_id)
    return;
  /* Text typed for the previous document goes to that document. */
  commit_entry (self, self->pending_entry);
  self->document_id = document_id;
  show_error (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->date_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->date_entry), "error");
  reload_document (self);
}

gint64
hearsay_document_panel_get_document (HearsayDocumentPanel *self)
{
  g_return_val_if_fail (HEARSAY_IS_DOCUMENT_PANEL (self), 0);
  return self->document_id;
}
