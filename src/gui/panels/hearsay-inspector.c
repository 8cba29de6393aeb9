/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-inspector.c: shows and edits the selected annotation. Every
 * change is saved at once through the core (one transaction each). */
#include "config.h"

#include <glib/gi18n.h>

#include "hearsay-error.h"
#include "hearsay-widget-util.h"

#include "hearsay-inspector-private.h"
#include "hearsay-label-palette.h"

G_DEFINE_FINAL_TYPE (HearsayInspector, hearsay_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ANNOTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const HearsayLabel *
hearsay_inspector_get_scheme_label (HearsayInspector *self)
{
  if (self->project == NULL || self->annotation == NULL)
    return NULL;
  return hearsay_scheme_lookup_label (hearsay_project_get_scheme (self->project),
                                      hearsay_annotation_get_label (self->annotation));
}

void
hearsay_inspector_show_error (HearsayInspector *self,
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
      /* Deleted meanwhile (an undo elsewhere): the note goes with it. */
      if (!g_error_matches (error, HEARSAY_STORE_ERROR, HEARSAY_STORE_ERROR_NOT_FOUND))
        hearsay_inspector_show_error (self, _("Could not save the note"), error);
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
  self->note_timeout = g_timeout_add (HEARSAY_INSPECTOR_SAVE_DELAY_MS, note_timeout_cb, self);
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

/* Unknown label text, e.g. "Unknown label (rumour)". */
static char *
dup_label_name (HearsayInspector *self)
{
  const HearsayLabel *label = hearsay_inspector_get_scheme_label (self);

  if (label != NULL)
    return g_strdup (hearsay_scheme_translate (label->name));
  /* Translators: an annotation whose label left the scheme; %s is its id */
  return g_strdup_printf (_("Unknown label (%s)"), hearsay_annotation_get_label (self->annotation));
}

/* The label drop-down lists the scheme's labels, plus the annotation's own
 * when the scheme no longer has it. */
static void
fill_label_dropdown (HearsayInspector *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) old_ids = g_steal_pointer (&self->label_ids);
  HearsayScheme *scheme = hearsay_project_get_scheme (self->project);
  const char *current = hearsay_annotation_get_label (self->annotation);
  guint selected = GTK_INVALID_LIST_POSITION;
  gboolean same = TRUE;

  self->label_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < hearsay_scheme_get_n_labels (scheme); i++)
    {
      const HearsayLabel *label = hearsay_scheme_get_label (scheme, i);

      if (g_strcmp0 (label->id, current) == 0)
        selected = i;
      g_ptr_array_add (self->label_ids, g_strdup (label->id));
      gtk_string_list_append (names, hearsay_scheme_translate (label->name));
    }
  if (selected == GTK_INVALID_LIST_POSITION)
    {
      g_autofree char *unknown = dup_label_name (self);

      selected = self->label_ids->len;
      g_ptr_array_add (self->label_ids, g_strdup (current));
      gtk_string_list_append (names, unknown);
    }
  /* Keep the model when the labels are the same: this runs inside the
   * drop-down's own "notify::selected" after a relabel. */
  same = old_ids->len == self->label_ids->len;
  for (guint i = 0; same && i < old_ids->len; i++)
    same = g_str_equal (g_ptr_array_index (old_ids, i), g_ptr_array_index (self->label_ids, i));
  self->updating = TRUE;
  if (!same || gtk_drop_down_get_model (self->label_dropdown) == NULL)
    gtk_drop_down_set_model (self->label_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->label_dropdown, selected);
  self->updating = FALSE;
}

static void
on_label_selected (GtkDropDown      *drop_down,
                   GParamSpec       *pspec,
                   HearsayInspector *self)
{
  guint selected = gtk_drop_down_get_selected (drop_down);
  g_autoptr(GError) error = NULL;
  const char *id;

  if (self->updating || self->annotation == NULL || selected >= self->label_ids->len)
    return;
  id = g_ptr_array_index (self->label_ids, selected);
  if (g_strcmp0 (id, hearsay_annotation_get_label (self->annotation)) == 0)
    return;
  hearsay_inspector_flush_note (self);
  /* The project's "annotation-changed" rebuilds the form for the new label. */
  if (!hearsay_project_set_label (self->project, hearsay_annotation_get_id (self->annotation), id, &error))
    {
      hearsay_inspector_show_error (self, _("Could not change the label"), error);
      fill_label_dropdown (self);
    }
}

