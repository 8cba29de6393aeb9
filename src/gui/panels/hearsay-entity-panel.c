/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-entity-panel.c: lists the project's entities and edits the
 * selected one; every change is stored at once. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hearsay-entity-panel.h"

#define SAVE_DELAY_MS 500

/* Each a line and a dim second one (aliases; state affiliation): four
 * columns side by side did not fit the right pane. */
enum { COL_NAME, COL_KIND };

struct _HearsayEntityPanel
{
  GtkWidget parent_instance;

  HearsayProject *project;
  GListStore *entities;           /* HearsayEntity */
  GtkCustomFilter *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GtkStringList *kinds;           /* translated names, in scheme order */
  GPtrArray *kind_ids;
  char *search;                   /* casefolded, NULL when empty */
  gint64 selected_id;
  gboolean filling;               /* the form is being set from the store */
  GtkWidget *pending_entry;       /* entry with unsaved text */
  gint64 pending_id;              /* the entity that text belongs to */
  guint save_source;

  GtkWidget *box;
  GtkSearchEntry *search_entry;
  GtkButton *new_button;
  GtkStack *list_stack;
  GtkColumnView *column_view;
  GtkLabel *empty_label;
  GtkLabel *status_label;
  GtkWidget *form;
  GtkEntry *name_entry;
  GtkDropDown *kind_dropdown;
  GtkDropDown *state_dropdown;
  GtkEntry *affiliation_entry;
  GtkEntry *aliases_entry;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (HearsayEntityPanel, hearsay_entity_panel, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_PROJECT, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { ENTITY_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Stored values of the state drop-down, by position. */
static const char *state_values[] = { NULL, "yes", "no", "unclear" };

static const char *
kind_name (HearsayEntityPanel *self,
           const char         *kind)
{
  HearsayScheme *scheme = self->project ? hearsay_project_get_scheme (self->project) : NULL;

  for (guint i = 0; scheme != NULL && i < hearsay_scheme_get_n_entity_kinds (scheme); i++)
    {
      const HearsayEntityKind *k = hearsay_scheme_get_entity_kind (scheme, i);

      if (g_strcmp0 (k->id, kind) == 0)
        return hearsay_scheme_translate (k->name);
    }
  return kind;
}

/* The kind column's second line: empty when nobody said. */
static const char *
state_description (const char *value)
{
  if (g_strcmp0 (value, "yes") == 0)
    return _("State-affiliated");
  if (g_strcmp0 (value, "no") == 0)
    return _("Not state-affiliated");
  if (g_strcmp0 (value, "unclear") == 0)
    return _("State affiliation unclear");
  return "";
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  HearsayEntityPanel *self = user_data;
  HearsayEntity *entity = item;
  const char * const *aliases = hearsay_entity_get_aliases (entity);

  if (self->search == NULL)
    return TRUE;
  if (contains_folded (hearsay_entity_get_name (entity), self->search))
    return TRUE;
  for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
    if (contains_folded (aliases[i], self->search))
      return TRUE;
  return FALSE;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  /* A line and a dim one, ellipsized so that the column can shrink to the
   * pane (the tooltip has it all); a long kind ("Responsable gouvernemental")
   * would take the name's room. */
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column")) == COL_KIND)
        gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
      if (i == 1)
        gtk_widget_set_css_classes (label, (const char *[]) { "dim-label", "caption", NULL });
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_list_item_set_child (item, box);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  HearsayEntityPanel *self = user_data;
  HearsayEntity *entity = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  const char * const *aliases = hearsay_entity_get_aliases (entity);
  g_autofree char *detail = NULL;
  g_autofree char *tooltip = NULL;
  const char *text;

  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column")) == COL_NAME)
    {
      text = hearsay_entity_get_name (entity);
      detail = aliases != NULL ? g_strjoinv (", ", (char **) aliases) : g_strdup ("");
    }
  else
    {
      text = kind_name (self, hearsay_entity_get_kind (entity));
      detail = g_strdup (state_description (hearsay_entity_get_state_affiliated (entity)));
    }
  text = text != NULL ? text : "";
  /* The second line stays when empty: rows of one height read as a table. */
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), detail);
  tooltip = *detail != '\0' ? g_strconcat (text, "\n", detail, NULL) : g_strdup (text);
  gtk_widget_set_tooltip_text (box, *tooltip != '\0' ? tooltip : NULL);
}

static void
add_column (HearsayEntityPanel *self,
            const char         *title,
            int                 column,
            gboolean            expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (self->column_view, col);
}

static HearsayEntity *
selected_entity (HearsayEntityPanel *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
set_entry_text (GtkEntry   *entry,
                const char *text)
{
  /* Leaves the caret alone when a save comes back with what is typed. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

static void
fill_form (HearsayEntityPanel *self)
{
  HearsayEntity *entity = selected_entity (self);
  const char * const *aliases;
  g_autofree char *joined = NULL;
  guint kind = GTK_INVALID_LIST_POSITION;
  guint state = 0;

  self->filling = TRUE;
  gtk_widget_set_sensitive (self->form, entity != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (entity == NULL)
    {
      set_entry_text (self->name_entry, NULL);
      set_entry_text (self->affiliation_entry, NULL);
      set_entry_text (self->aliases_entry, NULL);
      gtk_drop_down_set_selected (self->kind_dropdown, GTK_INVALID_LIST_POSITION);
      gtk_drop_down_set_selected (self->state_dropdown, 0);
      self->filling = FALSE;
      return;
    }
  aliases = hearsay_entity_get_aliases (entity);
  if (aliases != NULL)
    joined = g_strjoinv (", ", (char **) aliases);
  set_entry_text (self->name_entry, hearsay_entity_get_name (entity));
  set_entry_text (self->affiliation_entry, hearsay_entity_get_affiliation (entity));
  set_entry_text (self->aliases_entry, joined);
  for (guint i = 0; i < self->kind_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->kind_ids, i), hearsay_entity_get_kind (entity)) == 0)
      kind = i;
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
  for (guint i = 1; i < G_N_ELEMENTS (state_values); i++)
    if (g_strcmp0 (state_values[i], hearsay_entity_get_state_affiliated (entity)) == 0)
      state = i;
  gtk_drop_down_set_selected (self->state_dropdown, state);
  self->filling = FALSE;
}

static void
update_status (HearsayEntityPanel *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->entities));
  g_autofree char *status = NULL;

  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u entity", "%u of %u entities", total),
                            shown, total);
  gtk_label_set_text (self->status_label, status);
  if (total == 0)
    gtk_label_set_text (self->empty_label,
                        _("No entities yet.\nAdd the sources, outlets and actors that mentions refer to."));
  else
    gtk_label_set_text (self->empty_label, _("No entity matches the search."));
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "list" : "empty");
}

static gboolean
find_position (HearsayEntityPanel *self,
               gint64              id,
               guint              *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HearsayEntity) entity = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (hearsay_entity_get_id (entity) == id)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
scroll_to (GtkColumnView *view,
           guint          position)
{
  /* No gtk_column_view_scroll_to () before GTK 4.12: ask the inner list view. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static void
reload (HearsayEntityPanel *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 keep = self->selected_id;
  guint position;

  if (self->project != NULL)
    list = hearsay_project_list_entities (self->project, &error);
  if (error != NULL)
    g_warning ("Could not list entities: %s", error->message);

  self->filling = TRUE;
  g_list_store_splice (self->entities, 0, g_list_model_get_n_items (G_LIST_MODEL (self->entities)),
                       list ? list->pdata : NULL, list ? list->len : 0);
  self->selected_id = keep;
  if (keep != 0 && find_position (self, keep, &position))
    gtk_single_selection_set_selected (self->selection, position);
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->filling = FALSE;
  self->selected_id = hearsay_entity_panel_get_selected (self);
  fill_form (self);
  update_status (self);
}

static void
reload_kinds (HearsayEntityPanel *self)
{
  HearsayScheme *scheme = self->project ? hearsay_project_get_scheme (self->project) : NULL;
  guint n = scheme ? hearsay_scheme_get_n_entity_kinds (scheme) : 0;
  g_autofree const char **names = g_new0 (const char *, n + 1);

  g_ptr_array_set_size (self->kind_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      const HearsayEntityKind *kind = hearsay_scheme_get_entity_kind (scheme, i);

      g_ptr_array_add (self->kind_ids, g_strdup (kind->id));
      names[i] = hearsay_scheme_translate (kind->name);
    }
  self->filling = TRUE;
  gtk_string_list_splice (self->kinds, 0, g_list_model_get_n_items (G_LIST_MODEL (self->kinds)), names);
  self->filling = FALSE;
}

static void
show_error (HearsayEntityPanel *self,
            const GError       *error)
{
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* Loads the entity fresh, lets @apply change it, stores it if it changed. */
static void
edit_entity (HearsayEntityPanel *self,
             gint64              id,
             gboolean          (*apply) (HearsayEntityPanel *, HearsayEntity *))
{
  g_autoptr(HearsayEntity) entity = NULL;
  g_autoptr(GError) error = NULL;

  if (self->filling || self->project == NULL || id == 0)
    return;
  entity = hearsay_project_get_entity (self->project, id, &error);
  if (entity == NULL || !apply (self, entity))
    return;
  if (!hearsay_project_update_entity (self->project, entity, &error))
    show_error (self, error);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static char *
entry_text (GtkEntry *entry)
{
  char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  return g_strstrip (text);
}

static gboolean
apply_name (HearsayEntityPanel *self,
            HearsayEntity      *entity)
{
  g_autofree char *text = entry_text (self->name_entry);

  if (g_strcmp0 (text, hearsay_entity_get_name (entity)) == 0)
    return FALSE;
  hearsay_entity_set_name (entity, text);
  return TRUE;
}

static gboolean
apply_affiliation (HearsayEntityPanel *self,
                   HearsayEntity      *entity)
{
  g_autofree char *text = entry_text (self->affiliation_entry);
  const char *value = *text ? text : NULL;

  if (g_strcmp0 (value, hearsay_entity_get_affiliation (entity)) == 0)
    return FALSE;
  hearsay_entity_set_affiliation (entity, value);
  return TRUE;
}

static gboolean
apply_aliases (HearsayEntityPanel *self,
               HearsayEntity      *entity)
{
  g_auto(GStrv) parts = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->aliases_entry)), ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) aliases = NULL;
  const char * const *old = hearsay_entity_get_aliases (entity);
  guint n_old = old ? g_strv_length ((char **) old) : 0;

  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (builder, parts[i]);
  aliases = g_strv_builder_end (builder);
  if ((n_old == 0 && aliases[0] == NULL) ||
      (old != NULL && g_strv_equal ((const char * const *) aliases, old)))
    return FALSE;
  hearsay_entity_set_aliases (entity, (const char * const *) aliases);
  return TRUE;
}

static gboolean
apply_kind (HearsayEntityPanel *self,
            HearsayEntity      *entity)
{
  guint i = gtk_drop_down_get_selected (self->kind_dropdown);

  if (i >= self->kind_ids->len ||
      g_strcmp0 (g_ptr_array_index (self->kind_ids, i), hearsay_entity_get_kind (entity)) == 0)
    return FALSE;
  hearsay_entity_set_kind (entity, g_ptr_array_index (self->kind_ids, i));
  return TRUE;
}

static gboolean
apply_state (HearsayEntityPanel *self,
             HearsayEntity      *entity)
{
  guint i = gtk_drop_down_get_selected (self->state_dropdown);

  if (i >= G_N_ELEMENTS (state_values) ||
      g_strcmp0 (state_values[i], hearsay_entity_get_state_affiliated (entity)) == 0)
    return FALSE;
  hearsay_entity_set_state_affiliated (entity, state_values[i]);
  return TRUE;
}

static void
commit_entry (HearsayEntityPanel *self,
              GtkWidget          *entry)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  if (entry == NULL || entry != self->pending_entry)
    return;
  self->pending_entry = NULL;
  if (entry == GTK_WIDGET (self->name_entry))
    edit_entity (self, self->pending_id, apply_name);
  else if (entry == GTK_WIDGET (self->affiliation_entry))
    edit_entity (self, self->pending_id, apply_affiliation);
  else if (entry == GTK_WIDGET (self->aliases_entry))
    edit_entity (self, self->pending_id, apply_aliases);
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  HearsayEntityPanel *self = user_data;

