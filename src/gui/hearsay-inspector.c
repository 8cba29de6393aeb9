/* hearsay-inspector.c: shows and edits the selected annotation. Every
 * change is saved at once through the core (one transaction each). */
#include "config.h"

#include <glib/gi18n.h>

#include "hearsay-widget-util.h"

#include "hearsay-inspector.h"
#include "hearsay-label-palette.h"

#define NOTE_SAVE_DELAY_MS 600

struct _HearsayInspector
{
  GtkWidget parent_instance;

  HearsayProject *project;
  HearsayAnnotation *annotation;
  /* attribute id → its editor widget */
  GHashTable *editors;
  GtkWidget *swatch;
  guint note_timeout;
  gboolean note_dirty;
  gboolean updating;
  gboolean editable;

  /* Template children */
  GtkStack *stack;
  GtkBox *label_box;
  GtkLabel *label_label;
  GtkLabel *quote_label;
  GtkBox *attributes_box;
  GtkTextView *note_view;
  GtkLabel *meta_label;
  GtkButton *delete_button;
};

G_DEFINE_FINAL_TYPE (HearsayInspector, hearsay_inspector, GTK_TYPE_WIDGET)

static const HearsayLabel *
get_label (HearsayInspector *self)
{
  if (self->project == NULL || self->annotation == NULL)
    return NULL;
  return hearsay_scheme_lookup_label (hearsay_project_get_scheme (self->project),
                                      hearsay_annotation_get_label (self->annotation));
}

static void
show_error (HearsayInspector *self,
            const char       *message,
            GError           *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_warning ("%s: %s", message, error->message);
  if (!GTK_IS_WINDOW (root))
    return;
  dialog = gtk_message_dialog_new (GTK_WINDOW (root), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", message);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Note */

static void
save_note (HearsayInspector *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_clear_handle_id (&self->note_timeout, g_source_remove);
  if (!self->note_dirty || self->annotation == NULL || self->project == NULL)
    return;
  self->note_dirty = FALSE;

  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, hearsay_annotation_get_note (self->annotation) ?: "") == 0)
    return;
  if (!hearsay_project_set_note (self->project, hearsay_annotation_get_id (self->annotation),
                                 text[0] != '\0' ? text : NULL, &error))
    {
      show_error (self, _("Could not save the note"), error);
      return;
    }
  hearsay_annotation_set_note (self->annotation, text[0] != '\0' ? text : NULL);
}

static gboolean
note_timeout_cb (gpointer data)
{
  HearsayInspector *self = data;

  self->note_timeout = 0;
  save_note (self);
  return G_SOURCE_REMOVE;
}

static void
on_note_changed (GtkTextBuffer    *buffer,
                 HearsayInspector *self)
{
  if (self->updating)
    return;
  self->note_dirty = TRUE;
  /* Saved once typing pauses, and in any case when the focus leaves. */
  g_clear_handle_id (&self->note_timeout, g_source_remove);
  self->note_timeout = g_timeout_add (NOTE_SAVE_DELAY_MS, note_timeout_cb, self);
}

static void
on_note_focus_leave (GtkEventControllerFocus *controller,
                     HearsayInspector        *self)
{
  save_note (self);
}

void
hearsay_inspector_flush_note (HearsayInspector *self)
{
  g_return_if_fail (HEARSAY_IS_INSPECTOR (self));
  save_note (self);
}

/* Attributes */

static void
on_drop_down_selected (GtkDropDown      *drop_down,
                       GParamSpec       *pspec,
                       HearsayInspector *self)
{
  const HearsayAttributeDef *def = g_object_get_data (G_OBJECT (drop_down), "hearsay-attribute");
  guint selected = gtk_drop_down_get_selected (drop_down);
  g_autoptr(GError) error = NULL;
  const char *values[2] = { NULL, NULL };

  if (self->updating || self->annotation == NULL)
    return;
  /* Item 0 is "—": unset. */
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= def->values->len)
    values[0] = ((HearsayValueDef *) g_ptr_array_index (def->values, selected - 1))->id;
  if (!hearsay_project_set_attribute (self->project, hearsay_annotation_get_id (self->annotation),
                                      def->id, values[0] != NULL ? values : NULL, &error))
    show_error (self, _("Could not save the attribute"), error);
}

