/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-window.c: the main window. It owns the project and the selected
 * annotation, and tells the sidebar, the reader, the inspector and the
 * annotation list what to show. */
#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "hearsay-window-private.h"

G_DEFINE_FINAL_TYPE (HearsayWindow, hearsay_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_SELECTED_ANNOTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
hearsay_window_is_editable (HearsayWindow *self)
{
  return self->project != NULL && !hearsay_project_get_read_only (self->project);
}

void
hearsay_window_set_action_enabled (HearsayWindow *self,
                                   const char    *name,
                                   gboolean       enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
hearsay_window_show_error (HearsayWindow *self,
                           const char    *message,
                           const GError  *error)
{
  hearsay_show_error (GTK_WINDOW (self), message, error != NULL ? error->message : NULL);
}

static void
update_title (HearsayWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  gboolean read_only;

  if (self->project == NULL)
    {
      gtk_label_set_text (self->title_label, "Hearsay");
      gtk_window_set_title (GTK_WINDOW (self), "Hearsay");
      gtk_widget_set_visible (self->banner, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      return;
    }
  name = hearsay_project_dup_name (self->project);
  /* Translators: the window title, e.g. "default — Hearsay" */
  title = g_strdup_printf (_("%s — Hearsay"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_label_set_text (self->title_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), hearsay_project_get_path (self->project));
  read_only = hearsay_project_get_read_only (self->project);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), read_only);
  gtk_widget_set_visible (self->banner, read_only);
}

void
hearsay_window_set_selected_annotation (HearsayWindow     *self,
                                        HearsayAnnotation *annotation)
{
  g_return_if_fail (HEARSAY_IS_WINDOW (self));
  g_return_if_fail (annotation == NULL || HEARSAY_IS_ANNOTATION (annotation));

  /* A fresh copy of the same annotation is news too: followers refresh. */
  if (!g_set_object (&self->selected, annotation))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ANNOTATION]);
}

HearsayAnnotation *
hearsay_window_get_selected_annotation (HearsayWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), NULL);
  return self->selected;
}

gint64
hearsay_window_get_selected_annotation_id (HearsayWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), 0);
  return self->selected != NULL ? hearsay_annotation_get_id (self->selected) : 0;
}

void
hearsay_window_select_annotation (HearsayWindow *self,
                                  gint64         id)
{
  g_autoptr(HearsayAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HEARSAY_IS_WINDOW (self));

  if (id != 0 && self->project != NULL)
    {
      annotation = hearsay_project_get_annotation (self->project, id, &error);
      if (annotation == NULL)
        g_warning ("Could not load annotation %" PRId64 ": %s", id, error->message);
    }
  hearsay_window_set_selected_annotation (self, annotation);
}

static gboolean
annotation_to_id (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  HearsayAnnotation *annotation = g_value_get_object (from);

  g_value_set_int64 (to, annotation != NULL ? hearsay_annotation_get_id (annotation) : 0);
  return TRUE;
}

static void
on_selected_annotation (HearsayWindow *self)
{
  hearsay_window_actions_update (self);
}

/* The selected annotation changed in the project: read once, for all. */
static void
on_annotation_changed (HearsayProject *project,
                       gint64          document_id,
                       gint64          annotation_id,
                       HearsayWindow  *self)
{
  if (annotation_id == hearsay_window_get_selected_annotation_id (self))
    hearsay_window_select_annotation (self, annotation_id);
}

static void
on_annotation_removed (HearsayProject *project,
                       gint64          document_id,
                       gint64          annotation_id,
                       HearsayWindow  *self)
{
  if (annotation_id == hearsay_window_get_selected_annotation_id (self))
    hearsay_window_set_selected_annotation (self, NULL);
}

static void
on_annotation_selected (HearsayReader *reader,
                        gint64         id,
                        HearsayWindow *self)
{
  hearsay_window_select_annotation (self, id);
}