  self->save_source = 0;
  commit_entry (self, self->pending_entry);
  return G_SOURCE_REMOVE;
}

static void
entry_changed_cb (GtkEditable        *entry,
                  HearsayEntityPanel *self)
{
  if (self->filling)
    return;
  if (self->pending_entry != NULL && self->pending_entry != GTK_WIDGET (entry))
    commit_entry (self, self->pending_entry);
  self->pending_entry = GTK_WIDGET (entry);
  self->pending_id = self->selected_id;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
entry_activate_cb (GtkEntry           *entry,
                   HearsayEntityPanel *self)
{
  commit_entry (self, GTK_WIDGET (entry));
}

static void
entry_leave_cb (GtkEventControllerFocus *controller,
                HearsayEntityPanel      *self)
{
  commit_entry (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
watch_entry (HearsayEntityPanel *self,
             GtkEntry           *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (entry, "changed", G_CALLBACK (entry_changed_cb), self);
  g_signal_connect (entry, "activate", G_CALLBACK (entry_activate_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (entry_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
}

static void
kind_selected_cb (HearsayEntityPanel *self)
{
  edit_entity (self, self->selected_id, apply_kind);
}

static void
state_selected_cb (HearsayEntityPanel *self)
{
  edit_entity (self, self->selected_id, apply_state);
}

static void
selection_changed_cb (HearsayEntityPanel *self)
{
  if (self->filling)
    return;
  /* Text typed for the previous entity still goes to that entity. */
  self->selected_id = hearsay_entity_panel_get_selected (self);
  commit_entry (self, self->pending_entry);
  fill_form (self);
}

static void
search_changed_cb (HearsayEntityPanel *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search, g_free);
  if (text != NULL && *text != '\0')
    self->search = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_status (self);
}

static void
new_clicked_cb (HearsayEntityPanel *self)
{
  g_autoptr(HearsayEntity) entity = NULL;
  g_autoptr(GError) error = NULL;

  if (self->project == NULL)
    return;
  entity = hearsay_entity_new (_("New entity"), "unknown");
  if (!hearsay_project_add_entity (self->project, entity, &error))
    {
      show_error (self, error);
      return;
    }
  if (hearsay_entity_panel_select_entity (self, hearsay_entity_get_id (entity)))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->name_entry), 0, -1);
    }
}

static void
row_activated_cb (HearsayEntityPanel *self,
                  guint               position)
{
  g_autoptr(HearsayEntity) entity = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (entity != NULL)
    g_signal_emit (self, signals[ENTITY_ACTIVATED], 0, hearsay_entity_get_id (entity));
}

static void
scheme_changed_cb (HearsayEntityPanel *self)
{
  reload_kinds (self);
  reload (self);
}

static void
hearsay_entity_panel_dispose (GObject *object)
{
  HearsayEntityPanel *self = HEARSAY_ENTITY_PANEL (object);

  commit_entry (self, self->pending_entry);
  g_clear_handle_id (&self->save_source, g_source_remove);
  hearsay_entity_panel_set_project (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARSAY_TYPE_ENTITY_PANEL);
  g_clear_object (&self->selection);
  g_clear_object (&self->entities);
  g_clear_object (&self->kinds);
  g_clear_pointer (&self->kind_ids, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);

  G_OBJECT_CLASS (hearsay_entity_panel_parent_class)->dispose (object);
}

static void
hearsay_entity_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HearsayEntityPanel *self = HEARSAY_ENTITY_PANEL (object);

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
hearsay_entity_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HearsayEntityPanel *self = HEARSAY_ENTITY_PANEL (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      hearsay_entity_panel_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hearsay_entity_panel_class_init (HearsayEntityPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearsay_entity_panel_dispose;
  object_class->get_property = hearsay_entity_panel_get_property;
  object_class->set_property = hearsay_entity_panel_set_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, HEARSAY_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when a row is activated (double click or Enter). */
  signals[ENTITY_ACTIVATED] =
    g_signal_new ("entity-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hearsay/Hearsay/panels/hearsay-entity-panel.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, HearsayEntityPanel, box);
  gtk_widget_class_bind_template_child (widget_class, HearsayEntityPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayEntityPanel, new_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayEntityPanel, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HearsayEntityPanel, column_view);
  gtk_widget_class_bind_template_child (widget_class, HearsayEntityPanel, empty_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayEntityPanel, status_label);
  gtk_widget_class_bind_template_child (widget_class, HearsayEntityPanel, form);
  gtk_widget_class_bind_template_child (widget_class, HearsayEntityPanel, name_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayEntityPanel, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearsayEntityPanel, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HearsayEntityPanel, affiliation_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayEntityPanel, aliases_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayEntityPanel, error_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
hearsay_entity_panel_init (HearsayEntityPanel *self)
{
  const char *states[] = { "—", _("Yes"), _("No"), _("Unclear"), NULL };
  g_autoptr(GtkStringList) state_model = gtk_string_list_new (states);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->kind_ids = g_ptr_array_new_with_free_func (g_free);
  self->kinds = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (self->kinds));
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (state_model));

  self->entities = g_list_store_new (HEARSAY_TYPE_ENTITY);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->entities)),
                                              GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self);

  /* The name gets the room; the kind is glanced at and has a tooltip. */
  add_column (self, _("Name"), COL_NAME, TRUE);
  add_column (self, _("Kind"), COL_KIND, FALSE);

  watch_entry (self, self->name_entry);
  watch_entry (self, self->affiliation_entry);
  watch_entry (self, self->aliases_entry);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  g_signal_connect_swapped (self->state_dropdown, "notify::selected", G_CALLBACK (state_selected_cb), self);

  update_status (self);
  fill_form (self);
}

GtkWidget *
hearsay_entity_panel_new (HearsayProject *project)
{
  g_return_val_if_fail (project == NULL || HEARSAY_IS_PROJECT (project), NULL);
  return g_object_new (HEARSAY_TYPE_ENTITY_PANEL, "project", project, NULL);
}

HearsayProject *
hearsay_entity_panel_get_project (HearsayEntityPanel *self)
{
  g_return_val_if_fail (HEARSAY_IS_ENTITY_PANEL (self), NULL);
  return self->project;
}

void
hearsay_entity_panel_set_project (HearsayEntityPanel *self,
                                  HearsayProject     *project)
{
  g_return_if_fail (HEARSAY_IS_ENTITY_PANEL (self));
  g_return_if_fail (project == NULL || HEARSAY_IS_PROJECT (project));

  if (self->project == project)
    return;
  if (self->project != NULL)
    {
      commit_entry (self, self->pending_entry);
      g_signal_handlers_disconnect_by_data (self->project, self);
    }
  g_set_object (&self->project, project);
  self->selected_id = 0;
  if (project != NULL)
    {
      g_signal_connect_swapped (project, "entities-changed", G_CALLBACK (reload), self);
      g_signal_connect_swapped (project, "scheme-changed", G_CALLBACK (scheme_changed_cb), self);
    }
  if (self->kinds != NULL)
    {
      reload_kinds (self);
      reload (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
}

gboolean
hearsay_entity_panel_select_entity (HearsayEntityPanel *self,
                                    gint64              id)
{
  guint position;

  g_return_val_if_fail (HEARSAY_IS_ENTITY_PANEL (self), FALSE);

  if (!find_position (self, id, &position))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      search_changed_cb (self);
      if (!find_position (self, id, &position))
        return FALSE;
    }
  gtk_single_selection_set_selected (self->selection, position);
  scroll_to (self->column_view, position);
  return TRUE;
}

gint64
hearsay_entity_panel_get_selected (HearsayEntityPanel *self)
{
  HearsayEntity *entity;

  g_return_val_if_fail (HEARSAY_IS_ENTITY_PANEL (self), 0);
  entity = selected_entity (self);
  return entity ? hearsay_entity_get_id (entity) : 0;
}