static void
on_check_toggled (GtkCheckButton   *check,
                  HearsayInspector *self)
{
  const HearsayAttributeDef *def = g_object_get_data (G_OBJECT (check), "hearsay-attribute");
  const char *values[2] = { gtk_check_button_get_active (check) ? "true" : "false", NULL };
  g_autoptr(GError) error = NULL;

  if (self->updating || self->annotation == NULL)
    return;
  if (!hearsay_project_set_attribute (self->project, hearsay_annotation_get_id (self->annotation),
                                      def->id, values, &error))
    show_error (self, _("Could not save the attribute"), error);
}

static void
on_entry_activate (GtkEntry         *entry,
                   HearsayInspector *self)
{
  const HearsayAttributeDef *def = g_object_get_data (G_OBJECT (entry), "hearsay-attribute");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  const char *values[2] = { text, NULL };
  g_autoptr(GError) error = NULL;

  if (self->updating || self->annotation == NULL)
    return;
  if (!hearsay_project_set_attribute (self->project, hearsay_annotation_get_id (self->annotation),
                                      def->id, text[0] != '\0' ? values : NULL, &error))
    show_error (self, _("Could not save the attribute"), error);
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

/* Sets each editor from the annotation without saving anything back. */
static void
sync_editors (HearsayInspector *self)
{
  const HearsayLabel *label = get_label (self);

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
        case HEARSAY_ATTRIBUTE_MULTI:
          {
            guint selected = 0;

            for (guint j = 0; value != NULL && j < def->values->len; j++)
              if (g_strcmp0 (((HearsayValueDef *) g_ptr_array_index (def->values, j))->id, value) == 0)
                selected = j + 1;
            gtk_drop_down_set_selected (GTK_DROP_DOWN (editor), selected);
          }
          break;
        case HEARSAY_ATTRIBUTE_BOOLEAN:
          gtk_check_button_set_active (GTK_CHECK_BUTTON (editor), g_strcmp0 (value, "true") == 0);
          break;
        case HEARSAY_ATTRIBUTE_TEXT:
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

static GtkWidget *
create_editor (HearsayInspector          *self,
               const HearsayAttributeDef *def)
{
  GtkWidget *editor = NULL;

  switch (def->kind)
    {
    case HEARSAY_ATTRIBUTE_SINGLE:
    case HEARSAY_ATTRIBUTE_MULTI:
      {
        g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
        g_autoptr(GtkListItemFactory) factory = value_factory (TRUE);
        g_autoptr(GtkListItemFactory) list_factory = value_factory (FALSE);

        /* The first entry means "not set". */
        gtk_string_list_append (list, "—");
        for (guint j = 0; j < def->values->len; j++)
          gtk_string_list_append (list, hearsay_scheme_translate (((HearsayValueDef *) g_ptr_array_index (def->values, j))->name));
        editor = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&list)), NULL);
        gtk_drop_down_set_factory (GTK_DROP_DOWN (editor), factory);
        gtk_drop_down_set_list_factory (GTK_DROP_DOWN (editor), list_factory);
        g_signal_connect (editor, "notify::selected", G_CALLBACK (on_drop_down_selected), self);
      }
      break;
    case HEARSAY_ATTRIBUTE_BOOLEAN:
      editor = gtk_check_button_new_with_label (hearsay_scheme_translate (def->name));
      g_signal_connect (editor, "toggled", G_CALLBACK (on_check_toggled), self);
      break;
    case HEARSAY_ATTRIBUTE_TEXT:
      editor = gtk_entry_new ();
      g_signal_connect (editor, "activate", G_CALLBACK (on_entry_activate), self);
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

static void
build_editors (HearsayInspector   *self,
               const HearsayLabel *label)
{
  GtkWidget *child;

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

/* Quote and times */

/* The context around a quote is only a reminder: show it on one line,
 * each run of white space (newlines too) as one space. */
static char *
flatten_context (const char *text)
{
  g_autoptr(GString) flat = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        space = TRUE;
      else
        {
          if (space)
            g_string_append_c (flat, ' ');
          space = FALSE;
          g_string_append_c (flat, *p);
        }
    }
  if (space)
    g_string_append_c (flat, ' ');
  return g_markup_escape_text (flat->str, -1);
}

static void
update_quote (HearsayInspector *self)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  guint n = hearsay_annotation_get_n_fragments (self->annotation);

  for (guint i = 0; i < n; i++)
    {
      const HearsayFragment *fragment = hearsay_annotation_get_fragment (self->annotation, i);
      g_autofree char *exact = g_markup_escape_text (fragment->exact ?: "", -1);

      if (i == 0 && fragment->prefix != NULL && fragment->prefix[0] != '\0')
        {
          g_autofree char *prefix = flatten_context (fragment->prefix);
          g_string_append_printf (markup, "<span alpha=\"50%%\">…%s</span>", prefix);
        }
      if (i > 0)
        g_string_append (markup, "<span alpha=\"50%\"> … </span>");
      g_string_append_printf (markup, "<b>%s</b>", exact);
      if (i == n - 1 && fragment->suffix != NULL && fragment->suffix[0] != '\0')
        {
          g_autofree char *suffix = flatten_context (fragment->suffix);
          g_string_append_printf (markup, "<span alpha=\"50%%\">%s…</span>", suffix);
        }
    }
  gtk_label_set_markup (self->quote_label, markup->str);
}