static void rebuild (HearsayInspector  *self,
                     HearsayAnnotation *annotation);

/* A fresh copy of the annotation shown (an attribute, the note or the
 * times changed): keep the editors, which the user may be in. */
static gboolean
refresh (HearsayInspector  *self,
         HearsayAnnotation *fresh)
{
  if (g_strcmp0 (hearsay_annotation_get_label (fresh), hearsay_annotation_get_label (self->annotation)) != 0 ||
      hearsay_annotation_get_n_fragments (fresh) != hearsay_annotation_get_n_fragments (self->annotation))
    return FALSE;
  g_set_object (&self->annotation, fresh);
  hearsay_inspector_sync_editors (self);
  update_quote (self);
  update_meta (self);
  hearsay_inspector_update_relations (self);
  /* A note changed elsewhere (an undo) shows, unless one is being typed. */
  if (!self->note_dirty)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
      GtkTextIter start, end;
      g_autofree char *shown = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (g_strcmp0 (shown, hearsay_annotation_get_note (fresh) ?: "") != 0)
        {
          self->updating = TRUE;
          gtk_text_buffer_set_text (buffer, hearsay_annotation_get_note (fresh) ?: "", -1);
          self->updating = FALSE;
        }
    }
  return TRUE;
}

void
hearsay_inspector_set_annotation (HearsayInspector  *self,
                                  HearsayAnnotation *annotation)
{
  g_return_if_fail (HEARSAY_IS_INSPECTOR (self));
  g_return_if_fail (annotation == NULL || HEARSAY_IS_ANNOTATION (annotation));

  if (annotation == self->annotation)
    return;
  /* The same annotation, read again after a change: refreshed in place,
   * unless another label (an undo may relabel it) needs another form. */
  if (annotation == NULL || self->annotation == NULL ||
      hearsay_annotation_get_id (annotation) != hearsay_annotation_get_id (self->annotation) ||
      !refresh (self, annotation))
    rebuild (self, annotation);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATION]);
}

static void
rebuild (HearsayInspector  *self,
         HearsayAnnotation *annotation)
{
  const HearsayLabel *label;
  GtkTextBuffer *buffer;
  g_autofree char *name = NULL;

  /* A note being typed belongs to the previous annotation. */
  save_note (self);
  hearsay_inspector_flush_text (self);
  g_set_object (&self->annotation, annotation);
  if (annotation == NULL || self->project == NULL)
    {
      hearsay_inspector_build_editors (self, NULL);
      hearsay_inspector_update_relations (self);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  label = hearsay_inspector_get_scheme_label (self);
  if (self->swatch != NULL)
    gtk_box_remove (self->label_box, self->swatch);
  self->swatch = hearsay_label_swatch_new (label != NULL ? label->color : NULL);
  gtk_box_prepend (self->label_box, self->swatch);
  name = dup_label_name (self);
  gtk_label_set_text (self->label_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->label_label),
                               label == NULL ? _("This label is not in the scheme: choose another one below") : NULL);
  fill_label_dropdown (self);
  update_quote (self);
  hearsay_inspector_build_editors (self, label);
  hearsay_inspector_sync_editors (self);
  hearsay_inspector_update_relations (self);

  self->updating = TRUE;
  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_set_text (buffer, hearsay_annotation_get_note (annotation) ?: "", -1);
  self->updating = FALSE;
  self->note_dirty = FALSE;

  update_meta (self);
  gtk_stack_set_visible_child_name (self->stack, "annotation");
}

/* The annotation is the same; its label's form may not be. */
static void
on_scheme_changed (HearsayProject   *project,
                   HearsayInspector *self)
{
  g_autoptr(HearsayAnnotation) shown = self->annotation != NULL ? g_object_ref (self->annotation) : NULL;

  self->note_dirty = FALSE;
  rebuild (self, NULL);
  rebuild (self, shown);
}

