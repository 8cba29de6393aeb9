/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hearsay-filter-bar.c: the filters over the sidebar's documents. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "hearsay-widget-util.h"

#include "hearsay-filter-bar.h"

struct _HearsayFilterBar
{
  GtkWidget parent_instance;

  HearsayProject *project;
  gboolean updating;

  /* What the drop-downs' items stand for; item 0 is "Any …". */
  GPtrArray *outlets;   /* char * */
  GArray *event_ids;    /* gint64 */
  GPtrArray *labels;    /* char * (label ids) */

  char *query;
  /* ::search-changed applies the query from an idle: replacing the text
   * empties it for a moment, which must not search for everything. */
  guint query_idle;
  char *date_from;
  char *date_to;

  GtkSearchEntry *query_entry;
  GtkMenuButton *menu_button;
  GtkDropDown *outlet_drop_down;
  GtkDropDown *event_drop_down;
  GtkDropDown *label_drop_down;
  GtkEntry *from_entry;
  GtkEntry *to_entry;
  GtkButton *clear_button;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (HearsayFilterBar, hearsay_filter_bar, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (HearsayFilterBar *self)
{
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* Rebuilds @drop_down's items from @names and selects @selected. */
static void
fill_drop_down (GtkDropDown        *drop_down,
                const char * const *names,
                guint               selected)
{
  GtkStringList *model = gtk_string_list_new (names);

  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (drop_down, selected);
  g_object_unref (model);
}

static void
reload_outlets (HearsayFilterBar *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *selected = NULL;
  guint position = 0;
  guint current = gtk_drop_down_get_selected (self->outlet_drop_down);

  if (current > 0 && current < self->outlets->len)
    selected = g_strdup (g_ptr_array_index (self->outlets, current));
  g_ptr_array_set_size (self->outlets, 0);
  g_ptr_array_add (self->outlets, g_strdup (""));
  if (self->project != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) documents = hearsay_project_list_documents (self->project, &error);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GPtrArray) outlets = g_ptr_array_new ();

      if (documents == NULL)
        g_warning ("Could not list the documents: %s", error->message);
      for (guint i = 0; documents != NULL && i < documents->len; i++)
        {
          const char *outlet = hearsay_document_get_outlet (g_ptr_array_index (documents, i));

          if (outlet != NULL && *outlet != '\0' && g_hash_table_add (seen, (gpointer) outlet))
            g_ptr_array_add (outlets, (gpointer) outlet);
        }
      g_ptr_array_sort (outlets, compare_strings);
      for (guint i = 0; i < outlets->len; i++)
        g_ptr_array_add (self->outlets, g_strdup (g_ptr_array_index (outlets, i)));
    }
  g_strv_builder_add (names, _("Any outlet"));
  for (guint i = 1; i < self->outlets->len; i++)
    {
      g_strv_builder_add (names, g_ptr_array_index (self->outlets, i));
      if (g_strcmp0 (selected, g_ptr_array_index (self->outlets, i)) == 0)
        position = i;
    }
  strv = g_strv_builder_end (names);
  fill_drop_down (self->outlet_drop_down, (const char * const *) strv, position);
}

static void
reload_events (HearsayFilterBar *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  guint current = gtk_drop_down_get_selected (self->event_drop_down);
  gint64 selected = current > 0 && current < self->event_ids->len ? g_array_index (self->event_ids, gint64, current) : 0;
  gint64 none = 0;
  guint position = 0;

  g_array_set_size (self->event_ids, 0);
  g_array_append_val (self->event_ids, none);
  g_strv_builder_add (names, _("Any event"));
  if (self->project != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) events = hearsay_project_list_events (self->project, &error);

      if (events == NULL)
        g_warning ("Could not list the events: %s", error->message);
      for (guint i = 0; events != NULL && i < events->len; i++)
        {
          HearsayEvent *event = g_ptr_array_index (events, i);
          gint64 id = hearsay_event_get_id (event);
          const char *date = hearsay_event_get_date (event);
          g_autofree char *name = NULL;

          if (date != NULL && *date != '\0')
            /* Translators: an event in the filter, e.g. "Deir ez-Zor retaken (2017-11-03)" */
            name = g_strdup_printf (_("%s (%s)"), hearsay_event_get_name (event), date);
          else
            name = g_strdup (hearsay_event_get_name (event));
          g_strv_builder_add (names, name);
          if (id == selected)
            position = self->event_ids->len;
          g_array_append_val (self->event_ids, id);
        }
    }
  strv = g_strv_builder_end (names);
  fill_drop_down (self->event_drop_down, (const char * const *) strv, position);
}