static char *
format_time (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return g_strdup ("—");
  utc = g_date_time_new_from_iso8601 (iso, NULL);
  if (utc == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
update_meta (HearsayInspector *self)
{
  g_autofree char *created = format_time (hearsay_annotation_get_created_at (self->annotation));
  g_autofree char *modified = format_time (hearsay_annotation_get_modified_at (self->annotation));
  const char *annotator = hearsay_annotation_get_annotator (self->annotation);
  g_autofree char *text = NULL;

  /* Translators: annotator name, then creation and modification times */
  text = g_strdup_printf (_("By %s\nCreated %s\nModified %s"),
                          annotator != NULL && annotator[0] != '\0' ? annotator : _("unknown"),
                          created, modified);
  gtk_label_set_text (self->meta_label, text);
}

void
hearsay_inspector_set_annotation (HearsayInspector  *self,
                                  HearsayAnnotation *annotation)
{
  const HearsayLabel *label;
  GtkTextBuffer *buffer;

  g_return_if_fail (HEARSAY_IS_INSPECTOR (self));
  g_return_if_fail (annotation == NULL || HEARSAY_IS_ANNOTATION (annotation));

  /* A note being typed belongs to the previous annotation. */
  save_note (self);
  g_set_object (&self->annotation, annotation);
  if (annotation == NULL || self->project == NULL)
    {
      build_editors (self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  label = get_label (self);
  if (self->swatch != NULL)
    gtk_box_remove (self->label_box, self->swatch);
  self->swatch = hearsay_label_swatch_new (label != NULL ? label->color : NULL);
  gtk_box_prepend (self->label_box, self->swatch);
  gtk_label_set_text (self->label_label,
                      label != NULL ? hearsay_scheme_translate (label->name)
                                    : hearsay_annotation_get_label (annotation));
  update_quote (self);
  build_editors (self, label);
  sync_editors (self);

  self->updating = TRUE;
  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_set_text (buffer, hearsay_annotation_get_note (annotation) ?: "", -1);
  self->updating = FALSE;
  self->note_dirty = FALSE;

  update_meta (self);
  gtk_stack_set_visible_child_name (self->stack, "annotation");
}

static void
on_annotation_changed (HearsayProject   *project,
                       gint64            document_id,
                       gint64            annotation_id,
                       HearsayInspector *self)
{
  g_autoptr(HearsayAnnotation) fresh = NULL;

  if (self->annotation == NULL || hearsay_annotation_get_id (self->annotation) != annotation_id)
    return;
  fresh = hearsay_project_get_annotation (project, annotation_id, NULL);
  if (fresh == NULL)
    return;
  /* Keep the editors (the user may be in one); refresh what is derived. */
  g_set_object (&self->annotation, fresh);
  sync_editors (self);
  update_meta (self);
}

static void
on_annotation_removed (HearsayProject   *project,
                       gint64            document_id,
                       gint64            annotation_id,
                       HearsayInspector *self)
{
  if (self->annotation != NULL && hearsay_annotation_get_id (self->annotation) == annotation_id)
    {
      self->note_dirty = FALSE;
      hearsay_inspector_set_annotation (self, NULL);
    }
}

void
hearsay_inspector_set_project (HearsayInspector *self,
                               HearsayProject   *project)
{
  g_return_if_fail (HEARSAY_IS_INSPECTOR (self));

  if (self->project == project)
    return;
  hearsay_inspector_set_annotation (self, NULL);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    {
      g_signal_connect_object (project, "annotation-changed", G_CALLBACK (on_annotation_changed), self, 0);
      g_signal_connect_object (project, "annotation-removed", G_CALLBACK (on_annotation_removed), self, 0);
    }
}

gint64
hearsay_inspector_get_annotation_id (HearsayInspector *self)
{
  g_return_val_if_fail (HEARSAY_IS_INSPECTOR (self), 0);
  return self->annotation != NULL ? hearsay_annotation_get_id (self->annotation) : 0;
}

void
hearsay_inspector_set_editable (HearsayInspector *self,
                                gboolean          editable)
{
  GHashTableIter iter;
  gpointer editor;

  g_return_if_fail (HEARSAY_IS_INSPECTOR (self));

  self->editable = editable;
  gtk_text_view_set_editable (self->note_view, editable);
  g_hash_table_iter_init (&iter, self->editors);
  while (g_hash_table_iter_next (&iter, NULL, &editor))
    if (!GTK_IS_LABEL (editor))
      gtk_widget_set_sensitive (editor, editable);
}

GtkLabel *
hearsay_inspector_get_label_label (HearsayInspector *self)
{
  g_return_val_if_fail (HEARSAY_IS_INSPECTOR (self), NULL);
  return self->label_label;
}

GtkWidget *
hearsay_inspector_get_attribute_widget (HearsayInspector *self,
                                        const char       *name)
{
  g_return_val_if_fail (HEARSAY_IS_INSPECTOR (self), NULL);
  return g_hash_table_lookup (self->editors, name);
}

GtkTextView *
hearsay_inspector_get_note_view (HearsayInspector *self)
{
  g_return_val_if_fail (HEARSAY_IS_INSPECTOR (self), NULL);
  return self->note_view;
}

static void
hearsay_inspector_dispose (GObject *object)
{
  HearsayInspector *self = HEARSAY_INSPECTOR (object);

  save_note (self);
  g_clear_handle_id (&self->note_timeout, g_source_remove);
  if (self->editors != NULL)
    g_hash_table_remove_all (self->editors);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARSAY_TYPE_INSPECTOR);
  /* The template's unnamed root child is ours to unparent. */
  hearsay_widget_unparent_children (GTK_WIDGET (self));
  self->swatch = NULL;
  g_clear_object (&self->annotation);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (hearsay_inspector_parent_class)->dispose (object);
}

static void
hearsay_inspector_finalize (GObject *object)
{
  HearsayInspector *self = HEARSAY_INSPECTOR (object);

  g_clear_pointer (&self->editors, g_hash_table_unref);
  G_OBJECT_CLASS (hearsay_inspector_parent_class)->finalize (object);
}

static void
hearsay_inspector_class_init (HearsayInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearsay_inspector_dispose;
  object_class->finalize = hearsay_inspector_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearsay/Hearsay/hearsay-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, label_box);
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, label_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, quote_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, attributes_box);
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, note_view);
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, meta_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, delete_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hearsay-inspector");
}

static void
hearsay_inspector_init (HearsayInspector *self)
{
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->editors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->editable = TRUE;

  g_signal_connect (gtk_text_view_get_buffer (self->note_view), "changed",
                    G_CALLBACK (on_note_changed), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_note_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), focus);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}