static void
on_relations_changed (HearsayInspector *self)
{
  hearsay_inspector_update_relations (self);
}

/* The window owns the selection and will clear it; a note still being
 * typed has nowhere to go any more. */
static void
on_annotation_removed (HearsayProject   *project,
                       gint64            document_id,
                       gint64            annotation_id,
                       HearsayInspector *self)
{
  if (self->annotation != NULL && hearsay_annotation_get_id (self->annotation) == annotation_id)
    {
      g_clear_handle_id (&self->note_timeout, g_source_remove);
      self->note_dirty = FALSE;
    }
}

void
hearsay_inspector_set_project (HearsayInspector *self,
                               HearsayProject   *project)
{
  g_return_if_fail (HEARSAY_IS_INSPECTOR (self));

  if (self->project == project)
    return;
  rebuild (self, NULL);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    {
      g_signal_connect_object (project, "annotation-removed", G_CALLBACK (on_annotation_removed), self, 0);
      g_signal_connect_object (project, "scheme-changed", G_CALLBACK (on_scheme_changed), self, 0);
      g_signal_connect_object (project, "relations-changed", G_CALLBACK (on_relations_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "entities-changed", G_CALLBACK (on_relations_changed), self, G_CONNECT_SWAPPED);
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
  gtk_widget_set_sensitive (GTK_WIDGET (self->label_dropdown), editable);
  hearsay_inspector_update_relations (self);
}

GtkDropDown *
hearsay_inspector_get_label_dropdown (HearsayInspector *self)
{
  g_return_val_if_fail (HEARSAY_IS_INSPECTOR (self), NULL);
  return self->label_dropdown;
}

GtkButton *
hearsay_inspector_get_suggestion_button (HearsayInspector *self)
{
  g_return_val_if_fail (HEARSAY_IS_INSPECTOR (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->suggestion_box)) ? self->suggestion_accept : NULL;
}

GtkListBox *
hearsay_inspector_get_relations_list (HearsayInspector *self)
{
  g_return_val_if_fail (HEARSAY_IS_INSPECTOR (self), NULL);
  return self->relations_list;
}

gboolean
hearsay_inspector_focus_first (HearsayInspector *self)
{
  g_return_val_if_fail (HEARSAY_IS_INSPECTOR (self), FALSE);

  if (self->annotation == NULL)
    return FALSE;
  return gtk_widget_grab_focus (GTK_WIDGET (self->label_dropdown));
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
  hearsay_inspector_flush_text (self);
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
  g_clear_pointer (&self->label_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (hearsay_inspector_parent_class)->finalize (object);
}

static void
hearsay_inspector_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HearsayInspector *self = HEARSAY_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_ANNOTATION:
      g_value_set_object (value, self->annotation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_inspector_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HearsayInspector *self = HEARSAY_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_ANNOTATION:
      hearsay_inspector_set_annotation (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_inspector_class_init (HearsayInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearsay_inspector_dispose;
  object_class->finalize = hearsay_inspector_finalize;
  object_class->get_property = hearsay_inspector_get_property;
  object_class->set_property = hearsay_inspector_set_property;

  /* The annotation shown (NULL: none). The window binds it to its
   * "selected-annotation"; a fresh copy of the same one refreshes the
   * form in place. */
  properties[PROP_ANNOTATION] =
    g_param_spec_object ("annotation", NULL, NULL, HEARSAY_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearsay/Hearsay/panels/hearsay-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, label_box);
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, label_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, label_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, quote_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, relations_list);
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, relations_empty);
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, link_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, link_entity_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, suggestion_box);
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, suggestion_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayInspector, suggestion_accept);
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
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->editors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->label_ids = g_ptr_array_new_with_free_func (g_free);
  self->editable = TRUE;

  g_signal_connect (gtk_text_view_get_buffer (self->note_view), "changed",
                    G_CALLBACK (on_note_changed), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_note_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), focus);
  g_signal_connect (self->label_dropdown, "notify::selected", G_CALLBACK (on_label_selected), self);
  hearsay_inspector_init_relations (self);

  /* Escape hands the keyboard back to the reader. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("win.focus-reader")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}