static void
on_annotation_activated (HearsayAnnotationList *list,
                         gint64                 id,
                         HearsayWindow         *self)
{
  hearsay_window_select_annotation (self, id);
  hearsay_reader_select_annotation (self->reader, id, TRUE);
  gtk_stack_set_visible_child_name (self->right_stack, "inspector");
}

/* Chosen in the list: selected everywhere, shown in the text. */
static void
on_list_annotation_selected (HearsayAnnotationList *list,
                             gint64                 id,
                             HearsayWindow         *self)
{
  hearsay_window_select_annotation (self, id);
  if (id != 0)
    hearsay_reader_reveal_annotation (self->reader, id);
}

gint64
hearsay_window_get_document_id (HearsayWindow *self)
{
  HearsayDocument *doc = hearsay_reader_get_document (self->reader);

  return doc != NULL ? hearsay_document_get_id (doc) : 0;
}

char *
hearsay_window_dup_document_title (HearsayWindow *self,
                                   gint64         document_id)
{
  HearsayDocument *shown = hearsay_reader_get_document (self->reader);
  g_autoptr(HearsayDocument) doc = NULL;
  const char *title = NULL;

  if (shown != NULL && hearsay_document_get_id (shown) == document_id)
    title = hearsay_document_get_title (shown);
  else if (self->project != NULL && document_id > 0 &&
           (doc = hearsay_project_load_document (self->project, document_id, NULL)) != NULL)
    title = hearsay_document_get_title (doc);
  return g_strdup (title != NULL && title[0] != '\0' ? title : _("Untitled"));
}

static void
show_document (HearsayWindow   *self,
               HearsayDocument *document)
{
  hearsay_window_set_selected_annotation (self, NULL);
  hearsay_reader_set_document (self->reader, document);
  hearsay_annotation_list_set_document (self->annotation_list, document != NULL ? hearsay_document_get_id (document) : 0);
  hearsay_document_panel_set_document (self->document_panel, document != NULL ? hearsay_document_get_id (document) : 0);
  if (document != NULL && self->settings != NULL)
    g_settings_set_int64 (self->settings, "last-document", hearsay_document_get_id (document));
  hearsay_window_actions_update (self);
  /* Ctrl+Z now means this document's edits. */
  hearsay_window_history_update (self);
}