static void
reload_labels (HearsayFilterBar *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  g_autofree char *selected = NULL;
  guint current = gtk_drop_down_get_selected (self->label_drop_down);
  guint position = 0;

  if (current > 0 && current < self->labels->len)
    selected = g_strdup (g_ptr_array_index (self->labels, current));
  g_ptr_array_set_size (self->labels, 0);
  g_ptr_array_add (self->labels, g_strdup (""));
  g_strv_builder_add (names, _("Any label"));
  if (self->project != NULL)
    {
      HearsayScheme *scheme = hearsay_project_get_scheme (self->project);
      guint n = scheme != NULL ? hearsay_scheme_get_n_labels (scheme) : 0;

      for (guint i = 0; i < n; i++)
        {
          const HearsayLabel *label = hearsay_scheme_get_label (scheme, i);

          g_strv_builder_add (names, hearsay_scheme_translate (label->name));
          if (g_strcmp0 (selected, label->id) == 0)
            position = self->labels->len;
          g_ptr_array_add (self->labels, g_strdup (label->id));
        }
    }
  strv = g_strv_builder_end (names);
  fill_drop_down (self->label_drop_down, (const char * const *) strv, position);
}

static void
reload (HearsayFilterBar *self)
{
  self->updating = TRUE;
  reload_outlets (self);
  reload_events (self);
  reload_labels (self);
  self->updating = FALSE;
}

static void
on_project_changed (HearsayFilterBar *self)
{
  guint outlet = gtk_drop_down_get_selected (self->outlet_drop_down);
  guint event = gtk_drop_down_get_selected (self->event_drop_down);
  guint label = gtk_drop_down_get_selected (self->label_drop_down);

  reload (self);
  /* A selected outlet, event or label that went away no longer filters. */
  if ((outlet > 0 && gtk_drop_down_get_selected (self->outlet_drop_down) == 0) ||
      (event > 0 && gtk_drop_down_get_selected (self->event_drop_down) == 0) ||
      (label > 0 && gtk_drop_down_get_selected (self->label_drop_down) == 0))
    emit_changed (self);
}

/* Every filter back to "any", without ::changed. */
static void
reset_filters (HearsayFilterBar *self)
{
  gboolean updating = self->updating;

  self->updating = TRUE;
  g_clear_handle_id (&self->query_idle, g_source_remove);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->date_from, g_free);
  g_clear_pointer (&self->date_to, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->query_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), "");
  gtk_drop_down_set_selected (self->outlet_drop_down, 0);
  gtk_drop_down_set_selected (self->event_drop_down, 0);
  gtk_drop_down_set_selected (self->label_drop_down, 0);
  hearsay_filter_bar_set_error (self, NULL);
  self->updating = updating;
}

void
hearsay_filter_bar_set_project (HearsayFilterBar *self,
                                HearsayProject   *project)
{
  g_return_if_fail (HEARSAY_IS_FILTER_BAR (self));

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  if (project != NULL)
    {
      g_signal_connect_object (project, "documents-changed", G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (project, "document-changed", G_CALLBACK (on_project_changed), self, G_CONNECT_SWAPPED);
    }
  /* Another project's search or dates would hide this one's documents. */
  reset_filters (self);
  reload (self);
}

static void
on_menu_active (HearsayFilterBar *self)
{
  /* Events and the scheme change without a signal here: refresh on open. */
  on_project_changed (self);
}

/* A date is YYYY-MM-DD and exists; NULL or "" means no bound. */
static gboolean
parse_date (const char *text,
            char      **date)
{
  guint y, m, d;
  char end;

  *date = NULL;
  if (text == NULL || *text == '\0')
    return TRUE;
  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &end) != 3 ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;
  *date = g_strdup (text);
  return TRUE;
}

static void
on_date_changed (GtkEntry         *entry,
                 HearsayFilterBar *self)
{
  char **slot = entry == self->to_entry ? &self->date_to : &self->date_from;
  g_autofree char *date = NULL;
  gboolean valid = parse_date (gtk_editable_get_text (GTK_EDITABLE (entry)), &date);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (entry), valid ? NULL : _("Not a date: use YYYY-MM-DD"));
  /* An invalid date is ignored. */
  if (g_strcmp0 (*slot, date) == 0)
    return;
  g_free (*slot);
  *slot = g_steal_pointer (&date);
  emit_changed (self);
}

/* Applies the entry's text as the query. GtkSearchEntry emits
 * ::search-changed a short pause after the last key (and at once when the
 * text is emptied, as the clear icon does), so typing searches; Enter
 * applies it without waiting. */
static void
apply_query (HearsayFilterBar *self)
{
  g_clear_handle_id (&self->query_idle, g_source_remove);
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->query_entry))));

  if (*query == '\0')
    g_clear_pointer (&query, g_free);
  if (g_strcmp0 (query, self->query) == 0)
    return;
  g_free (self->query);
  self->query = g_steal_pointer (&query);
  emit_changed (self);
}

static gboolean
query_idle_cb (gpointer data)
{
  HearsayFilterBar *self = data;

  self->query_idle = 0;
  apply_query (self);
  return G_SOURCE_REMOVE;
}

static void
on_search_changed (HearsayFilterBar *self)
{
  if (self->query_idle == 0 && !self->updating)
    self->query_idle = g_idle_add (query_idle_cb, self);
}

static void
on_query_stop (GtkSearchEntry   *entry,
               HearsayFilterBar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  apply_query (self);
}

static void
on_selected_changed (HearsayFilterBar *self)
{
  emit_changed (self);
}

void
hearsay_filter_bar_clear (HearsayFilterBar *self)
{
  g_return_if_fail (HEARSAY_IS_FILTER_BAR (self));

  reset_filters (self);
  emit_changed (self);
}

static void
on_clear_clicked (HearsayFilterBar *self)
{
  hearsay_filter_bar_clear (self);
  gtk_menu_button_popdown (self->menu_button);
}

void
hearsay_filter_bar_get_filter (HearsayFilterBar      *self,
                               HearsayDocumentFilter *filter)
{
  guint outlet, event, label;

  g_return_if_fail (HEARSAY_IS_FILTER_BAR (self));

  outlet = gtk_drop_down_get_selected (self->outlet_drop_down);
  event = gtk_drop_down_get_selected (self->event_drop_down);
  label = gtk_drop_down_get_selected (self->label_drop_down);
  filter->outlet = outlet > 0 && outlet < self->outlets->len ? g_ptr_array_index (self->outlets, outlet) : NULL;
  filter->event_id = event > 0 && event < self->event_ids->len ? g_array_index (self->event_ids, gint64, event) : 0;
  filter->label = label > 0 && label < self->labels->len ? g_ptr_array_index (self->labels, label) : NULL;
  filter->date_from = self->date_from;
  filter->date_to = self->date_to;
  filter->query = self->query;
}

gboolean
hearsay_filter_bar_is_active (HearsayFilterBar *self)
{
  HearsayDocumentFilter filter;

  g_return_val_if_fail (HEARSAY_IS_FILTER_BAR (self), FALSE);
  hearsay_filter_bar_get_filter (self, &filter);
  return filter.outlet != NULL || filter.event_id != 0 || filter.label != NULL ||
         filter.date_from != NULL || filter.date_to != NULL || filter.query != NULL;
}

const char *
hearsay_filter_bar_get_query (HearsayFilterBar *self)
{
  g_return_val_if_fail (HEARSAY_IS_FILTER_BAR (self), NULL);
  return self->query;
}

void
hearsay_filter_bar_set_error (HearsayFilterBar *self,
                              const char       *message)
{
  g_return_if_fail (HEARSAY_IS_FILTER_BAR (self));
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->query_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->query_entry), "error");
}