static void
on_document_selected (HearsayDocumentList *list,
                      HearsayDocument     *listed,
                      HearsayWindow       *self)
{
  g_autoptr(HearsayDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  HearsayDocument *current = hearsay_reader_get_document (self->reader);

  if (listed != NULL && current != NULL &&
      hearsay_document_get_id (listed) == hearsay_document_get_id (current))
    return;
  if (listed != NULL)
    {
      document = hearsay_project_load_document (self->project, hearsay_document_get_id (listed), &error);
      if (document == NULL)
        hearsay_window_show_error (self, _("Could not open the document"), error);
    }
  show_document (self, document);
}

gboolean
hearsay_window_open_document (HearsayWindow *self,
                              gint64         id)
{
  g_autoptr(HearsayDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (hearsay_window_get_document_id (self) == id)
    return TRUE;
  if (hearsay_document_list_select_document (self->document_list, id) &&
      hearsay_window_get_document_id (self) == id)
    return TRUE;
  /* Hidden by the sidebar's filters: shown all the same. */
  if (self->project == NULL || (document = hearsay_project_load_document (self->project, id, &error)) == NULL)
    {
      if (error != NULL)
        hearsay_window_show_error (self, _("Could not open the document"), error);
      return FALSE;
    }
  show_document (self, document);
  return TRUE;
}

/* A search hit: open its document and select the passage. */
static void
on_passage_activated (HearsayDocumentList *list,
                      gint64               document_id,
                      gint64               start,
                      gint64               end,
                      HearsayWindow       *self)
{
  HearsayDocument *current;
  GtkTextBuffer *buffer;
  GtkTextIter from, to;

  hearsay_document_list_select_document (self->document_list, document_id);
  current = hearsay_reader_get_document (self->reader);
  if (current == NULL || hearsay_document_get_id (current) != document_id)
    return;
  hearsay_reader_scroll_to_offset (self->reader, start);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (hearsay_reader_get_view (self->reader)));
  gtk_text_buffer_get_iter_at_offset (buffer, &from, (int) CLAMP (start, 0, G_MAXINT));
  gtk_text_buffer_get_iter_at_offset (buffer, &to, (int) CLAMP (end, start, G_MAXINT));
  gtk_text_buffer_select_range (buffer, &from, &to);
  gtk_widget_grab_focus (GTK_WIDGET (hearsay_reader_get_view (self->reader)));
}

void
hearsay_window_show_document (HearsayWindow *self,
                              gint64         id)
{
  g_return_if_fail (HEARSAY_IS_WINDOW (self));
  hearsay_document_list_select_document (self->document_list, id);
}

void
hearsay_window_set_project (HearsayWindow  *self,
                            HearsayProject *project)
{
  gint64 last_document = -1;
  gboolean same_file = FALSE;

  g_return_if_fail (HEARSAY_IS_WINDOW (self));
  g_return_if_fail (project == NULL || HEARSAY_IS_PROJECT (project));

  if (self->project == project)
    return;

  hearsay_inspector_flush_note (self->inspector);
  if (self->settings != NULL && project != NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-project");
      const char *path = hearsay_project_get_path (project);
      g_autofree char *default_path = hearsay_project_default_path ();

      /* The last document only means something in the project it came from. */
      same_file = g_strcmp0 (last, path) == 0 ||
                  (last[0] == '\0' && g_strcmp0 (path, default_path) == 0);
      if (same_file)
        last_document = g_settings_get_int64 (self->settings, "last-document");
      g_settings_set_string (self->settings, "last-project", path);
    }

  hearsay_window_set_selected_annotation (self, NULL);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  hearsay_inspector_set_project (self->inspector, project);
  hearsay_reader_set_project (self->reader, project);
  hearsay_document_list_set_project (self->document_list, project);
  hearsay_annotation_list_set_project (self->annotation_list, project);
  hearsay_document_panel_set_project (self->document_panel, project);
  hearsay_entity_panel_set_project (self->entity_panel, project);
  /* After the inspector's own handlers: it drops a note being typed for a
   * removed annotation before the selection is cleared. */
  if (project != NULL)
    {
      g_signal_connect_object (project, "annotation-changed", G_CALLBACK (on_annotation_changed), self, 0);
      g_signal_connect_object (project, "annotation-removed", G_CALLBACK (on_annotation_removed), self, 0);
    }
  hearsay_window_edit_watch (self);
  update_title (self);
  hearsay_window_server_watch (self);

  if (project != NULL &&
      !(last_document > 0 && hearsay_document_list_select_document (self->document_list, last_document)) &&
      hearsay_document_list_get_n_documents (self->document_list) > 0)
    hearsay_document_list_select_document (self->document_list,
                                           hearsay_document_list_get_id_at (self->document_list, 0));
  /* Ready to read and to annotate from the keyboard. */
  if (hearsay_reader_get_document (self->reader) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (hearsay_reader_get_view (self->reader)));
  hearsay_window_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

HearsayProject *
hearsay_window_get_project (HearsayWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), NULL);
  return self->project;
}

static gboolean
hearsay_window_close_request (GtkWindow *window)
{
  HearsayWindow *self = HEARSAY_WINDOW (window);

  hearsay_inspector_flush_note (self->inspector);
  if (self->settings != NULL)
    {
      int width, height;
      gboolean maximized = gtk_window_is_maximized (window);

      /* The default size is the unmaximised size, which is what to restore. */
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_boolean (self->settings, "window-maximized", maximized);
      if (width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", width);
          g_settings_set_int (self->settings, "window-height", height);
        }
      g_settings_set_int (self->settings, "sidebar-width", gtk_paned_get_position (self->outer_paned));
    }
  return GTK_WINDOW_CLASS (hearsay_window_parent_class)->close_request (window);
}

static void
hearsay_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HearsayWindow *self = HEARSAY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      hearsay_window_set_project (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ANNOTATION:
      hearsay_window_set_selected_annotation (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HearsayWindow *self = HEARSAY_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_SELECTED_ANNOTATION:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_window_dispose (GObject *object)
{
  HearsayWindow *self = HEARSAY_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HEARSAY_TYPE_WINDOW);
  self->toast_overlay = NULL;
  g_clear_object (&self->selected);
  g_clear_object (&self->project);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (hearsay_window_parent_class)->dispose (object);
}

static void
hearsay_window_class_init (HearsayWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hearsay_window_dispose;
  object_class->set_property = hearsay_window_set_property;
  object_class->get_property = hearsay_window_get_property;
  window_class->close_request = hearsay_window_close_request;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, HEARSAY_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The one selected annotation; see hearsay_window_set_selected_annotation. */
  properties[PROP_SELECTED_ANNOTATION] =
    g_param_spec_object ("selected-annotation", NULL, NULL, HEARSAY_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HEARSAY_TYPE_DOCUMENT_LIST);
  g_type_ensure (HEARSAY_TYPE_READER);
  g_type_ensure (HEARSAY_TYPE_INSPECTOR);
  g_type_ensure (HEARSAY_TYPE_ANNOTATION_LIST);
  g_type_ensure (HEARSAY_TYPE_DOCUMENT_PANEL);
  g_type_ensure (HEARSAY_TYPE_ENTITY_PANEL);
  g_type_ensure (HEARSAY_TYPE_TOAST_OVERLAY);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearsay/Hearsay/hearsay-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HearsayWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, HearsayWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, HearsayWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, HearsayWindow, document_list);
  gtk_widget_class_bind_template_child (widget_class, HearsayWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, HearsayWindow, right_stack);
  gtk_widget_class_bind_template_child (widget_class, HearsayWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, HearsayWindow, annotation_list);
  gtk_widget_class_bind_template_child (widget_class, HearsayWindow, document_panel);
  gtk_widget_class_bind_template_child (widget_class, HearsayWindow, entity_panel);
  gtk_widget_class_bind_template_child (widget_class, HearsayWindow, history_section);
}

/* View ▸ Hide Page Furniture: remembered, and applied to the reader. */
static void
hide_furniture_change_state (GSimpleAction *action,
                             GVariant      *state,
                             gpointer       user_data)
{
  HearsayWindow *self = user_data;
  gboolean hidden = g_variant_get_boolean (state);

  g_simple_action_set_state (action, state);
  hearsay_reader_set_furniture_hidden (self->reader, hidden);
  if (self->settings != NULL && g_settings_get_boolean (self->settings, "hide-furniture") != hidden)
    g_settings_set_boolean (self->settings, "hide-furniture", hidden);
}

static void
install_view_actions (HearsayWindow *self)
{
  gboolean hidden = self->settings != NULL && g_settings_get_boolean (self->settings, "hide-furniture");
  g_autoptr(GSimpleAction) action = g_simple_action_new_stateful ("hide-furniture", NULL,
                                                                   g_variant_new_boolean (hidden));

  g_signal_connect (action, "change-state", G_CALLBACK (hide_furniture_change_state), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
  hearsay_reader_set_furniture_hidden (self->reader, hidden);
}

static void
restore_state (HearsayWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->outer_paned, g_settings_get_int (self->settings, "sidebar-width"));
  /* The right pane gets ~400 px (the entity table needs ~415) but never
   * more than 40% of what the sidebar leaves: at 1024 px the reading column
   * stays the wider one. Both then follow the window's size. */
  {
    int rest = width - g_settings_get_int (self->settings, "sidebar-width");

    gtk_paned_set_position (self->inner_paned, MAX (360, rest - MIN (400, rest * 2 / 5)));
  }
}