GtkEditable *
hearsay_filter_bar_get_query_entry (HearsayFilterBar *self)
{
  return GTK_EDITABLE (self->query_entry);
}

GtkDropDown *
hearsay_filter_bar_get_outlet_drop_down (HearsayFilterBar *self)
{
  return self->outlet_drop_down;
}

GtkDropDown *
hearsay_filter_bar_get_event_drop_down (HearsayFilterBar *self)
{
  return self->event_drop_down;
}

GtkDropDown *
hearsay_filter_bar_get_label_drop_down (HearsayFilterBar *self)
{
  return self->label_drop_down;
}

GtkEditable *
hearsay_filter_bar_get_date_entry (HearsayFilterBar *self,
                                   gboolean          to)
{
  return GTK_EDITABLE (to ? self->to_entry : self->from_entry);
}

GtkLabel *
hearsay_filter_bar_get_error_label (HearsayFilterBar *self)
{
  return self->error_label;
}

GtkMenuButton *
hearsay_filter_bar_get_menu_button (HearsayFilterBar *self)
{
  return self->menu_button;
}

static void
hearsay_filter_bar_dispose (GObject *object)
{
  HearsayFilterBar *self = HEARSAY_FILTER_BAR (object);

  g_clear_handle_id (&self->query_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HEARSAY_TYPE_FILTER_BAR);
  hearsay_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->project);
  G_OBJECT_CLASS (hearsay_filter_bar_parent_class)->dispose (object);
}

static void
hearsay_filter_bar_finalize (GObject *object)
{
  HearsayFilterBar *self = HEARSAY_FILTER_BAR (object);

  g_clear_pointer (&self->outlets, g_ptr_array_unref);
  g_clear_pointer (&self->event_ids, g_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_free (self->query);
  g_free (self->date_from);
  g_free (self->date_to);
  G_OBJECT_CLASS (hearsay_filter_bar_parent_class)->finalize (object);
}

static void
hearsay_filter_bar_class_init (HearsayFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hearsay_filter_bar_dispose;
  object_class->finalize = hearsay_filter_bar_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hearsay/Hearsay/panels/hearsay-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, HearsayFilterBar, query_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayFilterBar, menu_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayFilterBar, outlet_drop_down);
  gtk_widget_class_bind_template_child (widget_class, HearsayFilterBar, event_drop_down);
  gtk_widget_class_bind_template_child (widget_class, HearsayFilterBar, label_drop_down);
  gtk_widget_class_bind_template_child (widget_class, HearsayFilterBar, from_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayFilterBar, to_entry);
  gtk_widget_class_bind_template_child (widget_class, HearsayFilterBar, clear_button);
  gtk_widget_class_bind_template_child (widget_class, HearsayFilterBar, error_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "hearsay-filter-bar");
}

static void
hearsay_filter_bar_init (HearsayFilterBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->outlets = g_ptr_array_new_with_free_func (g_free);
  self->event_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  self->labels = g_ptr_array_new_with_free_func (g_free);
  reload (self);

  g_signal_connect_swapped (self->query_entry, "activate", G_CALLBACK (apply_query), self);
  g_signal_connect_swapped (self->query_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->query_entry, "stop-search", G_CALLBACK (on_query_stop), self);
  g_signal_connect (self->from_entry, "changed", G_CALLBACK (on_date_changed), self);
  g_signal_connect (self->to_entry, "changed", G_CALLBACK (on_date_changed), self);
  g_signal_connect_swapped (self->outlet_drop_down, "notify::selected", G_CALLBACK (on_selected_changed), self);
  g_signal_connect_swapped (self->event_drop_down, "notify::selected", G_CALLBACK (on_selected_changed), self);
  g_signal_connect_swapped (self->label_drop_down, "notify::selected", G_CALLBACK (on_selected_changed), self);
  g_signal_connect_swapped (self->clear_button, "clicked", G_CALLBACK (on_clear_clicked), self);
  g_signal_connect_swapped (gtk_menu_button_get_popover (self->menu_button), "show",
                            G_CALLBACK (on_menu_active), self);
}