static void
hearsay_window_init (HearsayWindow *self)
{
  GSettingsSchema *schema;

  hearsay_application_load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The window's own child, not a bound template child: the window
   * unparents it on dispose, after the template children are cleared. */
  self->toast_overlay = HEARSAY_TOAST_OVERLAY (gtk_window_get_child (GTK_WINDOW (self)));

  /* Without the installed schema (e.g. a test without GSETTINGS_SCHEMA_DIR)
   * the window still works, it just remembers nothing. */
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      g_settings_schema_unref (schema);
      restore_state (self);
    }

  /* The followers of the selection. */
  g_object_bind_property_full (self, "selected-annotation", self->reader, "selected-annotation",
                               G_BINDING_DEFAULT, annotation_to_id, NULL, NULL, NULL);
  g_object_bind_property (self, "selected-annotation", self->inspector, "annotation", G_BINDING_DEFAULT);
  g_object_bind_property_full (self, "selected-annotation", self->annotation_list, "selected-annotation",
                               G_BINDING_DEFAULT, annotation_to_id, NULL, NULL, NULL);
  g_signal_connect_swapped (self, "notify::selected-annotation", G_CALLBACK (on_selected_annotation), self);

  g_signal_connect (self->reader, "annotation-selected", G_CALLBACK (on_annotation_selected), self);
  g_signal_connect (self->annotation_list, "annotation-selected", G_CALLBACK (on_list_annotation_selected), self);
  g_signal_connect (self->document_list, "document-selected", G_CALLBACK (on_document_selected), self);
  g_signal_connect (self->document_list, "passage-activated", G_CALLBACK (on_passage_activated), self);
  g_signal_connect (self->annotation_list, "annotation-activated", G_CALLBACK (on_annotation_activated), self);
  hearsay_window_actions_init (self);
  install_view_actions (self);
  hearsay_window_edit_init (self);
  hearsay_window_history_init (self);
  hearsay_window_compare_install_actions (self);
  hearsay_window_corpus_install_actions (self);
  hearsay_window_server_init (self);
  update_title (self);
}

HearsayWindow *
hearsay_window_new (HearsayApplication *app,
                    HearsayProject     *project)
{
  return g_object_new (HEARSAY_TYPE_WINDOW,
                       "application", app,
                       "project", project,
                       NULL);
}

HearsayReader *
hearsay_window_get_reader (HearsayWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), NULL);
  return self->reader;
}

HearsayInspector *
hearsay_window_get_inspector (HearsayWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), NULL);
  return self->inspector;
}

HearsayDocumentList *
hearsay_window_get_document_list (HearsayWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), NULL);
  return self->document_list;
}

GtkWidget *
hearsay_window_get_banner (HearsayWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), NULL);
  return self->banner;
}

GtkStack *
hearsay_window_get_right_stack (HearsayWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), NULL);
  return self->right_stack;
}

HearsayAnnotationList *
hearsay_window_get_annotation_list (HearsayWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), NULL);
  return self->annotation_list;
}

HearsayDocumentPanel *
hearsay_window_get_document_panel (HearsayWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), NULL);
  return self->document_panel;
}

HearsayEntityPanel *
hearsay_window_get_entity_panel (HearsayWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), NULL);
  return self->entity_panel;
}

HearsayToastOverlay *
hearsay_window_get_toast_overlay (HearsayWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), NULL);
  return self->toast_overlay;
}

GMenuModel *
hearsay_window_get_primary_menu (HearsayWindow *self)
{
  g_return_val_if_fail (HEARSAY_IS_WINDOW (self), NULL);
  return gtk_menu_button_get_menu_model (self->menu_button);
}
